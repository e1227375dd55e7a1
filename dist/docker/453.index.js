import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 453;
export const ids = [453];
export const modules = {

/***/ 21631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 22453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSmoke: () => (/* binding */ runSmoke)
});

// EXTERNAL MODULE: ./src/core/user-command-env.ts
var user_command_env = __webpack_require__(2742);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./src/stages/smoke/units.ts
/** A configured duration as the user would write it: `5m`, `1.5s`, `300 ms`. */
function durationLabel(ms) {
    if (ms >= 60_000 && ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000}s` : `${ms} ms`;
}
/** A measured or remaining time, rounded for reading: `850 ms`, `2.4 s`, `4 min 05 s`. */
function formatMs(ms) {
    const value = Math.max(0, ms);
    if (value < 1000)
        return `${Math.round(value)} ms`;
    if (value < 60_000)
        return `${(value / 1000).toFixed(1)} s`;
    const s = Math.round(value / 1000);
    return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

;// CONCATENATED MODULE: ./src/stages/smoke/deadline.ts


/**
 * The step's deadline (`timeout`): one signal that aborts when it passes or when the run is
 * cancelled. Every request, wait and TLS probe listens on it, so nothing outlives the step.
 */
class StepDeadline {
    cancel;
    /** Epoch milliseconds. */
    at;
    /** How messages name it: `the step deadline (timeout 5m)`. */
    label;
    /** What a request cut short by it says: `aborted at the step deadline (timeout 5m)`. */
    message;
    passed = false;
    controller = new AbortController();
    timer;
    onCancel;
    constructor(startedAt, timeoutMs, cancel) {
        this.cancel = cancel;
        this.at = startedAt + timeoutMs;
        this.label = `the step deadline (timeout ${durationLabel(timeoutMs)})`;
        this.message = `aborted at ${this.label}`;
        // The TLS probes and the wait listen here besides the client: more than Node's default 10 is not a leak.
        (0,external_node_events_.setMaxListeners)(0, this.controller.signal);
        this.timer = setTimeout(() => {
            this.passed = true;
            this.controller.abort(new Error(this.message));
        }, Math.max(0, this.at - Date.now()));
        this.onCancel = () => this.controller.abort(new Error('cancelled'));
        if (cancel.aborted)
            this.onCancel();
        else
            cancel.addEventListener('abort', this.onCancel, { once: true });
    }
    get signal() {
        return this.controller.signal;
    }
    /** The deadline itself passed (not a cancellation). */
    get reached() {
        return this.passed;
    }
    dispose() {
        clearTimeout(this.timer);
        this.cancel.removeEventListener('abort', this.onCancel);
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/stages/smoke/json-path.ts
var json_path = __webpack_require__(47047);
// EXTERNAL MODULE: ./src/stages/smoke/model.ts
var model = __webpack_require__(12132);
;// CONCATENATED MODULE: ./src/stages/smoke/expectations.ts



function headerValue(response, name) {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
}
function expectations_short(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
function formatBytes(bytes) {
    return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
/**
 * Every expectation a response misses, each in one line. A body larger than the bound fails the
 * body expectations rather than checking a prefix: what was not read cannot be vouched for.
 * `latencyMs` is the sample's, redirects included.
 */
function unmetExpectations(expect, response, maxBodyBytes, latencyMs = response.latencyMs) {
    const problems = [];
    if (!(0,model/* statusMatches */.W)(expect.status, response.status)) {
        problems.push(`status ${response.status}, expected ${expect.status.text}`);
    }
    const needsBody = expect.bodyContains.length > 0 || expect.bodyMatches !== undefined || expect.json.length > 0;
    if (needsBody && response.truncated) {
        problems.push(`body is larger than the ${formatBytes(maxBodyBytes)} bound (max-body): body expectations not checked`);
    }
    else if (needsBody) {
        const text = response.body.toString('utf8');
        for (const needle of expect.bodyContains) {
            if (!text.includes(needle))
                problems.push(`body does not contain ${expectations_short(needle)}`);
        }
        if (expect.bodyMatches && !expect.bodyMatches.test(text)) {
            problems.push(`body does not match ${String(expect.bodyMatches)}`);
        }
        if (expect.json.length > 0) {
            let parsed;
            let parsedOk = true;
            try {
                parsed = JSON.parse(text);
            }
            catch (error) {
                parsedOk = false;
                problems.push(`body is not JSON (${error.message})`);
            }
            for (const j of parsedOk ? expect.json : []) {
                const found = (0,json_path/* lookup */.$)(parsed, j.segments);
                if (j.kind === 'exists') {
                    if (found.found !== j.exists)
                        problems.push(`JSON ${j.path} ${j.exists ? 'is missing' : 'exists'}`);
                }
                else if (!found.found) {
                    problems.push(`JSON ${j.path} is missing, expected ${expectations_short(j.value)}`);
                }
                else if (!(0,external_node_util_.isDeepStrictEqual)(found.value, j.value)) {
                    problems.push(`JSON ${j.path} is ${expectations_short(found.value)}, expected ${expectations_short(j.value)}`);
                }
            }
        }
    }
    for (const { name, matcher } of expect.headers) {
        const actual = headerValue(response, name);
        if (actual === undefined)
            problems.push(`header ${name} is missing`);
        else if (matcher.kind === 'exact' && actual !== matcher.value) {
            problems.push(`header ${name} is ${expectations_short(actual)}, expected ${expectations_short(matcher.value)}`);
        }
        else if (matcher.kind === 'regex' && !matcher.regex.test(actual)) {
            problems.push(`header ${name} is ${expectations_short(actual)}, does not match ${matcher.text}`);
        }
    }
    if (expect.maxLatencyMs !== undefined && latencyMs > expect.maxLatencyMs) {
        problems.push(`latency ${Math.round(latencyMs)} ms over max-latency ${expect.maxLatencyMs} ms`);
    }
    return problems;
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
;// CONCATENATED MODULE: ./src/stages/smoke/http-client.ts


/** Why no response arrived, in words a person deploying can act on. */
class RequestFailure extends Error {
    code;
    elapsedMs;
    constructor(message, code, 
    /** Milliseconds the attempt lasted before it failed. */
    elapsedMs = 0) {
        super(message);
        this.code = code;
        this.elapsedMs = elapsedMs;
        this.name = 'RequestFailure';
    }
}
/** The socket error under undici's wrapper, when there is one. */
function rootError(error) {
    let e = error;
    for (let i = 0; i < 4 && e.cause && typeof e.cause === 'object'; i++)
        e = e.cause;
    return e.code ? e : error;
}
function describeNetworkError(error, url) {
    const where = url.host;
    const root = rootError(error);
    switch (root.code) {
        case 'ECONNREFUSED':
            return new RequestFailure(`connection refused by ${where}`, root.code);
        case 'ECONNRESET':
            return new RequestFailure(`connection reset by ${where}`, root.code);
        case 'EPIPE':
            return new RequestFailure(`connection closed by ${where} while sending`, root.code);
        case 'UND_ERR_SOCKET':
            return new RequestFailure(`connection closed by ${where} before the response was complete`, 'ECONNRESET');
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return new RequestFailure(`DNS lookup failed for ${url.hostname} (${root.code})`, root.code);
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return new RequestFailure(`${where} is unreachable (${root.code})`, root.code);
        case 'UND_ERR_CONNECT_TIMEOUT':
            return new RequestFailure(`no connection to ${where} (connect timeout)`, 'ETIMEDOUT');
        case 'UND_ERR_HEADERS_OVERFLOW':
            return new RequestFailure(`the response headers from ${where} are too large`, root.code);
        default:
            if (root.code?.startsWith('ERR_TLS') || /certificate|self[- ]signed|SSL|TLS/i.test(root.message)) {
                return new RequestFailure(`TLS error with ${where}: ${root.message}`, root.code ?? 'TLS');
            }
            return new RequestFailure(`${root.message}${root.code ? ` (${root.code})` : ''}`, root.code ?? 'ERROR');
    }
}
function headerList(headers) {
    const out = ['user-agent', 'shipkit-smoke'];
    for (const name in headers) {
        if (name === 'user-agent')
            out[1] = headers[name];
        else
            out.push(name, headers[name]);
    }
    return out;
}
function parseHeaders(raw) {
    const out = {};
    for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = raw[i].toString('latin1').toLowerCase();
        const value = raw[i + 1].toString('latin1');
        const seen = out[name];
        if (seen === undefined)
            out[name] = name === 'set-cookie' ? [value] : value;
        else if (Array.isArray(seen))
            seen.push(value);
        else
            out[name] = `${seen}, ${value}`;
    }
    return out;
}
/**
 * One request's life, driven by undici's dispatcher callbacks. The clock starts in onConnect, which
 * undici calls right before it writes the request to the socket, and stops in onComplete, when the
 * parser has the last byte: what is measured is the request on the wire, not the time it waited
 * for a connection or for this process to get to it.
 */
class Exchange {
    req;
    resolve;
    reject;
    done;
    abortSocket;
    startedAt = 0;
    createdAt = performance.now();
    status = 0;
    rawHeaders = [];
    chunks = [];
    size = 0;
    answered = false;
    settled = false;
    timer;
    constructor(req, resolve, reject, done) {
        this.req = req;
        this.resolve = resolve;
        this.reject = reject;
        this.done = done;
        this.timer = setTimeout(() => this.stop(new RequestFailure(`no complete response within ${req.timeoutMs} ms (request timeout)`, 'TIMEOUT')), req.timeoutMs);
    }
    get isSettled() {
        return this.settled;
    }
    elapsed() {
        return performance.now() - (this.startedAt || this.createdAt);
    }
    /** Ends the exchange from outside (timeout, deadline, cancellation): the request is dropped. */
    stop(failure) {
        if (this.settled)
            return;
        this.fail(new RequestFailure(failure.message, failure.code, this.elapsed()));
        this.abortSocket?.(new Error(failure.message));
    }
    finish(truncated) {
        if (this.settled)
            return;
        this.settled = true;
        const latencyMs = performance.now() - this.startedAt;
        clearTimeout(this.timer);
        const raw = this.rawHeaders;
        let headers;
        const response = {
            status: this.status,
            get headers() {
                return (headers ??= parseHeaders(raw));
            },
            body: this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size),
            truncated,
            latencyMs,
        };
        this.done(this, () => this.resolve(response));
    }
    fail(failure) {
        if (this.settled)
            return;
        this.settled = true;
        clearTimeout(this.timer);
        this.done(this, () => this.reject(failure));
    }
    onConnect(abort) {
        if (this.settled) {
            abort();
            return;
        }
        this.abortSocket = abort;
        this.startedAt = performance.now();
    }
    onHeaders(statusCode, rawHeaders) {
        if (statusCode < 200)
            return true; // 1xx: the real answer follows
        this.answered = true;
        this.status = statusCode;
        this.rawHeaders = rawHeaders;
        return true;
    }
    onData(chunk) {
        if (this.settled)
            return false;
        const room = this.req.maxBodyBytes - this.size;
        if (chunk.length > room) {
            // What was not read cannot be vouched for: stop here and say so, rather than read 5 GB.
            if (this.req.keepBody)
                this.chunks.push(chunk.subarray(0, room));
            this.size += room;
            this.finish(true);
            this.abortSocket?.();
            return false;
        }
        if (this.req.keepBody)
            this.chunks.push(chunk);
        this.size += chunk.length;
        return true;
    }
    onComplete() {
        this.finish(false);
    }
    onError(error) {
        if (this.settled)
            return;
        const failure = describeNetworkError(error, this.req.url);
        // A kept-alive connection the server closed just as it was reused (it had carried earlier
        // answers, and no byte of this one came): the request never reached the application, so it is
        // sent again on a new connection, as Node's documentation advises for reused sockets.
        const socket = error.socket;
        const reused = (socket?.bytesRead ?? 0) > 0;
        const code = !this.answered && reused && failure.code === 'ECONNRESET' ? 'STALE_SOCKET' : failure.code;
        this.fail(new RequestFailure(failure.message, code, this.elapsed()));
    }
}
/**
 * HTTP/1.1 over undici's dispatcher: per request, a handful of callbacks and no streams, so a
 * busy run spends its time on the wire rather than in the client (node:http cost about twice the
 * CPU per request, and every millisecond of it showed up in the latency of the requests waiting
 * behind it). Bodies are bounded, redirects are the caller's, connections are kept alive.
 */
class HttpClient {
    options;
    agent;
    inFlight = new Set();
    onAbort;
    /** Answers already timed, waiting for their callers; requests waiting to be written (see pump). */
    timed = [];
    queued = [];
    pumping = false;
    closed = false;
    constructor(options) {
        this.options = options;
        this.agent = new undici.Agent({
            connections: Math.max(1, options.concurrency),
            ...(options.ca && options.ca.length > 0 ? { connect: { ca: [...(external_node_tls_default()).rootCertificates, ...options.ca] } } : {}),
        });
        // One listener for every request in flight, instead of one per request on a shared signal.
        this.onAbort = () => {
            const reason = options.signal.reason;
            const failure = new RequestFailure(reason instanceof Error ? reason.message : 'aborted', 'ABORTED');
            for (const exchange of [...this.inFlight])
                exchange.stop(failure);
        };
        options.signal.addEventListener('abort', this.onAbort, { once: true });
    }
    async close() {
        this.closed = true;
        this.options.signal.removeEventListener('abort', this.onAbort);
        await this.agent.destroy();
    }
    async request(req) {
        try {
            return await this.send(req);
        }
        catch (error) {
            if (error instanceof RequestFailure && error.code === 'STALE_SOCKET') {
                const retried = await this.send(req).catch((e) => {
                    throw e instanceof RequestFailure && e.code === 'STALE_SOCKET'
                        ? new RequestFailure(e.message, 'ECONNRESET', e.elapsedMs)
                        : e;
                });
                return retried;
            }
            throw error;
        }
    }
    /**
     * Keeps this process's own work out of what it measures. A request is timed from its write to its
     * last byte; whatever the process does in between (checking other answers, sending other
     * requests) delays the moment it reads that byte, and would be counted. So, once per turn of the
     * event loop: every socket readable now is read and its answer timed (the poll phase); then the
     * answers go to their callers, who check them and ask for their next requests (immediate A); then
     * those requests are written, one after the other and nothing else (immediate B), and the loop
     * goes straight back to reading.
     */
    pump() {
        if (this.pumping)
            return;
        this.pumping = true;
        setImmediate(() => {
            const ready = this.timed;
            this.timed = [];
            for (const settle of ready)
                settle();
        });
        setImmediate(() => {
            this.pumping = false;
            const go = this.queued;
            this.queued = [];
            for (const q of go)
                if (!q.exchange.isSettled && !this.closed)
                    q.send();
        });
    }
    send(req) {
        if (this.options.signal.aborted) {
            const reason = this.options.signal.reason;
            return Promise.reject(new RequestFailure(reason instanceof Error ? reason.message : 'aborted', 'ABORTED'));
        }
        return new Promise((resolve, reject) => {
            const exchange = new Exchange(req, resolve, reject, (e, settle) => {
                this.inFlight.delete(e);
                this.timed.push(settle);
                this.pump();
            });
            this.inFlight.add(exchange);
            const options = {
                origin: req.url.origin,
                path: `${req.url.pathname}${req.url.search}`,
                method: req.method,
                headers: headerList(req.headers),
                body: req.body ?? null,
                // The exchange's own timer bounds the whole request; undici's would cut long ones at 300 s.
                headersTimeout: 0,
                bodyTimeout: 0,
            };
            this.queued.push({ exchange, send: () => this.agent.dispatch(options, exchange) });
            this.pump();
        });
    }
}

;// CONCATENATED MODULE: ./src/stages/smoke/security-headers.ts

/**
 * The response headers a deployed HTML page or API should carry (OWASP Secure Headers). Only HTML
 * and API (JSON/XML) responses are judged: images, scripts and redirects do not need a CSP.
 */
function isJudgedContent(response) {
    const type = (headerValue(response, 'content-type') ?? '').toLowerCase();
    return /text\/html|application\/xhtml|json|xml/.test(type);
}
// A product name followed by a version number, e.g. `nginx/1.25.3`, `Apache/2.4.58 (Ubuntu)`, `PHP/8.2.1`.
const VERSION = /\d+\.\d+|\/\s*\d/;
/** Each missing or weak protection, named one by one. */
function missingSecurityHeaders(response, isHttps) {
    const missing = [];
    const csp = headerValue(response, 'content-security-policy');
    if (isHttps) {
        const hsts = headerValue(response, 'strict-transport-security');
        if (hsts === undefined)
            missing.push('Strict-Transport-Security');
        else if (!/max-age\s*=\s*[1-9]/i.test(hsts))
            missing.push(`Strict-Transport-Security (max-age is 0 or absent: '${hsts}')`);
    }
    const nosniff = headerValue(response, 'x-content-type-options');
    if (nosniff === undefined)
        missing.push('X-Content-Type-Options');
    else if (nosniff.trim().toLowerCase() !== 'nosniff')
        missing.push(`X-Content-Type-Options (is '${nosniff}', not 'nosniff')`);
    const frameOptions = headerValue(response, 'x-frame-options');
    const frameAncestors = csp !== undefined && /(^|;)\s*frame-ancestors\s/i.test(csp);
    if (!frameAncestors && (frameOptions === undefined || !/^(deny|sameorigin)$/i.test(frameOptions.trim()))) {
        missing.push('X-Frame-Options (or Content-Security-Policy frame-ancestors)');
    }
    if (csp === undefined)
        missing.push('Content-Security-Policy');
    for (const name of ['Server', 'X-Powered-By']) {
        const value = headerValue(response, name);
        if (value !== undefined && VERSION.test(value))
            missing.push(`${name} reveals a version ('${value}'): remove it`);
    }
    return missing;
}

;// CONCATENATED MODULE: ./src/stages/smoke/run-checks.ts




const MAX_REDIRECTS = 10;
/** Whether a check reads the body at all: most only look at the status, and need not keep it. */
function needsBody(check) {
    const e = check.expect;
    return e.bodyContains.length > 0 || e.bodyMatches !== undefined || e.json.length > 0;
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** A sample that got no response: the request failed, or the step's deadline came first. */
function unanswered(problem, hitDeadline) {
    return { status: null, latencyMs: null, problems: [problem], failed: true, securityIssues: [], hitDeadline };
}
/** One sample of a check: the request, its redirects (when followed), and every expectation. */
async function runSample(client, check, sent, options) {
    let url = check.url;
    let method = check.method;
    let body = check.body;
    let headers = sent;
    const keepBody = needsBody(check);
    const visited = [url.href];
    let latencyMs = 0;
    let response;
    for (;;) {
        if (Date.now() >= options.deadline || options.signal.aborted) {
            return unanswered(options.deadlineMessage, true);
        }
        const ownTimeout = check.timeoutMs ?? options.requestTimeoutMs;
        try {
            response = await client.request({
                url,
                method,
                headers,
                ...(body !== undefined ? { body } : {}),
                // Not clamped to the time left: the deadline aborts every request itself, and timers of one
                // duration share one list (a duration per request costs a list and a heap insert each).
                timeoutMs: ownTimeout,
                maxBodyBytes: options.maxBodyBytes,
                keepBody,
            });
        }
        catch (error) {
            if (!(error instanceof RequestFailure))
                throw error;
            // Cut by the deadline (or by a request timeout that would have ended past it): the deadline's doing.
            const byDeadline = error.code === 'ABORTED' ? error.message === options.deadlineMessage : Date.now() >= options.deadline;
            return unanswered(byDeadline ? options.deadlineMessage : error.message, byDeadline);
        }
        latencyMs += response.latencyMs;
        if (!check.followRedirects || !REDIRECTS.has(response.status))
            break;
        const location = headerValue(response, 'location');
        if (location === undefined)
            break;
        const next = new URL(location, url);
        if (visited.includes(next.href)) {
            const loop = [...visited.slice(visited.indexOf(next.href)), next.href]
                .map((u) => new URL(u).pathname)
                .join(' → ');
            return {
                status: response.status,
                latencyMs,
                problems: [`redirect loop: ${loop}`],
                failed: true,
                securityIssues: [],
            };
        }
        if (visited.length > MAX_REDIRECTS) {
            return {
                status: response.status,
                latencyMs,
                problems: [`more than ${MAX_REDIRECTS} redirects (last to ${next.href})`],
                failed: true,
                securityIssues: [],
            };
        }
        // Credentials stay with the origin they were meant for: a redirect elsewhere gets no custom headers.
        if (next.origin !== url.origin)
            headers = {};
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
            const { 'content-type': _dropped, ...rest } = headers;
            headers = rest;
        }
        visited.push(next.href);
        url = next;
    }
    const problems = unmetExpectations(check.expect, response, options.maxBodyBytes, latencyMs);
    const securityIssues = options.securityHeaders && isJudgedContent(response)
        ? missingSecurityHeaders(response, url.protocol === 'https:')
        : [];
    if (securityIssues.length > 0)
        problems.push(`security headers: ${securityIssues.join('; ')}`);
    return {
        status: response.status,
        latencyMs,
        problems,
        failed: !(0,model/* statusMatches */.W)(check.expect.status, response.status),
        securityIssues,
        finalUrl: url.href,
    };
}
/**
 * Runs every sample of every check through a pool of `concurrency` workers. Work not started by the
 * deadline is reported as not run, never silently dropped.
 */
async function runChecks(client, checks, options) {
    const runs = checks.map((check) => ({ check, samples: [] }));
    // The headers input under each check's own headers, merged once per check rather than per request.
    const sent = checks.map((check) => ({ ...options.headers, ...check.headers }));
    const total = options.samples * runs.length;
    let next = 0;
    // Samples interleave across checks (task i is sample ⌊i/n⌋ of check i mod n) so one slow check
    // does not occupy every worker at once.
    const worker = async () => {
        while (next < total) {
            const task = next++;
            const index = task % runs.length;
            const run = runs[index];
            run.samples[Math.floor(task / runs.length)] = await runSample(client, run.check, sent[index], options);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, worker));
    return runs;
}
function toRequestSamples(runs) {
    return runs.flatMap((run) => run.samples.map((s) => ({
        check: run.check.name,
        durationMs: s.latencyMs,
        failed: s.failed,
        passed: s.problems.length === 0,
    })));
}

// EXTERNAL MODULE: ./src/stages/smoke/stats.ts
var stats = __webpack_require__(40906);
// EXTERNAL MODULE: ./src/stages/smoke/thresholds.ts
var thresholds = __webpack_require__(37521);
;// CONCATENATED MODULE: ./src/stages/smoke/findings.ts



function checkReport(run, skipped) {
    const { check, samples } = run;
    const failing = samples.filter((s) => s.problems.length > 0);
    const shown = failing[0] ?? samples[samples.length - 1];
    const latencies = samples.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]));
    let reason;
    if (skipped)
        reason = 'not run: wait-for never became healthy';
    else if (samples.length === 0)
        reason = 'not run: the step deadline (timeout) was reached';
    else if (failing.length === 0)
        reason = `met every expectation in ${samples.length} sample(s)`;
    else
        reason = `${shown.problems.join('; ')}${samples.length > 1 ? ` (${failing.length} of ${samples.length} samples failed)` : ''}`;
    return {
        name: check.name,
        method: check.method,
        url: check.url.href,
        passed: !skipped && samples.length > 0 && failing.length === 0,
        status: shown?.status ?? null,
        latency: (0,stats/* latencyStats */.Ir)(latencies),
        reason,
        samples: samples.length,
        failedSamples: skipped ? 0 : failing.length,
        securityIssues: [...new Set(samples.flatMap((s) => s.securityIssues))],
        ...(check.line !== undefined ? { line: check.line } : {}),
    };
}
function thresholdResults(options, probed) {
    if (!probed.skipped)
        return (0,thresholds/* evaluateThresholds */.S$)(options.thresholds, toRequestSamples(probed.checkRuns));
    return options.thresholds.map((t) => ({
        metric: t.metricKey,
        expression: t.expression,
        passed: false,
        actual: null,
        unit: (0,thresholds/* unitOf */.uF)(t.metric),
        detail: 'not measured: checks did not run',
    }));
}
function waitGate(wait) {
    return {
        name: 'wait-for',
        passed: wait.healthy,
        required: 'healthy',
        actual: wait.healthy ? 'healthy' : 'unhealthy',
        detail: `${wait.url}: ${wait.attempts} attempt(s) in ${wait.durationMs} ms, last: ${wait.lastResult}`,
    };
}
function checksGate(checks) {
    const failed = checks.filter((c) => !c.passed);
    return {
        name: 'checks',
        passed: failed.length === 0,
        required: checks.length,
        actual: checks.length - failed.length,
        unit: ' passing',
        ...(failed.length > 0 ? { detail: `failed: ${failed.map((c) => c.name).join(', ')}` } : {}),
    };
}
function thresholdGate(t) {
    return {
        name: `${t.metric}: ${t.expression}`,
        passed: t.passed,
        required: t.expression,
        actual: t.actual,
        unit: t.unit === 'ms' ? ' ms' : '',
        ...(t.detail ? { detail: t.detail } : {}),
    };
}
function securityGate(checks, skipped) {
    const withIssues = checks.filter((c) => c.securityIssues.length > 0);
    return {
        name: 'security-headers',
        passed: withIssues.length === 0 && !skipped,
        required: 0,
        actual: skipped ? null : withIssues.length,
        unit: ' checks with issues',
        ...(withIssues.length > 0
            ? { detail: withIssues.map((c) => `${c.name}: ${c.securityIssues.join(', ')}`).join(' | ') }
            : {}),
    };
}
function tlsGate(t, minDays) {
    return {
        name: `tls-min-days ${t.host}`,
        passed: t.daysLeft !== null && t.daysLeft >= minDays && t.chainValid,
        required: minDays,
        actual: t.daysLeft,
        unit: ' days',
        detail: [
            t.validTo ? `expires ${t.validTo}` : undefined,
            t.chainValid ? 'chain valid' : `chain invalid: ${t.error ?? 'not verified'}`,
        ]
            .filter(Boolean)
            .join(', '),
    };
}
function timeoutGate(timeoutMs, elapsedMs) {
    return {
        name: 'timeout',
        passed: false,
        required: timeoutMs,
        actual: elapsedMs,
        unit: ' ms',
        detail: 'the step deadline was reached before every check finished',
    };
}
/** Every gate, in the order a reader meets them: waiting, checks, budgets, headers, certificates, the deadline. */
function smokeGates(options, probed, checks, thresholds, elapsedMs) {
    return [
        ...(probed.wait ? [waitGate(probed.wait)] : []),
        checksGate(checks),
        ...thresholds.map(thresholdGate),
        ...(options.securityHeaders ? [securityGate(checks, probed.skipped)] : []),
        ...(options.tlsMinDays !== undefined ? probed.tls.map((t) => tlsGate(t, options.tlsMinDays)) : []),
        ...(probed.deadlineReached ? [timeoutGate(options.timeoutMs, elapsedMs)] : []),
    ];
}
function headlineOf(options, probed, checks, gates, p95) {
    const failedChecks = checks.filter((c) => !c.passed);
    const target = options.url?.href ?? checks[0]?.url ?? '';
    if (gates.every((g) => g.passed))
        return `${checks.length}/${checks.length} checks passed against ${target}${p95 !== null ? `, p95 ${p95} ms` : ''}`;
    if (probed.skipped)
        return `${probed.wait?.url ?? target} never became healthy (${probed.wait?.lastResult ?? 'no answer'}): checks not run`;
    const otherGates = gates.filter((g) => !g.passed && g.name !== 'checks').map((g) => g.name);
    return `${failedChecks.length} of ${checks.length} checks failed${otherGates.length > 0 ? `; failed gates: ${otherGates.join(', ')}` : ''}`;
}
/** Phase 2 of a run: from what was seen to the verdict. */
function judge(options, probed, elapsedMs) {
    const checks = probed.checkRuns.map((r) => checkReport(r, probed.skipped));
    const thresholds = thresholdResults(options, probed);
    const gates = smokeGates(options, probed, checks, thresholds, elapsedMs);
    const latencies = (0,stats/* sortedCopy */.TZ)(probed.checkRuns.flatMap((r) => r.samples.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]))));
    const p95 = (0,stats/* roundMs */.l9)((0,stats/* percentile */.Ym)(latencies, 95));
    return {
        checks,
        thresholds,
        gates,
        failed: gates.some((g) => !g.passed),
        p50: (0,stats/* roundMs */.l9)((0,stats/* percentile */.Ym)(latencies, 50)),
        p95,
        ...(probed.wait ? { wait: probed.wait } : {}),
        tls: probed.tls,
        skipped: probed.skipped,
        headline: headlineOf(options, probed, checks, gates, p95),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/stages/smoke/on-failure.ts

const OUTPUT_LIMIT = 64 * 1024;
/**
 * Runs the `on-failure` command (a rollback) through the shell, once. It is not bound by the
 * smoke deadline: cutting a rollback short would be worse than the failure it answers. Only a
 * cancelled run stops it. `env` is what a `run:` step would see (userCommandEnv): no action inputs,
 * no runner credentials.
 */
function runOnFailure(command, options) {
    const started = Date.now();
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        let dropped = false;
        const keep = (chunk) => {
            chunks.push(chunk);
            size += chunk.length;
            while (size > OUTPUT_LIMIT && chunks.length > 1) {
                size -= chunks.shift().length;
                dropped = true;
            }
        };
        const child = (0,external_node_child_process_.spawn)(command, {
            cwd: options.cwd,
            env: options.env,
            shell: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const onAbort = () => void child.kill('SIGTERM');
        options.signal.addEventListener('abort', onAbort, { once: true });
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        let finished = false;
        const finish = (exitCode, signal, extra = '') => {
            if (finished)
                return;
            finished = true;
            options.signal.removeEventListener('abort', onAbort);
            let output = Buffer.concat(chunks).toString('utf8') + extra;
            if (output.length > OUTPUT_LIMIT) {
                output = output.slice(-OUTPUT_LIMIT);
                dropped = true;
            }
            resolve({
                command,
                exitCode,
                ...(signal ? { signal } : {}),
                output,
                truncated: dropped,
                durationMs: Date.now() - started,
            });
        };
        child.once('error', (error) => finish(null, null, `could not start: ${error.message}`));
        child.once('close', (code, signal) => finish(code, signal));
    });
}

// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __webpack_require__(71855);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/report/gate-value.ts
var gate_value = __webpack_require__(21631);
;// CONCATENATED MODULE: ./src/stages/smoke/markdown.ts


/** Failed checks shown open in the comment; the rest are in the table. */
const SHOWN_FAILURES = 10;
const mark = (passed) => (passed ? markdown/* STATUS_ICON */.tW.pass : markdown/* STATUS_ICON */.tW.fail);
const ms = (value) => (value === null ? '–' : `${value} ms`);
const actualOf = (g) => (0,gate_value/* gateValue */.D)(g.actual, g.unit);
/** Text from the user or the server, shown literally in a cell (a backtick stays a backtick). */
const literal = (text) => ({ markdown: (0,markdown/* escapeText */.X1)(text) });
function exitOf(r) {
    return r.exitCode !== null
        ? `exit code ${r.exitCode}`
        : r.signal
            ? `signal ${r.signal}`
            : 'an error (it did not start)';
}
function checksTable(checks) {
    return (0,markdown/* table */.tp)(['', 'Check', 'Status', 'p50', 'p95', 'max', 'Reason'], checks.map((c) => [
        mark(c.passed),
        literal(c.name),
        c.status ?? '–',
        ms(c.latency.p50),
        ms(c.latency.p95),
        ms(c.latency.max),
        literal(c.reason),
    ]), ['center', 'left', 'right', 'right', 'right', 'right', 'left']);
}
/** Every gate but `checks`, which the checks table shows check by check. */
function otherGates(findings) {
    return findings.gates.filter((g) => g.name !== 'checks');
}
function gatesTable(gates) {
    return (0,markdown/* table */.tp)(['', 'Gate', 'Required', 'Actual', 'Detail'], gates.map((g) => [
        mark(g.passed),
        literal(g.name),
        literal(String(g.required)),
        actualOf(g),
        literal(g.detail ?? ''),
    ]), ['center', 'left', 'left', 'right', 'left']);
}
/** What a reviewer must see without unfolding anything: the failures, and the rollback if one ran. */
function failureBody(findings, onFailure) {
    const failed = findings.checks.filter((c) => !c.passed);
    const items = failed
        .slice(0, SHOWN_FAILURES)
        .map((c) => `${markdown/* STATUS_ICON */.tW.fail} **${(0,markdown/* escapeText */.X1)(c.name)}**: ${(0,markdown/* escapeText */.X1)(c.reason)}`);
    if (failed.length > SHOWN_FAILURES)
        items.push(`… and ${failed.length - SHOWN_FAILURES} more (see the table)`);
    const gates = otherGates(findings)
        .filter((g) => !g.passed)
        .map((g) => `${markdown/* STATUS_ICON */.tW.fail} ${(0,markdown/* escapeText */.X1)(g.name)}: ${(0,markdown/* escapeText */.X1)(actualOf(g))}`);
    // One list: two lists one after the other would render as one anyway (CommonMark joins them).
    items.push(...gates);
    return (0,markdown/* blocks */.Bv)(items.length > 0 ? (0,markdown/* list */.p_)(items) : undefined, onFailure
        ? `on-failure ${(0,markdown/* code */.aY)(onFailure.command)} ended with ${exitOf(onFailure)} after ${onFailure.durationMs} ms.`
        : undefined);
}
function smokeComment(findings, onFailure) {
    const gates = otherGates(findings);
    const samples = findings.checks.reduce((n, c) => n + c.samples, 0);
    return {
        headline: findings.headline,
        body: failureBody(findings, onFailure),
        details: (0,markdown/* blocks */.Bv)(gates.length > 0 ? gatesTable(gates) : undefined, checksTable(findings.checks)),
        detailsLabel: `${findings.checks.length} check(s), ${samples} request(s)${gates.length > 0 ? `, ${gates.length} gate(s)` : ''}`,
    };
}
function smokeSummary(findings, status, onFailure) {
    const gates = otherGates(findings);
    const sections = [
        {
            markdown: (0,markdown/* blocks */.Bv)(`### ${markdown/* STATUS_ICON */.tW[status]} Smoke: ${(0,markdown/* escapeText */.X1)(findings.headline)}`, failureBody(findings, onFailure)),
            priority: 0,
        },
    ];
    if (gates.length > 0)
        sections.push({ markdown: (0,markdown/* blocks */.Bv)('#### Gates', gatesTable(gates)), priority: 0, label: 'gates' });
    sections.push({ markdown: (0,markdown/* blocks */.Bv)('#### Checks', checksTable(findings.checks)), priority: 1, label: 'checks table' });
    if (onFailure) {
        sections.push({
            markdown: (0,markdown/* blocks */.Bv)('#### on-failure', `${(0,markdown/* code */.aY)(onFailure.command)} ended with ${exitOf(onFailure)} after ${onFailure.durationMs} ms${onFailure.truncated ? ' (the output below is its end)' : ''}:`, (0,markdown/* fence */.EU)(onFailure.output.slice(-8000) || '(no output)')),
            priority: 2,
            label: 'on-failure output',
        });
    }
    return sections;
}

