import * as cache from '@actions/cache';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { TrivyDbCache } from '../stages/scan/trivy/db-cache.js';

/**
 * Trivy's vulnerability database in the Actions cache under the day's key
 * (`shipkit-trivy-db-2026-11-27`): the first run of a day downloads it from the registry, every
 * other run that day — every job, every workflow of the repository — restores it instead, which is
 * what keeps a busy repository under ghcr.io's anonymous rate limit. Only an exact key counts: an
 * older day's database is not restored, so a run never scans with a stale one without saying so.
 * Cache entries are versioned by their paths, so `dbDir` must be the same path on save and restore
 * (it is: `$RUNNER_TEMP/shipkit-trivy/db`).
 */
export class ActionsCacheTrivyDbCache implements TrivyDbCache {
  constructor(private readonly logger: Logger) {}

  async restore(dbDir: string, key: string): Promise<boolean> {
    if (!cache.isFeatureAvailable()) {
      this.logger.debug("The Actions cache is not available here: Trivy's database is downloaded.");
      return false;
    }
    try {
      return (await cache.restoreCache([dbDir], key)) === key;
    } catch (error) {
      this.logger.warning(`Could not restore Trivy's database from the Actions cache (${key}): ${errorMessage(error)}`);
      return false;
    }
  }

  async save(dbDir: string, key: string): Promise<void> {
    if (!cache.isFeatureAvailable()) return;
    try {
      await cache.saveCache([dbDir], key);
    } catch (error) {
      // Another job of the same day saved it first: theirs is as good as ours.
      if (error instanceof cache.ReserveCacheError) {
        this.logger.debug(`Trivy's database is already cached as ${key}.`);
        return;
      }
      this.logger.warning(`Could not save Trivy's database to the Actions cache (${key}): ${errorMessage(error)}`);
    }
  }
}

export function actionTrivyDbCache(logger: Logger): TrivyDbCache {
  return new ActionsCacheTrivyDbCache(logger);
}
