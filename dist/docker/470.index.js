import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 470;
export const ids = [470,89];
export const modules = {

/***/ 21245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ ToolDownloadError)
/* harmony export */ });
/**
 * A download the server answered with an HTTP error status. Both tool caches throw this, so domain
 * code tells "no such release" (404) from "the server is failing" the same way in an action and in
 * the CLI. Network failures (refused, DNS) are passed through as they are: the core classifies them.
 */
class ToolDownloadError extends Error {
    url;
    status;
    constructor(url, status) {
        super(`download of ${url} failed${status === undefined ? '' : ` with HTTP ${status}`}`);
        this.url = url;
        this.status = status;
        this.name = 'ToolDownloadError';
    }
}


/***/ }),

/***/ 43038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ TRIVY_VERSION),
/* harmony export */   OK: () => (/* binding */ DB_SCHEMA_TAG),
/* harmony export */   W2: () => (/* binding */ DB_REPOSITORIES),
/* harmony export */   a6: () => (/* binding */ TRIVY_RELEASES_URL),
/* harmony export */   jS: () => (/* binding */ RATE_LIMIT)
/* harmony export */ });
/**
 * Defaults of the Trivy settings. scan/action.yml holds the same values as input defaults (a test
 * keeps them equal); .ci/setup/scan.sh builds the same Trivy version for the tests.
 */
/** The Trivy release shipkit runs unless `trivy-version` says otherwise. */
const TRIVY_VERSION = '0.74.0';
/** Where Trivy's release tarballs and checksums files are published (`trivy-download-url`). */
const TRIVY_RELEASES_URL = 'https://github.com/aquasecurity/trivy/releases/download';
/**
 * Trivy's own default order (pkg/db in v0.74.0): Google's mirror first, then GitHub's registry,
 * whose anonymous pulls are the ones rate-limited with TOOMANYREQUESTS.
 */
const DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];
/**
 * How long a rate-limited registry is waited for: attempts per repository, and the longest single
 * wait. A registry asking for more than `maxWaitSeconds` is not waited for: the next one is tried.
 */
const RATE_LIMIT = { attempts: 3, maxWaitSeconds: 60 };
/** The tag Trivy v0.74.0 pulls when a repository names none: its database schema version. */
const DB_SCHEMA_TAG = '2';


/***/ }),

/***/ 59470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultTrivyCacheDir: () => (/* binding */ defaultTrivyCacheDir),
  runTrivy: () => (/* binding */ runTrivy),
  scanArgs: () => (/* binding */ scanArgs)
});

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
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/core/host/tool-cache.ts
var tool_cache = __webpack_require__(21245);
;// CONCATENATED MODULE: ./src/core/host/fs-tool-cache.ts










/**
 * The user's cache directory for shipkit (`$XDG_CACHE_HOME/shipkit`, `~/.cache/shipkit`, or
 * `~/Library/Caches/shipkit` on macOS): downloaded tools and Trivy's database live under it.
 */
function userCacheDir(env) {
    if (env.XDG_CACHE_HOME)
        return external_node_path_default().join(env.XDG_CACHE_HOME, 'shipkit');
    const home = env.HOME ?? external_node_os_default().homedir();
    if (process.platform === 'darwin')
        return external_node_path_default().join(home, 'Library', 'Caches', 'shipkit');
    return external_node_path_default().join(home, '.cache', 'shipkit');
}
/** Statuses worth another try, as @actions/tool-cache retries them. */
const RETRIED = new Set([408, 429, 500, 502, 503, 504]);
const ATTEMPTS = 3;
/**
 * The CLI's tool cache: `<dir>/<tool>/<version>/<arch>/`, complete once `<arch>.complete` exists
 * (the layout @actions/tool-cache uses in RUNNER_TOOL_CACHE, so an interrupted copy is never found).
 * No @actions/* here: the CLI runs outside a runner.
 */
