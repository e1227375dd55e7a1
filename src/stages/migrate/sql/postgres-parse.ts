import { parse, type ParseResult } from 'libpg-query';

/** One statement of a file, as PostgreSQL's own parser (libpg_query, WebAssembly) delimits it. */
export interface ParsedStatement {
  text: string;
  /** 1-based line of the statement's first token in its file. */
  line: number;
  /** The node under `stmt`: `{ DropStmt: {...} }` and so on. */
  node: Record<string, unknown>;
}

export class SqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'SqlSyntaxError';
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Skips blanks and comments, which the parser's location may include, to land on the first token. */
function firstToken(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return i;
  }
}

export async function parsePostgres(sql: string): Promise<ParsedStatement[]> {
  let result: ParseResult;
  try {
    result = await parse(sql);
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    const pos = details?.cursorPosition;
    const line =
      pos !== undefined && pos >= 0 ? lineAt(Buffer.from(sql).subarray(0, pos).toString(), Infinity) : undefined;
    throw new SqlSyntaxError((error as Error).message, line);
  }
  // Locations are byte offsets into the UTF-8 text.
  const bytes = Buffer.from(sql);
  return (result.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : bytes.length;
    const prefix = bytes.subarray(0, start).toString();
    const text = bytes.subarray(start, end).toString();
    const first = firstToken(text, 0);
    return {
      text: text.slice(first),
      line: lineAt(prefix, Infinity) + lineAt(text, first) - 1,
      node: s.stmt ?? {},
    };
  });
}

export async function splitPostgres(sql: string): Promise<ParsedStatement[]> {
  return parsePostgres(sql);
}
