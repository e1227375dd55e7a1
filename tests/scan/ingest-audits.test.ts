import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readFindingsFile } from '../../src/stages/scan/ingest/index.js';
import { fixedFromRange, parseAdvisoriesAudit, parseYarnBerryAudit } from '../../src/stages/scan/ingest/npm-audit.js';
import { mergeFindings } from '../../src/stages/scan/merge.js';
import { startAdvisoryServer, type AdvisoryServer } from './support/advisory-server.js';
import { NPM_APP, npmAudit } from './support/npm.js';

let server: AdvisoryServer;
beforeAll(async () => {
  server = await startAdvisoryServer();
});
afterAll(async () => server.close());

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'scan-audit-'));

interface NpmVia {
  source: number;
  url: string;
  severity: string;
  range: string;
}

describe('npm audit --json (the real npm CLI against a local bulk advisory endpoint)', () => {
  it("finds one finding per advisory and installed version, as npm's own report lists them", async () => {
    const out = await npmAudit(NPM_APP, server.url);
    // npm asked the endpoint for every package of the lockfile.
    expect(server.requests.at(-1)).toMatchObject({
      lodash: ['4.17.15'],
      minimist: expect.arrayContaining(['1.2.5', '0.0.8']),
    });
    const doc = JSON.parse(out) as { vulnerabilities: Record<string, { via: (NpmVia | string)[] }> };
    const npmAdvisories = Object.values(doc.vulnerabilities).flatMap((v) =>
      v.via.filter((x): x is NpmVia => typeof x === 'object'),
    );
    const file = path.join(tmp(), 'npm-audit.json');
    writeFileSync(file, out);
    const result = await readFindingsFile(file, { file: 'npm-audit.json', input: 'reports' }, { root: NPM_APP });
    expect(result.format).toBe('npm-audit');
    // Each advisory npm matched covers exactly one installed version here (see the ranges in the fixture).
    expect(result.findings).toHaveLength(npmAdvisories.length);
    expect(npmAdvisories.length).toBe(9);
    const by = (pkg: string, version: string) =>
      result.findings
        .filter((f) => f.package === pkg && f.installed === version)
        .map((f) => [f.ids[0], f.severity, f.fixed])
        .sort();
    // minimist 1.2.5 (top level) and 0.0.8 (under mkdirp): versions from package-lock.json, per node.
    expect(by('minimist', '1.2.5')).toEqual([['GHSA-xvch-5gv4-984h', 'critical', '1.2.6']]);
    expect(by('minimist', '0.0.8')).toEqual([
      ['GHSA-vh95-rmgr-6w4m', 'medium', '0.2.1'],
      ['GHSA-xvch-5gv4-984h', 'critical', '0.2.4'],
    ]);
    expect(by('lodash', '4.17.15')).toEqual([
      ['GHSA-29mw-wpgm-hmr9', 'medium', '4.17.21'],
      ['GHSA-35jh-r3h4-6jhm', 'high', '4.17.21'],
      ['GHSA-f23m-r3pf-42rh', 'medium', null],
      ['GHSA-p6mc-m468-83gw', 'high', '4.17.19'],
      ['GHSA-r5fr-rjxr-66jc', 'high', null],
      ['GHSA-xxjr-mmjv-4gpg', 'medium', null],
    ]);
    // Severity per advisory is npm's (GitHub's), mapped: moderate → medium.
    for (const via of npmAdvisories) {
      const f = result.findings.find((x) => x.ids.includes(`NPM-${via.source}`))!;
      expect(f.severity).toBe(via.severity === 'moderate' ? 'medium' : via.severity);
      expect(f.target).toBe('package-lock.json');
    }
  });

  it('an npm error document (no lockfile) is refused naming the file and the error', async () => {
    const file = path.join(tmp(), 'npm.json');
    writeFileSync(
      file,
      '{\n  "error": {\n    "code": "ENOLOCK",\n    "summary": "This command requires an existing lockfile."\n  }\n}\n',
    );
    const error = await readFindingsFile(file, { file: 'npm.json', input: 'reports' }, { root: tmp() }).catch(
      (e: unknown) => e,
    );
    // Without auditReportVersion the file is not recognised as an audit at all.
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location.file).toBe('npm.json');
  });
});