class FsToolCache {
    dir;
    tempRoot;
    constructor(dir, tempRoot = os.tmpdir()) {
        this.dir = dir;
        this.tempRoot = tempRoot;
    }
    place(tool, version) {
        return path.join(this.dir, tool, version, os.arch());
    }
    find(tool, version) {
        const dir = this.place(tool, version);
        return Promise.resolve(existsSync(`${dir}.complete`) && existsSync(dir) ? dir : undefined);
    }
    async download(url) {
        await mkdir(this.tempRoot, { recursive: true });
        // One file per download (as @actions/tool-cache does): the caller deletes it when done.
        const name = path.basename(new URL(url).pathname) || 'download';
        const file = path.join(this.tempRoot, `shipkit-${randomUUID()}-${name}`);
        for (let attempt = 1;; attempt++) {
            const response = await fetch(url, { redirect: 'follow' });
            if (response.ok && response.body) {
                try {
                    await pipeline(Readable.fromWeb(response.body), createWriteStream(file));
                }
                catch (error) {
                    await rm(file, { force: true });
                    throw error;
                }
                return file;
            }
            await response.body?.cancel();
            if (!RETRIED.has(response.status) || attempt >= ATTEMPTS) {
                await rm(file, { force: true });
                throw new ToolDownloadError(url, response.status);
            }
            await sleep(1000 * attempt);
        }
    }
    async extractTar(file) {
        const dest = await mkdtemp(path.join(this.tempRoot, 'shipkit-extract-'));
        await new Promise((resolve, reject) => {
            const child = spawn('tar', ['-xzf', file, '-C', dest], { stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (chunk) => {
                stderr = (stderr + chunk.toString()).slice(-2000);
            });
            child.on('error', reject);
            child.on('close', (code) => {
                if (code === 0)
                    resolve();
                else
                    reject(new Error(`tar could not extract ${file} (exit ${code}): ${stderr.trim()}`));
            });
        });
        return dest;
    }
    async cacheDir(dir, tool, version) {
        const dest = this.place(tool, version);
        await rm(`${dest}.complete`, { force: true });
        await rm(dest, { recursive: true, force: true });
        await mkdir(path.dirname(dest), { recursive: true });
        // A move when the source is on the same disk (Trivy is ~250 MB); a copy otherwise.
        try {
            await rename(dir, dest);
        }
        catch {
            await cp(dir, dest, { recursive: true });
        }
        await writeFile(`${dest}.complete`, '');
        return dest;
    }
}

// EXTERNAL MODULE: ./src/core/user-command-env.ts
var user_command_env = __webpack_require__(2742);
;// CONCATENATED MODULE: ./src/stages/scan/trivy/db-cache.ts



/** `shipkit-trivy-db-2026-11-27`: one key per UTC day. */
function dailyDbKey(now) {
    return `shipkit-trivy-db-${now.toISOString().slice(0, 10)}`;
}
/** The database files Trivy needs; without both it refuses to skip the update. */
function hasDatabase(dbDir) {
    return (0,external_node_fs_.existsSync)(external_node_path_default().join(dbDir, 'trivy.db')) && (0,external_node_fs_.existsSync)(external_node_path_default().join(dbDir, 'metadata.json'));
}
const MARKER = 'shipkit-cache-key';
/**
 * For a cache directory that persists by itself (the CLI's, under the user's cache, or a
 * self-hosted runner's disk): a marker file beside the database names the key it was saved under,
 * so "restored" means "downloaded today", and nothing is copied.
 */
class MarkerDbCache {
    async restore(dbDir, key) {
        if (!hasDatabase(dbDir))
            return false;
        try {
            return (await (0,promises_.readFile)(external_node_path_default().join(dbDir, MARKER), 'utf8')).trim() === key;
        }
        catch {
            return false;
        }
    }
    async save(dbDir, key) {
        try {
            await (0,promises_.writeFile)(external_node_path_default().join(dbDir, MARKER), `${key}\n`);
        }
        catch {
            // Only the next run's shortcut is lost: it downloads again.
        }
    }
}

// EXTERNAL MODULE: ./src/stages/scan/trivy/defaults.ts
var defaults = __webpack_require__(43038);
;// CONCATENATED MODULE: ./src/stages/scan/trivy/errors.ts

/** `2026-11-27T23:13:21Z	FATAL	Fatal error	<message>`: Trivy's log prefix, dropped from what is shown. */
const LOG_PREFIX = /^(?:\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)\s+)?(?:FATAL|ERROR|WARN|INFO|DEBUG)\s+/;
const MAX_LINE = 700;
/**
 * Trivy's standard error as one line: from its last FATAL entry on (the error and the wrapped causes
 * it lists below it), else the last lines; log prefixes dropped, lines joined with "; ".
 */
