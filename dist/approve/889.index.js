import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 889;
export const ids = [889];
export const modules = {

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

/***/ 9873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ blocks),
/* harmony export */   u: () => (/* binding */ evaluateGates)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61016);

/** A finding that fails the `fail-on` gate: counted (not ignored), at the threshold, and as narrowed by fixable-only and new-only. */
function blocks(f, o) {
    if (f.ignored)
        return false;
    if (!(0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .atLeast */ .jZ)(f.severity, o.failOn))
        return false;
    if (o.fixableOnly && f.fixed === null)
        return false;
    if (o.newOnly && f.new === false)
        return false;
    return true;
}
function evaluateGates(findings, o, ignores) {
    const blocking = findings.filter((f) => blocks(f, o));
    const scope = [o.fixableOnly ? 'fixable' : '', o.newOnly ? 'new' : ''].filter(Boolean).join(', ');
    const gates = [
        {
            name: 'fail-on',
            passed: blocking.length === 0,
            required: o.failOn,
            actual: blocking.length,
            detail: blocking.length === 0
                ? `no ${scope ? `${scope} ` : ''}finding at ${o.failOn} or above`
                : `${blocking.length} ${scope ? `${scope} ` : ''}finding(s) at ${o.failOn} or above: ${blocking
                    .slice(0, 5)
                    .map((f) => `${f.id}${f.package ? ` (${f.package}${f.installed ? ` ${f.installed}` : ''})` : f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`)
                    .join(', ')}${blocking.length > 5 ? ', …' : ''}`,
        },
    ];
    if (ignores.expired.length > 0) {
        gates.push({
            name: 'ignore-expiry',
            passed: false,
            required: 0,
            actual: ignores.expired.length,
            unit: ' expired ignores',
            detail: ignores.expired
                .map(({ rule, matched }) => `${rule.label} expired on ${rule.expires} (${rule.source}${matched > 0 ? `, ${matched} finding(s) count again` : ''})`)
                .join('; '),
        });
    }
    return gates;
}


/***/ }),

/***/ 82583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ splitIds),
/* harmony export */   Re: () => (/* binding */ idFromUrl),
/* harmony export */   XB: () => (/* binding */ normalizeId),
/* harmony export */   ZW: () => (/* binding */ aliasesFromReferences)
/* harmony export */ });
/* unused harmony export sortIds */
/**
 * Advisory ids as every tool spells them, made comparable: `CVE-2021-44906`, `GHSA-xvch-5gv4-984h`,
 * OSV database ids (`PYSEC-2021-66`, `GO-2022-0969`, `RUSTSEC-2020-0071`, `GMS-…`, `SNYK-…`), and the
 * ids hidden in advisory URLs (github.com/advisories/GHSA-…, nvd.nist.gov/vuln/detail/CVE-…,
 * osv.dev/vulnerability/…, npmjs.com/advisories/1523 → `NPM-1523`).
 */
const CVE = /^CVE-\d{4}-\d{4,}$/i;
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;
/** OSV's database prefixes and other tools' ids: letters, digits, dashes, dots, underscores and colons. */
const OTHER = /^[A-Za-z][A-Za-z0-9]*([-_:.][A-Za-z0-9]+)+$/;
/** One id in its canonical spelling (CVE and GHSA upper-cased prefixes, GHSA body lower-case), or undefined. */
function normalizeId(raw) {
    const id = raw.trim();
    if (id === '')
        return undefined;
    if (CVE.test(id))
        return id.toUpperCase();
    if (GHSA.test(id))
        return `GHSA${id.slice(4).toLowerCase()}`;
    if (OTHER.test(id) && id.length <= 100)
        return id;
    return undefined;
}
const URL_IDS = [
    /github\.com\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i,
    /github\.com\/[^/]+\/[^/]+\/security\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i,
    /nvd\.nist\.gov\/vuln\/detail\/(CVE-\d{4}-\d{4,})/i,
    /cve\.org\/CVERecord\?id=(CVE-\d{4}-\d{4,})/i,
    /cve\.mitre\.org\/cgi-bin\/cvename\.cgi\?name=(CVE-\d{4}-\d{4,})/i,
    /osv\.dev\/vulnerability\/([A-Za-z][A-Za-z0-9._:-]+)/i,
    /pkg\.go\.dev\/vuln\/(GO-\d{4}-\d+)/i,
    /avd\.aquasec\.com\/nvd\/(cve-\d{4}-\d{4,})/i,
];
/** The advisory id a URL names (GitHub, NVD, OSV, Go, npm), or undefined. */
function idFromUrl(url) {
    for (const re of URL_IDS) {
        const m = re.exec(url);
        if (m?.[1])
            return normalizeId(m[1]);
    }
    const npm = /npmjs\.com\/advisories\/(\d+)/i.exec(url);
    if (npm?.[1])
        return `NPM-${npm[1]}`;
    return undefined;
}
/**
 * GitHub advisory pages among an advisory's references name the same vulnerability (GitHub reviews
 * one advisory per CVE and ecosystem): they become aliases. Other references (a commit, an issue, a
 * CVE mentioned as related) are not taken: an alias joins findings, so a wrong one would hide one.
 */
function aliasesFromReferences(references) {
    // An array of URLs, or that array's JSON text unparsed (the Trivy reader passes the text).
    const urls = typeof references === 'string'
        ? (references.replace(/\\\//g, '/').match(/https?:\/\/[^"\s]+/g) ?? [])
        : Array.isArray(references)
            ? references.filter((r) => typeof r === 'string')
            : [];
    const out = [];
    for (const r of urls) {
        const m = URL_IDS[0].exec(r) ?? URL_IDS[1].exec(r);
        if (m?.[1]) {
            const id = normalizeId(m[1]);
            if (id && !out.includes(id))
                out.push(id);
        }
    }
    return out;
}
/** Primary first: a CVE, else a GHSA, else the first id given; the rest sorted and without duplicates. */
function splitIds(ids) {
    const unique = sortIds(ids);
    const primary = unique.find((i) => i.startsWith('CVE-')) ?? unique.find((i) => i.startsWith('GHSA-')) ?? unique[0];
    return { id: primary ?? 'unknown', aliases: unique.filter((i) => i !== primary).sort() };
}
/**
 * One collator for every comparison: `localeCompare` with a locale and options builds an ICU collator
 * on each call (tens of thousands for a large report, each malloc'ed and freed).
 */
const numericOrder = new Intl.Collator('en', { numeric: true });
/** Several CVEs for one advisory (rare, but GitHub has them): the lowest is primary, so the choice is stable. */
function sortIds(ids) {
    if (ids.length === 1)
        return [ids[0]];
    return [...new Set(ids)].sort(numericOrder.compare);
}


/***/ }),

