import type { StageContext } from './context.js';
import type { EXIT_USAGE } from './errors.js';
import { EXIT_FAILED, EXIT_OK } from './errors.js';
import { classifyFailure, failureOutcome, type Failure } from './failure.js';
import type { InputReader } from './inputs.js';
import type { StageOutcome } from './outcome.js';
import type { Redactor } from './redact.js';
import { assertReportMatches, BaseReportSchema } from './report/schema.js';
import type { Stage, StageEntry } from './stage.js';
import type { TSchema } from '@sinclair/typebox';

export interface Execution {
  /** Redacted: safe for every channel. */
  outcome: StageOutcome;
  exitCode: typeof EXIT_OK | typeof EXIT_FAILED | typeof EXIT_USAGE;
  failure?: Failure;
}

/** Every string of the outcome, with the registered secrets taken out. */
export function redactOutcome(outcome: StageOutcome, redactor: Redactor): StageOutcome {
  return redactor.redactDeep(outcome);
}

/**
 * One stage run as both hosts (the action entry and the CLI) do it: load, read options, run, check
 * the report against the stage's schema; on an error, the failure's own outcome. Never throws for
 * the stage's errors: the caller always has an outcome to publish.
 */
export async function executeStage(
  entry: StageEntry,
  inputs: InputReader,
  ctx: StageContext,
  redactor: Redactor,
): Promise<Execution> {
  const startedAt = new Date();
  let stage: Stage<unknown> | undefined;
  try {
    stage = await entry.load();
    const options = stage.readOptions(inputs, ctx);
    const outcome = await stage.run(options, ctx);
    // A report that does not match its own schema is a shipkit bug: it fails here, with its stack.
    assertReportMatches(stage.reportSchema as TSchema, outcome.report);
    const exitCode = outcome.report.status === 'fail' ? EXIT_FAILED : EXIT_OK;
    return { outcome: redactOutcome(outcome, redactor), exitCode };
  } catch (error) {
    return failedExecution(entry, error, ctx, redactor, startedAt, stage?.failureOutputs, stage?.service);
  }
}

/** The execution of a run that ended in `error` (also for errors the host meets before the stage runs). */
export function failedExecution(
  entry: StageEntry,
  error: unknown,
  ctx: Pick<StageContext, 'run' | 'signal'>,
  redactor: Redactor,
  startedAt = new Date(),
  outputs: Readonly<Record<string, string>> = {},
  service?: { name: string; input?: string },
): Execution {
  const failure = classifyFailure(error, ctx.signal, service);
  const outcome = failureOutcome(entry, failure, startedAt, ctx.run, outputs);
  assertReportMatches(BaseReportSchema, outcome.report);
  return { outcome: redactOutcome(outcome, redactor), exitCode: failure.exitCode, failure };
}
