// migrate: the same 500 migration files (NNNN_name.up.sql / .down.sql, which both tools read) applied
// by shipkit's CLI bundle and by golang-migrate to a fresh PostgreSQL 15 database, then run again with
// nothing pending; and applied by shipkit to a fresh PGlite directory, with the process's peak memory.
// Targets (issue 12): no-op ≤ 3× golang-migrate's time; apply ≤ 1× the peer's; PGlite peak ≤ 300 MiB.
// Each tool with its defaults: shipkit applies the run in one transaction; golang-migrate commits
// each file and marks its schema_migrations row dirty and clean around it.
import ncc from '@vercel/ncc';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pgQuery } from '../tests/migrate/support/query.js';
import { startPostgres } from '../tests/migrate/support/servers.js';
import { stageContext } from '../tests/support/stage-context.js';
import { InputReader, mapSource } from '../src/core/inputs.js';
import { migrateStage } from '../src/stages/migrate/stage.js';
import type { BenchTable } from './types.js';

const FILES = 500;
const APPLY_RUNS = 3;
const NOOP_RUNS = 9;
const PGLITE_RUNS = 2;
const NOOP_TARGET = 3;
const APPLY_TARGET = 1;
const PGLITE_BUDGET_MIB = 300;
const CLI = path.resolve(import.meta.dirname, '../dist/cli/index.js');

/** Prints the process's peak resident set (VmHWM) to stderr as it exits: loaded with --require. */
const PEAK_HOOK = `process.on('exit', () => {
  const m = /VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
  require('fs').writeSync(2, '\\nshipkit-bench-peak-kib ' + (m ? m[1] : '0') + '\\n');
});`;

/** A realistic schema history: tables with keys, indexes and rows, and now and then a column added. */
function writeMigrations(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= FILES; i++) {
    const name = `${String(i).padStart(4, '0')}_table_${i}`;
    const alter = i > 1 && i % 10 === 0 ? `ALTER TABLE t_${i - 1} ADD COLUMN note text;\n` : '';
    writeFileSync(
      path.join(dir, `${name}.up.sql`),
      `CREATE TABLE t_${i} (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\nCREATE INDEX t_${i}_name ON t_${i} (name);\nINSERT INTO t_${i} (name) VALUES ('a'), ('b'), ('c');\n${alter}`,
    );
    writeFileSync(path.join(dir, `${name}.down.sql`), `DROP TABLE t_${i};\n`);
  }
}

interface Timed {
  ms: number;
  peakMiB?: number;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      const peak = /shipkit-bench-peak-kib (\d+)/.exec(stderr)?.[1];
      resolve({ ms, ...(peak ? { peakMiB: Number(peak) / 1024 } : {}) });
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (n: number): string => n.toFixed(0);

/** The stage's own no-op, called as the CLI calls it but in this (warm) process: no start-up in it. */
async function stageInProcess(dir: string, url: string, cwd: string): Promise<number> {
  const options = migrateStage.readOptions(
    new InputReader(mapSource({ dir, 'database-url': url }, 'flag')),
    stageContext({ cwd, env: { PATH: process.env.PATH } }),
  );
  const started = performance.now();
  const outcome = await migrateStage.run(options, stageContext({ cwd, env: { PATH: process.env.PATH } }));
  const ms = performance.now() - started;
  if (outcome.outputs.applied !== '') throw new Error('the in-process no-op applied something');
  return ms;
}

/** bench/support/migrate-noop-floor.ts bundled as the CLI is (ncc, pg inside): returns its entry. */
async function bundleFloor(work: string): Promise<string> {
  const source = path.resolve(import.meta.dirname, 'support/migrate-noop-floor.ts');
  const { code, assets } = await ncc(source, { quiet: true, minify: false, target: 'es2022' });
  const out = path.join(work, 'floor');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'index.mjs'), code);
  for (const [name, asset] of Object.entries(assets ?? {})) writeFileSync(path.join(out, name), asset.source);
  return path.join(out, 'index.mjs');
}

