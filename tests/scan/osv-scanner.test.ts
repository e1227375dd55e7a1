import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/stages/scan/report-schema.js';
import { copyProject, FIXTURES } from './support/npm.js';
import { auditEnv, OSV_BIN, runScanStage } from './support/stage.js';

/**
 * osv-scanner (the Python and Go audit) run for real, offline, against a local OSV database: one
 * `all.zip` per ecosystem under OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY/osv-scanner/, as osv-scanner
 * caches the ones it downloads. The records are real OSV advisories (tests/fixtures/scan/advisories/osv).
 */
function localOsvDatabase(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-osv-db-'));
  for (const ecosystem of ['PyPI', 'Go']) {
    const out = path.join(dir, 'osv-scanner', ecosystem);
    mkdirSync(out, { recursive: true });
    // Python's zipfile: no zip tool is needed on the machine.
    execFileSync('python3', [
      '-c',
      'import sys, zipfile, pathlib\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n  for p in sorted(pathlib.Path(sys.argv[2]).glob("*.json")): z.write(p, p.name)',
      path.join(out, 'all.zip'),
      path.join(FIXTURES, 'advisories/osv', ecosystem),
    ]);
  }
  return dir;
}

const hasOsv = existsSync(path.join(OSV_BIN, 'osv-scanner'));

describe.skipIf(!hasOsv)(`osv-scanner (${OSV_BIN}; .ci/setup/scan-tools.sh installs it)`, () => {
  it("finds the advisories of requirements.txt and go.mod, one finding per osv-scanner group, on the package's line", async () => {
    const dir = copyProject(path.join(FIXTURES, 'projects/py-go-app'));
    const env = auditEnv('http://127.0.0.1:9/', { OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY: localOsvDatabase() });
    const { outcome } = await runScanStage(
      dir,
      { scanners: 'none', audit: 'osv-scanner', 'fail-on': 'medium' },
      { env },
    );
    const r = outcome.report as unknown as ScanReport;
    expect(r.sources).toEqual([
      { tool: 'osv-scanner', kind: 'audit', file: null, format: 'osv-scanner JSON', findings: 2 },
    ]);
    expect(r.findings.map((f) => ({ ...f, title: undefined, url: undefined }))).toEqual([
      expect.objectContaining({
        // GitHub's own word for the advisory: MODERATE → medium (osv-scanner's max_severity, 5.3, agrees).
        id: 'CVE-2020-28493',
        aliases: ['GHSA-g3rq-g295-4j3m', 'PYSEC-2021-66'],
        severity: 'medium',
        package: 'jinja2',
        installed: '2.11.2',
        fixed: '2.11.3',
        target: 'requirements.txt',
        file: 'requirements.txt',
        line: 2,
        tools: ['osv-scanner'],
      }),
      expect.objectContaining({
        // The Go database states no severity: unknown, listed and counted apart, blocking no gate.
        id: 'CVE-2022-32149',
        aliases: ['GHSA-69ch-w2m2-3vjp', 'GO-2022-1059'],
        severity: 'unknown',
        package: 'golang.org/x/text',
        installed: '0.3.7',
        fixed: '0.3.8',
        file: 'go.mod',
        line: 5,
      }),
    ]);
    expect(r.counts).toEqual({ critical: 0, high: 0, medium: 1, low: 0, unknown: 1 });
    expect(r.gates[0]).toMatchObject({ name: 'fail-on', passed: false, actual: 1 });
  });
});
