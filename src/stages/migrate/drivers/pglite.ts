import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { FileLock } from './file-lock.js';
import { PgStyleDriver } from './pg-style.js';
import { loadPglite, pgliteOptions, pgliteTemplatePath } from './pglite-runtime.js';
import { unpackTemplate } from './pglite-template.js';
import { backupStamp, type Backup, type LockOwner, type Progress, type Row } from './types.js';

/** PostgreSQL compiled to WebAssembly, in a directory: the zero-setup database of the CLI. */
export class PgliteDriver extends PgStyleDriver {
  readonly kind = 'pglite';
  private constructor(
    private db: PGlite,
    private readonly dir: string,
    private readonly fileLock: FileLock,
  ) {
    super();
  }

  /** PGlite cannot share its directory between processes: the file lock is taken before it is opened. */
  static async open(
    dir: string,
    owner: LockOwner,
    timeoutMs: number,
    signal: AbortSignal,
    progress: Progress,
  ): Promise<{ driver: PgliteDriver; waitedMs: number }> {
    const fileLock = new FileLock(`${dir}.lock`, owner.label);
    const { waitedMs } = await fileLock.acquire(timeoutMs, signal, progress);
    try {
      await mkdir(path.dirname(dir), { recursive: true });
      return { driver: new PgliteDriver(await PgliteDriver.start(dir), dir, fileLock), waitedMs };
    } catch (error) {
      await fileLock.release();
      throw error;
    }
  }

  /**
   * Opens the directory; a new one is unpacked from `loadDataDir` or, by default, from the empty
   * template shipped with shipkit, so the run never pays for PGlite's in-process initdb. A template
   * this PGlite cannot open (after an upgrade) falls back to initdb.
   */
  private static async start(dir: string, loadDataDir?: Blob): Promise<PGlite> {
    const module = await loadPglite();
    const open = async (load?: Blob): Promise<PGlite> => {
      const db = new module.PGlite(dir, pgliteOptions(module, load ? { loadDataDir: load } : {}));
      await db.waitReady;
      return db;
    };
    if (loadDataDir) return open(loadDataDir);
    const template = existsSync(path.join(dir, 'PG_VERSION')) ? undefined : pgliteTemplatePath();
    if (!template) return open();
    try {
      await unpackTemplate(template, dir);
      return await open();
    } catch {
      await rm(dir, { recursive: true, force: true });
      return open();
    }
  }

  protected async run(sql: string, params: unknown[] = []): Promise<Row[]> {
    if (params.length > 0) return (await this.db.query<Row>(sql, params)).rows;
    const results = await this.db.exec(sql);
    return results.at(-1)?.rows ?? [];
  }

  /** Already held since open(): nobody else can have the directory open. */
  lock(): Promise<{ waitedMs: number }> {
    return Promise.resolve({ waitedMs: 0 });
  }
  async unlock(): Promise<void> {
    // Released in close(), after the directory is closed.
  }

  /** PGlite's own dump of its data directory; restoring replaces the directory with it. */
  async backup(dir: string): Promise<Backup> {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `shipkit-${backupStamp()}.pglite.tar.gz`);
    const dump = await this.db.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return {
      path: file,
      restore: async () => {
        await this.db.close();
        await rm(this.dir, { recursive: true, force: true });
        this.db = await PgliteDriver.start(this.dir, new Blob([await readFile(file)]));
      },
    };
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      await this.fileLock.release();
    }
  }
}
