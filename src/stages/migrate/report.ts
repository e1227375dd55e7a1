import { buildReport } from '../../core/report/build.js';
import type { RunInfo } from '../../core/report/types.js';
import { gatesOf } from './gates.js';
import { headlineOf } from './headline.js';
import type { MigrateReport, Migrations } from './report-schema.js';
import { stillPending, type MigrateResult } from './result.js';

function migrationsOf(r: MigrateResult): Migrations {
  return {
    database: { kind: r.target.kind, url: r.target.display },
    dir: r.options.dir,
    tool: r.options.tool,
    dryRun: r.options.dryRun,
    transaction: r.options.transaction,
    rollback: r.rollback,
    applied: (r.applied ?? []).map((a) => ({
      version: a.version,
      name: a.name,
      file: a.file,
      durationMs: a.durationMs,
    })),
    pending: stillPending(r).map((f) => ({
      version: f.version,
      name: f.name,
      file: f.file,
      noTransaction: f.noTransaction,
      checksum: f.checksum,
    })),
    history: r.history.map((h) => ({ ...h })),
    destructive: r.findings.map((f) => ({
      file: f.file,
      line: f.line,
      kind: f.kind,
      target: f.target,
      detail: f.detail,
    })),
    gaps: r.gaps,
    rolledBack: r.rolledBack ?? [],
    interrupted: r.interrupted.map((i) => ({ ...i, objects: i.objects.map((o) => ({ ...o })) })),
    ...(r.failure ? { failure: { ...r.failure } } : {}),
    ...(r.restored ? { restored: r.restored } : {}),
    ...(r.backupPath ? { backupPath: r.backupPath } : {}),
    ...(r.lock
      ? {
          lock: {
            waitedMs: Math.round(r.lock.waitedMs),
            acquired: r.lock.acquired,
            ...(r.lock.holder ? { holder: r.lock.holder } : {}),
          },
        }
      : {}),
    ...(r.tool ? { toolRun: { ...r.tool } } : {}),
  };
}

/** The report of a run: the common fields, then `migrations`. */
export function migrateReport(r: MigrateResult, run: RunInfo): MigrateReport {
  const common = buildReport({
    stage: 'migrate',
    startedAt: r.startedAt,
    run,
    gates: gatesOf(r),
    warnings: r.warnings,
    summary: headlineOf(r),
    failed: Boolean(r.failure) || Boolean(r.blocked),
  });
  return {
    schemaVersion: common.schemaVersion,
    stage: 'migrate',
    status: common.status,
    summary: common.summary,
    startedAt: common.startedAt,
    finishedAt: common.finishedAt,
    durationMs: common.durationMs,
    run: common.run,
    gates: common.gates,
    warnings: common.warnings,
    migrations: migrationsOf(r),
  };
}
