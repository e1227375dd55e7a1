import { mergeFiles } from '../coverage/coverage-set.js';
import type { CoverageSet, Counter, FileCoverage, Metric, TestResults } from '../model.js';
import type { PathResolver } from './resolve.js';

export interface UnmatchedPath {
  /** As the report wrote it. */
  reported: string;
  /** Where shipkit looked last (kept in the report under this name). */
  guess: string;
  reason: 'not-found' | 'ambiguous';
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
    // Two report paths naming one file (lcov's absolute path, cobertura's relative one): the same
    // merge as two reports (by position, counted arms never added to known ones).
    if (existing) mergeFiles(existing, file);
    else files.set(p, { ...file, path: p });
  }
  const summaryOnly = new Map<string, Partial<Record<Metric, Counter>>>();
  for (const [reported, counters] of set.summaryOnly) {
    const p = note(reported);
    const existing = summaryOnly.get(p) ?? {};
    for (const [metric, c] of Object.entries(counters) as [Metric, Counter][]) {
      const cur = existing[metric];
      // Two summaries of one file (several reports of a run): the larger is what is known.
      existing[metric] = cur
        ? { covered: Math.max(cur.covered, c.covered), total: Math.max(cur.total, c.total) }
        : { ...c };
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
