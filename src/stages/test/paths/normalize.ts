import type { CoverageSet, Counter, FileCoverage, Hit, Metric, TestResults } from '../model.js';
import type { PathResolver } from './resolve.js';

export interface UnmatchedPath {
  /** As the report wrote it. */
  reported: string;
  /** Where shipkit looked last (kept in the report under this name). */
  guess: string;
  reason: 'not-found' | 'ambiguous';
}

function mergeHits(into: Map<string, Hit>, from: Map<string, Hit>): void {
  for (const [k, h] of from) {
    const cur = into.get(k);
    if (cur) cur.hits += h.hits;
    else into.set(k, { line: h.line, hits: h.hits });
  }
}

/** Sums two coverages of the same file (two reports, or two report paths naming one file). */
export function mergeFileCoverage(into: FileCoverage, from: FileCoverage): void {
  for (const [line, hits] of from.lines) into.lines.set(line, (into.lines.get(line) ?? 0) + hits);
  mergeHits(into.branches, from.branches);
  mergeHits(into.functions, from.functions);
  mergeHits(into.statements, from.statements);
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

/** Test case files become repository-relative too, so annotations land on them. */
export function normalizeTestResults(results: TestResults, resolver: PathResolver): TestResults {
  return {
    ...results,
    cases: results.cases.map((c) => {
      if (c.file === undefined) return c;
      const r = resolver.resolve(c.file);
      return { ...c, file: r.path };
    }),
  };
}
