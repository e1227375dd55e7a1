import type { HitTable } from '../hit-table.js';
import type { Counter, CoverageSet, FileCoverage, Metric, MetricValue, Totals } from '../model.js';
import { METRICS } from '../model.js';
import { counterOf } from './coverage-set.js';

/** Percentage rounded to 2 decimals; an empty metric (nothing to cover) is 100 %. */
export function percent(covered: number, total: number): number {
  return total === 0 ? 100 : Math.round((covered / total) * 10_000) / 100;
}

function value(counter: Counter): MetricValue {
  return { ...counter, pct: percent(counter.covered, counter.total) };
}

function countHits(table: HitTable): Counter {
  return { covered: table.covered(), total: table.total() };
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
 * One file's counter of each metric: its items where it has some, else what a summary-only report
 * (coverage-summary.json, a clover file's `<metrics>`) says for it.
 */
export function fileCountersWithSummary(
  file: FileCoverage | undefined,
  summary: Partial<Record<Metric, Counter>> | undefined,
): Partial<Record<Metric, Counter>> {
  const items = file ? fileCounters(file) : undefined;
  const out: Partial<Record<Metric, Counter>> = {};
  for (const metric of METRICS) {
    const c = counterOf(items?.[metric] ?? { covered: 0, total: 0 }, summary, metric);
    if (c) out[metric] = c;
  }
  return out;
}

/**
 * Each file's counters (its items where it has some, else its summary: fileCountersWithSummary), the
 * set's files first, then the files only a summary names.
 */
export function* filesCounters(set: CoverageSet): Generator<[string, Partial<Record<Metric, Counter>>]> {
  for (const [path, file] of set.files) yield [path, fileCountersWithSummary(file, set.summaryOnly.get(path))];
  for (const [path, counters] of set.summaryOnly) if (!set.files.has(path)) yield [path, counters];
}

/** Sums files' counters into the set's totals. A metric no input format measures is null (never 0 %). */
export class TotalsSum {
  private readonly sum: Record<Metric, Counter> = {
    lines: { covered: 0, total: 0 },
    branches: { covered: 0, total: 0 },
    functions: { covered: 0, total: 0 },
    statements: { covered: 0, total: 0 },
  };

  add(counters: Partial<Record<Metric, Counter>>): void {
    for (const metric of METRICS) {
      const c = counters[metric];
      if (!c) continue;
      this.sum[metric].covered += c.covered;
      this.sum[metric].total += c.total;
    }
  }

  totals(measured: Record<Metric, boolean>): Totals {
    const out = {} as Totals;
    for (const metric of METRICS) out[metric] = measured[metric] ? value(this.sum[metric]) : null;
    return out;
  }
}

/** Totals over the set. A metric no input format measures is null (never 0 %). */
export function totals(set: CoverageSet): Totals {
  const sum = new TotalsSum();
  for (const [, counters] of filesCounters(set)) sum.add(counters);
  return sum.totals(set.measured);
}
