import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 991;
export const ids = [991];
export const modules = {

/***/ 98762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ sectionTitle),
/* harmony export */   I8: () => (/* binding */ statusIcon),
/* harmony export */   YN: () => (/* binding */ renderSection)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16706);

const ICON = { ..._markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW, unknown: '❔' };
function statusIcon(status) {
    return ICON[status];
}
/** `Test`, or `Test (shard-2)` for a matrix shard's section. */
function sectionTitle(title, key) {
    const shard = key.includes('/') ? key.slice(key.indexOf('/') + 1) : '';
    return shard ? `${title} (${shard})` : title;
}
/**
 * Every stage's section has the same form: a heading with the status and the headline, the body
 * open, the details folded.
 */
function renderSection(meta, comment) {
    const heading = `#### ${statusIcon(meta.status)} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(meta.title)} · ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(meta.headline)}`;
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(heading, comment.body, comment.details?.trim() ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .details */ .zH)(comment.detailsLabel ?? 'Details', comment.details) : undefined);
}


/***/ }),

/***/ 57644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ directoryProblem)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * What keeps `dir` from being a working directory, if anything: the hosts (`working-directory`,
 * `--root`), the report action (`reports`) and docker (`context`) each say it in their own words.
 */
function directoryProblem(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory() ? undefined : 'not a directory';
    }
    catch {
        return 'missing';
    }
}


/***/ }),

/***/ 74296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CZ: () => (/* binding */ asServiceError),
/* harmony export */   Ij: () => (/* binding */ EXIT_OK),
/* harmony export */   Ri: () => (/* binding */ EXIT_USAGE),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   bH: () => (/* binding */ namesInput),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hj: () => (/* binding */ EXIT_FAILED),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
class UserError extends Error {
    location;
    constructor(message, location = {}, options) {
        super(message, options);
        this.name = 'UserError';
        this.location = location;
    }
    /** The one line shown to the user: `file:line: message (input 'name')`. */
    describe() {
        const { input, file, line, column } = this.location;
        const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ` : '';
        const which = input && !namesInput(this.message, input) ? ` (input '${input}')` : '';
        return `${where}${this.message}${which}`;
    }
}
/**
 * Whether a message already names the input as its label does (`input 'checks'`, `--checks`): a
 * field path such as `checks[0].method` does not, though it contains the word.
 */
function namesInput(message, input) {
    return message.includes(`'${input}'`) || message.includes(`--${input}`);
}
function isUserError(error) {
    return error instanceof UserError;
}
/** A server the run needs is unreachable or refused us. */
class ServiceError extends Error {
    hint;
    input;
    constructor(message, 
    /** What to check, in one short sentence. */
    hint, 
    /** The input the failing address or credential came from, when known. */
    input, options) {
        super(message, options);
        this.hint = hint;
        this.input = input;
        this.name = 'ServiceError';
    }
    describe() {
        const which = this.input && !this.message.includes(this.input) ? ` (input '${this.input}')` : '';
        return `${this.message}${which}. ${this.hint}`;
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Exit codes of the CLI and of an action step. */
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const NETWORK_CODES = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    EPIPE: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_SOCKET: 'connection closed',
};
const TLS_CODES = new Set([
    'CERT_HAS_EXPIRED',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** PostgreSQL SQLSTATEs and mysql2 codes that mean "cannot get in", not "your SQL is wrong". */
const DATABASE_ACCESS = {
    '28P01': 'the database rejected the password',
    '28000': 'the database refused the login',
    '3D000': 'the database does not exist',
    '57P03': 'the database is starting up or shutting down',
    '53300': 'the database has too many connections',
    ER_ACCESS_DENIED_ERROR: 'the database rejected the user or password',
    ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 'the database wants a password and none was given',
    ER_DBACCESS_DENIED_ERROR: 'the user may not use this database',
    ER_BAD_DB_ERROR: 'the database does not exist',
    ER_NOT_SUPPORTED_AUTH_MODE: 'the database asks for an authentication method the client does not support',
    ER_CON_COUNT_ERROR: 'the database has too many connections',
    PROTOCOL_CONNECTION_LOST: 'the database closed the connection',
};
/** The error and its causes, outermost first (fetch wraps the socket error in `cause`; AggregateError in `errors`). */
function chain(error) {
    const out = [];
    const queue = [error];
    while (queue.length > 0 && out.length < 16) {
        const e = queue.shift();
        if (typeof e !== 'object' || e === null)
            continue;
        const s = e;
        out.push(s);
        if (s.cause !== undefined)
            queue.push(s.cause);
        if (Array.isArray(s.errors))
            queue.push(...s.errors.slice(0, 4));
    }
    return out;
}
function whereOf(e) {
    if (typeof e.hostname === 'string')
        return e.hostname;
    if (typeof e.address === 'string')
        return typeof e.port === 'number' ? `${e.address}:${e.port}` : e.address;
    return '';
}
/**
 * A ServiceError for errors that mean "a server cannot be reached or refused us"; undefined for
 * anything else (a bug, or a UserError that the stage raised itself). `service` names the server
 * for the message (`GitHub API`, `the database`), `input` the input that points at it.
 */
function asServiceError(error, context = {}) {
    if (error instanceof ServiceError)
        return error;
    if (error instanceof UserError)
        return undefined;
    const service = context.service ?? 'a server';
    for (const e of chain(error)) {
        const code = typeof e.code === 'string' ? e.code : undefined;
        if (code && NETWORK_CODES[code]) {
            const where = whereOf(e);
            return new ServiceError(`cannot reach ${service}${where ? ` at ${where}` : ''}: ${NETWORK_CODES[code]}`, 'Check that the server is running and that the address is right (and reachable from this runner).', context.input, { cause: error });
        }
        if (code && TLS_CODES.has(code)) {
            return new ServiceError(`cannot connect to ${service} securely: ${code}`, 'Check the server certificate, or pass the CA that signed it.', context.input, { cause: error });
        }
        if (code && DATABASE_ACCESS[code]) {
            return new ServiceError(`${DATABASE_ACCESS[code]} (${code})`, 'Check the user, password and database name in the database URL.', context.input ?? 'database-url', { cause: error });
        }
    }
    // pg's own messages for a connection it cannot set up, and fetch's for a port it will not use
    // (1, 21, 22, 25…: the WHATWG "bad ports"), have no code.
    for (const e of chain(error)) {
        const message = typeof e.message === 'string' ? e.message : '';
        if (message === 'bad port')
            return new ServiceError(`cannot reach ${service}: its address has a port that fetch refuses to use ("bad port")`, 'Check the port in the address: a server is never meant to be reached on it.', context.input, { cause: error });
        if (/^SASL: .*password must be a string/.test(message))
            return new ServiceError('the database wants a password and none was given', 'Put the password in the database URL (postgres://user:password@host/db).', context.input ?? 'database-url', { cause: error });
        if (/^The server does not support SSL connections/.test(message))
            return new ServiceError('the database does not accept SSL, and the URL asks for it', 'Remove sslmode=require (or ssl=true) from the database URL, or enable SSL on the server.', context.input ?? 'database-url', { cause: error });
    }
    // Octokit's RequestError: an HTTP status from GitHub after its retries. Looked at only after the
    // causes, because Octokit reports a refused connection as status 500 with the socket error inside.
    for (const e of chain(error)) {
        const status = typeof e.status === 'number' ? e.status : undefined;
        const url = typeof e.request?.url === 'string' ? e.request.url : undefined;
        if (status !== undefined && url !== undefined) {
            const what = `${typeof e.message === 'string' ? e.message.split('\n')[0] : ''}`.trim();
            if (status === 401)
                return new ServiceError(`GitHub rejected the token (HTTP 401${what ? `: ${what}` : ''})`, 'Check that github-token is set and has not expired.', 'github-token', { cause: error });
            if (status === 403 || status === 404)
                return new ServiceError(`GitHub refused ${url.replace(/^https?:\/\/[^/]+/, '')} (HTTP ${status}${what ? `: ${what}` : ''})`, "Check the token's permissions (the workflow's `permissions:`) and that the repository is right.", 'github-token', { cause: error });
            if (status >= 500)
                return new ServiceError(`the GitHub API kept failing (HTTP ${status}${what ? `: ${what}` : ''})`, 'GitHub may be having trouble (githubstatus.com); re-run the job later.', undefined, { cause: error });
        }
    }
    return undefined;
}


/***/ }),

/***/ 74239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ readEventPayload),
/* harmony export */   S0: () => (/* binding */ githubContextFromEnv)
/* harmony export */ });
/* unused harmony export pullNumberOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/** The triggering event's payload; `{}` when GITHUB_EVENT_PATH is unset (the CLI outside Actions). */
function readEventPayload(env = process.env) {
    const file = env.GITHUB_EVENT_PATH;
    if (!file)
        return {};
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`cannot read the event payload: ${error.message}`, { file });
    }
    try {
        const parsed = JSON.parse(text);
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the event payload is not valid JSON: ${error.message}`, { file });
    }
}
/** The PR number of a pull_request(_target) event, or of an issue_comment on a PR. */
function pullNumberOf(event) {
    const pr = event.pull_request;
    if (pr && typeof pr.number === 'number')
        return pr.number;
    const issue = event.issue;
    if (issue?.pull_request && typeof issue.number === 'number')
        return issue.number;
    return undefined;
}
/**
 * GitHub context for a run, or undefined when there is no token or no repository (the CLI on a
 * laptop). `token` defaults to GITHUB_TOKEN so `npx shipkit` can post too when asked.
 * Octokit and its plugins load only here, when there is a token: a CLI run without one (most of
 * them) does not pay for compiling them (~10 ms of a 60 ms start).
 */
async function githubContextFromEnv(env, logger, token = env.GITHUB_TOKEN) {
    const repository = env.GITHUB_REPOSITORY;
    if (!token || !repository || !repository.includes('/'))
        return undefined;
    const [owner = '', repo = ''] = repository.split('/');
    const event = readEventPayload(env);
    const { apiUrlFromEnv, createOctokit } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 51434));
    return {
        octokit: createOctokit({ token, baseUrl: apiUrlFromEnv(env), logger }),
        owner,
        repo,
        serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
        eventName: env.GITHUB_EVENT_NAME ?? '',
        event,
        pullNumber: pullNumberOf(event),
        actor: env.GITHUB_ACTOR,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
    };
}


/***/ }),

/***/ 51434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiUrlFromEnv: () => (/* binding */ apiUrlFromEnv),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   nG: () => (/* binding */ httpStatus)
/* harmony export */ });
/* unused harmony exports DO_NOT_RETRY, RATE_LIMIT_RETRIES, MAX_RATE_LIMIT_WAIT_SECONDS */
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14730);
/* harmony import */ var _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93779);
/* harmony import */ var _octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49210);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86856);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74910);






const ShipkitOctokitClass = _octokit_core__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__/* .restEndpointMethods */ ._, _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__/* .paginateRest */ .ud, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
/**
 * Statuses the retry plugin never retries: the request itself is wrong (400, 422), the token is
 * wrong or lacks a permission (401, 403, 404, 410), or the content is blocked (451). Retrying these
 * only burns rate limit. 403 and 429 *rate limits* are not lost by this: the throttling plugin
 * handles them first and waits out `retry-after` / `x-ratelimit-reset`. Everything else (5xx,
 * network errors, a 429 without rate-limit headers) is retried with growing back-off.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];
/** How many times a request hit by a rate limit is tried again before the error reaches the caller. */
const RATE_LIMIT_RETRIES = 3;
/** A primary rate limit that resets later than this is not waited for: the caller decides. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 15 * 60;
function apiUrlFromEnv(env = process.env) {
    return (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
}
/**
 * fetch, saying each attempt that fails for the server's or the network's sake: the retry plugin
 * tries up to 3 more times over 14 s, silently, and the log must not look hung meanwhile. It sits
 * under the retry plugin (Octokit calls it once per attempt), where no hook can.
 */
function fetchSayingFailures(logger, retries) {
    const where = (input) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).replace(/\?.*$/, '');
    const note = `retried up to ${retries} time${retries === 1 ? '' : 's'}`;
    return async (input, init) => {
        try {
            const response = await fetch(input, init);
            if (response.status >= 500)
                logger.info(`GitHub API ${init?.method ?? 'GET'} ${where(input)} answered ${response.status} (${note})`);
            return response;
        }
        catch (error) {
            const cause = error.cause;
            const why = typeof cause?.code === 'string'
                ? cause.code
                : typeof cause?.message === 'string'
                    ? cause.message
                    : error.message;
            logger.info(`GitHub API ${init?.method ?? 'GET'} ${where(input)} failed: ${why} (${note})`);
            throw error;
        }
    };
}
/** The one way shipkit talks to GitHub. */
function createOctokit(options) {
    const { logger } = options;
    const retries = options.retries ?? 3;
    return new ShipkitOctokitClass({
        auth: options.token,
        baseUrl: options.baseUrl ?? apiUrlFromEnv(),
        userAgent: _version_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_AGENT */ ._,
        request: { fetch: fetchSayingFailures(logger, retries) },
        log: {
            debug: (message) => logger.debug(message),
            info: (message) => logger.debug(message),
            warn: (message) => logger.warning(message),
            error: (message) => logger.error(message),
        },
        retry: { doNotRetry: [...DO_NOT_RETRY], retries },
        throttle: {
            ...(options.throttleId ? { id: options.throttleId } : {}),
            onRateLimit: (retryAfter, request, _o, retryCount) => {
                const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
                logger.warning(`GitHub API rate limit reached for ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`);
                return retrying;
            },
            onSecondaryRateLimit: (retryAfter, request, _o, retryCount) => {
                const retrying = retryCount < RATE_LIMIT_RETRIES;
                logger.warning(`GitHub API secondary rate limit for ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`);
                return retrying;
            },
        },
    });
}
/** The status of an Octokit RequestError (or undefined for network errors and bugs). */
function httpStatus(error) {
    if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
        return error.status;
    }
    return undefined;
}


/***/ }),

/***/ 47766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ upsertStickySection)
});

// EXTERNAL MODULE: ./src/core/github/octokit.ts
var github_octokit = __webpack_require__(51434);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/comment/section.ts
var section = __webpack_require__(98762);
;// CONCATENATED MODULE: ./src/core/comment/trim.ts
/**
 * Cutting markdown to a length without breaking what follows it. A cut inside a fenced block turns
 * everything after it (the other stages' sections included) into code; a cut inside `<details>`
 * folds it away. So a cut is only made where no fence is open, every `<details>` still open there is
 * closed after the cut, and the note stands as its own paragraph.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DETAILS_OPEN = /<details\b/gi;
const DETAILS_CLOSE = /<\/details\s*>/gi;
/** Every place between lines where the text may be cut, in order. */
function cutPoints(markdown) {
    const points = [];
    let fence;
    let depth = 0;
    let pos = 0;
    let previousBlank = false;
    for (const line of markdown.split('\n')) {
        const end = pos + line.length;
        const marker = FENCE.exec(line)?.[1];
        if (fence !== undefined) {
            if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
                fence = undefined;
        }
        else if (marker) {
            fence = marker;
        }
        else {
            depth += (line.match(DETAILS_OPEN) ?? []).length - (line.match(DETAILS_CLOSE) ?? []).length;
            if (depth < 0)
                depth = 0;
        }
        const blank = line.trim() === '';
        if (fence === undefined)
            points.push({ end, depth, boundary: blank || previousBlank });
        previousBlank = blank;
        pos = end + 1;
    }
    return points;
}
const closing = (depth) => '\n\n</details>'.repeat(depth);
/**
 * `markdown` if it fits in `max` characters; else the longest well-formed prefix that fits with the
 * closing tags and `note` (its own paragraph). `keep` characters at the start (a heading) are never
 * cut, even if that leaves the result over `max`.
 */
function trimMarkdown(markdown, max, note, keep = 0) {
    if (markdown.length <= max)
        return markdown;
    const points = cutPoints(markdown).filter((p) => p.end >= keep);
    const fits = (p) => markdown.slice(0, p.end).trimEnd().length + closing(p.depth).length + 2 + note.length <= max;
    const candidates = points.filter(fits);
    // A block boundary near the best line cut reads better than half a paragraph.
    const best = candidates[candidates.length - 1];
    const boundary = [...candidates].reverse().find((p) => p.boundary);
    const chosen = boundary && best && best.end - boundary.end < 2_000 ? boundary : (best ?? points[0]);
    if (!chosen)
        return `${markdown.slice(0, Math.max(keep, 0)).trimEnd()}\n\n${note}`;
    return `${markdown.slice(0, chosen.end).trimEnd()}${closing(chosen.depth)}\n\n${note}`;
}
/** What `trimMarkdown` kept of the original, with the closing tags and note taken off again. */
function keptPart(trimmed, note) {
    const m = note.exec(trimmed);
    if (!m)
        return undefined;
    return trimmed
        .slice(0, m.index)
        .replace(/(?:\s*<\/details>)+\s*$/, '')
        .trimEnd();
}

;// CONCATENATED MODULE: ./src/core/comment/sticky-body.ts



/**
 * The body of shipkit's one PR comment: a marker, an overview table (one row per section: stage,
 * status, headline), then one section per stage (or per shard of a stage), each fenced by HTML
 * comments so every writer can replace its own and keep the others. The overview is rebuilt from the
 * sections' markers on every write, so it always matches the sections below it.
 */
const STICKY_MARKER = '<!-- shipkit:sticky v1 -->';
/** GitHub refuses comment bodies longer than this many characters. */
const COMMENT_BODY_LIMIT = 65_536;
/** Kept below the hard limit for the footer, the trim notes and safety. */
const BODY_BUDGET = COMMENT_BODY_LIMIT - 1_024;
// JSON in an HTML comment: `-`, `<` and `>` escaped so no value can end the comment early.
const encodeMeta = (meta) => JSON.stringify({ t: meta.title, s: meta.status, h: meta.headline }).replace(/[-<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
function decodeMeta(text) {
    if (!text)
        return undefined;
    try {
        const raw = JSON.parse(text);
        const status = ['pass', 'fail', 'warn'].includes(String(raw.s)) ? raw.s : 'unknown';
        const str = (v) => (typeof v === 'string' ? v : '');
        return { title: str(raw.t), status, headline: str(raw.h) };
    }
    catch {
        return undefined;
    }
}
const sticky_body_open = (s) => `<!-- shipkit:section ${s.key}${s.meta ? ` ${encodeMeta(s.meta)}` : ''} -->`;
const sticky_body_close = (key) => `<!-- /shipkit:section ${key} -->`;
const SECTION_RE = /<!-- shipkit:section ([\w./-]+)(?: (\{[^\n]*?\}))? -->\n([\s\S]*?)\n<!-- \/shipkit:section \1 -->/g;
const TRIM_NOTE = /\n\n… trimmed to fit GitHub's comment limit[^\n]*$/;
function isStickyBody(body) {
    return typeof body === 'string' && body.includes(STICKY_MARKER);
}
function parseSections(body) {
    const out = [];
    for (const m of body.matchAll(SECTION_RE)) {
        const meta = decodeMeta(m[2]);
        out.push({ key: m[1] ?? '', markdown: m[3] ?? '', ...(meta ? { meta } : {}) });
    }
    return out;
}
/** A section's text may not forge another section's fences, nor the comment's marker. */
function sanitize(markdown) {
    return markdown.replace(/<!-- \/?shipkit:[^>]*-->/g, '').trim();
}
function orderOf(key, order) {
    const i = order.indexOf(key.split('/')[0] ?? '');
    return i === -1 ? order.length : i;
}
function trimNote(summaryUrl) {
    return summaryUrl
        ? `… trimmed to fit GitHub's comment limit: [full report in the job summary](${summaryUrl})`
        : `… trimmed to fit GitHub's comment limit: the full report is in the job summary`;
}
/** The overview table: what a reviewer reads first. */
function overview(sections) {
    const rows = sections.map((s) => {
        const meta = s.meta ?? { title: s.key, status: 'unknown', headline: '' };
        const title = (0,section/* sectionTitle */.Gf)(meta.title || s.key, s.key);
        return [title, { markdown: `${(0,section/* statusIcon */.I8)(meta.status)} ${meta.status}` }, { markdown: (0,markdown/* escapeCell */.kq)(meta.headline) }];
    });
    return (0,markdown/* table */.tp)(['Stage', 'Status', 'Result'], rows);
}
/**
 * Merge `mine` into the sections already in `body` (replacing the one with the same key) and render
 * a body under the limit: when too long, the largest sections are trimmed first, each to an equal
 * share, so no section is ever dropped; a trimmed section keeps its heading and stays well-formed.
 */
function composeBody(existing, mine, options = {}) {
    const order = options.order ?? [];
    const byKey = new Map();
    for (const s of existing ? parseSections(existing) : [])
        if (!options.remove?.(s.key))
            byKey.set(s.key, s);
    byKey.set(mine.key, { ...mine, markdown: sanitize(mine.markdown) });
    const sections = [...byKey.values()].sort((a, b) => orderOf(a.key, order) - orderOf(b.key, order) || a.key.localeCompare(b.key));
    const header = `${STICKY_MARKER}\n### shipkit\n\n${overview(sections)}\n\n`;
    const footer = `\n<sub>${options.footer ?? 'Updated by shipkit. Each stage updates its own section.'}</sub>\n`;
    const fixed = header.length + footer.length + sections.reduce((n, s) => n + sticky_body_open(s).length + sticky_body_close(s.key).length + 4, 0);
    const total = fixed + sections.reduce((n, s) => n + s.markdown.length, 0);
    if (total > BODY_BUDGET) {
        // Water-filling: every section gets the same cap; sections under it keep their full text.
        const lengths = sections.map((s) => s.markdown.length).sort((a, b) => a - b);
        let room = BODY_BUDGET - fixed;
        let cap = 0;
        for (let i = 0; i < lengths.length; i++) {
            const share = Math.floor(room / (lengths.length - i));
            if ((lengths[i] ?? 0) > share) {
                cap = share;
                break;
            }
            room -= lengths[i] ?? 0;
        }
        const note = trimNote(options.summaryUrl);
        for (const s of sections) {
            const headingEnd = s.markdown.indexOf('\n');
            s.markdown = trimMarkdown(s.markdown, cap, note, headingEnd === -1 ? s.markdown.length : headingEnd);
        }
    }
    const parts = sections.map((s) => `${sticky_body_open(s)}\n${s.markdown}\n${sticky_body_close(s.key)}`);
    return `${header}${parts.join('\n\n')}\n${footer}`;
}
/** True when `body` holds `mine` exactly as composeBody would have written it (or trimmed by another writer). */
function holdsSection(body, mine) {
    if (!isStickyBody(body))
        return false;
    const found = parseSections(body ?? '').find((s) => s.key === mine.key);
    if (!found)
        return false;
    const want = sanitize(mine.markdown);
    if (found.markdown === want)
        return true;
    // Trimmed to fit: what is left (without the closing tags and the note) must be a prefix of ours.
    const kept = keptPart(found.markdown, TRIM_NOTE);
    return kept !== undefined && want.startsWith(kept);
}

;// CONCATENATED MODULE: ./src/core/github/sticky-comment.ts


const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** GitHub's answer when the token may not write here (a fork PR's token, or missing permissions). */
function isForbidden(error) {
    const status = (0,github_octokit/* httpStatus */.nG)(error);
    return status === 403 && /not accessible by integration|must have|permission/i.test(String(error.message));
}
/** Every marker comment on the PR, oldest first (paginated: a busy PR has hundreds of comments). */
async function findStickyComments(octokit, ref) {
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.issueNumber,
        per_page: 100,
    });
    return all
        .filter((c) => isStickyBody(c.body))
        .map((c) => ({ id: Number(c.id), body: c.body ?? '', html_url: c.html_url }))
        .sort((a, b) => a.id - b.id);
}
async function readComment(octokit, ref, id) {
    const { data } = await octokit.rest.issues.getComment({ owner: ref.owner, repo: ref.repo, comment_id: id });
    return data.body ?? '';
}
/** Sections of `other` that `base` lacks (except ours, which the caller writes fresh). */
function foldMissingSections(base, other, ownKey, options) {
    let merged = base;
    const present = new Set(parseSections(base).map((s) => s.key));
    for (const s of parseSections(other)) {
        if (s.key !== ownKey && !present.has(s.key))
            merged = composeBody(merged, s, options);
    }
    return merged;
}
/** Several writers may fold and delete the same duplicate; the second delete finds it gone. */
async function deleteIfPresent(octokit, ref, id) {
    try {
        await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: id });
    }
    catch (error) {
        if ((0,github_octokit/* httpStatus */.nG)(error) !== 404)
            throw error;
    }
}
/**
 * Put `section` into shipkit's one comment on the PR, creating the comment if there is none.
 * Safe when several jobs write their sections at once: GitHub has no compare-and-swap for
 * comments, so each writer reads, merges, writes, then verifies (at once and again after a
 * jittered pause) and starts over if another writer's stale body erased its section. When two
 * writers both create a comment, the oldest wins and the newer ones are folded into it.
 */
