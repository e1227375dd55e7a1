import type { StageContext } from './context.js';
import type { EXIT_USAGE } from './errors.js';
import { EXIT_FAILED, EXIT_OK } from './errors.js';
import { ACTION_METADATA } from '../generated/action-metadata.js';
import { classifyFailure, failureOutcome, failureOutputs, type Failure } from './failure.js';
import type { InputReader } from './inputs.js';
import type { StageOutcome } from './outcome.js';
import type { Redactor } from './redact.js';
import { assertReportMatches, BaseReportSchema } from './report/schema.js';
import type { OutputMetadata, Stage, StageEntry } from './stage.js';
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
  declaredOutputs?: readonly OutputMetadata[],
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
    return failedExecution(entry, error, ctx, redactor, {
      startedAt,
      ...(stage ? { stage } : {}),
      ...(declaredOutputs ? { declaredOutputs } : {}),
    });
  }
}

export interface FailedRun {
  startedAt?: Date;
  /** The stage, when it was loaded before the error: its own fail-closed outputs and its server's name. */
  stage?: Pick<Stage<unknown>, 'failureOutputs' | 'service'>;
  /** The action's declared outputs; by default its action.yml's (ACTION_METADATA). */
  declaredOutputs?: readonly OutputMetadata[];
}

/**
 * The execution of a run that ended in `error` (also for errors the host meets before the stage
 * loads). The outputs a workflow branches on fail closed: `passed=false`, `status`, approve's
 * `approved=false` and `decision=error`, for those the action declares, plus the stage's own.
 */
export function failedExecution(
  entry: StageEntry,
  error: unknown,
  ctx: Pick<StageContext, 'run' | 'signal'>,
  redactor: Redactor,
  { startedAt = new Date(), stage, declaredOutputs }: FailedRun = {},
): Execution {
  const failure = classifyFailure(error, ctx.signal, stage?.service);
  const declared = declaredOutputs ?? ACTION_METADATA[entry.actionDir]?.outputs ?? [];
  const outcome = failureOutcome(entry, failure, startedAt, ctx.run, stage?.failureOutputs);
  outcome.outputs = { ...failureOutputs(declared, outcome.report.status), ...outcome.outputs };
  assertReportMatches(BaseReportSchema, outcome.report);
  return { outcome: redactOutcome(outcome, redactor), exitCode: failure.exitCode, failure };
}
