#!/usr/bin/env node
import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 57644:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ directoryProblem)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ readEventPayload),
/* harmony export */   S0: () => (/* binding */ githubContextFromEnv)
/* harmony export */ });
/* unused harmony export pullNumberOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(74296);


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
    const { apiUrlFromEnv, createOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(8), __nccwpck_require__.e(434)]).then(__nccwpck_require__.bind(__nccwpck_require__, 51434));
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

/***/ 89114:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports mapSource, splitList */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(74296);

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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ urlCredentialForms),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export REDACTED */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(16706);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(72020);
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   PB: () => (/* binding */ runInfoFromEnv),
/* harmony export */   c2: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(71855);

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

/***/ 21631:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ gateValue)
/* harmony export */ });
/**
 * A gate's required or actual value with its unit, as text (`80%`, `120 ms`): `count` and `rate`
 * say what the number is, not a unit to print after it (`1`, not `1count`).
 */
function gateValue(value, unit) {
    if (value === null || value === undefined)
        return 'n/a';
    return `${String(value)}${unit === undefined || unit === 'count' || unit === 'rate' ? '' : unit}`;
}


/***/ }),

/***/ 6770:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ BaseReportSchema),
  UX: () => (/* binding */ Nullable),
  uc: () => (/* binding */ StatusSchema),
  w2: () => (/* binding */ assertReportMatches),
  K3: () => (/* binding */ schemaViolations),
  kZ: () => (/* binding */ stageReportSchema)
});