async function upsertStickySection(octokit, ref, section, options) {
    const { logger } = options;
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const maxAttempts = options.maxAttempts ?? 8;
    const [settleMin, settleMax] = options.settleMs ?? [500, 1_500];
    const composeOptions = {
        summaryUrl: options.summaryUrl,
        order: options.order ?? [],
        ...(options.remove ? { remove: options.remove } : {}),
    };
    const compose = (existing) => composeBody(existing, section, composeOptions);
    let status = 'unchanged';
    try {
        for (let attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1)
                await sleep(Math.round(200 * attempt * (0.5 + random())));
            const found = await findStickyComments(octokit, ref);
            let target = found[0];
            if (!target) {
                const { data } = await octokit.rest.issues.createComment({
                    owner: ref.owner,
                    repo: ref.repo,
                    issue_number: ref.issueNumber,
                    body: compose(undefined),
                });
                status = 'created';
                target = { id: Number(data.id), body: data.body ?? '', html_url: data.html_url };
                // Another job may have created one at the same moment: the oldest is the one everyone keeps.
                const after = await findStickyComments(octokit, ref);
                if (after[0] && after[0].id !== target.id) {
                    logger.debug(`sticky comment: another writer created #${after[0].id} first; folding ours into it`);
                    await deleteIfPresent(octokit, ref, target.id);
                    // Ours is gone: what this writer finally does is update the older comment.
                    status = 'unchanged';
                    continue;
                }
            }
            // Fold any duplicates (from an earlier creation race) into the oldest comment, then remove them.
            let base = target.body;
            for (const dup of found.slice(1))
                base = foldMissingSections(base, dup.body, section.key, composeOptions);
            const body = compose(base);
            if (body !== target.body) {
                await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: target.id, body });
                if (status !== 'created')
                    status = 'updated';
            }
            for (const dup of found.slice(1))
                await deleteIfPresent(octokit, ref, dup.id);
            if (!holdsSection(await readComment(octokit, ref, target.id), section)) {
                logger.debug(`sticky comment: section '${section.key}' was overwritten, attempt ${attempt}`);
                continue;
            }
            await sleep(settleMin + Math.floor(random() * Math.max(1, settleMax - settleMin)));
            if (!holdsSection(await readComment(octokit, ref, target.id), section)) {
                logger.debug(`sticky comment: section '${section.key}' lost after settling, attempt ${attempt}`);
                continue;
            }
            return { status, commentId: target.id, url: target.html_url, attempts: attempt };
        }
    }
    catch (error) {
        if (isForbidden(error)) {
            return { status: 'forbidden', attempts: 1, reason: error.message };
        }
        throw error;
    }
    throw new Error(`could not keep section '${section.key}' in the PR comment after ${maxAttempts} attempts`);
}


/***/ }),

/***/ 89114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports mapSource, splitList */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

