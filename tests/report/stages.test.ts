import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../support/markdown.js';
import { runReportStage, tempDir } from './support/stages.js';

/** Reports of every kind of stage, several of one stage side by side (scan targets, images), in pipeline order. */
function write(dir: string, name: string, report: Record<string, unknown>): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  const now = new Date().toISOString();
  const full = { schemaVersion: 1, startedAt: now, finishedAt: now, durationMs: 1, gates: [], warnings: [], ...report };
  writeFileSync(path.join(dir, name, `${String(report.stage)}.json`), JSON.stringify(full));
}

describe('the stages side by side', () => {
  it('lists several scan targets and docker images each in its row, in pipeline order, and gates on each', async () => {
    const dir = tempDir('side-by-side');
    write(dir, 'a', { stage: 'smoke', status: 'pass', summary: '12 checks passed', run: { job: 'deploy' } });
    write(dir, 'b', {
      stage: 'scan',
      status: 'fail',
      summary: '2 critical in api',
      run: { job: 'scan', shard: 'api' },
    });
    write(dir, 'c', {
      stage: 'scan',
      status: 'pass',
      summary: 'no findings in web',
      run: { job: 'scan', shard: 'web' },
    });
    write(dir, 'd', {
      stage: 'docker',
      status: 'pass',
      summary: 'ghcr.io/acme/api:1.2.0 pushed',
      run: { job: 'image', shard: 'api' },
    });
    write(dir, 'e', {
      stage: 'docker',
      status: 'warn',
      summary: 'ghcr.io/acme/web:1.2.0 pushed, 1 policy warning',
      run: { job: 'image', shard: 'web' },
    });
    write(dir, 'f', { stage: 'test', status: 'pass', summary: 'lines 91.00 %', run: { job: 'unit' } });
    const { report, outcome } = await runReportStage(dir, { reports: dir });
    expect(report.stages.map((s) => [s.stage, s.shard, s.status])).toEqual([
      ['test', null, 'pass'],
      ['scan', 'api', 'fail'],
      ['scan', 'web', 'pass'],
      ['docker', 'api', 'pass'],
      ['docker', 'web', 'warn'],
      ['smoke', null, 'pass'],
    ]);
    expect(report.gates.map((g) => [g.name, g.passed])).toEqual([
      ['test (unit)', true],
      ['scan (api)', false],
      ['scan (web)', true],
      ['docker (api)', true],
      ['docker (web)', true],
      ['smoke (deploy)', true],
    ]);
    expect(report.status).toBe('fail');
    expect(report.summary).toBe('blocked: scan (api) failed');
    const found = parseBlocks(outcome.summary[0]?.markdown ?? '').find((b) => b.type === 'table');
    if (found?.type !== 'table') throw new Error('no table in the summary');
    expect(found.header).toEqual(['Stage', 'Status', 'Result', 'Job']);
    expect(found.rows.map((r) => [r[0], r[2]])).toEqual([
      ['Test', 'lines 91.00 %'],
      ['Scan (api)', '2 critical in api'],
      ['Scan (web)', 'no findings in web'],
      ['Docker (api)', 'ghcr.io/acme/api:1.2.0 pushed'],
      ['Docker (web)', 'ghcr.io/acme/web:1.2.0 pushed, 1 policy warning'],
      ['Smoke', '12 checks passed'],
    ]);
    // A test report without a shard export is shown as it is, not merged.
    expect(report.coverage).toBeNull();
  });

  it('no report at all fails closed', async () => {
    const dir = tempDir('empty');
    const { report } = await runReportStage(dir, { reports: dir });
    expect(report.gates).toEqual([expect.objectContaining({ name: 'reports', passed: false })]);
    expect(report.status).toBe('fail');
  });
});
