import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/core/failure.js';
import { mariadbFingerprint } from './support/fingerprint.js';
import { context, migrate, migrations, project } from './support/harness.js';
import { MARIADB_PASSWORD, startMariadb, type Server } from './support/servers.js';
import { mariadbQuery } from './support/query.js';
import { until } from './support/until.js';

const CLI = path.resolve('dist/cli/index.js');

let server: Server;
let db: string;
let counter = 0;

const sql = mariadbQuery;

beforeAll(async () => {
  server = await startMariadb();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  const name = `t${++counter}`;
  await sql(server.url, `CREATE DATABASE ${name}`);
  db = server.url.replace(/\/app$/, `/${name}`);
});

const BASE = {
  '001_users.up.sql':
    "CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, email varchar(100) NOT NULL);\nINSERT INTO users (email) VALUES ('a@example.com');",
  '001_users.down.sql': 'DROP TABLE users;',
  '002_orders.up.sql':
    'CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, user_id int, FOREIGN KEY (user_id) REFERENCES users (id));',
  '002_orders.down.sql': 'DROP TABLE orders;',
};

describe('migrate on MariaDB', () => {
  it('applies with history and masks the password', async () => {
    const { cwd } = project(BASE);
    const outcome = await migrate(cwd, { 'database-url': db, rollback: 'none' });
    expect(outcome.outputs.applied).toBe('1,2');
    expect(JSON.stringify(outcome)).not.toContain(MARIADB_PASSWORD);
    const rows = await sql(db, 'SELECT version, applied_by FROM shipkit_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: '1', applied_by: 'https://github.com/acme/app/actions/runs/42' },
      { version: '2', applied_by: 'https://github.com/acme/app/actions/runs/42' },
    ]);
  });

  it('rollback: backup (the default) restores the mysqldump taken before a run that failed half-way', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db });
    const before = mariadbFingerprint(db);
    write(
      '003_audit.up.sql',
      "CREATE TABLE audit (id int);\nINSERT INTO users (email) VALUES ('b@example.com');\nALTER TABLE users ADD COLUMN age int;",
    );
    write('004_fails.up.sql', 'ALTER TABLE orders ADD COLUMN note text;\nINSERT INTO orders (user_id) VALUES (999);');
    const outcome = await migrate(cwd, { 'database-url': db });
    expect(outcome.report.status).toBe('fail');
    const m = migrations(outcome);
    expect(m.restored).toMatch(
      /^restored backup \.shipkit\/backups\/shipkit-.*\.sql: undid 3, the statements of migrations\/004_fails.up.sql before line 2$/,
    );
    expect(m.applied).toEqual([]);
    expect(outcome.outputs['backup-path']).toMatch(/\.sql$/);
    expect(outcome.report.summary).toMatch(/004_fails.up.sql failed; 0 applied, restored backup/);
    expect(mariadbFingerprint(db)).toBe(before);
  });

  it('rollback: down runs the down files of what this run applied, in reverse', async () => {
    const { cwd, write } = project({});
    const before = mariadbFingerprint(db);
    for (const [name, text] of Object.entries(BASE)) write(name, text);
    write('003_fails.up.sql', 'INSERT INTO orders (user_id) VALUES (999);');
    const outcome = await migrate(cwd, { 'database-url': db, rollback: 'down' });
    expect(outcome.report.status).toBe('fail');
    expect(migrations(outcome).restored).toBe('ran down files of 2, 1');
    expect(migrations(outcome).rolledBack.sort()).toEqual(['1', '2']);
    // The history table itself stays (empty): everything else is as before.
    await sql(db, 'DROP TABLE shipkit_migrations');
    expect(mariadbFingerprint(db)).toBe(before);
  });

  it('GET_LOCK: a second run times out and names the holder', async () => {
    const { cwd } = project({ ...BASE, '003_slow.up.sql': 'SELECT SLEEP(3);' });
    const holder = migrate(
      cwd,
      { 'database-url': db, rollback: 'none' },
      context(cwd, { run: { url: 'https://github.com/acme/app/actions/runs/77' } }),
    );
    for (let i = 0; i < 100; i++) {
      if ((await sql(db, "SELECT IS_USED_LOCK('shipkit_migrations') AS id"))[0]?.id !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const waiter = await migrate(cwd, { 'database-url': db, 'lock-timeout': '1s' });
    expect(waiter.report.status).toBe('fail');
    expect(waiter.report.gates.find((g) => g.name === 'lock')?.detail).toMatch(
      /connection \d+, https:\/\/github.com\/acme\/app\/actions\/runs\/77, shipkit@127.0.0.1/,
    );
    expect((await holder).outputs.applied).toBe('1,2,3');
  });
});

