/**
 * Domain code logs through this interface so the same code runs in an action (where it maps to
 * @actions/core) and in the CLI (where it maps to the terminal).
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /**
   * How a long wait is going (each wait-for attempt, an approval poll). A terminal shows it as one
   * line updated in place; an action log gets a line each time.
   */
  progress(message: string): void;
  /** Fold the lines logged inside `fn` (an action log group; an indented block in the CLI). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** Collects messages; for tests and for callers that want to inspect what was said. */
export class MemoryLogger implements Logger {
  readonly lines: { level: 'debug' | 'info' | 'warning' | 'error' | 'progress'; message: string }[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  progress(message: string): void {
    this.lines.push({ level: 'progress', message });
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push({ level: 'info', message: `▸ ${title}` });
    return fn();
  }
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  progress: () => undefined,
  group: (_title, fn) => fn(),
};
