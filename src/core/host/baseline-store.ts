/**
 * State one run leaves for later runs of the same workflow: the test stage's coverage baseline of the
 * default branch, the scan stage's findings of it. The action keeps it in the Actions cache
 * (src/runtime/baseline-cache.ts); the CLI and tests in a directory (FsBaselineStore).
 * Entries are text (JSON), keyed by a kind (`coverage`, `findings`) and a branch.
 */
export interface BaselineStore {
  /** The newest entry saved for `kind` on `branch`, or undefined when there is none or it cannot be read. */
  restore(kind: string, branch: string): Promise<string | undefined>;
  save(kind: string, branch: string, sha: string, text: string): Promise<void>;
}

/** Cache keys and directory names: branch names may hold `/`. */
export function branchKey(branch: string): string {
  return branch.replace(/[^A-Za-z0-9._-]/g, '_');
}
