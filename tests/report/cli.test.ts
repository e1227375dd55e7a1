import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { composeBody, parseSections } from '../../src/core/comment/sticky-body.js';
import { cleanEnv, tempDir } from './support/stages.js';

/** `npx shipkit <stage> --report-dir DIR` writes what an action uploads; `npx shipkit report --reports DIR` merges it. */
function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

function project(): string {
  const root = tempDir('cli-project');
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/calc.js'), 'a\nb\nc\nd\n');
  writeFileSync(path.join(root, 'a.info'), 'TN:\nSF:src/calc.js\nDA:1,1\nDA:2,1\nDA:3,0\nDA:4,0\nend_of_record\n');
  writeFileSync(path.join(root, 'b.info'), 'TN:\nSF:src/calc.js\nDA:1,0\nDA:2,0\nDA:3,2\nDA:4,0\nend_of_record\n');
  return root;
}

describe('the CLI', () => {
  it("--report-dir writes the report, its annotations and the test stage's shard export; report merges the dirs below DIR", async () => {
    const root = project();
    const reports = tempDir('cli-reports');
    for (const [i, file] of ['a.info', 'b.info'].entries()) {
      const { io: x } = io();
      const code = await runCli(
        ['test', '--root', root, '--coverage', file, '--report-dir', path.join(reports, `s${i}`)],
        x,
        undefined,
        cleanEnv({ SHIPKIT_SHARD: `${i + 1}/2` }),
      );
      expect(code).toBe(0);
    }
    expect(readdirSync(path.join(reports, 's0')).sort()).toEqual([
      'test-1_2.annotations.json',
      'test-1_2.coverage.lcov',
      'test-1_2.json',
      'test-1_2.shard.json',
    ]);
    const { out, io: x } = io();
    const code = await runCli(
      ['report', '--reports', reports, '--min-lines', '70', '--json'],
      x,
      undefined,
      cleanEnv(),
    );
    const report = JSON.parse(out.stdout) as {
      stage: string;
      status: string;
      coverage: { totals: { lines: unknown } };
      gates: { name: string; passed: boolean }[];
    };
    expect(report.stage).toBe('report');
    expect(report.coverage.totals.lines).toEqual({ covered: 3, total: 4, pct: 75 });
    expect(report.gates.find((g) => g.name === 'test: min-lines')).toMatchObject({ passed: true });
    expect(report.status).toBe('pass');
    expect(code).toBe(0);

    const failing = io();
    expect(await runCli(['report', '--reports', reports, '--min-lines', '80'], failing.io, undefined, cleanEnv())).toBe(
      1,
    );
    expect(failing.out.stdout).toMatch(/✘ Test \(2 shards merged\): lines 75\.00 %/);
  }, 60_000);

  it('the files made on demand are redacted as they are written: no secret reaches --report-dir', async () => {
    const root = project();
    const secret = 'sekrit-value-4711';
    writeFileSync(path.join(root, `src/${secret}.js`), 'x\n');
    writeFileSync(path.join(root, 'c.info'), `TN:\nSF:src/${secret}.js\nDA:1,1\nend_of_record\n`);
    const dir = tempDir('cli-secret');
    const { io: x } = io();
    await runCli(
      ['test', '--root', root, '--coverage', 'c.info', '--report-dir', dir],
      x,
      undefined,
      cleanEnv({ GITHUB_TOKEN: secret }),
    );
    const lcov = readFileSync(path.join(dir, 'test.coverage.lcov'), 'utf8');
    expect(lcov).toContain('SF:src/***.js');
    for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f), 'utf8')).not.toContain(secret);
  });

  it('without --reports it is a usage error naming the flag; a damaged report names its file', async () => {
    const none = io();
    expect(await runCli(['report'], none.io, undefined, cleanEnv())).toBe(2);
    expect(none.out.stderr).toMatch(/--reports/);

    const dir = tempDir('cli-bad');
    writeFileSync(path.join(dir, 'test.json'), JSON.stringify({ schemaVersion: 1, stage: 'test', status: 'maybe' }));
    const bad = io();
    expect(await runCli(['report', '--reports', dir], bad.io, undefined, cleanEnv())).toBe(2);
    expect(bad.out.stderr).toMatch(/test\.json.*does not match the report schema/);

    const empty = io();
    writeFileSync(path.join(dir, 'test.json'), '{"name":"not a report"}');
    expect(await runCli(['report', '--reports', dir], empty.io, undefined, cleanEnv())).toBe(1);
    expect(empty.out.stdout).toMatch(/No stage reports found/);
  });

  it('help lists the report inputs as flags', async () => {
    const help = io();
    expect(await runCli(['report', '--help'], help.io, undefined, cleanEnv())).toBe(0);
    for (const flag of ['--reports', '--min-lines', '--notify-url', '--notify-on', '--badge', '--check-run'])
      expect(help.out.stdout).toContain(flag);
  });
});

describe('removing sections of the sticky comment', () => {
  it("takes out other writers' sections by key, never the one written, and rebuilds the overview", () => {
    const meta = (t: string) => ({ title: t, status: 'pass' as const, headline: t });
    let body = composeBody(undefined, { key: 'test/1/2', markdown: '#### one', meta: meta('Test') });
    body = composeBody(body, { key: 'test/2/2', markdown: '#### two', meta: meta('Test') });
    body = composeBody(body, { key: 'scan', markdown: '#### scan', meta: meta('Scan') });
    const merged = composeBody(
      body,
      { key: 'test', markdown: '#### merged', meta: meta('Test') },
      {
        order: ['test', 'scan'],
        remove: (key) => key.startsWith('test/') || key === 'test',
      },
    );
    expect(parseSections(merged).map((s) => s.key)).toEqual(['test', 'scan']);
    expect(merged).not.toContain('(1/2)');
  });
});
