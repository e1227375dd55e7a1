import type { Logger } from '../../core/logger.js';
import type { Driver } from './drivers/types.js';
import type { MigrationFile } from './files.js';
import { recordApplied } from './history.js';

export interface AppliedFile {
  version: string;
  name: string;
  file: string;
  durationMs: number;
}

export interface ApplyFailure {
  version: string;
  file: string;
  line?: number;
  message: string;
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

function lineOf(sql: string, error: unknown): number | undefined {
  const position = Number((error as { position?: unknown }).position);
  if (!Number.isFinite(position) || position <= 0) return undefined;
  return sql.slice(0, position - 1).split('\n').length;
}

export async function applyFiles(
  driver: Driver,
  files: readonly MigrationFile[],
  opts: { mode: 'all' | 'per-file'; appliedBy: string; logger: Logger; signal: AbortSignal },
): Promise<ApplyResult> {
  const committed: AppliedFile[] = [];
  for (const segment of segments(files, opts.mode, driver)) {
    const transactional = !segment[0]?.noTransaction;
    const pending: AppliedFile[] = [];
    let current: MigrationFile | undefined;
    try {
      if (transactional) await driver.begin();
      for (const file of segment) {
        opts.signal.throwIfAborted();
        current = file;
        opts.logger.info(`applying ${file.file}${file.noTransaction ? ' (no transaction)' : ''}`);
        const t0 = performance.now();
        await driver.execScript(file.sql, { noTransaction: file.noTransaction });
        const durationMs = Math.round(performance.now() - t0);
        await recordApplied(driver, { ...file, durationMs, appliedBy: opts.appliedBy, kind: 'applied' });
        pending.push({ version: file.version, name: file.name, file: file.file, durationMs });
      }
      if (transactional) await driver.commit();
      committed.push(...pending);
    } catch (error) {
      if (transactional) await driver.rollback().catch(() => undefined);
      const failed = current ?? segment[0];
      const line = failed ? lineOf(failed.sql, error) : undefined;
      return {
        committed,
        // Without transactional DDL (MySQL) the statements already ran: they count as committed.
        rolledBack: driver.transactionalDdl ? pending.map((p) => p.version) : [],
        failure: {
          version: failed?.version ?? '',
          file: failed?.file ?? '',
          ...(line ? { line } : {}),
          message: (error as Error).message,
        },
        ...(driver.transactionalDdl ? {} : { committed: [...committed, ...pending] }),
      };
    }
  }
  return { committed, rolledBack: [] };
}