;// CONCATENATED MODULE: ./src/stages/smoke/outcome.ts



function smokeReport(r, run) {
    const { findings, onFailure } = r;
    const warnings = onFailure && onFailure.exitCode !== 0
        ? [`on-failure command exited with ${onFailure.exitCode ?? onFailure.signal ?? 'an error'}`]
        : [];
    return {
        schemaVersion: types/* REPORT_SCHEMA_VERSION */.W,
        stage: 'smoke',
        status: (0,build/* statusOf */.c2)(findings.gates, warnings),
        summary: findings.headline,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt.toISOString(),
        durationMs: Math.max(0, r.finishedAt.getTime() - r.startedAt.getTime()),
        run,
        gates: findings.gates,
        warnings,
        url: r.options.url?.href ?? null,
        p50: findings.p50,
        p95: findings.p95,
        checks: findings.checks,
        thresholds: findings.thresholds,
        ...(findings.wait ? { wait: findings.wait } : {}),
        tls: findings.tls,
        ...(onFailure ? { onFailure } : {}),
    };
}
function annotations(r) {
    const file = r.options.checksFile;
    return r.findings.checks
        .filter((c) => !c.passed)
        .map((c) => ({
        level: 'error',
        title: `smoke check '${c.name}' failed`,
        message: c.reason,
        ...(file !== undefined && c.line !== undefined ? { file, startLine: c.line } : {}),
    }));
}
const outcome_ms = (value) => (value === null ? '–' : `${value} ms`);
function terminalText(r) {
    const { findings, onFailure } = r;
    const wait = findings.wait;
    return [
        ...(wait
            ? [`${wait.healthy ? '✔' : '✘'} wait-for ${wait.url}: ${wait.attempts} attempt(s), last ${wait.lastResult}`]
            : []),
        ...findings.checks.map((c) => `${c.passed ? '✔' : '✘'} ${c.name}  ${c.status ?? '---'}  p50 ${outcome_ms(c.latency.p50)}  p95 ${outcome_ms(c.latency.p95)}  max ${outcome_ms(c.latency.max)}${c.passed ? '' : `  ${c.reason}`}`),
        ...(onFailure
            ? [
                `on-failure: ${onFailure.command} → exit ${onFailure.exitCode ?? onFailure.signal ?? 'error'}`,
                onFailure.output.trimEnd(),
            ]
            : []),
    ].join('\n');
}
/** Report, outputs, summary, comment section, annotations and terminal text of a finished run, built once. */
function buildSmokeOutcome(r, run) {
    const report = smokeReport(r, run);
    const passed = report.status !== 'fail';
    return {
        report,
        outputs: {
            passed,
            'failed-checks': r.findings.checks
                .filter((c) => !c.passed)
                .map((c) => c.name)
                .join(','),
            p95: r.findings.p95,
        },
        summary: smokeSummary(r.findings, report.status, r.onFailure),
        comment: smokeComment(r.findings, r.onFailure),
        annotations: annotations(r),
        text: terminalText(r),
    };
}

