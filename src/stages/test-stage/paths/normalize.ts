import type { CoverageSet, Counter, FileCoverage, Metric, TestResults } from '../model.js';
import type { PathResolver } from './resolve.js';

export interface UnmatchedPath {
  /** As the report wrote it. */
  reported: string;
  /** Where shipkit looked last (kept in the report under this name). */
  guess: string;
  reason: 'not-found' | 'ambiguous';
}

/** Sums two coverages of the same file (two reports, or two report paths naming one file). */
export function mergeFileCoverage(into: FileCoverage, from: FileCoverage): void {
  into.lines.addAll(from.lines);
  into.branches.addAll(from.branches);
  into.functions.addAll(from.functions);
  into.statements.addAll(from.statements);
}

/**
 * Rewrites every file of `set` to its repository-relative path, merging files that turn out to be
 * the same. Unmatched files are kept under their best-guess path, and listed. Takes ownership of
 * `set`'s file maps (a 200 MB report is not copied).
 */
export function normalizeCoverage(
  set: CoverageSet,
  resolver: PathResolver,
): { set: CoverageSet; unmatched: UnmatchedPath[] } {
  const unmatched: UnmatchedPath[] = [];
  const note = (reported: string): string => {
    const r = resolver.resolve(reported);
    if (!r.matched) unmatched.push({ reported, guess: r.path, reason: r.reason });
    return r.path;
  };
  const files = new Map<string, FileCoverage>();
  for (const [reported, file] of set.files) {
    const p = note(reported);
    const existing = files.get(p);
    if (existing) mergeFileCoverage(existing, file);
    else files.set(p, { ...file, path: p });
  }
  const summaryOnly = new Map<string, Partial<Record<Metric, Counter>>>();
  for (const [reported, counters] of set.summaryOnly) {
    const p = note(reported);
    const existing = summaryOnly.get(p) ?? {};
    for (const [metric, c] of Object.entries(counters) as [Metric, Counter][]) {
      const cur = existing[metric];
      existing[metric] = cur ? { covered: cur.covered + c.covered, total: cur.total + c.total } : { ...c };
    }
    summaryOnly.set(p, existing);
  }
  return { set: { ...set, files, summaryOnly }, unmatched };
}

/**
 * Test case files become repository-relative too, so annotations land on them. Takes ownership of
 * `results` (rewritten in place: each distinct file once, not a copy of 200 000 cases).
 */
export function normalizeTestResults(results: TestResults, resolver: PathResolver): TestResults {
  results.cases.rewriteFiles((file) => resolver.resolve(file).path);
  return results;
}
