import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { MigrateReport } from '../../src/stages/migrate/report-schema.js';
import { project } from './support/harness.js';

const root = path.resolve(import.meta.dirname, '../..');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const { GITHUB_ACTIONS: _inActions, ...env } = process.env;
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, undefined, env);
  return { code, stdout, stderr };
}

describe('npx shipkit migrate', () => {
  it('applies examples/migrations to the embedded default database with no server', async () => {
    // A fresh copy of the repository's example, as on a fresh clone.
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'shipkit-migrate-cli-'));
    cpSync(path.join(root, 'examples/migrations'), path.join(cwd, 'examples/migrations'), { recursive: true });
    const plan = await cli(['migrate', '--root', cwd, '--dir', 'examples/migrations', '--dry-run']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('pending  examples/migrations/003_orders_user_index.sql (no transaction)');
    expect(plan.stdout).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx');
    const run = await cli(['migrate', '--root', cwd, '--dir', 'examples/migrations', '--json']);
    expect(run.code).toBe(0);
    const report: unknown = JSON.parse(run.stdout);
    assertReportMatches(MigrateReport, report);
    expect(
      (report as { migrations: { applied: { version: string }[] } }).migrations.applied.map((a) => a.version),
    ).toEqual(['1', '2', '3']);
    expect((report as { migrations: { database: { url: string } } }).migrations.database.url).toBe(
      'pglite:.shipkit/db',
    );
  });

  it('exits 1 on a blocked run and on a failed one, 2 on a bad flag', async () => {
    const { cwd, write } = project({ '001_a.sql': 'CREATE TABLE a (id int);\nDROP TABLE legacy;' });
    const blocked = await cli(['migrate', '--root', cwd, '--dir', 'migrations', '--database-url', 'sqlite:app.db']);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('BLOCKED  migrations/001_a.sql:2 drop-table: DROP TABLE legacy');
    write('001_a.sql', 'CREATE TABLE a (id int);\nINSERT INTO nowhere VALUES (1);');
    const failed = await cli(['migrate', '--root', cwd, '--dir', 'migrations', '--database-url', 'sqlite:app.db']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/failed +migrations\/001_a.sql:2: .*no such table: nowhere/);
    const usage = await cli(['migrate', '--root', cwd, '--transaction', 'sometimes']);
    expect(usage.code).toBe(2);
    expect(usage.stderr + usage.stdout).toContain("--transaction must be one of all, per-file, got 'sometimes'");
    expect((await cli(['migrate', '--frobnicate'])).code).toBe(2);
  });
});
