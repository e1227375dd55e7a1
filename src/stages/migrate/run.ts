import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import type { StageOutcome } from '../../core/outcome.js';
import { applyFiles, type ApplyResult } from './apply.js';
import { pgObjects, restoreBackup, takeBackup } from './backup.js';
import { connectAndLock } from './connect.js';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { LockTimeout, type Driver } from './drivers/types.js';
import { compareVersions, loadMigrations, type MigrationFile } from './files.js';
import { ensureHistoryTable, forget, readHistory, recordApplied, type HistoryRow } from './history.js';
import type { MigrateOptions } from './options.js';
import { buildOutcome, type MigrateResult } from './outcome.js';
import { runTool } from './run-tool.js';
import { analyzeFiles } from './sql/analyze.js';

type Rollback = 'transaction' | 'backup' | 'down' | 'none';

function effectiveRollback(options: MigrateOptions, target: DatabaseTarget): Rollback {
  if (options.rollback === 'auto') return target.kind === 'mysql' ? 'backup' : 'transaction';
  if (options.rollback === 'backup' && target.kind !== 'postgres' && target.kind !== 'mysql') {
    throw new UserError(
      `rollback: backup needs PostgreSQL or MySQL/MariaDB; ${target.kind} rolls back by transaction`,
      {
        input: 'rollback',
      },
    );
  }
  return options.rollback;
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
    for (const r of rows) await recordApplied(driver, r);
    await driver.commit();
  }
  return rows;
}

async function undoWithDownFiles(
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
    await driver.execScript(file.down.sql, { noTransaction: false });
    await forget(driver, version);
    undone.push(version);
  }
  return { undone, missing };
}

export async function runMigrate(options: MigrateOptions, ctx: StageContext): Promise<StageOutcome> {
  const startedAt = new Date();
  const target = parseDatabaseUrl(options.databaseUrl, ctx.cwd);
  const appliedBy = ctx.run.url ?? `${os.userInfo().username}@${os.hostname()} pid ${process.pid}`;
  const rollback = effectiveRollback(options, target);
  const base: MigrateResult = {
    startedAt,
    options,
    target,
    rollback,
    files: [],
    gaps: [],
    history: [],
    pendingBefore: [],
    findings: [],
    warnings: [],
  };
  const files = options.tool === 'shipkit' ? await loadMigrations(ctx.cwd, options.dir) : { files: [], gaps: [] };
  base.files = files.files;
  base.gaps = files.gaps;
  if (files.gaps.length > 0) base.warnings.push(`version gaps in ${options.dir}: ${files.gaps.join(', ')} missing`);

  let connection: { driver: Driver; waitedMs: number };
  try {
    connection = await connectAndLock(
      target,
      { label: appliedBy },
      {
        lock: !options.dryRun || target.kind === 'pglite' || target.kind === 'sqlite',
        timeoutMs: options.lockTimeoutMs,
        signal: ctx.signal,
      },
    );
  } catch (error) {
    if (error instanceof LockTimeout)
      return buildOutcome({ ...base, lock: { waitedMs: error.waitedMs, holder: error.holder, acquired: false } }, ctx);
    throw error;
  }
  const { driver } = connection;
  base.lock = { waitedMs: connection.waitedMs, acquired: true };
  try {
    if (options.tool !== 'shipkit') {
      const r = await runTool(options, target, driver, ctx);
      return buildOutcome(
        {
          ...base,
          tool: r.tool,
          ...(r.backupPath ? { backupPath: path.relative(ctx.cwd, r.backupPath) } : {}),
          ...(r.restored ? { restored: r.restored } : {}),
        },
        ctx,
      );
    }
    if (!options.dryRun) await ensureHistoryTable(driver);
    let history = await readHistory(driver);
    verifyChecksums(files.files, history);
    if (options.baseline !== undefined) {
      history = await adoptBaseline(driver, options.baseline, files.files, history, {
        write: !options.dryRun,
        appliedBy,
      });
    }
    base.history = history;
    const done = new Set(history.map((h) => h.version));
    const pending = files.files.filter((f) => !done.has(f.version));
    base.pendingBefore = pending;
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
    const known = new Set(files.files.map((f) => f.version));
    const orphans = history.filter((h) => h.kind === 'applied' && !known.has(h.version)).map((h) => h.version);
    if (orphans.length > 0)
      base.warnings.push(`applied migrations with no file in ${options.dir}: ${orphans.join(', ')}`);

    base.findings = await analyzeFiles(pending, driver.dialect);
    const blocked = base.findings.length > 0 && !options.allowDestructive;
    if (options.dryRun || blocked || pending.length === 0) return buildOutcome({ ...base, blocked }, ctx);

    const needBackup = options.backup || rollback === 'backup';
    const backupAbs = needBackup
      ? await takeBackup(target, driver, path.resolve(ctx.cwd, options.backupDir))
      : undefined;
    const backupPath = backupAbs ? path.relative(ctx.cwd, backupAbs) : undefined;
    const objectsBefore = backupAbs && target.kind === 'postgres' ? await pgObjects(driver) : undefined;

    const result: ApplyResult = await applyFiles(driver, pending, {
      mode: options.transaction,
      appliedBy,
      logger: ctx.logger,
      signal: ctx.signal,
    });
    let restored: string | undefined;
    let kept = result.committed.map((c) => c.version);
    // Without transactional DDL even the failed file may have left statements behind: restore anyway.
    if (result.failure && (kept.length > 0 || !driver.transactionalDdl)) {
      if (rollback === 'backup' && backupAbs) {
        await restoreBackup(target, backupAbs, driver, objectsBefore);
        const partial = driver.transactionalDdl ? [] : [`the part of ${result.failure.file} that ran`];
        restored = `restored backup ${backupPath ?? ''}: undid ${[...kept, ...partial].join(', ')}`;
        kept = [];
      } else if (rollback === 'down') {
        const { undone, missing } = await undoWithDownFiles(driver, files.files, kept);
        restored = `ran down files of ${undone.join(', ') || 'nothing'}${missing.length ? `; no down file for ${missing.join(', ')}, left applied` : ''}`;
        kept = missing;
      }
    }
    if (result.failure && !driver.transactionalDdl && rollback === 'down') {
      base.warnings.push(
        `${result.failure.file} failed part-way: statements of it that ran before the error are not undone by down files (use rollback: backup)`,
      );
    }
    return buildOutcome(
      {
        ...base,
        applied: result.committed.filter((c) => kept.includes(c.version)),
        rolledBack: [...result.rolledBack, ...result.committed.map((c) => c.version).filter((v) => !kept.includes(v))],
        ...(result.failure ? { failure: result.failure } : {}),
        ...(restored ? { restored } : {}),
        ...(backupPath ? { backupPath } : {}),
        history: await readHistory(driver),
      },
      ctx,
    );
  } finally {
    await driver.unlock().catch(() => undefined);
    await driver.close().catch(() => undefined);
  }
}
