import { report, type AnalyzeSqlText, type Scope } from './pg-scope.js';
import { parsePlpgsql, type PgNode } from './postgres-parse.js';
import { cut } from '../../../core/text.js';

const obj = (v: unknown): PgNode => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as PgNode) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** PL/pgSQL statements whose SQL is a string computed at run time: what they run is unknowable now. */
const DYNAMIC: Record<string, string> = {
  PLpgSQL_stmt_dynexecute: 'EXECUTE',
  PLpgSQL_stmt_dynfors: 'FOR … IN EXECUTE',
};

/** `parseMode` 0 is a whole SQL statement; the others are expressions and assignments, which cannot modify data. */
const SQL_STATEMENT = 0;

function dynamicQuery(key: string, node: PgNode): PgNode | undefined {
  if (DYNAMIC[key]) return obj(obj(node.query).PLpgSQL_expr);
  // RETURN QUERY EXECUTE and OPEN … FOR EXECUTE keep the string in `dynquery`.
  if ((key === 'PLpgSQL_stmt_return_query' || key === 'PLpgSQL_stmt_open') && node.dynquery)
    return obj(obj(node.dynquery).PLpgSQL_expr);
  return undefined;
}

function dynamicLabel(key: string): string {
  return DYNAMIC[key] ?? (key === 'PLpgSQL_stmt_open' ? 'OPEN … FOR EXECUTE' : 'RETURN QUERY EXECUTE');
}

/**
 * Analyses the PL/pgSQL body of `statement` (a CREATE FUNCTION or a DO block) as PostgreSQL's
 * validator compiles it. Every embedded SQL statement is analysed like a statement of the file; an
 * EXECUTE of a string is reported as dynamic SQL; a body PostgreSQL would refuse cannot be shown safe.
 * `bodyLine` is the file line on which the body's first line is.
 */
export async function walkPlpgsql(
  statement: string,
  scope: Scope,
  bodyLine: number,
  analyzeSqlText: AnalyzeSqlText,
): Promise<void> {
  let functions: PgNode[];
  try {
    functions = await parsePlpgsql(statement);
  } catch (error) {
    report(
      scope,
      bodyLine,
      'unparsed',
      '',
      `the PL/pgSQL body could not be compiled, so it cannot be shown to be safe: ${cut((error as Error).message, 160)}`,
    );
    return;
  }
  const at = (lineno: number): number => bodyLine + Math.max(1, lineno) - 1;

  const visit = async (node: unknown, lineno: number): Promise<void> => {
    if (Array.isArray(node)) {
      for (const v of node) await visit(v, lineno);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as PgNode;
    const here = typeof n.lineno === 'number' ? n.lineno : lineno;
    for (const [key, child] of Object.entries(n)) {
      const c = obj(child);
      const childLine = typeof c.lineno === 'number' ? c.lineno : here;
      const dynamic = dynamicQuery(key, c);
      if (dynamic) {
        report(
          scope,
          at(childLine),
          'dynamic-sql',
          '',
          `cannot be analysed: ${dynamicLabel(key)} ${cut(str(dynamic.query), 120)} runs SQL built at run time`,
        );
        continue;
      }
      if (key === 'PLpgSQL_expr') {
        const parseMode = typeof c.parseMode === 'number' ? c.parseMode : SQL_STATEMENT;
        if (parseMode === SQL_STATEMENT && str(c.query)) await analyzeSqlText(str(c.query), scope, at(here));
        continue;
      }
      if (child !== null && typeof child === 'object') await visit(child, childLine);
    }
  };

  for (const fn of functions) await visit(obj(fn).PLpgSQL_function ?? fn, 1);
}
