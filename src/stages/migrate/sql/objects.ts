import type { Dialect } from '../drivers/types.js';
import type { MigrationFile } from '../files.js';
import { openExecutableComments, splitStatements } from './split-statements.js';

/** A schema object a migration file creates or drops, to check which of them exist after a run stopped in it. */
export interface FileObject {
  kind: 'table' | 'view' | 'index' | 'sequence' | 'column';
  /** `users`, or `users.email` for a column. */
  name: string;
  /** What the file does to it. */
  change: 'create' | 'drop';
}

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function pgRel(rangeVar: unknown): string {
  const r = obj(rangeVar);
  return [str(r.schemaname), str(r.relname)].filter(Boolean).join('.');
}

async function postgresObjects(file: MigrationFile): Promise<FileObject[]> {
  const { parsePostgres } = await import('./postgres-parse.js');
  const out: FileObject[] = [];
  for (const { node } of (await parsePostgres(file.sql)).statements) {
    const [type, raw] = Object.entries(node)[0] ?? ['', {}];
    const s = obj(raw);
    if (type === 'CreateStmt') out.push({ kind: 'table', name: pgRel(s.relation), change: 'create' });
    if (type === 'CreateTableAsStmt') out.push({ kind: 'table', name: pgRel(obj(s.into).rel), change: 'create' });
    if (type === 'ViewStmt') out.push({ kind: 'view', name: pgRel(s.view), change: 'create' });
    if (type === 'CreateSeqStmt') out.push({ kind: 'sequence', name: pgRel(s.sequence), change: 'create' });
    if (type === 'IndexStmt' && s.idxname) {
      const schema = str(obj(s.relation).schemaname);
      out.push({ kind: 'index', name: [schema, str(s.idxname)].filter(Boolean).join('.'), change: 'create' });
    }
    if (type === 'DropStmt' && s.removeType === 'OBJECT_TABLE') {
      for (const o of arr(s.objects)) {
        const name = arr(obj(obj(o).List).items)
          .map((n) => str(obj(obj(n).String).sval))
          .join('.');
        if (name) out.push({ kind: 'table', name, change: 'drop' });
      }
    }
    if (type === 'AlterTableStmt') {
      const table = pgRel(s.relation);
      for (const c of arr(s.cmds)) {
        const cmd = obj(obj(c).AlterTableCmd);
        if (cmd.subtype === 'AT_AddColumn')
          out.push({ kind: 'column', name: `${table}.${str(obj(obj(cmd.def).ColumnDef).colname)}`, change: 'create' });
        if (cmd.subtype === 'AT_DropColumn')
          out.push({ kind: 'column', name: `${table}.${str(cmd.name)}`, change: 'drop' });
      }
    }
  }
  return out;
}

async function mysqlLikeObjects(file: MigrationFile, dialect: 'mysql' | 'sqlite'): Promise<FileObject[]> {
  const nodeSqlParser = await import('node-sql-parser');
  const parser = new (nodeSqlParser.default ?? nodeSqlParser).Parser();
  const table = (t: unknown): string => [str(obj(t).db), str(obj(t).table)].filter(Boolean).join('.');
  const column = (c: unknown): string => {
    const col = obj(c).column;
    return typeof col === 'string' ? col : str(obj(obj(col).expr).value);
  };
  const out: FileObject[] = [];
  const text = dialect === 'mysql' ? openExecutableComments(file.sql) : file.sql;
  for (const unit of splitStatements(text, dialect)) {
    for (const statement of splitStatements(unit.text, dialect)) {
      let s: Node;
      try {
        const { ast } = parser.parse(statement.text, { database: dialect === 'mysql' ? 'MariaDB' : 'Sqlite' });
        s = obj(Array.isArray(ast) ? ast[0] : ast);
      } catch {
        continue;
      }
      const keyword = str(s.keyword).toLowerCase();
      if (s.type === 'create' && keyword === 'table')
        for (const t of arr(s.table)) out.push({ kind: 'table', name: table(t), change: 'create' });
      if (s.type === 'create' && keyword === 'view')
        out.push({ kind: 'view', name: str(obj(s.view).view) || table(s.view), change: 'create' });
      if (s.type === 'create' && keyword === 'index') {
        const index = str(s.index) || str(obj(s.index).name);
        if (index) out.push({ kind: 'index', name: `${table(arr(s.table)[0] ?? s.table)}.${index}`, change: 'create' });
      }
      if (s.type === 'drop' && keyword === 'table')
        for (const t of arr(s.name)) out.push({ kind: 'table', name: table(t), change: 'drop' });
      if (s.type === 'alter') {
        const t = table(arr(s.table)[0]);
        for (const e of arr(s.expr)) {
          const x = obj(e);
          if (x.resource !== 'column') continue;
          if (x.action === 'add') out.push({ kind: 'column', name: `${t}.${column(x.column)}`, change: 'create' });
          if (x.action === 'drop') out.push({ kind: 'column', name: `${t}.${column(x.column)}`, change: 'drop' });
        }
      }
    }
  }
  return out;
}

/** The tables, views, indexes, sequences and columns a file creates or drops, in file order. */
export async function objectsOf(file: MigrationFile, dialect: Dialect): Promise<FileObject[]> {
  try {
    return dialect === 'postgres' ? await postgresObjects(file) : await mysqlLikeObjects(file, dialect);
  } catch {
    // A file the parser cannot read: nothing can be said about its objects, and the message says so.
    return [];
  }
}