;// CONCATENATED MODULE: ./src/stages/smoke/tls-probe.ts

const DAY_MS = 86_400_000;
/**
 * Connects once to an https origin and reads its certificate. Verification is done by hand
 * (rejectUnauthorized: false, then `authorized`) so that an untrusted chain is reported together
 * with the expiry instead of hiding it behind a handshake error.
 */
function probeTls(url, options) {
    const host = url.host;
    const port = Number(url.port || 443);
    const servername = /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname;
    return new Promise((resolve) => {
        let done = false;
        const finish = (result) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            options.signal.removeEventListener('abort', onAbort);
            socket.destroy();
            resolve(result);
        };
        const socket = external_node_tls_default().connect({
            host: url.hostname.replace(/^\[|\]$/g, ''),
            port,
            ...(servername ? { servername } : {}),
            rejectUnauthorized: false,
            ...(options.ca && options.ca.length > 0 ? { ca: [...(external_node_tls_default()).rootCertificates, ...options.ca] } : {}),
        });
        const onAbort = () => finish({ host, daysLeft: null, chainValid: false, error: 'aborted at the step deadline' });
        options.signal.addEventListener('abort', onAbort, { once: true });
        const timer = setTimeout(() => finish({ host, daysLeft: null, chainValid: false, error: `no TLS handshake within ${options.timeoutMs} ms` }), options.timeoutMs);
        socket.once('secureConnect', () => {
            const cert = socket.getPeerCertificate(true);
            if (!cert || !cert.valid_to) {
                finish({ host, daysLeft: null, chainValid: false, error: 'the server sent no certificate' });
                return;
            }
            const expires = new Date(cert.valid_to);
            const now = options.now ?? new Date();
            const authError = socket.authorizationError;
            // The hostname is checked too: a valid chain for another name is not a valid certificate here.
            const nameError = external_node_tls_default().checkServerIdentity(url.hostname.replace(/^\[|\]$/g, ''), cert);
            const error = authError ? String(authError) : nameError ? nameError.message : undefined;
            finish({
                host,
                // A tenth of a day: "2.9 days" is honest where a whole number would say 2 or round up to 3.
                daysLeft: Math.floor(((expires.getTime() - now.getTime()) / DAY_MS) * 10) / 10,
                validTo: expires.toISOString(),
                ...(cert.subject?.CN ? { subject: String(cert.subject.CN) } : {}),
                ...(cert.issuer?.CN ? { issuer: String(cert.issuer.CN) } : {}),
                chainValid: socket.authorized && !nameError,
                ...(error ? { error } : {}),
            });
        });
        socket.once('error', (error) => finish({ host, daysLeft: null, chainValid: false, error: error.message }));
    });
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/stages/smoke/wait.ts



