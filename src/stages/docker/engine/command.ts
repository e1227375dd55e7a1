import { spawn } from 'node:child_process';
import type { Logger } from '../../../core/logger.js';
import { cut } from '../../../core/text.js';

export interface CommandResult {
  /** Exit code; null when the process was ended by a signal or could not start. */
  code: number | null;
  /** Standard output, whole up to `maxStdout` characters (the JSON a command prints), else its tail. */
  stdout: string;
  /** The last TAIL characters of standard error and output interleaved, as a person would have read them. */
  tail: string;
  /** Set when the program could not be started (ENOENT: not installed). */
  spawnError?: NodeJS.ErrnoException;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Written to standard input, then closed (a password for `login --password-stdin`). */
  stdin?: string;
  /** Each line of output, as it comes (a build's steps go to the log); nothing when absent. */
  onLine?: (line: string) => void;
  maxStdout?: number;
}

const TAIL = 8_192;
const MAX_STDOUT = 1 << 20;

/**
 * Runs `file` with `args` (never through a shell: no argument is ever parsed again) and collects what it
 * printed. Output is kept bounded: a chatty build cannot fill memory. Aborting `signal` ends the process.
 */
export function runCommand(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  const maxStdout = options.maxStdout ?? MAX_STDOUT;
  return new Promise((resolve) => {
    let stdout = '';
    let tail = '';
    let pending = '';
    const line = (text: string): void => {
      if (!options.onLine) return;
      pending += text;
      let nl: number;
      while ((nl = pending.search(/\r?\n|\r/)) >= 0) {
        options.onLine(pending.slice(0, nl));
        pending = pending.slice(nl + (pending.startsWith('\r\n', nl) ? 2 : 1));
      }
    };
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      signal: options.signal,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stdout = stdout.length + text.length <= maxStdout ? stdout + text : (stdout + text).slice(-maxStdout);
      tail = (tail + text).slice(-TAIL);
      line(text);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-TAIL);
      line(text);
    });
    if (options.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.stdin);
    }
    let settled = false;
    const finish = (code: number | null, spawnError?: NodeJS.ErrnoException): void => {
      if (settled) return;
      settled = true;
      if (pending !== '') options.onLine?.(pending);
      resolve({ code, stdout, tail, ...(spawnError ? { spawnError } : {}) });
    };
    // A program that cannot start emits 'error' and may never emit 'close'.
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) finish(null, error);
    });
    child.on('close', (code) => finish(code));
  });
}

/** The last meaningful line of a failed command, for a one-line message (progress bars and blanks skipped). */
export function lastWords(result: CommandResult): string {
  const lines = result.tail
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^-+>?$/.test(l));
  const error = [...lines].reverse().find((l) => /error|denied|unauthorized|refused|failed|not found|no such/i.test(l));
  return cut(error ?? lines.at(-1) ?? (result.spawnError?.message || `exit code ${result.code}`), 500);
}

/** A logger callback that folds a command's output into the log at debug or info level. */
export const logLines =
  (logger: Logger, level: 'info' | 'debug' = 'info') =>
  (line: string): void => {
    if (line.trim() !== '') logger[level](line);
  };
