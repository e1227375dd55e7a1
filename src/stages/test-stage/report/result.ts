import type { Gate } from '../../../core/report/types.js';
import type { BaselineState, DiffState } from '../gates.js';
import { METRICS, type CoverageFormat, type Metric, type TestCase, type TestTotals, type Totals } from '../model.js';
import type { TestOptions } from '../options.js';
import type { UnmatchedPath } from '../paths/normalize.js';
import type { CommandResult } from '../run-commands.js';
import type { CoverageSummary } from '../summarize.js';

/** Everything one run of the stage found; the report, summary, comment and annotations are views of it. */
export interface TestRunResult {
  options: TestOptions;
  commands: CommandResult[];
  coverage?: CoverageSummary;
  coverageSources: { file: string; format: CoverageFormat }[];
  unmatched: UnmatchedPath[];
  /**
   * `failures`: the first ones (up to the report's limit), with `details` only for the first
   * MAX_FAILURES_WITH_DETAILS; `totals` counts every one.
   */
  tests?: { totals: TestTotals; failures: TestCase[]; flaky: TestCase[]; sources: string[] };
  /** The metric that leads the headline and that `min-lines` / `max-drop` gate on (see GateInput). */
  headline: Metric;
  diff: DiffState;
  baseline: BaselineState;
  /** Set when this run saved the baseline of its branch. */
  baselineSaved?: { branch: string; sha: string };
  gates: Gate[];
  warnings: string[];
}

export type Deltas = Record<Metric, number | null>;

/** Go profiles lead with statements, as `go test -cover` prints them; every other format with lines. */
export function headlineMetric(formats: readonly CoverageFormat[]): Metric {
  return formats.length > 0 && formats.every((f) => f === 'go') ? 'statements' : 'lines';
}

export const HEADLINE_WHY: Record<Metric, string> = {
  statements: 'Go profiles: statement coverage, as `go test -cover` prints it',
  lines: 'line coverage',
  branches: 'branch coverage',
  functions: 'function coverage',
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Percentage-point change of each total against the baseline; null where either side lacks the metric. */
export function totalDeltas(now: Totals | undefined, baseline: BaselineState): Deltas | undefined {
  if (baseline.kind !== 'found' || !now) return undefined;
  const out = {} as Deltas;
  for (const m of METRICS) {
    const a = now[m];
    const b = baseline.baseline.totals[m];
    out[m] = a && b ? round2(a.pct - b.pct) : null;
  }
  return out;
}

/** Per-file line-coverage change against the baseline (files new since the baseline have none). */
export function fileLineDelta(path: string, pctNow: number | undefined, baseline: BaselineState): number | null {
  if (baseline.kind !== 'found' || pctNow === undefined) return null;
  const before = baseline.baseline.files[path]?.lines;
  return before ? round2(pctNow - before.pct) : null;
}
