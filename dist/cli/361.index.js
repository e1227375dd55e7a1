import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 361;
export const ids = [361];
export const modules = {

/***/ 1361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  smokeCommand: () => (/* binding */ smokeCommand)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/stages/smoke/options.ts

const SIZE_UNITS = {
    '': 1,
    b: 1,
    kb: 1024,
    k: 1024,
    mb: 1024 ** 2,
    m: 1024 ** 2,
    gb: 1024 ** 3,
};
function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/i.exec(text.trim());
    if (!m)
        return undefined;
    const unit = SIZE_UNITS[m[2].toLowerCase()];
    return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit);
}
/** `Name: value` per line. Every value is registered as a secret: tokens often travel in headers. */
function readHeaders(inputs) {
    const out = {};
    for (const line of inputs.lines('headers')) {
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            // The value is not repeated: it may be a secret.
            throw new errors/* UserError */.yo(`${inputs.source.label('headers')}: each line must be 'Name: value' (a line starts with '${line.slice(0, Math.min(colon > 0 ? colon : 12, 12))}')`, {
                input: 'headers',
            });
        }
        const value = line.slice(colon + 1).trim();
        if (value !== '')
            inputs.source.mask(value);
        out[name.toLowerCase()] = value;
    }
    return out;
}
function readSmokeOptions(inputs) {
    const rawUrl = inputs.string('url');
    let url;
    if (rawUrl !== undefined) {
        if (!/^https?:\/\//i.test(rawUrl) || !URL.canParse(rawUrl)) {
            throw new errors/* UserError */.yo(`${inputs.source.label('url')} must be an http(s) URL, got '${rawUrl}'`, { input: 'url' });
        }
        url = new URL(rawUrl);
    }
    const maxBodyText = inputs.string('max-body');
    const maxBodyBytes = maxBodyText === undefined ? 10 * 1024 ** 2 : parseSize(maxBodyText);
    if (maxBodyBytes === undefined || maxBodyBytes < 1) {
        throw new errors/* UserError */.yo(`${inputs.source.label('max-body')} must be a size such as 10MB or 512KB, got '${maxBodyText}'`, {
            input: 'max-body',
        });
    }
    const checks = inputs.text('checks');
    const waitFor = inputs.string('wait-for');
    const retries = inputs.number('retries', { min: 0, integer: true });
    const thresholds = inputs.text('thresholds');
    const tlsMinDays = inputs.number('tls-min-days', { min: 0, integer: true });
    const onFailure = inputs.text('on-failure')?.trim();
    const ca = inputs.string('ca');
    const options = {
        ...(url ? { url } : {}),
        ...(checks !== undefined ? { checks } : {}),
        ...(waitFor !== undefined ? { waitFor } : {}),
        timeoutMs: inputs.duration('timeout') ?? 300_000,
        ...(retries !== undefined ? { retries } : {}),
        backoffMs: inputs.duration('backoff', 'ms') ?? 1000,
        concurrency: inputs.number('concurrency', { min: 1, max: 256, integer: true }) ?? 10,
        samples: inputs.number('samples', { min: 1, max: 10_000, integer: true }) ?? 1,
        ...(thresholds !== undefined ? { thresholds } : {}),
        headers: readHeaders(inputs),
        securityHeaders: inputs.bool('security-headers', false),
        ...(tlsMinDays !== undefined ? { tlsMinDays } : {}),
        ...(onFailure ? { onFailure } : {}),
        requestTimeoutMs: inputs.duration('request-timeout') ?? 10_000,
        maxBodyBytes,
        ...(ca !== undefined ? { ca } : {}),
    };
    if (!options.url && options.checks === undefined) {
        throw new errors/* UserError */.yo(`${inputs.source.label('url')} or ${inputs.source.label('checks')} is required`, {
            input: 'url',
        });
    }
    if (options.waitFor !== undefined && !options.url && !/^https?:\/\//.test(options.waitFor)) {
        throw new errors/* UserError */.yo(`${inputs.source.label('wait-for')} is a path, so ${inputs.source.label('url')} is required`, {
            input: 'wait-for',
        });
    }
    return options;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
;// CONCATENATED MODULE: ./src/stages/smoke/checks-schema.ts
/**
 * JSON Schema of a smoke check file. It is published as smoke/checks.schema.json for editors
 * (`# yaml-language-server: $schema=…`) and is the same object the loader validates with, so the
 * completion an editor offers and what the action accepts cannot drift (a test compares them).
 */
const duration = {
    description: 'milliseconds, or a duration such as 250ms or 2s',
    anyOf: [
        { type: 'number', minimum: 0 },
        { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m)?$' },
    ],
};
const statusItem = {
    description: 'a status code such as 200, or a class such as 2xx',
    anyOf: [
        { type: 'integer', minimum: 100, maximum: 599 },
        { type: 'string', pattern: '^([1-5]xx|[1-5]\\d\\d)$' },
    ],
};
const checksFileSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://shipkit.dev/schemas/smoke-checks.json',
    title: 'shipkit smoke checks',
    description: 'HTTP checks run by shipkit smoke after a deploy.',
    type: 'object',
    required: ['checks'],
    additionalProperties: false,
    properties: {
        checks: { type: 'array', minItems: 1, items: { $ref: '#/definitions/check' } },
    },
    definitions: {
        check: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
                name: {
                    description: 'unique name; thresholds select it as http_req_duration{check:NAME}',
                    type: 'string',
                    pattern: '^[^{},:]+$',
                },
                method: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] },
                path: { description: 'path resolved against the url input, e.g. /health', type: 'string', pattern: '^/' },
                url: { description: 'absolute URL, instead of path', type: 'string', pattern: '^https?://' },
                headers: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
                body: { description: 'raw request body', type: 'string' },
                json: { description: 'request body sent as JSON (sets content-type)' },
                'follow-redirects': { description: 'follow 3xx responses (default true)', type: 'boolean' },
                timeout: { ...duration, description: 'per-request timeout for this check' },
                expect: { $ref: '#/definitions/expect' },
            },
        },
        expect: {
            type: 'object',
            additionalProperties: false,
            properties: {
                status: {
                    description: 'a status code, a class such as 2xx, or a list of them (default 2xx)',
                    anyOf: [statusItem, { type: 'array', minItems: 1, items: statusItem }],
                },
                'body-contains': {
                    description: 'text the body must contain (all of them, when a list)',
                    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
                },
                'body-matches': { description: 'a regular expression the body must match', type: 'string' },
                json: {
                    description: 'JSON path (e.g. $.data.items[0].id) → expected value, or {exists: true|false}',
                    type: 'object',
                },
                headers: {
                    description: 'header name → exact value, or /regex/ (flags allowed: /^max-age=\\d+/i)',
                    type: 'object',
                    additionalProperties: { type: 'string' },
                },
                'max-latency': { ...duration, description: 'every sample must answer within this' },
            },
        },
    },
};