// UNUSED EXPORTS: GateSchema, GateValueSchema, RunErrorSchema, RunInfoSchema, precompiledCheck, schemaFingerprint

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/registry/format.mjs
/** A registry for user defined string formats */
const map = new Map();
/** Returns the entries in this registry */
function Entries() {
    return new Map(map);
}
/** Clears all user defined string formats */
function Clear() {
    return map.clear();
}
/** Deletes a registered format */
function Delete(format) {
    return map.delete(format);
}
/** Returns true if the user defined string format exists */
function Has(format) {
    return map.has(format);
}
/** Sets a validation function for a user defined string format */
function format_Set(format, func) {
    map.set(format, func);
}
/** Gets a validation function for a user defined string format */
function Get(format) {
    return map.get(format);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 82 modules
var type = __nccwpck_require__(97375);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/error/error.mjs
var error = __nccwpck_require__(79686);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/symbols/symbols.mjs
var symbols = __nccwpck_require__(57946);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/value/guard/guard.mjs
var guard = __nccwpck_require__(25129);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/value/deref/deref.mjs



class TypeDereferenceError extends error/* TypeBoxError */.i {
    constructor(schema) {
        super(`Unable to dereference schema with $id '${schema.$ref}'`);
        this.schema = schema;
    }
}
function Resolve(schema, references) {
    const target = references.find((target) => target.$id === schema.$ref);
    if (target === undefined)
        throw new TypeDereferenceError(schema);
    return Deref(target, references);
}
/** `[Internal]` Pushes a schema onto references if the schema has an $id and does not exist on references */
function Pushref(schema, references) {
    if (!(0,guard/* IsString */.IP)(schema.$id) || references.some((target) => target.$id === schema.$id))
        return references;
    references.push(schema);
    return references;
}
/** `[Internal]` Dereferences a schema from the references array or throws if not found */
function Deref(schema, references) {
    // prettier-ignore
    return (schema[symbols/* Kind */.b8] === 'This' || schema[symbols/* Kind */.b8] === 'Ref')
        ? Resolve(schema, references)
        : schema;
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/kind.mjs
var kind = __nccwpck_require__(14961);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/value/transform/has.mjs


// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromArray(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || Visit(schema.items, references);
}
// prettier-ignore
function FromAsyncIterator(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || Visit(schema.items, references);
}
// prettier-ignore
function FromConstructor(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || Visit(schema.returns, references) || schema.parameters.some((schema) => Visit(schema, references));
}
// prettier-ignore
function FromFunction(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || Visit(schema.returns, references) || schema.parameters.some((schema) => Visit(schema, references));
}
// prettier-ignore
function FromIntersect(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || (0,kind/* IsTransform */.n_)(schema.unevaluatedProperties) || schema.allOf.some((schema) => Visit(schema, references));
}
// prettier-ignore
function FromImport(schema, references) {
    const additional = globalThis.Object.getOwnPropertyNames(schema.$defs).reduce((result, key) => [...result, schema.$defs[key]], []);
    const target = schema.$defs[schema.$ref];
    return (0,kind/* IsTransform */.n_)(schema) || Visit(target, [...additional, ...references]);
}
// prettier-ignore
function FromIterator(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || Visit(schema.items, references);
}
// prettier-ignore
function FromNot(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || Visit(schema.not, references);
}
// prettier-ignore
function FromObject(schema, references) {
    return ((0,kind/* IsTransform */.n_)(schema) ||
        Object.values(schema.properties).some((schema) => Visit(schema, references)) ||
        ((0,kind/* IsSchema */.Yi)(schema.additionalProperties) && Visit(schema.additionalProperties, references)));
}
// prettier-ignore
function FromPromise(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || Visit(schema.item, references);
}
// prettier-ignore
function FromRecord(schema, references) {
    const pattern = Object.getOwnPropertyNames(schema.patternProperties)[0];
    const property = schema.patternProperties[pattern];
    return (0,kind/* IsTransform */.n_)(schema) || Visit(property, references) || ((0,kind/* IsSchema */.Yi)(schema.additionalProperties) && (0,kind/* IsTransform */.n_)(schema.additionalProperties));
}
// prettier-ignore
function FromRef(schema, references) {
    if ((0,kind/* IsTransform */.n_)(schema))
        return true;
    return Visit(Deref(schema, references), references);
}
// prettier-ignore
function FromThis(schema, references) {
    if ((0,kind/* IsTransform */.n_)(schema))
        return true;
    return Visit(Deref(schema, references), references);
}
// prettier-ignore
function FromTuple(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || (!(0,guard/* IsUndefined */.R1)(schema.items) && schema.items.some((schema) => Visit(schema, references)));
}
// prettier-ignore
function FromUnion(schema, references) {
    return (0,kind/* IsTransform */.n_)(schema) || schema.anyOf.some((schema) => Visit(schema, references));
}
// prettier-ignore
function Visit(schema, references) {
    const references_ = Pushref(schema, references);
    const schema_ = schema;
    if (schema.$id && visited.has(schema.$id))
        return false;
    if (schema.$id)
        visited.add(schema.$id);
    switch (schema[symbols/* Kind */.b8]) {
        case 'Array':
            return FromArray(schema_, references_);
        case 'AsyncIterator':
            return FromAsyncIterator(schema_, references_);
        case 'Constructor':
            return FromConstructor(schema_, references_);
        case 'Function':
            return FromFunction(schema_, references_);
        case 'Import':
            return FromImport(schema_, references_);
        case 'Intersect':
            return FromIntersect(schema_, references_);
        case 'Iterator':
            return FromIterator(schema_, references_);
        case 'Not':
            return FromNot(schema_, references_);
        case 'Object':
            return FromObject(schema_, references_);
        case 'Promise':
            return FromPromise(schema_, references_);
        case 'Record':
            return FromRecord(schema_, references_);
        case 'Ref':
            return FromRef(schema_, references_);
        case 'This':
            return FromThis(schema_, references_);
        case 'Tuple':
            return FromTuple(schema_, references_);
        case 'Union':
            return FromUnion(schema_, references_);
        default:
            return (0,kind/* IsTransform */.n_)(schema);
    }
}
const visited = new Set();
/** Returns true if this schema contains a transform codec */
function HasTransform(schema, references) {
    visited.clear();
    return Visit(schema, references);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/system/policy.mjs
var policy = __nccwpck_require__(22222);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed.mjs + 2 modules
var indexed = __nccwpck_require__(35272);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-property-keys.mjs
var keyof_property_keys = __nccwpck_require__(77977);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-property-entries.mjs


/**
 * `[Utility]` Resolves an array of keys and schemas from the given schema. This method is faster
 * than obtaining the keys and resolving each individually via indexing. This method was written
 * accellerate Intersect and Union encoding.
 */
function KeyOfPropertyEntries(schema) {
    const keys = (0,keyof_property_keys/* KeyOfPropertyKeys */.g)(schema);
    const schemas = (0,indexed/* IndexFromPropertyKeys */.u$)(schema, keys);
    return keys.map((_, index) => [keys[index], schemas[index]]);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/value/hash/hash.mjs


// ------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------
class ValueHashError extends error/* TypeBoxError */.i {
    constructor(value) {
        super(`Unable to hash value`);
        this.value = value;
    }
}
// ------------------------------------------------------------------
// ByteMarker
// ------------------------------------------------------------------
var ByteMarker;
(function (ByteMarker) {
    ByteMarker[ByteMarker["Undefined"] = 0] = "Undefined";
    ByteMarker[ByteMarker["Null"] = 1] = "Null";
    ByteMarker[ByteMarker["Boolean"] = 2] = "Boolean";
    ByteMarker[ByteMarker["Number"] = 3] = "Number";
    ByteMarker[ByteMarker["String"] = 4] = "String";
    ByteMarker[ByteMarker["Object"] = 5] = "Object";
    ByteMarker[ByteMarker["Array"] = 6] = "Array";
    ByteMarker[ByteMarker["Date"] = 7] = "Date";
    ByteMarker[ByteMarker["Uint8Array"] = 8] = "Uint8Array";
    ByteMarker[ByteMarker["Symbol"] = 9] = "Symbol";
    ByteMarker[ByteMarker["BigInt"] = 10] = "BigInt";
})(ByteMarker || (ByteMarker = {}));
// ------------------------------------------------------------------
// State
// ------------------------------------------------------------------
let Accumulator = BigInt('14695981039346656037');
const [Prime, Size] = [BigInt('1099511628211'), BigInt('18446744073709551616' /* 2 ^ 64 */)];
const Bytes = Array.from({ length: 256 }).map((_, i) => BigInt(i));
const F64 = new Float64Array(1);
const F64In = new DataView(F64.buffer);
const F64Out = new Uint8Array(F64.buffer);
// ------------------------------------------------------------------
// NumberToBytes
// ------------------------------------------------------------------
function* NumberToBytes(value) {
    const byteCount = value === 0 ? 1 : Math.ceil(Math.floor(Math.log2(value) + 1) / 8);
    for (let i = 0; i < byteCount; i++) {
        yield (value >> (8 * (byteCount - 1 - i))) & 0xff;
    }
}
// ------------------------------------------------------------------
// Hashing Functions
// ------------------------------------------------------------------
function ArrayType(value) {
    FNV1A64(ByteMarker.Array);
    for (const item of value) {
        hash_Visit(item);
    }
}
function BooleanType(value) {
    FNV1A64(ByteMarker.Boolean);
    FNV1A64(value ? 1 : 0);
}
function BigIntType(value) {
    FNV1A64(ByteMarker.BigInt);
    F64In.setBigInt64(0, value);
    for (const byte of F64Out) {
        FNV1A64(byte);
    }
}
function DateType(value) {
    FNV1A64(ByteMarker.Date);
    hash_Visit(value.getTime());
}
function NullType(value) {
    FNV1A64(ByteMarker.Null);
}
function NumberType(value) {
    FNV1A64(ByteMarker.Number);
    F64In.setFloat64(0, value);
    for (const byte of F64Out) {
        FNV1A64(byte);
    }
}
function ObjectType(value) {
    FNV1A64(ByteMarker.Object);
    for (const key of globalThis.Object.getOwnPropertyNames(value).sort()) {
        hash_Visit(key);
        hash_Visit(value[key]);
    }
}
function StringType(value) {
    FNV1A64(ByteMarker.String);
    for (let i = 0; i < value.length; i++) {
        for (const byte of NumberToBytes(value.charCodeAt(i))) {
            FNV1A64(byte);
        }
    }
}
function SymbolType(value) {
    FNV1A64(ByteMarker.Symbol);
    hash_Visit(value.description);
}
function Uint8ArrayType(value) {
    FNV1A64(ByteMarker.Uint8Array);
    for (let i = 0; i < value.length; i++) {
        FNV1A64(value[i]);
    }
}
function UndefinedType(value) {
    return FNV1A64(ByteMarker.Undefined);
}
function hash_Visit(value) {
    if ((0,guard/* IsArray */.QS)(value))
        return ArrayType(value);
    if ((0,guard/* IsBoolean */.Zx)(value))
        return BooleanType(value);
    if ((0,guard/* IsBigInt */.cQ)(value))
        return BigIntType(value);
    if ((0,guard/* IsDate */.XF)(value))
        return DateType(value);
    if ((0,guard/* IsNull */.Ef)(value))
        return NullType(value);
    if ((0,guard/* IsNumber */.Mx)(value))
        return NumberType(value);
    if ((0,guard/* IsObject */.av)(value))
        return ObjectType(value);
    if ((0,guard/* IsString */.IP)(value))
        return StringType(value);
    if ((0,guard/* IsSymbol */.nH)(value))
        return SymbolType(value);
    if ((0,guard/* IsUint8Array */.G4)(value))
        return Uint8ArrayType(value);
    if ((0,guard/* IsUndefined */.R1)(value))
        return UndefinedType(value);
    throw new ValueHashError(value);
}
function FNV1A64(byte) {
    Accumulator = Accumulator ^ Bytes[byte];
    Accumulator = (Accumulator * Prime) % Size;
}
// ------------------------------------------------------------------
// Hash
// ------------------------------------------------------------------
/** Creates a FNV1A-64 non cryptographic hash of the given value */
function Hash(value) {
    Accumulator = BigInt('14695981039346656037');
    hash_Visit(value);
    return Accumulator;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends-undefined.mjs

/** Fast undefined check used for properties of type undefined */
function Intersect(schema) {
    return schema.allOf.every((schema) => ExtendsUndefinedCheck(schema));
}
function Union(schema) {
    return schema.anyOf.some((schema) => ExtendsUndefinedCheck(schema));
}
function Not(schema) {
    return !ExtendsUndefinedCheck(schema.not);
}
/** Fast undefined check used for properties of type undefined */
// prettier-ignore
function ExtendsUndefinedCheck(schema) {
    return (schema[symbols/* Kind */.b8] === 'Intersect' ? Intersect(schema) :
        schema[symbols/* Kind */.b8] === 'Union' ? Union(schema) :
            schema[symbols/* Kind */.b8] === 'Not' ? Not(schema) :
                schema[symbols/* Kind */.b8] === 'Undefined' ? true :
                    false);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/registry/type.mjs
/** A registry for user defined types */
const type_map = new Map();
/** Returns the entries in this registry */
function type_Entries() {
    return new Map(type_map);
}
/** Clears all user defined types */
function type_Clear() {
    return type_map.clear();
}
/** Deletes a registered type */
function type_Delete(kind) {
    return type_map.delete(kind);
}
/** Returns true if this registry contains this kind */
function type_Has(kind) {
    return type_map.has(kind);
}
/** Sets a validation function for a user defined type */
function type_Set(kind, func) {
    type_map.set(kind, func);
}
/** Gets a custom validation function for a user defined type */
function type_Get(kind) {
    return type_map.get(kind);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/never/never.mjs
var never = __nccwpck_require__(55454);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/value/check/check.mjs









// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------
class ValueCheckUnknownTypeError extends error/* TypeBoxError */.i {
    constructor(schema) {
        super(`Unknown type`);
        this.schema = schema;
    }
}
// ------------------------------------------------------------------
// TypeGuards
// ------------------------------------------------------------------
function IsAnyOrUnknown(schema) {
    return schema[symbols/* Kind */.b8] === 'Any' || schema[symbols/* Kind */.b8] === 'Unknown';
}
// ------------------------------------------------------------------
// Guards
// ------------------------------------------------------------------
function IsDefined(value) {
    return value !== undefined;
}
// ------------------------------------------------------------------
// Types
// ------------------------------------------------------------------
function FromAny(schema, references, value) {
    return true;
}
function FromArgument(schema, references, value) {
    return true;
}
function check_FromArray(schema, references, value) {
    if (!(0,guard/* IsArray */.QS)(value))
        return false;
    if (IsDefined(schema.minItems) && !(value.length >= schema.minItems)) {
        return false;
    }
    if (IsDefined(schema.maxItems) && !(value.length <= schema.maxItems)) {
        return false;
    }
    for (const element of value) {
        if (!check_Visit(schema.items, references, element))
            return false;
    }
    // prettier-ignore
    if (schema.uniqueItems === true && !((function () { const set = new Set(); for (const element of value) {
        const hashed = Hash(element);
        if (set.has(hashed)) {
            return false;
        }
        else {
            set.add(hashed);
        }
    } return true; })())) {
        return false;
    }
    // contains
    if (!(IsDefined(schema.contains) || (0,guard/* IsNumber */.Mx)(schema.minContains) || (0,guard/* IsNumber */.Mx)(schema.maxContains))) {
        return true; // exit
    }
    const containsSchema = IsDefined(schema.contains) ? schema.contains : (0,never/* Never */.p)();
    const containsCount = value.reduce((acc, value) => (check_Visit(containsSchema, references, value) ? acc + 1 : acc), 0);
    if (containsCount === 0) {
        return false;
    }
    if ((0,guard/* IsNumber */.Mx)(schema.minContains) && containsCount < schema.minContains) {
        return false;
    }
    if ((0,guard/* IsNumber */.Mx)(schema.maxContains) && containsCount > schema.maxContains) {
        return false;
    }
    return true;
}
function check_FromAsyncIterator(schema, references, value) {
    return (0,guard/* IsAsyncIterator */.H1)(value);
}
function FromBigInt(schema, references, value) {
    if (!(0,guard/* IsBigInt */.cQ)(value))
        return false;
    if (IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
        return false;
    }
    if (IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
        return false;
    }
    if (IsDefined(schema.maximum) && !(value <= schema.maximum)) {
        return false;
    }
    if (IsDefined(schema.minimum) && !(value >= schema.minimum)) {
        return false;
    }
    if (IsDefined(schema.multipleOf) && !(value % schema.multipleOf === BigInt(0))) {
        return false;
    }
    return true;
}
function FromBoolean(schema, references, value) {
    return (0,guard/* IsBoolean */.Zx)(value);
}
function check_FromConstructor(schema, references, value) {
    return check_Visit(schema.returns, references, value.prototype);
}
function FromDate(schema, references, value) {
    if (!(0,guard/* IsDate */.XF)(value))
        return false;
    if (IsDefined(schema.exclusiveMaximumTimestamp) && !(value.getTime() < schema.exclusiveMaximumTimestamp)) {
        return false;
    }
    if (IsDefined(schema.exclusiveMinimumTimestamp) && !(value.getTime() > schema.exclusiveMinimumTimestamp)) {
        return false;
    }
    if (IsDefined(schema.maximumTimestamp) && !(value.getTime() <= schema.maximumTimestamp)) {
        return false;
    }
    if (IsDefined(schema.minimumTimestamp) && !(value.getTime() >= schema.minimumTimestamp)) {
        return false;
    }
    if (IsDefined(schema.multipleOfTimestamp) && !(value.getTime() % schema.multipleOfTimestamp === 0)) {
        return false;
    }
    return true;
}
function check_FromFunction(schema, references, value) {
    return (0,guard/* IsFunction */.hg)(value);
}
function check_FromImport(schema, references, value) {
    const definitions = globalThis.Object.values(schema.$defs);
    const target = schema.$defs[schema.$ref];
    return check_Visit(target, [...references, ...definitions], value);
}
function FromInteger(schema, references, value) {
    if (!(0,guard/* IsInteger */.$p)(value)) {
        return false;
    }
    if (IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
        return false;
    }
    if (IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
        return false;
    }
    if (IsDefined(schema.maximum) && !(value <= schema.maximum)) {
        return false;
    }
    if (IsDefined(schema.minimum) && !(value >= schema.minimum)) {
        return false;
    }
    if (IsDefined(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
        return false;
    }
    return true;
}
function check_FromIntersect(schema, references, value) {
    const check1 = schema.allOf.every((schema) => check_Visit(schema, references, value));
    if (schema.unevaluatedProperties === false) {
        const keyPattern = new RegExp((0,keyof_property_keys/* KeyOfPattern */.n)(schema));
        const check2 = Object.getOwnPropertyNames(value).every((key) => keyPattern.test(key));
        return check1 && check2;
    }
    else if ((0,kind/* IsSchema */.Yi)(schema.unevaluatedProperties)) {
        const keyCheck = new RegExp((0,keyof_property_keys/* KeyOfPattern */.n)(schema));
        const check2 = Object.getOwnPropertyNames(value).every((key) => keyCheck.test(key) || check_Visit(schema.unevaluatedProperties, references, value[key]));
        return check1 && check2;
    }
    else {
        return check1;
    }
}
function check_FromIterator(schema, references, value) {
    return (0,guard/* IsIterator */.jo)(value);
}
function FromLiteral(schema, references, value) {
    return value === schema.const;
}
function FromNever(schema, references, value) {
    return false;
}
function check_FromNot(schema, references, value) {
    return !check_Visit(schema.not, references, value);
}
function FromNull(schema, references, value) {
    return (0,guard/* IsNull */.Ef)(value);
}
function FromNumber(schema, references, value) {
    if (!policy/* TypeSystemPolicy */.Q.IsNumberLike(value))
        return false;
    if (IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
        return false;
    }
    if (IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
        return false;
    }
    if (IsDefined(schema.minimum) && !(value >= schema.minimum)) {
        return false;
    }
    if (IsDefined(schema.maximum) && !(value <= schema.maximum)) {
        return false;
    }
    if (IsDefined(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
        return false;
    }
    return true;
}
function check_FromObject(schema, references, value) {
    if (!policy/* TypeSystemPolicy */.Q.IsObjectLike(value))
        return false;
    if (IsDefined(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
        return false;
    }
    if (IsDefined(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
        return false;
    }
    const knownKeys = Object.getOwnPropertyNames(schema.properties);
    for (const knownKey of knownKeys) {
        const property = schema.properties[knownKey];
        if (schema.required && schema.required.includes(knownKey)) {
            if (!check_Visit(property, references, value[knownKey])) {
                return false;
            }
            if ((ExtendsUndefinedCheck(property) || IsAnyOrUnknown(property)) && !(knownKey in value)) {
                return false;
            }
        }
        else {
            if (policy/* TypeSystemPolicy */.Q.IsExactOptionalProperty(value, knownKey) && !check_Visit(property, references, value[knownKey])) {
                return false;
            }
        }
    }
    if (schema.additionalProperties === false) {
        const valueKeys = Object.getOwnPropertyNames(value);
        // optimization: value is valid if schemaKey length matches the valueKey length
        if (schema.required && schema.required.length === knownKeys.length && valueKeys.length === knownKeys.length) {
            return true;
        }
        else {
            return valueKeys.every((valueKey) => knownKeys.includes(valueKey));
        }
    }
    else if (typeof schema.additionalProperties === 'object') {
        const valueKeys = Object.getOwnPropertyNames(value);
        return valueKeys.every((key) => knownKeys.includes(key) || check_Visit(schema.additionalProperties, references, value[key]));
    }
    else {
        return true;
    }
}
function check_FromPromise(schema, references, value) {
    return (0,guard/* IsPromise */.OD)(value);
}
function check_FromRecord(schema, references, value) {
    if (!policy/* TypeSystemPolicy */.Q.IsRecordLike(value)) {
        return false;
    }
    if (IsDefined(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
        return false;
    }
    if (IsDefined(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
        return false;
    }
    const [patternKey, patternSchema] = Object.entries(schema.patternProperties)[0];
    const regex = new RegExp(patternKey);
    // prettier-ignore
    const check1 = Object.entries(value).every(([key, value]) => {
        return (regex.test(key)) ? check_Visit(patternSchema, references, value) : true;
    });
    // prettier-ignore
    const check2 = typeof schema.additionalProperties === 'object' ? Object.entries(value).every(([key, value]) => {
        return (!regex.test(key)) ? check_Visit(schema.additionalProperties, references, value) : true;
    }) : true;
    const check3 = schema.additionalProperties === false
        ? Object.getOwnPropertyNames(value).every((key) => {
            return regex.test(key);
        })
        : true;
    return check1 && check2 && check3;
}
function check_FromRef(schema, references, value) {
    return check_Visit(Deref(schema, references), references, value);
}
function FromRegExp(schema, references, value) {
    const regex = new RegExp(schema.source, schema.flags);
    if (IsDefined(schema.minLength)) {
        if (!(value.length >= schema.minLength))
            return false;
    }
    if (IsDefined(schema.maxLength)) {
        if (!(value.length <= schema.maxLength))
            return false;
    }
    return regex.test(value);
}
function FromString(schema, references, value) {
    if (!(0,guard/* IsString */.IP)(value)) {
        return false;
    }
    if (IsDefined(schema.minLength)) {
        if (!(value.length >= schema.minLength))
            return false;
    }
    if (IsDefined(schema.maxLength)) {
        if (!(value.length <= schema.maxLength))
            return false;
    }
    if (IsDefined(schema.pattern)) {
        const regex = new RegExp(schema.pattern);
        if (!regex.test(value))
            return false;
    }
    if (IsDefined(schema.format)) {
        if (!Has(schema.format))
            return false;
        const func = Get(schema.format);
        return func(value);
    }
    return true;
}
function FromSymbol(schema, references, value) {
    return (0,guard/* IsSymbol */.nH)(value);
}
function FromTemplateLiteral(schema, references, value) {
    return (0,guard/* IsString */.IP)(value) && new RegExp(schema.pattern).test(value);
}
function check_FromThis(schema, references, value) {
    return check_Visit(Deref(schema, references), references, value);
}
function check_FromTuple(schema, references, value) {
    if (!(0,guard/* IsArray */.QS)(value)) {
        return false;
    }
    if (schema.items === undefined && !(value.length === 0)) {
        return false;
    }
    if (!(value.length === schema.maxItems)) {
        return false;
    }
    if (!schema.items) {
        return true;
    }
    for (let i = 0; i < schema.items.length; i++) {
        if (!check_Visit(schema.items[i], references, value[i]))
            return false;
    }
    return true;
}
function FromUndefined(schema, references, value) {
    return (0,guard/* IsUndefined */.R1)(value);
}
function check_FromUnion(schema, references, value) {
    return schema.anyOf.some((inner) => check_Visit(inner, references, value));
}
function FromUint8Array(schema, references, value) {
    if (!(0,guard/* IsUint8Array */.G4)(value)) {
        return false;
    }
    if (IsDefined(schema.maxByteLength) && !(value.length <= schema.maxByteLength)) {
        return false;
    }
    if (IsDefined(schema.minByteLength) && !(value.length >= schema.minByteLength)) {
        return false;
    }
    return true;
}
function FromUnknown(schema, references, value) {
    return true;
}
function FromVoid(schema, references, value) {
    return policy/* TypeSystemPolicy */.Q.IsVoidLike(value);
}
function FromKind(schema, references, value) {
    if (!type_Has(schema[symbols/* Kind */.b8]))
        return false;
    const func = type_Get(schema[symbols/* Kind */.b8]);
    return func(schema, value);
}
function check_Visit(schema, references, value) {
    const references_ = IsDefined(schema.$id) ? Pushref(schema, references) : references;
    const schema_ = schema;
    switch (schema_[symbols/* Kind */.b8]) {
        case 'Any':
            return FromAny(schema_, references_, value);
        case 'Argument':
            return FromArgument(schema_, references_, value);
        case 'Array':
            return check_FromArray(schema_, references_, value);
        case 'AsyncIterator':
            return check_FromAsyncIterator(schema_, references_, value);
        case 'BigInt':
            return FromBigInt(schema_, references_, value);
        case 'Boolean':
            return FromBoolean(schema_, references_, value);
        case 'Constructor':
            return check_FromConstructor(schema_, references_, value);
        case 'Date':
            return FromDate(schema_, references_, value);
        case 'Function':
            return check_FromFunction(schema_, references_, value);
        case 'Import':
            return check_FromImport(schema_, references_, value);
        case 'Integer':
            return FromInteger(schema_, references_, value);
        case 'Intersect':
            return check_FromIntersect(schema_, references_, value);
        case 'Iterator':
            return check_FromIterator(schema_, references_, value);
        case 'Literal':
            return FromLiteral(schema_, references_, value);
        case 'Never':
            return FromNever(schema_, references_, value);
        case 'Not':
            return check_FromNot(schema_, references_, value);
        case 'Null':
            return FromNull(schema_, references_, value);
        case 'Number':
            return FromNumber(schema_, references_, value);
        case 'Object':
            return check_FromObject(schema_, references_, value);
        case 'Promise':
            return check_FromPromise(schema_, references_, value);
        case 'Record':
            return check_FromRecord(schema_, references_, value);
        case 'Ref':
            return check_FromRef(schema_, references_, value);
        case 'RegExp':
            return FromRegExp(schema_, references_, value);
        case 'String':
            return FromString(schema_, references_, value);
        case 'Symbol':
            return FromSymbol(schema_, references_, value);
        case 'TemplateLiteral':
            return FromTemplateLiteral(schema_, references_, value);
        case 'This':
            return check_FromThis(schema_, references_, value);
        case 'Tuple':
            return check_FromTuple(schema_, references_, value);
        case 'Undefined':
            return FromUndefined(schema_, references_, value);
        case 'Union':
            return check_FromUnion(schema_, references_, value);
        case 'Uint8Array':
            return FromUint8Array(schema_, references_, value);
        case 'Unknown':
            return FromUnknown(schema_, references_, value);
        case 'Void':
            return FromVoid(schema_, references_, value);
        default:
            if (!type_Has(schema_[symbols/* Kind */.b8]))
                throw new ValueCheckUnknownTypeError(schema_);
            return FromKind(schema_, references_, value);
    }
}
/** Returns true if the value matches the given type. */
function Check(...args) {
    return args.length === 3 ? check_Visit(args[0], args[1], args[2]) : check_Visit(args[0], [], args[1]);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/value/transform/decode.mjs






// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------
// thrown externally
// prettier-ignore
class TransformDecodeCheckError extends error/* TypeBoxError */.i {
    constructor(schema, value, error) {
        super(`Unable to decode value as it does not match the expected schema`);
        this.schema = schema;
        this.value = value;
        this.error = error;
    }
}
// prettier-ignore
class TransformDecodeError extends error/* TypeBoxError */.i {
    constructor(schema, path, value, error) {
        super(error instanceof Error ? error.message : 'Unknown error');
        this.schema = schema;
        this.path = path;
        this.value = value;
        this.error = error;
    }
}
// ------------------------------------------------------------------
// Decode
// ------------------------------------------------------------------
// prettier-ignore
function Default(schema, path, value) {
    try {
        return (0,kind/* IsTransform */.n_)(schema) ? schema[symbols/* TransformKind */.H7].Decode(value) : value;
    }
    catch (error) {
        throw new TransformDecodeError(schema, path, value, error);
    }
}
// prettier-ignore
function decode_FromArray(schema, references, path, value) {
    return ((0,guard/* IsArray */.QS)(value))
        ? Default(schema, path, value.map((value, index) => decode_Visit(schema.items, references, `${path}/${index}`, value)))
        : Default(schema, path, value);
}
// prettier-ignore
function decode_FromIntersect(schema, references, path, value) {
    if (!(0,guard/* IsObject */.av)(value) || (0,guard/* IsValueType */.u$)(value))
        return Default(schema, path, value);
    const knownEntries = KeyOfPropertyEntries(schema);
    const knownKeys = knownEntries.map(entry => entry[0]);
    const knownProperties = { ...value };
    for (const [knownKey, knownSchema] of knownEntries)
        if (knownKey in knownProperties) {
            knownProperties[knownKey] = decode_Visit(knownSchema, references, `${path}/${knownKey}`, knownProperties[knownKey]);
        }
    if (!(0,kind/* IsTransform */.n_)(schema.unevaluatedProperties)) {
        return Default(schema, path, knownProperties);
    }
    const unknownKeys = Object.getOwnPropertyNames(knownProperties);
    const unevaluatedProperties = schema.unevaluatedProperties;
    const unknownProperties = { ...knownProperties };
    for (const key of unknownKeys)
        if (!knownKeys.includes(key)) {
            unknownProperties[key] = Default(unevaluatedProperties, `${path}/${key}`, unknownProperties[key]);
        }
    return Default(schema, path, unknownProperties);
}
// prettier-ignore
function decode_FromImport(schema, references, path, value) {
    const additional = globalThis.Object.values(schema.$defs);
    const target = schema.$defs[schema.$ref];
    const result = decode_Visit(target, [...references, ...additional], path, value);
    return Default(schema, path, result);
}
function decode_FromNot(schema, references, path, value) {
    return Default(schema, path, decode_Visit(schema.not, references, path, value));
}
// prettier-ignore
function decode_FromObject(schema, references, path, value) {
    if (!(0,guard/* IsObject */.av)(value))
        return Default(schema, path, value);
    const knownKeys = (0,keyof_property_keys/* KeyOfPropertyKeys */.g)(schema);
    const knownProperties = { ...value };
    for (const key of knownKeys) {
        if (!(0,guard/* HasPropertyKey */.LT)(knownProperties, key))
            continue;
        // if the property value is undefined, but the target is not, nor does it satisfy exact optional 
        // property policy, then we need to continue. This is a special case for optional property handling 
        // where a transforms wrapped in a optional modifiers should not run.
        if ((0,guard/* IsUndefined */.R1)(knownProperties[key]) && (!(0,kind/* IsUndefined */.R1)(schema.properties[key]) ||
            policy/* TypeSystemPolicy */.Q.IsExactOptionalProperty(knownProperties, key)))
            continue;
        // decode property
        knownProperties[key] = decode_Visit(schema.properties[key], references, `${path}/${key}`, knownProperties[key]);
    }
    if (!(0,kind/* IsSchema */.Yi)(schema.additionalProperties)) {
        return Default(schema, path, knownProperties);
    }
    const unknownKeys = Object.getOwnPropertyNames(knownProperties);
    const additionalProperties = schema.additionalProperties;
    const unknownProperties = { ...knownProperties };
    for (const key of unknownKeys)
        if (!knownKeys.includes(key)) {
            unknownProperties[key] = Default(additionalProperties, `${path}/${key}`, unknownProperties[key]);
        }
    return Default(schema, path, unknownProperties);
}
// prettier-ignore
function decode_FromRecord(schema, references, path, value) {
    if (!(0,guard/* IsObject */.av)(value))
        return Default(schema, path, value);
    const pattern = Object.getOwnPropertyNames(schema.patternProperties)[0];
    const knownKeys = new RegExp(pattern);
    const knownProperties = { ...value };
    for (const key of Object.getOwnPropertyNames(value))
        if (knownKeys.test(key)) {
            knownProperties[key] = decode_Visit(schema.patternProperties[pattern], references, `${path}/${key}`, knownProperties[key]);
        }
    if (!(0,kind/* IsSchema */.Yi)(schema.additionalProperties)) {
        return Default(schema, path, knownProperties);
    }
    const unknownKeys = Object.getOwnPropertyNames(knownProperties);
    const additionalProperties = schema.additionalProperties;
    const unknownProperties = { ...knownProperties };
    for (const key of unknownKeys)
        if (!knownKeys.test(key)) {
            unknownProperties[key] = Default(additionalProperties, `${path}/${key}`, unknownProperties[key]);
        }
    return Default(schema, path, unknownProperties);
}
// prettier-ignore
function decode_FromRef(schema, references, path, value) {
    const target = Deref(schema, references);
    return Default(schema, path, decode_Visit(target, references, path, value));
}
// prettier-ignore
function decode_FromThis(schema, references, path, value) {
    const target = Deref(schema, references);
    return Default(schema, path, decode_Visit(target, references, path, value));
}
// prettier-ignore
function decode_FromTuple(schema, references, path, value) {
    return ((0,guard/* IsArray */.QS)(value) && (0,guard/* IsArray */.QS)(schema.items))
        ? Default(schema, path, schema.items.map((schema, index) => decode_Visit(schema, references, `${path}/${index}`, value[index])))
        : Default(schema, path, value);
}
// prettier-ignore
function decode_FromUnion(schema, references, path, value) {
    for (const subschema of schema.anyOf) {
        if (!Check(subschema, references, value))
            continue;
        // note: ensure interior is decoded first
        const decoded = decode_Visit(subschema, references, path, value);
        return Default(schema, path, decoded);
    }
    return Default(schema, path, value);
}
// prettier-ignore
function decode_Visit(schema, references, path, value) {
    const references_ = Pushref(schema, references);
    const schema_ = schema;
    switch (schema[symbols/* Kind */.b8]) {
        case 'Array':
            return decode_FromArray(schema_, references_, path, value);
        case 'Import':
            return decode_FromImport(schema_, references_, path, value);
        case 'Intersect':
            return decode_FromIntersect(schema_, references_, path, value);
        case 'Not':
            return decode_FromNot(schema_, references_, path, value);
        case 'Object':
            return decode_FromObject(schema_, references_, path, value);
        case 'Record':
            return decode_FromRecord(schema_, references_, path, value);
        case 'Ref':
            return decode_FromRef(schema_, references_, path, value);
        case 'Symbol':
            return Default(schema_, path, value);
        case 'This':
            return decode_FromThis(schema_, references_, path, value);
        case 'Tuple':
            return decode_FromTuple(schema_, references_, path, value);
        case 'Union':
            return decode_FromUnion(schema_, references_, path, value);
        default:
            return Default(schema_, path, value);
    }
}
/**
 * `[Internal]` Decodes the value and returns the result. This function requires that
 * the caller `Check` the value before use. Passing unchecked values may result in
 * undefined behavior. Refer to the `Value.Decode()` for implementation details.
 */
function TransformDecode(schema, references, value) {
    return decode_Visit(schema, references, '', value);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/value/transform/encode.mjs






// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------
// prettier-ignore
class TransformEncodeCheckError extends error/* TypeBoxError */.i {
    constructor(schema, value, error) {
        super(`The encoded value does not match the expected schema`);
        this.schema = schema;
        this.value = value;
        this.error = error;
    }
}
// prettier-ignore
class TransformEncodeError extends error/* TypeBoxError */.i {
    constructor(schema, path, value, error) {
        super(`${error instanceof Error ? error.message : 'Unknown error'}`);
        this.schema = schema;
        this.path = path;
        this.value = value;
        this.error = error;
    }
}
// ------------------------------------------------------------------
// Encode
// ------------------------------------------------------------------
// prettier-ignore
function encode_Default(schema, path, value) {
    try {
        return (0,kind/* IsTransform */.n_)(schema) ? schema[symbols/* TransformKind */.H7].Encode(value) : value;
    }
    catch (error) {
        throw new TransformEncodeError(schema, path, value, error);
    }
}
// prettier-ignore
function encode_FromArray(schema, references, path, value) {
    const defaulted = encode_Default(schema, path, value);
    return (0,guard/* IsArray */.QS)(defaulted)
        ? defaulted.map((value, index) => encode_Visit(schema.items, references, `${path}/${index}`, value))
        : defaulted;
}
// prettier-ignore
function encode_FromImport(schema, references, path, value) {
    const additional = globalThis.Object.values(schema.$defs);
    const target = schema.$defs[schema.$ref];
    const result = encode_Default(schema, path, value);
    return encode_Visit(target, [...references, ...additional], path, result);
}
// prettier-ignore
function encode_FromIntersect(schema, references, path, value) {
    const defaulted = encode_Default(schema, path, value);
    if (!(0,guard/* IsObject */.av)(value) || (0,guard/* IsValueType */.u$)(value))
        return defaulted;
    const knownEntries = KeyOfPropertyEntries(schema);
    const knownKeys = knownEntries.map(entry => entry[0]);
    const knownProperties = { ...defaulted };
    for (const [knownKey, knownSchema] of knownEntries)
        if (knownKey in knownProperties) {
            knownProperties[knownKey] = encode_Visit(knownSchema, references, `${path}/${knownKey}`, knownProperties[knownKey]);
        }
    if (!(0,kind/* IsTransform */.n_)(schema.unevaluatedProperties)) {
        return knownProperties;
    }
    const unknownKeys = Object.getOwnPropertyNames(knownProperties);
    const unevaluatedProperties = schema.unevaluatedProperties;
    const properties = { ...knownProperties };
    for (const key of unknownKeys)
        if (!knownKeys.includes(key)) {
            properties[key] = encode_Default(unevaluatedProperties, `${path}/${key}`, properties[key]);
        }
    return properties;
}
// prettier-ignore
function encode_FromNot(schema, references, path, value) {
    return encode_Default(schema.not, path, encode_Default(schema, path, value));
}
// prettier-ignore
function encode_FromObject(schema, references, path, value) {
    const defaulted = encode_Default(schema, path, value);
    if (!(0,guard/* IsObject */.av)(defaulted))
        return defaulted;
    const knownKeys = (0,keyof_property_keys/* KeyOfPropertyKeys */.g)(schema);
    const knownProperties = { ...defaulted };
    for (const key of knownKeys) {
        if (!(0,guard/* HasPropertyKey */.LT)(knownProperties, key))
            continue;
        // if the property value is undefined, but the target is not, nor does it satisfy exact optional 
        // property policy, then we need to continue. This is a special case for optional property handling 
        // where a transforms wrapped in a optional modifiers should not run.
        if ((0,guard/* IsUndefined */.R1)(knownProperties[key]) && (!(0,kind/* IsUndefined */.R1)(schema.properties[key]) ||
            policy/* TypeSystemPolicy */.Q.IsExactOptionalProperty(knownProperties, key)))
            continue;
        // encode property
        knownProperties[key] = encode_Visit(schema.properties[key], references, `${path}/${key}`, knownProperties[key]);
    }
    if (!(0,kind/* IsSchema */.Yi)(schema.additionalProperties)) {
        return knownProperties;
    }
    const unknownKeys = Object.getOwnPropertyNames(knownProperties);
    const additionalProperties = schema.additionalProperties;
    const properties = { ...knownProperties };
    for (const key of unknownKeys)
        if (!knownKeys.includes(key)) {
            properties[key] = encode_Default(additionalProperties, `${path}/${key}`, properties[key]);
        }
    return properties;
}
// prettier-ignore
function encode_FromRecord(schema, references, path, value) {
    const defaulted = encode_Default(schema, path, value);
    if (!(0,guard/* IsObject */.av)(value))
        return defaulted;
    const pattern = Object.getOwnPropertyNames(schema.patternProperties)[0];
    const knownKeys = new RegExp(pattern);
    const knownProperties = { ...defaulted };
    for (const key of Object.getOwnPropertyNames(value))
        if (knownKeys.test(key)) {
            knownProperties[key] = encode_Visit(schema.patternProperties[pattern], references, `${path}/${key}`, knownProperties[key]);
        }
    if (!(0,kind/* IsSchema */.Yi)(schema.additionalProperties)) {
        return knownProperties;
    }
    const unknownKeys = Object.getOwnPropertyNames(knownProperties);
    const additionalProperties = schema.additionalProperties;
    const properties = { ...knownProperties };
    for (const key of unknownKeys)
        if (!knownKeys.test(key)) {
            properties[key] = encode_Default(additionalProperties, `${path}/${key}`, properties[key]);
        }
    return properties;
}
// prettier-ignore
function encode_FromRef(schema, references, path, value) {
    const target = Deref(schema, references);
    const resolved = encode_Visit(target, references, path, value);
    return encode_Default(schema, path, resolved);
}
// prettier-ignore
function encode_FromThis(schema, references, path, value) {
    const target = Deref(schema, references);
    const resolved = encode_Visit(target, references, path, value);
    return encode_Default(schema, path, resolved);
}
// prettier-ignore
function encode_FromTuple(schema, references, path, value) {
    const value1 = encode_Default(schema, path, value);
    return (0,guard/* IsArray */.QS)(schema.items) ? schema.items.map((schema, index) => encode_Visit(schema, references, `${path}/${index}`, value1[index])) : [];
}
// prettier-ignore
function encode_FromUnion(schema, references, path, value) {
    // test value against union variants
    for (const subschema of schema.anyOf) {
        if (!Check(subschema, references, value))
            continue;
        const value1 = encode_Visit(subschema, references, path, value);
        return encode_Default(schema, path, value1);
    }
    // test transformed value against union variants
    for (const subschema of schema.anyOf) {
        const value1 = encode_Visit(subschema, references, path, value);
        if (!Check(schema, references, value1))
            continue;
        return encode_Default(schema, path, value1);
    }
    return encode_Default(schema, path, value);
}
// prettier-ignore
function encode_Visit(schema, references, path, value) {
    const references_ = Pushref(schema, references);
    const schema_ = schema;
    switch (schema[symbols/* Kind */.b8]) {
        case 'Array':
            return encode_FromArray(schema_, references_, path, value);
        case 'Import':
            return encode_FromImport(schema_, references_, path, value);
        case 'Intersect':
            return encode_FromIntersect(schema_, references_, path, value);
        case 'Not':
            return encode_FromNot(schema_, references_, path, value);
        case 'Object':
            return encode_FromObject(schema_, references_, path, value);
        case 'Record':
            return encode_FromRecord(schema_, references_, path, value);
        case 'Ref':
            return encode_FromRef(schema_, references_, path, value);
        case 'This':
            return encode_FromThis(schema_, references_, path, value);
        case 'Tuple':
            return encode_FromTuple(schema_, references_, path, value);
        case 'Union':
            return encode_FromUnion(schema_, references_, path, value);
        default:
            return encode_Default(schema_, path, value);
    }
}
/**
 * `[Internal]` Encodes the value and returns the result. This function expects the
 * caller to pass a statically checked value. This function does not check the encoded
 * result, meaning the result should be passed to `Check` before use. Refer to the
 * `Value.Encode()` function for implementation details.
 */
function TransformEncode(schema, references, value) {
    return encode_Visit(schema, references, '', value);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/errors/function.mjs


/** Creates an error message using en-US as the default locale */
function DefaultErrorFunction(error) {
    switch (error.errorType) {
        case ValueErrorType.ArrayContains:
            return 'Expected array to contain at least one matching value';
        case ValueErrorType.ArrayMaxContains:
            return `Expected array to contain no more than ${error.schema.maxContains} matching values`;
        case ValueErrorType.ArrayMinContains:
            return `Expected array to contain at least ${error.schema.minContains} matching values`;
        case ValueErrorType.ArrayMaxItems:
            return `Expected array length to be less or equal to ${error.schema.maxItems}`;
        case ValueErrorType.ArrayMinItems:
            return `Expected array length to be greater or equal to ${error.schema.minItems}`;
        case ValueErrorType.ArrayUniqueItems:
            return 'Expected array elements to be unique';
        case ValueErrorType.Array:
            return 'Expected array';
        case ValueErrorType.AsyncIterator:
            return 'Expected AsyncIterator';
        case ValueErrorType.BigIntExclusiveMaximum:
            return `Expected bigint to be less than ${error.schema.exclusiveMaximum}`;
        case ValueErrorType.BigIntExclusiveMinimum:
            return `Expected bigint to be greater than ${error.schema.exclusiveMinimum}`;
        case ValueErrorType.BigIntMaximum:
            return `Expected bigint to be less or equal to ${error.schema.maximum}`;
        case ValueErrorType.BigIntMinimum:
            return `Expected bigint to be greater or equal to ${error.schema.minimum}`;
        case ValueErrorType.BigIntMultipleOf:
            return `Expected bigint to be a multiple of ${error.schema.multipleOf}`;
        case ValueErrorType.BigInt:
            return 'Expected bigint';
        case ValueErrorType.Boolean:
            return 'Expected boolean';
        case ValueErrorType.DateExclusiveMinimumTimestamp:
            return `Expected Date timestamp to be greater than ${error.schema.exclusiveMinimumTimestamp}`;
        case ValueErrorType.DateExclusiveMaximumTimestamp:
            return `Expected Date timestamp to be less than ${error.schema.exclusiveMaximumTimestamp}`;
        case ValueErrorType.DateMinimumTimestamp:
            return `Expected Date timestamp to be greater or equal to ${error.schema.minimumTimestamp}`;
        case ValueErrorType.DateMaximumTimestamp:
            return `Expected Date timestamp to be less or equal to ${error.schema.maximumTimestamp}`;
        case ValueErrorType.DateMultipleOfTimestamp:
            return `Expected Date timestamp to be a multiple of ${error.schema.multipleOfTimestamp}`;
        case ValueErrorType.Date:
            return 'Expected Date';
        case ValueErrorType.Function:
            return 'Expected function';
        case ValueErrorType.IntegerExclusiveMaximum:
            return `Expected integer to be less than ${error.schema.exclusiveMaximum}`;
        case ValueErrorType.IntegerExclusiveMinimum:
            return `Expected integer to be greater than ${error.schema.exclusiveMinimum}`;
        case ValueErrorType.IntegerMaximum:
            return `Expected integer to be less or equal to ${error.schema.maximum}`;
        case ValueErrorType.IntegerMinimum:
            return `Expected integer to be greater or equal to ${error.schema.minimum}`;
        case ValueErrorType.IntegerMultipleOf:
            return `Expected integer to be a multiple of ${error.schema.multipleOf}`;
        case ValueErrorType.Integer:
            return 'Expected integer';
        case ValueErrorType.IntersectUnevaluatedProperties:
            return 'Unexpected property';
        case ValueErrorType.Intersect:
            return 'Expected all values to match';
        case ValueErrorType.Iterator:
            return 'Expected Iterator';
        case ValueErrorType.Literal:
            return `Expected ${typeof error.schema.const === 'string' ? `'${error.schema.const}'` : error.schema.const}`;
        case ValueErrorType.Never:
            return 'Never';
        case ValueErrorType.Not:
            return 'Value should not match';
        case ValueErrorType.Null:
            return 'Expected null';
        case ValueErrorType.NumberExclusiveMaximum:
            return `Expected number to be less than ${error.schema.exclusiveMaximum}`;
        case ValueErrorType.NumberExclusiveMinimum:
            return `Expected number to be greater than ${error.schema.exclusiveMinimum}`;
        case ValueErrorType.NumberMaximum:
            return `Expected number to be less or equal to ${error.schema.maximum}`;
        case ValueErrorType.NumberMinimum:
            return `Expected number to be greater or equal to ${error.schema.minimum}`;
        case ValueErrorType.NumberMultipleOf:
            return `Expected number to be a multiple of ${error.schema.multipleOf}`;
        case ValueErrorType.Number:
            return 'Expected number';
        case ValueErrorType.Object:
            return 'Expected object';
        case ValueErrorType.ObjectAdditionalProperties:
            return 'Unexpected property';
        case ValueErrorType.ObjectMaxProperties:
            return `Expected object to have no more than ${error.schema.maxProperties} properties`;
        case ValueErrorType.ObjectMinProperties:
            return `Expected object to have at least ${error.schema.minProperties} properties`;
        case ValueErrorType.ObjectRequiredProperty:
            return 'Expected required property';
        case ValueErrorType.Promise:
            return 'Expected Promise';
        case ValueErrorType.RegExp:
            return 'Expected string to match regular expression';
        case ValueErrorType.StringFormatUnknown:
            return `Unknown format '${error.schema.format}'`;
        case ValueErrorType.StringFormat:
            return `Expected string to match '${error.schema.format}' format`;
        case ValueErrorType.StringMaxLength:
            return `Expected string length less or equal to ${error.schema.maxLength}`;
        case ValueErrorType.StringMinLength:
            return `Expected string length greater or equal to ${error.schema.minLength}`;
        case ValueErrorType.StringPattern:
            return `Expected string to match '${error.schema.pattern}'`;
        case ValueErrorType.String:
            return 'Expected string';
        case ValueErrorType.Symbol:
            return 'Expected symbol';
        case ValueErrorType.TupleLength:
            return `Expected tuple to have ${error.schema.maxItems || 0} elements`;
        case ValueErrorType.Tuple:
            return 'Expected tuple';
        case ValueErrorType.Uint8ArrayMaxByteLength:
            return `Expected byte length less or equal to ${error.schema.maxByteLength}`;
        case ValueErrorType.Uint8ArrayMinByteLength:
            return `Expected byte length greater or equal to ${error.schema.minByteLength}`;
        case ValueErrorType.Uint8Array:
            return 'Expected Uint8Array';
        case ValueErrorType.Undefined:
            return 'Expected undefined';
        case ValueErrorType.Union:
            return 'Expected union value';
        case ValueErrorType.Void:
            return 'Expected void';
        case ValueErrorType.Kind:
            return `Expected kind '${error.schema[symbols/* Kind */.b8]}'`;
        default:
            return 'Unknown error type';
    }
}
/** Manages error message providers */
let errorFunction = DefaultErrorFunction;
/** Sets the error function used to generate error messages. */
function SetErrorFunction(callback) {
    errorFunction = callback;
}
/** Gets the error function used to generate error messages */
function GetErrorFunction() {
    return errorFunction;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/errors/errors.mjs











// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------
// prettier-ignore

// ------------------------------------------------------------------
// ValueErrorType
// ------------------------------------------------------------------
var ValueErrorType;
(function (ValueErrorType) {
    ValueErrorType[ValueErrorType["ArrayContains"] = 0] = "ArrayContains";
    ValueErrorType[ValueErrorType["ArrayMaxContains"] = 1] = "ArrayMaxContains";
    ValueErrorType[ValueErrorType["ArrayMaxItems"] = 2] = "ArrayMaxItems";
    ValueErrorType[ValueErrorType["ArrayMinContains"] = 3] = "ArrayMinContains";
    ValueErrorType[ValueErrorType["ArrayMinItems"] = 4] = "ArrayMinItems";
    ValueErrorType[ValueErrorType["ArrayUniqueItems"] = 5] = "ArrayUniqueItems";
    ValueErrorType[ValueErrorType["Array"] = 6] = "Array";
    ValueErrorType[ValueErrorType["AsyncIterator"] = 7] = "AsyncIterator";
    ValueErrorType[ValueErrorType["BigIntExclusiveMaximum"] = 8] = "BigIntExclusiveMaximum";
    ValueErrorType[ValueErrorType["BigIntExclusiveMinimum"] = 9] = "BigIntExclusiveMinimum";
    ValueErrorType[ValueErrorType["BigIntMaximum"] = 10] = "BigIntMaximum";
    ValueErrorType[ValueErrorType["BigIntMinimum"] = 11] = "BigIntMinimum";
    ValueErrorType[ValueErrorType["BigIntMultipleOf"] = 12] = "BigIntMultipleOf";
    ValueErrorType[ValueErrorType["BigInt"] = 13] = "BigInt";
    ValueErrorType[ValueErrorType["Boolean"] = 14] = "Boolean";
    ValueErrorType[ValueErrorType["DateExclusiveMaximumTimestamp"] = 15] = "DateExclusiveMaximumTimestamp";
    ValueErrorType[ValueErrorType["DateExclusiveMinimumTimestamp"] = 16] = "DateExclusiveMinimumTimestamp";
    ValueErrorType[ValueErrorType["DateMaximumTimestamp"] = 17] = "DateMaximumTimestamp";
    ValueErrorType[ValueErrorType["DateMinimumTimestamp"] = 18] = "DateMinimumTimestamp";
    ValueErrorType[ValueErrorType["DateMultipleOfTimestamp"] = 19] = "DateMultipleOfTimestamp";
    ValueErrorType[ValueErrorType["Date"] = 20] = "Date";
    ValueErrorType[ValueErrorType["Function"] = 21] = "Function";
    ValueErrorType[ValueErrorType["IntegerExclusiveMaximum"] = 22] = "IntegerExclusiveMaximum";
    ValueErrorType[ValueErrorType["IntegerExclusiveMinimum"] = 23] = "IntegerExclusiveMinimum";
    ValueErrorType[ValueErrorType["IntegerMaximum"] = 24] = "IntegerMaximum";
    ValueErrorType[ValueErrorType["IntegerMinimum"] = 25] = "IntegerMinimum";
    ValueErrorType[ValueErrorType["IntegerMultipleOf"] = 26] = "IntegerMultipleOf";
    ValueErrorType[ValueErrorType["Integer"] = 27] = "Integer";
    ValueErrorType[ValueErrorType["IntersectUnevaluatedProperties"] = 28] = "IntersectUnevaluatedProperties";
    ValueErrorType[ValueErrorType["Intersect"] = 29] = "Intersect";
    ValueErrorType[ValueErrorType["Iterator"] = 30] = "Iterator";
    ValueErrorType[ValueErrorType["Kind"] = 31] = "Kind";
    ValueErrorType[ValueErrorType["Literal"] = 32] = "Literal";
    ValueErrorType[ValueErrorType["Never"] = 33] = "Never";
    ValueErrorType[ValueErrorType["Not"] = 34] = "Not";
    ValueErrorType[ValueErrorType["Null"] = 35] = "Null";
    ValueErrorType[ValueErrorType["NumberExclusiveMaximum"] = 36] = "NumberExclusiveMaximum";
    ValueErrorType[ValueErrorType["NumberExclusiveMinimum"] = 37] = "NumberExclusiveMinimum";
    ValueErrorType[ValueErrorType["NumberMaximum"] = 38] = "NumberMaximum";
    ValueErrorType[ValueErrorType["NumberMinimum"] = 39] = "NumberMinimum";
    ValueErrorType[ValueErrorType["NumberMultipleOf"] = 40] = "NumberMultipleOf";
    ValueErrorType[ValueErrorType["Number"] = 41] = "Number";
    ValueErrorType[ValueErrorType["ObjectAdditionalProperties"] = 42] = "ObjectAdditionalProperties";
    ValueErrorType[ValueErrorType["ObjectMaxProperties"] = 43] = "ObjectMaxProperties";
    ValueErrorType[ValueErrorType["ObjectMinProperties"] = 44] = "ObjectMinProperties";
    ValueErrorType[ValueErrorType["ObjectRequiredProperty"] = 45] = "ObjectRequiredProperty";
    ValueErrorType[ValueErrorType["Object"] = 46] = "Object";
    ValueErrorType[ValueErrorType["Promise"] = 47] = "Promise";
    ValueErrorType[ValueErrorType["RegExp"] = 48] = "RegExp";
    ValueErrorType[ValueErrorType["StringFormatUnknown"] = 49] = "StringFormatUnknown";
    ValueErrorType[ValueErrorType["StringFormat"] = 50] = "StringFormat";
    ValueErrorType[ValueErrorType["StringMaxLength"] = 51] = "StringMaxLength";
    ValueErrorType[ValueErrorType["StringMinLength"] = 52] = "StringMinLength";
    ValueErrorType[ValueErrorType["StringPattern"] = 53] = "StringPattern";
    ValueErrorType[ValueErrorType["String"] = 54] = "String";
    ValueErrorType[ValueErrorType["Symbol"] = 55] = "Symbol";
    ValueErrorType[ValueErrorType["TupleLength"] = 56] = "TupleLength";
    ValueErrorType[ValueErrorType["Tuple"] = 57] = "Tuple";
    ValueErrorType[ValueErrorType["Uint8ArrayMaxByteLength"] = 58] = "Uint8ArrayMaxByteLength";
    ValueErrorType[ValueErrorType["Uint8ArrayMinByteLength"] = 59] = "Uint8ArrayMinByteLength";
    ValueErrorType[ValueErrorType["Uint8Array"] = 60] = "Uint8Array";
    ValueErrorType[ValueErrorType["Undefined"] = 61] = "Undefined";
    ValueErrorType[ValueErrorType["Union"] = 62] = "Union";
    ValueErrorType[ValueErrorType["Void"] = 63] = "Void";
})(ValueErrorType || (ValueErrorType = {}));
// ------------------------------------------------------------------
// ValueErrors
// ------------------------------------------------------------------
class ValueErrorsUnknownTypeError extends error/* TypeBoxError */.i {
    constructor(schema) {
        super('Unknown type');
        this.schema = schema;
    }
}
// ------------------------------------------------------------------
// EscapeKey
// ------------------------------------------------------------------
function EscapeKey(key) {
    return key.replace(/~/g, '~0').replace(/\//g, '~1'); // RFC6901 Path
}
// ------------------------------------------------------------------
// Guards
// ------------------------------------------------------------------
function errors_IsDefined(value) {
    return value !== undefined;
}
// ------------------------------------------------------------------
// ValueErrorIterator
// ------------------------------------------------------------------
class ValueErrorIterator {
    constructor(iterator) {
        this.iterator = iterator;
    }
    [Symbol.iterator]() {
        return this.iterator;
    }
    /** Returns the first value error or undefined if no errors */
    First() {
        const next = this.iterator.next();
        return next.done ? undefined : next.value;
    }
}
// --------------------------------------------------------------------------
// Create
// --------------------------------------------------------------------------
function Create(errorType, schema, path, value, errors = []) {
    return {
        type: errorType,
        schema,
        path,
        value,
        message: GetErrorFunction()({ errorType, path, schema, value, errors }),
        errors,
    };
}
// --------------------------------------------------------------------------
// Types
// --------------------------------------------------------------------------
function* errors_FromAny(schema, references, path, value) { }
function* errors_FromArgument(schema, references, path, value) { }
function* errors_FromArray(schema, references, path, value) {
    if (!(0,guard/* IsArray */.QS)(value)) {
        return yield Create(ValueErrorType.Array, schema, path, value);
    }
    if (errors_IsDefined(schema.minItems) && !(value.length >= schema.minItems)) {
        yield Create(ValueErrorType.ArrayMinItems, schema, path, value);
    }
    if (errors_IsDefined(schema.maxItems) && !(value.length <= schema.maxItems)) {
        yield Create(ValueErrorType.ArrayMaxItems, schema, path, value);
    }
    for (let i = 0; i < value.length; i++) {
        yield* errors_Visit(schema.items, references, `${path}/${i}`, value[i]);
    }
    // prettier-ignore
    if (schema.uniqueItems === true && !((function () { const set = new Set(); for (const element of value) {
        const hashed = Hash(element);
        if (set.has(hashed)) {
            return false;
        }
        else {
            set.add(hashed);
        }
    } return true; })())) {
        yield Create(ValueErrorType.ArrayUniqueItems, schema, path, value);
    }
    // contains
    if (!(errors_IsDefined(schema.contains) || errors_IsDefined(schema.minContains) || errors_IsDefined(schema.maxContains))) {
        return;
    }
    const containsSchema = errors_IsDefined(schema.contains) ? schema.contains : (0,never/* Never */.p)();
    const containsCount = value.reduce((acc, value, index) => (errors_Visit(containsSchema, references, `${path}${index}`, value).next().done === true ? acc + 1 : acc), 0);
    if (containsCount === 0) {
        yield Create(ValueErrorType.ArrayContains, schema, path, value);
    }
    if ((0,guard/* IsNumber */.Mx)(schema.minContains) && containsCount < schema.minContains) {
        yield Create(ValueErrorType.ArrayMinContains, schema, path, value);
    }
    if ((0,guard/* IsNumber */.Mx)(schema.maxContains) && containsCount > schema.maxContains) {
        yield Create(ValueErrorType.ArrayMaxContains, schema, path, value);
    }
}
function* errors_FromAsyncIterator(schema, references, path, value) {
    if (!(0,guard/* IsAsyncIterator */.H1)(value))
        yield Create(ValueErrorType.AsyncIterator, schema, path, value);
}
function* errors_FromBigInt(schema, references, path, value) {
    if (!(0,guard/* IsBigInt */.cQ)(value))
        return yield Create(ValueErrorType.BigInt, schema, path, value);
    if (errors_IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
        yield Create(ValueErrorType.BigIntExclusiveMaximum, schema, path, value);
    }
    if (errors_IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
        yield Create(ValueErrorType.BigIntExclusiveMinimum, schema, path, value);
    }
    if (errors_IsDefined(schema.maximum) && !(value <= schema.maximum)) {
        yield Create(ValueErrorType.BigIntMaximum, schema, path, value);
    }
    if (errors_IsDefined(schema.minimum) && !(value >= schema.minimum)) {
        yield Create(ValueErrorType.BigIntMinimum, schema, path, value);
    }
    if (errors_IsDefined(schema.multipleOf) && !(value % schema.multipleOf === BigInt(0))) {
        yield Create(ValueErrorType.BigIntMultipleOf, schema, path, value);
    }
}
function* errors_FromBoolean(schema, references, path, value) {
    if (!(0,guard/* IsBoolean */.Zx)(value))
        yield Create(ValueErrorType.Boolean, schema, path, value);
}
function* errors_FromConstructor(schema, references, path, value) {
    yield* errors_Visit(schema.returns, references, path, value.prototype);
}
function* errors_FromDate(schema, references, path, value) {
    if (!(0,guard/* IsDate */.XF)(value))
        return yield Create(ValueErrorType.Date, schema, path, value);
    if (errors_IsDefined(schema.exclusiveMaximumTimestamp) && !(value.getTime() < schema.exclusiveMaximumTimestamp)) {
        yield Create(ValueErrorType.DateExclusiveMaximumTimestamp, schema, path, value);
    }
    if (errors_IsDefined(schema.exclusiveMinimumTimestamp) && !(value.getTime() > schema.exclusiveMinimumTimestamp)) {
        yield Create(ValueErrorType.DateExclusiveMinimumTimestamp, schema, path, value);
    }
    if (errors_IsDefined(schema.maximumTimestamp) && !(value.getTime() <= schema.maximumTimestamp)) {
        yield Create(ValueErrorType.DateMaximumTimestamp, schema, path, value);
    }
    if (errors_IsDefined(schema.minimumTimestamp) && !(value.getTime() >= schema.minimumTimestamp)) {
        yield Create(ValueErrorType.DateMinimumTimestamp, schema, path, value);
    }
    if (errors_IsDefined(schema.multipleOfTimestamp) && !(value.getTime() % schema.multipleOfTimestamp === 0)) {
        yield Create(ValueErrorType.DateMultipleOfTimestamp, schema, path, value);
    }
}
function* errors_FromFunction(schema, references, path, value) {
    if (!(0,guard/* IsFunction */.hg)(value))
        yield Create(ValueErrorType.Function, schema, path, value);
}
function* errors_FromImport(schema, references, path, value) {
    const definitions = globalThis.Object.values(schema.$defs);
    const target = schema.$defs[schema.$ref];
    yield* errors_Visit(target, [...references, ...definitions], path, value);
}
function* errors_FromInteger(schema, references, path, value) {
    if (!(0,guard/* IsInteger */.$p)(value))
        return yield Create(ValueErrorType.Integer, schema, path, value);
    if (errors_IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
        yield Create(ValueErrorType.IntegerExclusiveMaximum, schema, path, value);
    }
    if (errors_IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
        yield Create(ValueErrorType.IntegerExclusiveMinimum, schema, path, value);
    }
    if (errors_IsDefined(schema.maximum) && !(value <= schema.maximum)) {
        yield Create(ValueErrorType.IntegerMaximum, schema, path, value);
    }
    if (errors_IsDefined(schema.minimum) && !(value >= schema.minimum)) {
        yield Create(ValueErrorType.IntegerMinimum, schema, path, value);
    }
    if (errors_IsDefined(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
        yield Create(ValueErrorType.IntegerMultipleOf, schema, path, value);
    }
}
function* errors_FromIntersect(schema, references, path, value) {
    let hasError = false;
    for (const inner of schema.allOf) {
        for (const error of errors_Visit(inner, references, path, value)) {
            hasError = true;
            yield error;
        }
    }
    if (hasError) {
        return yield Create(ValueErrorType.Intersect, schema, path, value);
    }
    if (schema.unevaluatedProperties === false) {
        const keyCheck = new RegExp((0,keyof_property_keys/* KeyOfPattern */.n)(schema));
        for (const valueKey of Object.getOwnPropertyNames(value)) {
            if (!keyCheck.test(valueKey)) {
                yield Create(ValueErrorType.IntersectUnevaluatedProperties, schema, `${path}/${valueKey}`, value);
            }
        }
    }
    if (typeof schema.unevaluatedProperties === 'object') {
        const keyCheck = new RegExp((0,keyof_property_keys/* KeyOfPattern */.n)(schema));
        for (const valueKey of Object.getOwnPropertyNames(value)) {
            if (!keyCheck.test(valueKey)) {
                const next = errors_Visit(schema.unevaluatedProperties, references, `${path}/${valueKey}`, value[valueKey]).next();
                if (!next.done)
                    yield next.value; // yield interior
            }
        }
    }
}
function* errors_FromIterator(schema, references, path, value) {
    if (!(0,guard/* IsIterator */.jo)(value))
        yield Create(ValueErrorType.Iterator, schema, path, value);
}
function* errors_FromLiteral(schema, references, path, value) {
    if (!(value === schema.const))
        yield Create(ValueErrorType.Literal, schema, path, value);
}
function* errors_FromNever(schema, references, path, value) {
    yield Create(ValueErrorType.Never, schema, path, value);
}
function* errors_FromNot(schema, references, path, value) {
    if (errors_Visit(schema.not, references, path, value).next().done === true)
        yield Create(ValueErrorType.Not, schema, path, value);
}
function* errors_FromNull(schema, references, path, value) {
    if (!(0,guard/* IsNull */.Ef)(value))
        yield Create(ValueErrorType.Null, schema, path, value);
}
function* errors_FromNumber(schema, references, path, value) {
    if (!policy/* TypeSystemPolicy */.Q.IsNumberLike(value))
        return yield Create(ValueErrorType.Number, schema, path, value);
    if (errors_IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
        yield Create(ValueErrorType.NumberExclusiveMaximum, schema, path, value);
    }
    if (errors_IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
        yield Create(ValueErrorType.NumberExclusiveMinimum, schema, path, value);
    }
    if (errors_IsDefined(schema.maximum) && !(value <= schema.maximum)) {
        yield Create(ValueErrorType.NumberMaximum, schema, path, value);
    }
    if (errors_IsDefined(schema.minimum) && !(value >= schema.minimum)) {
        yield Create(ValueErrorType.NumberMinimum, schema, path, value);
    }
    if (errors_IsDefined(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
        yield Create(ValueErrorType.NumberMultipleOf, schema, path, value);
    }
}
function* errors_FromObject(schema, references, path, value) {
    if (!policy/* TypeSystemPolicy */.Q.IsObjectLike(value))
        return yield Create(ValueErrorType.Object, schema, path, value);
    if (errors_IsDefined(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
        yield Create(ValueErrorType.ObjectMinProperties, schema, path, value);
    }
    if (errors_IsDefined(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
        yield Create(ValueErrorType.ObjectMaxProperties, schema, path, value);
    }
    const requiredKeys = Array.isArray(schema.required) ? schema.required : [];
    const knownKeys = Object.getOwnPropertyNames(schema.properties);
    const unknownKeys = Object.getOwnPropertyNames(value);
    for (const requiredKey of requiredKeys) {
        if (unknownKeys.includes(requiredKey))
            continue;
        yield Create(ValueErrorType.ObjectRequiredProperty, schema.properties[requiredKey], `${path}/${EscapeKey(requiredKey)}`, undefined);
    }
    if (schema.additionalProperties === false) {
        for (const valueKey of unknownKeys) {
            if (!knownKeys.includes(valueKey)) {
                yield Create(ValueErrorType.ObjectAdditionalProperties, schema, `${path}/${EscapeKey(valueKey)}`, value[valueKey]);
            }
        }
    }
    if (typeof schema.additionalProperties === 'object') {
        for (const valueKey of unknownKeys) {
            if (knownKeys.includes(valueKey))
                continue;
            yield* errors_Visit(schema.additionalProperties, references, `${path}/${EscapeKey(valueKey)}`, value[valueKey]);
        }
    }
    for (const knownKey of knownKeys) {
        const property = schema.properties[knownKey];
        if (schema.required && schema.required.includes(knownKey)) {
            yield* errors_Visit(property, references, `${path}/${EscapeKey(knownKey)}`, value[knownKey]);
            if (ExtendsUndefinedCheck(schema) && !(knownKey in value)) {
                yield Create(ValueErrorType.ObjectRequiredProperty, property, `${path}/${EscapeKey(knownKey)}`, undefined);
            }
        }
        else {
            if (policy/* TypeSystemPolicy */.Q.IsExactOptionalProperty(value, knownKey)) {
                yield* errors_Visit(property, references, `${path}/${EscapeKey(knownKey)}`, value[knownKey]);
            }
        }
    }
}
function* errors_FromPromise(schema, references, path, value) {
    if (!(0,guard/* IsPromise */.OD)(value))
        yield Create(ValueErrorType.Promise, schema, path, value);
}
function* errors_FromRecord(schema, references, path, value) {
    if (!policy/* TypeSystemPolicy */.Q.IsRecordLike(value))
        return yield Create(ValueErrorType.Object, schema, path, value);
    if (errors_IsDefined(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
        yield Create(ValueErrorType.ObjectMinProperties, schema, path, value);
    }
    if (errors_IsDefined(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
        yield Create(ValueErrorType.ObjectMaxProperties, schema, path, value);
    }
    const [patternKey, patternSchema] = Object.entries(schema.patternProperties)[0];
    const regex = new RegExp(patternKey);
    for (const [propertyKey, propertyValue] of Object.entries(value)) {
        if (regex.test(propertyKey))
            yield* errors_Visit(patternSchema, references, `${path}/${EscapeKey(propertyKey)}`, propertyValue);
    }
    if (typeof schema.additionalProperties === 'object') {
        for (const [propertyKey, propertyValue] of Object.entries(value)) {
            if (!regex.test(propertyKey))
                yield* errors_Visit(schema.additionalProperties, references, `${path}/${EscapeKey(propertyKey)}`, propertyValue);
        }
    }
    if (schema.additionalProperties === false) {
        for (const [propertyKey, propertyValue] of Object.entries(value)) {
            if (regex.test(propertyKey))
                continue;
            return yield Create(ValueErrorType.ObjectAdditionalProperties, schema, `${path}/${EscapeKey(propertyKey)}`, propertyValue);
        }
    }
}
function* errors_FromRef(schema, references, path, value) {
    yield* errors_Visit(Deref(schema, references), references, path, value);
}
function* errors_FromRegExp(schema, references, path, value) {
    if (!(0,guard/* IsString */.IP)(value))
        return yield Create(ValueErrorType.String, schema, path, value);
    if (errors_IsDefined(schema.minLength) && !(value.length >= schema.minLength)) {
        yield Create(ValueErrorType.StringMinLength, schema, path, value);
    }
    if (errors_IsDefined(schema.maxLength) && !(value.length <= schema.maxLength)) {
        yield Create(ValueErrorType.StringMaxLength, schema, path, value);
    }
    const regex = new RegExp(schema.source, schema.flags);
    if (!regex.test(value)) {
        return yield Create(ValueErrorType.RegExp, schema, path, value);
    }
}
function* errors_FromString(schema, references, path, value) {
    if (!(0,guard/* IsString */.IP)(value))
        return yield Create(ValueErrorType.String, schema, path, value);
    if (errors_IsDefined(schema.minLength) && !(value.length >= schema.minLength)) {
        yield Create(ValueErrorType.StringMinLength, schema, path, value);
    }
    if (errors_IsDefined(schema.maxLength) && !(value.length <= schema.maxLength)) {
        yield Create(ValueErrorType.StringMaxLength, schema, path, value);
    }
    if ((0,guard/* IsString */.IP)(schema.pattern)) {
        const regex = new RegExp(schema.pattern);
        if (!regex.test(value)) {
            yield Create(ValueErrorType.StringPattern, schema, path, value);
        }
    }
    if ((0,guard/* IsString */.IP)(schema.format)) {
        if (!Has(schema.format)) {
            yield Create(ValueErrorType.StringFormatUnknown, schema, path, value);
        }
        else {
            const format = Get(schema.format);
            if (!format(value)) {
                yield Create(ValueErrorType.StringFormat, schema, path, value);
            }
        }
    }
}
function* errors_FromSymbol(schema, references, path, value) {
    if (!(0,guard/* IsSymbol */.nH)(value))
        yield Create(ValueErrorType.Symbol, schema, path, value);
}
function* errors_FromTemplateLiteral(schema, references, path, value) {
    if (!(0,guard/* IsString */.IP)(value))
        return yield Create(ValueErrorType.String, schema, path, value);
    const regex = new RegExp(schema.pattern);
    if (!regex.test(value)) {
        yield Create(ValueErrorType.StringPattern, schema, path, value);
    }
}
function* errors_FromThis(schema, references, path, value) {
    yield* errors_Visit(Deref(schema, references), references, path, value);
}
function* errors_FromTuple(schema, references, path, value) {
    if (!(0,guard/* IsArray */.QS)(value))
        return yield Create(ValueErrorType.Tuple, schema, path, value);
    if (schema.items === undefined && !(value.length === 0)) {
        return yield Create(ValueErrorType.TupleLength, schema, path, value);
    }
    if (!(value.length === schema.maxItems)) {
        return yield Create(ValueErrorType.TupleLength, schema, path, value);
    }
    if (!schema.items) {
        return;
    }
    for (let i = 0; i < schema.items.length; i++) {
        yield* errors_Visit(schema.items[i], references, `${path}/${i}`, value[i]);
    }
}
function* errors_FromUndefined(schema, references, path, value) {
    if (!(0,guard/* IsUndefined */.R1)(value))
        yield Create(ValueErrorType.Undefined, schema, path, value);
}
function* errors_FromUnion(schema, references, path, value) {
    if (Check(schema, references, value))
        return;
    const errors = schema.anyOf.map((variant) => new ValueErrorIterator(errors_Visit(variant, references, path, value)));
    yield Create(ValueErrorType.Union, schema, path, value, errors);
}
function* errors_FromUint8Array(schema, references, path, value) {
    if (!(0,guard/* IsUint8Array */.G4)(value))
        return yield Create(ValueErrorType.Uint8Array, schema, path, value);
    if (errors_IsDefined(schema.maxByteLength) && !(value.length <= schema.maxByteLength)) {
        yield Create(ValueErrorType.Uint8ArrayMaxByteLength, schema, path, value);
    }
    if (errors_IsDefined(schema.minByteLength) && !(value.length >= schema.minByteLength)) {
        yield Create(ValueErrorType.Uint8ArrayMinByteLength, schema, path, value);
    }
}
function* errors_FromUnknown(schema, references, path, value) { }
function* errors_FromVoid(schema, references, path, value) {
    if (!policy/* TypeSystemPolicy */.Q.IsVoidLike(value))
        yield Create(ValueErrorType.Void, schema, path, value);
}
function* errors_FromKind(schema, references, path, value) {
    const check = type_Get(schema[symbols/* Kind */.b8]);
    if (!check(schema, value))
        yield Create(ValueErrorType.Kind, schema, path, value);
}
function* errors_Visit(schema, references, path, value) {
    const references_ = errors_IsDefined(schema.$id) ? [...references, schema] : references;
    const schema_ = schema;
    switch (schema_[symbols/* Kind */.b8]) {
        case 'Any':
            return yield* errors_FromAny(schema_, references_, path, value);
        case 'Argument':
            return yield* errors_FromArgument(schema_, references_, path, value);
        case 'Array':
            return yield* errors_FromArray(schema_, references_, path, value);
        case 'AsyncIterator':
            return yield* errors_FromAsyncIterator(schema_, references_, path, value);
        case 'BigInt':
            return yield* errors_FromBigInt(schema_, references_, path, value);
        case 'Boolean':
            return yield* errors_FromBoolean(schema_, references_, path, value);
        case 'Constructor':
            return yield* errors_FromConstructor(schema_, references_, path, value);
        case 'Date':
            return yield* errors_FromDate(schema_, references_, path, value);
        case 'Function':
            return yield* errors_FromFunction(schema_, references_, path, value);
        case 'Import':
            return yield* errors_FromImport(schema_, references_, path, value);
        case 'Integer':
            return yield* errors_FromInteger(schema_, references_, path, value);
        case 'Intersect':
            return yield* errors_FromIntersect(schema_, references_, path, value);
        case 'Iterator':
            return yield* errors_FromIterator(schema_, references_, path, value);
        case 'Literal':
            return yield* errors_FromLiteral(schema_, references_, path, value);
        case 'Never':
            return yield* errors_FromNever(schema_, references_, path, value);
        case 'Not':
            return yield* errors_FromNot(schema_, references_, path, value);
        case 'Null':
            return yield* errors_FromNull(schema_, references_, path, value);
        case 'Number':
            return yield* errors_FromNumber(schema_, references_, path, value);
        case 'Object':
            return yield* errors_FromObject(schema_, references_, path, value);
        case 'Promise':
            return yield* errors_FromPromise(schema_, references_, path, value);
        case 'Record':
            return yield* errors_FromRecord(schema_, references_, path, value);
        case 'Ref':
            return yield* errors_FromRef(schema_, references_, path, value);
        case 'RegExp':
            return yield* errors_FromRegExp(schema_, references_, path, value);
        case 'String':
            return yield* errors_FromString(schema_, references_, path, value);
        case 'Symbol':
            return yield* errors_FromSymbol(schema_, references_, path, value);
        case 'TemplateLiteral':
            return yield* errors_FromTemplateLiteral(schema_, references_, path, value);
        case 'This':
            return yield* errors_FromThis(schema_, references_, path, value);
        case 'Tuple':
            return yield* errors_FromTuple(schema_, references_, path, value);
        case 'Undefined':
            return yield* errors_FromUndefined(schema_, references_, path, value);
        case 'Union':
            return yield* errors_FromUnion(schema_, references_, path, value);
        case 'Uint8Array':
            return yield* errors_FromUint8Array(schema_, references_, path, value);
        case 'Unknown':
            return yield* errors_FromUnknown(schema_, references_, path, value);
        case 'Void':
            return yield* errors_FromVoid(schema_, references_, path, value);
        default:
            if (!type_Has(schema_[symbols/* Kind */.b8]))
                throw new ValueErrorsUnknownTypeError(schema);
            return yield* errors_FromKind(schema_, references_, path, value);
    }
}
/** Returns an iterator for each error in this value. */
function Errors(...args) {
    const iterator = args.length === 3 ? errors_Visit(args[0], args[1], '', args[2]) : errors_Visit(args[0], [], '', args[1]);
    return new ValueErrorIterator(iterator);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/system/evaluate.mjs
/**
 * Evaluates code in the current environment. This function matches centralized
 * evaluation as implemented in TypeBox 1.x.
 */
function Evaluate(...args) {
    return new globalThis.Function(...args);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/ref/ref.mjs
var ref = __nccwpck_require__(60938);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/type.mjs
var guard_type = __nccwpck_require__(14819);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/compiler/compiler.mjs












// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TypeCheck
// ------------------------------------------------------------------
class TypeCheck {
    constructor(schema, references, checkFunc, code) {
        this.schema = schema;
        this.references = references;
        this.checkFunc = checkFunc;
        this.code = code;
        this.hasTransform = HasTransform(schema, references);
    }
    /** Returns the generated assertion code used to validate this type. */
    Code() {
        return this.code;
    }
    /** Returns the schema type used to validate */
    Schema() {
        return this.schema;
    }
    /** Returns reference types used to validate */
    References() {
        return this.references;
    }
    /** Returns an iterator for each error in this value. */
    Errors(value) {
        return Errors(this.schema, this.references, value);
    }
    /** Returns true if the value matches the compiled type. */
    Check(value) {
        return this.checkFunc(value);
    }
    /** Decodes a value or throws if error */
    Decode(value) {
        if (!this.checkFunc(value))
            throw new TransformDecodeCheckError(this.schema, value, this.Errors(value).First());
        return (this.hasTransform ? TransformDecode(this.schema, this.references, value) : value);
    }
    /** Encodes a value or throws if error */
    Encode(value) {
        const encoded = this.hasTransform ? TransformEncode(this.schema, this.references, value) : value;
        if (!this.checkFunc(encoded))
            throw new TransformEncodeCheckError(this.schema, value, this.Errors(value).First());
        return encoded;
    }
}
// ------------------------------------------------------------------
// Character
// ------------------------------------------------------------------
var Character;
(function (Character) {
    function DollarSign(code) {
        return code === 36;
    }
    Character.DollarSign = DollarSign;
    function IsUnderscore(code) {
        return code === 95;
    }
    Character.IsUnderscore = IsUnderscore;
    function IsAlpha(code) {
        return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    }
    Character.IsAlpha = IsAlpha;
    function IsNumeric(code) {
        return code >= 48 && code <= 57;
    }
    Character.IsNumeric = IsNumeric;
})(Character || (Character = {}));
// ------------------------------------------------------------------
// Identifier
// ------------------------------------------------------------------
var Identifier;
(function (Identifier) {
    function Encode($id) {
        const buffer = [];
        for (let i = 0; i < $id.length; i++) {
            const code = $id.charCodeAt(i);
            if (Character.IsNumeric(code) || Character.IsAlpha(code)) {
                buffer.push($id.charAt(i));
            }
            else {
                buffer.push(`_${code}_`);
            }
        }
        return buffer.join('').replace(/__/g, '_');
    }
    Identifier.Encode = Encode;
})(Identifier || (Identifier = {}));
// ------------------------------------------------------------------
// StringConstant
// ------------------------------------------------------------------
function StringConstant(value) {
    if (!(0,guard/* IsString */.IP)(value))
        throw Error('ConstantString: Not a String');
    const canonical = JSON.stringify(value).slice(1, -1);
    const escaped = canonical.replace(/'/g, "\\'");
    return `'${escaped}'`;
}
// ------------------------------------------------------------------
// MemberExpression
// ------------------------------------------------------------------
function MemberExpression(value, key) {
    return `${value}[${StringConstant(key)}]`;
}
// ------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------
class TypeCompilerUnknownTypeError extends error/* TypeBoxError */.i {
    constructor(schema) {
        super('Unknown type');
        this.schema = schema;
    }
}
class TypeCompilerTypeGuardError extends error/* TypeBoxError */.i {
    constructor(schema) {
        super('Preflight validation check failed to guard for the given schema');
        this.schema = schema;
    }
}
// ------------------------------------------------------------------
// Policy
// ------------------------------------------------------------------
var Policy;
(function (Policy) {
    function IsExactOptionalProperty(value, key, expression) {
        return policy/* TypeSystemPolicy */.Q.ExactOptionalPropertyTypes ? `(${StringConstant(key)} in ${value} ? ${expression} : true)` : `(${MemberExpression(value, key)} !== undefined ? ${expression} : true)`;
    }
    Policy.IsExactOptionalProperty = IsExactOptionalProperty;
    function IsObjectLike(value) {
        return !policy/* TypeSystemPolicy */.Q.AllowArrayObject ? `(typeof ${value} === 'object' && ${value} !== null && !Array.isArray(${value}))` : `(typeof ${value} === 'object' && ${value} !== null)`;
    }
    Policy.IsObjectLike = IsObjectLike;
    function IsRecordLike(value) {
        return !policy/* TypeSystemPolicy */.Q.AllowArrayObject
            ? `(typeof ${value} === 'object' && ${value} !== null && !Array.isArray(${value}) && !(${value} instanceof Date) && !(${value} instanceof Uint8Array))`
            : `(typeof ${value} === 'object' && ${value} !== null && !(${value} instanceof Date) && !(${value} instanceof Uint8Array))`;
    }
    Policy.IsRecordLike = IsRecordLike;
    function IsNumberLike(value) {
        return policy/* TypeSystemPolicy */.Q.AllowNaN ? `typeof ${value} === 'number'` : `Number.isFinite(${value})`;
    }
    Policy.IsNumberLike = IsNumberLike;
    function IsVoidLike(value) {
        return policy/* TypeSystemPolicy */.Q.AllowNullVoid ? `(${value} === undefined || ${value} === null)` : `${value} === undefined`;
    }
    Policy.IsVoidLike = IsVoidLike;
})(Policy || (Policy = {}));
/** Compiles Types for Runtime Type Checking */
var TypeCompiler;
(function (TypeCompiler) {
    // ----------------------------------------------------------------
    // Guards
    // ----------------------------------------------------------------
    function IsAnyOrUnknown(schema) {
        return schema[symbols/* Kind */.b8] === 'Any' || schema[symbols/* Kind */.b8] === 'Unknown';
    }
    // ----------------------------------------------------------------
    // Types
    // ----------------------------------------------------------------
    function* FromAny(schema, references, value) {
        yield 'true';
    }
    function* FromArgument(schema, references, value) {
        yield 'true';
    }
    function* FromArray(schema, references, value) {
        yield `Array.isArray(${value})`;
        const [parameter, accumulator] = [CreateParameter('value', 'any'), CreateParameter('acc', 'number')];
        if ((0,guard/* IsNumber */.Mx)(schema.maxItems))
            yield `${value}.length <= ${schema.maxItems}`;
        if ((0,guard/* IsNumber */.Mx)(schema.minItems))
            yield `${value}.length >= ${schema.minItems}`;
        const elementExpression = CreateExpression(schema.items, references, 'value');
        // yield `${value}.every((${parameter}) => ${elementExpression})` // issue: 1519
        yield `((array) => { for(const ${parameter} of array) if(!(${elementExpression})) { return false }; return true; })(${value})`;
        if ((0,guard_type/* IsSchema */.Yi)(schema.contains) || (0,guard/* IsNumber */.Mx)(schema.minContains) || (0,guard/* IsNumber */.Mx)(schema.maxContains)) {
            const containsSchema = (0,guard_type/* IsSchema */.Yi)(schema.contains) ? schema.contains : (0,never/* Never */.p)();
            const checkExpression = CreateExpression(containsSchema, references, 'value');
            const checkMinContains = (0,guard/* IsNumber */.Mx)(schema.minContains) ? [`(count >= ${schema.minContains})`] : [];
            const checkMaxContains = (0,guard/* IsNumber */.Mx)(schema.maxContains) ? [`(count <= ${schema.maxContains})`] : [];
            const checkCount = `const count = value.reduce((${accumulator}, ${parameter}) => ${checkExpression} ? acc + 1 : acc, 0)`;
            const check = [`(count > 0)`, ...checkMinContains, ...checkMaxContains].join(' && ');
            yield `((${parameter}) => { ${checkCount}; return ${check}})(${value})`;
        }
        if (schema.uniqueItems === true) {
            const check = `const hashed = hash(element); if(set.has(hashed)) { return false } else { set.add(hashed) } } return true`;
            const block = `const set = new Set(); for(const element of value) { ${check} }`;
            yield `((${parameter}) => { ${block} )(${value})`;
        }
    }
    function* FromAsyncIterator(schema, references, value) {
        yield `(typeof value === 'object' && Symbol.asyncIterator in ${value})`;
    }
    function* FromBigInt(schema, references, value) {
        yield `(typeof ${value} === 'bigint')`;
        if ((0,guard/* IsBigInt */.cQ)(schema.exclusiveMaximum))
            yield `${value} < BigInt(${schema.exclusiveMaximum})`;
        if ((0,guard/* IsBigInt */.cQ)(schema.exclusiveMinimum))
            yield `${value} > BigInt(${schema.exclusiveMinimum})`;
        if ((0,guard/* IsBigInt */.cQ)(schema.maximum))
            yield `${value} <= BigInt(${schema.maximum})`;
        if ((0,guard/* IsBigInt */.cQ)(schema.minimum))
            yield `${value} >= BigInt(${schema.minimum})`;
        if ((0,guard/* IsBigInt */.cQ)(schema.multipleOf))
            yield `(${value} % BigInt(${schema.multipleOf})) === 0`;
    }
    function* FromBoolean(schema, references, value) {
        yield `(typeof ${value} === 'boolean')`;
    }
    function* FromConstructor(schema, references, value) {
        yield* Visit(schema.returns, references, `${value}.prototype`);
    }
    function* FromDate(schema, references, value) {
        yield `(${value} instanceof Date) && Number.isFinite(${value}.getTime())`;
        if ((0,guard/* IsNumber */.Mx)(schema.exclusiveMaximumTimestamp))
            yield `${value}.getTime() < ${schema.exclusiveMaximumTimestamp}`;
        if ((0,guard/* IsNumber */.Mx)(schema.exclusiveMinimumTimestamp))
            yield `${value}.getTime() > ${schema.exclusiveMinimumTimestamp}`;
        if ((0,guard/* IsNumber */.Mx)(schema.maximumTimestamp))
            yield `${value}.getTime() <= ${schema.maximumTimestamp}`;
        if ((0,guard/* IsNumber */.Mx)(schema.minimumTimestamp))
            yield `${value}.getTime() >= ${schema.minimumTimestamp}`;
        if ((0,guard/* IsNumber */.Mx)(schema.multipleOfTimestamp))
            yield `(${value}.getTime() % ${schema.multipleOfTimestamp}) === 0`;
    }
    function* FromFunction(schema, references, value) {
        yield `(typeof ${value} === 'function')`;
    }
    function* FromImport(schema, references, value) {
        const members = globalThis.Object.getOwnPropertyNames(schema.$defs).reduce((result, key) => {
            return [...result, schema.$defs[key]];
        }, []);
        yield* Visit((0,ref/* Ref */.o)(schema.$ref), [...references, ...members], value);
    }
    function* FromInteger(schema, references, value) {
        yield `Number.isInteger(${value})`;
        if ((0,guard/* IsNumber */.Mx)(schema.exclusiveMaximum))
            yield `${value} < ${schema.exclusiveMaximum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.exclusiveMinimum))
            yield `${value} > ${schema.exclusiveMinimum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.maximum))
            yield `${value} <= ${schema.maximum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.minimum))
            yield `${value} >= ${schema.minimum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.multipleOf))
            yield `(${value} % ${schema.multipleOf}) === 0`;
    }
    function* FromIntersect(schema, references, value) {
        const check1 = schema.allOf.map((schema) => CreateExpression(schema, references, value)).join(' && ');
        if (schema.unevaluatedProperties === false) {
            const keyCheck = CreateVariable(`${new RegExp((0,keyof_property_keys/* KeyOfPattern */.n)(schema))};`);
            const check2 = `Object.getOwnPropertyNames(${value}).every(key => ${keyCheck}.test(key))`;
            yield `(${check1} && ${check2})`;
        }
        else if ((0,guard_type/* IsSchema */.Yi)(schema.unevaluatedProperties)) {
            const keyCheck = CreateVariable(`${new RegExp((0,keyof_property_keys/* KeyOfPattern */.n)(schema))};`);
            const check2 = `Object.getOwnPropertyNames(${value}).every(key => ${keyCheck}.test(key) || ${CreateExpression(schema.unevaluatedProperties, references, `${value}[key]`)})`;
            yield `(${check1} && ${check2})`;
        }
        else {
            yield `(${check1})`;
        }
    }
    function* FromIterator(schema, references, value) {
        yield `(typeof value === 'object' && Symbol.iterator in ${value})`;
    }
    function* FromLiteral(schema, references, value) {
        if (typeof schema.const === 'number' || typeof schema.const === 'boolean') {
            yield `(${value} === ${schema.const})`;
        }
        else if (typeof schema.const === 'string') {
            yield `(${value} === ${StringConstant(schema.const)})`;
        }
        else {
            throw Error('Invalid Literal Value');
        }
    }
    function* FromNever(schema, references, value) {
        yield `false`;
    }
    function* FromNot(schema, references, value) {
        const expression = CreateExpression(schema.not, references, value);
        yield `(!${expression})`;
    }
    function* FromNull(schema, references, value) {
        yield `(${value} === null)`;
    }
    function* FromNumber(schema, references, value) {
        yield Policy.IsNumberLike(value);
        if ((0,guard/* IsNumber */.Mx)(schema.exclusiveMaximum))
            yield `${value} < ${schema.exclusiveMaximum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.exclusiveMinimum))
            yield `${value} > ${schema.exclusiveMinimum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.maximum))
            yield `${value} <= ${schema.maximum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.minimum))
            yield `${value} >= ${schema.minimum}`;
        if ((0,guard/* IsNumber */.Mx)(schema.multipleOf))
            yield `(${value} % ${schema.multipleOf}) === 0`;
    }
    function* FromObject(schema, references, value) {
        yield Policy.IsObjectLike(value);
        if ((0,guard/* IsNumber */.Mx)(schema.minProperties))
            yield `Object.getOwnPropertyNames(${value}).length >= ${schema.minProperties}`;
        if ((0,guard/* IsNumber */.Mx)(schema.maxProperties))
            yield `Object.getOwnPropertyNames(${value}).length <= ${schema.maxProperties}`;
        const knownKeys = Object.getOwnPropertyNames(schema.properties);
        for (const knownKey of knownKeys) {
            const memberExpression = MemberExpression(value, knownKey);
            const property = schema.properties[knownKey];
            if (schema.required && schema.required.includes(knownKey)) {
                yield* Visit(property, references, memberExpression);
                if (ExtendsUndefinedCheck(property) || IsAnyOrUnknown(property))
                    yield `(${StringConstant(knownKey)} in ${value})`;
            }
            else {
                const expression = CreateExpression(property, references, memberExpression);
                yield Policy.IsExactOptionalProperty(value, knownKey, expression);
            }
        }
        if (schema.additionalProperties === false) {
            if (schema.required && schema.required.length === knownKeys.length) {
                yield `Object.getOwnPropertyNames(${value}).length === ${knownKeys.length}`;
            }
            else {
                const keys = `[${knownKeys.map((key) => `${StringConstant(key)}`).join(', ')}]`;
                yield `Object.getOwnPropertyNames(${value}).every(key => ${keys}.includes(key))`;
            }
        }
        if (typeof schema.additionalProperties === 'object') {
            const expression = CreateExpression(schema.additionalProperties, references, `${value}[key]`);
            const keys = `[${knownKeys.map((key) => `${StringConstant(key)}`).join(', ')}]`;
            yield `(Object.getOwnPropertyNames(${value}).every(key => ${keys}.includes(key) || ${expression}))`;
        }
    }
    function* FromPromise(schema, references, value) {
        yield `${value} instanceof Promise`;
    }
    function* FromRecord(schema, references, value) {
        yield Policy.IsRecordLike(value);
        if ((0,guard/* IsNumber */.Mx)(schema.minProperties))
            yield `Object.getOwnPropertyNames(${value}).length >= ${schema.minProperties}`;
        if ((0,guard/* IsNumber */.Mx)(schema.maxProperties))
            yield `Object.getOwnPropertyNames(${value}).length <= ${schema.maxProperties}`;
        const [patternKey, patternSchema] = Object.entries(schema.patternProperties)[0];
        const variable = CreateVariable(`${new RegExp(patternKey)}`);
        const check1 = CreateExpression(patternSchema, references, 'value');
        const check2 = (0,guard_type/* IsSchema */.Yi)(schema.additionalProperties) ? CreateExpression(schema.additionalProperties, references, value) : schema.additionalProperties === false ? 'false' : 'true';
        const expression = `(${variable}.test(key) ? ${check1} : ${check2})`;
        yield `(Object.entries(${value}).every(([key, value]) => ${expression}))`;
    }
    function* FromRef(schema, references, value) {
        const target = Deref(schema, references);
        // Reference: If we have seen this reference before we can just yield and return the function call.
        // If this isn't the case we defer to visit to generate and set the function for subsequent passes.
        if (state.functions.has(schema.$ref))
            return yield `${CreateFunctionName(schema.$ref)}(${value})`;
        yield* Visit(target, references, value);
    }
    function* FromRegExp(schema, references, value) {
        const variable = CreateVariable(`${new RegExp(schema.source, schema.flags)};`);
        yield `(typeof ${value} === 'string')`;
        if ((0,guard/* IsNumber */.Mx)(schema.maxLength))
            yield `${value}.length <= ${schema.maxLength}`;
        if ((0,guard/* IsNumber */.Mx)(schema.minLength))
            yield `${value}.length >= ${schema.minLength}`;
        yield `${variable}.test(${value})`;
    }
    function* FromString(schema, references, value) {
        yield `(typeof ${value} === 'string')`;
        if ((0,guard/* IsNumber */.Mx)(schema.maxLength))
            yield `${value}.length <= ${schema.maxLength}`;
        if ((0,guard/* IsNumber */.Mx)(schema.minLength))
            yield `${value}.length >= ${schema.minLength}`;
        if (schema.pattern !== undefined) {
            const variable = CreateVariable(`${new RegExp(schema.pattern)};`);
            yield `${variable}.test(${value})`;
        }
        if (schema.format !== undefined) {
            yield `format(${StringConstant(schema.format)}, ${value})`;
        }
    }
    function* FromSymbol(schema, references, value) {
        yield `(typeof ${value} === 'symbol')`;
    }
    function* FromTemplateLiteral(schema, references, value) {
        yield `(typeof ${value} === 'string')`;
        const variable = CreateVariable(`${new RegExp(schema.pattern)};`);
        yield `${variable}.test(${value})`;
    }
    function* FromThis(schema, references, value) {
        // Note: This types are assured to be hoisted prior to this call. Just yield the function.
        yield `${CreateFunctionName(schema.$ref)}(${value})`;
    }
    function* FromTuple(schema, references, value) {
        yield `Array.isArray(${value})`;
        if (schema.items === undefined)
            return yield `${value}.length === 0`;
        yield `(${value}.length === ${schema.maxItems})`;
        for (let i = 0; i < schema.items.length; i++) {
            const expression = CreateExpression(schema.items[i], references, `${value}[${i}]`);
            yield `${expression}`;
        }
    }
    function* FromUndefined(schema, references, value) {
        yield `${value} === undefined`;
    }
    function* FromUnion(schema, references, value) {
        const expressions = schema.anyOf.map((schema) => CreateExpression(schema, references, value));
        yield `(${expressions.join(' || ')})`;
    }
    function* FromUint8Array(schema, references, value) {
        yield `${value} instanceof Uint8Array`;
        if ((0,guard/* IsNumber */.Mx)(schema.maxByteLength))
            yield `(${value}.length <= ${schema.maxByteLength})`;
        if ((0,guard/* IsNumber */.Mx)(schema.minByteLength))
            yield `(${value}.length >= ${schema.minByteLength})`;
    }
    function* FromUnknown(schema, references, value) {
        yield 'true';
    }
    function* FromVoid(schema, references, value) {
        yield Policy.IsVoidLike(value);
    }
    function* FromKind(schema, references, value) {
        const instance = state.instances.size;
        state.instances.set(instance, schema);
        yield `kind(${StringConstant(schema[symbols/* Kind */.b8])}, ${instance}, ${value})`;
    }
    function* Visit(schema, references, value, useHoisting = true) {
        const references_ = (0,guard/* IsString */.IP)(schema.$id) ? [...references, schema] : references;
        const schema_ = schema;
        // --------------------------------------------------------------
        // Hoisting
        // --------------------------------------------------------------
        if (useHoisting && (0,guard/* IsString */.IP)(schema.$id)) {
            const functionName = CreateFunctionName(schema.$id);
            if (state.functions.has(functionName)) {
                return yield `${functionName}(${value})`;
            }
            else {
                // Note: In the case of cyclic types, we need to create a 'functions' record
                // to prevent infinitely re-visiting the CreateFunction. Subsequent attempts
                // to visit will be caught by the above condition.
                state.functions.set(functionName, '<deferred>');
                const functionCode = CreateFunction(functionName, schema, references, 'value', false);
                state.functions.set(functionName, functionCode);
                return yield `${functionName}(${value})`;
            }
        }
        switch (schema_[symbols/* Kind */.b8]) {
            case 'Any':
                return yield* FromAny(schema_, references_, value);
            case 'Argument':
                return yield* FromArgument(schema_, references_, value);
            case 'Array':
                return yield* FromArray(schema_, references_, value);
            case 'AsyncIterator':
                return yield* FromAsyncIterator(schema_, references_, value);
            case 'BigInt':
                return yield* FromBigInt(schema_, references_, value);
            case 'Boolean':
                return yield* FromBoolean(schema_, references_, value);
            case 'Constructor':
                return yield* FromConstructor(schema_, references_, value);
            case 'Date':
                return yield* FromDate(schema_, references_, value);
            case 'Function':
                return yield* FromFunction(schema_, references_, value);
            case 'Import':
                return yield* FromImport(schema_, references_, value);
            case 'Integer':
                return yield* FromInteger(schema_, references_, value);
            case 'Intersect':
                return yield* FromIntersect(schema_, references_, value);
            case 'Iterator':
                return yield* FromIterator(schema_, references_, value);
            case 'Literal':
                return yield* FromLiteral(schema_, references_, value);
            case 'Never':
                return yield* FromNever(schema_, references_, value);
            case 'Not':
                return yield* FromNot(schema_, references_, value);
            case 'Null':
                return yield* FromNull(schema_, references_, value);
            case 'Number':
                return yield* FromNumber(schema_, references_, value);
            case 'Object':
                return yield* FromObject(schema_, references_, value);
            case 'Promise':
                return yield* FromPromise(schema_, references_, value);
            case 'Record':
                return yield* FromRecord(schema_, references_, value);
            case 'Ref':
                return yield* FromRef(schema_, references_, value);
            case 'RegExp':
                return yield* FromRegExp(schema_, references_, value);
            case 'String':
                return yield* FromString(schema_, references_, value);
            case 'Symbol':
                return yield* FromSymbol(schema_, references_, value);
            case 'TemplateLiteral':
                return yield* FromTemplateLiteral(schema_, references_, value);
            case 'This':
                return yield* FromThis(schema_, references_, value);
            case 'Tuple':
                return yield* FromTuple(schema_, references_, value);
            case 'Undefined':
                return yield* FromUndefined(schema_, references_, value);
            case 'Union':
                return yield* FromUnion(schema_, references_, value);
            case 'Uint8Array':
                return yield* FromUint8Array(schema_, references_, value);
            case 'Unknown':
                return yield* FromUnknown(schema_, references_, value);
            case 'Void':
                return yield* FromVoid(schema_, references_, value);
            default:
                if (!type_Has(schema_[symbols/* Kind */.b8]))
                    throw new TypeCompilerUnknownTypeError(schema);
                return yield* FromKind(schema_, references_, value);
        }
    }
    // ----------------------------------------------------------------
    // Compiler State
    // ----------------------------------------------------------------
    // prettier-ignore
    const state = {
        language: 'javascript', // target language
        functions: new Map(), // local functions
        variables: new Map(), // local variables
        instances: new Map() // exterior kind instances
    };
    // ----------------------------------------------------------------
    // Compiler Factory
    // ----------------------------------------------------------------
    function CreateExpression(schema, references, value, useHoisting = true) {
        return `(${[...Visit(schema, references, value, useHoisting)].join(' && ')})`;
    }
    function CreateFunctionName($id) {
        return `check_${Identifier.Encode($id)}`;
    }
    function CreateVariable(expression) {
        const variableName = `local_${state.variables.size}`;
        state.variables.set(variableName, `const ${variableName} = ${expression}`);
        return variableName;
    }
    function CreateFunction(name, schema, references, value, useHoisting = true) {
        const [newline, pad] = ['\n', (length) => ''.padStart(length, ' ')];
        const parameter = CreateParameter('value', 'any');
        const returns = CreateReturns('boolean');
        const expression = [...Visit(schema, references, value, useHoisting)].map((expression) => `${pad(4)}${expression}`).join(` &&${newline}`);
        return `function ${name}(${parameter})${returns} {${newline}${pad(2)}return (${newline}${expression}${newline}${pad(2)})\n}`;
    }
    function CreateParameter(name, type) {
        const annotation = state.language === 'typescript' ? `: ${type}` : '';
        return `${name}${annotation}`;
    }
    function CreateReturns(type) {
        return state.language === 'typescript' ? `: ${type}` : '';
    }
    // ----------------------------------------------------------------
    // Compile
    // ----------------------------------------------------------------
    function Build(schema, references, options) {
        const functionCode = CreateFunction('check', schema, references, 'value'); // will populate functions and variables
        const parameter = CreateParameter('value', 'any');
        const returns = CreateReturns('boolean');
        const functions = [...state.functions.values()];
        const variables = [...state.variables.values()];
        // prettier-ignore
        const checkFunction = (0,guard/* IsString */.IP)(schema.$id) // ensure top level schemas with $id's are hoisted
            ? `return function check(${parameter})${returns} {\n  return ${CreateFunctionName(schema.$id)}(value)\n}`
            : `return ${functionCode}`;
        return [...variables, ...functions, checkFunction].join('\n');
    }
    /** Generates the code used to assert this type and returns it as a string */
    function Code(...args) {
        const defaults = { language: 'javascript' };
        // prettier-ignore
        const [schema, references, options] = (args.length === 2 && (0,guard/* IsArray */.QS)(args[1]) ? [args[0], args[1], defaults] :
            args.length === 2 && !(0,guard/* IsArray */.QS)(args[1]) ? [args[0], [], args[1]] :
                args.length === 3 ? [args[0], args[1], args[2]] :
                    args.length === 1 ? [args[0], [], defaults] :
                        [null, [], defaults]);
        // compiler-reset
        state.language = options.language;
        state.variables.clear();
        state.functions.clear();
        state.instances.clear();
        if (!(0,guard_type/* IsSchema */.Yi)(schema))
            throw new TypeCompilerTypeGuardError(schema);
        for (const schema of references)
            if (!(0,guard_type/* IsSchema */.Yi)(schema))
                throw new TypeCompilerTypeGuardError(schema);
        return Build(schema, references, options);
    }
    TypeCompiler.Code = Code;
    /** Compiles a TypeBox type for optimal runtime type checking. Types must be valid TypeBox types of TSchema */
    function Compile(schema, references = []) {
        const generatedCode = Code(schema, references, { language: 'javascript' });
        const compiledFunction = Evaluate('kind', 'format', 'hash', generatedCode);
        const instances = new Map(state.instances);
        function typeRegistryFunction(kind, instance, value) {
            if (!type_Has(kind) || !instances.has(instance))
                return false;
            const checkFunc = type_Get(kind);
            const schema = instances.get(instance);
            return checkFunc(schema, value);
        }
        function formatRegistryFunction(format, value) {
            if (!Has(format))
                return false;
            const checkFunc = Get(format);
            return checkFunc(value);
        }
        function hashFunction(value) {
            return Hash(value);
        }
        const checkFunction = compiledFunction(typeRegistryFunction, formatRegistryFunction, hashFunction);
        return new TypeCheck(schema, references, checkFunction, generatedCode);
    }
    TypeCompiler.Compile = Compile;
})(TypeCompiler || (TypeCompiler = {}));

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
var types = __nccwpck_require__(71855);
;// CONCATENATED MODULE: ./src/core/report/schema.ts






/**
 * Every report's schema is written once, here and in each stage's `report-schema.ts`, with TypeBox:
 * the JSON Schema (committed under schemas/, validated before every write) and the TypeScript type
 * (`Static<typeof …>`) come from the same declaration, so code and schema cannot drift apart.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
if (!Has('date-time'))
    format_Set('date-time', (v) => DATE_TIME.test(v) && !isNaN(Date.parse(v)));
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
    for (const e of Errors(schema, value)) {
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
const registeredFormat = (format, value) => Get(format)?.(value) ?? false;
/**
 * The check scripts/docs.ts compiled ahead of time from this very schema, or undefined: compiling one
 * at run time costs each process ~7 ms and ~4.5 MB. A schema that differs from the one the check
 * was compiled from (edited since `npm run docs`, or a test's own) has a different fingerprint.
 */
function precompiledCheck(schema) {
    const entry = typeof schema.$id === 'string' ? REPORT_CHECKS[schema.$id] : undefined;
    if (!entry || entry.fingerprint !== schemaFingerprint(schema))
        return undefined;
    return entry.factory(noCustomKind, registeredFormat, Hash);
}
const checks = new WeakMap();
function compiledCheck(schema) {
    const compiled = TypeCompiler.Compile(schema);
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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

/***/ 74910:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _: () => (/* binding */ USER_AGENT),
  x: () => (/* binding */ VERSION)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/core/version.ts

const VERSION = package_namespaceObject.rE;
const USER_AGENT = `shipkit/${VERSION}`;


/***/ }),

/***/ 40796:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ STAGES)
/* harmony export */ });
/* unused harmony export stageEntry */
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
        load: async () => stage((await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(6), __nccwpck_require__.e(404), __nccwpck_require__.e(161)]).then(__nccwpck_require__.bind(__nccwpck_require__, 79161))).testStage),
    },
    {
        name: 'scan',
        title: 'Scan',
        actionDir: 'scan',
        load: async () => stage((await Promise.all(/* import() */[__nccwpck_require__.e(920), __nccwpck_require__.e(889), __nccwpck_require__.e(201)]).then(__nccwpck_require__.bind(__nccwpck_require__, 59201))).scanStage),
    },
    {
        name: 'docker',
        title: 'Docker',
        actionDir: 'docker',
        load: async () => stage((await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(175), __nccwpck_require__.e(898)]).then(__nccwpck_require__.bind(__nccwpck_require__, 49898))).dockerStage),
    },
    {
        name: 'migrate',
        title: 'Migrate',
        actionDir: 'migrate',
        load: async () => stage((await __nccwpck_require__.e(/* import() */ 604).then(__nccwpck_require__.bind(__nccwpck_require__, 55604))).migrateStage),
    },
    {
        name: 'smoke',
        title: 'Smoke',
        actionDir: 'smoke',
        load: async () => stage((await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(463), __nccwpck_require__.e(498)]).then(__nccwpck_require__.bind(__nccwpck_require__, 66498))).smokeStage),
    },
    {
        name: 'approve',
        title: 'Approve',
        actionDir: 'approve',
        load: async () => stage((await __nccwpck_require__.e(/* import() */ 580).then(__nccwpck_require__.bind(__nccwpck_require__, 60580))).approveStage),
    },
    {
        name: 'report',
        title: 'Report',
        actionDir: '.',
        load: async () => stage((await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(13)]).then(__nccwpck_require__.bind(__nccwpck_require__, 13013))).reportStage),
    },
];
function stageEntry(name, stages = STAGES) {
    return stages.find((s) => s.name === name);
}


/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 53916:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path/posix");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 78877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 98253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 22222:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ TypeSystemPolicy)
/* harmony export */ });
/* harmony import */ var _value_guard_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(25129);

var TypeSystemPolicy;
(function (TypeSystemPolicy) {
    // ------------------------------------------------------------------
    // TypeSystemPolicy: Instancing
    // ------------------------------------------------------------------
    /**
     * Configures the instantiation behavior of TypeBox types. The `default` option assigns raw JavaScript
     * references for embedded types, which may cause side effects if type properties are explicitly updated
     * outside the TypeBox type builder. The `clone` option creates copies of any shared types upon creation,
     * preventing unintended side effects. The `freeze` option applies `Object.freeze()` to the type, making
     * it fully readonly and immutable. Implementations should use `default` whenever possible, as it is the
     * fastest way to instantiate types. The default setting is `default`.
     */
    TypeSystemPolicy.InstanceMode = 'default';
    // ------------------------------------------------------------------
    // TypeSystemPolicy: Checking
    // ------------------------------------------------------------------
    /** Sets whether TypeBox should assert optional properties using the TypeScript `exactOptionalPropertyTypes` assertion policy. The default is `false` */
    TypeSystemPolicy.ExactOptionalPropertyTypes = false;
    /** Sets whether arrays should be treated as a kind of objects. The default is `false` */
    TypeSystemPolicy.AllowArrayObject = false;
    /** Sets whether `NaN` or `Infinity` should be treated as valid numeric values. The default is `false` */
    TypeSystemPolicy.AllowNaN = false;
    /** Sets whether `null` should validate for void types. The default is `false` */
    TypeSystemPolicy.AllowNullVoid = false;
    /** Checks this value using the ExactOptionalPropertyTypes policy */
    function IsExactOptionalProperty(value, key) {
        return TypeSystemPolicy.ExactOptionalPropertyTypes ? key in value : value[key] !== undefined;
    }
    TypeSystemPolicy.IsExactOptionalProperty = IsExactOptionalProperty;
    /** Checks this value using the AllowArrayObjects policy */
    function IsObjectLike(value) {
        const isObject = (0,_value_guard_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av)(value);
        return TypeSystemPolicy.AllowArrayObject ? isObject : isObject && !(0,_value_guard_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS)(value);
    }
    TypeSystemPolicy.IsObjectLike = IsObjectLike;
    /** Checks this value as a record using the AllowArrayObjects policy */
    function IsRecordLike(value) {
        return IsObjectLike(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
    }
    TypeSystemPolicy.IsRecordLike = IsRecordLike;
    /** Checks this value using the AllowNaN policy */
    function IsNumberLike(value) {
        return TypeSystemPolicy.AllowNaN ? (0,_value_guard_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx)(value) : Number.isFinite(value);
    }
    TypeSystemPolicy.IsNumberLike = IsNumberLike;
    /** Checks this value using the AllowVoidNull policy */
    function IsVoidLike(value) {
        const isUndefined = (0,_value_guard_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1)(value);
        return TypeSystemPolicy.AllowNullVoid ? isUndefined || value === null : isUndefined;
    }
    TypeSystemPolicy.IsVoidLike = IsVoidLike;
})(TypeSystemPolicy || (TypeSystemPolicy = {}));


/***/ }),

/***/ 52086:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ Clone)
/* harmony export */ });
/* harmony import */ var _guard_value_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(46266);

function ArrayType(value) {
    return value.map((value) => Visit(value));
}
function DateType(value) {
    return new Date(value.getTime());
}
function Uint8ArrayType(value) {
    return new Uint8Array(value);
}
function RegExpType(value) {
    return new RegExp(value.source, value.flags);
}
function ObjectType(value) {
    const result = {};
    for (const key of Object.getOwnPropertyNames(value)) {
        result[key] = Visit(value[key]);
    }
    for (const key of Object.getOwnPropertySymbols(value)) {
        result[key] = Visit(value[key]);
    }
    return result;
}
// prettier-ignore
function Visit(value) {
    return (_guard_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value) ? ArrayType(value) :
        _guard_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsDate */ .XF(value) ? DateType(value) :
            _guard_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUint8Array */ .G4(value) ? Uint8ArrayType(value) :
                _guard_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsRegExp */ .__(value) ? RegExpType(value) :
                    _guard_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) ? ObjectType(value) :
                        value);
}
/** Clones a value */
function Clone(value) {
    return Visit(value);
}


/***/ }),

/***/ 49214:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ Computed)
/* harmony export */ });
/* harmony import */ var _create_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8749);
/* harmony import */ var _symbols_symbols_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57946);


/** `[Internal]` Creates a deferred computed type. This type is used exclusively in modules to defer resolution of computable types that contain interior references  */
function Computed(target, parameters, options) {
    return (0,_create_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .CreateType */ .v)({ [_symbols_symbols_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8]: 'Computed', target, parameters }, options);
}


/***/ }),

/***/ 8749:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  v: () => (/* binding */ CreateType)
});

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/system/policy.mjs
var policy = __nccwpck_require__(22222);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/value.mjs
var guard_value = __nccwpck_require__(46266);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/create/immutable.mjs

function ImmutableArray(value) {
    return globalThis.Object.freeze(value).map((value) => Immutable(value));
}
function ImmutableDate(value) {
    return value;
}
function ImmutableUint8Array(value) {
    return value;
}
function ImmutableRegExp(value) {
    return value;
}
function ImmutableObject(value) {
    const result = {};
    for (const key of Object.getOwnPropertyNames(value)) {
        result[key] = Immutable(value[key]);
    }
    for (const key of Object.getOwnPropertySymbols(value)) {
        result[key] = Immutable(value[key]);
    }
    return globalThis.Object.freeze(result);
}
/** Specialized deep immutable value. Applies freeze recursively to the given value */
// prettier-ignore
function Immutable(value) {
    return (guard_value/* IsArray */.QS(value) ? ImmutableArray(value) :
        guard_value/* IsDate */.XF(value) ? ImmutableDate(value) :
            guard_value/* IsUint8Array */.G4(value) ? ImmutableUint8Array(value) :
                guard_value/* IsRegExp */.__(value) ? ImmutableRegExp(value) :
                    guard_value/* IsObject */.av(value) ? ImmutableObject(value) :
                        value);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/clone/value.mjs
var value = __nccwpck_require__(52086);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/create/type.mjs



/** Creates TypeBox schematics using the configured InstanceMode */
function CreateType(schema, options) {
    const result = options !== undefined ? { ...options, ...schema } : schema;
    switch (policy/* TypeSystemPolicy */.Q.InstanceMode) {
        case 'freeze':
            return Immutable(result);
        case 'clone':
            return (0,value/* Clone */.i)(result);
        default:
            return result;
    }
}


/***/ }),

/***/ 31686:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ Discard)
/* harmony export */ });
function DiscardKey(value, key) {
    const { [key]: _, ...rest } = value;
    return rest;
}
/** Discards property keys from the given value. This function returns a shallow Clone. */
function Discard(value, keys) {
    return keys.reduce((acc, key) => DiscardKey(acc, key), value);
}


/***/ }),

/***/ 79686:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ TypeBoxError)
/* harmony export */ });
/** The base Error type thrown for all TypeBox exceptions  */
class TypeBoxError extends Error {
    constructor(message) {
        super(message);
    }
}


/***/ }),

/***/ 14961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ IsInteger),
/* harmony export */   Cz: () => (/* binding */ IsArgument),
/* harmony export */   Df: () => (/* binding */ IsNever),
/* harmony export */   Ef: () => (/* binding */ IsNull),
/* harmony export */   H1: () => (/* binding */ IsAsyncIterator),
/* harmony export */   IP: () => (/* binding */ IsString),
/* harmony export */   Mx: () => (/* binding */ IsNumber),
/* harmony export */   OD: () => (/* binding */ IsPromise),
/* harmony export */   PN: () => (/* binding */ IsTuple),
/* harmony export */   QS: () => (/* binding */ IsArray),
/* harmony export */   R1: () => (/* binding */ IsUndefined),
/* harmony export */   TC: () => (/* binding */ IsReadonly),
/* harmony export */   X$: () => (/* binding */ IsOptional),
/* harmony export */   Y6: () => (/* binding */ IsComputed),
/* harmony export */   Yi: () => (/* binding */ IsSchema),
/* harmony export */   Yq: () => (/* binding */ IsIntersect),
/* harmony export */   ZD: () => (/* binding */ IsMappedResult),
/* harmony export */   ZV: () => (/* binding */ IsConstructor),
/* harmony export */   Zx: () => (/* binding */ IsBoolean),
/* harmony export */   __: () => (/* binding */ IsRegExp),
/* harmony export */   av: () => (/* binding */ IsObject),
/* harmony export */   cQ: () => (/* binding */ IsBigInt),
/* harmony export */   cZ: () => (/* binding */ IsRecord),
/* harmony export */   fJ: () => (/* binding */ IsLiteralValue),
/* harmony export */   gP: () => (/* binding */ IsLiteral),
/* harmony export */   gm: () => (/* binding */ IsTemplateLiteral),
/* harmony export */   h4: () => (/* binding */ IsAny),
/* harmony export */   hg: () => (/* binding */ IsFunction),
/* harmony export */   "in": () => (/* binding */ IsRef),
/* harmony export */   jo: () => (/* binding */ IsIterator),
/* harmony export */   my: () => (/* binding */ IsUnion),
/* harmony export */   nH: () => (/* binding */ IsSymbol),
/* harmony export */   n_: () => (/* binding */ IsTransform),
/* harmony export */   zZ: () => (/* binding */ IsMappedKey)
/* harmony export */ });
/* unused harmony exports IsDate, IsImport, IsProperties, IsKindOf, IsLiteralString, IsLiteralNumber, IsLiteralBoolean, IsNot, IsRecursive, IsThis, IsUint8Array, IsUnknown, IsUnsafe, IsVoid, IsKind */
/* harmony import */ var _value_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(46266);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57946);


/** `[Kind-Only]` Returns true if this value has a Readonly symbol */
function IsReadonly(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .ReadonlyKind */ .hi] === 'Readonly';
}
/** `[Kind-Only]` Returns true if this value has a Optional symbol */
function IsOptional(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .OptionalKind */ .tJ] === 'Optional';
}
/** `[Kind-Only]` Returns true if the given value is TAny */
function IsAny(value) {
    return IsKindOf(value, 'Any');
}
/** `[Kind-Only]` Returns true if the given value is TArgument */
function IsArgument(value) {
    return IsKindOf(value, 'Argument');
}
/** `[Kind-Only]` Returns true if the given value is TArray */
function IsArray(value) {
    return IsKindOf(value, 'Array');
}
/** `[Kind-Only]` Returns true if the given value is TAsyncIterator */
function IsAsyncIterator(value) {
    return IsKindOf(value, 'AsyncIterator');
}
/** `[Kind-Only]` Returns true if the given value is TBigInt */
function IsBigInt(value) {
    return IsKindOf(value, 'BigInt');
}
/** `[Kind-Only]` Returns true if the given value is TBoolean */
function IsBoolean(value) {
    return IsKindOf(value, 'Boolean');
}
/** `[Kind-Only]` Returns true if the given value is TComputed */
function IsComputed(value) {
    return IsKindOf(value, 'Computed');
}
/** `[Kind-Only]` Returns true if the given value is TConstructor */
function IsConstructor(value) {
    return IsKindOf(value, 'Constructor');
}
/** `[Kind-Only]` Returns true if the given value is TDate */
function IsDate(value) {
    return IsKindOf(value, 'Date');
}
/** `[Kind-Only]` Returns true if the given value is TFunction */
function IsFunction(value) {
    return IsKindOf(value, 'Function');
}
/** `[Kind-Only]` Returns true if the given value is TInteger */
function IsImport(value) {
    return IsKindOf(value, 'Import');
}
/** `[Kind-Only]` Returns true if the given value is TInteger */
function IsInteger(value) {
    return IsKindOf(value, 'Integer');
}
/** `[Kind-Only]` Returns true if the given schema is TProperties */
function IsProperties(value) {
    return ValueGuard.IsObject(value);
}
/** `[Kind-Only]` Returns true if the given value is TIntersect */
function IsIntersect(value) {
    return IsKindOf(value, 'Intersect');
}
/** `[Kind-Only]` Returns true if the given value is TIterator */
function IsIterator(value) {
    return IsKindOf(value, 'Iterator');
}
/** `[Kind-Only]` Returns true if the given value is a TKind with the given name. */
function IsKindOf(value, kind) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8 in value && value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8] === kind;
}
/** `[Kind-Only]` Returns true if the given value is TLiteral<string> */
function IsLiteralString(value) {
    return IsLiteral(value) && ValueGuard.IsString(value.const);
}
/** `[Kind-Only]` Returns true if the given value is TLiteral<number> */
function IsLiteralNumber(value) {
    return IsLiteral(value) && ValueGuard.IsNumber(value.const);
}
/** `[Kind-Only]` Returns true if the given value is TLiteral<boolean> */
function IsLiteralBoolean(value) {
    return IsLiteral(value) && ValueGuard.IsBoolean(value.const);
}
/** `[Kind-Only]` Returns true if the given value is TLiteralValue */
function IsLiteralValue(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsBoolean */ .Zx(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value);
}
/** `[Kind-Only]` Returns true if the given value is TLiteral */
function IsLiteral(value) {
    return IsKindOf(value, 'Literal');
}
/** `[Kind-Only]` Returns true if the given value is a TMappedKey */
function IsMappedKey(value) {
    return IsKindOf(value, 'MappedKey');
}
/** `[Kind-Only]` Returns true if the given value is TMappedResult */
function IsMappedResult(value) {
    return IsKindOf(value, 'MappedResult');
}
/** `[Kind-Only]` Returns true if the given value is TNever */
function IsNever(value) {
    return IsKindOf(value, 'Never');
}
/** `[Kind-Only]` Returns true if the given value is TNot */
function IsNot(value) {
    return IsKindOf(value, 'Not');
}
/** `[Kind-Only]` Returns true if the given value is TNull */
function IsNull(value) {
    return IsKindOf(value, 'Null');
}
/** `[Kind-Only]` Returns true if the given value is TNumber */
function IsNumber(value) {
    return IsKindOf(value, 'Number');
}
/** `[Kind-Only]` Returns true if the given value is TObject */
function IsObject(value) {
    return IsKindOf(value, 'Object');
}
/** `[Kind-Only]` Returns true if the given value is TPromise */
function IsPromise(value) {
    return IsKindOf(value, 'Promise');
}
/** `[Kind-Only]` Returns true if the given value is TRecord */
function IsRecord(value) {
    return IsKindOf(value, 'Record');
}
/** `[Kind-Only]` Returns true if this value is TRecursive */
function IsRecursive(value) {
    return ValueGuard.IsObject(value) && Hint in value && value[Hint] === 'Recursive';
}
/** `[Kind-Only]` Returns true if the given value is TRef */
function IsRef(value) {
    return IsKindOf(value, 'Ref');
}
/** `[Kind-Only]` Returns true if the given value is TRegExp */
function IsRegExp(value) {
    return IsKindOf(value, 'RegExp');
}
/** `[Kind-Only]` Returns true if the given value is TString */
function IsString(value) {
    return IsKindOf(value, 'String');
}
/** `[Kind-Only]` Returns true if the given value is TSymbol */
function IsSymbol(value) {
    return IsKindOf(value, 'Symbol');
}
/** `[Kind-Only]` Returns true if the given value is TTemplateLiteral */
function IsTemplateLiteral(value) {
    return IsKindOf(value, 'TemplateLiteral');
}
/** `[Kind-Only]` Returns true if the given value is TThis */
function IsThis(value) {
    return IsKindOf(value, 'This');
}
/** `[Kind-Only]` Returns true of this value is TTransform */
function IsTransform(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .TransformKind */ .H7 in value;
}
/** `[Kind-Only]` Returns true if the given value is TTuple */
function IsTuple(value) {
    return IsKindOf(value, 'Tuple');
}
/** `[Kind-Only]` Returns true if the given value is TUndefined */
function IsUndefined(value) {
    return IsKindOf(value, 'Undefined');
}
/** `[Kind-Only]` Returns true if the given value is TUnion */
function IsUnion(value) {
    return IsKindOf(value, 'Union');
}
/** `[Kind-Only]` Returns true if the given value is TUint8Array */
function IsUint8Array(value) {
    return IsKindOf(value, 'Uint8Array');
}
/** `[Kind-Only]` Returns true if the given value is TUnknown */
function IsUnknown(value) {
    return IsKindOf(value, 'Unknown');
}
/** `[Kind-Only]` Returns true if the given value is a raw TUnsafe */
function IsUnsafe(value) {
    return IsKindOf(value, 'Unsafe');
}
/** `[Kind-Only]` Returns true if the given value is TVoid */
function IsVoid(value) {
    return IsKindOf(value, 'Void');
}
/** `[Kind-Only]` Returns true if the given value is TKind */
function IsKind(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8 in value && _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8]);
}
/** `[Kind-Only]` Returns true if the given value is TSchema */
function IsSchema(value) {
    // prettier-ignore
    return (IsAny(value) ||
        IsArgument(value) ||
        IsArray(value) ||
        IsBoolean(value) ||
        IsBigInt(value) ||
        IsAsyncIterator(value) ||
        IsComputed(value) ||
        IsConstructor(value) ||
        IsDate(value) ||
        IsFunction(value) ||
        IsInteger(value) ||
        IsIntersect(value) ||
        IsIterator(value) ||
        IsLiteral(value) ||
        IsMappedKey(value) ||
        IsMappedResult(value) ||
        IsNever(value) ||
        IsNot(value) ||
        IsNull(value) ||
        IsNumber(value) ||
        IsObject(value) ||
        IsPromise(value) ||
        IsRecord(value) ||
        IsRef(value) ||
        IsRegExp(value) ||
        IsString(value) ||
        IsSymbol(value) ||
        IsTemplateLiteral(value) ||
        IsThis(value) ||
        IsTuple(value) ||
        IsUndefined(value) ||
        IsUnion(value) ||
        IsUint8Array(value) ||
        IsUnknown(value) ||
        IsUnsafe(value) ||
        IsVoid(value) ||
        IsKind(value));
}


/***/ }),

/***/ 14819:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ IsInteger),
/* harmony export */   Df: () => (/* binding */ IsNever),
/* harmony export */   Ef: () => (/* binding */ IsNull),
/* harmony export */   G4: () => (/* binding */ IsUint8Array),
/* harmony export */   H1: () => (/* binding */ IsAsyncIterator),
/* harmony export */   IP: () => (/* binding */ IsString),
/* harmony export */   LV: () => (/* binding */ IsLiteralNumber),
/* harmony export */   Mx: () => (/* binding */ IsNumber),
/* harmony export */   OD: () => (/* binding */ IsPromise),
/* harmony export */   PN: () => (/* binding */ IsTuple),
/* harmony export */   QS: () => (/* binding */ IsArray),
/* harmony export */   R1: () => (/* binding */ IsUndefined),
/* harmony export */   Wy: () => (/* binding */ IsLiteralBoolean),
/* harmony export */   X$: () => (/* binding */ IsOptional),
/* harmony export */   XF: () => (/* binding */ IsDate),
/* harmony export */   Yi: () => (/* binding */ IsSchema),
/* harmony export */   Yq: () => (/* binding */ IsIntersect),
/* harmony export */   ZV: () => (/* binding */ IsConstructor),
/* harmony export */   Zs: () => (/* binding */ IsLiteralString),
/* harmony export */   Zx: () => (/* binding */ IsBoolean),
/* harmony export */   __: () => (/* binding */ IsRegExp),
/* harmony export */   av: () => (/* binding */ IsObject),
/* harmony export */   cQ: () => (/* binding */ IsBigInt),
/* harmony export */   cZ: () => (/* binding */ IsRecord),
/* harmony export */   fr: () => (/* binding */ IsUnknown),
/* harmony export */   gK: () => (/* binding */ IsNot),
/* harmony export */   gP: () => (/* binding */ IsLiteral),
/* harmony export */   gm: () => (/* binding */ IsTemplateLiteral),
/* harmony export */   h4: () => (/* binding */ IsAny),
/* harmony export */   hg: () => (/* binding */ IsFunction),
/* harmony export */   jo: () => (/* binding */ IsIterator),
/* harmony export */   jw: () => (/* binding */ IsVoid),
/* harmony export */   my: () => (/* binding */ IsUnion),
/* harmony export */   nH: () => (/* binding */ IsSymbol)
/* harmony export */ });
/* unused harmony exports TypeGuardUnknownTypeError, IsReadonly, IsArgument, IsComputed, IsImport, IsProperties, IsKindOf, IsLiteralValue, IsMappedKey, IsMappedResult, IsRecursive, IsRef, IsThis, IsTransform, IsUnionLiteral, IsUnsafe, IsKind */
/* harmony import */ var _value_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(46266);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57946);



class TypeGuardUnknownTypeError extends (/* unused pure expression or super */ null && (TypeBoxError)) {
}
const KnownTypes = [
    'Argument',
    'Any',
    'Array',
    'AsyncIterator',
    'BigInt',
    'Boolean',
    'Computed',
    'Constructor',
    'Date',
    'Enum',
    'Function',
    'Integer',
    'Intersect',
    'Iterator',
    'Literal',
    'MappedKey',
    'MappedResult',
    'Not',
    'Null',
    'Number',
    'Object',
    'Promise',
    'Record',
    'Ref',
    'RegExp',
    'String',
    'Symbol',
    'TemplateLiteral',
    'This',
    'Tuple',
    'Undefined',
    'Union',
    'Uint8Array',
    'Unknown',
    'Void',
];
function IsPattern(value) {
    try {
        new RegExp(value);
        return true;
    }
    catch {
        return false;
    }
}
function IsControlCharacterFree(value) {
    if (!_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value))
        return false;
    for (let i = 0; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if ((code >= 7 && code <= 13) || code === 27 || code === 127) {
            return false;
        }
    }
    return true;
}
function IsAdditionalProperties(value) {
    return IsOptionalBoolean(value) || IsSchema(value);
}
function IsOptionalBigInt(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsBigInt */ .cQ(value);
}
function IsOptionalNumber(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(value);
}
function IsOptionalBoolean(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsBoolean */ .Zx(value);
}
function IsOptionalString(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value);
}
function IsOptionalPattern(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value) || (_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value) && IsControlCharacterFree(value) && IsPattern(value));
}
function IsOptionalFormat(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value) || (_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value) && IsControlCharacterFree(value));
}
function IsOptionalSchema(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value) || IsSchema(value);
}
// ------------------------------------------------------------------
// Modifiers
// ------------------------------------------------------------------
/** Returns true if this value has a Readonly symbol */
function IsReadonly(value) {
    return ValueGuard.IsObject(value) && value[ReadonlyKind] === 'Readonly';
}
/** Returns true if this value has a Optional symbol */
function IsOptional(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .OptionalKind */ .tJ] === 'Optional';
}
// ------------------------------------------------------------------
// Types
// ------------------------------------------------------------------
/** Returns true if the given value is TAny */
function IsAny(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Any') &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TArgument */
function IsArgument(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Argument') &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(value.index));
}
/** Returns true if the given value is TArray */
function IsArray(value) {
    return (IsKindOf(value, 'Array') &&
        value.type === 'array' &&
        IsOptionalString(value.$id) &&
        IsSchema(value.items) &&
        IsOptionalNumber(value.minItems) &&
        IsOptionalNumber(value.maxItems) &&
        IsOptionalBoolean(value.uniqueItems) &&
        IsOptionalSchema(value.contains) &&
        IsOptionalNumber(value.minContains) &&
        IsOptionalNumber(value.maxContains));
}
/** Returns true if the given value is TAsyncIterator */
function IsAsyncIterator(value) {
    // prettier-ignore
    return (IsKindOf(value, 'AsyncIterator') &&
        value.type === 'AsyncIterator' &&
        IsOptionalString(value.$id) &&
        IsSchema(value.items));
}
/** Returns true if the given value is TBigInt */
function IsBigInt(value) {
    // prettier-ignore
    return (IsKindOf(value, 'BigInt') &&
        value.type === 'bigint' &&
        IsOptionalString(value.$id) &&
        IsOptionalBigInt(value.exclusiveMaximum) &&
        IsOptionalBigInt(value.exclusiveMinimum) &&
        IsOptionalBigInt(value.maximum) &&
        IsOptionalBigInt(value.minimum) &&
        IsOptionalBigInt(value.multipleOf));
}
/** Returns true if the given value is TBoolean */
function IsBoolean(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Boolean') &&
        value.type === 'boolean' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TComputed */
function IsComputed(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Computed') &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.target) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value.parameters) &&
        value.parameters.every((schema) => IsSchema(schema)));
}
/** Returns true if the given value is TConstructor */
function IsConstructor(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Constructor') &&
        value.type === 'Constructor' &&
        IsOptionalString(value.$id) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value.parameters) &&
        value.parameters.every(schema => IsSchema(schema)) &&
        IsSchema(value.returns));
}
/** Returns true if the given value is TDate */
function IsDate(value) {
    return (IsKindOf(value, 'Date') &&
        value.type === 'Date' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.exclusiveMaximumTimestamp) &&
        IsOptionalNumber(value.exclusiveMinimumTimestamp) &&
        IsOptionalNumber(value.maximumTimestamp) &&
        IsOptionalNumber(value.minimumTimestamp) &&
        IsOptionalNumber(value.multipleOfTimestamp));
}
/** Returns true if the given value is TFunction */
function IsFunction(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Function') &&
        value.type === 'Function' &&
        IsOptionalString(value.$id) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value.parameters) &&
        value.parameters.every(schema => IsSchema(schema)) &&
        IsSchema(value.returns));
}
/** Returns true if the given value is TImport */
function IsImport(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Import') &&
        ValueGuard.HasPropertyKey(value, '$defs') &&
        ValueGuard.IsObject(value.$defs) &&
        IsProperties(value.$defs) &&
        ValueGuard.HasPropertyKey(value, '$ref') &&
        ValueGuard.IsString(value.$ref) &&
        value.$ref in value.$defs // required
    );
}
/** Returns true if the given value is TInteger */
function IsInteger(value) {
    return (IsKindOf(value, 'Integer') &&
        value.type === 'integer' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.exclusiveMaximum) &&
        IsOptionalNumber(value.exclusiveMinimum) &&
        IsOptionalNumber(value.maximum) &&
        IsOptionalNumber(value.minimum) &&
        IsOptionalNumber(value.multipleOf));
}
/** Returns true if the given schema is TProperties */
function IsProperties(value) {
    // prettier-ignore
    return (_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) &&
        Object.entries(value).every(([key, schema]) => IsControlCharacterFree(key) && IsSchema(schema)));
}
/** Returns true if the given value is TIntersect */
function IsIntersect(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Intersect') &&
        (_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.type) && value.type !== 'object' ? false : true) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value.allOf) &&
        value.allOf.every(schema => IsSchema(schema) && !IsTransform(schema)) &&
        IsOptionalString(value.type) &&
        (IsOptionalBoolean(value.unevaluatedProperties) || IsOptionalSchema(value.unevaluatedProperties)) &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TIterator */
function IsIterator(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Iterator') &&
        value.type === 'Iterator' &&
        IsOptionalString(value.$id) &&
        IsSchema(value.items));
}
/** Returns true if the given value is a TKind with the given name. */
function IsKindOf(value, kind) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8 in value && value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8] === kind;
}
/** Returns true if the given value is TLiteral<string> */
function IsLiteralString(value) {
    return IsLiteral(value) && _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.const);
}
/** Returns true if the given value is TLiteral<number> */
function IsLiteralNumber(value) {
    return IsLiteral(value) && _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(value.const);
}
/** Returns true if the given value is TLiteral<boolean> */
function IsLiteralBoolean(value) {
    return IsLiteral(value) && _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsBoolean */ .Zx(value.const);
}
/** Returns true if the given value is TLiteral */
function IsLiteral(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Literal') &&
        IsOptionalString(value.$id) && IsLiteralValue(value.const));
}
/** Returns true if the given value is a TLiteralValue */
function IsLiteralValue(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsBoolean */ .Zx(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(value) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value);
}
/** Returns true if the given value is a TMappedKey */
function IsMappedKey(value) {
    // prettier-ignore
    return (IsKindOf(value, 'MappedKey') &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value.keys) &&
        value.keys.every(key => _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(key) || _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(key)));
}
/** Returns true if the given value is TMappedResult */
function IsMappedResult(value) {
    // prettier-ignore
    return (IsKindOf(value, 'MappedResult') &&
        IsProperties(value.properties));
}
/** Returns true if the given value is TNever */
function IsNever(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Never') &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value.not) &&
        Object.getOwnPropertyNames(value.not).length === 0);
}
/** Returns true if the given value is TNot */
function IsNot(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Not') &&
        IsSchema(value.not));
}
/** Returns true if the given value is TNull */
function IsNull(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Null') &&
        value.type === 'null' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TNumber */
function IsNumber(value) {
    return (IsKindOf(value, 'Number') &&
        value.type === 'number' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.exclusiveMaximum) &&
        IsOptionalNumber(value.exclusiveMinimum) &&
        IsOptionalNumber(value.maximum) &&
        IsOptionalNumber(value.minimum) &&
        IsOptionalNumber(value.multipleOf));
}
/** Returns true if the given value is TObject */
function IsObject(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Object') &&
        value.type === 'object' &&
        IsOptionalString(value.$id) &&
        IsProperties(value.properties) &&
        IsAdditionalProperties(value.additionalProperties) &&
        IsOptionalNumber(value.minProperties) &&
        IsOptionalNumber(value.maxProperties));
}
/** Returns true if the given value is TPromise */
function IsPromise(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Promise') &&
        value.type === 'Promise' &&
        IsOptionalString(value.$id) &&
        IsSchema(value.item));
}
/** Returns true if the given value is TRecord */
function IsRecord(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Record') &&
        value.type === 'object' &&
        IsOptionalString(value.$id) &&
        IsAdditionalProperties(value.additionalProperties) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value.patternProperties) &&
        ((schema) => {
            const keys = Object.getOwnPropertyNames(schema.patternProperties);
            return (keys.length === 1 &&
                IsPattern(keys[0]) &&
                _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(schema.patternProperties) &&
                IsSchema(schema.patternProperties[keys[0]]));
        })(value));
}
/** Returns true if this value is TRecursive */
function IsRecursive(value) {
    return ValueGuard.IsObject(value) && Hint in value && value[Hint] === 'Recursive';
}
/** Returns true if the given value is TRef */
function IsRef(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Ref') &&
        IsOptionalString(value.$id) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.$ref));
}
/** Returns true if the given value is TRegExp */
function IsRegExp(value) {
    // prettier-ignore
    return (IsKindOf(value, 'RegExp') &&
        IsOptionalString(value.$id) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.source) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.flags) &&
        IsOptionalNumber(value.maxLength) &&
        IsOptionalNumber(value.minLength));
}
/** Returns true if the given value is TString */
function IsString(value) {
    // prettier-ignore
    return (IsKindOf(value, 'String') &&
        value.type === 'string' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.minLength) &&
        IsOptionalNumber(value.maxLength) &&
        IsOptionalPattern(value.pattern) &&
        IsOptionalFormat(value.format));
}
/** Returns true if the given value is TSymbol */
function IsSymbol(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Symbol') &&
        value.type === 'symbol' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TTemplateLiteral */
function IsTemplateLiteral(value) {
    // prettier-ignore
    return (IsKindOf(value, 'TemplateLiteral') &&
        value.type === 'string' &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.pattern) &&
        value.pattern[0] === '^' &&
        value.pattern[value.pattern.length - 1] === '$');
}
/** Returns true if the given value is TThis */
function IsThis(value) {
    // prettier-ignore
    return (IsKindOf(value, 'This') &&
        IsOptionalString(value.$id) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value.$ref));
}
/** Returns true of this value is TTransform */
function IsTransform(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .TransformKind */ .H7 in value;
}
/** Returns true if the given value is TTuple */
function IsTuple(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Tuple') &&
        value.type === 'array' &&
        IsOptionalString(value.$id) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(value.minItems) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsNumber */ .Mx(value.maxItems) &&
        value.minItems === value.maxItems &&
        (( // empty
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value.items) &&
            _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsUndefined */ .R1(value.additionalItems) &&
            value.minItems === 0) || (_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value.items) &&
            value.items.every(schema => IsSchema(schema)))));
}
/** Returns true if the given value is TUndefined */
function IsUndefined(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Undefined') &&
        value.type === 'undefined' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TUnion<Literal<string | number>[]> */
function IsUnionLiteral(value) {
    return IsUnion(value) && value.anyOf.every((schema) => IsLiteralString(schema) || IsLiteralNumber(schema));
}
/** Returns true if the given value is TUnion */
function IsUnion(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Union') &&
        IsOptionalString(value.$id) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) &&
        _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsArray */ .QS(value.anyOf) &&
        value.anyOf.every(schema => IsSchema(schema)));
}
/** Returns true if the given value is TUint8Array */
function IsUint8Array(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Uint8Array') &&
        value.type === 'Uint8Array' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.minByteLength) &&
        IsOptionalNumber(value.maxByteLength));
}
/** Returns true if the given value is TUnknown */
function IsUnknown(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Unknown') &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is a raw TUnsafe */
function IsUnsafe(value) {
    return IsKindOf(value, 'Unsafe');
}
/** Returns true if the given value is TVoid */
function IsVoid(value) {
    // prettier-ignore
    return (IsKindOf(value, 'Void') &&
        value.type === 'void' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TKind */
function IsKind(value) {
    return _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value) && _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8 in value && _value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsString */ .IP(value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8]) && !KnownTypes.includes(value[_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8]);
}
/** Returns true if the given value is TSchema */
function IsSchema(value) {
    // prettier-ignore
    return (_value_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av(value)) && (IsAny(value) ||
        IsArgument(value) ||
        IsArray(value) ||
        IsBoolean(value) ||
        IsBigInt(value) ||
        IsAsyncIterator(value) ||
        IsComputed(value) ||
        IsConstructor(value) ||
        IsDate(value) ||
        IsFunction(value) ||
        IsInteger(value) ||
        IsIntersect(value) ||
        IsIterator(value) ||
        IsLiteral(value) ||
        IsMappedKey(value) ||
        IsMappedResult(value) ||
        IsNever(value) ||
        IsNot(value) ||
        IsNull(value) ||
        IsNumber(value) ||
        IsObject(value) ||
        IsPromise(value) ||
        IsRecord(value) ||
        IsRef(value) ||
        IsRegExp(value) ||
        IsString(value) ||
        IsSymbol(value) ||
        IsTemplateLiteral(value) ||
        IsThis(value) ||
        IsTuple(value) ||
        IsUndefined(value) ||
        IsUnion(value) ||
        IsUint8Array(value) ||
        IsUnknown(value) ||
        IsUnsafe(value) ||
        IsVoid(value) ||
        IsKind(value));
}


/***/ }),

/***/ 46266:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ef: () => (/* binding */ IsNull),
/* harmony export */   G4: () => (/* binding */ IsUint8Array),
/* harmony export */   H1: () => (/* binding */ IsAsyncIterator),
/* harmony export */   IP: () => (/* binding */ IsString),
/* harmony export */   Mx: () => (/* binding */ IsNumber),
/* harmony export */   QS: () => (/* binding */ IsArray),
/* harmony export */   R1: () => (/* binding */ IsUndefined),
/* harmony export */   XF: () => (/* binding */ IsDate),
/* harmony export */   Zx: () => (/* binding */ IsBoolean),
/* harmony export */   __: () => (/* binding */ IsRegExp),
/* harmony export */   av: () => (/* binding */ IsObject),
/* harmony export */   cQ: () => (/* binding */ IsBigInt),
/* harmony export */   hg: () => (/* binding */ IsFunction),
/* harmony export */   jo: () => (/* binding */ IsIterator),
/* harmony export */   nH: () => (/* binding */ IsSymbol)
/* harmony export */ });
/* unused harmony export HasPropertyKey */
// --------------------------------------------------------------------------
// PropertyKey
// --------------------------------------------------------------------------
/** Returns true if this value has this property key */
function HasPropertyKey(value, key) {
    return key in value;
}
// --------------------------------------------------------------------------
// Object Instances
// --------------------------------------------------------------------------
/** Returns true if this value is an async iterator */
function IsAsyncIterator(value) {
    return IsObject(value) && !IsArray(value) && !IsUint8Array(value) && Symbol.asyncIterator in value;
}
/** Returns true if this value is an array */
function IsArray(value) {
    return Array.isArray(value);
}
/** Returns true if this value is bigint */
function IsBigInt(value) {
    return typeof value === 'bigint';
}
/** Returns true if this value is a boolean */
function IsBoolean(value) {
    return typeof value === 'boolean';
}
/** Returns true if this value is a Date object */
function IsDate(value) {
    return value instanceof globalThis.Date;
}
/** Returns true if this value is a function */
function IsFunction(value) {
    return typeof value === 'function';
}
/** Returns true if this value is an iterator */
function IsIterator(value) {
    return IsObject(value) && !IsArray(value) && !IsUint8Array(value) && Symbol.iterator in value;
}
/** Returns true if this value is null */
function IsNull(value) {
    return value === null;
}
/** Returns true if this value is number */
function IsNumber(value) {
    return typeof value === 'number';
}
/** Returns true if this value is an object */
function IsObject(value) {
    return typeof value === 'object' && value !== null;
}
/** Returns true if this value is RegExp */
function IsRegExp(value) {
    return value instanceof globalThis.RegExp;
}
/** Returns true if this value is string */
function IsString(value) {
    return typeof value === 'string';
}
/** Returns true if this value is symbol */
function IsSymbol(value) {
    return typeof value === 'symbol';
}
/** Returns true if this value is a Uint8Array */
function IsUint8Array(value) {
    return value instanceof globalThis.Uint8Array;
}
/** Returns true if this value is undefined */
function IsUndefined(value) {
    return value === undefined;
}


/***/ }),

/***/ 21213:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ IndexPropertyKeys)
/* harmony export */ });
/* harmony import */ var _template_literal_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(20917);
/* harmony import */ var _guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(14961);

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromTemplateLiteral(templateLiteral) {
    const keys = (0,_template_literal_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .TemplateLiteralGenerate */ .vl)(templateLiteral);
    return keys.map(key => key.toString());
}
// prettier-ignore
function FromUnion(types) {
    const result = [];
    for (const type of types)
        result.push(...IndexPropertyKeys(type));
    return result;
}
// prettier-ignore
function FromLiteral(literalValue) {
    return ([literalValue.toString()] // TS 5.4 observes TLiteralValue as not having a toString()
    );
}
/** Returns a tuple of PropertyKeys derived from the given TSchema */
// prettier-ignore
function IndexPropertyKeys(type) {
    return [...new Set(((0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsTemplateLiteral */ .gm)(type) ? FromTemplateLiteral(type) :
            (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsUnion */ .my)(type) ? FromUnion(type.anyOf) :
                (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsLiteral */ .gP)(type) ? FromLiteral(type.const) :
                    (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsNumber */ .Mx)(type) ? ['[number]'] :
                        (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsInteger */ .$p)(type) ? ['[number]'] :
                            []))];
}


/***/ }),

/***/ 35272:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jK: () => (/* binding */ Index),
  u$: () => (/* binding */ IndexFromPropertyKeys)
});

// UNUSED EXPORTS: IndexFromComputed, IndexFromPropertyKey

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/create/type.mjs + 1 modules
var create_type = __nccwpck_require__(8749);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/error/error.mjs
var error_error = __nccwpck_require__(79686);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/computed/computed.mjs
var computed = __nccwpck_require__(49214);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/never/never.mjs
var never = __nccwpck_require__(55454);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intersect/intersect-evaluated.mjs
var intersect_evaluated = __nccwpck_require__(17854);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/union/union-evaluated.mjs
var union_evaluated = __nccwpck_require__(89126);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-property-keys.mjs
var indexed_property_keys = __nccwpck_require__(21213);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/mapped/mapped-result.mjs
var mapped_result = __nccwpck_require__(8252);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/clone/value.mjs
var value = __nccwpck_require__(52086);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-from-mapped-key.mjs



// prettier-ignore
function MappedIndexPropertyKey(type, key, options) {
    return { [key]: Index(type, [key], (0,value/* Clone */.i)(options)) };
}
// prettier-ignore
function MappedIndexPropertyKeys(type, propertyKeys, options) {
    return propertyKeys.reduce((result, left) => {
        return { ...result, ...MappedIndexPropertyKey(type, left, options) };
    }, {});
}
// prettier-ignore
function MappedIndexProperties(type, mappedKey, options) {
    return MappedIndexPropertyKeys(type, mappedKey.keys, options);
}
// prettier-ignore
function IndexFromMappedKey(type, mappedKey, options) {
    const properties = MappedIndexProperties(type, mappedKey, options);
    return (0,mapped_result/* MappedResult */.r)(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-from-mapped-result.mjs



// prettier-ignore
function FromProperties(type, properties, options) {
    const result = {};
    for (const K2 of Object.getOwnPropertyNames(properties)) {
        result[K2] = Index(type, (0,indexed_property_keys/* IndexPropertyKeys */.U)(properties[K2]), options);
    }
    return result;
}
// prettier-ignore
function FromMappedResult(type, mappedResult, options) {
    return FromProperties(type, mappedResult.properties, options);
}
// prettier-ignore
function IndexFromMappedResult(type, mappedResult, options) {
    const properties = FromMappedResult(type, mappedResult, options);
    return (0,mapped_result/* MappedResult */.r)(properties);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/kind.mjs
var kind = __nccwpck_require__(14961);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed.mjs









// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromRest(types, key) {
    return types.map(type => IndexFromPropertyKey(type, key));
}
// prettier-ignore
function FromIntersectRest(types) {
    return types.filter(type => !(0,kind/* IsNever */.Df)(type));
}
// prettier-ignore
function FromIntersect(types, key) {
    return ((0,intersect_evaluated/* IntersectEvaluated */.N)(FromIntersectRest(FromRest(types, key))));
}
// prettier-ignore
function FromUnionRest(types) {
    return (types.some(L => (0,kind/* IsNever */.Df)(L))
        ? []
        : types);
}
// prettier-ignore
function FromUnion(types, key) {
    return ((0,union_evaluated/* UnionEvaluated */.f)(FromUnionRest(FromRest(types, key))));
}
// prettier-ignore
function FromTuple(types, key) {
    return (key in types ? types[key] :
        key === '[number]' ? (0,union_evaluated/* UnionEvaluated */.f)(types) :
            (0,never/* Never */.p)());
}
// prettier-ignore
function FromArray(type, key) {
    return (key === '[number]'
        ? type
        : (0,never/* Never */.p)());
}
// prettier-ignore
function FromProperty(properties, propertyKey) {
    return (propertyKey in properties ? properties[propertyKey] : (0,never/* Never */.p)());
}
// prettier-ignore
function IndexFromPropertyKey(type, propertyKey) {
    return ((0,kind/* IsIntersect */.Yq)(type) ? FromIntersect(type.allOf, propertyKey) :
        (0,kind/* IsUnion */.my)(type) ? FromUnion(type.anyOf, propertyKey) :
            (0,kind/* IsTuple */.PN)(type) ? FromTuple(type.items ?? [], propertyKey) :
                (0,kind/* IsArray */.QS)(type) ? FromArray(type.items, propertyKey) :
                    (0,kind/* IsObject */.av)(type) ? FromProperty(type.properties, propertyKey) :
                        (0,never/* Never */.p)());
}
// prettier-ignore
function IndexFromPropertyKeys(type, propertyKeys) {
    return propertyKeys.map(propertyKey => IndexFromPropertyKey(type, propertyKey));
}
// prettier-ignore
function FromSchema(type, propertyKeys) {
    return ((0,union_evaluated/* UnionEvaluated */.f)(IndexFromPropertyKeys(type, propertyKeys)));
}
// prettier-ignore
function IndexFromComputed(type, key) {
    return Computed('Index', [type, key]);
}
/** `[Json]` Returns an Indexed property type for the given keys */
function Index(type, key, options) {
    // computed-type
    if ((0,kind/* IsRef */["in"])(type) || (0,kind/* IsRef */["in"])(key)) {
        const error = `Index types using Ref parameters require both Type and Key to be of TSchema`;
        if (!(0,kind/* IsSchema */.Yi)(type) || !(0,kind/* IsSchema */.Yi)(key))
            throw new error_error/* TypeBoxError */.i(error);
        return (0,computed/* Computed */.S)('Index', [type, key]);
    }
    // mapped-types
    if ((0,kind/* IsMappedResult */.ZD)(key))
        return IndexFromMappedResult(type, key, options);
    if ((0,kind/* IsMappedKey */.zZ)(key))
        return IndexFromMappedKey(type, key, options);
    // prettier-ignore
    return (0,create_type/* CreateType */.v)((0,kind/* IsSchema */.Yi)(key)
        ? FromSchema(type, (0,indexed_property_keys/* IndexPropertyKeys */.U)(key))
        : FromSchema(type, key), options);
}


/***/ }),

/***/ 54727:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ IntersectCreate)
/* harmony export */ });
/* harmony import */ var _create_type_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8749);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(57946);
/* harmony import */ var _guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(14961);


// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// IntersectCreate
// ------------------------------------------------------------------
// prettier-ignore
function IntersectCreate(T, options = {}) {
    const allObjects = T.every((schema) => (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsObject */ .av)(schema));
    const clonedUnevaluatedProperties = (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsSchema */ .Yi)(options.unevaluatedProperties)
        ? { unevaluatedProperties: options.unevaluatedProperties }
        : {};
    return (0,_create_type_mjs__WEBPACK_IMPORTED_MODULE_1__/* .CreateType */ .v)((options.unevaluatedProperties === false || (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsSchema */ .Yi)(options.unevaluatedProperties) || allObjects
        ? { ...clonedUnevaluatedProperties, [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__/* .Kind */ .b8]: 'Intersect', type: 'object', allOf: T }
        : { ...clonedUnevaluatedProperties, [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__/* .Kind */ .b8]: 'Intersect', allOf: T }), options);
}


/***/ }),

/***/ 17854:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ IntersectEvaluated)
/* harmony export */ });
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(57946);
/* harmony import */ var _create_type_mjs__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8749);
/* harmony import */ var _discard_index_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(31686);
/* harmony import */ var _never_index_mjs__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(55454);
/* harmony import */ var _optional_index_mjs__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(78697);
/* harmony import */ var _intersect_create_mjs__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(54727);
/* harmony import */ var _guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(14961);






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function IsIntersectOptional(types) {
    return types.every(left => (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsOptional */ .X$)(left));
}
// prettier-ignore
function RemoveOptionalFromType(type) {
    return ((0,_discard_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Discard */ .b)(type, [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__/* .OptionalKind */ .tJ]));
}
// prettier-ignore
function RemoveOptionalFromRest(types) {
    return types.map(left => (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsOptional */ .X$)(left) ? RemoveOptionalFromType(left) : left);
}
// prettier-ignore
function ResolveIntersect(types, options) {
    return (IsIntersectOptional(types)
        ? (0,_optional_index_mjs__WEBPACK_IMPORTED_MODULE_3__/* .Optional */ .X)((0,_intersect_create_mjs__WEBPACK_IMPORTED_MODULE_4__/* .IntersectCreate */ .o)(RemoveOptionalFromRest(types), options))
        : (0,_intersect_create_mjs__WEBPACK_IMPORTED_MODULE_4__/* .IntersectCreate */ .o)(RemoveOptionalFromRest(types), options));
}
/** `[Json]` Creates an evaluated Intersect type */
function IntersectEvaluated(types, options = {}) {
    if (types.length === 1)
        return (0,_create_type_mjs__WEBPACK_IMPORTED_MODULE_5__/* .CreateType */ .v)(types[0], options);
    if (types.length === 0)
        return (0,_never_index_mjs__WEBPACK_IMPORTED_MODULE_6__/* .Never */ .p)(options);
    if (types.some((schema) => (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsTransform */ .n_)(schema)))
        throw new Error('Cannot intersect transform types');
    return ResolveIntersect(types, options);
}


/***/ }),

/***/ 77977:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ KeyOfPropertyKeys),
/* harmony export */   n: () => (/* binding */ KeyOfPattern)
/* harmony export */ });
/* harmony import */ var _sets_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(40395);
/* harmony import */ var _guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(14961);

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromRest(types) {
    const result = [];
    for (const L of types)
        result.push(KeyOfPropertyKeys(L));
    return result;
}
// prettier-ignore
function FromIntersect(types) {
    const propertyKeysArray = FromRest(types);
    const propertyKeys = (0,_sets_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .SetUnionMany */ .lw)(propertyKeysArray);
    return propertyKeys;
}
// prettier-ignore
function FromUnion(types) {
    const propertyKeysArray = FromRest(types);
    const propertyKeys = (0,_sets_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .SetIntersectMany */ .vC)(propertyKeysArray);
    return propertyKeys;
}
// prettier-ignore
function FromTuple(types) {
    return types.map((_, indexer) => indexer.toString());
}
// prettier-ignore
function FromArray(_) {
    return (['[number]']);
}
// prettier-ignore
function FromProperties(T) {
    return (globalThis.Object.getOwnPropertyNames(T));
}
// ------------------------------------------------------------------
// FromPatternProperties
// ------------------------------------------------------------------
// prettier-ignore
function FromPatternProperties(patternProperties) {
    if (!includePatternProperties)
        return [];
    const patternPropertyKeys = globalThis.Object.getOwnPropertyNames(patternProperties);
    return patternPropertyKeys.map(key => {
        return (key[0] === '^' && key[key.length - 1] === '$')
            ? key.slice(1, key.length - 1)
            : key;
    });
}
/** Returns a tuple of PropertyKeys derived from the given TSchema. */
// prettier-ignore
function KeyOfPropertyKeys(type) {
    return ((0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsIntersect */ .Yq)(type) ? FromIntersect(type.allOf) :
        (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsUnion */ .my)(type) ? FromUnion(type.anyOf) :
            (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsTuple */ .PN)(type) ? FromTuple(type.items ?? []) :
                (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsArray */ .QS)(type) ? FromArray(type.items) :
                    (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsObject */ .av)(type) ? FromProperties(type.properties) :
                        (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_1__/* .IsRecord */ .cZ)(type) ? FromPatternProperties(type.patternProperties) :
                            []);
}
// ----------------------------------------------------------------
// KeyOfPattern
// ----------------------------------------------------------------
let includePatternProperties = false;
/** Returns a regular expression pattern derived from the given TSchema */
function KeyOfPattern(schema) {
    includePatternProperties = true;
    const keys = KeyOfPropertyKeys(schema);
    includePatternProperties = false;
    const pattern = keys.map((key) => `(${key})`);
    return `^(${pattern.join('|')})$`;
}


/***/ }),

/***/ 8252:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ MappedResult)
/* harmony export */ });
/* harmony import */ var _create_type_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8749);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57946);


// prettier-ignore
function MappedResult(properties) {
    return (0,_create_type_mjs__WEBPACK_IMPORTED_MODULE_0__/* .CreateType */ .v)({
        [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8]: 'MappedResult',
        properties
    });
}


/***/ }),

/***/ 55454:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Never)
/* harmony export */ });
/* harmony import */ var _create_type_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8749);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57946);


/** `[Json]` Creates a Never type */
function Never(options) {
    return (0,_create_type_mjs__WEBPACK_IMPORTED_MODULE_0__/* .CreateType */ .v)({ [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8]: 'Never', not: {} }, options);
}


/***/ }),

/***/ 78697:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  X: () => (/* binding */ Optional)
});

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/create/type.mjs + 1 modules
var type = __nccwpck_require__(8749);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/symbols/symbols.mjs
var symbols = __nccwpck_require__(57946);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/discard/discard.mjs
var discard = __nccwpck_require__(31686);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/mapped/mapped-result.mjs
var mapped_result = __nccwpck_require__(8252);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/optional/optional-from-mapped-result.mjs


// prettier-ignore
function FromProperties(P, F) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Optional(P[K2], F);
    return Acc;
}
// prettier-ignore
function FromMappedResult(R, F) {
    return FromProperties(R.properties, F);
}
// prettier-ignore
function OptionalFromMappedResult(R, F) {
    const P = FromMappedResult(R, F);
    return (0,mapped_result/* MappedResult */.r)(P);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/kind.mjs
var kind = __nccwpck_require__(14961);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/optional/optional.mjs





function RemoveOptional(schema) {
    return (0,type/* CreateType */.v)((0,discard/* Discard */.b)(schema, [symbols/* OptionalKind */.tJ]));
}
function AddOptional(schema) {
    return (0,type/* CreateType */.v)({ ...schema, [symbols/* OptionalKind */.tJ]: 'Optional' });
}
// prettier-ignore
function OptionalWithFlag(schema, F) {
    return (F === false
        ? RemoveOptional(schema)
        : AddOptional(schema));
}
/** `[Json]` Creates a Optional property */
function Optional(schema, enable) {
    const F = enable ?? true;
    return (0,kind/* IsMappedResult */.ZD)(schema) ? OptionalFromMappedResult(schema, F) : OptionalWithFlag(schema, F);
}


/***/ }),

/***/ 60938:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ Ref)
/* harmony export */ });
/* harmony import */ var _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(79686);
/* harmony import */ var _create_type_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8749);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(57946);



/** `[Json]` Creates a Ref type. The referenced type must contain a $id */
function Ref(...args) {
    const [$ref, options] = typeof args[0] === 'string' ? [args[0], args[1]] : [args[0].$id, args[1]];
    if (typeof $ref !== 'string')
        throw new _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .TypeBoxError */ .i('Ref: $ref must be a string');
    return (0,_create_type_mjs__WEBPACK_IMPORTED_MODULE_1__/* .CreateType */ .v)({ [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__/* .Kind */ .b8]: 'Ref', $ref }, options);
}


/***/ }),

/***/ 40395:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   lN: () => (/* binding */ SetDistinct),
/* harmony export */   lw: () => (/* binding */ SetUnionMany),
/* harmony export */   oU: () => (/* binding */ SetIncludes),
/* harmony export */   vC: () => (/* binding */ SetIntersectMany)
/* harmony export */ });
/* unused harmony exports SetIsSubset, SetIntersect, SetUnion, SetComplement */
/** Returns true if element right is in the set of left */
// prettier-ignore
function SetIncludes(T, S) {
    return T.includes(S);
}
/** Returns true if left is a subset of right */
function SetIsSubset(T, S) {
    return T.every((L) => SetIncludes(S, L));
}
/** Returns a distinct set of elements */
function SetDistinct(T) {
    return [...new Set(T)];
}
/** Returns the Intersect of the given sets */
function SetIntersect(T, S) {
    return T.filter((L) => S.includes(L));
}
/** Returns the Union of the given sets */
function SetUnion(T, S) {
    return [...T, ...S];
}
/** Returns the Complement by omitting elements in T that are in S */
// prettier-ignore
function SetComplement(T, S) {
    return T.filter(L => !S.includes(L));
}
// prettier-ignore
function SetIntersectManyResolve(T, Init) {
    return T.reduce((Acc, L) => {
        return SetIntersect(Acc, L);
    }, Init);
}
// prettier-ignore
function SetIntersectMany(T) {
    return (T.length === 1
        ? T[0]
        // Use left to initialize the accumulator for resolve
        : T.length > 1
            ? SetIntersectManyResolve(T.slice(1), T[0])
            : []);
}
/** Returns the Union of multiple sets */
function SetUnionMany(T) {
    const Acc = [];
    for (const L of T)
        Acc.push(...L);
    return Acc;
}


/***/ }),

/***/ 57946:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ Hint),
/* harmony export */   H7: () => (/* binding */ TransformKind),
/* harmony export */   b8: () => (/* binding */ Kind),
/* harmony export */   hi: () => (/* binding */ ReadonlyKind),
/* harmony export */   tJ: () => (/* binding */ OptionalKind)
/* harmony export */ });
/** Symbol key applied to transform types */
const TransformKind = Symbol.for('TypeBox.Transform');
/** Symbol key applied to readonly types */
const ReadonlyKind = Symbol.for('TypeBox.Readonly');
/** Symbol key applied to optional types */
const OptionalKind = Symbol.for('TypeBox.Optional');
/** Symbol key applied to types */
const Hint = Symbol.for('TypeBox.Hint');
/** Symbol key applied to types */
const Kind = Symbol.for('TypeBox.Kind');


/***/ }),

/***/ 80169:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   VA: () => (/* binding */ IsTemplateLiteralFinite),
/* harmony export */   vu: () => (/* binding */ IsTemplateLiteralExpressionFinite)
/* harmony export */ });
/* unused harmony export TemplateLiteralFiniteError */
/* harmony import */ var _parse_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6293);
/* harmony import */ var _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(79686);


// ------------------------------------------------------------------
// TemplateLiteralFiniteError
// ------------------------------------------------------------------
class TemplateLiteralFiniteError extends _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .TypeBoxError */ .i {
}
// ------------------------------------------------------------------
// IsTemplateLiteralFiniteCheck
// ------------------------------------------------------------------
// prettier-ignore
function IsNumberExpression(expression) {
    return (expression.type === 'or' &&
        expression.expr.length === 2 &&
        expression.expr[0].type === 'const' &&
        expression.expr[0].const === '0' &&
        expression.expr[1].type === 'const' &&
        expression.expr[1].const === '[1-9][0-9]*');
}
// prettier-ignore
function IsBooleanExpression(expression) {
    return (expression.type === 'or' &&
        expression.expr.length === 2 &&
        expression.expr[0].type === 'const' &&
        expression.expr[0].const === 'true' &&
        expression.expr[1].type === 'const' &&
        expression.expr[1].const === 'false');
}
// prettier-ignore
function IsStringExpression(expression) {
    return expression.type === 'const' && expression.const === '.*';
}
// ------------------------------------------------------------------
// IsTemplateLiteralExpressionFinite
// ------------------------------------------------------------------
// prettier-ignore
function IsTemplateLiteralExpressionFinite(expression) {
    return (IsNumberExpression(expression) || IsStringExpression(expression) ? false :
        IsBooleanExpression(expression) ? true :
            (expression.type === 'and') ? expression.expr.every((expr) => IsTemplateLiteralExpressionFinite(expr)) :
                (expression.type === 'or') ? expression.expr.every((expr) => IsTemplateLiteralExpressionFinite(expr)) :
                    (expression.type === 'const') ? true :
                        (() => { throw new TemplateLiteralFiniteError(`Unknown expression type`); })());
}
/** Returns true if this TemplateLiteral resolves to a finite set of values */
function IsTemplateLiteralFinite(schema) {
    const expression = (0,_parse_mjs__WEBPACK_IMPORTED_MODULE_1__/* .TemplateLiteralParseExact */ .gL)(schema.pattern);
    return IsTemplateLiteralExpressionFinite(expression);
}


/***/ }),

/***/ 20917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ TemplateLiteralExpressionGenerate),
/* harmony export */   vl: () => (/* binding */ TemplateLiteralGenerate)
/* harmony export */ });
/* unused harmony export TemplateLiteralGenerateError */
/* harmony import */ var _finite_mjs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(80169);
/* harmony import */ var _parse_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6293);
/* harmony import */ var _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(79686);



// ------------------------------------------------------------------
// TemplateLiteralGenerateError
// ------------------------------------------------------------------
class TemplateLiteralGenerateError extends _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .TypeBoxError */ .i {
}
// ------------------------------------------------------------------
// TemplateLiteralExpressionGenerate
// ------------------------------------------------------------------
// prettier-ignore
function* GenerateReduce(buffer) {
    if (buffer.length === 1)
        return yield* buffer[0];
    for (const left of buffer[0]) {
        for (const right of GenerateReduce(buffer.slice(1))) {
            yield `${left}${right}`;
        }
    }
}
// prettier-ignore
function* GenerateAnd(expression) {
    return yield* GenerateReduce(expression.expr.map((expr) => [...TemplateLiteralExpressionGenerate(expr)]));
}
// prettier-ignore
function* GenerateOr(expression) {
    for (const expr of expression.expr)
        yield* TemplateLiteralExpressionGenerate(expr);
}
// prettier-ignore
function* GenerateConst(expression) {
    return yield expression.const;
}
function* TemplateLiteralExpressionGenerate(expression) {
    return expression.type === 'and'
        ? yield* GenerateAnd(expression)
        : expression.type === 'or'
            ? yield* GenerateOr(expression)
            : expression.type === 'const'
                ? yield* GenerateConst(expression)
                : (() => {
                    throw new TemplateLiteralGenerateError('Unknown expression');
                })();
}
/** Generates a tuple of strings from the given TemplateLiteral. Returns an empty tuple if infinite. */
function TemplateLiteralGenerate(schema) {
    const expression = (0,_parse_mjs__WEBPACK_IMPORTED_MODULE_1__/* .TemplateLiteralParseExact */ .gL)(schema.pattern);
    // prettier-ignore
    return ((0,_finite_mjs__WEBPACK_IMPORTED_MODULE_2__/* .IsTemplateLiteralExpressionFinite */ .vu)(expression)
        ? [...TemplateLiteralExpressionGenerate(expression)]
        : []);
}


/***/ }),

/***/ 6293:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gL: () => (/* binding */ TemplateLiteralParseExact)
/* harmony export */ });
/* unused harmony exports TemplateLiteralParserError, TemplateLiteralParse */
/* harmony import */ var _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(79686);

// ------------------------------------------------------------------
// TemplateLiteralParserError
// ------------------------------------------------------------------
class TemplateLiteralParserError extends _error_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .TypeBoxError */ .i {
}
// -------------------------------------------------------------------
// Unescape
//
// Unescape for these control characters specifically. Note that this
// function is only called on non union group content, and where we
// still want to allow the user to embed control characters in that
// content. For review.
// -------------------------------------------------------------------
// prettier-ignore
function Unescape(pattern) {
    return pattern
        .replace(/\\\$/g, '$')
        .replace(/\\\*/g, '*')
        .replace(/\\\^/g, '^')
        .replace(/\\\|/g, '|')
        .replace(/\\\(/g, '(')
        .replace(/\\\)/g, ')');
}
// -------------------------------------------------------------------
// Control Characters
// -------------------------------------------------------------------
function IsNonEscaped(pattern, index, char) {
    return pattern[index] === char && pattern.charCodeAt(index - 1) !== 92;
}
function IsOpenParen(pattern, index) {
    return IsNonEscaped(pattern, index, '(');
}
function IsCloseParen(pattern, index) {
    return IsNonEscaped(pattern, index, ')');
}
function IsSeparator(pattern, index) {
    return IsNonEscaped(pattern, index, '|');
}
// -------------------------------------------------------------------
// Control Groups
// -------------------------------------------------------------------
function IsGroup(pattern) {
    if (!(IsOpenParen(pattern, 0) && IsCloseParen(pattern, pattern.length - 1)))
        return false;
    let count = 0;
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            count += 1;
        if (IsCloseParen(pattern, index))
            count -= 1;
        if (count === 0 && index !== pattern.length - 1)
            return false;
    }
    return true;
}
// prettier-ignore
function InGroup(pattern) {
    return pattern.slice(1, pattern.length - 1);
}
// prettier-ignore
function IsPrecedenceOr(pattern) {
    let count = 0;
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            count += 1;
        if (IsCloseParen(pattern, index))
            count -= 1;
        if (IsSeparator(pattern, index) && count === 0)
            return true;
    }
    return false;
}
// prettier-ignore
function IsPrecedenceAnd(pattern) {
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            return true;
    }
    return false;
}
// prettier-ignore
function Or(pattern) {
    let [count, start] = [0, 0];
    const expressions = [];
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            count += 1;
        if (IsCloseParen(pattern, index))
            count -= 1;
        if (IsSeparator(pattern, index) && count === 0) {
            const range = pattern.slice(start, index);
            if (range.length > 0)
                expressions.push(TemplateLiteralParse(range));
            start = index + 1;
        }
    }
    const range = pattern.slice(start);
    if (range.length > 0)
        expressions.push(TemplateLiteralParse(range));
    if (expressions.length === 0)
        return { type: 'const', const: '' };
    if (expressions.length === 1)
        return expressions[0];
    return { type: 'or', expr: expressions };
}
// prettier-ignore
function And(pattern) {
    function Group(value, index) {
        if (!IsOpenParen(value, index))
            throw new TemplateLiteralParserError(`TemplateLiteralParser: Index must point to open parens`);
        let count = 0;
        for (let scan = index; scan < value.length; scan++) {
            if (IsOpenParen(value, scan))
                count += 1;
            if (IsCloseParen(value, scan))
                count -= 1;
            if (count === 0)
                return [index, scan];
        }
        throw new TemplateLiteralParserError(`TemplateLiteralParser: Unclosed group parens in expression`);
    }
    function Range(pattern, index) {
        for (let scan = index; scan < pattern.length; scan++) {
            if (IsOpenParen(pattern, scan))
                return [index, scan];
        }
        return [index, pattern.length];
    }
    const expressions = [];
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index)) {
            const [start, end] = Group(pattern, index);
            const range = pattern.slice(start, end + 1);
            expressions.push(TemplateLiteralParse(range));
            index = end;
        }
        else {
            const [start, end] = Range(pattern, index);
            const range = pattern.slice(start, end);
            if (range.length > 0)
                expressions.push(TemplateLiteralParse(range));
            index = end - 1;
        }
    }
    return ((expressions.length === 0) ? { type: 'const', const: '' } :
        (expressions.length === 1) ? expressions[0] :
            { type: 'and', expr: expressions });
}
// ------------------------------------------------------------------
// TemplateLiteralParse
// ------------------------------------------------------------------
/** Parses a pattern and returns an expression tree */
function TemplateLiteralParse(pattern) {
    // prettier-ignore
    return (IsGroup(pattern) ? TemplateLiteralParse(InGroup(pattern)) :
        IsPrecedenceOr(pattern) ? Or(pattern) :
            IsPrecedenceAnd(pattern) ? And(pattern) :
                { type: 'const', const: Unescape(pattern) });
}
// ------------------------------------------------------------------
// TemplateLiteralParseExact
// ------------------------------------------------------------------
/** Parses a pattern and strips forward and trailing ^ and $ */
function TemplateLiteralParseExact(pattern) {
    return TemplateLiteralParse(pattern.slice(1, pattern.length - 1));
}


/***/ }),

/***/ 97375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ZU: () => (/* binding */ Type)
});

// UNUSED EXPORTS: JavaScriptTypeBuilder, JsonTypeBuilder

// NAMESPACE OBJECT: ./node_modules/@sinclair/typebox/build/esm/type/type/type.mjs
var type_type_namespaceObject = {};
__nccwpck_require__.r(type_type_namespaceObject);
__nccwpck_require__.d(type_type_namespaceObject, {
  Any: () => (Any),
  Argument: () => (Argument),
  Array: () => (array_Array),
  AsyncIterator: () => (AsyncIterator),
  Awaited: () => (Awaited),
  BigInt: () => (BigInt),
  Boolean: () => (Boolean),
  Capitalize: () => (Capitalize),
  Composite: () => (Composite),
  Const: () => (Const),
  Constructor: () => (Constructor),
  ConstructorParameters: () => (ConstructorParameters),
  Date: () => (date_Date),
  Enum: () => (Enum),
  Exclude: () => (Exclude),
  Extends: () => (Extends),
  Extract: () => (Extract),
  Function: () => (Function),
  Index: () => (indexed/* Index */.jK),
  InstanceType: () => (InstanceType),
  Instantiate: () => (Instantiate),
  Integer: () => (Integer),
  Intersect: () => (Intersect),
  Iterator: () => (Iterator),
  KeyOf: () => (KeyOf),
  Literal: () => (Literal),
  Lowercase: () => (Lowercase),
  Mapped: () => (Mapped),
  Module: () => (Module),
  Never: () => (never/* Never */.p),
  Not: () => (Not),
  Null: () => (Null),
  Number: () => (number_Number),
  Object: () => (object_Object),
  Omit: () => (Omit),
  Optional: () => (optional/* Optional */.X),
  Parameters: () => (Parameters),
  Partial: () => (Partial),
  Pick: () => (Pick),
  Promise: () => (Promise),
  Readonly: () => (Readonly),
  ReadonlyOptional: () => (ReadonlyOptional),
  Record: () => (Record),
  Recursive: () => (Recursive),
  Ref: () => (ref/* Ref */.o),
  RegExp: () => (RegExp),
  Required: () => (Required),
  Rest: () => (Rest),
  ReturnType: () => (ReturnType),
  String: () => (string_String),
  Symbol: () => (Symbol),
  TemplateLiteral: () => (TemplateLiteral),
  Transform: () => (Transform),
  Tuple: () => (Tuple),
  Uint8Array: () => (Uint8Array),
  Uncapitalize: () => (Uncapitalize),
  Undefined: () => (Undefined),
  Union: () => (Union),
  Unknown: () => (Unknown),
  Unsafe: () => (Unsafe),
  Uppercase: () => (Uppercase),
  Void: () => (Void)
});

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/create/type.mjs + 1 modules
var create_type = __nccwpck_require__(8749);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/symbols/symbols.mjs
var symbols = __nccwpck_require__(57946);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/any/any.mjs


/** `[Json]` Creates an Any type */
function Any(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Any' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/argument/argument.mjs


/** `[JavaScript]` Creates an Argument Type. */
function Argument(index) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Argument', index });
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/array/array.mjs


/** `[Json]` Creates an Array type */
function array_Array(items, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Array', type: 'array', items }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/async-iterator/async-iterator.mjs


/** `[JavaScript]` Creates a AsyncIterator type */
function AsyncIterator(items, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'AsyncIterator', type: 'AsyncIterator', items }, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/computed/computed.mjs
var computed = __nccwpck_require__(49214);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/never/never.mjs
var never = __nccwpck_require__(55454);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intersect/intersect-create.mjs
var intersect_create = __nccwpck_require__(54727);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/kind.mjs
var kind = __nccwpck_require__(14961);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intersect/intersect.mjs



// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

/** `[Json]` Creates an evaluated Intersect type */
function Intersect(types, options) {
    if (types.length === 1)
        return (0,create_type/* CreateType */.v)(types[0], options);
    if (types.length === 0)
        return (0,never/* Never */.p)(options);
    if (types.some((schema) => (0,kind/* IsTransform */.n_)(schema)))
        throw new Error('Cannot intersect transform types');
    return (0,intersect_create/* IntersectCreate */.o)(types, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/union/union-create.mjs
var union_create = __nccwpck_require__(2063);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/union/union.mjs



/** `[Json]` Creates a Union type */
function Union(types, options) {
    // prettier-ignore
    return (types.length === 0 ? (0,never/* Never */.p)(options) :
        types.length === 1 ? (0,create_type/* CreateType */.v)(types[0], options) :
            (0,union_create/* UnionCreate */.S)(types, options));
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/ref/ref.mjs
var ref = __nccwpck_require__(60938);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/awaited/awaited.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromComputed(target, parameters) {
    return (0,computed/* Computed */.S)('Awaited', [(0,computed/* Computed */.S)(target, parameters)]);
}
// prettier-ignore
function FromRef($ref) {
    return (0,computed/* Computed */.S)('Awaited', [(0,ref/* Ref */.o)($ref)]);
}
// prettier-ignore
function FromIntersect(types) {
    return Intersect(FromRest(types));
}
// prettier-ignore
function FromUnion(types) {
    return Union(FromRest(types));
}
// prettier-ignore
function FromPromise(type) {
    return Awaited(type);
}
// prettier-ignore
function FromRest(types) {
    return types.map(type => Awaited(type));
}
/** `[JavaScript]` Constructs a type by recursively unwrapping Promise types */
function Awaited(type, options) {
    return (0,create_type/* CreateType */.v)((0,kind/* IsComputed */.Y6)(type) ? FromComputed(type.target, type.parameters) : (0,kind/* IsIntersect */.Yq)(type) ? FromIntersect(type.allOf) : (0,kind/* IsUnion */.my)(type) ? FromUnion(type.anyOf) : (0,kind/* IsPromise */.OD)(type) ? FromPromise(type.item) : (0,kind/* IsRef */["in"])(type) ? FromRef(type.$ref) : type, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/bigint/bigint.mjs


/** `[JavaScript]` Creates a BigInt type */
function BigInt(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'BigInt', type: 'bigint' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/boolean/boolean.mjs


/** `[Json]` Creates a Boolean type */
function Boolean(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Boolean', type: 'boolean' }, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intersect/intersect-evaluated.mjs
var intersect_evaluated = __nccwpck_require__(17854);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed.mjs + 2 modules
var indexed = __nccwpck_require__(35272);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-property-keys.mjs
var keyof_property_keys = __nccwpck_require__(77977);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/object/object.mjs


// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

/** Creates a RequiredArray derived from the given TProperties value. */
function RequiredArray(properties) {
    return globalThis.Object.keys(properties).filter((key) => !(0,kind/* IsOptional */.X$)(properties[key]));
}
/** `[Json]` Creates an Object type */
function _Object_(properties, options) {
    const required = RequiredArray(properties);
    const schema = required.length > 0 ? { [symbols/* Kind */.b8]: 'Object', type: 'object', required, properties } : { [symbols/* Kind */.b8]: 'Object', type: 'object', properties };
    return (0,create_type/* CreateType */.v)(schema, options);
}
// ------------------------------------------------------------------
// TypeScript 7: CommonJS TS2441
//
// TypeScript generates a CommonJS shim that patches local variables
// via an unqualified reference to Object (e.g. the __esModule shim's
// Object.defineProperty call). Other compiler tools have been
// observed patching in the same way, but TypeScript 7 has correctly
// begun flagging variables named Object in CommonJS, since they
// conflict with the shim and can cause "used before definition"
// errors. This is CommonJS-specific; no such shim exists for ESM.
//
// TypeBox works around this using a `var` declaration, which is
// known to avoid use-before-definition errors. TypeBox 1.x employs
// a similar strategy.
// ------------------------------------------------------------------
/** `[Json]` Creates an Object type */
// @ts-ignore - error TS2441: Duplicate identifier 'Object'. Compiler reserves name 'Object' in top level scope of a module.
var object_Object = _Object_;

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/sets/set.mjs
var set = __nccwpck_require__(40395);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/composite/composite.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function CompositeKeys(T) {
    const Acc = [];
    for (const L of T)
        Acc.push(...(0,keyof_property_keys/* KeyOfPropertyKeys */.g)(L));
    return (0,set/* SetDistinct */.lN)(Acc);
}
// prettier-ignore
function FilterNever(T) {
    return T.filter(L => !(0,kind/* IsNever */.Df)(L));
}
// prettier-ignore
function CompositeProperty(T, K) {
    const Acc = [];
    for (const L of T)
        Acc.push(...(0,indexed/* IndexFromPropertyKeys */.u$)(L, [K]));
    return FilterNever(Acc);
}
// prettier-ignore
function CompositeProperties(T, K) {
    const Acc = {};
    for (const L of K) {
        Acc[L] = (0,intersect_evaluated/* IntersectEvaluated */.N)(CompositeProperty(T, L));
    }
    return Acc;
}
// prettier-ignore
function Composite(T, options) {
    const K = CompositeKeys(T);
    const P = CompositeProperties(T, K);
    const R = object_Object(P, options);
    return R;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/date/date.mjs


/** `[JavaScript]` Creates a Date type */
function date_Date(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Date', type: 'Date' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/function/function.mjs


/** `[JavaScript]` Creates a Function type */
function Function(parameters, returns, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Function', type: 'Function', parameters, returns }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/literal/literal.mjs


/** `[Json]` Creates a Literal type */
function Literal(value, options) {
    return (0,create_type/* CreateType */.v)({
        [symbols/* Kind */.b8]: 'Literal',
        const: value,
        type: typeof value,
    }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/null/null.mjs


/** `[Json]` Creates a Null type */
function Null(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Null', type: 'null' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/symbol/symbol.mjs


/** `[JavaScript]` Creates a Symbol type */
function Symbol(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Symbol', type: 'symbol' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/tuple/tuple.mjs


/** `[Json]` Creates a Tuple type */
function Tuple(types, options) {
    // prettier-ignore
    return (0,create_type/* CreateType */.v)(types.length > 0 ?
        { [symbols/* Kind */.b8]: 'Tuple', type: 'array', items: types, additionalItems: false, minItems: types.length, maxItems: types.length } :
        { [symbols/* Kind */.b8]: 'Tuple', type: 'array', minItems: types.length, maxItems: types.length }, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/discard/discard.mjs
var discard = __nccwpck_require__(31686);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/mapped/mapped-result.mjs
var mapped_result = __nccwpck_require__(8252);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/readonly/readonly-from-mapped-result.mjs


// prettier-ignore
function FromProperties(K, F) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(K))
        Acc[K2] = Readonly(K[K2], F);
    return Acc;
}
// prettier-ignore
function FromMappedResult(R, F) {
    return FromProperties(R.properties, F);
}
// prettier-ignore
function ReadonlyFromMappedResult(R, F) {
    const P = FromMappedResult(R, F);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/readonly/readonly.mjs





function RemoveReadonly(schema) {
    return (0,create_type/* CreateType */.v)((0,discard/* Discard */.b)(schema, [symbols/* ReadonlyKind */.hi]));
}
function AddReadonly(schema) {
    return (0,create_type/* CreateType */.v)({ ...schema, [symbols/* ReadonlyKind */.hi]: 'Readonly' });
}
// prettier-ignore
function ReadonlyWithFlag(schema, F) {
    return (F === false
        ? RemoveReadonly(schema)
        : AddReadonly(schema));
}
/** `[Json]` Creates a Readonly property */
function Readonly(schema, enable) {
    const F = enable ?? true;
    return (0,kind/* IsMappedResult */.ZD)(schema) ? ReadonlyFromMappedResult(schema, F) : ReadonlyWithFlag(schema, F);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/undefined/undefined.mjs


/** `[JavaScript]` Creates a Undefined type */
function Undefined(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Undefined', type: 'undefined' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/uint8array/uint8array.mjs


/** `[JavaScript]` Creates a Uint8Array type */
function Uint8Array(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Uint8Array', type: 'Uint8Array' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/unknown/unknown.mjs


/** `[Json]` Creates an Unknown type */
function Unknown(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Unknown' }, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/value.mjs
var guard_value = __nccwpck_require__(46266);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/const/const.mjs














// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromArray(T) {
    return T.map(L => FromValue(L, false));
}
// prettier-ignore
function const_FromProperties(value) {
    const Acc = {};
    for (const K of globalThis.Object.getOwnPropertyNames(value))
        Acc[K] = Readonly(FromValue(value[K], false));
    return Acc;
}
function ConditionalReadonly(T, root) {
    return (root === true ? T : Readonly(T));
}
// prettier-ignore
function FromValue(value, root) {
    return ((0,guard_value/* IsAsyncIterator */.H1)(value) ? ConditionalReadonly(Any(), root) :
        (0,guard_value/* IsIterator */.jo)(value) ? ConditionalReadonly(Any(), root) :
            (0,guard_value/* IsArray */.QS)(value) ? Readonly(Tuple(FromArray(value))) :
                (0,guard_value/* IsUint8Array */.G4)(value) ? Uint8Array() :
                    (0,guard_value/* IsDate */.XF)(value) ? date_Date() :
                        (0,guard_value/* IsObject */.av)(value) ? ConditionalReadonly(object_Object(const_FromProperties(value)), root) :
                            (0,guard_value/* IsFunction */.hg)(value) ? ConditionalReadonly(Function([], Unknown()), root) :
                                (0,guard_value/* IsUndefined */.R1)(value) ? Undefined() :
                                    (0,guard_value/* IsNull */.Ef)(value) ? Null() :
                                        (0,guard_value/* IsSymbol */.nH)(value) ? Symbol() :
                                            (0,guard_value/* IsBigInt */.cQ)(value) ? BigInt() :
                                                (0,guard_value/* IsNumber */.Mx)(value) ? Literal(value) :
                                                    (0,guard_value/* IsBoolean */.Zx)(value) ? Literal(value) :
                                                        (0,guard_value/* IsString */.IP)(value) ? Literal(value) :
                                                            object_Object({}));
}
/** `[JavaScript]` Creates a readonly const type from the given value. */
function Const(T, options) {
    return (0,create_type/* CreateType */.v)(FromValue(T, true), options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/constructor/constructor.mjs


/** `[JavaScript]` Creates a Constructor type */
function Constructor(parameters, returns, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Constructor', type: 'Constructor', parameters, returns }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/constructor-parameters/constructor-parameters.mjs



/** `[JavaScript]` Extracts the ConstructorParameters from the given Constructor type */
function ConstructorParameters(schema, options) {
    return (kind/* IsConstructor */.ZV(schema) ? Tuple(schema.parameters, options) : (0,never/* Never */.p)(options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/enum/enum.mjs



// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

/** `[Json]` Creates a Enum type */
function Enum(item, options) {
    if ((0,guard_value/* IsUndefined */.R1)(item))
        throw new Error('Enum undefined or empty');
    const values1 = globalThis.Object.getOwnPropertyNames(item)
        .filter((key) => isNaN(key))
        .map((key) => item[key]);
    const values2 = [...new Set(values1)];
    const anyOf = values2.map((value) => Literal(value));
    return Union(anyOf, { ...options, [symbols/* Hint */.Ck]: 'Enum' });
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/number/number.mjs


/** `[Json]` Creates a Number type */
function number_Number(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Number', type: 'number' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/string/string.mjs


/** `[Json]` Creates a String type */
function string_String(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'String', type: 'string' }, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/union/union-evaluated.mjs
var union_evaluated = __nccwpck_require__(89126);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/generate.mjs
var generate = __nccwpck_require__(20917);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/union.mjs



/** Returns a Union from the given TemplateLiteral */
function TemplateLiteralToUnion(schema) {
    const R = (0,generate/* TemplateLiteralGenerate */.vl)(schema);
    const L = R.map((S) => Literal(S));
    return (0,union_evaluated/* UnionEvaluated */.f)(L);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/patterns/patterns.mjs
const PatternBoolean = '(true|false)';
const PatternNumber = '(0|[1-9][0-9]*)';
const PatternString = '(.*)';
const PatternNever = '(?!.*)';
const PatternBooleanExact = (/* unused pure expression or super */ null && (`^${PatternBoolean}$`));
const PatternNumberExact = `^${PatternNumber}$`;
const PatternStringExact = `^${PatternString}$`;
const PatternNeverExact = `^${PatternNever}$`;

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/error/error.mjs
var error = __nccwpck_require__(79686);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/type.mjs
var type = __nccwpck_require__(14819);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends-check.mjs










class ExtendsResolverError extends error/* TypeBoxError */.i {
}
var ExtendsResult;
(function (ExtendsResult) {
    ExtendsResult[ExtendsResult["Union"] = 0] = "Union";
    ExtendsResult[ExtendsResult["True"] = 1] = "True";
    ExtendsResult[ExtendsResult["False"] = 2] = "False";
})(ExtendsResult || (ExtendsResult = {}));
// ------------------------------------------------------------------
// IntoBooleanResult
// ------------------------------------------------------------------
// prettier-ignore
function IntoBooleanResult(result) {
    return result === ExtendsResult.False ? result : ExtendsResult.True;
}
// ------------------------------------------------------------------
// Throw
// ------------------------------------------------------------------
// prettier-ignore
function Throw(message) {
    throw new ExtendsResolverError(message);
}
// ------------------------------------------------------------------
// StructuralRight
// ------------------------------------------------------------------
// prettier-ignore
function IsStructuralRight(right) {
    return (type/* IsNever */.Df(right) ||
        type/* IsIntersect */.Yq(right) ||
        type/* IsUnion */.my(right) ||
        type/* IsUnknown */.fr(right) ||
        type/* IsAny */.h4(right));
}
// prettier-ignore
function StructuralRight(left, right) {
    return (type/* IsNever */.Df(right) ? FromNeverRight(left, right) :
        type/* IsIntersect */.Yq(right) ? FromIntersectRight(left, right) :
            type/* IsUnion */.my(right) ? FromUnionRight(left, right) :
                type/* IsUnknown */.fr(right) ? FromUnknownRight(left, right) :
                    type/* IsAny */.h4(right) ? FromAnyRight(left, right) :
                        Throw('StructuralRight'));
}
// ------------------------------------------------------------------
// Any
// ------------------------------------------------------------------
// prettier-ignore
function FromAnyRight(left, right) {
    return ExtendsResult.True;
}
// prettier-ignore
function FromAny(left, right) {
    return (type/* IsIntersect */.Yq(right) ? FromIntersectRight(left, right) :
        (type/* IsUnion */.my(right) && right.anyOf.some((schema) => type/* IsAny */.h4(schema) || type/* IsUnknown */.fr(schema))) ? ExtendsResult.True :
            type/* IsUnion */.my(right) ? ExtendsResult.Union :
                type/* IsUnknown */.fr(right) ? ExtendsResult.True :
                    type/* IsAny */.h4(right) ? ExtendsResult.True :
                        ExtendsResult.Union);
}
// ------------------------------------------------------------------
// Array
// ------------------------------------------------------------------
// prettier-ignore
function FromArrayRight(left, right) {
    return (type/* IsUnknown */.fr(left) ? ExtendsResult.False :
        type/* IsAny */.h4(left) ? ExtendsResult.Union :
            type/* IsNever */.Df(left) ? ExtendsResult.True :
                ExtendsResult.False);
}
// prettier-ignore
function extends_check_FromArray(left, right) {
    return (type/* IsObject */.av(right) && IsObjectArrayLike(right) ? ExtendsResult.True :
        IsStructuralRight(right) ? StructuralRight(left, right) :
            !type/* IsArray */.QS(right) ? ExtendsResult.False :
                IntoBooleanResult(Visit(left.items, right.items)));
}
// ------------------------------------------------------------------
// AsyncIterator
// ------------------------------------------------------------------
// prettier-ignore
function FromAsyncIterator(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        !type/* IsAsyncIterator */.H1(right) ? ExtendsResult.False :
            IntoBooleanResult(Visit(left.items, right.items)));
}
// ------------------------------------------------------------------
// BigInt
// ------------------------------------------------------------------
// prettier-ignore
function FromBigInt(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsBigInt */.cQ(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Boolean
// ------------------------------------------------------------------
// prettier-ignore
function FromBooleanRight(left, right) {
    return (type/* IsLiteralBoolean */.Wy(left) ? ExtendsResult.True :
        type/* IsBoolean */.Zx(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromBoolean(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsBoolean */.Zx(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Constructor
// ------------------------------------------------------------------
// prettier-ignore
function FromConstructor(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            !type/* IsConstructor */.ZV(right) ? ExtendsResult.False :
                left.parameters.length > right.parameters.length ? ExtendsResult.False :
                    (!left.parameters.every((schema, index) => IntoBooleanResult(Visit(right.parameters[index], schema)) === ExtendsResult.True)) ? ExtendsResult.False :
                        IntoBooleanResult(Visit(left.returns, right.returns)));
}
// ------------------------------------------------------------------
// Date
// ------------------------------------------------------------------
// prettier-ignore
function FromDate(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsDate */.XF(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Function
// ------------------------------------------------------------------
// prettier-ignore
function FromFunction(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            !type/* IsFunction */.hg(right) ? ExtendsResult.False :
                left.parameters.length > right.parameters.length ? ExtendsResult.False :
                    (!left.parameters.every((schema, index) => IntoBooleanResult(Visit(right.parameters[index], schema)) === ExtendsResult.True)) ? ExtendsResult.False :
                        IntoBooleanResult(Visit(left.returns, right.returns)));
}
// ------------------------------------------------------------------
// Integer
// ------------------------------------------------------------------
// prettier-ignore
function FromIntegerRight(left, right) {
    return (type/* IsLiteral */.gP(left) && guard_value/* IsNumber */.Mx(left.const) ? ExtendsResult.True :
        type/* IsNumber */.Mx(left) || type/* IsInteger */.$p(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromInteger(left, right) {
    return (type/* IsInteger */.$p(right) || type/* IsNumber */.Mx(right) ? ExtendsResult.True :
        IsStructuralRight(right) ? StructuralRight(left, right) :
            type/* IsObject */.av(right) ? FromObjectRight(left, right) :
                type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Intersect
// ------------------------------------------------------------------
// prettier-ignore
function FromIntersectRight(left, right) {
    return right.allOf.every((schema) => Visit(left, schema) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// prettier-ignore
function extends_check_FromIntersect(left, right) {
    return left.allOf.some((schema) => Visit(schema, right) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// ------------------------------------------------------------------
// Iterator
// ------------------------------------------------------------------
// prettier-ignore
function FromIterator(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        !type/* IsIterator */.jo(right) ? ExtendsResult.False :
            IntoBooleanResult(Visit(left.items, right.items)));
}
// ------------------------------------------------------------------
// Literal
// ------------------------------------------------------------------
// prettier-ignore
function FromLiteral(left, right) {
    return (type/* IsLiteral */.gP(right) && right.const === left.const ? ExtendsResult.True :
        IsStructuralRight(right) ? StructuralRight(left, right) :
            type/* IsObject */.av(right) ? FromObjectRight(left, right) :
                type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                    type/* IsString */.IP(right) ? FromStringRight(left, right) :
                        type/* IsNumber */.Mx(right) ? FromNumberRight(left, right) :
                            type/* IsInteger */.$p(right) ? FromIntegerRight(left, right) :
                                type/* IsBoolean */.Zx(right) ? FromBooleanRight(left, right) :
                                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Never
// ------------------------------------------------------------------
// prettier-ignore
function FromNeverRight(left, right) {
    return ExtendsResult.False;
}
// prettier-ignore
function FromNever(left, right) {
    return ExtendsResult.True;
}
// ------------------------------------------------------------------
// Not
// ------------------------------------------------------------------
// prettier-ignore
function UnwrapTNot(schema) {
    let [current, depth] = [schema, 0];
    while (true) {
        if (!type/* IsNot */.gK(current))
            break;
        current = current.not;
        depth += 1;
    }
    return depth % 2 === 0 ? current : Unknown();
}
// prettier-ignore
function FromNot(left, right) {
    // TypeScript has no concept of negated types, and attempts to correctly check the negated
    // type at runtime would put TypeBox at odds with TypeScripts ability to statically infer
    // the type. Instead we unwrap to either unknown or T and continue evaluating.
    // prettier-ignore
    return (type/* IsNot */.gK(left) ? Visit(UnwrapTNot(left), right) :
        type/* IsNot */.gK(right) ? Visit(left, UnwrapTNot(right)) :
            Throw('Invalid fallthrough for Not'));
}
// ------------------------------------------------------------------
// Null
// ------------------------------------------------------------------
// prettier-ignore
function FromNull(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsNull */.Ef(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Number
// ------------------------------------------------------------------
// prettier-ignore
function FromNumberRight(left, right) {
    return (type/* IsLiteralNumber */.LV(left) ? ExtendsResult.True :
        type/* IsNumber */.Mx(left) || type/* IsInteger */.$p(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromNumber(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsInteger */.$p(right) || type/* IsNumber */.Mx(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Object
// ------------------------------------------------------------------
// prettier-ignore
function IsObjectPropertyCount(schema, count) {
    return Object.getOwnPropertyNames(schema.properties).length === count;
}
// prettier-ignore
function IsObjectStringLike(schema) {
    return IsObjectArrayLike(schema);
}
// prettier-ignore
function IsObjectSymbolLike(schema) {
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'description' in schema.properties && type/* IsUnion */.my(schema.properties.description) && schema.properties.description.anyOf.length === 2 && ((type/* IsString */.IP(schema.properties.description.anyOf[0]) &&
        type/* IsUndefined */.R1(schema.properties.description.anyOf[1])) || (type/* IsString */.IP(schema.properties.description.anyOf[1]) &&
        type/* IsUndefined */.R1(schema.properties.description.anyOf[0]))));
}
// prettier-ignore
function IsObjectNumberLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectBooleanLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectBigIntLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectDateLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectUint8ArrayLike(schema) {
    return IsObjectArrayLike(schema);
}
// prettier-ignore
function IsObjectFunctionLike(schema) {
    const length = number_Number();
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'length' in schema.properties && IntoBooleanResult(Visit(schema.properties['length'], length)) === ExtendsResult.True);
}
// prettier-ignore
function IsObjectConstructorLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectArrayLike(schema) {
    const length = number_Number();
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'length' in schema.properties && IntoBooleanResult(Visit(schema.properties['length'], length)) === ExtendsResult.True);
}
// prettier-ignore
function IsObjectPromiseLike(schema) {
    const then = Function([Any()], Any());
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'then' in schema.properties && IntoBooleanResult(Visit(schema.properties['then'], then)) === ExtendsResult.True);
}
// ------------------------------------------------------------------
// Property
// ------------------------------------------------------------------
// prettier-ignore
function Property(left, right) {
    return (Visit(left, right) === ExtendsResult.False ? ExtendsResult.False :
        type/* IsOptional */.X$(left) && !type/* IsOptional */.X$(right) ? ExtendsResult.False :
            ExtendsResult.True);
}
// prettier-ignore
function FromObjectRight(left, right) {
    return (type/* IsUnknown */.fr(left) ? ExtendsResult.False :
        type/* IsAny */.h4(left) ? ExtendsResult.Union : (type/* IsNever */.Df(left) ||
            (type/* IsLiteralString */.Zs(left) && IsObjectStringLike(right)) ||
            (type/* IsLiteralNumber */.LV(left) && IsObjectNumberLike(right)) ||
            (type/* IsLiteralBoolean */.Wy(left) && IsObjectBooleanLike(right)) ||
            (type/* IsSymbol */.nH(left) && IsObjectSymbolLike(right)) ||
            (type/* IsBigInt */.cQ(left) && IsObjectBigIntLike(right)) ||
            (type/* IsString */.IP(left) && IsObjectStringLike(right)) ||
            (type/* IsSymbol */.nH(left) && IsObjectSymbolLike(right)) ||
            (type/* IsNumber */.Mx(left) && IsObjectNumberLike(right)) ||
            (type/* IsInteger */.$p(left) && IsObjectNumberLike(right)) ||
            (type/* IsBoolean */.Zx(left) && IsObjectBooleanLike(right)) ||
            (type/* IsUint8Array */.G4(left) && IsObjectUint8ArrayLike(right)) ||
            (type/* IsDate */.XF(left) && IsObjectDateLike(right)) ||
            (type/* IsConstructor */.ZV(left) && IsObjectConstructorLike(right)) ||
            (type/* IsFunction */.hg(left) && IsObjectFunctionLike(right))) ? ExtendsResult.True :
            (type/* IsRecord */.cZ(left) && type/* IsString */.IP(RecordKey(left))) ? (() => {
                // When expressing a Record with literal key values, the Record is converted into a Object with
                // the Hint assigned as `Record`. This is used to invert the extends logic.
                return right[symbols/* Hint */.Ck] === 'Record' ? ExtendsResult.True : ExtendsResult.False;
            })() :
                (type/* IsRecord */.cZ(left) && type/* IsNumber */.Mx(RecordKey(left))) ? (() => {
                    return IsObjectPropertyCount(right, 0) ? ExtendsResult.True : ExtendsResult.False;
                })() :
                    ExtendsResult.False);
}
// prettier-ignore
function FromObject(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
            !type/* IsObject */.av(right) ? ExtendsResult.False :
                (() => {
                    for (const key of Object.getOwnPropertyNames(right.properties)) {
                        if (!(key in left.properties) && !type/* IsOptional */.X$(right.properties[key])) {
                            return ExtendsResult.False;
                        }
                        if (type/* IsOptional */.X$(right.properties[key])) {
                            return ExtendsResult.True;
                        }
                        if (Property(left.properties[key], right.properties[key]) === ExtendsResult.False) {
                            return ExtendsResult.False;
                        }
                    }
                    return ExtendsResult.True;
                })());
}
// ------------------------------------------------------------------
// Promise
// ------------------------------------------------------------------
// prettier-ignore
function extends_check_FromPromise(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) && IsObjectPromiseLike(right) ? ExtendsResult.True :
            !type/* IsPromise */.OD(right) ? ExtendsResult.False :
                IntoBooleanResult(Visit(left.item, right.item)));
}
// ------------------------------------------------------------------
// Record
// ------------------------------------------------------------------
// prettier-ignore
function RecordKey(schema) {
    return (PatternNumberExact in schema.patternProperties ? number_Number() :
        PatternStringExact in schema.patternProperties ? string_String() :
            Throw('Unknown record key pattern'));
}
// prettier-ignore
function RecordValue(schema) {
    return (PatternNumberExact in schema.patternProperties ? schema.patternProperties[PatternNumberExact] :
        PatternStringExact in schema.patternProperties ? schema.patternProperties[PatternStringExact] :
            Throw('Unable to get record value schema'));
}
// prettier-ignore
function FromRecordRight(left, right) {
    const [Key, Value] = [RecordKey(right), RecordValue(right)];
    return ((type/* IsLiteralString */.Zs(left) && type/* IsNumber */.Mx(Key) && IntoBooleanResult(Visit(left, Value)) === ExtendsResult.True) ? ExtendsResult.True :
        type/* IsUint8Array */.G4(left) && type/* IsNumber */.Mx(Key) ? Visit(left, Value) :
            type/* IsString */.IP(left) && type/* IsNumber */.Mx(Key) ? Visit(left, Value) :
                type/* IsArray */.QS(left) && type/* IsNumber */.Mx(Key) ? Visit(left, Value) :
                    type/* IsObject */.av(left) ? (() => {
                        for (const key of Object.getOwnPropertyNames(left.properties)) {
                            if (Property(Value, left.properties[key]) === ExtendsResult.False) {
                                return ExtendsResult.False;
                            }
                        }
                        return ExtendsResult.True;
                    })() :
                        ExtendsResult.False);
}
// prettier-ignore
function FromRecord(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            !type/* IsRecord */.cZ(right) ? ExtendsResult.False :
                Visit(RecordValue(left), RecordValue(right)));
}
// ------------------------------------------------------------------
// RegExp
// ------------------------------------------------------------------
// prettier-ignore
function FromRegExp(left, right) {
    // Note: RegExp types evaluate as strings, not RegExp objects.
    // Here we remap either into string and continue evaluating.
    const L = type/* IsRegExp */.__(left) ? string_String() : left;
    const R = type/* IsRegExp */.__(right) ? string_String() : right;
    return Visit(L, R);
}
// ------------------------------------------------------------------
// String
// ------------------------------------------------------------------
// prettier-ignore
function FromStringRight(left, right) {
    return (type/* IsLiteral */.gP(left) && guard_value/* IsString */.IP(left.const) ? ExtendsResult.True :
        type/* IsString */.IP(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromString(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsString */.IP(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Symbol
// ------------------------------------------------------------------
// prettier-ignore
function FromSymbol(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsSymbol */.nH(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// TemplateLiteral
// ------------------------------------------------------------------
// prettier-ignore
function FromTemplateLiteral(left, right) {
    // TemplateLiteral types are resolved to either unions for finite expressions or string
    // for infinite expressions. Here we call to TemplateLiteralResolver to resolve for
    // either type and continue evaluating.
    return (type/* IsTemplateLiteral */.gm(left) ? Visit(TemplateLiteralToUnion(left), right) :
        type/* IsTemplateLiteral */.gm(right) ? Visit(left, TemplateLiteralToUnion(right)) :
            Throw('Invalid fallthrough for TemplateLiteral'));
}
// ------------------------------------------------------------------
// Tuple
// ------------------------------------------------------------------
// prettier-ignore
function IsArrayOfTuple(left, right) {
    return (type/* IsArray */.QS(right) &&
        left.items !== undefined &&
        left.items.every((schema) => Visit(schema, right.items) === ExtendsResult.True));
}
// prettier-ignore
function FromTupleRight(left, right) {
    return (type/* IsNever */.Df(left) ? ExtendsResult.True :
        type/* IsUnknown */.fr(left) ? ExtendsResult.False :
            type/* IsAny */.h4(left) ? ExtendsResult.Union :
                ExtendsResult.False);
}
// prettier-ignore
function FromTuple(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) && IsObjectArrayLike(right) ? ExtendsResult.True :
            type/* IsArray */.QS(right) && IsArrayOfTuple(left, right) ? ExtendsResult.True :
                !type/* IsTuple */.PN(right) ? ExtendsResult.False :
                    (guard_value/* IsUndefined */.R1(left.items) && !guard_value/* IsUndefined */.R1(right.items)) || (!guard_value/* IsUndefined */.R1(left.items) && guard_value/* IsUndefined */.R1(right.items)) ? ExtendsResult.False :
                        (guard_value/* IsUndefined */.R1(left.items) && !guard_value/* IsUndefined */.R1(right.items)) ? ExtendsResult.True :
                            left.items.every((schema, index) => Visit(schema, right.items[index]) === ExtendsResult.True) ? ExtendsResult.True :
                                ExtendsResult.False);
}
// ------------------------------------------------------------------
// Uint8Array
// ------------------------------------------------------------------
// prettier-ignore
function FromUint8Array(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsUint8Array */.G4(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Undefined
// ------------------------------------------------------------------
// prettier-ignore
function FromUndefined(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type/* IsObject */.av(right) ? FromObjectRight(left, right) :
            type/* IsRecord */.cZ(right) ? FromRecordRight(left, right) :
                type/* IsVoid */.jw(right) ? FromVoidRight(left, right) :
                    type/* IsUndefined */.R1(right) ? ExtendsResult.True :
                        ExtendsResult.False);
}
// ------------------------------------------------------------------
// Union
// ------------------------------------------------------------------
// prettier-ignore
function FromUnionRight(left, right) {
    return right.anyOf.some((schema) => Visit(left, schema) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// prettier-ignore
function extends_check_FromUnion(left, right) {
    return left.anyOf.every((schema) => Visit(schema, right) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// ------------------------------------------------------------------
// Unknown
// ------------------------------------------------------------------
// prettier-ignore
function FromUnknownRight(left, right) {
    return ExtendsResult.True;
}
// prettier-ignore
function FromUnknown(left, right) {
    return (type/* IsNever */.Df(right) ? FromNeverRight(left, right) :
        type/* IsIntersect */.Yq(right) ? FromIntersectRight(left, right) :
            type/* IsUnion */.my(right) ? FromUnionRight(left, right) :
                type/* IsAny */.h4(right) ? FromAnyRight(left, right) :
                    type/* IsString */.IP(right) ? FromStringRight(left, right) :
                        type/* IsNumber */.Mx(right) ? FromNumberRight(left, right) :
                            type/* IsInteger */.$p(right) ? FromIntegerRight(left, right) :
                                type/* IsBoolean */.Zx(right) ? FromBooleanRight(left, right) :
                                    type/* IsArray */.QS(right) ? FromArrayRight(left, right) :
                                        type/* IsTuple */.PN(right) ? FromTupleRight(left, right) :
                                            type/* IsObject */.av(right) ? FromObjectRight(left, right) :
                                                type/* IsUnknown */.fr(right) ? ExtendsResult.True :
                                                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Void
// ------------------------------------------------------------------
// prettier-ignore
function FromVoidRight(left, right) {
    return (type/* IsUndefined */.R1(left) ? ExtendsResult.True :
        type/* IsUndefined */.R1(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromVoid(left, right) {
    return (type/* IsIntersect */.Yq(right) ? FromIntersectRight(left, right) :
        type/* IsUnion */.my(right) ? FromUnionRight(left, right) :
            type/* IsUnknown */.fr(right) ? FromUnknownRight(left, right) :
                type/* IsAny */.h4(right) ? FromAnyRight(left, right) :
                    type/* IsObject */.av(right) ? FromObjectRight(left, right) :
                        type/* IsVoid */.jw(right) ? ExtendsResult.True :
                            ExtendsResult.False);
}
// prettier-ignore
function Visit(left, right) {
    return (
    // resolvable
    (type/* IsTemplateLiteral */.gm(left) || type/* IsTemplateLiteral */.gm(right)) ? FromTemplateLiteral(left, right) :
        (type/* IsRegExp */.__(left) || type/* IsRegExp */.__(right)) ? FromRegExp(left, right) :
            (type/* IsNot */.gK(left) || type/* IsNot */.gK(right)) ? FromNot(left, right) :
                // standard
                type/* IsAny */.h4(left) ? FromAny(left, right) :
                    type/* IsArray */.QS(left) ? extends_check_FromArray(left, right) :
                        type/* IsBigInt */.cQ(left) ? FromBigInt(left, right) :
                            type/* IsBoolean */.Zx(left) ? FromBoolean(left, right) :
                                type/* IsAsyncIterator */.H1(left) ? FromAsyncIterator(left, right) :
                                    type/* IsConstructor */.ZV(left) ? FromConstructor(left, right) :
                                        type/* IsDate */.XF(left) ? FromDate(left, right) :
                                            type/* IsFunction */.hg(left) ? FromFunction(left, right) :
                                                type/* IsInteger */.$p(left) ? FromInteger(left, right) :
                                                    type/* IsIntersect */.Yq(left) ? extends_check_FromIntersect(left, right) :
                                                        type/* IsIterator */.jo(left) ? FromIterator(left, right) :
                                                            type/* IsLiteral */.gP(left) ? FromLiteral(left, right) :
                                                                type/* IsNever */.Df(left) ? FromNever(left, right) :
                                                                    type/* IsNull */.Ef(left) ? FromNull(left, right) :
                                                                        type/* IsNumber */.Mx(left) ? FromNumber(left, right) :
                                                                            type/* IsObject */.av(left) ? FromObject(left, right) :
                                                                                type/* IsRecord */.cZ(left) ? FromRecord(left, right) :
                                                                                    type/* IsString */.IP(left) ? FromString(left, right) :
                                                                                        type/* IsSymbol */.nH(left) ? FromSymbol(left, right) :
                                                                                            type/* IsTuple */.PN(left) ? FromTuple(left, right) :
                                                                                                type/* IsPromise */.OD(left) ? extends_check_FromPromise(left, right) :
                                                                                                    type/* IsUint8Array */.G4(left) ? FromUint8Array(left, right) :
                                                                                                        type/* IsUndefined */.R1(left) ? FromUndefined(left, right) :
                                                                                                            type/* IsUnion */.my(left) ? extends_check_FromUnion(left, right) :
                                                                                                                type/* IsUnknown */.fr(left) ? FromUnknown(left, right) :
                                                                                                                    type/* IsVoid */.jw(left) ? FromVoid(left, right) :
                                                                                                                        Throw(`Unknown left type operand '${left[symbols/* Kind */.b8]}'`));
}
function ExtendsCheck(left, right) {
    return Visit(left, right);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/exclude/exclude-from-mapped-result.mjs


// prettier-ignore
function exclude_from_mapped_result_FromProperties(P, U) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Exclude(P[K2], U);
    return Acc;
}
// prettier-ignore
function exclude_from_mapped_result_FromMappedResult(R, T) {
    return exclude_from_mapped_result_FromProperties(R.properties, T);
}
// prettier-ignore
function ExcludeFromMappedResult(R, T) {
    const P = exclude_from_mapped_result_FromMappedResult(R, T);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/exclude/exclude-from-template-literal.mjs


function ExcludeFromTemplateLiteral(L, R) {
    return Exclude(TemplateLiteralToUnion(L), R);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/exclude/exclude.mjs






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

function ExcludeRest(L, R) {
    const excluded = L.filter((inner) => ExtendsCheck(inner, R) === ExtendsResult.False);
    return excluded.length === 1 ? excluded[0] : Union(excluded);
}
/** `[Json]` Constructs a type by excluding from unionType all union members that are assignable to excludedMembers */
function Exclude(L, R, options = {}) {
    // overloads
    if ((0,kind/* IsTemplateLiteral */.gm)(L))
        return (0,create_type/* CreateType */.v)(ExcludeFromTemplateLiteral(L, R), options);
    if ((0,kind/* IsMappedResult */.ZD)(L))
        return (0,create_type/* CreateType */.v)(ExcludeFromMappedResult(L, R), options);
    // prettier-ignore
    return (0,create_type/* CreateType */.v)((0,kind/* IsUnion */.my)(L) ? ExcludeRest(L.anyOf, R) :
        ExtendsCheck(L, R) !== ExtendsResult.False ? (0,never/* Never */.p)() : L, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/clone/value.mjs
var value = __nccwpck_require__(52086);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends-from-mapped-key.mjs




// prettier-ignore
function FromPropertyKey(K, U, L, R, options) {
    return {
        [K]: Extends(Literal(K), U, L, R, (0,value/* Clone */.i)(options))
    };
}
// prettier-ignore
function FromPropertyKeys(K, U, L, R, options) {
    return K.reduce((Acc, LK) => {
        return { ...Acc, ...FromPropertyKey(LK, U, L, R, options) };
    }, {});
}
// prettier-ignore
function FromMappedKey(K, U, L, R, options) {
    return FromPropertyKeys(K.keys, U, L, R, options);
}
// prettier-ignore
function ExtendsFromMappedKey(T, U, L, R, options) {
    const P = FromMappedKey(T, U, L, R, options);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends-from-mapped-result.mjs



// prettier-ignore
function extends_from_mapped_result_FromProperties(P, Right, True, False, options) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Extends(P[K2], Right, True, False, (0,value/* Clone */.i)(options));
    return Acc;
}
// prettier-ignore
function extends_from_mapped_result_FromMappedResult(Left, Right, True, False, options) {
    return extends_from_mapped_result_FromProperties(Left.properties, Right, True, False, options);
}
// prettier-ignore
function ExtendsFromMappedResult(Left, Right, True, False, options) {
    const P = extends_from_mapped_result_FromMappedResult(Left, Right, True, False, options);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function ExtendsResolve(left, right, trueType, falseType) {
    const R = ExtendsCheck(left, right);
    return (R === ExtendsResult.Union ? Union([trueType, falseType]) :
        R === ExtendsResult.True ? trueType :
            falseType);
}
/** `[Json]` Creates a Conditional type */
function Extends(L, R, T, F, options) {
    // prettier-ignore
    return ((0,kind/* IsMappedResult */.ZD)(L) ? ExtendsFromMappedResult(L, R, T, F, options) :
        (0,kind/* IsMappedKey */.zZ)(L) ? (0,create_type/* CreateType */.v)(ExtendsFromMappedKey(L, R, T, F, options)) :
            (0,create_type/* CreateType */.v)(ExtendsResolve(L, R, T, F), options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extract/extract-from-mapped-result.mjs


// prettier-ignore
function extract_from_mapped_result_FromProperties(P, T) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Extract(P[K2], T);
    return Acc;
}
// prettier-ignore
function extract_from_mapped_result_FromMappedResult(R, T) {
    return extract_from_mapped_result_FromProperties(R.properties, T);
}
// prettier-ignore
function ExtractFromMappedResult(R, T) {
    const P = extract_from_mapped_result_FromMappedResult(R, T);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extract/extract-from-template-literal.mjs


function ExtractFromTemplateLiteral(L, R) {
    return Extract(TemplateLiteralToUnion(L), R);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extract/extract.mjs






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

function ExtractRest(L, R) {
    const extracted = L.filter((inner) => ExtendsCheck(inner, R) !== ExtendsResult.False);
    return extracted.length === 1 ? extracted[0] : Union(extracted);
}
/** `[Json]` Constructs a type by extracting from type all union members that are assignable to union */
function Extract(L, R, options) {
    // overloads
    if ((0,kind/* IsTemplateLiteral */.gm)(L))
        return (0,create_type/* CreateType */.v)(ExtractFromTemplateLiteral(L, R), options);
    if ((0,kind/* IsMappedResult */.ZD)(L))
        return (0,create_type/* CreateType */.v)(ExtractFromMappedResult(L, R), options);
    // prettier-ignore
    return (0,create_type/* CreateType */.v)((0,kind/* IsUnion */.my)(L) ? ExtractRest(L.anyOf, R) :
        ExtendsCheck(L, R) !== ExtendsResult.False ? L : (0,never/* Never */.p)(), options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/instance-type/instance-type.mjs



/** `[JavaScript]` Extracts the InstanceType from the given Constructor type */
function InstanceType(schema, options) {
    return (kind/* IsConstructor */.ZV(schema) ? (0,create_type/* CreateType */.v)(schema.returns, options) : (0,never/* Never */.p)(options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/clone/type.mjs

/** Clones a Rest */
function CloneRest(schemas) {
    return schemas.map((schema) => CloneType(schema));
}
/** Clones a Type */
function CloneType(schema, options) {
    return options === undefined ? (0,value/* Clone */.i)(schema) : (0,value/* Clone */.i)({ ...options, ...schema });
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/optional/optional.mjs + 1 modules
var optional = __nccwpck_require__(78697);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/readonly-optional/readonly-optional.mjs


/** `[Json]` Creates a Readonly and Optional property */
function ReadonlyOptional(schema) {
    return Readonly((0,optional/* Optional */.X)(schema));
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/finite.mjs
var template_literal_finite = __nccwpck_require__(80169);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-property-keys.mjs
var indexed_property_keys = __nccwpck_require__(21213);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/record/record.mjs










// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// RecordCreateFromPattern
// ------------------------------------------------------------------
// prettier-ignore
function RecordCreateFromPattern(pattern, T, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Record', type: 'object', patternProperties: { [pattern]: T } }, options);
}
// ------------------------------------------------------------------
// RecordCreateFromKeys
// ------------------------------------------------------------------
// prettier-ignore
function RecordCreateFromKeys(K, T, options) {
    const result = {};
    for (const K2 of K)
        result[K2] = T;
    return object_Object(result, { ...options, [symbols/* Hint */.Ck]: 'Record' });
}
// prettier-ignore
function FromTemplateLiteralKey(K, T, options) {
    return ((0,template_literal_finite/* IsTemplateLiteralFinite */.VA)(K)
        ? RecordCreateFromKeys((0,indexed_property_keys/* IndexPropertyKeys */.U)(K), T, options)
        : RecordCreateFromPattern(K.pattern, T, options));
}
// prettier-ignore
function FromUnionKey(key, type, options) {
    return RecordCreateFromKeys((0,indexed_property_keys/* IndexPropertyKeys */.U)(Union(key)), type, options);
}
// prettier-ignore
function FromLiteralKey(key, type, options) {
    return RecordCreateFromKeys([key.toString()], type, options);
}
// prettier-ignore
function FromRegExpKey(key, type, options) {
    return RecordCreateFromPattern(key.source, type, options);
}
// prettier-ignore
function FromStringKey(key, type, options) {
    const pattern = (0,guard_value/* IsUndefined */.R1)(key.pattern) ? PatternStringExact : key.pattern;
    return RecordCreateFromPattern(pattern, type, options);
}
// prettier-ignore
function FromAnyKey(_, type, options) {
    return RecordCreateFromPattern(PatternStringExact, type, options);
}
// prettier-ignore
function FromNeverKey(_key, type, options) {
    return RecordCreateFromPattern(PatternNeverExact, type, options);
}
// prettier-ignore
function FromBooleanKey(_key, type, options) {
    return object_Object({ true: type, false: type }, options);
}
// prettier-ignore
function FromIntegerKey(_key, type, options) {
    return RecordCreateFromPattern(PatternNumberExact, type, options);
}
// prettier-ignore
function FromNumberKey(_, type, options) {
    return RecordCreateFromPattern(PatternNumberExact, type, options);
}
// ------------------------------------------------------------------
// TRecordOrObject
// ------------------------------------------------------------------
/** `[Json]` Creates a Record type */
function Record(key, type, options = {}) {
    // prettier-ignore
    return ((0,kind/* IsUnion */.my)(key) ? FromUnionKey(key.anyOf, type, options) :
        (0,kind/* IsTemplateLiteral */.gm)(key) ? FromTemplateLiteralKey(key, type, options) :
            (0,kind/* IsLiteral */.gP)(key) ? FromLiteralKey(key.const, type, options) :
                (0,kind/* IsBoolean */.Zx)(key) ? FromBooleanKey(key, type, options) :
                    (0,kind/* IsInteger */.$p)(key) ? FromIntegerKey(key, type, options) :
                        (0,kind/* IsNumber */.Mx)(key) ? FromNumberKey(key, type, options) :
                            (0,kind/* IsRegExp */.__)(key) ? FromRegExpKey(key, type, options) :
                                (0,kind/* IsString */.IP)(key) ? FromStringKey(key, type, options) :
                                    (0,kind/* IsAny */.h4)(key) ? FromAnyKey(key, type, options) :
                                        (0,kind/* IsNever */.Df)(key) ? FromNeverKey(key, type, options) :
                                            (0,never/* Never */.p)(options));
}
// ------------------------------------------------------------------
// Record Utilities
// ------------------------------------------------------------------
/** Gets the Records Pattern */
function RecordPattern(record) {
    return globalThis.Object.getOwnPropertyNames(record.patternProperties)[0];
}
/** Gets the Records Key Type */
// prettier-ignore
function record_RecordKey(type) {
    const pattern = RecordPattern(type);
    return (pattern === PatternStringExact ? string_String() :
        pattern === PatternNumberExact ? number_Number() :
            string_String({ pattern }));
}
/** Gets a Record Value Type */
// prettier-ignore
function record_RecordValue(type) {
    return type.patternProperties[RecordPattern(type)];
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/instantiate/instantiate.mjs









// prettier-ignore
function instantiate_FromConstructor(args, type) {
    type.parameters = FromTypes(args, type.parameters);
    type.returns = FromType(args, type.returns);
    return type;
}
// prettier-ignore
function instantiate_FromFunction(args, type) {
    type.parameters = FromTypes(args, type.parameters);
    type.returns = FromType(args, type.returns);
    return type;
}
// prettier-ignore
function instantiate_FromIntersect(args, type) {
    type.allOf = FromTypes(args, type.allOf);
    return type;
}
// prettier-ignore
function instantiate_FromUnion(args, type) {
    type.anyOf = FromTypes(args, type.anyOf);
    return type;
}
// prettier-ignore
function instantiate_FromTuple(args, type) {
    if (guard_value/* IsUndefined */.R1(type.items))
        return type;
    type.items = FromTypes(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromArray(args, type) {
    type.items = FromType(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromAsyncIterator(args, type) {
    type.items = FromType(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromIterator(args, type) {
    type.items = FromType(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromPromise(args, type) {
    type.item = FromType(args, type.item);
    return type;
}
// prettier-ignore
function instantiate_FromObject(args, type) {
    const mappedProperties = instantiate_FromProperties(args, type.properties);
    return { ...type, ...object_Object(mappedProperties) }; // retain options
}
// prettier-ignore
function instantiate_FromRecord(args, type) {
    const mappedKey = FromType(args, record_RecordKey(type));
    const mappedValue = FromType(args, record_RecordValue(type));
    const result = Record(mappedKey, mappedValue);
    return { ...type, ...result }; // retain options
}
// prettier-ignore
function FromArgument(args, argument) {
    return argument.index in args ? args[argument.index] : Unknown();
}
// prettier-ignore
function FromProperty(args, type) {
    const isReadonly = kind/* IsReadonly */.TC(type);
    const isOptional = kind/* IsOptional */.X$(type);
    const mapped = FromType(args, type);
    return (isReadonly && isOptional ? ReadonlyOptional(mapped) :
        isReadonly && !isOptional ? Readonly(mapped) :
            !isReadonly && isOptional ? (0,optional/* Optional */.X)(mapped) :
                mapped);
}
// prettier-ignore
function instantiate_FromProperties(args, properties) {
    return globalThis.Object.getOwnPropertyNames(properties).reduce((result, key) => {
        return { ...result, [key]: FromProperty(args, properties[key]) };
    }, {});
}
// prettier-ignore
function FromTypes(args, types) {
    return types.map(type => FromType(args, type));
}
// prettier-ignore
function FromType(args, type) {
    return (kind/* IsConstructor */.ZV(type) ? instantiate_FromConstructor(args, type) :
        kind/* IsFunction */.hg(type) ? instantiate_FromFunction(args, type) :
            kind/* IsIntersect */.Yq(type) ? instantiate_FromIntersect(args, type) :
                kind/* IsUnion */.my(type) ? instantiate_FromUnion(args, type) :
                    kind/* IsTuple */.PN(type) ? instantiate_FromTuple(args, type) :
                        kind/* IsArray */.QS(type) ? instantiate_FromArray(args, type) :
                            kind/* IsAsyncIterator */.H1(type) ? instantiate_FromAsyncIterator(args, type) :
                                kind/* IsIterator */.jo(type) ? instantiate_FromIterator(args, type) :
                                    kind/* IsPromise */.OD(type) ? instantiate_FromPromise(args, type) :
                                        kind/* IsObject */.av(type) ? instantiate_FromObject(args, type) :
                                            kind/* IsRecord */.cZ(type) ? instantiate_FromRecord(args, type) :
                                                kind/* IsArgument */.Cz(type) ? FromArgument(args, type) :
                                                    type);
}
/** `[JavaScript]` Instantiates a type with the given parameters */
// prettier-ignore
function Instantiate(type, args) {
    return FromType(args, CloneType(type));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/integer/integer.mjs


/** `[Json]` Creates an Integer type */
function Integer(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Integer', type: 'integer' }, options);
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/parse.mjs
var parse = __nccwpck_require__(6293);
;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/syntax.mjs







// ------------------------------------------------------------------
// SyntaxParsers
// ------------------------------------------------------------------
// prettier-ignore
function* syntax_FromUnion(syntax) {
    const trim = syntax.trim().replace(/"|'/g, '');
    return (trim === 'boolean' ? yield Boolean() :
        trim === 'number' ? yield number_Number() :
            trim === 'bigint' ? yield BigInt() :
                trim === 'string' ? yield string_String() :
                    yield (() => {
                        const literals = trim.split('|').map((literal) => Literal(literal.trim()));
                        return (literals.length === 0 ? (0,never/* Never */.p)() :
                            literals.length === 1 ? literals[0] :
                                (0,union_evaluated/* UnionEvaluated */.f)(literals));
                    })());
}
// prettier-ignore
function* FromTerminal(syntax) {
    if (syntax[1] !== '{') {
        const L = Literal('$');
        const R = FromSyntax(syntax.slice(1));
        return yield* [L, ...R];
    }
    for (let i = 2; i < syntax.length; i++) {
        if (syntax[i] === '}') {
            const L = syntax_FromUnion(syntax.slice(2, i));
            const R = FromSyntax(syntax.slice(i + 1));
            return yield* [...L, ...R];
        }
    }
    yield Literal(syntax);
}
// prettier-ignore
function* FromSyntax(syntax) {
    for (let i = 0; i < syntax.length; i++) {
        if (syntax[i] === '$') {
            const L = Literal(syntax.slice(0, i));
            const R = FromTerminal(syntax.slice(i));
            return yield* [L, ...R];
        }
    }
    yield Literal(syntax);
}
/** Parses TemplateLiteralSyntax and returns a tuple of TemplateLiteralKinds */
function TemplateLiteralSyntax(syntax) {
    return [...FromSyntax(syntax)];
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/pattern.mjs



// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TemplateLiteralPatternError
// ------------------------------------------------------------------
class TemplateLiteralPatternError extends error/* TypeBoxError */.i {
}
// ------------------------------------------------------------------
// TemplateLiteralPattern
// ------------------------------------------------------------------
function Escape(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
// prettier-ignore
function pattern_Visit(schema, acc) {
    return ((0,kind/* IsTemplateLiteral */.gm)(schema) ? schema.pattern.slice(1, schema.pattern.length - 1) :
        (0,kind/* IsUnion */.my)(schema) ? `(${schema.anyOf.map((schema) => pattern_Visit(schema, acc)).join('|')})` :
            (0,kind/* IsNumber */.Mx)(schema) ? `${acc}${PatternNumber}` :
                (0,kind/* IsInteger */.$p)(schema) ? `${acc}${PatternNumber}` :
                    (0,kind/* IsBigInt */.cQ)(schema) ? `${acc}${PatternNumber}` :
                        (0,kind/* IsString */.IP)(schema) ? `${acc}${PatternString}` :
                            (0,kind/* IsLiteral */.gP)(schema) ? `${acc}${Escape(schema.const.toString())}` :
                                (0,kind/* IsBoolean */.Zx)(schema) ? `${acc}${PatternBoolean}` :
                                    (() => { throw new TemplateLiteralPatternError(`Unexpected Kind '${schema[symbols/* Kind */.b8]}'`); })());
}
function TemplateLiteralPattern(kinds) {
    return `^${kinds.map((schema) => pattern_Visit(schema, '')).join('')}\$`;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/template-literal.mjs





/** `[Json]` Creates a TemplateLiteral type */
// prettier-ignore
function TemplateLiteral(unresolved, options) {
    const pattern = (0,guard_value/* IsString */.IP)(unresolved)
        ? TemplateLiteralPattern(TemplateLiteralSyntax(unresolved))
        : TemplateLiteralPattern(unresolved);
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'TemplateLiteral', type: 'string', pattern }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/intrinsic-from-mapped-key.mjs




// prettier-ignore
function MappedIntrinsicPropertyKey(K, M, options) {
    return {
        [K]: Intrinsic(Literal(K), M, (0,value/* Clone */.i)(options))
    };
}
// prettier-ignore
function MappedIntrinsicPropertyKeys(K, M, options) {
    const result = K.reduce((Acc, L) => {
        return { ...Acc, ...MappedIntrinsicPropertyKey(L, M, options) };
    }, {});
    return result;
}
// prettier-ignore
function MappedIntrinsicProperties(T, M, options) {
    return MappedIntrinsicPropertyKeys(T['keys'], M, options);
}
// prettier-ignore
function IntrinsicFromMappedKey(T, M, options) {
    const P = MappedIntrinsicProperties(T, M, options);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/intrinsic.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// Apply
// ------------------------------------------------------------------
function ApplyUncapitalize(value) {
    const [first, rest] = [value.slice(0, 1), value.slice(1)];
    return [first.toLowerCase(), rest].join('');
}
function ApplyCapitalize(value) {
    const [first, rest] = [value.slice(0, 1), value.slice(1)];
    return [first.toUpperCase(), rest].join('');
}
function ApplyUppercase(value) {
    return value.toUpperCase();
}
function ApplyLowercase(value) {
    return value.toLowerCase();
}
function intrinsic_FromTemplateLiteral(schema, mode, options) {
    // note: template literals require special runtime handling as they are encoded in string patterns.
    // This diverges from the mapped type which would otherwise map on the template literal kind.
    const expression = (0,parse/* TemplateLiteralParseExact */.gL)(schema.pattern);
    const finite = (0,template_literal_finite/* IsTemplateLiteralExpressionFinite */.vu)(expression);
    if (!finite)
        return { ...schema, pattern: FromLiteralValue(schema.pattern, mode) };
    const strings = [...(0,generate/* TemplateLiteralExpressionGenerate */.Jt)(expression)];
    const literals = strings.map((value) => Literal(value));
    const mapped = intrinsic_FromRest(literals, mode);
    const union = Union(mapped);
    return TemplateLiteral([union], options);
}
// prettier-ignore
function FromLiteralValue(value, mode) {
    return (typeof value === 'string' ? (mode === 'Uncapitalize' ? ApplyUncapitalize(value) :
        mode === 'Capitalize' ? ApplyCapitalize(value) :
            mode === 'Uppercase' ? ApplyUppercase(value) :
                mode === 'Lowercase' ? ApplyLowercase(value) :
                    value) : value.toString());
}
// prettier-ignore
function intrinsic_FromRest(T, M) {
    return T.map(L => Intrinsic(L, M));
}
/** Applies an intrinsic string manipulation to the given type. */
function Intrinsic(schema, mode, options = {}) {
    // prettier-ignore
    return (
    // Intrinsic-Mapped-Inference
    (0,kind/* IsMappedKey */.zZ)(schema) ? IntrinsicFromMappedKey(schema, mode, options) :
        // Standard-Inference
        (0,kind/* IsTemplateLiteral */.gm)(schema) ? intrinsic_FromTemplateLiteral(schema, mode, options) :
            (0,kind/* IsUnion */.my)(schema) ? Union(intrinsic_FromRest(schema.anyOf, mode), options) :
                (0,kind/* IsLiteral */.gP)(schema) ? Literal(FromLiteralValue(schema.const, mode), options) :
                    // Default Type
                    (0,create_type/* CreateType */.v)(schema, options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/capitalize.mjs

/** `[Json]` Intrinsic function to Capitalize LiteralString types */
function Capitalize(T, options = {}) {
    return Intrinsic(T, 'Capitalize', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/uncapitalize.mjs

/** `[Json]` Intrinsic function to Uncapitalize LiteralString types */
function Uncapitalize(T, options = {}) {
    return Intrinsic(T, 'Uncapitalize', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/lowercase.mjs

/** `[Json]` Intrinsic function to Lowercase LiteralString types */
function Lowercase(T, options = {}) {
    return Intrinsic(T, 'Lowercase', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/uppercase.mjs

/** `[Json]` Intrinsic function to Uppercase LiteralString types */
function Uppercase(T, options = {}) {
    return Intrinsic(T, 'Uppercase', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/iterator/iterator.mjs


/** `[JavaScript]` Creates an Iterator type */
function Iterator(items, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Iterator', type: 'Iterator', items }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-from-mapped-result.mjs



// prettier-ignore
function keyof_from_mapped_result_FromProperties(properties, options) {
    const result = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
        result[K2] = KeyOf(properties[K2], (0,value/* Clone */.i)(options));
    return result;
}
// prettier-ignore
function keyof_from_mapped_result_FromMappedResult(mappedResult, options) {
    return keyof_from_mapped_result_FromProperties(mappedResult.properties, options);
}
// prettier-ignore
function KeyOfFromMappedResult(mappedResult, options) {
    const properties = keyof_from_mapped_result_FromMappedResult(mappedResult, options);
    return (0,mapped_result/* MappedResult */.r)(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof.mjs








// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function keyof_FromComputed(target, parameters) {
    return (0,computed/* Computed */.S)('KeyOf', [(0,computed/* Computed */.S)(target, parameters)]);
}
// prettier-ignore
function keyof_FromRef($ref) {
    return (0,computed/* Computed */.S)('KeyOf', [(0,ref/* Ref */.o)($ref)]);
}
// prettier-ignore
function KeyOfFromType(type, options) {
    const propertyKeys = (0,keyof_property_keys/* KeyOfPropertyKeys */.g)(type);
    const propertyKeyTypes = KeyOfPropertyKeysToRest(propertyKeys);
    const result = (0,union_evaluated/* UnionEvaluated */.f)(propertyKeyTypes);
    return (0,create_type/* CreateType */.v)(result, options);
}
// prettier-ignore
function KeyOfPropertyKeysToRest(propertyKeys) {
    return propertyKeys.map(L => L === '[number]' ? number_Number() : Literal(L));
}
/** `[Json]` Creates a KeyOf type */
function KeyOf(type, options) {
    return ((0,kind/* IsComputed */.Y6)(type) ? keyof_FromComputed(type.target, type.parameters) : (0,kind/* IsRef */["in"])(type) ? keyof_FromRef(type.$ref) : (0,kind/* IsMappedResult */.ZD)(type) ? KeyOfFromMappedResult(type, options) : KeyOfFromType(type, options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/promise/promise.mjs


/** `[JavaScript]` Creates a Promise type */
function Promise(item, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Promise', type: 'Promise', item }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/mapped/mapped.mjs


// evaluation types














// operator

// mapping types

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function mapped_FromMappedResult(K, P) {
    return (K in P
        ? FromSchemaType(K, P[K])
        : (0,mapped_result/* MappedResult */.r)(P));
}
// prettier-ignore
function MappedKeyToKnownMappedResultProperties(K) {
    return { [K]: Literal(K) };
}
// prettier-ignore
function MappedKeyToUnknownMappedResultProperties(P) {
    const Acc = {};
    for (const L of P)
        Acc[L] = Literal(L);
    return Acc;
}
// prettier-ignore
function MappedKeyToMappedResultProperties(K, P) {
    return ((0,set/* SetIncludes */.oU)(P, K)
        ? MappedKeyToKnownMappedResultProperties(K)
        : MappedKeyToUnknownMappedResultProperties(P));
}
// prettier-ignore
function mapped_FromMappedKey(K, P) {
    const R = MappedKeyToMappedResultProperties(K, P);
    return mapped_FromMappedResult(K, R);
}
// prettier-ignore
function mapped_FromRest(K, T) {
    return T.map(L => FromSchemaType(K, L));
}
// prettier-ignore
function mapped_FromProperties(K, T) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(T))
        Acc[K2] = FromSchemaType(K, T[K2]);
    return Acc;
}
// prettier-ignore
function FromSchemaType(K, T) {
    // required to retain user defined options for mapped type
    const options = { ...T };
    return (
    // unevaluated modifier types
    (0,kind/* IsOptional */.X$)(T) ? (0,optional/* Optional */.X)(FromSchemaType(K, (0,discard/* Discard */.b)(T, [symbols/* OptionalKind */.tJ]))) :
        (0,kind/* IsReadonly */.TC)(T) ? Readonly(FromSchemaType(K, (0,discard/* Discard */.b)(T, [symbols/* ReadonlyKind */.hi]))) :
            // unevaluated mapped types
            (0,kind/* IsMappedResult */.ZD)(T) ? mapped_FromMappedResult(K, T.properties) :
                (0,kind/* IsMappedKey */.zZ)(T) ? mapped_FromMappedKey(K, T.keys) :
                    // unevaluated types
                    (0,kind/* IsConstructor */.ZV)(T) ? Constructor(mapped_FromRest(K, T.parameters), FromSchemaType(K, T.returns), options) :
                        (0,kind/* IsFunction */.hg)(T) ? Function(mapped_FromRest(K, T.parameters), FromSchemaType(K, T.returns), options) :
                            (0,kind/* IsAsyncIterator */.H1)(T) ? AsyncIterator(FromSchemaType(K, T.items), options) :
                                (0,kind/* IsIterator */.jo)(T) ? Iterator(FromSchemaType(K, T.items), options) :
                                    (0,kind/* IsIntersect */.Yq)(T) ? Intersect(mapped_FromRest(K, T.allOf), options) :
                                        (0,kind/* IsUnion */.my)(T) ? Union(mapped_FromRest(K, T.anyOf), options) :
                                            (0,kind/* IsTuple */.PN)(T) ? Tuple(mapped_FromRest(K, T.items ?? []), options) :
                                                (0,kind/* IsObject */.av)(T) ? object_Object(mapped_FromProperties(K, T.properties), options) :
                                                    (0,kind/* IsArray */.QS)(T) ? array_Array(FromSchemaType(K, T.items), options) :
                                                        (0,kind/* IsPromise */.OD)(T) ? Promise(FromSchemaType(K, T.item), options) :
                                                            T);
}
// prettier-ignore
function MappedFunctionReturnType(K, T) {
    const Acc = {};
    for (const L of K)
        Acc[L] = FromSchemaType(L, T);
    return Acc;
}
/** `[Json]` Creates a Mapped object type */
function Mapped(key, map, options) {
    const K = (0,kind/* IsSchema */.Yi)(key) ? (0,indexed_property_keys/* IndexPropertyKeys */.U)(key) : key;
    const RT = map({ [symbols/* Kind */.b8]: 'MappedKey', keys: K });
    const R = MappedFunctionReturnType(K, RT);
    return object_Object(R, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/omit/omit-from-mapped-key.mjs



// prettier-ignore
function omit_from_mapped_key_FromPropertyKey(type, key, options) {
    return { [key]: Omit(type, [key], (0,value/* Clone */.i)(options)) };
}
// prettier-ignore
function omit_from_mapped_key_FromPropertyKeys(type, propertyKeys, options) {
    return propertyKeys.reduce((Acc, LK) => {
        return { ...Acc, ...omit_from_mapped_key_FromPropertyKey(type, LK, options) };
    }, {});
}
// prettier-ignore
function omit_from_mapped_key_FromMappedKey(type, mappedKey, options) {
    return omit_from_mapped_key_FromPropertyKeys(type, mappedKey.keys, options);
}
// prettier-ignore
function OmitFromMappedKey(type, mappedKey, options) {
    const properties = omit_from_mapped_key_FromMappedKey(type, mappedKey, options);
    return (0,mapped_result/* MappedResult */.r)(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/omit/omit-from-mapped-result.mjs



// prettier-ignore
function omit_from_mapped_result_FromProperties(properties, propertyKeys, options) {
    const result = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
        result[K2] = Omit(properties[K2], propertyKeys, (0,value/* Clone */.i)(options));
    return result;
}
// prettier-ignore
function omit_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options) {
    return omit_from_mapped_result_FromProperties(mappedResult.properties, propertyKeys, options);
}
// prettier-ignore
function OmitFromMappedResult(mappedResult, propertyKeys, options) {
    const properties = omit_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options);
    return (0,mapped_result/* MappedResult */.r)(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/omit/omit.mjs









// ------------------------------------------------------------------
// Mapped
// ------------------------------------------------------------------


// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------


// prettier-ignore
function omit_FromIntersect(types, propertyKeys) {
    return types.map((type) => OmitResolve(type, propertyKeys));
}
// prettier-ignore
function omit_FromUnion(types, propertyKeys) {
    return types.map((type) => OmitResolve(type, propertyKeys));
}
// ------------------------------------------------------------------
// FromProperty
// ------------------------------------------------------------------
// prettier-ignore
function omit_FromProperty(properties, key) {
    const { [key]: _, ...R } = properties;
    return R;
}
// prettier-ignore
function omit_FromProperties(properties, propertyKeys) {
    return propertyKeys.reduce((T, K2) => omit_FromProperty(T, K2), properties);
}
// prettier-ignore
function omit_FromObject(type, propertyKeys, properties) {
    const options = (0,discard/* Discard */.b)(type, [symbols/* TransformKind */.H7, '$id', 'required', 'properties']);
    const mappedProperties = omit_FromProperties(properties, propertyKeys);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function UnionFromPropertyKeys(propertyKeys) {
    const result = propertyKeys.reduce((result, key) => (0,kind/* IsLiteralValue */.fJ)(key) ? [...result, Literal(key)] : result, []);
    return Union(result);
}
// prettier-ignore
function OmitResolve(type, propertyKeys) {
    return ((0,kind/* IsIntersect */.Yq)(type) ? Intersect(omit_FromIntersect(type.allOf, propertyKeys)) :
        (0,kind/* IsUnion */.my)(type) ? Union(omit_FromUnion(type.anyOf, propertyKeys)) :
            (0,kind/* IsObject */.av)(type) ? omit_FromObject(type, propertyKeys, type.properties) :
                object_Object({}));
}
/** `[Json]` Constructs a type whose keys are picked from the given type */
// prettier-ignore
function Omit(type, key, options) {
    const typeKey = (0,guard_value/* IsArray */.QS)(key) ? UnionFromPropertyKeys(key) : key;
    const propertyKeys = (0,kind/* IsSchema */.Yi)(key) ? (0,indexed_property_keys/* IndexPropertyKeys */.U)(key) : key;
    const isTypeRef = (0,kind/* IsRef */["in"])(type);
    const isKeyRef = (0,kind/* IsRef */["in"])(key);
    return ((0,kind/* IsMappedResult */.ZD)(type) ? OmitFromMappedResult(type, propertyKeys, options) :
        (0,kind/* IsMappedKey */.zZ)(key) ? OmitFromMappedKey(type, key, options) :
            (isTypeRef && isKeyRef) ? (0,computed/* Computed */.S)('Omit', [type, typeKey], options) :
                (!isTypeRef && isKeyRef) ? (0,computed/* Computed */.S)('Omit', [type, typeKey], options) :
                    (isTypeRef && !isKeyRef) ? (0,computed/* Computed */.S)('Omit', [type, typeKey], options) :
                        (0,create_type/* CreateType */.v)({ ...OmitResolve(type, propertyKeys), ...options }));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/pick/pick-from-mapped-key.mjs



// prettier-ignore
function pick_from_mapped_key_FromPropertyKey(type, key, options) {
    return {
        [key]: Pick(type, [key], (0,value/* Clone */.i)(options))
    };
}
// prettier-ignore
function pick_from_mapped_key_FromPropertyKeys(type, propertyKeys, options) {
    return propertyKeys.reduce((result, leftKey) => {
        return { ...result, ...pick_from_mapped_key_FromPropertyKey(type, leftKey, options) };
    }, {});
}
// prettier-ignore
function pick_from_mapped_key_FromMappedKey(type, mappedKey, options) {
    return pick_from_mapped_key_FromPropertyKeys(type, mappedKey.keys, options);
}
// prettier-ignore
function PickFromMappedKey(type, mappedKey, options) {
    const properties = pick_from_mapped_key_FromMappedKey(type, mappedKey, options);
    return (0,mapped_result/* MappedResult */.r)(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/pick/pick-from-mapped-result.mjs



// prettier-ignore
function pick_from_mapped_result_FromProperties(properties, propertyKeys, options) {
    const result = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
        result[K2] = Pick(properties[K2], propertyKeys, (0,value/* Clone */.i)(options));
    return result;
}
// prettier-ignore
function pick_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options) {
    return pick_from_mapped_result_FromProperties(mappedResult.properties, propertyKeys, options);
}
// prettier-ignore
function PickFromMappedResult(mappedResult, propertyKeys, options) {
    const properties = pick_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options);
    return (0,mapped_result/* MappedResult */.r)(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/pick/pick.mjs









// ------------------------------------------------------------------
// Guards
// ------------------------------------------------------------------


// ------------------------------------------------------------------
// Infrastructure
// ------------------------------------------------------------------


function pick_FromIntersect(types, propertyKeys) {
    return types.map((type) => PickResolve(type, propertyKeys));
}
// prettier-ignore
function pick_FromUnion(types, propertyKeys) {
    return types.map((type) => PickResolve(type, propertyKeys));
}
// prettier-ignore
function pick_FromProperties(properties, propertyKeys) {
    const result = {};
    for (const K2 of propertyKeys)
        if (K2 in properties)
            result[K2] = properties[K2];
    return result;
}
// prettier-ignore
function pick_FromObject(Type, keys, properties) {
    const options = (0,discard/* Discard */.b)(Type, [symbols/* TransformKind */.H7, '$id', 'required', 'properties']);
    const mappedProperties = pick_FromProperties(properties, keys);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function pick_UnionFromPropertyKeys(propertyKeys) {
    const result = propertyKeys.reduce((result, key) => (0,kind/* IsLiteralValue */.fJ)(key) ? [...result, Literal(key)] : result, []);
    return Union(result);
}
// prettier-ignore
function PickResolve(type, propertyKeys) {
    return ((0,kind/* IsIntersect */.Yq)(type) ? Intersect(pick_FromIntersect(type.allOf, propertyKeys)) :
        (0,kind/* IsUnion */.my)(type) ? Union(pick_FromUnion(type.anyOf, propertyKeys)) :
            (0,kind/* IsObject */.av)(type) ? pick_FromObject(type, propertyKeys, type.properties) :
                object_Object({}));
}
/** `[Json]` Constructs a type whose keys are picked from the given type */
// prettier-ignore
function Pick(type, key, options) {
    const typeKey = (0,guard_value/* IsArray */.QS)(key) ? pick_UnionFromPropertyKeys(key) : key;
    const propertyKeys = (0,kind/* IsSchema */.Yi)(key) ? (0,indexed_property_keys/* IndexPropertyKeys */.U)(key) : key;
    const isTypeRef = (0,kind/* IsRef */["in"])(type);
    const isKeyRef = (0,kind/* IsRef */["in"])(key);
    return ((0,kind/* IsMappedResult */.ZD)(type) ? PickFromMappedResult(type, propertyKeys, options) :
        (0,kind/* IsMappedKey */.zZ)(key) ? PickFromMappedKey(type, key, options) :
            (isTypeRef && isKeyRef) ? (0,computed/* Computed */.S)('Pick', [type, typeKey], options) :
                (!isTypeRef && isKeyRef) ? (0,computed/* Computed */.S)('Pick', [type, typeKey], options) :
                    (isTypeRef && !isKeyRef) ? (0,computed/* Computed */.S)('Pick', [type, typeKey], options) :
                        (0,create_type/* CreateType */.v)({ ...PickResolve(type, propertyKeys), ...options }));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/partial/partial-from-mapped-result.mjs



// prettier-ignore
function partial_from_mapped_result_FromProperties(K, options) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(K))
        Acc[K2] = Partial(K[K2], (0,value/* Clone */.i)(options));
    return Acc;
}
// prettier-ignore
function partial_from_mapped_result_FromMappedResult(R, options) {
    return partial_from_mapped_result_FromProperties(R.properties, options);
}
// prettier-ignore
function PartialFromMappedResult(R, options) {
    const P = partial_from_mapped_result_FromMappedResult(R, options);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/partial/partial.mjs










// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// prettier-ignore
function partial_FromComputed(target, parameters) {
    return (0,computed/* Computed */.S)('Partial', [(0,computed/* Computed */.S)(target, parameters)]);
}
// prettier-ignore
function partial_FromRef($ref) {
    return (0,computed/* Computed */.S)('Partial', [(0,ref/* Ref */.o)($ref)]);
}
// prettier-ignore
function partial_FromProperties(properties) {
    const partialProperties = {};
    for (const K of globalThis.Object.getOwnPropertyNames(properties))
        partialProperties[K] = (0,optional/* Optional */.X)(properties[K]);
    return partialProperties;
}
// prettier-ignore
function partial_FromObject(type, properties) {
    const options = (0,discard/* Discard */.b)(type, [symbols/* TransformKind */.H7, '$id', 'required', 'properties']);
    const mappedProperties = partial_FromProperties(properties);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function partial_FromRest(types) {
    return types.map(type => PartialResolve(type));
}
// ------------------------------------------------------------------
// PartialResolve
// ------------------------------------------------------------------
// prettier-ignore
function PartialResolve(type) {
    return (
    // Mappable
    kind/* IsComputed */.Y6(type) ? partial_FromComputed(type.target, type.parameters) :
        kind/* IsRef */["in"](type) ? partial_FromRef(type.$ref) :
            kind/* IsIntersect */.Yq(type) ? Intersect(partial_FromRest(type.allOf)) :
                kind/* IsUnion */.my(type) ? Union(partial_FromRest(type.anyOf)) :
                    kind/* IsObject */.av(type) ? partial_FromObject(type, type.properties) :
                        // Intrinsic
                        kind/* IsBigInt */.cQ(type) ? type :
                            kind/* IsBoolean */.Zx(type) ? type :
                                kind/* IsInteger */.$p(type) ? type :
                                    kind/* IsLiteral */.gP(type) ? type :
                                        kind/* IsNull */.Ef(type) ? type :
                                            kind/* IsNumber */.Mx(type) ? type :
                                                kind/* IsString */.IP(type) ? type :
                                                    kind/* IsSymbol */.nH(type) ? type :
                                                        kind/* IsUndefined */.R1(type) ? type :
                                                            // Passthrough
                                                            object_Object({}));
}
/** `[Json]` Constructs a type where all properties are optional */
function Partial(type, options) {
    if (kind/* IsMappedResult */.ZD(type)) {
        return PartialFromMappedResult(type, options);
    }
    else {
        // special: mapping types require overridable options
        return (0,create_type/* CreateType */.v)({ ...PartialResolve(type), ...options });
    }
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/required/required-from-mapped-result.mjs


// prettier-ignore
function required_from_mapped_result_FromProperties(P, options) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Required(P[K2], options);
    return Acc;
}
// prettier-ignore
function required_from_mapped_result_FromMappedResult(R, options) {
    return required_from_mapped_result_FromProperties(R.properties, options);
}
// prettier-ignore
function RequiredFromMappedResult(R, options) {
    const P = required_from_mapped_result_FromMappedResult(R, options);
    return (0,mapped_result/* MappedResult */.r)(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/required/required.mjs









// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function required_FromComputed(target, parameters) {
    return (0,computed/* Computed */.S)('Required', [(0,computed/* Computed */.S)(target, parameters)]);
}
// prettier-ignore
function required_FromRef($ref) {
    return (0,computed/* Computed */.S)('Required', [(0,ref/* Ref */.o)($ref)]);
}
// prettier-ignore
function required_FromProperties(properties) {
    const requiredProperties = {};
    for (const K of globalThis.Object.getOwnPropertyNames(properties))
        requiredProperties[K] = (0,discard/* Discard */.b)(properties[K], [symbols/* OptionalKind */.tJ]);
    return requiredProperties;
}
// prettier-ignore
function required_FromObject(type, properties) {
    const options = (0,discard/* Discard */.b)(type, [symbols/* TransformKind */.H7, '$id', 'required', 'properties']);
    const mappedProperties = required_FromProperties(properties);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function required_FromRest(types) {
    return types.map(type => RequiredResolve(type));
}
// ------------------------------------------------------------------
// RequiredResolve
// ------------------------------------------------------------------
// prettier-ignore
function RequiredResolve(type) {
    return (
    // Mappable
    kind/* IsComputed */.Y6(type) ? required_FromComputed(type.target, type.parameters) :
        kind/* IsRef */["in"](type) ? required_FromRef(type.$ref) :
            kind/* IsIntersect */.Yq(type) ? Intersect(required_FromRest(type.allOf)) :
                kind/* IsUnion */.my(type) ? Union(required_FromRest(type.anyOf)) :
                    kind/* IsObject */.av(type) ? required_FromObject(type, type.properties) :
                        // Intrinsic
                        kind/* IsBigInt */.cQ(type) ? type :
                            kind/* IsBoolean */.Zx(type) ? type :
                                kind/* IsInteger */.$p(type) ? type :
                                    kind/* IsLiteral */.gP(type) ? type :
                                        kind/* IsNull */.Ef(type) ? type :
                                            kind/* IsNumber */.Mx(type) ? type :
                                                kind/* IsString */.IP(type) ? type :
                                                    kind/* IsSymbol */.nH(type) ? type :
                                                        kind/* IsUndefined */.R1(type) ? type :
                                                            // Passthrough
                                                            object_Object({}));
}
/** `[Json]` Constructs a type where all properties are required */
function Required(type, options) {
    if (kind/* IsMappedResult */.ZD(type)) {
        return RequiredFromMappedResult(type, options);
    }
    else {
        // special: mapping types require overridable options
        return (0,create_type/* CreateType */.v)({ ...RequiredResolve(type), ...options });
    }
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/module/compute.mjs





















// ------------------------------------------------------------------
// Symbols
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// prettier-ignore
function DereferenceParameters(moduleProperties, types) {
    return types.map((type) => {
        return kind/* IsRef */["in"](type)
            ? Dereference(moduleProperties, type.$ref)
            : compute_FromType(moduleProperties, type);
    });
}
// prettier-ignore
function Dereference(moduleProperties, ref) {
    return (ref in moduleProperties
        ? kind/* IsRef */["in"](moduleProperties[ref])
            ? Dereference(moduleProperties, moduleProperties[ref].$ref)
            : compute_FromType(moduleProperties, moduleProperties[ref])
        : (0,never/* Never */.p)());
}
// prettier-ignore
function FromAwaited(parameters) {
    return Awaited(parameters[0]);
}
// prettier-ignore
function FromIndex(parameters) {
    return (0,indexed/* Index */.jK)(parameters[0], parameters[1]);
}
// prettier-ignore
function FromKeyOf(parameters) {
    return KeyOf(parameters[0]);
}
// prettier-ignore
function FromPartial(parameters) {
    return Partial(parameters[0]);
}
// prettier-ignore
function FromOmit(parameters) {
    return Omit(parameters[0], parameters[1]);
}
// prettier-ignore
function FromPick(parameters) {
    return Pick(parameters[0], parameters[1]);
}
// prettier-ignore
function FromRequired(parameters) {
    return Required(parameters[0]);
}
// prettier-ignore
function compute_FromComputed(moduleProperties, target, parameters) {
    const dereferenced = DereferenceParameters(moduleProperties, parameters);
    return (target === 'Awaited' ? FromAwaited(dereferenced) :
        target === 'Index' ? FromIndex(dereferenced) :
            target === 'KeyOf' ? FromKeyOf(dereferenced) :
                target === 'Partial' ? FromPartial(dereferenced) :
                    target === 'Omit' ? FromOmit(dereferenced) :
                        target === 'Pick' ? FromPick(dereferenced) :
                            target === 'Required' ? FromRequired(dereferenced) :
                                (0,never/* Never */.p)());
}
function compute_FromArray(moduleProperties, type) {
    return array_Array(compute_FromType(moduleProperties, type));
}
function compute_FromAsyncIterator(moduleProperties, type) {
    return AsyncIterator(compute_FromType(moduleProperties, type));
}
// prettier-ignore
function compute_FromConstructor(moduleProperties, parameters, instanceType) {
    return Constructor(compute_FromTypes(moduleProperties, parameters), compute_FromType(moduleProperties, instanceType));
}
// prettier-ignore
function compute_FromFunction(moduleProperties, parameters, returnType) {
    return Function(compute_FromTypes(moduleProperties, parameters), compute_FromType(moduleProperties, returnType));
}
function compute_FromIntersect(moduleProperties, types) {
    return Intersect(compute_FromTypes(moduleProperties, types));
}
function compute_FromIterator(moduleProperties, type) {
    return Iterator(compute_FromType(moduleProperties, type));
}
function compute_FromObject(moduleProperties, properties) {
    return object_Object(globalThis.Object.keys(properties).reduce((result, key) => {
        return { ...result, [key]: compute_FromType(moduleProperties, properties[key]) };
    }, {}));
}
// prettier-ignore
function compute_FromRecord(moduleProperties, type) {
    const [value, pattern] = [compute_FromType(moduleProperties, record_RecordValue(type)), RecordPattern(type)];
    const result = CloneType(type);
    result.patternProperties[pattern] = value;
    return result;
}
// prettier-ignore
function FromTransform(moduleProperties, transform) {
    return (kind/* IsRef */["in"](transform))
        ? { ...Dereference(moduleProperties, transform.$ref), [symbols/* TransformKind */.H7]: transform[symbols/* TransformKind */.H7] }
        : transform;
}
function compute_FromTuple(moduleProperties, types) {
    return Tuple(compute_FromTypes(moduleProperties, types));
}
function compute_FromUnion(moduleProperties, types) {
    return Union(compute_FromTypes(moduleProperties, types));
}
function compute_FromTypes(moduleProperties, types) {
    return types.map((type) => compute_FromType(moduleProperties, type));
}
// prettier-ignore
function compute_FromType(moduleProperties, type) {
    return (
    // Modifiers
    kind/* IsOptional */.X$(type) ? (0,create_type/* CreateType */.v)(compute_FromType(moduleProperties, (0,discard/* Discard */.b)(type, [symbols/* OptionalKind */.tJ])), type) :
        kind/* IsReadonly */.TC(type) ? (0,create_type/* CreateType */.v)(compute_FromType(moduleProperties, (0,discard/* Discard */.b)(type, [symbols/* ReadonlyKind */.hi])), type) :
            // Transform
            kind/* IsTransform */.n_(type) ? (0,create_type/* CreateType */.v)(FromTransform(moduleProperties, type), type) :
                // Types
                kind/* IsArray */.QS(type) ? (0,create_type/* CreateType */.v)(compute_FromArray(moduleProperties, type.items), type) :
                    kind/* IsAsyncIterator */.H1(type) ? (0,create_type/* CreateType */.v)(compute_FromAsyncIterator(moduleProperties, type.items), type) :
                        kind/* IsComputed */.Y6(type) ? (0,create_type/* CreateType */.v)(compute_FromComputed(moduleProperties, type.target, type.parameters)) :
                            kind/* IsConstructor */.ZV(type) ? (0,create_type/* CreateType */.v)(compute_FromConstructor(moduleProperties, type.parameters, type.returns), type) :
                                kind/* IsFunction */.hg(type) ? (0,create_type/* CreateType */.v)(compute_FromFunction(moduleProperties, type.parameters, type.returns), type) :
                                    kind/* IsIntersect */.Yq(type) ? (0,create_type/* CreateType */.v)(compute_FromIntersect(moduleProperties, type.allOf), type) :
                                        kind/* IsIterator */.jo(type) ? (0,create_type/* CreateType */.v)(compute_FromIterator(moduleProperties, type.items), type) :
                                            kind/* IsObject */.av(type) ? (0,create_type/* CreateType */.v)(compute_FromObject(moduleProperties, type.properties), type) :
                                                kind/* IsRecord */.cZ(type) ? (0,create_type/* CreateType */.v)(compute_FromRecord(moduleProperties, type)) :
                                                    kind/* IsTuple */.PN(type) ? (0,create_type/* CreateType */.v)(compute_FromTuple(moduleProperties, type.items || []), type) :
                                                        kind/* IsUnion */.my(type) ? (0,create_type/* CreateType */.v)(compute_FromUnion(moduleProperties, type.anyOf), type) :
                                                            type);
}
// prettier-ignore
function ComputeType(moduleProperties, key) {
    return (key in moduleProperties
        ? compute_FromType(moduleProperties, moduleProperties[key])
        : (0,never/* Never */.p)());
}
// prettier-ignore
function ComputeModuleProperties(moduleProperties) {
    return globalThis.Object.getOwnPropertyNames(moduleProperties).reduce((result, key) => {
        return { ...result, [key]: ComputeType(moduleProperties, key) };
    }, {});
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/module/module.mjs


// ------------------------------------------------------------------
// Module Infrastructure Types
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// Module
// ------------------------------------------------------------------
// prettier-ignore
class TModule {
    constructor($defs) {
        const computed = ComputeModuleProperties($defs);
        const identified = this.WithIdentifiers(computed);
        this.$defs = identified;
    }
    /** `[Json]` Imports a Type by Key. */
    Import(key, options) {
        const $defs = { ...this.$defs, [key]: (0,create_type/* CreateType */.v)(this.$defs[key], options) };
        return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Import', $defs, $ref: key });
    }
    // prettier-ignore
    WithIdentifiers($defs) {
        return globalThis.Object.getOwnPropertyNames($defs).reduce((result, key) => {
            return { ...result, [key]: { ...$defs[key], $id: key } };
        }, {});
    }
}
/** `[Json]` Creates a Type Definition Module. */
function Module(properties) {
    return new TModule(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/not/not.mjs


/** `[Json]` Creates a Not type */
function Not(type, options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Not', not: type }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/parameters/parameters.mjs



/** `[JavaScript]` Extracts the Parameters from the given Function type */
function Parameters(schema, options) {
    return (kind/* IsFunction */.hg(schema) ? Tuple(schema.parameters, options) : (0,never/* Never */.p)());
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/recursive/recursive.mjs




// Auto Tracked For Recursive Types without ID's
let Ordinal = 0;
/** `[Json]` Creates a Recursive type */
function Recursive(callback, options = {}) {
    if ((0,guard_value/* IsUndefined */.R1)(options.$id))
        options.$id = `T${Ordinal++}`;
    const thisType = CloneType(callback({ [symbols/* Kind */.b8]: 'This', $ref: `${options.$id}` }));
    thisType.$id = options.$id;
    // prettier-ignore
    return (0,create_type/* CreateType */.v)({ [symbols/* Hint */.Ck]: 'Recursive', ...thisType }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/regexp/regexp.mjs



/** `[JavaScript]` Creates a RegExp type */
function RegExp(unresolved, options) {
    const expr = (0,guard_value/* IsString */.IP)(unresolved) ? new globalThis.RegExp(unresolved) : unresolved;
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'RegExp', type: 'RegExp', source: expr.source, flags: expr.flags }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/rest/rest.mjs
// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function RestResolve(T) {
    return ((0,kind/* IsIntersect */.Yq)(T) ? T.allOf :
        (0,kind/* IsUnion */.my)(T) ? T.anyOf :
            (0,kind/* IsTuple */.PN)(T) ? T.items ?? [] :
                []);
}
/** `[Json]` Extracts interior Rest elements from Tuple, Intersect and Union types */
function Rest(T) {
    return RestResolve(T);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/return-type/return-type.mjs



/** `[JavaScript]` Extracts the ReturnType from the given Function type */
function ReturnType(schema, options) {
    return (kind/* IsFunction */.hg(schema) ? (0,create_type/* CreateType */.v)(schema.returns, options) : (0,never/* Never */.p)(options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/transform/transform.mjs

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TransformBuilders
// ------------------------------------------------------------------
class TransformDecodeBuilder {
    constructor(schema) {
        this.schema = schema;
    }
    Decode(decode) {
        return new TransformEncodeBuilder(this.schema, decode);
    }
}
// prettier-ignore
class TransformEncodeBuilder {
    constructor(schema, decode) {
        this.schema = schema;
        this.decode = decode;
    }
    EncodeTransform(encode, schema) {
        const Encode = (value) => schema[symbols/* TransformKind */.H7].Encode(encode(value));
        const Decode = (value) => this.decode(schema[symbols/* TransformKind */.H7].Decode(value));
        const Codec = { Encode: Encode, Decode: Decode };
        return { ...schema, [symbols/* TransformKind */.H7]: Codec };
    }
    EncodeSchema(encode, schema) {
        const Codec = { Decode: this.decode, Encode: encode };
        return { ...schema, [symbols/* TransformKind */.H7]: Codec };
    }
    Encode(encode) {
        return ((0,kind/* IsTransform */.n_)(this.schema) ? this.EncodeTransform(encode, this.schema) : this.EncodeSchema(encode, this.schema));
    }
}
/** `[Json]` Creates a Transform type */
function Transform(schema) {
    return new TransformDecodeBuilder(schema);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/unsafe/unsafe.mjs


/** `[Json]` Creates a Unsafe type that will infers as the generic argument T */
function Unsafe(options = {}) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: options[symbols/* Kind */.b8] ?? 'Unsafe' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/void/void.mjs


/** `[JavaScript]` Creates a Void type */
function Void(options) {
    return (0,create_type/* CreateType */.v)({ [symbols/* Kind */.b8]: 'Void', type: 'void' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/type.mjs
// ------------------------------------------------------------------
// Type: Module
// ------------------------------------------------------------------




























































;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs
// ------------------------------------------------------------------
// JsonTypeBuilder
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// JavaScriptTypeBuilder
// ------------------------------------------------------------------


/** JavaScript Type Builder with Static Resolution for TypeScript */
const Type = type_type_namespaceObject;




/***/ }),

/***/ 2063:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ UnionCreate)
/* harmony export */ });
/* harmony import */ var _create_type_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8749);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57946);


function UnionCreate(T, options) {
    return (0,_create_type_mjs__WEBPACK_IMPORTED_MODULE_0__/* .CreateType */ .v)({ [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Kind */ .b8]: 'Union', anyOf: T }, options);
}


/***/ }),

/***/ 89126:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ UnionEvaluated)
/* harmony export */ });
/* harmony import */ var _create_type_mjs__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8749);
/* harmony import */ var _symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(57946);
/* harmony import */ var _discard_index_mjs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(31686);
/* harmony import */ var _never_index_mjs__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(55454);
/* harmony import */ var _optional_index_mjs__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(78697);
/* harmony import */ var _union_create_mjs__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2063);
/* harmony import */ var _guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(14961);






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function IsUnionOptional(types) {
    return types.some(type => (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsOptional */ .X$)(type));
}
// prettier-ignore
function RemoveOptionalFromRest(types) {
    return types.map(left => (0,_guard_kind_mjs__WEBPACK_IMPORTED_MODULE_0__/* .IsOptional */ .X$)(left) ? RemoveOptionalFromType(left) : left);
}
// prettier-ignore
function RemoveOptionalFromType(T) {
    return ((0,_discard_index_mjs__WEBPACK_IMPORTED_MODULE_1__/* .Discard */ .b)(T, [_symbols_index_mjs__WEBPACK_IMPORTED_MODULE_2__/* .OptionalKind */ .tJ]));
}
// prettier-ignore
function ResolveUnion(types, options) {
    const isOptional = IsUnionOptional(types);
    return (isOptional
        ? (0,_optional_index_mjs__WEBPACK_IMPORTED_MODULE_3__/* .Optional */ .X)((0,_union_create_mjs__WEBPACK_IMPORTED_MODULE_4__/* .UnionCreate */ .S)(RemoveOptionalFromRest(types), options))
        : (0,_union_create_mjs__WEBPACK_IMPORTED_MODULE_4__/* .UnionCreate */ .S)(RemoveOptionalFromRest(types), options));
}
/** `[Json]` Creates an evaluated Union type */
function UnionEvaluated(T, options) {
    // prettier-ignore
    return (T.length === 1 ? (0,_create_type_mjs__WEBPACK_IMPORTED_MODULE_5__/* .CreateType */ .v)(T[0], options) :
        T.length === 0 ? (0,_never_index_mjs__WEBPACK_IMPORTED_MODULE_6__/* .Never */ .p)(options) :
            ResolveUnion(T, options));
}


/***/ }),

/***/ 25129:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ IsInteger),
/* harmony export */   Ef: () => (/* binding */ IsNull),
/* harmony export */   G4: () => (/* binding */ IsUint8Array),
/* harmony export */   H1: () => (/* binding */ IsAsyncIterator),
/* harmony export */   IP: () => (/* binding */ IsString),
/* harmony export */   LT: () => (/* binding */ HasPropertyKey),
/* harmony export */   Mx: () => (/* binding */ IsNumber),
/* harmony export */   OD: () => (/* binding */ IsPromise),
/* harmony export */   QS: () => (/* binding */ IsArray),
/* harmony export */   R1: () => (/* binding */ IsUndefined),
/* harmony export */   XF: () => (/* binding */ IsDate),
/* harmony export */   Zx: () => (/* binding */ IsBoolean),
/* harmony export */   av: () => (/* binding */ IsObject),
/* harmony export */   cQ: () => (/* binding */ IsBigInt),
/* harmony export */   hg: () => (/* binding */ IsFunction),
/* harmony export */   jo: () => (/* binding */ IsIterator),
/* harmony export */   nH: () => (/* binding */ IsSymbol),
/* harmony export */   u$: () => (/* binding */ IsValueType)
/* harmony export */ });
/* unused harmony exports IsStandardObject, IsInstanceObject, IsMap, IsSet, IsRegExp, IsTypedArray, IsInt8Array, IsUint8ClampedArray, IsInt16Array, IsUint16Array, IsInt32Array, IsUint32Array, IsFloat32Array, IsFloat64Array, IsBigInt64Array, IsBigUint64Array */
// --------------------------------------------------------------------------
// Iterators
// --------------------------------------------------------------------------
/** Returns true if this value is an async iterator */
function IsAsyncIterator(value) {
    return IsObject(value) && globalThis.Symbol.asyncIterator in value;
}
/** Returns true if this value is an iterator */
function IsIterator(value) {
    return IsObject(value) && globalThis.Symbol.iterator in value;
}
// --------------------------------------------------------------------------
// Object Instances
// --------------------------------------------------------------------------
/** Returns true if this value is not an instance of a class */
function IsStandardObject(value) {
    return IsObject(value) && (globalThis.Object.getPrototypeOf(value) === Object.prototype || globalThis.Object.getPrototypeOf(value) === null);
}
/** Returns true if this value is an instance of a class */
function IsInstanceObject(value) {
    return IsObject(value) && !IsArray(value) && IsFunction(value.constructor) && value.constructor.name !== 'Object';
}
// --------------------------------------------------------------------------
// JavaScript
// --------------------------------------------------------------------------
/** Returns true if this value is a Promise */
function IsPromise(value) {
    return value instanceof globalThis.Promise;
}
/** Returns true if this value is a Date */
function IsDate(value) {
    return value instanceof Date && globalThis.Number.isFinite(value.getTime());
}
/** Returns true if this value is an instance of Map<K, T> */
function IsMap(value) {
    return value instanceof globalThis.Map;
}
/** Returns true if this value is an instance of Set<T> */
function IsSet(value) {
    return value instanceof globalThis.Set;
}
/** Returns true if this value is RegExp */
function IsRegExp(value) {
    return value instanceof globalThis.RegExp;
}
/** Returns true if this value is a typed array */
function IsTypedArray(value) {
    return globalThis.ArrayBuffer.isView(value);
}
/** Returns true if the value is a Int8Array */
function IsInt8Array(value) {
    return value instanceof globalThis.Int8Array;
}
/** Returns true if the value is a Uint8Array */
function IsUint8Array(value) {
    return value instanceof globalThis.Uint8Array;
}
/** Returns true if the value is a Uint8ClampedArray */
function IsUint8ClampedArray(value) {
    return value instanceof globalThis.Uint8ClampedArray;
}
/** Returns true if the value is a Int16Array */
function IsInt16Array(value) {
    return value instanceof globalThis.Int16Array;
}
/** Returns true if the value is a Uint16Array */
function IsUint16Array(value) {
    return value instanceof globalThis.Uint16Array;
}
/** Returns true if the value is a Int32Array */
function IsInt32Array(value) {
    return value instanceof globalThis.Int32Array;
}
/** Returns true if the value is a Uint32Array */
function IsUint32Array(value) {
    return value instanceof globalThis.Uint32Array;
}
/** Returns true if the value is a Float32Array */
function IsFloat32Array(value) {
    return value instanceof globalThis.Float32Array;
}
/** Returns true if the value is a Float64Array */
function IsFloat64Array(value) {
    return value instanceof globalThis.Float64Array;
}
/** Returns true if the value is a BigInt64Array */
function IsBigInt64Array(value) {
    return value instanceof globalThis.BigInt64Array;
}
/** Returns true if the value is a BigUint64Array */
function IsBigUint64Array(value) {
    return value instanceof globalThis.BigUint64Array;
}
// --------------------------------------------------------------------------
// PropertyKey
// --------------------------------------------------------------------------
/** Returns true if this value has this property key */
function HasPropertyKey(value, key) {
    return key in value;
}
// --------------------------------------------------------------------------
// Standard
// --------------------------------------------------------------------------
/** Returns true of this value is an object type */
function IsObject(value) {
    return value !== null && typeof value === 'object';
}
/** Returns true if this value is an array, but not a typed array */
function IsArray(value) {
    return globalThis.Array.isArray(value) && !globalThis.ArrayBuffer.isView(value);
}
/** Returns true if this value is an undefined */
function IsUndefined(value) {
    return value === undefined;
}
/** Returns true if this value is an null */
function IsNull(value) {
    return value === null;
}
/** Returns true if this value is an boolean */
function IsBoolean(value) {
    return typeof value === 'boolean';
}
/** Returns true if this value is an number */
function IsNumber(value) {
    return typeof value === 'number';
}
/** Returns true if this value is an integer */
function IsInteger(value) {
    return globalThis.Number.isInteger(value);
}
/** Returns true if this value is bigint */
function IsBigInt(value) {
    return typeof value === 'bigint';
}
/** Returns true if this value is string */
function IsString(value) {
    return typeof value === 'string';
}
/** Returns true if this value is a function */
function IsFunction(value) {
    return typeof value === 'function';
}
/** Returns true if this value is a symbol */
function IsSymbol(value) {
    return typeof value === 'symbol';
}
/** Returns true if this value is a value type such as number, string, boolean */
function IsValueType(value) {
    // prettier-ignore
    return (IsBigInt(value) ||
        IsBoolean(value) ||
        IsNull(value) ||
        IsNumber(value) ||
        IsString(value) ||
        IsSymbol(value) ||
        IsUndefined(value));
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/directory.ts
var directory = __nccwpck_require__(57644);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(74296);
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
var markdown = __nccwpck_require__(16706);
// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __nccwpck_require__(71855);
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

// EXTERNAL MODULE: ./src/core/report/schema.ts + 15 modules
var schema = __nccwpck_require__(6770);
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
var context_from_env = __nccwpck_require__(74239);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __nccwpck_require__(89114);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __nccwpck_require__(12258);
// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __nccwpck_require__(8366);
;// CONCATENATED MODULE: ./src/core/report/pretty-json.ts
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

;// CONCATENATED MODULE: ./src/core/report/saved-files.ts

/** The name every file of a stage run starts with: `test`, or `test-2_4` for the shard `2/4`. */
function savedBaseName(outcome) {
    const { report } = outcome;
    const shard = report.run.shard ? `-${report.run.shard.replace(/[^\w.-]+/g, '_')}` : '';
    return `${report.stage}${shard}`;
}
/**
 * What a stage run saves for the root report action, as files of one folder: the report
 * (`<base>.json`), its annotations (`<base>.annotations.json`: the report action's check run carries
 * them all, beyond the 10 a step shows) and the stage's own files (`<base>.coverage.lcov`…). An
 * action uploads them as an artifact; the CLI writes them into `--report-dir`.
 */
function savedFiles(outcome, redact) {
    const base = savedBaseName(outcome);
    return [
        // Pieces, not one string (see prettyJsonPieces); fs's writeFile takes either.
        { name: `${base}.json`, data: reportFilePieces(outcome.report) },
        { name: `${base}.annotations.json`, data: [`${JSON.stringify(outcome.annotations)}\n`] },
        // The stage's own files are made here, on demand, and were never redacted with the outcome.
        ...(outcome.artifacts ?? []).map((f) => ({ name: `${base}.${f.name}`, data: [redact(f.data())] })),
    ];
}

// EXTERNAL MODULE: ./src/core/version.ts + 1 modules
var version = __nccwpck_require__(74910);
// EXTERNAL MODULE: ./src/stages/registry.ts
var registry = __nccwpck_require__(40796);
;// CONCATENATED MODULE: ./src/cli/args.ts

/** A mistake on the command line: exit 2, with the command's help after the message. */
class UsageError extends errors/* UserError */.yo {
}
/**
 * `--name value`, `--name=value`, `--flag` / `--no-flag` for true/false inputs, `-h`. A flag may be
 * repeated: multi-line inputs (commands, files) get one value per line, as the action's input would
 * hold them; single-value inputs refuse a second value when they are read.
 */
function parseArgs(argv, flags) {
    const byName = new Map(flags.map((f) => [f.name, f]));
    const values = new Map();
    const add = (name, value) => {
        values.set(name, [...(values.get(name) ?? []), value]);
    };
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i] ?? '';
        if (token === '-h') {
            add('help', 'true');
            continue;
        }
        if (!token.startsWith('--') || token === '--') {
            throw new UsageError(`unexpected argument '${token}': options are given as --name value`);
        }
        const eq = token.indexOf('=');
        const rawName = token.slice(2, eq === -1 ? undefined : eq);
        const inline = eq === -1 ? undefined : token.slice(eq + 1);
        let flag = byName.get(rawName);
        if (!flag && rawName.startsWith('no-')) {
            const positive = byName.get(rawName.slice(3));
            if (positive?.boolean && inline === undefined) {
                add(positive.name, 'false');
                continue;
            }
        }
        if (!flag)
            throw new UsageError(`unknown option '--${rawName}'${suggestion(rawName, flags)}`);
        if (flag.boolean) {
            add(flag.name, inline ?? 'true');
            continue;
        }
        let value = inline;
        if (value === undefined) {
            const next = argv[i + 1];
            if (next === undefined || (next.startsWith('--') && next.length > 2)) {
                throw new UsageError(`option '--${flag.name}' needs a value`, { input: flag.name });
            }
            value = next;
            i++;
        }
        add(flag.name, value);
        flag = undefined;
    }
    return { values };
}
function distance(a, b) {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = d[0] ?? 0;
        d[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = d[j] ?? 0;
            d[j] = Math.min((d[j] ?? 0) + 1, (d[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return d[b.length] ?? 0;
}
function suggestion(name, flags) {
    const best = flags
        .map((f) => ({ f, d: distance(name, f.name) }))
        .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
        .sort((a, b) => a.d - b.d)[0];
    return best ? `; did you mean '--${best.f.name}'?` : '';
}
/**
 * The parsed flags as the stage's options reader sees them: action.yml's defaults applied for flags
 * not given, as the runner applies them for inputs not set, so both read the same values.
 */
function flagSource(parsed, flags, mask) {
    const defaults = new Map(flags.filter((f) => f.default !== undefined).map((f) => [f.name, f.default ?? '']));
    return {
        get: (name) => {
            const given = parsed.values.get(name);
            const v = given ? given.join('\n') : defaults.get(name);
            return v === undefined || v.trim() === '' ? undefined : v;
        },
        count: (name) => parsed.values.get(name)?.length ?? 0,
        label: (name) => `--${name}`,
        mask,
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/core/host/baseline-store.ts
/** Cache keys and directory names: branch names may hold `/`. */
function branchKey(branch) {
    return branch.replace(/[^A-Za-z0-9._-]/g, '_');
}

;// CONCATENATED MODULE: ./src/core/host/fs-baseline-store.ts



/**
 * Baselines in a directory: `<dir>/<kind>/<branch>/<sha>.json`, the newest by modification order
 * of a counter kept in the name. For the CLI (`.shipkit/baseline`), self-hosted runners with a
 * persistent disk (SHIPKIT_BASELINE_DIR) and tests.
 */
class FsBaselineStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    folder(kind, branch) {
        return external_node_path_default().join(this.dir, branchKey(kind), branchKey(branch));
    }
    async restore(kind, branch) {
        const folder = this.folder(kind, branch);
        let names;
        try {
            names = await (0,promises_.readdir)(folder);
        }
        catch {
            return undefined;
        }
        // `<sequence>-<sha>.json`: the highest sequence is the newest save.
        const newest = names
            .filter((n) => /^\d+-.*\.json$/.test(n))
            .sort((a, b) => Number(b.split('-')[0]) - Number(a.split('-')[0]))[0];
        if (!newest)
            return undefined;
        try {
            return await (0,promises_.readFile)(external_node_path_default().join(folder, newest), 'utf8');
        }
        catch {
            return undefined;
        }
    }
    async save(kind, branch, sha, text) {
        const folder = this.folder(kind, branch);
        await (0,promises_.mkdir)(folder, { recursive: true });
        const names = await (0,promises_.readdir)(folder);
        const next = 1 + Math.max(0, ...names.map((n) => Number(n.split('-')[0])).filter(Number.isFinite));
        const file = external_node_path_default().join(folder, `${String(next).padStart(8, '0')}-${branchKey(sha)}.json`);
        // Written whole, then renamed: a reader never sees half a baseline.
        await (0,promises_.writeFile)(`${file}.tmp`, text);
        await (0,promises_.rename)(`${file}.tmp`, file);
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

;// CONCATENATED MODULE: ./src/cli/cli-host.ts




/**
 * What `npx shipkit` offers a stage: baselines in `.shipkit/baseline` of the repository (or
 * SHIPKIT_BASELINE_DIR) and downloaded tools under the user's cache directory.
 */
function cliHost(root, env) {
    const cacheHome = env.XDG_CACHE_HOME ?? external_node_path_default().join(external_node_os_default().homedir(), '.cache');
    return {
        kind: 'cli',
        baselines: new FsBaselineStore(env.SHIPKIT_BASELINE_DIR ?? external_node_path_default().join(root, '.shipkit', 'baseline')),
        tools: lazyToolCache(async () => new (await __nccwpck_require__.e(/* import() */ 129).then(__nccwpck_require__.bind(__nccwpck_require__, 50129))).FsToolCache(env.SHIPKIT_TOOL_CACHE ?? external_node_path_default().join(cacheHome, 'shipkit', 'tools'))),
    };
}

;// CONCATENATED MODULE: ./src/cli/flags.ts
/**
 * Inputs that mean nothing on a terminal: the token (GITHUB_TOKEN is read instead), `--root` replaces
 * working-directory, no PR comment, and `--report-dir` is what an artifact is in a workflow.
 */
const NOT_IN_CLI = new Set(['github-token', 'working-directory', 'comment', 'artifact']);
const isExpression = (value) => value.includes('${{');
function flagOf(input) {
    const fallback = input.default !== undefined && !isExpression(input.default) ? input.default : undefined;
    return {
        name: input.name,
        description: input.description,
        boolean: fallback === 'true' || fallback === 'false',
        ...(fallback !== undefined && fallback !== '' ? { default: fallback } : {}),
        required: input.required,
    };
}
/** A stage's CLI flags: every input of its action.yml but the ones that do not apply on a terminal. */
function flagsOf(metadata) {
    return metadata.inputs.filter((i) => !NOT_IN_CLI.has(i.name)).map(flagOf);
}
/** Flags every command takes. */
const GLOBAL_FLAGS = [
    {
        name: 'json',
        description: 'Print the stage report as JSON on stdout (progress goes to stderr).',
        boolean: true,
        required: false,
    },
    {
        name: 'root',
        description: 'The directory to work in, as the action input working-directory (default: the current directory).',
        boolean: false,
        required: false,
    },
    {
        name: 'report-dir',
        description: "Also write the stage report there, with what an action saves as its artifact for the root report action (annotations; the test stage's coverage and cases).",
        boolean: false,
        required: false,
    },
    { name: 'help', description: 'Show this help.', boolean: true, required: false },
];

;// CONCATENATED MODULE: ./src/cli/help.ts


/** A stage's one-line summary: the first sentence of its action.yml description. */
function summaryOf(metadata) {
    const text = (metadata?.description ?? '').replace(/\s+/g, ' ').trim();
    const end = text.search(/\.(\s|$)/);
    return end === -1 ? text : text.slice(0, end);
}
function mainHelp(stages, metadata) {
    const width = Math.max(8, ...stages.map((s) => s.name.length));
    const rows = stages.map((s) => `  ${s.name.padEnd(width)}  ${summaryOf(metadata[s.actionDir])}`).join('\n');
    return `shipkit ${version/* VERSION */.x}: from pull request to production

Usage: shipkit <command> [options]

Commands:
${rows || '  (none yet)'}

Options:
  --help, -h     show help (also: shipkit <command> --help)
  --version      print the version
  --json         print the stage report as JSON

Every command takes its action's inputs as flags (shipkit <command> --help lists them).
Exit codes: 0 passed, 1 a gate failed or the run failed, 2 a usage error (the message names the option).
`;
}
function wrap(text, width, indent) {
    const words = text.replace(/\s+/g, ' ').trim().split(' ');
    const lines = [];
    let line = '';
    for (const w of words) {
        if (line && line.length + 1 + w.length > width) {
            lines.push(line);
            line = w;
        }
        else
            line = line ? `${line} ${w}` : w;
    }
    if (line)
        lines.push(line);
    return lines.map((l) => `${indent}${l}`).join('\n');
}
function flagHelp(flag) {
    const head = flag.boolean ? `  --${flag.name}, --no-${flag.name}` : `  --${flag.name} VALUE`;
    const notes = [
        flag.required ? 'required' : undefined,
        flag.default !== undefined ? `default: ${flag.default}` : undefined,
    ].filter(Boolean);
    return `${head}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}\n${wrap(flag.description, 92, '      ')}`;
}
function commandHelp(stage, metadata) {
    const flags = metadata ? flagsOf(metadata) : [];
    return [
        `Usage: shipkit ${stage.name} [options]`,
        '',
        wrap(metadata?.description ?? '', 96, ''),
        '',
        'Options (the inputs of the action; repeat an option for a list):',
        ...flags.map(flagHelp),
        '',
        'Common options:',
        ...GLOBAL_FLAGS.map(flagHelp),
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/core/report/gate-value.ts
var gate_value = __nccwpck_require__(21631);
;// CONCATENATED MODULE: ./src/cli/render-text.ts

const MARK = { pass: '✔', fail: '✘', warn: '!' };
/** Terminal output: the stage's own text, then every gate with required and actual values. */
function renderText(outcome) {
    const { report } = outcome;
    const lines = [outcome.text.trimEnd(), ''];
    if (report.gates.length > 0) {
        lines.push('Gates:');
        for (const g of report.gates) {
            lines.push(`  ${g.passed ? MARK.pass : MARK.fail} ${g.name}: required ${(0,gate_value/* gateValue */.D)(g.required, g.unit)}, actual ${(0,gate_value/* gateValue */.D)(g.actual, g.unit)}${g.detail ? ` (${g.detail})` : ''}`);
        }
    }
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    lines.push(`${MARK[report.status]} ${report.stage}: ${report.status} — ${report.summary}`);
    return `${lines.join('\n').replace(/^\n+/, '')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/terminal-logger.ts
function terminalLogger(write, options = {}) {
    const verbose = options.verbose ?? process.env.SHIPKIT_DEBUG === '1';
    const tty = options.tty ?? false;
    const redact = options.redact ?? ((t) => t);
    let indent = '';
    // A progress line is on screen without its newline: the next line first clears it.
    let progressShown = false;
    const line = (text) => {
        if (progressShown) {
            write('\r\x1b[K');
            progressShown = false;
        }
        write(`${indent}${redact(text)}\n`);
    };
    return {
        end: () => {
            if (progressShown)
                write('\n');
            progressShown = false;
        },
        debug: (m) => {
            if (verbose)
                line(`debug: ${m}`);
        },
        info: (m) => line(m),
        warning: (m) => line(`warning: ${m}`),
        error: (m) => line(`error: ${m}`),
        progress: (m) => {
            if (!tty)
                return line(m);
            write(`\r\x1b[K${indent}${redact(m)}`);
            progressShown = true;
        },
        group: async (title, fn) => {
            line(`▸ ${title}`);
            const outer = indent;
            indent = `${outer}  `;
            try {
                return await fn();
            }
            finally {
                indent = outer;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/run-cli.ts






















const defaultIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stderr.isTTY === true,
};
const run_cli_registry = { stages: registry/* STAGES */.a, metadata: ACTION_METADATA };
const one = (parsed, name) => parsed.values.get(name)?.at(-1);
/** The files an action uploads as its artifact for the report action: the report, its annotations, the stage's own. */
async function writeReportDir(dir, execution, redactor) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    for (const f of savedFiles(execution.outcome, (t) => redactor.redact(t)))
        await (0,promises_.writeFile)(external_node_path_default().join(dir, f.name), f.data);
}
/** `--root`, which must be an existing directory (as the action's working-directory). */
function checkRoot(dir, value) {
    const problem = (0,directory/* directoryProblem */.D)(dir);
    if (problem === 'missing')
        throw new errors/* UserError */.yo(`--root ${value}: no such directory`, { input: 'root' });
    if (problem)
        throw new errors/* UserError */.yo(`--root ${value}: not a directory`, { input: 'root' });
}
/** `shipkit <stage> [--input value …]`: the stage run as its action runs it, printed for a terminal. */
async function runCli(argv, io = defaultIo, { stages, metadata } = run_cli_registry, env = process.env) {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
        io.stdout(mainHelp(stages, metadata));
        return first === undefined ? errors/* EXIT_USAGE */.Ri : errors/* EXIT_OK */.Ij;
    }
    if (first === '--version' || first === '-v') {
        io.stdout(`${version/* VERSION */.x}\n`);
        return errors/* EXIT_OK */.Ij;
    }
    const entry = stages.find((s) => s.name === first);
    if (!entry) {
        io.stderr(`shipkit: unknown command '${first}'. Run 'shipkit --help' for the list.\n`);
        return errors/* EXIT_USAGE */.Ri;
    }
    const actionMetadata = metadata[entry.actionDir];
    const flags = [...(actionMetadata ? flagsOf(actionMetadata) : []), ...GLOBAL_FLAGS];
    let parsed;
    try {
        parsed = parseArgs(rest, flags);
    }
    catch (error) {
        if (!(0,errors/* isUserError */.iU)(error))
            throw error;
        io.stderr(`shipkit ${entry.name}: ${error.describe()}\nRun 'shipkit ${entry.name} --help' for its options.\n`);
        return errors/* EXIT_USAGE */.Ri;
    }
    if (one(parsed, 'help') === 'true') {
        io.stdout(commandHelp(entry, actionMetadata));
        return errors/* EXIT_OK */.Ij;
    }
    const redactor = new redact/* Redactor */.pO();
    redactor.add(env.GITHUB_TOKEN);
    const json = one(parsed, 'json') === 'true';
    const root = one(parsed, 'root');
    const cwd = external_node_path_default().resolve(root ?? process.cwd());
    // Where --report-dir is resolved: the root once it is known to exist, else the current directory.
    let base = process.cwd();
    // Progress goes to stderr so that stdout carries only the report with --json.
    const logger = terminalLogger(io.stderr, { tty: io.isTTY === true, redact: (t) => redactor.redact(t) });
    const controller = new AbortController();
    const onSignal = () => controller.abort(new Error('cancelled'));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const common = { run: (0,build/* runInfoFromEnv */.PB)(env), signal: controller.signal };
        const declared = actionMetadata ? { declaredOutputs: actionMetadata.outputs } : {};
        let execution;
        try {
            if (root !== undefined)
                checkRoot(cwd, root);
            base = cwd;
            const ctx = {
                ...common,
                cwd,
                env,
                logger,
                github: await (0,context_from_env/* githubContextFromEnv */.S0)(env, logger),
                host: cliHost(cwd, env),
            };
            const inputs = new core_inputs/* InputReader */.i_(flagSource(parsed, flags, (v) => redactor.add(v)));
            execution = await executeStage(entry, inputs, ctx, redactor, declared.declaredOutputs);
        }
        catch (error) {
            execution = failedExecution(entry, error, common, redactor, declared);
        }
        logger.end();
        const reportDir = one(parsed, 'report-dir');
        if (reportDir)
            await writeReportDir(external_node_path_default().resolve(base, reportDir), execution, redactor);
        const { outcome, failure } = execution;
        if (json)
            for (const piece of reportFilePieces(outcome.report))
                io.stdout(piece);
        if (failure) {
            const hint = failure.exitCode === errors/* EXIT_USAGE */.Ri && failure.input ? `\nRun 'shipkit ${entry.name} --help' for its options.` : '';
            io.stderr(`shipkit ${entry.name}: ${redactor.redact(describeFailure(failure))}${hint}\n`);
        }
        else if (!json)
            io.stdout(renderText(outcome));
        return execution.exitCode;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts

// No top-level await: ncc bundles TypeScript entries as scripts. runCli never rejects.
void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});

