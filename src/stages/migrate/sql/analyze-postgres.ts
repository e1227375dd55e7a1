import { UserError } from '../../../core/errors.js';
import type { MigrationFile } from '../files.js';
import type { Enclosure, Finding } from './findings.js';
import { report, type Scope } from './pg-scope.js';
import { parsePostgres, SqlSyntaxError, type PgNode } from './postgres-parse.js';
import { rememberStatements } from './statements.js';
import { walkPlpgsql } from './plpgsql.js';
import type { ColumnInfo, SchemaState } from './schema-state.js';
import { lossyChange, pgTypeName, type SqlType } from './type-change.js';
import { cut } from '../../../core/text.js';

const obj = (v: unknown): PgNode => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as PgNode) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Nesting of bodies inside bodies (a DO block that creates a function…) analysed before giving up. */
const MAX_DEPTH = 6;

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

function objectName(o: unknown): string {
  const n = obj(o);
  if (n.List) return qualified(obj(n.List).items);
  if (n.String) return str(obj(n.String).sval);
  if (n.TypeName) return qualified(obj(n.TypeName).names);
  if (n.ObjectWithArgs) return qualified(obj(n.ObjectWithArgs).objname);
  return '';
}

export function sqlType(typeNode: unknown): SqlType {
  const t = obj(typeNode);
  const names = arr(t.names)
    .map((n) => str(obj(obj(n).String).sval))
    .filter((n) => n !== 'pg_catalog');
  const params = arr(t.typmods)
    .map((m) => obj(obj(obj(m).A_Const).ival).ival)
    .filter((n): n is number => typeof n === 'number');
  const array = arr(t.arrayBounds).length > 0;
  return { name: pgTypeName(names.join('.')), params, ...(array ? { array } : {}) };
}

