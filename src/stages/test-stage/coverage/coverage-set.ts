import type { Counter, CoverageSet, FileCoverage, Metric } from '../model.js';
import { METRICS } from '../model.js';
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
    branchesCounted: false,
    functions: new HitTable(),
    statements: new HitTable(),
  };
}

/** The file's entry in the set, created on first use: records of one report naming the same file merge into it. */
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

/** A parser reads one report into a set of its own (readCoverage merges the sets). */
export type CoverageParser = (report: ReportFile, set: CoverageSet) => Promise<ParseResult>;

/**
 * Position keys: the k-th item on a line (`12:0`, `12:1`…). Reports of one run list a line's items in
 * the same order whatever their format, and reports of different runs of the same code too, so the
 * same item read twice gets the same key. Keys repeat across files (line 120 arm 0 is in hundreds of
 * files): one copy of each small key is kept, which saves a string per item on a big report. Bounded,
 * so a report with odd numbers just builds its keys as it goes.
 */
export function positionKeys(): (line: number, k: number) => string {
  const known = new Map<number, string>();
  return (line, k) => {
    if (line >= 1 << 22 || line < 0 || k >= 512 || known.size >= 200_000) return `${line}:${k}`;
    const id = line * 512 + k;
    let key = known.get(id);
    if (key === undefined) {
      key = `${line}:${k}`;
      known.set(id, key);
    }
    return key;
  };
}

/** Numbers the items of each line in the order they come: the k-th item on a line gets k. */
export class LineOrdinals {
  private readonly next = new Map<number, number>();
  take(line: number): number {
    const k = this.next.get(line) ?? 0;
    this.next.set(line, k + 1);
    return k;
  }
  clear(): void {
    this.next.clear();
  }
}

/**
 * Adds the report set `from` into `into`, each metric by its own key (lines by line, arms and
 * functions and statements by position): several reports of one run (c8's lcov, cobertura, clover and
 * JSON at once) give that run's numbers, and reports of different runs add up as `lcov -a` adds them
 * (hits summed, an item covered when either run covered it). Takes ownership of `from`.
 */
export function mergeSets(into: CoverageSet, from: CoverageSet): void {
  for (const [path, file] of from.files) {
    const have = into.files.get(path);
    if (have) mergeFiles(have, file);
    else into.files.set(path, file);
  }
  for (const [path, counters] of from.summaryOnly) {
    const have = into.summaryOnly.get(path) ?? {};
    for (const metric of METRICS) {
      const c = counters[metric];
      if (!c) continue;
      const before = have[metric];
      // Two summaries of one file cannot tell which items each covered: the larger is the best floor.
      have[metric] = before
        ? { covered: Math.max(before.covered, c.covered), total: Math.max(before.total, c.total) }
        : { ...c };
    }
    into.summaryOnly.set(path, have);
  }
  for (const metric of METRICS) if (from.measured[metric]) into.measured[metric] = true;
  into.sources.push(...from.sources);
}

/** Adds one file's coverage into another's, metric by metric (see mergeSets). */
export function mergeFiles(into: FileCoverage, from: FileCoverage): void {
  into.lines.addAll(from.lines);
  mergeBranches(into, from);
  into.functions.addAll(from.functions);
  into.statements.addAll(from.statements);
}

/**
 * Arms known one by one sum by position. Arms known only as a count per line ("1 of 2") have no
 * identity: they never add up with another report's arms of that line. The line keeps the arms with
 * identity (or the first report's), and at least as many of them count as covered as the counting
 * report says (marked in order; only the number is known).
 */
function mergeBranches(into: FileCoverage, from: FileCoverage): void {
  if (from.branches.size === 0) return;
  if (into.branches.size === 0) {
    into.branches = from.branches;
    into.branchesCounted = from.branchesCounted;
    return;
  }
  if (!into.branchesCounted && !from.branchesCounted) {
    into.branches.addAll(from.branches);
    return;
  }
  const mine = armsByLine(into.branches);
  const theirs = armsByLine(from.branches);
  // The side whose arms have identity leads; with none, the first report does.
  const [lead, other] = into.branchesCounted && !from.branchesCounted ? [theirs, mine] : [mine, theirs];
  const out = new HitTable();
  const lines = [...new Set([...lead.keys(), ...other.keys()])].sort((a, b) => a - b);
  for (const line of lines) {
    const a = lead.get(line) ?? [];
    const b = other.get(line) ?? [];
    const arms = a.length >= b.length ? [...a] : [...a, ...b.slice(a.length).map(() => 0)];
    const want = b.filter((h) => h > 0).length;
    let have = arms.filter((h) => h > 0).length;
    for (let k = 0; k < arms.length && have < want; k++) {
      if (arms[k] === 0) {
        arms[k] = 1;
        have++;
      }
    }
    arms.forEach((hits, k) => out.appendNew(`${line}:${k}`, line, hits));
  }
  into.branches = out;
  into.branchesCounted = into.branchesCounted && from.branchesCounted;
}

function armsByLine(table: HitTable): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [, hit] of table) {
    const arms = out.get(hit.line);
    if (arms) arms.push(hit.hits);
    else out.set(hit.line, [hit.hits]);
  }
  return out;
}

/** A metric's counter for one file: its items when it has any, else its summary (or nothing). */
export function counterOf(
  items: Counter,
  summary: Partial<Record<Metric, Counter>> | undefined,
  metric: Metric,
): Counter | undefined {
  if (items.total > 0) return items;
  return summary?.[metric];
}
