import * as cache from '@actions/cache';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../core/errors.js';
import { branchKey, type BaselineStore } from '../core/host/baseline-store.js';
import { FsBaselineStore } from '../core/host/fs-baseline-store.js';
import type { Logger } from '../core/logger.js';

/**
 * The cached directory. Cache entries are versioned by their paths, so save and restore must name
 * the same one: a fixed path relative to the step's working directory.
 */
const CACHE_DIR = '.shipkit/baseline-cache';
const FILE = 'baseline.json';

export const baselineKeyPrefix = (kind: string, branch: string): string =>
  `shipkit-${branchKey(kind)}-${branchKey(branch)}-`;

/**
 * Baselines in the Actions cache: saved under `shipkit-<kind>-<branch>-<sha>`, restored by the prefix
 * `shipkit-<kind>-<branch>-` (the cache service returns the newest match). A baseline is a
 * convenience: when the cache service is unreachable this warns and behaves as "no baseline".
 */
export class ActionsCacheBaselineStore implements BaselineStore {
  constructor(private readonly logger: Logger) {}

  private available(what: string): boolean {
    if (cache.isFeatureAvailable()) return true;
    this.logger.warning(
      `The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no baseline ${what}.`,
    );
    return false;
  }

  async restore(kind: string, branch: string): Promise<string | undefined> {
    if (!this.available('restored')) return undefined;
    const prefix = baselineKeyPrefix(kind, branch);
    const dir = path.join(CACHE_DIR, branchKey(kind));
    try {
      await rm(dir, { recursive: true, force: true });
      const key = await cache.restoreCache([dir], `${prefix}latest`, [prefix]);
      if (key === undefined) return undefined;
      return await readFile(path.join(dir, FILE), 'utf8');
    } catch (error) {
      this.logger.warning(`Could not restore the ${kind} baseline of '${branch}': ${errorMessage(error)}`);
      return undefined;
    }
  }

  async save(kind: string, branch: string, sha: string, text: string): Promise<void> {
    if (!this.available('saved')) return;
    const dir = path.join(CACHE_DIR, branchKey(kind));
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, FILE), text);
      await cache.saveCache([dir], `${baselineKeyPrefix(kind, branch)}${branchKey(sha)}`);
    } catch (error) {
      this.logger.warning(`Could not save the ${kind} baseline of '${branch}': ${errorMessage(error)}`);
    }
  }
}

/**
 * The action's baseline store: the Actions cache, or a directory when SHIPKIT_BASELINE_DIR names one
 * (self-hosted runners with a persistent disk, and the runner-contract tests).
 */
export function actionBaselineStore(env: NodeJS.ProcessEnv, logger: Logger): BaselineStore {
  const dir = env.SHIPKIT_BASELINE_DIR;
  return dir ? new FsBaselineStore(dir) : new ActionsCacheBaselineStore(logger);
}
