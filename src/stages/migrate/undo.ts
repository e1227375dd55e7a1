import { readFile } from 'node:fs/promises';
import type { ApplyResult } from './apply.js';
import type { Backup, Driver } from './drivers/types.js';
import type { MigrationFile } from './files.js';
import { forget } from './history.js';

export type Rollback = 'transaction' | 'backup' | 'down' | 'none';

export interface Undo {
  /** Versions this run committed that stay applied. */
  kept: string[];
  /** Versions this run committed and then undid. */
  undone: string[];
  /** What was undone, in one line; absent when nothing needed undoing or nothing was done. */
  restored?: string;
  warnings: string[];
}

/** `the statements of migrations/004_x.sql before line 7` — the part of a failed file that committed. */
function partOf(failure: NonNullable<ApplyResult['failure']>): string {
  return `the statements of ${failure.file}${failure.line ? ` before line ${failure.line}` : ' that ran before the error'}`;
}

async function runDownFiles(
  driver: Driver,
  files: readonly MigrationFile[],
  versions: readonly string[],
): Promise<{ undone: string[]; missing: string[] }> {
  const undone: string[] = [];
  const missing: string[] = [];
  for (const version of [...versions].reverse()) {
    const file = files.find((f) => f.version === version);
    if (!file?.down) {
      missing.push(version);
      continue;
    }
    const sql = await readFile(file.down.path, 'utf8');
    await driver.begin();
    try {
      await driver.exec(sql);
      await forget(driver, version);
      await driver.commit();
    } catch (error) {
      await driver.rollback().catch(() => undefined);
      throw error;
    }
    undone.push(version);
  }
  return { undone, missing };
}

/**
 * After a failed apply, the rollback strategy undoes what the run committed: the backup puts the
 * database back as it was before the run (the failed file's committed statements included); down
 * files undo whole files this run applied, in reverse; `transaction` and `none` leave what committed.
 * What the result says is what happened, so a later run and a reader of the report can trust it.
 */
export async function undoFailedRun(
  result: ApplyResult,
  opts: { rollback: Rollback; backup?: Backup; backupPath?: string; driver: Driver; files: readonly MigrationFile[] },
): Promise<Undo> {
  const committed = result.committed.map((c) => c.version);
  const failure = result.failure;
  if (!failure || (committed.length === 0 && !failure.partial)) return { kept: committed, undone: [], warnings: [] };
  const leftovers = [...committed, ...(failure.partial ? [partOf(failure)] : [])];
  if (opts.rollback === 'backup' && opts.backup) {
    await opts.backup.restore();
    return {
      kept: [],
      undone: committed,
      restored: `restored backup ${opts.backupPath ?? opts.backup.path}: undid ${leftovers.join(', ')}`,
      warnings: [],
    };
  }
  const warnings = failure.partial
    ? [
        `${failure.file} failed part-way with its statements committing as they ran: ${partOf(failure)} stay applied` +
          `${opts.rollback === 'down' ? ' (down files undo only whole files)' : ''}. The next run stops at this file until the database matches it (see its report); rollback: backup undoes this too.`,
      ]
    : [];
  if (opts.rollback === 'down' && committed.length > 0) {
    const { undone, missing } = await runDownFiles(opts.driver, opts.files, committed);
    return {
      kept: missing,
      undone,
      restored: `ran down files of ${undone.join(', ') || 'nothing'}${missing.length ? `; no down file for ${missing.join(', ')}, left applied` : ''}`,
      warnings,
    };
  }
  return { kept: committed, undone: [], warnings };
}
