import { setMaxListeners } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import type { StageOutcome } from '../../core/outcome.js';
import { parseChecks } from './checks-file.js';
import { HttpClient } from './http-client.js';
import { DEFAULT_STATUS, type SmokeCheck } from './model.js';
import { runOnFailure, type OnFailureResult } from './on-failure.js';
import type { SmokeOptions } from './options.js';
import { buildSmokeOutcome } from './outcome.js';
import { runChecks, toRequestSamples, type CheckRun } from './run-checks.js';
import { evaluateThresholds, parseThresholds, unitOf, type Threshold, type ThresholdResult } from './thresholds.js';
import { probeTls, type TlsResult } from './tls-probe.js';
import { waitUntilHealthy, type WaitResult } from './wait.js';

/** Longest pause between wait-for attempts: long enough to back off, short enough to notice a deploy soon. */
const MAX_BACKOFF_MS = 30_000;

export interface LoadedChecks {
  checks: SmokeCheck[];
  /** The check file as the user named it; undefined for inline YAML or the default check. */
  file?: string;
}

/** `checks` is inline YAML when it spans lines or starts like a check file; otherwise a file path. */
export function loadChecks(options: SmokeOptions, cwd: string): LoadedChecks {
  const raw = options.checks;
  if (raw === undefined) {
    // No check file: the base URL itself must answer 2xx.
    const url = options.url!;
    return {
      checks: [
        {
          name: 'url',
          method: 'GET',
          url,
          headers: {},
          followRedirects: true,
          expect: { status: DEFAULT_STATUS, bodyContains: [], json: [], headers: [] },
        },
      ],
    };
  }
  if (/\n/.test(raw.trim()) || /^\s*checks\s*:/.test(raw)) return { checks: parseChecks({ text: raw }, options.url) };
  const file = raw.trim();
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) throw new UserError(`checks file '${file}' not found (looked in ${cwd})`, { input: 'checks' });
  return { checks: parseChecks({ text: readFileSync(full, 'utf8'), file }, options.url), file };
}

/** `thresholds` is inline YAML, or (one line ending in .yml/.yaml) a file holding it. */
function loadThresholds(raw: string | undefined, cwd: string): Threshold[] {
  if (raw === undefined || !/^[^\n:]+\.ya?ml$/.test(raw.trim())) return parseThresholds(raw);
  const file = raw.trim();
  const full = path.resolve(cwd, file);
  if (!existsSync(full))
    throw new UserError(`thresholds file '${file}' not found (looked in ${cwd})`, { input: 'thresholds' });
  try {
    return parseThresholds(readFileSync(full, 'utf8'));
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError(error.message.replace("input 'thresholds'", file), { ...error.location, file });
    }
    throw error;
  }
}

export interface SmokeRun {
  options: SmokeOptions;
  checksFile?: string;
  checkRuns: CheckRun[];
  /** Checks not run because wait-for never became healthy. */
  skipped: boolean;
  wait?: WaitResult;
  thresholds: ThresholdResult[];
  tls: TlsResult[];
  deadlineReached: boolean;
  onFailure?: OnFailureResult;
  startedAt: Date;
  finishedAt: Date;
}

function readCa(options: SmokeOptions, cwd: string): string[] | undefined {
  if (options.ca === undefined) return undefined;
  const full = path.resolve(cwd, options.ca);
  if (!existsSync(full)) throw new UserError(`CA file '${options.ca}' not found (looked in ${cwd})`, { input: 'ca' });
  return [readFileSync(full, 'utf8')];
}

function formatMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000}s` : `${ms} ms`;
}

export async function runSmoke(options: SmokeOptions, ctx: StageContext): Promise<StageOutcome> {
  const startedAt = new Date();
  // Everything the user wrote is validated before the first request: a typo is not a failed deploy.
  const loaded = loadChecks(options, ctx.cwd);
  const thresholds = loadThresholds(options.thresholds, ctx.cwd);
  const names = new Set(loaded.checks.map((c) => c.name));
  for (const t of thresholds) {
    if (t.check !== undefined && !names.has(t.check)) {
      throw new UserError(`input 'thresholds': ${t.metricKey} names no check (checks: ${[...names].join(', ')})`, {
        input: 'thresholds',
      });
    }
  }
  const ca = readCa(options, ctx.cwd);

  const deadline = startedAt.getTime() + options.timeoutMs;
  const controller = new AbortController();
  // Every request in flight listens on this one signal: with concurrency > 10, Node's leak warning would be noise.
  setMaxListeners(0, controller.signal);
  let deadlineReached = false;
  const deadlineMessage = `aborted at the step deadline (timeout ${formatMs(options.timeoutMs)})`;
  const timer = setTimeout(() => {
    deadlineReached = true;
    controller.abort(new Error(deadlineMessage));
  }, options.timeoutMs);
  const onCancel = (): void => controller.abort(new Error('cancelled'));
  ctx.signal.addEventListener('abort', onCancel, { once: true });
  const client = new HttpClient({ concurrency: options.concurrency, ...(ca ? { ca } : {}) });

  let wait: WaitResult | undefined;
  let checkRuns: CheckRun[] = loaded.checks.map((check) => ({ check, samples: [] }));
  let tls: TlsResult[] = [];
  let skipped = false;
  try {
    if (options.waitFor !== undefined) {
      const url = new URL(options.waitFor, options.url);
      wait = await ctx.logger.group(`Waiting for ${url.href}`, () =>
        waitUntilHealthy(client, {
          url,
          headers: options.headers,
          ...(options.retries !== undefined ? { retries: options.retries } : {}),
          backoffMs: options.backoffMs,
          maxDelayMs: MAX_BACKOFF_MS,
          requestTimeoutMs: options.requestTimeoutMs,
          deadline,
          signal: controller.signal,
        }),
      );
      ctx.logger.info(
        wait.healthy
          ? `${url.href} is healthy after ${wait.attempts} attempt(s)`
          : `${url.href} did not become healthy after ${wait.attempts} attempt(s): ${wait.lastResult}`,
      );
    }
    if (wait && !wait.healthy) {
      skipped = true;
    } else {
      const httpsOrigins = [
        ...new Map(loaded.checks.filter((c) => c.url.protocol === 'https:').map((c) => [c.url.origin, c.url])).values(),
      ];
      const tlsProbe =
        options.tlsMinDays !== undefined
          ? Promise.all(
              httpsOrigins.map((url) =>
                probeTls(url, {
                  ...(ca ? { ca } : {}),
                  timeoutMs: options.requestTimeoutMs,
                  signal: controller.signal,
                }),
              ),
            )
          : Promise.resolve([]);
      const [runs, probed] = await Promise.all([
        ctx.logger.group(`Running ${loaded.checks.length} check(s) × ${options.samples} sample(s)`, () =>
          runChecks(client, loaded.checks, {
            samples: options.samples,
            concurrency: options.concurrency,
            requestTimeoutMs: options.requestTimeoutMs,
            maxBodyBytes: options.maxBodyBytes,
            headers: options.headers,
            securityHeaders: options.securityHeaders,
            deadline,
            deadlineMessage,
            signal: controller.signal,
          }),
        ),
        tlsProbe,
      ]);
      checkRuns = runs;
      tls = probed;
      if (options.tlsMinDays !== undefined && httpsOrigins.length === 0) {
        ctx.logger.warning('tls-min-days is set but no check uses https: nothing to verify');
      }
    }
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onCancel);
    client.close();
  }

  deadlineReached ||= checkRuns.some((r) => r.samples.some((s) => s.hitDeadline === true));
  const thresholdResults: ThresholdResult[] = skipped
    ? thresholds.map((t) => ({
        metric: t.metricKey,
        expression: t.expression,
        passed: false,
        actual: null,
        unit: unitOf(t.metric),
        detail: 'not measured: checks did not run',
      }))
    : evaluateThresholds(thresholds, toRequestSamples(checkRuns));
  const smokeRun: SmokeRun = {
    options,
    ...(loaded.file !== undefined ? { checksFile: loaded.file } : {}),
    checkRuns,
    skipped,
    ...(wait ? { wait } : {}),
    thresholds: thresholdResults,
    tls,
    deadlineReached,
    startedAt,
    finishedAt: new Date(),
  };
  let outcome = buildSmokeOutcome(smokeRun, ctx);
  if (outcome.report.status === 'fail' && options.onFailure !== undefined && !ctx.signal.aborted) {
    const failed = (outcome.report.checks as { name: string; passed: boolean }[])
      .filter((c) => !c.passed)
      .map((c) => c.name);
    ctx.logger.info(`Smoke failed: running on-failure: ${options.onFailure}`);
    smokeRun.onFailure = await runOnFailure(options.onFailure, {
      cwd: ctx.cwd,
      env: { ...ctx.env, SHIPKIT_SMOKE_FAILED_CHECKS: failed.join(','), SHIPKIT_SMOKE_URL: options.url?.href ?? '' },
      signal: ctx.signal,
    });
    ctx.logger.info(
      `on-failure exited with ${smokeRun.onFailure.exitCode ?? smokeRun.onFailure.signal ?? 'no exit code'}`,
    );
    smokeRun.finishedAt = new Date();
    outcome = buildSmokeOutcome(smokeRun, ctx);
  }
  return outcome;
}
