import { setMaxListeners } from 'node:events';
import { durationLabel } from './units.js';

/**
 * The step's deadline (`timeout`): one signal that aborts when it passes or when the run is
 * cancelled. Every request, wait and TLS probe listens on it, so nothing outlives the step.
 */
export class StepDeadline {
  /** Epoch milliseconds. */
  readonly at: number;
  /** How messages name it: `the step deadline (timeout 5m)`. */
  readonly label: string;
  /** What a request cut short by it says: `aborted at the step deadline (timeout 5m)`. */
  readonly message: string;
  private passed = false;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onCancel: () => void;

  constructor(
    startedAt: number,
    timeoutMs: number,
    private readonly cancel: AbortSignal,
  ) {
    this.at = startedAt + timeoutMs;
    this.label = `the step deadline (timeout ${durationLabel(timeoutMs)})`;
    this.message = `aborted at ${this.label}`;
    // The TLS probes and the wait listen here besides the client: more than Node's default 10 is not a leak.
    setMaxListeners(0, this.controller.signal);
    this.timer = setTimeout(
      () => {
        this.passed = true;
        this.controller.abort(new Error(this.message));
      },
      Math.max(0, this.at - Date.now()),
    );
    this.onCancel = () => this.controller.abort(new Error('cancelled'));
    if (cancel.aborted) this.onCancel();
    else cancel.addEventListener('abort', this.onCancel, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The deadline itself passed (not a cancellation). */
  get reached(): boolean {
    return this.passed;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.cancel.removeEventListener('abort', this.onCancel);
  }
}
