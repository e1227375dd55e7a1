import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { classifyFailure } from '../../src/core/failure.js';
import { parseBlocks } from '../support/markdown.js';
import { postgresFingerprint } from './support/fingerprint.js';
import { context, migrate, migrations, project } from './support/harness.js';
import { freePort, PG_PASSWORD, startPostgres, type Server } from './support/servers.js';
import { until } from './support/until.js';
import { pgQuery } from './support/query.js';

const CLI = path.resolve('dist/cli/index.js');
let server: Server;
let db: string;
let counter = 0;

const sql = pgQuery;

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  // A fresh database per test, on the one server.
  const name = `t${++counter}`;
  await sql(server.url, `CREATE DATABASE ${name}`);
  db = server.url.replace(/\/postgres$/, `/${name}`);
});

const BASE = {
  '001_users.sql':
    "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);\nINSERT INTO users (email) VALUES ('a@example.com');",
  '002_orders.sql': 'CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users (id));',
};

describe('migrate on PostgreSQL', () => {
  it('applies, records history and never prints the password', async () => {
    const { cwd } = project(BASE);
    const outcome = await migrate(cwd, { 'database-url': db });
    expect(outcome.outputs.applied).toBe('1,2');
    const m = migrations(outcome);
    expect(m.history).toHaveLength(2);
    const everything = JSON.stringify(outcome);
    expect(everything).not.toContain(PG_PASSWORD);
    expect(everything).not.toContain(encodeURIComponent(PG_PASSWORD));
    expect((outcome.report.migrations as { database: { url: string } }).database.url).toMatch(
      /^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/t\d+$/,
    );
    const rows = await sql(
      db,
      'SELECT version, length(checksum) AS n, applied_by FROM shipkit_migrations ORDER BY version',
    );
    expect(rows).toEqual([
      { version: '1', n: 64, applied_by: 'https://github.com/acme/app/actions/runs/42' },
      { version: '2', n: 64, applied_by: 'https://github.com/acme/app/actions/runs/42' },
    ]);
  });

  it('a migration failing half-way leaves schema and data unchanged', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    const before = postgresFingerprint(db);
    write('003_a.sql', "CREATE TABLE audit (id int);\nUPDATE users SET email = 'changed' WHERE id = 1;");
    write('004_b.sql', 'ALTER TABLE users ADD COLUMN age int;\nINSERT INTO orders (user_id) VALUES (999);');
    write('005_c.sql', 'SELECT 1;');
    const outcome = await migrate(cwd, { 'database-url': db });
    expect(outcome.report.status).toBe('fail');
    expect(migrations(outcome).failure).toMatchObject({ file: 'migrations/004_b.sql' });
    expect(migrations(outcome).failure?.message).toMatch(/foreign key/);
    expect(outcome.outputs.pending).toBe('3,4,5');
    expect(postgresFingerprint(db)).toBe(before);
  });

  it('a changed applied file is refused before anything runs', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    write('002_orders.sql', 'CREATE TABLE orders (id bigserial PRIMARY KEY);');
    write('003_new.sql', 'CREATE TABLE later (id int);');
    const before = postgresFingerprint(db);
    const error = await migrate(cwd, { 'database-url': db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toMatch(
      /^migrations\/002_orders.sql: migration 2 was changed after it was applied: recorded sha256 [0-9a-f]{64}, file now [0-9a-f]{64}/,
    );
    expect(postgresFingerprint(db)).toBe(before);
  });

  it('two runs at once: exactly one applies, the other waits and then finds nothing pending', async () => {
    const { cwd } = project({ ...BASE, '003_slow.sql': 'SELECT pg_sleep(1.5);\nCREATE TABLE slow (id int);' });
    const [a, b] = await Promise.all([migrate(cwd, { 'database-url': db }), migrate(cwd, { 'database-url': db })]);
    const applied = [a.outputs.applied, b.outputs.applied].sort();
    expect(applied).toEqual(['', '1,2,3']);
    const waiter = a.outputs.applied === '' ? a : b;
    expect(waiter.report.status).toBe('pass');
    expect(migrations(waiter).history).toHaveLength(3);
    expect((waiter.report.migrations as { lock: { waitedMs: number } }).lock.waitedMs).toBeGreaterThan(1000);
  });

  it('a run that times out on the lock names the holder with its run URL', async () => {
    const { cwd } = project({ ...BASE, '003_slow.sql': 'SELECT pg_sleep(4);' });
    const holder = migrate(
      cwd,
      { 'database-url': db },
      context(cwd, { run: { url: 'https://github.com/acme/app/actions/runs/1001' } }),
    );
    await until('the first run to hold the lock', async () =>
      (await sql(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted")).length > 0 ? true : undefined,
    );
    const waiter = await migrate(cwd, { 'database-url': db, 'lock-timeout': '1s' });
    expect(waiter.report.status).toBe('fail');
    const gate = waiter.report.gates.find((g) => g.name === 'lock');
    expect(gate?.detail).toMatch(/application_name 'shipkit https:\/\/github.com\/acme\/app\/actions\/runs\/1001'/);
    expect((await holder).outputs.applied).toBe('1,2,3');
  });

  it('CREATE INDEX CONCURRENTLY in a no-transaction file runs while the session lock is held', async () => {
    const { cwd } = project({
      ...BASE,
      '003_index.sql':
        '-- shipkit:no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);\nCREATE INDEX CONCURRENTLY orders_user ON orders (user_id);',
    });
    const outcome = await migrate(cwd, { 'database-url': db });
    expect(outcome.outputs.applied).toBe('1,2,3');
    const idx = await sql(
      db,
      "SELECT indexname FROM pg_indexes WHERE indexname IN ('users_email','orders_user') ORDER BY 1",
    );
    expect(idx.map((r) => r.indexname)).toEqual(['orders_user', 'users_email']);
  });

  it('backup: pg_dump before applying; a per-file failure is restored from it', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    await sql(db, "INSERT INTO users (email) VALUES ('b@example.com')");
    const before = postgresFingerprint(db);
    write(
      '003_change.sql',
      'UPDATE users SET email = upper(email) WHERE id > 0;\nALTER TABLE orders ADD COLUMN note text;',
    );
    write('004_fails.sql', 'SELECT 1/0;');
    const outcome = await migrate(cwd, {
      'database-url': db,
      transaction: 'per-file',
      rollback: 'backup',
      backup: 'true',
    });
    expect(outcome.report.status).toBe('fail');
    const m = migrations(outcome);
    expect(m.backupPath).toMatch(/^\.shipkit\/backups\/shipkit-.*\.dump$/);
    expect(outcome.outputs['backup-path']).toBe(m.backupPath);
    expect(existsSync(path.join(cwd, m.backupPath ?? ''))).toBe(true);
    expect(
      readFileSync(path.join(cwd, m.backupPath ?? ''))
        .subarray(0, 5)
        .toString(),
    ).toBe('PGDMP');
    expect(m.restored).toMatch(/restored backup .*: undid 3/);
    expect(m.applied).toEqual([]);
    expect(postgresFingerprint(db)).toBe(before);
  });

  it('a run SIGKILLed mid-migration frees the lock, leaves nothing half-done, and the next run succeeds', async () => {
    expect(existsSync(CLI), 'the CLI bundle (node scripts/build.mjs cli)').toBe(true);
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    write(
      '003_slow.sql',
      "UPDATE users SET email = 'half-done' WHERE id > 0;\nCREATE TABLE half (id int);\nSELECT pg_sleep(60);",
    );
    const before = postgresFingerprint(db);
    const child = spawn(process.execPath, [CLI, 'migrate', '--dir', 'migrations', '--database-url', db], {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    await until('pg_sleep to run', async () =>
      (
        await sql(
          db,
          "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND state = 'active' AND pid <> pg_backend_pid()",
        )
      ).length > 0
        ? true
        : undefined,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // The server notices the closed socket and ends the session: its transaction and lock go with it.
    await until('the advisory lock to be released', async () =>
      (await sql(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory'")).length === 0 ? true : undefined,
    );
    expect(postgresFingerprint(db)).toBe(before);
    write('003_slow.sql', 'CREATE TABLE half (id int);');
    const next = await migrate(cwd, { 'database-url': db, 'lock-timeout': '5s' });
    expect(next.outputs.applied).toBe('3');
  });
});

describe('PostgreSQL: what the analysis sees, type changes, failure lines, killed no-transaction files, errors', () => {
  it('a TRUNCATE inside a DO block is one blocking statement, and the table keeps its rows', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    write('003_do.sql', 'DO $$\nBEGIN\n  TRUNCATE users CASCADE;\nEND $$;');
    const blocked = await migrate(cwd, { 'database-url': db });
    expect(blocked.report.status).toBe('fail');
    expect(blocked.report.gates.find((g) => g.name === 'destructive')).toMatchObject({ passed: false, actual: 1 });
    expect(migrations(blocked).destructive).toEqual([
      expect.objectContaining({ line: 3, kind: 'truncate', detail: 'in a DO block: TRUNCATE users' }),
    ]);
    expect(await sql(db, 'SELECT count(*)::int AS n FROM users')).toEqual([{ n: 1 }]);
  });

  it('CTE DML, MERGE … DELETE, a rule, function bodies, DROP OWNED and EXECUTE are blocked before any of it runs', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    await sql(db, "INSERT INTO users (email) VALUES ('b@example.com'); CREATE ROLE legacy_owner");
    write(
      '003_hidden.sql',
      [
        'WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone;',
        'MERGE INTO users u USING (SELECT 1 AS id) s ON u.id = s.id WHEN MATCHED THEN DELETE;',
        'CREATE RULE copy_orders AS ON INSERT TO orders DO ALSO DELETE FROM users;',
        'CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM users $$;',
        "CREATE FUNCTION wipe(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'TRUNCATE ' || t; END $$;",
        'DROP OWNED BY legacy_owner;',
      ].join('\n'),
    );
    const before = postgresFingerprint(db);
    const blocked = await migrate(cwd, { 'database-url': db });
    expect(blocked.report.status).toBe('fail');
    expect(migrations(blocked).destructive.map((d) => [d.line, d.kind])).toEqual([
      [1, 'delete-without-where'],
      [2, 'merge-delete'],
      [3, 'delete-without-where'],
      [4, 'delete-without-where'],
      [5, 'dynamic-sql'],
      [6, 'drop-owned'],
    ]);
    expect(postgresFingerprint(db)).toBe(before);
    // Allowed, PostgreSQL runs them: the MERGE deletes user 1, the functions exist.
    const allowed = await migrate(cwd, { 'database-url': db, 'allow-destructive': 'true' });
    expect(allowed.outputs.applied).toBe('3');
    expect(await sql(db, 'SELECT id FROM users ORDER BY id')).toEqual([{ id: 2 }]);
    expect(await sql(db, "SELECT proname FROM pg_proc WHERE proname IN ('purge', 'wipe') ORDER BY 1")).toEqual([
      { proname: 'purge' },
      { proname: 'wipe' },
    ]);
  });

  it('widening passes and applies; narrowing is blocked, from the types the catalog reports', async () => {
    const { cwd, write } = project({
      ...BASE,
      '003_more.sql': 'CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10,2), code varchar(10), ratio real);',
    });
    await migrate(cwd, { 'database-url': db });
    write(
      '004_wider.sql',
      'ALTER TABLE prices ALTER COLUMN id TYPE bigint,\n  ALTER COLUMN amount TYPE numeric(14,2),\n  ALTER COLUMN code TYPE text;\nALTER TABLE prices ALTER COLUMN ratio TYPE double precision;\nALTER TABLE users ALTER COLUMN id TYPE bigint;',
    );
    const wider = await migrate(cwd, { 'database-url': db });
    expect(wider.report.status).toBe('pass');
    expect(wider.outputs.applied).toBe('4');
    expect(
      await sql(
        db,
        "SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'prices' ORDER BY ordinal_position",
      ),
    ).toEqual([{ t: 'bigint' }, { t: 'numeric' }, { t: 'text' }, { t: 'double precision' }]);
    write(
      '005_narrower.sql',
      'ALTER TABLE prices ALTER COLUMN amount TYPE numeric(6,2);\nALTER TABLE prices ALTER COLUMN code TYPE varchar(5);',
    );
    const narrower = await migrate(cwd, { 'database-url': db });
    expect(narrower.report.status).toBe('fail');
    expect(migrations(narrower).destructive.map((d) => [d.line, d.kind, d.detail])).toEqual([
      [
        1,
        'type-change',
        'ALTER COLUMN prices.amount TYPE: numeric(14,2) → numeric(6,2) may truncate or fail to convert',
      ],
      [2, 'type-change', 'ALTER COLUMN prices.code TYPE: text → varchar(5) may truncate or fail to convert'],
    ]);
  });

  it('failure.line: the failing statement of an error PostgreSQL gives no position for, and the position when it does', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    write('003_fk.sql', 'CREATE TABLE a (id int);\n\nINSERT INTO orders (user_id)\n  VALUES (999);');
    const fk = await migrate(cwd, { 'database-url': db });
    expect(migrations(fk).failure).toMatchObject({ file: 'migrations/003_fk.sql', line: 3, partial: false });
    expect(migrations(fk).failure?.message).toMatch(/foreign key/);
    write('003_fk.sql', 'CREATE TABLE a (id int);\nSELECT id,\n  nope\n  FROM users;');
    const column = await migrate(cwd, { 'database-url': db });
    expect(migrations(column).failure).toMatchObject({ line: 3 });
    expect(column.annotations).toContainEqual(expect.objectContaining({ title: 'migration failed', startLine: 3 }));
  });

  it('a no-transaction file killed half-way: the next run names which of its objects exist, and stops', async () => {
    expect(existsSync(CLI), 'the CLI bundle (node scripts/build.mjs cli)').toBe(true);
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    write(
      '003_index.sql',
      '-- shipkit:no-transaction\nCREATE TABLE half (id int);\nCREATE INDEX CONCURRENTLY users_email ON users (email);\nSELECT pg_sleep(60);\nCREATE TABLE after_sleep (id int);',
    );
    const child = spawn(process.execPath, [CLI, 'migrate', '--dir', 'migrations', '--database-url', db], {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    await until('pg_sleep to run', async () =>
      (await sql(db, "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%' AND state = 'active'"))
        .length > 0
        ? true
        : undefined,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await until('the advisory lock to be released', async () =>
      (await sql(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory'")).length === 0 ? true : undefined,
    );
    const next = await migrate(cwd, { 'database-url': db, 'lock-timeout': '10s' });
    expect(next.report.status).toBe('fail');
    expect(next.outputs.applied).toBe('');
    expect(migrations(next).interrupted[0]?.objects).toEqual([
      { kind: 'table', name: 'half', change: 'create', exists: true },
      { kind: 'index', name: 'users_email', change: 'create', exists: true },
      { kind: 'table', name: 'after_sleep', change: 'create', exists: false },
    ]);
    expect(parseBlocks(next.comment?.body ?? '')).toContainEqual({
      type: 'list',
      items: [
        'table half (the file creates it): exists',
        'index users_email (the file creates it): exists',
        'table after_sleep (the file creates it): does not exist',
      ],
    });
  });

  it('CREATE UNIQUE INDEX CONCURRENTLY failing on duplicates leaves an INVALID index: the report and the next run say so', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    await sql(db, "INSERT INTO users (email) VALUES ('a@example.com')");
    write(
      '003_unique.sql',
      '-- shipkit:no-transaction\nCREATE TABLE half (id int);\nCREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email);',
    );
    const failed = await migrate(cwd, { 'database-url': db });
    expect(migrations(failed).failure).toMatchObject({ file: 'migrations/003_unique.sql', line: 3, partial: true });
    expect(failed.report.warnings.join()).toMatch(
      /the statements of migrations\/003_unique.sql before line 3 stay applied/,
    );
    const next = await migrate(cwd, { 'database-url': db });
    expect(migrations(next).interrupted[0]?.objects).toEqual([
      { kind: 'table', name: 'half', change: 'create', exists: true },
      { kind: 'index', name: 'users_email', change: 'create', exists: true, invalid: true },
    ]);
    expect(migrations(next).interrupted[0]?.advice).toMatch(/index users_email exists but is INVALID/);
  });

  it('database errors reach the core as pg raised them: wrong password, unknown database, refused connection', async () => {
    const { cwd } = project(BASE);
    const wrong = await migrate(cwd, { 'database-url': db.replace(encodeURIComponent(PG_PASSWORD), 'nope') }).catch(
      (e: unknown) => e,
    );
    expect((wrong as { code?: string }).code).toBe('28P01');
    expect(classifyFailure(wrong)).toMatchObject({ kind: 'service', input: 'database-url' });
    const missing = await migrate(cwd, { 'database-url': db.replace(/\/t\d+$/, '/no_such_db') }).catch(
      (e: unknown) => e,
    );
    expect(classifyFailure(missing)).toMatchObject({
      kind: 'service',
      message: expect.stringMatching(/does not exist/),
    });
    const closed = await migrate(cwd, {
      'database-url': `postgres://postgres:x@127.0.0.1:${await freePort()}/postgres`,
    }).catch((e: unknown) => e);
    expect(classifyFailure(closed)).toMatchObject({
      kind: 'service',
      message: expect.stringMatching(/connection refused/),
    });
  });
});
