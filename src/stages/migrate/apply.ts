import type { Logger } from '../../core/logger.js';
import type { Driver } from './drivers/types.js';
import type { MigrationFile } from './files.js';
import { forget, markFinished, markStarted, recordApplied } from './history.js';
import type { StatementText } from './sql/split-statements.js';
import { errorLine, statementsOf } from './sql/statements.js';

export interface AppliedFile {
  version: string;
  name: string;
  file: string;
  durationMs: number;
}

export interface ApplyFailure {
  version: string;
  file: string;
  /** The line of the statement that failed (or of the error inside it); absent when COMMIT itself failed. */
  line?: number;
  message: string;
  /** Statements of this file before the failing one ran outside a transaction: they stay unless undone. */
  partial: boolean;
}

export interface ApplyResult {
  /** Committed by this run (before any rollback strategy ran). */
  committed: AppliedFile[];
  /** Applied inside the transaction that failed, so rolled back by the database. */
  rolledBack: string[];
  failure?: ApplyFailure;
}

/**
 * Groups files into units that commit together: `all` puts consecutive transactional files in one
 * transaction; a no-transaction file always runs alone, between them.
 */
export function segments(files: readonly MigrationFile[], mode: 'all' | 'per-file', driver: Driver): MigrationFile[][] {
  const out: MigrationFile[][] = [];
  for (const file of files) {
    const last = out.at(-1);
    const joinable = mode === 'all' && driver.transactionalDdl && !file.noTransaction;
    if (joinable && last && !last[0]?.noTransaction) last.push(file);
    else out.push([file]);
  }
  return out;
}

/** Whether the statements of `file` commit one by one as they run. */
export function commitsAsItRuns(file: MigrationFile, driver: Driver): boolean {
  return file.noTransaction || !driver.transactionalDdl;
}

interface Position {
  file?: MigrationFile;
  statement?: StatementText;
  /** Statements of the current file that completed. */
  ran: number;
}

/**
 * Applies the pending files statement by statement, so a failure is known to its statement and line.
 * A file whose statements commit as they run is marked `started` in the history first: if the run
 * is killed inside it, the next run finds the mark instead of re-running the file blindly.
 */
export async function applyFiles(
  driver: Driver,
  files: readonly MigrationFile[],
  opts: { mode: 'all' | 'per-file'; appliedBy: string; logger: Logger; signal: AbortSignal },
): Promise<ApplyResult> {
  const committed: AppliedFile[] = [];
  for (const segment of segments(files, opts.mode, driver)) {
    const first = segment[0];
    if (!first) continue;
    const marked = commitsAsItRuns(first, driver);
    const transactional = !first.noTransaction;
    const done: AppliedFile[] = [];
    const at: Position = { ran: 0 };
    try {
      if (marked) await markStarted(driver, { ...first, appliedBy: opts.appliedBy });
      if (transactional) await driver.begin();
      for (const file of segment) {
        at.file = file;
        at.ran = 0;
        opts.logger.info(`applying ${file.file}${file.noTransaction ? ' (no transaction)' : ''}`);
        const t0 = performance.now();
        for (const statement of await statementsOf(file, driver.dialect)) {
          opts.signal.throwIfAborted();
          at.statement = statement;
          await driver.exec(statement.text);
          at.ran++;
        }
        at.statement = undefined;
        const durationMs = Math.round(performance.now() - t0);
        if (marked) await markFinished(driver, file.version, durationMs);
        else await recordApplied(driver, { ...file, durationMs, appliedBy: opts.appliedBy, kind: 'applied' });
        done.push({ version: file.version, name: file.name, file: file.file, durationMs });
      }
      if (transactional) await driver.commit();
      committed.push(...done);
    } catch (error) {
      if (transactional) await driver.rollback().catch(() => undefined);
      const failed = at.file ?? first;
      const partial = marked && at.ran > 0;
      // Nothing of the file ran: the mark would only stop the next run for no reason.
      if (marked && !partial) await forget(driver, failed.version).catch(() => undefined);
      return {
        // Without transactional DDL (MySQL) what ran is committed: nothing was rolled back.
        committed: driver.transactionalDdl ? committed : [...committed, ...done],
        rolledBack: driver.transactionalDdl && transactional ? done.map((p) => p.version) : [],
        failure: {
          version: failed.version,
          file: failed.file,
          ...(at.statement ? { line: errorLine(at.statement, error) } : {}),
          message: (error as Error).message,
          partial,
        },
      };
    }
  }
  return { committed, rolledBack: [] };
}
