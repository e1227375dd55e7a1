import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.js';
import { MemoryLogger } from '../../src/core/logger.js';
import type { Clock } from '../../src/stages/approve/clock.js';
import { systemClock } from '../../src/stages/approve/clock.js';
import { tally, type IssueComment } from '../../src/stages/approve/votes.js';
import { isFatalPollError, retryAfterMs, waitForDecision, type WaitOptions } from '../../src/stages/approve/wait.js';
import { AnswerMatcher, DEFAULT_APPROVE_WORDS, DEFAULT_DENY_WORDS } from '../../src/stages/approve/words.js';

/** A clock whose sleep only moves time forward: no test waits for real. */
function fakeClock(start = Date.parse('2026-11-23T10:00:00Z')): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

function httpError(status: number, headers: Record<string, string> = {}, message = 'boom'): Error {
  return Object.assign(new Error(message), { status, response: { headers } });
}

const matcher = new AnswerMatcher({ approve: DEFAULT_APPROVE_WORDS, deny: DEFAULT_DENY_WORDS });
const eligible = new Map(['alice', 'bob', 'carol'].map((l) => [l, l]));

function comment(id: number, login: string, body: string, at: number): IssueComment {
  const iso = new Date(at).toISOString();
  return { id, body, user: { login, type: 'User' }, created_at: iso, updated_at: iso };
}

function options(
  clock: Clock,
  script: (poll: number, now: number) => IssueComment[] | Error,
  over: Partial<WaitOptions> = {},
) {
  const start = clock.now();
  let poll = 0;
  const logger = new MemoryLogger();
  const o: WaitOptions = {
    fetchComments: () => {
      const r = script(++poll, clock.now());
      return r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
    },
    count: (cs) => tally(cs, { matcher, eligible, allowInitiator: false, since: new Date(start) }),
    required: 2,
    deadline: start + 60_000,
    intervalMs: 10_000,
    clock,
    signal: new AbortController().signal,
    logger,
    ...over,
  };
  return { o, logger };
}

