// Runner contract: the built bundle (dist/migrate/index.js) run exactly as the GitHub runner runs it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { MigrateReport } from '../../src/stages/migrate/report-schema.js';
import { runBundle } from '../support/action-runner.js';
import { parseBlocks } from '../support/markdown.js';
import { bareActionCopy, runBareAction } from './support/bare-action.js';
import { pgQuery } from './support/query.js';
import { PG_PASSWORD, startPostgres, type Server } from './support/servers.js';

let server: Server;
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-migrate-ws-'));
  mkdirSync(path.join(dir, 'db/migrations'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'db/migrations', name), text);
  return dir;
}

function reportOf(outputs: Record<string, string>): MigrateReport {
  const report: unknown = JSON.parse(readFileSync(outputs.report ?? '', 'utf8'));
  assertReportMatches(MigrateReport, report);
  return report as MigrateReport;
}

describe('migrate action bundle', () => {
  it('applies, sets outputs and the summary, and masks the URL and its password', async () => {
    const workspace = workspaceWith({
      '001_users.sql': 'CREATE TABLE users (id serial PRIMARY KEY);',
      '002_index.sql': '-- shipkit:no-transaction\nCREATE INDEX CONCURRENTLY users_id ON users (id);',
    });
    const r = await runBundle('migrate', {
      workspace,
      inputs: { 'database-url': server.url, dir: 'db/migrations', backup: 'true' },
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(r.outputs.applied).toBe('1,2');
    expect(r.outputs.pending).toBe('');
    expect(r.outputs['backup-path']).toMatch(/^\.shipkit\/backups\/shipkit-.*\.dump$/);
    const masks = r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    expect(masks).toContain(server.url);
    expect(masks).toContain(PG_PASSWORD);
    expect(parseBlocks(r.summary)[0]).toEqual({
      type: 'heading',
      level: 3,
      text: expect.stringMatching(
        /^✅ Migrate: applied 2 migrations to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres$/,
      ),
    });
    expect(r.summary).not.toContain(PG_PASSWORD);
    const report = reportOf(r.outputs);
    expect(report.status).toBe('pass');
  });

  it('a database error quoting the password reaches no channel: log, annotations, outputs, summary, report', async () => {
    await pgQuery(server.url, 'CREATE DATABASE leak');
    const url = server.url.replace(/\/postgres$/, '/leak');
    const workspace = workspaceWith({
      '001_t.sql': 'CREATE TABLE t (id int);',
      '002_leak.sql': `DO $$ BEGIN RAISE EXCEPTION 'cannot log in with %', '${PG_PASSWORD}'; END $$;`,
    });
    const r = await runBundle('migrate', { workspace, inputs: { 'database-url': url, dir: 'db/migrations' } });
    expect(r.exitCode).toBe(1);
    const report = readFileSync(r.outputs.report ?? '', 'utf8');
    expect(JSON.parse(report).migrations.failure).toMatchObject({ file: 'db/migrations/002_leak.sql', line: 1 });
    for (const [channel, text] of Object.entries({
      // add-mask commands carry the secret to the runner, which never shows them: every other line counts.
      stdout: r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      stderr: r.stderr,
      summary: r.summary,
      outputs: JSON.stringify(r.outputs),
      report,
    })) {
      expect(text, channel).not.toContain(PG_PASSWORD);
      expect(text, channel).not.toContain(encodeURIComponent(PG_PASSWORD));
      // Nor as markdown escapes it in the summary (`pg\-s3cret\!`).
      expect(text.replace(/\\(.)/g, '$1'), `${channel}, unescaped`).not.toContain(PG_PASSWORD);
    }
    expect(JSON.parse(report).migrations.failure.message).toMatch(/cannot log in with \*\*\*/);
  });

  it('fails the step on a destructive plan and annotates the file and line', async () => {
    const workspace = workspaceWith({
      '001_t.sql': 'CREATE TABLE t (id int);\nCREATE TABLE u (id int);\nDROP TABLE t;',
    });
    const url = server.url.replace(/\/postgres$/, '/template1');
    const r = await runBundle('migrate', {
      workspace,
      inputs: { 'database-url': url, dir: 'db/migrations', 'dry-run': 'true' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.passed).toBe('false');
    expect(r.outputs.pending).toBe('1');
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        command: 'error',
        properties: expect.objectContaining({ file: 'db/migrations/001_t.sql', line: '3' }),
      }),
    );
    expect(reportOf(r.outputs).migrations).toMatchObject({
      destructive: [{ file: 'db/migrations/001_t.sql', line: 3, kind: 'drop-table' }],
    });
  });

  it("connects to PostgreSQL without loading Node's fetch stack, and leaves the global scope as it was", async () => {
    // pg's Cloudflare check touches `Response` where Node has no `navigator` (Node 20), which loads
    // Node's bundled undici: a quarter of a no-op run's start. The hook reports, as the process exits,
    // whether that happened and whether the stand-in `navigator` was taken back.
    const hookDir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-pg-hook-'));
    const hook = path.join(hookDir, 'hook.cjs');
    writeFileSync(
      hook,
      "process.on('exit', () => { require('fs').writeFileSync(process.env.HOOK_OUT, JSON.stringify({ " +
        "undici: process.moduleLoadList.some((m) => m.includes('undici/undici')), navigator: typeof navigator })); });",
    );
    const out = path.join(hookDir, 'out.json');
    await pgQuery(server.url, 'CREATE DATABASE navcheck');
    const r = await runBundle('migrate', {
      workspace: workspaceWith({ '001_nav.sql': 'CREATE TABLE nav (id int);' }),
      inputs: { 'database-url': server.url.replace(/\/postgres$/, '/navcheck'), dir: 'db/migrations' },
      env: { NODE_OPTIONS: `--require ${hook}`, HOOK_OUT: out },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs.applied).toBe('1');
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { undici: boolean; navigator: string };
    expect(seen.undici).toBe(false);
    // Node 20 has no navigator (and must not keep the stand-in); Node 21+ has its own.
    expect(seen.navigator).toBe(Number(process.versions.node.split('.')[0]) >= 21 ? 'object' : 'undefined');
  });

  it('requires database-url in an action instead of migrating a throwaway database', async () => {
    const r = await runBundle('migrate', {
      workspace: workspaceWith({ '001_a.sql': 'SELECT 1;' }),
      inputs: { dir: 'db/migrations' },
    });
    // A usage error: exit 2, naming the input.
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/input 'database-url' is required in an action/);
  });
});

describe('migrate action from a copy with nothing but dist/ (as a runner gets it)', () => {
  it('checks a pull request with a throwaway PGlite: the base branch applied first, then the plan of the new files', async () => {
    const root = bareActionCopy();
    const base = workspaceWith({
      '001_users.sql': 'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);',
      '002_index.sql': '-- shipkit:no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);',
      '003_cleanup.sql': 'ALTER TABLE users DROP COLUMN email;',
    });
    const head = workspaceWith({
      '001_users.sql': 'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);',
      '002_index.sql': '-- shipkit:no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);',
      '003_cleanup.sql': 'ALTER TABLE users DROP COLUMN email;',
      '004_orders.sql': 'CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users (id));',
      '005_wipe.sql': 'TRUNCATE orders;',
    });
    const db = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'shipkit-plan-')), 'plan-db')}`;
    // The base branch's migrations, destructive ones included: they are already merged.
    const first = await runBareAction(root, base, {
      'database-url': db,
      dir: 'db/migrations',
      'allow-destructive': 'true',
      comment: 'false',
    });
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.outputs.applied).toBe('1,2,3');
    // The pull request's new files: applied to the same throwaway database, gated, planned.
    const second = await runBareAction(root, head, { 'database-url': db, dir: 'db/migrations', comment: 'false' });
    expect(second.exitCode).toBe(1);
    expect(second.outputs.pending).toBe('4,5');
    const report = reportOf(second.outputs);
    expect(report.migrations.database).toEqual({ kind: 'pglite', url: db });
    expect(report.migrations.destructive).toEqual([
      expect.objectContaining({ file: 'db/migrations/005_wipe.sql', line: 1, kind: 'truncate' }),
    ]);
    const summary = parseBlocks(second.summary);
    expect(summary).toContainEqual({
      type: 'table',
      header: ['Version', 'File', 'Runs', 'Analysis'],
      rows: [
        ['4', 'db/migrations/004_orders.sql', 'in the run’s transaction', 'nothing destructive'],
        ['5', 'db/migrations/005_wipe.sql', 'in the run’s transaction', '⚠️ truncate (line 1)'],
      ],
    });
    // Allowed, the plan applies on PostgreSQL itself: the pull request's SQL is valid and runs.
    const allowed = await runBareAction(root, head, {
      'database-url': db,
      dir: 'db/migrations',
      'allow-destructive': 'true',
      comment: 'false',
    });
    expect(allowed.exitCode).toBe(0);
    expect(allowed.outputs.applied).toBe('4,5');
  });
});
