import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions, pgliteTemplatePath } from '../../../src/stages/migrate/drivers/pglite-runtime.js';
import { mariadbFingerprint, postgresFingerprint, queryFingerprint } from './fingerprint.js';
import { mariadbQuery, pgQuery } from './query.js';
import { startMariadb, startPostgres, type Server } from './servers.js';

/**
 * One kind of database as the tests drive it from outside the stage: fresh databases, SQL run
 * with the database's own client, a hash of schema and data, and the history table's rows.
 */
export interface TestDatabase {
  name: 'postgres' | 'mariadb' | 'sqlite' | 'pglite';
  /** A fresh, empty database: its database-url. */
  fresh(): Promise<string>;
  exec(url: string, sql: string): Promise<void>;
  fingerprint(url: string, opts?: { withoutHistory?: boolean }): Promise<string>;
  /** `version kind` of every history row, by version. */
  history(url: string): Promise<string[]>;
  stop(): Promise<void>;
}

const HISTORY_SQL = 'SELECT version, kind FROM shipkit_migrations ORDER BY version';
const rowsToHistory = (rows: Record<string, unknown>[]): string[] =>
  rows.map((r) => `${String(r.version)} ${String(r.kind)}`);

export async function postgresDatabase(): Promise<TestDatabase> {
  const server: Server = await startPostgres();
  let n = 0;
  return {
    name: 'postgres',
    fresh: async () => {
      const name = `m${++n}`;
      await pgQuery(server.url, `CREATE DATABASE ${name}`);
      return server.url.replace(/\/postgres$/, `/${name}`);
    },
    exec: async (url, sql) => void (await pgQuery(url, sql)),
    fingerprint: (url, opts) => Promise.resolve(postgresFingerprint(url, opts)),
    history: async (url) => rowsToHistory(await pgQuery(url, HISTORY_SQL)),
    stop: () => server.stop(),
  };
}

export async function mariadbDatabase(): Promise<TestDatabase> {
  const server: Server = await startMariadb();
  let n = 0;
  return {
    name: 'mariadb',
    fresh: async () => {
      const name = `m${++n}`;
      await mariadbQuery(server.url, `CREATE DATABASE ${name}`);
      return server.url.replace(/\/app$/, `/${name}`);
    },
    exec: async (url, sql) => void (await mariadbQuery(url, sql)),
    fingerprint: (url, opts) => Promise.resolve(mariadbFingerprint(url, opts)),
    history: async (url) => rowsToHistory(await mariadbQuery(url, HISTORY_SQL)),
    stop: () => server.stop(),
  };
}

/** Read and written with the sqlite3 command-line shell: a second, native SQLite, not shipkit's wasm build. */
function sqlite3(file: string, sql: string): Record<string, unknown>[] {
  const out = execFileSync('sqlite3', ['-json', file, sql], { encoding: 'utf8' });
  return out.trim() ? (JSON.parse(out) as Record<string, unknown>[]) : [];
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-sqlite-'));
  let n = 0;
  const file = (url: string): string => url.replace(/^sqlite:/, '');
  return {
    name: 'sqlite',
    fresh: () => Promise.resolve(`sqlite:${path.join(dir, `m${++n}.db`)}`),
    exec: (url, sql) => Promise.resolve(void sqlite3(file(url), sql)),
    fingerprint: (url, opts) => queryFingerprint((sql) => Promise.resolve(sqlite3(file(url), sql)), 'sqlite', opts),
    history: (url) => Promise.resolve(rowsToHistory(sqlite3(file(url), HISTORY_SQL))),
    stop: () => Promise.resolve(),
  };
}

/** PGlite directories, opened here with the package itself (the stage has closed them by then). */
export function pgliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-pglite-'));
  let n = 0;
  const withDb = async <T>(url: string, fn: (db: PGlite) => Promise<T>): Promise<T> => {
    const location = url.replace(/^pglite:/, '');
    const template = pgliteTemplatePath();
    const fresh = !readdirSafe(location).includes('PG_VERSION');
    const options = pgliteOptions(
      { PGlite },
      fresh && template ? { loadDataDir: new Blob([readFileSync(template)]) } : {},
    );
    const db = new PGlite(location, options);
    try {
      await db.waitReady;
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  return {
    name: 'pglite',
    fresh: () => Promise.resolve(`pglite:${path.join(dir, `m${++n}`)}`),
    exec: (url, sql) => withDb(url, async (db) => void (await db.exec(sql))),
    fingerprint: (url, opts) =>
      withDb(url, (db) =>
        queryFingerprint(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows, 'postgres', opts),
      ),
    history: (url) =>
      withDb(url, async (db) => rowsToHistory((await db.query<Record<string, unknown>>(HISTORY_SQL)).rows)),
    stop: () => Promise.resolve(),
  };
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
