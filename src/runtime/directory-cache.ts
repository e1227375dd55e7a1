import * as cache from '@actions/cache';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { DirectoryCache } from '../core/host/directory-cache.js';

/**
 * Directories in the Actions cache under an exact key. The scan stage keeps Trivy's vulnerability
 * database here under the day's key (`shipkit-trivy-db-2026-11-27`): the first run of a day downloads
 * it from the registry, every other run that day — every job, every workflow of the repository —
 * restores it instead, which is what keeps a busy repository under ghcr.io's anonymous rate limit.
 * Only an exact key counts: an older day's database is not restored, so a run never uses a stale
 * one without saying so. Cache entries are versioned by their paths, so `dir` must be the same path
 * on save and restore.
 */
export class ActionsDirectoryCache implements DirectoryCache {
  constructor(private readonly logger: Logger) {}

  async restore(dir: string, key: string): Promise<boolean> {
    if (!cache.isFeatureAvailable()) {
      this.logger.debug(`The Actions cache is not available here: nothing restored for ${key}.`);
      return false;
    }
    try {
      return (await cache.restoreCache([dir], key)) === key;
    } catch (error) {
      this.logger.warning(`Could not restore ${dir} from the Actions cache (${key}): ${errorMessage(error)}`);
      return false;
    }
  }

  async save(dir: string, key: string): Promise<void> {
    if (!cache.isFeatureAvailable()) return;
    try {
      await cache.saveCache([dir], key);
    } catch (error) {
      // Another job of the same day saved it first: theirs is as good as ours.
      if (error instanceof cache.ReserveCacheError) {
        this.logger.debug(`${key} is cached already.`);
        return;
      }
      this.logger.warning(`Could not save ${dir} to the Actions cache (${key}): ${errorMessage(error)}`);
    }
  }
}

export function actionDirectoryCache(logger: Logger): DirectoryCache {
  return new ActionsDirectoryCache(logger);
}
