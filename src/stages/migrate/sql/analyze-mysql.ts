import nodeSqlParser from 'node-sql-parser';
import type { MigrationFile } from '../files.js';
import type { Finding } from './analyze.js';
import { splitStatements } from './split-statements.js';

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v !== null && typeof v === 'object' ? (v as Node) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const parser = new nodeSqlParser.Parser();

function tableName(t: unknown): string {
  const r = obj(t);
  return [str(r.db), str(r.table)].filter(Boolean).join('.');
}

function columnName(c: unknown): string {
  const col = obj(c).column;
  if (typeof col === 'string') return col;
  return str(obj(obj(col).expr).value);
}

/** MySQL/MariaDB and SQLite statements through node-sql-parser's grammar for that dialect. */
export function analyzeMysqlLike(file: MigrationFile, created: Set<string>, dialect: 'mysql' | 'sqlite'): Finding[] {
  const findings: Finding[] = [];
  for (const { text, line } of splitStatements(file.sql)) {
    let stmt: unknown;
    try {
      const { ast } = parser.parse(text, { database: dialect === 'mysql' ? 'MariaDB' : 'Sqlite' });
      stmt = Array.isArray(ast) ? ast[0] : ast;
    } catch (error) {
      findings.push({
        file: file.file,
        line,
        kind: 'unparsed',
        target: '',
        detail: `the SQL parser could not read this statement, so it cannot be shown to be safe: ${(error as Error).message.slice(0, 160)}`,
      });
      continue;
    }
    const s = obj(stmt);
    const add = (kind: Finding['kind'], target: string, detail: string): void => {
      findings.push({ file: file.file, line, kind, target, detail });
    };
    const type = str(s.type);
    const keyword = str(s.keyword).toLowerCase();
    if (type === 'create' && keyword === 'table') for (const t of arr(s.table)) created.add(tableName(t));
    if (type === 'drop' && keyword === 'table')
      for (const t of arr(s.name)) add('drop-table', tableName(t), `DROP TABLE ${tableName(t)}`);
    if (type === 'drop' && (keyword === 'database' || keyword === 'schema')) {
      const name = typeof s.name === 'string' ? s.name : JSON.stringify(s.name);
      add('drop-schema', name, `DROP ${keyword.toUpperCase()} ${name}`);
    }
    if (type === 'truncate') for (const t of arr(s.name)) add('truncate', tableName(t), `TRUNCATE ${tableName(t)}`);
    if (type === 'delete' && !s.where) add('delete-without-where', tableName(arr(s.from)[0]), `DELETE without WHERE`);
    if (type === 'update' && !s.where) add('update-without-where', tableName(arr(s.table)[0]), `UPDATE without WHERE`);
    if (type === 'rename') {
      for (const pair of arr(s.table)) {
        const [from, to] = arr(pair);
        add('rename', tableName(from), `RENAME TABLE ${tableName(from)} TO ${tableName(to)}`);
      }
    }
    if (type === 'alter') {
      const table = tableName(arr(s.table)[0]);
      for (const e of arr(s.expr)) {
        const x = obj(e);
        const action = str(x.action);
        const resource = str(x.resource);
        if (action === 'drop' && resource === 'column')
          add('drop-column', `${table}.${columnName(x.column)}`, `DROP COLUMN ${columnName(x.column)}`);
        if (action === 'rename') {
          const what = resource === 'column' ? `${table}.${columnName(x.old_column)}` : table;
          add('rename', what, `RENAME ${resource || 'table'} ${what}`);
        }
        if (action === 'modify' || action === 'change') {
          const col = columnName(x.old_column ?? x.column);
          if (action === 'change' && x.old_column && columnName(x.column) !== col)
            add('rename', `${table}.${col}`, `CHANGE ${col} TO ${columnName(x.column)}`);
          add(
            'type-change',
            `${table}.${col}`,
            `${action.toUpperCase()} COLUMN ${col} may truncate or fail to convert`,
          );
        }
        if (action === 'add' && resource === 'column' && !created.has(table)) {
          const def = obj(x.definition);
          const nullable = obj(x.nullable ?? def.nullable);
          const notNull = str(nullable.type).toLowerCase() === 'not null';
          if (notNull && !(x.default_val ?? def.default_val)) {
            add(
              'not-null-without-default',
              `${table}.${columnName(x.column)}`,
              `ADD COLUMN ${columnName(x.column)} NOT NULL without DEFAULT on existing table ${table}`,
            );
          }
        }
      }
    }
  }
  return findings;
}
