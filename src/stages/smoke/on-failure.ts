import { spawn } from 'node:child_process';
import type { OnFailureResult } from './report-schema.js';

const OUTPUT_LIMIT = 64 * 1024;

/**
 * Runs the `on-failure` command (a rollback) through the shell, once. It is not bound by the
 * smoke deadline: cutting a rollback short would be worse than the failure it answers. Only a
 * cancelled run stops it. `env` is what a `run:` step would see (userCommandEnv): no action inputs,
 * no runner credentials.
 */
export function runOnFailure(
  command: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; signal: AbortSignal },
): Promise<OnFailureResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let dropped = false;
    const keep = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      while (size > OUTPUT_LIMIT && chunks.length > 1) {
        size -= chunks.shift()!.length;
        dropped = true;
      }
    };
    const child = spawn(command, {
      cwd: options.cwd,
      env: options.env,
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onAbort = (): void => void child.kill('SIGTERM');
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let finished = false;
    const finish = (exitCode: number | null, signal: string | null, extra = ''): void => {
      if (finished) return;
      finished = true;
      options.signal.removeEventListener('abort', onAbort);
      let output = Buffer.concat(chunks).toString('utf8') + extra;
      if (output.length > OUTPUT_LIMIT) {
        output = output.slice(-OUTPUT_LIMIT);
        dropped = true;
      }
      resolve({
        command,
        exitCode,
        ...(signal ? { signal } : {}),
        output,
        truncated: dropped,
        durationMs: Date.now() - started,
      });
    };
    child.once('error', (error) => finish(null, null, `could not start: ${error.message}`));
    child.once('close', (code, signal) => finish(code, signal));
  });
}
