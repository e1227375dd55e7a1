import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { DEFAULTS, readScanOptions } from '../../src/stages/scan/options.js';
import type { ScanReport } from '../../src/stages/scan/report-schema.js';
import { readActionYml } from '../support/action-runner.js';
import { parseBlocks } from '../support/markdown.js';
import { startAdvisoryServer, type AdvisoryServer } from './support/advisory-server.js';
import { auditEnv, eventEnv, PM_BIN, runScanStage, threeLockfileProject } from './support/stage.js';

let server: AdvisoryServer;
beforeAll(async () => {
  server = await startAdvisoryServer();
});
afterAll(async () => server.close());

const hasPm = existsSync(path.join(PM_BIN, 'pnpm')) && existsSync(path.join(PM_BIN, 'yarn'));
const withPm = hasPm ? it : it.skip;
const report = (o: { report: unknown }) => o.report as ScanReport;
const read = (inputs: Record<string, string>) => readScanOptions(new InputReader(mapSource(inputs, 'input')));

describe('scan options', () => {
  it("reads action.yml's defaults as it reads an empty input", () => {
    const declared = readActionYml('scan').inputs ?? {};
    for (const [name, value] of Object.entries(DEFAULTS)) expect(String(declared[name]?.default), name).toBe(value);
    const fromDefaults = read(Object.fromEntries(Object.entries(DEFAULTS).map(([k, v]) => [k, String(v)])));
    expect(read({})).toEqual({ ...fromDefaults, ignoreFileExplicit: false });
    expect(read({})).toMatchObject({
      failOn: 'high',
      scanners: ['vuln', 'secret', 'misconfig'],
      audits: [],
      newOnly: false,
    });
  });

  it.each([
    [{ 'fail-on': 'severe' }, 'fail-on', "input 'fail-on' must be one of critical, high, medium, low, got 'severe'"],
    [{ scanners: 'vuln,licence' }, 'scanners', "must be a list of vuln, secret, misconfig (or none), got 'licence'"],
    [{ audit: 'npm,bundler' }, 'audit', "got 'bundler'"],
    [{ scanners: 'none' }, 'scanners', 'nothing to scan'],
    [{ 'upload-sarif': 'yes' }, 'upload-sarif', 'must be true or false'],
    [{ 'trivy-version': 'latest' }, 'trivy-version', 'must be a version such as 0.74.0'],
  ])('%j is refused naming the input', (inputs, input, message) => {
    let error: unknown;
    try {
      read(inputs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location.input).toBe(input);
    expect((error as UserError).message).toContain(message);
  });
});

describe('the scan stage with the real npm, pnpm and yarn audits', () => {
  withPm(
    'merges the three audits into one finding per advisory and installed version, listing every tool',
    async () => {
      const dir = threeLockfileProject();
      const { outcome } = await runScanStage(
        dir,
        { scanners: 'none', audit: 'npm,pnpm,yarn' },
        { env: auditEnv(server.url) },
      );
      const r = report(outcome);
      expect(r.sources.map((s) => [s.tool, s.kind])).toEqual([
        ['npm-audit', 'audit'],
        ['pnpm-audit', 'audit'],
        ['yarn-audit', 'audit'],
      ]);
      const lodash = r.findings.find((f) => f.aliases.includes('GHSA-35jh-r3h4-6jhm'))!;
      // pnpm's report names the CVE: it becomes the id, the GHSA and npm's advisory numbers aliases.
      expect(lodash).toMatchObject({
        id: 'CVE-2021-23337',
        package: 'lodash',
        installed: '4.17.15',
        fixed: '4.17.21',
        severity: 'high',
        tools: ['npm-audit', 'pnpm-audit', 'yarn-audit'],
        // The line that brings lodash in: its entry in package-lock.json.
        file: 'package-lock.json',
        line: 16,
      });
      // One finding per (advisory, package, installed version): lodash has 6 advisories, minimist 1.2.5 one, minimist 0.0.8 two.
      const keys = r.findings.map((f) => `${f.id} ${f.package}@${f.installed}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(r.findings.filter((f) => f.package === 'lodash')).toHaveLength(6);
      expect(
        r.findings
          .filter((f) => f.package === 'minimist')
          .map((f) => f.installed)
          .sort(),
      ).toEqual(['0.0.8', '0.0.8', '1.2.5']);
      expect(r.counts).toEqual({ critical: 2, high: 3, medium: 4, low: 0, unknown: 0 });
      // fail-on high (the default): 5 findings at high or above fail the gate.
      expect(r.status).toBe('fail');
      expect(r.gates[0]).toMatchObject({ name: 'fail-on', passed: false, required: 'high', actual: 5 });
      expect(outcome.outputs).toMatchObject({ passed: false, critical: 2, high: 3, medium: 4 });
    },
  );

  it('annotates the lockfile line and shows counts, blocking findings and the full table in the comment', async () => {
    const dir = threeLockfileProject();
    const { outcome } = await runScanStage(dir, { scanners: 'none', audit: 'npm' }, { env: auditEnv(server.url) });
    const minimist = outcome.annotations.filter((a) => a.title?.includes('minimist'));
    // 1.2.5 at node_modules/minimist (line 21), 0.0.8 at node_modules/mkdirp/node_modules/minimist (line 37).
    expect(minimist.map((a) => [a.file, a.startLine, a.level]).sort()).toEqual([
      ['package-lock.json', 21, 'error'],
      ['package-lock.json', 37, 'error'],
      ['package-lock.json', 37, 'warning'],
    ]);
    const comment = outcome.comment!;
    expect(comment.headline).toBe('2 critical, 3 high, 4 medium');
    const body = parseBlocks(comment.body!);
    const counts = body.find((b) => b.type === 'table' && b.header.includes('critical'));
    expect(counts).toMatchObject({ rows: [['findings', '2', '3', '4', '0', '0']] });
    const top = body.filter((b) => b.type === 'table').at(-1) as { header: string[]; rows: string[][] };
    expect(top.header).toEqual(['Severity', 'Id', 'Package', 'Fixed in', 'Where', 'Tools', 'Baseline']);
    expect(top.rows).toHaveLength(5);
    expect(top.rows[0]).toEqual(
      expect.arrayContaining(['🟥 critical', 'minimist 0.0.8', '0.2.4', 'package-lock.json:37', 'npm-audit']),
    );
    expect(body.find((b) => b.type === 'list')).toMatchObject({ items: [expect.stringContaining('fail-on')] });
    const details = parseBlocks(comment.details!);
    expect(details.find((b) => b.type === 'table')).toMatchObject({ rows: expect.any(Array) });
    expect((details.find((b) => b.type === 'table') as { rows: unknown[] }).rows).toHaveLength(9);
  });

  it('fixable-only lets findings without a fixed version pass', async () => {
    const dir = threeLockfileProject();
    const { outcome } = await runScanStage(
      dir,
      { scanners: 'none', audit: 'npm', 'fail-on': 'high', 'fixable-only': 'true' },
      { env: auditEnv(server.url) },
    );
    // lodash's GHSA-r5fr-rjxr-66jc (high, `<=4.17.23`) names no fixed version: it is listed, it does not block.
    const r = report(outcome);
    expect(r.findings.find((f) => f.id === 'GHSA-r5fr-rjxr-66jc')?.fixed).toBeNull();
    expect(r.gates[0]).toMatchObject({ actual: 4, passed: false });
  });

  it('an audit whose tool is missing is a UserError naming the input', async () => {
    const dir = threeLockfileProject();
    await expect(
      runScanStage(
        dir,
        { scanners: 'none', audit: 'pnpm' },
        { env: { ...auditEnv(server.url), PATH: '/nonexistent' } },
      ),
    ).rejects.toMatchObject({ name: 'UserError', location: { input: 'audit' } });
  });

  it('an unreachable registry is a ServiceError, not a user mistake or a bug', async () => {
    const dir = threeLockfileProject();
    await expect(
      runScanStage(dir, { scanners: 'none', audit: 'npm' }, { env: auditEnv('http://127.0.0.1:9/') }),
    ).rejects.toMatchObject({ name: 'ServiceError' });
  });
});

describe('ignores', () => {
  function projectWith(files: Record<string, string>): string {
    const dir = threeLockfileProject();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('an ignored finding stays in the report with its reason, source and expiry, and does not count', async () => {
    const dir = projectWith({
      '.shipkit/scan-ignore.yml': [
        'ignore:',
        '  - id: GHSA-xvch-5gv4-984h',
        '    package: minimist',
        '    reason: only parses our own build flags',
        '    expires: 2099-12-31',
        '  - package: "lod*"',
        '    id: GHSA-35jh-*',
        '    reason: template() is not used',
        '    expires: 2099-01-01',
        '',
      ].join('\n'),
    });
    const { outcome } = await runScanStage(dir, { scanners: 'none', audit: 'npm' }, { env: auditEnv(server.url) });
    const r = report(outcome);
    const ignored = r.findings.filter((f) => f.ignored);
    expect(ignored.map((f) => [f.package, f.installed, f.ignored?.source, f.ignored?.expires]).sort()).toEqual([
      ['lodash', '4.17.15', '.shipkit/scan-ignore.yml:6', '2099-01-01'],
      ['minimist', '0.0.8', '.shipkit/scan-ignore.yml:2', '2099-12-31'],
      ['minimist', '1.2.5', '.shipkit/scan-ignore.yml:2', '2099-12-31'],
    ]);
    expect(r.counts).toEqual({ critical: 0, high: 2, medium: 4, low: 0, unknown: 0 });
    expect(r.ignoredCount).toBe(3);
    expect(outcome.comment!.headline).toBe('2 high, 4 medium · 3 ignored');
  });

  it('an expired ignore ignores nothing and fails its gate, naming its file and line', async () => {
    const dir = projectWith({
      '.shipkit/scan-ignore.yml': '- id: GHSA-xvch-5gv4-984h\n  reason: was fine once\n  expires: 2020-01-31\n',
    });
    const { outcome } = await runScanStage(
      dir,
      { scanners: 'none', audit: 'npm', 'fail-on': 'critical' },
      { env: auditEnv(server.url) },
    );
    const r = report(outcome);
    expect(r.findings.filter((f) => f.ignored)).toHaveLength(0);
    const gate = r.gates.find((g) => g.name === 'ignore-expiry')!;
    expect(gate).toMatchObject({ passed: false, actual: 1 });
    expect(gate.detail).toContain(
      'GHSA-xvch-5gv4-984h expired on 2020-01-31 (.shipkit/scan-ignore.yml:1, 2 finding(s) count again)',
    );
  });

  it.each([
    ['- id: CVE-2021-44906\n  expires: 2099-01-01\n', 1, "needs a 'reason'"],
    ['- id: CVE-2021-44906\n  reason: later\n', 1, "has no 'expires'"],
    [
      'ignore:\n  - id: CVE-2021-44906\n    reason: later\n    expires: 31/12/2099\n',
      4,
      "'expires' must be a date like 2026-12-31",
    ],
    ['- id: CVE-2021-44906\n  reason: x\n  expires: 2099-01-01\n  severity: low\n', 4, "unknown key 'severity'"],
    ['- reason: x\n  expires: 2099-01-01\n', 1, "needs 'id' or 'package'"],
    ['- id: [unclosed\n', 2, 'not valid YAML'],
  ])('a mistake in scan-ignore.yml is a UserError with its line: %j', async (text, line, message) => {
    const dir = projectWith({ '.shipkit/scan-ignore.yml': text });
    const error = await runScanStage(dir, { scanners: 'none', audit: 'npm' }, { env: auditEnv(server.url) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toMatchObject({
      file: '.shipkit/scan-ignore.yml',
      line,
      input: 'ignore-file',
    });
    expect((error as UserError).message).toContain(message);
  });

  it(".trivyignore and .trivyignore.yaml are read in Trivy's formats", async () => {
    const dir = projectWith({
      '.trivyignore': '# accepted\nGHSA-29mw-wpgm-hmr9\nGHSA-xxjr-mmjv-4gpg exp:2020-01-01\n',
      '.trivyignore.yaml': [
        'vulnerabilities:',
        '  - id: GHSA-vh95-rmgr-6w4m',
        '    statement: mkdirp passes no user input',
        '    purls:',
        '      - pkg:npm/minimist@0.0.8',
        '  - id: GHSA-f23m-r3pf-42rh',
        '    paths: ["other/**"]',
        '',
      ].join('\n'),
    });
    const { outcome } = await runScanStage(
      dir,
      { scanners: 'none', audit: 'npm', 'fail-on': 'critical' },
      { env: auditEnv(server.url) },
    );
    const r = report(outcome);
    const ignored = Object.fromEntries(
      r.findings.filter((f) => f.ignored).map((f) => [f.aliases.find((a) => a.startsWith('GHSA')) ?? f.id, f.ignored]),
    );
    expect(ignored).toEqual({
      'GHSA-29mw-wpgm-hmr9': { reason: 'listed in .trivyignore', source: '.trivyignore:2', expires: null },
      'GHSA-vh95-rmgr-6w4m': { reason: 'mkdirp passes no user input', source: '.trivyignore.yaml:2', expires: null },
    });
    // The expired .trivyignore entry fails its gate; the path-limited entry matched nothing (a warning).
    expect(r.gates.find((g) => g.name === 'ignore-expiry')?.detail).toContain('.trivyignore:3');
    expect(r.warnings).toEqual([
      expect.stringContaining('GHSA-f23m-r3pf-42rh (.trivyignore.yaml:6) matched no finding'),
    ]);
  });

  it('a named ignore-file that does not exist is refused', async () => {
    const dir = threeLockfileProject();
    await expect(
      runScanStage(
        dir,
        { scanners: 'none', audit: 'npm', 'ignore-file': 'security/ignores.yml' },
        { env: auditEnv(server.url) },
      ),
    ).rejects.toMatchObject({ location: { input: 'ignore-file' } });
  });
});

describe('new-only against the base branch baseline', () => {
  const repoPayload = { repository: { default_branch: 'main', full_name: 'acme/app' } };

  it('a push to the default branch saves the baseline; a pull request lists existing findings and blocks only new ones', async () => {
    const baselineDir = mkdtempSync(path.join(os.tmpdir(), 'scan-baselines-'));
    // main: lodash only (minimist not yet a dependency).
    const main = threeLockfileProject();
    const mainLock = JSON.parse(readFileSync(path.join(main, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    for (const k of Object.keys(mainLock.packages))
      if (k.includes('minimist') || k.includes('mkdirp')) delete mainLock.packages[k];
    writeFileSync(path.join(main, 'package-lock.json'), JSON.stringify(mainLock, null, 2));
    const push = await runScanStage(
      main,
      { scanners: 'none', audit: 'npm' },
      {
        baselineDir,
        env: auditEnv(
          server.url,
          eventEnv(
            'push',
            { ...repoPayload, ref: 'refs/heads/main', after: 'a'.repeat(40) },
            { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40) },
          ),
        ),
      },
    );
    expect(report(push.outcome).baseline).toMatchObject({ saved: true, branch: 'main', sha: 'a'.repeat(40) });
    expect(report(push.outcome).findings.map((f) => f.package)).toEqual(Array(6).fill('lodash'));

    // The PR adds minimist and mkdirp: only their findings are new.
    const pr = threeLockfileProject();
    const prEnv = eventEnv(
      'pull_request',
      { ...repoPayload, pull_request: { number: 7, base: { ref: 'main' } } },
      { GITHUB_REF: 'refs/pull/7/merge' },
    );
    const { outcome } = await runScanStage(
      pr,
      { scanners: 'none', audit: 'npm', 'new-only': 'true' },
      { baselineDir, env: auditEnv(server.url, prEnv) },
    );
    const r = report(outcome);
    expect(r.baseline).toMatchObject({
      status: 'compared',
      branch: 'main',
      sha: 'a'.repeat(40),
      newCount: 3,
      saved: false,
    });
    expect(
      r.findings
        .filter((f) => f.new)
        .map((f) => `${f.package}@${f.installed}`)
        .sort(),
    ).toEqual(['minimist@0.0.8', 'minimist@0.0.8', 'minimist@1.2.5']);
    expect(r.findings.filter((f) => f.new === false)).toHaveLength(6);
    // Blocking: the new criticals only (2), not lodash's existing highs (3).
    expect(r.gates[0]).toMatchObject({ name: 'fail-on', actual: 2, passed: false });
    expect(outcome.comment!.headline).toBe('2 critical, 3 high, 4 medium · 3 new');
    const paragraphs = parseBlocks(outcome.comment!.body!)
      .filter((b) => b.type === 'paragraph')
      .map((b) => (b as { text: string }).text);
    expect(paragraphs).toContain('3 new, 6 existing on main (only new findings block: new-only).');

    // With fail-on critical and only the existing lodash findings, the PR passes.
    const prLodash = threeLockfileProject();
    writeFileSync(path.join(prLodash, 'package-lock.json'), JSON.stringify(mainLock, null, 2));
    const again = await runScanStage(
      prLodash,
      { scanners: 'none', audit: 'npm', 'new-only': 'true' },
      { baselineDir, env: auditEnv(server.url, prEnv) },
    );
    expect(report(again.outcome).status).toBe('pass');
    expect(report(again.outcome).gates[0]).toMatchObject({ actual: 0, passed: true });
  });

  it('without a baseline, every finding counts as new and a warning says so', async () => {
    const dir = threeLockfileProject();
    const prEnv = eventEnv('pull_request', { ...repoPayload, pull_request: { number: 7, base: { ref: 'main' } } });
    const { outcome } = await runScanStage(
      dir,
      { scanners: 'none', audit: 'npm', 'new-only': 'true' },
      { env: auditEnv(server.url, prEnv) },
    );
    const r = report(outcome);
    expect(r.baseline.status).toBe('missing');
    expect(r.gates[0]).toMatchObject({ actual: 5, passed: false });
    expect(r.warnings).toEqual([
      expect.stringContaining("no findings baseline of 'main' yet, so every finding is treated as new"),
    ]);
  });
});

describe('reports that already exist', () => {
  it('a file of another format is refused naming what it looks like', async () => {
    const dir = threeLockfileProject();
    writeFileSync(
      path.join(dir, 'junit.xml'),
      '<?xml version="1.0"?>\n<testsuites><testsuite name="a"/></testsuites>\n',
    );
    const error = await runScanStage(dir, { scanners: 'none', reports: 'junit.xml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toBe(
      "junit.xml: this looks like JUnit XML, not a findings report shipkit reads (Trivy JSON, SARIF 2.1.0, npm/pnpm/yarn audit JSON, osv-scanner JSON) (input 'reports')",
    );
  });

  it('a report that is missing is named', async () => {
    const dir = threeLockfileProject();
    await expect(runScanStage(dir, { scanners: 'none', reports: 'out/trivy.json' })).rejects.toThrow(
      "report 'out/trivy.json' not found",
    );
  });
});
