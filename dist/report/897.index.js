import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 897;
export const ids = [897];
export const modules = {

/***/ 78574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ pollLock)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39664);

const POLL_MS = 250;
/** A waiting run says so when it starts waiting and then this often, not on every poll. */
const PROGRESS_EVERY_MS = 10_000;
/**
 * The one wait-for-the-lock loop (PostgreSQL advisory lock, MySQL GET_LOCK, the lock file of an
 * embedded database): try, and until `timeoutMs` has passed, sleep a little and try again. Each
 * try is non-blocking on the server, so a cancelled run stops waiting within one poll.
 */
async function pollLock(opts) {
    const started = Date.now();
    let reported = -Infinity;
    for (;;) {
        if (await opts.tryOnce())
            return { waitedMs: Date.now() - started };
        const waited = Date.now() - started;
        if (waited >= opts.timeoutMs)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .LockTimeout */ .FW(waited, await opts.holder());
        if (waited - reported >= PROGRESS_EVERY_MS) {
            reported = waited;
            const holder = await opts.holder().catch(() => undefined);
            opts.progress(`waiting for the migration lock${holder ? ` held by ${holder}` : ''} (${Math.round(waited / 1000)}s of ${Math.round(opts.timeoutMs / 1000)}s)`);
        }
        await (0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(Math.min(POLL_MS, opts.timeoutMs - waited), opts.signal);
    }
}


/***/ }),

/***/ 62897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MysqlDriver: () => (/* binding */ MysqlDriver)
});

// EXTERNAL MODULE: ./node_modules/mysql2/promise.js
var promise = __webpack_require__(27588);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/lock-poll.ts
var lock_poll = __webpack_require__(78574);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/script.ts
var script = __webpack_require__(52194);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/migrate/exec.ts
var exec = __webpack_require__(53312);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/types.ts
var types = __webpack_require__(39664);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/mysql-dump.ts






