/**
 * The workflow run's artifacts, as the root report action reads them: in an action through the
 * Actions artifact service (src/runtime/artifacts.ts); the CLI has none (it reads `--reports DIR`).
 */
export interface ArtifactSource {
  /**
   * Downloads every artifact of this workflow run whose name starts with `prefix` (the newest of each
   * name, when a job was re-run) into a folder of its own below `dir`. Returns the folders.
   */
  download(prefix: string, dir: string): Promise<{ name: string; dir: string }[]>;
}
