import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../../src/core/context.js';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import { MemoryLogger } from '../../../src/core/logger.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { readTestOptions } from '../../../src/stages/test-stage/options.js';
import { runTestStage, type TestStageDeps } from '../../../src/stages/test-stage/run.js';

export interface StageRun {
  outcome: StageOutcome;
  logger: MemoryLogger;
}

/** The machine's environment without anything from a runner, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(GITHUB_|INPUT_|RUNNER_|SHIPKIT_)/.test(k)) out[k] = v;
  return { ...out, ...env };
}

/** Env of a GitHub event: its name, payload file, ref and sha. */
export function eventEnv(
  name: string,
  payload: Record<string, unknown>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'shipkit-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, ...extra };
}

export async function runStage(
  cwd: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  deps: TestStageDeps = {},
): Promise<StageRun> {
  const logger = new MemoryLogger();
  const ctx: StageContext = { cwd, env: cleanEnv(env), logger, run: {}, signal: new AbortController().signal };
  const outcome = await runTestStage(readTestOptions(new InputReader(mapSource(inputs, 'input'))), ctx, deps);
  return { outcome, logger };
}
