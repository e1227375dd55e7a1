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
}

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
 * line by line to the logger. Cancelling kills the whole process group, not only bash.
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
    const finish = (exitCode: number | null, signal?: string): void => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      out.end();
      err.end();
      const result: CommandResult = { kind, command, exitCode, durationMs: Math.round(performance.now() - started) };
      if (signal) result.signal = signal;
      resolve(result);
    };
    child.on('error', (error) => {
      options.logger.error(`${kind}: cannot start bash: ${error.message}`);
      finish(null);
    });
    child.on('close', (code, signal) => finish(code, signal ?? undefined));
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
