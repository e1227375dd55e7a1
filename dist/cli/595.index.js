import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 595;
export const ids = [595];
export const modules = {

/***/ 2742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ userCommandEnv)
/* harmony export */ });
/**
 * The environment for commands the user gives (lint, test, on-failure, migration tools). They run the
 * pull request's code, so they get what a `run:` step would see and nothing more: no action inputs
 * (`INPUT_GITHUB-TOKEN` is the token) and none of the runtime's credentials that the runner hands to
 * JavaScript actions only. A token the user wants them to have is passed through the step's `env:`.
 */
const RUNNER_ONLY = new Set([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_CACHE_SERVICE_V2',
    'ACTIONS_RESULTS_URL',
]);
function userCommandEnv(env, extra = {}) {
    const out = {};
    for (const [key, value] of Object.entries(env)) {
        if (key.toUpperCase().startsWith('INPUT_') || RUNNER_ONLY.has(key.toUpperCase()))
            continue;
        out[key] = value;
    }
    for (const [key, value] of Object.entries(extra))
        if (value !== undefined)
            out[key] = value;
    return out;
}


/***/ }),

/***/ 39664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FW: () => (/* binding */ LockTimeout),
/* harmony export */   Sy: () => (/* binding */ LOCK_NAME),
/* harmony export */   e1: () => (/* binding */ asText),
/* harmony export */   iB: () => (/* binding */ backupStamp),
/* harmony export */   mC: () => (/* binding */ ScriptError),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/** What a run that could not get the lock learned about the one holding it. */
class LockTimeout extends Error {
    waitedMs;
    holder;
    constructor(waitedMs, holder) {
        super(`another migration run holds the lock${holder ? ` (${holder})` : ''}; gave up after ${Math.round(waitedMs / 1000)}s`);
        this.waitedMs = waitedMs;
        this.holder = holder;
        this.name = 'LockTimeout';
    }
}
/**
 * A statement of a migration file failed. `completed` of its statements ran before it; `line` is
 * the failing statement's line in the file (or the line of the error inside it).
 */
class ScriptError extends Error {
    completed;
    line;
    constructor(cause, completed, line) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.completed = completed;
        this.line = line;
        this.name = 'ScriptError';
    }
}
async function sleep(ms, signal) {
    await new Promise((resolve, reject) => {
        if (signal.aborted) {
            reject(signal.reason);
            return;
        }
        const t = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(t);
            reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
/** The name of the migration lock (GET_LOCK on MySQL; the advisory lock key on PostgreSQL spells it too). */
const LOCK_NAME = 'shipkit_migrations';
/** A database value as text for messages (rows are `unknown`-typed). */
function asText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    if (Buffer.isBuffer(value))
        return value.toString();
    return value === null || value === undefined ? '' : JSON.stringify(value);
}
function backupStamp() {
    return new Date().toISOString().replace(/[:.]/g, '-');
}


/***/ }),

/***/ 53312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ execFile)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** Runs a program without a shell; stdin from a file when given. Never rejects on a non-zero exit. */
function execFile(command, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
            env: opts.env ?? process.env,
            cwd: opts.cwd,
            shell: opts.shell ?? false,
            stdio: [opts.stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            ...(opts.signal ? { signal: opts.signal } : {}),
        });
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (d) => (stdout += d.toString()));
        child.stderr?.on('data', (d) => (stderr += d.toString()));
        child.on('error', (error) => {
            if (error.code === 'ENOENT')
                resolve({ code: 127, stdout, stderr: `${command}: not found on PATH` });
            else
                reject(error);
        });
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
        if (opts.stdinFile && child.stdin) {
            void Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23)).then(({ createReadStream }) => {
                createReadStream(opts.stdinFile).pipe(child.stdin);
            });
        }
    });
}


/***/ }),

/***/ 1595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrate: () => (/* binding */ runMigrate)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/types.ts
var types = __webpack_require__(39664);
// EXTERNAL MODULE: ./src/stages/migrate/files.ts
var migrate_files = __webpack_require__(63734);
;// CONCATENATED MODULE: ./src/stages/migrate/history.ts

