import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 328;
export const ids = [328,469];
export const modules = {

/***/ 50328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyzePostgres: () => (/* binding */ analyzePostgres)
});

// UNUSED EXPORTS: analyzeSqlText, sqlType

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/migrate/sql/findings.ts
var findings = __webpack_require__(65218);
;// CONCATENATED MODULE: ./src/stages/migrate/sql/pg-scope.ts

function report(scope, line, kind, target, detail) {
    scope.findings.push({
        file: scope.file.file,
        line,
        kind,
        target,
        detail: `${(0,findings/* describeEnclosure */.C)(scope.enclosure)}${detail}`,
    });
}

// EXTERNAL MODULE: ./src/stages/migrate/sql/postgres-parse.ts
var postgres_parse = __webpack_require__(60469);
// EXTERNAL MODULE: ./src/stages/migrate/sql/statements.ts
var statements = __webpack_require__(10178);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
;// CONCATENATED MODULE: ./src/stages/migrate/sql/plpgsql.ts



const obj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});
const str = (v) => (typeof v === 'string' ? v : '');
/** PL/pgSQL statements whose SQL is a string computed at run time: what they run is unknowable now. */
const DYNAMIC = {
    PLpgSQL_stmt_dynexecute: 'EXECUTE',
    PLpgSQL_stmt_dynfors: 'FOR … IN EXECUTE',
};
/** `parseMode` 0 is a whole SQL statement; the others are expressions and assignments, which cannot modify data. */
const SQL_STATEMENT = 0;
function dynamicQuery(key, node) {
    if (DYNAMIC[key])
        return obj(obj(node.query).PLpgSQL_expr);
    // RETURN QUERY EXECUTE and OPEN … FOR EXECUTE keep the string in `dynquery`.
    if ((key === 'PLpgSQL_stmt_return_query' || key === 'PLpgSQL_stmt_open') && node.dynquery)
        return obj(obj(node.dynquery).PLpgSQL_expr);
    return undefined;
}
function dynamicLabel(key) {
    return DYNAMIC[key] ?? (key === 'PLpgSQL_stmt_open' ? 'OPEN … FOR EXECUTE' : 'RETURN QUERY EXECUTE');
}
/**
 * Analyses the PL/pgSQL body of `statement` (a CREATE FUNCTION or a DO block) as PostgreSQL's
 * validator compiles it. Every embedded SQL statement is analysed like a statement of the file; an
 * EXECUTE of a string is reported as dynamic SQL; a body PostgreSQL would refuse cannot be shown safe.
 * `bodyLine` is the file line on which the body's first line is.
 */
async function walkPlpgsql(statement, scope, bodyLine, analyzeSqlText) {
    let functions;
    try {
        functions = await (0,postgres_parse/* parsePlpgsql */.T)(statement);
    }
    catch (error) {
        report(scope, bodyLine, 'unparsed', '', `the PL/pgSQL body could not be compiled, so it cannot be shown to be safe: ${(0,core_text/* cut */.Jj)(error.message, 160)}`);
        return;
    }
    const at = (lineno) => bodyLine + Math.max(1, lineno) - 1;
    const visit = async (node, lineno) => {
        if (Array.isArray(node)) {
            for (const v of node)
                await visit(v, lineno);
            return;
        }
        if (node === null || typeof node !== 'object')
            return;
        const n = node;
        const here = typeof n.lineno === 'number' ? n.lineno : lineno;
        for (const [key, child] of Object.entries(n)) {
            const c = obj(child);
            const childLine = typeof c.lineno === 'number' ? c.lineno : here;
            const dynamic = dynamicQuery(key, c);
            if (dynamic) {
                report(scope, at(childLine), 'dynamic-sql', '', `cannot be analysed: ${dynamicLabel(key)} ${(0,core_text/* cut */.Jj)(str(dynamic.query), 120)} runs SQL built at run time`);
                continue;
            }
            if (key === 'PLpgSQL_expr') {
                const parseMode = typeof c.parseMode === 'number' ? c.parseMode : SQL_STATEMENT;
                if (parseMode === SQL_STATEMENT && str(c.query))
                    await analyzeSqlText(str(c.query), scope, at(here));
                continue;
            }
            if (child !== null && typeof child === 'object')
                await visit(child, childLine);
        }
    };
    for (const fn of functions)
        await visit(obj(fn).PLpgSQL_function ?? fn, 1);
}

// EXTERNAL MODULE: ./src/stages/migrate/sql/type-change.ts
var type_change = __webpack_require__(10709);
;// CONCATENATED MODULE: ./src/stages/migrate/sql/analyze-postgres.ts







