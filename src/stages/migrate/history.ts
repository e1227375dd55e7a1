import type { Dialect, Driver } from './drivers/types.js';
import { compareVersions } from './files.js';

export const HISTORY_TABLE = 'shipkit_migrations';

export interface HistoryRow {
  version: string;
  name: string;
  checksum: string;
  appliedAt: string;
  durationMs: number;
  appliedBy: string;
  /** `applied` by a run, or recorded by an explicit `baseline` without running. */
  kind: 'applied' | 'baseline';
}

/**
 * A file whose statements commit as they run (MySQL/MariaDB, or `-- shipkit:no-transaction`) is
 * recorded as `started` before its first statement and as `applied` after its last. A `started`
 * row that is still there means a run stopped inside the file (killed, or failed part-way): the
 * next run must not apply it again blindly.
 */
export interface StartedRow {
  version: string;
  name: string;
  startedAt: string;
  startedBy: string;
}

const DDL: Record<Dialect, string> = {
  postgres: `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  version text PRIMARY KEY, name text NOT NULL, checksum char(64) NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(), duration_ms integer NOT NULL,
  applied_by text NOT NULL, kind text NOT NULL DEFAULT 'applied')`,
  mysql: `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  version varchar(64) PRIMARY KEY, name varchar(255) NOT NULL, checksum char(64) NOT NULL,
  applied_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), duration_ms int NOT NULL,
  applied_by varchar(512) NOT NULL, kind varchar(16) NOT NULL DEFAULT 'applied')`,
  sqlite: `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
  applied_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), duration_ms integer NOT NULL,
  applied_by text NOT NULL, kind text NOT NULL DEFAULT 'applied')`,
};

export async function ensureHistoryTable(driver: Driver): Promise<void> {
  await driver.query(DDL[driver.dialect]);
}

async function tableExists(driver: Driver): Promise<boolean> {
  const sql = {
    postgres: `SELECT 1 AS x FROM pg_catalog.pg_tables WHERE tablename = ? AND schemaname = ANY (current_schemas(false))`,
    mysql: `SELECT 1 AS x FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
    sqlite: `SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?`,
  }[driver.dialect];
  return (await driver.query(sql, [HISTORY_TABLE])).length > 0;
}

function iso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
}

/** The history, oldest first, and the files a run started and did not finish; empty when there is no table yet. */
export async function readHistory(driver: Driver): Promise<{ rows: HistoryRow[]; started: StartedRow[] }> {
  let all;
  try {
    all = await driver.query(
      `SELECT version, name, checksum, applied_at, duration_ms, applied_by, kind FROM ${HISTORY_TABLE}`,
    );
  } catch (error) {
    // Asked first and checked after: a run with history (every run but the first) pays one round trip.
    if (!(await tableExists(driver))) return { rows: [], started: [] };
    throw error;
  }
  const rows: HistoryRow[] = [];
  const started: StartedRow[] = [];
  for (const r of all) {
    if (r.kind === 'started') {
      started.push({
        version: String(r.version),
        name: String(r.name),
        startedAt: iso(r.applied_at),
        startedBy: String(r.applied_by),
      });
      continue;
    }
    rows.push({
      version: String(r.version),
      name: String(r.name),
      checksum: String(r.checksum).trim(),
      appliedAt: iso(r.applied_at),
      durationMs: Number(r.duration_ms),
      appliedBy: String(r.applied_by),
      kind: r.kind === 'baseline' ? 'baseline' : 'applied',
    });
  }
  rows.sort((a, b) => compareVersions(a.version, b.version));
  return { rows, started };
}

type NewRow = Pick<HistoryRow, 'version' | 'name' | 'checksum' | 'durationMs' | 'appliedBy' | 'kind'>;

/** Records rows in one INSERT (a transaction's files at its end: one round trip, not one a file). */
export async function recordApplied(driver: Driver, rows: NewRow | readonly NewRow[]): Promise<void> {
  const list = Array.isArray(rows) ? (rows as readonly NewRow[]) : [rows as NewRow];
  if (list.length === 0) return;
  await driver.query(
    `INSERT INTO ${HISTORY_TABLE} (version, name, checksum, duration_ms, applied_by, kind) VALUES ${list.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    list.flatMap((r) => [r.version, r.name, r.checksum, Math.round(r.durationMs), r.appliedBy, r.kind]),
  );
}

export async function markStarted(
  driver: Driver,
  row: Pick<HistoryRow, 'version' | 'name' | 'checksum' | 'appliedBy'>,
): Promise<void> {
  await driver.query(
    `INSERT INTO ${HISTORY_TABLE} (version, name, checksum, duration_ms, applied_by, kind) VALUES (?, ?, ?, 0, ?, 'started')`,
    [row.version, row.name, row.checksum, row.appliedBy],
  );
}

export async function markFinished(driver: Driver, version: string, durationMs: number): Promise<void> {
  await driver.query(`UPDATE ${HISTORY_TABLE} SET kind = 'applied', duration_ms = ? WHERE version = ?`, [
    Math.round(durationMs),
    version,
  ]);
}

export async function forget(driver: Driver, version: string): Promise<void> {
  await driver.query(`DELETE FROM ${HISTORY_TABLE} WHERE version = ?`, [version]);
}
