import { filesCounters, TotalsSum } from './coverage/totals.js';
import { type Counter, type CoverageSet, type Metric, type MetricValue, type Totals } from './model.js';

export type FileMetrics = Record<Metric, MetricValue | null>;

export interface FileSummary extends FileMetrics {
  /** Repository-relative. */
  path: string;
}

export interface CoverageSummary {
  totals: Totals;
  /** Sorted by path. */
  files: FileSummary[];
}

/** Percentage rounded to 2 decimals; 100 when there is nothing to cover. */
export function pct(c: Counter): number {
  return c.total === 0 ? 100 : Math.round((c.covered / c.total) * 10_000) / 100;
}

export function metricValue(c: Counter): MetricValue {
  return { covered: c.covered, total: c.total, pct: pct(c) };
}

/** Whether `c` reaches `requiredPct`, on the exact ratio (a rounded 80.00 from 79.996 does not pass 80). */
export function meets(c: Counter, requiredPct: number): boolean {
  return c.total === 0 || c.covered * 100 >= requiredPct * c.total;
}

/**
 * Totals (computed by the parsers' own rules, so they match the tools' summaries) and per-file
 * metrics. A metric no input measures is null everywhere, not 0 %.
 */
export function summarize(set: CoverageSet): CoverageSummary {
  const value = (m: Metric, c: Counter | undefined): MetricValue | null =>
    set.measured[m] ? metricValue(c ?? { covered: 0, total: 0 }) : null;
  const fileSummary = (path: string, c: Partial<Record<Metric, Counter>>): FileSummary => ({
    path,
    lines: value('lines', c.lines),
    branches: value('branches', c.branches),
    functions: value('functions', c.functions),
    statements: value('statements', c.statements),
  });
  const files: FileSummary[] = [];
  // Each file's counters are counted once, for its row and for the totals (as totals() sums them).
  const sum = new TotalsSum();
  for (const [p, counters] of filesCounters(set)) {
    sum.add(counters);
    files.push(fileSummary(p, counters));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { totals: sum.totals(set.measured), files };
}

/** Sum of several files' counters for one metric (for per-path thresholds); null when unmeasured. */
export function sumFiles(files: readonly FileSummary[], metric: Metric): MetricValue | null {
  let covered = 0;
  let total = 0;
  let any = false;
  for (const f of files) {
    const v = f[metric];
    if (v) {
      any = true;
      covered += v.covered;
      total += v.total;
    }
  }
  return any ? metricValue({ covered, total }) : null;
}
