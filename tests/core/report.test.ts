import { describe, expect, it } from 'vitest';
import { assertValidReport, buildReport, runInfoFromEnv, statusOf } from '../../src/core/report/index.js';

describe('stage report', () => {
  const started = new Date('2026-11-23T10:00:00Z');
  const finished = new Date('2026-11-23T10:00:02.500Z');

  it('builds a report that passes the schema, with status from its gates', () => {
    const report = buildReport({
      stage: 'test',
      startedAt: started,
      finishedAt: finished,
      summary: 'lines 81 %',
      gates: [{ name: 'min-lines', passed: true, required: 80, actual: 81, unit: '%' }],
      data: { coverage: { totals: { lines: { covered: 81, total: 100, pct: 81 } } } },
    });
    expect(report.status).toBe('pass');
    expect(report.durationMs).toBe(2500);
    expect(report.schemaVersion).toBe(1);
    expect(() => assertValidReport(report)).not.toThrow();
  });

  it('fails on any failed gate, warns on warnings alone', () => {
    expect(statusOf([{ name: 'a', passed: false, required: 1, actual: 0 }], [])).toBe('fail');
    expect(statusOf([], ['careful'])).toBe('warn');
    expect(statusOf([], [], true)).toBe('fail');
  });

  it('rejects a report that breaks the schema, saying where', () => {
    const bad = { ...buildReport({ stage: 'smoke', startedAt: started, summary: 's', gates: [] }), status: 'ok' };
    expect(() => assertValidReport(bad)).toThrow(/\/status/);
    const noGateName = buildReport({ stage: 'smoke', startedAt: started, summary: 's', gates: [] });
    (noGateName.gates as unknown[]).push({ passed: true, required: 1, actual: 1 });
    expect(() => assertValidReport(noGateName)).toThrow(/gates\/0/);
  });

  it('applies a stage schema on top of the base', () => {
    const report = buildReport({
      stage: 'smoke',
      startedAt: started,
      summary: 's',
      gates: [],
      data: { checks: 'nope' },
    });
    const stageSchema = { type: 'object', required: ['checks'], properties: { checks: { type: 'array' } } };
    expect(() => assertValidReport(report, stageSchema)).toThrow(/stage schema: \/checks must be array/);
  });

  it('reads the run identity from the runner environment', () => {
    expect(
      runInfoFromEnv({
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '9',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_SHA: 'abc',
        SHIPKIT_SHARD: '2',
      }),
    ).toEqual({ repository: 'o/r', runId: '9', sha: 'abc', url: 'https://github.com/o/r/actions/runs/9', shard: '2' });
  });
});
