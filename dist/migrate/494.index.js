import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 494;
export const ids = [494];
export const modules = {

/***/ 9494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrateCommand: () => (/* binding */ migrateCommand)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/stages/migrate/files.ts




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
    const pa = a.split('.').map(BigInt);
    const pb = b.split('.').map(BigInt);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? -1n;
        const y = pb[i] ?? -1n;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
function checksumOf(sql) {
    return (0,external_node_crypto_.createHash)('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}
function classify(base, rel) {
    const flyway = FLYWAY.exec(base);
    if (flyway?.[1] && flyway[2])
        return { version: canonicalVersion(flyway[1]), name: flyway[2], file: rel, direction: 'up' };
    const plain = PLAIN.exec(base);
    if (plain?.[1] && plain[2]) {
        return {
            version: canonicalVersion(plain[1]),
            name: plain[2],
            file: rel,
            direction: plain[3] === '.down' ? 'down' : 'up',
        };
    }
    return undefined;
}
/** Reads and orders the migrations in `dir`. Names that look like SQL but match no pattern are errors, not skipped. */
async function loadMigrations(cwd, dir) {
    const abs = external_node_path_default().resolve(cwd, dir);
    let names;
    try {
        names = await (0,promises_.readdir)(abs);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`cannot read the migrations directory '${dir}': ${error.message}`, { input: 'dir' });
    }
    const ups = new Map();
    const downs = new Map();
    for (const base of names.sort()) {
        if (!base.endsWith('.sql'))
            continue;
        const rel = external_node_path_default().relative(cwd, external_node_path_default().join(abs, base)) || base;
        const entry = classify(base, rel);
        if (!entry) {
            throw new errors/* UserError */.yo(`'${base}' is not a migration name: use NNN_name.sql, NNN_name.up.sql / NNN_name.down.sql or V1__name.sql`, { input: 'dir', file: rel });
        }
        const into = entry.direction === 'up' ? ups : downs;
        const clash = into.get(entry.version);
        if (clash) {
            throw new errors/* UserError */.yo(`duplicate migration version ${entry.version}: '${clash.file}' and '${entry.file}'`, {
                input: 'dir',
                file: entry.file,
            });
        }
        into.set(entry.version, entry);
    }
    for (const down of downs.values()) {
        if (!ups.has(down.version)) {
            throw new errors/* UserError */.yo(`down file '${down.file}' has no matching up file for version ${down.version}`, {
                file: down.file,
            });
        }
    }
    const files = [];
    for (const up of [...ups.values()].sort((a, b) => compareVersions(a.version, b.version))) {
        const sql = await (0,promises_.readFile)(external_node_path_default().resolve(cwd, up.file), 'utf8');
        const down = downs.get(up.version);
        files.push({
            version: up.version,
            name: up.name,
            file: up.file,
            sql,
            checksum: checksumOf(sql),
            noTransaction: NO_TRANSACTION.test(sql.split('\n', 1)[0] ?? ''),
            ...(down ? { down: { file: down.file, sql: await (0,promises_.readFile)(external_node_path_default().resolve(cwd, down.file), 'utf8') } } : {}),
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

;// CONCATENATED MODULE: ./src/stages/migrate/database-url.ts


/** The CLI's zero-setup default: an embedded PostgreSQL (PGlite) in the repository. */
const DEFAULT_PGLITE_DIR = '.shipkit/db';
function redactUrl(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
/** The password of a URL as written and decoded, so that each can be masked on its own. */
function passwordsOf(url) {
    try {
        const p = new URL(url).password;
        return p ? [...new Set([p, decodeURIComponent(p)])] : [];
    }
    catch {
        return [];
    }
}
function parseDatabaseUrl(value, cwd) {
    if (value === undefined) {
        const location = external_node_path_default().resolve(cwd, DEFAULT_PGLITE_DIR);
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
                throw new errors/* UserError */.yo(`${scheme}: needs a path, e.g. ${scheme}:./data/app.db`, { input: 'database-url' });
            return { kind: scheme, location: external_node_path_default().resolve(cwd, rest), display: `${scheme}:${rest}` };
        }
        default:
            throw new errors/* UserError */.yo(`unsupported database URL scheme '${scheme ?? value.slice(0, 12)}': use postgres://, mysql://, mariadb://, sqlite:PATH or pglite:PATH`, { input: 'database-url' });
    }
}

;// CONCATENATED MODULE: ./src/stages/migrate/tools.ts
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

;// CONCATENATED MODULE: ./src/stages/migrate/options.ts




const TRANSACTION_MODES = ['all', 'per-file'];
const ROLLBACK_MODES = ['auto', 'backup', 'down', 'none'];
function readMigrateOptions(inputs, env = process.env) {
    const databaseUrl = inputs.secret('database-url');
    for (const password of databaseUrl ? passwordsOf(databaseUrl) : [])
        inputs.source.mask(password);
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
        baseline = canonicalVersion(baselineRaw);
    }
    const tool = inputs.oneOf('tool', TOOLS, 'shipkit');
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
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
/** The history, oldest first; empty when the table does not exist yet (a dry run creates nothing). */
async function readHistory(driver) {
    if (!(await tableExists(driver)))
        return [];
    const rows = await driver.query(`SELECT version, name, checksum, applied_at, duration_ms, applied_by, kind FROM ${HISTORY_TABLE}`);
    return rows.map((r) => ({
        version: String(r.version),
        name: String(r.name),
        checksum: String(r.checksum).trim(),
        appliedAt: iso(r.applied_at),
        durationMs: Number(r.duration_ms),
        appliedBy: String(r.applied_by),
        kind: r.kind === 'baseline' ? 'baseline' : 'applied',
    }));
}
async function recordApplied(driver, row) {
    await driver.query(`INSERT INTO ${HISTORY_TABLE} (version, name, checksum, duration_ms, applied_by, kind) VALUES (?, ?, ?, ?, ?, ?)`, [row.version, row.name, row.checksum, Math.round(row.durationMs), row.appliedBy, row.kind]);
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
function lineOf(sql, error) {
    const position = Number(error.position);
    if (!Number.isFinite(position) || position <= 0)
        return undefined;
    return sql.slice(0, position - 1).split('\n').length;
}
async function applyFiles(driver, files, opts) {
    const committed = [];
    for (const segment of segments(files, opts.mode, driver)) {
        const transactional = !segment[0]?.noTransaction;
        const pending = [];
        let current;
        try {
            if (transactional)
                await driver.begin();
            for (const file of segment) {
                opts.signal.throwIfAborted();
                current = file;
                opts.logger.info(`applying ${file.file}${file.noTransaction ? ' (no transaction)' : ''}`);
                const t0 = performance.now();
                await driver.execScript(file.sql, { noTransaction: file.noTransaction });
                const durationMs = Math.round(performance.now() - t0);
                await recordApplied(driver, { ...file, durationMs, appliedBy: opts.appliedBy, kind: 'applied' });
                pending.push({ version: file.version, name: file.name, file: file.file, durationMs });
            }
            if (transactional)
                await driver.commit();
            committed.push(...pending);
        }
        catch (error) {
            if (transactional)
                await driver.rollback().catch(() => undefined);
            const failed = current ?? segment[0];
            const line = failed ? lineOf(failed.sql, error) : undefined;
            return {
                committed,
                // Without transactional DDL (MySQL) the statements already ran: they count as committed.
                rolledBack: driver.transactionalDdl ? pending.map((p) => p.version) : [],
                failure: {
                    version: failed?.version ?? '',
                    file: failed?.file ?? '',
                    ...(line ? { line } : {}),
                    message: error.message,
                },
                ...(driver.transactionalDdl ? {} : { committed: [...committed, ...pending] }),
            };
        }
    }
    return { committed, rolledBack: [] };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/stages/migrate/exec.ts

/** Runs a program without a shell; stdin from a file when given. Never rejects on a non-zero exit. */
function execFile(command, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, {
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
            void Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3024, 23)).then(({ createReadStream }) => {
                createReadStream(opts.stdinFile).pipe(child.stdin);
            });
        }
    });
}

;// CONCATENATED MODULE: ./src/stages/migrate/backup.ts





/** Credentials go through the environment or a 0600 file, never the command line (visible in `ps`). */
function pgEnv(url) {
    const u = new URL(url);
    const env = { ...process.env };
    if (u.password)
        env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
    return { url: u.toString(), env };
}
async function mysqlArgs(url) {
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
function stamp() {
    return new Date().toISOString().replace(/[:.]/g, '-');
}
/** Takes a backup before anything is applied; returns its path. */
async function takeBackup(target, driver, backupDir) {
    await (0,promises_.mkdir)(backupDir, { recursive: true });
    switch (target.kind) {
        case 'postgres': {
            const file = external_node_path_default().join(backupDir, `shipkit-${stamp()}.dump`);
            const { url, env } = pgEnv(target.location);
            const r = await execFile('pg_dump', ['-Fc', '--file', file, '--dbname', url], { env });
            if (r.code !== 0)
                throw new errors/* UserError */.yo(`pg_dump failed (exit ${r.code}): ${r.stderr.trim()}`, { input: 'backup' });
            return file;
        }
        case 'mysql': {
            const file = external_node_path_default().join(backupDir, `shipkit-${stamp()}.sql`);
            const { args, database, cleanup } = await mysqlArgs(target.location);
            try {
                // --databases with --add-drop-database: restoring drops what the failed run created, too.
                const r = await execFile('mysqldump', [
                    ...args,
                    '--single-transaction',
                    '--routines',
                    '--triggers',
                    '--events',
                    '--add-drop-database',
                    `--result-file=${file}`,
                    '--databases',
                    database,
                ]);
                if (r.code !== 0)
                    throw new errors/* UserError */.yo(`mysqldump failed (exit ${r.code}): ${r.stderr.trim()}`, { input: 'backup' });
            }
            finally {
                await cleanup();
            }
            return file;
        }
        case 'sqlite': {
            const file = external_node_path_default().join(backupDir, `shipkit-${stamp()}.sqlite`);
            // VACUUM INTO writes a consistent copy through SQLite itself.
            await driver.query('VACUUM INTO ?', [external_node_path_default().resolve(file)]);
            return file;
        }
        case 'pglite':
            throw new errors/* UserError */.yo('backup: true is not available for pglite: copy its directory instead', { input: 'backup' });
    }
}
async function pgObjects(driver) {
    const schemas = await driver.query(`SELECT nspname AS n FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`);
    const relations = await driver.query(`SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'`);
    return {
        schemas: schemas.map((r) => String(r.n)),
        relations: relations.map((r) => ({ schema: String(r.schema), name: String(r.name), kind: String(r.kind) })),
    };
}
const quote = (name) => `"${name.replace(/"/g, '""')}"`;
/**
 * pg_restore --clean drops and recreates what the dump holds, but not what the failed run added:
 * those relations and schemas are dropped first, so the restore lands exactly on the old state.
 */
async function dropNewPgObjects(driver, before) {
    const now = await pgObjects(driver);
    const had = new Set(before.relations.map((r) => `${r.schema}.${r.name}`));
    const keyword = {
        r: 'TABLE',
        p: 'TABLE',
        f: 'FOREIGN TABLE',
        v: 'VIEW',
        m: 'MATERIALIZED VIEW',
        S: 'SEQUENCE',
    };
    for (const schema of now.schemas.filter((s) => !before.schemas.includes(s))) {
        await driver.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
    }
    // Tables first: their CASCADE takes dependent views and owned sequences along.
    const order = ['r', 'p', 'f', 'm', 'v', 'S'];
    const fresh = now.relations
        .filter((r) => !had.has(`${r.schema}.${r.name}`))
        .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    for (const r of fresh) {
        await driver.query(`DROP ${keyword[r.kind] ?? 'TABLE'} IF EXISTS ${quote(r.schema)}.${quote(r.name)} CASCADE`);
    }
}
/** Puts the database back as the backup has it. */
async function restoreBackup(target, file, driver, before) {
    switch (target.kind) {
        case 'postgres': {
            if (before)
                await dropNewPgObjects(driver, before);
            const { url, env } = pgEnv(target.location);
            const r = await execFile('pg_restore', ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--dbname', url, file], { env });
            if (r.code !== 0)
                throw new Error(`pg_restore failed (exit ${r.code}): ${r.stderr.trim()}`);
            return;
        }
        case 'mysql': {
            const { args, cleanup } = await mysqlArgs(target.location);
            try {
                const r = await execFile('mysql', [...args], { stdinFile: file });
                if (r.code !== 0)
                    throw new Error(`mysql restore failed (exit ${r.code}): ${r.stderr.trim()}`);
            }
            finally {
                await cleanup();
            }
            return;
        }
        default:
            throw new Error(`restoring a backup is not supported for ${target.kind}`);
    }
}

// EXTERNAL MODULE: ./node_modules/mysql2/promise.js
var promise = __webpack_require__(7588);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/types.ts
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
/** 64-bit advisory lock key: stable across runs, derived from a name nobody else will use. */
const LOCK_NAME = 'shipkit_migrations';
/** A database value as text for messages (rows are `unknown`-typed). */
function asText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    return value === null || value === undefined ? '' : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/stages/migrate/drivers/mysql.ts


/** MySQL and MariaDB. DDL commits implicitly here, so undoing a failed run is the rollback strategy's job. */
class MysqlDriver {
    conn;
    dialect = 'mysql';
    transactionalDdl = false;
    constructor(conn) {
        this.conn = conn;
    }
    static async connect(url, owner) {
        const conn = await promise.createConnection({
            uri: url,
            multipleStatements: true,
            // Visible to others in performance_schema.session_connect_attrs: how a waiting run names the holder.
            connectAttributes: { program_name: 'shipkit migrate', shipkit_owner: owner.label.slice(0, 500) },
        });
        return new MysqlDriver(conn);
    }
    async query(sql, params = []) {
        const [rows] = await this.conn.query(sql, params);
        return Array.isArray(rows) ? rows : [];
    }
    async execScript(sql) {
        await this.conn.query(sql);
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
    async lock(timeoutMs, signal) {
        const started = Date.now();
        for (;;) {
            // Short GET_LOCK waits, so a cancelled run stops waiting promptly.
            const rows = await this.query('SELECT GET_LOCK(?, 0) AS ok', [LOCK_NAME]);
            if (Number(rows[0]?.ok) === 1)
                return { waitedMs: Date.now() - started };
            const waited = Date.now() - started;
            if (waited >= timeoutMs)
                throw new LockTimeout(waited, await this.holder());
            await sleep(Math.min(250, timeoutMs - waited), signal);
        }
    }
    async holder() {
        const id = (await this.query('SELECT IS_USED_LOCK(?) AS id', [LOCK_NAME]))[0]?.id;
        if (id === null || id === undefined)
            return undefined;
        const parts = [`connection ${asText(id)}`];
        try {
            const attrs = await this.query(`SELECT ATTR_VALUE AS v FROM performance_schema.session_connect_attrs WHERE PROCESSLIST_ID = ? AND ATTR_NAME = 'shipkit_owner'`, [id]);
            if (attrs[0]?.v)
                parts.push(asText(attrs[0].v));
        }
        catch {
            // performance_schema is off (MariaDB's default): the process list below is all there is.
        }
        const proc = (await this.query('SELECT USER, HOST, TIME, INFO FROM information_schema.PROCESSLIST WHERE ID = ?', [id]))[0];
        if (proc) {
            parts.push(`${asText(proc.USER)}@${asText(proc.HOST)}`);
            if (proc.INFO)
                parts.push(`running '${asText(proc.INFO).slice(0, 80)}' for ${asText(proc.TIME)}s`);
        }
        return parts.join(', ');
    }
    async unlock() {
        await this.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
    async close() {
        await this.conn.end();
    }
}

// EXTERNAL MODULE: ./node_modules/libpg-query/wasm/index.cjs
var wasm = __webpack_require__(2627);
;// CONCATENATED MODULE: ./src/stages/migrate/sql/postgres-parse.ts

class SqlSyntaxError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
        this.name = 'SqlSyntaxError';
    }
}
function lineAt(text, index) {
    let line = 1;
    for (let i = 0; i < index && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
/** Skips blanks and comments, which the parser's location may include, to land on the first token. */
function firstToken(text, from) {
    let i = from;
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
    let result;
    try {
        result = await (0,wasm.parse)(sql);
    }
    catch (error) {
        const details = error.sqlDetails;
        const pos = details?.cursorPosition;
        const line = pos !== undefined && pos >= 0 ? lineAt(Buffer.from(sql).subarray(0, pos).toString(), Infinity) : undefined;
        throw new SqlSyntaxError(error.message, line);
    }
    // Locations are byte offsets into the UTF-8 text.
    const bytes = Buffer.from(sql);
    return (result.stmts ?? []).map((s) => {
        const start = s.stmt_location ?? 0;
        const end = s.stmt_len ? start + s.stmt_len : bytes.length;
        const prefix = bytes.subarray(0, start).toString();
        const text = bytes.subarray(start, end).toString();
        const first = firstToken(text, 0);
        return {
            text: text.slice(first),
            line: lineAt(prefix, Infinity) + lineAt(text, first) - 1,
            node: s.stmt ?? {},
        };
    });
}
async function splitPostgres(sql) {
    return parsePostgres(sql);
}

;// CONCATENATED MODULE: ./src/stages/migrate/drivers/file-lock.ts




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
    async acquire(timeoutMs, signal) {
        const started = Date.now();
        await (0,promises_.mkdir)(external_node_path_default().dirname(this.file), { recursive: true });
        let tookOverFrom;
        for (;;) {
            try {
                const handle = await (0,promises_.open)(this.file, 'wx');
                const me = {
                    pid: process.pid,
                    host: external_node_os_default().hostname(),
                    owner: this.owner,
                    since: new Date().toISOString(),
                };
                await handle.writeFile(JSON.stringify(me));
                await handle.close();
                this.held = true;
                return { waitedMs: Date.now() - started, ...(tookOverFrom ? { tookOverFrom } : {}) };
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
            }
            const holder = await this.readHolder();
            if (holder && holder.host === external_node_os_default().hostname() && !alive(holder.pid)) {
                tookOverFrom = holder;
                await (0,promises_.unlink)(this.file).catch(() => undefined);
                continue;
            }
            const waited = Date.now() - started;
            if (waited >= timeoutMs) {
                throw new LockTimeout(waited, holder
                    ? `${holder.owner}, pid ${holder.pid} on ${holder.host} since ${holder.since}`
                    : `lock file ${this.file}`);
            }
            await sleep(Math.min(250, timeoutMs - waited), signal);
        }
    }
    async readHolder() {
        try {
            return JSON.parse(await (0,promises_.readFile)(this.file, 'utf8'));
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
        await (0,promises_.unlink)(this.file).catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/postgres.ts



// pg_try_advisory_lock(int4, int4): two halves of a key shown in pg_locks as classid/objid.
const KEY1 = 0x5348_4950; // 'SHIP'
const KEY2 = 0x4d49_4752; // 'MIGR'
const POLL_MS = 250;
function toPositional(sql) {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
}
class PostgresDriver {
    client;
    dialect = 'postgres';
    transactionalDdl = true;
    constructor(client) {
        this.client = client;
    }
    static async connect(url, owner) {
        // application_name is how a waiting run (and a DBA in pg_stat_activity) sees who holds the lock; 63 bytes max.
        const client = new esm/* default.Client */.Ay.Client({ connectionString: url, application_name: `shipkit ${owner.label}`.slice(0, 63) });
        await client.connect();
        // A killed run's backend would otherwise go on (inside pg_sleep, a long UPDATE…) holding the
        // lock and its transaction until it next talks to the dead socket. PostgreSQL 14+ can poll for it.
        await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
        return new PostgresDriver(client);
    }
    async query(sql, params = []) {
        return (await this.client.query(toPositional(sql), params)).rows;
    }
    async execScript(sql, opts) {
        if (!opts.noTransaction) {
            await this.client.query(sql);
            return;
        }
        // A multi-statement query string is one implicit transaction block, where CREATE INDEX
        // CONCURRENTLY and friends are refused: send the statements one by one.
        for (const statement of await splitPostgres(sql))
            await this.client.query(statement.text);
    }
    async begin() {
        await this.client.query('BEGIN');
    }
    async commit() {
        await this.client.query('COMMIT');
    }
    async rollback() {
        await this.client.query('ROLLBACK');
    }
    async lock(timeoutMs, signal) {
        const started = Date.now();
        for (;;) {
            const rows = await this.query('SELECT pg_try_advisory_lock(?::int4, ?::int4) AS ok', [KEY1, KEY2]);
            if (rows[0]?.ok === true)
                return { waitedMs: Date.now() - started };
            const waited = Date.now() - started;
            if (waited >= timeoutMs)
                throw new LockTimeout(waited, await this.holder());
            await sleep(Math.min(POLL_MS, timeoutMs - waited), signal);
        }
    }
    async holder() {
        const rows = await this.query(`SELECT a.pid, a.application_name, a.usename, a.client_addr::text AS addr, a.backend_start
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.classid = ?::int4::oid AND l.objid = ?::int4::oid AND l.objsubid = 2 AND l.granted`, [KEY1, KEY2]);
        const r = rows[0];
        if (!r)
            return undefined;
        const since = asText(r.backend_start);
        return `pid ${asText(r.pid)}, application_name '${asText(r.application_name)}', user ${asText(r.usename)}${r.addr ? ` from ${asText(r.addr)}` : ''}, connected since ${since}`;
    }
    async unlock() {
        await this.query('SELECT pg_advisory_unlock(?::int4, ?::int4)', [KEY1, KEY2]);
    }
    async close() {
        await this.client.end();
    }
}
const POSTGRES_LOCK = { name: LOCK_NAME, key1: KEY1, key2: KEY2 };

;// CONCATENATED MODULE: ./src/stages/migrate/drivers/pglite.ts






/**
 * PGlite's loader does not survive ncc bundling (its CommonJS build reads __filename, its ESM build
 * loads chunks), so it is imported at run time from node_modules: present for `npx shipkit` (a
 * dependency of the package) and in a clone after `npm ci`, but not inside an action's dist/.
 */
async function loadPglite() {
    try {
        const mod = (await import(/* webpackIgnore: true */ '@electric-sql/pglite'));
        return mod.PGlite;
    }
    catch (error) {
        throw new errors/* UserError */.yo(`the embedded database (pglite) needs the @electric-sql/pglite package, which is not installed here: ${error.message.split('\n')[0] ?? ''}. Pass database-url for a server instead.`, { input: 'database-url' });
    }
}
/** PostgreSQL compiled to WebAssembly, in a directory: the zero-setup database of the CLI. */
class PgliteDriver {
    db;
    fileLock;
    dialect = 'postgres';
    transactionalDdl = true;
    constructor(db, fileLock) {
        this.db = db;
        this.fileLock = fileLock;
    }
    /** PGlite cannot share its directory between processes: the file lock is taken before it is opened. */
    static async open(dir, owner, timeoutMs, signal) {
        const fileLock = new FileLock(`${dir}.lock`, owner.label);
        const { waitedMs } = await fileLock.acquire(timeoutMs, signal);
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(dir), { recursive: true });
            const db = new (await loadPglite())(dir);
            await db.waitReady;
            return { driver: new PgliteDriver(db, fileLock), waitedMs };
        }
        catch (error) {
            await fileLock.release();
            throw error;
        }
    }
    async query(sql, params = []) {
        return (await this.db.query(toPositional(sql), params)).rows;
    }
    async execScript(sql, opts) {
        if (!opts.noTransaction) {
            await this.db.exec(sql);
            return;
        }
        for (const statement of await splitPostgres(sql))
            await this.db.exec(statement.text);
    }
    async begin() {
        await this.db.exec('BEGIN');
    }
    async commit() {
        await this.db.exec('COMMIT');
    }
    async rollback() {
        await this.db.exec('ROLLBACK');
    }
    /** Already held since open(): nobody else can have the directory open. */
    lock() {
        return Promise.resolve({ waitedMs: 0 });
    }
    async unlock() {
        // Released in close(), after the directory is closed.
    }
    async close() {
        await this.db.close();
        await this.fileLock.release();
    }
}

// EXTERNAL MODULE: ./node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.js
var node_sqlite3_wasm = __webpack_require__(1183);
var node_sqlite3_wasm_default = /*#__PURE__*/__webpack_require__.n(node_sqlite3_wasm);
;// CONCATENATED MODULE: ./src/stages/migrate/drivers/sqlite.ts




/**
 * SQLite through node-sqlite3-wasm: SQLite compiled to WebAssembly with a VFS over node:fs, so it
 * reads and writes the real file and bundles as a fixed .wasm asset (no native build in CI).
 */
class SqliteDriver {
    db;
    fileLock;
    dialect = 'sqlite';
    transactionalDdl = true;
    constructor(db, fileLock) {
        this.db = db;
        this.fileLock = fileLock;
    }
    static async open(file, owner, timeoutMs, signal) {
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        // The wasm VFS locks with a `<file>.lock` directory that a killed process leaves behind; shipkit's
        // own pid file lock decides when that is stale.
        const fileLock = new FileLock(`${file}.shipkit-lock`, owner.label);
        const { waitedMs, tookOverFrom } = await fileLock.acquire(timeoutMs, signal);
        if (tookOverFrom) {
            await (0,promises_.rm)(`${file}.lock`, { recursive: true, force: true });
        }
        try {
            return { driver: new SqliteDriver(new (node_sqlite3_wasm_default()).Database(file), fileLock), waitedMs };
        }
        catch (error) {
            await fileLock.release();
            throw error;
        }
    }
    query(sql, params = []) {
        return Promise.resolve(this.db.all(sql, params));
    }
    execScript(sql) {
        this.db.exec(sql);
        return Promise.resolve();
    }
    /** EXCLUSIVE: no other connection reads or writes the file until the run commits or rolls back. */
    begin() {
        this.db.exec('BEGIN EXCLUSIVE');
        return Promise.resolve();
    }
    commit() {
        this.db.exec('COMMIT');
        return Promise.resolve();
    }
    rollback() {
        if (this.db.inTransaction)
            this.db.exec('ROLLBACK');
        return Promise.resolve();
    }
    lock() {
        return Promise.resolve({ waitedMs: 0 });
    }
    unlock() {
        return Promise.resolve();
    }
    async close() {
        this.db.close();
        await this.fileLock.release();
    }
}

;// CONCATENATED MODULE: ./src/stages/migrate/connect.ts




/**
 * Opens the database and takes the migration lock. Embedded databases lock before opening (their
 * file lock is the only guard); servers lock on the session, so a killed run's lock dies with it.
 */
async function connectAndLock(target, owner, opts) {
    switch (target.kind) {
        case 'pglite':
            return PgliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal);
        case 'sqlite':
            return SqliteDriver.open(target.location, owner, opts.timeoutMs, opts.signal);
        case 'postgres':
        case 'mysql': {
            const driver = target.kind === 'postgres'
                ? await PostgresDriver.connect(target.location, owner)
                : await MysqlDriver.connect(target.location, owner);
            if (!opts.lock)
                return { driver, waitedMs: 0 };
            try {
                const { waitedMs } = await driver.lock(opts.timeoutMs, opts.signal);
                return { driver, waitedMs };
            }
            catch (error) {
                await driver.close().catch(() => undefined);
                throw error;
            }
        }
    }
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __webpack_require__(1855);
;// CONCATENATED MODULE: ./src/core/report/schema.ts


/** JSON Schema of the fields every stage report has; stages may add a schema for their own keys. */
const baseReportSchema = {
    $id: 'https://shipkit.dev/schemas/report-v1.json',
    type: 'object',
    required: [
        'schemaVersion',
        'stage',
        'status',
        'summary',
        'startedAt',
        'finishedAt',
        'durationMs',
        'run',
        'gates',
        'warnings',
    ],
    properties: {
        schemaVersion: { const: types/* REPORT_SCHEMA_VERSION */.W },
        stage: { enum: [...types/* STAGES */.a] },
        status: { enum: ['pass', 'fail', 'warn'] },
        summary: { type: 'string' },
        startedAt: { type: 'string', format: 'date-time' },
        finishedAt: { type: 'string', format: 'date-time' },
        durationMs: { type: 'number', minimum: 0 },
        run: {
            type: 'object',
            additionalProperties: false,
            properties: {
                repository: { type: 'string' },
                runId: { type: 'string' },
                runAttempt: { type: 'string' },
                job: { type: 'string' },
                sha: { type: 'string' },
                ref: { type: 'string' },
                url: { type: 'string' },
                shard: { type: 'string' },
            },
        },
        gates: {
            type: 'array',
            items: {
                type: 'object',
                required: ['name', 'passed', 'required', 'actual'],
                additionalProperties: false,
                properties: {
                    name: { type: 'string', minLength: 1 },
                    passed: { type: 'boolean' },
                    required: { type: ['number', 'string', 'boolean', 'null'] },
                    actual: { type: ['number', 'string', 'boolean', 'null'] },
                    unit: { type: 'string' },
                    detail: { type: 'string' },
                },
            },
        },
        warnings: { type: 'array', items: { type: 'string' } },
    },
};
const schema_ajv = new ajv.Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map();
function compiled(schema) {
    let fn = validators.get(schema);
    if (!fn) {
        fn = schema_ajv.compile(schema);
        validators.set(schema, fn);
    }
    return fn;
}
function describe(errors) {
    return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}
/**
 * Throws when `report` does not match the base schema (and the stage's schema, if given).
 * A report that fails here is a shipkit bug, not a user mistake, so this throws a plain Error.
 */
function assertValidReport(report, stageSchema) {
    const base = compiled(baseReportSchema);
    if (!base(report))
        throw new Error(`stage report does not match its schema: ${describe(base.errors)}`);
    if (stageSchema) {
        const own = compiled(stageSchema);
        if (!own(report))
            throw new Error(`stage report does not match its stage schema: ${describe(own.errors)}`);
    }
}

// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
;// CONCATENATED MODULE: ./src/core/report/index.ts




;// CONCATENATED MODULE: ./src/stages/migrate/outcome.ts

const SQL_IN_COMMENT = 1500;
function fence(sql, max) {
    const body = sql.length > max ? `${sql.slice(0, max)}\n-- … (${sql.length - max} more characters)` : sql;
    return `\`\`\`sql\n${body.replace(/```/g, '` ` `').trimEnd()}\n\`\`\``;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function buildOutcome(r, ctx) {
    const applied = r.applied ?? [];
    const appliedSet = new Set(applied.map((a) => a.version));
    const pending = r.pendingBefore.filter((f) => !appliedSet.has(f.version));
    const gates = [];
    if (r.lock) {
        gates.push({
            name: 'lock',
            passed: r.lock.acquired,
            required: `within ${Math.round(r.options.lockTimeoutMs / 1000)}s`,
            actual: r.lock.acquired ? `${Math.round(r.lock.waitedMs)}ms` : null,
            ...(r.lock.acquired ? {} : { detail: `held by ${r.lock.holder ?? 'an unknown session'}` }),
        });
    }
    if (r.options.tool === 'shipkit' && r.lock?.acquired) {
        gates.push({
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
                        .slice(0, 500),
                }
                : {}),
        });
    }
    if (r.failure) {
        gates.push({
            name: 'apply',
            passed: false,
            required: 'all pending applied',
            actual: `failed at ${r.failure.file}`,
            detail: `${r.failure.message}${r.restored ? `; ${r.restored}` : ''}`.slice(0, 500),
        });
    }
    if (r.tool) {
        gates.push({
            name: `${r.tool.name} exit code`,
            passed: r.tool.exitCode === 0,
            required: 0,
            actual: r.tool.exitCode,
            ...(r.restored ? { detail: r.restored } : {}),
        });
    }
    const where = r.target.display;
    const mode = r.options.dryRun ? 'dry run' : 'run';
    let summary;
    if (r.lock && !r.lock.acquired)
        summary = `could not get the migration lock on ${where}`;
    else if (r.tool)
        summary = `${r.tool.name} ${r.tool.exitCode === 0 ? 'applied its migrations' : `failed (exit ${r.tool.exitCode})`}${r.restored ? `; ${r.restored}` : ''}`;
    else if (r.failure)
        summary = `${r.failure.file} failed; ${applied.length} applied, ${r.restored ?? (r.rolledBack?.length ? `rolled back ${r.rolledBack.join(', ')}` : 'nothing applied')}`;
    else if (r.blocked)
        summary = `blocked: ${r.findings.length} destructive statement(s) in ${pending.length} pending migration(s); set allow-destructive: true to apply`;
    else if (r.options.dryRun)
        summary = `${mode}: ${pending.length} pending migration(s) on ${where}`;
    else
        summary =
            applied.length === 0
                ? `up to date: nothing pending on ${where}`
                : `applied ${applied.length} migration(s) to ${where}`;
    const report = (0,build/* buildReport */.FK)({
        stage: 'migrate',
        startedAt: r.startedAt,
        run: ctx.run,
        gates,
        warnings: r.warnings,
        summary,
        failed: Boolean(r.failure) || Boolean(r.blocked),
        data: {
            migrations: {
                database: { kind: r.target.kind, url: r.target.display },
                dir: r.options.dir,
                tool: r.options.tool,
                dryRun: r.options.dryRun,
                transaction: r.options.transaction,
                rollback: r.rollback,
                applied: applied.map((a) => ({ version: a.version, name: a.name, file: a.file, durationMs: a.durationMs })),
                pending: pending.map((f) => ({
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
            },
        },
    });
    const annotations = r.findings.map((f) => ({
        level: r.options.allowDestructive ? 'warning' : 'error',
        title: `destructive migration: ${f.kind}`,
        message: f.detail,
        file: f.file,
        startLine: f.line,
    }));
    if (r.failure) {
        annotations.push({
            level: 'error',
            title: 'migration failed',
            message: r.failure.message,
            file: r.failure.file,
            ...(r.failure.line ? { startLine: r.failure.line } : {}),
        });
    }
    const planRows = pending.map((f) => {
        const found = r.findings.filter((x) => x.file === f.file);
        return `| \`${f.version}\` | \`${escapeCell(f.file)}\` | ${f.noTransaction ? 'no transaction' : ''} | ${found.map((x) => `⚠ ${x.kind} (line ${x.line})`).join('<br>') || '—'} |`;
    });
    const planTable = pending.length
        ? ['| version | file | | analysis |', '|---|---|---|---|', ...planRows].join('\n')
        : '_No pending migrations._';
    const findingList = r.findings.length
        ? `\n\n**Destructive statements** (${r.options.allowDestructive ? 'allowed' : 'blocking: set `allow-destructive: true` to apply'}):\n${r.findings.map((f) => `- \`${f.file}:${f.line}\` **${f.kind}**: ${escapeCell(f.detail)}`).join('\n')}`
        : '';
    let budget = 20_000;
    const sqlBlocks = pending
        .map((f) => {
        const block = `<details><summary>${f.file}</summary>\n\n${fence(f.sql, Math.min(SQL_IN_COMMENT, Math.max(0, budget)))}\n\n</details>`;
        budget -= block.length;
        return budget > 0 ? block : '';
    })
        .join('\n');
    const head = `**${summary}**`;
    const comment = [head, '', planTable + findingList, sqlBlocks ? `\n${sqlBlocks}` : ''].join('\n').trim();
    const historyTable = r.history.length
        ? [
            '| version | name | applied at | ms | by |',
            '|---|---|---|---|---|',
            ...r.history
                .slice(-50)
                .map((h) => `| \`${h.version}\` | ${escapeCell(h.name)} | ${h.appliedAt} | ${h.durationMs} | ${escapeCell(h.kind === 'baseline' ? `baseline (${h.appliedBy})` : h.appliedBy)} |`),
        ].join('\n')
        : '_No history yet._';
    const summarySections = [
        {
            markdown: `## Migrate\n\n${head}\n\nDatabase: \`${where}\` · transaction: ${r.options.transaction} · rollback: ${r.rollback}${r.backupPath ? ` · backup: \`${r.backupPath}\`` : ''}`,
            priority: 0,
        },
        { markdown: `### Plan\n\n${planTable}${findingList}`, priority: 1, label: 'plan' },
        { markdown: `### History\n\n${historyTable}`, priority: 3, label: 'history' },
    ];
    if (sqlBlocks)
        summarySections.push({ markdown: `### SQL\n\n${sqlBlocks}`, priority: 5, label: 'SQL of pending migrations' });
    if (r.tool)
        summarySections.push({
            markdown: `### ${r.tool.name}\n\n\`${r.tool.applyCommand}\` exited ${r.tool.exitCode}\n\n\`\`\`\n${r.tool.output}\n\`\`\``,
            priority: 2,
            label: 'tool output',
        });
    const text = [`Database: ${where}`];
    if (r.lock && !r.lock.acquired)
        text.push(`Lock held by: ${r.lock.holder ?? 'unknown'}`);
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
    if (r.backupPath)
        text.push(`  backup   ${r.backupPath}`);
    if (r.tool)
        text.push(`${r.tool.name}: ${r.tool.applyCommand} → exit ${r.tool.exitCode}\n${r.tool.output}`);
    return {
        report,
        outputs: {
            applied: applied.map((a) => a.version).join(','),
            pending: pending.map((f) => f.version).join(','),
            'backup-path': r.backupPath ?? '',
        },
        summary: summarySections,
        comment,
        annotations,
        text: text.join('\n'),
    };
}

;// CONCATENATED MODULE: ./src/stages/migrate/run-tool.ts




function tail(text, max = 4000) {
    return text.length > max ? `…${text.slice(-max)}` : text;
}
/**
 * Another tool's migrations inside shipkit's wrapper: the caller holds shipkit's lock; a backup is
 * taken first when configured, the tool's status is recorded before and after, and a failed apply is
 * rolled back from the backup.
 */
async function runTool(options, target, driver, ctx) {
    const name = options.tool;
    const defaults = toolCommands(name, options.dir);
    const applyCommand = options.toolCommand ?? defaults.apply;
    const statusCommand = options.toolStatusCommand ?? defaults.status;
    const env = { ...ctx.env, ...toolEnv(name, target), SHIPKIT_MIGRATIONS_DIR: options.dir };
    const sh = (command) => execFile('sh', ['-c', command], { env, cwd: ctx.cwd, signal: ctx.signal });
    const wantsBackup = options.backup ||
        options.rollback === 'backup' ||
        (options.rollback === 'auto' && target.kind !== 'pglite' && target.kind !== 'sqlite');
    const backupPath = wantsBackup
        ? await takeBackup(target, driver, external_node_path_default().resolve(ctx.cwd, options.backupDir))
        : undefined;
    const objectsBefore = backupPath && target.kind === 'postgres' ? await pgObjects(driver) : undefined;
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
    if (applied.code !== 0 &&
        backupPath &&
        (target.kind === 'postgres' || target.kind === 'mysql') &&
        options.rollback !== 'none') {
        await restoreBackup(target, backupPath, driver, objectsBefore);
        return { tool, backupPath, restored: `backup ${backupPath}` };
    }
    return { tool, ...(backupPath ? { backupPath } : {}) };
}

// EXTERNAL MODULE: ./node_modules/node-sql-parser/index.js
var node_sql_parser = __webpack_require__(6519);
var node_sql_parser_default = /*#__PURE__*/__webpack_require__.n(node_sql_parser);
;// CONCATENATED MODULE: ./src/stages/migrate/sql/split-statements.ts
/**
 * Splits MySQL/SQLite script text at top-level semicolons, so each statement can be given to the
 * parser alone and findings carry their own line (node-sql-parser reports no statement positions).
 * It only has to know where strings, quoted names and comments start and end; the grammar is the
 * parser's job.
 */
function splitStatements(sql) {
    const out = [];
    let start = 0;
    let line = 1;
    let startLine;
    let i = 0;
    const push = (end) => {
        const text = sql.slice(start, end).trim();
        if (text !== '' && startLine !== undefined)
            out.push({ text, line: startLine });
        start = end + 1;
        startLine = undefined;
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
        if ((c === '-' && next === '-') || c === '#') {
            while (i < sql.length && sql[i] !== '\n')
                i++;
            continue;
        }
        if (c === '/' && next === '*') {
            const end = sql.indexOf('*/', i + 2);
            const stop = end < 0 ? sql.length : end + 2;
            for (let k = i; k < stop; k++)
                if (sql[k] === '\n')
                    line++;
            i = stop;
            continue;
        }
        startLine ??= line;
        if (c === "'" || c === '"' || c === '`') {
            i++;
            while (i < sql.length && sql[i] !== c) {
                if (sql[i] === '\\' && c !== '`')
                    i++;
                if (sql[i] === '\n')
                    line++;
                i++;
            }
            i++;
            continue;
        }
        if (c === ';')
            push(i);
        i++;
    }
    push(sql.length);
    return out;
}

;// CONCATENATED MODULE: ./src/stages/migrate/sql/analyze-mysql.ts


const obj = (v) => (v !== null && typeof v === 'object' ? v : {});
const arr = (v) => (Array.isArray(v) ? v : []);
const str = (v) => (typeof v === 'string' ? v : '');
const parser = new (node_sql_parser_default()).Parser();
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
/** MySQL/MariaDB and SQLite statements through node-sql-parser's grammar for that dialect. */
function analyzeMysqlLike(file, created, dialect) {
    const findings = [];
    for (const { text, line } of splitStatements(file.sql)) {
        let stmt;
        try {
            const { ast } = parser.parse(text, { database: dialect === 'mysql' ? 'MariaDB' : 'Sqlite' });
            stmt = Array.isArray(ast) ? ast[0] : ast;
        }
        catch (error) {
            findings.push({
                file: file.file,
                line,
                kind: 'unparsed',
                target: '',
                detail: `the SQL parser could not read this statement, so it cannot be shown to be safe: ${error.message.slice(0, 160)}`,
            });
            continue;
        }
        const s = obj(stmt);
        const add = (kind, target, detail) => {
            findings.push({ file: file.file, line, kind, target, detail });
        };
        const type = str(s.type);
        const keyword = str(s.keyword).toLowerCase();
        if (type === 'create' && keyword === 'table')
            for (const t of arr(s.table))
                created.add(tableName(t));
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
            add('delete-without-where', tableName(arr(s.from)[0]), `DELETE without WHERE`);
        if (type === 'update' && !s.where)
            add('update-without-where', tableName(arr(s.table)[0]), `UPDATE without WHERE`);
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
                    add('type-change', `${table}.${col}`, `${action.toUpperCase()} COLUMN ${col} may truncate or fail to convert`);
                }
                if (action === 'add' && resource === 'column' && !created.has(table)) {
                    const def = obj(x.definition);
                    const nullable = obj(x.nullable ?? def.nullable);
                    const notNull = str(nullable.type).toLowerCase() === 'not null';
                    if (notNull && !(x.default_val ?? def.default_val)) {
                        add('not-null-without-default', `${table}.${columnName(x.column)}`, `ADD COLUMN ${columnName(x.column)} NOT NULL without DEFAULT on existing table ${table}`);
                    }
                }
            }
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/stages/migrate/sql/analyze-postgres.ts


const analyze_postgres_obj = (v) => (v !== null && typeof v === 'object' ? v : {});
const analyze_postgres_arr = (v) => (Array.isArray(v) ? v : []);
const analyze_postgres_str = (v) => (typeof v === 'string' ? v : '');
function relName(rangeVar) {
    const r = analyze_postgres_obj(rangeVar);
    return [analyze_postgres_str(r.schemaname), analyze_postgres_str(r.relname)].filter(Boolean).join('.');
}
/** `[{String:{sval:'public'}},{String:{sval:'users'}}]` → `public.users`. */
function qualified(list) {
    return analyze_postgres_arr(list)
        .map((n) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(n).String).sval))
        .filter(Boolean)
        .join('.');
}
function typeName(typeNode) {
    const t = analyze_postgres_obj(typeNode);
    const names = analyze_postgres_arr(t.names)
        .map((n) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(n).String).sval))
        .filter((n) => n !== 'pg_catalog');
    const mods = analyze_postgres_arr(t.typmods).map((m) => {
        const n = analyze_postgres_obj(analyze_postgres_obj(analyze_postgres_obj(m).A_Const).ival).ival;
        return typeof n === 'number' ? String(n) : '';
    });
    return `${names.join('.')}${mods.length ? `(${mods.join(',')})` : ''}`;
}
const LOSSLESS_TARGETS = new Set(['text']);
async function analyzePostgres(file, created) {
    let statements;
    try {
        statements = await parsePostgres(file.sql);
    }
    catch (error) {
        if (error instanceof SqlSyntaxError) {
            // PostgreSQL itself would refuse this file: say so now, before anything runs.
            throw new errors/* UserError */.yo(`syntax error: ${error.message}`, {
                file: file.file,
                ...(error.line ? { line: error.line } : {}),
            });
        }
        throw error;
    }
    const findings = [];
    for (const { node, line } of statements) {
        const add = (kind, target, detail) => {
            findings.push({ file: file.file, line, kind, target, detail });
        };
        const [type, raw] = Object.entries(node)[0] ?? ['', {}];
        const s = analyze_postgres_obj(raw);
        switch (type) {
            case 'CreateStmt':
                created.add(relName(s.relation));
                break;
            case 'DropStmt': {
                const what = analyze_postgres_str(s.removeType);
                for (const o of analyze_postgres_arr(s.objects)) {
                    const name = qualified(analyze_postgres_obj(analyze_postgres_obj(o).List).items) || analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(o).String).sval);
                    if (what === 'OBJECT_TABLE')
                        add('drop-table', name, `DROP TABLE ${name}`);
                    if (what === 'OBJECT_SCHEMA')
                        add('drop-schema', name, `DROP SCHEMA ${name}${s.behavior === 'DROP_CASCADE' ? ' CASCADE' : ''}`);
                }
                break;
            }
            case 'DropdbStmt':
                add('drop-schema', analyze_postgres_str(s.dbname), `DROP DATABASE ${analyze_postgres_str(s.dbname)}`);
                break;
            case 'TruncateStmt':
                for (const r of analyze_postgres_arr(s.relations))
                    add('truncate', relName(analyze_postgres_obj(r).RangeVar), `TRUNCATE ${relName(analyze_postgres_obj(r).RangeVar)}`);
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
                const target = relName(s.relation) || qualified(analyze_postgres_obj(analyze_postgres_obj(s.object).List).items);
                const what = analyze_postgres_str(s.renameType).replace('OBJECT_', '').toLowerCase();
                const from = s.subname ? `${target}.${analyze_postgres_str(s.subname)}` : target;
                add('rename', from, `RENAME ${what} ${from} TO ${analyze_postgres_str(s.newname)}`);
                break;
            }
            case 'AlterTableStmt': {
                const table = relName(s.relation);
                for (const c of analyze_postgres_arr(s.cmds)) {
                    const cmd = analyze_postgres_obj(analyze_postgres_obj(c).AlterTableCmd);
                    const column = `${table}.${analyze_postgres_str(cmd.name)}`;
                    const def = analyze_postgres_obj(analyze_postgres_obj(cmd.def).ColumnDef);
                    switch (analyze_postgres_str(cmd.subtype)) {
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
                            const kinds = analyze_postgres_arr(def.constraints).map((k) => analyze_postgres_str(analyze_postgres_obj(analyze_postgres_obj(k).Constraint).contype));
                            const notNull = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
                            const hasDefault = kinds.includes('CONSTR_DEFAULT') ||
                                kinds.includes('CONSTR_IDENTITY') ||
                                kinds.includes('CONSTR_GENERATED');
                            if (notNull && !hasDefault && !created.has(table)) {
                                add('not-null-without-default', `${table}.${analyze_postgres_str(def.colname)}`, `ADD COLUMN ${analyze_postgres_str(def.colname)} NOT NULL without DEFAULT on existing table ${table}`);
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

;// CONCATENATED MODULE: ./src/stages/migrate/sql/analyze.ts


const DESTRUCTIVE_KINDS = (/* unused pure expression or super */ null && ([
    'drop-table',
    'drop-column',
    'drop-schema',
    'truncate',
    'delete-without-where',
    'update-without-where',
    'type-change',
    'not-null-without-default',
    'rename',
    // The parser could not read the statement, so it cannot be shown to be safe: fail closed.
    'unparsed',
]));
/**
 * Statements in the pending files that lose data or break running code. `existing` tracks tables
 * created earlier in the same run, so adding a NOT NULL column to a brand-new table is not flagged.
 */
async function analyzeFiles(files, dialect) {
    const created = new Set();
    const findings = [];
    for (const file of files) {
        const found = dialect === 'postgres' ? await analyzePostgres(file, created) : analyzeMysqlLike(file, created, dialect);
        findings.push(...found);
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/stages/migrate/run.ts













function effectiveRollback(options, target) {
    if (options.rollback === 'auto')
        return target.kind === 'mysql' ? 'backup' : 'transaction';
    if (options.rollback === 'backup' && target.kind !== 'postgres' && target.kind !== 'mysql') {
        throw new errors/* UserError */.yo(`rollback: backup needs PostgreSQL or MySQL/MariaDB; ${target.kind} rolls back by transaction`, {
            input: 'rollback',
        });
    }
    return options.rollback;
}
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
        const skipped = files.filter((f) => compareVersions(f.version, baseline) <= 0 && !recorded.has(f.version));
        if (skipped.length === 0)
            return history;
        throw new errors/* UserError */.yo(`baseline ${baseline} applies only to a database with no migration history; this one has ${history.length} entries and ${skipped.map((f) => f.file).join(', ')} would be skipped`, { input: 'baseline' });
    }
    const adopted = files.filter((f) => compareVersions(f.version, baseline) <= 0);
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
        for (const r of rows)
            await recordApplied(driver, r);
        await driver.commit();
    }
    return rows;
}
async function undoWithDownFiles(driver, files, versions) {
    const undone = [];
    const missing = [];
    for (const version of [...versions].reverse()) {
        const file = files.find((f) => f.version === version);
        if (!file?.down) {
            missing.push(version);
            continue;
        }
        await driver.execScript(file.down.sql, { noTransaction: false });
        await forget(driver, version);
        undone.push(version);
    }
    return { undone, missing };
}
async function runMigrate(options, ctx) {
    const startedAt = new Date();
    const target = parseDatabaseUrl(options.databaseUrl, ctx.cwd);
    const appliedBy = ctx.run.url ?? `${external_node_os_default().userInfo().username}@${external_node_os_default().hostname()} pid ${process.pid}`;
    const rollback = effectiveRollback(options, target);
    const base = {
        startedAt,
        options,
        target,
        rollback,
        files: [],
        gaps: [],
        history: [],
        pendingBefore: [],
        findings: [],
        warnings: [],
    };
    const files = options.tool === 'shipkit' ? await loadMigrations(ctx.cwd, options.dir) : { files: [], gaps: [] };
    base.files = files.files;
    base.gaps = files.gaps;
    if (files.gaps.length > 0)
        base.warnings.push(`version gaps in ${options.dir}: ${files.gaps.join(', ')} missing`);
    let connection;
    try {
        connection = await connectAndLock(target, { label: appliedBy }, {
            lock: !options.dryRun || target.kind === 'pglite' || target.kind === 'sqlite',
            timeoutMs: options.lockTimeoutMs,
            signal: ctx.signal,
        });
    }
    catch (error) {
        if (error instanceof LockTimeout)
            return buildOutcome({ ...base, lock: { waitedMs: error.waitedMs, holder: error.holder, acquired: false } }, ctx);
        throw error;
    }
    const { driver } = connection;
    base.lock = { waitedMs: connection.waitedMs, acquired: true };
    try {
        if (options.tool !== 'shipkit') {
            const r = await runTool(options, target, driver, ctx);
            return buildOutcome({
                ...base,
                tool: r.tool,
                ...(r.backupPath ? { backupPath: external_node_path_default().relative(ctx.cwd, r.backupPath) } : {}),
                ...(r.restored ? { restored: r.restored } : {}),
            }, ctx);
        }
        if (!options.dryRun)
            await ensureHistoryTable(driver);
        let history = await readHistory(driver);
        verifyChecksums(files.files, history);
        if (options.baseline !== undefined) {
            history = await adoptBaseline(driver, options.baseline, files.files, history, {
                write: !options.dryRun,
                appliedBy,
            });
        }
        base.history = history;
        const done = new Set(history.map((h) => h.version));
        const pending = files.files.filter((f) => !done.has(f.version));
        base.pendingBefore = pending;
        const newest = history
            .map((h) => h.version)
            .sort(compareVersions)
            .at(-1);
        const late = newest === undefined ? [] : pending.filter((f) => compareVersions(f.version, newest) < 0);
        if (late.length > 0) {
            throw new errors/* UserError */.yo(`${late.map((f) => f.file).join(', ')} ${late.length === 1 ? 'is' : 'are'} older than the newest applied migration ${newest}: renumber after it`, { file: late[0]?.file });
        }
        const known = new Set(files.files.map((f) => f.version));
        const orphans = history.filter((h) => h.kind === 'applied' && !known.has(h.version)).map((h) => h.version);
        if (orphans.length > 0)
            base.warnings.push(`applied migrations with no file in ${options.dir}: ${orphans.join(', ')}`);
        base.findings = await analyzeFiles(pending, driver.dialect);
        const blocked = base.findings.length > 0 && !options.allowDestructive;
        if (options.dryRun || blocked || pending.length === 0)
            return buildOutcome({ ...base, blocked }, ctx);
        const needBackup = options.backup || rollback === 'backup';
        const backupAbs = needBackup
            ? await takeBackup(target, driver, external_node_path_default().resolve(ctx.cwd, options.backupDir))
            : undefined;
        const backupPath = backupAbs ? external_node_path_default().relative(ctx.cwd, backupAbs) : undefined;
        const objectsBefore = backupAbs && target.kind === 'postgres' ? await pgObjects(driver) : undefined;
        const result = await applyFiles(driver, pending, {
            mode: options.transaction,
            appliedBy,
            logger: ctx.logger,
            signal: ctx.signal,
        });
        let restored;
        let kept = result.committed.map((c) => c.version);
        // Without transactional DDL even the failed file may have left statements behind: restore anyway.
        if (result.failure && (kept.length > 0 || !driver.transactionalDdl)) {
            if (rollback === 'backup' && backupAbs) {
                await restoreBackup(target, backupAbs, driver, objectsBefore);
                const partial = driver.transactionalDdl ? [] : [`the part of ${result.failure.file} that ran`];
                restored = `restored backup ${backupPath ?? ''}: undid ${[...kept, ...partial].join(', ')}`;
                kept = [];
            }
            else if (rollback === 'down') {
                const { undone, missing } = await undoWithDownFiles(driver, files.files, kept);
                restored = `ran down files of ${undone.join(', ') || 'nothing'}${missing.length ? `; no down file for ${missing.join(', ')}, left applied` : ''}`;
                kept = missing;
            }
        }
        if (result.failure && !driver.transactionalDdl && rollback === 'down') {
            base.warnings.push(`${result.failure.file} failed part-way: statements of it that ran before the error are not undone by down files (use rollback: backup)`);
        }
        return buildOutcome({
            ...base,
            applied: result.committed.filter((c) => kept.includes(c.version)),
            rolledBack: [...result.rolledBack, ...result.committed.map((c) => c.version).filter((v) => !kept.includes(v))],
            ...(result.failure ? { failure: result.failure } : {}),
            ...(restored ? { restored } : {}),
            ...(backupPath ? { backupPath } : {}),
            history: await readHistory(driver),
        }, ctx);
    }
    finally {
        await driver.unlock().catch(() => undefined);
        await driver.close().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/stages/migrate/command.ts


const migrateCommand = {
    name: 'migrate',
    summary: 'apply SQL migrations under a lock, with history, backup, rollback and a destructive-change plan',
    flags: {
        dir: { type: 'string', description: 'DIR  migration files (default: migrations)' },
        'database-url': {
            type: 'string',
            description: 'URL  postgres://, mysql://, mariadb://, sqlite:PATH or pglite:PATH (default: pglite:.shipkit/db)',
        },
        'dry-run': { type: 'boolean', description: 'list pending migrations with their SQL and analysis; apply nothing' },
        'allow-destructive': { type: 'boolean', description: 'apply even when DROP/TRUNCATE/renames/… are found' },
        transaction: { type: 'string', description: 'all|per-file  one transaction for the run (default) or one per file' },
        rollback: {
            type: 'string',
            description: 'auto|backup|down|none  how a failed run is undone (auto: transaction, backup on MySQL)',
        },
        backup: { type: 'boolean', description: 'take pg_dump -Fc / mysqldump / VACUUM INTO before applying' },
        'backup-dir': { type: 'string', description: 'DIR  where backups go (default: .shipkit/backups)' },
        'lock-timeout': { type: 'string', description: 'DURATION  wait this long for another run to finish (default: 5m)' },
        baseline: {
            type: 'string',
            description: 'VERSION  adopt an existing database: record migrations up to VERSION as applied',
        },
        tool: { type: 'string', description: 'shipkit|knex|alembic|goose|golang-migrate|prisma|flyway|custom' },
        'tool-command': { type: 'string', description: 'CMD  apply command for tool: custom (or to override a tool’s)' },
        'tool-status-command': { type: 'string', description: 'CMD  status command run before and after apply' },
    },
    run: (inputs, ctx) => runMigrate(readMigrateOptions(inputs, ctx.env), ctx),
};


/***/ })

};
