/**
 * A directory kept between jobs under a key: in an action the Actions cache (shared by every job and
 * workflow of the repository), absent in the CLI, where the directory itself persists. Used for what
 * is expensive to fetch again, such as Trivy's vulnerability database under the day's key.
 */
export interface DirectoryCache {
  /** Fills `dir` with what was saved under exactly `key`; true when it did. */
  restore(dir: string, key: string): Promise<boolean>;
  /** Saves `dir` under `key`; a key saved already by another job is not an error. */
  save(dir: string, key: string): Promise<void>;
}
