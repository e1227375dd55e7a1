import { spawn } from 'node:child_process';

export interface ProcessResult {
  /** Exit code; null when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last STDERR_KEPT characters of standard error. */
  stderr: string;
}

/** Trivy's error comes last; what it logged before is kept only up to this many characters. */
const STDERR_KEPT = 16_384;
const STDOUT_KEPT = 16_384;

/**
 * Runs `file` with `args` (no shell) and collects its output, keeping only the tail of each stream
 * so a chatty run cannot fill memory. Aborting `signal` ends the process.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-STDOUT_KEPT);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