/***/ 54221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ec: () => (/* binding */ today),
/* harmony export */   ej: () => (/* binding */ loadIgnoreRules),
/* harmony export */   oX: () => (/* binding */ TRIVY_IGNORE_YAML),
/* harmony export */   qR: () => (/* binding */ TRIVY_IGNORE),
/* harmony export */   wI: () => (/* binding */ applyIgnores)
/* harmony export */ });
/* unused harmony export isExpired */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Trivy's own ignore files, read beside shipkit's `ignore-file` when they are in the working directory. */
const TRIVY_IGNORE = '.trivyignore';
const TRIVY_IGNORE_YAML = '.trivyignore.yaml';
/** Today as YYYY-MM-DD (UTC): an entry with `expires: 2026-03-01` still ignores on that day. */
function today(now = new Date()) {
    return now.toISOString().slice(0, 10);
}
function isExpired(rule, day) {
    return rule.expires !== null && rule.expires < day;
}
/** The three files' rules, read only when one of them exists; a named ignore-file that is missing is the user's mistake. */
async function loadIgnoreRules(cwd, files) {
    const any = files.explicit ||
        [node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, files.ignoreFile), node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cwd, TRIVY_IGNORE), node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cwd, TRIVY_IGNORE_YAML)].some((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
    if (!any)
        return [];
    return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(6), __webpack_require__.e(430)]).then(__webpack_require__.bind(__webpack_require__, 33430))).loadIgnores(cwd, files);
}
function matches(rule, f) {
    if (rule.kind && rule.kind !== f.kind)
        return false;
    if (rule.matchId && ![f.id, ...f.aliases].some((id) => rule.matchId(id)))
        return false;
    if (rule.matchPackage && (f.package === null || !rule.matchPackage(f.package)))
        return false;
    if (rule.matchPath && ![f.target, f.file ?? ''].some((p) => p !== '' && rule.matchPath(p)))
        return false;
    if (rule.purls && !rule.purls.some((p) => p.name === f.package && (!p.version || p.version === f.installed)))
        return false;
    return true;
}
/** Marks ignored findings in place; the first entry that matches wins. */
function applyIgnores(findings, rules, day) {
    const used = new Set();
    const expiredMatches = new Map();
    for (const f of findings) {
        for (const rule of rules) {
            if (!matches(rule, f))
                continue;
            if (isExpired(rule, day)) {
                expiredMatches.set(rule, (expiredMatches.get(rule) ?? 0) + 1);
                continue;
            }
            f.ignored = { reason: rule.reason, source: rule.source, expires: rule.expires };
            used.add(rule);
            break;
        }
    }
    return {
        expired: rules.filter((r) => isExpired(r, day)).map((rule) => ({ rule, matched: expiredMatches.get(rule) ?? 0 })),
        unused: rules.filter((r) => !used.has(r) && !isExpired(r, day)),
    };
}


/***/ }),

/***/ 5351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jf: () => (/* binding */ streamJsonFile),
/* harmony export */   q3: () => (/* binding */ JsonSyntaxError)
/* harmony export */ });
/* unused harmony export JsonSplitter */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

