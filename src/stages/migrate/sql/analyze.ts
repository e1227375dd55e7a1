import type { Dialect } from '../drivers/types.js';
import type { MigrationFile } from '../files.js';
import { analyzeMysqlLike } from './analyze-mysql.js';
import { analyzePostgres } from './analyze-postgres.js';

export const DESTRUCTIVE_KINDS = [
  'drop-table',
  'drop-column',
  'drop-schema',
  'truncate',
  'delete-without-where',
  'update-without-where',
  'type-change',
  'not-null-without-default',
  'rename',
  // The parser could not read the statement, so it cannot be shown to be safe: fail closed.
  'unparsed',
] as const;
export type DestructiveKind = (typeof DESTRUCTIVE_KINDS)[number];

export interface Finding {
  file: string;
  line: number;
  kind: DestructiveKind;
  /** What is affected, e.g. `users.email` or `users`. */
  target: string;
  detail: string;
}

/**
 * Statements in the pending files that lose data or break running code. `existing` tracks tables
 * created earlier in the same run, so adding a NOT NULL column to a brand-new table is not flagged.
 */
export async function analyzeFiles(files: readonly MigrationFile[], dialect: Dialect): Promise<Finding[]> {
  const created = new Set<string>();
  const findings: Finding[] = [];
  for (const file of files) {
    const found =
      dialect === 'postgres' ? await analyzePostgres(file, created) : analyzeMysqlLike(file, created, dialect);
    findings.push(...found);
  }
  return findings;
}
