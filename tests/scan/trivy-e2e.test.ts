// The scan stage end to end, as users run it: the action bundle (dist/scan/index.js) as the runner runs
// it and the CLI (dist/cli/index.js), with the real Trivy scanning against the test vulnerability
// database served by a real registry on 127.0.0.1, the real npm auditing against the local bulk
// advisory endpoint, Trivy downloaded from a local release mirror and verified, the Actions cache
// emulated for the day's database and the findings baseline.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReportMatches } from '../../src/core/report/schema.js';
import type { Finding } from '../../src/stages/scan/model.js';
import { ScanReport } from '../../src/stages/scan/report-schema.js';
import type { SarifLog } from '../../src/stages/scan/sarif-out.js';
import { dailyDbKey } from '../../src/stages/scan/trivy/db-cache.js';
import { REPO_ROOT, runBundle, type BundleResult, type RunBundleOptions } from '../support/action-runner.js';
import { pullRequestEvent, webhookExample } from '../support/webhook-events.js';
import { startAdvisoryServer, type AdvisoryServer } from './support/advisory-server.js';
import { expectValidSarif } from './support/sarif-schema.js';
import { startActionsCacheServer, type ActionsCacheServer } from './trivy/support/actions-cache-server.js';
import { buildAlpineImage } from './trivy/support/alpine-image.js';
import { startRegistry, type Registry } from './trivy/support/registry.js';
import { startReleaseMirror, type ReleaseMirror } from './trivy/support/release.js';
import { startRateLimitProxy, type TestServer } from './trivy/support/servers.js';
import { buildTestDb, pushTestDb } from './trivy/support/test-db.js';
import { missingTools, TARGETS, trivyPath } from './trivy/support/tools.js';

const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');
const BUNDLE = path.join(REPO_ROOT, 'dist/scan/index.js');
const VERSION = '0.74.0';
const missing = [missingTools, existsSync(BUNDLE) ? '' : BUNDLE, existsSync(CLI) ? '' : CLI].filter(Boolean).join(', ');

/** The advisories both Trivy's test database and npm's bulk endpoint know, for the packages of the lockfile. */
const SHARED = [
  { id: 'CVE-2021-44906', ghsa: 'GHSA-xvch-5gv4-984h', pkg: 'minimist', severity: 'critical', fixed: '1.2.6' },
  // Trivy's database says 4.17.20, npm's endpoint 4.17.19 (the advisory was corrected): the later one is fixed for both.
  { id: 'CVE-2020-8203', ghsa: 'GHSA-p6mc-m468-83gw', pkg: 'lodash', severity: 'high', fixed: '4.17.20' },
  { id: 'CVE-2021-23337', ghsa: 'GHSA-35jh-r3h4-6jhm', pkg: 'lodash', severity: 'high', fixed: '4.17.21' },
] as const;

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
const reportOf = (r: BundleResult): ScanReport => {
  const report: unknown = JSON.parse(readFileSync(r.outputs.report ?? '', 'utf8'));
  assertReportMatches(ScanReport, report);
  return report as ScanReport;
};
const summaryOf = (f: Finding) =>
  `${f.id} ${f.package ?? ''}@${f.installed ?? ''} ${f.severity} fixed=${f.fixed ?? '-'} ${f.file ?? ''}:${f.line ?? ''} [${f.tools.join(',')}]`;
const logged = (r: BundleResult) => r.stdout + r.stderr;

