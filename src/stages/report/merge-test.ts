import type { StageContext } from '../../core/context.js';
import type { Annotation, CommentSection, SummarySection } from '../../core/outcome.js';
import type { Gate } from '../../core/report/types.js';
import { baselineOf, restoreBaseline, saveBaseline } from '../test-stage/baseline.js';
import { measureDiff } from '../test-stage/diff/changed-lines.js';
import { eventInfo } from '../test-stage/event.js';
import { evaluateGates, type BaselineState } from '../test-stage/gates.js';
import type { TestOptions } from '../test-stage/options.js';
import { annotationsOf } from '../test-stage/report/annotations.js';
import { reportData } from '../test-stage/report/data.js';
import { commentSection, summarySections } from '../test-stage/report/markdown.js';
import { headlineMetric, type TestRunResult } from '../test-stage/report/result.js';
import { terminalText } from '../test-stage/report/text.js';
import type { TestReportData } from '../test-stage/report-schema.js';
import { testTotals } from '../test-stage/results/index.js';
import type { ShardGateOptions } from '../test-stage/shard/format.js';
import { readShards, type ShardFiles } from '../test-stage/shard/read.js';
import { summarize } from '../test-stage/summarize.js';
import type { GateOverrides } from './options.js';

export interface MergedTest {
  result: TestRunResult;
  data: TestReportData;
  headline: string;
  comment: CommentSection;
  summary: SummarySection[];
  annotations: Annotation[];
  text: string;
  /** Shard labels merged (null: a run outside a matrix). */
  shards: (string | null)[];
  warnings: string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The shards' gate options (they ran with the same `with:`), overridden by the report action's own inputs. */
function gateOptions(shards: readonly ShardGateOptions[], overrides: GateOverrides, warnings: string[]): TestOptions {
  const first = shards[0];
  if (shards.some((s) => !same(s, first)))
    warnings.push("the test shards ran with different gate inputs: the first shard's are applied to the merged data");
  const min = { ...(first?.min ?? {}), ...overrides.min };
  const options: TestOptions = {
    lint: [],
    test: [],
    coverage: [],
    coverageFormat: 'auto',
    testResults: [],
    pathMap: [],
    min,
    pathThresholds: overrides.pathThresholds ?? first?.pathThresholds ?? [],
    requireBaseline: overrides.requireBaseline ?? first?.requireBaseline ?? false,
    allowEmpty: false,
    annotate: first?.annotate ?? true,
    detect: false,
  };
  const minDiff = overrides.minDiffCoverage ?? first?.minDiffCoverage;
  if (minDiff !== undefined) options.minDiffCoverage = minDiff;
  const maxDrop = overrides.maxDrop ?? first?.maxDrop;
  if (maxDrop !== undefined) options.maxDrop = maxDrop;
  const base = overrides.base ?? first?.base;
  if (base !== undefined) options.base = base;
  return options;
}

/** `2/4` → 4; anything else → undefined. */
function shardCount(label: string | null): number | undefined {
  const m = label ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(label) : null;
  return m ? Number(m[2]) : undefined;
}

/**
 * A gate on the shards themselves: labels of the form `i/N` say how many to expect, and a merge of
 * fewer (a shard that crashed before saving) must not pass as if its tests had run.
 */
function shardsGate(labels: readonly (string | null)[]): Gate | undefined {
  const counts = labels.map(shardCount).filter((n): n is number => n !== undefined);
  if (counts.length === 0) return undefined;
  const expected = Math.max(...counts);
  const got = new Set(labels.filter((l) => shardCount(l) !== undefined).map((l) => l?.replace(/\s+/g, ''))).size;
  return {
    name: 'shards',
    passed: got >= expected,
    required: expected,
    actual: got,
    detail:
      got >= expected ? `${got} of ${expected} shards merged` : `only ${got} of ${expected} shards saved their results`,
  };
}

function headlineOf(r: TestRunResult, shards: number): string {
  const parts: string[] = [];
  const lead = r.coverage?.totals[r.headline];
  if (lead) parts.push(`${r.headline} ${lead.pct.toFixed(2)} %`);
  if (r.diff.kind === 'measured' && r.diff.coverage.total > 0)
    parts.push(`changed lines ${r.diff.coverage.pct.toFixed(2)} %`);
  if (r.tests) {
    const bad = r.tests.totals.failed + r.tests.totals.errors;
    parts.push(`${r.tests.totals.total} tests${bad > 0 ? `, ${bad} failed` : ''}`);
  }
  const failed = r.gates.filter((g) => !g.passed);
  if (failed.length > 0)
    parts.push(
      `${failed.length} gate${failed.length === 1 ? '' : 's'} failed (${failed.map((g) => g.name).join(', ')})`,
    );
  parts.push(`${shards} shard${shards === 1 ? '' : 's'} merged`);
  return parts.join(', ');
}

/**
 * The test stage's shards as one run: coverage merged per line, arm, function and statement, cases
 * summed, and the test stage's own gates, summary, comment and annotations computed on the merged data.
 * On a push to the default branch the merged coverage becomes the baseline (shards never save one).
 */
export async function mergeTestShards(
  files: readonly ShardFiles[],
  overrides: GateOverrides,
  ctx: StageContext,
): Promise<MergedTest> {
  const warnings: string[] = [];
  const merged = await readShards(files, { input: 'reports' });
  const options = gateOptions(
    merged.shards.map((s) => s.options),
    overrides,
    warnings,
  );
  const summary = merged.set ? summarize(merged.set) : undefined;
  const tests = merged.tests;
  const event = await eventInfo(ctx);
  const base = options.base ?? event.pr?.baseRef;
  const diff = await measureDiff(
    merged.set,
    {
      root: ctx.cwd,
      ...(base !== undefined ? { base } : {}),
      ...(event.pr?.baseSha && base === event.pr.baseRef ? { baseSha: event.pr.baseSha } : {}),
      ...(event.pr ? { pullNumber: event.pr.number } : {}),
    },
    ctx,
  );

  const store = ctx.host.baselines;
  let baseline: BaselineState = { kind: 'not-applicable' };
  if (base !== undefined) {
    try {
      const found = await restoreBaseline(store, base);
      baseline = found ? { kind: 'found', baseline: found } : { kind: 'missing', branch: base };
    } catch (error) {
      warnings.push(`baseline of '${base}' could not be restored: ${(error as Error).message}`);
      baseline = { kind: 'missing', branch: base };
    }
  }
  let baselineSaved: TestRunResult['baselineSaved'];
  if (summary && event.pushBranch && event.pushBranch === event.defaultBranch && event.sha) {
    try {
      await saveBaseline(store, baselineOf(summary, event.pushBranch, event.sha));
      baselineSaved = { branch: event.pushBranch, sha: event.sha };
      ctx.logger.info(`Saved the merged coverage baseline of '${event.pushBranch}' at ${event.sha.slice(0, 7)}`);
    } catch (error) {
      warnings.push(`baseline of '${event.pushBranch}' could not be saved: ${(error as Error).message}`);
    }
  }

  const headline = headlineMetric((merged.set?.sources ?? []).map((s) => s.format));
  const totals = tests ? testTotals(tests) : undefined;
  const gates = evaluateGates({
    options,
    headline,
    commands: merged.commands,
    ...(summary ? { coverage: summary } : {}),
    ...(totals ? { tests: totals } : {}),
    diff,
    baseline,
  });
  const labels = merged.shards.map((s) => s.shard);
  const shards = shardsGate(labels);
  if (shards) gates.unshift(shards);
  const result: TestRunResult = {
    options,
    commands: merged.commands,
    ...(summary ? { coverage: summary } : {}),
    coverageSources: (merged.set?.sources ?? []).map((s) => ({ file: s.file, format: s.format })),
    unmatched: merged.unmatched,
    ...(tests && totals
      ? { tests: { totals, failures: tests.cases.failures(), flaky: tests.cases.flakyCases(), sources: tests.sources } }
      : {}),
    headline,
    diff,
    baseline,
    ...(baselineSaved ? { baselineSaved } : {}),
    gates,
    warnings,
  };
  const line = headlineOf(result, files.length);
  return {
    result,
    data: reportData(result),
    headline: line,
    comment: commentSection(result, line),
    summary: summarySections(result, line),
    annotations: annotationsOf(result),
    text: terminalText(result),
    shards: labels,
    warnings,
  };
}
