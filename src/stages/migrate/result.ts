import type { AppliedFile, ApplyFailure } from './apply.js';
import type { DatabaseTarget } from './database-url.js';
import type { MigrationFile } from './files.js';
import type { HistoryRow } from './history.js';
import type { InterruptedFile } from './interrupted.js';
import type { MigrateOptions } from './options.js';
import type { ToolRun } from './run-tool.js';
import type { Finding } from './sql/findings.js';
import type { Rollback } from './undo.js';

/** Everything a run found and did, gathered phase by phase; the outcome (report, comment, text) is built from it. */
export interface MigrateResult {
  startedAt: Date;
  options: MigrateOptions;
  target: DatabaseTarget;
  rollback: Rollback;
  files: MigrationFile[];
  gaps: string[];
  history: HistoryRow[];
  /** Pending when the run started. */
  pendingBefore: MigrationFile[];
  findings: Finding[];
  warnings: string[];
  interrupted: InterruptedFile[];
  lock?: { waitedMs: number; acquired: boolean; holder?: string | undefined };
  /** Destructive statements were found and not allowed: nothing ran. */
  blocked?: boolean;
  /** Applied by this run and kept. */
  applied?: AppliedFile[];
  rolledBack?: string[];
  failure?: ApplyFailure;
  restored?: string;
  backupPath?: string;
  tool?: ToolRun;
}

/** Files still pending after the run. */
export function stillPending(r: MigrateResult): MigrationFile[] {
  const applied = new Set((r.applied ?? []).map((a) => a.version));
  return r.pendingBefore.filter((f) => !applied.has(f.version));
}
