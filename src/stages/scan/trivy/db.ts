import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import type { StageContext } from '../../../core/context.js';
import { ServiceError, UserError } from '../../../core/errors.js';
import { userCommandEnv } from '../../../core/user-command-env.js';
import { dailyDbKey, hasDatabase, MarkerDbCache, type TrivyDbCache } from './db-cache.js';
import { RATE_LIMIT } from './defaults.js';
import { isRateLimited, stderrTail } from './errors.js';
import { runProcess } from './exec.js';
import type { TrivyBinary } from './install.js';
import { probeRetryAfter } from './registry-probe.js';

export interface DbSettings {
  dbRepositories: string[];
  skipDbUpdate: boolean;
  insecure?: boolean;
  dbCache?: TrivyDbCache;
  rateLimit?: { attempts?: number; maxWaitSeconds?: number };
}

export type DbState =
  | { source: 'skip-db-update' }
  | { source: 'cache'; key: string }
  | { source: 'download'; key: string; repository: string };

/** Waits without a Retry-After: 10 s, 30 s, 90 s … (each still within the bound). */
function backoffSeconds(attempt: number): number {
  return 10 * 3 ** (attempt - 1);
}

/**
 * Makes sure `<cacheDir>/db` holds a vulnerability database Trivy can scan with, so every scan runs
 * with --skip-db-update. With `skip-db-update` the one already there is used as it is. Otherwise,
 * in order: the database this directory got today (a second scan in the same job, or the CLI's
 * persistent cache), the day's copy in `dbCache` (the Actions cache in an action), or a download
 * (each of `db-repository` in order, rate limits waited out within the bound), which is then saved
 * under the day's key.
 */
export async function prepareDb(
  trivy: TrivyBinary,
  settings: DbSettings,
  cacheDir: string,
  ctx: StageContext,
  now: Date = new Date(),
): Promise<DbState> {
  const dbDir = path.join(cacheDir, 'db');
  const here = new MarkerDbCache();
  const key = dailyDbKey(now);
  if (settings.skipDbUpdate) {
    if (hasDatabase(dbDir) || ((await settings.dbCache?.restore(dbDir, key)) && hasDatabase(dbDir))) {
      return { source: 'skip-db-update' };
    }
    throw new UserError(
      `skip-db-update is set but there is no vulnerability database in ${dbDir} (trivy.db and metadata.json) and none was cached today`,
      { input: 'skip-db-update' },
    );
  }
  if (await here.restore(dbDir, key)) {
    ctx.logger.info(`Trivy's vulnerability database: today's copy in ${dbDir} (${key}).`);
    return { source: 'cache', key };
  }
  if ((await settings.dbCache?.restore(dbDir, key)) && hasDatabase(dbDir)) {
    await here.save(dbDir, key);
    ctx.logger.info(`Trivy's vulnerability database: today's cached copy (${key}).`);
    return { source: 'cache', key };
  }
  const repository = await downloadDb(trivy, settings, cacheDir, ctx);
  await here.save(dbDir, key);
  await settings.dbCache?.save(dbDir, key);
  return { source: 'download', key, repository };
}

/**
 * Runs `trivy image --download-db-only` against one repository at a time, so Trivy does the pull
 * (its auth, proxies, mirrors and --insecure) while shipkit decides what a failure means: a rate
 * limit is waited out for as long as the registry asks (Retry-After, learnt by one HEAD request)
 * within `maxWaitSeconds`, up to `attempts` times; any other failure moves on to the next repository.
 */
async function downloadDb(
  trivy: TrivyBinary,
  settings: DbSettings,
  cacheDir: string,
  ctx: StageContext,
): Promise<string> {
  const repositories = settings.dbRepositories.map((r) => r.trim()).filter((r) => r.length > 0);
  if (repositories.length === 0) {
    throw new UserError('db-repository lists no repository', { input: 'db-repository' });
  }
  const attempts = Math.max(1, settings.rateLimit?.attempts ?? RATE_LIMIT.attempts);
  const maxWait = Math.max(0, settings.rateLimit?.maxWaitSeconds ?? RATE_LIMIT.maxWaitSeconds);
  const failures: string[] = [];
  for (const repository of repositories) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      ctx.signal.throwIfAborted();
      const args = ['image', '--download-db-only', '--db-repository', repository, '--cache-dir', cacheDir];
      args.push('--no-progress', '--quiet', '--skip-version-check', '--disable-telemetry');
      if (settings.insecure) args.push('--insecure');
      const result = await runProcess(trivy.path, args, {
        cwd: ctx.cwd,
        env: userCommandEnv(ctx.env),
        signal: ctx.signal,
      });
      if (result.code === 0) {
        ctx.logger.info(`Trivy's vulnerability database: downloaded from ${repository}.`);
        return repository;
      }
      const reason = stderrTail(result.stderr) || `exit code ${result.code}`;
      if (!isRateLimited(result.stderr)) {
        failures.push(`${repository}: ${reason}`);
        ctx.logger.warning(`Could not download Trivy's database from ${repository}: ${reason}`);
        break;
      }
      if (attempt >= attempts) {
        failures.push(`${repository}: rate-limited (HTTP 429) ${attempts} times`);
        ctx.logger.warning(`${repository} is still rate-limiting (HTTP 429) after ${attempts} attempts.`);
        break;
      }
      const asked = await probeRetryAfter(repository, { insecure: settings.insecure ?? false, signal: ctx.signal });
      const wait = asked ?? backoffSeconds(attempt);
      const said = asked === undefined ? 'no Retry-After' : `Retry-After ${asked}s`;
      if (wait > maxWait) {
        failures.push(`${repository}: rate-limited (HTTP 429), asks to wait ${wait}s`);
        ctx.logger.warning(
          `${repository} is rate-limiting (HTTP 429, ${said}): ${wait}s is more than the ${maxWait}s bound, not waiting.`,
        );
        break;
      }
      ctx.logger.progress(
        `${repository} is rate-limiting (HTTP 429, ${said}): attempt ${attempt + 1} of ${attempts} in ${wait}s`,
      );
      await sleep(wait * 1000, undefined, { signal: ctx.signal });
    }
  }
  throw new ServiceError(
    `could not download Trivy's vulnerability database from ${repositories.length === 1 ? 'its repository' : `any of ${repositories.length} repositories`} (${failures.join('; ')})`,
    'List a mirror you can reach first in db-repository, or provide a database and set skip-db-update.',
    'db-repository',
  );
}
