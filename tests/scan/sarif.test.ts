import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { githubContextFromEnv } from '../../src/core/github/context-from-env.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { readSarifReport } from '../../src/stages/scan/ingest/sarif.js';
import { readTrivyReport } from '../../src/stages/scan/ingest/trivy.js';
import { mergeFindings } from '../../src/stages/scan/merge.js';
import type { Finding } from '../../src/stages/scan/model.js';
import type { ScanReport } from '../../src/stages/scan/report-schema.js';
import { buildSarif, gzippedSize, LIMITS, type SarifLog } from '../../src/stages/scan/sarif-out.js';
import { DEFAULT_TOKENS, startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { describeWithSharedFixtures, SHARED_FIXTURES } from '../support/shared-fixtures.js';
import { startAdvisoryServer, type AdvisoryServer } from './support/advisory-server.js';
import { expectValidSarif } from './support/sarif-schema.js';
import { auditEnv, runScanStage, threeLockfileProject } from './support/stage.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'scan-sarif-'));
const source = (file: string) => ({ file, input: 'reports' });

function sarifFile(doc: unknown): string {
  const file = path.join(tmp(), 'in.sarif');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

let advisories: AdvisoryServer;
beforeAll(async () => {
  advisories = await startAdvisoryServer();
});
afterAll(async () => advisories.close());

describe('SARIF written by the stage', () => {
  it('is valid SARIF 2.1.0: one run per tool, each with its own category, every finding once', async () => {
    const dir = threeLockfileProject();
    writeFileSync(
      path.join(dir, 'semgrep.sarif'),
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'Semgrep OSS',
                rules: [
                  {
                    id: 'js.eval',
                    defaultConfiguration: { level: 'error' },
                    shortDescription: { text: 'eval of user input' },
                  },
                ],
              },
            },
            results: [
              {
                ruleId: 'js.eval',
                message: { text: 'eval(req.query.x)' },
                locations: [
                  { physicalLocation: { artifactLocation: { uri: 'src/app.js' }, region: { startLine: 12 } } },
                ],
              },
            ],
          },
        ],
      }),
    );
    const { outcome } = await runScanStage(
      dir,
      { scanners: 'none', audit: 'npm', reports: 'semgrep.sarif', sarif: 'out/scan.sarif', 'fail-on': 'critical' },
      { env: auditEnv(advisories.url) },
    );
    const log = JSON.parse(readFileSync(path.join(dir, 'out/scan.sarif'), 'utf8')) as SarifLog;
    expectValidSarif(log);
    const runs = log.runs as {
      automationDetails: { id: string };
      results: unknown[];
      tool: { driver: { name: string } };
    }[];
    expect(runs.map((r) => r.automationDetails.id)).toEqual(['shipkit-scan/npm-audit/', 'shipkit-scan/semgrep-oss/']);
    expect(runs.map((r) => r.results.length)).toEqual([9, 1]);
    const r = outcome.report as unknown as ScanReport;
    expect(r.sarif).toEqual({
      file: 'out/scan.sarif',
      runs: 2,
      results: 10,
      dropped: 0,
      uploaded: false,
      sarifId: null,
    });
    expect(outcome.outputs['sarif-file']).toBe('out/scan.sarif');
  });
});

