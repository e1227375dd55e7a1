import { LockTimeout, sleep, type Progress } from './types.js';

const POLL_MS = 250;
/** A waiting run says so when it starts waiting and then this often, not on every poll. */
const PROGRESS_EVERY_MS = 10_000;

/**
 * The one wait-for-the-lock loop (PostgreSQL advisory lock, MySQL GET_LOCK, the lock file of an
 * embedded database): try, and until `timeoutMs` has passed, sleep a little and try again. Each
 * try is non-blocking on the server, so a cancelled run stops waiting within one poll.
 */
export async function pollLock(opts: {
  tryOnce(): Promise<boolean>;
  holder(): Promise<string | undefined>;
  timeoutMs: number;
  signal: AbortSignal;
  progress: Progress;
}): Promise<{ waitedMs: number }> {
  const started = Date.now();
  let reported = -Infinity;
  for (;;) {
    if (await opts.tryOnce()) return { waitedMs: Date.now() - started };
    const waited = Date.now() - started;
    if (waited >= opts.timeoutMs) throw new LockTimeout(waited, await opts.holder());
    if (waited - reported >= PROGRESS_EVERY_MS) {
      reported = waited;
      const holder = await opts.holder().catch(() => undefined);
      opts.progress(
        `waiting for the migration lock${holder ? ` held by ${holder}` : ''} (${Math.round(waited / 1000)}s of ${Math.round(opts.timeoutMs / 1000)}s)`,
      );
    }
    await sleep(Math.min(POLL_MS, opts.timeoutMs - waited), opts.signal);
  }
}
