import type { Logger } from '../../core/logger.js';
import { ScriptError, type Driver } from './drivers/types.js';
import type { MigrationFile } from './files.js';
import { forget, markFinished, markStarted, recordApplied } from './history.js';

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

/** Where a segment stopped: the file, and how many of its statements completed. */
interface Position {
  file?: MigrationFile;
  completed: number;
}

/**
 * Applies the pending files. A failure is known to its statement and line (the driver counts the
 * statements that completed). A file whose statements commit as they run is marked `started` in the
 * history first: if the run is killed inside it, the next run finds the mark instead of re-running
 * the file blindly. The history rows of a transaction's files go in with one INSERT at its end.
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
    const at: Position = { completed: 0 };
    let failedLine: number | undefined;
    try {
      if (marked) await markStarted(driver, { ...first, appliedBy: opts.appliedBy });
      if (transactional) await driver.begin();
      for (const file of segment) {
        opts.signal.throwIfAborted();
        at.file = file;
        at.completed = 0;
        opts.logger.info(`applying ${file.file}${file.noTransaction ? ' (no transaction)' : ''}`);
        const t0 = performance.now();
        try {
          await driver.execScript(file, { inTransaction: transactional, signal: opts.signal });
        } catch (error) {
          if (error instanceof ScriptError) {
            at.completed = error.completed;
            failedLine = error.line;
          }
          throw error;
        }
        const durationMs = Math.round(performance.now() - t0);
        if (marked) await markFinished(driver, file.version, durationMs);
        done.push({ version: file.version, name: file.name, file: file.file, durationMs });
      }
      at.file = undefined;
      if (!marked) {
        const byVersion = new Map(segment.map((f) => [f.version, f]));
        await recordApplied(
          driver,
          done.map((d) => ({
            ...d,
            checksum: byVersion.get(d.version)?.checksum ?? '',
            appliedBy: opts.appliedBy,
            kind: 'applied' as const,
          })),
        );
      }
      if (transactional) await driver.commit();
      committed.push(...done);
    } catch (error) {
      if (transactional) await driver.rollback().catch(() => undefined);
      const failed = at.file ?? segment.at(-1) ?? first;
      const partial = marked && at.completed > 0;
      // Nothing of the file ran: the mark would only stop the next run for no reason.
      if (marked && !partial) await forget(driver, failed.version).catch(() => undefined);
      const cause = error instanceof ScriptError && error.cause !== undefined ? error.cause : error;
      return {
        // Without transactional DDL (MySQL) what ran is committed: nothing was rolled back.
        committed: driver.transactionalDdl ? committed : [...committed, ...done],
        rolledBack: driver.transactionalDdl && transactional ? done.map((p) => p.version) : [],
        failure: {
          version: failed.version,
          file: failed.file,
          ...(failedLine ? { line: failedLine } : {}),
          message: (cause as Error).message ?? String(cause),
          partial,
        },
      };
    }
  }
  return { committed, rolledBack: [] };
}
