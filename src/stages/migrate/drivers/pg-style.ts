import type { DatabaseKind } from '../database-url.js';
import type { MigrationFile } from '../files.js';
import { runStatements } from './script.js';
import type { Backup, Driver, Progress, Row } from './types.js';

/** `?` placeholders (how the history code writes them) → PostgreSQL's `$1, $2…`. */
export function toPositional(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

/**
 * What PostgreSQL and PGlite share: the dialect, transactional DDL, placeholders and statement
 * execution. A subclass says how a query reaches its database and how the lock and backup work.
 */
export abstract class PgStyleDriver implements Driver {
  abstract readonly kind: DatabaseKind;
  readonly dialect = 'postgres';
  readonly transactionalDdl = true;

  /** One round trip. Without params the simple protocol is used, as psql does, so any statement may run. */
  protected abstract run(sql: string, params?: unknown[]): Promise<Row[]>;

  query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.run(toPositional(sql), params);
  }

  async exec(sql: string): Promise<void> {
    await this.run(sql);
  }

  execScript(file: MigrationFile, opts: { inTransaction: boolean; signal: AbortSignal }): Promise<void> {
    return runStatements(file, this.dialect, (sql) => this.exec(sql), opts.signal);
  }

  async begin(): Promise<void> {
    await this.run('BEGIN');
  }
  async commit(): Promise<void> {
    await this.run('COMMIT');
  }
  async rollback(): Promise<void> {
    await this.run('ROLLBACK');
  }

  abstract lock(timeoutMs: number, signal: AbortSignal, progress: Progress): Promise<{ waitedMs: number }>;
  abstract unlock(): Promise<void>;
  abstract backup(dir: string): Promise<Backup>;
  abstract close(): Promise<void>;
}
