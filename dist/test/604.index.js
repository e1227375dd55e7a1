import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 604;
export const ids = [604];
export const modules = {

/***/ 93992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L6: () => (/* binding */ isServerUrl),
/* harmony export */   ig: () => (/* binding */ passwordsOf),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl)
/* harmony export */ });
/* unused harmony exports DEFAULT_PGLITE_DIR, redactUrl */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12258);



/** The CLI's zero-setup default: an embedded PostgreSQL (PGlite) in the repository. */
const DEFAULT_PGLITE_DIR = '.shipkit/db';
function redactUrl(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
/** The password of a URL as written and decoded, so that each can be masked on its own. */
function passwordsOf(url) {
    return URL.canParse(url) ? (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .urlCredentialForms */ .C9)(new URL(url).password) : [];
}
/** postgres://, mysql://, mariadb:// (anything but the embedded sqlite: and pglite: paths). */
function isServerUrl(value) {
    return !/^(sqlite|pglite):/i.test(value.trim());
}
function parseDatabaseUrl(value, cwd) {
    if (value === undefined) {
        const location = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, DEFAULT_PGLITE_DIR);
        return { kind: 'pglite', location, display: `pglite:${DEFAULT_PGLITE_DIR}` };
    }
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    switch (scheme) {
        case 'postgres':
        case 'postgresql':
            return { kind: 'postgres', location: value, display: redactUrl(value) };
        case 'mysql':
        case 'mariadb':
            return { kind: 'mysql', location: value.replace(/^mariadb:/i, 'mysql:'), display: redactUrl(value) };
        case 'sqlite':
        case 'pglite': {
            const rest = value.slice(scheme.length + 1).replace(/^\/\/(?=\/|\.)/, '');
            if (rest === '')
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${scheme}: needs a path, e.g. ${scheme}:./data/app.db`, { input: 'database-url' });
            return { kind: scheme, location: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, rest), display: `${scheme}:${rest}` };
        }
        default:
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`unsupported database URL scheme '${scheme ?? value.slice(0, 12)}': use postgres://, mysql://, mariadb://, sqlite:PATH or pglite:PATH`, { input: 'database-url' });
    }
}


/***/ }),

/***/ 63734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ canonicalVersion),
/* harmony export */   Y$: () => (/* binding */ loadMigrations),
/* harmony export */   Zy: () => (/* binding */ compareVersions)
/* harmony export */ });
/* unused harmony export checksumOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);




// 001_create_users.sql, 001_create_users.up.sql / .down.sql, Flyway's V1__init.sql and V1_2__more.sql.
const FLYWAY = /^V(\d+(?:[._]\d+)*)__(.+?)\.sql$/;
const PLAIN = /^(\d+(?:\.\d+)*)_(.+?)(\.up|\.down)?\.sql$/;
const NO_TRANSACTION = /^\s*--\s*shipkit:no-transaction\b/;
function canonicalVersion(raw) {
    return raw
        .split(/[._]/)
        .map((p) => BigInt(p).toString())
        .join('.');
}
function compareVersions(a, b) {
    return compareParts(versionParts(a), versionParts(b));
}
const versionParts = (v) => v.split('.').map(BigInt);
function compareParts(pa, pb) {
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? -1n;
        const y = pb[i] ?? -1n;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
function checksumOf(sql) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}
function classify(base, rel) {
    const flyway = FLYWAY.exec(base);
    if (flyway?.[1] && flyway[2]) {
        const version = canonicalVersion(flyway[1]);
        return { version, parts: versionParts(version), base, name: flyway[2], file: rel, direction: 'up' };
    }
    const plain = PLAIN.exec(base);
    if (plain?.[1] && plain[2]) {
        const version = canonicalVersion(plain[1]);
        return {
            version,
            parts: versionParts(version),
            base,
            name: plain[2],
            file: rel,
            direction: plain[3] === '.down' ? 'down' : 'up',
        };
    }
    return undefined;
}
/** Reads and orders the migrations in `dir`. Names that look like SQL but match no pattern are errors, not skipped. */
function loadMigrations(cwd, dir) {
    // A throw inside the executor rejects: callers get one promise either way.
    return new Promise((resolve) => resolve(readMigrations(cwd, dir)));
}
function readMigrations(cwd, dir) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, dir);
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(abs);
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`cannot read the migrations directory '${dir}': ${error.message}`, { input: 'dir' });
    }
    const ups = new Map();
    const downs = new Map();
    // Computed once: path.relative per file costs more than reading the file.
    const relDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, abs);
    for (const base of names.sort()) {
        if (!base.endsWith('.sql'))
            continue;
        const rel = relDir ? `${relDir}${(node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)}${base}` : base;
        const entry = classify(base, rel);
        if (!entry) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`'${base}' is not a migration name: use NNN_name.sql, NNN_name.up.sql / NNN_name.down.sql or V1__name.sql`, { input: 'dir', file: rel });
        }
        const into = entry.direction === 'up' ? ups : downs;
        const clash = into.get(entry.version);
        if (clash) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`duplicate migration version ${entry.version}: '${clash.file}' and '${entry.file}'`, {
                input: 'dir',
                file: entry.file,
            });
        }
        into.set(entry.version, entry);
    }
    for (const down of downs.values()) {
        if (!ups.has(down.version)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`down file '${down.file}' has no matching up file for version ${down.version}`, {
                file: down.file,
            });
        }
    }
    const files = [];
    // Paths joined by hand: path.resolve per file took longer than reading it (500 files: ~10 ms).
    const inDir = (base) => `${abs}${(node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)}${base}`;
    for (const up of [...ups.values()].sort((a, b) => compareParts(a.parts, b.parts))) {
        // One synchronous read per file: hundreds of small files read faster than through the thread pool.
        const sql = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(inDir(up.base), 'utf8');
        const down = downs.get(up.version);
        files.push({
            version: up.version,
            name: up.name,
            file: up.file,
            sql,
            checksum: checksumOf(sql),
            noTransaction: NO_TRANSACTION.test(sql.split('\n', 1)[0] ?? ''),
            ...(down ? { down: { file: down.file, path: inDir(down.base) } } : {}),
        });
    }
    return { files, gaps: findGaps(files.map((f) => f.version)) };
}
/** Only for plain sequential integers: timestamped versions (20240101120000) are gappy by design. */
function findGaps(versions) {
    if (versions.length < 2 || versions.some((v) => v.includes('.')))
        return [];
    const nums = versions.map(Number);
    const max = Math.max(...nums);
    if (max > 100_000)
        return [];
    const have = new Set(nums);
    const gaps = [];
    for (let v = Math.min(...nums); v < max && gaps.length < 50; v++)
        if (!have.has(v))
            gaps.push(String(v));
    return gaps;
}


