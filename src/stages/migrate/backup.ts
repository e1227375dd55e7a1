import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import type { DatabaseTarget } from './database-url.js';
import type { Driver } from './drivers/types.js';
import { execFile } from './exec.js';

/** Credentials go through the environment or a 0600 file, never the command line (visible in `ps`). */
function pgEnv(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env };
}

async function mysqlArgs(url: string): Promise<{ args: string[]; database: string; cleanup: () => Promise<void> }> {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database)
    throw new UserError('the MySQL URL names no database (mysql://user:pass@host/DB)', { input: 'database-url' });
  const file = path.join(os.tmpdir(), `shipkit-my-${process.pid}-${Date.now()}.cnf`);
  const lines = [
    '[client]',
    `host=${u.hostname || '127.0.0.1'}`,
    `port=${u.port || '3306'}`,
    `user=${decodeURIComponent(u.username)}`,
  ];
  if (u.password) lines.push(`password="${decodeURIComponent(u.password).replace(/(["\\])/g, '\\$1')}"`);
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { args: [`--defaults-extra-file=${file}`], database, cleanup: () => rm(file, { force: true }) };
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Takes a backup before anything is applied; returns its path. */
export async function takeBackup(target: DatabaseTarget, driver: Driver, backupDir: string): Promise<string> {
  await mkdir(backupDir, { recursive: true });
  switch (target.kind) {
    case 'postgres': {
      const file = path.join(backupDir, `shipkit-${stamp()}.dump`);
      const { url, env } = pgEnv(target.location);
      const r = await execFile('pg_dump', ['-Fc', '--file', file, '--dbname', url], { env });
      if (r.code !== 0) throw new UserError(`pg_dump failed (exit ${r.code}): ${r.stderr.trim()}`, { input: 'backup' });
      return file;
    }
    case 'mysql': {
      const file = path.join(backupDir, `shipkit-${stamp()}.sql`);
      const { args, database, cleanup } = await mysqlArgs(target.location);
      try {
        // --databases with --add-drop-database: restoring drops what the failed run created, too.
        const r = await execFile('mysqldump', [
          ...args,
          '--single-transaction',
          '--routines',
          '--triggers',
          '--events',
          '--add-drop-database',
          `--result-file=${file}`,
          '--databases',
          database,
        ]);
        if (r.code !== 0)
          throw new UserError(`mysqldump failed (exit ${r.code}): ${r.stderr.trim()}`, { input: 'backup' });
      } finally {
        await cleanup();
      }
      return file;
    }
    case 'sqlite': {
      const file = path.join(backupDir, `shipkit-${stamp()}.sqlite`);
      // VACUUM INTO writes a consistent copy through SQLite itself.
      await driver.query('VACUUM INTO ?', [path.resolve(file)]);
      return file;
    }
    case 'pglite':
      throw new UserError('backup: true is not available for pglite: copy its directory instead', { input: 'backup' });
  }
}

/** PostgreSQL relations and schemas present now: what a restore must drop if they were not there before. */
export interface PgObjects {
  schemas: string[];
  relations: { schema: string; name: string; kind: string }[];
}

export async function pgObjects(driver: Driver): Promise<PgObjects> {
  const schemas = await driver.query(
    `SELECT nspname AS n FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`,
  );
  const relations = await driver.query(
    `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'`,
  );
  return {
    schemas: schemas.map((r) => String(r.n)),
    relations: relations.map((r) => ({ schema: String(r.schema), name: String(r.name), kind: String(r.kind) })),
  };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * pg_restore --clean drops and recreates what the dump holds, but not what the failed run added:
 * those relations and schemas are dropped first, so the restore lands exactly on the old state.
 */
async function dropNewPgObjects(driver: Driver, before: PgObjects): Promise<void> {
  const now = await pgObjects(driver);
  const had = new Set(before.relations.map((r) => `${r.schema}.${r.name}`));
  const keyword: Record<string, string> = {
    r: 'TABLE',
    p: 'TABLE',
    f: 'FOREIGN TABLE',
    v: 'VIEW',
    m: 'MATERIALIZED VIEW',
    S: 'SEQUENCE',
  };
  for (const schema of now.schemas.filter((s) => !before.schemas.includes(s))) {
    await driver.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
  }
  // Tables first: their CASCADE takes dependent views and owned sequences along.
  const order = ['r', 'p', 'f', 'm', 'v', 'S'];
  const fresh = now.relations
    .filter((r) => !had.has(`${r.schema}.${r.name}`))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const r of fresh) {
    await driver.query(`DROP ${keyword[r.kind] ?? 'TABLE'} IF EXISTS ${quote(r.schema)}.${quote(r.name)} CASCADE`);
  }
}

/** Puts the database back as the backup has it. */
export async function restoreBackup(
  target: DatabaseTarget,
  file: string,
  driver: Driver,
  before?: PgObjects,
): Promise<void> {
  switch (target.kind) {
    case 'postgres': {
      if (before) await dropNewPgObjects(driver, before);
      const { url, env } = pgEnv(target.location);
      const r = await execFile(
        'pg_restore',
        ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--dbname', url, file],
        { env },
      );
      if (r.code !== 0) throw new Error(`pg_restore failed (exit ${r.code}): ${r.stderr.trim()}`);
      return;
    }
    case 'mysql': {
      const { args, cleanup } = await mysqlArgs(target.location);
      try {
        const r = await execFile('mysql', [...args], { stdinFile: file });
        if (r.code !== 0) throw new Error(`mysql restore failed (exit ${r.code}): ${r.stderr.trim()}`);
      } finally {
        await cleanup();
      }
      return;
    }
    default:
      throw new Error(`restoring a backup is not supported for ${target.kind}`);
  }
}
