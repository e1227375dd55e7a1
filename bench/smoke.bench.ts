// smoke: what shipkit measures and what it costs, beside hey (github.com/rakyll/hey, installed by
// .ci/setup/smoke.sh) on the same local server.
// 1. Latency under concurrency: 200 requests at concurrency 20 against a server that answers at
//    once. Goals: p50 and p95 within 10 % (or 1 ms) of hey's; CPU per request ≤ 3 × hey's.
// 2. Wall time: 200 checks at concurrency 20 against a server answering in 50 ms; target ≤ 1.2 ×
//    (200 / 20 × 50 ms) = 600 ms; peer: curl spawned per check, one by one.
import { build } from 'esbuild';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputReader, mapSource } from '../src/core/inputs.js';
import type { SmokeReport } from '../src/stages/smoke/report-schema.js';
import { smokeStage } from '../src/stages/smoke/stage.js';
import { percentile, sortedCopy } from '../src/stages/smoke/stats.js';
import { stageContext } from '../tests/support/stage-context.js';
import type { BenchTable } from './types.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
/** Fresh processes for the cold row: each one is a step's whole life. */
const COLD_RUNS = 9;

const REQUESTS = 200;
const CONCURRENCY = 20;
/** Rounds of (hey, shipkit) pairs, alternating which goes first; medians are reported. */
const ROUNDS = 9;
/** Run sizes (samples of the 200 checks) whose CPU gives the cost of one more request. */
const SIZES = [1, 5, 10, 20];
const SLOW_MS = 50;
const WALL_TARGET_MS = 1.2 * (REQUESTS / CONCURRENCY) * SLOW_MS;

