import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readFindingsFile } from '../../src/stages/scan/ingest/index.js';
import { locateFindings } from '../../src/stages/scan/locate.js';
import { aliasesFromReferences, idFromUrl, normalizeId, splitIds } from '../../src/stages/scan/ids.js';
import { describeSniffed, sniff } from '../../src/stages/scan/ingest/detect.js';
import { packageLine } from '../../src/stages/scan/lockfiles.js';
import { compareVersions } from '../../src/stages/scan/fixed.js';
import { mergeFindings } from '../../src/stages/scan/merge.js';
import type { RawFinding } from '../../src/stages/scan/model.js';
import { redactSnippet } from '../../src/stages/scan/redact.js';
import { severityFromSarifLevel, severityFromScore, severityFromWord } from '../../src/stages/scan/severity.js';

describe('severity', () => {
  it.each([
    [9.8, 'critical'],
    [9.0, 'critical'],
    [8.9, 'high'],
    [7.0, 'high'],
    [6.9, 'medium'],
    [4.0, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    ['5.3', 'medium'],
  ])('CVSS v3 %s is %s (NVD and GitHub bands)', (score, severity) => {
    expect(severityFromScore(score)).toBe(severity);
  });

  it('takes the words of every tool, and refuses what is not a score', () => {
    expect(['CRITICAL', 'moderate', 'Medium', 'info', 'UNKNOWN'].map(severityFromWord)).toEqual([
      'critical',
      'medium',
      'medium',
      'low',
      'unknown',
    ]);
    expect([11, -1, 'high', null].map(severityFromScore)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['error', 'warning', undefined, 'note', 'none'].map(severityFromSarifLevel)).toEqual([
      'high',
      'medium',
      'medium',
      'low',
      'unknown',
    ]);
  });
});

describe('advisory ids', () => {
  it('normalizes the spellings tools use and finds ids in advisory URLs', () => {
    expect(normalizeId('cve-2021-44906')).toBe('CVE-2021-44906');
    expect(normalizeId('ghsa-XVCH-5gv4-984h')).toBe('GHSA-xvch-5gv4-984h');
    expect(normalizeId('PYSEC-2021-66')).toBe('PYSEC-2021-66');
    expect(idFromUrl('https://github.com/advisories/GHSA-p6mc-m468-83gw')).toBe('GHSA-p6mc-m468-83gw');
    expect(idFromUrl('https://nvd.nist.gov/vuln/detail/CVE-2020-8203')).toBe('CVE-2020-8203');
    expect(idFromUrl('https://www.npmjs.com/advisories/1523')).toBe('NPM-1523');
    expect(idFromUrl('https://pkg.go.dev/vuln/GO-2022-1059')).toBe('GO-2022-1059');
    expect(
      aliasesFromReferences([
        'https://github.com/lodash/lodash/issues/4744',
        'https://github.com/advisories/GHSA-p6mc-m468-83gw',
      ]),
    ).toEqual(['GHSA-p6mc-m468-83gw']);
  });

  it('the primary id is a CVE (the lowest when several), else a GHSA', () => {
    expect(splitIds(['GHSA-p6mc-m468-83gw', 'CVE-2020-8203', 'NPM-1523'])).toEqual({
      id: 'CVE-2020-8203',
      aliases: ['GHSA-p6mc-m468-83gw', 'NPM-1523'],
    });
    expect(splitIds(['NPM-1', 'GHSA-p6mc-m468-83gw']).id).toBe('GHSA-p6mc-m468-83gw');
    expect(splitIds(['CVE-2021-10000', 'CVE-2021-9999']).id).toBe('CVE-2021-9999');
  });
});

describe('merging', () => {
  const raw = (over: Partial<RawFinding>): RawFinding => ({
    ids: [],
    severity: 'high',
    kind: 'vuln',
    title: 't',
    package: 'lodash',
    installed: '4.17.15',
    fixed: null,
    target: 'package-lock.json',
    file: 'package-lock.json',
    line: null,
    tool: 'x',
    url: null,
    ...over,
  });

  it('joins findings through shared aliases transitively, and keeps different versions, places and ecosystems apart', () => {
    const merged = mergeFindings([
      raw({ ids: ['GHSA-p6mc-m468-83gw', 'NPM-1106920'], tool: 'npm-audit', severity: 'high' }),
      raw({ ids: ['CVE-2020-8203', 'GHSA-p6mc-m468-83gw'], tool: 'trivy', severity: 'critical', fixed: '4.17.19' }),
      raw({
        ids: ['SNYK-JS-LODASH-590103', 'CVE-2020-8203'],
        tool: 'snyk',
        target: 'package.json',
        file: 'package.json',
      }),
      raw({ ids: ['CVE-2020-8203'], tool: 'trivy', installed: '4.17.11' }),
      raw({ ids: ['CVE-2020-8203'], tool: 'trivy', target: 'web/package-lock.json' }),
      raw({ ids: ['CVE-2020-8203'], tool: 'trivy', target: 'requirements.txt', ecosystem: 'pip' }),
    ]);
    expect(merged).toHaveLength(4);
    const joined = merged.find((f) => f.tools.length === 3)!;
    expect(joined).toMatchObject({
      id: 'CVE-2020-8203',
      aliases: ['GHSA-p6mc-m468-83gw', 'NPM-1106920', 'SNYK-JS-LODASH-590103'],
      severity: 'critical',
      fixed: '4.17.19',
      target: 'package-lock.json',
      tools: ['npm-audit', 'snyk', 'trivy'],
    });
  });

  it('the fixed version of a merged finding is the one to upgrade to that every tool agrees fixes it', () => {
    const merged = (...values: [string | null, string][]) =>
      mergeFindings(
        values.map(([fixed, tool]) =>
          raw({ ids: ['CVE-2021-44906'], package: 'minimist', installed: '1.2.5', fixed, tool }),
        ),
      )[0]?.fixed;
    // Trivy lists every fixed version of the advisory; npm names the one on the installed line.
    expect(merged(['1.2.6, 0.2.4', 'trivy'], ['1.2.6', 'npm-audit'])).toBe('1.2.6');
    // Databases of different days: the higher one is fixed by both accounts.
    expect(merged(['4.17.20', 'trivy'], ['4.17.19', 'npm-audit'])).toBe('4.17.20');
    expect(merged(['4.17.19', 'npm-audit'], ['4.17.20', 'trivy'])).toBe('4.17.20');
    expect(merged([null, 'npm-audit'], ['1.2.6', 'trivy'])).toBe('1.2.6');
    expect(merged([null, 'npm-audit'], [null, 'trivy'])).toBeNull();
    // One tool's answer is shown as it wrote it.
    expect(merged(['1.2.6, 0.2.4', 'trivy'])).toBe('1.2.6, 0.2.4');
    expect(merged(['1.2.6, 0.2.4', 'trivy'], ['1.2.6, 0.2.4', 'grype'])).toBe('1.2.6, 0.2.4');
  });

  it('orders versions as their ecosystems do', () => {
    const sorted = (vs: string[], ecosystem = '') => [...vs].sort((a, b) => compareVersions(a, b, ecosystem));
    expect(sorted(['4.17.20', '4.17.3', '4.17.19', 'v4.18.0'], 'npm')).toEqual([
      '4.17.3',
      '4.17.19',
      '4.17.20',
      'v4.18.0',
    ]);
    expect(sorted(['1.0.0', '1.0.0-rc.1'], 'npm')).toEqual(['1.0.0-rc.1', '1.0.0']);
    expect(sorted(['v0.3.8', 'v0.3.10', 'v0.3.8-0.20220722155223-a9213eeb770e'], 'go')).toEqual([
      'v0.3.8-0.20220722155223-a9213eeb770e',
      'v0.3.8',
      'v0.3.10',
    ]);
    expect(sorted(['3.1.4-r10', '3.1.4-r5', '3.1.4-r1'])).toEqual(['3.1.4-r1', '3.1.4-r5', '3.1.4-r10']);
    expect(sorted(['1.1.1d-0+deb10u4', '1.1.1d-0+deb10u10', '1.1.1c'])).toEqual([
      '1.1.1c',
      '1.1.1d-0+deb10u4',
      '1.1.1d-0+deb10u10',
    ]);
  });

  it('findings with no id in common stay apart even in the same package', () => {
    expect(mergeFindings([raw({ ids: ['CVE-2021-23337'] }), raw({ ids: ['CVE-2020-8203'] })])).toHaveLength(2);
  });
});

describe('redaction', () => {
  it.each([
    ['export AWS_ACCESS_KEY_ID=AKIA2E0A8F3B244C9986', 'export AWS_ACCESS_KEY_ID=****'],
    ['token: "ghp_R8x2Lq7Vn4Kp1Zt9Wm3Yc6Hb5Jd0Sf8Ga2Ue"', 'token: "****"'],
    [
      'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"',
      'curl -H "Authorization: **** ****"',
    ],
    ['echo ********', 'echo ********'],
    ['password = hunter2', 'password = ****'],
  ])('%s → %s', (line, masked) => {
    expect(redactSnippet(line)).toBe(masked);
  });
});

describe('recognising reports', () => {
  it.each([
    ['{\n  "SchemaVersion": 2,\n  "ArtifactName": "."', 'Trivy JSON'],
    ['{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": []}', 'SARIF'],
    ['{\n  "auditReportVersion": 2,\n  "vulnerabilities": {}', 'npm audit JSON (npm 7 or later)'],
    ['{\n  "actions": [],\n  "advisories": {}, "muted": []', 'pnpm audit JSON'],
    ['{"value":"lodash","children":{"ID":1106913,"Issue":"x"}}', 'yarn (berry) npm audit JSON'],
    ['{\n  "results": [\n    {\n      "source": {', 'osv-scanner JSON'],
    ['<?xml version="1.0"?>\n<testsuites>', 'JUnit XML'],
    ['TN:\nSF:src/a.ts\n', 'lcov'],
    ['{"bomFormat": "CycloneDX", "specVersion": "1.5"}', 'a CycloneDX SBOM'],
    ['{"dependencies": [{"name": "idna", "version": "2.10", "vulns": []}]}', 'pip-audit JSON'],
    ['', 'an empty file'],
  ])('%j looks like %s', (head, name) => {
    expect(describeSniffed(sniff(head))).toBe(name);
  });
});

describe('the line that brings a package in', () => {
  it('finds the entry of the installed version in each lockfile layout', () => {
    const yarn =
      '# yarn lockfile v1\n\nlodash@^4.17.0:\n  version "4.17.21"\n\n"lodash@npm:4.17.15", lodash@4.17.15:\n  version "4.17.15"\n';
    expect(packageLine('yarn.lock', yarn, 'lodash', '4.17.15')).toBe(6);
    const pnpm =
      "lockfileVersion: '9.0'\n\npackages:\n\n  lodash@4.17.15:\n    resolution: {integrity: sha512-x}\n\n  minimist@1.2.5:\n    resolution: {integrity: sha512-y}\n";
    expect(packageLine('pnpm-lock.yaml', pnpm, 'minimist', '1.2.5')).toBe(8);
    expect(packageLine('requirements.txt', 'flask==2.3.3\n# web\nJinja2 [i18n] == 2.11.2\n', 'jinja2', '2.11.2')).toBe(
      3,
    );
    expect(
      packageLine('go.mod', 'module x\n\nrequire (\n\tgolang.org/x/text v0.3.7\n)\n', 'golang.org/x/text', 'v0.3.7'),
    ).toBe(4);
    expect(packageLine('Gemfile.lock', 'x', 'rack', '1.0')).toBeUndefined();
  });
});

describe('reports that are not what they claim', () => {
  const tmpFile = (name: string, text: string): string => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'scan-model-')), name);
    writeFileSync(file, text);
    return file;
  };

  it('an audit whose output is another format is refused naming both', async () => {
    const file = tmpFile('out.json', '{\n  "SchemaVersion": 2,\n  "ArtifactName": ".",\n  "Results": []\n}\n');
    await expect(
      readFindingsFile(file, { file: 'npm audit output', input: 'audit' }, { root: '/' }, 'npm-audit'),
    ).rejects.toThrow('expected npm audit JSON (npm 7 or later), but this looks like Trivy JSON');
  });

  it('damaged audit JSON names the file and the line JSON.parse points at', async () => {
    const file = tmpFile(
      'npm.json',
      '{\n  "auditReportVersion": 2,\n  "vulnerabilities": {\n    "lodash": {,}\n  }\n}\n',
    );
    const error = await readFindingsFile(file, { file: 'reports/npm.json', input: 'reports' }, { root: '/' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toMatchObject({ file: 'reports/npm.json', line: 4 });
  });
});

describe("an image's packages", () => {
  it("are annotated on the Dockerfile's last FROM, the stage the image is built from", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scan-image-'));
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      'FROM node:20 AS build\nRUN npm ci\n\nFROM alpine:3.10\nCOPY --from=build /app /app\n',
    );
    const [f] = mergeFindings([
      {
        ids: ['CVE-2019-1549'],
        severity: 'medium',
        kind: 'vuln',
        title: 'openssl',
        package: 'libcrypto1.1',
        installed: '1.1.1c-r0',
        fixed: '1.1.1d-r0',
        target: 'app.tar (alpine 3.10.2)',
        file: null,
        line: null,
        tool: 'trivy',
        url: null,
      },
    ]);
    locateFindings([f], dir, { image: 'app.tar', targetDir: dir });
    expect([f.file, f.line]).toEqual(['Dockerfile', 4]);
  });
});