/**
 * Delay before attempt n+1: exponential, capped, with "equal jitter" (half fixed, half random), so
 * many jobs waiting on one deploy spread out yet the wait still grows.
 */
function backoffDelay(attempt, baseMs, maxMs, random) {
    const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return exp / 2 + random() * (exp / 2);
}
/** One request to the health endpoint, and what it says in words. `final`: no attempt may follow. */
async function attempt(client, o, n) {
    const remaining = o.deadline - Date.now();
    try {
        const response = await client.request({
            url: o.url,
            method: 'GET',
            headers: o.headers,
            timeoutMs: Math.min(o.requestTimeoutMs, remaining),
            maxBodyBytes: 64 * 1024,
            keepBody: false,
        });
        const healthy = response.status >= 200 && response.status < 400;
        return { healthy, saw: `status ${response.status}`, final: false };
    }
    catch (error) {
        if (!(error instanceof RequestFailure))
            throw error;
        // Cut short by the deadline (its own timeout was clamped to the time left) or by a cancellation:
        // say so, rather than leave the impression that nothing was tried.
        const clamped = error.code === 'TIMEOUT' && remaining < o.requestTimeoutMs;
        if (error.code === 'ABORTED' || clamped) {
            const after = `${Math.round(error.elapsedMs)} ms`;
            const saw = o.signal.aborted && Date.now() < o.deadline
                ? `attempt ${n} was cancelled after ${after}`
                : `attempt ${n} got no answer in ${after} before ${o.deadlineLabel}`;
            return { healthy: false, saw, final: true };
        }
        return { healthy: false, saw: error.message, final: false };
    }
}
/** Polls until a 2xx/3xx answer. Refused connections, resets, DNS errors, timeouts and other statuses are retried. */
async function waitUntilHealthy(client, o) {
    const started = Date.now();
    const random = o.random ?? Math.random;
    const maxAttempts = o.retries === undefined ? Number.POSITIVE_INFINITY : o.retries + 1;
    const result = (healthy, attempts, lastResult) => ({
        url: o.url.href,
        healthy,
        attempts,
        durationMs: Date.now() - started,
        lastResult,
    });
    let attempts = 0;
    let lastSeen;
    while (attempts < maxAttempts && !o.signal.aborted && o.deadline - Date.now() > 0) {
        attempts++;
        const a = await attempt(client, o, attempts);
        if (a.healthy)
            return result(true, attempts, a.saw);
        if (a.final)
            return result(false, attempts, lastSeen ? `${lastSeen}; ${a.saw}` : a.saw);
        lastSeen = a.saw;
        const delay = Math.min(backoffDelay(attempts, o.backoffMs, o.maxDelayMs, random), o.deadline - Date.now());
        const last = attempts >= maxAttempts || delay <= 0;
        o.progress(`wait-for ${o.url.href}: attempt ${attempts}: ${a.saw}; ${last
            ? 'no attempt left'
            : `next attempt in ${formatMs(delay)} (${formatMs(o.deadline - Date.now())} to the deadline)`}`);
        if (last)
            break;
        try {
            await (0,promises_.setTimeout)(delay, undefined, { signal: o.signal });
        }
        catch {
            break; // the deadline or a cancellation: report what we have
        }
    }
    return result(false, attempts, lastSeen ?? 'no attempt made');
}