function whichGolangMigrate(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = path.join(dir, 'migrate');
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

export default async function (): Promise<BenchTable[]> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: node scripts/build.mjs cli`);
  const golangMigrate = whichGolangMigrate();
  const work = mkdtempSync(path.join(os.tmpdir(), 'shipkit-migrate-bench-'));
  const dir = path.join(work, 'migrations');
  writeMigrations(dir);
  const floorScript = await bundleFloor(work);
  const hook = path.join(work, 'peak-hook.cjs');
  writeFileSync(hook, PEAK_HOOK);
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: '' };
  const shipkit = (url: string, withEnv: NodeJS.ProcessEnv = env): Promise<Timed> =>
    run(process.execPath, [CLI, 'migrate', '--dir', dir, '--database-url', url], work, withEnv);
  // This machine sets NODE_EXTRA_CA_CERTS, which makes every node process parse a CA bundle as it
  // starts (~40 ms here); GitHub's runners set none. The no-op is measured both ways.
  const { NODE_EXTRA_CA_CERTS: extraCerts, ...runnerEnv } = env;
  const peer = (url: string): Promise<Timed> =>
    run(golangMigrate ?? 'migrate', ['-path', dir, '-database', `${url}?sslmode=disable`, 'up'], work);

  const server = await startPostgres();
  let n = 0;
  const fresh = async (): Promise<string> => {
    const name = `bench${++n}`;
    await pgQuery(server.url, `CREATE DATABASE ${name}`);
    return server.url.replace(/\/postgres$/, `/${name}`);
  };
  try {
    const apply = { shipkit: [] as number[], peer: [] as number[] };
    const noop = { shipkit: [] as number[], peer: [] as number[] };
    const applied = { shipkit: '', peer: '' };
    for (let i = 0; i < APPLY_RUNS; i++) {
      applied.shipkit = await fresh();
      apply.shipkit.push((await shipkit(applied.shipkit)).ms);
      if (golangMigrate) {
        applied.peer = await fresh();
        apply.peer.push((await peer(applied.peer)).ms);
      }
    }
    // Nothing pending: what every deploy after the first costs.
    await shipkit(applied.shipkit); // warm the file cache for the bundle's chunks
    const floors = { node: [] as number[], cli: [] as number[], stage: [] as number[], least: [] as number[] };
    const asOnRunner = { noop: [] as number[], node: [] as number[], least: [] as number[] };
    const least = (withEnv: NodeJS.ProcessEnv) =>
      run(process.execPath, [floorScript, dir, applied.shipkit], work, withEnv);
    for (let i = 0; i < NOOP_RUNS; i++) {
      noop.shipkit.push((await shipkit(applied.shipkit)).ms);
      if (extraCerts) {
        asOnRunner.noop.push((await shipkit(applied.shipkit, runnerEnv)).ms);
        asOnRunner.node.push((await run(process.execPath, ['-e', '0'], work, runnerEnv)).ms);
        asOnRunner.least.push((await least(runnerEnv)).ms);
      }
      floors.least.push((await least(env)).ms);
      if (golangMigrate) noop.peer.push((await peer(applied.peer)).ms);
      // Where the no-op's time goes: Node starting, the CLI loading, the stage's own work in a warm process.
      floors.node.push((await run(process.execPath, ['-e', '0'], work, env)).ms);
      floors.cli.push((await run(process.execPath, [CLI, '--version'], work, env)).ms);
      floors.stage.push(await stageInProcess(dir, applied.shipkit, work));
    }

    const pglite: Timed[] = [];
    for (let i = 0; i < PGLITE_RUNS; i++) {
      const location = path.join(work, `pglite-${i}`);
      pglite.push(
        await run(
          process.execPath,
          ['--require', hook, CLI, 'migrate', '--dir', dir, '--database-url', `pglite:${location}`],
          work,
          env,
        ),
      );
    }

    const row = (label: string, ours: number[], theirs: number[], target: number): (string | number)[] => {
      const a = median(ours);
      const b = median(theirs);
      const ratio = a / b;
      return [
        label,
        fmt(a),
        theirs.length ? fmt(b) : 'not installed',
        theirs.length ? ratio.toFixed(2) : '–',
        `≤ ${target}×`,
        theirs.length ? (ratio <= target ? 'yes' : 'NO') : 'unmeasured',
      ];
    };
    const floor = (label: string, ours: number[], theirs: number[]): (string | number)[] => [
      label,
      fmt(median(ours)),
      theirs.length ? fmt(median(theirs)) : 'not installed',
      theirs.length ? (median(ours) / median(theirs)).toFixed(2) : '–',
      '',
      '',
    ];
    const peak = Math.max(...pglite.map((p) => p.peakMiB ?? NaN));
    return [
      {
        title: `migrate: ${FILES} migration files on PostgreSQL 15, shipkit CLI vs golang-migrate`,
        columns: [
          'run',
          'shipkit ms (median)',
          'golang-migrate ms (median)',
          'shipkit ÷ golang-migrate',
          'target',
          'meets target',
        ],
        rows: [
          row(
            `apply ${FILES} files to an empty database (${APPLY_RUNS} runs)`,
            apply.shipkit,
            apply.peer,
            APPLY_TARGET,
          ),
          row(`no-op: all ${FILES} applied (${NOOP_RUNS} runs)`, noop.shipkit, noop.peer, NOOP_TARGET),
          floor('of which: node -e 0 (Node starting)', floors.node, noop.peer),
          floor('of which: shipkit --version (Node and the CLI loading)', floors.cli, noop.peer),
          floor('of which: the stage in a running process (no-op)', floors.stage, noop.peer),
          floor(
            'the least a Node program can do: pg bundled, files read and hashed, lock, history read',
            floors.least,
            noop.peer,
          ),
          ...(extraCerts
            ? [
                row(
                  `no-op as on a runner: without this machine's NODE_EXTRA_CA_CERTS (${NOOP_RUNS} runs)`,
                  asOnRunner.noop,
                  noop.peer,
                  NOOP_TARGET,
                ),
                floor('of which: node -e 0, as on a runner', asOnRunner.node, noop.peer),
                floor('the least a Node program can do, as on a runner', asOnRunner.least, noop.peer),
              ]
            : []),
        ],
        notes: [
          'Wall time from spawn to exit of each command. shipkit: node dist/cli/index.js migrate (lock, history, checksums of every file, analysis of pending files, report); golang-migrate: migrate -path … up.',
          ...(extraCerts
            ? [
                `This machine sets NODE_EXTRA_CA_CERTS (${extraCerts}): every node process then parses the CA bundle as it starts. GitHub's runners set none, so the no-op is also measured without it (golang-migrate reads no CA file for a plain connection).`,
              ]
            : []),
          "The least a Node program can do (bench/support/migrate-noop-floor.ts, bundled with ncc as the CLI is): the no-op's unavoidable work and nothing else (no CLI, no report, no checks). When its ratio is above the no-op's target, no Node implementation can meet that target on this machine: Node starting, loading pg and pg's SCRAM login take more than 3× golang-migrate's whole run.",
          golangMigrate
            ? `golang-migrate: ${golangMigrate}`
            : 'golang-migrate is not on PATH: .ci/setup/migrate.sh installs it.',
        ],
      },
      {
        title: `migrate: ${FILES} migration files into a fresh PGlite directory (no peer runs PGlite)`,
        columns: ['run', 'wall ms', 'peak RSS MiB', 'budget MiB', 'meets budget'],
        rows: pglite.map((p, i) => [
          `run ${i + 1}`,
          fmt(p.ms),
          (p.peakMiB ?? NaN).toFixed(0),
          PGLITE_BUDGET_MIB,
          (p.peakMiB ?? Infinity) <= PGLITE_BUDGET_MIB ? 'yes' : 'NO',
        ]),
        notes: [`Peak RSS is the process's VmHWM at exit; the highest of the runs: ${peak.toFixed(0)} MiB.`],
      },
    ];
  } finally {
    await server.stop();
  }
}
