import * as cache from '@actions/cache';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from '../core/context.js';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import {
  branchKey,
  FsBaselineStore,
  parseBaseline,
  type Baseline,
  type BaselineStore,
} from '../stages/test-stage/baseline.js';

/**
 * The cached directory. Cache entries are versioned by their paths, so save and restore must name
 * the same one: a fixed path relative to the step's working directory.
 */
const CACHE_DIR = '.shipkit/baseline-cache';
const FILE = 'baseline.json';

export const baselineKeyPrefix = (branch: string): string => `shipkit-coverage-${branchKey(branch)}-`;

/**
 * Baselines in the Actions cache: saved under `shipkit-coverage-<branch>-<sha>`, restored by the
 * prefix `shipkit-coverage-<branch>-` (the cache service returns the newest match). A baseline is a
 * convenience: when the cache service is unreachable this warns and behaves as "no baseline".
 */
export class ActionsCacheBaselineStore implements BaselineStore {
  constructor(private readonly logger: Logger) {}

  private available(what: string): boolean {
    if (cache.isFeatureAvailable()) return true;
    this.logger.warning(
      `The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no coverage baseline ${what}.`,
    );
    return false;
  }

  async restore(branch: string): Promise<Baseline | undefined> {
    if (!this.available('restored')) return undefined;
    const prefix = baselineKeyPrefix(branch);
    try {
      await rm(CACHE_DIR, { recursive: true, force: true });
      const key = await cache.restoreCache([CACHE_DIR], `${prefix}latest`, [prefix]);
      if (key === undefined) return undefined;
      const baseline = parseBaseline(await readFile(path.join(CACHE_DIR, FILE), 'utf8'));
      if (!baseline) this.logger.warning(`The cached baseline ${key} is not readable by this version; ignoring it.`);
      return baseline;
    } catch (error) {
      this.logger.warning(`Could not restore the coverage baseline of '${branch}': ${errorMessage(error)}`);
      return undefined;
    }
  }

  async save(branch: string, sha: string, baseline: Baseline): Promise<void> {
    if (!this.available('saved')) return;
    try {
      await mkdir(CACHE_DIR, { recursive: true });
      await writeFile(path.join(CACHE_DIR, FILE), JSON.stringify(baseline));
      await cache.saveCache([CACHE_DIR], `${baselineKeyPrefix(branch)}${sha}`);
    } catch (error) {
      this.logger.warning(`Could not save the coverage baseline of '${branch}': ${errorMessage(error)}`);
    }
  }
}

/**
 * The action's baseline store: the Actions cache, or a directory when SHIPKIT_BASELINE_DIR names one
 * (self-hosted runners with a persistent disk, and the runner-contract tests).
 */
export function actionBaselineStore(ctx: StageContext): BaselineStore {
  const dir = ctx.env.SHIPKIT_BASELINE_DIR;
  return dir ? new FsBaselineStore(dir) : new ActionsCacheBaselineStore(ctx.logger);
}
