/**
 * Downloading and keeping external tools (Trivy): in an action through @actions/tool-cache (the
 * runner's tool cache survives between jobs on self-hosted runners), in the CLI in a directory under
 * the user's cache. Domain code sees only this interface.
 */
export interface ToolCache {
  /** The directory of a cached `tool` at `version`, or undefined. */
  find(tool: string, version: string): string | undefined;
  /** Downloads `url` to a temporary file and returns its path. */
  download(url: string): Promise<string>;
  /** Extracts a .tar.gz and returns the directory. */
  extractTar(file: string): Promise<string>;
  /** Copies `dir` into the cache as `tool` at `version` and returns the cached directory. */
  cacheDir(dir: string, tool: string, version: string): Promise<string>;
}
