import type { DatabaseTarget } from './database-url.js';
import { MysqlDriver } from './drivers/mysql.js';
import { PgliteDriver } from './drivers/pglite.js';
import { PostgresDriver } from './drivers/postgres.js';
import { SqliteDriver } from './drivers/sqlite.js';
import type { Driver, LockOwner } from './drivers/types.js';

/**
 * Opens the database and takes the migration lock. Embedded databases lock before opening (their
 * file lock is the only guard); servers lock on the session, so a killed run's lock dies with it.
 */
export async function connectAndLock(
  target: DatabaseTarget,
  owner: LockOwner,
  opts: { lock: boolean; timeoutMs: number; signal: AbortSignal },
): Promise<{ driver: Driver; waitedMs: number }> {
  switch (target.kind) {
    case 'pglite':
      return PgliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal);
    case 'sqlite':
      return SqliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal);
    case 'postgres':
    case 'mysql': {
      const driver =
        target.kind === 'postgres'
          ? await PostgresDriver.connect(target.location, owner)
          : await MysqlDriver.connect(target.location, owner);
      if (!opts.lock) return { driver, waitedMs: 0 };
      try {
        const { waitedMs } = await driver.lock(opts.timeoutMs, opts.signal);
        return { driver, waitedMs };
      } catch (error) {
        await driver.close().catch(() => undefined);
        throw error;
      }
    }
  }
}
