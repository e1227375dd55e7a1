import picomatch from 'picomatch';
import type { Gate } from '../../core/report/types.js';
import type { Baseline } from './baseline.js';
import type { DiffCoverage } from './diff/diff-coverage.js';
import { METRICS, type Counter, type TestTotals } from './model.js';
import type { TestOptions } from './options.js';
import type { CommandResult } from './run-commands.js';
import { meets, sumFiles, type CoverageSummary } from './summarize.js';
import type { Metric } from './model.js';

/** Whether diff coverage could be measured, and why not. */
export type DiffState =
  | { kind: 'measured'; coverage: DiffCoverage; source: 'git' | 'api'; notes: string[] }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'not-applicable'; reason: string };

export type BaselineState =
  { kind: 'found'; baseline: Baseline } | { kind: 'missing'; branch: string } | { kind: 'not-applicable' };

export interface GateInput {
  options: TestOptions;
  /**
   * The metric that leads (`statements` for Go profiles, as `go test -cover` prints; else `lines`):
   * `min-lines` and `max-drop` gate on it, so a Go user's threshold means what Go reports.
   */
  headline: Metric;
  commands: CommandResult[];
  /** Undefined when no coverage data was read. */
  coverage?: CoverageSummary;
  /** Why no coverage data, when `coverage` is undefined and coverage was asked for. */
  coverageMissing?: string;
  tests?: TestTotals;
  testsMissing?: string;
  diff: DiffState;
  baseline: BaselineState;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function commandGate(kind: 'lint' | 'test', results: CommandResult[]): Gate | undefined {
  const mine = results.filter((r) => r.kind === kind);
  if (mine.length === 0) return undefined;
  const failed = mine.find((r) => r.exitCode !== 0);
  if (!failed) return { name: kind, passed: true, required: 0, actual: 0, detail: `${mine.length} command(s) passed` };
  const why = failed.signal
    ? `killed by ${failed.signal}`
    : failed.exitCode === null
      ? 'could not start'
      : `exited ${failed.exitCode}`;
  return { name: kind, passed: false, required: 0, actual: failed.exitCode, detail: `'${failed.command}' ${why}` };
}

function pctGate(name: string, required: number, value: Counter | null, what: string): Gate {
  if (!value) return { name, passed: false, required, actual: null, unit: '%', detail: `no ${what} data to measure` };
  const actual = value.total === 0 ? 100 : round2((value.covered / value.total) * 100);
  return {
    name,
    passed: meets(value, required),
    required,
    actual,
    unit: '%',
    detail: `${value.covered}/${value.total} ${what}`,
  };
}

/** Every configured gate, in the order the report lists them. Unmeasurable gates fail closed. */
export function evaluateGates(input: GateInput): Gate[] {
  const { options } = input;
  const gates: Gate[] = [];
  for (const g of [commandGate('lint', input.commands), commandGate('test', input.commands)]) if (g) gates.push(g);

  if (input.coverageMissing !== undefined) {
    gates.push({
      name: 'coverage-data',
      passed: false,
      required: 'present',
      actual: null,
      detail: input.coverageMissing,
    });
  }
  if (input.testsMissing !== undefined) {
    gates.push({ name: 'test-results', passed: false, required: 'present', actual: null, detail: input.testsMissing });
  }
  if (input.tests) {
    const bad = input.tests.failed + input.tests.errors;
    gates.push({
      name: 'failed-tests',
      passed: bad === 0,
      required: 0,
      actual: bad,
      detail: `${input.tests.total} tests, ${input.tests.failed} failed, ${input.tests.errors} errors`,
    });
  }

  for (const metric of METRICS) {
    const required = options.min[metric];
    if (required === undefined) continue;
    // For Go, `min-lines` is the statement coverage Go prints (the detail names the metric measured).
    const measured = metric === 'lines' ? input.headline : metric;
    gates.push(pctGate(`min-${metric}`, required, input.coverage?.totals[measured] ?? null, measured));
  }

  for (const t of options.pathThresholds) {
    const isMatch = picomatch(t.glob, { dot: true });
    const files = (input.coverage?.files ?? []).filter((f) => isMatch(f.path));
    for (const metric of METRICS) {
      const required = t.min[metric];
      if (required === undefined) continue;
      const name = `path ${t.glob} ${metric}`;
      if (files.length === 0) {
        gates.push({
          name,
          passed: false,
          required,
          actual: null,
          unit: '%',
          detail: `no covered file matches '${t.glob}'`,
        });
        continue;
      }
      const gate = pctGate(name, required, sumFiles(files, metric), metric);
      gate.detail = `${gate.detail ?? ''} in ${files.length} file(s)`;
      gates.push(gate);
    }
  }

  if (options.minDiffCoverage !== undefined) {
    const g = diffGate(options.minDiffCoverage, input.diff);
    if (g) gates.push(g);
  }
  if (options.maxDrop !== undefined) {
    const g = dropGate(options.maxDrop, input);
    if (g) gates.push(g);
  }
  return gates;
}

/** Undefined outside pull requests (no base to diff against): the summary says so instead. */
function diffGate(required: number, diff: DiffState): Gate | undefined {
  const name = 'min-diff-coverage';
  if (diff.kind === 'not-applicable') return undefined;
  if (diff.kind === 'unavailable')
    return { name, passed: false, required, actual: null, unit: '%', detail: `changed lines unknown: ${diff.reason}` };
  const c = diff.coverage;
  if (c.total === 0)
    return { name, passed: true, required, actual: 100, unit: '%', detail: 'no executable line changed' };
  return pctGate(name, required, c, 'changed lines');
}

function dropGate(maxDrop: number, input: GateInput): Gate | undefined {
  const name = 'max-drop';
  const b = input.baseline;
  if (b.kind === 'not-applicable') return undefined;
  // Not measurable is a failure: the gate fails closed.
  const unmeasured = (detail: string): Gate => ({
    name,
    passed: false,
    required: maxDrop,
    actual: null,
    unit: 'pp',
    detail,
  });
  if (b.kind === 'missing') {
    const why = `no baseline for '${b.branch}' yet: a push to '${b.branch}' records one`;
    // The first pull requests of a repository have nothing to compare with: that is not a drop.
    if (!input.options.requireBaseline)
      return {
        name,
        passed: true,
        required: maxDrop,
        actual: null,
        unit: 'pp',
        detail: `${why} (not gated; require-baseline: true fails here)`,
      };
    return unmeasured(`${why} (require-baseline: true)`);
  }
  // The headline metric where both sides have it (statements for Go); else whichever both have.
  const metric: Metric =
    input.coverage?.totals[input.headline] && b.baseline.totals[input.headline]
      ? input.headline
      : input.coverage?.totals.lines && b.baseline.totals.lines
        ? 'lines'
        : 'statements';
  const before = b.baseline.totals[metric];
  const now = input.coverage?.totals[metric];
  if (!before || !now) return unmeasured('no line or statement coverage in this run or in the baseline');
  const drop = round2(before.pct - now.pct);
  return {
    name,
    passed: drop <= maxDrop,
    required: maxDrop,
    actual: Math.max(0, drop),
    unit: 'pp',
    detail: `${metric} ${before.pct}% on ${b.baseline.branch}@${b.baseline.sha.slice(0, 7)} → ${now.pct}%`,
  };
}
