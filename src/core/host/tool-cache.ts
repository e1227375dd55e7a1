/**
 * Downloading and keeping external tools (Trivy): in an action through @actions/tool-cache (the
 * runner's tool cache survives between jobs on self-hosted runners), in the CLI in a directory under
 * the user's cache. Domain code sees only this interface.
 */
export interface ToolCache {
  /** The directory of a cached `tool` at `version`, or undefined. */
  find(tool: string, version: string): Promise<string | undefined>;
  /**
   * Downloads `url` to a new temporary file and returns its path (the caller deletes it). An HTTP
   * error status is a ToolDownloadError.
   */
  download(url: string): Promise<string>;
  /** Extracts a .tar.gz into a new temporary directory and returns it (the caller deletes it). */
  extractTar(file: string): Promise<string>;
  /** Copies `dir` into the cache as `tool` at `version` and returns the cached directory. */
  cacheDir(dir: string, tool: string, version: string): Promise<string>;
}

/**
 * A download the server answered with an HTTP error status. Both tool caches throw this, so domain
 * code tells "no such release" (404) from "the server is failing" the same way in an action and in
 * the CLI. Network failures (refused, DNS) are passed through as they are: the core classifies them.
 */
export class ToolDownloadError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | undefined,
  ) {
    super(`download of ${url} failed${status === undefined ? '' : ` with HTTP ${status}`}`);
    this.name = 'ToolDownloadError';
  }
}
