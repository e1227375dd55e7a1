import os from 'node:os';
import type { StageContext } from '../../../src/core/context.js';
import { InputReader, mapSource, type InputSource } from '../../../src/core/inputs.js';
import type { MemoryLogger } from '../../../src/core/logger.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { assertReportMatches } from '../../../src/core/report/schema.js';
import { SmokeReport, type CheckReport } from '../../../src/stages/smoke/report-schema.js';
import { smokeStage } from '../../../src/stages/smoke/stage.js';
import { stageContext } from '../../support/stage-context.js';

export function testContext(
  cwd = os.tmpdir(),
  signal = new AbortController().signal,
): StageContext & { logger: MemoryLogger } {
  return stageContext({ cwd, env: { ...process.env }, signal });
}

export type SmokeRunResult = StageOutcome & { report: SmokeReport; checks: Record<string, CheckReport> };

/** Runs the stage as both hosts do (read options, run), and checks the report against its schema. */
export async function runSmokeWith(
  inputs: Record<string, string> | InputSource,
  ctx: StageContext = testContext(),
): Promise<SmokeRunResult> {
  const source =
    'get' in inputs && typeof inputs.get === 'function'
      ? (inputs as InputSource)
      : mapSource(inputs as Record<string, string>, 'input');
  const options = smokeStage.readOptions(new InputReader(source), ctx);
  const outcome = await smokeStage.run(options, ctx);
  assertReportMatches(SmokeReport, outcome.report);
  const report = outcome.report as SmokeReport;
  const checks = Object.fromEntries(report.checks.map((c) => [c.name, c]));
  return { ...outcome, report, checks };
}