class JsonSyntaxError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
        this.name = 'JsonSyntaxError';
    }
}
const CHUNK = 256 * 1024;
// Struct states.
const S_VALUE = 0; // a value is expected (top level, or after ':')
const S_VALUE_OR_END = 1; // after '['
const S_KEY_OR_END = 2; // after '{'
const S_KEY = 3; // after ',' in an object
const S_COLON = 4;
const S_COMMA_OR_END = 5;
const S_DONE = 6;
// Modes.
const M_STRUCT = 0;
const M_KEY = 1;
const M_RAW = 2;
const isWs = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Bytes a number or a literal (true, false, null) is made of. */
const isScalarByte = (c) => (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x2d ||
    c === 0x2b ||
    c === 0x2e;
class JsonSplitter {
    handlers;
    line = 1;
    mode = M_STRUCT;
    state = S_VALUE;
    /** 0 = object, 1 = array, per open descended container. */
    kinds = [];
    path = [];
    // Key being read.
    keyParts = [];
    keyEscaped = false;
    keyEscape = false;
    // Raw value being skipped or captured.
    capture = false;
    asText = false;
    rawDepth = 0;
    rawInString = false;
    rawEscape = false;
    rawScalar = false;
    rawBrackets = new Uint8Array(4096);
    rawLine = 0;
    rawParts = [];
    constructor(handlers) {
        this.handlers = handlers;
    }
    fail(message) {
        throw new JsonSyntaxError(message, this.line);
    }
    /**
     * Feeds the next chunk. The bytes of a wanted value or a key that goes on past the chunk are copied
     * and kept until it ends, so the caller may fill `buf` again at once.
     */
    write(buf) {
        const n = buf.length;
        let i = 0;
        let rawStart = this.mode === M_RAW ? 0 : -1;
        let keyStart = this.mode === M_KEY ? 0 : -1;
        while (i < n) {
            if (this.mode === M_RAW) {
                const end = this.scanRaw(buf, i);
                if (end < 0) {
                    if (this.capture)
                        this.rawParts.push(Buffer.from(buf.subarray(rawStart)));
                    return;
                }
                if (this.capture) {
                    this.rawParts.push(buf.subarray(rawStart, end));
                    this.emitCapture();
                }
                this.mode = M_STRUCT;
                this.afterValue();
                i = end;
                rawStart = -1;
                continue;
            }
            if (this.mode === M_KEY) {
                const end = this.scanKey(buf, i);
                if (end < 0) {
                    this.keyParts.push(Buffer.from(buf.subarray(keyStart)));
                    return;
                }
                this.keyParts.push(buf.subarray(keyStart, end - 1));
                const raw = Buffer.concat(this.keyParts);
                this.keyParts = [];
                const key = this.keyEscaped ? JSON.parse(`"${raw.toString('utf8')}"`) : raw.toString('utf8');
                this.path[this.path.length - 1] = key;
                this.mode = M_STRUCT;
                this.state = S_COLON;
                i = end;
                keyStart = -1;
                continue;
            }
            const c = buf[i];
            if (isWs(c)) {
                if (c === 0x0a)
                    this.line++;
                i++;
                continue;
            }
            switch (this.state) {
                case S_VALUE:
                case S_VALUE_OR_END:
                    if (c === 0x5d && this.state === S_VALUE_OR_END) {
                        this.closeContainer(1);
                        i++;
                        break;
                    }
                    i = this.startValue(i, c);
                    if (this.mode === M_RAW)
                        rawStart = i;
                    break;
                case S_KEY_OR_END:
                case S_KEY:
                    if (c === 0x7d && this.state === S_KEY_OR_END) {
                        this.closeContainer(0);
                        i++;
                        break;
                    }
                    if (c !== 0x22)
                        this.fail(`expected a key in double quotes, found '${String.fromCharCode(c)}'`);
                    this.mode = M_KEY;
                    this.keyEscaped = false;
                    this.keyEscape = false;
                    i++;
                    keyStart = i;
                    break;
                case S_COLON:
                    if (c !== 0x3a)
                        this.fail(`expected ':' after a key, found '${String.fromCharCode(c)}'`);
                    this.state = S_VALUE;
                    i++;
                    break;
                case S_COMMA_OR_END: {
                    const kind = this.kinds[this.kinds.length - 1];
                    if (c === 0x2c) {
                        if (kind === 0)
                            this.state = S_KEY;
                        else {
                            this.state = S_VALUE;
                            this.path[this.path.length - 1] = this.path[this.path.length - 1] + 1;
                        }
                    }
                    else if (c === 0x7d && kind === 0)
                        this.closeContainer(0);
                    else if (c === 0x5d && kind === 1)
                        this.closeContainer(1);
                    else
                        this.fail(`expected ',' or '${kind === 0 ? '}' : ']'}', found '${String.fromCharCode(c)}'`);
                    i++;
                    break;
                }
                case S_DONE:
                    this.fail(`unexpected '${String.fromCharCode(c)}' after the end of the document`);
            }
        }
    }
    /** The document must be complete. */
    end() {
        if (this.mode === M_RAW && this.rawScalar && this.rawDepth === 0) {
            // A document that is a bare number or literal ends at the end of the input.
            if (this.capture)
                this.emitCapture();
            this.mode = M_STRUCT;
            this.afterValue();
        }
        if (this.mode !== M_STRUCT || this.state !== S_DONE)
            this.fail('unexpected end of the document');
    }
    startValue(i, c) {
        const decision = this.handlers.want(this.path);
        if (decision === 'descend' && (c === 0x7b || c === 0x5b)) {
            this.kinds.push(c === 0x7b ? 0 : 1);
            this.path.push(c === 0x7b ? '' : 0);
            this.state = c === 0x7b ? S_KEY_OR_END : S_VALUE_OR_END;
            return i + 1;
        }
        if (c !== 0x7b && c !== 0x5b && c !== 0x22 && !isScalarByte(c))
            this.fail(`unexpected '${String.fromCharCode(c)}'`);
        this.mode = M_RAW;
        this.capture = decision === 'capture' || decision === 'text';
        this.asText = decision === 'text';
        this.rawDepth = 0;
        this.rawInString = false;
        this.rawEscape = false;
        this.rawScalar = false;
        this.rawLine = this.line;
        this.rawParts = [];
        return i;
    }
    afterValue() {
        this.state = this.kinds.length === 0 ? S_DONE : S_COMMA_OR_END;
    }
    closeContainer(kind) {
        if (this.kinds[this.kinds.length - 1] !== kind)
            this.fail('mismatched bracket');
        this.kinds.pop();
        this.path.pop();
        this.handlers.close?.(this.path);
        this.afterValue();
    }
    emitCapture() {
        const text = (this.rawParts.length === 1 ? this.rawParts[0] : Buffer.concat(this.rawParts)).toString('utf8');
        this.rawParts = [];
        if (this.asText) {
            this.handlers.value(this.path, text, this.rawLine);
            return;
        }
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            const m = /at position (\d+)/.exec(error.message);
            const line = m ? this.rawLine + countNewlines(text, Number(m[1])) : this.rawLine;
            throw new JsonSyntaxError(error.message.replace(/, ".*" is not valid JSON$/s, ''), line);
        }
        this.handlers.value(this.path, value, this.rawLine);
    }
    /** Reads a key string from `i` (after the opening quote). Returns the index after the closing quote, or -1. */
    scanKey(buf, i) {
        const n = buf.length;
        for (; i < n; i++) {
            const c = buf[i];
            if (this.keyEscape) {
                this.keyEscape = false;
                continue;
            }
            if (c === 0x5c) {
                this.keyEscape = true;
                this.keyEscaped = true;
            }
            else if (c === 0x22)
                return i + 1;
            else if (c < 0x20)
                this.fail('a control character inside a key');
        }
        return -1;
    }
    /** Scans a skipped or captured value from `i`. Returns the index just after it, or -1 when it goes on. */
    scanRaw(buf, i) {
        const n = buf.length;
        let nextBackslash = -2;
        while (i < n) {
            if (this.rawInString) {
                if (this.rawEscape) {
                    this.rawEscape = false;
                    i++;
                    continue;
                }
                // Jump to the next quote or backslash natively: strings (descriptions, snippets) are most of the bytes.
                const q = buf.indexOf(0x22, i);
                if (nextBackslash !== -1 && nextBackslash < i)
                    nextBackslash = buf.indexOf(0x5c, i);
                if (nextBackslash !== -1 && (q === -1 || nextBackslash < q)) {
                    i = nextBackslash + 1;
                    this.rawEscape = true;
                    continue;
                }
                if (q === -1)
                    return -1;
                i = q + 1;
                this.rawInString = false;
                if (this.rawDepth === 0)
                    return i;
                continue;
            }
            const c = buf[i];
            if (this.rawScalar) {
                if (isScalarByte(c)) {
                    i++;
                    continue;
                }
                this.rawScalar = false;
                if (this.rawDepth === 0)
                    return i;
            }
            if (c === 0x22) {
                this.rawInString = true;
            }
            else if (c === 0x7b || c === 0x5b) {
                if (this.rawDepth >= this.rawBrackets.length)
                    this.fail('nesting too deep');
                this.rawBrackets[this.rawDepth++] = c;
            }
            else if (c === 0x7d || c === 0x5d) {
                if (this.rawDepth === 0 || this.rawBrackets[this.rawDepth - 1] !== (c === 0x7d ? 0x7b : 0x5b))
                    this.fail(`unexpected '${String.fromCharCode(c)}'`);
                this.rawDepth--;
                if (this.rawDepth === 0)
                    return i + 1;
            }
            else if (c === 0x0a) {
                this.line++;
            }
            else if (isScalarByte(c)) {
                this.rawScalar = true;
            }
            else if (c !== 0x2c && c !== 0x3a && !isWs(c)) {
                this.fail(`unexpected '${String.fromCharCode(c)}'`);
            }
            i++;
        }
        return -1;
    }
}
function countNewlines(text, upTo) {
    let count = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1))
        count++;
    return count;
}
/** Streams `file` through a splitter. */
async function streamJsonFile(file, handlers) {
    const splitter = new JsonSplitter(handlers);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        // One buffer for the whole file: the splitter copies the little it keeps of a chunk (a value
        // cut by the chunk's end). A fresh buffer per chunk, or one kept alive by such a value, stays as
        // external memory until a full GC notices it, which on a 50 MB file was up to 20 MB of the peak.
        const buf = Buffer.allocUnsafe(CHUNK);
        for (;;) {
            const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
            if (bytesRead === 0)
                break;
            splitter.write(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead));
        }
    }
    finally {
        await handle.close();
    }
    splitter.end();
}


/***/ }),

/***/ 82567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   Ip: () => (/* binding */ syntaxError),
/* harmony export */   TG: () => (/* binding */ layoutError),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* unused harmony export readJsonFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _json_stream_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5351);