function stderrTail(stderr) {
    const lines = stderr.split(/\r?\n/);
    let start = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
        if (/(^|\s)FATAL\s/.test(lines[i])) {
            start = i;
            break;
        }
    }
    const chosen = (start >= 0 ? lines.slice(start) : lines.slice(-6))
        .map((line) => line
        .trim()
        .replace(LOG_PREFIX, '')
        .replace(/^Fatal error\s+/, '')
        .replace(/^\*\s*/, ''))
        .filter((line) => line.length > 0);
    // "2 errors occurred:" is followed by its list; other lines are separate statements.
    const text = chosen
        .map((line, i) => (i === 0 ? line : `${chosen[i - 1].endsWith(':') ? ' ' : '; '}${line}`))
        .join('')
        .replace(/\s+/g, ' ');
    return text.length > MAX_LINE ? `…${text.slice(text.length - MAX_LINE)}` : text;
}
/** Trivy's message says the registry refused us for asking too often. */
function isRateLimited(stderr) {
    return /TOOMANYREQUESTS|429 Too Many Requests|status code 429/i.test(stderr);
}
const NETWORK = /connection refused|no such host|i\/o timeout|TLS handshake|x509:|UNAUTHORIZED|DENIED|TOOMANYREQUESTS|status code 5\d\d|server misbehaving|network is unreachable/i;
/**
 * A Trivy run that failed: not a shipkit bug, so shown as one line (what Trivy said last) with a
 * hint, exit code 1. A ServiceError, as the core shows those that way.
 */
class TrivyFailure extends errors/* ServiceError */._7 {
    what;
    result;
    constructor(what, result, input) {
        const how = result.code === null ? `was ended by ${result.signal ?? 'a signal'}` : `exited with code ${result.code}`;
        const tail = stderrTail(result.stderr);
        super(`${what} ${how}${tail ? `: ${tail}` : ''}`, NETWORK.test(result.stderr)
            ? 'Trivy could not reach a registry: check the address, credentials (TRIVY_USERNAME/TRIVY_PASSWORD or docker login) and network.'
            : "The message is Trivy's own; run the same command with --debug to see more.", input);
        this.what = what;
        this.result = result;
        this.name = 'TrivyFailure';
    }
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy/exec.ts

/** Trivy's error comes last; what it logged before is kept only up to this many characters. */
const STDERR_KEPT = 16_384;
const STDOUT_KEPT = 16_384;
/**
 * Runs `file` with `args` (no shell) and collects its output, keeping only the tail of each stream
 * so a chatty run cannot fill memory. Aborting `signal` ends the process.
 */
function runProcess(file, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env,
            signal: options.signal,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
            stdout = (stdout + chunk.toString()).slice(-STDOUT_KEPT);
        });
        child.stderr.on('data', (chunk) => {
            stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
        });
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy/retry-after.ts
/**
 * Seconds to wait from a Retry-After header: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when the header is absent or unreadable.
 */
function parseRetryAfter(value, now = new Date()) {
    if (!value)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text);
    const at = Date.parse(text);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy/registry-probe.ts


/**
 * `host[:port]/path[:tag|@digest]` as Trivy reads `--db-repository` (go-containerregistry's rules:
 * a first component without a dot, colon or `localhost` is a Docker Hub path; no tag means Trivy's
 * schema tag).
 */
function parseRepository(repository) {
    let rest = repository.trim();
    let reference = defaults/* DB_SCHEMA_TAG */.OK;
    const at = rest.indexOf('@');
    if (at >= 0) {
        reference = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    else {
        const colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            reference = rest.slice(colon + 1);
            rest = rest.slice(0, colon);
        }
    }
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
        return { host: first, name: rest.slice(slash + 1), reference };
    }
    return { host: 'registry-1.docker.io', name: rest.includes('/') ? rest : `library/${rest}`, reference };
}
/** Plain HTTP where go-containerregistry uses it: `insecure`, loopback, localhost and private addresses. */
function registryScheme(host, insecure) {
    if (insecure)
        return 'http';
    const bare = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (bare === 'localhost' || bare === '::1' || /^127\./.test(bare))
        return 'http';
    if (/^10\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\./.test(bare))
        return 'http';
    return 'https';
}
const PROBE_TIMEOUT_MS = 10_000;
const MANIFEST_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/**
 * How long a registry that rate-limited Trivy asks us to wait: one HEAD of the database manifest
 * (with an anonymous pull token when the registry wants one), read for Retry-After. Trivy's own
 * retries do not honour the header and do not show it, so this request is the only way to learn it.
 * 0 when the registry answers normally again; undefined when it cannot tell (no header, unreachable).
 */
