// Reports are checked with checks compiled ahead of time (src/generated/report-checks.js, written by
// scripts/docs.ts) instead of TypeCompiler.Compile in every run: each must say what a check compiled
// now from the same schema says, and a schema it was not compiled from must never get it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFactorySource, reportChecksModule, ROOT } from '../../scripts/docs.js';
import { buildReport } from '../../src/core/report/build.js';
import {
  assertReportMatches,
  BaseReportSchema,
  precompiledCheck,
  schemaFingerprint,
  stageReportSchema,
} from '../../src/core/report/schema.js';
import { REPORT_CHECKS } from '../../src/generated/report-checks.js';
import { STAGES } from '../../src/stages/registry.js';
import { TestReport } from '../../src/stages/test-stage/report-schema.js';
import { tempDir, write } from '../test-stage/support/git-repo.js';
import { runStage } from '../test-stage/support/stage.js';
import { SMALL_JUNIT as JUNIT, SMALL_LCOV as LCOV } from '../test-stage/support/small-reports.js';

/** The report of a real test stage run: coverage, a passing and a failing test. */
async function testStageReport(): Promise<Record<string, unknown>> {
  const dir = tempDir('report-checks');
  write(dir, { 'src/client.ts': 'a\nb\n', 'junit.xml': JUNIT, 'lcov.info': LCOV });
  const { outcome } = await runStage(dir, { coverage: 'lcov.info', 'test-results': 'junit.xml' });
  return outcome.report;
}

const compileSpy = () => vi.spyOn(TypeCompiler, 'Compile');
afterEach(() => vi.restoreAllMocks());

describe('precompiled report checks', () => {
  it("are, for the common schema and every stage's, the code TypeCompiler generates now from that very schema", async () => {
    const schemas: TSchema[] = [BaseReportSchema];
    for (const s of STAGES) schemas.push((await s.load()).reportSchema as TSchema);
    expect(Object.keys(REPORT_CHECKS).sort()).toEqual(schemas.map((s) => s.$id).sort());
    // The file as written, not the loaded functions' text: vitest's module transform touches it.
    const file = readFileSync(path.join(ROOT, 'src/generated/report-checks.js'), 'utf8');
    expect(file, 'src/generated/report-checks.js is stale: run npm run docs').toBe(await reportChecksModule());
    for (const schema of schemas) {
      expect(REPORT_CHECKS[schema.$id!]!.fingerprint, schema.$id).toBe(schemaFingerprint(schema));
      expect(file).toContain(`factory: ${checkFactorySource(schema)},`);
      expect(checkFactorySource(schema)).toContain(TypeCompiler.Code(schema, [], { language: 'javascript' }));
    }
  });

  it('accept a real test stage report, against its schema and the common one, and reject a broken one', async () => {
    const report = await testStageReport();
    const compile = compileSpy();
    const test = precompiledCheck(TestReport)!;
    const base = precompiledCheck(BaseReportSchema)!;
    expect(test).toBeTypeOf('function');
    expect(base).toBeTypeOf('function');

    expect(test(report)).toBe(true);
    expect(test({ ...report, coverage: { ...(report.coverage as object), extra: 1 } })).toBe(false);
    expect(test({ ...report, tests: undefined })).toBe(false);
    expect(test({ ...report, stage: 'scan' })).toBe(false);
    // The common schema allows a stage's own keys, but not a stage name that is not one.
    expect(base(report)).toBe(true);
    expect(base({ ...report, status: 'ok' })).toBe(false);
    expect(base({ ...report, stage: 'Test Stage' })).toBe(false);

    assertReportMatches(TestReport, report);
    assertReportMatches(BaseReportSchema, report);
    expect(() => assertReportMatches(TestReport, { ...report, gates: [{ passed: true }] })).toThrow(/\/gates\/0/);
    expect(compile).not.toHaveBeenCalled();
  });

  it('check the date-time format through the format registry', async () => {
    const report = await testStageReport();
    const base = precompiledCheck(BaseReportSchema)!;
    const test = precompiledCheck(TestReport)!;
    expect(base({ ...report, startedAt: 'yesterday' })).toBe(false);
    // The shape of a date-time, but no date.
    expect(test({ ...report, finishedAt: '2026-13-01T00:00:00Z' })).toBe(false);
    expect(test({ ...report, finishedAt: '2026-12-01T00:00:00.5+01:00' })).toBe(true);
    expect(() => assertReportMatches(TestReport, { ...report, finishedAt: 'yesterday' })).toThrow(/\/finishedAt/);
  });

  it('are not used for a schema without one, nor for one that differs from it: those are compiled at run time', () => {
    const compile = compileSpy();
    const Demo = stageReportSchema('demo', { pct: Type.Number() });
    expect(precompiledCheck(Demo)).toBeUndefined();
    const demo = buildReport({ stage: 'demo', startedAt: new Date(), summary: 's', gates: [], data: { pct: 1 } });
    assertReportMatches(Demo, demo);
    expect(() => assertReportMatches(Demo, { ...demo, pct: 'one' })).toThrow(/\/pct/);
    expect(compile).toHaveBeenCalledTimes(1);

    // The test stage's $id, another schema: the precompiled check would reject this report.
    const Edited = stageReportSchema('test', { pct: Type.Number() });
    expect(precompiledCheck(Edited)).toBeUndefined();
    assertReportMatches(Edited, { ...demo, stage: 'test' });
    expect(compile).toHaveBeenCalledTimes(2);
    // Same JSON, another TypeBox kind (which TypeCompiler generates code by): another fingerprint.
    expect(schemaFingerprint(Type.Unsafe({ type: 'string' }))).not.toBe(schemaFingerprint(Type.String()));
  });
});