/** A source over a plain map, e.g. parsed CLI flags or a test's options. */
function mapSource(values, style = 'flag') {
    return {
        get: (name) => {
            const v = values[name];
            return v === undefined || v.trim() === '' ? undefined : v;
        },
        label: (name) => (style === 'flag' ? `--${name}` : `input '${name}'`),
        mask: () => undefined,
    };
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Typed, validated reads. Every error names the option and repeats the bad value. */
class InputReader {
    source;
    constructor(source) {
        this.source = source;
    }
    fail(name, value, expected) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${this.source.label(name)} must be ${expected}, got '${value}'`, { input: name });
    }
    /** One value. A CLI flag given twice for it is a mistake, not a list. */
    string(name) {
        const given = this.source.count?.(name) ?? 0;
        if (given > 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${this.source.label(name)} takes one value but was given ${given} times`, { input: name });
        }
        return this.source.get(name)?.trim();
    }
    required(name) {
        const v = this.string(name);
        if (v === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${this.source.label(name)} is required`, { input: name });
        return v;
    }
    /** Raw, untrimmed text (multi-line scripts, inline YAML). */
    text(name) {
        return this.source.get(name);
    }
    /** YAML 1.2 core booleans, as core.getBooleanInput accepts them; "yes" is refused, not guessed. */
    bool(name, fallback) {
        const v = this.string(name);
        if (v === undefined)
            return fallback;
        if (TRUE.includes(v))
            return true;
        if (FALSE.includes(v))
            return false;
        return this.fail(name, v, 'true or false');
    }
    number(name, opts = {}) {
        const v = this.string(name);
        if (v === undefined)
            return undefined;
        const n = Number(v.replace(/%$/, ''));
        const range = opts.min !== undefined && opts.max !== undefined
            ? ` from ${opts.min} to ${opts.max}`
            : opts.min !== undefined
                ? ` ≥ ${opts.min}`
                : opts.max !== undefined
                    ? ` ≤ ${opts.max}`
                    : '';
        const what = `${opts.integer ? 'a whole number' : 'a number'}${range}`;
        if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)))
            this.fail(name, v, what);
        if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max))
            this.fail(name, v, what);
        return n;
    }
    /** One value per line or comma-separated; blanks dropped. */
    list(name) {
        const v = this.source.get(name);
        if (v === undefined)
            return [];
        return splitList(v);
    }
    /** Like list(), but split on newlines only: for shell commands, which may contain commas. */
    lines(name) {
        const v = this.source.get(name);
        if (v === undefined)
            return [];
        return v
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
    }
    oneOf(name, allowed, fallback) {
        const v = this.string(name);
        if (v === undefined)
            return fallback;
        if (allowed.includes(v))
            return v;
        return this.fail(name, v, `one of ${allowed.join(', ')}`);
    }
    /** `500ms`, `30s`, `5m`, `1h`, `2d`, or a bare number of `bareUnit`s. Returns milliseconds. */
    duration(name, bareUnit = 's') {
        const v = this.string(name);
        if (v === undefined)
            return undefined;
        const ms = parseDuration(v, bareUnit);
        if (ms === undefined)
            return this.fail(name, v, 'a duration such as 30s, 5m or 1h');
        return ms;
    }
    /** A token or secret: registered for masking before anything can print it. */
    secret(name) {
        const v = this.string(name);
        if (v !== undefined)
            this.source.mask(v);
        return v;
    }
}
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
function parseDuration(value, bareUnit = 's') {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
    if (!m)
        return undefined;
    const unit = m[2] ?? bareUnit;
    return Math.round(Number(m[1]) * (DURATION_UNITS[unit] ?? 1000));
}


/***/ }),

/***/ 16706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ blocks),
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/**
 * The markdown every stage writes (PR comment, job summary, check run) goes through these helpers, so
 * that text from reports (test names, file paths, error messages, SQL) can never break the structure
 * around it: a `|` in a table cell, a backtick run in inline code, a ``` inside a fenced block, a list
 * that swallows the paragraph after it. Rendered output is tested with a CommonMark/GFM parser.
 */
/** Text in a table cell: pipes escaped, line breaks flattened, HTML-significant `<` neutralised. */
function escapeCell(text) {
    return text
        .replace(/\r?\n|\r/g, ' ')
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;');
}
/** Inline text that must not become markup (`*`, `_`, `[`, `<`, backticks…). */
function escapeText(text) {
    return text
        .replace(/\r?\n|\r/g, ' ')
        .replace(/([\\`*_{}[\]()#+!|~>-])/g, '\\$1')
        .replace(/</g, '&lt;');
}
/** Inline code that survives backticks inside: the delimiter is one longer than the longest run. */
function code(text) {
    const flat = text.replace(/\r?\n|\r/g, ' ');
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
    return `${ticks}${pad}${flat}${pad}${ticks}`;
}
/** A fenced block whose fence is longer than any backtick run inside, so the content cannot close it. */
function fence(text, lang = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    return `${ticks}${lang}\n${text.replace(/\s+$/, '')}\n${ticks}`;
}
/** A GFM table. Cells are escaped here; pass raw text, or `{ markdown }` for a cell that is markup already. */
function table(header, rows, align = []) {
    const cell = (c) => 
    // GFM splits a row at every unescaped `|`, inside code spans too: escape those of markup cells.
    typeof c === 'object' ? c.markdown.replace(/\r?\n|\r/g, ' ').replace(/(?<!\\)\|/g, '\\|') : escapeCell(String(c));
    const rule = header.map((_, i) => {
        const a = align[i];
        return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
    });
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [
        line(header.map(escapeCell)),
        line(rule),
        ...rows.map((r) => line(header.map((_, i) => cell(r[i] ?? '')))),
    ].join('\n');
}
/** A bullet list of markdown items; each item is one line (line breaks inside are flattened). */
function list(items) {
    return items.map((i) => `- ${i.replace(/\r?\n|\r/g, ' ')}`).join('\n');
}
/** Collapsed content. Blank lines around the body let GitHub render markdown inside the HTML block. */
function details(summary, body) {
    return `<details><summary>${summary.replace(/</g, '&lt;')}</summary>\n\n${body.trim()}\n\n</details>`;
}
/**
 * Joins blocks (paragraphs, tables, lists, fences, details) with a blank line between each, so a
 * block never continues the one before: a paragraph after a list is not part of its last item.
 */
function blocks(...parts) {
    return parts
        .filter((p) => typeof p === 'string' && p.trim() !== '')
        .map((p) => p.trim())
        .join('\n\n');
}
const STATUS_ICON = { pass: '✅', fail: '❌', warn: '⚠️' };
function link(text, url) {
    return `[${text.replace(/([[\]\\])/g, '\\$1')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}


/***/ }),

/***/ 12258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ urlCredentialForms),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export REDACTED */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16706);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72020);
/**
 * The one place secrets are taken out of what shipkit writes. Every value registered here (the token,
 * `headers` values, database passwords, webhook URLs — anything an input marks secret) is replaced in
 * every channel before it leaves: PR comment, job summary, annotations, outputs, report JSON, log and
 * CLI text. The runner masks its log on its own (core.setSecret); the other channels are files and API
 * calls that it never sees, so they pass through here.
 */


const REDACTED = '***';
/** Shorter values would mangle ordinary text ("a", "1"); the runner does not mask them usefully either. */
const MIN_SECRET_LENGTH = 3;
/**
 * What shipkit writes where it cuts a long text (`cut` in ./text.ts), and `...`, which smoke's
 * expectations and many tools write. A secret cut there leaves its first characters behind, which
 * `redact` takes out too: from this many on (fewer would also hide ordinary words before an ellipsis).
 */
const CUT_MARKS = new RegExp(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(_text_js__WEBPACK_IMPORTED_MODULE_1__/* .CUT_MARK */ .Hj)}|\\.\\.\\.`, 'g');
const MIN_CUT_PREFIX = 4;
class Redactor {
    values = new Set();
    pattern;
    /**
     * Registers a secret, and the forms it takes when written into a URL, a JSON string, or markdown
     * (escaped as inline text or as a table cell: `pw-s_1` is written `pw\-s\_1` there).
     */
    add(value) {
        if (value === undefined)
            return;
        const forms = new Set();
        for (const part of [value, ...value.split(/\r?\n/)]) {
            const v = part.trim();
            if (v.length < MIN_SECRET_LENGTH)
                continue;
            forms.add(v);
            forms.add(encodeURIComponent(v));
            forms.add(JSON.stringify(v).slice(1, -1));
            forms.add((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(v));
            forms.add((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(v));
        }
        let added = false;
        for (const f of forms) {
            if (f.length >= MIN_SECRET_LENGTH && !this.values.has(f)) {
                this.values.add(f);
                added = true;
            }
        }
        if (added)
            this.pattern = undefined;
    }
    get size() {
        return this.values.size;
    }
    /**
     * `text` with every registered secret replaced by `***`, and the start of one that a cut left
     * just before a cut marker (`…`, `...`).
     */
    redact(text) {
        if (this.values.size === 0 || text === '')
            return text;
        if (!this.pattern) {
            // Longest first, so a secret that contains another is replaced whole.
            const sorted = [...this.values].sort((a, b) => b.length - a.length);
            this.pattern = new RegExp(sorted.map(_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt).join('|'), 'g');
        }
        return this.redactCutStarts(text.replace(this.pattern, REDACTED));
    }
    /** Before each cut mark: the longest run of text that a secret starts with (MIN_CUT_PREFIX or more). */
    redactCutStarts(text) {
        let out = '';
        let from = 0;
        // Only the marks are visited: a report's strings are walked here once a token is registered.
        for (const mark of text.matchAll(CUT_MARKS)) {
            const at = mark.index;
            let longest = 0;
            for (const secret of this.values) {
                for (let k = Math.min(secret.length - 1, at - from); k >= MIN_CUT_PREFIX && k > longest; k--) {
                    if (text.startsWith(secret.slice(0, k), at - k)) {
                        longest = k;
                        break;
                    }
                }
            }
            if (longest > 0) {
                out += `${text.slice(from, at - longest)}${REDACTED}`;
                from = at;
            }
        }
        return out + text.slice(from);
    }
    /** A copy of `value` with every string in it (keys too) redacted. */
    redactDeep(value) {
        if (this.values.size === 0)
            return value;
        return this.walk(value);
    }
    walk(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((v) => this.walk(v));
        if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
            const out = {};
            for (const [k, v] of Object.entries(value))
                out[this.redact(k)] = this.walk(v);
            return out;
        }
        return value;
    }
}
/**
 * A credential taken from a URL (its password, or a token written as its user), as the URL writes it
 * and decoded, so that each is masked on its own; a stray `%` that is no escape stays as written.
 */
function urlCredentialForms(credential) {
    if (!credential)
        return [];
    try {
        return [...new Set([credential, decodeURIComponent(credential)])];
    }
    catch {
        return [credential];
    }
}


/***/ }),

/***/ 8366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   PB: () => (/* binding */ runInfoFromEnv),
/* harmony export */   c2: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71855);

/** Status follows the gates: any failed gate fails the stage; warnings alone make it `warn`. */
function statusOf(gates, warnings, failed = false) {
    if (failed || gates.some((g) => !g.passed))
        return 'fail';
    return warnings.length > 0 ? 'warn' : 'pass';
}
function buildReport(draft) {
    const finishedAt = draft.finishedAt ?? new Date();
    const warnings = draft.warnings ?? [];
    return {
        ...(draft.data ?? {}),
        schemaVersion: _types_js__WEBPACK_IMPORTED_MODULE_0__/* .REPORT_SCHEMA_VERSION */ .W,
        stage: draft.stage,
        status: statusOf(draft.gates, warnings, draft.failed),
        summary: draft.summary,
        startedAt: draft.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: Math.max(0, finishedAt.getTime() - draft.startedAt.getTime()),
        run: draft.run ?? {},
        gates: draft.gates,
        warnings,
    };
}
/** Run identity from the runner's environment (empty outside Actions). */
function runInfoFromEnv(env = process.env) {
    const info = {};
    const set = (key, value) => {
        if (value)
            info[key] = value;
    };
    set('repository', env.GITHUB_REPOSITORY);
    set('runId', env.GITHUB_RUN_ID);
    set('runAttempt', env.GITHUB_RUN_ATTEMPT);
    set('job', env.GITHUB_JOB);
    set('sha', env.GITHUB_SHA);
    set('ref', env.GITHUB_REF);
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        set('url', `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`);
    }
    set('shard', env.SHIPKIT_SHARD);
    return info;
}


/***/ }),

/***/ 72503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ reportFilePieces)
/* harmony export */ });
/* unused harmony export prettyJsonPieces */
/** Characters gathered before a piece is handed out (a batch of array items aims at this size too). */
const PIECE = 64 * 1024;
/** Objects this deep are written member by member; deeper ones by JSON.stringify whole. */
const WALK_DEPTH = 4;
/** Items of an array stringified together at first; later batches aim at a piece's size. */
const FIRST_BATCH = 16;
/**
 * `JSON.stringify(value, null, 2)`, character for character, in pieces of 64 to ~128 K characters.
 * A report can hold 5 000 failures or 100 000 findings: written as one string, the string, its copy
 * with a newline added and the encoded bytes were each as big as the report at once (6 MB of a
 * 57 MB JUnit run's peak memory). Here the objects near the top are written member by member and
 * arrays a batch of items at a time, so only about a piece is held at once.
 *
 * Everything is JSON.stringify's own output, so toJSON, undefined members and the rest are its own
 * doing. A batch of items is stringified as an array wrapped in as many arrays as it is deep, so
 * JSON.stringify indents it to its place itself; the few values below WALK_DEPTH that are not
 * arrays get the indent after each newline (JSON.stringify escapes every newline inside a string,
 * so each one it writes starts a line of its structure). On a 2 MB test report, in a fresh process:
 * 8–13 ms against one JSON.stringify's 7–10 ms (a generator step per member had taken 40–75 ms).
 */
function* prettyJsonPieces(value) {
    if (leftOut(value))
        return;
    const out = { piece: '' };
    yield* write(value, '', out);
    if (out.piece !== '')
        yield out.piece;
}
/** The report as its file holds it: pretty-printed, with a final newline. */
function* reportFilePieces(report) {
    yield* prettyJsonPieces(report);
    yield '\n';
}
/** Writes `v` at `indent`: two spaces a level, so its depth is half the indent's length. */
function* write(v, indent, out) {
    if (Array.isArray(v) && typeof v.toJSON !== 'function') {
        yield* writeArray(v, indent, out);
    }
    else if (indent.length / 2 < WALK_DEPTH && isPlainObject(v)) {
        yield* writeObject(v, indent, out);
    }
    else {
        // Never undefined here: the callers leave out what JSON.stringify leaves out.
        out.piece += indented(JSON.stringify(v, null, 2), indent);
    }
    if (out.piece.length >= PIECE)
        yield take(out);
}
function* writeObject(v, indent, out) {
    const inner = `${indent}  `;
    let first = true;
    for (const key of Object.keys(v)) {
        const member = v[key];
        if (leftOut(member))
            continue;
        out.piece += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
        first = false;
        yield* write(member, inner, out);
    }
    out.piece += first ? '{}' : `\n${indent}}`;
}
function* writeArray(v, indent, out) {
    if (v.length === 0) {
        out.piece += '[]';
        return;
    }
    out.piece += '[';
    // The items are stringified inside as many arrays as this one is deep, so JSON.stringify indents
    // them to their place itself (a replace of every newline after it cost as much again); the
    // wrapping arrays' brackets are cut off.
    const depth = indent.length / 2;
    // Each wrapping level opens with "<its indent>[\n" and closes with "\n<its indent>]".
    let cut = 0;
    for (let level = 0; level <= depth; level++)
        cut += 2 * level + 2;
    let batch = FIRST_BATCH;
    for (let start = 0, end = 0; start < v.length; start = end) {
        end = Math.min(v.length, start + batch);
        let wrapped = v.slice(start, end);
        for (let level = 0; level < depth; level++)
            wrapped = [wrapped];
        const text = JSON.stringify(wrapped, null, 2);
        out.piece += `${start === 0 ? '' : ','}\n${text.slice(cut, text.length - cut)}`;
        if (out.piece.length >= PIECE)
            yield take(out);
        // Next time about a piece's worth of items, going by this batch's size.
        batch = Math.max(1, Math.floor((PIECE * (end - start)) / text.length));
    }
    out.piece += `\n${indent}]`;
}
function take(out) {
    const piece = out.piece;
    out.piece = '';
    return piece;
}
function indented(text, indent) {
    return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
/** An object JSON.stringify writes by its own keys: no toJSON, not a boxed primitive. */
function isPlainObject(v) {
    if (v === null || typeof v !== 'object')
        return false;
    if (v instanceof Number || v instanceof String || v instanceof Boolean)
        return false;
    return typeof v.toJSON !== 'function';
}
/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function leftOut(v) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol')
        return true;
    // A toJSON that returns one of those: the member is left out too.
    if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function')
        return JSON.stringify(v) === undefined;
    return false;
}


/***/ }),

/***/ 25670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ BaseReportSchema),
  UX: () => (/* binding */ Nullable),
  uc: () => (/* binding */ StatusSchema),
  w2: () => (/* binding */ assertReportMatches),
  K3: () => (/* binding */ schemaViolations),
  kZ: () => (/* binding */ stageReportSchema)
});

// UNUSED EXPORTS: GateSchema, GateValueSchema, RunErrorSchema, RunInfoSchema, precompiledCheck, schemaFingerprint

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/registry/format.mjs
var registry_format = __webpack_require__(53646);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 82 modules
var type = __webpack_require__(97375);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/compiler/compiler.mjs + 5 modules
var compiler = __webpack_require__(97415);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/errors/errors.mjs + 1 modules
var errors = __webpack_require__(53355);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/value/hash/hash.mjs
var hash = __webpack_require__(63587);
;// CONCATENATED MODULE: ./src/generated/report-checks.js
// Generated by scripts/docs.ts from the report schemas: do not edit. `npm run docs` rewrites it.
// Each check is the code TypeCompiler.Compile would evaluate at run time, with the fingerprint of
// the schema it was compiled from (see precompiledCheck in src/core/report/schema.ts).
const REPORT_CHECKS = {
  "https://shipkit.dev/schemas/report.schema.json": {
    fingerprint: "zkTjD2z3JBqGGiYDGoMoXo_zZghMMCJgKDOUpb9NzJ8",
    factory: function (kind, format, hash) {
const local_0 = /^[a-z][a-z0-9-]*$/;
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (typeof value['stage'] === 'string') &&
    local_0.test(value['stage']) &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true)
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_report_46_schema_46_json(value)
}
},
  },
  "https://shipkit.dev/schemas/test-report.schema.json": {
    fingerprint: "UpcvF18-5SD9kCWbJaDtx0VlffVJaUsaM7Fhpfs1OkU",
    factory: function (kind, format, hash) {
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_test_45_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (value['stage'] === 'test') &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true) &&
    (typeof value['coverage'] === 'object' && value['coverage'] !== null && !Array.isArray(value['coverage'])) &&
    (typeof value['coverage']['totals'] === 'object' && value['coverage']['totals'] !== null && !Array.isArray(value['coverage']['totals'])) &&
    (((typeof value['coverage']['totals']['lines'] === 'object' && value['coverage']['totals']['lines'] !== null && !Array.isArray(value['coverage']['totals']['lines'])) && Number.isInteger(value['coverage']['totals']['lines']['covered']) && value['coverage']['totals']['lines']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['lines']['total']) && value['coverage']['totals']['lines']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['lines']['pct']) && value['coverage']['totals']['lines']['pct'] <= 100 && value['coverage']['totals']['lines']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['lines']).length === 3) || ((value['coverage']['totals']['lines'] === null))) &&
    (((typeof value['coverage']['totals']['branches'] === 'object' && value['coverage']['totals']['branches'] !== null && !Array.isArray(value['coverage']['totals']['branches'])) && Number.isInteger(value['coverage']['totals']['branches']['covered']) && value['coverage']['totals']['branches']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['branches']['total']) && value['coverage']['totals']['branches']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['branches']['pct']) && value['coverage']['totals']['branches']['pct'] <= 100 && value['coverage']['totals']['branches']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['branches']).length === 3) || ((value['coverage']['totals']['branches'] === null))) &&
    (((typeof value['coverage']['totals']['functions'] === 'object' && value['coverage']['totals']['functions'] !== null && !Array.isArray(value['coverage']['totals']['functions'])) && Number.isInteger(value['coverage']['totals']['functions']['covered']) && value['coverage']['totals']['functions']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['functions']['total']) && value['coverage']['totals']['functions']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['functions']['pct']) && value['coverage']['totals']['functions']['pct'] <= 100 && value['coverage']['totals']['functions']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['functions']).length === 3) || ((value['coverage']['totals']['functions'] === null))) &&
    (((typeof value['coverage']['totals']['statements'] === 'object' && value['coverage']['totals']['statements'] !== null && !Array.isArray(value['coverage']['totals']['statements'])) && Number.isInteger(value['coverage']['totals']['statements']['covered']) && value['coverage']['totals']['statements']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['statements']['total']) && value['coverage']['totals']['statements']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['statements']['pct']) && value['coverage']['totals']['statements']['pct'] <= 100 && value['coverage']['totals']['statements']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['statements']).length === 3) || ((value['coverage']['totals']['statements'] === null))) &&
    Object.getOwnPropertyNames(value['coverage']['totals']).length === 4 &&
    (((typeof value['coverage']['headline'] === 'object' && value['coverage']['headline'] !== null && !Array.isArray(value['coverage']['headline'])) && (((value['coverage']['headline']['metric'] === 'lines')) || ((value['coverage']['headline']['metric'] === 'branches')) || ((value['coverage']['headline']['metric'] === 'functions')) || ((value['coverage']['headline']['metric'] === 'statements'))) && Number.isFinite(value['coverage']['headline']['pct']) && value['coverage']['headline']['pct'] <= 100 && value['coverage']['headline']['pct'] >= 0 && (typeof value['coverage']['headline']['why'] === 'string') && Object.getOwnPropertyNames(value['coverage']['headline']).length === 3) || ((value['coverage']['headline'] === null))) &&
    Array.isArray(value['coverage']['files']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['path'] === 'string') && (((typeof value['lines'] === 'object' && value['lines'] !== null && !Array.isArray(value['lines'])) && Number.isInteger(value['lines']['covered']) && value['lines']['covered'] >= 0 && Number.isInteger(value['lines']['total']) && value['lines']['total'] >= 0 && Number.isFinite(value['lines']['pct']) && value['lines']['pct'] <= 100 && value['lines']['pct'] >= 0 && Object.getOwnPropertyNames(value['lines']).length === 3) || ((value['lines'] === null))) && (((typeof value['branches'] === 'object' && value['branches'] !== null && !Array.isArray(value['branches'])) && Number.isInteger(value['branches']['covered']) && value['branches']['covered'] >= 0 && Number.isInteger(value['branches']['total']) && value['branches']['total'] >= 0 && Number.isFinite(value['branches']['pct']) && value['branches']['pct'] <= 100 && value['branches']['pct'] >= 0 && Object.getOwnPropertyNames(value['branches']).length === 3) || ((value['branches'] === null))) && (((typeof value['functions'] === 'object' && value['functions'] !== null && !Array.isArray(value['functions'])) && Number.isInteger(value['functions']['covered']) && value['functions']['covered'] >= 0 && Number.isInteger(value['functions']['total']) && value['functions']['total'] >= 0 && Number.isFinite(value['functions']['pct']) && value['functions']['pct'] <= 100 && value['functions']['pct'] >= 0 && Object.getOwnPropertyNames(value['functions']).length === 3) || ((value['functions'] === null))) && (((typeof value['statements'] === 'object' && value['statements'] !== null && !Array.isArray(value['statements'])) && Number.isInteger(value['statements']['covered']) && value['statements']['covered'] >= 0 && Number.isInteger(value['statements']['total']) && value['statements']['total'] >= 0 && Number.isFinite(value['statements']['pct']) && value['statements']['pct'] <= 100 && value['statements']['pct'] >= 0 && Object.getOwnPropertyNames(value['statements']).length === 3) || ((value['statements'] === null))) && Object.getOwnPropertyNames(value).length === 5))) { return false }; return true; })(value['coverage']['files']) &&
    (((typeof value['coverage']['diff'] === 'object' && value['coverage']['diff'] !== null && !Array.isArray(value['coverage']['diff'])) && Number.isInteger(value['coverage']['diff']['covered']) && value['coverage']['diff']['covered'] >= 0 && Number.isInteger(value['coverage']['diff']['total']) && value['coverage']['diff']['total'] >= 0 && Number.isFinite(value['coverage']['diff']['pct']) && value['coverage']['diff']['pct'] <= 100 && value['coverage']['diff']['pct'] >= 0 && Array.isArray(value['coverage']['diff']['files']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['path'] === 'string') && Number.isInteger(value['covered']) && value['covered'] >= 0 && Number.isInteger(value['total']) && value['total'] >= 0 && Number.isFinite(value['pct']) && value['pct'] <= 100 && value['pct'] >= 0 && Array.isArray(value['uncovered']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && Number.isInteger(value['start']) && value['start'] >= 1 && Number.isInteger(value['end']) && value['end'] >= 1 && Object.getOwnPropertyNames(value).length === 2))) { return false }; return true; })(value['uncovered']) && Object.getOwnPropertyNames(value).length === 5))) { return false }; return true; })(value['coverage']['diff']['files']) && Object.getOwnPropertyNames(value['coverage']['diff']).length === 4) || ((value['coverage']['diff'] === null))) &&
    (typeof value['coverage']['diffStatus'] === 'string') &&
    (((typeof value['coverage']['baseline'] === 'object' && value['coverage']['baseline'] !== null && !Array.isArray(value['coverage']['baseline'])) && (typeof value['coverage']['baseline']['branch'] === 'string') && (typeof value['coverage']['baseline']['sha'] === 'string') && (typeof value['coverage']['baseline']['createdAt'] === 'string') && (((typeof value['coverage']['baseline']['deltas'] === 'object' && value['coverage']['baseline']['deltas'] !== null && !Array.isArray(value['coverage']['baseline']['deltas'])) && ((Number.isFinite(value['coverage']['baseline']['deltas']['lines'])) || ((value['coverage']['baseline']['deltas']['lines'] === null))) && ((Number.isFinite(value['coverage']['baseline']['deltas']['branches'])) || ((value['coverage']['baseline']['deltas']['branches'] === null))) && ((Number.isFinite(value['coverage']['baseline']['deltas']['functions'])) || ((value['coverage']['baseline']['deltas']['functions'] === null))) && ((Number.isFinite(value['coverage']['baseline']['deltas']['statements'])) || ((value['coverage']['baseline']['deltas']['statements'] === null))) && Object.getOwnPropertyNames(value['coverage']['baseline']['deltas']).length === 4) || ((value['coverage']['baseline']['deltas'] === null))) && Object.getOwnPropertyNames(value['coverage']['baseline']).length === 4) || ((value['coverage']['baseline'] === null))) &&
    (((value['coverage']['baselineStatus'] === 'found')) || ((value['coverage']['baselineStatus'] === 'none-yet')) || ((value['coverage']['baselineStatus'] === 'not-applicable'))) &&
    (((typeof value['coverage']['baselineSaved'] === 'object' && value['coverage']['baselineSaved'] !== null && !Array.isArray(value['coverage']['baselineSaved'])) && (typeof value['coverage']['baselineSaved']['branch'] === 'string') && (typeof value['coverage']['baselineSaved']['sha'] === 'string') && Object.getOwnPropertyNames(value['coverage']['baselineSaved']).length === 2) || ((value['coverage']['baselineSaved'] === null))) &&
    Array.isArray(value['coverage']['sources']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['file'] === 'string') && (typeof value['format'] === 'string') && Object.getOwnPropertyNames(value).length === 2))) { return false }; return true; })(value['coverage']['sources']) &&
    Array.isArray(value['coverage']['unmatchedPaths']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['reported'] === 'string') && (typeof value['guess'] === 'string') && (((value['reason'] === 'not-found')) || ((value['reason'] === 'ambiguous'))) && Object.getOwnPropertyNames(value).length === 3))) { return false }; return true; })(value['coverage']['unmatchedPaths']) &&
    Object.getOwnPropertyNames(value['coverage']).length === 10 &&
    (((typeof value['tests'] === 'object' && value['tests'] !== null && !Array.isArray(value['tests'])) && Number.isInteger(value['tests']['total']) && value['tests']['total'] >= 0 && Number.isInteger(value['tests']['passed']) && value['tests']['passed'] >= 0 && Number.isInteger(value['tests']['failed']) && value['tests']['failed'] >= 0 && Number.isInteger(value['tests']['errors']) && value['tests']['errors'] >= 0 && Number.isInteger(value['tests']['skipped']) && value['tests']['skipped'] >= 0 && Number.isInteger(value['tests']['flaky']) && value['tests']['flaky'] >= 0 && Array.isArray(value['tests']['sources']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['tests']['sources']) && Array.isArray(value['tests']['failures']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && Array.isArray(value['suite']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['suite']) && (((value['status'] === 'failed')) || ((value['status'] === 'error'))) && (value['classname'] !== undefined ? ((typeof value['classname'] === 'string')) : true) && (value['file'] !== undefined ? ((typeof value['file'] === 'string')) : true) && (value['line'] !== undefined ? (Number.isInteger(value['line'])) : true) && (value['message'] !== undefined ? ((typeof value['message'] === 'string')) : true) && (value['details'] !== undefined ? ((typeof value['details'] === 'string')) : true) && (value['durationMs'] !== undefined ? (Number.isFinite(value['durationMs'])) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'suite', 'status', 'classname', 'file', 'line', 'message', 'details', 'durationMs'].includes(key))))) { return false }; return true; })(value['tests']['failures']) && Number.isInteger(value['tests']['failuresOmitted']) && value['tests']['failuresOmitted'] >= 0 && Array.isArray(value['tests']['flakyCases']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && Array.isArray(value['suite']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['suite']) && (value['classname'] !== undefined ? ((typeof value['classname'] === 'string')) : true) && (value['file'] !== undefined ? ((typeof value['file'] === 'string')) : true) && Number.isInteger(value['reruns']) && value['reruns'] >= 1 && Object.getOwnPropertyNames(value).every(key => ['name', 'suite', 'classname', 'file', 'reruns'].includes(key))))) { return false }; return true; })(value['tests']['flakyCases']) && Object.getOwnPropertyNames(value['tests']).length === 10) || ((value['tests'] === null))) &&
    Array.isArray(value['commands']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (((value['kind'] === 'lint')) || ((value['kind'] === 'test'))) && (typeof value['command'] === 'string') && ((Number.isInteger(value['exitCode'])) || ((value['exitCode'] === null))) && (value['signal'] !== undefined ? ((typeof value['signal'] === 'string')) : true) && Number.isFinite(value['durationMs']) && value['durationMs'] >= 0 && (value['pipesLeftOpen'] !== undefined ? ((typeof value['pipesLeftOpen'] === 'boolean')) : true) && Object.getOwnPropertyNames(value).every(key => ['kind', 'command', 'exitCode', 'signal', 'durationMs', 'pipesLeftOpen'].includes(key))))) { return false }; return true; })(value['commands']) &&
    Object.getOwnPropertyNames(value).every(key => ['schemaVersion', 'stage', 'status', 'summary', 'startedAt', 'finishedAt', 'durationMs', 'run', 'gates', 'warnings', 'error', 'coverage', 'tests', 'commands'].includes(key))
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_test_45_report_46_schema_46_json(value)
}
},
  },
  "https://shipkit.dev/schemas/scan-report.schema.json": {
    fingerprint: "EzjKk-wsRn-MrDdS7hFTNcj5mI98phN8q45V4GDdXjQ",
    factory: function (kind, format, hash) {
const local_0 = /^\d{4}-\d{2}-\d{2}$/;
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_scan_45_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (value['stage'] === 'scan') &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true) &&
    Array.isArray(value['findings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['id'] === 'string') && value['id'].length >= 1 && Array.isArray(value['aliases']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['aliases']) && (((value['severity'] === 'critical')) || ((value['severity'] === 'high')) || ((value['severity'] === 'medium')) || ((value['severity'] === 'low')) || ((value['severity'] === 'unknown'))) && (((value['kind'] === 'vuln')) || ((value['kind'] === 'secret')) || ((value['kind'] === 'misconfig'))) && (typeof value['title'] === 'string') && (((typeof value['package'] === 'string')) || ((value['package'] === null))) && (((typeof value['installed'] === 'string')) || ((value['installed'] === null))) && (((typeof value['fixed'] === 'string')) || ((value['fixed'] === null))) && (typeof value['target'] === 'string') && (((typeof value['file'] === 'string')) || ((value['file'] === null))) && ((Number.isInteger(value['line']) && value['line'] >= 1) || ((value['line'] === null))) && Array.isArray(value['tools']) && value['tools'].length >= 1 && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['tools']) && (((typeof value['url'] === 'string')) || ((value['url'] === null))) && (value['snippet'] !== undefined ? ((typeof value['snippet'] === 'string')) : true) && (value['ignored'] !== undefined ? ((typeof value['ignored'] === 'object' && value['ignored'] !== null && !Array.isArray(value['ignored'])) && (typeof value['ignored']['reason'] === 'string') && (typeof value['ignored']['source'] === 'string') && (((typeof value['ignored']['expires'] === 'string') && local_0.test(value['ignored']['expires'])) || ((value['ignored']['expires'] === null))) && Object.getOwnPropertyNames(value['ignored']).length === 3) : true) && (value['new'] !== undefined ? ((typeof value['new'] === 'boolean')) : true) && Object.getOwnPropertyNames(value).every(key => ['id', 'aliases', 'severity', 'kind', 'title', 'package', 'installed', 'fixed', 'target', 'file', 'line', 'tools', 'url', 'snippet', 'ignored', 'new'].includes(key))))) { return false }; return true; })(value['findings']) &&
    (typeof value['counts'] === 'object' && value['counts'] !== null && !Array.isArray(value['counts'])) &&
    Number.isInteger(value['counts']['critical']) &&
    value['counts']['critical'] >= 0 &&
    Number.isInteger(value['counts']['high']) &&
    value['counts']['high'] >= 0 &&
    Number.isInteger(value['counts']['medium']) &&
    value['counts']['medium'] >= 0 &&
    Number.isInteger(value['counts']['low']) &&
    value['counts']['low'] >= 0 &&
    Number.isInteger(value['counts']['unknown']) &&
    value['counts']['unknown'] >= 0 &&
    Object.getOwnPropertyNames(value['counts']).length === 5 &&
    Number.isInteger(value['ignoredCount']) &&
    value['ignoredCount'] >= 0 &&
    Array.isArray(value['sources']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['tool'] === 'string') && (((value['kind'] === 'trivy')) || ((value['kind'] === 'audit')) || ((value['kind'] === 'report'))) && (((typeof value['file'] === 'string')) || ((value['file'] === null))) && (typeof value['format'] === 'string') && Number.isInteger(value['findings']) && value['findings'] >= 0 && (value['version'] !== undefined ? ((typeof value['version'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['tool', 'kind', 'file', 'format', 'findings', 'version'].includes(key))))) { return false }; return true; })(value['sources']) &&
    (typeof value['baseline'] === 'object' && value['baseline'] !== null && !Array.isArray(value['baseline'])) &&
    (((value['baseline']['status'] === 'compared')) || ((value['baseline']['status'] === 'missing')) || ((value['baseline']['status'] === 'not-requested'))) &&
    (((typeof value['baseline']['branch'] === 'string')) || ((value['baseline']['branch'] === null))) &&
    (((typeof value['baseline']['sha'] === 'string')) || ((value['baseline']['sha'] === null))) &&
    ((Number.isInteger(value['baseline']['newCount']) && value['baseline']['newCount'] >= 0) || ((value['baseline']['newCount'] === null))) &&
    (typeof value['baseline']['saved'] === 'boolean') &&
    Object.getOwnPropertyNames(value['baseline']).length === 5 &&
    (((typeof value['sarif'] === 'object' && value['sarif'] !== null && !Array.isArray(value['sarif'])) && (typeof value['sarif']['file'] === 'string') && Number.isInteger(value['sarif']['runs']) && value['sarif']['runs'] >= 0 && Number.isInteger(value['sarif']['results']) && value['sarif']['results'] >= 0 && Number.isInteger(value['sarif']['dropped']) && value['sarif']['dropped'] >= 0 && (typeof value['sarif']['uploaded'] === 'boolean') && (((typeof value['sarif']['sarifId'] === 'string')) || ((value['sarif']['sarifId'] === null))) && Object.getOwnPropertyNames(value['sarif']).length === 6) || ((value['sarif'] === null))) &&
    Object.getOwnPropertyNames(value).every(key => ['schemaVersion', 'stage', 'status', 'summary', 'startedAt', 'finishedAt', 'durationMs', 'run', 'gates', 'warnings', 'error', 'findings', 'counts', 'ignoredCount', 'sources', 'baseline', 'sarif'].includes(key))
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_scan_45_report_46_schema_46_json(value)
}
},
  },
  "https://shipkit.dev/schemas/docker-report.schema.json": {
    fingerprint: "6X6z1KO7TvIt8_hnhAVAeAzXw3TBsInU-ZbGH_Dt6io",
    factory: function (kind, format, hash) {
const local_0 = /^(.*)$/
const local_1 = /^(.*)$/
const local_2 = /^sha256:[a-f0-9]{64}$/;
const local_3 = /^sha256:[a-f0-9]{64}$/;
const local_4 = /^sha256:[a-f0-9]{64}$/;
const local_5 = /^sha256:[a-f0-9]{64}$/;
const local_6 = /^\d{4}-\d{2}-\d{2}$/;
const local_7 = /^sha256:[a-f0-9]{64}$/;
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_docker_45_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (value['stage'] === 'docker') &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true) &&
    (((value['mode'] === 'build')) || ((value['mode'] === 'dry-run')) || ((value['mode'] === 'lint-only'))) &&
    (((typeof value['builder'] === 'object' && value['builder'] !== null && !Array.isArray(value['builder'])) && (((value['builder']['kind'] === 'buildx')) || ((value['builder']['kind'] === 'docker')) || ((value['builder']['kind'] === 'podman'))) && (typeof value['builder']['version'] === 'string') && (value['builder']['driver'] !== undefined ? ((typeof value['builder']['driver'] === 'string')) : true) && Object.getOwnPropertyNames(value['builder']).every(key => ['kind', 'version', 'driver'].includes(key))) || ((value['builder'] === null))) &&
    (typeof value['version'] === 'string') &&
    Array.isArray(value['tags']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['tags']) &&
    (typeof value['labels'] === 'object' && value['labels'] !== null && !Array.isArray(value['labels']) && !(value['labels'] instanceof Date) && !(value['labels'] instanceof Uint8Array)) &&
    (Object.entries(value['labels']).every(([key, value]) => (local_0.test(key) ? ((typeof value === 'string')) : true))) &&
    Array.isArray(value['builds']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && (typeof value['context'] === 'string') && (typeof value['file'] === 'string') && (((typeof value['target'] === 'string')) || ((value['target'] === null))) && Array.isArray(value['platforms']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['platforms']) && (typeof value['version'] === 'string') && Array.isArray(value['tags']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['tags']) && (typeof value['labels'] === 'object' && value['labels'] !== null && !Array.isArray(value['labels']) && !(value['labels'] instanceof Date) && !(value['labels'] instanceof Uint8Array)) && (Object.entries(value['labels']).every(([key, value]) => (local_1.test(key) ? ((typeof value === 'string')) : true))) && (((value['status'] === 'built')) || ((value['status'] === 'failed')) || ((value['status'] === 'not-built'))) && (value['error'] !== undefined ? ((typeof value['error'] === 'string')) : true) && (value['log'] !== undefined ? ((typeof value['log'] === 'string')) : true) && ((Number.isFinite(value['durationMs']) && value['durationMs'] >= 0) || ((value['durationMs'] === null))) && Object.getOwnPropertyNames(value).every(key => ['name', 'context', 'file', 'target', 'platforms', 'version', 'tags', 'labels', 'status', 'error', 'log', 'durationMs'].includes(key))))) { return false }; return true; })(value['builds']) &&
    Array.isArray(value['images']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['build'] === 'string') && (typeof value['ref'] === 'string') && Array.isArray(value['tags']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['tags']) && (((typeof value['digest'] === 'string') && local_2.test(value['digest'])) || ((value['digest'] === null))) && (((value['digestSource'] === 'registry')) || ((value['digestSource'] === 'pusher')) || ((value['digestSource'] === 'builder')) || ((value['digestSource'] === 'local')) || ((value['digestSource'] === 'image-id')) || ((value['digestSource'] === null))) && (((typeof value['imageId'] === 'string') && local_3.test(value['imageId'])) || ((value['imageId'] === null))) && (typeof value['pushed'] === 'boolean') && (((typeof value['verified'] === 'boolean')) || ((value['verified'] === null))) && (typeof value['platform'] === 'string') && ((Number.isInteger(value['size']) && value['size'] >= 0) || ((value['size'] === null))) && Array.isArray(value['platforms']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['platform'] === 'string') && (((typeof value['digest'] === 'string') && local_4.test(value['digest'])) || ((value['digest'] === null))) && (((typeof value['configDigest'] === 'string') && local_5.test(value['configDigest'])) || ((value['configDigest'] === null))) && ((Number.isInteger(value['size']) && value['size'] >= 0) || ((value['size'] === null))) && ((Number.isInteger(value['compressedSize']) && value['compressedSize'] >= 0) || ((value['compressedSize'] === null))) && Object.getOwnPropertyNames(value).length === 5))) { return false }; return true; })(value['platforms']) && Object.getOwnPropertyNames(value).length === 11))) { return false }; return true; })(value['images']) &&
    Array.isArray(value['policy']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['rule'] === 'string') && (typeof value['file'] === 'string') && Number.isInteger(value['line']) && value['line'] >= 1 && (typeof value['message'] === 'string') && (((value['severity'] === 'error')) || ((value['severity'] === 'warning'))) && (typeof value['ignored'] === 'boolean') && (value['reason'] !== undefined ? ((typeof value['reason'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['rule', 'file', 'line', 'message', 'severity', 'ignored', 'reason'].includes(key))))) { return false }; return true; })(value['policy']) &&
    (typeof value['scan'] === 'object' && value['scan'] !== null && !Array.isArray(value['scan'])) &&
    (((value['scan']['status'] === 'passed')) || ((value['scan']['status'] === 'failed')) || ((value['scan']['status'] === 'not-run'))) &&
    (typeof value['scan']['failOn'] === 'string') &&
    (typeof value['scan']['counts'] === 'object' && value['scan']['counts'] !== null && !Array.isArray(value['scan']['counts'])) &&
    Number.isInteger(value['scan']['counts']['critical']) &&
    value['scan']['counts']['critical'] >= 0 &&
    Number.isInteger(value['scan']['counts']['high']) &&
    value['scan']['counts']['high'] >= 0 &&
    Number.isInteger(value['scan']['counts']['medium']) &&
    value['scan']['counts']['medium'] >= 0 &&
    Number.isInteger(value['scan']['counts']['low']) &&
    value['scan']['counts']['low'] >= 0 &&
    Number.isInteger(value['scan']['counts']['unknown']) &&
    value['scan']['counts']['unknown'] >= 0 &&
    Object.getOwnPropertyNames(value['scan']['counts']).length === 5 &&
    Number.isInteger(value['scan']['ignoredCount']) &&
    value['scan']['ignoredCount'] >= 0 &&
    (((typeof value['scan']['trivyVersion'] === 'string')) || ((value['scan']['trivyVersion'] === null))) &&
    Array.isArray(value['scan']['images']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['build'] === 'string') && (typeof value['counts'] === 'object' && value['counts'] !== null && !Array.isArray(value['counts'])) && Number.isInteger(value['counts']['critical']) && value['counts']['critical'] >= 0 && Number.isInteger(value['counts']['high']) && value['counts']['high'] >= 0 && Number.isInteger(value['counts']['medium']) && value['counts']['medium'] >= 0 && Number.isInteger(value['counts']['low']) && value['counts']['low'] >= 0 && Number.isInteger(value['counts']['unknown']) && value['counts']['unknown'] >= 0 && Object.getOwnPropertyNames(value['counts']).length === 5 && Object.getOwnPropertyNames(value).length === 2))) { return false }; return true; })(value['scan']['images']) &&
    Array.isArray(value['scan']['findings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['id'] === 'string') && value['id'].length >= 1 && Array.isArray(value['aliases']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['aliases']) && (((value['severity'] === 'critical')) || ((value['severity'] === 'high')) || ((value['severity'] === 'medium')) || ((value['severity'] === 'low')) || ((value['severity'] === 'unknown'))) && (((value['kind'] === 'vuln')) || ((value['kind'] === 'secret')) || ((value['kind'] === 'misconfig'))) && (typeof value['title'] === 'string') && (((typeof value['package'] === 'string')) || ((value['package'] === null))) && (((typeof value['installed'] === 'string')) || ((value['installed'] === null))) && (((typeof value['fixed'] === 'string')) || ((value['fixed'] === null))) && (typeof value['target'] === 'string') && (((typeof value['file'] === 'string')) || ((value['file'] === null))) && ((Number.isInteger(value['line']) && value['line'] >= 1) || ((value['line'] === null))) && Array.isArray(value['tools']) && value['tools'].length >= 1 && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['tools']) && (((typeof value['url'] === 'string')) || ((value['url'] === null))) && (value['snippet'] !== undefined ? ((typeof value['snippet'] === 'string')) : true) && (value['ignored'] !== undefined ? ((typeof value['ignored'] === 'object' && value['ignored'] !== null && !Array.isArray(value['ignored'])) && (typeof value['ignored']['reason'] === 'string') && (typeof value['ignored']['source'] === 'string') && (((typeof value['ignored']['expires'] === 'string') && local_6.test(value['ignored']['expires'])) || ((value['ignored']['expires'] === null))) && Object.getOwnPropertyNames(value['ignored']).length === 3) : true) && (value['new'] !== undefined ? ((typeof value['new'] === 'boolean')) : true) && Object.getOwnPropertyNames(value).every(key => ['id', 'aliases', 'severity', 'kind', 'title', 'package', 'installed', 'fixed', 'target', 'file', 'line', 'tools', 'url', 'snippet', 'ignored', 'new'].includes(key))))) { return false }; return true; })(value['scan']['findings']) &&
    Object.getOwnPropertyNames(value['scan']).length === 7 &&
    (typeof value['push'] === 'object' && value['push'] !== null && !Array.isArray(value['push'])) &&
    (((value['push']['status'] === 'pushed')) || ((value['push']['status'] === 'blocked')) || ((value['push']['status'] === 'failed')) || ((value['push']['status'] === 'not-requested'))) &&
    Array.isArray(value['push']['blockedBy']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['push']['blockedBy']) &&
    Array.isArray(value['push']['tags']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['tag'] === 'string') && (typeof value['ok'] === 'boolean') && Number.isInteger(value['attempts']) && value['attempts'] >= 0 && (value['digest'] !== undefined ? ((typeof value['digest'] === 'string') && local_7.test(value['digest'])) : true) && (value['error'] !== undefined ? ((typeof value['error'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['tag', 'ok', 'attempts', 'digest', 'error'].includes(key))))) { return false }; return true; })(value['push']['tags']) &&
    Object.getOwnPropertyNames(value['push']).length === 3 &&
    Object.getOwnPropertyNames(value).every(key => ['schemaVersion', 'stage', 'status', 'summary', 'startedAt', 'finishedAt', 'durationMs', 'run', 'gates', 'warnings', 'error', 'mode', 'builder', 'version', 'tags', 'labels', 'builds', 'images', 'policy', 'scan', 'push'].includes(key))
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_docker_45_report_46_schema_46_json(value)
}
},
  },
  "https://shipkit.dev/schemas/migrate-report.schema.json": {
    fingerprint: "6iCSWT-MYf4BHOMVT2VgaR6m-AQ6QFaW55goGM6JbGM",
    factory: function (kind, format, hash) {
const local_0 = /^\d+(\.\d+)*$/;
const local_1 = /^\d+(\.\d+)*$/;
const local_2 = /^[0-9a-f]{64}$/;
const local_3 = /^\d+(\.\d+)*$/;
const local_4 = /^[0-9a-f]{64}$/;
const local_5 = /^\d+(\.\d+)*$/;
const local_6 = /^\d+(\.\d+)*$/;
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_migrate_45_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (value['stage'] === 'migrate') &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true) &&
    (typeof value['migrations'] === 'object' && value['migrations'] !== null && !Array.isArray(value['migrations'])) &&
    (typeof value['migrations']['database'] === 'object' && value['migrations']['database'] !== null && !Array.isArray(value['migrations']['database'])) &&
    (((value['migrations']['database']['kind'] === 'postgres')) || ((value['migrations']['database']['kind'] === 'mysql')) || ((value['migrations']['database']['kind'] === 'sqlite')) || ((value['migrations']['database']['kind'] === 'pglite'))) &&
    (typeof value['migrations']['database']['url'] === 'string') &&
    Object.getOwnPropertyNames(value['migrations']['database']).length === 2 &&
    (typeof value['migrations']['dir'] === 'string') &&
    (typeof value['migrations']['tool'] === 'string') &&
    (typeof value['migrations']['dryRun'] === 'boolean') &&
    (((value['migrations']['transaction'] === 'all')) || ((value['migrations']['transaction'] === 'per-file'))) &&
    (((value['migrations']['rollback'] === 'transaction')) || ((value['migrations']['rollback'] === 'backup')) || ((value['migrations']['rollback'] === 'down')) || ((value['migrations']['rollback'] === 'none'))) &&
    Array.isArray(value['migrations']['applied']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['version'] === 'string') && local_0.test(value['version']) && (typeof value['name'] === 'string') && (typeof value['file'] === 'string') && value['file'].length >= 1 && Number.isFinite(value['durationMs']) && value['durationMs'] >= 0 && Object.getOwnPropertyNames(value).length === 4))) { return false }; return true; })(value['migrations']['applied']) &&
    Array.isArray(value['migrations']['pending']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['version'] === 'string') && local_1.test(value['version']) && (typeof value['name'] === 'string') && (typeof value['file'] === 'string') && value['file'].length >= 1 && (typeof value['noTransaction'] === 'boolean') && (typeof value['checksum'] === 'string') && local_2.test(value['checksum']) && Object.getOwnPropertyNames(value).length === 5))) { return false }; return true; })(value['migrations']['pending']) &&
    Array.isArray(value['migrations']['history']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['version'] === 'string') && local_3.test(value['version']) && (typeof value['name'] === 'string') && (typeof value['checksum'] === 'string') && local_4.test(value['checksum']) && (typeof value['appliedAt'] === 'string') && Number.isFinite(value['durationMs']) && value['durationMs'] >= 0 && (typeof value['appliedBy'] === 'string') && (((value['kind'] === 'applied')) || ((value['kind'] === 'baseline'))) && Object.getOwnPropertyNames(value).length === 7))) { return false }; return true; })(value['migrations']['history']) &&
    Array.isArray(value['migrations']['destructive']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['file'] === 'string') && value['file'].length >= 1 && Number.isInteger(value['line']) && value['line'] >= 1 && (((value['kind'] === 'drop-table')) || ((value['kind'] === 'drop-column')) || ((value['kind'] === 'drop-schema')) || ((value['kind'] === 'drop-owned')) || ((value['kind'] === 'drop-cascade')) || ((value['kind'] === 'truncate')) || ((value['kind'] === 'delete-without-where')) || ((value['kind'] === 'update-without-where')) || ((value['kind'] === 'merge-delete')) || ((value['kind'] === 'type-change')) || ((value['kind'] === 'not-null-without-default')) || ((value['kind'] === 'rename')) || ((value['kind'] === 'dynamic-sql')) || ((value['kind'] === 'unparsed'))) && (typeof value['target'] === 'string') && (typeof value['detail'] === 'string') && Object.getOwnPropertyNames(value).length === 5))) { return false }; return true; })(value['migrations']['destructive']) &&
    Array.isArray(value['migrations']['gaps']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string') && local_5.test(value)))) { return false }; return true; })(value['migrations']['gaps']) &&
    Array.isArray(value['migrations']['rolledBack']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string') && local_6.test(value)))) { return false }; return true; })(value['migrations']['rolledBack']) &&
    Array.isArray(value['migrations']['interrupted']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['version'] === 'string') && (typeof value['file'] === 'string') && (typeof value['startedAt'] === 'string') && (typeof value['startedBy'] === 'string') && Array.isArray(value['objects']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (((value['kind'] === 'table')) || ((value['kind'] === 'view')) || ((value['kind'] === 'index')) || ((value['kind'] === 'sequence')) || ((value['kind'] === 'column'))) && (typeof value['name'] === 'string') && (((value['change'] === 'create')) || ((value['change'] === 'drop'))) && (typeof value['exists'] === 'boolean') && (value['invalid'] !== undefined ? ((typeof value['invalid'] === 'boolean')) : true) && Object.getOwnPropertyNames(value).every(key => ['kind', 'name', 'change', 'exists', 'invalid'].includes(key))))) { return false }; return true; })(value['objects']) && (typeof value['advice'] === 'string') && Object.getOwnPropertyNames(value).length === 6))) { return false }; return true; })(value['migrations']['interrupted']) &&
    (value['migrations']['failure'] !== undefined ? ((typeof value['migrations']['failure'] === 'object' && value['migrations']['failure'] !== null && !Array.isArray(value['migrations']['failure'])) && (typeof value['migrations']['failure']['version'] === 'string') && (typeof value['migrations']['failure']['file'] === 'string') && (value['migrations']['failure']['line'] !== undefined ? (Number.isInteger(value['migrations']['failure']['line']) && value['migrations']['failure']['line'] >= 1) : true) && (typeof value['migrations']['failure']['message'] === 'string') && (typeof value['migrations']['failure']['partial'] === 'boolean') && Object.getOwnPropertyNames(value['migrations']['failure']).every(key => ['version', 'file', 'line', 'message', 'partial'].includes(key))) : true) &&
    (value['migrations']['restored'] !== undefined ? ((typeof value['migrations']['restored'] === 'string')) : true) &&
    (value['migrations']['backupPath'] !== undefined ? ((typeof value['migrations']['backupPath'] === 'string')) : true) &&
    (value['migrations']['lock'] !== undefined ? ((typeof value['migrations']['lock'] === 'object' && value['migrations']['lock'] !== null && !Array.isArray(value['migrations']['lock'])) && Number.isFinite(value['migrations']['lock']['waitedMs']) && value['migrations']['lock']['waitedMs'] >= 0 && (typeof value['migrations']['lock']['acquired'] === 'boolean') && (value['migrations']['lock']['holder'] !== undefined ? ((typeof value['migrations']['lock']['holder'] === 'string')) : true) && Object.getOwnPropertyNames(value['migrations']['lock']).every(key => ['waitedMs', 'acquired', 'holder'].includes(key))) : true) &&
    (value['migrations']['toolRun'] !== undefined ? ((typeof value['migrations']['toolRun'] === 'object' && value['migrations']['toolRun'] !== null && !Array.isArray(value['migrations']['toolRun'])) && (typeof value['migrations']['toolRun']['name'] === 'string') && (typeof value['migrations']['toolRun']['applyCommand'] === 'string') && (value['migrations']['toolRun']['statusCommand'] !== undefined ? ((typeof value['migrations']['toolRun']['statusCommand'] === 'string')) : true) && (value['migrations']['toolRun']['statusBefore'] !== undefined ? ((typeof value['migrations']['toolRun']['statusBefore'] === 'string')) : true) && (value['migrations']['toolRun']['statusAfter'] !== undefined ? ((typeof value['migrations']['toolRun']['statusAfter'] === 'string')) : true) && Number.isInteger(value['migrations']['toolRun']['exitCode']) && (typeof value['migrations']['toolRun']['output'] === 'string') && Object.getOwnPropertyNames(value['migrations']['toolRun']).every(key => ['name', 'applyCommand', 'statusCommand', 'statusBefore', 'statusAfter', 'exitCode', 'output'].includes(key))) : true) &&
    Object.getOwnPropertyNames(value['migrations']).every(key => ['database', 'dir', 'tool', 'dryRun', 'transaction', 'rollback', 'applied', 'pending', 'history', 'destructive', 'gaps', 'rolledBack', 'interrupted', 'failure', 'restored', 'backupPath', 'lock', 'toolRun'].includes(key)) &&
    Object.getOwnPropertyNames(value).every(key => ['schemaVersion', 'stage', 'status', 'summary', 'startedAt', 'finishedAt', 'durationMs', 'run', 'gates', 'warnings', 'error', 'migrations'].includes(key))
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_migrate_45_report_46_schema_46_json(value)
}
},
  },
  "https://shipkit.dev/schemas/smoke-report.schema.json": {
    fingerprint: "lnY3sjOhojjttKlz0_DxYR5mnIxMrRhEqu9yqQbtyyY",
    factory: function (kind, format, hash) {
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_smoke_45_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (value['stage'] === 'smoke') &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true) &&
    (((typeof value['url'] === 'string')) || ((value['url'] === null))) &&
    ((Number.isFinite(value['p50']) && value['p50'] >= 0) || ((value['p50'] === null))) &&
    ((Number.isFinite(value['p95']) && value['p95'] >= 0) || ((value['p95'] === null))) &&
    Array.isArray(value['checks']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && (typeof value['method'] === 'string') && (typeof value['url'] === 'string') && (typeof value['passed'] === 'boolean') && ((Number.isInteger(value['status'])) || ((value['status'] === null))) && (typeof value['latency'] === 'object' && value['latency'] !== null && !Array.isArray(value['latency'])) && ((Number.isFinite(value['latency']['p50']) && value['latency']['p50'] >= 0) || ((value['latency']['p50'] === null))) && ((Number.isFinite(value['latency']['p95']) && value['latency']['p95'] >= 0) || ((value['latency']['p95'] === null))) && ((Number.isFinite(value['latency']['max']) && value['latency']['max'] >= 0) || ((value['latency']['max'] === null))) && Object.getOwnPropertyNames(value['latency']).length === 3 && (typeof value['reason'] === 'string') && Number.isInteger(value['samples']) && value['samples'] >= 0 && Number.isInteger(value['failedSamples']) && value['failedSamples'] >= 0 && Array.isArray(value['securityIssues']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['securityIssues']) && (value['line'] !== undefined ? (Number.isInteger(value['line']) && value['line'] >= 1) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'method', 'url', 'passed', 'status', 'latency', 'reason', 'samples', 'failedSamples', 'securityIssues', 'line'].includes(key))))) { return false }; return true; })(value['checks']) &&
    Array.isArray(value['thresholds']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['metric'] === 'string') && (typeof value['expression'] === 'string') && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['actual'])) || ((value['actual'] === null))) && (typeof value['unit'] === 'string') && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['metric', 'expression', 'passed', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['thresholds']) &&
    (value['wait'] !== undefined ? ((typeof value['wait'] === 'object' && value['wait'] !== null && !Array.isArray(value['wait'])) && (typeof value['wait']['url'] === 'string') && (typeof value['wait']['healthy'] === 'boolean') && Number.isInteger(value['wait']['attempts']) && value['wait']['attempts'] >= 0 && Number.isFinite(value['wait']['durationMs']) && value['wait']['durationMs'] >= 0 && (typeof value['wait']['lastResult'] === 'string') && Object.getOwnPropertyNames(value['wait']).length === 5) : true) &&
    Array.isArray(value['tls']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['host'] === 'string') && ((Number.isFinite(value['daysLeft'])) || ((value['daysLeft'] === null))) && (value['validTo'] !== undefined ? ((typeof value['validTo'] === 'string')) : true) && (value['subject'] !== undefined ? ((typeof value['subject'] === 'string')) : true) && (value['issuer'] !== undefined ? ((typeof value['issuer'] === 'string')) : true) && (typeof value['chainValid'] === 'boolean') && (value['error'] !== undefined ? ((typeof value['error'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['host', 'daysLeft', 'validTo', 'subject', 'issuer', 'chainValid', 'error'].includes(key))))) { return false }; return true; })(value['tls']) &&
    (value['onFailure'] !== undefined ? ((typeof value['onFailure'] === 'object' && value['onFailure'] !== null && !Array.isArray(value['onFailure'])) && (typeof value['onFailure']['command'] === 'string') && ((Number.isInteger(value['onFailure']['exitCode'])) || ((value['onFailure']['exitCode'] === null))) && (value['onFailure']['signal'] !== undefined ? ((typeof value['onFailure']['signal'] === 'string')) : true) && (typeof value['onFailure']['output'] === 'string') && (typeof value['onFailure']['truncated'] === 'boolean') && Number.isFinite(value['onFailure']['durationMs']) && value['onFailure']['durationMs'] >= 0 && Object.getOwnPropertyNames(value['onFailure']).every(key => ['command', 'exitCode', 'signal', 'output', 'truncated', 'durationMs'].includes(key))) : true) &&
    Object.getOwnPropertyNames(value).every(key => ['schemaVersion', 'stage', 'status', 'summary', 'startedAt', 'finishedAt', 'durationMs', 'run', 'gates', 'warnings', 'error', 'url', 'p50', 'p95', 'checks', 'thresholds', 'wait', 'tls', 'onFailure'].includes(key))
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_smoke_45_report_46_schema_46_json(value)
}
},
  },
  "https://shipkit.dev/schemas/approve-report.schema.json": {
    fingerprint: "j0la5DuLR5f57gxtukbTRYXTNj1vTEJhR22fnWiWYAA",
    factory: function (kind, format, hash) {
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_approve_45_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (value['stage'] === 'approve') &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true) &&
    (typeof value['approval'] === 'object' && value['approval'] !== null && !Array.isArray(value['approval'])) &&
    (((value['approval']['decision'] === 'approved')) || ((value['approval']['decision'] === 'denied')) || ((value['approval']['decision'] === 'timed-out')) || ((value['approval']['decision'] === 'cancelled')) || ((value['approval']['decision'] === 'error'))) &&
    Number.isInteger(value['approval']['required']) &&
    value['approval']['required'] >= 1 &&
    Array.isArray(value['approval']['approvers']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['approval']['approvers']) &&
    (value['approval']['deniedBy'] !== undefined ? (Array.isArray(value['approval']['deniedBy']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['approval']['deniedBy'])) : true) &&
    Array.isArray(value['approval']['eligible']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['approval']['eligible']) &&
    (value['approval']['initiator'] !== undefined ? ((typeof value['approval']['initiator'] === 'string')) : true) &&
    Array.isArray(value['approval']['ignored']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['login'] === 'string') && Number.isInteger(value['commentId']) && (((value['answer'] === 'approve')) || ((value['answer'] === 'deny'))) && (((value['reason'] === 'bot')) || ((value['reason'] === 'not-an-approver')) || ((value['reason'] === 'initiator')) || ((value['reason'] === 'edited')) || ((value['reason'] === 'before-request')) || ((value['reason'] === 'after-deadline'))) && Object.getOwnPropertyNames(value).length === 4))) { return false }; return true; })(value['approval']['ignored']) &&
    (value['approval']['issueNumber'] !== undefined ? (Number.isInteger(value['approval']['issueNumber'])) : true) &&
    (value['approval']['issueUrl'] !== undefined ? ((typeof value['approval']['issueUrl'] === 'string')) : true) &&
    (value['approval']['deploymentId'] !== undefined ? (Number.isInteger(value['approval']['deploymentId'])) : true) &&
    (value['approval']['environment'] !== undefined ? ((typeof value['approval']['environment'] === 'string')) : true) &&
    (typeof value['approval']['ref'] === 'string') &&
    (value['approval']['deadline'] !== undefined ? ((typeof value['approval']['deadline'] === 'string') && format('date-time', value['approval']['deadline'])) : true) &&
    (typeof value['approval']['polls'] === 'object' && value['approval']['polls'] !== null && !Array.isArray(value['approval']['polls'])) &&
    Number.isInteger(value['approval']['polls']['polls']) &&
    value['approval']['polls']['polls'] >= 0 &&
    Number.isInteger(value['approval']['polls']['failed']) &&
    value['approval']['polls']['failed'] >= 0 &&
    Number.isInteger(value['approval']['polls']['requests']) &&
    value['approval']['polls']['requests'] >= 0 &&
    Number.isInteger(value['approval']['polls']['notModified']) &&
    value['approval']['polls']['notModified'] >= 0 &&
    Object.getOwnPropertyNames(value['approval']['polls']).length === 4 &&
    Object.getOwnPropertyNames(value['approval']).every(key => ['decision', 'required', 'approvers', 'deniedBy', 'eligible', 'initiator', 'ignored', 'issueNumber', 'issueUrl', 'deploymentId', 'environment', 'ref', 'deadline', 'polls'].includes(key)) &&
    Object.getOwnPropertyNames(value).every(key => ['schemaVersion', 'stage', 'status', 'summary', 'startedAt', 'finishedAt', 'durationMs', 'run', 'gates', 'warnings', 'error', 'approval'].includes(key))
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_approve_45_report_46_schema_46_json(value)
}
},
  },
  "https://shipkit.dev/schemas/report-report.schema.json": {
    fingerprint: "eaQxy7kxKnWxUlQgHhyfLjK0XUuOaUx-7L6TunWCVy4",
    factory: function (kind, format, hash) {
function check_https_58_47_47_shipkit_46_dev_47_schemas_47_report_45_report_46_schema_46_json(value) {
  return (
    (typeof value === 'object' && value !== null && !Array.isArray(value)) &&
    (value['schemaVersion'] === 1) &&
    (value['stage'] === 'report') &&
    (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) &&
    (typeof value['summary'] === 'string') &&
    (typeof value['startedAt'] === 'string') &&
    format('date-time', value['startedAt']) &&
    (typeof value['finishedAt'] === 'string') &&
    format('date-time', value['finishedAt']) &&
    Number.isFinite(value['durationMs']) &&
    value['durationMs'] >= 0 &&
    (typeof value['run'] === 'object' && value['run'] !== null && !Array.isArray(value['run'])) &&
    (value['run']['repository'] !== undefined ? ((typeof value['run']['repository'] === 'string')) : true) &&
    (value['run']['runId'] !== undefined ? ((typeof value['run']['runId'] === 'string')) : true) &&
    (value['run']['runAttempt'] !== undefined ? ((typeof value['run']['runAttempt'] === 'string')) : true) &&
    (value['run']['job'] !== undefined ? ((typeof value['run']['job'] === 'string')) : true) &&
    (value['run']['sha'] !== undefined ? ((typeof value['run']['sha'] === 'string')) : true) &&
    (value['run']['ref'] !== undefined ? ((typeof value['run']['ref'] === 'string')) : true) &&
    (value['run']['url'] !== undefined ? ((typeof value['run']['url'] === 'string')) : true) &&
    (value['run']['shard'] !== undefined ? ((typeof value['run']['shard'] === 'string')) : true) &&
    Object.getOwnPropertyNames(value['run']).every(key => ['repository', 'runId', 'runAttempt', 'job', 'sha', 'ref', 'url', 'shard'].includes(key)) &&
    Array.isArray(value['gates']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && value['name'].length >= 1 && (typeof value['passed'] === 'boolean') && ((Number.isFinite(value['required'])) || ((typeof value['required'] === 'string')) || ((typeof value['required'] === 'boolean')) || ((value['required'] === null))) && ((Number.isFinite(value['actual'])) || ((typeof value['actual'] === 'string')) || ((typeof value['actual'] === 'boolean')) || ((value['actual'] === null))) && (value['unit'] !== undefined ? ((typeof value['unit'] === 'string')) : true) && (value['detail'] !== undefined ? ((typeof value['detail'] === 'string')) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'passed', 'required', 'actual', 'unit', 'detail'].includes(key))))) { return false }; return true; })(value['gates']) &&
    Array.isArray(value['warnings']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['warnings']) &&
    (value['error'] !== undefined ? ((typeof value['error'] === 'object' && value['error'] !== null && !Array.isArray(value['error'])) && (((value['error']['kind'] === 'usage')) || ((value['error']['kind'] === 'service')) || ((value['error']['kind'] === 'internal'))) && (typeof value['error']['message'] === 'string') && (value['error']['input'] !== undefined ? ((typeof value['error']['input'] === 'string')) : true) && (value['error']['file'] !== undefined ? ((typeof value['error']['file'] === 'string')) : true) && (value['error']['line'] !== undefined ? (Number.isInteger(value['error']['line']) && value['error']['line'] >= 1) : true) && (value['error']['hint'] !== undefined ? ((typeof value['error']['hint'] === 'string')) : true) && Object.getOwnPropertyNames(value['error']).every(key => ['kind', 'message', 'input', 'file', 'line', 'hint'].includes(key))) : true) &&
    Array.isArray(value['stages']) &&
    ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['stage'] === 'string') && (typeof value['title'] === 'string') && (((value['status'] === 'pass')) || ((value['status'] === 'fail')) || ((value['status'] === 'warn'))) && (typeof value['headline'] === 'string') && (((typeof value['shard'] === 'string')) || ((value['shard'] === null))) && (((typeof value['job'] === 'string')) || ((value['job'] === null))) && (((typeof value['url'] === 'string')) || ((value['url'] === null))) && Number.isInteger(value['merged']) && value['merged'] >= 0 && Object.getOwnPropertyNames(value).length === 8))) { return false }; return true; })(value['stages']) &&
    (((typeof value['coverage'] === 'object' && value['coverage'] !== null && !Array.isArray(value['coverage'])) && (typeof value['coverage']['totals'] === 'object' && value['coverage']['totals'] !== null && !Array.isArray(value['coverage']['totals'])) && (((typeof value['coverage']['totals']['lines'] === 'object' && value['coverage']['totals']['lines'] !== null && !Array.isArray(value['coverage']['totals']['lines'])) && Number.isInteger(value['coverage']['totals']['lines']['covered']) && value['coverage']['totals']['lines']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['lines']['total']) && value['coverage']['totals']['lines']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['lines']['pct']) && value['coverage']['totals']['lines']['pct'] <= 100 && value['coverage']['totals']['lines']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['lines']).length === 3) || ((value['coverage']['totals']['lines'] === null))) && (((typeof value['coverage']['totals']['branches'] === 'object' && value['coverage']['totals']['branches'] !== null && !Array.isArray(value['coverage']['totals']['branches'])) && Number.isInteger(value['coverage']['totals']['branches']['covered']) && value['coverage']['totals']['branches']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['branches']['total']) && value['coverage']['totals']['branches']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['branches']['pct']) && value['coverage']['totals']['branches']['pct'] <= 100 && value['coverage']['totals']['branches']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['branches']).length === 3) || ((value['coverage']['totals']['branches'] === null))) && (((typeof value['coverage']['totals']['functions'] === 'object' && value['coverage']['totals']['functions'] !== null && !Array.isArray(value['coverage']['totals']['functions'])) && Number.isInteger(value['coverage']['totals']['functions']['covered']) && value['coverage']['totals']['functions']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['functions']['total']) && value['coverage']['totals']['functions']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['functions']['pct']) && value['coverage']['totals']['functions']['pct'] <= 100 && value['coverage']['totals']['functions']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['functions']).length === 3) || ((value['coverage']['totals']['functions'] === null))) && (((typeof value['coverage']['totals']['statements'] === 'object' && value['coverage']['totals']['statements'] !== null && !Array.isArray(value['coverage']['totals']['statements'])) && Number.isInteger(value['coverage']['totals']['statements']['covered']) && value['coverage']['totals']['statements']['covered'] >= 0 && Number.isInteger(value['coverage']['totals']['statements']['total']) && value['coverage']['totals']['statements']['total'] >= 0 && Number.isFinite(value['coverage']['totals']['statements']['pct']) && value['coverage']['totals']['statements']['pct'] <= 100 && value['coverage']['totals']['statements']['pct'] >= 0 && Object.getOwnPropertyNames(value['coverage']['totals']['statements']).length === 3) || ((value['coverage']['totals']['statements'] === null))) && Object.getOwnPropertyNames(value['coverage']['totals']).length === 4 && (((typeof value['coverage']['headline'] === 'object' && value['coverage']['headline'] !== null && !Array.isArray(value['coverage']['headline'])) && (((value['coverage']['headline']['metric'] === 'lines')) || ((value['coverage']['headline']['metric'] === 'branches')) || ((value['coverage']['headline']['metric'] === 'functions')) || ((value['coverage']['headline']['metric'] === 'statements'))) && Number.isFinite(value['coverage']['headline']['pct']) && value['coverage']['headline']['pct'] <= 100 && value['coverage']['headline']['pct'] >= 0 && (typeof value['coverage']['headline']['why'] === 'string') && Object.getOwnPropertyNames(value['coverage']['headline']).length === 3) || ((value['coverage']['headline'] === null))) && Array.isArray(value['coverage']['files']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['path'] === 'string') && (((typeof value['lines'] === 'object' && value['lines'] !== null && !Array.isArray(value['lines'])) && Number.isInteger(value['lines']['covered']) && value['lines']['covered'] >= 0 && Number.isInteger(value['lines']['total']) && value['lines']['total'] >= 0 && Number.isFinite(value['lines']['pct']) && value['lines']['pct'] <= 100 && value['lines']['pct'] >= 0 && Object.getOwnPropertyNames(value['lines']).length === 3) || ((value['lines'] === null))) && (((typeof value['branches'] === 'object' && value['branches'] !== null && !Array.isArray(value['branches'])) && Number.isInteger(value['branches']['covered']) && value['branches']['covered'] >= 0 && Number.isInteger(value['branches']['total']) && value['branches']['total'] >= 0 && Number.isFinite(value['branches']['pct']) && value['branches']['pct'] <= 100 && value['branches']['pct'] >= 0 && Object.getOwnPropertyNames(value['branches']).length === 3) || ((value['branches'] === null))) && (((typeof value['functions'] === 'object' && value['functions'] !== null && !Array.isArray(value['functions'])) && Number.isInteger(value['functions']['covered']) && value['functions']['covered'] >= 0 && Number.isInteger(value['functions']['total']) && value['functions']['total'] >= 0 && Number.isFinite(value['functions']['pct']) && value['functions']['pct'] <= 100 && value['functions']['pct'] >= 0 && Object.getOwnPropertyNames(value['functions']).length === 3) || ((value['functions'] === null))) && (((typeof value['statements'] === 'object' && value['statements'] !== null && !Array.isArray(value['statements'])) && Number.isInteger(value['statements']['covered']) && value['statements']['covered'] >= 0 && Number.isInteger(value['statements']['total']) && value['statements']['total'] >= 0 && Number.isFinite(value['statements']['pct']) && value['statements']['pct'] <= 100 && value['statements']['pct'] >= 0 && Object.getOwnPropertyNames(value['statements']).length === 3) || ((value['statements'] === null))) && Object.getOwnPropertyNames(value).length === 5))) { return false }; return true; })(value['coverage']['files']) && (((typeof value['coverage']['diff'] === 'object' && value['coverage']['diff'] !== null && !Array.isArray(value['coverage']['diff'])) && Number.isInteger(value['coverage']['diff']['covered']) && value['coverage']['diff']['covered'] >= 0 && Number.isInteger(value['coverage']['diff']['total']) && value['coverage']['diff']['total'] >= 0 && Number.isFinite(value['coverage']['diff']['pct']) && value['coverage']['diff']['pct'] <= 100 && value['coverage']['diff']['pct'] >= 0 && Array.isArray(value['coverage']['diff']['files']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['path'] === 'string') && Number.isInteger(value['covered']) && value['covered'] >= 0 && Number.isInteger(value['total']) && value['total'] >= 0 && Number.isFinite(value['pct']) && value['pct'] <= 100 && value['pct'] >= 0 && Array.isArray(value['uncovered']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && Number.isInteger(value['start']) && value['start'] >= 1 && Number.isInteger(value['end']) && value['end'] >= 1 && Object.getOwnPropertyNames(value).length === 2))) { return false }; return true; })(value['uncovered']) && Object.getOwnPropertyNames(value).length === 5))) { return false }; return true; })(value['coverage']['diff']['files']) && Object.getOwnPropertyNames(value['coverage']['diff']).length === 4) || ((value['coverage']['diff'] === null))) && (typeof value['coverage']['diffStatus'] === 'string') && (((typeof value['coverage']['baseline'] === 'object' && value['coverage']['baseline'] !== null && !Array.isArray(value['coverage']['baseline'])) && (typeof value['coverage']['baseline']['branch'] === 'string') && (typeof value['coverage']['baseline']['sha'] === 'string') && (typeof value['coverage']['baseline']['createdAt'] === 'string') && (((typeof value['coverage']['baseline']['deltas'] === 'object' && value['coverage']['baseline']['deltas'] !== null && !Array.isArray(value['coverage']['baseline']['deltas'])) && ((Number.isFinite(value['coverage']['baseline']['deltas']['lines'])) || ((value['coverage']['baseline']['deltas']['lines'] === null))) && ((Number.isFinite(value['coverage']['baseline']['deltas']['branches'])) || ((value['coverage']['baseline']['deltas']['branches'] === null))) && ((Number.isFinite(value['coverage']['baseline']['deltas']['functions'])) || ((value['coverage']['baseline']['deltas']['functions'] === null))) && ((Number.isFinite(value['coverage']['baseline']['deltas']['statements'])) || ((value['coverage']['baseline']['deltas']['statements'] === null))) && Object.getOwnPropertyNames(value['coverage']['baseline']['deltas']).length === 4) || ((value['coverage']['baseline']['deltas'] === null))) && Object.getOwnPropertyNames(value['coverage']['baseline']).length === 4) || ((value['coverage']['baseline'] === null))) && (((value['coverage']['baselineStatus'] === 'found')) || ((value['coverage']['baselineStatus'] === 'none-yet')) || ((value['coverage']['baselineStatus'] === 'not-applicable'))) && (((typeof value['coverage']['baselineSaved'] === 'object' && value['coverage']['baselineSaved'] !== null && !Array.isArray(value['coverage']['baselineSaved'])) && (typeof value['coverage']['baselineSaved']['branch'] === 'string') && (typeof value['coverage']['baselineSaved']['sha'] === 'string') && Object.getOwnPropertyNames(value['coverage']['baselineSaved']).length === 2) || ((value['coverage']['baselineSaved'] === null))) && Array.isArray(value['coverage']['sources']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['file'] === 'string') && (typeof value['format'] === 'string') && Object.getOwnPropertyNames(value).length === 2))) { return false }; return true; })(value['coverage']['sources']) && Array.isArray(value['coverage']['unmatchedPaths']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['reported'] === 'string') && (typeof value['guess'] === 'string') && (((value['reason'] === 'not-found')) || ((value['reason'] === 'ambiguous'))) && Object.getOwnPropertyNames(value).length === 3))) { return false }; return true; })(value['coverage']['unmatchedPaths']) && Object.getOwnPropertyNames(value['coverage']).length === 10) || ((value['coverage'] === null))) &&
    (((typeof value['tests'] === 'object' && value['tests'] !== null && !Array.isArray(value['tests'])) && Number.isInteger(value['tests']['total']) && value['tests']['total'] >= 0 && Number.isInteger(value['tests']['passed']) && value['tests']['passed'] >= 0 && Number.isInteger(value['tests']['failed']) && value['tests']['failed'] >= 0 && Number.isInteger(value['tests']['errors']) && value['tests']['errors'] >= 0 && Number.isInteger(value['tests']['skipped']) && value['tests']['skipped'] >= 0 && Number.isInteger(value['tests']['flaky']) && value['tests']['flaky'] >= 0 && Array.isArray(value['tests']['sources']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['tests']['sources']) && Array.isArray(value['tests']['failures']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && Array.isArray(value['suite']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['suite']) && (((value['status'] === 'failed')) || ((value['status'] === 'error'))) && (value['classname'] !== undefined ? ((typeof value['classname'] === 'string')) : true) && (value['file'] !== undefined ? ((typeof value['file'] === 'string')) : true) && (value['line'] !== undefined ? (Number.isInteger(value['line'])) : true) && (value['message'] !== undefined ? ((typeof value['message'] === 'string')) : true) && (value['details'] !== undefined ? ((typeof value['details'] === 'string')) : true) && (value['durationMs'] !== undefined ? (Number.isFinite(value['durationMs'])) : true) && Object.getOwnPropertyNames(value).every(key => ['name', 'suite', 'status', 'classname', 'file', 'line', 'message', 'details', 'durationMs'].includes(key))))) { return false }; return true; })(value['tests']['failures']) && Number.isInteger(value['tests']['failuresOmitted']) && value['tests']['failuresOmitted'] >= 0 && Array.isArray(value['tests']['flakyCases']) && ((array) => { for(const value of array) if(!(((typeof value === 'object' && value !== null && !Array.isArray(value)) && (typeof value['name'] === 'string') && Array.isArray(value['suite']) && ((array) => { for(const value of array) if(!(((typeof value === 'string')))) { return false }; return true; })(value['suite']) && (value['classname'] !== undefined ? ((typeof value['classname'] === 'string')) : true) && (value['file'] !== undefined ? ((typeof value['file'] === 'string')) : true) && Number.isInteger(value['reruns']) && value['reruns'] >= 1 && Object.getOwnPropertyNames(value).every(key => ['name', 'suite', 'classname', 'file', 'reruns'].includes(key))))) { return false }; return true; })(value['tests']['flakyCases']) && Object.getOwnPropertyNames(value['tests']).length === 10) || ((value['tests'] === null))) &&
    Array.isArray(value['shards']) &&
    ((array) => { for(const value of array) if(!(((((typeof value === 'string')) || ((value === null)))))) { return false }; return true; })(value['shards']) &&
    (((typeof value['checkRun'] === 'object' && value['checkRun'] !== null && !Array.isArray(value['checkRun'])) && Number.isInteger(value['checkRun']['id']) && (typeof value['checkRun']['url'] === 'string') && (((value['checkRun']['conclusion'] === 'success')) || ((value['checkRun']['conclusion'] === 'failure')) || ((value['checkRun']['conclusion'] === 'neutral'))) && Number.isInteger(value['checkRun']['annotations']) && value['checkRun']['annotations'] >= 0 && Number.isInteger(value['checkRun']['annotationsWithoutFile']) && value['checkRun']['annotationsWithoutFile'] >= 0 && Object.getOwnPropertyNames(value['checkRun']).length === 5) || ((value['checkRun'] === null))) &&
    (((value['notification'] === 'sent')) || ((value['notification'] === 'skipped')) || ((value['notification'] === 'failed')) || ((value['notification'] === 'off'))) &&
    (((typeof value['badge'] === 'string')) || ((value['badge'] === null))) &&
    Object.getOwnPropertyNames(value).every(key => ['schemaVersion', 'stage', 'status', 'summary', 'startedAt', 'finishedAt', 'durationMs', 'run', 'gates', 'warnings', 'error', 'stages', 'coverage', 'tests', 'shards', 'checkRun', 'notification', 'badge'].includes(key))
  )
}
return function check(value) {
  return check_https_58_47_47_shipkit_46_dev_47_schemas_47_report_45_report_46_schema_46_json(value)
}
},
  },
};

// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __webpack_require__(71855);
;// CONCATENATED MODULE: ./src/core/report/schema.ts






/**
 * Every report's schema is written once, here and in each stage's `report-schema.ts`, with TypeBox:
 * the JSON Schema (committed under schemas/, validated before every write) and the TypeScript type
 * (`Static<typeof …>`) come from the same declaration, so code and schema cannot drift apart.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
if (!registry_format/* Has */.ru('date-time'))
    registry_format/* Set */.NZ('date-time', (v) => DATE_TIME.test(v) && !isNaN(Date.parse(v)));
const Nullable = (schema) => type/* Type */.ZU.Union([schema, type/* Type */.ZU.Null()]);
const GateValueSchema = type/* Type */.ZU.Union([type/* Type */.ZU.Number(), type/* Type */.ZU.String(), type/* Type */.ZU.Boolean(), type/* Type */.ZU.Null()]);
const GateSchema = type/* Type */.ZU.Object({
    name: type/* Type */.ZU.String({ minLength: 1, description: 'Stable identifier, e.g. `min-lines`, `p(95)<200`, `approvals`.' }),
    passed: type/* Type */.ZU.Boolean(),
    required: type/* Type */.ZU.Union([type/* Type */.ZU.Number(), type/* Type */.ZU.String(), type/* Type */.ZU.Boolean(), type/* Type */.ZU.Null()], {
        description: 'What the gate demands (the configured value).',
    }),
    actual: type/* Type */.ZU.Union([type/* Type */.ZU.Number(), type/* Type */.ZU.String(), type/* Type */.ZU.Boolean(), type/* Type */.ZU.Null()], {
        description: 'What this run measured; null when it could not be measured (the gate then fails closed).',
    }),
    unit: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: '`%`, `ms`, `count`…, for display.' })),
    detail: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'Why it failed, or what it measured, in one line.' })),
}, { additionalProperties: false });
const RunInfoSchema = type/* Type */.ZU.Object({
    repository: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    runId: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    runAttempt: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    job: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    sha: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    ref: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    url: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'Link to the run on GitHub.' })),
    shard: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'Matrix shard label (SHIPKIT_SHARD), for merging sharded jobs.' })),
}, { additionalProperties: false });
const StatusSchema = type/* Type */.ZU.Union([type/* Type */.ZU.Literal('pass'), type/* Type */.ZU.Literal('fail'), type/* Type */.ZU.Literal('warn')]);
/** Set when the run ended in an error instead of an outcome: the report still says what happened. */
const RunErrorSchema = type/* Type */.ZU.Object({
    kind: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('usage'), type/* Type */.ZU.Literal('service'), type/* Type */.ZU.Literal('internal')], {
        description: "`usage`: the user's input or file (exit 2); `service`: a server unreachable or refusing; `internal`: a shipkit bug.",
    }),
    message: type/* Type */.ZU.String(),
    input: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    file: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    line: type/* Type */.ZU.Optional(type/* Type */.ZU.Integer({ minimum: 1 })),
    hint: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
}, { additionalProperties: false });
function commonProperties(stage) {
    return {
        schemaVersion: type/* Type */.ZU.Literal(types/* REPORT_SCHEMA_VERSION */.W, {
            description: "Bumped only if a field's meaning changes; new fields may be added at any time.",
        }),
        stage,
        status: StatusSchema,
        summary: type/* Type */.ZU.String({ description: 'One line for people.' }),
        startedAt: type/* Type */.ZU.String({ format: 'date-time' }),
        finishedAt: type/* Type */.ZU.String({ format: 'date-time' }),
        durationMs: type/* Type */.ZU.Number({ minimum: 0 }),
        run: RunInfoSchema,
        gates: type/* Type */.ZU.Array(GateSchema),
        warnings: type/* Type */.ZU.Array(type/* Type */.ZU.String()),
        error: type/* Type */.ZU.Optional(RunErrorSchema),
    };
}
/**
 * The fields every report has, whichever stage wrote it: what a reader of any report (the root report
 * action, approve's summary of earlier stages) may rely on. Unknown keys are the stages' own.
 */
const BaseReportSchema = type/* Type */.ZU.Object(commonProperties(type/* Type */.ZU.String({ pattern: '^[a-z][a-z0-9-]*$' })), {
    $id: 'https://shipkit.dev/schemas/report.schema.json',
    title: 'shipkit stage report (common fields)',
    additionalProperties: true,
});
/** One stage's report: the common fields plus the stage's own top-level keys, nothing else. */
function stageReportSchema(stage, own) {
    return type/* Type */.ZU.Object({ ...commonProperties(type/* Type */.ZU.Literal(stage)), ...own }, {
        $id: `https://shipkit.dev/schemas/${stage}-report.schema.json`,
        title: `shipkit ${stage} stage report`,
        additionalProperties: false,
    });
}

