// Runner contract: the built bundle (dist/scan/index.js) run exactly as the GitHub runner runs it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { ScanReport } from '../../src/stages/scan/report-schema.js';
import { runBundle } from '../support/action-runner.js';
import { startAdvisoryServer, type AdvisoryServer } from './support/advisory-server.js';
import { auditEnv, threeLockfileProject } from './support/stage.js';

let advisories: AdvisoryServer;
beforeAll(async () => {
  advisories = await startAdvisoryServer();
});
afterAll(async () => advisories.close());

function envOf(registry: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(auditEnv(registry)))
    if (v !== undefined && /^(PATH|HOME|npm_config_|YARN_)/.test(k)) out[k] = v;
  return out;
}

describe('scan action bundle', () => {
  it('fails on the criticals npm audit finds, sets the counts, annotates the lockfile and writes the report', async () => {
    const workspace = threeLockfileProject();
    const result = await runBundle('scan', {
      workspace,
      inputs: { scanners: 'none', audit: 'npm', 'fail-on': 'critical', sarif: 'scan.sarif' },
      env: envOf(advisories.url),
    });
    expect(result.exitCode, result.stderr + result.stdout.slice(-2000)).toBe(1);
    expect(result.outputs).toMatchObject({
      passed: 'false',
      critical: '2',
      high: '3',
      medium: '4',
      low: '0',
      'sarif-file': 'scan.sarif',
    });
    const report: unknown = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8'));
    assertReportMatches(ScanReport, report);
    expect((report as ScanReport).findings).toHaveLength(9);
    const errors = result.annotations.filter((a) => a.command === 'error' && a.properties.file === 'package-lock.json');
    expect(errors.map((a) => a.properties.line).sort()).toEqual(['21', '37']);
    expect(result.summary).toContain('Scan');
    expect(readFileSync(`${workspace}/scan.sarif`, 'utf8')).toContain('shipkit-scan/npm-audit/');
  });

  it('a bad input exits 2 naming it', async () => {
    const result = await runBundle('scan', { workspace: threeLockfileProject(), inputs: { 'fail-on': 'severe' } });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain("input 'fail-on' must be one of critical, high, medium, low, got 'severe'");
  });
});
