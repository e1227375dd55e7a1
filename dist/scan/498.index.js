import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 498;
export const ids = [498];
export const modules = {

/***/ 47047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ lookup),
/* harmony export */   H: () => (/* binding */ parseJsonPath)
/* harmony export */ });
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


/***/ }),

/***/ 12132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ DEFAULT_STATUS),
/* harmony export */   W: () => (/* binding */ statusMatches)
/* harmony export */ });
const DEFAULT_STATUS = { codes: [], classes: [2], text: '2xx' };
function statusMatches(expect, status) {
    return expect.codes.includes(status) || expect.classes.includes(Math.floor(status / 100));
}


/***/ }),

/***/ 66498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  smokeStage: () => (/* binding */ smokeStage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/redact.ts
var redact = __webpack_require__(12258);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(89114);
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

// EXTERNAL MODULE: ./src/stages/smoke/json-path.ts
var json_path = __webpack_require__(47047);
// EXTERNAL MODULE: ./src/stages/smoke/model.ts
var model = __webpack_require__(12132);
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
            const segments = (0,json_path/* parseJsonPath */.H)(path) ?? failAt(at('expect', 'json'), path)('is not a JSON path such as $.data.items[0].id');
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
                status: expect.status !== undefined ? parseStatus(expect.status) : model/* DEFAULT_STATUS */.B,
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

// EXTERNAL MODULE: ./src/stages/smoke/thresholds.ts
var thresholds = __webpack_require__(37521);
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
/** Header names whose values in a check file are credentials, masked like the `headers` input's. */
const CREDENTIAL_HEADER = /authorization|cookie|token|secret|api[-_]?key|password|session/i;
/** `Name: value` per line. Every value is registered as a secret: tokens often travel in headers. */
function readHeaders(inputs) {
    const out = {};
    for (const line of inputs.lines('headers')) {
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            // The value is not repeated: it may be a secret.
            throw new errors/* UserError */.yo(`${inputs.source.label('headers')}: each line must be 'Name: value' (a line starts with '${line.slice(0, Math.min(colon > 0 ? colon : 12, 12))}')`, { input: 'headers' });
        }
        const value = line.slice(colon + 1).trim();
        if (value !== '')
            inputs.source.mask(value);
        out[name.toLowerCase()] = value;
    }
    return out;
}
function readUrl(inputs) {
    const raw = inputs.string('url');
    if (raw === undefined)
        return undefined;
    if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw)) {
        throw new errors/* UserError */.yo(`${inputs.source.label('url')} must be an http(s) URL, got '${raw}'`, { input: 'url' });
    }
    const url = new URL(raw);
    // Credentials in the URL (https://user:password@host, or https://token@host) are a secret like a
    // `headers` value: as the URL parser re-encodes them and as written.
    for (const form of (0,redact/* urlCredentialForms */.C9)(url.password || url.username))
        inputs.source.mask(form);
    return url;
}
function readMaxBody(inputs) {
    const text = inputs.string('max-body') ?? '10MB';
    const bytes = parseSize(text);
    if (bytes === undefined || bytes < 1) {
        throw new errors/* UserError */.yo(`${inputs.source.label('max-body')} must be a size such as 10MB or 512KB, got '${text}'`, {
            input: 'max-body',
        });
    }
    return bytes;
}
/** With no check file, the base URL itself must answer 2xx. */
function defaultCheck(url) {
    return {
        name: 'url',
        method: 'GET',
        url,
        headers: {},
        followRedirects: true,
        expect: { status: model/* DEFAULT_STATUS */.B, bodyContains: [], json: [], headers: [] },
    };
}
/** `checks` is inline YAML when it spans lines or starts like a check file; otherwise a file path. */
function loadChecks(raw, url, cwd) {
    if (raw === undefined)
        return { checks: [defaultCheck(url)] };
    if (/\n/.test(raw.trim()) || /^\s*checks\s*:/.test(raw))
        return { checks: parseChecks({ text: raw }, url) };
    const file = raw.trim();
    const full = external_node_path_default().resolve(cwd, file);
    if (!(0,external_node_fs_.existsSync)(full))
        throw new errors/* UserError */.yo(`checks file '${file}' not found (looked in ${cwd})`, { input: 'checks' });
    return { checks: parseChecks({ text: (0,external_node_fs_.readFileSync)(full, 'utf8'), file }, url), file };
}
/** `thresholds` is inline YAML, or (one line ending in .yml/.yaml) a file holding it. */
function loadThresholds(raw, cwd) {
    if (raw === undefined || !/^[^\n:]+\.ya?ml$/.test(raw.trim()))
        return (0,thresholds/* parseThresholds */.S)(raw);
    const file = raw.trim();
    const full = external_node_path_default().resolve(cwd, file);
    if (!(0,external_node_fs_.existsSync)(full))
        throw new errors/* UserError */.yo(`thresholds file '${file}' not found (looked in ${cwd})`, { input: 'thresholds' });
    try {
        return (0,thresholds/* parseThresholds */.S)((0,external_node_fs_.readFileSync)(full, 'utf8'));
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo) {
            throw new errors/* UserError */.yo(error.message.replace("input 'thresholds'", file), { ...error.location, file });
        }
        throw error;
    }
}
function loadCa(file, cwd) {
    if (file === undefined)
        return undefined;
    const full = external_node_path_default().resolve(cwd, file);
    if (!(0,external_node_fs_.existsSync)(full))
        throw new errors/* UserError */.yo(`CA file '${file}' not found (looked in ${cwd})`, { input: 'ca' });
    return [(0,external_node_fs_.readFileSync)(full, 'utf8')];
}
/**
 * The one options reader shared by the action and `shipkit smoke`; files are resolved from `cwd`.
 * Fallbacks equal action.yml's defaults (tests/smoke/options.test.ts holds them equal).
 */
