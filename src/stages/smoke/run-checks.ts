import { headerValue, unmetExpectations } from './expectations.js';
import { RequestFailure, type HttpClient, type HttpResponse } from './http-client.js';
import { statusMatches, type SmokeCheck } from './model.js';
import { isJudgedContent, missingSecurityHeaders } from './security-headers.js';
import type { RequestSample } from './thresholds.js';

export const MAX_REDIRECTS = 10;

export interface RunChecksOptions {
  samples: number;
  concurrency: number;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  /** Headers sent with every request (the `headers` input); a check's own headers win. */
  headers: Record<string, string>;
  securityHeaders: boolean;
  deadline: number;
  /** Said of a request cut short by the deadline, e.g. `aborted at the step deadline (timeout 5m)`. */
  deadlineMessage: string;
  /** Aborted at the deadline or on cancellation. */
  signal: AbortSignal;
}

/** Whether a check reads the body at all: most only look at the status, and need not keep it. */
function needsBody(check: SmokeCheck): boolean {
  const e = check.expect;
  return e.bodyContains.length > 0 || e.bodyMatches !== undefined || e.json.length > 0;
}

export interface SampleOutcome {
  /** Final status after redirects; null when no response arrived. */
  status: number | null;
  latencyMs: number | null;
  problems: string[];
  /** http_req_failed in k6's sense: no response, or a status the check does not expect. */
  failed: boolean;
  securityIssues: string[];
  finalUrl?: string;
  /** The step deadline cut this sample short (or kept it from starting). */
  hitDeadline?: boolean;
}

export interface CheckRun {
  check: SmokeCheck;
  samples: SampleOutcome[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A sample that got no response: the request failed, or the step's deadline came first. */
function unanswered(problem: string, hitDeadline: boolean): SampleOutcome {
  return { status: null, latencyMs: null, problems: [problem], failed: true, securityIssues: [], hitDeadline };
}

/** One sample of a check: the request, its redirects (when followed), and every expectation. */
async function runSample(
  client: HttpClient,
  check: SmokeCheck,
  sent: Readonly<Record<string, string>>,
  options: RunChecksOptions,
): Promise<SampleOutcome> {
  let url = check.url;
  let method = check.method;
  let body = check.body;
  let headers = sent;
  const keepBody = needsBody(check);
  const visited = [url.href];
  let latencyMs = 0;
  let response: HttpResponse;
  for (;;) {
    if (Date.now() >= options.deadline || options.signal.aborted) {
      return unanswered(options.deadlineMessage, true);
    }
    const ownTimeout = check.timeoutMs ?? options.requestTimeoutMs;
    try {
      response = await client.request({
        url,
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        // Not clamped to the time left: the deadline aborts every request itself, and timers of one
        // duration share one list (a duration per request costs a list and a heap insert each).
        timeoutMs: ownTimeout,
        maxBodyBytes: options.maxBodyBytes,
        keepBody,
      });
    } catch (error) {
      if (!(error instanceof RequestFailure)) throw error;
      // Cut by the deadline (or by a request timeout that would have ended past it): the deadline's doing.
      const byDeadline =
        error.code === 'ABORTED' ? error.message === options.deadlineMessage : Date.now() >= options.deadline;
      return unanswered(byDeadline ? options.deadlineMessage : error.message, byDeadline);
    }
    latencyMs += response.latencyMs;
    if (!check.followRedirects || !REDIRECTS.has(response.status)) break;
    const location = headerValue(response, 'location');
    if (location === undefined) break;
    const next = new URL(location, url);
    if (visited.includes(next.href)) {
      const loop = [...visited.slice(visited.indexOf(next.href)), next.href]
        .map((u) => new URL(u).pathname)
        .join(' → ');
      return {
        status: response.status,
        latencyMs,
        problems: [`redirect loop: ${loop}`],
        failed: true,
        securityIssues: [],
      };
    }
    if (visited.length > MAX_REDIRECTS) {
      return {
        status: response.status,
        latencyMs,
        problems: [`more than ${MAX_REDIRECTS} redirects (last to ${next.href})`],
        failed: true,
        securityIssues: [],
      };
    }
    // Credentials stay with the origin they were meant for: a redirect elsewhere gets no custom headers.
    if (next.origin !== url.origin) headers = {};
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      const { 'content-type': _dropped, ...rest } = headers;
      headers = rest;
    }
    visited.push(next.href);
    url = next;
  }
  const problems = unmetExpectations(check.expect, response, options.maxBodyBytes, latencyMs);
  const securityIssues =
    options.securityHeaders && isJudgedContent(response)
      ? missingSecurityHeaders(response, url.protocol === 'https:')
      : [];
  if (securityIssues.length > 0) problems.push(`security headers: ${securityIssues.join('; ')}`);
  return {
    status: response.status,
    latencyMs,
    problems,
    failed: !statusMatches(check.expect.status, response.status),
    securityIssues,
    finalUrl: url.href,
  };
}

/**
 * Runs every sample of every check through a pool of `concurrency` workers. Work not started by the
 * deadline is reported as not run, never silently dropped.
 */
export async function runChecks(
  client: HttpClient,
  checks: readonly SmokeCheck[],
  options: RunChecksOptions,
): Promise<CheckRun[]> {
  const runs: CheckRun[] = checks.map((check) => ({ check, samples: [] }));
  // The headers input under each check's own headers, merged once per check rather than per request.
  const sent = checks.map((check) => ({ ...options.headers, ...check.headers }));
  const total = options.samples * runs.length;
  let next = 0;
  // Samples interleave across checks (task i is sample ⌊i/n⌋ of check i mod n) so one slow check
  // does not occupy every worker at once.
  const worker = async (): Promise<void> => {
    while (next < total) {
      const task = next++;
      const index = task % runs.length;
      const run = runs[index];
      run.samples[Math.floor(task / runs.length)] = await runSample(client, run.check, sent[index], options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, worker));
  return runs;
}

export function toRequestSamples(runs: readonly CheckRun[]): RequestSample[] {
  return runs.flatMap((run) =>
    run.samples.map((s) => ({
      check: run.check.name,
      durationMs: s.latencyMs,
      failed: s.failed,
      passed: s.problems.length === 0,
    })),
  );
}
