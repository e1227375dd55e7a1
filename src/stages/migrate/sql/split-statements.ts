/** A statement's text and the 1-based line its first token is on. */
export interface StatementText {
  text: string;
  line: number;
}

/**
 * Splits MySQL/SQLite script text at top-level semicolons, so each statement can be given to the
 * parser alone and findings carry their own line (node-sql-parser reports no statement positions).
 * It only has to know where strings, quoted names and comments start and end; the grammar is the
 * parser's job.
 */
export function splitStatements(sql: string): StatementText[] {
  const out: StatementText[] = [];
  let start = 0;
  let line = 1;
  let startLine: number | undefined;
  let i = 0;
  const push = (end: number): void => {
    const text = sql.slice(start, end).trim();
    if (text !== '' && startLine !== undefined) out.push({ text, line: startLine });
    start = end + 1;
    startLine = undefined;
  };
  while (i < sql.length) {
    const c = sql[i] ?? '';
    const next = sql[i + 1] ?? '';
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ((c === '-' && next === '-') || c === '#') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      for (let k = i; k < stop; k++) if (sql[k] === '\n') line++;
      i = stop;
      continue;
    }
    startLine ??= line;
    if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < sql.length && sql[i] !== c) {
        if (sql[i] === '\\' && c !== '`') i++;
        if (sql[i] === '\n') line++;
        i++;
      }
      i++;
      continue;
    }
    if (c === ';') push(i);
    i++;
  }
  push(sql.length);
  return out;
}
