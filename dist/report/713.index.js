import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 713;
export const ids = [713];
export const modules = {

/***/ 4143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ FileLock)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lock_poll_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78574);




function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/**
 * Embedded databases (PGlite, SQLite files) have no server to hold a session lock, so the lock is
 * a file created with O_EXCL holding the owner's pid. A holder that died (SIGKILL) leaves the file
 * behind; it is taken over once its pid is gone on this host, so a killed run does not block forever.
 */
class FileLock {
    file;
    owner;
    held = false;
    constructor(file, owner) {
        this.file = file;
        this.owner = owner;
    }
    async acquire(timeoutMs, signal, progress = () => undefined) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(this.file), { recursive: true });
        let tookOverFrom;
        const { waitedMs } = await (0,_lock_poll_js__WEBPACK_IMPORTED_MODULE_3__/* .pollLock */ .R)({
            tryOnce: async () => {
                if (await this.create())
                    return true;
                const holder = await this.readHolder();
                if (holder && holder.host === node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname() && !alive(holder.pid)) {
                    tookOverFrom = holder;
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(this.file).catch(() => undefined);
                    return this.create();
                }
                return false;
            },
            holder: async () => {
                const holder = await this.readHolder();
                return holder
                    ? `${holder.owner}, pid ${holder.pid} on ${holder.host} since ${holder.since}`
                    : `lock file ${this.file}`;
            },
            timeoutMs,
            signal,
            progress,
        });
        return { waitedMs, ...(tookOverFrom ? { tookOverFrom } : {}) };
    }
    async create() {
        try {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(this.file, 'wx');
            const me = { pid: process.pid, host: node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname(), owner: this.owner, since: new Date().toISOString() };
            await handle.writeFile(JSON.stringify(me));
            await handle.close();
            this.held = true;
            return true;
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            return false;
        }
    }
    async readHolder() {
        try {
            return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(this.file, 'utf8'));
        }
        catch {
            // Being written right now, or just removed: look again on the next poll.
            return undefined;
        }
    }
    async release() {
        if (!this.held)
            return;
        this.held = false;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(this.file).catch(() => undefined);
    }
}


/***/ }),

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

/***/ 11713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PgliteDriver: () => (/* binding */ PgliteDriver)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/file-lock.ts
var file_lock = __webpack_require__(4143);
// EXTERNAL MODULE: ./src/stages/migrate/drivers/pg-style.ts
var pg_style = __webpack_require__(188);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/pglite-runtime.ts





/**
 * PGlite's own loader cannot be bundled (ncc turns its `await import("module")` into a namespace
 * without `createRequire`), so the bundle ships PGlite as published: its self-contained CommonJS
 * build `index.cjs` with pglite.wasm, pglite.data and initdb.wasm beside it (scripts/build.mjs
 * copies them), where that build looks for them. From the sources (tests, a clone) the package
 * itself is imported. Either way it loads only when a pglite: URL is used.
 */
const here = () => external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
async function loadPglite() {
    const shipped = external_node_path_default().join(here(), 'index.cjs');
    try {
        if ((0,external_node_fs_.existsSync)(shipped))
            return (0,external_node_module_.createRequire)(import.meta.url)(shipped);
        return await import(/* webpackIgnore: true */ '@electric-sql/pglite');
    }
    catch (error) {
        throw new errors/* UserError */.yo(`the embedded database (pglite) could not be loaded: ${error.message.split('\n')[0] ?? ''}. Pass database-url for a server instead.`, { input: 'database-url' });
    }
}
/**
 * PostgreSQL's default shared_buffers (128 MB) is allocated and zeroed in PGlite's WebAssembly
 * memory; a migration run needs a fraction of it. With these settings a PGlite run stays within
 * the memory budget in `npm run bench` (bench/migrate.bench.ts).
 */
const SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'max_connections=10'];
function pgliteOptions(module, extra = {}) {
    const defaults = module.PGlite.defaultStartParams ?? [];
    return { startParams: [...defaults, ...SETTINGS], initDbStartParams: SETTINGS, ...extra };
}
/**
 * An empty data directory made by PGlite's initdb with SETTINGS (tests/migrate/support/pglite-template.ts
 * makes it). A new database is unpacked from it: PGlite's initdb runs a second PostgreSQL beside the
 * first and copies its heap, about 750 MiB at the peak, where starting from this copy stays under
 * 300 MiB. It sits beside this module in the sources and beside the bundle in dist/.
 */
const PGLITE_TEMPLATE = 'pglite-template.tar.gz';
function pgliteTemplatePath() {
    const file = external_node_path_default().join(here(), PGLITE_TEMPLATE);
    return (0,external_node_fs_.existsSync)(file) ? file : undefined;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/pglite-template.ts



const BLOCK = 512;
function field(header, from, length) {
    const raw = header.subarray(from, from + length).toString('latin1');
    const nul = raw.indexOf('\0');
    return (nul < 0 ? raw : raw.slice(0, nul)).trim();
}
/** A ustar header's checksum: the sum of its bytes with the checksum field read as spaces. */
function checksumOk(header) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
    return sum === parseInt(field(header, 148, 8), 8);
}
/**
 * Unpacks shipkit's empty-database template (pglite-runtime.ts) into `dir`. PGlite's own
 * `loadDataDir` does the same in PGlite's memory and peaks about 80 MiB higher, which is what
 * takes a 500-migration run past its 300 MiB budget (npm run bench), so the archive is written out
 * here, file by file, before PGlite opens the directory. The archive is the ustar file PGlite's
 * dumpDataDir writes (regular files and directories, names relative to the data directory); an
 * entry of any other kind, a bad header or a name leaving `dir` is refused.
 */