const analyze_postgres_obj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});
const arr = (v) => (Array.isArray(v) ? v : []);
const analyze_postgres_str = (v) => (typeof v === 'string' ? v : '');
/** Nesting of bodies inside bodies (a DO block that creates a function…) analysed before giving up. */
const MAX_DEPTH = 6;
function relName(rangeVar) {
    const r = analyze_postgres_obj(rangeVar);
    return [analyze_postgres_str(r.schemaname), analyze_postgres_str(r.relname)].filter(Boolean).join('.');
}
/** `[{String:{sval:'public'}},{String:{sval:'users'}}]` → `public.users`. */
function qualified(list) {
    return arr(list)
        .map((n) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(n).String).sval))
        .filter(Boolean)
        .join('.');
}
function objectName(o) {
    const n = analyze_postgres_obj(o);
    if (n.List)
        return qualified(analyze_postgres_obj(n.List).items);
    if (n.String)
        return analyze_postgres_str(analyze_postgres_obj(n.String).sval);
    if (n.TypeName)
        return qualified(analyze_postgres_obj(n.TypeName).names);
    if (n.ObjectWithArgs)
        return qualified(analyze_postgres_obj(n.ObjectWithArgs).objname);
    return '';
}
function sqlType(typeNode) {
    const t = analyze_postgres_obj(typeNode);
    const names = arr(t.names)
        .map((n) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(n).String).sval))
        .filter((n) => n !== 'pg_catalog');
    const params = arr(t.typmods)
        .map((m) => analyze_postgres_obj(analyze_postgres_obj(analyze_postgres_obj(m).A_Const).ival).ival)
        .filter((n) => typeof n === 'number');
    const array = arr(t.arrayBounds).length > 0;
    return { name: (0,type_change/* pgTypeName */.FN)(names.join('.')), params, ...(array ? { array } : {}) };
}
/** The first `location` found in a node: where a nested statement starts, near enough for its line. */
function firstLocation(node, budget = { left: 200 }) {
    if (budget.left-- <= 0)
        return undefined;
    if (Array.isArray(node)) {
        for (const v of node) {
            const l = firstLocation(v, budget);
            if (l !== undefined)
                return l;
        }
        return undefined;
    }
    if (node === null || typeof node !== 'object')
        return undefined;
    const n = node;
    if (typeof n.location === 'number' && n.location >= 0)
        return n.location;
    for (const v of Object.values(n)) {
        const l = firstLocation(v, budget);
        if (l !== undefined)
            return l;
    }
    return undefined;
}
/** A USING clause that only casts the column to the new type changes nothing the plain ALTER would not. */
function isPlainCast(using, column, to) {
    const cast = analyze_postgres_obj(analyze_postgres_obj(using).TypeCast);
    const ref = arr(analyze_postgres_obj(analyze_postgres_obj(cast.arg).ColumnRef).fields).map((f) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(f).String).sval));
    const target = sqlType(cast.typeName);
    return ref.length === 1 && ref[0] === column && target.name === to.name && target.params.join() === to.params.join();
}
function columnInfo(def) {
    return { type: sqlType(def.typeName) };
}
async function alterTable(s, scope, line) {
    const table = relName(s.relation);
    for (const c of arr(s.cmds)) {
        const cmd = analyze_postgres_obj(analyze_postgres_obj(c).AlterTableCmd);
        const column = `${table}.${analyze_postgres_str(cmd.name)}`;
        const def = analyze_postgres_obj(analyze_postgres_obj(cmd.def).ColumnDef);
        switch (analyze_postgres_str(cmd.subtype)) {
            case 'AT_DropColumn':
                report(scope, line, 'drop-column', column, `DROP COLUMN ${column}`);
                if (!scope.enclosure)
                    scope.state.setColumn(table, analyze_postgres_str(cmd.name), undefined);
                break;
            case 'AT_AlterColumnType': {
                const to = sqlType(def.typeName);
                const current = scope.enclosure ? undefined : await scope.state.column(table, analyze_postgres_str(cmd.name));
                const using = def.raw_default;
                const why = using && !isPlainCast(using, analyze_postgres_str(cmd.name), to)
                    ? `the USING expression rewrites every value`
                    : (0,type_change/* lossyChange */.Fc)(current?.type, to, 'postgres');
                if (why)
                    report(scope, line, 'type-change', column, `ALTER COLUMN ${column} TYPE: ${why}`);
                if (!scope.enclosure)
                    scope.state.setColumn(table, analyze_postgres_str(cmd.name), { type: to });
                break;
            }
            case 'AT_SetNotNull':
                if (!scope.state.isNew(table))
                    report(scope, line, 'not-null-without-default', column, `SET NOT NULL on ${column} fails if a row holds NULL`);
                break;
            case 'AT_AddColumn': {
                const kinds = arr(def.constraints).map((k) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(k).Constraint).contype));
                const notNull = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
                const hasDefault = kinds.includes('CONSTR_DEFAULT') || kinds.includes('CONSTR_IDENTITY') || kinds.includes('CONSTR_GENERATED');
                if (notNull && !hasDefault && !scope.state.isNew(table)) {
                    report(scope, line, 'not-null-without-default', `${table}.${analyze_postgres_str(def.colname)}`, `ADD COLUMN ${analyze_postgres_str(def.colname)} NOT NULL without DEFAULT on existing table ${table}`);
                }
                if (!scope.enclosure)
                    scope.state.setColumn(table, analyze_postgres_str(def.colname), columnInfo(def));
                break;
            }
        }
    }
}
function dropStatement(s, scope, line) {
    const what = analyze_postgres_str(s.removeType);
    const cascade = s.behavior === 'DROP_CASCADE';
    for (const o of arr(s.objects)) {
        const name = objectName(o);
        if (what === 'OBJECT_TABLE' || what === 'OBJECT_FOREIGN_TABLE')
            report(scope, line, 'drop-table', name, `DROP TABLE ${name}${cascade ? ' CASCADE' : ''}`);
        else if (what === 'OBJECT_SCHEMA')
            report(scope, line, 'drop-schema', name, `DROP SCHEMA ${name}${cascade ? ' CASCADE' : ''}`);
        else if (cascade) {
            const kind = what.replace('OBJECT_', '').replace(/_/g, ' ');
            report(scope, line, 'drop-cascade', name, `DROP ${kind} ${name} CASCADE also drops what depends on it (columns of that type, defaults, views, triggers…)`);
        }
    }
}
/** The `as` body of CREATE FUNCTION / DO: its text, and the language it is written in. */
function bodyOf(options) {
    let body;
    let language;
    for (const o of options) {
        const d = analyze_postgres_obj(analyze_postgres_obj(o).DefElem);
        if (d.defname === 'language')
            language = analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(d.arg).String).sval).toLowerCase();
        if (d.defname === 'as') {
            const a = analyze_postgres_obj(d.arg);
            body = a.List ? analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(arr(analyze_postgres_obj(a.List).items)[0]).String).sval) : analyze_postgres_str(analyze_postgres_obj(a.String).sval);
        }
    }
    return { ...(body !== undefined ? { body } : {}), ...(language !== undefined ? { language } : {}) };
}
/** The file line on which `body` starts inside the statement that holds it. */
function bodyLine(scope, line, body) {
    const at = scope.statementText.indexOf(body);
    if (at < 0)
        return line;
    let extra = 0;
    for (let i = 0; i < at; i++)
        if (scope.statementText.charCodeAt(i) === 10)
            extra++;
    return line + extra;
}
async function analyzeBody(body, enclosure, scope, line, label) {
    const language = body.language ?? 'plpgsql';
    const inner = { ...scope, enclosure, depth: scope.depth + 1 };
    if (scope.depth >= MAX_DEPTH) {
        report(scope, line, 'unparsed', label, `${label} is nested too deeply to analyse`);
        return;
    }
    if (language === 'plpgsql') {
        await walkPlpgsql(scope.statementText, inner, bodyLine(scope, line, body.body ?? ''), analyzeSqlText);
        return;
    }
    if (language === 'sql') {
        if (body.body !== undefined)
            await analyzeSqlText(body.body, inner, bodyLine(scope, line, body.body));
        return;
    }
    if (language === 'c' || language === 'internal')
        return;
    report(scope, line, 'unparsed', label, `${label} is written in ${language}, which shipkit cannot analyse, so it cannot be shown to be safe`);
}
const HANDLERS = {
    CreateStmt: async (s, scope) => {
        if (scope.enclosure)
            return;
        const columns = new Map();
        for (const e of arr(s.tableElts)) {
            const def = analyze_postgres_obj(analyze_postgres_obj(e).ColumnDef);
            if (def.colname)
                columns.set(analyze_postgres_str(def.colname), columnInfo(def));
        }
        scope.state.createTable(relName(s.relation), columns);
        return Promise.resolve();
    },
    CreateTableAsStmt: async (s, scope) => {
        if (!scope.enclosure)
            scope.state.createTable(relName(analyze_postgres_obj(s.into).rel));
        return Promise.resolve();
    },
    DropStmt: async (s, scope, line) => {
        dropStatement(s, scope, line);
        return Promise.resolve();
    },
    DropdbStmt: async (s, scope, line) => {
        report(scope, line, 'drop-schema', analyze_postgres_str(s.dbname), `DROP DATABASE ${analyze_postgres_str(s.dbname)}`);
        return Promise.resolve();
    },
    DropOwnedStmt: async (s, scope, line) => {
        const roles = arr(s.roles)
            .map((r) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(r).RoleSpec).rolename) || 'CURRENT_USER')
            .join(', ');
        report(scope, line, 'drop-owned', roles, `DROP OWNED BY ${roles} drops every object these roles own`);
        return Promise.resolve();
    },
    TruncateStmt: async (s, scope, line) => {
        for (const r of arr(s.relations)) {
            const name = relName(analyze_postgres_obj(r).RangeVar);
            report(scope, line, 'truncate', name, `TRUNCATE ${name}`);
        }
        return Promise.resolve();
    },
    DeleteStmt: async (s, scope, line) => {
        if (!s.whereClause)
            report(scope, line, 'delete-without-where', relName(s.relation), `DELETE FROM ${relName(s.relation)} without WHERE`);
        return Promise.resolve();
    },
    UpdateStmt: async (s, scope, line) => {
        if (!s.whereClause)
            report(scope, line, 'update-without-where', relName(s.relation), `UPDATE ${relName(s.relation)} without WHERE`);
        return Promise.resolve();
    },
    MergeStmt: async (s, scope, line) => {
        for (const w of arr(s.mergeWhenClauses)) {
            const clause = analyze_postgres_obj(analyze_postgres_obj(w).MergeWhenClause);
            if (clause.commandType !== 'CMD_DELETE')
                continue;
            const which = clause.matchKind === 'MERGE_WHEN_NOT_MATCHED_BY_SOURCE' ? 'NOT MATCHED BY SOURCE' : 'MATCHED';
            report(scope, line, 'merge-delete', relName(s.relation), `MERGE INTO ${relName(s.relation)} … WHEN ${which}${clause.condition ? ' AND …' : ''} THEN DELETE`);
        }
        return Promise.resolve();
    },
    RenameStmt: async (s, scope, line) => {
        const target = relName(s.relation) || objectName(s.object);
        const what = analyze_postgres_str(s.renameType).replace('OBJECT_', '').toLowerCase();
        const from = s.subname ? `${target}.${analyze_postgres_str(s.subname)}` : target;
        report(scope, line, 'rename', from, `RENAME ${what} ${from} TO ${analyze_postgres_str(s.newname)}`);
        return Promise.resolve();
    },
    AlterTableStmt: alterTable,
    RuleStmt: async (s, scope) => {
        const name = `${analyze_postgres_str(s.rulename)} on ${relName(s.relation)}`;
        const inner = { ...scope, enclosure: { kind: 'rule', name } };
        for (const action of arr(s.actions))
            await walk(action, inner, undefined);
    },
    CreateFunctionStmt: async (s, scope, line) => {
        const name = `${s.is_procedure ? 'procedure' : 'function'} ${qualified(s.funcname)}()`;
        const enclosure = { kind: 'function', name };
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
async function walk(node, scope, line) {
    if (Array.isArray(node)) {
        for (const v of node)
            await walk(v, scope, undefined);
        return;
    }
    if (node === null || typeof node !== 'object')
        return;
    for (const [key, child] of Object.entries(node)) {
        const handler = HANDLERS[key];
        if (handler) {
            const at = line ?? scope.lineOf(firstLocation(child) ?? -1);
            await handler(analyze_postgres_obj(child), scope, at);
            if (key === 'RuleStmt' || key === 'CreateFunctionStmt' || key === 'DoStmt')
                continue;
        }
        if (child !== null && typeof child === 'object')
            await walk(child, scope, undefined);
    }
}
/**
 * Analyses SQL text that is not the file itself (a function body, a PL/pgSQL statement): its
 * statements are reported on the file line `line` + their line in the text - 1.
 */
async function analyzeSqlText(text, scope, line) {
    let parsed;
    try {
        parsed = await (0,postgres_parse.parsePostgres)(text);
    }
    catch (error) {
        report(scope, line, 'unparsed', '', `the SQL parser could not read this: ${(0,core_text/* cut */.Jj)(error.message, 160)}`);
        return;
    }
    for (const statement of parsed.statements) {
        const inner = {
            ...scope,
            statementText: statement.text,
            lineOf: (offset) => (offset < 0 ? line : line + parsed.lineOf(offset) - 1),
        };
        await walk(statement.node, inner, line + statement.line - 1);
    }
}
async function analyzePostgres(file, state) {
    let parsed;
    try {
        parsed = await (0,postgres_parse.parsePostgres)(file.sql);
    }
    catch (error) {
        if (error instanceof postgres_parse/* SqlSyntaxError */.M) {
            // PostgreSQL itself would refuse this file: say so now, before anything runs.
            throw new errors/* UserError */.yo(`syntax error: ${error.message}`, {
                file: file.file,
                ...(error.line ? { line: error.line } : {}),
            });
        }
        throw error;
    }
    (0,statements/* rememberStatements */.kT)(file, parsed.statements);
    const findings = [];
    for (const statement of parsed.statements) {
        const scope = {
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


/***/ }),

/***/ 60469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ SqlSyntaxError),
/* harmony export */   T: () => (/* binding */ parsePlpgsql),
/* harmony export */   parsePostgres: () => (/* binding */ parsePostgres)
/* harmony export */ });
let loading;
const libpgQuery = () => (loading ??= __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)));
class SqlSyntaxError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
        this.name = 'SqlSyntaxError';
    }
}
/** Line starts of a UTF-8 buffer, for byte offset → line lookups. */
function lineIndex(bytes) {
    const starts = [0];
    for (let i = 0; i < bytes.length; i++)
        if (bytes[i] === 10)
            starts.push(i + 1);
    return (offset) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
}
/** Skips blanks and comments, which a statement's location may include, to land on its first token. */
function firstToken(text) {
    let i = 0;
    for (;;) {
        while (i < text.length && /\s/.test(text[i] ?? ''))
            i++;
        if (text.startsWith('--', i)) {
            const nl = text.indexOf('\n', i);
            i = nl < 0 ? text.length : nl + 1;
        }
        else if (text.startsWith('/*', i)) {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 2;
        }
        else
            return i;
    }
}
async function parsePostgres(sql) {
    const { parse } = await libpgQuery();
    const bytes = Buffer.from(sql);
    const lineOf = lineIndex(bytes);
    let result;
    try {
        result = await parse(sql);
    }
    catch (error) {
        const pos = error.sqlDetails?.cursorPosition;
        throw new SqlSyntaxError(error.message, pos !== undefined && pos >= 0 ? lineOf(pos) : undefined);
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
async function parsePlpgsql(statement) {
    const { parsePlPgSQL } = await libpgQuery();
    const result = (await parsePlPgSQL(statement));
    return result.plpgsql_funcs ?? [];
}


/***/ }),

