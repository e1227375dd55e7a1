import { UserError } from '../../../core/errors.js';
import type { MigrationFile } from '../files.js';
import type { Finding } from './analyze.js';
import { parsePostgres, SqlSyntaxError } from './postgres-parse.js';

type Node = Record<string, unknown>;

const obj = (v: unknown): Node => (v !== null && typeof v === 'object' ? (v as Node) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function relName(rangeVar: unknown): string {
  const r = obj(rangeVar);
  return [str(r.schemaname), str(r.relname)].filter(Boolean).join('.');
}

/** `[{String:{sval:'public'}},{String:{sval:'users'}}]` → `public.users`. */
function qualified(list: unknown): string {
  return arr(list)
    .map((n) => str(obj(obj(n).String).sval))
    .filter(Boolean)
    .join('.');
}

function typeName(typeNode: unknown): string {
  const t = obj(typeNode);
  const names = arr(t.names)
    .map((n) => str(obj(obj(n).String).sval))
    .filter((n) => n !== 'pg_catalog');
  const mods = arr(t.typmods).map((m) => {
    const n = obj(obj(obj(m).A_Const).ival).ival;
    return typeof n === 'number' ? String(n) : '';
  });
  return `${names.join('.')}${mods.length ? `(${mods.join(',')})` : ''}`;
}

const LOSSLESS_TARGETS = new Set(['text']);

export async function analyzePostgres(file: MigrationFile, created: Set<string>): Promise<Finding[]> {
  let statements;
  try {
    statements = await parsePostgres(file.sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError) {
      // PostgreSQL itself would refuse this file: say so now, before anything runs.
      throw new UserError(`syntax error: ${error.message}`, {
        file: file.file,
        ...(error.line ? { line: error.line } : {}),
      });
    }
    throw error;
  }
  const findings: Finding[] = [];
  for (const { node, line } of statements) {
    const add = (kind: Finding['kind'], target: string, detail: string): void => {
      findings.push({ file: file.file, line, kind, target, detail });
    };
    const [type, raw] = Object.entries(node)[0] ?? ['', {}];
    const s = obj(raw);
    switch (type) {
      case 'CreateStmt':
        created.add(relName(s.relation));
        break;
      case 'DropStmt': {
        const what = str(s.removeType);
        for (const o of arr(s.objects)) {
          const name = qualified(obj(obj(o).List).items) || str(obj(obj(o).String).sval);
          if (what === 'OBJECT_TABLE') add('drop-table', name, `DROP TABLE ${name}`);
          if (what === 'OBJECT_SCHEMA')
            add('drop-schema', name, `DROP SCHEMA ${name}${s.behavior === 'DROP_CASCADE' ? ' CASCADE' : ''}`);
        }
        break;
      }
      case 'DropdbStmt':
        add('drop-schema', str(s.dbname), `DROP DATABASE ${str(s.dbname)}`);
        break;
      case 'TruncateStmt':
        for (const r of arr(s.relations))
          add('truncate', relName(obj(r).RangeVar), `TRUNCATE ${relName(obj(r).RangeVar)}`);
        break;
      case 'DeleteStmt':
        if (!s.whereClause)
          add('delete-without-where', relName(s.relation), `DELETE FROM ${relName(s.relation)} without WHERE`);
        break;
      case 'UpdateStmt':
        if (!s.whereClause)
          add('update-without-where', relName(s.relation), `UPDATE ${relName(s.relation)} without WHERE`);
        break;
      case 'RenameStmt': {
        const target = relName(s.relation) || qualified(obj(obj(s.object).List).items);
        const what = str(s.renameType).replace('OBJECT_', '').toLowerCase();
        const from = s.subname ? `${target}.${str(s.subname)}` : target;
        add('rename', from, `RENAME ${what} ${from} TO ${str(s.newname)}`);
        break;
      }
      case 'AlterTableStmt': {
        const table = relName(s.relation);
        for (const c of arr(s.cmds)) {
          const cmd = obj(obj(c).AlterTableCmd);
          const column = `${table}.${str(cmd.name)}`;
          const def = obj(obj(cmd.def).ColumnDef);
          switch (str(cmd.subtype)) {
            case 'AT_DropColumn':
              add('drop-column', column, `DROP COLUMN ${column}`);
              break;
            case 'AT_AlterColumnType': {
              const to = typeName(def.typeName);
              if (!LOSSLESS_TARGETS.has(to))
                add('type-change', column, `ALTER COLUMN ${column} TYPE ${to} may truncate or fail to convert`);
              break;
            }
            case 'AT_SetNotNull':
              if (!created.has(table))
                add('not-null-without-default', column, `SET NOT NULL on ${column} fails if a row holds NULL`);
              break;
            case 'AT_AddColumn': {
              const kinds = arr(def.constraints).map((k) => str(obj(obj(k).Constraint).contype));
              const notNull = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
              const hasDefault =
                kinds.includes('CONSTR_DEFAULT') ||
                kinds.includes('CONSTR_IDENTITY') ||
                kinds.includes('CONSTR_GENERATED');
              if (notNull && !hasDefault && !created.has(table)) {
                add(
                  'not-null-without-default',
                  `${table}.${str(def.colname)}`,
                  `ADD COLUMN ${str(def.colname)} NOT NULL without DEFAULT on existing table ${table}`,
                );
              }
              break;
            }
          }
        }
        break;
      }
    }
  }
  return findings;
}
