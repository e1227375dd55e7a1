import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchTable } from './types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** GitHub's runner starts the action and the user waits for its first line: keep that short. */
export const COLD_START_BUDGET_MS = 150;
const RUNS = 15;

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

/**
 * Milliseconds from spawn to the first byte on stdout or stderr, and to exit. Without inputs an
 * action loads its stage, refuses the missing input and exits: the second number is the whole load.
 */
function startTimes(bundle: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ first: number; exit: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(process.execPath, [bundle, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let first: number | undefined;
    const onData = (): void => {
      first ??= elapsed();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('close', () => {
      if (first === undefined) reject(new Error(`${bundle} printed nothing`));
      else resolve({ first, exit: elapsed() });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

export async function bundleTable(): Promise<BenchTable> {
  const dist = path.join(ROOT, 'dist');
  const rows: (string | number)[][] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bench-'));
  const nodeAlone: number[] = [];
  for (let i = 0; i < RUNS; i++)
    nodeAlone.push((await startTimes('-e', ['console.log(1)'], { PATH: process.env.PATH })).exit);
  const baseline = median(nodeAlone);
  for (const name of existsSync(dist) ? readdirSync(dist).sort() : []) {
    const bundle = path.join(dist, name, 'index.js');
    if (!existsSync(bundle)) continue;
    // An action with no inputs fails at once with a clear error: that error is its first line.
    const env: NodeJS.ProcessEnv =
      name === 'cli'
        ? { PATH: process.env.PATH }
        : { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', RUNNER_TEMP: tmp, GITHUB_WORKSPACE: tmp };
    const args = name === 'cli' ? ['--version'] : [];
    await startTimes(bundle, args, env); // warm the file cache
    const firsts: number[] = [];
    const exits: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await startTimes(bundle, args, env);
      firsts.push(t.first);
      exits.push(t.exit);
    }
    const ms = median(firsts);
    rows.push([
      `dist/${name}`,
      (statSync(bundle).size / 1024).toFixed(0),
      (dirSize(path.join(dist, name)) / 1024).toFixed(0),
      ms.toFixed(1),
      (ms / COLD_START_BUDGET_MS).toFixed(2),
      median(exits).toFixed(1),
      baseline.toFixed(1),
      ms <= COLD_START_BUDGET_MS ? 'yes' : 'NO',
    ]);
  }
  return {
    title: 'Bundles: size and cold start (node dist/<name>/index.js to its first output line)',
    columns: [
      'bundle',
      'index.js KiB',
      'dir KiB',
      'first line ms',
      `÷ ${COLD_START_BUDGET_MS} ms`,
      'exit ms (no inputs)',
      'node -e "" ms',
      'within budget',
    ],
    rows,
    notes: [
      `median of ${RUNS} runs after one warm-up; Node ${process.version}; ${os.cpus().length} cores; load average ${os.loadavg()[0]?.toFixed(1)}`,
      'first line: the cold start the budget is about; exit: the stage loaded, the missing input refused; node -e "": Node alone on this machine now',
    ],
  };
}
