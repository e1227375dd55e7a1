import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../../src/core/context.js';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import { MemoryLogger } from '../../../src/core/logger.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { assertValidReport } from '../../../src/core/report/index.js';
import { readMigrateOptions } from '../../../src/stages/migrate/options.js';
import { migrateReportSchema } from '../../../src/stages/migrate/report-schema.js';
import { runMigrate } from '../../../src/stages/migrate/run.js';

/** A working directory with a `migrations/` folder holding `files`. */
export function project(files: Record<string, string>): { cwd: string; write: (name: string, sql: string) => void } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'shipkit-migrate-'));
  mkdirSync(path.join(cwd, 'migrations'));
  const write = (name: string, sql: string): void => writeFileSync(path.join(cwd, 'migrations', name), sql);
  for (const [name, sql] of Object.entries(files)) write(name, sql);
  return { cwd, write };
}

export function context(cwd: string, overrides: Partial<StageContext> = {}): StageContext & { logger: MemoryLogger } {
  return {
    cwd,
    env: { ...process.env },
    logger: new MemoryLogger(),
    run: { url: 'https://github.com/acme/app/actions/runs/42' },
    signal: new AbortController().signal,
    ...overrides,
  } as StageContext & { logger: MemoryLogger };
}

/** Runs the stage as the action and CLI do (options reader included) and checks the report's schema. */
export async function migrate(cwd: string, inputs: Record<string, string>, ctx = context(cwd)): Promise<StageOutcome> {
  const options = readMigrateOptions(new InputReader(mapSource({ dir: 'migrations', ...inputs }, 'input')), ctx.env);
  const outcome = await runMigrate(options, ctx);
  assertValidReport(outcome.report, migrateReportSchema);
  return outcome;
}

export function migrations(outcome: StageOutcome): {
  applied: { version: string }[];
  pending: { version: string }[];
  history: { version: string; appliedBy: string; kind: string }[];
  destructive: { file: string; line: number; kind: string }[];
  rolledBack: string[];
  restored?: string;
  failure?: { file: string; line?: number; message: string };
  backupPath?: string;
} {
  return outcome.report.migrations as ReturnType<typeof migrations>;
}