;// CONCATENATED MODULE: ./src/stages/smoke/json-path.ts
/**
 * The small JSONPath subset checks need: `$.a.b[0].c`, `a.b.0`, `$['odd key']`. Returns the
 * segments, or undefined when the text is not such a path.
 */
function parseJsonPath(path) {
    let rest = path.trim().replace(/^\$/, '');
    const segments = [];
    const token = /^(?:\.([^.[\]]+)|\[(\d+)\]|\[['"]([^'"]+)['"]\])/;
    if (rest !== '' && !rest.startsWith('.') && !rest.startsWith('['))
        rest = `.${rest}`;
    while (rest !== '') {
        const m = token.exec(rest);
        if (!m)
            return undefined;
        if (m[1] !== undefined)
            segments.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
        else if (m[2] !== undefined)
            segments.push(Number(m[2]));
        else
            segments.push(m[3]);
        rest = rest.slice(m[0].length);
    }
    return segments;
}
function lookup(value, segments) {
    let current = value;
    for (const segment of segments) {
        if (typeof segment === 'number' && Array.isArray(current) && segment < current.length)
            current = current[segment];
        else if (current !== null &&
            typeof current === 'object' &&
            !Array.isArray(current) &&
            Object.prototype.hasOwnProperty.call(current, String(segment)))
            current = current[String(segment)];
        else
            return { found: false };
    }
    return { found: true, value: current };
}

;// CONCATENATED MODULE: ./src/stages/smoke/model.ts
const DEFAULT_STATUS = { codes: [], classes: [2], text: '2xx' };
function statusMatches(expect, status) {
    return expect.codes.includes(status) || expect.classes.includes(Math.floor(status / 100));
}

;// CONCATENATED MODULE: ./src/stages/smoke/checks-file.ts