describe('the advisories layout (pnpm audit --json, npm 6)', () => {
  // The layout pnpm 10 writes: advisories keyed by id, each with its CVEs, GHSA id, patched versions
  // and the installed versions it was found at.
  const pnpm = {
    actions: [],
    advisories: {
      '1097678': {
        findings: [{ version: '1.2.5', paths: ['.>minimist'] }],
        id: 1097678,
        title: 'Prototype Pollution in minimist',
        cves: ['CVE-2021-44906'],
        severity: 'critical',
        module_name: 'minimist',
        vulnerable_versions: '>=1.0.0 <1.2.6',
        github_advisory_id: 'GHSA-xvch-5gv4-984h',
        patched_versions: '>=1.2.6',
        cvss: { score: 9.8, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
        url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h',
      },
    },
    muted: [],
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 1 } },
  };

  it('reads CVE, GHSA and the patched version, and merges with the same advisory from npm audit', async () => {
    const raw = parseAdvisoriesAudit(
      pnpm,
      { file: 'pnpm.json', input: 'reports' },
      { target: 'pnpm-lock.yaml', tool: 'pnpm-audit', format: 'pnpm audit JSON' },
    );
    expect(raw).toEqual([
      expect.objectContaining({
        ids: ['CVE-2021-44906', 'GHSA-xvch-5gv4-984h', 'GHSA-xvch-5gv4-984h', 'NPM-1097678'],
        package: 'minimist',
        installed: '1.2.5',
        fixed: '1.2.6',
        severity: 'critical',
      }),
    ]);
    const out = await npmAudit(NPM_APP, server.url);
    const file = path.join(tmp(), 'npm.json');
    writeFileSync(file, out);
    const npm = await readFindingsFile(file, { file: 'npm.json', input: 'reports' }, { root: NPM_APP });
    // Same directory, same package and version, a shared GHSA: one finding, both tools, the CVE as its id.
    const merged = mergeFindings([...npm.findings, ...raw.map((f) => ({ ...f, target: 'pnpm-lock.yaml' }))]);
    const minimist = merged.filter((f) => f.package === 'minimist' && f.installed === '1.2.5');
    expect(minimist).toHaveLength(1);
    expect(minimist[0]).toMatchObject({ id: 'CVE-2021-44906', tools: ['npm-audit', 'pnpm-audit'], fixed: '1.2.6' });
    expect(minimist[0].aliases).toContain('GHSA-xvch-5gv4-984h');
  });

  it('is recognised from the file', async () => {
    const file = path.join(tmp(), 'pnpm-audit.json');
    writeFileSync(file, JSON.stringify(pnpm, null, 2));
    const r = await readFindingsFile(file, { file: 'pnpm-audit.json', input: 'reports' }, { root: tmp() });
    expect(r.format).toBe('pnpm-audit');
    expect(r.findings).toHaveLength(1);
  });
});

describe('yarn berry (yarn npm audit --json)', () => {
  const lines = [
    '{"value":"lodash","children":{"ID":1106913,"Issue":"Command Injection in lodash","URL":"https://github.com/advisories/GHSA-35jh-r3h4-6jhm","Severity":"high","Vulnerable Versions":"<4.17.21","Tree Versions":["4.17.15"],"Dependents":["app@workspace:."]}}',
    '{"value":"lodash","children":{"ID":1115806,"Issue":"lodash vulnerable to Code Injection via `_.template` imports key names","URL":"https://github.com/advisories/GHSA-r5fr-rjxr-66jc","Severity":"high","Vulnerable Versions":">=4.0.0 <=4.17.23","Tree Versions":["4.17.15"],"Dependents":["app@workspace:."]}}',
  ];

  it('reads one finding per line and tree version; the fixed version from an exclusive upper bound only', () => {
    const raw = parseYarnBerryAudit(lines.join('\n'), { file: 'yarn.json', input: 'reports' }, { target: 'yarn.lock' });
    expect(raw.map((f) => [f.ids, f.installed, f.fixed, f.severity, f.tool])).toEqual([
      [['GHSA-35jh-r3h4-6jhm', 'NPM-1106913'], '4.17.15', '4.17.21', 'high', 'yarn-audit'],
      [['GHSA-r5fr-rjxr-66jc', 'NPM-1115806'], '4.17.15', null, 'high', 'yarn-audit'],
    ]);
  });

  it('a line that is not JSON is named by its number', () => {
    expect(() =>
      parseYarnBerryAudit(
        `${lines[0]}\n{"value": "x", `,
        { file: 'yarn.json', input: 'reports' },
        { target: 'yarn.lock' },
      ),
    ).toThrow(expect.objectContaining({ location: expect.objectContaining({ file: 'yarn.json', line: 2 }) }));
  });
});

describe('fixed versions from vulnerable ranges', () => {
  it.each([
    ['<4.17.21', '4.17.15', '4.17.21'],
    ['>=1.0.0 <1.2.6', '1.2.5', '1.2.6'],
    ['<0.2.4 || >=1.0.0 <1.2.6', '1.2.5', '1.2.6'],
    ['<0.2.4 || >=1.0.0 <1.2.6', '0.0.8', '0.2.4'],
    ['<=4.17.23', '4.17.15', undefined],
    ['>=6.7.0 <=6.14.1', '6.7.0', undefined],
  ])('%s at %s → %s', (range, installed, fixed) => {
    expect(fixedFromRange(range, installed)).toBe(fixed);
  });
});

it('the bulk advisory fixture holds real GitHub advisories: ids, ranges and scores as GitHub publishes them', () => {
  const data = JSON.parse(readFileSync(path.join(NPM_APP, '../../advisories/npm-bulk.json'), 'utf8')) as Record<
    string,
    { url: string; cvss: { score: number } }[]
  >;
  for (const list of Object.values(data))
    for (const a of list) {
      expect(a.url).toMatch(/^https:\/\/github\.com\/advisories\/GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/);
      expect(a.cvss.score).toBeGreaterThan(0);
    }
});
