import {
  asServiceError,
  EXIT_FAILED,
  EXIT_USAGE,
  isUserError,
  namesInput,
  type ServiceError,
  type UserError,
} from './errors.js';
import { blocks, code, fence } from './markdown.js';
import type { Annotation, StageOutcome } from './outcome.js';
import { REPORT_SCHEMA_VERSION, type ReportStatus, type RunInfo, type StageReport } from './report/types.js';
import type { OutputMetadata } from './stage.js';

export type FailureKind = 'usage' | 'service' | 'cancelled' | 'internal';

/** A run that ended in an error instead of an outcome, sorted by whose problem it is. */
export interface Failure {
  kind: FailureKind;
  /** One line for people. */
  message: string;
  hint?: string;
  input?: string;
  file?: string;
  line?: number;
  /** For internal errors: the stack, so the bug can be filed. */
  stack?: string;
  exitCode: typeof EXIT_USAGE | typeof EXIT_FAILED;
}

export function classifyFailure(
  error: unknown,
  signal?: AbortSignal,
  service?: { name: string; input?: string },
): Failure {
  if (isUserError(error)) {
    const e: UserError = error;
    return {
      kind: 'usage',
      message: e.describe(),
      ...(e.location.input ? { input: e.location.input } : {}),
      ...(e.location.file ? { file: e.location.file } : {}),
      ...(e.location.line ? { line: e.location.line } : {}),
      exitCode: EXIT_USAGE,
    };
  }
  const serviceError: ServiceError | undefined = asServiceError(
    error,
    service ? { service: service.name, ...(service.input ? { input: service.input } : {}) } : {},
  );
  if (serviceError) {
    return {
      kind: 'service',
      message: serviceError.message,
      hint: serviceError.hint,
      ...(serviceError.input ? { input: serviceError.input } : {}),
      exitCode: EXIT_FAILED,
    };
  }
  if (signal?.aborted) return { kind: 'cancelled', message: 'the run was cancelled', exitCode: EXIT_FAILED };
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    kind: 'internal',
    message: `internal error: ${e.message.split('\n')[0] ?? ''}`,
    hint: 'This is a bug in shipkit; please report it with this log.',
    stack: e.stack ?? e.message,
    exitCode: EXIT_FAILED,
  };
}

/** The one line a terminal or a step's log shows for a failure. */
export function describeFailure(failure: Failure): string {
  if (failure.kind === 'internal') return `${failure.message}\n${failure.hint ?? ''}\n${failure.stack ?? ''}`.trimEnd();
  if (failure.kind === 'service') {
    const which = failure.input && !namesInput(failure.message, failure.input) ? ` (input '${failure.input}')` : '';
    return `${failure.message}${which}. ${failure.hint ?? ''}`.trim();
  }
  return failure.message;
}

/**
 * The outputs a workflow branches on, by the name every action.yml gives them, and what each says
 * when the run ended in an error: it fails closed (`passed` is false, approve's `decision` is error).
 */
const FAIL_CLOSED: ReadonlyMap<string, (status: ReportStatus) => string> = new Map<
  string,
  (status: ReportStatus) => string
>([
  ['passed', () => 'false'],
  ['approved', () => 'false'],
  ['decision', () => 'error'],
  ['status', (status: ReportStatus) => status],
]);

/**
 * The fail-closed outputs of a run that ended in an error, for those of them the action declares
 * (`declared`: its action.yml's outputs). `status` is the failed report's status. Known without
 * loading the stage, so an error the host meets first (an invalid `comment`) sets them too.
 */
export function failureOutputs(declared: readonly OutputMetadata[], status: ReportStatus): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const { name } of declared) {
    const value = FAIL_CLOSED.get(name);
    if (value) outputs[name] = value(status);
  }
  return outputs;
}

const HEADLINES: Record<FailureKind, string> = {
  usage: 'did not run: a problem in the inputs',
  service: 'failed: a server could not be reached',
  cancelled: 'cancelled',
  internal: 'failed: internal error',
};

/**
 * The outcome of a run that ended in an error: the report, outputs and summary are written all the
 * same, so a workflow reading them (and the PR comment) sees the failure rather than nothing.
 */
export function failureOutcome(
  stage: { name: string; title: string },
  failure: Failure,
  startedAt: Date,
  run: RunInfo,
  outputs: Readonly<Record<string, string>> = {},
): StageOutcome {
  const finishedAt = new Date();
  const report: StageReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stage: stage.name,
    status: 'fail',
    summary: failure.message,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    run,
    gates: [],
    warnings: [],
    error: {
      kind: failure.kind === 'cancelled' ? 'service' : failure.kind,
      message: failure.message,
      ...(failure.input ? { input: failure.input } : {}),
      ...(failure.file ? { file: failure.file } : {}),
      ...(failure.line ? { line: failure.line } : {}),
      ...(failure.hint ? { hint: failure.hint } : {}),
    },
  };
  // With a file, an annotation puts the error on its line; without one, the step's failure message
  // (which the host sets) already says it, once.
  const annotations: Annotation[] = failure.file
    ? [
        {
          level: 'error',
          title: `shipkit ${stage.name}`,
          message: describeFailure({ ...failure, stack: undefined }),
          file: failure.file,
          ...(failure.line ? { startLine: failure.line } : {}),
        },
      ]
    : [];
  const body = blocks(failure.message, failure.hint, failure.input ? `Input: ${code(failure.input)}` : undefined);
  return {
    report,
    outputs: { ...outputs },
    summary: [
      {
        markdown: blocks(
          `### ❌ ${stage.title}: ${HEADLINES[failure.kind]}`,
          body,
          failure.stack ? fence(failure.stack) : undefined,
        ),
        priority: 0,
      },
    ],
    comment: { headline: HEADLINES[failure.kind], body },
    annotations,
    text: describeFailure(failure),
  };
}