/** The first few schema violations of `value`, one line each; empty when it matches. */
function schemaViolations(schema, value, max = 5) {
    const out = [];
    for (const e of errors/* Errors */.I(schema, value)) {
        out.push(`${e.path || '/'}: ${e.message}`);
        if (out.length >= max)
            break;
    }
    return out;
}
/**
 * Identifies a schema as TypeCompiler sees it: its JSON and its TypeBox symbols (Kind…), which pick
 * the code generated for each node.
 */
function schemaFingerprint(schema) {
    const text = JSON.stringify(schema, (_key, value) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value))
            return value;
        const symbols = Object.getOwnPropertySymbols(value).map((s) => [
            String(s),
            value[s],
        ]);
        return { ...value, ...Object.fromEntries(symbols) };
    });
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('base64url');
}
// What TypeCompiler.Compile passes its check: the generated code never calls `kind` (scripts/docs.ts
// refuses custom kinds), and an unknown format fails.
const noCustomKind = () => false;
const registeredFormat = (format, value) => registry_format/* Get */.nu(format)?.(value) ?? false;
/**
 * The check scripts/docs.ts compiled ahead of time from this very schema, or undefined: compiling one
 * at run time costs each process ~7 ms and ~4.5 MB. A schema that differs from the one the check
 * was compiled from (edited since `npm run docs`, or a test's own) has a different fingerprint.
 */
