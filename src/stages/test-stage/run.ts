import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { isUserError } from '../../core/errors.js';
import type { StageOutcome } from '../../core/outcome.js';
import { buildReport } from '../../core/report/build.js';
import { userCommandEnv } from '../../core/user-command-env.js';
import { keepYoungGenerationSmall } from '../../core/young-generation.js';
import { baselineOf, restoreBaseline, saveBaseline } from './baseline.js';
import { readCoverage } from './coverage/index.js';
import { readTestResults } from './results/index.js';
import { detectCommands, detectCoverageFiles, TEST_RESULT_LOCATIONS } from './detect.js';
import { measureDiff } from './diff/changed-lines.js';
import { eventInfo } from './event.js';
import { expandPatterns } from './find-files.js';
import { evaluateGates, type BaselineState } from './gates.js';
import type { CoverageSet, TestResults } from './model.js';
import type { TestOptions } from './options.js';
import { readGoModules } from './paths/go-modules.js';
import { normalizeCoverage, normalizeTestResults, type UnmatchedPath } from './paths/normalize.js';
import { listRepoFiles } from './paths/repo-files.js';
import { PathResolver } from './paths/resolve.js';
import { annotationsOf } from './report/annotations.js';
import { MAX_FAILURES, MAX_FAILURES_WITH_DETAILS, outputsOf, reportData } from './report/data.js';
import { commentSection, summarySections } from './report/markdown.js';
import { headlineMetric, type TestRunResult } from './report/result.js';
import type { TestReport } from './report-schema.js';
import { terminalText } from './report/text.js';
import { runCommands } from './run-commands.js';
import { summarize } from './summarize.js';
import { testTotals } from './results/index.js';
import { shardExport } from './shard/export.js';

export type TestResultsReader = (
  files: string[],
  opts: { cwd: string; allowEmpty?: boolean; input?: string },
) => Promise<TestResults>;

/** Tests replace the readers to feed hand-built data; the stage itself passes none. */
export interface TestStageDeps {
  readTestResults?: TestResultsReader;
}

interface Loaded<T> {
  value?: T;
  /** Set when data was asked for and none could be read (becomes a failing gate). */
  missing?: string;
}

async function loadCoverage(options: TestOptions, ctx: StageContext, warnings: string[]): Promise<Loaded<CoverageSet>> {
  const explicit = options.coverage.length > 0;
  let files: string[];
  if (explicit) {
    const found = await expandPatterns(options.coverage, ctx.cwd);
    files = found.files;
    if (files.length === 0) {
      return options.allowEmpty ? {} : { missing: `no coverage data found in ${options.coverage.join(', ')}` };
    }
    if (found.empty.length > 0) warnings.push(`coverage: nothing matches ${found.empty.join(', ')}`);
  } else {
    files = await detectCoverageFiles(ctx.cwd);
    if (files.length === 0) return {};
    ctx.logger.info(`Coverage reports found: ${files.join(', ')}`);
  }
  try {
    const set = await readCoverage(files, {
      cwd: ctx.cwd,
      allowEmpty: options.allowEmpty || !explicit,
      input: 'coverage',
      ...(options.coverageFormat === 'auto' ? {} : { format: options.coverageFormat }),
    });
    if (set.files.size === 0 && set.summaryOnly.size === 0) {
      return options.allowEmpty || !explicit ? {} : { missing: `no coverage data found in ${files.join(', ')}` };
    }
    return { value: set };
  } catch (error) {
    if (!isUserError(error)) throw error;
    ctx.logger.error(error.describe());
    if (!explicit) {
      warnings.push(`coverage: ${error.describe()}`);
      return {};
    }
    return { missing: error.describe() };
  }
}

