/**
 * The stage report: one JSON document per stage run. A public interface (docs/report.md):
 * every action writes it and sets its path as the output `report`, the CLI prints it with --json,
 * and the root report action merges these files. Add fields; never change the meaning of one.
 */
export const REPORT_SCHEMA_VERSION = 1 as const;

/** A stage's name as the registry (src/stages/registry.ts) lists it: `test`, `migrate`… */
export type StageName = string;

export type ReportStatus = 'pass' | 'fail' | 'warn';

export type GateValue = number | string | boolean | null;

export interface Gate {
  /** Stable identifier, e.g. `min-lines`, `p(95)<200`, `approvals`. */
  name: string;
  passed: boolean;
  /** What the gate demands (the configured value). */
  required: GateValue;
  /** What this run measured; null when it could not be measured (the gate then fails closed). */
  actual: GateValue;
  /** `%`, `ms`, `count`…, for display. */
  unit?: string;
  /** Why it failed, or what it measured, in one line. */
  detail?: string;
}

export interface RunInfo {
  repository?: string;
  runId?: string;
  runAttempt?: string;
  job?: string;
  sha?: string;
  ref?: string;
  /** Link to the run (or job) on GitHub. */
  url?: string;
  /** Matrix shard label, so the report action can merge sharded jobs. */
  shard?: string;
}

export interface StageReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  stage: StageName;
  status: ReportStatus;
  /** One line for people: what happened. */
  summary: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  run: RunInfo;
  gates: Gate[];
  warnings: string[];
  /** Set when the run ended in an error instead of an outcome. */
  error?: {
    kind: 'usage' | 'service' | 'internal';
    message: string;
    input?: string;
    file?: string;
    line?: number;
    hint?: string;
  };
  /** Stage-specific data lives in further top-level keys (coverage, tests, migrations, checks…). */
  [key: string]: unknown;
}
