import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readFindingsFile } from '../../src/stages/scan/ingest/index.js';
import { readTrivyReport } from '../../src/stages/scan/ingest/trivy.js';
import { describeWithSharedFixtures, SHARED_FIXTURES } from '../support/shared-fixtures.js';

const dir = path.join(SHARED_FIXTURES, 'trivy');
const source = (file: string) => ({ file, input: 'reports' });

interface Golden {
  Results?: {
    Target: string;
    Vulnerabilities?: {
      VulnerabilityID: string;
      PkgName: string;
      InstalledVersion: string;
      FixedVersion?: string;
      Severity: string;
    }[];
    Misconfigurations?: { ID: string; Status: string }[];
    Secrets?: { RuleID: string; StartLine: number }[];
  }[];
}

describeWithSharedFixtures("Trivy's own JSON reports (../shared/fixtures/trivy)", () => {
  const goldens = () => readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('sarif'));

  it('reads every finding Trivy wrote, with its id, package, versions and severity', async () => {
    expect(goldens().length).toBeGreaterThan(5);
    for (const name of goldens()) {
      const golden = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Golden;
      const report = await readTrivyReport(path.join(dir, name), source(name));
      interface Expected {
        kind: string;
        id: string;
        target: string;
        package?: string;
        installed?: string;
        fixed?: string | null;
        severity?: string;
        line?: number;
      }
      const expected: Expected[] = (golden.Results ?? []).flatMap((r): Expected[] => [
        ...(r.Vulnerabilities ?? []).map((v) => ({
          kind: 'vuln',
          id: v.VulnerabilityID,
          package: v.PkgName,
          installed: v.InstalledVersion,
          fixed: v.FixedVersion || null,
          severity: v.Severity.toLowerCase(),
          target: r.Target,
        })),
        ...(r.Misconfigurations ?? [])
          .filter((m) => m.Status === 'FAIL')
          .map((m) => ({ kind: 'misconfig', id: m.ID, target: r.Target })),
        ...(r.Secrets ?? []).map((s) => ({ kind: 'secret', id: s.RuleID, target: r.Target, line: s.StartLine })),
      ]);
      expect(report.findings.length, name).toBe(expected.length);
      for (const [i, e] of expected.entries()) {
        const f = report.findings[i];
        expect(f.kind, name).toBe(e.kind);
        expect(f.ids[0], name).toBe(e.id);
        expect(f.target, name).toBe(e.target);
        expect(f.tool).toBe('trivy');
        if (e.kind === 'vuln') {
          expect({ package: f.package, installed: f.installed, fixed: f.fixed, severity: f.severity }, name).toEqual({
            package: e.package,
            installed: e.installed,
            fixed: e.fixed,
            severity: e.severity,
          });
        }
        if (e.kind === 'secret') expect(f.line).toBe(e.line);
      }
    }
  });

  it('takes the GitHub advisory among the references as an alias of the CVE', async () => {
    const report = await readTrivyReport(path.join(dir, 'npm.json'), source('npm.json'));
    expect(report.findings[0].ids).toEqual(['CVE-2019-11358', 'GHSA-6c3j-c64m-qhgq']);
    expect(report.findings[0].file).toBe('package-lock.json');
    const image = await readTrivyReport(path.join(dir, 'alpine-310.json'), source('alpine-310.json'));
    // An image's packages are in no file of the repository.
    expect(image.findings.every((f) => f.file === null)).toBe(true);
    expect(image.artifactType).toBe('container_image');
  });

  it('keeps no secret: only the masked match line, masked again, never the context lines around it', async () => {
    const file = path.join(dir, 'secrets.json');
    const raw = readFileSync(file, 'utf8');
    // The golden's context lines hold a token-shaped value Trivy did not mask.
    expect(raw).toContain('ghp_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const report = await readTrivyReport(file, source('secrets.json'));
    expect(JSON.stringify(report)).not.toContain('ghp_');
    expect(report.findings.map((f) => [f.ids[0], f.file, f.line, f.snippet])).toEqual([
      ['aws-access-key-id', 'deploy.sh', 3, 'export AWS_ACCESS_KEY_ID=********************'],
      ['mysecret', 'deploy.sh', 7, 'echo ********'],
    ]);
  });

  it('reads a Dockerfile misconfiguration with its rule id and file', async () => {
    const report = await readTrivyReport(path.join(dir, 'dockerfile.json'), source('dockerfile.json'));
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ids: ['DS-0002'],
      kind: 'misconfig',
      severity: 'high',
      file: 'Dockerfile',
    });
  });

  it('recognises each golden as Trivy JSON, and the SARIF one as SARIF', async () => {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const r = await readFindingsFile(path.join(dir, name), source(name), { root: dir });
      expect(r.format, name).toBe(name.includes('sarif') ? 'sarif' : 'trivy');
    }
  });
});

it("takes the GitHub advisories among VendorIDs as aliases, and no other vendor's ids", async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'scan-trivy-'));
  const file = path.join(tmp, 'trivy.json');
  const vuln = (id: string, pkg: string, vendorIds: string[]) => ({
    VulnerabilityID: id,
    PkgName: pkg,
    InstalledVersion: '1.0.0',
    Severity: 'HIGH',
    VendorIDs: vendorIds,
  });
  writeFileSync(
    file,
    JSON.stringify({
      SchemaVersion: 2,
      Results: [
        {
          Target: 'package-lock.json',
          Class: 'lang-pkgs',
          Type: 'npm',
          Vulnerabilities: [vuln('CVE-2021-44906', 'minimist', ['GHSA-XVCH-5gv4-984h', 'GHSA-xvch-5gv4-984h'])],
        },
        {
          Target: 'app (debian 10.13)',
          Class: 'os-pkgs',
          Type: 'debian',
          // A Debian security advisory covers several CVEs of a package: as an alias it would merge them.
          Vulnerabilities: [vuln('CVE-2019-18224', 'libidn2-0', ['DSA-4613-1'])],
        },
      ],
    }),
  );
  const report = await readTrivyReport(file, source('trivy.json'));
  expect(report.findings.map((f) => f.ids)).toEqual([['CVE-2021-44906', 'GHSA-xvch-5gv4-984h'], ['CVE-2019-18224']]);
});

it('a damaged Trivy report is a UserError naming the file and the line', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'scan-trivy-'));
  const file = path.join(tmp, 'trivy.json');
  writeFileSync(
    file,
    '{\n  "SchemaVersion": 2,\n  "Results": [\n    {\n      "Target": "package-lock.json",\n      "Vulnerabilities": [\n        {"VulnerabilityID": "CVE-1" ,, }\n      ]\n    }\n  ]\n}\n',
  );
  const error = await readTrivyReport(file, source('reports/trivy.json')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).location).toMatchObject({ file: 'reports/trivy.json', line: 7, input: 'reports' });
  expect((error as UserError).describe()).toMatch(/^reports\/trivy\.json:7: not valid JSON/);
});

it('a Trivy report of another schema version names what it found', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'scan-trivy-'));
  const file = path.join(tmp, 'old.json');
  writeFileSync(file, '{"SchemaVersion": 1, "Results": []}');
  await expect(readTrivyReport(file, source('old.json'))).rejects.toThrow(
    /SchemaVersion 1: shipkit reads SchemaVersion 2/,
  );
});
