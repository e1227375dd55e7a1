import type { CoverageSet, FileCoverage, Metric } from '../model.js';
import { HitTable } from '../hit-table.js';
import { LineHits } from '../line-hits.js';
import type { ReportFile } from './report-file.js';

export function emptySet(): CoverageSet {
  return {
    files: new Map(),
    measured: { lines: false, branches: false, functions: false, statements: false },
    summaryOnly: new Map(),
    sources: [],
  };
}

export function emptyFile(path: string): FileCoverage {
  return {
    path,
    lines: new LineHits(),
    branches: new HitTable(),
    functions: new HitTable(),
    statements: new HitTable(),
  };
}

/** The file's entry in the set, created on first use: reports naming the same file merge into it. */
export function fileIn(set: CoverageSet, path: string): FileCoverage {
  let file = set.files.get(path);
  if (!file) {
    file = emptyFile(path);
    set.files.set(path, file);
  }
  return file;
}

export function markMeasured(set: CoverageSet, ...metrics: Metric[]): void {
  for (const metric of metrics) set.measured[metric] = true;
}

/** What one report contributed: how many file sections, and (cobertura) the source roots it names. */
export interface ParseResult {
  files: number;
  roots?: string[];
}

/** A parser reads one report into the shared set. */
export type CoverageParser = (report: ReportFile, set: CoverageSet) => Promise<ParseResult>;

/**
 * Branch keys (`line:arm`, `line:block:arm`) repeat across the files of a report: line 120 arm 0 is
 * in hundreds of files. One report's parser keeps one copy of each small key, which saves a string
 * per branch arm (~12 MB of a 100 MB cobertura report's 120 MB model) and the hashing of fresh keys.
 * Bounded, so a report with odd numbers just builds its keys as before.
 */
export function branchKeys(): (line: number, block: number, arm: number) => string {
  const known = new Map<number, string>();
  return (line, block, arm) => {
    if (line >= 1 << 22 || block >= 256 || arm >= 64 || known.size >= 200_000) {
      return block < 0 ? `${line}:${arm}` : `${line}:${block}:${arm}`;
    }
    const id = (line * 257 + block + 1) * 64 + arm;
    let key = known.get(id);
    if (key === undefined) {
      key = block < 0 ? `${line}:${arm}` : `${line}:${block}:${arm}`;
      known.set(id, key);
    }
    return key;
  };
}
