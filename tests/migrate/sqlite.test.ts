import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryFingerprint } from './support/fingerprint.js';
import { migrate, migrations, project } from './support/harness.js';

/** Read with the sqlite3 command-line shell: a second, native SQLite, not shipkit's wasm build. */
function sqlite3(file: string, sql: string): string {
  return execFileSync('sqlite3', ['-json', file, sql], { encoding: 'utf8' });
}

async function fingerprint(file: string): Promise<string> {
  return queryFingerprint(
    async (sql) => Promise.resolve(JSON.parse(sqlite3(file, sql) || '[]') as Record<string, unknown>[]),
    'sqlite',
  );
}

const BASE = {
  '001_users.sql':
    "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);\nINSERT INTO users (email) VALUES ('a@example.com');",
  '002_orders.sql': 'CREATE TABLE orders (id integer PRIMARY KEY, user_id int REFERENCES users (id));',
};

describe('migrate on SQLite (node-sqlite3-wasm)', () => {
  it('applies to a real file that the native sqlite3 shell then reads', async () => {
    const { cwd } = project(BASE);
    const outcome = await migrate(cwd, { 'database-url': 'sqlite:data/app.db' });
    expect(outcome.outputs.applied).toBe('1,2');
    const rows = JSON.parse(
      sqlite3(path.join(cwd, 'data/app.db'), 'SELECT version, applied_by FROM shipkit_migrations ORDER BY version'),
    ) as unknown[];
    expect(rows).toEqual([
      { version: '1', applied_by: 'https://github.com/acme/app/actions/runs/42' },
      { version: '2', applied_by: 'https://github.com/acme/app/actions/runs/42' },
    ]);
    expect(existsSync(path.join(cwd, 'data/app.db.shipkit-lock'))).toBe(false);
  });

  it('a failure half-way leaves the file unchanged (one exclusive transaction)', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': 'sqlite:app.db' });
    const file = path.join(cwd, 'app.db');
    const before = await fingerprint(file);
    write('003_a.sql', "CREATE TABLE audit (id int);\nINSERT INTO users (email) VALUES ('b@example.com');");
    write('004_b.sql', 'ALTER TABLE users ADD COLUMN age int;\nINSERT INTO nowhere VALUES (1);');
    const outcome = await migrate(cwd, { 'database-url': 'sqlite:app.db' });
    expect(outcome.report.status).toBe('fail');
    expect(migrations(outcome).failure?.message).toMatch(/no such table: nowhere/);
    expect(await fingerprint(file)).toBe(before);
  });

  it('backup: a consistent copy through VACUUM INTO', async () => {
    const { cwd } = project(BASE);
    await migrate(cwd, { 'database-url': 'sqlite:app.db', dir: 'migrations' });
    const { write } = { write: (n: string, s: string) => writeFileSync(path.join(cwd, 'migrations', n), s) };
    write('003_c.sql', 'CREATE TABLE c (id int);');
    const outcome = await migrate(cwd, { 'database-url': 'sqlite:app.db', backup: 'true' });
    const backup = migrations(outcome).backupPath ?? '';
    expect(backup).toMatch(/\.sqlite$/);
    expect(sqlite3(path.join(cwd, backup), "SELECT count(*) AS n FROM sqlite_master WHERE name = 'c'")).toContain(
      '"n":0',
    );
  });

  it('takes over the lock of a run that was killed', async () => {
    const { cwd } = project(BASE);
    // A lock file left by a process that no longer exists.
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.once('exit', r));
    writeFileSync(
      path.join(cwd, 'app.db.shipkit-lock'),
      JSON.stringify({ pid: dead.pid, host: os.hostname(), owner: 'killed run', since: new Date().toISOString() }),
    );
    const outcome = await migrate(cwd, { 'database-url': 'sqlite:app.db', 'lock-timeout': '2s' });
    expect(outcome.outputs.applied).toBe('1,2');
  });

  it('finds destructive statements with the SQLite grammar', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, { 'database-url': 'sqlite:app.db' });
    write('003_drop.sql', 'CREATE TABLE x (id int);\nDROP TABLE orders;');
    const plan = await migrate(cwd, { 'database-url': 'sqlite:app.db', 'dry-run': 'true' });
    expect(migrations(plan).destructive).toEqual([
      expect.objectContaining({ file: 'migrations/003_drop.sql', line: 2, kind: 'drop-table' }),
    ]);
  });
});
