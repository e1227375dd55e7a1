import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../core/errors.js';
import { execFile } from '../exec.js';
import { backupStamp, type Backup, type Driver } from './types.js';

/** Credentials go through the environment, never the command line (visible in `ps`). */
function pgEnv(url: string, env: NodeJS.ProcessEnv): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const out = { ...env };
  if (u.password) out.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: out };
}

/**
 * What a run may have created that pg_restore --clean does not know to drop: relations, schemas,
 * functions, types and extensions present now (extension members are the extension's business).
 */
interface PgObjects {
  schemas: string[];
  relations: { schema: string; name: string; kind: string }[];
  functions: { schema: string; signature: string; kind: string }[];
  types: { schema: string; name: string }[];
  extensions: string[];
}

const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
const NOT_EXTENSION_MEMBER = (classid: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

async function pgObjects(driver: Driver): Promise<PgObjects> {
  const schemas = await driver.query(`SELECT n.nspname AS n FROM pg_namespace n WHERE ${USER_SCHEMA}`);
  const relations = await driver.query(
    `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
  );
  const functions = await driver.query(
    `SELECT n.nspname AS schema, p.oid::regprocedure::text AS signature, p.prokind::text AS kind
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}`,
  );
  const types = await driver.query(
    `SELECT n.nspname AS schema, t.typname AS name
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype IN ('e', 'd', 'r', 'm') AND ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}`,
  );
  const extensions = await driver.query(`SELECT extname AS n FROM pg_extension WHERE extname <> 'plpgsql'`);
  return {
    schemas: schemas.map((r) => String(r.n)),
    relations: relations.map((r) => ({ schema: String(r.schema), name: String(r.name), kind: String(r.kind) })),
    functions: functions.map((r) => ({
      schema: String(r.schema),
      signature: String(r.signature),
      kind: String(r.kind),
    })),
    types: types.map((r) => ({ schema: String(r.schema), name: String(r.name) })),
    extensions: extensions.map((r) => String(r.n)),
  };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * pg_restore --clean drops and recreates what the dump holds, but not what the failed run added:
 * those objects are dropped first, so the restore lands exactly on the old state.
 */
async function dropNewObjects(driver: Driver, before: PgObjects): Promise<void> {
  const now = await pgObjects(driver);
  for (const ext of now.extensions.filter((e) => !before.extensions.includes(e)))
    await driver.query(`DROP EXTENSION IF EXISTS ${quote(ext)} CASCADE`);
  for (const schema of now.schemas.filter((s) => !before.schemas.includes(s)))
    await driver.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
  const had = new Set(before.relations.map((r) => `${r.schema}.${r.name}`));
  const keyword: Record<string, string> = {
    r: 'TABLE',
    p: 'TABLE',
    f: 'FOREIGN TABLE',
    v: 'VIEW',
    m: 'MATERIALIZED VIEW',
    S: 'SEQUENCE',
  };
  // Tables first: their CASCADE takes dependent views and owned sequences along.
  const order = ['r', 'p', 'f', 'm', 'v', 'S'];
  const fresh = now.relations
    .filter((r) => !had.has(`${r.schema}.${r.name}`))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const r of fresh)
    await driver.query(`DROP ${keyword[r.kind] ?? 'TABLE'} IF EXISTS ${quote(r.schema)}.${quote(r.name)} CASCADE`);
  const hadFunctions = new Set(before.functions.map((f) => f.signature));
  for (const f of now.functions.filter((x) => !hadFunctions.has(x.signature))) {
    const what = f.kind === 'p' ? 'PROCEDURE' : f.kind === 'a' ? 'AGGREGATE' : 'FUNCTION';
    await driver.query(`DROP ${what} IF EXISTS ${f.signature} CASCADE`);
  }
  const hadTypes = new Set(before.types.map((t) => `${t.schema}.${t.name}`));
  for (const t of now.types.filter((x) => !hadTypes.has(`${x.schema}.${x.name}`)))
    await driver.query(`DROP TYPE IF EXISTS ${quote(t.schema)}.${quote(t.name)} CASCADE`);
}

/** pg_dump -Fc before the run; pg_restore --clean (after dropping what the run created) to undo it. */
export async function pgDumpBackup(
  driver: Driver,
  location: string,
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<Backup> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `shipkit-${backupStamp()}.dump`);
  const { url, env: withPassword } = pgEnv(location, env);
  const dumped = await execFile('pg_dump', ['-Fc', '--file', file, '--dbname', url], { env: withPassword });
  if (dumped.code !== 0)
    throw new UserError(`pg_dump failed (exit ${dumped.code}): ${dumped.stderr.trim()}`, { input: 'backup' });
  const before = await pgObjects(driver);
  return {
    path: file,
    restore: async () => {
      await dropNewObjects(driver, before);
      const r = await execFile(
        'pg_restore',
        ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--dbname', url, file],
        { env: withPassword },
      );
      if (r.code !== 0) throw new Error(`pg_restore failed (exit ${r.code}): ${r.stderr.trim()}`);
    },
  };
}
