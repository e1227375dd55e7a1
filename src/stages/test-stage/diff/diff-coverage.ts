import type { CoverageSet } from '../model.js';
import { pct } from '../summarize.js';
import type { ChangedLines } from './hunks.js';

export interface LineRange {
  start: number;
  end: number;
}

export interface DiffFile {
  path: string;
  covered: number;
  total: number;
  pct: number;
  /** Changed executable lines that never ran, as ranges (a range may span non-executable lines). */
  uncovered: LineRange[];
}

export interface DiffCoverage {
  covered: number;
  total: number;
  pct: number;
  /** Changed files that have executable changed lines, worst first. */
  files: DiffFile[];
}

/**
 * Coverage of the changed lines that are executable (known to the coverage report). Changed
 * files the report does not know (docs, config) have no executable lines and do not count.
 */
export function diffCoverage(set: CoverageSet, changed: ChangedLines): DiffCoverage {
  const files: DiffFile[] = [];
  let covered = 0;
  let total = 0;
  for (const [p, lines] of changed) {
    const file = set.files.get(p);
    if (!file) continue;
    const executable = [...lines].filter((l) => file.lines.has(l)).sort((a, b) => a - b);
    if (executable.length === 0) continue;
    const missed = executable.filter((l) => (file.lines.get(l) ?? 0) === 0);
    const c = executable.length - missed.length;
    covered += c;
    total += executable.length;
    files.push({
      path: p,
      covered: c,
      total: executable.length,
      pct: pct({ covered: c, total: executable.length }),
      uncovered: toRanges(missed, file.lines),
    });
  }
  files.sort((a, b) => a.pct - b.pct || (a.path < b.path ? -1 : 1));
  return { covered, total, pct: pct({ covered, total }), files };
}

/** Groups sorted lines into ranges; a gap of non-executable lines (blanks, comments) does not split a range. */
export function toRanges(sorted: readonly number[], executable: { has(line: number): boolean }): LineRange[] {
  const out: LineRange[] = [];
  for (const line of sorted) {
    const last = out.at(-1);
    if (last) {
      let contiguous = true;
      for (let l = last.end + 1; l < line; l++) {
        if (executable.has(l)) {
          contiguous = false;
          break;
        }
      }
      if (contiguous) {
        last.end = line;
        continue;
      }
    }
    out.push({ start: line, end: line });
  }
  return out;
}

export function formatRanges(ranges: readonly LineRange[], max = Infinity): string {
  const shown = ranges.slice(0, max).map((r) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`));
  if (ranges.length > max) shown.push(`… ${ranges.length - max} more`);
  return shown.join(', ');
}