/***/ }),

/***/ 65218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ describeEnclosure),
/* harmony export */   x: () => (/* binding */ DESTRUCTIVE_KINDS)
/* harmony export */ });
/**
 * What the destructive-change analysis reports. Its own module, so the dialect analysers and the
 * dispatcher in analyze.ts all import from here and not from each other.
 */
const DESTRUCTIVE_KINDS = [
    'drop-table',
    'drop-column',
    'drop-schema',
    // DROP OWNED BY drops every object the role owns; DROP TYPE/FUNCTION/… CASCADE drops what depends on it.
    'drop-owned',
    'drop-cascade',
    'truncate',
    'delete-without-where',
    'update-without-where',
    // MERGE … WHEN MATCHED THEN DELETE (or NOT MATCHED BY SOURCE): deletes every row the join picks.
    'merge-delete',
    'type-change',
    'not-null-without-default',
    'rename',
    // EXECUTE of a string built at run time: what it runs cannot be known before it runs, so it blocks.
    'dynamic-sql',
    // The parser could not read the statement, so it cannot be shown to be safe: fail closed.
    'unparsed',
];
function describeEnclosure(enclosure) {
    if (!enclosure)
        return '';
    switch (enclosure.kind) {
        case 'function':
            return `in the body of ${enclosure.name} (runs when it is called): `;
        case 'do':
            return 'in a DO block: ';
        case 'rule':
            return `in rule ${enclosure.name} (runs on every matching statement): `;
    }
}


/***/ }),

/***/ 55604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrateStage: () => (/* binding */ migrateStage)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/migrate/files.ts
var files = __webpack_require__(63734);
// EXTERNAL MODULE: ./src/stages/migrate/database-url.ts
var database_url = __webpack_require__(93992);
// EXTERNAL MODULE: ./src/stages/migrate/tools.ts
var tools = __webpack_require__(91602);
;// CONCATENATED MODULE: ./src/stages/migrate/options.ts