function serverSource(delayMs: number): string {
  const answer = `res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ ok: true, path: req.url }));`;
  return `
const http = require('node:http');
const server = http.createServer((req, res) => { ${delayMs > 0 ? `setTimeout(() => { ${answer} }, ${delayMs});` : answer} });
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;
}

/** A server in its own process, as a deployment would be: its CPU is not the client's. */
async function startServer(delayMs: number): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', serverSource(delayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

const median = (values: readonly number[]): number => sortedCopy(values)[Math.floor(values.length / 2)] ?? NaN;

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number {
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}
const round1 = (n: number): number => Math.round(n * 10) / 10;

interface Sample {
  p50: number;
  p95: number;
  /** CPU milliseconds of the client (user + system). */
  cpuMs: number;
}

function checksYaml(count: number, expectJson: boolean): string {
  return `checks:\n${Array.from(
    { length: count },
    (_, i) =>
      `  - name: c${i}\n    path: /item/${i}\n${expectJson ? '    expect:\n      status: 200\n      json:\n        $.ok: true\n' : ''}`,
  ).join('')}`;
}

/** The whole stage in this process, as `npx shipkit smoke` runs it; CPU is this process's. */
async function shipkit(base: string, checks: string, samples: number): Promise<Sample & { wallMs: number }> {
  const ctx = stageContext({ cwd: os.tmpdir() });
  const inputs = { url: base, checks, concurrency: String(CONCURRENCY), samples: String(samples) };
  const before = process.cpuUsage();
  const started = performance.now();
  const options = smokeStage.readOptions(new InputReader(mapSource(inputs, 'input')), ctx);
  const outcome = await smokeStage.run(options, ctx);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(before);
  const report = outcome.report as SmokeReport;
  if (report.status !== 'pass') throw new Error(`smoke bench run failed: ${report.summary}`);
  return { p50: report.p50 ?? NaN, p95: report.p95 ?? NaN, cpuMs: (used.user + used.system) / 1000, wallMs };
}

// One run of the stage in a process of its own, as an action step or `npx shipkit smoke` runs it:
// nothing compiled yet. Bundled once with esbuild (the packages stay in node_modules).
const ONCE = `
import { InputReader, mapSource } from './src/core/inputs.js';
import { silentLogger } from './src/core/logger.js';
import { smokeStage } from './src/stages/smoke/stage.js';
const [url, checks, concurrency] = process.argv.slice(2);
const ctx = { cwd: process.cwd(), env: {}, logger: silentLogger, run: {}, signal: new AbortController().signal,
  host: { kind: 'cli', baselines: undefined, tools: undefined } };
const options = smokeStage.readOptions(new InputReader(mapSource({ url, checks, concurrency }, 'input')), ctx);
const before = process.cpuUsage();
const outcome = await smokeStage.run(options, ctx);
const used = process.cpuUsage(before);
process.stdout.write(JSON.stringify({ p50: outcome.report.p50, p95: outcome.report.p95, cpuMs: (used.user + used.system) / 1000, status: outcome.report.status }) + '\\n');
`;

async function bundleOnce(): Promise<string> {
  const dir = path.join(ROOT, 'node_modules/.cache/shipkit-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'smoke-once.mjs');
  await build({
    stdin: { contents: ONCE, resolveDir: ROOT, loader: 'ts', sourcefile: 'smoke-once.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

async function shipkitCold(once: string, base: string, checksFile: string): Promise<Sample> {
  const { stdout } = await run(process.execPath, [once, base, checksFile, String(CONCURRENCY)], { cwd: os.tmpdir() });
  const r = JSON.parse(stdout.trim()) as { p50: number; p95: number; cpuMs: number; status: string };
  if (r.status !== 'pass') throw new Error('smoke bench cold run failed');
  return { p50: r.p50, p95: r.p95, cpuMs: r.cpuMs };
}

// hey's own CPU, exactly: getrusage(RUSAGE_CHILDREN) after it exits (microseconds, not clock ticks).
const RUSAGE = `import resource, subprocess, sys
out = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True).stdout
r = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stdout.write(out + '\\nCPU %f\\n' % (r.ru_utime + r.ru_stime))`;

/** hey's per-request times (CSV), summarised with the same percentile method as shipkit's report. */
async function hey(url: string, requests: number): Promise<Sample> {
  const { stdout } = await run(
    'python3',
    ['-c', RUSAGE, 'hey', '-n', String(requests), '-c', String(CONCURRENCY), '-o', 'csv', url],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const times = stdout
    .split('\n')
    .filter((line) => /^\d/.test(line) && line.split(',').length >= 8)
    .map((line) => Number(line.split(',')[0]) * 1000);
  if (times.length !== requests) throw new Error(`hey reported ${times.length} of ${requests} requests`);
  const sorted = sortedCopy(times);
  const cpu = Number(/CPU ([\d.]+)/.exec(stdout)?.[1]);
  return { p50: percentile(sorted, 50)!, p95: percentile(sorted, 95)!, cpuMs: cpu * 1000 };
}

async function heyAvailable(): Promise<boolean> {
  try {
    await run('hey', ['-n', '1', '-c', '1', 'http://127.0.0.1:9/']);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * At most 10 % or 1 ms (whichever is looser) above the peer's. Below it is within too: the worry is
 * a report that makes a fast server look slow (and hey's own times include connecting).
 */
const within = (ours: number, peer: number): boolean => ours - peer <= Math.max(0.1 * peer, 1);

async function latencyTable(): Promise<BenchTable> {
  const title = `smoke latency: ${REQUESTS} requests at concurrency ${CONCURRENCY} against a local server answering at once, beside hey`;
  const columns = ['client', 'p50 ms', 'p95 ms', 'CPU µs/request', 'p50 goal', 'p95 goal', 'CPU goal (≤ 3 × hey)'];
  if (!(await heyAvailable()))
    return {
      title,
      columns,
      rows: [['hey not installed (run .ci/setup/smoke.sh): not measured', '–', '–', '–', 'NO', 'NO', 'NO']],
    };
  const { base, child } = await startServer(0);
  try {
    const small = checksYaml(REQUESTS, false);
    // Cold: each run a process of its own, as a step runs it (hey is always a process of its own).
    const once = await bundleOnce();
    const checksFile = path.join(path.dirname(once), 'smoke-checks.yml');
    writeFileSync(checksFile, small);
    const cold: Sample[] = [];
    const coldHey: Sample[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      if (i % 2 === 0) {
        cold.push(await shipkitCold(once, base, checksFile));
        coldHey.push(await hey(`${base}/item/1`, REQUESTS));
      } else {
        coldHey.push(await hey(`${base}/item/1`, REQUESTS));
        cold.push(await shipkitCold(once, base, checksFile));
      }
    }
    // Warm: in this process, after the JIT has compiled the request path.
    for (let i = 0; i < 3; i++) await shipkit(base, small, 1);
    await hey(`${base}/item/1`, REQUESTS);
    const ours: Sample[] = [];
    const theirs: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        theirs.push(await hey(`${base}/item/1`, REQUESTS));
        ours.push(await shipkit(base, small, 1));
      } else {
        ours.push(await shipkit(base, small, 1));
        theirs.push(await hey(`${base}/item/1`, REQUESTS));
      }
    }
    // CPU per request without fixed costs (process start for hey; parsing checks and writing the
    // report for shipkit): the slope of CPU over run size, fitted to the medians of 3 runs a size.
    const oursBySize: [number, number][] = [];
    const theirsBySize: [number, number][] = [];
    for (const samples of SIZES) {
      const o: number[] = [];
      const t: number[] = [];
      for (let i = 0; i < 3; i++) {
        o.push((await shipkit(base, small, samples)).cpuMs);
        t.push((await hey(`${base}/item/1`, samples * REQUESTS)).cpuMs);
      }
      oursBySize.push([samples * REQUESTS, median(o)]);
      theirsBySize.push([samples * REQUESTS, median(t)]);
    }
    const oursCpu = slope(oursBySize) * 1000;
    const theirsCpu = slope(theirsBySize) * 1000;
    const row = (name: string, s: Sample[], cpu: number, goals: string[]): (string | number)[] => [
      name,
      round1(median(s.map((x) => x.p50))),
      round1(median(s.map((x) => x.p95))),
      Math.round(cpu),
      ...goals,
    ];
    // Each shipkit row is judged against the hey runs beside it: the cold runs come first, while
    // the server too is cold (it runs in a process of its own), and hey is slower then as well.
    const p50Of = (s: Sample[]) => median(s.map((x) => x.p50));
    const p95Of = (s: Sample[]) => median(s.map((x) => x.p95));
    const cpuGoal =
      oursCpu <= 3 * theirsCpu
        ? `yes (${(oursCpu / theirsCpu).toFixed(1)} ×)`
        : `NO (${(oursCpu / theirsCpu).toFixed(1)} ×)`;
    const goals = (s: Sample[], peer: Sample[], cpu: string): string[] => [
      within(p50Of(s), p50Of(peer)) ? 'yes' : 'NO',
      within(p95Of(s), p95Of(peer)) ? 'yes' : 'NO',
      cpu,
    ];
    return {
      title,
      columns,
      rows: [
        row(`hey (Go), same server, the ${theirs.length} runs beside the warm ones`, theirs, theirsCpu, [
          '–',
          '–',
          '–',
        ]),
        row(`shipkit smoke, warm (in one process, ${ROUNDS} runs)`, ours, oursCpu, goals(ours, theirs, cpuGoal)),
        [
          ...row(`hey (Go), the ${coldHey.length} runs beside the cold ones`, coldHey, NaN, []).slice(0, 3),
          '–',
          '–',
          '–',
          '–',
        ],
        [
          ...row(`shipkit smoke, cold (a process per run, as a step, ${COLD_RUNS} runs)`, cold, NaN, []).slice(0, 3),
          `${Math.round(median(cold.map((c) => c.cpuMs)))} ms all in`,
          ...goals(cold, coldHey, '–'),
        ],
      ],
      notes: [
        `medians; warm: ${ROUNDS} rounds of hey and shipkit back to back (alternating which goes first) after warm-up runs; each shipkit row is judged against the hey runs beside it (the cold runs come first, while the server's own process is cold too), alternating which goes first; percentiles of both computed alike (type 7, as k6) from each request's time`,
        `warm rounds: p50 shipkit ${ours.map((s) => round1(s.p50)).join(', ')} / hey ${theirs.map((s) => round1(s.p50)).join(', ')}; p95 shipkit ${ours.map((s) => round1(s.p95)).join(', ')} / hey ${theirs.map((s) => round1(s.p95)).join(', ')}`,
        `shipkit times each request from its write to the socket to its last byte (k6's http_req_duration); hey from before its client call to the end of the body (connection set-up included for the first request on each connection)`,
        `CPU µs/request: slope of CPU over run size (${SIZES.map((n) => n * REQUESTS).join(', ')} requests, median of 3 runs each), so neither hey's process start nor shipkit's check parsing counts; shipkit ${oursBySize.map(([n, c]) => `${n}: ${Math.round(c)} ms`).join(', ')}; hey ${theirsBySize.map(([n, c]) => `${n}: ${Math.round(c)} ms`).join(', ')}; shipkit in-process (process.cpuUsage), hey by getrusage of its process`,
        `cold runs: p50 ${cold.map((s) => round1(s.p50)).join(', ')}, p95 ${cold.map((s) => round1(s.p95)).join(', ')} ms; hey beside them: p50 ${coldHey.map((s) => round1(s.p50)).join(', ')}, p95 ${coldHey.map((s) => round1(s.p95)).join(', ')} ms; a cold run's CPU includes compiling the request path`,
        `load average while measuring: ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${os.cpus().length} CPUs`,
      ],
    };
  } finally {
    child.kill();
  }
}

