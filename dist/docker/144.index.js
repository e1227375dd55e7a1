import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 144;
export const ids = [144];
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

/***/ 188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ PgStyleDriver)
/* harmony export */ });
/* unused harmony export toPositional */
/* harmony import */ var _script_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52194);

/** `?` placeholders (how the history code writes them) → PostgreSQL's `$1, $2…`. */
function toPositional(sql) {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
}
/**
 * What PostgreSQL and PGlite share: the dialect, transactional DDL, placeholders and statement
 * execution. A subclass says how a query reaches its database and how the lock and backup work.
 */
class PgStyleDriver {
    dialect = 'postgres';
    transactionalDdl = true;
    query(sql, params = []) {
        return this.run(toPositional(sql), params);
    }
    async exec(sql) {
        await this.run(sql);
    }
    execScript(file, opts) {
        return (0,_script_js__WEBPACK_IMPORTED_MODULE_0__/* .runStatements */ .o)(file, this.dialect, (sql) => this.exec(sql), opts.signal);
    }
    async begin() {
        await this.run('BEGIN');
    }
    async commit() {
        await this.run('COMMIT');
    }
    async rollback() {
        await this.run('ROLLBACK');
    }
}


/***/ }),

/***/ 29144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PostgresDriver: () => (/* binding */ PostgresDriver)
});

// EXTERNAL MODULE: ./src/stages/migrate/drivers/lock-poll.ts
var lock_poll = __webpack_require__(78574);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/pg-client.ts
/**
 * Loads pg without the cost of its Cloudflare check. pg asks at load time whether it runs in a
 * Cloudflare Worker: it reads `navigator.userAgent`, and where there is no `navigator` (Node 20;
 * Node 21 and later define one) it tries `typeof Response`, which makes Node load its bundled undici
 * (about 25 ms of every migrate run on this machine, for an answer that is always "no" here). So
 * while pg loads, a Node without `navigator` gets one that says what Node 21+ says, and loses it
 * again once pg is loaded (the stage reads no `navigator` meanwhile: it is connecting).
 */
async function loadPgClient() {
    const lent = !('navigator' in globalThis);
    if (lent)
        Object.defineProperty(globalThis, 'navigator', {
            value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` },
            configurable: true,
        });
    try {
        return (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849))).default.Client;
    }
    finally {
        if (lent)
            delete globalThis.navigator;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/migrate/exec.ts
var exec = __webpack_require__(53312);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/types.ts
var types = __webpack_require__(39664);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/pg-dump.ts





/** Credentials go through the environment, never the command line (visible in `ps`). */
function pgEnv(url, env) {
    const u = new URL(url);
    const out = { ...env };
    if (u.password)
        out.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
    return { url: u.toString(), env: out };
}
const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
const NOT_EXTENSION_MEMBER = (classid, oid) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
async function pgObjects(driver) {
    const schemas = await driver.query(`SELECT n.nspname AS n FROM pg_namespace n WHERE ${USER_SCHEMA}`);
    const relations = await driver.query(`SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`);
    const functions = await driver.query(`SELECT n.nspname AS schema, p.oid::regprocedure::text AS signature, p.prokind::text AS kind
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}`);
    const types = await driver.query(`SELECT n.nspname AS schema, t.typname AS name
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype IN ('e', 'd', 'r', 'm') AND ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}`);
    const extensions = await driver.query(`SELECT extname AS n FROM pg_extension WHERE extname <> 'plpgsql'`);
    return {
        schemas: schemas.map((r) => String(r.n)),
        relations: relations.map((r) => ({ schema: String(r.schema), name: String(r.name), kind: String(r.kind) })),
        functions: functions.map((r) => ({
            schema: String(r.schema),
            signature: String(r.signature),
            kind: String(r.kind),
        })),
        types: types.map((r) => ({ schema: String(r.schema), name: String(r.name) })),
        extensions: extensions.map((r) => String(r.n)),
    };
}
const quote = (name) => `"${name.replace(/"/g, '""')}"`;
/**
 * pg_restore --clean drops and recreates what the dump holds, but not what the failed run added:
 * those objects are dropped first, so the restore lands exactly on the old state.
 */
