import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../../src/core/context.js';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { savedFiles } from '../../../src/core/report/saved-files.js';
import type { ReportReport } from '../../../src/stages/report/report-schema.js';
import { reportStage } from '../../../src/stages/report/stage.js';
import { testStage } from '../../../src/stages/test-stage/stage.js';
import { stageContext } from '../../support/stage-context.js';

export const REPO = path.resolve(import.meta.dirname, '../../..');

export const tempDir = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), `shipkit-${prefix}-`));

/** The machine's environment without anything from a runner, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(GITHUB_|INPUT_|RUNNER_|SHIPKIT_|ACTIONS_)/.test(k)) out[k] = v;
  return { ...out, ...env };
}

/** Env of a GitHub event: its name, payload file, and more. */
export function eventEnv(
  name: string,
  payload: Record<string, unknown>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const file = path.join(tempDir('event'), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, ...extra };
}

/** Writes the files a stage run saves for the report action (as the CLI's --report-dir does). */
export function saveOutcome(outcome: StageOutcome, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of savedFiles(outcome, (t) => t)) writeFileSync(path.join(dir, f.name), [...f.data].join(''));
}

/** One test-stage run in-process, as a matrix shard (`shard`) would run it. */
export async function runTestShard(
  cwd: string,
  inputs: Record<string, string>,
  opts: { shard?: string; env?: Record<string, string>; baselineDir?: string; ctx?: Partial<StageContext> } = {},
): Promise<StageOutcome> {
  const ctx = stageContext({
    cwd,
    env: cleanEnv(opts.env),
    run: { job: 'unit', ...(opts.shard ? { shard: opts.shard } : {}) },
    ...(opts.baselineDir ? { baselineDir: opts.baselineDir } : {}),
    ...opts.ctx,
  });
  return testStage.run(testStage.readOptions(new InputReader(mapSource(inputs, 'input')), ctx), ctx);
}

export async function runReportStage(
  cwd: string,
  inputs: Record<string, string>,
  opts: { env?: Record<string, string>; baselineDir?: string; ctx?: Partial<StageContext> } = {},
): Promise<{ outcome: StageOutcome; report: ReportReport; ctx: ReturnType<typeof stageContext> }> {
  const ctx = stageContext({
    cwd,
    env: cleanEnv(opts.env),
    run: { job: 'report' },
    ...(opts.baselineDir ? { baselineDir: opts.baselineDir } : {}),
    ...opts.ctx,
  });
  const outcome = await reportStage.run(reportStage.readOptions(new InputReader(mapSource(inputs, 'input')), ctx), ctx);
  return { outcome, report: outcome.report as ReportReport, ctx };
}

export interface LcovSummary {
  lines?: { covered: number; total: number };
  functions?: { covered: number; total: number };
  branches?: { covered: number; total: number };
}

/** `lcov -a` (Debian's lcov) over the files, and its own summary of the result. */
export function lcovAdd(files: readonly string[]): LcovSummary {
  const out = path.join(tempDir('lcov'), 'merged.info');
  const args = [...files.flatMap((f) => ['-a', f]), '-o', out, '--rc', 'lcov_branch_coverage=1'];
  const text = execFileSync('lcov', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const summary: LcovSummary = {};
  for (const metric of ['lines', 'functions', 'branches'] as const) {
    const m = new RegExp(`${metric}\\.*: [\\d.]+% \\((\\d+) of (\\d+) `).exec(text);
    if (m) summary[metric] = { covered: Number(m[1]), total: Number(m[2]) };
  }
  return summary;
}

export function hasTool(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}
