import type { Logger } from './logger.js';
import type { RunInfo } from './report/types.js';
import type { GitHubContext } from './github/context.js';
import type { StageHost } from './host/index.js';

/** What a stage run gets from its host (the action entry or the CLI). */
export interface StageContext {
  /** Directory the stage works in (the repository root unless `working-directory` says otherwise). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  run: RunInfo;
  /** Present in an action with a token (and in the CLI when GITHUB_TOKEN is set). */
  github?: GitHubContext;
  /** Aborted on SIGTERM/SIGINT (a cancelled run): stages clean up and report `cancelled`. */
  signal: AbortSignal;
  /** Where state between runs and downloaded tools live: the Actions cache in an action, directories in the CLI. */
  host: StageHost;
}