describe.skipIf(missing !== '')('the scan stage end to end with the real Trivy, registry and npm', () => {
  let work: string;
  let advisories: AdvisoryServer;
  let registry: Registry;
  /** Passes every request on to the registry, counting them: a run that asks nothing leaves it unchanged. */
  let counter: TestServer;
  let dbBuild: string;
  let repo: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'shipkit-scan-e2e-'));
    advisories = await startAdvisoryServer();
    dbBuild = await buildTestDb();
    registry = await startRegistry();
    await pushTestDb(dbBuild, registry.host, 'aquasecurity/trivy-db');
    counter = await startRateLimitProxy(registry.host, { windowSeconds: 0 });
    repo = `${counter.host}/aquasecurity/trivy-db:2`;
  });

  afterAll(async () => {
    await counter?.close();
    await registry?.stop();
    await advisories?.close();
    if (dbBuild) rmSync(dbBuild, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /**
   * A checkout: package.json and the package-lock.json npm wrote for lodash 4.17.15 and minimist
   * 1.2.5 (tests/fixtures/trivy-db/targets/npm), and a Dockerfile that runs as root (Trivy's DS-0002):
   * something only Trivy finds, so that each tool has findings of its own.
   */
  function checkout(options: { minimist?: boolean } = {}): string {
    const dir = mkdtempSync(path.join(work, 'workspace-'));
    cpSync(path.join(TARGETS, 'npm'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/index.js"]\n');
    if (options.minimist === false) {
      // The default branch before minimist was added: the lockfile npm would write without it.
      const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { dependencies?: Record<string, string> }>;
      };
      delete lock.packages['node_modules/minimist'];
      delete lock.packages['']?.dependencies?.minimist;
      writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    }
    return dir;
  }

  /** What a job's environment gives npm: the local advisory endpoint as its registry, a cache of its own. */
  function jobEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      npm_config_registry: advisories.url,
      npm_config_cache: mkdtempSync(path.join(work, 'npm-cache-')),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      RUNNER_TOOL_CACHE: mkdtempSync(path.join(work, 'tool-cache-')),
      ...extra,
    };
  }

  const scanInputs = (extra: Record<string, string> = {}): Record<string, string> => ({
    'trivy-path': trivyPath!,
    'db-repository': repo,
    insecure: 'true',
    audit: 'npm',
    ...extra,
  });

  function runCli(
    args: string[],
    cwd: string,
    env: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'scan', ...args],
        {
          cwd,
          env: {
            PATH: process.env.PATH,
            HOME: work,
            XDG_CACHE_HOME: mkdtempSync(path.join(work, 'xdg-cache-')),
            ...env,
          },
          timeout: 600_000,
          maxBuffer: 64 << 20,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  let actionFindings: string[] = [];

  it('the action: Trivy fs and npm audit report each shared advisory once, listing both tools; the gate fails on high; SARIF has a run per tool', async () => {
    const workspace = checkout();
    const lock = readFileSync(path.join(workspace, 'package-lock.json'), 'utf8');
    const result = await runBundle('scan', {
      workspace,
      inputs: scanInputs({ 'fail-on': 'high', sarif: 'scan.sarif' }),
      env: jobEnv(),
    });
    expect(result.exitCode, logged(result).slice(-3000)).toBe(1);
    expect(result.stdout).toContain(`Trivy's vulnerability database: downloaded from ${repo}.`);
    const report = reportOf(result);
    expect(report.sources.map((s) => [s.tool, s.version ?? null])).toEqual([
      ['trivy', VERSION],
      ['npm-audit', null],
    ]);

    const lines = {
      lodash: lineOf(lock, '"node_modules/lodash"'),
      minimist: lineOf(lock, '"node_modules/minimist"'),
    };
    for (const advisory of SHARED) {
      const matching = report.findings.filter((f) => f.id === advisory.id || f.aliases.includes(advisory.ghsa));
      expect(matching.map(summaryOf), advisory.id).toEqual([
        `${advisory.id} ${advisory.pkg}@${advisory.pkg === 'lodash' ? '4.17.15' : '1.2.5'} ${advisory.severity} fixed=${advisory.fixed} package-lock.json:${lines[advisory.pkg]} [npm-audit,trivy]`,
      ]);
      expect(matching[0]?.aliases).toContain(advisory.ghsa);
    }
    // What only one tool knows stays that tool's: npm's other lodash advisories, Trivy's Dockerfile check.
    const byTools = (tools: string) => report.findings.filter((f) => f.tools.join(',') === tools).map((f) => f.id);
    expect(byTools('npm-audit').sort()).toEqual([
      'GHSA-29mw-wpgm-hmr9',
      'GHSA-f23m-r3pf-42rh',
      'GHSA-r5fr-rjxr-66jc',
      'GHSA-xxjr-mmjv-4gpg',
    ]);
    expect(byTools('trivy')).toEqual(expect.arrayContaining(['DS-0002']));
    expect(report.findings.find((f) => f.id === 'DS-0002')).toMatchObject({ kind: 'misconfig', file: 'Dockerfile' });

    // fail-on high: minimist's critical, the two shared lodash highs, npm's GHSA-r5fr and Trivy's DS-0002.
    const blocking = report.findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
    expect(blocking.map((f) => f.id).sort()).toEqual(
      ['CVE-2020-8203', 'CVE-2021-23337', 'CVE-2021-44906', 'DS-0002', 'GHSA-r5fr-rjxr-66jc'].sort(),
    );
    expect(report.gates.find((g) => g.name === 'fail-on')).toMatchObject({
      passed: false,
      required: 'high',
      actual: 5,
    });
    expect(result.outputs).toMatchObject({ passed: 'false', critical: '1', high: '4', 'sarif-file': 'scan.sarif' });

    // One annotation per finding on the lockfile line that brings the package in, naming both tools.
    const onLock = result.annotations.filter((a) => a.properties.file === 'package-lock.json');
    const minimist = onLock.filter((a) => a.properties.line === String(lines.minimist));
    expect(minimist.map((a) => [a.command, a.properties.title, a.message])).toEqual([
      [
        'error',
        'critical vulnerability: CVE-2021-44906 in minimist 1.2.5',
        'Prototype Pollution in minimist. Fixed in: 1.2.6 (npm-audit, trivy)',
      ],
    ]);
    expect(onLock.filter((a) => a.properties.line === String(lines.lodash))).toHaveLength(6);

    // SARIF: valid, one run per tool with its own category; each finding once, in the run of its first tool.
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'scan.sarif'), 'utf8')) as {
      runs: { automationDetails: { id: string }; results: { ruleId: string; properties: { tools: string[] } }[] }[];
    };
    expectValidSarif(sarif);
    expect(sarif.runs.map((r) => r.automationDetails.id)).toEqual(['shipkit-scan/npm-audit/', 'shipkit-scan/trivy/']);
    const results = sarif.runs.flatMap((r) => r.results);
    expect(results).toHaveLength(report.findings.length);
    expect(results.find((r) => r.ruleId === 'CVE-2021-44906')?.properties.tools).toEqual(['npm-audit', 'trivy']);
    expect(sarif.runs[1]?.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['DS-0002']));
    actionFindings = report.findings.map(summaryOf);
  });

  it('the CLI: the same scan gives the same findings, the report on stdout and exit code 1', async () => {
    const workspace = checkout();
    const { code, stdout, stderr } = await runCli(
      [
        '--trivy-path',
        trivyPath!,
        '--db-repository',
        repo,
        '--insecure',
        '--audit',
        'npm',
        '--fail-on',
        'high',
        '--sarif',
        'scan.sarif',
        '--json',
      ],
      workspace,
      jobEnv(),
    );
    expect(code, stderr.slice(-3000)).toBe(1);
    const report = JSON.parse(stdout) as ScanReport;
    assertReportMatches(ScanReport, report);
    expect(report.findings.map(summaryOf)).toEqual(actionFindings);
    expect(report.gates.find((g) => g.name === 'fail-on')).toMatchObject({ passed: false, actual: 5 });
    expect(stderr).toContain(`Trivy's vulnerability database: downloaded from ${repo}.`);
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'scan.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs).toHaveLength(2);
  });

  describe('Trivy downloaded from its release mirror and verified', () => {
    let mirror: ReleaseMirror;
    beforeAll(async () => {
      mirror = await startReleaseMirror(mkdtempSync(path.join(work, 'release-')), trivyPath!, VERSION);
    });
    afterAll(async () => {
      await mirror?.server.close();
    });

    it('the action downloads the release, checks it against the checksums file, caches it and scans with it', async () => {
      const env = jobEnv();
      const before = mirror.server.requests.length;
      const { 'trivy-path': _given, ...inputs } = scanInputs({ 'trivy-download-url': mirror.urls.genuine, audit: '' });
      const result = await runBundle('scan', { workspace: checkout(), inputs: { ...inputs, scanners: 'vuln' }, env });
      expect(result.exitCode, logged(result).slice(-3000)).toBe(1);
      expect(mirror.server.requests.slice(before).map((r) => `${r.status} ${r.url}`)).toEqual([
        `200 /releases/v${VERSION}/${mirror.sumsName}`,
        `200 /releases/v${VERSION}/${mirror.asset}`,
      ]);
      const cached = path.join(env.RUNNER_TOOL_CACHE ?? '', 'trivy', VERSION, os.arch());
      expect(result.stdout).toContain(
        `Trivy ${VERSION} verified (sha256 ${mirror.genuineSha}) and cached in ${cached}`,
      );
      expect(existsSync(path.join(cached, 'trivy'))).toBe(true);
      const report = reportOf(result);
      expect(report.sources).toEqual([expect.objectContaining({ tool: 'trivy', version: VERSION, findings: 3 })]);
      expect(report.findings.map((f) => f.id).sort()).toEqual(['CVE-2020-8203', 'CVE-2021-23337', 'CVE-2021-44906']);
    });

    it('the CLI refuses a tarball whose checksum does not match, in one line, and installs nothing', async () => {
      const toolCache = mkdtempSync(path.join(work, 'cli-tools-'));
      const { code, stdout, stderr } = await runCli(
        ['--trivy-download-url', mirror.urls.tampered, '--scanners', 'vuln', '--db-repository', repo, '--insecure'],
        checkout(),
        { SHIPKIT_TOOL_CACHE: toolCache },
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const message = stderr.trim().split('\n').at(-1) ?? '';
      expect(message).toMatch(
        new RegExp(
          `^shipkit scan: refusing ${mirror.urls.tampered}/v${VERSION}/${mirror.asset.replace(/\./g, '\\.')}: its SHA-256 is [0-9a-f]{64} but ${mirror.sumsName} says ${mirror.genuineSha} \\(input 'trivy-download-url'\\)\\. The file was altered`,
        ),
      );
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      expect(readdirSync(toolCache)).toEqual([]);
    });
  });

  it('a first repository answering 429 is waited on within the bound, then the next repository gives the database', async () => {
    await pushTestDb(dbBuild, registry.host, 'mirror/trivy-db');
    const limited = await startRateLimitProxy(registry.host, { windowSeconds: Infinity, retryAfter: () => '1' });
    try {
      const first = `${limited.host}/aquasecurity/trivy-db:2`;
      const second = `${registry.host}/mirror/trivy-db:2`;
      const result = await runBundle('scan', {
        workspace: checkout(),
        inputs: scanInputs({ 'db-repository': `${first},${second}`, scanners: 'vuln', audit: '' }),
        env: jobEnv(),
      });
      expect(result.exitCode, logged(result).slice(-3000)).toBe(1);
      // Three attempts at the first (each waiting the Retry-After of 1 s it asked for), then the second.
      const progress = result.stdout.split('\n').filter((l) => l.includes('is rate-limiting (HTTP 429'));
      expect(progress).toEqual([
        expect.stringContaining(`${first} is rate-limiting (HTTP 429, Retry-After 1s): attempt 2 of 3 in 1s`),
        expect.stringContaining(`${first} is rate-limiting (HTTP 429, Retry-After 1s): attempt 3 of 3 in 1s`),
      ]);
      expect(result.annotations.map((a) => a.message)).toContain(
        `${first} is still rate-limiting (HTTP 429) after 3 attempts.`,
      );
      expect(result.stdout).toContain(`Trivy's vulnerability database: downloaded from ${second}.`);
      expect(limited.requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(3);
      expect(limited.requests.every((r) => r.status === 429 || !/\/(manifests|blobs)\//.test(r.url))).toBe(true);
      expect(reportOf(result).findings.map((f) => f.id)).toContain('CVE-2021-44906');
    } finally {
      await limited.close();
    }
  });

  describe('with the Actions cache (emulated): the day’s database and the findings baseline', () => {
    let cache: ActionsCacheServer;
    beforeAll(async () => {
      cache = await startActionsCacheServer();
    });
    afterAll(async () => {
      await cache?.close();
    });
    const cacheEnv = (extra: Record<string, string> = {}) =>
      jobEnv({
        ACTIONS_CACHE_SERVICE_V2: 'true',
        ACTIONS_RESULTS_URL: cache.url,
        ACTIONS_RUNTIME_TOKEN: 'test-runtime-token',
        ...extra,
      });

    it("a second job of the same day restores the day's database from the cache and asks no registry", async () => {
      // GitHub's runners give every job the same RUNNER_TEMP path, emptied: the cache entry is keyed by that path.
      const runnerTemp = path.join(work, 'runner-temp');
      const job = async () => {
        rmSync(runnerTemp, { recursive: true, force: true });
        mkdirSync(runnerTemp);
        return runBundle('scan', {
          workspace: checkout(),
          inputs: scanInputs({ scanners: 'vuln', audit: '' }),
          env: cacheEnv({ RUNNER_TEMP: runnerTemp }),
        });
      };
      const day = dailyDbKey(new Date());
      const first = await job();
      expect(first.exitCode, logged(first).slice(-3000)).toBe(1);
      expect(first.stdout).toContain(`Trivy's vulnerability database: downloaded from ${repo}.`);
      expect(cache.keys()).toContain(day);
      const pulls = counter.requests.length;

      const second = await job();
      expect(second.exitCode, logged(second).slice(-3000)).toBe(1);
      expect(second.stdout).toContain(`Trivy's vulnerability database: today's cached copy (${day}).`);
      expect(counter.requests.length).toBe(pulls);
      expect(
        reportOf(second)
          .findings.map((f) => f.id)
          .sort(),
      ).toEqual(
        reportOf(first)
          .findings.map((f) => f.id)
          .sort(),
      );
    });

    it('new-only: a pull request blocks only what its base branch’s baseline, saved by a push run, does not have', async () => {
      const owner = 'octo-org';
      const name = 'octo-repo';
      const sha = 'a1'.repeat(20);
      const push = webhookExample('push');
      Object.assign(push, { ref: 'refs/heads/main', after: sha });
      Object.assign(push.repository as Record<string, unknown>, {
        default_branch: 'main',
        full_name: `${owner}/${name}`,
        name,
      });
      // main: lodash only.
      const onMain = await runBundle('scan', {
        workspace: checkout({ minimist: false }),
        inputs: scanInputs({ 'new-only': 'true' }),
        event: { name: 'push', payload: push },
        ref: 'refs/heads/main',
        sha,
        env: cacheEnv(),
      });
      expect(onMain.exitCode, logged(onMain).slice(-3000)).toBe(1);
      const mainReport = reportOf(onMain);
      expect(mainReport.baseline).toMatchObject({ saved: true, branch: 'main', sha });
      expect(mainReport.findings.some((f) => f.package === 'minimist')).toBe(false);
      expect(cache.keys()).toContain(`shipkit-findings-main-${sha}`);

      // The pull request adds minimist 1.2.5 (a critical): it alone is new and blocks.
      const pr: RunBundleOptions = {
        inputs: scanInputs({ 'new-only': 'true', comment: 'false' }),
        event: { name: 'pull_request', payload: pullRequestEvent({ owner, repo: name, number: 7, baseRef: 'main' }) },
        ref: 'refs/pull/7/merge',
        env: cacheEnv(),
      };
      const withMinimist = await runBundle('scan', { ...pr, workspace: checkout() });
      expect(withMinimist.exitCode, logged(withMinimist).slice(-3000)).toBe(1);
      const prReport = reportOf(withMinimist);
      expect(prReport.baseline).toMatchObject({ status: 'compared', branch: 'main', sha, newCount: 1 });
      expect(prReport.findings.filter((f) => f.new).map(summaryOf)).toEqual([
        expect.stringMatching(
          /^CVE-2021-44906 minimist@1\.2\.5 critical fixed=1\.2\.6 package-lock\.json:\d+ \[npm-audit,trivy\]$/,
        ),
      ]);
      // The base branch's lodash findings are listed as existing, not hidden, and do not block.
      const existing = prReport.findings.filter((f) => f.new === false);
      expect(existing.map((f) => f.id)).toEqual(expect.arrayContaining(['CVE-2020-8203', 'CVE-2021-23337', 'DS-0002']));
      expect(existing).toHaveLength(mainReport.findings.length);
      expect(prReport.gates.find((g) => g.name === 'fail-on')).toMatchObject({ passed: false, actual: 1 });
      expect(withMinimist.outputs['new-findings']).toBe('1');

      // A pull request that adds nothing passes, though the base branch's highs are still there.
      const same = await runBundle('scan', { ...pr, workspace: checkout({ minimist: false }) });
      expect(same.exitCode, logged(same).slice(-3000)).toBe(0);
      expect(reportOf(same).gates.find((g) => g.name === 'fail-on')).toMatchObject({ passed: true, actual: 0 });
      expect(same.outputs).toMatchObject({ passed: 'true', 'new-findings': '0' });
    });
  });

  describe('an image scanned before it is pushed (a docker save tarball)', () => {
    let workspace: string;
    beforeAll(async () => {
      workspace = mkdtempSync(path.join(work, 'image-workspace-'));
      writeFileSync(path.join(workspace, 'Dockerfile'), '# the image\nFROM alpine:3.19\nRUN echo built\n');
      await buildAlpineImage(path.join(workspace, 'build'));
    });

    it("the action finds the image's OS packages, annotates the Dockerfile's FROM and fails on medium", async () => {
      const result = await runBundle('scan', {
        workspace,
        inputs: {
          image: 'build/alpine.tar',
          scanners: 'vuln,secret',
          'fail-on': 'medium',
          'trivy-path': trivyPath!,
          'db-repository': repo,
          insecure: 'true',
        },
        env: jobEnv(),
      });
      expect(result.exitCode, logged(result).slice(-3000)).toBe(1);
      const report = reportOf(result);
      expect(report.findings.map(summaryOf)).toEqual([
        'CVE-2024-0727 libcrypto3@3.1.4-r0 medium fixed=3.1.4-r5 Dockerfile:2 [trivy]',
        'CVE-2023-5678 libcrypto3@3.1.4-r0 unknown fixed=3.1.4-r1 Dockerfile:2 [trivy]',
      ]);
      expect(report.findings[0]?.target).toBe('build/alpine.tar (alpine 3.19.1)');
      expect(report.gates.find((g) => g.name === 'fail-on')).toMatchObject({ passed: false, actual: 1 });
      expect(result.annotations.filter((a) => a.properties.file === 'Dockerfile')).toEqual([
        expect.objectContaining({ command: 'error', properties: expect.objectContaining({ line: '2' }) }),
        expect.objectContaining({ command: 'warning', properties: expect.objectContaining({ line: '2' }) }),
      ]);
    });

    it('the CLI passes the same image on fail-on high, so the push step may go on', async () => {
      const { code, stdout, stderr } = await runCli(
        [
          '--image',
          'build/alpine.tar',
          '--scanners',
          'vuln',
          '--trivy-path',
          trivyPath!,
          '--db-repository',
          repo,
          '--insecure',
        ],
        workspace,
        {},
      );
      expect(code, stderr.slice(-3000)).toBe(0);
      expect(stdout).toContain('CVE-2024-0727');
      expect(stdout).toMatch(/libcrypto3@3\.1\.4-r0 → 3\.1\.4-r5/);
    });
  });
});