function lineAt(text, position) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** JSON.parse's message without the quoted document it may repeat (which could be large, or hold a secret). */
function cleanMessage(message) {
    return message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
}
/** Parses `text` as JSON; a syntax error is a UserError naming the file and, when known, the line. */
function parseJsonText(text, source) {
    try {
        return JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        const message = error.message;
        const m = /at position (\d+)/.exec(message);
        const line = m ? lineAt(text, Number(m[1])) : undefined;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`not valid JSON: ${cleanMessage(message)}`, {
            input: source.input,
            file: source.file,
            ...(line ? { line } : {}),
        });
    }
}
/** Reads a whole (small) JSON report: npm, pnpm and osv-scanner reports are a few MB at most. */
async function readJsonFile(path, source) {
    return parseJsonText(await readFile(path, 'utf8'), source);
}
/** A streaming parser's syntax error as a UserError naming the file and line. */
function syntaxError(error, source) {
    if (error instanceof _json_stream_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonSyntaxError */ .q3)
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`not valid JSON: ${error.message}`, {
            input: source.input,
            file: source.file,
            line: error.line,
        });
    return error;
}
/** A report whose layout is not what its tool writes: names the file and what was missing. */
function layoutError(source, format, what, line) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`not a ${format} report: ${what}`, {
        input: source.input,
        file: source.file,
        ...(line ? { line } : {}),
    });
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);


/***/ }),

/***/ 34511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ Strings),
/* harmony export */   E: () => (/* binding */ internFinding)
/* harmony export */ });
/**
 * One copy of each repeated string: a report lists the same advisory title, URL and package in many
 * targets, and JSON.parse makes a new string each time. Bounded, so a report of unique strings costs
 * no more than the map.
 */
class Strings {
    seen = new Map();
    get(s) {
        if (s === undefined)
            return undefined;
        const known = this.seen.get(s);
        if (known !== undefined)
            return known;
        if (this.seen.size < 200_000)
            this.seen.set(s, s);
        return s;
    }
}
/** The same finding with each of its strings shared with earlier findings. */
function internFinding(f, strings) {
    f.ids = f.ids.map((x) => strings.get(x));
    f.title = strings.get(f.title);
    f.target = strings.get(f.target);
    if (f.package !== null)
        f.package = strings.get(f.package);
    if (f.installed !== null)
        f.installed = strings.get(f.installed);
    if (f.fixed !== null)
        f.fixed = strings.get(f.fixed);
    if (f.file !== null)
        f.file = strings.get(f.file);
    if (f.url !== null)
        f.url = strings.get(f.url);
    return f;
}


/***/ }),

/***/ 50694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ readTrivyReport)
/* harmony export */ });
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82583);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15976);
/* harmony import */ var _severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93986);
/* harmony import */ var _json_stream_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5351);
/* harmony import */ var _read_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82567);
/* harmony import */ var _strings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(34511);