;// CONCATENATED MODULE: ./src/stages/smoke/run.ts









/** Longest pause between wait-for attempts: long enough to back off, short enough to notice a deploy soon. */
const MAX_BACKOFF_MS = 30_000;
/** The https origins the checks reach: each gets one certificate probe. */
function httpsOrigins(options) {
    const https = options.checks.filter((c) => c.url.protocol === 'https:').map((c) => [c.url.origin, c.url]);
    return [...new Map(https).values()];
}
function probeCertificates(options, deadline, ctx) {
    if (options.tlsMinDays === undefined)
        return Promise.resolve([]);
    const origins = httpsOrigins(options);
    if (origins.length === 0)
        ctx.logger.warning('tls-min-days is set but no check uses https: nothing to verify');
    return Promise.all(origins.map((url) => probeTls(url, {
        ...(options.ca ? { ca: options.ca } : {}),
        timeoutMs: options.requestTimeoutMs,
        signal: deadline.signal,
    })));
}
/** Phase 1: everything that talks to the deployment (wait-for, checks, TLS), under the step deadline. */
async function probe(options, ctx, startedAt) {
    const deadline = new StepDeadline(startedAt.getTime(), options.timeoutMs, ctx.signal);
    const client = new HttpClient({
        concurrency: options.concurrency,
        ...(options.ca ? { ca: options.ca } : {}),
        signal: deadline.signal,
    });
    const notRun = options.checks.map((check) => ({ check, samples: [] }));
    try {
        let wait;
        if (options.waitFor) {
            const url = options.waitFor;
            wait = await waitUntilHealthy(client, {
                url,
                headers: options.headers,
                ...(options.retries !== undefined ? { retries: options.retries } : {}),
                backoffMs: options.backoffMs,
                maxDelayMs: MAX_BACKOFF_MS,
                requestTimeoutMs: options.requestTimeoutMs,
                deadline: deadline.at,
                deadlineLabel: deadline.label,
                signal: deadline.signal,
                progress: (message) => ctx.logger.progress(message),
            });
            ctx.logger.info(wait.healthy
                ? `${url.href} is healthy after ${wait.attempts} attempt(s)`
                : `${url.href} did not become healthy after ${wait.attempts} attempt(s): ${wait.lastResult}`);
            if (!wait.healthy)
                return { wait, checkRuns: notRun, skipped: true, tls: [], deadlineReached: deadline.reached };
        }
        ctx.logger.info(`Running ${options.checks.length} check(s) × ${options.samples} sample(s)`);
        const [checkRuns, tls] = await Promise.all([
            runChecks(client, options.checks, {
                samples: options.samples,
                concurrency: options.concurrency,
                requestTimeoutMs: options.requestTimeoutMs,
                maxBodyBytes: options.maxBodyBytes,
                headers: options.headers,
                securityHeaders: options.securityHeaders,
                deadline: deadline.at,
                deadlineMessage: deadline.message,
                signal: deadline.signal,
            }),
            probeCertificates(options, deadline, ctx),
        ]);
        const cut = checkRuns.some((r) => r.samples.some((s) => s.hitDeadline === true));
        return { ...(wait ? { wait } : {}), checkRuns, skipped: false, tls, deadlineReached: deadline.reached || cut };
    }
    finally {
        deadline.dispose();
        await client.close();
    }
}
/** Phase 3: the rollback, once, when the smoke failed (not when the run was cancelled). */
async function rollbackIfFailed(options, findings, ctx) {
    if (!findings.failed || options.onFailure === undefined || ctx.signal.aborted)
        return undefined;
    ctx.logger.info(`Smoke failed: running on-failure: ${options.onFailure}`);
    const result = await runOnFailure(options.onFailure, {
        cwd: ctx.cwd,
        env: (0,user_command_env/* userCommandEnv */.c)(ctx.env, {
            SHIPKIT_SMOKE_FAILED_CHECKS: findings.checks
                .filter((c) => !c.passed)
                .map((c) => c.name)
                .join(','),
            SHIPKIT_SMOKE_URL: options.url?.href ?? '',
        }),
        signal: ctx.signal,
    });
    ctx.logger.info(`on-failure exited with ${result.exitCode ?? result.signal ?? 'no exit code'}`);
    return result;
}
/** Probe the deployment, judge what was seen (phase 2), roll back if it failed, and build the outcome once. */
async function runSmoke(options, ctx) {
    const startedAt = new Date();
    const probed = await probe(options, ctx, startedAt);
    const findings = judge(options, probed, Date.now() - startedAt.getTime());
    const onFailure = await rollbackIfFailed(options, findings, ctx);
    return buildSmokeOutcome({ options, findings, ...(onFailure ? { onFailure } : {}), startedAt, finishedAt: new Date() }, ctx.run);
}


/***/ })

};
