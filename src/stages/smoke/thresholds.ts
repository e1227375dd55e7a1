import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { UserError } from '../../core/errors.js';
import type { ThresholdResult } from './report-schema.js';
import { mean, percentile, sortedCopy } from './stats.js';

/**
 * Thresholds in k6's syntax, so budgets move between k6 scripts and this action unchanged:
 *   http_req_duration: ['p(95)<200', 'avg<100']
 *   http_req_failed: ['rate<0.01']
 *   http_req_duration{check:login}: ['p(99)<500']
 */
export type Metric = 'http_req_duration' | 'http_req_failed' | 'http_reqs' | 'checks';
type Operator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

export interface Threshold {
  /** As written, e.g. `http_req_duration{check:login}`. */
  metricKey: string;
  metric: Metric;
  check?: string;
  expression: string;
  aggregation: string;
  percentile?: number;
  operator: Operator;
  value: number;
}

const AGGREGATIONS: Record<Metric, RegExp> = {
  // k6's trend metric: avg, min, max, med, p(N).
  http_req_duration: /^(avg|min|max|med|p\(\d+(?:\.\d+)?\))$/,
  // k6's rate metric.
  http_req_failed: /^rate$/,
  http_reqs: /^count$/,
  checks: /^rate$/,
};

const EXPRESSION =
  /^\s*(avg|min|max|med|count|rate|p\((\d+(?:\.\d+)?)\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;
const METRIC_KEY = /^([a-z_]+)(?:\{check:([^{},:]+)\})?$/;

function parseExpression(metricKey: string, text: string, fail: (message: string) => never): Threshold {
  const key = METRIC_KEY.exec(metricKey.trim());
  if (!key || !(key[1] in AGGREGATIONS)) {
    return fail(
      `'${metricKey}' is not a supported metric: use http_req_duration, http_req_failed, http_reqs or checks, optionally tagged {check:NAME}`,
    );
  }
  const metric = key[1] as Metric;
  const m = EXPRESSION.exec(text);
  if (!m) return fail(`'${text}' is not a threshold expression such as p(95)<200, avg<100 or rate<0.01`);
  const aggregation = m[1];
  if (!AGGREGATIONS[metric].test(aggregation)) {
    return fail(
      `'${aggregation}' does not apply to ${metric} (${metric === 'http_req_duration' ? 'avg, min, max, med, p(N)' : AGGREGATIONS[metric].source.replace(/[\^$]/g, '')})`,
    );
  }
  const pct = m[2] !== undefined ? Number(m[2]) : undefined;
  if (pct !== undefined && (pct < 0 || pct > 100))
    return fail(`'${aggregation}': the percentile must be from 0 to 100`);
  return {
    metricKey: metricKey.trim(),
    metric,
    ...(key[2] !== undefined ? { check: key[2].trim() } : {}),
    expression: text.replace(/\s+/g, ''),
    aggregation,
    ...(pct !== undefined ? { percentile: pct } : {}),
    operator: m[3] as Operator,
    value: Number(m[4]),
  };
}

/** Parses the `thresholds` input (a YAML mapping). Errors name the input and the line within it. */
export function parseThresholds(text: string | undefined): Threshold[] {
  if (text === undefined || text.trim() === '') return [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const failAt =
    (offset: number | undefined) =>
    (message: string): never => {
      const line = offset === undefined ? undefined : lines.linePos(offset).line;
      throw new UserError(`input 'thresholds'${line !== undefined ? ` line ${line}` : ''}: ${message}`, {
        input: 'thresholds',
        ...(line !== undefined ? { line } : {}),
      });
    };
  if (doc.errors[0]) failAt(doc.errors[0].pos[0])(`not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (!isMap(doc.contents)) return failAt(0)("must be a mapping such as http_req_duration: ['p(95)<200']");
  const out: Threshold[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const offset = isScalar(keyNode) ? keyNode.range?.[0] : undefined;
    const metricKey = isScalar(keyNode) ? String(keyNode.value) : '';
    const values = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const item of values) {
      if (!isScalar(item) || typeof item.value !== 'string') {
        return failAt(offset)(`${metricKey}: each threshold must be a string such as 'p(95)<200'`);
      }
      out.push(parseExpression(metricKey, item.value, failAt(item.range?.[0] ?? offset)));
    }
  }
  return out;
}

/** One HTTP request as metrics see it. */
export interface RequestSample {
  check: string;
  /** Null when no response arrived (refused, reset, timed out). */
  durationMs: number | null;
  /** k6's http_req_failed: no response, or a status the check does not expect. */
  failed: boolean;
  /** Whether this sample met all of its check's expectations. */
  passed: boolean;
}

export function unitOf(metric: Metric): string {
  return metric === 'http_req_duration' ? 'ms' : metric === 'http_reqs' ? 'count' : 'rate';
}

function aggregate(threshold: Threshold, samples: readonly RequestSample[]): number | null {
  switch (threshold.metric) {
    case 'http_req_duration': {
      const sorted = sortedCopy(samples.flatMap((s) => (s.durationMs === null ? [] : [s.durationMs])));
      if (sorted.length === 0) return null;
      switch (threshold.aggregation) {
        case 'avg':
          return mean(sorted);
        case 'min':
          return sorted[0];
        case 'max':
          return sorted[sorted.length - 1];
        case 'med':
          return percentile(sorted, 50);
        default:
          return percentile(sorted, threshold.percentile!);
      }
    }
    case 'http_req_failed':
      return samples.length === 0 ? null : samples.filter((s) => s.failed).length / samples.length;
    case 'checks':
      return samples.length === 0 ? null : samples.filter((s) => s.passed).length / samples.length;
    case 'http_reqs':
      return samples.length;
  }
}

function compare(actual: number, operator: Operator, value: number): boolean {
  switch (operator) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
    case '===':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}

export function evaluateThresholds(
  thresholds: readonly Threshold[],
  samples: readonly RequestSample[],
): ThresholdResult[] {
  return thresholds.map((t) => {
    const selected = t.check === undefined ? samples : samples.filter((s) => s.check === t.check);
    const raw = aggregate(t, selected);
    const unit = unitOf(t.metric);
    // Durations to a tenth of a millisecond (as the check latencies); rates keep four decimals.
    const scale = unit === 'ms' ? 10 : 10_000;
    const actual = raw === null ? null : Math.round(raw * scale) / scale;
    const passed = raw !== null && compare(raw, t.operator, t.value);
    return {
      metric: t.metricKey,
      expression: t.expression,
      passed,
      actual,
      unit,
      ...(raw === null ? { detail: 'no samples to measure (fails closed)' } : {}),
    };
  });
}