function curl(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-sS', '--fail', '-o', '/dev/null', '--max-time', '10', url], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`curl exited with ${code} for ${url}`))));
  });
}

async function wallTable(): Promise<BenchTable> {
  const { base, child } = await startServer(SLOW_MS);
  try {
    const checks = checksYaml(REQUESTS, true);
    await shipkit(base, checks, 1); // warm-up: JIT and the YAML parser's first run are not what a run costs
    const runs: (Sample & { wallMs: number })[] = [];
    for (let i = 0; i < 5; i++) runs.push(await shipkit(base, checks, 1));
    const curlStarted = performance.now();
    for (let i = 0; i < REQUESTS; i++) await curl(`${base}/item/${i}`);
    const curlMs = performance.now() - curlStarted;
    const wall = median(runs.map((r) => r.wallMs));
    return {
      title: `smoke: ${REQUESTS} checks against a server answering in ${SLOW_MS} ms`,
      columns: ['runner', 'wall ms (median)', 'CPU ms', 'target ms', 'meets target', 'curl one by one ÷ this'],
      rows: [
        [
          `shipkit smoke, whole stage (concurrency ${CONCURRENCY})`,
          Math.round(wall),
          Math.round(median(runs.map((r) => r.cpuMs))),
          Math.round(WALL_TARGET_MS),
          wall <= WALL_TARGET_MS ? 'yes' : 'NO',
          `${(curlMs / wall).toFixed(1)}×`,
        ],
        ['curl spawned per check, one by one', Math.round(curlMs), '–', '–', '–', '1.0×'],
      ],
      notes: [
        `target = 1.2 × (${REQUESTS}/${CONCURRENCY} × ${SLOW_MS} ms); median of 5 runs after a warm-up: ${runs.map((r) => Math.round(r.wallMs)).join(', ')} ms; CPU is shipkit's process only (the server runs in its own)`,
        `curl: ${(curlMs / REQUESTS).toFixed(1)} ms per check (process spawn + ${SLOW_MS} ms answer)`,
      ],
    };
  } finally {
    child.kill();
  }
}

export default async function (): Promise<BenchTable[]> {
  return [await latencyTable(), await wallTable()];
}
