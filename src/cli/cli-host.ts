import os from 'node:os';
import path from 'node:path';
import { FsBaselineStore } from '../core/host/fs-baseline-store.js';
import type { StageHost } from '../core/host/index.js';
import { lazyToolCache } from '../core/host/lazy.js';

/**
 * What `npx shipkit` offers a stage: baselines in `.shipkit/baseline` of the repository (or
 * SHIPKIT_BASELINE_DIR) and downloaded tools under the user's cache directory.
 */
export function cliHost(root: string, env: NodeJS.ProcessEnv): StageHost {
  const cacheHome = env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return {
    kind: 'cli',
    baselines: new FsBaselineStore(env.SHIPKIT_BASELINE_DIR ?? path.join(root, '.shipkit', 'baseline')),
    tools: lazyToolCache(
      async () =>
        new (await import('../core/host/fs-tool-cache.js')).FsToolCache(
          env.SHIPKIT_TOOL_CACHE ?? path.join(cacheHome, 'shipkit', 'tools'),
        ),
    ),
  };
}
