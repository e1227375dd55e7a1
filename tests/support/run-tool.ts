import { execFile, type ExecFileOptions } from 'node:child_process';

/**
 * Runs a real tool without blocking the test worker. Vitest's worker must read its runner's replies within
 * a fixed 60 s (birpc's timeout, not configurable): a synchronous spawn holds the event loop, and a few of
 * them in a row on a loaded machine (a dist rebuild, a database's initdb, a Go build) pass that, failing a
 * green run with "Timeout calling onTaskUpdate". Long tool runs in tests go through here instead.
 */
export interface ToolRun {
  /** The exit code; null when a signal ended the tool (the timeout included). */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export type ToolOptions = Omit<ExecFileOptions, 'encoding' | 'maxBuffer'>;

/** Like spawnSync: resolves with the exit status and both streams whatever the tool's exit. */
export function spawnTool(file: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // A tool that could not start (ENOENT) is the test setup's mistake: say so, as spawnSync's error would.
        if (error && typeof error.code === 'string') {
          return reject(new Error(`could not run ${file}: ${error.message}`, { cause: error }));
        }
        resolve({ status: child.exitCode, signal: child.signalCode, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/** Like execFileSync: the tool's stdout, or an error naming the command, its exit and its stderr. */
export async function execTool(file: string, args: readonly string[], options: ToolOptions = {}): Promise<string> {
  const run = await spawnTool(file, args, options);
  if (run.status !== 0) {
    const how = run.signal ? `was ended by ${run.signal}` : `exited ${run.status}`;
    throw new Error(`${file} ${args.join(' ')} ${how}\n${run.stderr.slice(-4000)}`);
  }
  return run.stdout;
}
