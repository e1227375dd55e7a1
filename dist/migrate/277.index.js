import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 277;
export const ids = [277];
export const modules = {

/***/ 41277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analyzeMysqlLike: () => (/* binding */ analyzeMysqlLike)
/* harmony export */ });
/* harmony import */ var _split_statements_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20309);
/* harmony import */ var _type_change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10709);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72020);



const obj = (v) => (v !== null && typeof v === 'object' ? v : {});
const arr = (v) => (Array.isArray(v) ? v : []);
const str = (v) => (typeof v === 'string' ? v : '');
/** node-sql-parser holds a grammar per dialect: megabytes, loaded only when a MySQL/SQLite file is analysed. */
let parser;
const sqlParser = () => (parser ??= __webpack_require__.e(/* import() */ 519).then(__webpack_require__.t.bind(__webpack_require__, 6519, 23)).then((m) => new (m.default ?? m).Parser()));
function tableName(t) {
    const r = obj(t);
    return [str(r.db), str(r.table)].filter(Boolean).join('.');
}
function columnName(c) {
    const col = obj(c).column;
    if (typeof col === 'string')
        return col;
    return str(obj(obj(col).expr).value);
}
/** A column definition's type as node-sql-parser gives it: `{ dataType: 'DECIMAL', length: 12, scale: 2, suffix: ['UNSIGNED'] }`. */
function definitionType(definition) {
    const d = obj(definition);
    const name = (0,_type_change_js__WEBPACK_IMPORTED_MODULE_1__/* .mysqlTypeName */ .UM)(str(d.dataType));
    const isInt = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'].includes(name);
    const params = typeof d.length === 'number' && !isInt ? [d.length, ...(typeof d.scale === 'number' ? [d.scale] : [])] : [];
    const unsigned = arr(d.suffix).some((s) => str(s).toUpperCase() === 'UNSIGNED');
    return { name, params, ...(unsigned ? { unsigned } : {}) };
}
/** PREPARE s FROM … and EXECUTE IMMEDIATE …: SQL from a string. A literal string is analysed; anything else cannot be. */
const DYNAMIC = /^(?:PREPARE\s+[`\w$]+\s+FROM|EXECUTE\s+IMMEDIATE)\s+([\s\S]*)$/i;
function literal(text) {
    const m = /^\s*(['"])((?:\\.|(?!\1).|\1\1)*)\1\s*$/s.exec(text);
    if (!m?.[2])
        return undefined;
    const quote = m[1] ?? "'";
    return m[2]
        .replace(/\\(.)/g, '$1')
        .split(quote + quote)
        .join(quote);
}
/**
 * Session and variable assignments (SET NAMES, SET FOREIGN_KEY_CHECKS = 0, SET @q = …, as mysqldump
 * writes them) change no stored data, and the grammar does not read all of them: not analysed. A
 * string in a variable only matters when it is executed, and PREPARE … FROM @q is caught above.
 */
const SESSION_SET = /^SET\s+(?!PASSWORD\b|ROLE\b|DEFAULT\s+ROLE\b)/i;
async function analyzeStatement(ctx, text, line) {
    const add = (kind, target, detail) => {
        ctx.findings.push({ file: ctx.file.file, line, kind, target, detail });
    };
    const dynamic = ctx.dialect === 'mysql' ? DYNAMIC.exec(text.trim()) : null;
    if (dynamic) {
        const inner = literal(dynamic[1] ?? '');
        if (inner !== undefined && ctx.depth < 3) {
            await analyzeText({ ...ctx, depth: ctx.depth + 1 }, inner, line);
            return;
        }
        add('dynamic-sql', '', `cannot be analysed: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .cut */ .Jj)(text, 120)} runs SQL built at run time`);
        return;
    }
    if (SESSION_SET.test(text.trim()))
        return;
    let stmt;
    try {
        const { ast } = (await sqlParser()).parse(text, { database: ctx.dialect === 'mysql' ? 'MariaDB' : 'Sqlite' });
        stmt = Array.isArray(ast) ? ast[0] : ast;
    }
    catch (error) {
        add('unparsed', '', `the SQL parser could not read this statement, so it cannot be shown to be safe: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .cut */ .Jj)(error.message, 160)}`);
        return;
    }
    const s = obj(stmt);
    const type = str(s.type);
    const keyword = str(s.keyword).toLowerCase();
    if (type === 'create' && keyword === 'table') {
        const columns = new Map();
        for (const d of arr(s.create_definitions)) {
            const def = obj(d);
            if (def.resource === 'column')
                columns.set(columnName(def.column), {
                    type: definitionType(def.definition),
                    ...(def.auto_increment ? { autoIncrement: true } : {}),
                });
        }
        for (const t of arr(s.table))
            ctx.state.createTable(tableName(t), columns);
    }
    if (type === 'drop' && keyword === 'table')
        for (const t of arr(s.name))
            add('drop-table', tableName(t), `DROP TABLE ${tableName(t)}`);
    if (type === 'drop' && (keyword === 'database' || keyword === 'schema')) {
        const name = typeof s.name === 'string' ? s.name : JSON.stringify(s.name);
        add('drop-schema', name, `DROP ${keyword.toUpperCase()} ${name}`);
    }
    if (type === 'truncate')
        for (const t of arr(s.name))
            add('truncate', tableName(t), `TRUNCATE ${tableName(t)}`);
    if (type === 'delete' && !s.where)
        add('delete-without-where', tableName(arr(s.from)[0]), 'DELETE without WHERE');
    if (type === 'update' && !s.where)
        add('update-without-where', tableName(arr(s.table)[0]), 'UPDATE without WHERE');
    if (type === 'rename') {
        for (const pair of arr(s.table)) {
            const [from, to] = arr(pair);
            add('rename', tableName(from), `RENAME TABLE ${tableName(from)} TO ${tableName(to)}`);
        }
    }
    if (type === 'alter')
        await alterTable(ctx, s, add);
}
async function alterTable(ctx, s, add) {
    const table = tableName(arr(s.table)[0]);
    for (const e of arr(s.expr)) {
        const x = obj(e);
        const action = str(x.action);
        const resource = str(x.resource);
        if (action === 'drop' && resource === 'column') {
            add('drop-column', `${table}.${columnName(x.column)}`, `DROP COLUMN ${columnName(x.column)}`);
            ctx.state.setColumn(table, columnName(x.column), undefined);
        }
        if (action === 'rename') {
            const what = resource === 'column' ? `${table}.${columnName(x.old_column)}` : table;
            add('rename', what, `RENAME ${resource || 'table'} ${what}`);
        }
        if (action === 'modify' || action === 'change') {
            const col = columnName(x.old_column ?? x.column);
            const renamed = action === 'change' && x.old_column && columnName(x.column) !== col;
            if (renamed)
                add('rename', `${table}.${col}`, `CHANGE ${col} TO ${columnName(x.column)}`);
            const to = definitionType(x.definition);
            const current = await ctx.state.column(table, col);
            // MODIFY/CHANGE restate the whole column: a character set named there converts every value,
            // and an AUTO_INCREMENT left out is removed.
            const why = x.character_set
                ? 'a new character set converts every value'
                : current?.autoIncrement && !x.auto_increment
                    ? 'it drops the AUTO_INCREMENT the column has'
                    : (0,_type_change_js__WEBPACK_IMPORTED_MODULE_1__/* .lossyChange */ .Fc)(current?.type, to, 'mysql');
            if (why)
                add('type-change', `${table}.${col}`, `${action.toUpperCase()} COLUMN ${col}: ${why}`);
            ctx.state.setColumn(table, renamed ? columnName(x.column) : col, {
                type: to,
                ...(x.auto_increment ? { autoIncrement: true } : {}),
            });
        }
        if (action === 'add' && resource === 'column') {
            const def = obj(x.definition);
            const nullable = obj(x.nullable ?? def.nullable);
            const notNull = str(nullable.type).toLowerCase() === 'not null';
            if (notNull && !(x.default_val ?? def.default_val) && !ctx.state.isNew(table)) {
                add('not-null-without-default', `${table}.${columnName(x.column)}`, `ADD COLUMN ${columnName(x.column)} NOT NULL without DEFAULT on existing table ${table}`);
            }
            ctx.state.setColumn(table, columnName(x.column), { type: definitionType(x.definition) });
        }
    }
}
/** Statements of `text`, with MySQL's executable comments opened: what they hold is what the server runs. */
async function analyzeText(ctx, text, line) {
    const opened = ctx.dialect === 'mysql' ? (0,_split_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .openExecutableComments */ .D)(text) : text;
    const statements = (0,_split_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .splitStatements */ .X)(opened, ctx.dialect);
    for (const s of statements)
        await analyzeStatement(ctx, s.text, line + s.line - 1);
}
/** MySQL/MariaDB and SQLite statements through node-sql-parser's grammar for that dialect. */
async function analyzeMysqlLike(file, state, dialect) {
    const ctx = { file, state, dialect, findings: [], depth: 0 };
    for (const unit of (0,_split_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .splitStatements */ .X)(file.sql, dialect))
        await analyzeText(ctx, unit.text, unit.line);
    return ctx.findings;
}


/***/ })

};
