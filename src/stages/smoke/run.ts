import type { StageContext } from '../../core/context.js';
import type { StageOutcome } from '../../core/outcome.js';
import { userCommandEnv } from '../../core/user-command-env.js';
import { StepDeadline } from './deadline.js';
import { judge, type Probed, type SmokeFindings } from './findings.js';
import { HttpClient } from './http-client.js';
import { runOnFailure } from './on-failure.js';
import type { SmokeOptions } from './options.js';
import { buildSmokeOutcome } from './outcome.js';
import type { OnFailureResult, TlsResult } from './report-schema.js';
import { runChecks, type CheckRun } from './run-checks.js';
import { probeTls } from './tls-probe.js';
import { waitUntilHealthy } from './wait.js';

/** Longest pause between wait-for attempts: long enough to back off, short enough to notice a deploy soon. */
const MAX_BACKOFF_MS = 30_000;

/** The https origins the checks reach: each gets one certificate probe. */
function httpsOrigins(options: SmokeOptions): URL[] {
  const https = options.checks.filter((c) => c.url.protocol === 'https:').map((c) => [c.url.origin, c.url] as const);
  return [...new Map(https).values()];
}

function probeCertificates(options: SmokeOptions, deadline: StepDeadline, ctx: StageContext): Promise<TlsResult[]> {
  if (options.tlsMinDays === undefined) return Promise.resolve([]);
  const origins = httpsOrigins(options);
  if (origins.length === 0) ctx.logger.warning('tls-min-days is set but no check uses https: nothing to verify');
  return Promise.all(
    origins.map((url) =>
      probeTls(url, {
        ...(options.ca ? { ca: options.ca } : {}),
        timeoutMs: options.requestTimeoutMs,
        signal: deadline.signal,
      }),
    ),
  );
}

/** Phase 1: everything that talks to the deployment (wait-for, checks, TLS), under the step deadline. */
async function probe(options: SmokeOptions, ctx: StageContext, startedAt: Date): Promise<Probed> {
  const deadline = new StepDeadline(startedAt.getTime(), options.timeoutMs, ctx.signal);
  const client = new HttpClient({
    concurrency: options.concurrency,
    ...(options.ca ? { ca: options.ca } : {}),
    signal: deadline.signal,
  });
  const notRun: CheckRun[] = options.checks.map((check) => ({ check, samples: [] }));
  try {
    let wait: Probed['wait'];
    if (options.waitFor) {
      const url = options.waitFor;
      wait = await waitUntilHealthy(client, {
        url,
        headers: options.headers,
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
        backoffMs: options.backoffMs,
        maxDelayMs: MAX_BACKOFF_MS,
        requestTimeoutMs: options.requestTimeoutMs,
        deadline: deadline.at,
        deadlineLabel: deadline.label,
        signal: deadline.signal,
        progress: (message) => ctx.logger.progress(message),
      });
      ctx.logger.info(
        wait.healthy
          ? `${url.href} is healthy after ${wait.attempts} attempt(s)`
          : `${url.href} did not become healthy after ${wait.attempts} attempt(s): ${wait.lastResult}`,
      );
      if (!wait.healthy) return { wait, checkRuns: notRun, skipped: true, tls: [], deadlineReached: deadline.reached };
    }
    ctx.logger.info(`Running ${options.checks.length} check(s) × ${options.samples} sample(s)`);
    const [checkRuns, tls] = await Promise.all([
      runChecks(client, options.checks, {
        samples: options.samples,
        concurrency: options.concurrency,
        requestTimeoutMs: options.requestTimeoutMs,
        maxBodyBytes: options.maxBodyBytes,
        headers: options.headers,
        securityHeaders: options.securityHeaders,
        deadline: deadline.at,
        deadlineMessage: deadline.message,
        signal: deadline.signal,
      }),
      probeCertificates(options, deadline, ctx),
    ]);
    const cut = checkRuns.some((r) => r.samples.some((s) => s.hitDeadline === true));
    return { ...(wait ? { wait } : {}), checkRuns, skipped: false, tls, deadlineReached: deadline.reached || cut };
  } finally {
    deadline.dispose();
    await client.close();
  }
}

/** Phase 3: the rollback, once, when the smoke failed (not when the run was cancelled). */
async function rollbackIfFailed(
  options: SmokeOptions,
  findings: SmokeFindings,
  ctx: StageContext,
): Promise<OnFailureResult | undefined> {
  if (!findings.failed || options.onFailure === undefined || ctx.signal.aborted) return undefined;
  ctx.logger.info(`Smoke failed: running on-failure: ${options.onFailure}`);
  const result = await runOnFailure(options.onFailure, {
    cwd: ctx.cwd,
    env: userCommandEnv(ctx.env, {
      SHIPKIT_SMOKE_FAILED_CHECKS: findings.checks
        .filter((c) => !c.passed)
        .map((c) => c.name)
        .join(','),
      SHIPKIT_SMOKE_URL: options.url?.href ?? '',
    }),
    signal: ctx.signal,
  });
  ctx.logger.info(`on-failure exited with ${result.exitCode ?? result.signal ?? 'no exit code'}`);
  return result;
}

/** Probe the deployment, judge what was seen (phase 2), roll back if it failed, and build the outcome once. */
export async function runSmoke(options: SmokeOptions, ctx: StageContext): Promise<StageOutcome> {
  const startedAt = new Date();
  const probed = await probe(options, ctx, startedAt);
  const findings = judge(options, probed, Date.now() - startedAt.getTime());
  const onFailure = await rollbackIfFailed(options, findings, ctx);
  return buildSmokeOutcome(
    { options, findings, ...(onFailure ? { onFailure } : {}), startedAt, finishedAt: new Date() },
    ctx.run,
  );
}