const HISTORY_TABLE = 'shipkit_migrations';
const DDL = {
    postgres: `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  version text PRIMARY KEY, name text NOT NULL, checksum char(64) NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(), duration_ms integer NOT NULL,
  applied_by text NOT NULL, kind text NOT NULL DEFAULT 'applied')`,
    mysql: `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  version varchar(64) PRIMARY KEY, name varchar(255) NOT NULL, checksum char(64) NOT NULL,
  applied_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), duration_ms int NOT NULL,
  applied_by varchar(512) NOT NULL, kind varchar(16) NOT NULL DEFAULT 'applied')`,
    sqlite: `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
  applied_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), duration_ms integer NOT NULL,
  applied_by text NOT NULL, kind text NOT NULL DEFAULT 'applied')`,
};
async function ensureHistoryTable(driver) {
    await driver.query(DDL[driver.dialect]);
}
async function tableExists(driver) {
    const sql = {
        postgres: `SELECT 1 AS x FROM pg_catalog.pg_tables WHERE tablename = ? AND schemaname = ANY (current_schemas(false))`,
        mysql: `SELECT 1 AS x FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
        sqlite: `SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?`,
    }[driver.dialect];
    return (await driver.query(sql, [HISTORY_TABLE])).length > 0;
}
function iso(v) {
    if (v instanceof Date)
        return v.toISOString();
    const d = new Date(String(v));
    return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
}
/** The history, oldest first, and the files a run started and did not finish; empty when there is no table yet. */
async function readHistory(driver) {
    let all;
    try {
        all = await driver.query(`SELECT version, name, checksum, applied_at, duration_ms, applied_by, kind FROM ${HISTORY_TABLE}`);
    }
    catch (error) {
        // Asked first and checked after: a run with history (every run but the first) pays one round trip.
        if (!(await tableExists(driver)))
            return { rows: [], started: [] };
        throw error;
    }
    const rows = [];
    const started = [];
    for (const r of all) {
        if (r.kind === 'started') {
            started.push({
                version: String(r.version),
                name: String(r.name),
                startedAt: iso(r.applied_at),
                startedBy: String(r.applied_by),
            });
            continue;
        }
        rows.push({
            version: String(r.version),
            name: String(r.name),
            checksum: String(r.checksum).trim(),
            appliedAt: iso(r.applied_at),
            durationMs: Number(r.duration_ms),
            appliedBy: String(r.applied_by),
            kind: r.kind === 'baseline' ? 'baseline' : 'applied',
        });
    }
    rows.sort((a, b) => (0,migrate_files/* compareVersions */.Zy)(a.version, b.version));
    return { rows, started };
}
/** Records rows in one INSERT (a transaction's files at its end: one round trip, not one a file). */
async function recordApplied(driver, rows) {
    const list = Array.isArray(rows) ? rows : [rows];
    if (list.length === 0)
        return;
    await driver.query(`INSERT INTO ${HISTORY_TABLE} (version, name, checksum, duration_ms, applied_by, kind) VALUES ${list.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, list.flatMap((r) => [r.version, r.name, r.checksum, Math.round(r.durationMs), r.appliedBy, r.kind]));
}
async function markStarted(driver, row) {
    await driver.query(`INSERT INTO ${HISTORY_TABLE} (version, name, checksum, duration_ms, applied_by, kind) VALUES (?, ?, ?, 0, ?, 'started')`, [row.version, row.name, row.checksum, row.appliedBy]);
}
async function markFinished(driver, version, durationMs) {
    await driver.query(`UPDATE ${HISTORY_TABLE} SET kind = 'applied', duration_ms = ? WHERE version = ?`, [
        Math.round(durationMs),
        version,
    ]);
}
async function forget(driver, version) {
    await driver.query(`DELETE FROM ${HISTORY_TABLE} WHERE version = ?`, [version]);
}

;// CONCATENATED MODULE: ./src/stages/migrate/apply.ts


/**
 * Groups files into units that commit together: `all` puts consecutive transactional files in one
 * transaction; a no-transaction file always runs alone, between them.
 */
function segments(files, mode, driver) {
    const out = [];
    for (const file of files) {
        const last = out.at(-1);
        const joinable = mode === 'all' && driver.transactionalDdl && !file.noTransaction;
        if (joinable && last && !last[0]?.noTransaction)
            last.push(file);
        else
            out.push([file]);
    }
    return out;
}
/** Whether the statements of `file` commit one by one as they run. */
function commitsAsItRuns(file, driver) {
    return file.noTransaction || !driver.transactionalDdl;
}
/**
 * Applies the pending files. A failure is known to its statement and line (the driver counts the
 * statements that completed). A file whose statements commit as they run is marked `started` in the
 * history first: if the run is killed inside it, the next run finds the mark instead of re-running
 * the file blindly. The history rows of a transaction's files go in with one INSERT at its end.
 */
async function applyFiles(driver, files, opts) {
    const committed = [];
    for (const segment of segments(files, opts.mode, driver)) {
        const first = segment[0];
        if (!first)
            continue;
        const marked = commitsAsItRuns(first, driver);
        const transactional = !first.noTransaction;
        const done = [];
        const at = { completed: 0 };
        let failedLine;
        try {
            if (marked)
                await markStarted(driver, { ...first, appliedBy: opts.appliedBy });
            if (transactional)
                await driver.begin();
            for (const file of segment) {
                opts.signal.throwIfAborted();
                at.file = file;
                at.completed = 0;
                opts.logger.info(`applying ${file.file}${file.noTransaction ? ' (no transaction)' : ''}`);
                const t0 = performance.now();
                try {
                    await driver.execScript(file, { inTransaction: transactional, signal: opts.signal });
                }
                catch (error) {
                    if (error instanceof types/* ScriptError */.mC) {
                        at.completed = error.completed;
                        failedLine = error.line;
                    }
                    throw error;
                }
                const durationMs = Math.round(performance.now() - t0);
                if (marked)
                    await markFinished(driver, file.version, durationMs);
                done.push({ version: file.version, name: file.name, file: file.file, durationMs });
            }
            at.file = undefined;
            if (!marked) {
                const byVersion = new Map(segment.map((f) => [f.version, f]));
                await recordApplied(driver, done.map((d) => ({
                    ...d,
                    checksum: byVersion.get(d.version)?.checksum ?? '',
                    appliedBy: opts.appliedBy,
                    kind: 'applied',
                })));
            }
            if (transactional)
                await driver.commit();
            committed.push(...done);
        }
        catch (error) {
            if (transactional)
                await driver.rollback().catch(() => undefined);
            const failed = at.file ?? segment.at(-1) ?? first;
            const partial = marked && at.completed > 0;
            // Nothing of the file ran: the mark would only stop the next run for no reason.
            if (marked && !partial)
                await forget(driver, failed.version).catch(() => undefined);
            const cause = error instanceof types/* ScriptError */.mC && error.cause !== undefined ? error.cause : error;
            return {
                // Without transactional DDL (MySQL) what ran is committed: nothing was rolled back.
                committed: driver.transactionalDdl ? committed : [...committed, ...done],
                rolledBack: driver.transactionalDdl && transactional ? done.map((p) => p.version) : [],
                failure: {
                    version: failed.version,
                    file: failed.file,
                    ...(failedLine ? { line: failedLine } : {}),
                    message: cause.message ?? String(cause),
                    partial,
                },
            };
        }
    }
    return { committed, rolledBack: [] };
}

;// CONCATENATED MODULE: ./src/stages/migrate/connect.ts
/**
 * Opens the database and takes the migration lock. Each driver (pg, mysql2, PGlite, SQLite's wasm)
 * is loaded here, for the one database the run targets. Embedded databases lock before opening
 * (their file lock is the only guard); servers lock on the session, so a killed run's lock dies
 * with it. Errors reaching the server (refused, unknown host, wrong password, unknown database)
 * are thrown as the driver raised them, for the core to report as what they are.
 */
async function connectAndLock(target, owner, opts) {
    switch (target.kind) {
        case 'pglite': {
            const { PgliteDriver } = await __webpack_require__.e(/* import() */ 713).then(__webpack_require__.bind(__webpack_require__, 11713));
            return PgliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal, opts.progress);
        }
        case 'sqlite': {
            const { SqliteDriver } = await __webpack_require__.e(/* import() */ 973).then(__webpack_require__.bind(__webpack_require__, 97973));
            return SqliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal, opts.progress);
        }
        case 'postgres':
        case 'mysql': {
            const driver = target.kind === 'postgres'
                ? await (await __webpack_require__.e(/* import() */ 144).then(__webpack_require__.bind(__webpack_require__, 29144))).PostgresDriver.connect(target.location, owner, opts.env)
                : await (await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(897)]).then(__webpack_require__.bind(__webpack_require__, 62897))).MysqlDriver.connect(target.location, owner, opts.env);
            if (!opts.lock)
                return { driver, waitedMs: 0 };
            try {
                const { waitedMs } = await driver.lock(opts.timeoutMs, opts.signal, opts.progress);
                return { driver, waitedMs };
            }
            catch (error) {
                await driver.close().catch(() => undefined);
                throw error;
            }
        }
    }
}

// EXTERNAL MODULE: ./src/stages/migrate/database-url.ts
var database_url = __webpack_require__(93992);
// EXTERNAL MODULE: ./src/stages/migrate/sql/split-statements.ts
var split_statements = __webpack_require__(20309);
;// CONCATENATED MODULE: ./src/stages/migrate/sql/objects.ts

