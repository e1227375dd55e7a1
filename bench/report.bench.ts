// The root report action's merge of test shards (issue 15): 20 shards of 5 MB lcov each, read and
// merged as the report action does (src/stages/test-stage/shard/read.ts: every shard parsed into one
// set, then totals), against parsing each of them once into a set of its own (what any reader pays),
// and Debian's `lcov -a` on the same files beside it. Target: merge ≤ 1.5× parse.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { emptySet } from '../src/stages/test-stage/coverage/coverage-set.js';
import { parseLcov } from '../src/stages/test-stage/coverage/lcov.js';
import { openReport } from '../src/stages/test-stage/coverage/report-file.js';
import { totals } from '../src/stages/test-stage/coverage/totals.js';
import { SHARD_FORMAT, SHARD_VERSION, type ShardDocument } from '../src/stages/test-stage/shard/format.js';
import { readShards, type ShardFiles } from '../src/stages/test-stage/shard/read.js';
import type { BenchTable } from './types.js';

const run = promisify(execFile);
const SHARDS = 20;
const FILES = 2_100;
const LINES = 200;
const FUNCTIONS = 10;
const ARMS = 20;
const MB = 1024 * 1024;

/** A deterministic generator: shard `s` covers a different mix of the same files, lines, arms and functions. */
function shardLcov(s: number): string {
  let seed = 12_345 + s * 7_919;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed;
  };
  const parts: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const lines = [`TN:`, `SF:src/pkg${f % 40}/file${f}.ts`];
    for (let k = 0; k < FUNCTIONS; k++) lines.push(`FN:${k * 20 + 1},fn${k}`);
    for (let k = 0; k < FUNCTIONS; k++) lines.push(`FNDA:${next() % 4 === 0 ? 0 : next() % 50},fn${k}`);
    lines.push(`FNF:${FUNCTIONS}`, `FNH:0`);
    for (let k = 0; k < ARMS; k++)
      lines.push(`BRDA:${(k >> 1) * 9 + 3},0,${k & 1},${next() % 3 === 0 ? '-' : next() % 20}`);
    lines.push(`BRF:${ARMS}`, `BRH:0`);
    // Every 17th line is never run by any shard: the merged totals are not all 100 %.
    for (let l = 1; l <= LINES; l++) lines.push(`DA:${l},${l % 17 === 0 || next() % 5 === 0 ? 0 : next() % 300}`);
    lines.push(`LF:${LINES}`, `LH:0`, 'end_of_record');
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n')}\n`;
}

function shardJson(s: number): string {
  const doc: ShardDocument = {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    shard: `${s + 1}/${SHARDS}`,
    job: 'unit',
    coverage: {
      measured: { lines: true, branches: true, functions: true, statements: false },
      sources: [{ file: 'coverage/lcov.info', format: 'lcov' }],
      statements: {},
      countedBranches: [],
      summaryOnly: {},
      unmatched: [],
    },
    tests: null,
    commands: [],
    options: { min: {}, pathThresholds: [], requireBaseline: false, annotate: true },
  };
  return JSON.stringify(doc);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Best of `n` (the least disturbed by GC and the machine's other work). */
async function best(n: number, fn: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < n; i++) min = Math.min(min, await time(fn));
  return min;
}

export default async function reportBench(): Promise<BenchTable[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-bench-report-'));
  try {
    const shards: ShardFiles[] = [];
    let bytes = 0;
    for (let s = 0; s < SHARDS; s++) {
      const lcov = path.join(dir, `test-${s}.coverage.lcov`);
      const text = shardLcov(s);
      bytes += Buffer.byteLength(text);
      writeFileSync(lcov, text);
      const json = path.join(dir, `test-${s}.shard.json`);
      writeFileSync(json, shardJson(s));
      shards.push({ json, lcov });
    }
    const parseOnce = async (): Promise<void> => {
      for (const s of shards) {
        const set = emptySet();
        await parseLcov(await openReport(s.lcov ?? '', dir), set);
        totals(set);
      }
    };
    let merged: ReturnType<typeof totals> | undefined;
    const merge = async (): Promise<void> => {
      const m = await readShards(shards);
      merged = m.set ? totals(m.set) : undefined;
    };
    const parseMs = await best(3, parseOnce);
    const mergeMs = await best(3, merge);
    const lcovOut = path.join(dir, 'merged.info');
    const lcovMs = await time(() =>
      run('lcov', [...shards.flatMap((s) => ['-a', s.lcov ?? '']), '-o', lcovOut, '--rc', 'lcov_branch_coverage=1'], {
        maxBuffer: 16 * MB,
        timeout: 1_800_000,
      }),
    );
    const { stdout } = await run('lcov', ['--summary', lcovOut, '--rc', 'lcov_branch_coverage=1'], { maxBuffer: MB });
    const lcovLines = /lines\.*: [\d.]+% \((\d+) of (\d+)/.exec(stdout);
    const same =
      lcovLines && merged?.lines
        ? `${merged.lines.covered}/${merged.lines.total} = lcov's ${lcovLines[1]}/${lcovLines[2]}`
        : 'n/a';
    const ratio = (ms: number): string => `${(ms / parseMs).toFixed(2)}×`;
    return [
      {
        title: `Report: merging ${SHARDS} test shards of ${(bytes / SHARDS / MB).toFixed(1)} MB lcov each (${(bytes / MB).toFixed(0)} MB)`,
        columns: ['what', 'ms', 'vs parsing once'],
        rows: [
          ['parse each shard once (parseLcov into its own set, totals)', Math.round(parseMs), '1.00×'],
          ['merge as the report action does (readShards, totals)', Math.round(mergeMs), ratio(mergeMs)],
          ['lcov -a (Debian lcov 1.16) on the same files', Math.round(lcovMs), ratio(lcovMs)],
        ],
        notes: [
          'Target: merge ≤ 1.5× parsing once. Best of 3 runs in one process for shipkit; one run of lcov -a.',
          `Merged line totals: ${same}.`,
        ],
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
