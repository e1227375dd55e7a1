import os from 'node:os';
import type { StageContext } from '../../../src/core/context.js';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import { MemoryLogger } from '../../../src/core/logger.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { assertValidReport } from '../../../src/core/report/schema.js';
import { smokeCommand } from '../../../src/stages/smoke/command.js';
import { smokeReportSchema } from '../../../src/stages/smoke/report-schema.js';

export function testContext(
  cwd = os.tmpdir(),
  signal = new AbortController().signal,
): StageContext & { logger: MemoryLogger } {
  return { cwd, env: { ...process.env }, logger: new MemoryLogger(), run: {}, signal };
}

/** Runs the stage the way the CLI does (same options reader), and checks the report against its schema. */
export async function runSmokeWith(
  inputs: Record<string, string>,
  ctx: StageContext = testContext(),
): Promise<StageOutcome & { checks: Record<string, any> }> {
  const outcome = await smokeCommand.run(new InputReader(mapSource(inputs, 'input')), ctx);
  assertValidReport(outcome.report, smokeReportSchema);
  const checks = Object.fromEntries((outcome.report.checks as { name: string }[]).map((c) => [c.name, c]));
  return { ...outcome, checks };
}