const FINDING_ARRAYS = {
    Vulnerabilities: 'vuln',
    Misconfigurations: 'misconfig',
    Secrets: 'secret',
};
/** The fields each kind of finding is read from; everything else in it is skipped unparsed. */
const FIELDS = {
    vuln: new Set([
        'VulnerabilityID',
        'PkgName',
        'InstalledVersion',
        'FixedVersion',
        'Severity',
        'Title',
        'PrimaryURL',
        'References',
        'VendorIDs',
    ]),
    misconfig: new Set(['ID', 'AVDID', 'Title', 'Message', 'Severity', 'Status', 'PrimaryURL', 'CauseMetadata']),
    secret: new Set(['RuleID', 'Title', 'Severity', 'StartLine', 'Match']),
};
/** Targets of lockfiles and files are paths in the scanned tree; image targets (`alpine:3.19 (alpine 3.19.1)`) are not. */
function fileOf(target, artifactType, cls) {
    if (artifactType === 'container_image' || artifactType === 'vm' || cls === 'os-pkgs')
        return null;
    if (target === '' || /\s\(/.test(target))
        return null;
    return target;
}
/**
 * The GitHub advisories Trivy names in `VendorIDs` (its database takes npm, pip, Go… advisories from
 * GitHub's, so a CVE there comes with its GHSA): aliases that join npm's, pnpm's and yarn's findings,
 * which name only the GHSA. Other vendor ids are not taken: a Debian DSA or an Ubuntu USN covers
 * several CVEs of a package, and as an alias it would merge them into one finding.
 */
function ghsaIds(vendorIds) {
    if (!Array.isArray(vendorIds))
        return [];
    const out = [];
    for (const v of vendorIds) {
        const id = typeof v === 'string' && /^GHSA-/i.test(v) ? (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeId */ .XB)(v) : undefined;
        if (id?.startsWith('GHSA-') && !out.includes(id))
            out.push(id);
    }
    return out;
}
function vulnerability(v, r, artifactType, strings) {
    const id = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.VulnerabilityID);
    if (!id)
        return undefined;
    const ids = [(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeId */ .XB)(id) ?? id, ...(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .aliasesFromReferences */ .ZW)(v.References), ...ghsaIds(v.VendorIDs)].map((x) => strings.get(x));
    const target = strings.get(r.target) ?? '';
    return {
        ids,
        severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityFromWord */ .GX)(v.Severity) ?? 'unknown',
        kind: 'vuln',
        title: strings.get((0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.Title)) ?? ids[0],
        package: strings.get((0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.PkgName)) ?? null,
        installed: strings.get((0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.InstalledVersion)) ?? null,
        fixed: strings.get((0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.FixedVersion)) ?? null,
        target,
        file: fileOf(target, artifactType, r.class),
        line: null,
        tool: 'trivy',
        url: strings.get((0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.PrimaryURL)) ?? null,
        ...(r.type ? { ecosystem: r.type } : {}),
    };
}
function misconfiguration(m, r) {
    // `--include-non-failures` adds PASS entries: only failures are findings.
    if ((0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.Status) && m.Status !== 'FAIL')
        return undefined;
    const id = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.ID) ?? (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.AVDID);
    if (!id)
        return undefined;
    const cause = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(m.CauseMetadata) ? m.CauseMetadata : {};
    const target = r.target ?? '';
    const message = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.Message);
    return {
        ids: [id, ...((0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.AVDID) && m.AVDID !== id ? [m.AVDID] : [])],
        severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityFromWord */ .GX)(m.Severity) ?? 'unknown',
        kind: 'misconfig',
        title: `${(0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.Title) ?? id}${message ? `: ${message}` : ''}`,
        package: null,
        installed: null,
        fixed: null,
        target,
        file: target || null,
        line: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(cause.StartLine) ?? null,
        tool: 'trivy',
        url: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.PrimaryURL) ?? null,
    };
}
function secret(s, r) {
    const rule = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(s.RuleID);
    if (!rule)
        return undefined;
    const target = r.target ?? '';
    const line = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(s.StartLine) ?? null;
    // Only the match line, never the context lines around it (they may hold other secrets), and masked again.
    const match = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(s.Match) ?? '';
    return {
        ids: [rule],
        severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityFromWord */ .GX)(s.Severity) ?? 'unknown',
        kind: 'secret',
        title: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(s.Title) ?? rule,
        package: null,
        installed: null,
        fixed: null,
        target,
        file: target || null,
        line,
        tool: 'trivy',
        url: null,
        snippet: (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSnippet */ .N)(match),
    };
}
async function readTrivyReport(path, source) {
    const report = { findings: [] };
    const strings = new _strings_js__WEBPACK_IMPORTED_MODULE_5__/* .Strings */ .D();
    let schemaVersion;
    const pending = new Map();
    const resultOf = (i) => {
        let r = pending.get(i);
        if (!r) {
            r = { items: [] };
            pending.set(i, r);
        }
        return r;
    };
    const convert = (item, r) => {
        const f = item.kind === 'vuln'
            ? vulnerability(item.value, r, report.artifactType, strings)
            : item.kind === 'misconfig'
                ? misconfiguration(item.value, r)
                : secret(item.value, r);
        if (f)
            report.findings.push(f);
    };
    const finish = (i) => {
        const r = pending.get(i);
        pending.delete(i);
        if (!r)
            return;
        for (const item of r.items)
            convert(item, r);
    };
    let current;
    try {
        await (0,_json_stream_js__WEBPACK_IMPORTED_MODULE_2__/* .streamJsonFile */ .jf)(path, {
            want(p) {
                const d = p.length;
                if (d === 0)
                    return 'descend';
                const k0 = p[0];
                if (d === 1)
                    return k0 === 'Results'
                        ? 'descend'
                        : k0 === 'SchemaVersion' || k0 === 'ArtifactName' || k0 === 'ArtifactType' || k0 === 'Trivy'
                            ? 'capture'
                            : 'skip';
                if (k0 !== 'Results')
                    return 'skip';
                if (d === 2)
                    return typeof p[1] === 'number' ? 'descend' : 'skip';
                const k2 = p[2];
                if (d === 3) {
                    if (k2 === 'Target' || k2 === 'Class' || k2 === 'Type')
                        return 'capture';
                    return k2 in FINDING_ARRAYS ? 'descend' : 'skip';
                }
                if (!(k2 in FINDING_ARRAYS))
                    return 'skip';
                if (d === 4)
                    return 'descend';
                // Only the fields a finding is made of: descriptions, CVSS tables, vendor severities and a
                // secret's context lines (`Code`) are skipped unparsed — never built, never kept.
                return d === 5 && FIELDS[FINDING_ARRAYS[k2]].has(p[4]) ? 'capture' : 'skip';
            },
            value(p, value, line) {
                if (p.length === 1) {
                    if (p[0] === 'SchemaVersion')
                        schemaVersion = value;
                    else if (p[0] === 'ArtifactName' && typeof value === 'string')
                        report.artifactName = value;
                    else if (p[0] === 'ArtifactType' && typeof value === 'string')
                        report.artifactType = value;
                    else if (p[0] === 'Trivy' && (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(value) && typeof value.Version === 'string')
                        report.trivyVersion = value.Version;
                    return;
                }
                const r = resultOf(p[1]);
                if (p.length === 3) {
                    const text = typeof value === 'string' ? value : undefined;
                    if (p[2] === 'Target')
                        r.target = text;
                    else if (p[2] === 'Class')
                        r.class = text;
                    else
                        r.type = text;
                    return;
                }
                // A field of the finding being read (path Results[i].<array>[j].<field>).
                if (current === undefined || current.index !== p[3] || current.array !== p[2]) {
                    current = { array: p[2], index: p[3], fields: {}, line };
                }
                current.fields[p[4]] = value;
            },
            close(p) {
                if (p.length === 4 && p[0] === 'Results' && current !== undefined && current.index === p[3]) {
                    finishItem(p[1], current);
                    current = undefined;
                }
                if (p.length === 2 && p[0] === 'Results')
                    finish(p[1]);
            },
        });
    }
    catch (error) {
        throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .syntaxError */ .Ip)(error, source);
    }
    if (schemaVersion !== 2)
        throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_3__/* .layoutError */ .TG)(source, 'Trivy JSON', schemaVersion === undefined
            ? 'no SchemaVersion (Trivy writes SchemaVersion 2 since v0.20)'
            : `SchemaVersion ${JSON.stringify(schemaVersion)}: shipkit reads SchemaVersion 2`);
    return report;
    function finishItem(resultIndex, item) {
        const r = resultOf(resultIndex);
        const entry = { kind: FINDING_ARRAYS[item.array], value: item.fields, line: item.line };
        // Trivy writes Target, Class and Type before the findings: then each is converted at once and
        // no parsed finding is kept. Only a reordered report waits for the end of its result.
        if (r.target !== undefined)
            convert(entry, r);
        else
            r.items.push(entry);
    }
}


/***/ }),

/***/ 25675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ns: () => (/* binding */ packageLine),
/* harmony export */   iE: () => (/* binding */ lockfileEcosystem),
/* harmony export */   mK: () => (/* binding */ npmLockVersions),
/* harmony export */   tc: () => (/* binding */ dockerfileFromLine),
/* harmony export */   yz: () => (/* binding */ packageOfNode)
/* harmony export */ });
/* unused harmony export LOCKFILE_ECOSYSTEM */
/* harmony import */ var _ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82567);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72020);


/**
 * What the lockfiles say: the installed version of each npm node (npm audit names nodes, not
 * versions), and the line that brings a package in, for annotations. Lines are found by the
 * lockfile's own layout, one format each, from the text: no lockfile is rewritten or resolved.
 */
