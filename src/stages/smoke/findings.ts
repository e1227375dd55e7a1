import type { Gate } from '../../core/report/types.js';
import type { SmokeOptions } from './options.js';
import type { CheckReport, ThresholdResult, TlsResult, WaitResult } from './report-schema.js';
import { toRequestSamples, type CheckRun } from './run-checks.js';
import { latencyStats, percentile, roundMs, sortedCopy } from './stats.js';
import { evaluateThresholds, unitOf } from './thresholds.js';

/** What the probe phase saw of the deployment. */
export interface Probed {
  wait?: WaitResult;
  checkRuns: CheckRun[];
  /** Checks not run because wait-for never became healthy. */
  skipped: boolean;
  tls: TlsResult[];
  deadlineReached: boolean;
}

/** The verdict on what was seen: per check, per threshold, per gate. Built once, before any rollback. */
export interface SmokeFindings {
  checks: CheckReport[];
  thresholds: ThresholdResult[];
  gates: Gate[];
  failed: boolean;
  /** Over every sample that answered, in ms (to a tenth). */
  p50: number | null;
  p95: number | null;
  wait?: WaitResult;
  tls: TlsResult[];
  skipped: boolean;
  /** One line for people: the report's summary and the comment's headline. */
  headline: string;
}

function checkReport(run: CheckRun, skipped: boolean): CheckReport {
  const { check, samples } = run;
  const failing = samples.filter((s) => s.problems.length > 0);
  const shown = failing[0] ?? samples[samples.length - 1];
  const latencies = samples.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]));
  let reason: string;
  if (skipped) reason = 'not run: wait-for never became healthy';
  else if (samples.length === 0) reason = 'not run: the step deadline (timeout) was reached';
  else if (failing.length === 0) reason = `met every expectation in ${samples.length} sample(s)`;
  else
    reason = `${shown.problems.join('; ')}${samples.length > 1 ? ` (${failing.length} of ${samples.length} samples failed)` : ''}`;
  return {
    name: check.name,
    method: check.method,
    url: check.url.href,
    passed: !skipped && samples.length > 0 && failing.length === 0,
    status: shown?.status ?? null,
    latency: latencyStats(latencies),
    reason,
    samples: samples.length,
    failedSamples: skipped ? 0 : failing.length,
    securityIssues: [...new Set(samples.flatMap((s) => s.securityIssues))],
    ...(check.line !== undefined ? { line: check.line } : {}),
  };
}

function thresholdResults(options: SmokeOptions, probed: Probed): ThresholdResult[] {
  if (!probed.skipped) return evaluateThresholds(options.thresholds, toRequestSamples(probed.checkRuns));
  return options.thresholds.map((t) => ({
    metric: t.metricKey,
    expression: t.expression,
    passed: false,
    actual: null,
    unit: unitOf(t.metric),
    detail: 'not measured: checks did not run',
  }));
}

function waitGate(wait: WaitResult): Gate {
  return {
    name: 'wait-for',
    passed: wait.healthy,
    required: 'healthy',
    actual: wait.healthy ? 'healthy' : 'unhealthy',
    detail: `${wait.url}: ${wait.attempts} attempt(s) in ${wait.durationMs} ms, last: ${wait.lastResult}`,
  };
}

function checksGate(checks: readonly CheckReport[]): Gate {
  const failed = checks.filter((c) => !c.passed);
  return {
    name: 'checks',
    passed: failed.length === 0,
    required: checks.length,
    actual: checks.length - failed.length,
    unit: ' passing',
    ...(failed.length > 0 ? { detail: `failed: ${failed.map((c) => c.name).join(', ')}` } : {}),
  };
}

function thresholdGate(t: ThresholdResult): Gate {
  return {
    name: `${t.metric}: ${t.expression}`,
    passed: t.passed,
    required: t.expression,
    actual: t.actual,
    unit: t.unit === 'ms' ? ' ms' : '',
    ...(t.detail ? { detail: t.detail } : {}),
  };
}

