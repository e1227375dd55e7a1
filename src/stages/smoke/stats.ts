import type { LatencyStats } from './report-schema.js';

/**
 * Latency statistics over a run's samples. Percentiles are exact (no histogram buckets) and use the
 * same method as k6's trend metrics, so a budget moved from a k6 script means the same thing here:
 * sort the samples, take rank i = p/100 × (n − 1), and interpolate linearly between the samples at
 * floor(i) and ceil(i) (Hyndman & Fan type 7, also numpy's default).
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (n === 1) return sorted[0];
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const below = sorted[lo];
  const above = sorted[hi];
  return below + (above - below) * (rank - lo);
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Milliseconds to a tenth, so reports stay readable without hiding sub-millisecond differences. */
export function roundMs(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export function latencyStats(values: readonly number[]): LatencyStats {
  const sorted = sortedCopy(values);
  return {
    p50: roundMs(percentile(sorted, 50)),
    p95: roundMs(percentile(sorted, 95)),
    max: roundMs(sorted.length > 0 ? sorted[sorted.length - 1] : null),
  };
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