function readSmokeOptions(inputs, cwd) {
    const label = (name) => inputs.source.label(name);
    const url = readUrl(inputs);
    const checksText = inputs.text('checks');
    const waitFor = inputs.string('wait-for');
    if (!url && checksText === undefined) {
        throw new errors/* UserError */.yo(`${label('url')} or ${label('checks')} is required`, { input: 'url' });
    }
    if (waitFor !== undefined && !url && !/^https?:\/\//.test(waitFor)) {
        throw new errors/* UserError */.yo(`${label('wait-for')} is a path, so ${label('url')} is required`, { input: 'wait-for' });
    }
    if (waitFor !== undefined && !URL.canParse(waitFor, url?.href)) {
        throw new errors/* UserError */.yo(`${label('wait-for')} must be a path or an http(s) URL, got '${waitFor}'`, {
            input: 'wait-for',
        });
    }
    const headers = readHeaders(inputs);
    const retries = inputs.number('retries', { min: 0, integer: true });
    const tlsMinDays = inputs.number('tls-min-days', { min: 0, integer: true });
    const onFailure = inputs.text('on-failure')?.trim();
    const options = {
        ...(url ? { url } : {}),
        ...(waitFor !== undefined ? { waitFor: new URL(waitFor, url) } : {}),
        timeoutMs: inputs.duration('timeout') ?? 300_000,
        ...(retries !== undefined ? { retries } : {}),
        backoffMs: inputs.duration('backoff', 'ms') ?? 1000,
        concurrency: inputs.number('concurrency', { min: 1, max: 256, integer: true }) ?? 10,
        samples: inputs.number('samples', { min: 1, max: 10_000, integer: true }) ?? 1,
        headers,
        securityHeaders: inputs.bool('security-headers', false),
        ...(tlsMinDays !== undefined ? { tlsMinDays } : {}),
        ...(onFailure ? { onFailure } : {}),
        requestTimeoutMs: inputs.duration('request-timeout') ?? 10_000,
        maxBodyBytes: readMaxBody(inputs),
    };
    // The files last, once every plain value is known to be right.
    const loaded = loadChecks(checksText, url, cwd);
    for (const check of loaded.checks) {
        for (const [name, value] of Object.entries(check.headers)) {
            if (CREDENTIAL_HEADER.test(name) && value.trim() !== '')
                inputs.source.mask(value.trim());
        }
    }
    const thresholds = loadThresholds(inputs.text('thresholds'), cwd);
    const names = new Set(loaded.checks.map((c) => c.name));
    for (const t of thresholds) {
        if (t.check !== undefined && !names.has(t.check)) {
            throw new errors/* UserError */.yo(`input 'thresholds': ${t.metricKey} names no check (checks: ${[...names].join(', ')})`, {
                input: 'thresholds',
            });
        }
    }
    const ca = loadCa(inputs.string('ca'), cwd);
    return {
        ...options,
        checks: loaded.checks,
        ...(loaded.file !== undefined ? { checksFile: loaded.file } : {}),
        thresholds,
        ...(ca ? { ca } : {}),
    };
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 82 modules
var type = __webpack_require__(97375);
// EXTERNAL MODULE: ./src/core/report/schema.ts + 1 modules
var schema = __webpack_require__(25670);
;// CONCATENATED MODULE: ./src/stages/smoke/report-schema.ts


/**
 * The smoke stage's report, written once: the JSON Schema (validated before every write) and the
 * TypeScript types below both come from these declarations.
 */
const Ms = (0,schema/* Nullable */.UX)(type/* Type */.ZU.Number({ minimum: 0 }));
const Count = type/* Type */.ZU.Integer({ minimum: 0 });
const LatencySchema = type/* Type */.ZU.Object({ p50: Ms, p95: Ms, max: Ms }, { additionalProperties: false, description: 'Milliseconds, to a tenth; null when no sample answered.' });
const CheckReportSchema = type/* Type */.ZU.Object({
    name: type/* Type */.ZU.String(),
    method: type/* Type */.ZU.String(),
    url: type/* Type */.ZU.String(),
    passed: type/* Type */.ZU.Boolean(),
    status: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Integer({
        description: 'Final status (after redirects) of the first failing sample, else of the last; null when none answered.',
    })),
    latency: LatencySchema,
    reason: type/* Type */.ZU.String({ description: 'What every sample met, or what the failing one missed.' }),
    samples: Count,
    failedSamples: Count,
    securityIssues: type/* Type */.ZU.Array(type/* Type */.ZU.String()),
    line: type/* Type */.ZU.Optional(type/* Type */.ZU.Integer({ minimum: 1, description: "The check's line in its check file." })),
}, { additionalProperties: false });
const ThresholdResultSchema = type/* Type */.ZU.Object({
    metric: type/* Type */.ZU.String({ description: 'As written, e.g. `http_req_duration{check:login}`.' }),
    expression: type/* Type */.ZU.String({ description: 'e.g. `p(95)<200`.' }),
    passed: type/* Type */.ZU.Boolean(),
    actual: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Number({
        description: 'What was measured; null when there was nothing to measure (the threshold then fails closed).',
    })),
    unit: type/* Type */.ZU.String(),
    detail: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
}, { additionalProperties: false });
const WaitResultSchema = type/* Type */.ZU.Object({
    url: type/* Type */.ZU.String(),
    healthy: type/* Type */.ZU.Boolean(),
    attempts: Count,
    durationMs: type/* Type */.ZU.Number({ minimum: 0 }),
    lastResult: type/* Type */.ZU.String({ description: 'What the last attempt saw: a status, or why no response came.' }),
}, { additionalProperties: false });
const TlsResultSchema = type/* Type */.ZU.Object({
    host: type/* Type */.ZU.String(),
    daysLeft: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Number({
        description: 'Days (to a tenth) until the leaf certificate expires, negative once expired; null when not measured.',
    })),
    validTo: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    subject: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    issuer: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    chainValid: type/* Type */.ZU.Boolean(),
    error: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
}, { additionalProperties: false });
const OnFailureResultSchema = type/* Type */.ZU.Object({
    command: type/* Type */.ZU.String(),
    exitCode: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Integer()),
    signal: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'Set when the command was killed.' })),
    output: type/* Type */.ZU.String({ description: 'Combined stdout and stderr, the last 64 KiB.' }),
    truncated: type/* Type */.ZU.Boolean(),
    durationMs: type/* Type */.ZU.Number({ minimum: 0 }),
}, { additionalProperties: false });
const SmokeReport = (0,schema/* stageReportSchema */.kZ)('smoke', {
    url: (0,schema/* Nullable */.UX)(type/* Type */.ZU.String()),
    p50: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Number({ minimum: 0, description: 'Median latency over every sample, in ms.' })),
    p95: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Number({ minimum: 0, description: 'p95 latency over every sample, in ms.' })),
    checks: type/* Type */.ZU.Array(CheckReportSchema),
    thresholds: type/* Type */.ZU.Array(ThresholdResultSchema),
    wait: type/* Type */.ZU.Optional(WaitResultSchema),
    tls: type/* Type */.ZU.Array(TlsResultSchema),
    onFailure: type/* Type */.ZU.Optional(OnFailureResultSchema),
});