async function dropNewObjects(driver, before) {
    const now = await pgObjects(driver);
    for (const ext of now.extensions.filter((e) => !before.extensions.includes(e)))
        await driver.query(`DROP EXTENSION IF EXISTS ${quote(ext)} CASCADE`);
    for (const schema of now.schemas.filter((s) => !before.schemas.includes(s)))
        await driver.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
    const had = new Set(before.relations.map((r) => `${r.schema}.${r.name}`));
    const keyword = {
        r: 'TABLE',
        p: 'TABLE',
        f: 'FOREIGN TABLE',
        v: 'VIEW',
        m: 'MATERIALIZED VIEW',
        S: 'SEQUENCE',
    };
    // Tables first: their CASCADE takes dependent views and owned sequences along.
    const order = ['r', 'p', 'f', 'm', 'v', 'S'];
    const fresh = now.relations
        .filter((r) => !had.has(`${r.schema}.${r.name}`))
        .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    for (const r of fresh)
        await driver.query(`DROP ${keyword[r.kind] ?? 'TABLE'} IF EXISTS ${quote(r.schema)}.${quote(r.name)} CASCADE`);
    const hadFunctions = new Set(before.functions.map((f) => f.signature));
    for (const f of now.functions.filter((x) => !hadFunctions.has(x.signature))) {
        const what = f.kind === 'p' ? 'PROCEDURE' : f.kind === 'a' ? 'AGGREGATE' : 'FUNCTION';
        await driver.query(`DROP ${what} IF EXISTS ${f.signature} CASCADE`);
    }
    const hadTypes = new Set(before.types.map((t) => `${t.schema}.${t.name}`));
    for (const t of now.types.filter((x) => !hadTypes.has(`${x.schema}.${x.name}`)))
        await driver.query(`DROP TYPE IF EXISTS ${quote(t.schema)}.${quote(t.name)} CASCADE`);
}
/** pg_dump -Fc before the run; pg_restore --clean (after dropping what the run created) to undo it. */
async function pgDumpBackup(driver, location, dir, env) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = external_node_path_default().join(dir, `shipkit-${(0,types/* backupStamp */.iB)()}.dump`);
    const { url, env: withPassword } = pgEnv(location, env);
    const dumped = await (0,exec/* execFile */.S)('pg_dump', ['-Fc', '--file', file, '--dbname', url], { env: withPassword });
    if (dumped.code !== 0)
        throw new errors/* UserError */.yo(`pg_dump failed (exit ${dumped.code}): ${dumped.stderr.trim()}`, { input: 'backup' });
    const before = await pgObjects(driver);
    return {
        path: file,
        restore: async () => {
            await dropNewObjects(driver, before);
            const r = await (0,exec/* execFile */.S)('pg_restore', ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--dbname', url, file], { env: withPassword });
            if (r.code !== 0)
                throw new Error(`pg_restore failed (exit ${r.code}): ${r.stderr.trim()}`);
        },
    };
}

// EXTERNAL MODULE: ./src/stages/migrate/drivers/pg-style.ts
var pg_style = __webpack_require__(188);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/script.ts
var script = __webpack_require__(52194);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/postgres.ts






// pg_try_advisory_lock(int4, int4): two halves of a key shown in pg_locks as classid/objid.
const KEY1 = 0x5348_4950; // 'SHIP'
const KEY2 = 0x4d49_4752; // 'MIGR'
class PostgresDriver extends pg_style/* PgStyleDriver */.n {
    client;
    url;
    env;
    kind = 'postgres';
    constructor(client, url, env) {
        super();
        this.client = client;
        this.url = url;
        this.env = env;
    }
    /** Connection errors (refused, unknown host, wrong password, no such database) are thrown as pg raises them. */
    static async connect(url, owner, env) {
        // application_name is how a waiting run (and a DBA in pg_stat_activity) sees who holds the lock; 63 bytes max.
        const Client = await loadPgClient();
        const client = new Client({ connectionString: url, application_name: `shipkit ${owner.label}`.slice(0, 63) });
        // An error on an idle connection (the server restarting) must not crash the process as an unhandled event.
        client.on('error', () => undefined);
        await client.connect();
        // A killed run's backend would otherwise go on (inside pg_sleep, a long UPDATE…) holding the
        // lock and its transaction until it next talks to the dead socket. PostgreSQL 14+ can poll for it.
        await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
        return new PostgresDriver(client, url, env);
    }
    async run(sql, params = []) {
        const result = params.length > 0 ? await this.client.query(sql, params) : await this.client.query(sql);
        return (result.rows ?? []);
    }
    /**
     * Inside a transaction the file goes in one round trip, as psql -1 would send it: the server runs
     * its statements in order and reports each one's completion, which is counted so a failure is
     * still known to its statement. Outside one (-- shipkit:no-transaction) statements go one by one,
     * since CREATE INDEX CONCURRENTLY and friends refuse a multi-statement string.
     */
    async execScript(file, opts) {
        if (!opts.inTransaction)
            return super.execScript(file, opts);
        opts.signal.throwIfAborted();
        let completed = 0;
        const count = () => {
            completed++;
        };
        this.client.connection.on('commandComplete', count);
        try {
            await this.client.query(file.sql);
        }
        catch (error) {
            throw new types/* ScriptError */.mC(error, completed, await (0,script/* failedStatementLine */.h)(file, this.dialect, completed, error));
        }
        finally {
            this.client.connection.off('commandComplete', count);
        }
    }
    lock(timeoutMs, signal, progress) {
        return (0,lock_poll/* pollLock */.R)({
            tryOnce: async () => (await this.query('SELECT pg_try_advisory_lock(?::int4, ?::int4) AS ok', [KEY1, KEY2]))[0]?.ok === true,
            holder: () => this.holder(),
            timeoutMs,
            signal,
            progress,
        });
    }
    async holder() {
        const rows = await this.query(`SELECT a.pid, a.application_name, a.usename, a.client_addr::text AS addr, a.backend_start
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.classid = ?::int4::oid AND l.objid = ?::int4::oid AND l.objsubid = 2 AND l.granted`, [KEY1, KEY2]);
        const r = rows[0];
        if (!r)
            return undefined;
        return `pid ${(0,types/* asText */.e1)(r.pid)}, application_name '${(0,types/* asText */.e1)(r.application_name)}', user ${(0,types/* asText */.e1)(r.usename)}${r.addr ? ` from ${(0,types/* asText */.e1)(r.addr)}` : ''}, connected since ${(0,types/* asText */.e1)(r.backend_start)}`;
    }
    async unlock() {
        await this.query('SELECT pg_advisory_unlock(?::int4, ?::int4)', [KEY1, KEY2]);
    }
    backup(dir) {
        return pgDumpBackup(this, this.url, dir, this.env);
    }
    async close() {
        await this.client.end();
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
