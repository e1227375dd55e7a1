import { setTimeout as sleep } from 'node:timers/promises';
import { RequestFailure, type HttpClient } from './http-client.js';
import type { WaitResult } from './report-schema.js';
import { formatMs } from './units.js';

export interface WaitOptions {
  url: URL;
  headers: Readonly<Record<string, string>>;
  /** Attempts after the first; undefined = keep polling until the deadline. */
  retries?: number;
  /** First delay; doubles per attempt up to `maxDelayMs`. */
  backoffMs: number;
  maxDelayMs: number;
  requestTimeoutMs: number;
  deadline: number;
  /** How the deadline is named in messages: `the step deadline (timeout 5m)`. */
  deadlineLabel: string;
  /** Aborted at the deadline or on cancellation. */
  signal: AbortSignal;
  /** Told after every attempt: what it saw and when the next one comes. */
  progress: (message: string) => void;
  random?: () => number;
}

/**
 * Delay before attempt n+1: exponential, capped, with "equal jitter" (half fixed, half random), so
 * many jobs waiting on one deploy spread out yet the wait still grows.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return exp / 2 + random() * (exp / 2);
}

type Attempt = { healthy: boolean; saw: string; final: boolean };

/** One request to the health endpoint, and what it says in words. `final`: no attempt may follow. */
async function attempt(client: HttpClient, o: WaitOptions, n: number): Promise<Attempt> {
  const remaining = o.deadline - Date.now();
  try {
    const response = await client.request({
      url: o.url,
      method: 'GET',
      headers: o.headers,
      timeoutMs: Math.min(o.requestTimeoutMs, remaining),
      maxBodyBytes: 64 * 1024,
      keepBody: false,
    });
    const healthy = response.status >= 200 && response.status < 400;
    return { healthy, saw: `status ${response.status}`, final: false };
  } catch (error) {
    if (!(error instanceof RequestFailure)) throw error;
    // Cut short by the deadline (its own timeout was clamped to the time left) or by a cancellation:
    // say so, rather than leave the impression that nothing was tried.
    const clamped = error.code === 'TIMEOUT' && remaining < o.requestTimeoutMs;
    if (error.code === 'ABORTED' || clamped) {
      const after = `${Math.round(error.elapsedMs)} ms`;
      const saw =
        o.signal.aborted && Date.now() < o.deadline
          ? `attempt ${n} was cancelled after ${after}`
          : `attempt ${n} got no answer in ${after} before ${o.deadlineLabel}`;
      return { healthy: false, saw, final: true };
    }
    return { healthy: false, saw: error.message, final: false };
  }
}

/** Polls until a 2xx/3xx answer. Refused connections, resets, DNS errors, timeouts and other statuses are retried. */
export async function waitUntilHealthy(client: HttpClient, o: WaitOptions): Promise<WaitResult> {
  const started = Date.now();
  const random = o.random ?? Math.random;
  const maxAttempts = o.retries === undefined ? Number.POSITIVE_INFINITY : o.retries + 1;
  const result = (healthy: boolean, attempts: number, lastResult: string): WaitResult => ({
    url: o.url.href,
    healthy,
    attempts,
    durationMs: Date.now() - started,
    lastResult,
  });
  let attempts = 0;
  let lastSeen: string | undefined;
  while (attempts < maxAttempts && !o.signal.aborted && o.deadline - Date.now() > 0) {
    attempts++;
    const a = await attempt(client, o, attempts);
    if (a.healthy) return result(true, attempts, a.saw);
    if (a.final) return result(false, attempts, lastSeen ? `${lastSeen}; ${a.saw}` : a.saw);
    lastSeen = a.saw;
    const delay = Math.min(backoffDelay(attempts, o.backoffMs, o.maxDelayMs, random), o.deadline - Date.now());
    const last = attempts >= maxAttempts || delay <= 0;
    o.progress(
      `wait-for ${o.url.href}: attempt ${attempts}: ${a.saw}; ${
        last
          ? 'no attempt left'
          : `next attempt in ${formatMs(delay)} (${formatMs(o.deadline - Date.now())} to the deadline)`
      }`,
    );
    if (last) break;
    try {
      await sleep(delay, undefined, { signal: o.signal });
    } catch {
      break; // the deadline or a cancellation: report what we have
    }
  }
  return result(false, attempts, lastSeen ?? 'no attempt made');
}