const checks_file_ajv = new ajv.Ajv({ allErrors: true, strict: false, verbose: true });
const validate = checks_file_ajv.compile(checksFileSchema);
/** Fails with the file, the 1-based line and the field (as a dotted path such as checks[2].expect.status). */
class Locator {
    source;
    doc;
    lines;
    constructor(source, doc, lines) {
        this.source = source;
        this.doc = doc;
        this.lines = lines;
    }
    lineOf(path, key) {
        const node = this.doc.getIn(path, true);
        let target = node;
        if (key !== undefined && (0,dist/* isMap */.jh)(node)) {
            target = node.items.find((pair) => (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === key)?.key ?? node;
        }
        if (path.length === 0 && !(0,dist/* isNode */.Ll)(target))
            target = this.doc.contents;
        if ((0,dist/* isNode */.Ll)(target) && target.range)
            return this.lines.linePos(target.range[0]).line;
        return undefined;
    }
    fail(path, message, key) {
        const field = fieldName(key === undefined ? path : [...path, key]);
        const line = this.lineOf(path, key);
        const where = this.source.file === undefined && line !== undefined ? `line ${line}: ` : '';
        throw new errors/* UserError */.yo(`${where}${field ? `${field}: ` : ''}${message}`, {
            input: 'checks',
            ...(this.source.file !== undefined ? { file: this.source.file } : {}),
            ...(line !== undefined ? { line } : {}),
        });
    }
}
function fieldName(path) {
    return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
function segmentsOf(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
/** One readable message per schema error; union types say what they accept instead of listing branches. */
function describeError(error) {
    const parent = error.parentSchema;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params.additionalProperty);
            return { message: 'is not a known field', key };
        }
        case 'required': {
            const key = String(error.params.missingProperty);
            return { message: `'${key}' is required` };
        }
        case 'anyOf':
            return { message: `must be ${parent?.description ?? 'one of the allowed forms'}` };
        case 'enum':
            return { message: `must be one of ${error.params.allowedValues.join(', ')}` };
        case 'pattern':
            return { message: `${error.message ?? 'is invalid'}${parent?.description ? ` (${parent.description})` : ''}` };
        default:
            return { message: error.message ?? 'is invalid' };
    }
}
/** The error to show: the deepest one, and at equal depth a union's summary over its branches' details. */
function pickError(errors) {
    const depth = (e) => segmentsOf(e.instancePath).length;
    const maxDepth = Math.max(...errors.map(depth));
    const deepest = errors.filter((e) => depth(e) === maxDepth);
    // ajv reports an outer union after its inner branches: the last one describes the whole field.
    return deepest.findLast((e) => e.keyword === 'anyOf') ?? deepest[0];
}
function parseStatus(value) {
    const items = Array.isArray(value) ? value : [value];
    const codes = [];
    const classes = [];
    for (const item of items) {
        const text = String(item);
        if (/^[1-5]xx$/.test(text))
            classes.push(Number(text[0]));
        else
            codes.push(Number(text));
    }
    return { codes, classes, text: items.map(String).join(', ') };
}
function compileRegex(text, fail) {
    const slashed = /^\/(.*)\/([dgimsuy]*)$/s.exec(text);
    try {
        return slashed ? new RegExp(slashed[1], slashed[2].replace('g', '')) : new RegExp(text);
    }
    catch (error) {
        return fail(`is not a valid regular expression: ${error.message}`);
    }
}
function headerMatcher(text, fail) {
    if (/^\/.*\/[dgimsuy]*$/s.test(text) && text.length >= 2)
        return { kind: 'regex', regex: compileRegex(text, fail), text };
    return { kind: 'exact', value: text };
}
function durationMs(value, fail) {
    if (typeof value === 'number')
        return value;
    return (0,inputs/* parseDuration */.E9)(value, 'ms') ?? fail('must be a duration such as 250ms or 2s');
}
function isExistsObject(value) {
    return (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof value.exists === 'boolean');
}
/** Parses and validates a check file. Every refusal names the line and the field. */
function parseChecks(source, baseUrl) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const located = new Locator(source, doc, lines);
    const yamlError = doc.errors[0];
    if (yamlError) {
        const line = lines.linePos(yamlError.pos[0]).line;
        throw new errors/* UserError */.yo(`${source.file === undefined ? `line ${line}: ` : ''}not valid YAML: ${yamlError.message.split('\n')[0]}`, { input: 'checks', ...(source.file !== undefined ? { file: source.file } : {}), line });
    }
    const data = doc.toJS();
    if (!validate(data)) {
        const error = pickError(validate.errors ?? []);
        const { message, key } = describeError(error);
        located.fail(segmentsOf(error.instancePath), message, key);
    }
    const raw = data.checks;
    const seen = new Map();
    return raw.map((check, index) => {
        const at = (...rest) => ['checks', index, ...rest];
        const failAt = (path, key) => (message) => located.fail(path, message, key);
        if (seen.has(check.name)) {
            located.fail(at('name'), `'${check.name}' is already the name of checks[${seen.get(check.name)}]`);
        }
        seen.set(check.name, index);
        if ((check.path === undefined) === (check.url === undefined)) {
            located.fail(at(), "needs exactly one of 'path' or 'url'");
        }
        if (check.body !== undefined && check.json !== undefined)
            located.fail(at(), "has both 'body' and 'json': use one");
        let url;
        if (check.url !== undefined) {
            url = URL.canParse(check.url) ? new URL(check.url) : failAt(at('url'))('is not a valid URL');
        }
        else {
            const base = baseUrl ?? located.fail(at('path'), "is relative, so the 'url' input (base URL) is required");
            // Paths append to the base URL's own path (https://host/app + /health = https://host/app/health).
            url = new URL(check.path.replace(/^\//, ''), base.href.endsWith('/') ? base : new URL(`${base.href}/`));
        }
        const headers = {};
        for (const [name, value] of Object.entries(check.headers ?? {}))
            headers[name.toLowerCase()] = String(value);
        let body = check.body;
        if (check.json !== undefined) {
            body = JSON.stringify(check.json);
            headers['content-type'] ??= 'application/json';
        }
        const expect = check.expect ?? {};
        const contains = expect['body-contains'];
        const json = Object.entries(expect.json ?? {}).map(([path, value]) => {
            const segments = parseJsonPath(path) ?? failAt(at('expect', 'json'), path)('is not a JSON path such as $.data.items[0].id');
            return isExistsObject(value)
                ? { path, segments, kind: 'exists', exists: value.exists }
                : { path, segments, kind: 'equals', value };
        });
        return {
            name: check.name,
            method: check.method ?? (body !== undefined ? 'POST' : 'GET'),
            url,
            headers,
            ...(body !== undefined ? { body } : {}),
            followRedirects: check['follow-redirects'] ?? true,
            ...(check.timeout !== undefined ? { timeoutMs: durationMs(check.timeout, failAt(at('timeout'))) } : {}),
            expect: {
                status: expect.status !== undefined ? parseStatus(expect.status) : DEFAULT_STATUS,
                bodyContains: contains === undefined ? [] : Array.isArray(contains) ? contains : [contains],
                ...(expect['body-matches'] !== undefined
                    ? { bodyMatches: compileRegex(expect['body-matches'], failAt(at('expect', 'body-matches'))) }
                    : {}),
                json,
                headers: Object.entries(expect.headers ?? {}).map(([name, text]) => ({
                    name: name.toLowerCase(),
                    matcher: headerMatcher(text, failAt(at('expect', 'headers', name))),
                })),
                ...(expect['max-latency'] !== undefined
                    ? { maxLatencyMs: durationMs(expect['max-latency'], failAt(at('expect', 'max-latency'))) }
                    : {}),
            },
            ...(located.lineOf(at()) !== undefined ? { line: located.lineOf(at()) } : {}),
        };
    });
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./src/stages/smoke/http-client.ts



/** Why no response arrived, in words a person deploying can act on. */
class RequestFailure extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'RequestFailure';
    }
}
function describeNetworkError(error, url) {
    const where = url.host;
    switch (error.code) {
        case 'ECONNREFUSED':
            return new RequestFailure(`connection refused by ${where}`, error.code);
        case 'ECONNRESET':
            return new RequestFailure(`connection reset by ${where}`, error.code);
        case 'EPIPE':
            return new RequestFailure(`connection closed by ${where} while sending`, error.code);
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return new RequestFailure(`DNS lookup failed for ${url.hostname} (${error.code})`, error.code);
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return new RequestFailure(`${where} is unreachable (${error.code})`, error.code);
        default:
            if (error.code?.startsWith('ERR_TLS') || /certificate|self[- ]signed|SSL|TLS/i.test(error.message)) {
                return new RequestFailure(`TLS error with ${where}: ${error.message}`, error.code ?? 'TLS');
            }
            return new RequestFailure(`${error.message}${error.code ? ` (${error.code})` : ''}`, error.code ?? 'ERROR');
    }
}
/**
 * A client over node:http/https rather than fetch: fetch cannot bound a body without reading the
 * stream itself, hides redirects' intermediate responses only when it follows them, and gives no
 * access to the TLS socket. Keep-alive agents sized to the concurrency keep connection setup out
 * of the latency of every sample but the first.
 */
