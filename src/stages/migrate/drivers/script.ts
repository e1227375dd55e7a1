import type { MigrationFile } from '../files.js';
import { errorLine, statementsOf } from '../sql/statements.js';
import { ScriptError, type Dialect } from './types.js';

/**
 * A file statement by statement: how every driver runs a file whose statements commit as they run
 * (and MySQL, PGlite and SQLite any file), so a failure is known to its statement and what ran
 * before it is known exactly.
 */
export async function runStatements(
  file: MigrationFile,
  dialect: Dialect,
  exec: (sql: string) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  let completed = 0;
  for (const statement of await statementsOf(file, dialect)) {
    signal.throwIfAborted();
    try {
      await exec(statement.text);
    } catch (error) {
      throw new ScriptError(error, completed, errorLine(statement, error));
    }
    completed++;
  }
}

/** The line of the statement that failed after `completed` others, when the driver sent the file whole. */
export async function failedStatementLine(
  file: MigrationFile,
  dialect: Dialect,
  completed: number,
  error: unknown,
): Promise<number | undefined> {
  if (Number((error as { position?: unknown }).position) > 0) return errorLine({ text: file.sql, line: 1 }, error);
  return (await statementsOf(file, dialect))[completed]?.line;
}
