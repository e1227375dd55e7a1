import type { Logger } from '../core/logger.js';

export interface TerminalLoggerOptions {
  verbose?: boolean;
  /** A terminal: progress is one line rewritten in place. Otherwise (a pipe, a CI log) a line each. */
  tty?: boolean;
  /** Applied to every line (the redactor). */
  redact?: (text: string) => string;
}

/** A Logger that can end a progress line left on screen, before the final output. */
export type TerminalLogger = Logger & { end(): void };

export function terminalLogger(write: (text: string) => void, options: TerminalLoggerOptions = {}): TerminalLogger {
  const verbose = options.verbose ?? process.env.SHIPKIT_DEBUG === '1';
  const tty = options.tty ?? false;
  const redact = options.redact ?? ((t: string) => t);
  let indent = '';
  // A progress line is on screen without its newline: the next line first clears it.
  let progressShown = false;
  const line = (text: string): void => {
    if (progressShown) {
      write('\r\x1b[K');
      progressShown = false;
    }
    write(`${indent}${redact(text)}\n`);
  };
  return {
    end: () => {
      if (progressShown) write('\n');
      progressShown = false;
    },
    debug: (m) => {
      if (verbose) line(`debug: ${m}`);
    },
    info: (m) => line(m),
    warning: (m) => line(`warning: ${m}`),
    error: (m) => line(`error: ${m}`),
    progress: (m) => {
      if (!tty) return line(m);
      write(`\r\x1b[K${indent}${redact(m)}`);
      progressShown = true;
    },
    group: async (title, fn) => {
      line(`▸ ${title}`);
      const outer = indent;
      indent = `${outer}  `;
      try {
        return await fn();
      } finally {
        indent = outer;
      }
    },
  };
}