/***/ 10178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   GX: () => (/* binding */ statementsOf),
/* harmony export */   kT: () => (/* binding */ rememberStatements)
/* harmony export */ });
/* harmony import */ var _split_statements_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20309);

/**
 * The statements of a file in the order they run, each with its line. PostgreSQL's own parser
 * delimits them for PostgreSQL and PGlite (dollar quotes, nested comments, BEGIN ATOMIC bodies);
 * MySQL and SQLite scripts are split at top-level semicolons outside strings, comments and compound
 * bodies.
 */
async function statementsOf(file, dialect) {
    if (dialect !== 'postgres')
        return (0,_split_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .splitStatements */ .X)(file.sql, dialect);
    const known = parsed.get(file);
    if (known)
        return known;
    const { parsePostgres } = await __webpack_require__.e(/* import() */ 469).then(__webpack_require__.bind(__webpack_require__, 60469));
    return rememberStatements(file, (await parsePostgres(file.sql)).statements);
}
/** Statements the analysis already parsed, so applying a file does not parse it again. */
const parsed = new WeakMap();
function rememberStatements(file, statements) {
    const texts = statements.map(({ text, line }) => ({ text, line }));
    parsed.set(file, texts);
    return texts;
}
/**
 * The file line an error points at: PostgreSQL gives a 1-based character position in the
 * statement, MySQL says "… at line N" of the statement; otherwise the statement's first line.
 */
function errorLine(statement, error) {
    const e = error;
    const position = Number(e.position);
    if (Number.isFinite(position) && position > 0) {
        let extra = 0;
        for (let i = 0; i < position - 1 && i < statement.text.length; i++)
            if (statement.text.charCodeAt(i) === 10)
                extra++;
        return statement.line + extra;
    }
    const mysqlLine = typeof e.message === 'string' ? /\bat line (\d+)$/.exec(e.message)?.[1] : undefined;
    if (mysqlLine)
        return statement.line + Number(mysqlLine) - 1;
    return statement.line;
}


/***/ })

};
