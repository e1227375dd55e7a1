// smoke: 200 checks at concurrency 20 against a local server that answers each request after 50 ms.
// Target: wall time ≤ 1.2 × (200 / 20 × 50 ms) = 600 ms. Peer: the same checks run one by one by
// spawning curl per check, as curl-based health-check actions do.
import { spawn } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import os from 'node:os';
import { InputReader, mapSource } from '../src/core/inputs.js';
import { silentLogger } from '../src/core/logger.js';
import { parseChecks } from '../src/stages/smoke/checks-file.js';
import { HttpClient } from '../src/stages/smoke/http-client.js';
import { runChecks } from '../src/stages/smoke/run-checks.js';
import { smokeCommand } from '../src/stages/smoke/command.js';
import type { BenchTable } from './types.js';

/** As the stage does: every request in flight listens on one signal, more than Node's default 10. */
function requestsSignal(): AbortSignal {
  const { signal } = new AbortController();
  setMaxListeners(0, signal);
  return signal;
}

const CHECKS = 200;
const CONCURRENCY = 20;
const LATENCY_MS = 50;
const TARGET_MS = 1.2 * (CHECKS / CONCURRENCY) * LATENCY_MS;
const RUNS = 5;

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, path: req.url }));
  }, ${LATENCY_MS});
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

function curl(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-sS', '--fail', '-o', '/dev/null', '--max-time', '10', url], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`curl exited with ${code} for ${url}`))));
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number): number => Math.round(n);

/** Wall times of RUNS runs after a warm-up, and the median CPU time (user + system, server included). */
async function timed(fn: () => Promise<void>): Promise<{ wall: number[]; cpu: number }> {
  await fn(); // warm-up: JIT and the YAML parser's first run are not what a 200-check run costs
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu: median(cpu) };
}

export default async function (): Promise<BenchTable[]> {
  // The server runs in its own process, as a deployment would: its CPU is not shipkit's.
  const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const checks = `checks:\n${Array.from(
    { length: CHECKS },
    (_, i) =>
      `  - name: c${i}\n    path: /item/${i}\n    expect:\n      status: 200\n      json:\n        $.ok: true\n`,
  ).join('')}`;
  try {
    // The whole stage, as `npx shipkit smoke` runs it: parse, validate, request, evaluate, report.
    const stage = await timed(async () => {
      const outcome = await smokeCommand.run(
        new InputReader(mapSource({ url: base, checks, concurrency: String(CONCURRENCY) }, 'input')),
        { cwd: os.tmpdir(), env: {}, logger: silentLogger, run: {}, signal: new AbortController().signal },
      );
      if (outcome.report.status !== 'pass') throw new Error(`smoke bench run failed: ${outcome.report.summary}`);
    });
    // The HTTP part alone, to show where time goes on a busy machine.
    const parsed = parseChecks({ text: checks }, new URL(base));
    const requests = await timed(async () => {
      const client = new HttpClient({ concurrency: CONCURRENCY });
      try {
        await runChecks(client, parsed, {
          samples: 1,
          concurrency: CONCURRENCY,
          requestTimeoutMs: 10_000,
          maxBodyBytes: 1024 * 1024,
          headers: {},
          securityHeaders: false,
          deadline: Date.now() + 60_000,
          deadlineMessage: 'deadline',
          signal: requestsSignal(),
        });
      } finally {
        client.close();
      }
    });

    const curlStarted = performance.now();
    for (let i = 0; i < CHECKS; i++) await curl(`${base}/item/${i}`);
    const curlMs = performance.now() - curlStarted;

    const whole = median(stage.wall);
    const http = median(requests.wall);
    return [
      {
        title: `smoke: ${CHECKS} checks against a server answering in ${LATENCY_MS} ms`,
        columns: ['runner', 'wall ms (median)', 'CPU ms', 'target ms', 'meets target', 'curl one by one ÷ this'],
        rows: [
          [
            `shipkit smoke, whole stage (concurrency ${CONCURRENCY})`,
            round(whole),
            round(stage.cpu),
            round(TARGET_MS),
            whole <= TARGET_MS ? 'yes' : 'NO',
            `${(curlMs / whole).toFixed(1)}×`,
          ],
          [
            `shipkit smoke, requests only (concurrency ${CONCURRENCY})`,
            round(http),
            round(requests.cpu),
            round(TARGET_MS),
            http <= TARGET_MS ? 'yes' : 'NO',
            `${(curlMs / http).toFixed(1)}×`,
          ],
          ['curl spawned per check, one by one', round(curlMs), '–', '–', '–', '1.0×'],
        ],
        notes: [
          `target = 1.2 × (${CHECKS}/${CONCURRENCY} × ${LATENCY_MS} ms); median of ${RUNS} runs after a warm-up; whole stage: ${stage.wall.map(round).join(', ')} ms; requests: ${requests.wall.map(round).join(', ')} ms; CPU is shipkit's process only (the server runs in its own)`,
          `curl: ${(curlMs / CHECKS).toFixed(1)} ms per check (process spawn + ${LATENCY_MS} ms answer)`,
          `load average while measuring: ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')} on ${os.cpus().length} CPUs`,
        ],
      },
    ];
  } finally {
    server.kill();
  }
}