function securityGate(checks: readonly CheckReport[], skipped: boolean): Gate {
  const withIssues = checks.filter((c) => c.securityIssues.length > 0);
  return {
    name: 'security-headers',
    passed: withIssues.length === 0 && !skipped,
    required: 0,
    actual: skipped ? null : withIssues.length,
    unit: ' checks with issues',
    ...(withIssues.length > 0
      ? { detail: withIssues.map((c) => `${c.name}: ${c.securityIssues.join(', ')}`).join(' | ') }
      : {}),
  };
}

function tlsGate(t: TlsResult, minDays: number): Gate {
  return {
    name: `tls-min-days ${t.host}`,
    passed: t.daysLeft !== null && t.daysLeft >= minDays && t.chainValid,
    required: minDays,
    actual: t.daysLeft,
    unit: ' days',
    detail: [
      t.validTo ? `expires ${t.validTo}` : undefined,
      t.chainValid ? 'chain valid' : `chain invalid: ${t.error ?? 'not verified'}`,
    ]
      .filter(Boolean)
      .join(', '),
  };
}

function timeoutGate(timeoutMs: number, elapsedMs: number): Gate {
  return {
    name: 'timeout',
    passed: false,
    required: timeoutMs,
    actual: elapsedMs,
    unit: ' ms',
    detail: 'the step deadline was reached before every check finished',
  };
}

/** Every gate, in the order a reader meets them: waiting, checks, budgets, headers, certificates, the deadline. */
function smokeGates(
  options: SmokeOptions,
  probed: Probed,
  checks: readonly CheckReport[],
  thresholds: readonly ThresholdResult[],
  elapsedMs: number,
): Gate[] {
  return [
    ...(probed.wait ? [waitGate(probed.wait)] : []),
    checksGate(checks),
    ...thresholds.map(thresholdGate),
    ...(options.securityHeaders ? [securityGate(checks, probed.skipped)] : []),
    ...(options.tlsMinDays !== undefined ? probed.tls.map((t) => tlsGate(t, options.tlsMinDays!)) : []),
    ...(probed.deadlineReached ? [timeoutGate(options.timeoutMs, elapsedMs)] : []),
  ];
}

function headlineOf(
  options: SmokeOptions,
  probed: Probed,
  checks: readonly CheckReport[],
  gates: readonly Gate[],
  p95: number | null,
): string {
  const failedChecks = checks.filter((c) => !c.passed);
  const target = options.url?.href ?? checks[0]?.url ?? '';
  if (gates.every((g) => g.passed))
    return `${checks.length}/${checks.length} checks passed against ${target}${p95 !== null ? `, p95 ${p95} ms` : ''}`;
  if (probed.skipped)
    return `${probed.wait?.url ?? target} never became healthy (${probed.wait?.lastResult ?? 'no answer'}): checks not run`;
  const otherGates = gates.filter((g) => !g.passed && g.name !== 'checks').map((g) => g.name);
  return `${failedChecks.length} of ${checks.length} checks failed${otherGates.length > 0 ? `; failed gates: ${otherGates.join(', ')}` : ''}`;
}

/** Phase 2 of a run: from what was seen to the verdict. */
export function judge(options: SmokeOptions, probed: Probed, elapsedMs: number): SmokeFindings {
  const checks = probed.checkRuns.map((r) => checkReport(r, probed.skipped));
  const thresholds = thresholdResults(options, probed);
  const gates = smokeGates(options, probed, checks, thresholds, elapsedMs);
  const latencies = sortedCopy(
    probed.checkRuns.flatMap((r) => r.samples.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]))),
  );
  const p95 = roundMs(percentile(latencies, 95));
  return {
    checks,
    thresholds,
    gates,
    failed: gates.some((g) => !g.passed),
    p50: roundMs(percentile(latencies, 50)),
    p95,
    ...(probed.wait ? { wait: probed.wait } : {}),
    tls: probed.tls,
    skipped: probed.skipped,
    headline: headlineOf(options, probed, checks, gates, p95),
  };
}
