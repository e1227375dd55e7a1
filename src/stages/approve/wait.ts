import { errorMessage, ServiceError } from '../../core/errors.js';
import { httpStatus } from '../../core/github/octokit.js';
import type { Logger } from '../../core/logger.js';
import type { Clock } from './clock.js';
import type { IssueComment, Tally } from './votes.js';
import { verdict } from './votes.js';

/** How a wait ends. The report's decision may also be `error`: the gate could not be run to a decision. */
export type Decision = 'approved' | 'denied' | 'timed-out' | 'cancelled';

export interface WaitResult {
  decision: Decision;
  /** The last tally seen (empty when no poll ever succeeded). */
  tally: Tally;
  polls: number;
  /** Polls that failed with a transient error and were waited out. */
  failedPolls: number;
  lastError?: string;
}

export interface WaitOptions {
  fetchComments(signal: AbortSignal): Promise<IssueComment[]>;
  count(comments: IssueComment[]): Tally;
  /** Called after every successful poll (posts the "edited comments do not count" notes). */
  afterPoll?(t: Tally): Promise<void>;
  /**
   * Told how the wait stands after a poll: after the first, then at most once every
   * PROGRESS_EVERY_MS, so an hour's wait is a line a minute in the log, not one per poll.
   */
  progress?(t: Tally, polls: number): void;
  required: number;
  deadline: number;
  intervalMs: number;
  clock: Clock;
  signal: AbortSignal;
  logger: Logger;
  /** How long a poll may run past the deadline (default DEADLINE_GRACE_MS). */
  graceMs?: number;
}

/** How long the poll at the deadline may take before the gate stops waiting for GitHub. */
export const DEADLINE_GRACE_MS = 30_000;

/** Polls may come every few seconds; a progress line comes at most this often. */
export const PROGRESS_EVERY_MS = 60_000;

const STOPPED = Symbol('stopped');

/**
 * `work`, unless the run is cancelled or `ms` pass first. The client's own retries and rate-limit
 * waits are not cancellable (a rate-limit wait can last minutes), so neither a cancellation nor the
 * deadline may depend on them finishing.
 */
function unlessStopped<T>(work: Promise<T>, ms: number, signal: AbortSignal): Promise<T | typeof STOPPED> {
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      cleanup();
      resolve(STOPPED);
    };
    const timer = setTimeout(stop, Math.max(0, ms));
    const cleanup = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    };
    signal.addEventListener('abort', stop, { once: true });
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const EMPTY: Tally = { votes: [], approvedBy: [], deniedBy: [], ignored: [] };

/**
 * Statuses that no amount of waiting fixes: the token expired or lost access (401, 403 without a
 * rate limit), or the issue is gone (404, 410). Everything else (5xx after the client's own
 * retries, network errors, rate limits that outlast the client's retries) is transient.
 */
export function isFatalPollError(error: unknown): boolean {
  const status = httpStatus(error);
  if (status === undefined || status >= 500 || status === 429) return false;
  if (status === 403 && isRateLimit(error)) return false;
  return status >= 400;
}

function header(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers;
  return headers?.[name];
}

function isRateLimit(error: unknown): boolean {
  return (
    header(error, 'retry-after') !== undefined ||
    header(error, 'x-ratelimit-remaining') === '0' ||
    /rate limit/i.test(errorMessage(error))
  );
}

/** How long a rate-limited poll asks us to stay away, in ms (0 when it says nothing). */
export function retryAfterMs(error: unknown, now: number): number {
  const after = Number(header(error, 'retry-after'));
  if (Number.isFinite(after) && after > 0) return after * 1000;
  const reset = Number(header(error, 'x-ratelimit-reset'));
  if (header(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  return 0;
}

/**
 * Polls until a decision, the deadline or cancellation. A failed poll is never a decision: it is
 * logged and retried at the next interval (or after the server's retry-after); only the deadline
 * ends the wait, as timed out, so the gate fails closed. The last poll happens AT the deadline,
 * so an answer given just before it still counts.
 */
export async function waitForDecision(o: WaitOptions): Promise<WaitResult> {
  let tally = EMPTY;
  let polls = 0;
  let failedPolls = 0;
  let lastError: string | undefined;
  let lastProgress: number | undefined;
  const result = (decision: Decision): WaitResult => ({ decision, tally, polls, failedPolls, lastError });
  for (;;) {
    if (o.signal.aborted) return result('cancelled');
    let pause = o.intervalMs;
    polls++;
    const poll = new AbortController();
    const stopPoll = (): void => poll.abort();
    o.signal.addEventListener('abort', stopPoll, { once: true });
    try {
      const budget = o.deadline - o.clock.now() + (o.graceMs ?? DEADLINE_GRACE_MS);
      const comments = await unlessStopped(o.fetchComments(poll.signal), budget, o.signal);
      if (comments === STOPPED) {
        if (o.signal.aborted) return result('cancelled');
        poll.abort(); // the answer came too late to matter: drop the request
        lastError = 'GitHub did not answer the poll at the deadline';
        failedPolls++;
        return result('timed-out');
      }
      tally = o.count(comments);
      const v = verdict(tally, o.required);
      if (v !== 'pending') return result(v);
      if (lastProgress === undefined || o.clock.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = o.clock.now();
        o.progress?.(tally, polls);
      }
      await o.afterPoll?.(tally);
    } catch (error) {
      if (o.signal.aborted) return result('cancelled');
      if (isFatalPollError(error)) {
        // Waiting cannot fix this: the gate ends now, failed closed, with what GitHub said.
        throw new ServiceError(
          `reading the approval comments failed with HTTP ${httpStatus(error)}: ${errorMessage(error).split('\n')[0]}`,
          'The token may have expired or lost access to the issue (it needs issues: write).',
          'github-token',
          { cause: error },
        );
      }
      failedPolls++;
      lastError = errorMessage(error);
      pause = Math.max(pause, retryAfterMs(error, o.clock.now()));
      o.logger.warning(
        `polling the approval comments failed (${httpStatus(error) ?? 'network error'}: ${lastError}); ` +
          `not a decision, trying again in ${Math.round(pause / 1000)}s`,
      );
    } finally {
      o.signal.removeEventListener('abort', stopPoll);
    }
    const remaining = o.deadline - o.clock.now();
    if (remaining <= 0) return result('timed-out');
    await o.clock.sleep(Math.min(pause, remaining), o.signal);
  }
}
