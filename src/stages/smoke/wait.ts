import { setTimeout as sleep } from 'node:timers/promises';
import { RequestFailure, type HttpClient } from './http-client.js';

export interface WaitOptions {
  url: URL;
  headers: Record<string, string>;
  /** Attempts after the first; undefined = keep polling until the deadline. */
  retries?: number;
  /** First delay; doubles per attempt up to `maxDelayMs`. */
  backoffMs: number;
  maxDelayMs: number;
  requestTimeoutMs: number;
  deadline: number;
  signal: AbortSignal;
  random?: () => number;
}

export interface WaitResult {
  url: string;
  healthy: boolean;
  attempts: number;
  durationMs: number;
  /** What the last attempt saw: a status, or why no response came. */
  lastResult: string;
}

/**
 * Delay before attempt n+1: exponential, capped, with "equal jitter" (half fixed, half random), so
 * many jobs waiting on one deploy spread out yet the wait still grows.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return exp / 2 + random() * (exp / 2);
}

/** Polls until a 2xx/3xx answer. Refused connections, resets, DNS errors, timeouts and other statuses are retried. */
export async function waitUntilHealthy(client: HttpClient, options: WaitOptions): Promise<WaitResult> {
  const started = Date.now();
  const random = options.random ?? Math.random;
  let attempts = 0;
  let lastResult = 'no attempt made';
  const maxAttempts = options.retries === undefined ? Number.POSITIVE_INFINITY : options.retries + 1;
  while (attempts < maxAttempts && !options.signal.aborted) {
    const remaining = options.deadline - Date.now();
    if (remaining <= 0) break;
    attempts++;
    try {
      const response = await client.request({
        url: options.url,
        method: 'GET',
        headers: options.headers,
        timeoutMs: Math.min(options.requestTimeoutMs, remaining),
        maxBodyBytes: 64 * 1024,
        signal: options.signal,
      });
      lastResult = `status ${response.status}`;
      if (response.status >= 200 && response.status < 400) {
        return { url: options.url.href, healthy: true, attempts, durationMs: Date.now() - started, lastResult };
      }
    } catch (error) {
      if (!(error instanceof RequestFailure)) throw error;
      if (error.code === 'ABORTED') break;
      lastResult = error.message;
    }
    if (attempts >= maxAttempts) break;
    const delay = Math.min(
      backoffDelay(attempts, options.backoffMs, options.maxDelayMs, random),
      options.deadline - Date.now(),
    );
    if (delay <= 0) break;
    try {
      await sleep(delay, undefined, { signal: options.signal });
    } catch {
      break; // the deadline or a cancellation: report what we have
    }
  }
  return { url: options.url.href, healthy: false, attempts, durationMs: Date.now() - started, lastResult };
}