const TRANSACTION_MODES = ['all', 'per-file'];
const ROLLBACK_MODES = ['auto', 'backup', 'down', 'none'];
function readMigrateOptions(inputs, env = process.env) {
    const databaseUrl = inputs.string('database-url');
    // A server URL names a host and usually a password: masked whole, and the password on its own
    // (as written and decoded). A sqlite:/pglite: path is not a secret and stays readable.
    if (databaseUrl !== undefined && (0,database_url/* isServerUrl */.L6)(databaseUrl)) {
        inputs.source.mask(databaseUrl);
        for (const password of (0,database_url/* passwordsOf */.ig)(databaseUrl))
            inputs.source.mask(password);
    }
    // On a runner the embedded default would migrate a database that vanishes with the job: say so instead.
    if (databaseUrl === undefined && env.GITHUB_ACTIONS === 'true') {
        throw new errors/* UserError */.yo(`${inputs.source.label('database-url')} is required in an action`, { input: 'database-url' });
    }
    const baselineRaw = inputs.string('baseline');
    let baseline;
    if (baselineRaw !== undefined) {
        if (!/^\d+(?:[._]\d+)*$/.test(baselineRaw)) {
            throw new errors/* UserError */.yo(`${inputs.source.label('baseline')} must be a migration version such as 3 or 1.2, got '${baselineRaw}'`, {
                input: 'baseline',
            });
        }
        baseline = (0,files/* canonicalVersion */.Bp)(baselineRaw);
    }
    const tool = inputs.oneOf('tool', tools/* TOOLS */.It, 'shipkit');
    const toolCommand = inputs.text('tool-command')?.trim();
    if (tool === 'custom' && !toolCommand) {
        throw new errors/* UserError */.yo(`${inputs.source.label('tool-command')} is required with tool: custom`, {
            input: 'tool-command',
        });
    }
    return {
        ...(databaseUrl !== undefined ? { databaseUrl } : {}),
        dir: inputs.string('dir') ?? 'migrations',
        transaction: inputs.oneOf('transaction', TRANSACTION_MODES, 'all'),
        rollback: inputs.oneOf('rollback', ROLLBACK_MODES, 'auto'),
        backup: inputs.bool('backup', false),
        backupDir: inputs.string('backup-dir') ?? '.shipkit/backups',
        lockTimeoutMs: inputs.duration('lock-timeout') ?? 300_000,
        ...(baseline !== undefined ? { baseline } : {}),
        dryRun: inputs.bool('dry-run', false),
        allowDestructive: inputs.bool('allow-destructive', false),
        tool,
        ...(toolCommand ? { toolCommand } : {}),
        ...(inputs.text('tool-status-command')?.trim()
            ? { toolStatusCommand: inputs.text('tool-status-command')?.trim() }
            : {}),
    };
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 82 modules
var type = __webpack_require__(97375);
// EXTERNAL MODULE: ./src/core/report/schema.ts + 1 modules
var schema = __webpack_require__(25670);
// EXTERNAL MODULE: ./src/stages/migrate/sql/findings.ts
var findings = __webpack_require__(65218);
;// CONCATENATED MODULE: ./src/stages/migrate/report-schema.ts



/**
 * The migrate stage's report, written once: the JSON Schema (validated before every write) and
 * the TypeScript types below both come from these declarations.
 */
const File = type/* Type */.ZU.String({ minLength: 1, description: 'Path from the working directory, as the user names it.' });
const Version = type/* Type */.ZU.String({ pattern: '^\\d+(\\.\\d+)*$', description: 'Canonical version: `3`, `1.2`.' });
const Checksum = type/* Type */.ZU.String({
    pattern: '^[0-9a-f]{64}$',
    description: 'sha256 of the up file (line endings normalised).',
});
const Ms = type/* Type */.ZU.Number({ minimum: 0 });
const DatabaseKindSchema = type/* Type */.ZU.Union([
    type/* Type */.ZU.Literal('postgres'),
    type/* Type */.ZU.Literal('mysql'),
    type/* Type */.ZU.Literal('sqlite'),
    type/* Type */.ZU.Literal('pglite'),
]);
const AppliedSchema = type/* Type */.ZU.Object({ version: Version, name: type/* Type */.ZU.String(), file: File, durationMs: Ms }, { additionalProperties: false });
const PendingSchema = type/* Type */.ZU.Object({ version: Version, name: type/* Type */.ZU.String(), file: File, noTransaction: type/* Type */.ZU.Boolean(), checksum: Checksum }, { additionalProperties: false });
const HistoryEntrySchema = type/* Type */.ZU.Object({
    version: Version,
    name: type/* Type */.ZU.String(),
    checksum: Checksum,
    appliedAt: type/* Type */.ZU.String(),
    durationMs: Ms,
    appliedBy: type/* Type */.ZU.String({ description: 'The run URL, or `user@host pid N` from a terminal.' }),
    kind: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('applied'), type/* Type */.ZU.Literal('baseline')]),
}, { additionalProperties: false });
const DestructiveSchema = type/* Type */.ZU.Object({
    file: File,
    line: type/* Type */.ZU.Integer({ minimum: 1 }),
    kind: type/* Type */.ZU.Union(findings/* DESTRUCTIVE_KINDS */.x.map((k) => type/* Type */.ZU.Literal(k))),
    target: type/* Type */.ZU.String({ description: 'What is affected: `users`, `users.email`; empty when unknown.' }),
    detail: type/* Type */.ZU.String(),
}, { additionalProperties: false });
const FailureSchema = type/* Type */.ZU.Object({
    version: type/* Type */.ZU.String(),
    file: type/* Type */.ZU.String(),
    line: type/* Type */.ZU.Optional(type/* Type */.ZU.Integer({
        minimum: 1,
        description: 'Line of the failing statement (or of the error in it); absent when COMMIT failed.',
    })),
    message: type/* Type */.ZU.String(),
    partial: type/* Type */.ZU.Boolean({
        description: 'Statements of this file before the failing one ran outside a transaction, so they stayed unless undone.',
    }),
}, { additionalProperties: false });
const InterruptedSchema = type/* Type */.ZU.Object({
    version: type/* Type */.ZU.String(),
    file: type/* Type */.ZU.String(),
    startedAt: type/* Type */.ZU.String(),
    startedBy: type/* Type */.ZU.String(),
    objects: type/* Type */.ZU.Array(type/* Type */.ZU.Object({
        kind: type/* Type */.ZU.Union([
            type/* Type */.ZU.Literal('table'),
            type/* Type */.ZU.Literal('view'),
            type/* Type */.ZU.Literal('index'),
            type/* Type */.ZU.Literal('sequence'),
            type/* Type */.ZU.Literal('column'),
        ]),
        name: type/* Type */.ZU.String(),
        change: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('create'), type/* Type */.ZU.Literal('drop')]),
        exists: type/* Type */.ZU.Boolean(),
        invalid: type/* Type */.ZU.Optional(type/* Type */.ZU.Boolean()),
    }, { additionalProperties: false }), { description: 'What the file creates or drops, and whether each exists now.' }),
    advice: type/* Type */.ZU.String(),
}, {
    additionalProperties: false,
    description: 'A file an earlier run started and did not finish (killed, or failed part-way outside a transaction).',
});
const LockSchema = type/* Type */.ZU.Object({ waitedMs: Ms, acquired: type/* Type */.ZU.Boolean(), holder: type/* Type */.ZU.Optional(type/* Type */.ZU.String()) }, { additionalProperties: false });
const ToolRunSchema = type/* Type */.ZU.Object({
    name: type/* Type */.ZU.String(),
    applyCommand: type/* Type */.ZU.String(),
    statusCommand: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    statusBefore: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    statusAfter: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    exitCode: type/* Type */.ZU.Integer(),
    output: type/* Type */.ZU.String({ description: "The end of the apply command's output." }),
}, { additionalProperties: false });
const MigrationsSchema = type/* Type */.ZU.Object({
    database: type/* Type */.ZU.Object({ kind: DatabaseKindSchema, url: type/* Type */.ZU.String({ description: 'The URL with its password replaced by `***`.' }) }, { additionalProperties: false }),
    dir: type/* Type */.ZU.String(),
    tool: type/* Type */.ZU.String(),
    dryRun: type/* Type */.ZU.Boolean(),
    transaction: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('all'), type/* Type */.ZU.Literal('per-file')]),
    rollback: type/* Type */.ZU.Union([
        type/* Type */.ZU.Literal('transaction'),
        type/* Type */.ZU.Literal('backup'),
        type/* Type */.ZU.Literal('down'),
        type/* Type */.ZU.Literal('none'),
    ]),
    applied: type/* Type */.ZU.Array(AppliedSchema, { description: 'Applied by this run and kept.' }),
    pending: type/* Type */.ZU.Array(PendingSchema, {
        description: 'Still pending after this run (all pending ones in a dry run).',
    }),
    history: type/* Type */.ZU.Array(HistoryEntrySchema),
    destructive: type/* Type */.ZU.Array(DestructiveSchema),
    gaps: type/* Type */.ZU.Array(Version),
    rolledBack: type/* Type */.ZU.Array(Version),
    interrupted: type/* Type */.ZU.Array(InterruptedSchema),
    failure: type/* Type */.ZU.Optional(FailureSchema),
    restored: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'What the rollback strategy undid, in one line.' })),
    backupPath: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    lock: type/* Type */.ZU.Optional(LockSchema),
    toolRun: type/* Type */.ZU.Optional(ToolRunSchema),
}, { additionalProperties: false });
const MigrateReport = (0,schema/* stageReportSchema */.kZ)('migrate', { migrations: MigrationsSchema });