/** `node_modules/a/node_modules/b` → version, from package-lock.json (lockfileVersion 1, 2 or 3). */
function npmLockVersions(doc) {
    const out = new Map();
    if (!(0,_ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(doc))
        return out;
    if ((0,_ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(doc.packages)) {
        for (const [node, entry] of Object.entries(doc.packages)) {
            const version = (0,_ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(entry) ? (0,_ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(entry.version) : undefined;
            if (node !== '' && version)
                out.set(node, version);
        }
        return out;
    }
    // lockfileVersion 1: nested `dependencies`.
    const walk = (deps, prefix, depth) => {
        if (!(0,_ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(deps) || depth > 64)
            return;
        for (const [name, entry] of Object.entries(deps)) {
            if (!(0,_ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(entry))
                continue;
            const node = `${prefix}node_modules/${name}`;
            const version = (0,_ingest_read_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(entry.version);
            if (version)
                out.set(node, version);
            walk(entry.dependencies, `${node}/`, depth + 1);
        }
    };
    walk(doc.dependencies, '', 0);
    return out;
}
/** The package name of an npm node path (`node_modules/@s/x/node_modules/y` → `y`). */
function packageOfNode(node) {
    const i = node.lastIndexOf('node_modules/');
    return i === -1 ? node : node.slice(i + 'node_modules/'.length);
}
/** PEP 503: names compare case-insensitively with runs of -, _ and . as one. */
const pep503 = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
function lineOf(lines, test) {
    for (let i = 0; i < lines.length; i++)
        if (test(lines[i], i))
            return i + 1;
    return undefined;
}
/** Within the lines of an entry (after its header, up to where the entry ends), the one that states its version. */
function versionNear(lines, from, version, span = 12) {
    const re = new RegExp(`version"?\\s*[:=]?\\s*"?${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(version)}"?\\s*,?\\s*$`);
    for (let i = from; i < Math.min(lines.length, from + span); i++) {
        const line = lines[i];
        if (re.test(line.trim()))
            return true;
        // The entry ended: the next top-level entry (yarn.lock), or the end of the JSON object (package-lock.json).
        if (/^\S/.test(line) || /^\s*\},?\s*$/.test(line))
            return false;
    }
    return false;
}
/**
 * The 1-based line in a lockfile or manifest (`text`, named `file`) that brings in `pkg` at `version`;
 * undefined when the file is not one shipkit knows or the package is not in it.
 */
function packageLine(file, text, pkg, version) {
    const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
    const lines = text.split(/\r?\n/);
    const p = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(pkg);
    const v = version ? (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(version.replace(/^v(?=\d)/, '')) : '';
    switch (base) {
        case 'package-lock.json':
        case 'npm-shrinkwrap.json': {
            const key = new RegExp(`^\\s*"(?:[^"]*/)?node_modules/${p}"\\s*:\\s*\\{`);
            const withVersion = version
                ? lineOf(lines, (l, i) => key.test(l) && versionNear(lines, i + 1, version))
                : undefined;
            return (withVersion ??
                lineOf(lines, (l) => key.test(l)) ??
                lineOf(lines, (l) => new RegExp(`^\\s*"${p}"\\s*:\\s*\\{`).test(l)));
        }
        case 'package.json':
            return lineOf(lines, (l) => new RegExp(`^\\s*"${p}"\\s*:\\s*"`).test(l));
        case 'yarn.lock': {
            // `lodash@^4.17.15:` (classic) or `"lodash@npm:^4.17.15":` (berry), possibly several specs on one line.
            const header = new RegExp(`^"?(?:[^\\s"]+,\\s*"?)*${p}@`);
            const withVersion = version
                ? lineOf(lines, (l, i) => !/^\s/.test(l) && header.test(l) && versionNear(lines, i + 1, version, 6))
                : undefined;
            return withVersion ?? lineOf(lines, (l) => !/^\s/.test(l) && header.test(l));
        }
        case 'pnpm-lock.yaml': {
            // v9 `  lodash@4.17.15:`, v6 `  /lodash@4.17.15:`, v5 `  /lodash/4.17.15:`; then any entry of the package.
            const exact = version
                ? lineOf(lines, (l) => new RegExp(`^\\s+['"]?/?${p}[@/]${v}(\\(.*\\))?['"]?:\\s*$`).test(l))
                : undefined;
            return exact ?? lineOf(lines, (l) => new RegExp(`^\\s+['"]?/?${p}[@/]`).test(l));
        }
        case 'go.mod':
            return (lineOf(lines, (l) => new RegExp(`^\\s*(?:require\\s+)?${p}\\s+v?${v || '\\S+'}\\b`).test(l)) ??
                lineOf(lines, (l) => new RegExp(`^\\s*(?:require\\s+)?${p}\\s+`).test(l)));
        case 'go.sum':
            return lineOf(lines, (l) => l.startsWith(`${pkg} `));
        case 'requirements.txt':
        default: {
            if (/requirements.*\.txt$|\.in$/.test(base)) {
                const want = pep503(pkg);
                return lineOf(lines, (l) => {
                    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>!~;]|$)/.exec(l);
                    return m !== null && pep503(m[1]) === want;
                });
            }
            if (base === 'poetry.lock' || base === 'Cargo.lock' || base === 'uv.lock') {
                return lineOf(lines, (l, i) => new RegExp(`^name\\s*=\\s*"${p}"`, 'i').test(l) && (!version || versionNear(lines, i + 1, version, 3)));
            }
            if (base === 'Pipfile.lock')
                return lineOf(lines, (l) => new RegExp(`^\\s*"${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(pkg.toLowerCase())}"\\s*:\\s*\\{`, 'i').test(l));
            return undefined;
        }
    }
}
/** The last `FROM` of a Dockerfile: the stage whose packages end up in the image. */
function dockerfileFromLine(text) {
    const lines = text.split(/\r?\n/);
    let last;
    for (let i = 0; i < lines.length; i++)
        if (/^\s*FROM\s/i.test(lines[i]))
            last = i + 1;
    return last;
}
/** Lockfiles and manifests by file name, and the package ecosystem they belong to. */
const LOCKFILE_ECOSYSTEM = {
    'package-lock.json': 'npm',
    'npm-shrinkwrap.json': 'npm',
    'package.json': 'npm',
    'yarn.lock': 'npm',
    'pnpm-lock.yaml': 'npm',
    'requirements.txt': 'pypi',
    'poetry.lock': 'pypi',
    'Pipfile.lock': 'pypi',
    'uv.lock': 'pypi',
    'pyproject.toml': 'pypi',
    'go.mod': 'go',
    'go.sum': 'go',
    'Cargo.lock': 'cargo',
    'Gemfile.lock': 'gem',
    'composer.lock': 'composer',
};
/** The ecosystem of a lockfile or manifest path (`app/yarn.lock` → npm), or undefined for anything else. */
function lockfileEcosystem(file) {
    const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
    return LOCKFILE_ECOSYSTEM[base] ?? (/^requirements.*\.txt$/.test(base) ? 'pypi' : undefined);
}


/***/ }),

/***/ 98953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ mergeFindings)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/semver/functions/compare.js
var compare = __webpack_require__(78469);
var compare_default = /*#__PURE__*/__webpack_require__.n(compare);
// EXTERNAL MODULE: ./node_modules/semver/functions/valid.js
var valid = __webpack_require__(58780);
var valid_default = /*#__PURE__*/__webpack_require__.n(valid);
;// CONCATENATED MODULE: ./src/stages/scan/fixed.ts
// semver's single functions, not its index: the index loads Range and costs the process megabytes.


/**
 * The fixed version of a finding several tools reported. Tools say it differently: npm gives the
 * upper bound of the range the installed version is in (`1.2.6`), Trivy every fixed version of the
 * advisory (`1.2.6, 0.2.4`), and databases of different days can disagree (GitHub's advisory for
 * lodash's CVE-2020-8203 said 4.17.19, later 4.17.20). What a reader needs is the version to upgrade
 * to: from each tool, the lowest of its versions above the installed one (the fix on the installed
 * line), and across tools the highest of those, the one every tool agrees is fixed. A single
 * answer is kept as the tool wrote it.
 */
function reconcileFixed(values, installed, ecosystem) {
    const given = [...new Set(values.filter((v) => v !== null && v.trim() !== ''))];
    if (given.length === 0)
        return null;
    // One answer (one tool, or tools that agree) is shown as the tool wrote it.
    if (given.length === 1)
        return given[0];
    const compare = (a, b) => compareVersions(a, b, ecosystem);
    const picks = given.map((v) => fixOnInstalledLine(v, installed, compare));
    return picks.reduce((a, b) => (compare(b, a) > 0 ? b : a));
}
/** Of a tool's fixed versions (`1.2.6, 0.2.4`), the lowest above `installed`; the value itself when it is one. */
function fixOnInstalledLine(value, installed, compare) {
    const list = value
        .split(/,\s*/)
        .map((v) => v.trim())
        .filter(Boolean);
    if (list.length <= 1)
        return value.trim();
    const above = installed === null ? list : list.filter((v) => compare(v, installed) > 0);
    const candidates = above.length > 0 ? above : list;
    return candidates.reduce((a, b) => (compare(b, a) < 0 ? b : a));
}
/** Ecosystems whose versions are semver: a `-suffix` there is a pre-release, before the release. */
const SEMVER = new Set(['npm', 'go', 'cargo', 'composer']);
/**
 * Orders versions of one package. In a semver ecosystem (npm, Go, Cargo, Composer) as semver; else,
 * and for what is not semver, by their parts, numbers as numbers and a longer version after its
 * prefix: Alpine's `3.1.4-r10` after `3.1.4-r5`, Debian's `1.1.1d-0+deb10u10` after `…u4`.
 */
function compareVersions(a, b, ecosystem = '') {
    if (SEMVER.has(ecosystem)) {
        const sa = valid_default()(a.replace(/^v(?=\d)/, ''));
        const sb = valid_default()(b.replace(/^v(?=\d)/, ''));
        if (sa && sb)
            return compare_default()(sa, sb);
    }
    const pa = a.match(/\d+|[^\d.+~:-]+/g) ?? [];
    const pb = b.match(/\d+|[^\d.+~:-]+/g) ?? [];
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i];
        const y = pb[i];
        if (x === undefined)
            return -1;
        if (y === undefined)
            return 1;
        const nx = /^\d+$/.test(x);
        const ny = /^\d+$/.test(y);
        if (nx && ny) {
            const d = Number(x) - Number(y);
            if (d !== 0)
                return d < 0 ? -1 : 1;
        }
        else if (nx !== ny)
            return nx ? 1 : -1;
        else if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}

// EXTERNAL MODULE: ./src/stages/scan/ids.ts
var ids = __webpack_require__(82583);
// EXTERNAL MODULE: ./src/stages/scan/lockfiles.ts
var lockfiles = __webpack_require__(25675);
// EXTERNAL MODULE: ./src/stages/scan/model.ts
var model = __webpack_require__(61016);
;// CONCATENATED MODULE: ./src/stages/scan/merge.ts





/**
 * Many tools, one finding per advisory: raw findings that share an id (CVE, GHSA, OSV, npm advisory
 * id — aliases included) and the same package at the same installed version in the same place are
 * one finding listing every tool. Secrets, misconfigurations and code findings merge when they share
 * an id at the same file and line.
 */
/** One family per package ecosystem, however each tool spells it (yarn and pnpm lock npm packages). */
const FAMILY = {
    npm: 'npm',
    yarn: 'npm',
    pnpm: 'npm',
    'node-pkg': 'npm',
    pip: 'pypi',
    pipenv: 'pypi',
    poetry: 'pypi',
    pypi: 'pypi',
    'python-pkg': 'pypi',
    uv: 'pypi',
    gomod: 'go',
    gobinary: 'go',
    go: 'go',
    cargo: 'cargo',
    'crates.io': 'cargo',
    'rust-binary': 'cargo',
    bundler: 'gem',
    rubygems: 'gem',
    gemspec: 'gem',
    composer: 'composer',
    packagist: 'composer',
};
function familyOf(f) {
    const fromFile = (0,lockfiles/* lockfileEcosystem */.iE)(f.target);
    if (fromFile)
        return fromFile;
    const e = (f.ecosystem ?? '').toLowerCase();
    return FAMILY[e] ?? e;
}
/**
 * Where a package finding is. A lockfile and its manifest are one place (`app/package.json` from Snyk,
 * `app/package-lock.json` from npm), told apart by ecosystem. An image is one place however a tool
 * names it: Trivy's JSON adds the OS (`app.tar (alpine 3.10.2)`), its SARIF does not.
 */
function placeOf(f) {
    if ((0,lockfiles/* lockfileEcosystem */.iE)(f.target))
        return `${familyOf(f)}\u0000${external_node_path_default().posix.dirname(f.target)}`;
    return f.target.replace(/ \([^()]*\)$/, '');
}
/** Package names compare as their ecosystem does: PyPI case-insensitively with - _ . alike. */
function packageKey(family, name) {
    return family === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}
function groupKey(f) {
    if (f.kind === 'vuln' && f.package !== null) {
        return `pkg\u0000${placeOf(f)}\u0000${packageKey(familyOf(f), f.package)}\u0000${(f.installed ?? '').replace(/^v(?=\d)/, '')}`;
    }
    return `${f.kind}\u0000${f.file ?? f.target}\u0000${f.line ?? ''}`;
}
/** Lockfiles before manifests when the same finding comes from both: the lockfile names the installed version. */
function betterTarget(a, b) {
    const rank = (t) => (external_node_path_default().posix.basename(t) === 'package.json' ? 1 : 0);
    if (rank(a) !== rank(b))
        return rank(b) < rank(a) ? b : a;
    // The longer name says more: Trivy's `app.tar (alpine 3.10.2)` over its SARIF's `app.tar`.
    return b.length > a.length ? b : a;
}
function mergeFindings(raw) {
    // Most groups have one member (a report of one tool): it is kept as it is, not in an array of its own.
    const groups = new Map();
    for (const f of raw) {
        const key = groupKey(f);
        const g = groups.get(key);
        if (g === undefined)
            groups.set(key, f);
        else if (Array.isArray(g))
            g.push(f);
        else
            groups.set(key, [g, f]);
    }
    const out = [];
    for (const members of groups.values()) {
        if (!Array.isArray(members)) {
            out.push(combine([members]));
            continue;
        }
        // Union-find over shared ids within the group: A~B by GHSA and B~C by CVE make one finding.
        const parent = members.map((_, i) => i);
        const find = (i) => {
            while (parent[i] !== i)
                i = parent[i] = parent[parent[i]];
            return i;
        };
        const owner = new Map();
        members.forEach((m, i) => {
            for (const id of m.ids) {
                const j = owner.get(id);
                if (j === undefined)
                    owner.set(id, i);
                else
                    parent[find(i)] = find(j);
            }
        });
        const sets = new Map();
        members.forEach((m, i) => {
            const r = find(i);
            const s = sets.get(r);
            if (s)
                s.push(m);
            else
                sets.set(r, [m]);
        });
        for (const set of sets.values())
            out.push(combine(set));
    }
    return out.sort(model/* compareFindings */.Eg);
}
/**
 * Arrays many findings hold the same: no aliases, one tool, the same few tools. Shared and frozen
 * (nothing changes a finding's lists once merged; a change would throw): a report of 65 000 findings
 * holds a handful of these instead of 130 000 arrays.
 */
const NO_ALIASES = Object.freeze([]);
const toolLists = new Map();
function sharedTools(tools) {
    const key = tools.join('\u0000');
    let list = toolLists.get(key);
    if (list === undefined) {
        list = Object.freeze(tools);
        if (toolLists.size < 1000)
            toolLists.set(key, list);
    }
    return list;
}
function combine(set) {
    const first = set[0];
    const { id, aliases } = (0,ids/* splitIds */.Du)(set.flatMap((f) => f.ids));
    // Severity: the worst any tool gave that is not `unknown` (a gate fails closed).
    const known = set.map((f) => f.severity).filter((s) => s !== 'unknown');
    const severity = known.reduce((a, b) => (0,model/* worst */.QZ)(a, b), known[0] ?? 'unknown');
    const pick = (k) => set.find((f) => f[k] !== null && f[k] !== undefined && f[k] !== '')?.[k];
    const target = set.map((f) => f.target).reduce(betterTarget);
    const fromTarget = set.find((f) => f.target === target) ?? first;
    const snippet = pick('snippet');
    const installed = pick('installed') ?? null;
    return {
        id,
        aliases: aliases.length === 0 ? NO_ALIASES : aliases,
        severity,
        kind: first.kind,
        title: pick('title') ?? id,
        package: first.package,
        installed,
        fixed: set.length === 1
            ? first.fixed || null
            : reconcileFixed(set.map((f) => f.fixed), installed, familyOf(first)),
        target,
        file: fromTarget.file ?? pick('file') ?? null,
        line: fromTarget.line ?? pick('line') ?? null,
        tools: sharedTools(set.length === 1 ? [first.tool] : [...new Set(set.map((f) => f.tool))].sort()),
        url: pick('url') ?? null,
        ...(snippet !== undefined ? { snippet } : {}),
    };
}


/***/ }),