async function loadTestResults(
  options: TestOptions,
  ctx: StageContext,
  deps: TestStageDeps,
  warnings: string[],
): Promise<Loaded<TestResults>> {
  const explicit = options.testResults.length > 0;
  const found = await expandPatterns(explicit ? options.testResults : TEST_RESULT_LOCATIONS, ctx.cwd);
  if (found.files.length === 0) {
    return explicit && !options.allowEmpty
      ? { missing: `no test results found in ${options.testResults.join(', ')}` }
      : {};
  }
  if (explicit && found.empty.length > 0) warnings.push(`test-results: nothing matches ${found.empty.join(', ')}`);
  if (!explicit) ctx.logger.info(`Test results found: ${found.files.map((f) => path.relative(ctx.cwd, f)).join(', ')}`);
  try {
    const results = await (deps.readTestResults ?? readTestResults)(found.files, {
      cwd: ctx.cwd,
      allowEmpty: options.allowEmpty || !explicit,
      input: 'test-results',
    });
    return results.cases.length === 0 && !(options.allowEmpty || !explicit)
      ? { missing: `no test results found in ${options.testResults.join(', ')}` }
      : { value: results };
  } catch (error) {
    if (!isUserError(error)) throw error;
    ctx.logger.error(error.describe());
    if (!explicit) {
      warnings.push(`test-results: ${error.describe()}`);
      return {};
    }
    return { missing: error.describe() };
  }
}

function headlineOf(r: TestRunResult): string {
  const parts: string[] = [];
  const lead = r.coverage?.totals[r.headline];
  if (lead) parts.push(`${r.headline} ${lead.pct.toFixed(2)} %`);
  if (r.diff.kind === 'measured' && r.diff.coverage.total > 0)
    parts.push(`changed lines ${r.diff.coverage.pct.toFixed(2)} %`);
  if (r.tests)
    parts.push(
      `${r.tests.totals.total} tests${r.tests.totals.failed + r.tests.totals.errors > 0 ? `, ${r.tests.totals.failed + r.tests.totals.errors} failed` : ''}`,
    );
  const failed = r.gates.filter((g) => !g.passed);
  if (failed.length > 0)
    parts.push(
      `${failed.length} gate${failed.length === 1 ? '' : 's'} failed (${failed.map((g) => g.name).join(', ')})`,
    );
  else if (r.gates.length > 0) parts.push(`${r.gates.length} gate${r.gates.length === 1 ? '' : 's'} passed`);
  if (parts.length === 0)
    return r.commands.length > 0
      ? 'commands ran; no coverage or test results found'
      : 'nothing to run and no reports found';
  return parts.join(', ');
}

function unmatchedWarning(kind: string, unmatched: readonly UnmatchedPath[]): string {
  const first = unmatched
    .slice(0, 3)
    .map((u) => u.reported)
    .join(', ');
  return `${unmatched.length} ${kind} path(s) match no repository file (${first}${unmatched.length > 3 ? ', …' : ''}); add a path-map line 'from=to' to rewrite them`;
}

