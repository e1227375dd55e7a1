import { spawn } from 'node:child_process';
import type { Logger } from '../../core/logger.js';

export type CommandKind = 'lint' | 'test';

export interface CommandResult {
  kind: CommandKind;
  command: string;
  /** null when the command was killed by a signal or could not start. */
  exitCode: number | null;
  signal?: string;
  durationMs: number;
  /** A background process the command started still held its output open when it exited. */
  pipesLeftOpen?: boolean;
}

/**
 * After the command's shell exits, its output is read for at most this long: a background process it
 * started (`npm start &`) inherits stdout and stderr and would otherwise hold the stage until it ends.
 * Then shipkit stops reading (the background process keeps running; what it writes later is lost).
 */
export const PIPE_GRACE_MS = 2000;

export interface RunCommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal: AbortSignal;
}

/** Feeds complete lines of a stream to `emit`; the last partial line on close. */
function lineSplitter(emit: (line: string) => void): { push(chunk: Buffer): void; end(): void } {
  let rest = '';
  return {
    push(chunk) {
      const text = rest + chunk.toString('utf8');
      const parts = text.split(/\r?\n/);
      rest = parts.pop() ?? '';
      for (const p of parts) emit(p);
    },
    end() {
      if (rest !== '') emit(rest);
      rest = '';
    },
  };
}

/**
 * Runs one command with bash as GitHub's `run:` steps do (`-eo pipefail`), streaming its output
 * line by line to the logger. It ends when bash exits (plus PIPE_GRACE_MS for output still in the
 * pipes), not when every process holding its pipes has. Cancelling kills the whole process group.
 * `options.env` is the environment as given: the stage passes userCommandEnv's (no INPUT_*, no token).
 */
export function runCommand(kind: CommandKind, command: string, options: RunCommandOptions): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = lineSplitter((l) => options.logger.info(l));
    const err = lineSplitter((l) => options.logger.info(l));
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const onAbort = (): void => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = (exitCode: number | null, signal?: string, pipesLeftOpen = false): void => {
      if (settled) return;
      settled = true;
      if (grace) clearTimeout(grace);
      options.signal.removeEventListener('abort', onAbort);
      out.end();
      err.end();
      const result: CommandResult = { kind, command, exitCode, durationMs: Math.round(performance.now() - started) };
      if (signal) result.signal = signal;
      if (pipesLeftOpen) result.pipesLeftOpen = true;
      resolve(result);
    };
    child.on('error', (error) => {
      options.logger.error(`${kind}: cannot start bash: ${error.message}`);
      finish(null);
    });
    // 'close' comes when bash has exited AND every holder of its pipes has closed them; 'exit' when
    // bash alone has. A background process keeps the pipes open: give its output a grace period.
    child.on('close', (code, signal) => finish(code, signal ?? undefined));
    child.on('exit', (code, signal) => {
      grace = setTimeout(() => {
        options.logger.warning(
          `${kind}: '${command}' exited, but a process it started in the background still holds its output; no longer reading it`,
        );
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal ?? undefined, true);
      }, PIPE_GRACE_MS);
    });
  });
}

/** Runs every command of a list (a later one may still tell more), each in its own log group, timed. */
export async function runCommands(
  kind: CommandKind,
  commands: readonly string[],
  options: RunCommandOptions,
): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  for (const command of commands) {
    if (options.signal.aborted) break;
    const result = await options.logger.group(`${kind}: ${command}`, () => runCommand(kind, command, options));
    const secs = (result.durationMs / 1000).toFixed(1);
    if (result.exitCode === 0) options.logger.info(`${kind}: '${command}' passed in ${secs}s`);
    else
      options.logger.error(
        `${kind}: '${command}' failed (${result.signal ?? `exit code ${String(result.exitCode)}`}) after ${secs}s`,
      );
    results.push(result);
  }
  return results;
}
