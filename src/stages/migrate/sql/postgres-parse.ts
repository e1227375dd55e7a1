import type * as LibPgQueryModule from 'libpg-query';
import type { ParseResult } from 'libpg-query';

/**
 * PostgreSQL's own parser (libpg_query compiled to WebAssembly), loaded on first use: a run with
 * nothing pending, or on MySQL, never pays for it.
 */
type LibPgQuery = typeof LibPgQueryModule;
let loading: Promise<LibPgQuery> | undefined;
const libpgQuery = (): Promise<LibPgQuery> => (loading ??= import('libpg-query'));

export type PgNode = Record<string, unknown>;

/** One statement of a script, as PostgreSQL's parser delimits it. */
export interface ParsedStatement {
  /** The statement's text from its first token, without the terminating semicolon. */
  text: string;
  /** 1-based line of the statement's first token in the script. */
  line: number;
  /** The node under `stmt`: `{ DropStmt: {...} }` and so on. Locations in it are byte offsets into the script. */
  node: PgNode;
}

export interface ParsedScript {
  statements: ParsedStatement[];
  /** The 1-based line of a byte offset (a node's `location`) in the script. */
  lineOf(byteOffset: number): number;
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

/** Line starts of a UTF-8 buffer, for byte offset → line lookups. */
function lineIndex(bytes: Uint8Array): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Skips blanks and comments, which a statement's location may include, to land on its first token. */
function firstToken(text: string): number {
  let i = 0;
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

export async function parsePostgres(sql: string): Promise<ParsedScript> {
  const { parse } = await libpgQuery();
  const bytes = Buffer.from(sql);
  const lineOf = lineIndex(bytes);
  let result: ParseResult;
  try {
    result = await parse(sql);
  } catch (error) {
    const pos = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
    throw new SqlSyntaxError((error as Error).message, pos !== undefined && pos >= 0 ? lineOf(pos) : undefined);
  }
  const statements = (result.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : bytes.length;
    const raw = bytes.subarray(start, end).toString();
    const first = firstToken(raw);
    return {
      text: raw.slice(first),
      line: lineOf(start + Buffer.byteLength(raw.slice(0, first))),
      node: s.stmt ?? {},
    };
  });
  return { statements, lineOf };
}

/**
 * The PL/pgSQL functions of a statement (CREATE FUNCTION … LANGUAGE plpgsql, or DO), compiled as
 * PostgreSQL's PL/pgSQL validator does. Throws when PostgreSQL would refuse the body.
 */
export async function parsePlpgsql(statement: string): Promise<PgNode[]> {
  const { parsePlPgSQL } = await libpgQuery();
  const result = (await parsePlPgSQL(statement)) as unknown as { plpgsql_funcs?: PgNode[] };
  return result.plpgsql_funcs ?? [];
}