class HttpClient {
    httpAgent;
    httpsAgent;
    constructor(options) {
        const common = { keepAlive: true, maxSockets: Math.max(1, options.concurrency) };
        this.httpAgent = new (external_node_http_default()).Agent(common);
        this.httpsAgent = new (external_node_https_default()).Agent({
            ...common,
            ...(options.ca && options.ca.length > 0 ? { ca: [...(external_node_tls_default()).rootCertificates, ...options.ca] } : {}),
        });
    }
    close() {
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
    }
    async request(req) {
        try {
            return await this.send(req);
        }
        catch (error) {
            // A kept-alive socket the server closed just as we reused it: the request never reached the
            // application, so sending it again on a new connection is what Node's documentation advises.
            if (error instanceof RequestFailure && error.code === 'STALE_SOCKET')
                return this.send(req);
            throw error;
        }
    }
    send(req) {
        return new Promise((resolve, reject) => {
            const isHttps = req.url.protocol === 'https:';
            const mod = isHttps ? (external_node_https_default()) : (external_node_http_default());
            let settled = false;
            let responded = false;
            const started = performance.now();
            const chunks = [];
            let size = 0;
            const cleanup = () => {
                clearTimeout(timer);
                req.signal.removeEventListener('abort', onAbort);
            };
            const fail = (error) => {
                if (settled)
                    return;
                settled = true;
                cleanup();
                outgoing.destroy();
                reject(error);
            };
            const onAbort = () => {
                const reason = req.signal.reason;
                fail(new RequestFailure(reason instanceof Error ? reason.message : 'aborted', 'ABORTED'));
            };
            const outgoing = mod.request(req.url, {
                method: req.method,
                headers: { 'user-agent': 'shipkit-smoke', ...req.headers },
                agent: isHttps ? this.httpsAgent : this.httpAgent,
            }, (res) => {
                responded = true;
                const finish = (truncated) => {
                    if (settled)
                        return;
                    settled = true;
                    cleanup();
                    if (truncated)
                        res.destroy();
                    resolve({
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        body: Buffer.concat(chunks, size),
                        truncated,
                        latencyMs: performance.now() - started,
                    });
                };
                res.on('data', (chunk) => {
                    if (settled)
                        return;
                    const room = req.maxBodyBytes - size;
                    if (chunk.length > room) {
                        chunks.push(chunk.subarray(0, room));
                        size += room;
                        finish(true);
                        return;
                    }
                    chunks.push(chunk);
                    size += chunk.length;
                });
                res.on('end', () => finish(false));
                res.on('error', (error) => fail(describeNetworkError(error, req.url)));
                res.on('aborted', () => fail(new RequestFailure(`connection closed by ${req.url.host} mid-body`, 'ECONNRESET')));
            });
            outgoing.on('error', (error) => {
                if (outgoing.reusedSocket && error.code === 'ECONNRESET' && !responded) {
                    fail(new RequestFailure(`kept-alive connection to ${req.url.host} was closed`, 'STALE_SOCKET'));
                }
                else
                    fail(describeNetworkError(error, req.url));
            });
            const timer = setTimeout(() => {
                fail(new RequestFailure(`no complete response within ${req.timeoutMs} ms (request timeout)`, 'TIMEOUT'));
            }, req.timeoutMs);
            if (req.signal.aborted) {
                onAbort();
                return;
            }
            req.signal.addEventListener('abort', onAbort, { once: true });
            outgoing.end(req.body);
        });
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/stages/smoke/on-failure.ts

const OUTPUT_LIMIT = 64 * 1024;
/**
 * Runs the `on-failure` command (a rollback) through the shell, once. It is not bound by the
 * smoke deadline: cutting a rollback short would be worse than the failure it answers. Only a
 * cancelled run stops it.
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
;// CONCATENATED MODULE: ./src/stages/smoke/stats.ts
/**
 * Latency statistics over a run's samples. Percentiles are exact (no histogram buckets) and use the
 * same method as k6's trend metrics, so a budget moved from a k6 script means the same thing here:
 * sort the samples, take rank i = p/100 × (n − 1), and interpolate linearly between the samples at
 * floor(i) and ceil(i) (Hyndman & Fan type 7, also numpy's default).
 */
function percentile(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        return null;
    if (n === 1)
        return sorted[0];
    const rank = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
    const lo = Math.floor(rank);
    const hi = Math.ceil(rank);
    const below = sorted[lo];
    const above = sorted[hi];
    return below + (above - below) * (rank - lo);
}
function sortedCopy(values) {
    return [...values].sort((a, b) => a - b);
}
/** Milliseconds to a tenth, so reports stay readable without hiding sub-millisecond differences. */
function roundMs(value) {
    return value === null ? null : Math.round(value * 10) / 10;
}
function latencyStats(values) {
    const sorted = sortedCopy(values);
    return {
        p50: roundMs(percentile(sorted, 50)),
        p95: roundMs(percentile(sorted, 95)),
        max: roundMs(sorted.length > 0 ? sorted[sorted.length - 1] : null),
    };
}
function mean(values) {
    if (values.length === 0)
        return null;
    let sum = 0;
    for (const v of values)
        sum += v;
    return sum / values.length;
}

;// CONCATENATED MODULE: ./src/stages/smoke/outcome.ts


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
        latency: latencyStats(latencies),
        reason,
        samples: samples.length,
        failedSamples: skipped ? 0 : failing.length,
        securityIssues: [...new Set(samples.flatMap((s) => s.securityIssues))],
        ...(check.line !== undefined ? { line: check.line } : {}),
    };
}
const ok = (passed) => (passed ? '✅' : '❌');
const ms = (value) => (value === null ? '–' : `${value} ms`);
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function buildSmokeOutcome(run, ctx) {
    const { options } = run;
    const checks = run.checkRuns.map((r) => checkReport(r, run.skipped));
    const failedChecks = checks.filter((c) => !c.passed);
    const allLatencies = sortedCopy(run.checkRuns.flatMap((r) => r.samples.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]))));
    const p95 = roundMs(percentile(allLatencies, 95));
    const gates = [];
    if (run.wait) {
        gates.push({
            name: 'wait-for',
            passed: run.wait.healthy,
            required: 'healthy',
            actual: run.wait.healthy ? 'healthy' : 'unhealthy',
            detail: `${run.wait.url}: ${run.wait.attempts} attempt(s) in ${run.wait.durationMs} ms, last: ${run.wait.lastResult}`,
        });
    }
    gates.push({
        name: 'checks',
        passed: failedChecks.length === 0,
        required: checks.length,
        actual: checks.length - failedChecks.length,
        unit: ' passing',
        ...(failedChecks.length > 0 ? { detail: `failed: ${failedChecks.map((c) => c.name).join(', ')}` } : {}),
    });
    for (const t of run.thresholds) {
        gates.push({
            name: `${t.metric}: ${t.expression}`,
            passed: t.passed,
            required: t.expression,
            actual: t.actual,
            unit: t.unit === 'ms' ? ' ms' : '',
            ...(t.detail ? { detail: t.detail } : {}),
        });
    }
    if (options.securityHeaders) {
        const withIssues = checks.filter((c) => c.securityIssues.length > 0);
        gates.push({
            name: 'security-headers',
            passed: withIssues.length === 0 && !run.skipped,
            required: 0,
            actual: run.skipped ? null : withIssues.length,
            unit: ' checks with issues',
            ...(withIssues.length > 0
                ? { detail: withIssues.map((c) => `${c.name}: ${c.securityIssues.join(', ')}`).join(' | ') }
                : {}),
        });
    }
    if (options.tlsMinDays !== undefined) {
        for (const t of run.tls) {
            gates.push({
                name: `tls-min-days ${t.host}`,
                passed: t.daysLeft !== null && t.daysLeft >= options.tlsMinDays && t.chainValid,
                required: options.tlsMinDays,
                actual: t.daysLeft,
                unit: ' days',
                detail: [
                    t.validTo ? `expires ${t.validTo}` : undefined,
                    t.chainValid ? 'chain valid' : `chain invalid: ${t.error ?? 'not verified'}`,
                ]
                    .filter(Boolean)
                    .join(', '),
            });
        }
    }
    if (run.deadlineReached) {
        gates.push({
            name: 'timeout',
            passed: false,
            required: options.timeoutMs,
            actual: run.finishedAt.getTime() - run.startedAt.getTime(),
            unit: ' ms',
            detail: 'the step deadline was reached before every check finished',
        });
    }
    const warnings = [];
    if (run.onFailure && run.onFailure.exitCode !== 0) {
        warnings.push(`on-failure command exited with ${run.onFailure.exitCode ?? run.onFailure.signal ?? 'an error'}`);
    }
    const target = options.url?.href ?? checks[0]?.url ?? '';
    const summaryLine = failedChecks.length === 0 && gates.every((g) => g.passed)
        ? `${checks.length}/${checks.length} checks passed against ${target}${p95 !== null ? `, p95 ${p95} ms` : ''}`
        : run.skipped
            ? `${run.wait?.url ?? target} never became healthy (${run.wait?.lastResult ?? 'no answer'}): checks not run`
            : `${failedChecks.length} of ${checks.length} checks failed${gates.some((g) => !g.passed && g.name !== 'checks')
                ? `; failed gates: ${gates
                    .filter((g) => !g.passed && g.name !== 'checks')
                    .map((g) => g.name)
                    .join(', ')}`
                : ''}`;
    const report = (0,build/* buildReport */.FK)({
        stage: 'smoke',
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        run: ctx.run,
        gates,
        warnings,
        summary: summaryLine,
        data: {
            url: options.url?.href ?? null,
            checks,
            thresholds: run.thresholds,
            ...(run.wait ? { wait: run.wait } : {}),
            tls: run.tls,
            ...(run.onFailure ? { onFailure: run.onFailure } : {}),
            p95,
        },
    });
    const passed = report.status !== 'fail';
    const checkTable = [
        '| | Check | Status | p50 | p95 | max | Reason |',
        '|---|---|---|---|---|---|---|',
        ...checks.map((c) => `| ${ok(c.passed)} | ${cell(c.name)} | ${c.status ?? '–'} | ${ms(c.latency.p50)} | ${ms(c.latency.p95)} | ${ms(c.latency.max)} | ${cell(c.reason)} |`),
    ].join('\n');
    const summary = [{ markdown: `## ${ok(passed)} Smoke: ${cell(summaryLine)}`, priority: 0 }];
    const gateRows = gates.filter((g) => g.name !== 'checks');
    if (gateRows.length > 0) {
        summary.push({
            markdown: [
                '### Gates',
                '| | Gate | Required | Actual | Detail |',
                '|---|---|---|---|---|',
                ...gateRows.map((g) => `| ${ok(g.passed)} | ${cell(g.name)} | ${cell(String(g.required))} | ${g.actual === null ? 'n/a' : cell(`${String(g.actual)}${g.unit ?? ''}`)} | ${cell(g.detail ?? '')} |`),
            ].join('\n'),
            priority: 0,
            label: 'gates',
        });
    }
    summary.push({ markdown: `### Checks\n${checkTable}`, priority: 1, label: 'checks table' });
    if (run.onFailure) {
        summary.push({
            markdown: `### on-failure\n\`${cell(run.onFailure.command)}\` exited with ${run.onFailure.exitCode ?? run.onFailure.signal ?? 'an error'} in ${run.onFailure.durationMs} ms\n\n\`\`\`\n${run.onFailure.output.slice(-8000).trimEnd().replace(/```/g, "'''")}\n\`\`\``,
            priority: 2,
            label: 'on-failure output',
        });
    }
    const failedLines = failedChecks.slice(0, 10).map((c) => `- ❌ **${cell(c.name)}**: ${cell(c.reason)}`);
    if (failedChecks.length > 10)
        failedLines.push(`- … and ${failedChecks.length - 10} more`);
    const failedGateLines = gateRows
        .filter((g) => !g.passed)
        .map((g) => `- ❌ ${cell(g.name)}: ${g.actual === null ? 'n/a' : `${String(g.actual)}${g.unit ?? ''}`}`);
    const comment = [
        `${ok(passed)} **smoke**: ${cell(summaryLine)}`,
        ...failedLines,
        ...failedGateLines,
        ...(run.onFailure
            ? [`on-failure \`${cell(run.onFailure.command)}\` exited with ${run.onFailure.exitCode ?? 'an error'}`]
            : []),
    ].join('\n');
    const annotations = failedChecks.map((c) => ({
        level: 'error',
        title: `smoke check '${c.name}' failed`,
        message: c.reason,
        ...(run.checksFile !== undefined && c.line !== undefined ? { file: run.checksFile, startLine: c.line } : {}),
    }));
    const text = [
        ...(run.wait
            ? [
                `${run.wait.healthy ? '✔' : '✘'} wait-for ${run.wait.url}: ${run.wait.attempts} attempt(s), last ${run.wait.lastResult}`,
            ]
            : []),
        ...checks.map((c) => `${c.passed ? '✔' : '✘'} ${c.name}  ${c.status ?? '---'}  p50 ${ms(c.latency.p50)}  p95 ${ms(c.latency.p95)}  max ${ms(c.latency.max)}${c.passed ? '' : `  ${c.reason}`}`),
        ...(run.onFailure
            ? [
                `on-failure: ${run.onFailure.command} → exit ${run.onFailure.exitCode ?? run.onFailure.signal ?? 'error'}`,
                run.onFailure.output.trimEnd(),
            ]
            : []),
    ].join('\n');
    return {
        report,
        outputs: { passed, 'failed-checks': failedChecks.map((c) => c.name).join(','), p95 },
        summary,
        comment,
        annotations,
        text,
    };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
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
 */
