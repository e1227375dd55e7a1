import type { Dialect } from '../drivers/types.js';
import type { MigrationFile } from '../files.js';
import { splitStatements, type StatementText } from './split-statements.js';

/**
 * The statements of a file in the order they run, each with its line. PostgreSQL's own parser
 * delimits them for PostgreSQL and PGlite (dollar quotes, nested comments, BEGIN ATOMIC bodies);
 * MySQL and SQLite scripts are split at top-level semicolons outside strings, comments and compound
 * bodies.
 */
export async function statementsOf(file: MigrationFile, dialect: Dialect): Promise<StatementText[]> {
  if (dialect !== 'postgres') return splitStatements(file.sql, dialect);
  const known = parsed.get(file);
  if (known) return known;
  const { parsePostgres } = await import('./postgres-parse.js');
  return rememberStatements(file, (await parsePostgres(file.sql)).statements);
}

/** Statements the analysis already parsed, so applying a file does not parse it again. */
const parsed = new WeakMap<MigrationFile, StatementText[]>();

export function rememberStatements(file: MigrationFile, statements: readonly StatementText[]): StatementText[] {
  const texts = statements.map(({ text, line }) => ({ text, line }));
  parsed.set(file, texts);
  return texts;
}

/**
 * The file line an error points at: PostgreSQL gives a 1-based character position in the
 * statement, MySQL says "… at line N" of the statement; otherwise the statement's first line.
 */
export function errorLine(statement: StatementText, error: unknown): number {
  const e = error as { position?: unknown; message?: unknown };
  const position = Number(e.position);
  if (Number.isFinite(position) && position > 0) {
    let extra = 0;
    for (let i = 0; i < position - 1 && i < statement.text.length; i++)
      if (statement.text.charCodeAt(i) === 10) extra++;
    return statement.line + extra;
  }
  const mysqlLine = typeof e.message === 'string' ? /\bat line (\d+)$/.exec(e.message)?.[1] : undefined;
  if (mysqlLine) return statement.line + Number(mysqlLine) - 1;
  return statement.line;
}