/** The first `location` found in a node: where a nested statement starts, near enough for its line. */
function firstLocation(node: unknown, budget = { left: 200 }): number | undefined {
  if (budget.left-- <= 0) return undefined;
  if (Array.isArray(node)) {
    for (const v of node) {
      const l = firstLocation(v, budget);
      if (l !== undefined) return l;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const n = node as PgNode;
  if (typeof n.location === 'number' && n.location >= 0) return n.location;
  for (const v of Object.values(n)) {
    const l = firstLocation(v, budget);
    if (l !== undefined) return l;
  }
  return undefined;
}

type Handler = (node: PgNode, scope: Scope, line: number) => Promise<void>;

/** A USING clause that only casts the column to the new type changes nothing the plain ALTER would not. */
function isPlainCast(using: unknown, column: string, to: SqlType): boolean {
  const cast = obj(obj(using).TypeCast);
  const ref = arr(obj(obj(cast.arg).ColumnRef).fields).map((f) => str(obj(obj(f).String).sval));
  const target = sqlType(cast.typeName);
  return ref.length === 1 && ref[0] === column && target.name === to.name && target.params.join() === to.params.join();
}

function columnInfo(def: PgNode): ColumnInfo {
  return { type: sqlType(def.typeName) };
}

async function alterTable(s: PgNode, scope: Scope, line: number): Promise<void> {
  const table = relName(s.relation);
  for (const c of arr(s.cmds)) {
    const cmd = obj(obj(c).AlterTableCmd);
    const column = `${table}.${str(cmd.name)}`;
    const def = obj(obj(cmd.def).ColumnDef);
    switch (str(cmd.subtype)) {
      case 'AT_DropColumn':
        report(scope, line, 'drop-column', column, `DROP COLUMN ${column}`);
        if (!scope.enclosure) scope.state.setColumn(table, str(cmd.name), undefined);
        break;
      case 'AT_AlterColumnType': {
        const to = sqlType(def.typeName);
        const current = scope.enclosure ? undefined : await scope.state.column(table, str(cmd.name));
        const using = def.raw_default;
        const why =
          using && !isPlainCast(using, str(cmd.name), to)
            ? `the USING expression rewrites every value`
            : lossyChange(current?.type, to, 'postgres');
        if (why) report(scope, line, 'type-change', column, `ALTER COLUMN ${column} TYPE: ${why}`);
        if (!scope.enclosure) scope.state.setColumn(table, str(cmd.name), { type: to });
        break;
      }
      case 'AT_SetNotNull':
        if (!scope.state.isNew(table))
          report(
            scope,
            line,
            'not-null-without-default',
            column,
            `SET NOT NULL on ${column} fails if a row holds NULL`,
          );
        break;
      case 'AT_AddColumn': {
        const kinds = arr(def.constraints).map((k) => str(obj(obj(k).Constraint).contype));
        const notNull = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
        const hasDefault =
          kinds.includes('CONSTR_DEFAULT') || kinds.includes('CONSTR_IDENTITY') || kinds.includes('CONSTR_GENERATED');
        if (notNull && !hasDefault && !scope.state.isNew(table)) {
          report(
            scope,
            line,
            'not-null-without-default',
            `${table}.${str(def.colname)}`,
            `ADD COLUMN ${str(def.colname)} NOT NULL without DEFAULT on existing table ${table}`,
          );
        }
        if (!scope.enclosure) scope.state.setColumn(table, str(def.colname), columnInfo(def));
        break;
      }
    }
  }
}

function dropStatement(s: PgNode, scope: Scope, line: number): void {
  const what = str(s.removeType);
  const cascade = s.behavior === 'DROP_CASCADE';
  for (const o of arr(s.objects)) {
    const name = objectName(o);
    if (what === 'OBJECT_TABLE' || what === 'OBJECT_FOREIGN_TABLE')
      report(scope, line, 'drop-table', name, `DROP TABLE ${name}${cascade ? ' CASCADE' : ''}`);
    else if (what === 'OBJECT_SCHEMA')
      report(scope, line, 'drop-schema', name, `DROP SCHEMA ${name}${cascade ? ' CASCADE' : ''}`);
    else if (cascade) {
      const kind = what.replace('OBJECT_', '').replace(/_/g, ' ');
      report(
        scope,
        line,
        'drop-cascade',
        name,
        `DROP ${kind} ${name} CASCADE also drops what depends on it (columns of that type, defaults, views, triggers…)`,
      );
    }
  }
}

/** The `as` body of CREATE FUNCTION / DO: its text, and the language it is written in. */
function bodyOf(options: unknown[]): { body?: string; language?: string } {
  let body: string | undefined;
  let language: string | undefined;
  for (const o of options) {
    const d = obj(obj(o).DefElem);
    if (d.defname === 'language') language = str(obj(obj(d.arg).String).sval).toLowerCase();
    if (d.defname === 'as') {
      const a = obj(d.arg);
      body = a.List ? str(obj(obj(arr(obj(a.List).items)[0]).String).sval) : str(obj(a.String).sval);
    }
  }
  return { ...(body !== undefined ? { body } : {}), ...(language !== undefined ? { language } : {}) };
}

/** The file line on which `body` starts inside the statement that holds it. */
function bodyLine(scope: Scope, line: number, body: string): number {
  const at = scope.statementText.indexOf(body);
  if (at < 0) return line;
  let extra = 0;
  for (let i = 0; i < at; i++) if (scope.statementText.charCodeAt(i) === 10) extra++;
  return line + extra;
}

async function analyzeBody(
  body: { body?: string; language?: string },
  enclosure: Enclosure,
  scope: Scope,
  line: number,
  label: string,
): Promise<void> {
  const language = body.language ?? 'plpgsql';
  const inner: Scope = { ...scope, enclosure, depth: scope.depth + 1 };
  if (scope.depth >= MAX_DEPTH) {
    report(scope, line, 'unparsed', label, `${label} is nested too deeply to analyse`);
    return;
  }
  if (language === 'plpgsql') {
    await walkPlpgsql(scope.statementText, inner, bodyLine(scope, line, body.body ?? ''), analyzeSqlText);
    return;
  }
  if (language === 'sql') {
    if (body.body !== undefined) await analyzeSqlText(body.body, inner, bodyLine(scope, line, body.body));
    return;
  }
  if (language === 'c' || language === 'internal') return;
  report(
    scope,
    line,
    'unparsed',
    label,
    `${label} is written in ${language}, which shipkit cannot analyse, so it cannot be shown to be safe`,
  );
}

const HANDLERS: Record<string, Handler> = {
  CreateStmt: async (s, scope) => {
    if (scope.enclosure) return;
    const columns = new Map<string, ColumnInfo>();
    for (const e of arr(s.tableElts)) {
      const def = obj(obj(e).ColumnDef);
      if (def.colname) columns.set(str(def.colname), columnInfo(def));
    }
    scope.state.createTable(relName(s.relation), columns);
    return Promise.resolve();
  },
  CreateTableAsStmt: async (s, scope) => {
    if (!scope.enclosure) scope.state.createTable(relName(obj(s.into).rel));
    return Promise.resolve();
  },
  DropStmt: async (s, scope, line) => {
    dropStatement(s, scope, line);
    return Promise.resolve();
  },
  DropdbStmt: async (s, scope, line) => {
    report(scope, line, 'drop-schema', str(s.dbname), `DROP DATABASE ${str(s.dbname)}`);
    return Promise.resolve();
  },
  DropOwnedStmt: async (s, scope, line) => {
    const roles = arr(s.roles)
      .map((r) => str(obj(obj(r).RoleSpec).rolename) || 'CURRENT_USER')
      .join(', ');
    report(scope, line, 'drop-owned', roles, `DROP OWNED BY ${roles} drops every object these roles own`);
    return Promise.resolve();
  },
  TruncateStmt: async (s, scope, line) => {
    for (const r of arr(s.relations)) {
      const name = relName(obj(r).RangeVar);
      report(scope, line, 'truncate', name, `TRUNCATE ${name}`);
    }
    return Promise.resolve();
  },
  DeleteStmt: async (s, scope, line) => {
    if (!s.whereClause)
      report(
        scope,
        line,
        'delete-without-where',
        relName(s.relation),
        `DELETE FROM ${relName(s.relation)} without WHERE`,
      );
    return Promise.resolve();
  },
  UpdateStmt: async (s, scope, line) => {
    if (!s.whereClause)
      report(scope, line, 'update-without-where', relName(s.relation), `UPDATE ${relName(s.relation)} without WHERE`);
    return Promise.resolve();
  },
  MergeStmt: async (s, scope, line) => {
    for (const w of arr(s.mergeWhenClauses)) {
      const clause = obj(obj(w).MergeWhenClause);
      if (clause.commandType !== 'CMD_DELETE') continue;
      const which = clause.matchKind === 'MERGE_WHEN_NOT_MATCHED_BY_SOURCE' ? 'NOT MATCHED BY SOURCE' : 'MATCHED';
      report(
        scope,
        line,
        'merge-delete',
        relName(s.relation),
        `MERGE INTO ${relName(s.relation)} … WHEN ${which}${clause.condition ? ' AND …' : ''} THEN DELETE`,
      );
    }
    return Promise.resolve();
  },
  RenameStmt: async (s, scope, line) => {
    const target = relName(s.relation) || objectName(s.object);
    const what = str(s.renameType).replace('OBJECT_', '').toLowerCase();
    const from = s.subname ? `${target}.${str(s.subname)}` : target;
    report(scope, line, 'rename', from, `RENAME ${what} ${from} TO ${str(s.newname)}`);
    return Promise.resolve();
  },
  AlterTableStmt: alterTable,
  RuleStmt: async (s, scope) => {
    const name = `${str(s.rulename)} on ${relName(s.relation)}`;
    const inner: Scope = { ...scope, enclosure: { kind: 'rule', name } };
    for (const action of arr(s.actions)) await walk(action, inner, undefined);
  },
  CreateFunctionStmt: async (s, scope, line) => {
    const name = `${s.is_procedure ? 'procedure' : 'function'} ${qualified(s.funcname)}()`;
    const enclosure: Enclosure = { kind: 'function', name };
    // BEGIN ATOMIC … END and RETURN expr: parsed with the statement, locations in the same text.
    if (s.sql_body) {
      await walk(s.sql_body, { ...scope, enclosure, depth: scope.depth + 1 }, undefined);
      return;
    }
    await analyzeBody(bodyOf(arr(s.options)), enclosure, scope, line, name);
  },
  DoStmt: async (s, scope, line) => {
    await analyzeBody(bodyOf(arr(s.args)), { kind: 'do' }, scope, line, 'the DO block');
  },
};

/**
 * Visits every node of a statement. A node with a handler is checked there (the handler walks the
 * parts it wants); any other node is searched for nested statements: DML inside a CTE, EXPLAIN
 * ANALYZE, PREPARE, a rule's actions. `line` is the statement's line for a top-level statement;
 * nested ones take the line of their own first location.
 */
async function walk(node: unknown, scope: Scope, line: number | undefined): Promise<void> {
  if (Array.isArray(node)) {
    for (const v of node) await walk(v, scope, undefined);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, child] of Object.entries(node as PgNode)) {
    const handler = HANDLERS[key];
    if (handler) {
      const at = line ?? scope.lineOf(firstLocation(child) ?? -1);
      await handler(obj(child), scope, at);
      if (key === 'RuleStmt' || key === 'CreateFunctionStmt' || key === 'DoStmt') continue;
    }
    if (child !== null && typeof child === 'object') await walk(child, scope, undefined);
  }
}

/**
 * Analyses SQL text that is not the file itself (a function body, a PL/pgSQL statement): its
 * statements are reported on the file line `line` + their line in the text - 1.
 */
export async function analyzeSqlText(text: string, scope: Scope, line: number): Promise<void> {
  let parsed;
  try {
    parsed = await parsePostgres(text);
  } catch (error) {
    report(scope, line, 'unparsed', '', `the SQL parser could not read this: ${cut((error as Error).message, 160)}`);
    return;
  }
  for (const statement of parsed.statements) {
    const inner: Scope = {
      ...scope,
      statementText: statement.text,
      lineOf: (offset) => (offset < 0 ? line : line + parsed.lineOf(offset) - 1),
    };
    await walk(statement.node, inner, line + statement.line - 1);
  }
}

export async function analyzePostgres(file: MigrationFile, state: SchemaState): Promise<Finding[]> {
  let parsed;
  try {
    parsed = await parsePostgres(file.sql);
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
  rememberStatements(file, parsed.statements);
  const findings: Finding[] = [];
  for (const statement of parsed.statements) {
    const scope: Scope = {
      file,
      findings,
      state,
      statementText: statement.text,
      lineOf: (offset) => (offset < 0 ? statement.line : parsed.lineOf(offset)),
      depth: 0,
    };
    await walk(statement.node, scope, statement.line);
  }
  return findings;
}
