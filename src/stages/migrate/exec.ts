import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell; stdin from a file when given. Never rejects on a non-zero exit. */
export function execFile(
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; stdinFile?: string; shell?: boolean; signal?: AbortSignal } = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      shell: opts.shell ?? false,
      stdio: [opts.stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') resolve({ code: 127, stdout, stderr: `${command}: not found on PATH` });
      else reject(error);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (opts.stdinFile && child.stdin) {
      void import('node:fs').then(({ createReadStream }) => {
        createReadStream(opts.stdinFile as string).pipe(child.stdin as NodeJS.WritableStream);
      });
    }
  });
}
