import { UserError } from '../../core/errors.js';
import type { Driver } from './drivers/types.js';
import { compareVersions, type MigrationFile } from './files.js';
import { ensureHistoryTable, readHistory, recordApplied, type HistoryRow, type StartedRow } from './history.js';
import type { MigrateOptions } from './options.js';

/** Where the database stands against the files: what is recorded, what is pending, what an earlier run left. */
export interface Plan {
  history: HistoryRow[];
  started: StartedRow[];
  pending: MigrationFile[];
  warnings: string[];
}

/** A changed applied file means the database and the repository disagree: refuse before running anything. */
function verifyChecksums(files: readonly MigrationFile[], history: readonly HistoryRow[]): void {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const row of history) {
    const file = byVersion.get(row.version);
    if (file && file.checksum !== row.checksum) {
      throw new UserError(
        `migration ${row.version} was changed after it was applied: recorded sha256 ${row.checksum}, file now ${file.checksum}. ` +
          'Revert the edit and add a new migration instead.',
        { file: file.file },
      );
    }
  }
}

async function adoptBaseline(
  driver: Driver,
  baseline: string,
  files: readonly MigrationFile[],
  history: HistoryRow[],
  opts: { write: boolean; appliedBy: string },
): Promise<HistoryRow[]> {
  if (history.length > 0) {
    // A baseline input left in the workflow is harmless once every file up to it is recorded;
    // marking pending files as applied on a database with history would skip them silently.
    const recorded = new Set(history.map((h) => h.version));
    const skipped = files.filter((f) => compareVersions(f.version, baseline) <= 0 && !recorded.has(f.version));
    if (skipped.length === 0) return history;
    throw new UserError(
      `baseline ${baseline} applies only to a database with no migration history; this one has ${history.length} entries and ${skipped.map((f) => f.file).join(', ')} would be skipped`,
      { input: 'baseline' },
    );
  }
  const adopted = files.filter((f) => compareVersions(f.version, baseline) <= 0);
  if (adopted.length === 0)
    throw new UserError(`baseline ${baseline} is older than every migration file`, { input: 'baseline' });
  const rows: HistoryRow[] = adopted.map((f) => ({
    version: f.version,
    name: f.name,
    checksum: f.checksum,
    appliedAt: new Date().toISOString(),
    durationMs: 0,
    appliedBy: opts.appliedBy,
    kind: 'baseline',
  }));
  if (opts.write) {
    await driver.begin();
    await recordApplied(driver, rows);
    await driver.commit();
  }
  return rows;
}

/** A new file numbered below the newest applied one would run out of order: renumber it. */
function refuseLateFiles(pending: readonly MigrationFile[], history: readonly HistoryRow[]): void {
  const newest = history
    .map((h) => h.version)
    .sort(compareVersions)
    .at(-1);
  const late = newest === undefined ? [] : pending.filter((f) => compareVersions(f.version, newest) < 0);
  if (late.length > 0) {
    throw new UserError(
      `${late.map((f) => f.file).join(', ')} ${late.length === 1 ? 'is' : 'are'} older than the newest applied migration ${newest}: renumber after it`,
      { file: late[0]?.file },
    );
  }
}

export async function planRun(
  driver: Driver,
  files: readonly MigrationFile[],
  options: MigrateOptions,
  appliedBy: string,
): Promise<Plan> {
  const read = await readHistory(driver);
  // Created on the first run; a dry run creates nothing.
  if (!options.dryRun && read.rows.length === 0 && read.started.length === 0) await ensureHistoryTable(driver);
  verifyChecksums(files, read.rows);
  const history =
    options.baseline === undefined
      ? read.rows
      : await adoptBaseline(driver, options.baseline, files, read.rows, { write: !options.dryRun, appliedBy });
  const done = new Set([...history.map((h) => h.version), ...read.started.map((s) => s.version)]);
  const pending = files.filter((f) => !done.has(f.version));
  refuseLateFiles(pending, history);
  const warnings: string[] = [];
  const known = new Set(files.map((f) => f.version));
  const orphans = history.filter((h) => h.kind === 'applied' && !known.has(h.version)).map((h) => h.version);
  if (orphans.length > 0) warnings.push(`applied migrations with no file in ${options.dir}: ${orphans.join(', ')}`);
  return { history, started: read.started, pending, warnings };
}