/** The client options in a 0600 file (--defaults-extra-file), so the password is never on a command line. */
async function clientOptions(url) {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
    if (!database)
        throw new errors/* UserError */.yo('the MySQL URL names no database (mysql://user:pass@host/DB)', { input: 'database-url' });
    const file = external_node_path_default().join(external_node_os_default().tmpdir(), `shipkit-my-${process.pid}-${Date.now()}.cnf`);
    const lines = [
        '[client]',
        `host=${u.hostname || '127.0.0.1'}`,
        `port=${u.port || '3306'}`,
        `user=${decodeURIComponent(u.username)}`,
    ];
    if (u.password)
        lines.push(`password="${decodeURIComponent(u.password).replace(/(["\\])/g, '\\$1')}"`);
    await (0,promises_.writeFile)(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    await (0,promises_.chmod)(file, 0o600);
    return { args: [`--defaults-extra-file=${file}`], database, cleanup: () => (0,promises_.rm)(file, { force: true }) };
}
/**
 * mysqldump --single-transaction before the run; restoring it with --add-drop-database drops the
 * database and recreates it, so what the failed run created goes too.
 */
async function mysqlDumpBackup(location, dir, env) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = external_node_path_default().join(dir, `shipkit-${(0,types/* backupStamp */.iB)()}.sql`);
    const { args, database, cleanup } = await clientOptions(location);
    try {
        const r = await (0,exec/* execFile */.S)('mysqldump', [
            ...args,
            '--single-transaction',
            '--routines',
            '--triggers',
            '--events',
            '--add-drop-database',
            `--result-file=${file}`,
            '--databases',
            database,
        ], { env });
        if (r.code !== 0)
            throw new errors/* UserError */.yo(`mysqldump failed (exit ${r.code}): ${r.stderr.trim()}`, { input: 'backup' });
    }
    finally {
        await cleanup();
    }
    return {
        path: file,
        restore: async () => {
            const client = await clientOptions(location);
            try {
                const r = await (0,exec/* execFile */.S)('mysql', client.args, { stdinFile: file, env });
                if (r.code !== 0)
                    throw new Error(`mysql restore failed (exit ${r.code}): ${r.stderr.trim()}`);
            }
            finally {
                await client.cleanup();
            }
        },
    };
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/mysql.ts






/** MySQL and MariaDB. DDL commits implicitly here, so undoing a failed run is the rollback strategy's job. */
class MysqlDriver {
    conn;
    url;
    env;
    kind = 'mysql';
    dialect = 'mysql';
    transactionalDdl = false;
    constructor(conn, url, env) {
        this.conn = conn;
        this.url = url;
        this.env = env;
    }
    /** Connection errors (refused, unknown host, access denied, unknown database) are thrown as mysql2 raises them. */
    static async connect(url, owner, env) {
        const conn = await promise.createConnection({
            uri: url,
            // A statement of a file may hold several inside an executable comment (/*! A; B */).
            multipleStatements: true,
            // Visible to others in performance_schema.session_connect_attrs: how a waiting run names the holder.
            connectAttributes: { program_name: 'shipkit migrate', shipkit_owner: owner.label.slice(0, 500) },
        });
        conn.on('error', () => undefined);
        return new MysqlDriver(conn, url, env);
    }
    async query(sql, params = []) {
        const [rows] = await this.conn.query(sql, params);
        return Array.isArray(rows) ? rows : [];
    }
    async exec(sql) {
        await this.conn.query(sql);
    }
    execScript(file, opts) {
        return (0,script/* runStatements */.o)(file, this.dialect, (sql) => this.exec(sql), opts.signal);
    }
    async begin() {
        await this.conn.query('START TRANSACTION');
    }
    async commit() {
        await this.conn.query('COMMIT');
    }
    async rollback() {
        await this.conn.query('ROLLBACK');
    }
    lock(timeoutMs, signal, progress) {
        return (0,lock_poll/* pollLock */.R)({
            // GET_LOCK with no wait: the loop does the waiting, so a cancelled run stops promptly.
            tryOnce: async () => Number((await this.query('SELECT GET_LOCK(?, 0) AS ok', [types/* LOCK_NAME */.Sy]))[0]?.ok) === 1,
            holder: () => this.holder(),
            timeoutMs,
            signal,
            progress,
        });
    }
    async holder() {
        const id = (await this.query('SELECT IS_USED_LOCK(?) AS id', [types/* LOCK_NAME */.Sy]))[0]?.id;
        if (id === null || id === undefined)
            return undefined;
        const parts = [`connection ${(0,types/* asText */.e1)(id)}`];
        try {
            const attrs = await this.query(`SELECT ATTR_VALUE AS v FROM performance_schema.session_connect_attrs WHERE PROCESSLIST_ID = ? AND ATTR_NAME = 'shipkit_owner'`, [id]);
            if (attrs[0]?.v)
                parts.push((0,types/* asText */.e1)(attrs[0].v));
        }
        catch {
            // performance_schema is off (MariaDB's default): the process list below is all there is.
        }
        const proc = (await this.query('SELECT USER, HOST, TIME, INFO FROM information_schema.PROCESSLIST WHERE ID = ?', [id]))[0];
        if (proc) {
            parts.push(`${(0,types/* asText */.e1)(proc.USER)}@${(0,types/* asText */.e1)(proc.HOST)}`);
            if (proc.INFO)
                parts.push(`running '${(0,core_text/* cut */.Jj)((0,types/* asText */.e1)(proc.INFO), 80)}' for ${(0,types/* asText */.e1)(proc.TIME)}s`);
        }
        return parts.join(', ');
    }
    async unlock() {
        await this.query('SELECT RELEASE_LOCK(?)', [types/* LOCK_NAME */.Sy]);
    }
    backup(dir) {
        return mysqlDumpBackup(this.url, dir, this.env);
    }
    async close() {
        await this.conn.end();
    }
}


/***/ }),

/***/ 52194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ failedStatementLine),
/* harmony export */   o: () => (/* binding */ runStatements)
/* harmony export */ });
/* harmony import */ var _sql_statements_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10178);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39664);


/**
 * A file statement by statement: how every driver runs a file whose statements commit as they run
 * (and MySQL, PGlite and SQLite any file), so a failure is known to its statement and what ran
 * before it is known exactly.
 */
async function runStatements(file, dialect, exec, signal) {
    let completed = 0;
    for (const statement of await (0,_sql_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .statementsOf */ .GX)(file, dialect)) {
        signal.throwIfAborted();
        try {
            await exec(statement.text);
        }
        catch (error) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ScriptError */ .mC(error, completed, (0,_sql_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(statement, error));
        }
        completed++;
    }
}
/** The line of the statement that failed after `completed` others, when the driver sent the file whole. */
async function failedStatementLine(file, dialect, completed, error) {
    if (Number(error.position) > 0)
        return (0,_sql_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)({ text: file.sql, line: 1 }, error);
    return (await (0,_sql_statements_js__WEBPACK_IMPORTED_MODULE_0__/* .statementsOf */ .GX)(file, dialect))[completed]?.line;
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
