import {
  REPORT_SCHEMA_VERSION,
  type Gate,
  type ReportStatus,
  type RunInfo,
  type StageName,
  type StageReport,
} from './types.js';

/** Status follows the gates: any failed gate fails the stage; warnings alone make it `warn`. */
export function statusOf(gates: readonly Gate[], warnings: readonly string[], failed = false): ReportStatus {
  if (failed || gates.some((g) => !g.passed)) return 'fail';
  return warnings.length > 0 ? 'warn' : 'pass';
}

export interface ReportDraft {
  stage: StageName;
  startedAt: Date;
  finishedAt?: Date;
  run?: RunInfo;
  gates: Gate[];
  warnings?: string[];
  summary: string;
  /** Force `fail` even when no gate failed (a command crashed, nothing could be measured). */
  failed?: boolean;
  /** Stage-specific top-level keys. */
  data?: Record<string, unknown>;
}

export function buildReport(draft: ReportDraft): StageReport {
  const finishedAt = draft.finishedAt ?? new Date();
  const warnings = draft.warnings ?? [];
  return {
    ...(draft.data ?? {}),
    schemaVersion: REPORT_SCHEMA_VERSION,
    stage: draft.stage,
    status: statusOf(draft.gates, warnings, draft.failed),
    summary: draft.summary,
    startedAt: draft.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - draft.startedAt.getTime()),
    run: draft.run ?? {},
    gates: draft.gates,
    warnings,
  };
}

/** Run identity from the runner's environment (empty outside Actions). */
export function runInfoFromEnv(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const info: RunInfo = {};
  const set = (key: keyof RunInfo, value: string | undefined): void => {
    if (value) info[key] = value;
  };
  set('repository', env.GITHUB_REPOSITORY);
  set('runId', env.GITHUB_RUN_ID);
  set('runAttempt', env.GITHUB_RUN_ATTEMPT);
  set('job', env.GITHUB_JOB);
  set('sha', env.GITHUB_SHA);
  set('ref', env.GITHUB_REF);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    set('url', `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`);
  }
  set('shard', env.SHIPKIT_SHARD);
  return info;
}
