import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../../src/core/context.js';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import type { MemoryLogger } from '../../../src/core/logger.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { assertReportMatches } from '../../../src/core/report/schema.js';
import { scanStage } from '../../../src/stages/scan/stage.js';
import { stageContext } from '../../support/stage-context.js';
import { FIXTURES, npmEnv } from './npm.js';

/** pnpm and yarn berry, as .ci/setup/scan-tools.sh installs them. */
export const PM_BIN = '/var/cache/shipkit/node-pm/node_modules/.bin';
export const OSV_BIN = '/var/cache/shipkit/osv-scanner-v2.2.4';

/**
 * One project with npm's, pnpm's and yarn's lockfiles of the same dependencies (lodash 4.17.15,
 * minimist 1.2.5, mkdirp 0.5.1 with minimist 0.0.8), each written by its own tool: the three audits
 * report the same advisories for the same packages in the same place.
 */
export function threeLockfileProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-scan-stage-'));
  cpSync(path.join(FIXTURES, 'projects/npm-app'), dir, { recursive: true });
  cpSync(path.join(FIXTURES, 'projects/pnpm-app/pnpm-lock.yaml'), path.join(dir, 'pnpm-lock.yaml'));
  cpSync(path.join(FIXTURES, 'projects/yarn-app/yarn.lock'), path.join(dir, 'yarn.lock'));
  return dir;
}

/** The environment the audits run in: the local advisory endpoint as every tool's registry, pnpm and yarn on PATH. */
export function auditEnv(registry: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = npmEnv(registry);
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!/^(GITHUB_|INPUT_|RUNNER_)/.test(k)) clean[k] = v;
  return {
    ...clean,
    PATH: `${PM_BIN}:${OSV_BIN}:${env.PATH ?? ''}`,
    YARN_NPM_AUDIT_REGISTRY: registry.replace(/\/$/, ''),
    YARN_UNSAFE_HTTP_WHITELIST: '127.0.0.1',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_GLOBAL_CACHE: '0',
    ...extra,
  };
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

export interface ScanRun {
  outcome: StageOutcome;
  ctx: StageContext & { logger: MemoryLogger };
}

/** Reads options as the action reads inputs, runs the stage in-process, and checks the report against its schema. */
export async function runScanStage(
  cwd: string,
  inputs: Record<string, string>,
  overrides: Partial<StageContext> & { baselineDir?: string } = {},
): Promise<ScanRun> {
  const ctx = stageContext({ cwd, ...overrides });
  const options = scanStage.readOptions(new InputReader(mapSource(inputs, 'input')), ctx);
  const outcome = await scanStage.run(options, ctx);
  assertReportMatches(scanStage.reportSchema as never, outcome.report);
  return { outcome, ctx };
}
