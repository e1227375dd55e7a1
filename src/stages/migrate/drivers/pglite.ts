import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { UserError } from '../../../core/errors.js';
import { splitPostgres } from '../sql/postgres-parse.js';
import { FileLock } from './file-lock.js';
import { toPositional } from './postgres.js';
import type { Driver, LockOwner, Row } from './types.js';

/**
 * PGlite's loader does not survive ncc bundling (its CommonJS build reads __filename, its ESM build
 * loads chunks), so it is imported at run time from node_modules: present for `npx shipkit` (a
 * dependency of the package) and in a clone after `npm ci`, but not inside an action's dist/.
 */
async function loadPglite(): Promise<typeof PGlite> {
  try {
    const mod = (await import(/* webpackIgnore: true */ '@electric-sql/pglite')) as { PGlite: typeof PGlite };
    return mod.PGlite;
  } catch (error) {
    throw new UserError(
      `the embedded database (pglite) needs the @electric-sql/pglite package, which is not installed here: ${(error as Error).message.split('\n')[0] ?? ''}. Pass database-url for a server instead.`,
      { input: 'database-url' },
    );
  }
}

/** PostgreSQL compiled to WebAssembly, in a directory: the zero-setup database of the CLI. */
export class PgliteDriver implements Driver {
  readonly dialect = 'postgres';
  readonly transactionalDdl = true;
  private constructor(
    private readonly db: PGlite,
    private readonly fileLock: FileLock,
  ) {}

  /** PGlite cannot share its directory between processes: the file lock is taken before it is opened. */
  static async open(
    dir: string,
    owner: LockOwner,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<{ driver: PgliteDriver; waitedMs: number }> {
    const fileLock = new FileLock(`${dir}.lock`, owner.label);
    const { waitedMs } = await fileLock.acquire(timeoutMs, signal);
    try {
      await mkdir(path.dirname(dir), { recursive: true });
      const db = new (await loadPglite())(dir);
      await db.waitReady;
      return { driver: new PgliteDriver(db, fileLock), waitedMs };
    } catch (error) {
      await fileLock.release();
      throw error;
    }
  }

  async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(toPositional(sql), params)).rows;
  }

  async execScript(sql: string, opts: { noTransaction: boolean }): Promise<void> {
    if (!opts.noTransaction) {
      await this.db.exec(sql);
      return;
    }
    for (const statement of await splitPostgres(sql)) await this.db.exec(statement.text);
  }

  async begin(): Promise<void> {
    await this.db.exec('BEGIN');
  }
  async commit(): Promise<void> {
    await this.db.exec('COMMIT');
  }
  async rollback(): Promise<void> {
    await this.db.exec('ROLLBACK');
  }

  /** Already held since open(): nobody else can have the directory open. */
  lock(): Promise<{ waitedMs: number }> {
    return Promise.resolve({ waitedMs: 0 });
  }
  async unlock(): Promise<void> {
    // Released in close(), after the directory is closed.
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.fileLock.release();
  }
}
