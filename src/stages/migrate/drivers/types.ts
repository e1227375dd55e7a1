export type Dialect = 'postgres' | 'mysql' | 'sqlite';

export type Row = Record<string, unknown>;

/** Who is running: recorded in the history and shown to a run that waits for the lock. */
export interface LockOwner {
  /** Run URL in Actions, otherwise `user@host pid N`. */
  label: string;
}

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
 * One open connection (one session: locks are session-scoped). Statements of a migration file go
 * through `execScript`; history bookkeeping through `query` with `?` placeholders, which each
 * driver turns into its own style.
 */
export interface Driver {
  readonly dialect: Dialect;
  /** Whether DDL takes part in transactions (false on MySQL/MariaDB, where DDL commits implicitly). */
  readonly transactionalDdl: boolean;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A whole file: several statements, run as the database's own client would. */
  execScript(sql: string, opts: { noTransaction: boolean }): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Waits up to `timeoutMs` for the migration lock; throws LockTimeout naming the holder. */
  lock(timeoutMs: number, signal: AbortSignal): Promise<{ waitedMs: number }>;
  unlock(): Promise<void>;
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

/** 64-bit advisory lock key: stable across runs, derived from a name nobody else will use. */
export const LOCK_NAME = 'shipkit_migrations';

/** A database value as text for messages (rows are `unknown`-typed). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? '' : JSON.stringify(value);
}