describe('MariaDB: what the analysis sees, and what a killed run leaves', () => {
  it('a DELETE inside an executable comment is blocked; allowed, the server really runs it', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db, rollback: 'none' });
    write(
      '003_sneaky.up.sql',
      '/*!40101 SET NAMES utf8mb4 */;\n/*! DELETE FROM users */;\n/*!50000 DROP TABLE orders */;',
    );
    const plan = await migrate(cwd, { 'database-url': db, 'dry-run': 'true' });
    expect(plan.report.status).toBe('fail');
    expect(migrations(plan).destructive.map((d) => [d.line, d.kind, d.target])).toEqual([
      [2, 'delete-without-where', 'users'],
      [3, 'drop-table', 'orders'],
    ]);
    const allowed = await migrate(cwd, { 'database-url': db, 'allow-destructive': 'true', rollback: 'none' });
    expect(allowed.outputs.applied).toBe('3');
    expect(await sql(db, 'SELECT count(*) AS n FROM users')).toEqual([{ n: 0 }]);
    expect(
      await sql(
        db,
        "SELECT count(*) AS n FROM information_schema.TABLES WHERE TABLE_NAME = 'orders' AND TABLE_SCHEMA = DATABASE()",
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('widening a column passes and applies; narrowing it is blocked, using the type the database reports', async () => {
    const { cwd, write } = project({ ...BASE, '003_counters.up.sql': 'CREATE TABLE counters (n int NOT NULL);' });
    await migrate(cwd, { 'database-url': db, rollback: 'none' });
    write(
      '004_wider.up.sql',
      'ALTER TABLE users MODIFY COLUMN email varchar(255) NOT NULL;\nALTER TABLE counters MODIFY COLUMN n bigint NOT NULL;',
    );
    const wider = await migrate(cwd, { 'database-url': db, rollback: 'none' });
    expect(wider.report.status).toBe('pass');
    expect(wider.outputs.applied).toBe('4');
    expect(
      await sql(
        db,
        "SELECT COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'counters'",
      ),
    ).toEqual([{ t: 'bigint(20)' }]);
    write(
      '005_narrower.up.sql',
      'ALTER TABLE users MODIFY COLUMN email varchar(50) NOT NULL;\nALTER TABLE counters MODIFY COLUMN n int NOT NULL;',
    );
    const narrower = await migrate(cwd, { 'database-url': db });
    expect(narrower.report.status).toBe('fail');
    expect(migrations(narrower).destructive.map((d) => [d.line, d.kind, d.detail])).toEqual([
      [1, 'type-change', 'MODIFY COLUMN email: varchar(255) → varchar(50) may truncate or fail to convert'],
      [2, 'type-change', 'MODIFY COLUMN n: bigint → int may truncate or fail to convert'],
    ]);
  });

  it('failure.line is the line of the failing statement, or of the error MariaDB names inside it', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db, rollback: 'none' });
    write('003_bad.up.sql', 'CREATE TABLE a (id int);\n\nINSERT INTO users (email)\n  VALUES (NULL);');
    const failed = await migrate(cwd, { 'database-url': db, rollback: 'none' });
    expect(migrations(failed).failure).toMatchObject({ file: 'migrations/003_bad.up.sql', line: 3, partial: true });
    expect(failed.annotations).toContainEqual(
      expect.objectContaining({ title: 'migration failed', file: 'migrations/003_bad.up.sql', startLine: 3 }),
    );
  });

  it('after a SIGKILL, the next run says which objects of the killed file exist and stops; after the fix it applies', async () => {
    expect(existsSync(CLI), 'the CLI bundle (node scripts/build.mjs cli)').toBe(true);
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': db, rollback: 'none' });
    write(
      '003_slow.up.sql',
      'CREATE TABLE half (id int);\nSELECT SLEEP(4);\nCREATE TABLE after_sleep (id int);\nALTER TABLE users ADD COLUMN age int;',
    );
    const child = spawn(process.execPath, [CLI, 'migrate', '--dir', 'migrations', '--database-url', db], {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    await until('SLEEP to run', async () =>
      (await sql(db, "SELECT 1 AS x FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(4)%'")).length > 0
        ? true
        : undefined,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const next = await migrate(cwd, { 'database-url': db, 'lock-timeout': '30s' });
    expect(next.report.status).toBe('fail');
    expect(next.outputs.applied).toBe('');
    expect(next.report.gates.find((g) => g.name === 'interrupted')).toMatchObject({ passed: false, actual: 1 });
    const [interrupted] = migrations(next).interrupted;
    expect(interrupted?.objects.map((o) => [o.kind, o.name, o.exists])).toEqual([
      ['table', 'half', true],
      ['table', 'after_sleep', false],
      ['column', 'users.age', false],
    ]);
    expect(interrupted?.advice).toMatch(/DELETE FROM shipkit_migrations WHERE version = '3' AND kind = 'started'/);
    // What the report says is what is there: the killed run's first table, and nothing after it.
    expect(
      await sql(
        db,
        "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('half', 'after_sleep')",
      ),
    ).toEqual([{ t: 'half' }]);

    // The fix the advice names: undo what exists, clear the mark, run again.
    await sql(db, "DROP TABLE half; DELETE FROM shipkit_migrations WHERE version = '3' AND kind = 'started'");
    const fixed = await migrate(cwd, { 'database-url': db });
    expect(fixed.outputs.applied).toBe('3');
  });

  it('a wrong password reaches the core as the driver raised it, and becomes a one-line service error', async () => {
    const { cwd } = project(BASE);
    const wrong = db.replace(encodeURIComponent(MARIADB_PASSWORD), 'not-the-password');
    const error = await migrate(cwd, { 'database-url': wrong }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ER_ACCESS_DENIED_ERROR');
    const failure = classifyFailure(error);
    expect(failure).toMatchObject({ kind: 'service', input: 'database-url' });
    expect(failure.message).toMatch(/rejected the user or password/);
    const unknown = await migrate(cwd, { 'database-url': db.replace(/\/t\d+$/, '/no_such_db') }).catch(
      (e: unknown) => e,
    );
    expect(classifyFailure(unknown)).toMatchObject({
      kind: 'service',
      message: expect.stringMatching(/does not exist/),
    });
  });
});
