import type { DatabaseKind } from '../database-url.js';
import type { MigrationFile } from '../files.js';

export type Dialect = 'postgres' | 'mysql' | 'sqlite';

export type Row = Record<string, unknown>;

/** Who is running: recorded in the history and shown to a run that waits for the lock. */
export interface LockOwner {
  /** Run URL in Actions, otherwise `user@host pid N`. */
  label: string;
}

/** How a wait tells the user it is still waiting (the logger's progress line). */
export type Progress = (message: string) => void;

/** What a run that could not get the lock learned about the one holding it. */
export class LockTimeout extends Error {
  constructor(
    readonly waitedMs: number,
    readonly holder: string | undefined,
  ) {
    super(
      `another migration run holds the lock${holder ? ` (${holder})` : ''}; gave up after ${Math.round(waitedMs / 1000)}s`,
    );
    this.name = 'LockTimeout';
  }
}

/**
 * A statement of a migration file failed. `completed` of its statements ran before it; `line` is
 * the failing statement's line in the file (or the line of the error inside it).
 */
export class ScriptError extends Error {
  constructor(
    cause: unknown,
    readonly completed: number,
    readonly line: number | undefined,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ScriptError';
  }
}

/** A copy of the database taken before anything ran, and the way back to it. */
export interface Backup {
  /** Absolute path of the dump or copy. */
  path: string;
  /** Puts the database back exactly as the backup has it, dropping what was created since. */
  restore(): Promise<void>;
}

/**
 * One open connection (one session: locks are session-scoped). Statements of a migration file go
 * through `exec` one by one, so a failure is known to the statement; history bookkeeping goes
 * through `query` with `?` placeholders, which each driver turns into its own style.
 */
export interface Driver {
  readonly kind: DatabaseKind;
  readonly dialect: Dialect;
  /** Whether DDL takes part in transactions (false on MySQL/MariaDB, where DDL commits implicitly). */
  readonly transactionalDdl: boolean;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** SQL as written: one statement, or a script of several (a down file). */
  exec(sql: string): Promise<void>;
  /**
   * A migration file's statements in order; a failure is thrown as a ScriptError. `inTransaction`:
   * the caller has begun a transaction (PostgreSQL then sends the file in one round trip).
   */
  execScript(file: MigrationFile, opts: { inTransaction: boolean; signal: AbortSignal }): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Waits up to `timeoutMs` for the migration lock; throws LockTimeout naming the holder. */
  lock(timeoutMs: number, signal: AbortSignal, progress: Progress): Promise<{ waitedMs: number }>;
  unlock(): Promise<void>;
  /** Takes a backup into `dir` (created if needed). */
  backup(dir: string): Promise<Backup>;
  close(): Promise<void>;
}

export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The name of the migration lock (GET_LOCK on MySQL; the advisory lock key on PostgreSQL spells it too). */
export const LOCK_NAME = 'shipkit_migrations';

/** A database value as text for messages (rows are `unknown`-typed). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString();
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

export function backupStamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}