describe('GitHub limits', () => {
  const finding = (i: number, severity: Finding['severity'], tool = 'trivy'): Finding => ({
    id: `CVE-2024-${10000 + i}`,
    aliases: [],
    severity,
    kind: 'vuln',
    title: `advisory ${i}`,
    package: `pkg-${i}`,
    installed: '1.0.0',
    fixed: '1.0.1',
    target: 'package-lock.json',
    file: 'package-lock.json',
    line: i + 1,
    tools: [tool],
    url: null,
  });

  it('keeps at most 25 000 results per run, cutting the lowest severities first, and says so', () => {
    const findings = [
      ...Array.from({ length: 24_990 }, (_, i) => finding(i, 'high')),
      ...Array.from({ length: 20 }, (_, i) => finding(30_000 + i, 'low')),
      finding(40_000, 'critical'),
    ];
    const out = buildSarif(findings);
    expect(out.results).toBe(LIMITS.resultsPerRun);
    expect(out.dropped.perRun).toBe(11);
    const results = out.log.runs[0] as { results: { level: string }[]; properties: { shipkit: { dropped: number } } };
    expect(results.results.filter((r) => r.level === 'note')).toHaveLength(9);
    expect(results.results.filter((r) => r.level === 'error')).toHaveLength(24_991);
    expect(results.properties.shipkit.dropped).toBe(11);
    // The schema's uniqueItems makes validating 25 000 results quadratic: a slice of the same run is checked.
    const run = out.log.runs[0] as { results: unknown[]; tool: { driver: { rules: unknown[] } } };
    expectValidSarif({
      ...out.log,
      runs: [
        {
          ...run,
          results: run.results.slice(0, 500),
          tool: { driver: { ...run.tool.driver, rules: run.tool.driver.rules.slice(0, 500) } },
        },
      ],
    });
  });

  it('puts at most 20 runs in a file: the tools beyond the 19th share the last run', () => {
    const findings = Array.from({ length: 25 }, (_, i) => finding(i, 'medium', `tool-${String(i).padStart(2, '0')}`));
    const out = buildSarif(findings);
    expect(out.runs).toBe(20);
    expect(out.results).toBe(25);
    expect(
      (out.log.runs.at(-1) as { automationDetails: { id: string }; results: unknown[] }).automationDetails.id,
    ).toBe('shipkit-scan/shipkit/');
    expect((out.log.runs.at(-1) as { results: unknown[] }).results).toHaveLength(6);
  });

  it('stays under the gzipped size limit by dropping the lowest severities first', () => {
    const findings = [
      ...Array.from({ length: 300 }, (_, i) => ({
        ...finding(i, 'low'),
        title: `low ${i} ${'x'.repeat(200)}${i * 7919}`,
      })),
      ...Array.from({ length: 100 }, (_, i) => ({ ...finding(1000 + i, 'critical'), title: `critical ${i}` })),
    ];
    const full = gzippedSize(buildSarif(findings).log);
    const limit = Math.floor(full * 0.6);
    const out = buildSarif(findings, { ...LIMITS, gzippedBytes: limit });
    expect(gzippedSize(out.log)).toBeLessThanOrEqual(limit);
    expect(out.dropped.size).toBeGreaterThan(0);
    const levels = (out.log.runs[0] as { results: { level: string }[] }).results.map((r) => r.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(100);
  });
});

describe('SARIF read from other tools', () => {
  it("CodeQL's layout: rules in extensions, security-severity on the rule, %SRCROOT%-relative paths", async () => {
    const file = sarifFile({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: 'CodeQL', semanticVersion: '2.19.0', rules: [] },
            extensions: [
              {
                name: 'codeql/javascript-queries',
                rules: [
                  {
                    id: 'js/sql-injection',
                    shortDescription: { text: 'Database query built from user-controlled sources' },
                    properties: { tags: ['security', 'external/cwe/cwe-089'], 'security-severity': '8.8' },
                  },
                  {
                    id: 'js/unused-local-variable',
                    shortDescription: { text: 'Unused variable' },
                    properties: { tags: ['maintainability'] },
                    defaultConfiguration: { level: 'note' },
                  },
                ],
              },
            ],
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///home/runner/work/app/app/' } },
          results: [
            {
              ruleId: 'js/sql-injection',
              rule: { id: 'js/sql-injection', index: 0, toolComponent: { index: 0 } },
              message: { text: 'This query depends on a user-provided value.' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'src/db.js', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 40 },
                  },
                },
              ],
            },
            {
              ruleId: 'js/unused-local-variable',
              rule: { id: 'js/unused-local-variable', index: 1, toolComponent: { index: 0 } },
              message: { text: 'Unused variable x.' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'src/a.js', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 3 },
                  },
                },
              ],
            },
            {
              ruleId: 'js/sql-injection',
              rule: { index: 0, toolComponent: { index: 0 } },
              suppressions: [{ kind: 'inSource' }],
              message: { text: 'suppressed' },
              locations: [],
            },
          ],
        },
      ],
    });
    const r = await readSarifReport(file, source('codeql.sarif'));
    expect(r.tools).toEqual(['codeql']);
    expect(r.findings.map((f) => [f.ids[0], f.severity, f.kind, f.file, f.line, f.title])).toEqual([
      ['js/sql-injection', 'high', 'vuln', 'src/db.js', 40, 'This query depends on a user-provided value.'],
      ['js/unused-local-variable', 'low', 'vuln', 'src/a.js', 3, 'Unused variable x.'],
    ]);
  });

  it("Snyk's layout: a rule per issue with its CVSS score, the manifest as location", async () => {
    const file = sarifFile({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'Snyk Open Source',
              rules: [
                {
                  id: 'SNYK-JS-LODASH-1040724',
                  shortDescription: { text: 'High severity - Command Injection vulnerability in lodash' },
                  help: { text: '', markdown: '* Package Manager: npm\n* Vulnerable module: lodash' },
                  properties: {
                    tags: ['security', 'CWE-78', 'npm'],
                    cvssv3_baseScore: 7.2,
                    'security-severity': '7.2',
                  },
                },
              ],
            },
          },
          results: [
            {
              ruleId: 'SNYK-JS-LODASH-1040724',
              level: 'error',
              message: { text: 'This file introduces a vulnerable lodash package with a high severity vulnerability.' },
              locations: [
                { physicalLocation: { artifactLocation: { uri: 'package.json' }, region: { startLine: 1 } } },
              ],
              fixes: [{ description: { text: 'Upgrade to lodash@4.17.21' }, artifactChanges: [] }],
            },
          ],
        },
      ],
    });
    const r = await readSarifReport(file, source('snyk.sarif'));
    expect(r.findings).toEqual([
      expect.objectContaining({
        ids: ['SNYK-JS-LODASH-1040724'],
        severity: 'high',
        tool: 'snyk-open-source',
        file: 'package.json',
        line: 1,
      }),
    ]);
  });

  it('a secret in a SARIF snippet is masked; the message, which may quote it, is not kept', async () => {
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const file = sarifFile({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'gitleaks',
              rules: [
                {
                  id: 'github-pat',
                  shortDescription: { text: 'GitHub Personal Access Token' },
                  properties: { tags: ['secret'] },
                },
              ],
            },
          },
          results: [
            {
              ruleId: 'github-pat',
              message: { text: `github-pat has detected secret ${token} for file ci.sh.` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'ci.sh' },
                    region: { startLine: 4, snippet: { text: `export GH_TOKEN=${token}` } },
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    const r = await readSarifReport(file, source('gitleaks.sarif'));
    expect(JSON.stringify(r)).not.toContain(token);
    expect(r.findings[0]).toMatchObject({
      kind: 'secret',
      title: 'GitHub Personal Access Token',
      file: 'ci.sh',
      line: 4,
      snippet: 'export GH_TOKEN=****',
    });
  });

  it('a SARIF of another version, or a run without a tool, is refused naming the file', async () => {
    await expect(readSarifReport(sarifFile({ version: '2.0.0', runs: [] }), source('old.sarif'))).rejects.toThrow(
      /version "2.0.0": shipkit reads SARIF 2.1.0/,
    );
    await expect(
      readSarifReport(
        sarifFile({ version: '2.1.0', runs: [{ results: [{ ruleId: 'x', message: { text: 'y' } }] }] }),
        source('bad.sarif'),
      ),
    ).rejects.toMatchObject({
      location: { file: 'bad.sarif' },
      message: expect.stringContaining('has results but no tool'),
    });
  });
});

