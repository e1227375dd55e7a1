import type { Annotation, StageOutcome } from '../../core/outcome.js';
import { statusOf } from '../../core/report/build.js';
import { REPORT_SCHEMA_VERSION, type RunInfo } from '../../core/report/types.js';
import type { SmokeFindings } from './findings.js';
import { smokeComment, smokeSummary } from './markdown.js';
import type { SmokeOptions } from './options.js';
import type { OnFailureResult, SmokeReport } from './report-schema.js';

export interface SmokeRun {
  options: SmokeOptions;
  findings: SmokeFindings;
  onFailure?: OnFailureResult;
  startedAt: Date;
  finishedAt: Date;
}

function smokeReport(r: SmokeRun, run: RunInfo): SmokeReport {
  const { findings, onFailure } = r;
  const warnings =
    onFailure && onFailure.exitCode !== 0
      ? [`on-failure command exited with ${onFailure.exitCode ?? onFailure.signal ?? 'an error'}`]
      : [];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stage: 'smoke',
    status: statusOf(findings.gates, warnings),
    summary: findings.headline,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    durationMs: Math.max(0, r.finishedAt.getTime() - r.startedAt.getTime()),
    run,
    gates: findings.gates,
    warnings,
    url: r.options.url?.href ?? null,
    p50: findings.p50,
    p95: findings.p95,
    checks: findings.checks,
    thresholds: findings.thresholds,
    ...(findings.wait ? { wait: findings.wait } : {}),
    tls: findings.tls,
    ...(onFailure ? { onFailure } : {}),
  };
}

function annotations(r: SmokeRun): Annotation[] {
  const file = r.options.checksFile;
  return r.findings.checks
    .filter((c) => !c.passed)
    .map((c) => ({
      level: 'error',
      title: `smoke check '${c.name}' failed`,
      message: c.reason,
      ...(file !== undefined && c.line !== undefined ? { file, startLine: c.line } : {}),
    }));
}

const ms = (value: number | null): string => (value === null ? '–' : `${value} ms`);

function terminalText(r: SmokeRun): string {
  const { findings, onFailure } = r;
  const wait = findings.wait;
  return [
    ...(wait
      ? [`${wait.healthy ? '✔' : '✘'} wait-for ${wait.url}: ${wait.attempts} attempt(s), last ${wait.lastResult}`]
      : []),
    ...findings.checks.map(
      (c) =>
        `${c.passed ? '✔' : '✘'} ${c.name}  ${c.status ?? '---'}  p50 ${ms(c.latency.p50)}  p95 ${ms(c.latency.p95)}  max ${ms(c.latency.max)}${c.passed ? '' : `  ${c.reason}`}`,
    ),
    ...(onFailure
      ? [
          `on-failure: ${onFailure.command} → exit ${onFailure.exitCode ?? onFailure.signal ?? 'error'}`,
          onFailure.output.trimEnd(),
        ]
      : []),
  ].join('\n');
}

/** Report, outputs, summary, comment section, annotations and terminal text of a finished run, built once. */
export function buildSmokeOutcome(r: SmokeRun, run: RunInfo): StageOutcome {
  const report = smokeReport(r, run);
  const passed = report.status !== 'fail';
  return {
    report,
    outputs: {
      passed,
      'failed-checks': r.findings.checks
        .filter((c) => !c.passed)
        .map((c) => c.name)
        .join(','),
      p95: r.findings.p95,
    },
    summary: smokeSummary(r.findings, report.status, r.onFailure),
    comment: smokeComment(r.findings, r.onFailure),
    annotations: annotations(r),
    text: terminalText(r),
  };
}
