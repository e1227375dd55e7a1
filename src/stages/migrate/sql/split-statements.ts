/** A statement's text and the 1-based line its first token is on. */
export interface StatementText {
  text: string;
  line: number;
}

export type SplitDialect = 'mysql' | 'sqlite';

/** Statements whose body holds `;`-terminated statements of its own, up to the matching END. */
const COMPOUND_START: Record<SplitDialect, RegExp> = {
  mysql:
    /^(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:AGGREGATE\s+)?(?:PROCEDURE|FUNCTION|TRIGGER|EVENT)\b|BEGIN\s+NOT\s+ATOMIC\b)/i,
  sqlite: /^CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i,
};

/** `/*!…*\/`, `/*!50000…*\/` (MySQL) and `/*M!…*\/` (MariaDB): comments the server executes. */
const EXECUTABLE_COMMENT = /^\/\*M?!\d*/;

/**
 * Splits MySQL/SQLite script text at top-level semicolons, so each statement can be run and
 * analysed alone and carry its own line (node-sql-parser reports no statement positions). It only
 * has to know where strings, quoted names, comments and compound bodies (a trigger's or a stored
 * routine's BEGIN … END) start and end; the grammar is the parser's job. A MySQL executable comment
 * is never split inside: it is sent to the server as the author wrote it.
 */
export function splitStatements(sql: string, dialect: SplitDialect): StatementText[] {
  const out: StatementText[] = [];
  let start = 0;
  let line = 1;
  let startLine: number | undefined;
  // BEGIN/CASE … END nesting inside a compound statement; -1 when the statement is not one.
  let depth = -1;
  let i = 0;
  const push = (end: number): void => {
    const text = sql.slice(start, end).trim();
    if (text !== '' && startLine !== undefined) out.push({ text, line: startLine });
    start = end + 1;
    startLine = undefined;
    depth = -1;
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
    if ((c === '-' && next === '-') || (c === '#' && dialect === 'mysql')) {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      if (dialect === 'mysql' && EXECUTABLE_COMMENT.test(sql.slice(i, i + 12))) startLine ??= line;
      for (let k = i; k < stop; k++) if (sql[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (startLine === undefined) {
      startLine = line;
      depth = COMPOUND_START[dialect].test(sql.slice(i, i + 200)) ? 0 : -1;
    }
    if (c === "'" || c === '"' || c === '`' || (c === '[' && dialect === 'sqlite')) {
      const close = c === '[' ? ']' : c;
      i++;
      while (i < sql.length && sql[i] !== close) {
        if (sql[i] === '\\' && c !== '`' && dialect === 'mysql') i++;
        if (sql[i] === '\n') line++;
        i++;
      }
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let k = i;
      while (k < sql.length && /[A-Za-z0-9_$]/.test(sql[k] ?? '')) k++;
      if (depth >= 0) {
        const word = sql.slice(i, k).toUpperCase();
        if (word === 'BEGIN' || word === 'CASE') depth++;
        else if (word === 'END') {
          // END IF / END LOOP / END WHILE / END REPEAT close blocks that did not open a level.
          const after = /^\s+([A-Za-z]+)/.exec(sql.slice(k, k + 20))?.[1]?.toUpperCase();
          if (!['IF', 'LOOP', 'WHILE', 'REPEAT'].includes(after ?? '')) depth = Math.max(0, depth - 1);
        }
      }
      i = k;
      continue;
    }
    if (c === ';' && depth <= 0) push(i);
    i++;
  }
  push(sql.length);
  return out;
}

/**
 * The statement as the server runs it: executable comments opened (their content is SQL), with
 * every character kept in place so lines still match. Version-gated comments are opened too: the
 * analysis assumes they run.
 */
export function openExecutableComments(sql: string): string {
  let out = '';
  let i = 0;
  let inside = false;
  while (i < sql.length) {
    const c = sql[i] ?? '';
    if ((c === '-' && sql[i + 1] === '-') || c === '#') {
      const nl = sql.indexOf('\n', i);
      const stop = nl < 0 ? sql.length : nl;
      out += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let k = i + 1;
      while (k < sql.length && sql[k] !== c) k += sql[k] === '\\' && c !== '`' ? 2 : 1;
      out += sql.slice(i, k + 1);
      i = k + 1;
      continue;
    }
    if (!inside && c === '/' && sql[i + 1] === '*') {
      const marker = EXECUTABLE_COMMENT.exec(sql.slice(i, i + 12))?.[0];
      if (marker) {
        out += ' '.repeat(marker.length);
        i += marker.length;
        inside = true;
        continue;
      }
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (inside && c === '*' && sql[i + 1] === '/') {
      out += '  ';
      i += 2;
      inside = false;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