function precompiledCheck(schema) {
    const entry = typeof schema.$id === 'string' ? REPORT_CHECKS[schema.$id] : undefined;
    if (!entry || entry.fingerprint !== schemaFingerprint(schema))
        return undefined;
    return entry.factory(noCustomKind, registeredFormat, hash/* Hash */.V);
}
const checks = new WeakMap();
function compiledCheck(schema) {
    const compiled = compiler/* TypeCompiler */.gv.Compile(schema);
    return (value) => compiled.Check(value);
}
function checkOf(schema) {
    let check = checks.get(schema);
    if (!check)
        checks.set(schema, (check = precompiledCheck(schema) ?? compiledCheck(schema)));
    return check;
}
/**
 * Throws when `report` does not match `schema`. A report that fails here is a shipkit bug, not a user
 * mistake, so this throws a plain Error (shown with its stack).
 */
function assertReportMatches(schema, report) {
    // The compiled check says yes or no several times faster than walking the errors (a test report of
    // 20 000 files: 45 ms against 380 ms); the violations are listed only for a report that fails it.
    if (checkOf(schema)(report))
        return;
    const problems = schemaViolations(schema, report);
    if (problems.length > 0)
        throw new Error(`the ${String(report?.stage)} report does not match its schema: ${problems.join('; ')}`);
}


