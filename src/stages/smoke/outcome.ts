import type { StageContext } from '../../core/context.js';
import type { Annotation, StageOutcome, SummarySection } from '../../core/outcome.js';
import { buildReport } from '../../core/report/build.js';
import type { Gate } from '../../core/report/types.js';
import type { SmokeRun } from './run.js';
import type { CheckRun } from './run-checks.js';
import { latencyStats, percentile, roundMs, sortedCopy, type LatencyStats } from './stats.js';

/** One check in the JSON report (report-schema.ts). */
export interface CheckReport {
  name: string;
  method: string;
  url: string;
  passed: boolean;
  /** Final status (after redirects) of the first failing sample, else of the last; null when none answered. */
  status: number | null;
  latency: LatencyStats;
  reason: string;
  samples: number;
  failedSamples: number;
  securityIssues: string[];
  line?: number;
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

const ok = (passed: boolean): string => (passed ? '✅' : '❌');
const ms = (value: number | null): string => (value === null ? '–' : `${value} ms`);
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function buildSmokeOutcome(run: SmokeRun, ctx: StageContext): StageOutcome {
  const { options } = run;
  const checks = run.checkRuns.map((r) => checkReport(r, run.skipped));
  const failedChecks = checks.filter((c) => !c.passed);
  const allLatencies = sortedCopy(
    run.checkRuns.flatMap((r) => r.samples.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]))),
  );
  const p95 = roundMs(percentile(allLatencies, 95));

  const gates: Gate[] = [];
  if (run.wait) {
    gates.push({
      name: 'wait-for',
      passed: run.wait.healthy,
      required: 'healthy',
      actual: run.wait.healthy ? 'healthy' : 'unhealthy',
      detail: `${run.wait.url}: ${run.wait.attempts} attempt(s) in ${run.wait.durationMs} ms, last: ${run.wait.lastResult}`,
    });
  }
  gates.push({
    name: 'checks',
    passed: failedChecks.length === 0,
    required: checks.length,
    actual: checks.length - failedChecks.length,
    unit: ' passing',
    ...(failedChecks.length > 0 ? { detail: `failed: ${failedChecks.map((c) => c.name).join(', ')}` } : {}),
  });
  for (const t of run.thresholds) {
    gates.push({
      name: `${t.metric}: ${t.expression}`,
      passed: t.passed,
      required: t.expression,
      actual: t.actual,
      unit: t.unit === 'ms' ? ' ms' : '',
      ...(t.detail ? { detail: t.detail } : {}),
    });
  }
  if (options.securityHeaders) {
    const withIssues = checks.filter((c) => c.securityIssues.length > 0);
    gates.push({
      name: 'security-headers',
      passed: withIssues.length === 0 && !run.skipped,
      required: 0,
      actual: run.skipped ? null : withIssues.length,
      unit: ' checks with issues',
      ...(withIssues.length > 0
        ? { detail: withIssues.map((c) => `${c.name}: ${c.securityIssues.join(', ')}`).join(' | ') }
        : {}),
    });
  }
  if (options.tlsMinDays !== undefined) {
    for (const t of run.tls) {
      gates.push({
        name: `tls-min-days ${t.host}`,
        passed: t.daysLeft !== null && t.daysLeft >= options.tlsMinDays && t.chainValid,
        required: options.tlsMinDays,
        actual: t.daysLeft,
        unit: ' days',
        detail: [
          t.validTo ? `expires ${t.validTo}` : undefined,
          t.chainValid ? 'chain valid' : `chain invalid: ${t.error ?? 'not verified'}`,
        ]
          .filter(Boolean)
          .join(', '),
      });
    }
  }
  if (run.deadlineReached) {
    gates.push({
      name: 'timeout',
      passed: false,
      required: options.timeoutMs,
      actual: run.finishedAt.getTime() - run.startedAt.getTime(),
      unit: ' ms',
      detail: 'the step deadline was reached before every check finished',
    });
  }

  const warnings: string[] = [];
  if (run.onFailure && run.onFailure.exitCode !== 0) {
    warnings.push(`on-failure command exited with ${run.onFailure.exitCode ?? run.onFailure.signal ?? 'an error'}`);
  }
  const target = options.url?.href ?? checks[0]?.url ?? '';
  const summaryLine =
    failedChecks.length === 0 && gates.every((g) => g.passed)
      ? `${checks.length}/${checks.length} checks passed against ${target}${p95 !== null ? `, p95 ${p95} ms` : ''}`
      : run.skipped
        ? `${run.wait?.url ?? target} never became healthy (${run.wait?.lastResult ?? 'no answer'}): checks not run`
        : `${failedChecks.length} of ${checks.length} checks failed${
            gates.some((g) => !g.passed && g.name !== 'checks')
              ? `; failed gates: ${gates
                  .filter((g) => !g.passed && g.name !== 'checks')
                  .map((g) => g.name)
                  .join(', ')}`
              : ''
          }`;

  const report = buildReport({
    stage: 'smoke',
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    run: ctx.run,
    gates,
    warnings,
    summary: summaryLine,
    data: {
      url: options.url?.href ?? null,
      checks,
      thresholds: run.thresholds,
      ...(run.wait ? { wait: run.wait } : {}),
      tls: run.tls,
      ...(run.onFailure ? { onFailure: run.onFailure } : {}),
      p95,
    },
  });

  const passed = report.status !== 'fail';
  const checkTable = [
    '| | Check | Status | p50 | p95 | max | Reason |',
    '|---|---|---|---|---|---|---|',
    ...checks.map(
      (c) =>
        `| ${ok(c.passed)} | ${cell(c.name)} | ${c.status ?? '–'} | ${ms(c.latency.p50)} | ${ms(c.latency.p95)} | ${ms(c.latency.max)} | ${cell(c.reason)} |`,
    ),
  ].join('\n');
  const summary: SummarySection[] = [{ markdown: `## ${ok(passed)} Smoke: ${cell(summaryLine)}`, priority: 0 }];
  const gateRows = gates.filter((g) => g.name !== 'checks');
  if (gateRows.length > 0) {
    summary.push({
      markdown: [
        '### Gates',
        '| | Gate | Required | Actual | Detail |',
        '|---|---|---|---|---|',
        ...gateRows.map(
          (g) =>
            `| ${ok(g.passed)} | ${cell(g.name)} | ${cell(String(g.required))} | ${g.actual === null ? 'n/a' : cell(`${String(g.actual)}${g.unit ?? ''}`)} | ${cell(g.detail ?? '')} |`,
        ),
      ].join('\n'),
      priority: 0,
      label: 'gates',
    });
  }
  summary.push({ markdown: `### Checks\n${checkTable}`, priority: 1, label: 'checks table' });
  if (run.onFailure) {
    summary.push({
      markdown: `### on-failure\n\`${cell(run.onFailure.command)}\` exited with ${run.onFailure.exitCode ?? run.onFailure.signal ?? 'an error'} in ${run.onFailure.durationMs} ms\n\n\`\`\`\n${run.onFailure.output.slice(-8000).trimEnd().replace(/```/g, "'''")}\n\`\`\``,
      priority: 2,
      label: 'on-failure output',
    });
  }

  const failedLines = failedChecks.slice(0, 10).map((c) => `- ❌ **${cell(c.name)}**: ${cell(c.reason)}`);
  if (failedChecks.length > 10) failedLines.push(`- … and ${failedChecks.length - 10} more`);
  const failedGateLines = gateRows
    .filter((g) => !g.passed)
    .map((g) => `- ❌ ${cell(g.name)}: ${g.actual === null ? 'n/a' : `${String(g.actual)}${g.unit ?? ''}`}`);
  const comment = [
    `${ok(passed)} **smoke**: ${cell(summaryLine)}`,
    ...failedLines,
    ...failedGateLines,
    ...(run.onFailure
      ? [`on-failure \`${cell(run.onFailure.command)}\` exited with ${run.onFailure.exitCode ?? 'an error'}`]
      : []),
  ].join('\n');

  const annotations: Annotation[] = failedChecks.map((c) => ({
    level: 'error',
    title: `smoke check '${c.name}' failed`,
    message: c.reason,
    ...(run.checksFile !== undefined && c.line !== undefined ? { file: run.checksFile, startLine: c.line } : {}),
  }));

  const text = [
    ...(run.wait
      ? [
          `${run.wait.healthy ? '✔' : '✘'} wait-for ${run.wait.url}: ${run.wait.attempts} attempt(s), last ${run.wait.lastResult}`,
        ]
      : []),
    ...checks.map(
      (c) =>
        `${c.passed ? '✔' : '✘'} ${c.name}  ${c.status ?? '---'}  p50 ${ms(c.latency.p50)}  p95 ${ms(c.latency.p95)}  max ${ms(c.latency.max)}${c.passed ? '' : `  ${c.reason}`}`,
    ),
    ...(run.onFailure
      ? [
          `on-failure: ${run.onFailure.command} → exit ${run.onFailure.exitCode ?? run.onFailure.signal ?? 'error'}`,
          run.onFailure.output.trimEnd(),
        ]
      : []),
  ].join('\n');

  return {
    report,
    outputs: { passed, 'failed-checks': failedChecks.map((c) => c.name).join(','), p95 },
    summary,
    comment,
    annotations,
    text,
  };
}