function unmetExpectations(expect, response, maxBodyBytes) {
    const problems = [];
    if (!statusMatches(expect.status, response.status)) {
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
                const found = lookup(parsed, j.segments);
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
    if (expect.maxLatencyMs !== undefined && response.latencyMs > expect.maxLatencyMs) {
        problems.push(`latency ${Math.round(response.latencyMs)} ms over max-latency ${expect.maxLatencyMs} ms`);
    }
    return problems;
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
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** One sample of a check: the request, its redirects (when followed), and every expectation. */
/** A sample that got no response: the request failed, or the step's deadline came first. */
function unanswered(problem, hitDeadline) {
    return { status: null, latencyMs: null, problems: [problem], failed: true, securityIssues: [], hitDeadline };
}
async function runSample(client, check, options) {
    let url = check.url;
    let method = check.method;
    let body = check.body;
    let headers = { ...options.headers, ...check.headers };
    const visited = [url.href];
    let latencyMs = 0;
    let response;
    for (;;) {
        const remaining = options.deadline - Date.now();
        if (remaining <= 0 || options.signal.aborted) {
            return unanswered(options.deadlineMessage, true);
        }
        const ownTimeout = check.timeoutMs ?? options.requestTimeoutMs;
        try {
            response = await client.request({
                url,
                method,
                headers,
                ...(body !== undefined ? { body } : {}),
                timeoutMs: Math.min(ownTimeout, remaining),
                maxBodyBytes: options.maxBodyBytes,
                signal: options.signal,
            });
        }
        catch (error) {
            if (!(error instanceof RequestFailure))
                throw error;
            // A timeout clamped to the time left is the deadline's doing, not the request's own timeout.
            const byDeadline = (error.code === 'TIMEOUT' && remaining < ownTimeout) || Date.now() >= options.deadline;
            return unanswered(byDeadline ? options.deadlineMessage : error.message, byDeadline);
        }
        latencyMs += response.latencyMs;
        const location = response.headers.location;
        if (!check.followRedirects || !REDIRECTS.has(response.status) || location === undefined)
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
    const problems = unmetExpectations(check.expect, { ...response, latencyMs }, options.maxBodyBytes);
    const securityIssues = options.securityHeaders && isJudgedContent(response)
        ? missingSecurityHeaders(response, url.protocol === 'https:')
        : [];
    if (securityIssues.length > 0)
        problems.push(`security headers: ${securityIssues.join('; ')}`);
    return {
        status: response.status,
        latencyMs,
        problems,
        failed: !statusMatches(check.expect.status, response.status),
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
    const tasks = [];
    // Samples interleave across checks so one slow check does not occupy every worker at once.
    for (let sample = 0; sample < options.samples; sample++)
        for (const run of runs)
            tasks.push({ run, sample });
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const task = tasks[next++];
            task.run.samples[task.sample] = await runSample(client, task.run.check, options);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, tasks.length)) }, worker));
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