/***/ 15976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ redactSnippet)
/* harmony export */ });
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72020);

/**
 * A secret found is never printed: the stage keeps a secret finding's rule, file, line and this
 * snippet only. Scanners mask the match themselves (Trivy writes `****`), but their context lines
 * and other tools' snippets may still hold the value, and a line may hold a second secret the
 * scanner did not report. So every snippet is masked again here: the value after `=`/`:` on an
 * assignment, every known token shape, and every long run of token characters.
 */
const TOKEN_SHAPES = [
    /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{12,}\b/g, // AWS access key ids
    /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, // GitHub tokens
    /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
    /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, // Slack
    /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}\b/g, // Stripe
    /\bAIza[0-9A-Za-z_-]{20,}\b/g, // Google API keys
    /\bglpat-[A-Za-z0-9_-]{16,}\b/g, // GitLab
    /\bnpm_[A-Za-z0-9]{30,}\b/g, // npm
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, // JWTs
];
/** Runs of 16+ characters that tokens are made of: no word in a config line is that long and that mixed. */
const LONG_RUN = /[A-Za-z0-9+/_=.-]{16,}/g;
/** `KEY=value`, `key: value`, `"key": "value"`: the value goes, the key stays (it tells what leaked). */
const ASSIGNMENT = /((?:^|[\s{,;(])["']?[A-Za-z_][A-Za-z0-9_.-]*["']?\s*(?:=|:)\s*)(["']?)([^\s"',;)}]+)\2/g;
const MASK = '****';
const MAX_SNIPPET = 160;
function redactSnippet(text) {
    let out = text.replace(/\r?\n|\r/g, ' ').trim();
    for (const re of TOKEN_SHAPES)
        out = out.replace(re, MASK);
    out = out.replace(ASSIGNMENT, (_m, head, quote, value) => /^\*+$/.test(value) ? `${head}${quote}${value}${quote}` : `${head}${quote}${MASK}${quote}`);
    out = out.replace(LONG_RUN, (run) => (/^\*+$/.test(run) || !/[0-9]/.test(run) ? run : MASK));
    // A snippet is for finding the line, not for reading the file: long lines are cut.
    return (0,_core_text_js__WEBPACK_IMPORTED_MODULE_0__/* .cut */ .Jj)(out, MAX_SNIPPET);
}


/***/ }),

/***/ 93986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GX: () => (/* binding */ severityFromWord),
/* harmony export */   lL: () => (/* binding */ SECURITY_SEVERITY),
/* harmony export */   ny: () => (/* binding */ severityFromSarifLevel),
/* harmony export */   qI: () => (/* binding */ severityFromScore)
/* harmony export */ });
/**
 * How each tool's severity becomes one of critical, high, medium, low, unknown.
 *
 * - A word the advisory itself gives wins: Trivy's `Severity` (the vendor it names in `SeveritySource`),
 *   GitHub's advisory severity in npm/pnpm/yarn audits, OSV's `database_specific.severity`. GitHub's
 *   `moderate` is `medium`; npm's `info` is `low`.
 * - Otherwise a CVSS v3 base score, in the bands NVD and GitHub use (CVSS v3.x specification, §5):
 *   9.0–10.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; 0.0 ("none") is low.
 * - SARIF: `security-severity` (the result's, else its rule's) in the same bands, as GitHub code
 *   scanning reads it; else the result's `level`: error → high, warning → medium, note → low.
 * - When tools disagree on one advisory, the merged finding takes the worst: a gate fails closed.
 */