describeWithSharedFixtures("Trivy's SARIF golden (../shared/fixtures/trivy)", () => {
  it('reads the same findings as the JSON report of the same scan, and they merge into one each', async () => {
    const dir = path.join(SHARED_FIXTURES, 'trivy');
    const sarif = await readSarifReport(path.join(dir, 'alpine-310.sarif.json'), source('alpine-310.sarif.json'));
    const json = await readTrivyReport(path.join(dir, 'alpine-310.json'), source('alpine-310.json'));
    const key = (f: {
      ids: string[];
      package: string | null;
      installed: string | null;
      fixed: string | null;
      severity: string;
    }) => `${f.ids[0]} ${f.package}@${f.installed} → ${f.fixed} ${f.severity}`;
    expect(sarif.findings.map(key).sort()).toEqual(json.findings.map(key).sort());
    const merged = mergeFindings([...sarif.findings, ...json.findings]);
    expect(merged).toHaveLength(json.findings.length);
    expect(
      merged.every((f) => f.target === 'testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)' && f.file === null),
    ).toBe(true);
  });
});

describe('upload-sarif through the code scanning API', () => {
  let github: GitHubServer;
  beforeEach(async () => {
    github = await startGitHubServer({
      tokens: {
        ...DEFAULT_TOKENS,
        'read-only': { login: 'github-actions[bot]', type: 'Bot', permissions: { security_events: 'read' } },
      },
    });
    github.state.addRepo('acme', 'app');
  });
  afterEach(async () => {
    github.assertNoSchemaViolations();
    await github.close();
  });

  const ghEnv = (token: string) => ({
    GITHUB_API_URL: github.url,
    GITHUB_TOKEN: token,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
  });

  it('posts the SARIF gzipped and base64-encoded for the commit and ref; GitHub accepts it', async () => {
    const dir = threeLockfileProject();
    const env = auditEnv(advisories.url, ghEnv('test-token'));
    const logger = new MemoryLogger();
    const { outcome } = await runScanStage(
      dir,
      { scanners: 'none', audit: 'npm', 'upload-sarif': 'true', 'fail-on': 'critical' },
      { env, logger, github: (await githubContextFromEnv(env, logger))! },
    );
    const uploads = github.state.sarifUploads('acme', 'app');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ commitSha: 'b'.repeat(40), ref: 'refs/heads/main', toolName: 'shipkit' });
    expectValidSarif(uploads[0].sarif);
    const local = JSON.parse(readFileSync(path.join(dir, '.shipkit/scan.sarif'), 'utf8')) as unknown;
    expect(uploads[0].sarif).toEqual(local);
    const r = outcome.report as unknown as ScanReport;
    expect(r.sarif).toMatchObject({ uploaded: true, sarifId: uploads[0].id });
  });

  it('a token without security-events write is refused by GitHub (403), not taken for a bug', async () => {
    const dir = threeLockfileProject();
    const env = auditEnv(advisories.url, ghEnv('read-only'));
    const logger = new MemoryLogger();
    const error = await runScanStage(
      dir,
      { scanners: 'none', audit: 'npm', 'upload-sarif': 'true' },
      { env, logger, github: (await githubContextFromEnv(env, logger))! },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403 });
    expect(github.state.sarifUploads('acme', 'app')).toHaveLength(0);
  });
});