describe('waitForDecision', () => {
  it('polls at the interval until 2 of 3 approve', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const { o } = options(clock, (poll) => [
      ...(poll >= 2 ? [comment(1, 'alice', 'approve', t0 + 1)] : []),
      ...(poll >= 4 ? [comment(2, 'bob', 'lgtm', t0 + 2)] : []),
    ]);
    const r = await waitForDecision(o);
    expect(r.decision).toBe('approved');
    expect(r.polls).toBe(4);
    expect(r.tally.approvedBy).toEqual(['alice', 'bob']);
    expect(clock.sleeps).toEqual([10_000, 10_000, 10_000]);
  });

  it('ends denied at the first authorized deny', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const { o } = options(clock, (poll) => [
      comment(1, 'alice', 'approve', t0 + 1),
      ...(poll >= 2 ? [comment(2, 'carol', 'deny', t0 + 2)] : []),
    ]);
    const r = await waitForDecision(o);
    expect(r.decision).toBe('denied');
    expect(r.tally.deniedBy).toEqual(['carol']);
  });

  it('times out at the deadline, polling one last time at the deadline itself', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const seen: number[] = [];
    const { o } = options(
      clock,
      (_poll, now) => {
        seen.push(now - t0);
        return [comment(1, 'alice', 'approve', t0 + 1)];
      },
      { deadline: t0 + 25_000 },
    );
    const r = await waitForDecision(o);
    expect(r.decision).toBe('timed-out');
    expect(seen).toEqual([0, 10_000, 20_000, 25_000]);
    expect(r.tally.approvedBy).toEqual(['alice']);
  });

  it('counts an approval that arrives in the last poll at the deadline', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const { o } = options(
      clock,
      (_p, now) => (now - t0 >= 25_000 ? [comment(1, 'alice', 'yes', now), comment(2, 'bob', 'yes', now)] : []),
      { deadline: t0 + 25_000 },
    );
    expect((await waitForDecision(o)).decision).toBe('approved');
  });

  it('waits out 5xx, network errors and rate limits, then counts the approval', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const { o, logger } = options(
      clock,
      (poll) => {
        if (poll === 1) return httpError(502);
        if (poll === 2) return httpError(403, { 'retry-after': '30' }, 'You have exceeded a secondary rate limit');
        if (poll === 3) return new Error('socket hang up');
        if (poll === 4)
          return httpError(429, {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.ceil((t0 + 80_000) / 1000)),
          });
        return [comment(1, 'alice', 'approve', t0 + 1), comment(2, 'bob', 'approve', t0 + 2)];
      },
      { deadline: t0 + 600_000 },
    );
    const r = await waitForDecision(o);
    expect(r.decision).toBe('approved');
    expect(r.failedPolls).toBe(4);
    expect(clock.sleeps[0]).toBe(10_000);
    expect(clock.sleeps[1]).toBe(30_000); // retry-after is longer than the interval: honoured
    expect(clock.sleeps[2]).toBe(10_000);
    expect(clock.sleeps[3]).toBe(30_000); // until the rate limit resets
    expect(logger.lines.filter((l) => l.level === 'warning')).toHaveLength(4);
  });

  it('fails closed: errors until the deadline end as timed out, never approved', async () => {
    const clock = fakeClock();
    const { o } = options(clock, () => httpError(503));
    const r = await waitForDecision(o);
    expect(r.decision).toBe('timed-out');
    expect(r.lastError).toBe('boom');
  });

  it('stops with a clear error when the token loses access: waiting cannot fix it', async () => {
    const clock = fakeClock();
    const { o } = options(clock, (poll) => (poll < 2 ? [] : httpError(401, {}, 'Bad credentials')));
    await expect(waitForDecision(o)).rejects.toThrow(ServiceError);
    await expect(waitForDecision(options(fakeClock(), () => httpError(401)).o)).rejects.toMatchObject({
      message: 'reading the approval comments failed with HTTP 401: boom',
      hint: expect.stringContaining('expired'),
      input: 'github-token',
    });
  });

  it('reports progress after the first poll, then at most once a minute', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const seen: { at: number; polls: number; approvals: number }[] = [];
    const { o } = options(clock, (poll) => (poll >= 20 ? [comment(1, 'alice', 'approve', t0 + 1)] : []), {
      intervalMs: 10_000,
      deadline: t0 + 3_600_000,
      progress: (t, polls) => seen.push({ at: clock.now() - t0, polls, approvals: t.approvedBy.length }),
    });
    const r = await waitForDecision(o);
    expect(r.decision).toBe('timed-out');
    expect(r.polls).toBe(361);
    // 361 polls in an hour, one line a minute: after polls 1, 7, 13, … (every 6th, 60 s apart).
    expect(seen).toHaveLength(61);
    expect(seen.slice(0, 3)).toEqual([
      { at: 0, polls: 1, approvals: 0 },
      { at: 60_000, polls: 7, approvals: 0 },
      { at: 120_000, polls: 13, approvals: 0 },
    ]);
    expect(seen.every((s, i) => i === 0 || s.at - seen[i - 1].at >= 60_000)).toBe(true);
    expect(seen.at(-1)!.approvals).toBe(1);
  });

  it('is cancelled by the signal, even while sleeping', async () => {
    const controller = new AbortController();
    // A 10-minute interval: a sleep the cancellation did not cut would outlast the test's timeout.
    const { o } = options(systemClock, () => [], {
      signal: controller.signal,
      intervalMs: 600_000,
      deadline: Date.now() + 3_600_000,
    });
    setTimeout(() => controller.abort(), 50);
    const r = await waitForDecision(o);
    expect(r.decision).toBe('cancelled');
  });

  it('classifies errors', () => {
    expect(isFatalPollError(httpError(500))).toBe(false);
    expect(isFatalPollError(new Error('ECONNRESET'))).toBe(false);
    expect(isFatalPollError(httpError(429))).toBe(false);
    expect(isFatalPollError(httpError(403, { 'retry-after': '5' }))).toBe(false);
    expect(isFatalPollError(httpError(403, {}, 'Resource not accessible by integration'))).toBe(true);
    expect(isFatalPollError(httpError(404))).toBe(true);
    expect(retryAfterMs(httpError(403, { 'retry-after': '7' }), 0)).toBe(7000);
    expect(retryAfterMs(httpError(500), 0)).toBe(0);
  });

  it('does not wait for a poll stuck in client retries past the deadline', async () => {
    const clock = fakeClock();
    const never = new Promise<IssueComment[]>(() => undefined);
    const { o } = options(clock, () => [], { deadline: clock.now(), graceMs: 50 });
    // The poll never answers: only the grace period can end this wait (or the test times out).
    o.fetchComments = () => never;
    const r = await waitForDecision(o);
    expect(r.decision).toBe('timed-out');
    expect(r.lastError).toBe('GitHub did not answer the poll at the deadline');
  });

  it('is cancelled while a poll hangs, and aborts that request', async () => {
    const controller = new AbortController();
    let requestSignal: AbortSignal | undefined;
    const { o } = options(systemClock, () => [], { signal: controller.signal, deadline: Date.now() + 3_600_000 });
    o.fetchComments = (signal) => {
      requestSignal = signal;
      return new Promise<IssueComment[]>(() => undefined);
    };
    setTimeout(() => controller.abort(), 50);
    const r = await waitForDecision(o);
    expect(r.decision).toBe('cancelled');
    expect(requestSignal?.aborted).toBe(true);
  });
});
