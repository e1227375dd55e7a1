import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import type { MigrationFile } from '../files.js';
import { FileLock } from './file-lock.js';
import { runStatements } from './script.js';
import { backupStamp, type Backup, type Driver, type LockOwner, type Progress, type Row } from './types.js';

/**
 * SQLite through node-sqlite3-wasm: SQLite compiled to WebAssembly with a VFS over node:fs, so it
 * reads and writes the real file and bundles as a fixed .wasm asset (no native build in CI).
 */
export class SqliteDriver implements Driver {
  readonly kind = 'sqlite';
  readonly dialect = 'sqlite';
  readonly transactionalDdl = true;
  private constructor(
    private db: sqlite.Database,
    private readonly file: string,
    private readonly fileLock: FileLock,
  ) {}

  static async open(
    file: string,
    owner: LockOwner,
    timeoutMs: number,
    signal: AbortSignal,
    progress: Progress,
  ): Promise<{ driver: SqliteDriver; waitedMs: number }> {
    await mkdir(path.dirname(file), { recursive: true });
    // The wasm VFS locks with a `<file>.lock` directory that a killed process leaves behind; shipkit's
    // own pid file lock decides when that is stale.
    const fileLock = new FileLock(`${file}.shipkit-lock`, owner.label);
    const { waitedMs, tookOverFrom } = await fileLock.acquire(timeoutMs, signal, progress);
    if (tookOverFrom) await rm(`${file}.lock`, { recursive: true, force: true });
    try {
      return { driver: new SqliteDriver(new sqlite.Database(file), file, fileLock), waitedMs };
    } catch (error) {
      await fileLock.release();
      throw error;
    }
  }

  query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return Promise.resolve(this.db.all(sql, params as sqlite.BindValues) as Row[]);
  }

  exec(sql: string): Promise<void> {
    this.db.exec(sql);
    return Promise.resolve();
  }

  execScript(file: MigrationFile, opts: { signal: AbortSignal }): Promise<void> {
    return runStatements(file, this.dialect, (sql) => this.exec(sql), opts.signal);
  }

  /** EXCLUSIVE: no other connection reads or writes the file until the run commits or rolls back. */
  begin(): Promise<void> {
    this.db.exec('BEGIN EXCLUSIVE');
    return Promise.resolve();
  }
  commit(): Promise<void> {
    this.db.exec('COMMIT');
    return Promise.resolve();
  }
  rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    return Promise.resolve();
  }

  /** Held since open(). */
  lock(): Promise<{ waitedMs: number }> {
    return Promise.resolve({ waitedMs: 0 });
  }
  unlock(): Promise<void> {
    return Promise.resolve();
  }

  /** VACUUM INTO writes a consistent copy through SQLite itself; restoring puts that file back in place. */
  async backup(dir: string): Promise<Backup> {
    await mkdir(dir, { recursive: true });
    const file = path.resolve(dir, `shipkit-${backupStamp()}.sqlite`);
    this.db.run('VACUUM INTO ?', [file]);
    return {
      path: file,
      restore: async () => {
        this.db.close();
        await rm(`${this.file}-journal`, { force: true });
        await rm(`${this.file}-wal`, { force: true });
        await copyFile(file, this.file);
        this.db = new sqlite.Database(this.file);
      },
    };
  }

  async close(): Promise<void> {
    try {
      this.db.close();
    } finally {
      await this.fileLock.release();
    }
  }
}