/***/ }),

/***/ 71855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ REPORT_SCHEMA_VERSION)
/* harmony export */ });
/**
 * The stage report: one JSON document per stage run. A public interface (docs/report.md):
 * every action writes it and sets its path as the output `report`, the CLI prints it with --json,
 * and the root report action merges these files. Add fields; never change the meaning of one.
 */
const REPORT_SCHEMA_VERSION = 1;


/***/ }),

/***/ 72020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hj: () => (/* binding */ CUT_MARK),
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   Nt: () => (/* binding */ escapeRegExp)
/* harmony export */ });
/** Where a cut text ends: the redactor (./redact.ts) looks for it to take out a secret's cut start. */
const CUT_MARK = '…';
/**
 * `text` cut to at most `max` characters, ending in `…` when cut. Every cut of text that may hold
 * a secret (messages, output of tools, SQL) goes through here: the redactor runs on the finished
 * outcome, after the cut, and finds a secret's first characters by the mark that follows them.
 */
function cut(text, max) {
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}${CUT_MARK}`;
}
/** `text` as a regular expression that matches exactly it. */
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 12991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInActionHost: () => (/* binding */ runInActionHost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/directory.ts
var directory = __webpack_require__(57644);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/generated/action-metadata.ts
/** Every stage's action.yml, keyed by its directory (StageEntry.actionDir). */
const ACTION_METADATA = {
    "test": {
        "name": "shipkit test",
        "description": "Run lint and tests, read coverage (lcov, cobertura, clover, JaCoCo, istanbul, Go) and JUnit reports, and gate on total, per-path, changed-line coverage and the drop against the base branch.",
        "inputs": [
            {
                "name": "lint",
                "description": "Lint command(s), one per line, run with bash in working-directory, like `test`. A failing one fails the `lint` gate; reports are still read.",
                "required": false,
                "default": ""
            },
            {
                "name": "test",
                "description": "Test command(s), one per line, run with bash in working-directory, without the action's inputs or token in their environment (pass what they need through `env:`). A failing one fails the `test` gate; reports are still read. A command ends when its shell exits; output of a background process it started (`npm start &`) is read for 2 more seconds, then no longer.",
                "required": false,
                "default": ""
            },
            {
                "name": "coverage",
                "description": "Coverage report files or globs (newline or comma separated), relative to working-directory. Empty looks in the usual places (coverage/lcov.info, coverage.xml, cover.out…). Several reports of one run (c8's lcov, cobertura, clover and JSON) give that run's numbers; reports of different runs add up as `lcov -a` does.",
                "required": false,
                "default": ""
            },
            {
                "name": "coverage-format",
                "description": "auto (detect from content), lcov, cobertura, clover, jacoco, istanbul-summary, istanbul-final, go or coverage-py (`coverage json`).",
                "required": false,
                "default": "auto"
            },
            {
                "name": "test-results",
                "description": "Test reports (JUnit XML in its dialects, TRX, NUnit 2 and 3, xUnit.net v2, mocha --reporter json), files or globs. Empty looks in the usual places (junit.xml, target/surefire-reports…). Reruns (Surefire, pytest-rerunfailures) that passed count as flaky, not failed.",
                "required": false,
                "default": ""
            },
            {
                "name": "path-map",
                "description": "Prefix rewrites for report paths, one 'from=to' per line (e.g. /app=services/api), applied before the automatic matching.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-lines",
                "description": "Minimum total line coverage in percent (for Go profiles, statement coverage, as `go test -cover` prints it). Empty means no gate.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-branches",
                "description": "Minimum total branch coverage in percent.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-functions",
                "description": "Minimum total function coverage in percent.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-statements",
                "description": "Minimum total statement coverage in percent.",
                "required": false,
                "default": ""
            },
            {
                "name": "path-thresholds",
                "description": "Per-path minimums as YAML: glob → percent (lines) or glob → {lines, branches, functions, statements}, e.g. 'src/services/**: 70'.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-diff-coverage",
                "description": "Minimum coverage of the executable lines a pull request changes (from git against the merge base with base). Fails when the changed lines cannot be determined.",
                "required": false,
                "default": ""
            },
            {
                "name": "max-drop",
                "description": "Largest allowed drop of line coverage (statements for Go) against the base branch's baseline, in percentage points. Pushes to the default branch save the baseline; a pull request before the first one passes with \"no baseline yet\" unless require-baseline is true.",
                "required": false,
                "default": ""
            },
            {
                "name": "base",
                "description": "Base branch for diff coverage and the baseline. Empty uses the pull request's base branch.",
                "required": false,
                "default": ""
            },
            {
                "name": "require-baseline",
                "description": "Fail max-drop when the base branch has no saved baseline yet (instead of passing and saying so).",
                "required": false,
                "default": "false"
            },
            {
                "name": "allow-empty",
                "description": "Accept missing or empty coverage and test reports instead of failing.",
                "required": false,
                "default": "false"
            },
            {
                "name": "annotate",
                "description": "Annotate failing tests and uncovered changed lines (as line ranges).",
                "required": false,
                "default": "true"
            },
            {
                "name": "artifact",
                "description": "Save this stage's report (and its data for merging) as a workflow artifact for the root report action (uses shipkit@v1). Always done in a matrix job (SHIPKIT_SHARD set).",
                "required": false,
                "default": "false"
            },
            {
                "name": "github-token",
                "description": "Token for the PR comment and, when local git cannot tell the changed lines, the pull request files API.",
                "required": false,
                "default": "${{ github.token }}"
            },
            {
                "name": "working-directory",
                "description": "Directory the commands run in and report paths are relative to.",
                "required": false,
                "default": "."
            },
            {
                "name": "comment",
                "description": "Update the test section of the sticky PR comment.",
                "required": false,
                "default": "true"
            }
        ],
        "outputs": [
            {
                "name": "passed",
                "description": "true when every gate passed."
            },
            {
                "name": "lines",
                "description": "Total line coverage in percent (empty when not measured)."
            },
            {
                "name": "branches",
                "description": "Total branch coverage in percent (empty when not measured)."
            },
            {
                "name": "functions",
                "description": "Total function coverage in percent (empty when not measured)."
            },
            {
                "name": "statements",
                "description": "Total statement coverage in percent (empty when not measured)."
            },
            {
                "name": "diff-coverage",
                "description": "Coverage of the changed lines in percent (empty outside pull requests or when unknown)."
            },
            {
                "name": "tests",
                "description": "Number of test cases in the test reports (empty without reports)."
            },
            {
                "name": "failed",
                "description": "Number of failed and errored test cases (empty without reports)."
            },
            {
                "name": "report",
                "description": "Path of the JSON stage report."
            }
        ]
    },
    "scan": {
        "name": "shipkit scan",
        "description": "Trivy (dependencies, secrets, misconfigurations, images), the package managers' audits and existing reports (Trivy JSON, SARIF, npm/pnpm/yarn audit, osv-scanner) behind one findings gate, with ignores that expire, new-only on pull requests and SARIF within GitHub's limits.",
        "inputs": [
            {
                "name": "target",
                "description": "Directory scanned by Trivy (fs or config) and the audits, relative to working-directory.",
                "required": false,
                "default": "."
            },
            {
                "name": "image",
                "description": "Scan this image with Trivy instead of the directory (before a push) - a local image name, a docker save or OCI tarball, an OCI layout directory, or a registry reference.",
                "required": false,
                "default": ""
            },
            {
                "name": "scanners",
                "description": "Trivy's scanners, comma-separated - vuln, secret, misconfig; none runs no Trivy (only audits and reports). misconfig alone runs trivy config.",
                "required": false,
                "default": "vuln,secret,misconfig"
            },
            {
                "name": "audit",
                "description": "Package managers' audits to run in target, comma-separated - npm, pnpm, yarn (berry's yarn npm audit), osv-scanner (Python, Go and more, from the lockfiles).",
                "required": false,
                "default": ""
            },
            {
                "name": "reports",
                "description": "Reports that already exist, one per line or comma-separated - Trivy JSON, SARIF 2.1.0 from any tool (Snyk, Semgrep, CodeQL…), npm/pnpm/yarn audit JSON, osv-scanner JSON. The format is recognised from the file.",
                "required": false,
                "default": ""
            },
            {
                "name": "fail-on",
                "description": "Fail when a finding at this severity or worse counts - critical, high, medium or low.",
                "required": false,
                "default": "high"
            },
            {
                "name": "fixable-only",
                "description": "Only findings with a fixed version fail the gate (the others are still listed).",
                "required": false,
                "default": "false"
            },
            {
                "name": "new-only",
                "description": "On pull requests, only findings the base branch's baseline does not have fail the gate; existing ones are listed as existing. Without a baseline every finding counts as new (with a warning).",
                "required": false,
                "default": "false"
            },
            {
                "name": "ignore-file",
                "description": "Ignores with id or package pattern, a required reason and expires date (YAML). .trivyignore and .trivyignore.yaml in working-directory are read too.",
                "required": false,
                "default": ".shipkit/scan-ignore.yml"
            },
            {
                "name": "sarif",
                "description": "Write SARIF 2.1.0 here (one run per tool, each its own category, within GitHub's limits). With upload-sarif and no path, .shipkit/scan.sarif.",
                "required": false,
                "default": ""
            },
            {
                "name": "upload-sarif",
                "description": "Upload the SARIF to code scanning (needs permissions security-events write).",
                "required": false,
                "default": "false"
            },
            {
                "name": "trivy-version",
                "description": "Trivy release to download and verify against its checksums file.",
                "required": false,
                "default": "0.74.0"
            },
            {
                "name": "trivy-path",
                "description": "Run this Trivy binary (a path, or a command on PATH) instead of downloading one.",
                "required": false,
                "default": ""
            },
            {
                "name": "trivy-download-url",
                "description": "Base URL of Trivy's release downloads (a mirror); empty is GitHub's releases.",
                "required": false,
                "default": ""
            },
            {
                "name": "db-repository",
                "description": "OCI repositories of Trivy's vulnerability database, comma-separated, tried in order; rate limits (429) are retried, then the next is tried.",
                "required": false,
                "default": "mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2"
            },
            {
                "name": "skip-db-update",
                "description": "Scan with the database already cached; never download it.",
                "required": false,
                "default": "false"
            },
            {
                "name": "insecure",
                "description": "Allow plain HTTP and unverified TLS for registries (a local mirror of the database or the image).",
                "required": false,
                "default": "false"
            },
            {
                "name": "artifact",
                "description": "Save this stage's report (and its data for merging) as a workflow artifact for the root report action (uses shipkit@v1). Always done in a matrix job (SHIPKIT_SHARD set).",
                "required": false,
                "default": "false"
            },
            {
                "name": "github-token",
                "description": "Token for the sticky pull request comment and the SARIF upload.",
                "required": false,
                "default": "${{ github.token }}"
            },
            {
                "name": "working-directory",
                "description": "Directory the scan runs in; paths in inputs are relative to it.",
                "required": false,
                "default": "."
            },
            {
                "name": "comment",
                "description": "Update this stage's section of the sticky pull request comment.",
                "required": false,
                "default": "true"
            }
        ],
        "outputs": [
            {
                "name": "passed",
                "description": "true when every gate passed (no counted finding at fail-on or worse, no expired ignore), else false."
            },
            {
                "name": "critical",
                "description": "Findings at critical that count (not ignored)."
            },
            {
                "name": "high",
                "description": "Findings at high that count."
            },
            {
                "name": "medium",
                "description": "Findings at medium that count."
            },
            {
                "name": "low",
                "description": "Findings at low that count."
            },
            {
                "name": "unknown",
                "description": "Findings of unknown severity that count."
            },
            {
                "name": "new-findings",
                "description": "Counted findings the base branch's baseline does not have; empty when no baseline was compared."
            },
            {
                "name": "sarif-file",
                "description": "Path of the SARIF written, if any."
            },
            {
                "name": "sarif-id",
                "description": "The id code scanning gave the SARIF upload, if uploaded."
            },
            {
                "name": "report",
                "description": "Path of the JSON stage report."
            }
        ]
    },
    "docker": {
        "name": "shipkit docker",
        "description": "Build Docker images with tags and labels from the git context (docker/metadata-action's syntax), check each Dockerfile against a policy, scan every image with Trivy before anything is pushed, push every tag with retries, and output the digest read back from the registry.",
        "inputs": [
            {
                "name": "images",
                "description": "Image names to tag, one per line (name=…,enable=… as in docker/metadata-action), e.g. ghcr.io/acme/api. Empty builds an untagged image (for a scan without a push).",
                "required": false,
                "default": ""
            },
            {
                "name": "tags",
                "description": "Tag rules in docker/metadata-action's syntax, one per line (type=semver,pattern={{version}}, type=ref,event=branch, type=sha…). Empty uses metadata-action's defaults (schedule, branch, tag, pr).",
                "required": false,
                "default": ""
            },
            {
                "name": "flavor",
                "description": "docker/metadata-action's flavor, one per line (latest=auto|true|false, prefix=…, suffix=…).",
                "required": false,
                "default": ""
            },
            {
                "name": "labels",
                "description": "Extra labels, key=value per line; they override the OCI labels computed from the repository.",
                "required": false,
                "default": ""
            },
            {
                "name": "context",
                "description": "The build context, relative to working-directory.",
                "required": false,
                "default": "."
            },
            {
                "name": "file",
                "description": "The Dockerfile, relative to working-directory. Empty is <context>/Dockerfile.",
                "required": false,
                "default": ""
            },
            {
                "name": "builds",
                "description": "Several images in one step (a backend and a frontend), as a YAML list of {name, context, file, images, tags, target, build-args, platforms}; tags default to the tags input. Leave images, file and target empty when it is set.",
                "required": false,
                "default": ""
            },
            {
                "name": "platforms",
                "description": "Target platforms, comma-separated (linux/amd64,linux/arm64). Several need docker buildx.",
                "required": false,
                "default": ""
            },
            {
                "name": "build-args",
                "description": "Build arguments, NAME=value per line.",
                "required": false,
                "default": ""
            },
            {
                "name": "secrets",
                "description": "Build secrets, id=value per line, read in the Dockerfile with RUN --mount=type=secret,id=…. Values are masked, passed to the builder in its environment (never on its command line) and never stored in a layer. Need buildx or Podman.",
                "required": false,
                "default": ""
            },
            {
                "name": "target",
                "description": "The Dockerfile stage to build.",
                "required": false,
                "default": ""
            },
            {
                "name": "cache-from",
                "description": "Build cache sources, one per line (type=gha, type=registry,ref=…, or an image).",
                "required": false,
                "default": ""
            },
            {
                "name": "cache-to",
                "description": "Build cache destinations, one per line (type=gha,mode=max, type=registry,ref=…). Need buildx (Podman takes a repository).",
                "required": false,
                "default": ""
            },
            {
                "name": "push",
                "description": "Push every tag once the policy, the build and the scan passed.",
                "required": false,
                "default": "false"
            },
            {
                "name": "load",
                "description": "Keep the built images in the local Docker (or Podman) image store after the step; otherwise the images the step built are removed from it.",
                "required": false,
                "default": "false"
            },
            {
                "name": "sbom",
                "description": "Attach an SBOM attestation to the pushed image (buildx).",
                "required": false,
                "default": "false"
            },
            {
                "name": "provenance",
                "description": "Provenance attestation of the pushed image (buildx), e.g. false, true, mode=max. Empty is buildx's default.",
                "required": false,
                "default": ""
            },
            {
                "name": "builder",
                "description": "auto (docker buildx when its builder runs, else the Docker daemon's classic builder, else podman build), buildx, docker or podman.",
                "required": false,
                "default": "auto"
            },
            {
                "name": "registry",
                "description": "Registry to log in to before pushing (ghcr.io, 123.dkr.ecr.….amazonaws.com, docker.io). Empty uses the Docker config's existing logins.",
                "required": false,
                "default": ""
            },
            {
                "name": "username",
                "description": "User for the registry login. For ghcr.io it defaults to the workflow's actor.",
                "required": false,
                "default": ""
            },
            {
                "name": "password",
                "description": "Password or token for the registry login (masked; given to docker login on standard input). For ghcr.io it defaults to github-token, which then needs packages write permission.",
                "required": false,
                "default": ""
            },
            {
                "name": "insecure-registries",
                "description": "Registries reached over plain HTTP, comma-separated (as dockerd's insecure-registries); loopback ones always may be.",
                "required": false,
                "default": ""
            },
            {
                "name": "push-retries",
                "description": "Attempts after the first for each tag's push when the registry or the network fails (a refused login is not retried).",
                "required": false,
                "default": "3"
            },
            {
                "name": "policy",
                "description": "Dockerfile policy - strict, recommended or off. Each finding has a rule id, the file and line; skip one with a `# shipkit-ignore: <rule> <reason>` comment on the line above it.",
                "required": false,
                "default": "recommended"
            },
            {
                "name": "orchestrator-probes",
                "description": "The platform probes the container (Kubernetes, ECS health checks), so the Dockerfile need not have a HEALTHCHECK.",
                "required": false,
                "default": "false"
            },
            {
                "name": "scan",
                "description": "Scan every built image with Trivy (vulnerabilities and secrets in its layers) before any push.",
                "required": false,
                "default": "true"
            },
            {
                "name": "fail-on",
                "description": "Block the push (and fail) when a finding at this severity or worse counts - critical, high, medium or low.",
                "required": false,
                "default": "high"
            },
            {
                "name": "ignore-file",
                "description": "The scan's ignores with id or package pattern, a required reason and expires date (YAML), as the scan action reads them. .trivyignore and .trivyignore.yaml in working-directory are read too.",
                "required": false,
                "default": ".shipkit/scan-ignore.yml"
            },
            {
                "name": "trivy-version",
                "description": "Trivy release to download and verify against its checksums file.",
                "required": false,
                "default": "0.74.0"
            },
            {
                "name": "trivy-path",
                "description": "Run this Trivy binary (a path, or a command on PATH) instead of downloading one.",
                "required": false,
                "default": ""
            },
            {
                "name": "db-repository",
                "description": "OCI repositories of Trivy's vulnerability database, comma-separated, tried in order.",
                "required": false,
                "default": "mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2"
            },
            {
                "name": "skip-db-update",
                "description": "Scan with the database already cached; never download it.",
                "required": false,
                "default": "false"
            },
            {
                "name": "dry-run",
                "description": "Compute tags and labels and check the Dockerfile policy; build nothing.",
                "required": false,
                "default": "false"
            },
            {
                "name": "lint-only",
                "description": "Check the Dockerfile policy only.",
                "required": false,
                "default": "false"
            },
            {
                "name": "artifact",
                "description": "Save this stage's report (and its data for merging) as a workflow artifact for the root report action (uses shipkit@v1). Always done in a matrix job (SHIPKIT_SHARD set).",
                "required": false,
                "default": "false"
            },
            {
                "name": "github-token",
                "description": "Token used to update the sticky pull request comment, and the ghcr.io login when no password is given.",
                "required": false,
                "default": "${{ github.token }}"
            },
            {
                "name": "working-directory",
                "description": "Directory the contexts, Dockerfiles and ignore files are resolved from.",
                "required": false,
                "default": "."
            },
            {
                "name": "comment",
                "description": "Update this stage's section of the sticky pull request comment.",
                "required": false,
                "default": "true"
            }
        ],
        "outputs": [
            {
                "name": "passed",
                "description": "true when every gate passed (policy, build, scan, push), else false."
            },
            {
                "name": "digest",
                "description": "The first image's digest - read back from the registry after a push, else the builder's or the engine's local manifest digest, else the image ID (build-push-action's name)."
            },
            {
                "name": "imageid",
                "description": "The first image's ID, the config digest (build-push-action's name)."
            },
            {
                "name": "image-id",
                "description": "The same as imageid."
            },
            {
                "name": "metadata",
                "description": "The first image's build metadata as JSON - buildx's metadata file, or the same keys (containerimage.digest, containerimage.config.digest, image.name) from another builder (build-push-action's name)."
            },
            {
                "name": "tags",
                "description": "Every tag of every image, one per line (docker/metadata-action's name)."
            },
            {
                "name": "labels",
                "description": "The first image's labels, key=value per line (docker/metadata-action's name)."
            },
            {
                "name": "version",
                "description": "The first image's version, its highest-priority tag (docker/metadata-action's name)."
            },
            {
                "name": "json",
                "description": "The first image's tags and labels as JSON (docker/metadata-action's name)."
            },
            {
                "name": "images",
                "description": "Every image as JSON - [{build, ref, digest, tags, pushed}]; ref is name@digest once pushed."
            },
            {
                "name": "pushed",
                "description": "true when every tag was pushed and read back with the scanned layers."
            },
            {
                "name": "report",
                "description": "Path of the JSON stage report."
            }
        ]
    },
    "migrate": {
        "name": "shipkit migrate",
        "description": "Apply SQL migrations under a lock, with a history table, checksums, backup, rollback on failure and a destructive-change plan in the pull request.",
        "inputs": [
            {
                "name": "database-url",
                "description": "postgres://…, mysql://… or mariadb://…, sqlite:PATH or pglite:PATH (an embedded PostgreSQL, shipped with the action: a throwaway database for a pull-request check). Server URLs are masked in logs, password included. Required in an action.",
                "required": false,
                "default": ""
            },
            {
                "name": "dir",
                "description": "Directory of migration files (NNN_name.sql, NNN_name.up.sql with an optional .down.sql, or V1__name.sql), relative to working-directory.",
                "required": false,
                "default": "migrations"
            },
            {
                "name": "transaction",
                "description": "all: the whole run in one transaction where DDL is transactional (PostgreSQL, SQLite); per-file: commit each file. Files starting with -- shipkit:no-transaction always run alone.",
                "required": false,
                "default": "all"
            },
            {
                "name": "rollback",
                "description": "How a failed run is undone. auto: the transaction, or the backup on MySQL/MariaDB; backup: restore the backup taken before the run (every database), which also undoes a file that failed part-way outside a transaction; down: run the down files of what this run applied, in reverse; none.",
                "required": false,
                "default": "auto"
            },
            {
                "name": "backup",
                "description": "Take a backup before applying (pg_dump -Fc, mysqldump --single-transaction, SQLite VACUUM INTO, PGlite's dump of its directory). Always taken when rollback is backup.",
                "required": false,
                "default": "false"
            },
            {
                "name": "backup-dir",
                "description": "Where backups are written, relative to working-directory.",
                "required": false,
                "default": ".shipkit/backups"
            },
            {
                "name": "lock-timeout",
                "description": "How long to wait for another run holding the migration lock (e.g. 30s, 5m). The failure names the holder.",
                "required": false,
                "default": "5m"
            },
            {
                "name": "baseline",
                "description": "Adopt an existing database that has no history: record the migrations up to this version as applied without running them.",
                "required": false,
                "default": ""
            },
            {
                "name": "dry-run",
                "description": "Only plan. List the pending migrations with their SQL and the destructive-change analysis; apply nothing.",
                "required": false,
                "default": "false"
            },
            {
                "name": "allow-destructive",
                "description": "Apply even when destructive statements are found, in the files or inside function bodies, DO blocks, CTEs, rules and MySQL executable comments (DROP TABLE/COLUMN/SCHEMA/OWNED, DROP … CASCADE, TRUNCATE, DELETE/UPDATE without WHERE, MERGE … DELETE, narrowing or converting type changes, NOT NULL without default, renames), or SQL that cannot be analysed (EXECUTE of a string, a body in another language).",
                "required": false,
                "default": "false"
            },
            {
                "name": "tool",
                "description": "shipkit, or another tool run inside the same lock/backup/rollback wrapper: knex, alembic, goose, golang-migrate, prisma, flyway, custom.",
                "required": false,
                "default": "shipkit"
            },
            {
                "name": "tool-command",
                "description": "Apply command for tool custom, or to override another tool's. Runs with DATABASE_URL in its environment.",
                "required": false,
                "default": ""
            },
            {
                "name": "tool-status-command",
                "description": "Status command run before and after the apply command (each tool has its own default).",
                "required": false,
                "default": ""
            },
            {
                "name": "artifact",
                "description": "Save this stage's report (and its data for merging) as a workflow artifact for the root report action (uses shipkit@v1). Always done in a matrix job (SHIPKIT_SHARD set).",
                "required": false,
                "default": "false"
            },
            {
                "name": "github-token",
                "description": "Token used to update the sticky pull request comment.",
                "required": false,
                "default": "${{ github.token }}"
            },
            {
                "name": "working-directory",
                "description": "Directory the migrations, backups and tool commands are resolved from.",
                "required": false,
                "default": "."
            },
            {
                "name": "comment",
                "description": "Update this stage's section of the sticky pull request comment (the plan).",
                "required": false,
                "default": "true"
            }
        ],
        "outputs": [
            {
                "name": "passed",
                "description": "true when every migration ran and every gate passed (lock, interrupted run, destructive changes, apply, the wrapped tool's exit code), else false; also false when the run could not start (a bad input, an unreachable database)."
            },
            {
                "name": "applied",
                "description": "Comma-separated versions applied by this run."
            },
            {
                "name": "pending",
                "description": "Comma-separated versions still pending after this run (all pending ones in a dry run)."
            },
            {
                "name": "backup-path",
                "description": "Path of the backup taken before applying, empty when none was taken."
            },
            {
                "name": "report",
                "description": "Path of the JSON stage report."
            }
        ]
    },
    "smoke": {
        "name": "shipkit smoke",
        "description": "Smoke-test a deployment. Waits until healthy, runs declarative HTTP checks, k6-style latency thresholds, security headers and TLS expiry; can roll back on failure.",
        "inputs": [
            {
                "name": "url",
                "description": "Base URL of the deployment; check paths are resolved against it. Without checks, this URL itself must answer 2xx.",
                "required": false,
                "default": ""
            },
            {
                "name": "checks",
                "description": "Check file (YAML, see smoke/checks.schema.json) relative to working-directory, or the checks inline as YAML.",
                "required": false,
                "default": ""
            },
            {
                "name": "wait-for",
                "description": "Path (or URL) polled until it answers 2xx/3xx before any check runs. Refused connections, resets, DNS errors, timeouts and other statuses are retried.",
                "required": false,
                "default": ""
            },
            {
                "name": "timeout",
                "description": "Deadline for the whole step, waiting included (e.g. 90s, 5m). Unfinished checks fail at the deadline.",
                "required": false,
                "default": "5m"
            },
            {
                "name": "retries",
                "description": "wait-for attempts after the first. Empty polls until the deadline.",
                "required": false,
                "default": ""
            },
            {
                "name": "backoff",
                "description": "First delay between wait-for attempts; doubles each attempt up to 30s, with jitter (e.g. 500ms, 1s).",
                "required": false,
                "default": "1s"
            },
            {
                "name": "concurrency",
                "description": "Requests in flight at once.",
                "required": false,
                "default": "10"
            },
            {
                "name": "samples",
                "description": "Requests per check, for latency statistics (p50/p95/max and thresholds).",
                "required": false,
                "default": "1"
            },
            {
                "name": "thresholds",
                "description": "Latency and error budgets in k6's syntax, as YAML, e.g. http_req_duration: ['p(95)<200'] and http_req_duration{check:login}: ['p(99)<500'].",
                "required": false,
                "default": ""
            },
            {
                "name": "headers",
                "description": "Headers sent with every request, one 'Name: value' per line. Values are secrets: masked in the log and taken out of the report, summary, comment and outputs, even when a server sends them back.",
                "required": false,
                "default": ""
            },
            {
                "name": "security-headers",
                "description": "Check each HTML and API response for HSTS (https), X-Content-Type-Options nosniff, framing protection, a CSP, and no version in Server/X-Powered-By.",
                "required": false,
                "default": "false"
            },
            {
                "name": "tls-min-days",
                "description": "Fail when an https certificate expires within this many days or its chain does not verify. Empty skips the check.",
                "required": false,
                "default": ""
            },
            {
                "name": "on-failure",
                "description": "Shell command run once when the smoke fails (e.g. a rollback), with SHIPKIT_SMOKE_FAILED_CHECKS and SHIPKIT_SMOKE_URL set. It sees the environment a run step would (no action inputs, no token unless passed through env). Its exit code and output are in the report.",
                "required": false,
                "default": ""
            },
            {
                "name": "request-timeout",
                "description": "Timeout of each request (e.g. 10s); a check's own timeout overrides it. A request still running at the step's timeout is cut there, and the report says so.",
                "required": false,
                "default": "10s"
            },
            {
                "name": "max-body",
                "description": "Read at most this much of each response body (e.g. 10MB). Body expectations fail on larger bodies.",
                "required": false,
                "default": "10MB"
            },
            {
                "name": "ca",
                "description": "PEM file of extra CA certificates to trust (NODE_EXTRA_CA_CERTS also works).",
                "required": false,
                "default": ""
            },
            {
                "name": "artifact",
                "description": "Save this stage's report (and its data for merging) as a workflow artifact for the root report action (uses shipkit@v1). Always done in a matrix job (SHIPKIT_SHARD set).",
                "required": false,
                "default": "false"
            },
            {
                "name": "github-token",
                "description": "Token used to update the sticky pull request comment.",
                "required": false,
                "default": "${{ github.token }}"
            },
            {
                "name": "working-directory",
                "description": "Directory the check file, CA file and on-failure command are resolved from.",
                "required": false,
                "default": "."
            },
            {
                "name": "comment",
                "description": "Update this stage's section of the sticky pull request comment.",
                "required": false,
                "default": "true"
            }
        ],
        "outputs": [
            {
                "name": "passed",
                "description": "true when every check, threshold and gate passed, else false."
            },
            {
                "name": "failed-checks",
                "description": "Comma-separated names of the checks that failed."
            },
            {
                "name": "p95",
                "description": "p95 latency over every sample, in milliseconds, each timed from the request's write to the socket to its last byte (k6's http_req_duration)."
            },
            {
                "name": "report",
                "description": "Path of the JSON stage report."
            }
        ]
    },
    "approve": {
        "name": "shipkit approve",
        "description": "Manual approval gate for a deployment. Opens an issue, waits for N of M approvers, fails closed.",
        "inputs": [
            {
                "name": "approvers",
                "description": "Users and org teams (org/team) who may approve, comma- or newline-separated. Teams need a token with organization Members read.",
                "required": true
            },
            {
                "name": "min-approvals",
                "description": "How many approvals are needed.",
                "required": false,
                "default": "1"
            },
            {
                "name": "allow-initiator",
                "description": "Whether the person who started the run (GITHUB_ACTOR) may approve it.",
                "required": false,
                "default": "false"
            },
            {
                "name": "environment",
                "description": "Deployment environment. Names the request; when set, a deployment record is created and its status follows the decision.",
                "required": false,
                "default": ""
            },
            {
                "name": "ref",
                "description": "What is deployed (branch, tag or SHA). Defaults to the run's commit.",
                "required": false,
                "default": ""
            },
            {
                "name": "timeout",
                "description": "How long to wait for a decision (e.g. 30m, 2h). At the deadline the gate fails as timed out.",
                "required": false,
                "default": "1h"
            },
            {
                "name": "poll-interval",
                "description": "How often the answers are read (e.g. 30s). Unchanged pages cost no rate limit.",
                "required": false,
                "default": "30s"
            },
            {
                "name": "approve-words",
                "description": "Answers that approve (a comment's whole text, case-insensitive, trailing punctuation allowed).",
                "required": false,
                "default": "approve, approved, lgtm, yes"
            },
            {
                "name": "deny-words",
                "description": "Answers that deny.",
                "required": false,
                "default": "deny, denied, no"
            },
            {
                "name": "reports",
                "description": "Glob of earlier shipkit stage reports to summarise in the request. Defaults to the reports earlier shipkit steps of this job wrote.",
                "required": false,
                "default": ""
            },
            {
                "name": "notify-url",
                "description": "Slack-compatible incoming webhook; gets one message when approval is requested and one with the decision.",
                "required": false,
                "default": ""
            },
            {
                "name": "artifact",
                "description": "Save this stage's report (and its data for merging) as a workflow artifact for the root report action (uses shipkit@v1). Always done in a matrix job (SHIPKIT_SHARD set).",
                "required": false,
                "default": "false"
            },
            {
                "name": "github-token",
                "description": "Token with issues write (and deployments write with environment, organization members read for teams).",
                "required": false,
                "default": "${{ github.token }}"
            },
            {
                "name": "working-directory",
                "description": "Directory relative paths (reports) are resolved from.",
                "required": false,
                "default": "."
            },
            {
                "name": "comment",
                "description": "Update this stage's section of the sticky pull request comment.",
                "required": false,
                "default": "true"
            }
        ],
        "outputs": [
            {
                "name": "approved",
                "description": "true when approved, else false (also when the step failed with an error)."
            },
            {
                "name": "decision",
                "description": "approved, denied, timed-out, cancelled, or error (the gate could not be run to a decision, e.g. GitHub refused the token; the report's error says why). Only approved lets a deployment go on."
            },
            {
                "name": "approvers",
                "description": "Comma-separated logins of those who approved."
            },
            {
                "name": "issue-number",
                "description": "Number of the approval request issue (empty when it was never opened)."
            },
            {
                "name": "deployment-id",
                "description": "ID of the deployment record (empty without environment)."
            },
            {
                "name": "report",
                "description": "Path of the JSON stage report."
            }
        ]
    },
    ".": {
        "name": "shipkit",
        "description": "The whole pipeline in one view. Reads every shipkit stage report of the run (the artifacts the stages uploaded, or a directory), merges sharded test jobs per line, branch and function and gates them again, and publishes the PR comment, the job summary, a check run named shipkit with every annotation, a chat notification and a coverage badge.",
        "inputs": [
            {
                "name": "reports",
                "description": "Directory to read stage reports from (every report below it, with the files each saved beside it). Empty downloads this run's shipkit artifacts (shipkit-<stage>-<job>[-<step>][-<shard>]), which stages upload in a matrix job (SHIPKIT_SHARD set) or with artifact true. In the job the stages ran in, their reports are in ${{ runner.temp }}/shipkit/reports (the test shards' coverage is merged only from artifacts or --report-dir folders).",
                "required": false,
                "default": ""
            },
            {
                "name": "min-lines",
                "description": "Minimum line coverage of the merged test shards, in percent (statements for Go profiles). Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-branches",
                "description": "Minimum branch coverage of the merged test shards, in percent. Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-functions",
                "description": "Minimum function coverage of the merged test shards, in percent. Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-statements",
                "description": "Minimum statement coverage of the merged test shards, in percent. Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "path-thresholds",
                "description": "Per-path minimums of the merged coverage as YAML (glob → percent, or glob → {lines, branches, functions, statements}). Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "min-diff-coverage",
                "description": "Minimum coverage of the lines the pull request changes, on the merged coverage. Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "max-drop",
                "description": "Largest allowed drop of the merged coverage against the base branch's baseline, in percentage points. The report action saves the baseline from the merged coverage on pushes to the default branch. Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "base",
                "description": "Base branch for diff coverage and the baseline. Empty uses the pull request's base branch.",
                "required": false,
                "default": ""
            },
            {
                "name": "require-baseline",
                "description": "Fail max-drop when the base branch has no saved baseline yet. Empty uses what the test shards were given.",
                "required": false,
                "default": ""
            },
            {
                "name": "check-run",
                "description": "Create a check run (Checks API, needs checks write) with the conclusion, a summary and every annotation; require it in branch protection to gate the merge.",
                "required": false,
                "default": "true"
            },
            {
                "name": "check-name",
                "description": "Name of the check run.",
                "required": false,
                "default": "shipkit"
            },
            {
                "name": "notify-url",
                "description": "Slack-compatible incoming webhook (Slack, or Discord's webhook URL ending in /slack) for one message with each stage's status and links. Treated as a secret.",
                "required": false,
                "default": ""
            },
            {
                "name": "notify-on",
                "description": "When to notify: failure, always, or change (the conclusion differs from the previous check run of the same name on the pull request's base, or on the previous commit of a push).",
                "required": false,
                "default": "failure"
            },
            {
                "name": "badge",
                "description": "File to write a coverage badge SVG to (shields style; ≥ 90 % brightgreen, ≥ 80 % green, ≥ 70 % yellowgreen, ≥ 60 % yellow, ≥ 50 % orange, below red). Empty writes none.",
                "required": false,
                "default": ""
            },
            {
                "name": "github-token",
                "description": "Token for the PR comment, the check run (checks write) and, when local git cannot tell the changed lines, the pull request files API.",
                "required": false,
                "default": "${{ github.token }}"
            },
            {
                "name": "working-directory",
                "description": "Directory relative paths (reports, badge) resolve against; the checkout for diff coverage.",
                "required": false,
                "default": "."
            },
            {
                "name": "comment",
                "description": "Update the PR comment (the merged test section replaces the shards' sections, and the report's own section).",
                "required": false,
                "default": "true"
            }
        ],
        "outputs": [
            {
                "name": "passed",
                "description": "true when every stage and every gate on the merged data passed."
            },
            {
                "name": "status",
                "description": "pass, warn or fail."
            },
            {
                "name": "coverage",
                "description": "Merged coverage of the headline metric (lines; statements for Go), in percent (empty when none)."
            },
            {
                "name": "check-run-url",
                "description": "The check run's URL (empty when none was created)."
            },
            {
                "name": "badge",
                "description": "The badge file written (empty when none)."
            },
            {
                "name": "report",
                "description": "Path of the report action's JSON report."
            }
        ]
    },
};

// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __webpack_require__(71855);
;// CONCATENATED MODULE: ./src/core/failure.ts



function classifyFailure(error, signal, service) {
    if ((0,errors/* isUserError */.iU)(error)) {
        const e = error;
        return {
            kind: 'usage',
            message: e.describe(),
            ...(e.location.input ? { input: e.location.input } : {}),
            ...(e.location.file ? { file: e.location.file } : {}),
            ...(e.location.line ? { line: e.location.line } : {}),
            exitCode: errors/* EXIT_USAGE */.Ri,
        };
    }
    const serviceError = (0,errors/* asServiceError */.CZ)(error, service ? { service: service.name, ...(service.input ? { input: service.input } : {}) } : {});
    if (serviceError) {
        return {
            kind: 'service',
            message: serviceError.message,
            hint: serviceError.hint,
            ...(serviceError.input ? { input: serviceError.input } : {}),
            exitCode: errors/* EXIT_FAILED */.hj,
        };
    }
    if (signal?.aborted)
        return { kind: 'cancelled', message: 'the run was cancelled', exitCode: errors/* EXIT_FAILED */.hj };
    const e = error instanceof Error ? error : new Error(String(error));
    return {
        kind: 'internal',
        message: `internal error: ${e.message.split('\n')[0] ?? ''}`,
        hint: 'This is a bug in shipkit; please report it with this log.',
        stack: e.stack ?? e.message,
        exitCode: errors/* EXIT_FAILED */.hj,
    };
}
/** The one line a terminal or a step's log shows for a failure. */
function describeFailure(failure) {
    if (failure.kind === 'internal')
        return `${failure.message}\n${failure.hint ?? ''}\n${failure.stack ?? ''}`.trimEnd();
    if (failure.kind === 'service') {
        const which = failure.input && !(0,errors/* namesInput */.bH)(failure.message, failure.input) ? ` (input '${failure.input}')` : '';
        return `${failure.message}${which}. ${failure.hint ?? ''}`.trim();
    }
    return failure.message;
}
/**
 * The outputs a workflow branches on, by the name every action.yml gives them, and what each says
 * when the run ended in an error: it fails closed (`passed` is false, approve's `decision` is error).
 */
const FAIL_CLOSED = new Map([
    ['passed', () => 'false'],
    ['approved', () => 'false'],
    ['decision', () => 'error'],
    ['status', (status) => status],
]);
/**
 * The fail-closed outputs of a run that ended in an error, for those of them the action declares
 * (`declared`: its action.yml's outputs). `status` is the failed report's status. Known without
 * loading the stage, so an error the host meets first (an invalid `comment`) sets them too.
 */
function failureOutputs(declared, status) {
    const outputs = {};
    for (const { name } of declared) {
        const value = FAIL_CLOSED.get(name);
        if (value)
            outputs[name] = value(status);
    }
    return outputs;
}
const HEADLINES = {
    usage: 'did not run: a problem in the inputs',
    service: 'failed: a server could not be reached',
    cancelled: 'cancelled',
    internal: 'failed: internal error',
};
/**
 * The outcome of a run that ended in an error: the report, outputs and summary are written all the
 * same, so a workflow reading them (and the PR comment) sees the failure rather than nothing.
 */
function failureOutcome(stage, failure, startedAt, run, outputs = {}) {
    const finishedAt = new Date();
    const report = {
        schemaVersion: types/* REPORT_SCHEMA_VERSION */.W,
        stage: stage.name,
        status: 'fail',
        summary: failure.message,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
        run,
        gates: [],
        warnings: [],
        error: {
            kind: failure.kind === 'cancelled' ? 'service' : failure.kind,
            message: failure.message,
            ...(failure.input ? { input: failure.input } : {}),
            ...(failure.file ? { file: failure.file } : {}),
            ...(failure.line ? { line: failure.line } : {}),
            ...(failure.hint ? { hint: failure.hint } : {}),
        },
    };
    // With a file, an annotation puts the error on its line; without one, the step's failure message
    // (which the host sets) already says it, once.
    const annotations = failure.file
        ? [
            {
                level: 'error',
                title: `shipkit ${stage.name}`,
                message: describeFailure({ ...failure, stack: undefined }),
                file: failure.file,
                ...(failure.line ? { startLine: failure.line } : {}),
            },
        ]
        : [];
    const body = (0,markdown/* blocks */.Bv)(failure.message, failure.hint, failure.input ? `Input: ${(0,markdown/* code */.aY)(failure.input)}` : undefined);
    return {
        report,
        outputs: { ...outputs },
        summary: [
            {
                markdown: (0,markdown/* blocks */.Bv)(`### ❌ ${stage.title}: ${HEADLINES[failure.kind]}`, body, failure.stack ? (0,markdown/* fence */.EU)(failure.stack) : undefined),
                priority: 0,
            },
        ],
        comment: { headline: HEADLINES[failure.kind], body },
        annotations,
        text: describeFailure(failure),
    };
}

