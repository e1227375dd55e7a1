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

/** `2/4` → index 2 of 4; anything else → undefined. */
function shardOf(label: string | null): { index: number; count: number } | undefined {
  const m = label ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(label) : null;
  return m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
}

interface JobShards {
  job: string | null;
  expected: number;
  got: number;
  /** `i/N` labels of the shards not merged. */
  missing: string[];
}

/**
 * A gate on the shards themselves: labels of the form `i/N` say how many to expect, and a merge of
 * fewer (a shard that crashed before saving) must not pass as if its tests had run. Each job's
 * matrix is counted on its own: a complete `unit` matrix must not make up for an `e2e` short of one.
 */
function shardsGate(shards: readonly { shard: string | null; job: string | null }[]): Gate | undefined {
  const byJob = new Map<string | null, { labels: Set<string>; indexes: Set<number>; expected: number }>();
  for (const s of shards) {
    const parsed = shardOf(s.shard);
    if (!parsed || s.shard === null) continue;
    const entry = byJob.get(s.job) ?? { labels: new Set(), indexes: new Set(), expected: 0 };
    entry.labels.add(s.shard.replace(/\s+/g, ''));
    entry.indexes.add(parsed.index);
    entry.expected = Math.max(entry.expected, parsed.count);
    byJob.set(s.job, entry);
  }
  if (byJob.size === 0) return undefined;
  const jobs: JobShards[] = [...byJob].map(([job, e]) => {
    const missing: string[] = [];
    for (let i = 1; i <= e.expected; i++) if (!e.indexes.has(i)) missing.push(`${i}/${e.expected}`);
    return { job, expected: e.expected, got: e.labels.size, missing };
  });
  const complete = (j: JobShards): boolean => j.got >= j.expected;
  const expected = jobs.reduce((n, j) => n + j.expected, 0);
  const got = jobs.reduce((n, j) => n + j.got, 0);
  const passed = jobs.every(complete);
  let detail: string;
  if (jobs.length === 1) {
    detail = passed ? `${got} of ${expected} shards merged` : `only ${got} of ${expected} shards saved their results`;
  } else {
    const name = (j: JobShards): string => `job ${j.job ?? '(unnamed)'}`;
    detail = passed
      ? `${got} of ${expected} shards merged (${jobs.map((j) => `${name(j)}: ${j.got} of ${j.expected}`).join(', ')})`
      : jobs
          .filter((j) => !complete(j))
          .map(
            (j) =>
              `${name(j)}: only ${j.got} of ${j.expected} shards saved their results` +
              (j.missing.length > 0 ? ` (missing ${j.missing.join(', ')})` : ''),
          )
          .join('; ');
  }
  return { name: 'shards', passed, required: expected, actual: got, detail };
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
  // Gated before the baseline is saved: a merge short of shards has lower totals, and as the
  // baseline it would let every later `max-drop` check compare with a partial run.
  const labels = merged.shards.map((s) => s.shard);
  const shards = shardsGate(merged.shards);
  let baselineSaved: TestRunResult['baselineSaved'];
  if (summary && event.pushBranch && event.pushBranch === event.defaultBranch && event.sha) {
    if (shards && !shards.passed) {
      warnings.push(
        `the coverage baseline of '${event.pushBranch}' was not saved: ${shards.detail ?? 'shards are missing'}, and a baseline of part of the suite would skew later max-drop checks`,
      );
    } else {
      try {
        await saveBaseline(store, baselineOf(summary, event.pushBranch, event.sha));
        baselineSaved = { branch: event.pushBranch, sha: event.sha };
        ctx.logger.info(`Saved the merged coverage baseline of '${event.pushBranch}' at ${event.sha.slice(0, 7)}`);
      } catch (error) {
        warnings.push(`baseline of '${event.pushBranch}' could not be saved: ${(error as Error).message}`);
      }
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