async function unpackTemplate(file, dir) {
    const tar = (0,external_node_zlib_.gunzipSync)(await (0,promises_.readFile)(file));
    const root = external_node_path_default().resolve(dir);
    await (0,promises_.mkdir)(root, { recursive: true, mode: 0o750 });
    for (let at = 0; at + BLOCK <= tar.length;) {
        const header = tar.subarray(at, at + BLOCK);
        if (header.every((b) => b === 0))
            break;
        if (!checksumOk(header))
            throw new Error(`${file}: damaged archive header at byte ${at}`);
        const name = [field(header, 345, 155), field(header, 0, 100)].filter(Boolean).join('/');
        const size = parseInt(field(header, 124, 12) || '0', 8);
        const mode = parseInt(field(header, 100, 8) || '0', 8) & 0o777;
        const type = field(header, 156, 1) || '0';
        const target = external_node_path_default().join(root, external_node_path_default().normalize(`/${name}`));
        if (name.split('/').includes('..') || (target !== root && !target.startsWith(`${root}${(external_node_path_default()).sep}`)))
            throw new Error(`${file}: entry ${name} leaves the directory`);
        if (type === '5')
            await (0,promises_.mkdir)(target, { recursive: true, mode: mode || 0o750 });
        else if (type === '0') {
            await (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true, mode: 0o750 });
            await (0,promises_.writeFile)(target, tar.subarray(at + BLOCK, at + BLOCK + size), { mode: mode || 0o600 });
        }
        else
            throw new Error(`${file}: entry ${name} is of type '${type}', not a file or directory`);
        at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
}

// EXTERNAL MODULE: ./src/stages/migrate/drivers/types.ts
var types = __webpack_require__(39664);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/pglite.ts








/** PostgreSQL compiled to WebAssembly, in a directory: the zero-setup database of the CLI. */
class PgliteDriver extends pg_style/* PgStyleDriver */.n {
    db;
    dir;
    fileLock;
    kind = 'pglite';
    constructor(db, dir, fileLock) {
        super();
        this.db = db;
        this.dir = dir;
        this.fileLock = fileLock;
    }
    /** PGlite cannot share its directory between processes: the file lock is taken before it is opened. */
    static async open(dir, owner, timeoutMs, signal, progress) {
        const fileLock = new file_lock/* FileLock */.I(`${dir}.lock`, owner.label);
        const { waitedMs } = await fileLock.acquire(timeoutMs, signal, progress);
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(dir), { recursive: true });
            return { driver: new PgliteDriver(await PgliteDriver.start(dir), dir, fileLock), waitedMs };
        }
        catch (error) {
            await fileLock.release();
            throw error;
        }
    }
    /**
     * Opens the directory; a new one is unpacked from `loadDataDir` or, by default, from the empty
     * template shipped with shipkit, so the run never pays for PGlite's in-process initdb. A template
     * this PGlite cannot open (after an upgrade) falls back to initdb.
     */
    static async start(dir, loadDataDir) {
        const module = await loadPglite();
        const open = async (load) => {
            const db = new module.PGlite(dir, pgliteOptions(module, load ? { loadDataDir: load } : {}));
            await db.waitReady;
            return db;
        };
        if (loadDataDir)
            return open(loadDataDir);
        const template = (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, 'PG_VERSION')) ? undefined : pgliteTemplatePath();
        if (!template)
            return open();
        try {
            await unpackTemplate(template, dir);
            return await open();
        }
        catch {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            return open();
        }
    }
    async run(sql, params = []) {
        if (params.length > 0)
            return (await this.db.query(sql, params)).rows;
        const results = await this.db.exec(sql);
        return results.at(-1)?.rows ?? [];
    }
    /** Already held since open(): nobody else can have the directory open. */
    lock() {
        return Promise.resolve({ waitedMs: 0 });
    }
    async unlock() {
        // Released in close(), after the directory is closed.
    }
    /** PGlite's own dump of its data directory; restoring replaces the directory with it. */
    async backup(dir) {
        await (0,promises_.mkdir)(dir, { recursive: true });
        const file = external_node_path_default().join(dir, `shipkit-${(0,types/* backupStamp */.iB)()}.pglite.tar.gz`);
        const dump = await this.db.dumpDataDir('gzip');
        await (0,promises_.writeFile)(file, Buffer.from(await dump.arrayBuffer()));
        return {
            path: file,
            restore: async () => {
                await this.db.close();
                await (0,promises_.rm)(this.dir, { recursive: true, force: true });
                this.db = await PgliteDriver.start(this.dir, new Blob([await (0,promises_.readFile)(file)]));
            },
        };
    }
    async close() {
        try {
            await this.db.close();
        }
        finally {
            await this.fileLock.release();
        }
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
