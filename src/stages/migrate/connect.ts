import type { DatabaseTarget } from './database-url.js';
import type { Driver, LockOwner, Progress } from './drivers/types.js';

/**
 * Opens the database and takes the migration lock. Each driver (pg, mysql2, PGlite, SQLite's wasm)
 * is loaded here, for the one database the run targets. Embedded databases lock before opening
 * (their file lock is the only guard); servers lock on the session, so a killed run's lock dies
 * with it. Errors reaching the server (refused, unknown host, wrong password, unknown database)
 * are thrown as the driver raised them, for the core to report as what they are.
 */
export async function connectAndLock(
  target: DatabaseTarget,
  owner: LockOwner,
  opts: { lock: boolean; timeoutMs: number; signal: AbortSignal; progress: Progress; env: NodeJS.ProcessEnv },
): Promise<{ driver: Driver; waitedMs: number }> {
  switch (target.kind) {
    case 'pglite': {
      const { PgliteDriver } = await import('./drivers/pglite.js');
      return PgliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal, opts.progress);
    }
    case 'sqlite': {
      const { SqliteDriver } = await import('./drivers/sqlite.js');
      return SqliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal, opts.progress);
    }
    case 'postgres':
    case 'mysql': {
      const driver =
        target.kind === 'postgres'
          ? await (await import('./drivers/postgres.js')).PostgresDriver.connect(target.location, owner, opts.env)
          : await (await import('./drivers/mysql.js')).MysqlDriver.connect(target.location, owner, opts.env);
      if (!opts.lock) return { driver, waitedMs: 0 };
      try {
        const { waitedMs } = await driver.lock(opts.timeoutMs, opts.signal, opts.progress);
        return { driver, waitedMs };
      } catch (error) {
        await driver.close().catch(() => undefined);
        throw error;
      }
    }
  }
}
