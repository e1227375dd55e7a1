import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mariadbFingerprint } from './support/fingerprint.js';
import { context, migrate, migrations, project } from './support/harness.js';
import { MARIADB_PASSWORD, startMariadb, type Server } from './support/servers.js';
import { mariadbQuery } from './support/query.js';

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
      /^restored backup \.shipkit\/backups\/shipkit-.*\.sql: undid 3, the part of migrations\/004_fails.up.sql that ran$/,
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
