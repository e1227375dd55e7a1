import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import type { StageOutcome } from '../../core/outcome.js';
import { applyFiles } from './apply.js';
import { connectAndLock } from './connect.js';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { LockTimeout, type Backup, type Driver } from './drivers/types.js';
import { loadMigrations } from './files.js';
import { inspectInterrupted } from './interrupted.js';
import type { MigrateOptions } from './options.js';
import { buildOutcome } from './outcome.js';
import { planRun } from './plan.js';
import { readHistory } from './history.js';
import type { MigrateResult } from './result.js';
import { runTool } from './run-tool.js';
import { analyzeFiles } from './sql/analyze.js';
import { driverCatalog } from './sql/catalog.js';
import { undoFailedRun, type Rollback } from './undo.js';

/** `auto`: the transaction where DDL is transactional, the backup on MySQL/MariaDB. */
function effectiveRollback(options: MigrateOptions, target: DatabaseTarget): Rollback {
  if (options.rollback === 'auto') return target.kind === 'mysql' ? 'backup' : 'transaction';
  return options.rollback;
}

/** Phase 1: the files on disk (another tool keeps its own). */
async function readFiles(r: MigrateResult, ctx: StageContext): Promise<void> {
  if (r.options.tool !== 'shipkit') return;
  const set = await loadMigrations(ctx.cwd, r.options.dir);
  r.files = set.files;
  r.gaps = set.gaps;
  if (set.gaps.length > 0) r.warnings.push(`version gaps in ${r.options.dir}: ${set.gaps.join(', ')} missing`);
}

/** Phase 2: connect and lock; a lock that stays held ends the run with the holder named. */
async function connect(r: MigrateResult, ctx: StageContext, appliedBy: string): Promise<Driver | undefined> {
  try {
    const { driver, waitedMs } = await connectAndLock(
      r.target,
      { label: appliedBy },
      {
        // A dry run on a server plans without waiting for a run in progress; embedded databases lock to open.
        lock: !r.options.dryRun || r.target.kind === 'pglite' || r.target.kind === 'sqlite',
        timeoutMs: r.options.lockTimeoutMs,
        signal: ctx.signal,
        progress: (message) => ctx.logger.progress(message),
        env: ctx.env,
      },
    );
    r.lock = { waitedMs, acquired: true };
    return driver;
  } catch (error) {
    if (!(error instanceof LockTimeout)) throw error;
    r.lock = { waitedMs: error.waitedMs, holder: error.holder, acquired: false };
    return undefined;
  }
}

/** Phase 3: what is recorded, pending and left unfinished, and what the pending files would do. */
async function plan(r: MigrateResult, driver: Driver, appliedBy: string): Promise<void> {
  const p = await planRun(driver, r.files, r.options, appliedBy);
  r.history = p.history;
  r.pendingBefore = p.pending;
  r.warnings.push(...p.warnings);
  r.interrupted = await inspectInterrupted(driver, p.started, r.files);
  if (r.interrupted.length > 0) return;
  r.findings = await analyzeFiles(p.pending, driver.dialect, driverCatalog(driver));
  r.blocked = r.findings.length > 0 && !r.options.allowDestructive;
}

/** Phase 4: back up, apply, and undo what a failure left as the rollback strategy says. */
async function apply(r: MigrateResult, driver: Driver, ctx: StageContext, appliedBy: string): Promise<void> {
  const wantsBackup = r.options.backup || r.rollback === 'backup';
  const backup: Backup | undefined = wantsBackup
    ? await driver.backup(path.resolve(ctx.cwd, r.options.backupDir))
    : undefined;
  if (backup) r.backupPath = path.relative(ctx.cwd, backup.path);
  const result = await applyFiles(driver, r.pendingBefore, {
    mode: r.options.transaction,
    appliedBy,
    logger: ctx.logger,
    signal: ctx.signal,
  });
  const undo = await undoFailedRun(result, {
    rollback: r.rollback,
    ...(backup ? { backup } : {}),
    ...(r.backupPath ? { backupPath: r.backupPath } : {}),
    driver,
    files: r.files,
  });
  r.applied = result.committed.filter((c) => undo.kept.includes(c.version));
  r.rolledBack = [...result.rolledBack, ...undo.undone];
  if (result.failure) r.failure = result.failure;
  if (undo.restored) r.restored = undo.restored;
  r.warnings.push(...undo.warnings);
  r.history = (await readHistory(driver)).rows;
}

export async function runMigrate(options: MigrateOptions, ctx: StageContext): Promise<StageOutcome> {
  const target = parseDatabaseUrl(options.databaseUrl, ctx.cwd);
  const appliedBy = ctx.run.url ?? `${os.userInfo().username}@${os.hostname()} pid ${process.pid}`;
  const r: MigrateResult = {
    startedAt: new Date(),
    options,
    target,
    rollback: effectiveRollback(options, target),
    files: [],
    gaps: [],
    history: [],
    pendingBefore: [],
    findings: [],
    warnings: [],
    interrupted: [],
  };
  await readFiles(r, ctx);
  const driver = await connect(r, ctx, appliedBy);
  if (!driver) return buildOutcome(r, ctx);
  try {
    if (options.tool !== 'shipkit') {
      const t = await runTool(options, target, driver, ctx);
      r.tool = t.tool;
      if (t.backupPath) r.backupPath = t.backupPath;
      if (t.restored) r.restored = t.restored;
      return buildOutcome(r, ctx);
    }
    await plan(r, driver, appliedBy);
    if (r.interrupted.length === 0 && !r.blocked && !options.dryRun && r.pendingBefore.length > 0)
      await apply(r, driver, ctx, appliedBy);
    return buildOutcome(r, ctx);
  } finally {
    await driver.unlock().catch(() => undefined);
    await driver.close().catch(() => undefined);
  }
}
