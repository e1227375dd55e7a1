import type { TestCase } from '../model.js';
import type { TestReportData } from '../report-schema.js';
import { HEADLINE_WHY, totalDeltas, type TestRunResult } from './result.js';

/** Failure texts are kept whole up to this size in the JSON report; longer ones are cut. */
const MAX_DETAILS_CHARS = 8 * 1024;
/** A run where everything broke lists this many failures (with details for the first hundred). */
export const MAX_FAILURES = 5000;
export const MAX_FAILURES_WITH_DETAILS = 100;
const MAX_FLAKY = 1000;

type Failure = NonNullable<TestReportData['tests']>['failures'][number];
type Flaky = NonNullable<TestReportData['tests']>['flakyCases'][number];

function failure(c: TestCase, withDetails: boolean): Failure {
  const out: Failure = { name: c.name, suite: c.suite, status: c.status === 'error' ? 'error' : 'failed' };
  if (c.classname !== undefined) out.classname = c.classname;
  if (c.file !== undefined) out.file = c.file;
  if (c.line !== undefined) out.line = c.line;
  if (c.message !== undefined) out.message = c.message;
  if (withDetails && c.details !== undefined)
    out.details = c.details.length > MAX_DETAILS_CHARS ? `${c.details.slice(0, MAX_DETAILS_CHARS)}…` : c.details;
  if (c.durationMs !== undefined) out.durationMs = c.durationMs;
  return out;
}

function flaky(c: TestCase): Flaky {
  const out: Flaky = { name: c.name, suite: c.suite, reruns: Math.max(1, c.reruns ?? 1) };
  if (c.classname !== undefined) out.classname = c.classname;
  if (c.file !== undefined) out.file = c.file;
  return out;
}

/** The stage-specific keys of the JSON report (typed by report-schema.ts, validated before writing). */
export function reportData(r: TestRunResult): TestReportData {
  const totals = r.coverage?.totals ?? { lines: null, branches: null, functions: null, statements: null };
  const diff = r.diff.kind === 'measured' ? r.diff.coverage : null;
  const headline = totals[r.headline];
  return {
    coverage: {
      totals,
      headline: headline ? { metric: r.headline, pct: headline.pct, why: HEADLINE_WHY[r.headline] } : null,
      files: r.coverage?.files ?? [],
      diff,
      diffStatus: r.diff.kind === 'measured' ? `measured from ${r.diff.source}` : r.diff.reason,
      baseline:
        r.baseline.kind === 'found'
          ? {
              branch: r.baseline.baseline.branch,
              sha: r.baseline.baseline.sha,
              createdAt: r.baseline.baseline.createdAt,
              deltas: totalDeltas(r.coverage?.totals, r.baseline) ?? null,
            }
          : null,
      baselineStatus:
        r.baseline.kind === 'found' ? 'found' : r.baseline.kind === 'missing' ? 'none-yet' : 'not-applicable',
      baselineSaved: r.baselineSaved ?? null,
      sources: r.coverageSources,
      unmatchedPaths: r.unmatched.map((u) => ({ reported: u.reported, guess: u.guess, reason: u.reason })),
    },
    tests: r.tests
      ? {
          ...r.tests.totals,
          sources: r.tests.sources,
          failures: r.tests.failures.slice(0, MAX_FAILURES).map((c, i) => failure(c, i < MAX_FAILURES_WITH_DETAILS)),
          failuresOmitted: Math.max(
            0,
            r.tests.totals.failed + r.tests.totals.errors - Math.min(r.tests.failures.length, MAX_FAILURES),
          ),
          flakyCases: r.tests.flaky.slice(0, MAX_FLAKY).map(flaky),
        }
      : null,
    commands: r.commands.map((c) => ({
      kind: c.kind,
      command: c.command,
      exitCode: c.exitCode,
      durationMs: c.durationMs,
      ...(c.signal ? { signal: c.signal } : {}),
      ...(c.pipesLeftOpen ? { pipesLeftOpen: true } : {}),
    })),
  };
}

/** Action outputs: percentages as numbers, '' (null) where not measured. */
export function outputsOf(r: TestRunResult, passed: boolean): Record<string, string | number | boolean | null> {
  const t = r.coverage?.totals;
  return {
    passed,
    lines: t?.lines?.pct ?? null,
    branches: t?.branches?.pct ?? null,
    functions: t?.functions?.pct ?? null,
    statements: t?.statements?.pct ?? null,
    'diff-coverage': r.diff.kind === 'measured' ? r.diff.coverage.pct : null,
    tests: r.tests?.totals.total ?? null,
    failed: r.tests ? r.tests.totals.failed + r.tests.totals.errors : null,
  };
}