;// CONCATENATED MODULE: ./src/stages/migrate/stage.ts


/**
 * The migrate stage. Its drivers and SQL parsers load when it runs, and then only the ones the
 * database and the pending files need: a usage error is reported before any of them is parsed.
 */
const migrateStage = {
    name: 'migrate',
    reportSchema: MigrateReport,
    service: { name: 'the database', input: 'database-url' },
    readOptions: (inputs, ctx) => readMigrateOptions(inputs, ctx.env),
    run: async (options, ctx) => (await __webpack_require__.e(/* import() */ 595).then(__webpack_require__.bind(__webpack_require__, 1595))).runMigrate(options, ctx),
};


/***/ }),

/***/ 91602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ TOOLS),
/* harmony export */   oW: () => (/* binding */ toolEnv),
/* harmony export */   tQ: () => (/* binding */ toolCommands)
/* harmony export */ });
const TOOLS = ['shipkit', 'knex', 'alembic', 'goose', 'golang-migrate', 'prisma', 'flyway', 'custom'];
/** JDBC form of a postgres/mysql URL, for Flyway (credentials go in FLYWAY_USER/FLYWAY_PASSWORD). */
function jdbc(target) {
    const u = new URL(target.location);
    const kind = target.kind === 'mysql' ? (u.protocol === 'mariadb:' ? 'mariadb' : 'mysql') : 'postgresql';
    return `jdbc:${kind}://${u.host}${u.pathname}`;
}
function gooseDriver(target) {
    return { postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite3', pglite: 'postgres' }[target.kind];
}
/** goose's mysql driver wants a Go DSN: user:pass@tcp(host:port)/db. */
function gooseDsn(target) {
    if (target.kind === 'sqlite')
        return target.location;
    if (target.kind !== 'mysql')
        return target.location;
    const u = new URL(target.location);
    const auth = u.username
        ? `${decodeURIComponent(u.username)}${u.password ? `:${decodeURIComponent(u.password)}` : ''}@`
        : '';
    return `${auth}tcp(${u.hostname}:${u.port || '3306'})${u.pathname}?parseTime=true&multiStatements=true`;
}
/**
 * Each tool's own status and apply commands. They run through `sh -c` in the working directory with
 * the database in the environment (DATABASE_URL and the tool's own variables), never on the command
 * line, so the URL does not show in `ps` or the log.
 */
function toolCommands(tool, dir) {
    switch (tool) {
        case 'knex':
            return { status: 'npx --no-install knex migrate:status', apply: 'npx --no-install knex migrate:latest' };
        case 'alembic':
            return { status: 'alembic current', apply: 'alembic upgrade head' };
        case 'goose':
            return { status: `goose -dir '${dir}' status`, apply: `goose -dir '${dir}' up` };
        case 'golang-migrate':
            return {
                status: `migrate -path '${dir}' -database "$DATABASE_URL" version`,
                apply: `migrate -path '${dir}' -database "$DATABASE_URL" up`,
            };
        case 'prisma':
            return { status: 'npx --no-install prisma migrate status', apply: 'npx --no-install prisma migrate deploy' };
        case 'flyway':
            return { status: 'flyway info', apply: 'flyway migrate' };
        case 'custom':
            return { apply: '' };
    }
}
function toolEnv(tool, target) {
    const env = {
        DATABASE_URL: target.kind === 'sqlite' ? `sqlite:${target.location}` : target.location,
    };
    if (tool === 'goose') {
        env.GOOSE_DRIVER = gooseDriver(target);
        env.GOOSE_DBSTRING = gooseDsn(target);
    }
    if (tool === 'flyway' && (target.kind === 'postgres' || target.kind === 'mysql')) {
        const u = new URL(target.location);
        env.FLYWAY_URL = jdbc(target);
        env.FLYWAY_USER = decodeURIComponent(u.username);
        env.FLYWAY_PASSWORD = decodeURIComponent(u.password);
    }
    return env;
}


/***/ })

};