function severityFromWord(word) {
    if (typeof word !== 'string')
        return undefined;
    switch (word.trim().toLowerCase()) {
        case 'critical':
            return 'critical';
        case 'high':
        case 'important':
            return 'high';
        case 'medium':
        case 'moderate':
            return 'medium';
        case 'low':
        case 'info':
        case 'negligible':
        case 'minor':
            return 'low';
        case 'unknown':
        case '':
            return 'unknown';
        default:
            return undefined;
    }
}
/** CVSS v3 base score bands (NVD, GitHub). Undefined for anything that is not a score from 0 to 10. */
function severityFromScore(score) {
    const n = typeof score === 'string' && score.trim() !== '' ? Number(score) : score;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 10)
        return undefined;
    if (n >= 9)
        return 'critical';
    if (n >= 7)
        return 'high';
    if (n >= 4)
        return 'medium';
    return 'low';
}
/** SARIF `level` when no security-severity is given. */
function severityFromSarifLevel(level) {
    switch (level) {
        case 'error':
            return 'high';
        case 'warning':
        case undefined:
            // SARIF §3.27.10: an absent level means `warning`.
            return 'medium';
        case 'note':
            return 'low';
        default:
            return 'unknown';
    }
}
/** The `security-severity` GitHub reads: the CVSS band's upper score, so a finding ranks the same after upload. */
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    unknown: undefined,
};


/***/ })

};
