import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import type { MemoryLogger } from '../../../src/core/logger.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { runTestStage, type TestStageDeps } from '../../../src/stages/test-stage/run.js';
import { testStage } from '../../../src/stages/test-stage/stage.js';
import { stageContext } from '../../support/stage-context.js';

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
  // Baselines live where SHIPKIT_BASELINE_DIR says (a test shares one directory between runs), else a fresh one.
  const ctx = stageContext({
    cwd,
    env: cleanEnv(env),
    ...(env.SHIPKIT_BASELINE_DIR ? { baselineDir: env.SHIPKIT_BASELINE_DIR } : {}),
  });
  const options = testStage.readOptions(new InputReader(mapSource(inputs, 'input')), ctx);
  const outcome =
    Object.keys(deps).length > 0 ? await runTestStage(options, ctx, deps) : await testStage.run(options, ctx);
  return { outcome, logger: ctx.logger };
}
