import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { pgliteOptions, pgliteTemplatePath } from '../../src/stages/migrate/drivers/pglite-runtime.js';
import { unpackTemplate } from '../../src/stages/migrate/drivers/pglite-template.js';
import { parseBlocks } from '../support/markdown.js';
import { queryFingerprint } from './support/fingerprint.js';
import { context, migrate, migrations, project } from './support/harness.js';

async function fingerprint(cwd: string): Promise<string> {
  const db = new PGlite(path.join(cwd, '.shipkit/db'));
  try {
    return await queryFingerprint(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows, 'postgres');
  } finally {
    await db.close();
  }
}

const BASE = {
  '001_users.sql':
    "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);\nINSERT INTO users (email) VALUES ('a@example.com');",
  '002_orders.sql': 'CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users (id));',
};

describe('migrate on PGlite (the default database)', () => {
  it('applies pending files in order, records history, then finds nothing pending', async () => {
    const { cwd } = project(BASE);
    const first = await migrate(cwd, {});
    expect(first.report.status).toBe('pass');
    expect(first.outputs).toEqual({ passed: true, applied: '1,2', pending: '', 'backup-path': '' });
    const m = migrations(first);
    expect(m.history.map((h) => [h.version, h.appliedBy, h.kind])).toEqual([
      ['1', 'https://github.com/acme/app/actions/runs/42', 'applied'],
      ['2', 'https://github.com/acme/app/actions/runs/42', 'applied'],
    ]);
    const second = await migrate(cwd, {});
    expect(second.outputs.applied).toBe('');
    expect(second.report.summary).toMatch(/up to date/);
  });

  it('a file failing half-way leaves the database exactly as it was (one transaction)', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, {});
    const before = await fingerprint(cwd);
    write('003_ok.sql', "CREATE TABLE audit (id int);\nINSERT INTO users (email) VALUES ('b@example.com');");
    write('004_fails.sql', 'ALTER TABLE users ADD COLUMN age int;\n\nSELECT * FROM no_such_table;');
    const outcome = await migrate(cwd, {});
    expect(outcome.report.status).toBe('fail');
    const m = migrations(outcome);
    expect(m.applied).toEqual([]);
    expect(m.rolledBack).toEqual(['3']);
    expect(m.failure).toMatchObject({ file: 'migrations/004_fails.sql', line: 3 });
    expect(m.failure?.message).toMatch(/no_such_table/);
    expect(outcome.outputs.pending).toBe('3,4');
    expect(await fingerprint(cwd)).toBe(before);
  });

  it('per-file commits each file, so the files before the failure stay applied', async () => {
    const { cwd, write } = project(BASE);
    write('003_fails.sql', 'SELECT 1/0;');
    const outcome = await migrate(cwd, { transaction: 'per-file' });
    expect(outcome.outputs.applied).toBe('1,2');
    expect(outcome.outputs.pending).toBe('3');
    expect(outcome.report.status).toBe('fail');
  });

  it('refuses a changed applied file before running anything, naming the file and both checksums', async () => {
    const { cwd, write } = project(BASE);
    const first = await migrate(cwd, {});
    const recorded = migrations(first).history[0] as unknown as { checksum: string };
    write('001_users.sql', 'CREATE TABLE users (id serial PRIMARY KEY, email text);');
    write('003_new.sql', 'CREATE TABLE later (id int);');
    const before = await fingerprint(cwd);
    const error = await migrate(cwd, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const text = (error as UserError).describe();
    expect(text).toMatch(/^migrations\/001_users.sql: migration 1 was changed after it was applied/);
    expect(text).toContain(recorded.checksum);
    expect(text).toMatch(/file now [0-9a-f]{64}/);
    expect(await fingerprint(cwd)).toBe(before);
  });

  it('dry-run lists pending SQL and blocks destructive statements unless allowed', async () => {
    const { cwd, write } = project(BASE);
    await migrate(cwd, {});
    write(
      '003_cleanup.sql',
      'ALTER TABLE users ADD COLUMN name text;\nALTER TABLE users DROP COLUMN email;\nDELETE FROM orders;',
    );
    const plan = await migrate(cwd, { 'dry-run': 'true' });
    expect(plan.report.status).toBe('fail');
    expect(migrations(plan).destructive).toEqual([
      expect.objectContaining({ file: 'migrations/003_cleanup.sql', line: 2, kind: 'drop-column' }),
      expect.objectContaining({ file: 'migrations/003_cleanup.sql', line: 3, kind: 'delete-without-where' }),
    ]);
    // The blocking statements are in the comment's open body, the plan table in its folded details.
    const body = parseBlocks(plan.comment?.body ?? '');
    expect(body).toContainEqual({
      type: 'list',
      items: [
        'migrations/003_cleanup.sql:2 drop-column: DROP COLUMN users.email',
        'migrations/003_cleanup.sql:3 delete-without-where: DELETE FROM orders without WHERE',
      ],
    });
    const planTable = parseBlocks(plan.comment?.details ?? '').find((b) => b.type === 'table');
    expect(planTable).toEqual({
      type: 'table',
      header: ['Version', 'File', 'Runs', 'Analysis'],
      rows: [
        [
          '3',
          'migrations/003_cleanup.sql',
          'in the run’s transaction',
          '⚠️ drop-column (line 2), ⚠️ delete-without-where (line 3)',
        ],
      ],
    });
    expect(plan.annotations[0]).toMatchObject({ level: 'error', file: 'migrations/003_cleanup.sql', startLine: 2 });
    const blocked = await migrate(cwd, {});
    expect(blocked.report.status).toBe('fail');
    expect(blocked.outputs).toMatchObject({ passed: false, applied: '', pending: '3' });
    const allowed = await migrate(cwd, { 'allow-destructive': 'true' });
    expect(allowed.report.status).toBe('pass');
    expect(allowed.outputs).toMatchObject({ passed: true, applied: '3' });
  });

  it('adopts an existing database only with an explicit baseline', async () => {
    const { cwd, write } = project({ ...BASE, '003_more.sql': 'CREATE TABLE more (id int);' });
    // The schema of 1 and 2 exists already, made by hand before shipkit.
    mkdirSync(path.join(cwd, '.shipkit'));
    const db = new PGlite(path.join(cwd, '.shipkit/db'));
    await db.exec(`${BASE['001_users.sql']}\n${BASE['002_orders.sql']}`);
    await db.close();
    const without = await migrate(cwd, {});
    expect(without.report.status).toBe('fail');
    expect(migrations(without).failure?.message).toMatch(/already exists/);
    const adopted = await migrate(cwd, { baseline: '2' });
    expect(adopted.outputs.applied).toBe('3');
    expect(migrations(adopted).history.map((h) => [h.version, h.kind])).toEqual([
      ['1', 'baseline'],
      ['2', 'baseline'],
      ['3', 'applied'],
    ]);
    // Left in the workflow, the same baseline is a no-op from then on.
    expect((await migrate(cwd, { baseline: '2' })).outputs.applied).toBe('');
    write('004_next.sql', 'CREATE TABLE next (id int);');
    await expect(migrate(cwd, { baseline: '4' })).rejects.toThrow(
      /baseline 4 applies only to a database with no migration history; this one has 3 entries and migrations\/004_next.sql would be skipped/,
    );
  });

  it('refuses a new file older than the newest applied one', async () => {
    const { cwd, write } = project({ '002_b.sql': 'SELECT 1;' });
    await migrate(cwd, {});
    write('001_a.sql', 'SELECT 1;');
    await expect(migrate(cwd, {})).rejects.toThrow(/001_a.sql is older than the newest applied migration 2/);
  });

  it('runs CREATE INDEX CONCURRENTLY from a no-transaction file', async () => {
    const { cwd } = project({
      ...BASE,
      '003_idx.sql':
        '-- shipkit:no-transaction\nCREATE INDEX CONCURRENTLY orders_user ON orders (user_id);\nCREATE INDEX CONCURRENTLY users_email ON users (email);',
    });
    const outcome = await migrate(cwd, {});
    expect(outcome.outputs.applied).toBe('1,2,3');
  });

  it('waits for the file lock, then reports who holds it', async () => {
    const { cwd } = project(BASE);
    const ctx = context(cwd);
    const { FileLock } = await import('../../src/stages/migrate/drivers/file-lock.js');
    const held = new FileLock(path.join(cwd, '.shipkit/db.lock'), 'https://github.com/acme/app/actions/runs/7');
    await held.acquire(1000, ctx.signal);
    const outcome = await migrate(cwd, { 'lock-timeout': '600ms' }, ctx);
    await held.release();
    expect(outcome.report.status).toBe('fail');
    const gate = outcome.report.gates.find((g) => g.name === 'lock');
    expect(gate?.detail).toMatch(/held by https:\/\/github.com\/acme\/app\/actions\/runs\/7, pid \d+/);
    // The wait is reported while it lasts, naming the holder, not only when it ends.
    expect(ctx.logger.lines).toContainEqual({
      level: 'progress',
      message: expect.stringMatching(
        /^waiting for the migration lock held by https:\/\/github.com\/acme\/app\/actions\/runs\/7, pid \d+ .*\(0s of 1s\)$/,
      ),
    });
  });
});

describe('the empty-database template a new PGlite directory starts from', () => {
  it('opens with the installed PGlite as an empty database with shipkit’s settings (regenerate: npx vite-node tests/migrate/support/pglite-template.ts)', async () => {
    const template = pgliteTemplatePath();
    expect(template, 'src/stages/migrate/drivers/pglite-template.tar.gz').toBeDefined();
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'shipkit-template-')), 'db');
    await unpackTemplate(template ?? '', dir);
    const db = new PGlite(dir, pgliteOptions({ PGlite }));
    try {
      const tables = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
      );
      expect(tables.rows).toEqual([{ n: 0 }]);
      expect((await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows).toEqual([
        { shared_buffers: '16MB' },
      ]);
      // Made by this PGlite's own initdb: the same PostgreSQL major version as a fresh one.
      const fresh = new PGlite();
      const version = async (d: PGlite): Promise<unknown> =>
        (await d.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v;
      expect(await version(db)).toBe(await version(fresh));
      await fresh.close();
    } finally {
      await db.close();
    }
  });
});