/** The test stage: run lint and tests, read coverage and results, gate, and describe it all. */
export async function runTestStage(
  options: TestOptions,
  ctx: StageContext,
  deps: TestStageDeps = {},
): Promise<StageOutcome> {
  const startedAt = new Date();
  const warnings: string[] = [];
  const { logger } = ctx;

  let { lint, test } = options;
  if (options.detect) {
    const detected = await detectCommands(ctx.cwd);
    ({ lint, test } = detected);
    logger.info(
      detected.reasons.length > 0
        ? `Detected: ${detected.reasons.join('; ')}`
        : 'Nothing to run detected (no package.json scripts, pytest or go.mod)',
    );
  }
  // The commands run the pull request's code: they get what a `run:` step gets, no inputs, no token.
  const runOpts = { cwd: ctx.cwd, env: userCommandEnv(ctx.env), logger, signal: ctx.signal };
  const commands = [...(await runCommands('lint', lint, runOpts)), ...(await runCommands('test', test, runOpts))];

  // Before the reports are read: git is spawned (for HEAD outside Actions) while this process is
  // small; after a 50 MB report, forking it costs ~20 ms (the page tables are copied).
  const event = await eventInfo(ctx);
  const repo = await listRepoFiles(ctx.cwd);
  // The reports' cases, failures and files survive: promoted at once rather than growing the young generation.
  keepYoungGenerationSmall();
  const coverage = await loadCoverage(options, ctx, warnings);
  const results = await loadTestResults(options, ctx, deps, warnings);

  const resolver = new PathResolver({
    root: repo.root,
    cwd: ctx.cwd,
    files: repo.files,
    pathMap: options.pathMap,
    sourceRoots: (coverage.value?.sources ?? []).flatMap((s) => s.roots ?? []),
    goModules: await readGoModules(repo.root, repo.files),
  });
  let set: CoverageSet | undefined;
  let unmatched: UnmatchedPath[] = [];
  if (coverage.value) {
    ({ set, unmatched } = normalizeCoverage(coverage.value, resolver));
    if (unmatched.length > 0) warnings.push(unmatchedWarning('coverage', unmatched));
  }
  const summary = set ? summarize(set) : undefined;
  const tests = results.value ? normalizeTestResults(results.value, resolver) : undefined;
  // Counted once: the gates and the report use the same totals (a pass over every case).
  const totals = tests ? testTotals(tests) : undefined;

  const base = options.base ?? event.pr?.baseRef;
  const diff = await measureDiff(
    set,
    {
      root: repo.root,
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
  // A matrix shard's coverage is partial: the root report action saves the merged baseline instead.
  if (summary && !ctx.run.shard && event.pushBranch && event.pushBranch === event.defaultBranch && event.sha) {
    try {
      await saveBaseline(store, baselineOf(summary, event.pushBranch, event.sha));
      baselineSaved = { branch: event.pushBranch, sha: event.sha };
      logger.info(`Saved the coverage baseline of '${event.pushBranch}' at ${event.sha.slice(0, 7)}`);
    } catch (error) {
      warnings.push(`baseline of '${event.pushBranch}' could not be saved: ${(error as Error).message}`);
    }
  }

  const headline = headlineMetric((set?.sources ?? []).map((s) => s.format));
  const gates = evaluateGates({
    options,
    headline,
    commands,
    ...(summary ? { coverage: summary } : {}),
    ...(coverage.missing !== undefined ? { coverageMissing: coverage.missing } : {}),
    ...(totals ? { tests: totals } : {}),
    ...(results.missing !== undefined ? { testsMissing: results.missing } : {}),
    diff,
    baseline,
  });
  const result: TestRunResult = {
    options,
    commands,
    ...(summary ? { coverage: summary } : {}),
    coverageSources: (set?.sources ?? []).map((s) => ({ file: s.file, format: s.format })),
    unmatched,
    ...(tests
      ? {
          tests: {
            totals: totals!,
            // Only as many as any view shows (the report's 5 000), with details only where one shows
            // them (the report's first 100, the annotations' 50); the totals count them all.
            failures: tests.cases.failures(MAX_FAILURES, MAX_FAILURES_WITH_DETAILS),
            flaky: tests.cases.flakyCases(),
            sources: tests.sources,
          },
        }
      : {}),
    headline,
    diff,
    baseline,
    ...(baselineSaved ? { baselineSaved } : {}),
    gates,
    warnings,
  };
  const line = headlineOf(result);
  const common = buildReport({ stage: 'test', startedAt, run: ctx.run, gates, warnings, summary: line });
  const report: TestReport = {
    schemaVersion: common.schemaVersion,
    stage: 'test',
    status: common.status,
    summary: common.summary,
    startedAt: common.startedAt,
    finishedAt: common.finishedAt,
    durationMs: common.durationMs,
    run: common.run,
    gates: common.gates,
    warnings: common.warnings,
    ...reportData(result),
  };
  return {
    report,
    outputs: outputsOf(result, report.status !== 'fail'),
    summary: summarySections(result, line),
    comment: commentSection(result, line),
    annotations: annotationsOf(result),
    text: terminalText(result),
    // What the root report action merges across the shards of a matrix (see shard/): written only
    // when a host saves it (a matrix job, `artifact: true`, `--report-dir`).
    artifacts: shardExport({
      ...(set ? { set } : {}),
      unmatched,
      ...(tests ? { tests } : {}),
      commands,
      options,
      ...(ctx.run.shard ? { shard: ctx.run.shard } : {}),
      ...(ctx.run.job ? { job: ctx.run.job } : {}),
    }),
  };
}
