import type { HitTable } from '../hit-table.js';
import type { Counter, CoverageSet, FileCoverage, Metric, MetricValue, Totals } from '../model.js';
import { METRICS } from '../model.js';

/** Percentage rounded to 2 decimals; an empty metric (nothing to cover) is 100 %. */
export function percent(covered: number, total: number): number {
  return total === 0 ? 100 : Math.round((covered / total) * 10_000) / 100;
}

function value(counter: Counter): MetricValue {
  return { ...counter, pct: percent(counter.covered, counter.total) };
}

function countHits(table: HitTable): Counter {
  return { covered: table.covered(), total: table.size };
}

/** Item-level counters of one file, for every metric. */
export function fileCounters(file: FileCoverage): Record<Metric, Counter> {
  return {
    lines: { covered: file.lines.covered(), total: file.lines.size },
    branches: countHits(file.branches),
    functions: countHits(file.functions),
    statements: countHits(file.statements),
  };
}

/** One file's totals; metrics the file has no items for are null. */
export function fileTotals(file: FileCoverage): Totals {
  const counters = fileCounters(file);
  const out = {} as Totals;
  for (const metric of METRICS) out[metric] = counters[metric].total > 0 ? value(counters[metric]) : null;
  return out;
}

/**
 * Totals over the set. A metric no input format measures is null (never 0 %). Files known only by
 * their summary (coverage-summary.json) add their counters unless the same file also has item data.
 */
export function totals(set: CoverageSet): Totals {
  const sum: Record<Metric, Counter> = {
    lines: { covered: 0, total: 0 },
    branches: { covered: 0, total: 0 },
    functions: { covered: 0, total: 0 },
    statements: { covered: 0, total: 0 },
  };
  for (const file of set.files.values()) {
    const counters = fileCounters(file);
    for (const metric of METRICS) {
      sum[metric].covered += counters[metric].covered;
      sum[metric].total += counters[metric].total;
    }
  }
  for (const [path, counters] of set.summaryOnly) {
    if (set.files.has(path)) continue;
    for (const metric of METRICS) {
      const counter = counters[metric];
      if (!counter) continue;
      sum[metric].covered += counter.covered;
      sum[metric].total += counter.total;
    }
  }
  const out = {} as Totals;
  for (const metric of METRICS) out[metric] = set.measured[metric] ? value(sum[metric]) : null;
  return out;
}