// EXTERNAL MODULE: ./src/core/report/schema.ts + 1 modules
var schema = __webpack_require__(25670);
;// CONCATENATED MODULE: ./src/core/execute.ts




/** Every string of the outcome, with the registered secrets taken out. */
function redactOutcome(outcome, redactor) {
    return redactor.redactDeep(outcome);
}
/**
 * One stage run as both hosts (the action entry and the CLI) do it: load, read options, run, check
 * the report against the stage's schema; on an error, the failure's own outcome. Never throws for
 * the stage's errors: the caller always has an outcome to publish.
 */
async function executeStage(entry, inputs, ctx, redactor, declaredOutputs) {
    const startedAt = new Date();
    let stage;
    try {
        stage = await entry.load();
        const options = stage.readOptions(inputs, ctx);
        const outcome = await stage.run(options, ctx);
        // A report that does not match its own schema is a shipkit bug: it fails here, with its stack.
        (0,schema/* assertReportMatches */.w2)(stage.reportSchema, outcome.report);
        const exitCode = outcome.report.status === 'fail' ? errors/* EXIT_FAILED */.hj : errors/* EXIT_OK */.Ij;
        return { outcome: redactOutcome(outcome, redactor), exitCode };
    }
    catch (error) {
        return failedExecution(entry, error, ctx, redactor, {
            startedAt,
            ...(stage ? { stage } : {}),
            ...(declaredOutputs ? { declaredOutputs } : {}),
        });
    }
}
/**
 * The execution of a run that ended in `error` (also for errors the host meets before the stage
 * loads). The outputs a workflow branches on fail closed: `passed=false`, `status`, approve's
 * `approved=false` and `decision=error`, for those the action declares, plus the stage's own.
 */
function failedExecution(entry, error, ctx, redactor, { startedAt = new Date(), stage, declaredOutputs } = {}) {
    const failure = classifyFailure(error, ctx.signal, stage?.service);
    const declared = declaredOutputs ?? ACTION_METADATA[entry.actionDir]?.outputs ?? [];
    const outcome = failureOutcome(entry, failure, startedAt, ctx.run, stage?.failureOutputs);
    outcome.outputs = { ...failureOutputs(declared, outcome.report.status), ...outcome.outputs };
    (0,schema/* assertReportMatches */.w2)(schema/* BaseReportSchema */.bP, outcome.report);
    return { outcome: redactOutcome(outcome, redactor), exitCode: failure.exitCode, failure };
}

// EXTERNAL MODULE: ./src/core/github/context-from-env.ts
var context_from_env = __webpack_require__(74239);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(12258);
// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
// EXTERNAL MODULE: ./src/stages/registry.ts
var registry = __webpack_require__(40796);
;// CONCATENATED MODULE: ./src/runtime/action-io.ts

/**
 * Action inputs (`INPUT_*`, with the runner's action.yml defaults already applied). A secret is
 * masked in the log by the runner (setSecret) and registered with the redactor for every channel
 * the runner does not see (comment, summary file, report, outputs).
 */
function actionInputSource(redactor) {
    return {
        get: (name) => {
            const v = core/* getInput */.V4(name, { trimWhitespace: false });
            return v.trim() === '' ? undefined : v;
        },
        label: (name) => `input '${name}'`,
        mask: (value) => {
            core/* setSecret */.Pq(value);
            redactor.add(value);
        },
    };
}
/** The action's log. The runner masks registered secrets in it; the redactor is applied as well, for values found later. */
function actionLogger(redactor) {
    const r = (m) => redactor.redact(m);
    return {
        debug: (m) => core/* debug */.Yz(r(m)),
        info: (m) => core/* info */.pq(r(m)),
        warning: (m) => core/* warning */.$e(r(m)),
        error: (m) => core/* error */.z3(r(m)),
        // A log has no line to update in place: each report of a wait is a line of its own.
        progress: (m) => core/* info */.pq(r(m)),
        group: (title, fn) => core/* group */.Os(r(title), fn),
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/core/comment/section.ts
var section = __webpack_require__(98762);
// EXTERNAL MODULE: ./src/core/report/pretty-json.ts
var pretty_json = __webpack_require__(72503);
// EXTERNAL MODULE: ./src/core/github/sticky-comment.ts + 2 modules
var sticky_comment = __webpack_require__(47766);
;// CONCATENATED MODULE: ./src/core/summary-fit.ts
/** GitHub refuses a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted"). */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept for the trim note and whatever else the step appends. */
const SUMMARY_MARGIN_BYTES = 8 * 1024;
const bytes = (s) => Buffer.byteLength(s, 'utf8');
function cutToBytes(markdown, max) {
    if (bytes(markdown) <= max)
        return markdown;
    // Cut at a line boundary so tables and lists stay well-formed.
    let text = Buffer.from(markdown, 'utf8').subarray(0, max).toString('utf8');
    const nl = text.lastIndexOf('\n');
    if (nl > 0)
        text = text.slice(0, nl);
    return text;
}
/**
 * The summary under GitHub's limit: the least important sections (highest priority number; the
 * later one first among equals) are dropped, and if the must-keep ones are still too large the
 * last of them is cut. A note says what was left out, so nobody mistakes a trimmed summary for a
 * complete one.
 */
function fitSummary(sections, limit = SUMMARY_LIMIT_BYTES - SUMMARY_MARGIN_BYTES) {
    const kept = sections.map((s, index) => ({ ...s, index, size: bytes(s.markdown) + 2 }));
    let total = kept.reduce((n, s) => n + s.size, 0);
    const trimmed = [];
    const dropOrder = [...kept]
        .filter((s) => s.priority > 0)
        .sort((a, b) => b.priority - a.priority || b.index - a.index);
    for (const s of dropOrder) {
        if (total <= limit)
            break;
        kept.splice(kept.indexOf(s), 1);
        total -= s.size;
        trimmed.push(s.label ?? `section ${s.index + 1}`);
    }
    if (total > limit && kept.length > 0) {
        const last = kept[kept.length - 1];
        last.markdown = cutToBytes(last.markdown, Math.max(0, limit - (total - last.size)));
        trimmed.push(`${last.label ?? `section ${last.index + 1}`} (cut)`);
    }
    let markdown = kept.map((s) => s.markdown.trimEnd()).join('\n\n');
    if (trimmed.length > 0) {
        markdown += `\n\n> [!NOTE]\n> This summary was trimmed to fit GitHub's 1 MiB limit. Left out: ${trimmed.join(', ')}. The full data is in the JSON report (output \`report\`).`;
    }
    return { markdown: `${markdown}\n`, trimmed };
}
/**
 * GitHub shows at most 10 annotations of each level per step (and 50 per job); the rest are
 * silently dropped. Errors are kept before warnings before notices; callers log the count hidden.
 */
const ANNOTATIONS_PER_LEVEL = 10;
const ANNOTATIONS_PER_JOB = 50;
function selectAnnotations(annotations) {
    const hidden = { error: 0, warning: 0, notice: 0 };
    const shown = [];
    for (const level of ['error', 'warning', 'notice']) {
        const ofLevel = annotations.filter((a) => a.level === level);
        const room = Math.min(ANNOTATIONS_PER_LEVEL, ANNOTATIONS_PER_JOB - shown.length);
        shown.push(...ofLevel.slice(0, room));
        hidden[level] = Math.max(0, ofLevel.length - room);
    }
    return { shown, hidden };
}

// EXTERNAL MODULE: ./src/runtime/artifact-names.ts
var artifact_names = __webpack_require__(11077);
;// CONCATENATED MODULE: ./src/runtime/publish.ts











/** Where stage reports go: the report action and later stages (approve) look for them here. */
function reportsDir(env = process.env) {
    return external_node_path_default().join(env.RUNNER_TEMP ?? external_node_os_default().tmpdir(), 'shipkit', 'reports');
}
async function writeReport(outcome, env) {
    const dir = reportsDir(env);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const shard = outcome.report.run.shard ? `-${outcome.report.run.shard.replace(/[^\w.-]+/g, '_')}` : '';
    let file = external_node_path_default().join(dir, `${outcome.report.stage}${shard}.json`);
    // A stage run twice in one job keeps both reports; nothing is overwritten.
    for (let n = 2; (0,external_node_fs_.existsSync)(file); n++)
        file = external_node_path_default().join(dir, `${outcome.report.stage}${shard}-${n}.json`);
    await (0,promises_.writeFile)(file, (0,pretty_json/* reportFilePieces */.y)(outcome.report));
    return file;
}
function emitAnnotations(outcome, logger) {
    const { shown, hidden } = selectAnnotations(outcome.annotations);
    for (const a of shown) {
        const props = {
            title: a.title,
            file: a.file,
            startLine: a.startLine,
            endLine: a.endLine,
            startColumn: a.startColumn,
            endColumn: a.endColumn,
        };
        if (a.level === 'error')
            core/* error */.z3(a.message, props);
        else if (a.level === 'warning')
            core/* warning */.$e(a.message, props);
        else
            core/* notice */.lm(a.message, props);
    }
    const notShown = hidden.error + hidden.warning + hidden.notice;
    if (notShown === 0)
        return undefined;
    const note = `${notShown} more annotation(s) not shown (${hidden.error} errors, ${hidden.warning} warnings, ${hidden.notice} notices): GitHub shows at most 10 of each level per step. All of them are in the job summary and the JSON report.`;
    logger.info(note);
    return note;
}
function jobSummaryUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
/** This run's section of the PR comment, in the layout every stage shares. */
function stickySectionOf(outcome, title) {
    if (!outcome.comment)
        return undefined;
    const { report } = outcome;
    const key = report.run.shard ? `${report.stage}/${report.run.shard}` : report.stage;
    const meta = { title, status: report.status, headline: outcome.comment.headline };
    return {
        key,
        meta,
        markdown: (0,section/* renderSection */.YN)({ ...meta, title: key === report.stage ? title : `${title} (${report.run.shard})` }, outcome.comment),
    };
}
async function updateComment(section, github, options) {
    const { logger } = options;
    if (github.pullNumber === undefined)
        return undefined;
    try {
        const result = await (0,sticky_comment/* upsertStickySection */.c)(github.octokit, { owner: github.owner, repo: github.repo, issueNumber: github.pullNumber }, section, { logger, summaryUrl: jobSummaryUrl(options.env), order: options.order });
        if (result.status !== 'forbidden') {
            logger.info(`PR comment ${result.status}: ${result.url ?? ''}`);
            return undefined;
        }
        logger.warning(`Could not write the PR comment (${result.reason ?? '403'}). This happens on pull requests from forks and with tokens without 'pull-requests: write'. The comment's content is in the job summary instead.`);
    }
    catch (error) {
        // The comment is a convenience: the gate's verdict stands on its own, so a failure here warns.
        logger.warning(`Could not update the PR comment: ${(0,errors/* errorMessage */.gJ)(error)}. Its content is in the job summary instead.`);
    }
    return { markdown: `### PR comment (not posted)\n\n${section.markdown}`, priority: 1, label: 'PR comment' };
}
/**
 * Everything a finished stage tells the runner: outputs, report file, summary, annotations, PR
 * comment. The outcome is already redacted (executeStage); nothing here adds unredacted text.
 */
async function publishOutcome(outcome, github, options) {
    const { logger } = options;
    const reportFile = await writeReport(outcome, options.env);
    core/* setOutput */.uH('report', reportFile);
    // The root report action reads it from the run's artifacts (report actions save none of their own).
    if (outcome.report.stage !== 'report' && (0,artifact_names/* wantsArtifact */.O)(options.env))
        // Loaded only here: the artifact client brings Azure's storage SDK, which most steps never use.
        await (await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(118), __webpack_require__.e(52), __webpack_require__.e(950)]).then(__webpack_require__.bind(__webpack_require__, 92950))).uploadStageArtifact(outcome, options.env, logger, options.redact ?? ((t) => t));
    for (const [name, value] of Object.entries(outcome.outputs))
        core/* setOutput */.uH(name, value === null ? '' : String(value));
    const extra = [];
    const annotationNote = emitAnnotations(outcome, logger);
    if (annotationNote)
        extra.push({ markdown: `> ${annotationNote}`, priority: 0, label: 'annotation note' });
    const section = stickySectionOf(outcome, options.title);
    if (options.comment && github && section) {
        const fallback = await updateComment(section, github, options);
        if (fallback)
            extra.push(fallback);
    }
    if (options.env.GITHUB_STEP_SUMMARY) {
        const fitted = fitSummary([...outcome.summary, ...extra]);
        if (fitted.trimmed.length > 0)
            logger.warning(`Job summary trimmed to fit 1 MiB: ${fitted.trimmed.join(', ')}`);
        await core/* summary */.z.addRaw(fitted.markdown).write();
    }
}

;// CONCATENATED MODULE: ./src/core/host/lazy.ts
/**
 * Host services that load their module on first use. In an action, @actions/cache brings Azure's
 * storage client (megabytes) and @actions/tool-cache its own stack; in the CLI, the tool cache
 * brings child_process and the stream stack. A stage that never keeps a baseline or downloads a
 * tool (smoke, approve, a migrate with nothing to do) should not pay for loading them before it starts.
 */
function once(load) {
    let loaded;
    return () => (loaded ??= load());
}
function lazyBaselineStore(load) {
    const get = once(load);
    return {
        restore: async (kind, branch) => (await get()).restore(kind, branch),
        save: async (kind, branch, sha, text) => (await get()).save(kind, branch, sha, text),
    };
}
function lazyDirectoryCache(load) {
    const get = once(load);
    return {
        restore: async (dir, key) => (await get()).restore(dir, key),
        save: async (dir, key) => (await get()).save(dir, key),
    };
}
function lazyToolCache(load) {
    const get = once(load);
    return {
        find: async (tool, version) => (await get()).find(tool, version),
        download: async (url) => (await get()).download(url),
        extractTar: async (file) => (await get()).extractTar(file),
        cacheDir: async (dir, tool, version) => (await get()).cacheDir(dir, tool, version),
    };
}

;// CONCATENATED MODULE: ./src/runtime/action-host.ts














/**
 * What the runner offers a stage: the Actions cache for baselines (or SHIPKIT_BASELINE_DIR on a
 * self-hosted runner with a persistent disk) and the runner's tool cache.
 */
function actionHost(env, logger) {
    return {
        kind: 'action',
        baselines: lazyBaselineStore(async () => (await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(920), __webpack_require__.e(839), __webpack_require__.e(142), __webpack_require__.e(372)]).then(__webpack_require__.bind(__webpack_require__, 70372))).actionBaselineStore(env, logger)),
        tools: lazyToolCache(async () => (await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(920), __webpack_require__.e(896)]).then(__webpack_require__.bind(__webpack_require__, 23896))).actionToolCache(logger)),
        cache: lazyDirectoryCache(async () => (await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(920), __webpack_require__.e(839), __webpack_require__.e(142), __webpack_require__.e(376)]).then(__webpack_require__.bind(__webpack_require__, 62376))).actionDirectoryCache(logger)),
        artifacts: {
            download: async (prefix, dir) => (await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(118), __webpack_require__.e(52), __webpack_require__.e(950)]).then(__webpack_require__.bind(__webpack_require__, 92950))).actionArtifactSource(logger).download(prefix, dir),
        },
    };
}
/** The directory the stage works in: `working-directory` under the workspace, which must be a directory. */
function workingDirectoryOf(workspace, value) {
    const dir = external_node_path_default().resolve(workspace, value);
    const problem = (0,directory/* directoryProblem */.D)(dir);
    if (problem === 'missing')
        throw new errors/* UserError */.yo(`working-directory '${value}' does not exist (looked for ${dir})`, {
            input: 'working-directory',
        });
    if (problem)
        throw new errors/* UserError */.yo(`working-directory '${value}' is not a directory (${dir})`, { input: 'working-directory' });
    return dir;
}
/**
 * Read inputs, run, publish, set the verdict. A usage error exits 2 and names the input; an
 * unreachable server is one line with a hint; anything else is a bug shown with its stack. In every
 * case the report, outputs and summary are written. Never calls process.exit: the runner reads
 * process.exitCode once the event loop drains.
 */
async function runInActionHost(name) {
    const entry = (0,registry/* stageEntry */.R)(name);
    if (!entry)
        throw new Error(`no stage '${name}' in the registry`);
    const redactor = new redact/* Redactor */.pO();
    const logger = actionLogger(redactor);
    const controller = new AbortController();
    const cancel = (signal) => () => {
        core/* warning */.$e(`Received ${signal}: the run is being cancelled.`);
        controller.abort(new Error(`cancelled by ${signal}`));
    };
    process.once('SIGTERM', cancel('SIGTERM'));
    process.once('SIGINT', cancel('SIGINT'));
    const inputs = new core_inputs/* InputReader */.i_(actionInputSource(redactor));
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    let token;
    let comment = true;
    let cwd = workspace;
    let commonInputError;
    try {
        token = inputs.secret('github-token');
        comment = inputs.bool('comment', true);
        // Read here only to refuse a value that is not true or false; publishing reads it (wantsArtifact).
        inputs.bool('artifact', false);
        cwd = workingDirectoryOf(workspace, inputs.string('working-directory') ?? '.');
    }
    catch (error) {
        commonInputError = error;
    }
    // A missing or unreadable GITHUB_EVENT_PATH is a UserError naming the file: reported as any usage
    // error, with the report, outputs and summary (and no PR comment: without the event, no PR).
    let github;
    try {
        github = await (0,context_from_env/* githubContextFromEnv */.S0)(process.env, logger, token);
    }
    catch (error) {
        commonInputError ??= error;
    }
    const ctx = {
        cwd,
        env: process.env,
        logger,
        run: (0,build/* runInfoFromEnv */.PB)(),
        github,
        signal: controller.signal,
        host: actionHost(process.env, logger),
    };
    const { outcome, exitCode, failure } = commonInputError === undefined
        ? await executeStage(entry, inputs, ctx, redactor)
        : failedExecution(entry, commonInputError, ctx, redactor);
    try {
        await publishOutcome(outcome, github, {
            comment,
            logger,
            title: entry.title,
            order: registry/* STAGES */.a.map((s) => s.name),
            env: process.env,
            redact: (text) => redactor.redact(text),
        });
    }
    catch (error) {
        core/* error */.z3(redactor.redact(`could not publish the ${name} report: ${error.stack ?? String(error)}`));
        process.exitCode = 1;
        return;
    }
    if (failure)
        core/* setFailed */.C1(redactor.redact(describeFailure(failure)));
    else if (outcome.report.status === 'fail')
        core/* setFailed */.C1(redactor.redact(`${name}: ${outcome.report.summary}`));
    // setFailed sets 1; a usage error is 2, as in the CLI.
    if (exitCode !== 0)
        process.exitCode = exitCode;
}


/***/ }),

/***/ 11077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ artifactName),
/* harmony export */   O: () => (/* binding */ wantsArtifact)
/* harmony export */ });
/**
 * A stage's report (and its own files) as an artifact of the workflow run, for the root report
 * action: in a matrix job (SHIPKIT_SHARD set), or when asked (input `artifact: true`, or
 * SHIPKIT_ARTIFACT=true for a stage whose action.yml does not declare the input).
 */
function wantsArtifact(env) {
    const yes = (v) => /^true$/i.test((v ?? '').trim());
    return (env.SHIPKIT_SHARD ?? '').trim() !== '' || yes(env.INPUT_ARTIFACT) || yes(env.SHIPKIT_ARTIFACT);
}
/**
 * The step, when the job has more than one step of this action (two scans, a backend and a frontend
 * image): GITHUB_ACTION is the step's `id`, or `__owner_repo` for the first step without one and the
 * same with a number for the next (`__owner_repo_2`, `ownerrepo2`). The first unnamed step keeps the
 * short name.
 */
function stepOf(env) {
    const step = env.GITHUB_ACTION?.trim();
    if (!step)
        return undefined;
    return step.startsWith('__') && !/\d$/.test(step) ? undefined : step;
}
/** `shipkit-<stage>-<job>[-<step>][-<shard>]`, in the characters artifact names allow. */
function artifactName(outcome, env) {
    const { report } = outcome;
    const clean = (s) => s.replace(/[^\w.-]+/g, '_');
    const job = env.GITHUB_JOB ?? report.run.job ?? 'job';
    const step = stepOf(env);
    return `shipkit-${clean(report.stage)}-${clean(job)}${step ? `-${clean(step)}` : ''}${report.run.shard ? `-${clean(report.run.shard)}` : ''}`;
}


/***/ }),

/***/ 40796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ stageEntry),
/* harmony export */   a: () => (/* binding */ STAGES)
/* harmony export */ });
const stage = (s) => s;
/**
 * Every stage, in pipeline order. The action entries, the CLI, the build, the generated docs and the
 * PR comment's section order all read this list: a new stage is its folder plus one line here.
 * Stages load on first use (see StageEntry).
 */
const STAGES = [
    {
        name: 'test',
        title: 'Test',
        actionDir: 'test',
        load: async () => stage((await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(6), __webpack_require__.e(404), __webpack_require__.e(161)]).then(__webpack_require__.bind(__webpack_require__, 79161))).testStage),
    },
    {
        name: 'scan',
        title: 'Scan',
        actionDir: 'scan',
        load: async () => stage((await Promise.all(/* import() */[__webpack_require__.e(920), __webpack_require__.e(889), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 59201))).scanStage),
    },
    {
        name: 'docker',
        title: 'Docker',
        actionDir: 'docker',
        load: async () => stage((await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(175), __webpack_require__.e(898)]).then(__webpack_require__.bind(__webpack_require__, 49898))).dockerStage),
    },
    {
        name: 'migrate',
        title: 'Migrate',
        actionDir: 'migrate',
        load: async () => stage((await __webpack_require__.e(/* import() */ 604).then(__webpack_require__.bind(__webpack_require__, 55604))).migrateStage),
    },
    {
        name: 'smoke',
        title: 'Smoke',
        actionDir: 'smoke',
        load: async () => stage((await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(498)]).then(__webpack_require__.bind(__webpack_require__, 66498))).smokeStage),
    },
    {
        name: 'approve',
        title: 'Approve',
        actionDir: 'approve',
        load: async () => stage((await __webpack_require__.e(/* import() */ 580).then(__webpack_require__.bind(__webpack_require__, 60580))).approveStage),
    },
    {
        name: 'report',
        title: 'Report',
        actionDir: '.',
        load: async () => stage((await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(13)]).then(__webpack_require__.bind(__webpack_require__, 13013))).reportStage),
    },
];
function stageEntry(name, stages = STAGES) {
    return stages.find((s) => s.name === name);
}


/***/ })

};
