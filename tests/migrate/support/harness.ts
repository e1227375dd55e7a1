import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../../src/core/context.js';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import type { MemoryLogger } from '../../../src/core/logger.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { assertReportMatches } from '../../../src/core/report/schema.js';
import { MigrateReport, type Migrations } from '../../../src/stages/migrate/report-schema.js';
import { migrateStage } from '../../../src/stages/migrate/stage.js';
import { stageContext } from '../../support/stage-context.js';

/** A working directory with a `migrations/` folder holding `files`. */
export function project(files: Record<string, string>): { cwd: string; write: (name: string, sql: string) => void } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'shipkit-migrate-'));
  mkdirSync(path.join(cwd, 'migrations'));
  const write = (name: string, sql: string): void => writeFileSync(path.join(cwd, 'migrations', name), sql);
  for (const [name, sql] of Object.entries(files)) write(name, sql);
  return { cwd, write };
}

/** The context an action run would get, outside Actions (no GITHUB_ACTIONS: the embedded default is allowed). */
export function context(cwd: string, overrides: Partial<StageContext> = {}): StageContext & { logger: MemoryLogger } {
  const { GITHUB_ACTIONS: _inActions, ...env } = process.env;
  return stageContext({ cwd, env, run: { url: 'https://github.com/acme/app/actions/runs/42' }, ...overrides });
}

/** Runs the stage as the action and CLI do (its options reader included) and checks the report against its schema. */
export async function migrate(cwd: string, inputs: Record<string, string>, ctx = context(cwd)): Promise<StageOutcome> {
  const options = migrateStage.readOptions(new InputReader(mapSource({ dir: 'migrations', ...inputs }, 'input')), ctx);
  const outcome = await migrateStage.run(options, ctx);
  assertReportMatches(MigrateReport, outcome.report);
  return outcome;
}

export function migrations(outcome: StageOutcome): Migrations {
  return (outcome.report as unknown as MigrateReport).migrations;
}
