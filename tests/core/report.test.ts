import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import {
  assertReportMatches,
  BaseReportSchema,
  buildReport,
  runInfoFromEnv,
  stageReportSchema,
  statusOf,
} from '../../src/core/report/index.js';

describe('stage report', () => {
  const started = new Date('2026-11-23T10:00:00Z');
  const finished = new Date('2026-11-23T10:00:02.500Z');
  const Demo = stageReportSchema('demo', {
    coverage: Type.Object({ pct: Type.Number() }, { additionalProperties: false }),
  });

  it('builds a report that passes its schema, with status from its gates', () => {
    const report = buildReport({
      stage: 'demo',
      startedAt: started,
      finishedAt: finished,
      summary: 'lines 81 %',
      gates: [{ name: 'min-lines', passed: true, required: 80, actual: 81, unit: '%' }],
      data: { coverage: { pct: 81 } },
    });
    expect(report.status).toBe('pass');
    expect(report.durationMs).toBe(2500);
    expect(report.schemaVersion).toBe(1);
    expect(() => assertReportMatches(Demo, report)).not.toThrow();
    expect(() => assertReportMatches(BaseReportSchema, report)).not.toThrow();
  });

  it('fails on any failed gate, warns on warnings alone', () => {
    expect(statusOf([{ name: 'a', passed: false, required: 1, actual: 0 }], [])).toBe('fail');
    expect(statusOf([], ['careful'])).toBe('warn');
    expect(statusOf([], [], true)).toBe('fail');
  });

  it('rejects a report that breaks the schema, saying where', () => {
    const base = { stage: 'demo', startedAt: started, summary: 's', gates: [], data: { coverage: { pct: 1 } } };
    expect(() => assertReportMatches(Demo, { ...buildReport(base), status: 'ok' })).toThrow(/\/status/);
    const noGateName = buildReport(base);
    (noGateName.gates as unknown[]).push({ passed: true, required: 1, actual: 1 });
    expect(() => assertReportMatches(Demo, noGateName)).toThrow(/\/gates\/0/);
    // A key the schema does not declare is a bug: every report field is documented in its schema.
    expect(() => assertReportMatches(Demo, buildReport({ ...base, data: { coverage: { pct: 1 }, extra: 1 } }))).toThrow(
      /extra|additional/i,
    );
    expect(() => assertReportMatches(Demo, buildReport({ ...base, data: { coverage: 'nope' } }))).toThrow(/\/coverage/);
    expect(() => assertReportMatches(Demo, { ...buildReport(base), stage: 'other' })).toThrow(/\/stage/);
    // Formats are checked too (the registered date-time), and a schema checked once is checked again alike.
    expect(() => assertReportMatches(Demo, { ...buildReport(base), finishedAt: 'yesterday' })).toThrow(/\/finishedAt/);
    expect(() => assertReportMatches(Demo, { ...buildReport(base), finishedAt: 'yesterday' })).toThrow(/\/finishedAt/);
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