const obj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});
const arr = (v) => (Array.isArray(v) ? v : []);
const str = (v) => (typeof v === 'string' ? v : '');
function pgRel(rangeVar) {
    const r = obj(rangeVar);
    return [str(r.schemaname), str(r.relname)].filter(Boolean).join('.');
}
async function postgresObjects(file) {
    const { parsePostgres } = await __webpack_require__.e(/* import() */ 469).then(__webpack_require__.bind(__webpack_require__, 60469));
    const out = [];
    for (const { node } of (await parsePostgres(file.sql)).statements) {
        const [type, raw] = Object.entries(node)[0] ?? ['', {}];
        const s = obj(raw);
        if (type === 'CreateStmt')
            out.push({ kind: 'table', name: pgRel(s.relation), change: 'create' });
        if (type === 'CreateTableAsStmt')
            out.push({ kind: 'table', name: pgRel(obj(s.into).rel), change: 'create' });
        if (type === 'ViewStmt')
            out.push({ kind: 'view', name: pgRel(s.view), change: 'create' });
        if (type === 'CreateSeqStmt')
            out.push({ kind: 'sequence', name: pgRel(s.sequence), change: 'create' });
        if (type === 'IndexStmt' && s.idxname) {
            const schema = str(obj(s.relation).schemaname);
            out.push({ kind: 'index', name: [schema, str(s.idxname)].filter(Boolean).join('.'), change: 'create' });
        }
        if (type === 'DropStmt' && s.removeType === 'OBJECT_TABLE') {
            for (const o of arr(s.objects)) {
                const name = arr(obj(obj(o).List).items)
                    .map((n) => str(obj(obj(n).String).sval))
                    .join('.');
                if (name)
                    out.push({ kind: 'table', name, change: 'drop' });
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
async function mysqlLikeObjects(file, dialect) {
    const nodeSqlParser = await __webpack_require__.e(/* import() */ 519).then(__webpack_require__.t.bind(__webpack_require__, 6519, 23));
    const parser = new (nodeSqlParser.default ?? nodeSqlParser).Parser();
    const table = (t) => [str(obj(t).db), str(obj(t).table)].filter(Boolean).join('.');
    const column = (c) => {
        const col = obj(c).column;
        return typeof col === 'string' ? col : str(obj(obj(col).expr).value);
    };
    const out = [];
    const text = dialect === 'mysql' ? (0,split_statements/* openExecutableComments */.D)(file.sql) : file.sql;
    for (const unit of (0,split_statements/* splitStatements */.X)(text, dialect)) {
        for (const statement of (0,split_statements/* splitStatements */.X)(unit.text, dialect)) {
            let s;
            try {
                const { ast } = parser.parse(statement.text, { database: dialect === 'mysql' ? 'MariaDB' : 'Sqlite' });
                s = obj(Array.isArray(ast) ? ast[0] : ast);
            }
            catch {
                continue;
            }
            const keyword = str(s.keyword).toLowerCase();
            if (s.type === 'create' && keyword === 'table')
                for (const t of arr(s.table))
                    out.push({ kind: 'table', name: table(t), change: 'create' });
            if (s.type === 'create' && keyword === 'view')
                out.push({ kind: 'view', name: str(obj(s.view).view) || table(s.view), change: 'create' });
            if (s.type === 'create' && keyword === 'index') {
                const index = str(s.index) || str(obj(s.index).name);
                if (index)
                    out.push({ kind: 'index', name: `${table(arr(s.table)[0] ?? s.table)}.${index}`, change: 'create' });
            }
            if (s.type === 'drop' && keyword === 'table')
                for (const t of arr(s.name))
                    out.push({ kind: 'table', name: table(t), change: 'drop' });
            if (s.type === 'alter') {
                const t = table(arr(s.table)[0]);
                for (const e of arr(s.expr)) {
                    const x = obj(e);
                    if (x.resource !== 'column')
                        continue;
                    if (x.action === 'add')
                        out.push({ kind: 'column', name: `${t}.${column(x.column)}`, change: 'create' });
                    if (x.action === 'drop')
                        out.push({ kind: 'column', name: `${t}.${column(x.column)}`, change: 'drop' });
                }
            }
        }
    }
    return out;
}
/** The tables, views, indexes, sequences and columns a file creates or drops, in file order. */
async function objectsOf(file, dialect) {
    try {
        return dialect === 'postgres' ? await postgresObjects(file) : await mysqlLikeObjects(file, dialect);
    }
    catch {
        // A file the parser cannot read: nothing can be said about its objects, and the message says so.
        return [];
    }
}

;// CONCATENATED MODULE: ./src/stages/migrate/interrupted.ts


const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;
const regclass = (name) => name.split('.').map(quoteIdent).join('.');
function splitColumn(name) {
    const dot = name.lastIndexOf('.');
    return { table: name.slice(0, dot), column: name.slice(dot + 1) };
}
function bareTable(name) {
    const dot = name.lastIndexOf('.');
    return { schema: dot >= 0 ? name.slice(0, dot) : null, table: name.slice(dot + 1) };
}
async function postgresState(driver, o) {
    if (o.kind === 'column') {
        const { table, column } = splitColumn(o.name);
        const rows = await driver.query('SELECT 1 AS x FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped', [regclass(table), column]);
        return { exists: rows.length > 0 };
    }
    const rows = await driver.query('SELECT c.oid IS NOT NULL AS e, i.indisvalid AS valid FROM (SELECT to_regclass(?) AS oid) c LEFT JOIN pg_index i ON i.indexrelid = c.oid', [regclass(o.name)]);
    const exists = rows[0]?.e === true;
    return { exists, ...(exists && o.kind === 'index' && rows[0]?.valid === false ? { invalid: true } : {}) };
}
async function mysqlState(driver, o) {
    const schemaOf = (s) => (s ? '?' : 'DATABASE()');
    if (o.kind === 'column') {
        const { table, column } = splitColumn(o.name);
        const t = bareTable(table);
        const rows = await driver.query(`SELECT 1 AS x FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${schemaOf(t.schema)} AND TABLE_NAME = ? AND COLUMN_NAME = ?`, [...(t.schema ? [t.schema] : []), t.table, column]);
        return { exists: rows.length > 0 };
    }
    if (o.kind === 'index') {
        const { table, column: index } = splitColumn(o.name);
        const t = bareTable(table);
        const rows = await driver.query(`SELECT 1 AS x FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ${schemaOf(t.schema)} AND TABLE_NAME = ? AND INDEX_NAME = ?`, [...(t.schema ? [t.schema] : []), t.table, index]);
        return { exists: rows.length > 0 };
    }
    const t = bareTable(o.name);
    const rows = await driver.query(`SELECT 1 AS x FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${schemaOf(t.schema)} AND TABLE_NAME = ?`, [...(t.schema ? [t.schema] : []), t.table]);
    return { exists: rows.length > 0 };
}
async function sqliteState(driver, o) {
    if (o.kind === 'column') {
        const { table, column } = splitColumn(o.name);
        const rows = await driver.query('SELECT 1 AS x FROM pragma_table_info(?) WHERE name = ?', [table, column]);
        return { exists: rows.length > 0 };
    }
    const name = o.kind === 'index' ? splitColumn(o.name).column : o.name;
    const rows = await driver.query('SELECT 1 AS x FROM sqlite_master WHERE name = ?', [name]);
    return { exists: rows.length > 0 };
}
function describeObject(o) {
    const state = o.exists ? (o.invalid ? 'exists but is INVALID' : 'exists') : 'does not exist';
    return `${o.kind} ${o.name} ${state}`;
}
function adviceFor(file, row, objects, driver) {
    const done = objects.filter((o) => (o.change === 'create') === o.exists && !o.invalid).length;
    const why = driver.transactionalDdl
        ? `it runs outside a transaction (-- shipkit:no-transaction), so each statement committed as it ran`
        : `MySQL/MariaDB commit each statement as it runs (DDL cannot be rolled back)`;
    const seen = objects.length === 0
        ? 'shipkit could not tell which of its statements ran.'
        : `Of what it creates or drops: ${objects.map(describeObject).join('; ')} (${done} of ${objects.length} as the file leaves them).`;
    const where = file ? file.file : `version ${row.version}`;
    return (`${where} was started by ${row.startedBy} at ${row.startedAt} and did not finish: ${why}. ${seen} ` +
        `Make the database match the whole file (run its remaining statements by hand) or none of it (undo what exists), ` +
        `then delete its row: DELETE FROM ${HISTORY_TABLE} WHERE version = '${row.version}' AND kind = 'started'. ` +
        `If it now matches none of the file, the next run applies the file again; if it matches the whole file, record it ` +
        `instead: UPDATE ${HISTORY_TABLE} SET kind = 'applied' WHERE version = '${row.version}'.`);
}
/** For each file an earlier run left `started`: which of its objects exist, and what to do. */
async function inspectInterrupted(driver, started, files) {
    const out = [];
    for (const row of started) {
        const file = files.find((f) => f.version === row.version);
        const objects = [];
        for (const o of file ? await objectsOf(file, driver.dialect) : []) {
            const state = driver.dialect === 'postgres'
                ? await postgresState(driver, o)
                : driver.dialect === 'mysql'
                    ? await mysqlState(driver, o)
                    : await sqliteState(driver, o);
            objects.push({ ...o, ...state });
        }
        out.push({
            version: row.version,
            file: file?.file ?? '',
            startedAt: row.startedAt,
            startedBy: row.startedBy,
            objects,
            advice: adviceFor(file, row, objects, driver),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stages/migrate/result.ts
/** Files still pending after the run. */
function stillPending(r) {
    const applied = new Set((r.applied ?? []).map((a) => a.version));
    return r.pendingBefore.filter((f) => !applied.has(f.version));
}

;// CONCATENATED MODULE: ./src/stages/migrate/headline.ts

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The one line that says what the run did: the report's summary and the comment's headline. */
function headlineOf(r) {
    const where = r.target.display;
    const applied = r.applied ?? [];
    const pending = stillPending(r);
    if (r.lock && !r.lock.acquired)
        return `could not get the migration lock on ${where}`;
    if (r.tool)
        return `${r.tool.name} ${r.tool.exitCode === 0 ? 'applied its migrations' : `failed (exit ${r.tool.exitCode})`}${r.restored ? `; ${r.restored}` : ''}`;
    if (r.interrupted.length > 0)
        return `stopped: ${r.interrupted.map((i) => i.file || i.version).join(', ')} did not finish in an earlier run; nothing applied`;
    if (r.failure)
        return `${r.failure.file} failed; ${applied.length} applied, ${r.restored ?? (r.rolledBack?.length ? `rolled back ${r.rolledBack.join(', ')}` : 'nothing applied')}`;
    if (r.blocked)
        return `blocked: ${plural(r.findings.length, 'destructive statement')} in ${plural(pending.length, 'pending migration')}; set allow-destructive: true to apply`;
    if (r.options.dryRun)
        return `dry run: ${plural(pending.length, 'pending migration')} on ${where}`;
    return applied.length === 0
        ? `up to date: nothing pending on ${where}`
        : `applied ${plural(applied.length, 'migration')} to ${where}`;
}

// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
;// CONCATENATED MODULE: ./src/stages/migrate/markdown.ts


/** SQL shown per pending file, and in all, so that a large plan cannot crowd out the other stages' sections. */
const SQL_PER_FILE = 1500;
const SQL_BUDGET = 20_000;
const HISTORY_ROWS = 50;
/** Inline code in a table cell: GFM splits cells at every unescaped `|`, inside code spans too. */
const codeCell = (text) => ({ markdown: (0,markdown/* code */.aY)(text).replace(/\|/g, '\\|') });
function planTable(r) {
    const pending = stillPending(r);
    if (pending.length === 0)
        return 'No pending migrations.';
    return (0,markdown/* table */.tp)(['Version', 'File', 'Runs', 'Analysis'], pending.map((f) => {
        const found = r.findings.filter((x) => x.file === f.file);
        return [
            codeCell(f.version),
            codeCell(f.file),
            f.noTransaction
                ? 'alone, outside a transaction'
                : r.options.transaction === 'all'
                    ? 'in the run’s transaction'
                    : 'in its own transaction',
            found.length ? found.map((x) => `⚠️ ${x.kind} (line ${x.line})`).join(', ') : 'nothing destructive',
        ];
    }));
}
function findingsBlock(r) {
    if (r.findings.length === 0)
        return undefined;
    const how = r.options.allowDestructive
        ? 'allowed by `allow-destructive: true`'
        : 'blocking: set `allow-destructive: true` to apply';
    return (0,markdown/* blocks */.Bv)(`**Destructive statements** (${how}):`, (0,markdown/* list */.p_)(r.findings.map((f) => `${(0,markdown/* code */.aY)(`${f.file}:${f.line}`)} **${f.kind}**: ${(0,markdown/* escapeText */.X1)(f.detail)}`)));
}
function interruptedBlock(i) {
    return (0,markdown/* blocks */.Bv)(`${markdown/* STATUS_ICON */.tW.fail} ${(0,markdown/* code */.aY)(i.file || i.version)} did not finish in an earlier run (started ${(0,markdown/* escapeText */.X1)(i.startedAt)} by ${(0,markdown/* escapeText */.X1)(i.startedBy)}).`, i.objects.length > 0
        ? (0,markdown/* list */.p_)(i.objects.map((o) => `${o.kind} ${(0,markdown/* code */.aY)(o.name)} (the file ${o.change === 'create' ? 'creates' : 'drops'} it): ${o.exists ? (o.invalid ? '**exists, INVALID**' : '**exists**') : 'does not exist'}`))
        : undefined, (0,markdown/* escapeText */.X1)(i.advice));
}
function failureBlock(r) {
    if (!r.failure)
        return undefined;
    const where = `${r.failure.file}${r.failure.line ? `:${r.failure.line}` : ''}`;
    return (0,markdown/* blocks */.Bv)(`${markdown/* STATUS_ICON */.tW.fail} ${(0,markdown/* code */.aY)(where)} failed: ${(0,markdown/* escapeText */.X1)(r.failure.message)}`, r.restored ? `Rollback: ${(0,markdown/* escapeText */.X1)(r.restored)}.` : undefined, r.warnings.length > 0 ? (0,markdown/* list */.p_)(r.warnings.map(markdown/* escapeText */.X1)) : undefined);
}
function toolBlock(r) {
    if (!r.tool)
        return undefined;
    return (0,markdown/* blocks */.Bv)(`${(0,markdown/* code */.aY)(r.tool.applyCommand)} exited ${r.tool.exitCode}${r.restored ? `; ${(0,markdown/* escapeText */.X1)(r.restored)}` : ''}.`, r.tool.exitCode !== 0 ? (0,markdown/* fence */.EU)(r.tool.output.slice(-4000) || '(no output)') : undefined);
}
/** What a reviewer must see open: why the run stopped, failed or was blocked. */
function mustSee(r) {
    return (0,markdown/* blocks */.Bv)(r.lock && !r.lock.acquired
        ? `The migration lock is held by ${(0,markdown/* escapeText */.X1)(r.lock.holder ?? 'an unknown session')}.`
        : undefined, ...r.interrupted.map(interruptedBlock), !r.options.allowDestructive ? findingsBlock(r) : undefined, failureBlock(r), r.tool && r.tool.exitCode !== 0 ? toolBlock(r) : undefined);
}
function sqlBlocks(r) {
    let budget = SQL_BUDGET;
    const out = [];
    for (const f of stillPending(r)) {
        const sql = f.sql.length > SQL_PER_FILE
            ? `${f.sql.slice(0, SQL_PER_FILE)}\n-- … (${f.sql.length - SQL_PER_FILE} more characters)`
            : f.sql;
        const block = (0,markdown/* details */.zH)(f.file, (0,markdown/* fence */.EU)(sql, 'sql'));
        if (block.length > budget) {
            out.push(`SQL of the other pending files left out (${stillPending(r).length - out.length} files): see the job summary or the files.`);
            break;
        }
        budget -= block.length;
        out.push(block);
    }
    return out.length ? (0,markdown/* blocks */.Bv)(...out) : undefined;
}
function commentSection(r, headline) {
    const pending = stillPending(r);
    return {
        headline,
        ...(mustSee(r) ? { body: mustSee(r) } : {}),
        details: (0,markdown/* blocks */.Bv)(`Database ${(0,markdown/* code */.aY)(r.target.display)} · transaction: ${r.options.transaction} · rollback: ${r.rollback}`, planTable(r), r.options.allowDestructive ? findingsBlock(r) : undefined, sqlBlocks(r)),
        detailsLabel: `Plan: ${pending.length} pending migration${pending.length === 1 ? '' : 's'}`,
    };
}
function historyTable(r) {
    if (r.history.length === 0)
        return 'No history yet.';
    return (0,markdown/* table */.tp)(['Version', 'Name', 'Applied at', 'ms', 'By'], r.history
        .slice(-HISTORY_ROWS)
        .map((h) => [
        codeCell(h.version),
        h.name,
        h.appliedAt,
        h.durationMs,
        h.kind === 'baseline' ? `baseline (${h.appliedBy})` : h.appliedBy,
    ]), ['left', 'left', 'left', 'right', 'left']);
}
function summarySections(r, headline, status) {
    const sections = [
        {
            markdown: (0,markdown/* blocks */.Bv)(`### ${markdown/* STATUS_ICON */.tW[status]} Migrate: ${(0,markdown/* escapeText */.X1)(headline)}`, mustSee(r), `Database ${(0,markdown/* code */.aY)(r.target.display)} · transaction: ${r.options.transaction} · rollback: ${r.rollback}${r.backupPath ? ` · backup: ${(0,markdown/* code */.aY)(r.backupPath)}` : ''}`),
            priority: 0,
        },
        { markdown: (0,markdown/* blocks */.Bv)('#### Plan', planTable(r), findingsBlock(r)), priority: 1, label: 'plan' },
        { markdown: (0,markdown/* blocks */.Bv)('#### History', historyTable(r)), priority: 3, label: 'history' },
    ];
    const sql = sqlBlocks(r);
    if (sql)
        sections.push({ markdown: (0,markdown/* blocks */.Bv)('#### SQL', sql), priority: 5, label: 'SQL of pending migrations' });
    if (r.tool) {
        sections.push({
            markdown: (0,markdown/* blocks */.Bv)(`#### ${(0,markdown/* escapeText */.X1)(r.tool.name)}`, `${(0,markdown/* code */.aY)(r.tool.applyCommand)} exited ${r.tool.exitCode}`, (0,markdown/* fence */.EU)(r.tool.output || '(no output)')),
            priority: 2,
            label: 'tool output',
        });
    }
    return sections;
}

// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
;// CONCATENATED MODULE: ./src/stages/migrate/gates.ts
const MAX_DETAIL = 500;
function lockGate(r) {
    if (!r.lock)
        return undefined;
    return {
        name: 'lock',
        passed: r.lock.acquired,
        required: `within ${Math.round(r.options.lockTimeoutMs / 1000)}s`,
        actual: r.lock.acquired ? `${Math.round(r.lock.waitedMs)}ms` : null,
        ...(r.lock.acquired ? {} : { detail: `held by ${r.lock.holder ?? 'an unknown session'}` }),
    };
}
function interruptedGate(r) {
    if (r.interrupted.length === 0)
        return undefined;
    return {
        name: 'interrupted',
        passed: false,
        required: 0,
        actual: r.interrupted.length,
        unit: ' files',
        detail: r.interrupted
            .map((i) => `${i.file || i.version} did not finish in an earlier run`)
            .join('; ')
            .slice(0, MAX_DETAIL),
    };
}
function destructiveGate(r) {
    if (r.options.tool !== 'shipkit' || !r.lock?.acquired || r.interrupted.length > 0)
        return undefined;
    return {
        name: 'destructive',
        passed: r.options.allowDestructive || r.findings.length === 0,
        required: r.options.allowDestructive ? 'allowed' : 0,
        actual: r.findings.length,
        unit: ' statements',
        ...(r.findings.length > 0
            ? {
                detail: r.findings
                    .map((f) => `${f.file}:${f.line} ${f.kind}`)
                    .join('; ')
                    .slice(0, MAX_DETAIL),
            }
            : {}),
    };
}
function applyGate(r) {
    if (!r.failure)
        return undefined;
    return {
        name: 'apply',
        passed: false,
        required: 'all pending applied',
        actual: `failed at ${r.failure.file}${r.failure.line ? `:${r.failure.line}` : ''}`,
        detail: `${r.failure.message}${r.restored ? `; ${r.restored}` : ''}`.slice(0, MAX_DETAIL),
    };
}
function toolGate(r) {
    if (!r.tool)
        return undefined;
    return {
        name: `${r.tool.name} exit code`,
        passed: r.tool.exitCode === 0,
        required: 0,
        actual: r.tool.exitCode,
        ...(r.restored ? { detail: r.restored } : {}),
    };
}
function gatesOf(r) {
    return [lockGate(r), interruptedGate(r), destructiveGate(r), applyGate(r), toolGate(r)].filter((g) => g !== undefined);
}

;// CONCATENATED MODULE: ./src/stages/migrate/report.ts




function migrationsOf(r) {
    return {
        database: { kind: r.target.kind, url: r.target.display },
        dir: r.options.dir,
        tool: r.options.tool,
        dryRun: r.options.dryRun,
        transaction: r.options.transaction,
        rollback: r.rollback,
        applied: (r.applied ?? []).map((a) => ({
            version: a.version,
            name: a.name,
            file: a.file,
            durationMs: a.durationMs,
        })),
        pending: stillPending(r).map((f) => ({
            version: f.version,
            name: f.name,
            file: f.file,
            noTransaction: f.noTransaction,
            checksum: f.checksum,
        })),
        history: r.history.map((h) => ({ ...h })),
        destructive: r.findings.map((f) => ({
            file: f.file,
            line: f.line,
            kind: f.kind,
            target: f.target,
            detail: f.detail,
        })),
        gaps: r.gaps,
        rolledBack: r.rolledBack ?? [],
        interrupted: r.interrupted.map((i) => ({ ...i, objects: i.objects.map((o) => ({ ...o })) })),
        ...(r.failure ? { failure: { ...r.failure } } : {}),
        ...(r.restored ? { restored: r.restored } : {}),
        ...(r.backupPath ? { backupPath: r.backupPath } : {}),
        ...(r.lock
            ? {
                lock: {
                    waitedMs: Math.round(r.lock.waitedMs),
                    acquired: r.lock.acquired,
                    ...(r.lock.holder ? { holder: r.lock.holder } : {}),
                },
            }
            : {}),
        ...(r.tool ? { toolRun: { ...r.tool } } : {}),
    };
}
/** The report of a run: the common fields, then `migrations`. */
function migrateReport(r, run) {
    const common = (0,build/* buildReport */.FK)({
        stage: 'migrate',
        startedAt: r.startedAt,
        run,
        gates: gatesOf(r),
        warnings: r.warnings,
        summary: headlineOf(r),
        failed: Boolean(r.failure) || Boolean(r.blocked),
    });
    return {
        schemaVersion: common.schemaVersion,
        stage: 'migrate',
        status: common.status,
        summary: common.summary,
        startedAt: common.startedAt,
        finishedAt: common.finishedAt,
        durationMs: common.durationMs,
        run: common.run,
        gates: common.gates,
        warnings: common.warnings,
        migrations: migrationsOf(r),
    };
}

;// CONCATENATED MODULE: ./src/stages/migrate/text.ts

/** What `npx shipkit migrate` prints: the plan, what ran, what failed and what was undone. */
function terminalText(r) {
    const applied = r.applied ?? [];
    const pending = stillPending(r);
    const text = [`Database: ${r.target.display}`];
    if (r.lock && !r.lock.acquired)
        text.push(`Lock held by: ${r.lock.holder ?? 'unknown'}`);
    for (const i of r.interrupted) {
        text.push(`  STOPPED  ${i.file || i.version} did not finish in an earlier run`);
        for (const o of i.objects)
            text.push(`           ${o.kind} ${o.name}: ${o.exists ? (o.invalid ? 'exists, INVALID' : 'exists') : 'does not exist'}`);
        text.push(`           ${i.advice}`);
    }
    for (const a of applied)
        text.push(`  applied  ${a.file} (${a.durationMs} ms)`);
    for (const f of pending)
        text.push(`  pending  ${f.file}${f.noTransaction ? ' (no transaction)' : ''}`);
    if (r.options.dryRun)
        for (const f of pending)
            text.push(`\n-- ${f.file}\n${f.sql.trimEnd()}`);
    for (const f of r.findings)
        text.push(`  ${r.options.allowDestructive ? 'allowed' : 'BLOCKED'}  ${f.file}:${f.line} ${f.kind}: ${f.detail}`);
    if (r.failure)
        text.push(`  failed   ${r.failure.file}${r.failure.line ? `:${r.failure.line}` : ''}: ${r.failure.message}`);
    if (r.restored)
        text.push(`  rollback ${r.restored}`);
    for (const w of r.warnings)
        text.push(`  warning  ${w}`);
    if (r.backupPath)
        text.push(`  backup   ${r.backupPath}`);
    if (r.tool)
        text.push(`${r.tool.name}: ${r.tool.applyCommand} → exit ${r.tool.exitCode}\n${r.tool.output}`);
    return text.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/migrate/outcome.ts





function annotationsOf(r) {
    const out = r.findings.map((f) => ({
        level: r.options.allowDestructive ? 'warning' : 'error',
        title: `destructive migration: ${f.kind}`,
        message: f.detail,
        file: f.file,
        startLine: f.line,
    }));
    for (const i of r.interrupted)
        out.push({
            level: 'error',
            title: 'migration did not finish in an earlier run',
            message: i.advice,
            ...(i.file ? { file: i.file } : {}),
        });
    if (r.failure) {
        out.push({
            level: 'error',
            title: 'migration failed',
            message: r.failure.message,
            file: r.failure.file,
            ...(r.failure.line ? { startLine: r.failure.line } : {}),
        });
    }
    return out;
}
/** The outcome of a run: its report, outputs, comment section, summary, annotations and terminal text. */
function buildOutcome(r, ctx) {
    const headline = headlineOf(r);
    const report = migrateReport(r, ctx.run);
    return {
        report,
        outputs: {
            // What a later step branches on (a deploy after the migration): the other stages say it too.
            passed: report.status !== 'fail',
            applied: (r.applied ?? []).map((a) => a.version).join(','),
            pending: stillPending(r)
                .map((f) => f.version)
                .join(','),
            'backup-path': r.backupPath ?? '',
        },
        summary: summarySections(r, headline, report.status),
        comment: commentSection(r, headline),
        annotations: annotationsOf(r),
        text: terminalText(r),
    };
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/stages/migrate/plan.ts



/** A changed applied file means the database and the repository disagree: refuse before running anything. */
function verifyChecksums(files, history) {
    const byVersion = new Map(files.map((f) => [f.version, f]));
    for (const row of history) {
        const file = byVersion.get(row.version);
        if (file && file.checksum !== row.checksum) {
            throw new errors/* UserError */.yo(`migration ${row.version} was changed after it was applied: recorded sha256 ${row.checksum}, file now ${file.checksum}. ` +
                'Revert the edit and add a new migration instead.', { file: file.file });
        }
    }
}
async function adoptBaseline(driver, baseline, files, history, opts) {
    if (history.length > 0) {
        // A baseline input left in the workflow is harmless once every file up to it is recorded;
        // marking pending files as applied on a database with history would skip them silently.
        const recorded = new Set(history.map((h) => h.version));
        const skipped = files.filter((f) => (0,migrate_files/* compareVersions */.Zy)(f.version, baseline) <= 0 && !recorded.has(f.version));
        if (skipped.length === 0)
            return history;
        throw new errors/* UserError */.yo(`baseline ${baseline} applies only to a database with no migration history; this one has ${history.length} entries and ${skipped.map((f) => f.file).join(', ')} would be skipped`, { input: 'baseline' });
    }
    const adopted = files.filter((f) => (0,migrate_files/* compareVersions */.Zy)(f.version, baseline) <= 0);
    if (adopted.length === 0)
        throw new errors/* UserError */.yo(`baseline ${baseline} is older than every migration file`, { input: 'baseline' });
    const rows = adopted.map((f) => ({
        version: f.version,
        name: f.name,
        checksum: f.checksum,
        appliedAt: new Date().toISOString(),
        durationMs: 0,
        appliedBy: opts.appliedBy,
        kind: 'baseline',
    }));
    if (opts.write) {
        await driver.begin();
        await recordApplied(driver, rows);
        await driver.commit();
    }
    return rows;
}
/** A new file numbered below the newest applied one would run out of order: renumber it. */
function refuseLateFiles(pending, history) {
    const newest = history
        .map((h) => h.version)
        .sort(migrate_files/* compareVersions */.Zy)
        .at(-1);
    const late = newest === undefined ? [] : pending.filter((f) => (0,migrate_files/* compareVersions */.Zy)(f.version, newest) < 0);
    if (late.length > 0) {
        throw new errors/* UserError */.yo(`${late.map((f) => f.file).join(', ')} ${late.length === 1 ? 'is' : 'are'} older than the newest applied migration ${newest}: renumber after it`, { file: late[0]?.file });
    }
}
async function planRun(driver, files, options, appliedBy) {
    const read = await readHistory(driver);
    // Created on the first run; a dry run creates nothing.
    if (!options.dryRun && read.rows.length === 0 && read.started.length === 0)
        await ensureHistoryTable(driver);
    verifyChecksums(files, read.rows);
    const history = options.baseline === undefined
        ? read.rows
        : await adoptBaseline(driver, options.baseline, files, read.rows, { write: !options.dryRun, appliedBy });
    const done = new Set([...history.map((h) => h.version), ...read.started.map((s) => s.version)]);
    const pending = files.filter((f) => !done.has(f.version));
    refuseLateFiles(pending, history);
    const warnings = [];
    const known = new Set(files.map((f) => f.version));
    const orphans = history.filter((h) => h.kind === 'applied' && !known.has(h.version)).map((h) => h.version);
    if (orphans.length > 0)
        warnings.push(`applied migrations with no file in ${options.dir}: ${orphans.join(', ')}`);
    return { history, started: read.started, pending, warnings };
}

// EXTERNAL MODULE: ./src/core/user-command-env.ts
var user_command_env = __webpack_require__(2742);
// EXTERNAL MODULE: ./src/stages/migrate/exec.ts
var exec = __webpack_require__(53312);
// EXTERNAL MODULE: ./src/stages/migrate/tools.ts
var tools = __webpack_require__(91602);
;// CONCATENATED MODULE: ./src/stages/migrate/run-tool.ts




function tail(text, max = 4000) {
    return text.length > max ? `…${text.slice(-max)}` : text;
}
/**
 * Another tool's migrations inside shipkit's wrapper: the caller holds shipkit's lock; a backup is
 * taken first when configured, the tool's status is recorded before and after, and a failed apply is
 * rolled back from the backup. The tool runs the repository's code, so it gets the environment a
 * `run:` step would (userCommandEnv: no action inputs, no runner credentials) plus the database.
 */
async function runTool(options, target, driver, ctx) {
    const name = options.tool;
    const defaults = (0,tools/* toolCommands */.tQ)(name, options.dir);
    const applyCommand = options.toolCommand ?? defaults.apply;
    const statusCommand = options.toolStatusCommand ?? defaults.status;
    const env = (0,user_command_env/* userCommandEnv */.c)(ctx.env, { ...(0,tools/* toolEnv */.oW)(name, target), SHIPKIT_MIGRATIONS_DIR: options.dir });
    const sh = (command) => (0,exec/* execFile */.S)('sh', ['-c', command], { env, cwd: ctx.cwd, signal: ctx.signal });
    const wantsBackup = options.backup ||
        options.rollback === 'backup' ||
        (options.rollback === 'auto' && target.kind !== 'pglite' && target.kind !== 'sqlite');
    const backup = wantsBackup
        ? await driver.backup(external_node_path_default().resolve(ctx.cwd, options.backupDir))
        : undefined;
    const backupPath = backup ? external_node_path_default().relative(ctx.cwd, backup.path) : undefined;
    const before = statusCommand ? await sh(statusCommand) : undefined;
    ctx.logger.info(`running ${name}: ${applyCommand}`);
    const applied = await sh(applyCommand);
    const after = statusCommand ? await sh(statusCommand) : undefined;
    const tool = {
        name,
        applyCommand,
        ...(statusCommand ? { statusCommand } : {}),
        ...(before ? { statusBefore: tail(before.stdout + before.stderr) } : {}),
        ...(after ? { statusAfter: tail(after.stdout + after.stderr) } : {}),
        exitCode: applied.code,
        output: tail(applied.stdout + applied.stderr),
    };
    if (applied.code !== 0 && backup && options.rollback !== 'none') {
        await backup.restore();
        return { tool, ...(backupPath ? { backupPath } : {}), restored: `backup ${backupPath ?? ''}` };
    }
    return { tool, ...(backupPath ? { backupPath } : {}) };
}

;// CONCATENATED MODULE: ./src/stages/migrate/sql/schema-state.ts
const bare = (table) => table.slice(table.lastIndexOf('.') + 1);
/**
 * What the analysis knows of the schema as the pending files change it, file after file: the
 * tables they create (adding a NOT NULL column to one of those is fine) and the columns they
 * define, so that a later type change is compared with the type the run itself gave the column.
 * Anything not created by the run is looked up in the database.
 */
class SchemaState {
    catalog;
    created = new Set();
    tables = new Map();
    constructor(catalog) {
        this.catalog = catalog;
    }
    createTable(table, columns = new Map()) {
        this.created.add(bare(table));
        this.tables.set(bare(table), new Map(columns));
    }
    isNew(table) {
        return this.created.has(bare(table));
    }
    setColumn(table, column, info) {
        const known = this.tables.get(bare(table)) ?? new Map();
        if (info)
            known.set(column, info);
        else
            known.delete(column);
        this.tables.set(bare(table), known);
    }
    /** The column as the run left it so far, else as the database has it; undefined when unknown. */
    async column(table, column) {
        const known = this.tables.get(bare(table))?.get(column);
        if (known)
            return known;
        if (this.isNew(table))
            return undefined;
        return this.catalog?.column(table, column).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/stages/migrate/sql/analyze.ts


/**
 * Statements in the pending files that lose data, break running code, or cannot be shown not to.
 * Files are analysed in order against one SchemaState, so a table created by an earlier pending
 * file is known to be new and a type change is compared with the type the run itself gave the
 * column; anything older is looked up through `catalog`. Each dialect's parser loads only here.
 */
async function analyzeFiles(files, dialect, catalog) {
    if (files.length === 0)
        return [];
    const state = new SchemaState(catalog);
    const findings = [];
    if (dialect === 'postgres') {
        const { analyzePostgres } = await __webpack_require__.e(/* import() */ 328).then(__webpack_require__.bind(__webpack_require__, 50328));
        for (const file of files)
            findings.push(...(await analyzePostgres(file, state)));
    }
    else {
        const { analyzeMysqlLike } = await __webpack_require__.e(/* import() */ 277).then(__webpack_require__.bind(__webpack_require__, 41277));
        for (const file of files)
            findings.push(...(await analyzeMysqlLike(file, state, dialect)));
    }
    return findings;
}

// EXTERNAL MODULE: ./src/stages/migrate/sql/type-change.ts
var type_change = __webpack_require__(10709);
;// CONCATENATED MODULE: ./src/stages/migrate/sql/catalog.ts

const catalog_quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;
/** `public.users` → `"public"."users"`, so that to_regclass keeps the case the parser gave the name. */
function regclassText(table) {
    return table.split('.').map(catalog_quoteIdent).join('.');
}
/** A varchar(n)/numeric(p,s) type modifier as PostgreSQL stores it in atttypmod. */
function pgParams(typname, typmod) {
    if (typmod < 0)
        return [];
    if (typname === 'varchar' || typname === 'bpchar')
        return [typmod - 4];
    if (typname === 'numeric') {
        const v = typmod - 4;
        return [(v >> 16) & 0xffff, v & 0xffff];
    }
    return [];
}
function postgresCatalog(driver) {
    return {
        async column(table, column) {
            const rows = await driver.query(`SELECT t.typname AS typname, a.atttypmod AS typmod, t.typelem <> 0 AND t.typlen = -1 AS is_array
           FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
          WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped`, [regclassText(table), column]);
            const r = rows[0];
            if (!r)
                return undefined;
            const array = r.is_array === true;
            const name = array ? String(r.typname).replace(/^_/, '') : String(r.typname);
            return { type: { name, params: pgParams(name, Number(r.typmod)), ...(array ? { array } : {}) } };
        },
    };
}
/** `int(11) unsigned`, `varchar(100)`, `decimal(10,2)` → the type and its parameters. */
function parseMysqlColumnType(columnType) {
    const m = /^\s*([a-z]+)\s*(?:\(([^)]*)\))?\s*(.*)$/i.exec(columnType);
    const name = (0,type_change/* mysqlTypeName */.UM)(m?.[1] ?? columnType);
    // Display widths of integer types (int(11)) are not a size: MySQL 8 dropped them.
    const isInt = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'].includes(name);
    const params = m?.[2] && !isInt && /^\s*\d+(\s*,\s*\d+)?\s*$/.test(m[2]) ? m[2].split(',').map((p) => Number(p.trim())) : [];
    const unsigned = /\bunsigned\b/i.test(m?.[3] ?? '');
    return { name, params, ...(unsigned ? { unsigned } : {}) };
}
function mysqlCatalog(driver) {
    return {
        async column(table, column) {
            const dot = table.lastIndexOf('.');
            const schema = dot >= 0 ? table.slice(0, dot) : null;
            const name = table.slice(dot + 1);
            const rows = await driver.query(`SELECT COLUMN_TYPE AS column_type, EXTRA AS extra FROM information_schema.COLUMNS
          WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?`, [schema, name, column]);
            const r = rows[0];
            if (!r)
                return undefined;
            const text = (v) => (Buffer.isBuffer(v) ? v.toString() : typeof v === 'string' ? v : '');
            return {
                type: parseMysqlColumnType(text(r.column_type)),
                ...(/auto_increment/i.test(text(r.extra)) ? { autoIncrement: true } : {}),
            };
        },
    };
}
/** The database's own view of a column, for the type-change rules; SQLite cannot change types at all. */
function driverCatalog(driver) {
    if (driver.dialect === 'postgres')
        return postgresCatalog(driver);
    if (driver.dialect === 'mysql')
        return mysqlCatalog(driver);
    return undefined;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/stages/migrate/undo.ts


/** `the statements of migrations/004_x.sql before line 7` — the part of a failed file that committed. */
function partOf(failure) {
    return `the statements of ${failure.file}${failure.line ? ` before line ${failure.line}` : ' that ran before the error'}`;
}
async function runDownFiles(driver, files, versions) {
    const undone = [];
    const missing = [];
    for (const version of [...versions].reverse()) {
        const file = files.find((f) => f.version === version);
        if (!file?.down) {
            missing.push(version);
            continue;
        }
        const sql = await (0,promises_.readFile)(file.down.path, 'utf8');
        await driver.begin();
        try {
            await driver.exec(sql);
            await forget(driver, version);
            await driver.commit();
        }
        catch (error) {
            await driver.rollback().catch(() => undefined);
            throw error;
        }
        undone.push(version);
    }
    return { undone, missing };
}
/**
 * After a failed apply, the rollback strategy undoes what the run committed: the backup puts the
 * database back as it was before the run (the failed file's committed statements included); down
 * files undo whole files this run applied, in reverse; `transaction` and `none` leave what committed.
 * What the result says is what happened, so a later run and a reader of the report can trust it.
 */
async function undoFailedRun(result, opts) {
    const committed = result.committed.map((c) => c.version);
    const failure = result.failure;
    if (!failure || (committed.length === 0 && !failure.partial))
        return { kept: committed, undone: [], warnings: [] };
    const leftovers = [...committed, ...(failure.partial ? [partOf(failure)] : [])];
    if (opts.rollback === 'backup' && opts.backup) {
        await opts.backup.restore();
        return {
            kept: [],
            undone: committed,
            restored: `restored backup ${opts.backupPath ?? opts.backup.path}: undid ${leftovers.join(', ')}`,
            warnings: [],
        };
    }
    const warnings = failure.partial
        ? [
            `${failure.file} failed part-way with its statements committing as they ran: ${partOf(failure)} stay applied` +
                `${opts.rollback === 'down' ? ' (down files undo only whole files)' : ''}. The next run stops at this file until the database matches it (see its report); rollback: backup undoes this too.`,
        ]
        : [];
    if (opts.rollback === 'down' && committed.length > 0) {
        const { undone, missing } = await runDownFiles(opts.driver, opts.files, committed);
        return {
            kept: missing,
            undone,
            restored: `ran down files of ${undone.join(', ') || 'nothing'}${missing.length ? `; no down file for ${missing.join(', ')}, left applied` : ''}`,
            warnings,
        };
    }
    return { kept: committed, undone: [], warnings };
}

;// CONCATENATED MODULE: ./src/stages/migrate/run.ts















/** `auto`: the transaction where DDL is transactional, the backup on MySQL/MariaDB. */
function effectiveRollback(options, target) {
    if (options.rollback === 'auto')
        return target.kind === 'mysql' ? 'backup' : 'transaction';
    return options.rollback;
}
/** Phase 1: the files on disk (another tool keeps its own). */
async function readFiles(r, ctx) {
    if (r.options.tool !== 'shipkit')
        return;
    const set = await (0,migrate_files/* loadMigrations */.Y$)(ctx.cwd, r.options.dir);
    r.files = set.files;
    r.gaps = set.gaps;
    if (set.gaps.length > 0)
        r.warnings.push(`version gaps in ${r.options.dir}: ${set.gaps.join(', ')} missing`);
}
/** Phase 2: connect and lock; a lock that stays held ends the run with the holder named. */
async function connect(r, ctx, appliedBy) {
    try {
        const { driver, waitedMs } = await connectAndLock(r.target, { label: appliedBy }, {
            // A dry run on a server plans without waiting for a run in progress; embedded databases lock to open.
            lock: !r.options.dryRun || r.target.kind === 'pglite' || r.target.kind === 'sqlite',
            timeoutMs: r.options.lockTimeoutMs,
            signal: ctx.signal,
            progress: (message) => ctx.logger.progress(message),
            env: ctx.env,
        });
        r.lock = { waitedMs, acquired: true };
        return driver;
    }
    catch (error) {
        if (!(error instanceof types/* LockTimeout */.FW))
            throw error;
        r.lock = { waitedMs: error.waitedMs, holder: error.holder, acquired: false };
        return undefined;
    }
}
/** Phase 3: what is recorded, pending and left unfinished, and what the pending files would do. */
async function plan(r, driver, appliedBy) {
    const p = await planRun(driver, r.files, r.options, appliedBy);
    r.history = p.history;
    r.pendingBefore = p.pending;
    r.warnings.push(...p.warnings);
    r.interrupted = await inspectInterrupted(driver, p.started, r.files);
    if (r.interrupted.length > 0)
        return;
    r.findings = await analyzeFiles(p.pending, driver.dialect, driverCatalog(driver));
    r.blocked = r.findings.length > 0 && !r.options.allowDestructive;
}
/** Phase 4: back up, apply, and undo what a failure left as the rollback strategy says. */
async function apply(r, driver, ctx, appliedBy) {
    const wantsBackup = r.options.backup || r.rollback === 'backup';
    const backup = wantsBackup
        ? await driver.backup(external_node_path_default().resolve(ctx.cwd, r.options.backupDir))
        : undefined;
    if (backup)
        r.backupPath = external_node_path_default().relative(ctx.cwd, backup.path);
    const result = await applyFiles(driver, r.pendingBefore, {
        mode: r.options.transaction,
        appliedBy,
        logger: ctx.logger,
        signal: ctx.signal,
    });
    const undo = await undoFailedRun(result, {
        rollback: r.rollback,
        ...(backup ? { backup } : {}),
        ...(r.backupPath ? { backupPath: r.backupPath } : {}),
        driver,
        files: r.files,
    });
    r.applied = result.committed.filter((c) => undo.kept.includes(c.version));
    r.rolledBack = [...result.rolledBack, ...undo.undone];
    if (result.failure)
        r.failure = result.failure;
    if (undo.restored)
        r.restored = undo.restored;
    r.warnings.push(...undo.warnings);
    r.history = (await readHistory(driver)).rows;
}
async function runMigrate(options, ctx) {
    const target = (0,database_url/* parseDatabaseUrl */.mx)(options.databaseUrl, ctx.cwd);
    const appliedBy = ctx.run.url ?? `${external_node_os_default().userInfo().username}@${external_node_os_default().hostname()} pid ${process.pid}`;
    const r = {
        startedAt: new Date(),
        options,
        target,
        rollback: effectiveRollback(options, target),
        files: [],
        gaps: [],
        history: [],
        pendingBefore: [],
        findings: [],
        warnings: [],
        interrupted: [],
    };
    await readFiles(r, ctx);
    const driver = await connect(r, ctx, appliedBy);
    if (!driver)
        return buildOutcome(r, ctx);
    try {
        if (options.tool !== 'shipkit') {
            const t = await runTool(options, target, driver, ctx);
            r.tool = t.tool;
            if (t.backupPath)
                r.backupPath = t.backupPath;
            if (t.restored)
                r.restored = t.restored;
            return buildOutcome(r, ctx);
        }
        await plan(r, driver, appliedBy);
        if (r.interrupted.length === 0 && !r.blocked && !options.dryRun && r.pendingBefore.length > 0)
            await apply(r, driver, ctx, appliedBy);
        return buildOutcome(r, ctx);
    }
    finally {
        await driver.unlock().catch(() => undefined);
        await driver.close().catch(() => undefined);
    }
}


/***/ }),

/***/ 20309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ openExecutableComments),
/* harmony export */   X: () => (/* binding */ splitStatements)
/* harmony export */ });
/** Statements whose body holds `;`-terminated statements of its own, up to the matching END. */
const COMPOUND_START = {
    mysql: /^(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:AGGREGATE\s+)?(?:PROCEDURE|FUNCTION|TRIGGER|EVENT)\b|BEGIN\s+NOT\s+ATOMIC\b)/i,
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
function splitStatements(sql, dialect) {
    const out = [];
    let start = 0;
    let line = 1;
    let startLine;
    // BEGIN/CASE … END nesting inside a compound statement; -1 when the statement is not one.
    let depth = -1;
    let i = 0;
    const push = (end) => {
        const text = sql.slice(start, end).trim();
        if (text !== '' && startLine !== undefined)
            out.push({ text, line: startLine });
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
            while (i < sql.length && sql[i] !== '\n')
                i++;
            continue;
        }
        if (c === '/' && next === '*') {
            const end = sql.indexOf('*/', i + 2);
            const stop = end < 0 ? sql.length : end + 2;
            if (dialect === 'mysql' && EXECUTABLE_COMMENT.test(sql.slice(i, i + 12)))
                startLine ??= line;
            for (let k = i; k < stop; k++)
                if (sql[k] === '\n')
                    line++;
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
                if (sql[i] === '\\' && c !== '`' && dialect === 'mysql')
                    i++;
                if (sql[i] === '\n')
                    line++;
                i++;
            }
            i++;
            continue;
        }
        if (/[A-Za-z_]/.test(c)) {
            let k = i;
            while (k < sql.length && /[A-Za-z0-9_$]/.test(sql[k] ?? ''))
                k++;
            if (depth >= 0) {
                const word = sql.slice(i, k).toUpperCase();
                if (word === 'BEGIN' || word === 'CASE')
                    depth++;
                else if (word === 'END') {
                    // END IF / END LOOP / END WHILE / END REPEAT close blocks that did not open a level.
                    const after = /^\s+([A-Za-z]+)/.exec(sql.slice(k, k + 20))?.[1]?.toUpperCase();
                    if (!['IF', 'LOOP', 'WHILE', 'REPEAT'].includes(after ?? ''))
                        depth = Math.max(0, depth - 1);
                }
            }
            i = k;
            continue;
        }
        if (c === ';' && depth <= 0)
            push(i);
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
function openExecutableComments(sql) {
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
            while (k < sql.length && sql[k] !== c)
                k += sql[k] === '\\' && c !== '`' ? 2 : 1;
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


/***/ }),

/***/ 10709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ pgTypeName),
/* harmony export */   Fc: () => (/* binding */ lossyChange),
/* harmony export */   UM: () => (/* binding */ mysqlTypeName)
/* harmony export */ });
/* unused harmony export formatType */
function formatType(t) {
    return `${t.name}${t.params.length ? `(${t.params.join(',')})` : ''}${t.unsigned ? ' unsigned' : ''}${t.array ? '[]' : ''}`;
}
const PG_ALIASES = {
    smallint: 'int2',
    integer: 'int4',
    int: 'int4',
    bigint: 'int8',
    real: 'float4',
    'double precision': 'float8',
    decimal: 'numeric',
    'character varying': 'varchar',
    character: 'bpchar',
    char: 'bpchar',
    boolean: 'bool',
    serial: 'int4',
    bigserial: 'int8',
    smallserial: 'int2',
};
function pgTypeName(name) {
    const n = name.toLowerCase();
    return PG_ALIASES[n] ?? n;
}
const MYSQL_ALIASES = {
    integer: 'int',
    dec: 'decimal',
    numeric: 'decimal',
    real: 'double',
    bool: 'tinyint',
    boolean: 'tinyint',
};
function mysqlTypeName(name) {
    const n = name.toLowerCase();
    return MYSQL_ALIASES[n] ?? n;
}
/** Decimal digits an integer type holds in full (numeric(p,s) must keep p - s of them). */
const INT_DIGITS = {
    int2: 5,
    int4: 10,
    int8: 19,
    tinyint: 3,
    smallint: 5,
    mediumint: 8,
    int: 10,
    bigint: 19,
};
const PG_INT_RANK = ['int2', 'int4', 'int8'];
const MYSQL_INT_RANK = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'];
/** MySQL text types by the bytes they hold. */
const MYSQL_TEXT_BYTES = {
    tinytext: 255,
    text: 65_535,
    mediumtext: 16_777_215,
    longtext: 4_294_967_295,
};
/** utf8mb4: up to 4 bytes a character. */
const MYSQL_MAX_BYTES_PER_CHAR = 4;
function sameType(a, b) {
    return (a.name === b.name &&
        Boolean(a.unsigned) === Boolean(b.unsigned) &&
        Boolean(a.array) === Boolean(b.array) &&
        a.params.length === b.params.length &&
        a.params.every((p, i) => p === b.params[i]));
}
/** numeric(p,s) → numeric(p2,s2) keeps every value when it has as many digits on both sides of the point. */
function decimalWidens(from, to) {
    if (to.params.length === 0)
        return true; // unconstrained numeric holds any numeric
    if (from.params.length === 0)
        return false;
    const [p, s = 0] = from.params;
    const [p2, s2 = 0] = to.params;
    if (p === undefined || p2 === undefined)
        return false;
    return s2 >= s && p2 - s2 >= p - s;
}
function intToDecimal(from, to) {
    const digits = INT_DIGITS[from.name];
    if (digits === undefined)
        return false;
    if (to.params.length === 0)
        return true;
    const [p, s = 0] = to.params;
    return p !== undefined && p - s >= digits + (from.unsigned ? 1 : 0);
}
function pgWidens(from, to) {
    const fi = PG_INT_RANK.indexOf(from.name);
    const ti = PG_INT_RANK.indexOf(to.name);
    if (fi >= 0 && ti >= 0)
        return ti >= fi;
    if (fi >= 0 && to.name === 'numeric')
        return intToDecimal(from, to);
    if (from.name === 'numeric' && to.name === 'numeric')
        return decimalWidens(from, to);
    if (from.name === 'float4' && to.name === 'float8')
        return true;
    if (from.name === 'varchar' && to.name === 'varchar')
        return to.params.length === 0 || (from.params.length > 0 && (to.params[0] ?? 0) >= (from.params[0] ?? 0));
    if ((from.name === 'varchar' || from.name === 'text') && to.name === 'text')
        return true;
    if (from.name === 'text' && to.name === 'varchar')
        return to.params.length === 0;
    return false;
}
function mysqlWidens(from, to) {
    const fi = MYSQL_INT_RANK.indexOf(from.name);
    const ti = MYSQL_INT_RANK.indexOf(to.name);
    if (fi >= 0 && ti >= 0) {
        if (Boolean(from.unsigned) === Boolean(to.unsigned))
            return ti >= fi;
        // unsigned → signed needs the next size up; signed → unsigned loses the negatives.
        return Boolean(from.unsigned) && !to.unsigned && ti > fi;
    }
    if (fi >= 0 && to.name === 'decimal')
        return intToDecimal(from, to);
    if (from.name === 'decimal' && to.name === 'decimal')
        return decimalWidens(from, to) && !(to.unsigned && !from.unsigned);
    if (from.name === 'float' && to.name === 'double')
        return true;
    if (from.name === 'varchar' && to.name === 'varchar')
        return (to.params[0] ?? 0) >= (from.params[0] ?? Infinity);
    const fromTextBytes = MYSQL_TEXT_BYTES[from.name];
    const toTextBytes = MYSQL_TEXT_BYTES[to.name];
    if (fromTextBytes !== undefined && toTextBytes !== undefined)
        return toTextBytes >= fromTextBytes;
    if (from.name === 'varchar' && toTextBytes !== undefined)
        return (from.params[0] ?? Infinity) * MYSQL_MAX_BYTES_PER_CHAR <= toTextBytes;
    return false;
}
/**
 * `undefined` when `to` keeps every value of `from` as it is; otherwise why the change blocks.
 * `from` undefined (the current type is not known) blocks.
 */
function lossyChange(from, to, dialect) {
    if (!from)
        return `the current type of the column is not known, so ${formatType(to)} may truncate or fail to convert`;
    if (sameType(from, to))
        return undefined;
    if (Boolean(from.array) !== Boolean(to.array))
        return `${formatType(from)} → ${formatType(to)} converts every value`;
    const widens = dialect === 'postgres' ? pgWidens(from, to) : mysqlWidens(from, to);
    return widens ? undefined : `${formatType(from)} → ${formatType(to)} may truncate or fail to convert`;
}


/***/ })

};