;// CONCATENATED MODULE: ./src/stages/smoke/thresholds.ts



const AGGREGATIONS = {
    // k6's trend metric: avg, min, max, med, p(N).
    http_req_duration: /^(avg|min|max|med|p\(\d+(?:\.\d+)?\))$/,
    // k6's rate metric.
    http_req_failed: /^rate$/,
    http_reqs: /^count$/,
    checks: /^rate$/,
};
const EXPRESSION = /^\s*(avg|min|max|med|count|rate|p\((\d+(?:\.\d+)?)\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;
const METRIC_KEY = /^([a-z_]+)(?:\{check:([^{},:]+)\})?$/;
function parseExpression(metricKey, text, fail) {
    const key = METRIC_KEY.exec(metricKey.trim());
    if (!key || !(key[1] in AGGREGATIONS)) {
        return fail(`'${metricKey}' is not a supported metric: use http_req_duration, http_req_failed, http_reqs or checks, optionally tagged {check:NAME}`);
    }
    const metric = key[1];
    const m = EXPRESSION.exec(text);
    if (!m)
        return fail(`'${text}' is not a threshold expression such as p(95)<200, avg<100 or rate<0.01`);
    const aggregation = m[1];
    if (!AGGREGATIONS[metric].test(aggregation)) {
        return fail(`'${aggregation}' does not apply to ${metric} (${metric === 'http_req_duration' ? 'avg, min, max, med, p(N)' : AGGREGATIONS[metric].source.replace(/[\^$]/g, '')})`);
    }
    const pct = m[2] !== undefined ? Number(m[2]) : undefined;
    if (pct !== undefined && (pct < 0 || pct > 100))
        return fail(`'${aggregation}': the percentile must be from 0 to 100`);
    return {
        metricKey: metricKey.trim(),
        metric,
        ...(key[2] !== undefined ? { check: key[2].trim() } : {}),
        expression: text.replace(/\s+/g, ''),
        aggregation,
        ...(pct !== undefined ? { percentile: pct } : {}),
        operator: m[3],
        value: Number(m[4]),
    };
}
/** Parses the `thresholds` input (a YAML mapping). Errors name the input and the line within it. */
function parseThresholds(text) {
    if (text === undefined || text.trim() === '')
        return [];
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true });
    const failAt = (offset) => (message) => {
        const line = offset === undefined ? undefined : lines.linePos(offset).line;
        throw new errors/* UserError */.yo(`input 'thresholds'${line !== undefined ? ` line ${line}` : ''}: ${message}`, {
            input: 'thresholds',
            ...(line !== undefined ? { line } : {}),
        });
    };
    if (doc.errors[0])
        failAt(doc.errors[0].pos[0])(`not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    if (!(0,dist/* isMap */.jh)(doc.contents))
        return failAt(0)("must be a mapping such as http_req_duration: ['p(95)<200']");
    const out = [];
    for (const pair of doc.contents.items) {
        const keyNode = pair.key;
        const offset = (0,dist/* isScalar */.jn)(keyNode) ? keyNode.range?.[0] : undefined;
        const metricKey = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : '';
        const values = (0,dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
        for (const item of values) {
            if (!(0,dist/* isScalar */.jn)(item) || typeof item.value !== 'string') {
                return failAt(offset)(`${metricKey}: each threshold must be a string such as 'p(95)<200'`);
            }
            out.push(parseExpression(metricKey, item.value, failAt(item.range?.[0] ?? offset)));
        }
    }
    return out;
}
function unitOf(metric) {
    return metric === 'http_req_duration' ? 'ms' : metric === 'http_reqs' ? 'count' : 'rate';
}
function aggregate(threshold, samples) {
    switch (threshold.metric) {
        case 'http_req_duration': {
            const sorted = sortedCopy(samples.flatMap((s) => (s.durationMs === null ? [] : [s.durationMs])));
            if (sorted.length === 0)
                return null;
            switch (threshold.aggregation) {
                case 'avg':
                    return mean(sorted);
                case 'min':
                    return sorted[0];
                case 'max':
                    return sorted[sorted.length - 1];
                case 'med':
                    return percentile(sorted, 50);
                default:
                    return percentile(sorted, threshold.percentile);
            }
        }
        case 'http_req_failed':
            return samples.length === 0 ? null : samples.filter((s) => s.failed).length / samples.length;
        case 'checks':
            return samples.length === 0 ? null : samples.filter((s) => s.passed).length / samples.length;
        case 'http_reqs':
            return samples.length;
    }
}
function compare(actual, operator, value) {
    switch (operator) {
        case '<':
            return actual < value;
        case '<=':
            return actual <= value;
        case '>':
            return actual > value;
        case '>=':
            return actual >= value;
        case '==':
        case '===':
            return actual === value;
        case '!=':
            return actual !== value;
    }
}
function evaluateThresholds(thresholds, samples) {
    return thresholds.map((t) => {
        const selected = t.check === undefined ? samples : samples.filter((s) => s.check === t.check);
        const raw = aggregate(t, selected);
        const unit = unitOf(t.metric);
        // Durations to a tenth of a millisecond (as the check latencies); rates keep four decimals.
        const scale = unit === 'ms' ? 10 : 10_000;
        const actual = raw === null ? null : Math.round(raw * scale) / scale;
        const passed = raw !== null && compare(raw, t.operator, t.value);
        return {
            metric: t.metricKey,
            expression: t.expression,
            passed,
            actual,
            unit,
            ...(raw === null ? { detail: 'no samples to measure (fails closed)' } : {}),
        };
    });
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
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/stages/smoke/wait.ts


/**
 * Delay before attempt n+1: exponential, capped, with "equal jitter" (half fixed, half random), so
 * many jobs waiting on one deploy spread out yet the wait still grows.
 */
function backoffDelay(attempt, baseMs, maxMs, random) {
    const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return exp / 2 + random() * (exp / 2);
}
/** Polls until a 2xx/3xx answer. Refused connections, resets, DNS errors, timeouts and other statuses are retried. */
async function waitUntilHealthy(client, options) {
    const started = Date.now();
    const random = options.random ?? Math.random;
    let attempts = 0;
    let lastResult = 'no attempt made';
    const maxAttempts = options.retries === undefined ? Number.POSITIVE_INFINITY : options.retries + 1;
    while (attempts < maxAttempts && !options.signal.aborted) {
        const remaining = options.deadline - Date.now();
        if (remaining <= 0)
            break;
        attempts++;
        try {
            const response = await client.request({
                url: options.url,
                method: 'GET',
                headers: options.headers,
                timeoutMs: Math.min(options.requestTimeoutMs, remaining),
                maxBodyBytes: 64 * 1024,
                signal: options.signal,
            });
            lastResult = `status ${response.status}`;
            if (response.status >= 200 && response.status < 400) {
                return { url: options.url.href, healthy: true, attempts, durationMs: Date.now() - started, lastResult };
            }
        }
        catch (error) {
            if (!(error instanceof RequestFailure))
                throw error;
            if (error.code === 'ABORTED')
                break;
            lastResult = error.message;
        }
        if (attempts >= maxAttempts)
            break;
        const delay = Math.min(backoffDelay(attempts, options.backoffMs, options.maxDelayMs, random), options.deadline - Date.now());
        if (delay <= 0)
            break;
        try {
            await (0,promises_.setTimeout)(delay, undefined, { signal: options.signal });
        }
        catch {
            break; // the deadline or a cancellation: report what we have
        }
    }
    return { url: options.url.href, healthy: false, attempts, durationMs: Date.now() - started, lastResult };
}

;// CONCATENATED MODULE: ./src/stages/smoke/run.ts













/** Longest pause between wait-for attempts: long enough to back off, short enough to notice a deploy soon. */
const MAX_BACKOFF_MS = 30_000;
/** `checks` is inline YAML when it spans lines or starts like a check file; otherwise a file path. */
function loadChecks(options, cwd) {
    const raw = options.checks;
    if (raw === undefined) {
        // No check file: the base URL itself must answer 2xx.
        const url = options.url;
        return {
            checks: [
                {
                    name: 'url',
                    method: 'GET',
                    url,
                    headers: {},
                    followRedirects: true,
                    expect: { status: DEFAULT_STATUS, bodyContains: [], json: [], headers: [] },
                },
            ],
        };
    }
    if (/\n/.test(raw.trim()) || /^\s*checks\s*:/.test(raw))
        return { checks: parseChecks({ text: raw }, options.url) };
    const file = raw.trim();
    const full = external_node_path_default().resolve(cwd, file);
    if (!(0,external_node_fs_.existsSync)(full))
        throw new errors/* UserError */.yo(`checks file '${file}' not found (looked in ${cwd})`, { input: 'checks' });
    return { checks: parseChecks({ text: (0,external_node_fs_.readFileSync)(full, 'utf8'), file }, options.url), file };
}
/** `thresholds` is inline YAML, or (one line ending in .yml/.yaml) a file holding it. */
function loadThresholds(raw, cwd) {
    if (raw === undefined || !/^[^\n:]+\.ya?ml$/.test(raw.trim()))
        return parseThresholds(raw);
    const file = raw.trim();
    const full = external_node_path_default().resolve(cwd, file);
    if (!(0,external_node_fs_.existsSync)(full))
        throw new errors/* UserError */.yo(`thresholds file '${file}' not found (looked in ${cwd})`, { input: 'thresholds' });
    try {
        return parseThresholds((0,external_node_fs_.readFileSync)(full, 'utf8'));
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo) {
            throw new errors/* UserError */.yo(error.message.replace("input 'thresholds'", file), { ...error.location, file });
        }
        throw error;
    }
}
function readCa(options, cwd) {
    if (options.ca === undefined)
        return undefined;
    const full = external_node_path_default().resolve(cwd, options.ca);
    if (!(0,external_node_fs_.existsSync)(full))
        throw new errors/* UserError */.yo(`CA file '${options.ca}' not found (looked in ${cwd})`, { input: 'ca' });
    return [(0,external_node_fs_.readFileSync)(full, 'utf8')];
}
function formatMs(ms) {
    if (ms >= 60_000 && ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000}s` : `${ms} ms`;
}
async function runSmoke(options, ctx) {
    const startedAt = new Date();
    // Everything the user wrote is validated before the first request: a typo is not a failed deploy.
    const loaded = loadChecks(options, ctx.cwd);
    const thresholds = loadThresholds(options.thresholds, ctx.cwd);
    const names = new Set(loaded.checks.map((c) => c.name));
    for (const t of thresholds) {
        if (t.check !== undefined && !names.has(t.check)) {
            throw new errors/* UserError */.yo(`input 'thresholds': ${t.metricKey} names no check (checks: ${[...names].join(', ')})`, {
                input: 'thresholds',
            });
        }
    }
    const ca = readCa(options, ctx.cwd);
    const deadline = startedAt.getTime() + options.timeoutMs;
    const controller = new AbortController();
    // Every request in flight listens on this one signal: with concurrency > 10, Node's leak warning would be noise.
    (0,external_node_events_.setMaxListeners)(0, controller.signal);
    let deadlineReached = false;
    const deadlineMessage = `aborted at the step deadline (timeout ${formatMs(options.timeoutMs)})`;
    const timer = setTimeout(() => {
        deadlineReached = true;
        controller.abort(new Error(deadlineMessage));
    }, options.timeoutMs);
    const onCancel = () => controller.abort(new Error('cancelled'));
    ctx.signal.addEventListener('abort', onCancel, { once: true });
    const client = new HttpClient({ concurrency: options.concurrency, ...(ca ? { ca } : {}) });
    let wait;
    let checkRuns = loaded.checks.map((check) => ({ check, samples: [] }));
    let tls = [];
    let skipped = false;
    try {
        if (options.waitFor !== undefined) {
            const url = new URL(options.waitFor, options.url);
            wait = await ctx.logger.group(`Waiting for ${url.href}`, () => waitUntilHealthy(client, {
                url,
                headers: options.headers,
                ...(options.retries !== undefined ? { retries: options.retries } : {}),
                backoffMs: options.backoffMs,
                maxDelayMs: MAX_BACKOFF_MS,
                requestTimeoutMs: options.requestTimeoutMs,
                deadline,
                signal: controller.signal,
            }));
            ctx.logger.info(wait.healthy
                ? `${url.href} is healthy after ${wait.attempts} attempt(s)`
                : `${url.href} did not become healthy after ${wait.attempts} attempt(s): ${wait.lastResult}`);
        }
        if (wait && !wait.healthy) {
            skipped = true;
        }
        else {
            const httpsOrigins = [
                ...new Map(loaded.checks.filter((c) => c.url.protocol === 'https:').map((c) => [c.url.origin, c.url])).values(),
            ];
            const tlsProbe = options.tlsMinDays !== undefined
                ? Promise.all(httpsOrigins.map((url) => probeTls(url, {
                    ...(ca ? { ca } : {}),
                    timeoutMs: options.requestTimeoutMs,
                    signal: controller.signal,
                })))
                : Promise.resolve([]);
            const [runs, probed] = await Promise.all([
                ctx.logger.group(`Running ${loaded.checks.length} check(s) × ${options.samples} sample(s)`, () => runChecks(client, loaded.checks, {
                    samples: options.samples,
                    concurrency: options.concurrency,
                    requestTimeoutMs: options.requestTimeoutMs,
                    maxBodyBytes: options.maxBodyBytes,
                    headers: options.headers,
                    securityHeaders: options.securityHeaders,
                    deadline,
                    deadlineMessage,
                    signal: controller.signal,
                })),
                tlsProbe,
            ]);
            checkRuns = runs;
            tls = probed;
            if (options.tlsMinDays !== undefined && httpsOrigins.length === 0) {
                ctx.logger.warning('tls-min-days is set but no check uses https: nothing to verify');
            }
        }
    }
    finally {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onCancel);
        client.close();
    }
    deadlineReached ||= checkRuns.some((r) => r.samples.some((s) => s.hitDeadline === true));
    const thresholdResults = skipped
        ? thresholds.map((t) => ({
            metric: t.metricKey,
            expression: t.expression,
            passed: false,
            actual: null,
            unit: unitOf(t.metric),
            detail: 'not measured: checks did not run',
        }))
        : evaluateThresholds(thresholds, toRequestSamples(checkRuns));
    const smokeRun = {
        options,
        ...(loaded.file !== undefined ? { checksFile: loaded.file } : {}),
        checkRuns,
        skipped,
        ...(wait ? { wait } : {}),
        thresholds: thresholdResults,
        tls,
        deadlineReached,
        startedAt,
        finishedAt: new Date(),
    };
    let outcome = buildSmokeOutcome(smokeRun, ctx);
    if (outcome.report.status === 'fail' && options.onFailure !== undefined && !ctx.signal.aborted) {
        const failed = outcome.report.checks
            .filter((c) => !c.passed)
            .map((c) => c.name);
        ctx.logger.info(`Smoke failed: running on-failure: ${options.onFailure}`);
        smokeRun.onFailure = await runOnFailure(options.onFailure, {
            cwd: ctx.cwd,
            env: { ...ctx.env, SHIPKIT_SMOKE_FAILED_CHECKS: failed.join(','), SHIPKIT_SMOKE_URL: options.url?.href ?? '' },
            signal: ctx.signal,
        });
        ctx.logger.info(`on-failure exited with ${smokeRun.onFailure.exitCode ?? smokeRun.onFailure.signal ?? 'no exit code'}`);
        smokeRun.finishedAt = new Date();
        outcome = buildSmokeOutcome(smokeRun, ctx);
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/stages/smoke/command.ts


const flag = (description, multiple = false) => ({
    type: 'string',
    description,
    ...(multiple ? { multiple } : {}),
});
const smokeCommand = {
    name: 'smoke',
    summary: 'Smoke-test a deployment: wait until healthy, run HTTP checks, latency thresholds, security headers, TLS expiry.',
    flags: {
        url: flag('URL  base URL of the deployment'),
        checks: flag('FILE|YAML  check file (or inline YAML)'),
        'wait-for': flag('PATH  poll this path (or URL) until it answers 2xx/3xx before checking'),
        timeout: flag('DURATION  deadline for the whole run (default 5m)'),
        retries: flag('N  wait-for attempts after the first (default: until the deadline)'),
        backoff: flag('DURATION  first wait-for delay, doubled per attempt up to 30s, with jitter (default 1s)'),
        concurrency: flag('N  requests in flight at once (default 10)'),
        samples: flag('N  requests per check for latency statistics (default 1)'),
        thresholds: flag('YAML  k6 thresholds, e.g. "http_req_duration: [\'p(95)<200\']"'),
        headers: flag("'Name: value'  header sent with every request (values are secret)", true),
        'security-headers': {
            type: 'string',
            description: 'true|false  check HSTS, nosniff, framing, CSP, Server/X-Powered-By',
        },
        'tls-min-days': flag('N  fail when an https certificate expires within N days or its chain is invalid'),
        'on-failure': flag('COMMAND  run once through the shell when the smoke fails (rollback)'),
        'request-timeout': flag('DURATION  timeout of each request (default 10s)'),
        'max-body': flag('SIZE  read at most this much of each body (default 10MB)'),
        ca: flag('FILE  extra CA certificates (PEM) to trust'),
    },
    run: async (inputs, ctx) => runSmoke(readSmokeOptions(inputs), ctx),
};


/***/ })

};