async function probeRetryAfter(repository, options) {
    const ref = parseRepository(repository);
    const url = `${registryScheme(ref.host, options.insecure)}://${ref.host}/v2/${ref.name}/manifests/${ref.reference}`;
    const signals = [AbortSignal.timeout(PROBE_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
    const signal = AbortSignal.any(signals);
    try {
        let response = await fetch(url, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES }, signal });
        if (response.status === 401) {
            const token = await anonymousToken(response.headers.get('www-authenticate'), ref, signal);
            if (token === undefined)
                return undefined;
            response = await fetch(url, {
                method: 'HEAD',
                headers: { Accept: MANIFEST_TYPES, Authorization: `Bearer ${token}` },
                signal,
            });
        }
        if (response.status === 429)
            return parseRetryAfter(response.headers.get('retry-after'));
        return response.ok ? 0 : undefined;
    }
    catch {
        return undefined;
    }
}
/** The Docker token flow for an anonymous pull: `Bearer realm="…",service="…"`. */
async function anonymousToken(challenge, ref, signal) {
    if (!challenge || !/^Bearer\s/i.test(challenge))
        return undefined;
    const params = new Map();
    for (const match of challenge.matchAll(/(\w+)="([^"]*)"/g))
        params.set(match[1].toLowerCase(), match[2]);
    const realm = params.get('realm');
    if (!realm)
        return undefined;
    const tokenUrl = new URL(realm);
    const service = params.get('service');
    if (service)
        tokenUrl.searchParams.set('service', service);
    tokenUrl.searchParams.set('scope', `repository:${ref.name}:pull`);
    const response = await fetch(tokenUrl, { signal });
    if (!response.ok)
        return undefined;
    const body = (await response.json());
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    return typeof token === 'string' ? token : undefined;
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy/db.ts









/** Waits without a Retry-After: 10 s, 30 s, 90 s … (each still within the bound). */
function backoffSeconds(attempt) {
    return 10 * 3 ** (attempt - 1);
}
/**
 * Makes sure `<cacheDir>/db` holds a vulnerability database Trivy can scan with, so every scan runs
 * with --skip-db-update. With `skip-db-update` the one already there is used as it is. Otherwise,
 * in order: the database this directory got today (a second scan in the same job, or the CLI's
 * persistent cache), the day's copy in `dbCache` (the Actions cache in an action), or a download
 * (each of `db-repository` in order, rate limits waited out within the bound), which is then saved
 * under the day's key.
 */
async function prepareDb(trivy, settings, cacheDir, ctx, now = new Date()) {
    const dbDir = external_node_path_default().join(cacheDir, 'db');
    const here = new MarkerDbCache();
    const key = dailyDbKey(now);
    if (settings.skipDbUpdate) {
        if (hasDatabase(dbDir) || ((await settings.dbCache?.restore(dbDir, key)) && hasDatabase(dbDir))) {
            return { source: 'skip-db-update' };
        }
        throw new errors/* UserError */.yo(`skip-db-update is set but there is no vulnerability database in ${dbDir} (trivy.db and metadata.json) and none was cached today`, { input: 'skip-db-update' });
    }
    if (await here.restore(dbDir, key)) {
        ctx.logger.info(`Trivy's vulnerability database: today's copy in ${dbDir} (${key}).`);
        return { source: 'cache', key };
    }
    if ((await settings.dbCache?.restore(dbDir, key)) && hasDatabase(dbDir)) {
        await here.save(dbDir, key);
        ctx.logger.info(`Trivy's vulnerability database: today's cached copy (${key}).`);
        return { source: 'cache', key };
    }
    const repository = await downloadDb(trivy, settings, cacheDir, ctx);
    await here.save(dbDir, key);
    await settings.dbCache?.save(dbDir, key);
    return { source: 'download', key, repository };
}
/**
 * Runs `trivy image --download-db-only` against one repository at a time, so Trivy does the pull
 * (its auth, proxies, mirrors and --insecure) while shipkit decides what a failure means: a rate
 * limit is waited out for as long as the registry asks (Retry-After, learnt by one HEAD request)
 * within `maxWaitSeconds`, up to `attempts` times; any other failure moves on to the next repository.
 */
async function downloadDb(trivy, settings, cacheDir, ctx) {
    const repositories = settings.dbRepositories.map((r) => r.trim()).filter((r) => r.length > 0);
    if (repositories.length === 0) {
        throw new errors/* UserError */.yo('db-repository lists no repository', { input: 'db-repository' });
    }
    const attempts = Math.max(1, settings.rateLimit?.attempts ?? defaults/* RATE_LIMIT */.jS.attempts);
    const maxWait = Math.max(0, settings.rateLimit?.maxWaitSeconds ?? defaults/* RATE_LIMIT */.jS.maxWaitSeconds);
    const failures = [];
    for (const repository of repositories) {
        for (let attempt = 1; attempt <= attempts; attempt++) {
            ctx.signal.throwIfAborted();
            const args = ['image', '--download-db-only', '--db-repository', repository, '--cache-dir', cacheDir];
            args.push('--no-progress', '--quiet', '--skip-version-check', '--disable-telemetry');
            if (settings.insecure)
                args.push('--insecure');
            const result = await runProcess(trivy.path, args, {
                cwd: ctx.cwd,
                env: (0,user_command_env/* userCommandEnv */.c)(ctx.env),
                signal: ctx.signal,
            });
            if (result.code === 0) {
                ctx.logger.info(`Trivy's vulnerability database: downloaded from ${repository}.`);
                return repository;
            }
            const reason = stderrTail(result.stderr) || `exit code ${result.code}`;
            if (!isRateLimited(result.stderr)) {
                failures.push(`${repository}: ${reason}`);
                ctx.logger.warning(`Could not download Trivy's database from ${repository}: ${reason}`);
                break;
            }
            if (attempt >= attempts) {
                failures.push(`${repository}: rate-limited (HTTP 429) ${attempts} times`);
                ctx.logger.warning(`${repository} is still rate-limiting (HTTP 429) after ${attempts} attempts.`);
                break;
            }
            const asked = await probeRetryAfter(repository, { insecure: settings.insecure ?? false, signal: ctx.signal });
            const wait = asked ?? backoffSeconds(attempt);
            const said = asked === undefined ? 'no Retry-After' : `Retry-After ${asked}s`;
            if (wait > maxWait) {
                failures.push(`${repository}: rate-limited (HTTP 429), asks to wait ${wait}s`);
                ctx.logger.warning(`${repository} is rate-limiting (HTTP 429, ${said}): ${wait}s is more than the ${maxWait}s bound, not waiting.`);
                break;
            }
            ctx.logger.progress(`${repository} is rate-limiting (HTTP 429, ${said}): attempt ${attempt + 1} of ${attempts} in ${wait}s`);
            await (0,external_node_timers_promises_.setTimeout)(wait * 1000, undefined, { signal: ctx.signal });
        }
    }
    throw new errors/* ServiceError */._7(`could not download Trivy's vulnerability database from ${repositories.length === 1 ? 'its repository' : `any of ${repositories.length} repositories`} (${failures.join('; ')})`, 'List a mirror you can reach first in db-repository, or provide a database and set skip-db-update.', 'db-repository');
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy/release.ts


/** Trivy's release names for Node's platform and architecture (goreleaser.yml in the Trivy repository). */
const PLATFORMS = {
    'linux-x64': 'Linux-64bit',
    'linux-arm64': 'Linux-ARM64',
    'linux-ppc64': 'Linux-PPC64LE',
    'linux-s390x': 'Linux-s390x',
    'darwin-x64': 'macOS-64bit',
    'darwin-arm64': 'macOS-ARM64',
};
/**
 * The release tarball for this machine, e.g. `trivy_0.74.0_Linux-64bit.tar.gz`; undefined where Trivy
 * publishes no tarball (Windows ships a zip, and other systems nothing).
 */
function releaseAsset(version, platform = process.platform, arch = process.arch) {
    const name = PLATFORMS[`${platform}-${arch}`];
    return name ? `trivy_${version}_${name}.tar.gz` : undefined;
}
function checksumsFileName(version) {
    return `trivy_${version}_checksums.txt`;
}
/** The SHA-256 that a `sha256sum`-style checksums file gives for `asset` (lower-case hex), or undefined. */
function expectedChecksum(checksums, asset) {
    for (const line of checksums.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*?)\s*$/.exec(line);
        if (match && match[2] === asset)
            return match[1].toLowerCase();
    }
    return undefined;
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
;// CONCATENATED MODULE: ./src/stages/scan/trivy/install.ts










/** `0.74.0` or `v0.74.0` (a pre-release suffix allowed); anything else is a user's mistake. */
function normalizeTrivyVersion(version) {
    const match = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(version.trim());
    if (!match) {
        throw new errors/* UserError */.yo(`'${version}' is not a Trivy release version such as 0.74.0`, { input: 'trivy-version' });
    }
    return match[1];
}
async function isExecutable(file) {
    try {
        await (0,promises_.access)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** `trivy-path`: a file (relative to the working directory), or a command name looked up in PATH. */
async function resolveGivenPath(given, ctx) {
    if (given.includes('/') || given.includes((external_node_path_default()).sep)) {
        const file = external_node_path_default().resolve(ctx.cwd, given);
        if (await isExecutable(file))
            return file;
        throw new errors/* UserError */.yo(`${file} is not an executable file`, { input: 'trivy-path' });
    }
    for (const dir of (ctx.env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        const file = external_node_path_default().join(dir, given);
        if (await isExecutable(file))
            return file;
    }
    throw new errors/* UserError */.yo(`'${given}' is not on PATH`, { input: 'trivy-path' });
}
/** The version a Trivy binary reports (`Version: 0.74.0` on the first line of `trivy --version`). */
async function trivyVersionOf(binary, ctx, input = 'trivy-path') {
    const result = await runProcess(binary, ['--version'], {
        cwd: ctx.cwd,
        env: (0,user_command_env/* userCommandEnv */.c)(ctx.env),
        signal: ctx.signal,
    });
    const match = /^Version:\s*v?(\S+)/m.exec(result.stdout);
    if (result.code !== 0 || !match) {
        throw new errors/* UserError */.yo(`${binary} --version did not report a Trivy version (exit ${result.code}): ${(0,core_text/* cut */.Jj)((result.stderr || result.stdout).trim(), 300)}`, { input });
    }
    return match[1];
}
/**
 * The Trivy to run: the binary at `trivy-path`, or the pinned release from the tool cache, downloaded
 * there first when missing. A download is verified against Trivy's checksums file before anything
 * is extracted or cached; a mismatch installs nothing.
 */
async function installTrivy(settings, ctx) {
    if (settings.path) {
        const file = await resolveGivenPath(settings.path, ctx);
        return { path: file, version: await trivyVersionOf(file, ctx), source: 'trivy-path' };
    }
    const version = normalizeTrivyVersion(settings.version);
    const cached = await ctx.host.tools.find('trivy', version);
    if (cached && (await isExecutable(external_node_path_default().join(cached, 'trivy')))) {
        return checked(external_node_path_default().join(cached, 'trivy'), version, 'tool-cache', ctx);
    }
    const dir = await downloadVerified(version, settings.downloadBaseUrl ?? defaults/* TRIVY_RELEASES_URL */.a6, ctx);
    return checked(external_node_path_default().join(dir, 'trivy'), version, 'download', ctx);
}
async function checked(file, version, source, ctx) {
    const reported = await trivyVersionOf(file, ctx, 'trivy-version');
    if (reported !== version) {
        throw new errors/* ServiceError */._7(`the Trivy at ${file} reports version ${reported}, not ${version}`, 'The release or the tool cache holds another build: clear the cached copy, or set trivy-version to what it is.', 'trivy-version');
    }
    return { path: file, version, source };
}
async function downloadVerified(version, baseUrl, ctx) {
    const asset = releaseAsset(version);
    if (!asset) {
        throw new errors/* UserError */.yo(`Trivy publishes no release tarball for ${process.platform}/${process.arch}; install Trivy and set trivy-path`, { input: 'trivy-path' });
    }
    const base = baseUrl.replace(/\/+$/, '');
    const sumsName = checksumsFileName(version);
    const sumsUrl = `${base}/v${version}/${sumsName}`;
    const assetUrl = `${base}/v${version}/${asset}`;
    const tools = ctx.host.tools;
    ctx.logger.info(`Downloading Trivy ${version} from ${assetUrl}`);
    const sumsFile = await download(sumsUrl, version, ctx);
    let expected;
    try {
        expected = expectedChecksum(await (0,promises_.readFile)(sumsFile, 'utf8'), asset);
    }
    finally {
        await (0,promises_.rm)(sumsFile, { force: true });
    }
    if (!expected) {
        throw new errors/* ServiceError */._7(`${sumsUrl} has no checksum for ${asset}`, 'Without a checksum the download cannot be verified, so nothing was installed: check trivy-download-url.', 'trivy-download-url');
    }
    const tarball = await download(assetUrl, version, ctx);
    let extracted;
    try {
        const actual = await sha256File(tarball);
        if (actual !== expected) {
            throw new errors/* ServiceError */._7(`refusing ${assetUrl}: its SHA-256 is ${actual} but ${sumsName} says ${expected}`, 'The file was altered or damaged on the way; nothing was installed. Check trivy-download-url and any proxy in between, then run again.', 'trivy-download-url');
        }
        extracted = await tools.extractTar(tarball);
        if (!(await isExecutable(external_node_path_default().join(extracted, 'trivy')))) {
            throw new errors/* ServiceError */._7(`${asset} holds no trivy executable at its top level`, 'The release is not laid out as Trivy publishes it: check trivy-download-url.', 'trivy-download-url');
        }
        const dir = await tools.cacheDir(extracted, 'trivy', version);
        ctx.logger.info(`Trivy ${version} verified (sha256 ${actual}) and cached in ${dir}`);
        return dir;
    }
    finally {
        await (0,promises_.rm)(tarball, { force: true });
        if (extracted)
            await (0,promises_.rm)(extracted, { recursive: true, force: true });
    }
}
async function download(url, version, ctx) {
    try {
        return await ctx.host.tools.download(url);
    }
    catch (error) {
        if (error instanceof tool_cache/* ToolDownloadError */.F && error.status === 404) {
            throw new errors/* UserError */.yo(`Trivy ${version} has no release file at ${url} (HTTP 404)`, { input: 'trivy-version' });
        }
        if (error instanceof tool_cache/* ToolDownloadError */.F) {
            throw new errors/* ServiceError */._7(error.message, 'The release server is failing or refusing us; run again later, or set trivy-path to an installed Trivy.', 'trivy-download-url', { cause: error });
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy/target.ts



async function statOf(file) {
    try {
        return await (0,promises_.stat)(file);
    }
    catch {
        return undefined;
    }
}
/** A directory or file for `trivy fs` / `trivy config`, which must exist. */
async function pathTarget(target, cwd, input) {
    const file = external_node_path_default().resolve(cwd, target);
    if (!(await statOf(file)))
        throw new errors/* UserError */.yo(`${file} does not exist`, { input });
    return { kind: 'path', path: file };
}
/** Written as a path (`./x`, `/x`, `x.tar`) rather than an image name. */
function looksLikePath(target) {
    return /^(\.{1,2}\/|\/)/.test(target) || /\.(tar|tar\.gz|tgz)$/i.test(target);
}
/**
 * `image`: an archive (`docker save` or OCI tarball) or an OCI layout directory is scanned with
 * `--input`; anything else is an image name, which Trivy looks up in the local Docker, containerd or
 * Podman and then in its registry.
 */
async function imageTarget(target, cwd) {
    const file = external_node_path_default().resolve(cwd, target);
    const info = await statOf(file);
    if (info?.isFile())
        return { kind: 'input', path: file };
    if (info?.isDirectory()) {
        if (await statOf(external_node_path_default().join(file, 'index.json')))
            return { kind: 'input', path: file };
        throw new errors/* UserError */.yo(`${file} is a directory but not an OCI image layout (it has no index.json)`, {
            input: 'image',
        });
    }
    if (looksLikePath(target))
        throw new errors/* UserError */.yo(`${file} does not exist`, { input: 'image' });
    return { kind: 'reference', ref: target };
}

;// CONCATENATED MODULE: ./src/stages/scan/trivy/run.ts











const ALL_SEVERITIES = 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL';
function defaultTrivyCacheDir(env) {
    return env.RUNNER_TEMP ? external_node_path_default().join(env.RUNNER_TEMP, 'shipkit-trivy') : external_node_path_default().join(userCacheDir(env), 'trivy');
}
function needsDb(req) {
    return req.command !== 'config' && req.scanners.includes('vuln');
}
/**
 * The arguments of one scan. Everything the findings depend on is explicit, so neither a trivy.yaml
 * nor TRIVY_* variables can change them: JSON to a file, every severity, exit code 0 on findings, no
 * ignore file (shipkit applies .trivyignore itself and shows what it ignored), the database prepared
 * beforehand and the misconfiguration checks embedded in the binary (no network for either).
 */
function scanArgs(req, target, paths, settings) {
    const args = [req.command, '--format', 'json', '--output', paths.jsonFile, '--quiet'];
    args.push('--cache-dir', paths.cacheDir, '--exit-code', '0', '--severity', ALL_SEVERITIES);
    args.push('--ignorefile', paths.ignoreFile, '--skip-check-update', '--skip-version-check', '--disable-telemetry');
    if (req.command !== 'config') {
        args.push('--scanners', req.scanners.join(','), '--skip-db-update', '--no-progress');
    }
    if (settings.insecure)
        args.push('--insecure');
    if (settings.timeout)
        args.push('--timeout', settings.timeout);
    if (target.kind === 'input')
        args.push('--input', target.path);
    else
        args.push('--', target.kind === 'path' ? target.path : target.ref);
    return args;
}
/**
 * Runs one Trivy scan and returns its JSON report: installs (or finds) the pinned Trivy, prepares
 * the vulnerability database when the scan needs one, then scans with no network use of its own
 * beyond pulling a registry image. A failure is a TrivyFailure: one line with Trivy's last words.
 */
async function runTrivy(req, settings, ctx) {
    if (req.command !== 'config' && req.scanners.length === 0) {
        throw new errors/* UserError */.yo('no scanner selected: choose from vuln, secret, misconfig', { input: 'scanners' });
    }
    const target = req.command === 'image' ? await imageTarget(req.target, req.cwd) : await pathTarget(req.target, req.cwd, 'target');
    const trivy = await installTrivy(settings, ctx);
    const cacheDir = settings.cacheDir ?? defaultTrivyCacheDir(ctx.env);
    await (0,promises_.mkdir)(cacheDir, { recursive: true });
    const db = needsDb(req) ? await prepareDb(trivy, settings, cacheDir, ctx) : undefined;
    const outDir = await (0,promises_.mkdtemp)(external_node_path_default().join(ctx.env.RUNNER_TEMP ?? external_node_os_default().tmpdir(), 'shipkit-trivy-'));
    const jsonFile = external_node_path_default().join(outDir, `trivy-${req.command}.json`);
    const ignoreFile = external_node_path_default().join(outDir, 'none.trivyignore');
    try {
        await (0,promises_.writeFile)(ignoreFile, '');
        const args = scanArgs(req, target, { jsonFile, cacheDir, ignoreFile }, settings);
        ctx.logger.debug(`${trivy.path} ${args.join(' ')}`);
        const result = await runProcess(trivy.path, args, {
            cwd: req.cwd,
            env: (0,user_command_env/* userCommandEnv */.c)(ctx.env),
            signal: ctx.signal,
        });
        if (result.code !== 0) {
            throw new TrivyFailure(`trivy ${req.command}`, result, req.command === 'image' ? 'image' : undefined);
        }
    }
    catch (error) {
        // The report directory is the caller's only on success.
        await (0,promises_.rm)(outDir, { recursive: true, force: true });
        throw error;
    }
    return { jsonFile, trivyVersion: trivy.version, ...(db ? { db } : {}) };
}


/***/ })

};