;// CONCATENATED MODULE: ./src/stages/smoke/stage.ts


/**
 * The smoke stage. Its HTTP client and probes load when it runs, not when the registry lists it or
 * its options are read: a usage error is reported before they are parsed.
 */
const smokeStage = {
    name: 'smoke',
    reportSchema: SmokeReport,
    readOptions: (inputs, ctx) => readSmokeOptions(inputs, ctx.cwd),
    run: async (options, ctx) => (await __webpack_require__.e(/* import() */ 453).then(__webpack_require__.bind(__webpack_require__, 22453))).runSmoke(options, ctx),
};


/***/ }),

/***/ 40906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ir: () => (/* binding */ latencyStats),
/* harmony export */   TZ: () => (/* binding */ sortedCopy),
/* harmony export */   Ym: () => (/* binding */ percentile),
/* harmony export */   i2: () => (/* binding */ mean),
/* harmony export */   l9: () => (/* binding */ roundMs)
/* harmony export */ });
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


/***/ }),

/***/ 37521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ parseThresholds),
/* harmony export */   S$: () => (/* binding */ evaluateThresholds),
/* harmony export */   uF: () => (/* binding */ unitOf)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40906);



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
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, uniqueKeys: true });
    const failAt = (offset) => (message) => {
        const line = offset === undefined ? undefined : lines.linePos(offset).line;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`input 'thresholds'${line !== undefined ? ` line ${line}` : ''}: ${message}`, {
            input: 'thresholds',
            ...(line !== undefined ? { line } : {}),
        });
    };
    if (doc.errors[0])
        failAt(doc.errors[0].pos[0])(`not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents))
        return failAt(0)("must be a mapping such as http_req_duration: ['p(95)<200']");
    const out = [];
    for (const pair of doc.contents.items) {
        const keyNode = pair.key;
        const offset = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) ? keyNode.range?.[0] : undefined;
        const metricKey = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) ? String(keyNode.value) : '';
        const values = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(pair.value) ? pair.value.items : [pair.value];
        for (const item of values) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item) || typeof item.value !== 'string') {
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
            const sorted = (0,_stats_js__WEBPACK_IMPORTED_MODULE_2__/* .sortedCopy */ .TZ)(samples.flatMap((s) => (s.durationMs === null ? [] : [s.durationMs])));
            if (sorted.length === 0)
                return null;
            switch (threshold.aggregation) {
                case 'avg':
                    return (0,_stats_js__WEBPACK_IMPORTED_MODULE_2__/* .mean */ .i2)(sorted);
                case 'min':
                    return sorted[0];
                case 'max':
                    return sorted[sorted.length - 1];
                case 'med':
                    return (0,_stats_js__WEBPACK_IMPORTED_MODULE_2__/* .percentile */ .Ym)(sorted, 50);
                default:
                    return (0,_stats_js__WEBPACK_IMPORTED_MODULE_2__/* .percentile */ .Ym)(sorted, threshold.percentile);
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


/***/ })

};
