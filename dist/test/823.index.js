import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 823;
export const ids = [823];
export const modules = {

/***/ 1701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ baselineOf),
/* harmony export */   Sp: () => (/* binding */ FsBaselineStore),
/* harmony export */   nk: () => (/* binding */ parseBaseline),
/* harmony export */   q2: () => (/* binding */ branchKey)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1233);



function baselineOf(summary, branch, sha, now = new Date()) {
    const files = {};
    for (const f of summary.files) {
        const { path: p, ...metrics } = f;
        files[p] = metrics;
    }
    return { version: 1, branch, sha, createdAt: now.toISOString(), totals: summary.totals, files };
}
/** A baseline read back from storage, or undefined when it is not one (another version, damaged). */
function parseBaseline(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof doc !== 'object' || doc === null)
        return undefined;
    const b = doc;
    if (b.version !== 1 || typeof b.branch !== 'string' || typeof b.sha !== 'string' || typeof b.createdAt !== 'string')
        return undefined;
    if (typeof b.totals !== 'object' || b.totals === null || typeof b.files !== 'object' || b.files === null)
        return undefined;
    for (const m of _model_js__WEBPACK_IMPORTED_MODULE_2__/* .METRICS */ .C) {
        const v = b.totals[m];
        if (v !== null && (typeof v !== 'object' || typeof v.pct !== 'number'))
            return undefined;
    }
    return b;
}
/** Cache keys and directory names: branch names may hold `/`. */
function branchKey(branch) {
    return branch.replace(/[^A-Za-z0-9._-]/g, '_');
}
/** Baselines as JSON files under `dir/<branch>/<sha>.json` (the CLI keeps them in `.shipkit/baseline`). */
class FsBaselineStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    async restore(branch) {
        const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.dir, branchKey(branch));
        let names;
        try {
            names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir)).filter((n) => n.endsWith('.json'));
        }
        catch {
            return undefined;
        }
        let latest;
        for (const name of names) {
            const b = parseBaseline(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name), 'utf8').catch(() => ''));
            if (b && (!latest || b.createdAt > latest.createdAt))
                latest = b;
        }
        return latest;
    }
    async save(branch, sha, baseline) {
        const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.dir, branchKey(branch));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `${branchKey(sha)}.json`), `${JSON.stringify(baseline)}\n`);
    }
}


/***/ }),

/***/ 2823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createTestCommand: () => (/* binding */ createTestCommand),
  testCommand: () => (/* binding */ testCommand)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/stages/test/coverage/report-file.ts



/** Resolves `file` against `cwd` and checks it is a readable regular file (a missing report is the user's mistake). */
async function openReport(file, cwd, input) {
    const abs = external_node_path_default().resolve(cwd, file);
    const rel = external_node_path_default().relative(cwd, abs);
    const display = rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel) ? rel : abs;
    let size;
    try {
        const info = await (0,promises_.stat)(abs);
        if (!info.isFile())
            throw new errors/* UserError */.yo(`report ${display} is not a file`, { input, file: display });
        size = info.size;
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
        throw new errors/* UserError */.yo(`report not found: ${display}`, { input, file: display }, { cause: error });
    }
    return { abs, display, size };
}
function noDataError(report, what = 'coverage', input) {
    return new errors/* UserError */.yo(`no ${what} data found in ${report.display}`, { input, file: report.display });
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/detect.ts



const SNIFF_BYTES = 64 * 1024;
const detect_COVERAGE_FORMATS = [
    'lcov',
    'cobertura',
    'clover',
    'jacoco',
    'istanbul-summary',
    'istanbul-final',
    'go',
];
/**
 * Tells the format from the first 64 KiB of content, never from the file name (tools name their
 * files freely: `coverage.xml` is cobertura from coverage.py and clover from PHPUnit).
 * Returns undefined for an empty (or whitespace-only) file.
 */
function detectFormat(head) {
    const text = head.replace(/^\uFEFF/, '').trimStart();
    if (!text)
        return undefined;
    if (text.startsWith('{')) {
        if (/"statementMap"\s*:/.test(text))
            return 'istanbul-final';
        if (/"(lines|statements)"\s*:\s*\{\s*"total"/.test(text))
            return 'istanbul-summary';
        return 'unknown';
    }
    if (text.startsWith('<')) {
        const root = rootElement(text);
        if (root === 'report')
            return 'jacoco';
        if (root === 'coverage') {
            if (/<project[\s>]/.test(text) || /\sclover="/.test(text))
                return 'clover';
            return 'cobertura';
        }
        return 'unknown';
    }
    if (/^mode: (set|count|atomic)\s*$/m.test(text.slice(0, 200)))
        return 'go';
    if (/^(TN|SF|VER):/m.test(text))
        return 'lcov';
    return 'unknown';
}
/** The first element name after the prolog, comments and DOCTYPE. */
function rootElement(text) {
    const body = text.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<\?[\s\S]*?(\?>|$)/g, '');
    return /<([A-Za-z_][\w.:-]*)/.exec(body.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, ''))?.[1];
}
async function sniff(report) {
    const handle = await (0,promises_.open)(report.abs, 'r');
    try {
        const buf = Buffer.alloc(Math.min(SNIFF_BYTES, report.size));
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        return buf.toString('utf8', 0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
async function formatOf(report, input) {
    const format = detectFormat(await sniff(report));
    if (format === undefined)
        return undefined;
    if (format === 'unknown') {
        throw new errors/* UserError */.yo(`cannot tell the coverage format of ${report.display}: expected one of ${detect_COVERAGE_FORMATS.join(', ')}`, { input, file: report.display, line: 1 });
    }
    return format;
}


// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/stages/test/paths/resolve.ts


/**
 * Checkout roots of hosted runners, container jobs and common images. Stripping them often lands
 * on the file directly; when it does not, the suffix match below still finds it.
 */
const RUNNER_PREFIXES = [
    /^\/home\/runner\/work\/[^/]+\/[^/]+\//,
    /^\/__w\/[^/]+\/[^/]+\//,
    /^[A-Za-z]:\/a\/[^/]+\/[^/]+\//,
    /^\/Users\/runner\/work\/[^/]+\/[^/]+\//,
    /^\/github\/workspace\//,
    /^\/builds\/[^/]+\/[^/]+\//,
    /^\/usr\/src\/app\//,
    /^\/app\//,
    /^\/workspace\//,
    /^\/src\//,
];
/** Forward slashes, no `file://`, no `.` segments, no duplicate slashes. */
function normalizeSeparators(raw) {
    let p = raw.trim().replace(/^file:\/\//, '');
    p = p.replace(/\\/g, '/');
    // `/C:/x` (a file URL of a Windows path) is `C:/x`.
    if (/^\/[A-Za-z]:\//.test(p))
        p = p.slice(1);
    const drive = /^[A-Za-z]:\//.exec(p)?.[0] ?? '';
    const rest = external_node_path_default().posix.normalize(p.slice(drive.length));
    return drive + (rest === '.' ? '' : rest.replace(/^\.\//, ''));
}
function isFile(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function isAbsolutePath(p) {
    return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}
function underPrefix(p, prefix) {
    const pre = prefix.replace(/\/+$/, '');
    if (pre === '')
        return p;
    if (p === pre)
        return '';
    return p.startsWith(`${pre}/`) ? p.slice(pre.length + 1) : undefined;
}
/** Parses `from=to` lines (blank lines and `#` comments ignored). Returns the entries or the bad line's index. */
function parsePathMap(lines) {
    const entries = [];
    for (const [i, line] of lines.entries()) {
        const t = line.trim();
        if (t === '' || t.startsWith('#'))
            continue;
        const eq = t.indexOf('=');
        if (eq <= 0)
            return { entries, bad: i };
        entries.push({ from: normalizeSeparators(t.slice(0, eq)), to: normalizeSeparators(t.slice(eq + 1)) });
    }
    return { entries };
}
/**
 * Turns the paths coverage and test reports name into repository-relative paths of files that
 * exist, trying in order: the explicit path-map, the repository and working directory, the
 * reports' source roots, runner checkout prefixes, Go module paths, and finally the longest
 * suffix shared with a repository file.
 */
class PathResolver {
    options;
    fileSet;
    byBasename = new Map();
    root;
    cwdRel;
    cache = new Map();
    constructor(options) {
        this.options = options;
        this.root = normalizeSeparators(options.root);
        this.cwdRel = underPrefix(normalizeSeparators(options.cwd), this.root) ?? '';
        this.fileSet = new Set(options.files);
        for (const f of options.files) {
            const base = f.slice(f.lastIndexOf('/') + 1);
            const list = this.byBasename.get(base);
            if (list)
                list.push(f);
            else
                this.byBasename.set(base, [f]);
        }
    }
    resolve(raw) {
        const hit = this.cache.get(raw);
        if (hit)
            return hit;
        const result = this.resolveUncached(raw);
        this.cache.set(raw, result);
        return result;
    }
    resolveUncached(raw) {
        const mapped = this.applyPathMap(normalizeSeparators(raw));
        const candidates = this.candidates(mapped);
        for (const c of candidates) {
            if (this.fileSet.has(c))
                return { path: c, matched: true, how: 'exact' };
        }
        const exists = this.options.exists ?? ((rel) => isFile(external_node_path_default().join(this.options.root, rel)));
        for (const c of candidates) {
            if (exists(c))
                return { path: c, matched: true, how: 'exact' };
        }
        const suffix = this.suffixMatch(mapped);
        if (suffix.match !== undefined)
            return { path: suffix.match, matched: true, how: 'suffix' };
        return { path: candidates[0] ?? mapped, matched: false, reason: suffix.ambiguous ? 'ambiguous' : 'not-found' };
    }
    applyPathMap(p) {
        let best;
        for (const entry of this.options.pathMap ?? []) {
            const rest = underPrefix(p, entry.from);
            if (rest !== undefined && (!best || entry.from.length > best.entry.from.length))
                best = { entry, rest };
        }
        if (!best)
            return p;
        const to = best.entry.to.replace(/\/+$/, '');
        return to === '' ? best.rest : best.rest === '' ? to : `${to}/${best.rest}`;
    }
    /** Repository-relative candidates for `p`, most likely first. */
    candidates(p) {
        const out = [];
        const add = (c) => {
            if (c !== undefined && c !== '' && !c.startsWith('../') && !out.includes(c))
                out.push(c);
        };
        const join = (dir, rel) => external_node_path_default().posix.normalize(dir === '' ? rel : `${dir}/${rel}`);
        const fromAbsolute = (abs) => {
            add(underPrefix(abs, this.root));
            for (const re of RUNNER_PREFIXES) {
                const m = re.exec(abs);
                if (m) {
                    const rest = abs.slice(m[0].length);
                    add(rest);
                    add(join(this.cwdRel, rest));
                }
            }
        };
        if (isAbsolutePath(p)) {
            fromAbsolute(p);
        }
        else {
            add(join(this.cwdRel, p));
            add(p);
            for (const rawRoot of this.options.sourceRoots ?? []) {
                const sr = normalizeSeparators(rawRoot);
                if (isAbsolutePath(sr))
                    fromAbsolute(`${sr.replace(/\/+$/, '')}/${p}`);
                else
                    add(join(this.cwdRel, join(sr, p)));
            }
            for (const mod of this.options.goModules ?? []) {
                const rest = underPrefix(p, mod.module);
                if (rest !== undefined && rest !== '')
                    add(join(mod.dir, rest));
            }
        }
        return out;
    }
    /**
     * The repository file sharing the most trailing path segments with `p` (at least the file name).
     * A relative `p` must match whole (it names the file from some other root); only an absolute one
     * may differ in its leading part (a foreign checkout or container root), since otherwise
     * `src/a/util.ts` would be taken for `src/b/util.ts` and two files merged into one.
     */
    suffixMatch(p) {
        const whole = !isAbsolutePath(p);
        const segments = p.split('/').filter((s) => s !== '');
        const base = segments.at(-1);
        const pool = base === undefined ? undefined : this.byBasename.get(base);
        if (!pool)
            return { ambiguous: false };
        let best = [];
        let bestLen = 0;
        for (const file of pool) {
            const fs = file.split('/');
            let n = 0;
            while (n < fs.length && n < segments.length && fs[fs.length - 1 - n] === segments[segments.length - 1 - n])
                n++;
            if (whole && n < segments.length)
                continue;
            if (n > bestLen) {
                bestLen = n;
                best = [file];
            }
            else if (n === bestLen) {
                best.push(file);
            }
        }
        if (best.length === 1)
            return { match: best[0], ambiguous: false };
        // Several files share the suffix: prefer the one in the working directory, else refuse to guess.
        const local = this.cwdRel === '' ? [] : best.filter((f) => f.startsWith(`${this.cwdRel}/`));
        if (local.length === 1)
            return { match: local[0], ambiguous: false };
        return { ambiguous: best.length > 1 };
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/stages/test/model.ts
var model = __webpack_require__(1233);
;// CONCATENATED MODULE: ./src/stages/test/thresholds.ts



const INPUT = 'path-thresholds';
function percent(value, where) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100)
        return value;
    if (typeof value === 'string' && /^\d+(\.\d+)?%?$/.test(value.trim())) {
        const n = Number(value.trim().replace(/%$/, ''));
        if (n <= 100)
            return n;
    }
    throw new errors/* UserError */.yo(`${where} must be a percentage from 0 to 100, got ${JSON.stringify(value)}`, { input: INPUT });
}
/**
 * Parses the `path-thresholds` YAML: a map of glob → number (minimum line coverage) or
 * glob → { lines, branches, functions, statements }.
 *
 *     src/services/**: 70
 *     src/utils/**: { lines: 80, branches: 60 }
 */
function parsePathThresholds(text) {
    if (text === undefined || text.trim() === '')
        return [];
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text, { uniqueKeys: true });
    }
    catch (error) {
        if (error instanceof dist/* YAMLParseError */.XT) {
            const line = error.linePos?.[0].line;
            throw new errors/* UserError */.yo(`is not valid YAML: ${error.message.split('\n')[0] ?? ''}`, {
                input: INPUT,
                ...(line ? { line } : {}),
            });
        }
        throw error;
    }
    if (doc === null || doc === undefined)
        return [];
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new errors/* UserError */.yo(`must be a YAML map of glob → percentage or glob → { lines, branches, functions, statements }`, { input: INPUT });
    }
    const out = [];
    for (const [glob, value] of Object.entries(doc)) {
        if (glob.trim() === '')
            throw new errors/* UserError */.yo('has an empty glob', { input: INPUT });
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
            const min = {};
            for (const [key, v] of Object.entries(value)) {
                if (!model/* METRICS */.C.includes(key)) {
                    throw new errors/* UserError */.yo(`'${glob}': unknown metric '${key}' (use ${model/* METRICS */.C.join(', ')})`, { input: INPUT });
                }
                min[key] = percent(v, `'${glob}' ${key}`);
            }
            if (Object.keys(min).length === 0)
                throw new errors/* UserError */.yo(`'${glob}' sets no metric`, { input: INPUT });
            out.push({ glob, min });
        }
        else {
            out.push({ glob, min: { lines: percent(value, `'${glob}'`) } });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stages/test/options.ts




/** `coverage-format`: a format the parsers read, or `auto` (detected from each file's content). */
const COVERAGE_FORMAT_CHOICES = ['auto', ...detect_COVERAGE_FORMATS];
const pctOpts = { min: 0, max: 100 };
function readTestOptions(inputs) {
    const pathMapLines = inputs.lines('path-map');
    const pm = parsePathMap(pathMapLines);
    if (pm.bad !== undefined) {
        throw new errors/* UserError */.yo(`${inputs.source.label('path-map')} line ${pm.bad + 1} must be 'from=to', got '${pathMapLines[pm.bad] ?? ''}'`, {
            input: 'path-map',
        });
    }
    const min = {};
    for (const metric of ['lines', 'branches', 'functions', 'statements']) {
        const v = inputs.number(`min-${metric}`, pctOpts);
        if (v !== undefined)
            min[metric] = v;
    }
    const lint = inputs.lines('lint');
    const test = inputs.lines('test');
    const coverage = inputs.list('coverage');
    const testResults = inputs.list('test-results');
    const options = {
        lint,
        test,
        coverage,
        coverageFormat: inputs.oneOf('coverage-format', COVERAGE_FORMAT_CHOICES, 'auto'),
        testResults,
        pathMap: pm.entries,
        min,
        pathThresholds: parsePathThresholds(inputs.text('path-thresholds')),
        allowEmpty: inputs.bool('allow-empty', false),
        annotate: inputs.bool('annotate', true),
        detect: lint.length === 0 && test.length === 0 && coverage.length === 0 && testResults.length === 0,
    };
    const minDiff = inputs.number('min-diff-coverage', pctOpts);
    if (minDiff !== undefined)
        options.minDiffCoverage = minDiff;
    const maxDrop = inputs.number('max-drop', pctOpts);
    if (maxDrop !== undefined)
        options.maxDrop = maxDrop;
    const base = inputs.string('base');
    if (base !== undefined)
        options.base = base;
    return options;
}

// EXTERNAL MODULE: ./src/core/report/build.ts + 1 modules
var build = __webpack_require__(317);
// EXTERNAL MODULE: ./src/stages/test/baseline.ts
var test_baseline = __webpack_require__(1701);
;// CONCATENATED MODULE: ./src/stages/test/hit-table.ts
/**
 * Branch arms, functions or statements of one file, keyed so that the same item read twice (two
 * reports, two records or report paths of one file) sums its hits. A large report has millions of
 * these: an object per item would be millions of small objects for the GC to copy and trace, so the
 * table keeps keys, lines and hits in three plain arrays (numbers unboxed). The key → index Map that
 * merging needs is built only when something is added by key: a parser that knows its items are new
 * (`appendNew`) never pays for it.
 */
class HitTable {
    keyList = [];
    lines = [];
    hits = [];
    index;
    static from(entries) {
        const out = new HitTable();
        for (const [key, hit] of entries)
            out.add(key, hit.line, hit.hits);
        return out;
    }
    get size() {
        return this.hits.length;
    }
    /**
     * Adds `hits` to the item and returns where it is. Its line is the first one given other than 0 (lcov's FNDA names a
     * function before or after the FN line that gives its line).
     */
    add(key, line, hits) {
        const index = this.index ?? this.buildIndex();
        const at = index.get(key);
        if (at === undefined) {
            index.set(key, this.hits.length);
            this.keyList.push(key);
            this.lines.push(line);
            return this.hits.push(hits) - 1;
        }
        this.hits[at] += hits;
        if (this.lines[at] === 0)
            this.lines[at] = line;
        return at;
    }
    /** Adds `hits` to the item at `at` (as `add` returned it). */
    addAt(at, hits) {
        this.hits[at] += hits;
    }
    /** Adds an item the caller knows is not in the table yet (a parser reading a new file's unique items). */
    appendNew(key, line, hits) {
        this.index?.set(key, this.hits.length);
        this.keyList.push(key);
        this.lines.push(line);
        this.hits.push(hits);
    }
    get(key) {
        const at = (this.index ?? this.buildIndex()).get(key);
        return at === undefined ? undefined : { line: this.lines[at], hits: this.hits[at] };
    }
    has(key) {
        return (this.index ?? this.buildIndex()).has(key);
    }
    keys() {
        return this.keyList.values();
    }
    /** Items that ran at least once. */
    covered() {
        let covered = 0;
        for (const hits of this.hits)
            if (hits > 0)
                covered++;
        return covered;
    }
    addAll(other) {
        for (let at = 0; at < other.keyList.length; at++)
            this.add(other.keyList[at], other.lines[at], other.hits[at]);
    }
    /** In the order items were first added. */
    *[Symbol.iterator]() {
        for (let at = 0; at < this.keyList.length; at++)
            yield [this.keyList[at], { line: this.lines[at], hits: this.hits[at] }];
    }
    buildIndex() {
        const index = new Map();
        for (let at = 0; at < this.keyList.length; at++)
            index.set(this.keyList[at], at);
        this.index = index;
        return index;
    }
}

;// CONCATENATED MODULE: ./src/stages/test/line-hits.ts
const FIRST_CAPACITY = 64;
/**
 * The dense part grows to hold a line only while it stays this many slots per known line (or is
 * small): a report naming line 5 000 000 of a short file must not allocate 5 million slots.
 */
const SLOTS_PER_LINE = 8;
const ALWAYS_DENSE = 1 << 16;
/**
 * The line → hits table of one file: the model's largest part (a 200 MB lcov report holds 17 million
 * lines). A Map spends ~40 bytes and a GC-traced entry per line; this keeps `hits + 1` in a typed array
 * indexed by line number (0 = not an executable line): 4 bytes a line, 8 once a count passes 2^32 - 2,
 * and nothing for the GC to walk. The array is a window [base, base + length) of `data`, which a
 * parser may share between many files (see Slab). Lines it cannot index densely (far past the others,
 * negative or fractional numbers from a broken report) go to a small Map, so no line is ever lost.
 * Iteration is in ascending line order.
 */
class LineHits {
    data = new Uint32Array(0);
    base = 0;
    length = 0;
    sparse;
    count = 0;
    static from(entries) {
        const out = new LineHits();
        for (const [line, hits] of entries)
            out.add(line, hits);
        return out;
    }
    /** Number of executable lines. */
    get size() {
        return this.count;
    }
    /**
     * Adds `hits` to the line (hits from two reports of one file sum), making it executable if it was
     * not. A negative or NaN count (a broken report) counts as 0.
     */
    add(line, hits) {
        if (line >>> 0 === line && line < this.length) {
            const data = this.data;
            const at = this.base + line;
            const count = hits > 0 ? hits : 0;
            const before = data[at];
            const value = before === 0 ? count + 1 : before + count;
            if (before === 0)
                this.count++;
            data[at] = value;
            // A Uint32Array wraps counts past 2^32 and truncates fractions: such a value needs 8 bytes.
            if (data[at] !== value) {
                this.resize(this.length, true);
                this.data[line] = value;
            }
            return;
        }
        this.addOutside(line, hits > 0 ? hits : 0);
    }
    get(line) {
        if (line >>> 0 === line && line < this.length) {
            const value = this.data[this.base + line];
            return value === 0 ? undefined : value - 1;
        }
        return this.sparse?.get(line);
    }
    has(line) {
        return this.get(line) !== undefined;
    }
    /** Executable lines that ran at least once. */
    covered() {
        let covered = 0;
        const { data, base } = this;
        const end = base + this.length;
        for (let at = base; at < end; at++)
            if (data[at] > 1)
                covered++;
        if (this.sparse)
            for (const hits of this.sparse.values())
                if (hits > 0)
                    covered++;
        return covered;
    }
    /**
     * Adds a batch of lines kept in the same encoding (`counts[line]` = hits + 1, 0 = none) for lines
     * 0..`last`, `count` of them. Into an empty table this is one copy into a slab: no allocation.
     */
    addCounts(counts, last, count, slab) {
        if (this.count !== 0 || this.length !== 0) {
            for (let line = 0; line <= last; line++)
                if (counts[line] !== 0)
                    this.add(line, counts[line] - 1);
            return;
        }
        const length = last + 1;
        const { data, base } = slab.take(length);
        data.set(counts.subarray(0, length), base);
        this.data = data;
        this.base = base;
        this.length = length;
        this.count = count;
    }
    /** Adds every line of `other` into this one. */
    addAll(other) {
        for (const [line, hits] of other)
            this.add(line, hits);
    }
    *[Symbol.iterator]() {
        const { data, base, length } = this;
        let i = 0;
        // Sparse lines below 0 (a broken report) come first, those past the dense part last.
        const sparse = this.sparse ? [...this.sparse].sort((a, b) => a[0] - b[0]) : [];
        while (i < sparse.length && sparse[i][0] < 0)
            yield sparse[i++];
        for (let line = 0; line < length; line++) {
            // A fractional line from a broken report sits between two dense ones.
            while (i < sparse.length && sparse[i][0] < line)
                yield sparse[i++];
            const value = data[base + line];
            if (value !== 0)
                yield [line, value - 1];
        }
        while (i < sparse.length)
            yield sparse[i++];
    }
    entries() {
        return this[Symbol.iterator]();
    }
    *keys() {
        for (const [line] of this)
            yield line;
    }
    *values() {
        for (const [, hits] of this)
            yield hits;
    }
    addOutside(line, hits) {
        if (line >>> 0 === line && (line < ALWAYS_DENSE || line < (this.count + 1) * SLOTS_PER_LINE)) {
            let length = Math.max(FIRST_CAPACITY, this.length * 2);
            while (length <= line)
                length *= 2;
            this.resize(length, this.data instanceof Float64Array);
            this.add(line, hits);
            return;
        }
        const sparse = (this.sparse ??= new Map());
        const before = sparse.get(line);
        if (before === undefined)
            this.count++;
        sparse.set(line, (before ?? 0) + hits);
    }
    /** Moves the table into an array of its own, `length` long, 8 bytes a line if `wide`. */
    resize(length, wide) {
        const own = wide ? new Float64Array(length) : new Uint32Array(length);
        own.set(this.data.subarray(this.base, this.base + this.length));
        this.data = own;
        this.base = 0;
        this.length = length;
        // Sparse lines the dense part now reaches move into it (taken out first: adding one may resize again).
        if (!this.sparse)
            return;
        const moving = [...this.sparse].filter(([line]) => line >>> 0 === line && line < length);
        for (const [line] of moving)
            this.sparse.delete(line);
        if (this.sparse.size === 0)
            this.sparse = undefined;
        for (const [line, hits] of moving) {
            this.count--;
            this.add(line, hits);
        }
    }
}
/**
 * Hands out windows of shared 1 MiB Uint32Arrays. An ArrayBuffer (or even a view) per file costs
 * about a microsecond (zeroed memory, external-memory bookkeeping, GC pressure): on a 200 MB lcov
 * report, a tenth of the parse. A slab lives as long as any table using it, which is as long as the set.
 */
class Slab {
    data = new Uint32Array(0);
    used = 0;
    take(length) {
        // Big tables get their own array: a slab's unused tail stays under an eighth of it.
        if (length > SLAB_WORDS / 8)
            return { data: new Uint32Array(length), base: 0 };
        if (this.used + length > this.data.length) {
            this.data = new Uint32Array(SLAB_WORDS);
            this.used = 0;
        }
        const base = this.used;
        this.used += length;
        return { data: this.data, base };
    }
}
const SLAB_WORDS = 1 << 18;
/** The most lines a batch holds (4 MiB of scratch); lines past it go straight to the file's table. */
const BATCH_LIMIT = 1 << 20;
/**
 * Collects the lines of one report section (an lcov record, a cobertura class) in a scratch array
 * reused from section to section, then hands them to the file's table at once: the table is copied
 * once, at its final size, into a shared slab, instead of doubling its way up in arrays of its own
 * (allocations and copies that were the largest cost left in parsing a big lcov report).
 */
class LineBatch {
    scratch = new Uint32Array(1024);
    last = -1;
    count = 0;
    target;
    slab = new Slab();
    /** Starts collecting for `target` (flushing what was collected for the previous one). */
    begin(target) {
        this.flush();
        this.target = target;
    }
    add(line, hits) {
        const scratch = this.scratch;
        if (line >>> 0 === line && line < scratch.length && hits >= 0) {
            const before = scratch[line];
            const value = before === 0 ? hits + 1 : before + hits;
            // Whole and below 2^32 (what the scratch holds exactly); a huge or fractional count goes the slow way.
            if (value >>> 0 === value) {
                scratch[line] = value;
                if (before === 0)
                    this.count++;
                if (line > this.last)
                    this.last = line;
                return;
            }
        }
        else if (line >>> 0 === line && line < BATCH_LIMIT && hits >= 0) {
            const bigger = new Uint32Array(Math.max(scratch.length * 2, 2 ** Math.ceil(Math.log2(line + 1))));
            bigger.set(scratch);
            this.scratch = bigger;
            this.add(line, hits);
            return;
        }
        this.target?.add(line, hits);
    }
    /** Moves the collected lines into the target's table. */
    flush() {
        if (this.target && this.last >= 0) {
            this.target.addCounts(this.scratch, this.last, this.count, this.slab);
            this.scratch.fill(0, 0, this.last + 1);
        }
        this.last = -1;
        this.count = 0;
        this.target = undefined;
    }
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/coverage-set.ts


function emptySet() {
    return {
        files: new Map(),
        measured: { lines: false, branches: false, functions: false, statements: false },
        summaryOnly: new Map(),
        sources: [],
    };
}
function emptyFile(path) {
    return {
        path,
        lines: new LineHits(),
        branches: new HitTable(),
        functions: new HitTable(),
        statements: new HitTable(),
    };
}
/** The file's entry in the set, created on first use: reports naming the same file merge into it. */
function fileIn(set, path) {
    let file = set.files.get(path);
    if (!file) {
        file = emptyFile(path);
        set.files.set(path, file);
    }
    return file;
}
function markMeasured(set, ...metrics) {
    for (const metric of metrics)
        set.measured[metric] = true;
}
/**
 * Branch keys (`line:arm`, `line:block:arm`) repeat across the files of a report: line 120 arm 0 is
 * in hundreds of files. One report's parser keeps one copy of each small key, which saves a string
 * per branch arm (~12 MB of a 100 MB cobertura report's 120 MB model) and the hashing of fresh keys.
 * Bounded, so a report with odd numbers just builds its keys as before.
 */
function branchKeys() {
    const known = new Map();
    return (line, block, arm) => {
        if (line >= 1 << 22 || block >= 256 || arm >= 64 || known.size >= 200_000) {
            return block < 0 ? `${line}:${arm}` : `${line}:${block}:${arm}`;
        }
        const id = (line * 257 + block + 1) * 64 + arm;
        let key = known.get(id);
        if (key === undefined) {
            key = block < 0 ? `${line}:${arm}` : `${line}:${block}:${arm}`;
            known.set(id, key);
        }
        return key;
    };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/stages/test/bytes.ts
// Byte helpers shared by the parsers that work on Buffers (lcov, the XML scanner, the case list).
const latin1 = (b, start, end) => b.latin1Slice(start, end);
const utf8 = (b, start, end) => b.utf8Slice(start, end);
/** Writes `text` as UTF-8 at `offset` (the caller made room); returns the bytes written. */
const utf8Write = (b, text, offset) => b.utf8Write(text, offset);
/** Whether `text` is exactly the bytes b[start, end), all ASCII (a non-ASCII byte never matches: its string differs). */
function sameBytes(text, b, start, end) {
    if (text.length !== end - start)
        return false;
    for (let k = 0; k < text.length; k++)
        if (text.charCodeAt(k) !== b[start + k] || b[start + k] >= 0x80)
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/xml-scanner.ts
/**
 * A streaming XML scanner over UTF-8 bytes, for the report formats (cobertura, clover, JaCoCo, JUnit,
 * TRX, NUnit). It replaced saxes, which walks a document a character at a time over decoded strings
 * and makes a string per name and attribute: with the same handlers and model, the saxes engine took
 * 1.5–2× this scanner's CPU time, its garbage put a 57 MB JUnit report's peak memory over the 2×-the-file
 * target (2.05×), and on smaller reports it stayed under 5× xml2js (4.1–4.4×; see the bench).
 * This one finds delimiters in bytes, makes strings only for the values a handler asks for (and one
 * copy of repeated names and values), and holds no more than a read and one token.
 *
 * It checks well-formedness as saxes did (tests/…/xml-scanner.test.ts compares the two on every
 * fixture and thousands of mutated ones): one root, balanced and matching tags, quoted attribute
 * values without `<`, no duplicate attributes, no text outside the root, no `]]>` in text, comments
 * without `--`, no control characters in text or values, a well-formed XML declaration at the start,
 * and only the five predefined entities and character references. A DOCTYPE is skipped whole:
 * nothing in it is fetched or defined, so a reference to an entity it declares is an "undefined
 * entity" error (no billion laughs, no external entity). Attribute values are normalized and line
 * ends in text become `\n`, as XML requires. Names may hold any non-ASCII character (saxes checked
 * them against XML's name classes; nothing here depends on that).
 */

/** Malformed XML, at a byte offset of the document. */
class XmlSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const RBRACKET = 0x5d;
const LBRACKET = 0x5b;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;
/** Bytes that may be part of a name: ASCII letters, digits, `_ : - .`, and anything non-ASCII. */
const NAME = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    NAME[c] = /[A-Za-z0-9_:.-]/.test(ch) || c >= 0x80 ? 1 : 0;
}
/** Bytes a text run passes over without a second look (not `<`, `&`, `]`, CR, control or non-ASCII). */
const TEXT_PLAIN = new Uint8Array(256).map((_, c) => (c >= 0x20 && c < 0x80 && c !== 0x3c && c !== 0x26 && c !== 0x5d) || c === 0x0a || c === 0x09 ? 1 : 0);
/** The same for attribute values (not a quote, `<`, `&`, control or non-ASCII). */
const VALUE_PLAIN = new Uint8Array(256).map((_, c) => c >= 0x20 && c < 0x80 && c !== 0x3c && c !== 0x26 && c !== 0x22 && c !== 0x27 ? 1 : 0);
/** Bytes `decode` stops at in text (`&`, CR) and in attribute values (also LF and tab, which become spaces). */
const TEXT_SPECIAL = new Uint8Array(256).map((_, c) => (c === 0x26 || c === 0x0d ? 1 : 0));
const VALUE_SPECIAL = new Uint8Array(256).map((_, c) => (c === 0x26 || c === 0x0d || c === 0x0a || c === 0x09 ? 1 : 0));
/** Bytes that may start a name (not a digit, `-` or `.`). */
const NAME_START = NAME.map((v, c) => (v && !(c >= 0x30 && c <= 0x39) && c !== DASH && c !== 0x2e ? 1 : 0));
/** `<?xml version="1.x" encoding="…" standalone="yes|no"?>`, the optional parts in that order. */
const XML_DECLARATION = /^xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/;
const isSpace = (c) => c === SPACE || c === LF || c === TAB || c === CR;
const PREDEFINED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** The scan stopped at the end of the bytes it has; call again from there with more. */
const INCOMPLETE = -1;
/**
 * Text longer than this without a `<` is handed on in pieces, so one huge text (a 100 MB system-out)
 * never has to fit in the buffer.
 */
const TEXT_PIECE = 256 * 1024;
class XmlScanner {
    handler;
    ctx;
    stack = [];
    rootSeen = false;
    /** Where the document starts: 3 after a UTF-8 byte order mark (the XML declaration may only stand there). */
    documentStart = 0;
    doctypeSeen = false;
    /** Absolute offset of buf[0] in the document. */
    base = 0;
    /** Absolute offset of the tag being handled (handlers' errors point at it). */
    tagOffset = 0;
    buf = Buffer.alloc(0);
    /** Strings for short repeated byte runs (element and attribute names, small numbers, `true`). */
    names = new Map();
    onText;
    attrs = new Attributes();
    /** Repeated attribute values (up to 128 bytes) → one string each; see `cached` for the scheme. */
    values = new Map();
    sharedString = (b, start, end) => {
        if (end - start > 128)
            return latin1(b, start, end);
        // Consecutive elements mostly repeat the values of the one before: those two are checked first.
        if (sameBytes(this.recent[0], b, start, end))
            return this.recent[0];
        if (sameBytes(this.recent[1], b, start, end))
            return this.recent[1];
        const value = this.cached(this.values, start, end);
        this.recent[1] = this.recent[0];
        this.recent[0] = value;
        return value;
    };
    recent = ['', ''];
    constructor(handler, ctx) {
        this.handler = handler;
        this.ctx = ctx;
        this.onText = handler.text?.bind(handler);
    }
    /**
     * Scans buf[0, n): every complete construct is handed on. Returns how many bytes were consumed;
     * the caller keeps the rest, appends more and calls again. `buf[n]` must be 0 (it marks the end,
     * so the byte loops need no separate bound check). At `eof` everything must be complete.
     */
    scan(buf, n, eof) {
        this.buf = buf;
        let pos = 0;
        if (this.base === 0 && n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
            pos = this.documentStart = 3;
        while (pos < n) {
            let next;
            if (buf[pos] === LT)
                next = this.markup(pos, n, eof);
            else
                next = this.text(pos, n, eof);
            if (next === INCOMPLETE)
                break;
            pos = next;
        }
        if (eof)
            this.finish(n);
        this.base += pos;
        return pos;
    }
    fail(message, at) {
        throw new XmlSyntaxError(message, this.base + at);
    }
    finish(n) {
        if (this.stack.length > 0)
            this.fail(`unclosed tag: ${this.stack[this.stack.length - 1]}`, n);
        if (!this.rootSeen)
            this.fail('document must contain a root element', n);
    }
    // ---- character data -------------------------------------------------------------------------
    /** Character data from `pos` up to the next `<`. */
    text(pos, n, eof) {
        const b = this.buf;
        let i = pos;
        let plain = true;
        let c = b[i];
        // One pass finds the `<`, checks every byte, and notes whether the text needs decoding; the
        // table lets ordinary bytes through with one lookup each.
        for (;;) {
            while (TEXT_PLAIN[c])
                c = b[++i];
            if (c === LT)
                break;
            if (c < SPACE) {
                if (c === CR)
                    plain = false;
                else if (c !== LF && c !== TAB) {
                    if (i >= n)
                        break;
                    this.fail('disallowed character', i);
                }
            }
            else if (c === AMP) {
                plain = false;
            }
            else if (c === RBRACKET) {
                if (b[i + 1] === RBRACKET && b[i + 2] === GT)
                    this.fail('the string "]]>" is disallowed in char data', i);
            }
            else if (c >= 0x80) {
                plain = false;
            }
            c = b[++i];
        }
        let end = i;
        if (end >= n) {
            if (!eof) {
                if (end - pos < TEXT_PIECE)
                    return INCOMPLETE;
                end = this.safeCut(pos, n);
            }
            else {
                end = n;
            }
        }
        const inRoot = this.stack.length > 0;
        if (!inRoot) {
            for (let k = pos; k < end; k++)
                if (!isSpace(b[k]))
                    this.fail('text data outside of root node', k);
            return end;
        }
        if (this.onText && end > pos)
            this.onText(plain ? latin1(b, pos, end) : this.decode(pos, end, false));
        else if (!plain)
            this.decode(pos, end, false); // still checks its entities
        return end;
    }
    /** Where a long text may be cut: not inside an entity, a UTF-8 sequence, `\r\n` or `]]>`. */
    safeCut(pos, n) {
        const b = this.buf;
        let end = n - 16;
        while (end > pos && (b[end] & 0xc0) === 0x80)
            end--;
        // An entity is at most 12 bytes: an `&` that close before the cut without its `;` moves the cut to it.
        for (let k = end - 1; k >= pos && k >= end - 12; k--) {
            if (b[k] === 0x3b)
                break;
            if (b[k] === AMP) {
                end = k;
                break;
            }
        }
        while (end > pos && (b[end - 1] === CR || b[end - 1] === RBRACKET))
            end--;
        return end;
    }
    /**
     * Text or an attribute value that has entities, `\r`, or non-ASCII bytes: entities resolved, line
     * ends normalized (and, in attribute values, whitespace turned into spaces).
     */
    decode(start, end, attribute) {
        const b = this.buf;
        const special = attribute ? VALUE_SPECIAL : TEXT_SPECIAL;
        let out = '';
        let from = start;
        let i = start;
        for (;;) {
            while (i < end && special[b[i]] === 0)
                i++;
            if (i >= end)
                break;
            const c = b[i];
            if (i > from)
                out += utf8(b, from, i);
            if (c === AMP) {
                let semi = i + 1;
                while (semi < end && semi - i <= 12 && b[semi] !== 0x3b)
                    semi++;
                if (semi >= end || b[semi] !== 0x3b)
                    this.fail('malformed entity', i);
                out += this.entity(latin1(b, i + 1, semi), i);
                i = semi + 1;
            }
            else {
                out += attribute ? ' ' : '\n';
                i += c === CR && b[i + 1] === LF && i + 1 < end ? 2 : 1;
            }
            from = i;
        }
        if (end > from)
            out += utf8(b, from, end);
        return out;
    }
    entity(name, at) {
        const predefined = PREDEFINED[name];
        if (predefined !== undefined && Object.hasOwn(PREDEFINED, name))
            return predefined;
        if (name.startsWith('#')) {
            const hex = name[1] === 'x';
            const digits = name.slice(hex ? 2 : 1);
            const code = (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
            const valid = code === 0x9 ||
                code === 0xa ||
                code === 0xd ||
                (code >= 0x20 && code <= 0xd7ff) ||
                (code >= 0xe000 && code <= 0xfffd) ||
                (code >= 0x10000 && code <= 0x10ffff);
            if (!valid)
                this.fail('malformed character entity', at);
            return String.fromCodePoint(code);
        }
        return this.fail('undefined entity', at);
    }
    // ---- markup ---------------------------------------------------------------------------------
    markup(pos, n, eof) {
        const b = this.buf;
        const c = b[pos + 1];
        let next;
        if (c === SLASH)
            next = this.endTag(pos, n);
        else if (c === BANG)
            next = this.bang(pos, n);
        else if (c === QUESTION)
            next = this.instruction(pos, n);
        else
            next = this.startTag(pos, n);
        if (next === INCOMPLETE && eof)
            this.fail(this.stack.length ? `unclosed tag: ${this.stack.at(-1)}` : 'unexpected end of document', n);
        return next;
    }
    /** `<name attr="value" …>` or `<name …/>`. */
    startTag(pos, n) {
        const b = this.buf;
        if (this.rootSeen && this.stack.length === 0)
            this.fail('documents may contain only one root', pos);
        let i = pos + 1;
        if (!NAME_START[b[i]])
            return i >= n ? INCOMPLETE : this.fail('disallowed character in tag name', i);
        while (NAME[b[i]])
            i++;
        if (i >= n)
            return INCOMPLETE;
        const nameEnd = i;
        const attrs = this.attrs;
        attrs.reset(b, this.sharedString);
        for (;;) {
            const gap = i;
            let c = b[i];
            while (isSpace(c))
                c = b[++i];
            if (c === GT) {
                this.open(this.name(pos + 1, nameEnd), pos);
                return i + 1;
            }
            if (c === SLASH) {
                if (b[i + 1] !== GT)
                    return i + 1 >= n ? INCOMPLETE : this.fail('forward-slash in opening tag not followed by >', i);
                const name = this.name(pos + 1, nameEnd);
                this.open(name, pos);
                this.close(name, pos);
                return i + 2;
            }
            if (i >= n)
                return INCOMPLETE;
            if (i === gap)
                this.fail('no whitespace between attributes', i);
            const attrStart = i;
            if (!NAME_START[c])
                this.fail('disallowed character in attribute name', i);
            while (NAME[b[i]])
                i++;
            const attrEnd = i;
            c = b[i];
            while (isSpace(c))
                c = b[++i];
            if (c !== EQ)
                return i >= n ? INCOMPLETE : this.fail('attribute without value', i);
            c = b[++i];
            while (isSpace(c))
                c = b[++i];
            if (c !== DQUOTE && c !== SQUOTE)
                return i >= n ? INCOMPLETE : this.fail('unquoted attribute value', i);
            const valueStart = ++i;
            let plain = true;
            let ascii = true;
            let v = b[i];
            for (;;) {
                while (VALUE_PLAIN[v])
                    v = b[++i];
                if (v === c)
                    break;
                if (v < SPACE) {
                    if (i >= n)
                        return INCOMPLETE;
                    if (v !== LF && v !== TAB && v !== CR)
                        this.fail('disallowed character', i);
                    plain = false;
                }
                else if (v === LT) {
                    this.fail('disallowed character', i);
                }
                else if (v === AMP) {
                    plain = false;
                }
                else if (v >= 0x80) {
                    ascii = false;
                }
                v = b[++i];
            }
            if (attrs.has(attrStart, attrEnd))
                this.fail(`duplicate attribute: ${b.toString('utf8', attrStart, attrEnd)}`, i);
            // Entities are resolved (and so checked) now, whether or not the handler asks for the value.
            attrs.push(attrStart, attrEnd, valueStart, i, plain ? (ascii ? ASCII : UTF8) : this.decode(valueStart, i, true));
            i++;
        }
    }
    /** `</name>`. */
    endTag(pos, n) {
        const b = this.buf;
        let i = pos + 2;
        while (NAME[b[i]])
            i++;
        const nameEnd = i;
        let c = b[i];
        while (isSpace(c))
            c = b[++i];
        if (c !== GT)
            return i >= n ? INCOMPLETE : this.fail('disallowed character in closing tag', i);
        const name = this.name(pos + 2, nameEnd);
        const open = this.stack[this.stack.length - 1];
        if (open !== name)
            this.fail(open === undefined ? `unmatched closing tag: ${name}` : 'unexpected close tag', pos);
        this.close(name, pos);
        return i + 1;
    }
    /** Comments, CDATA sections and the DOCTYPE. */
    bang(pos, n) {
        const b = this.buf;
        if (b[pos + 2] === DASH && b[pos + 3] === DASH) {
            for (let i = pos + 4; i + 1 < n; i++) {
                if (b[i] === DASH && b[i + 1] === DASH) {
                    if (i + 2 >= n)
                        return INCOMPLETE;
                    if (b[i + 2] !== GT)
                        this.fail('malformed comment', i);
                    return i + 3;
                }
            }
            return INCOMPLETE;
        }
        if (n - pos < 9)
            return INCOMPLETE;
        const keyword = b.toString('latin1', pos + 2, pos + 9);
        if (keyword === '[CDATA[') {
            if (this.stack.length === 0)
                this.fail('CDATA outside of root node', pos);
            for (let i = pos + 9; i + 2 < n; i++) {
                if (b[i] === RBRACKET && b[i + 1] === RBRACKET && b[i + 2] === GT) {
                    for (let k = pos + 9; k < i; k++) {
                        const c = b[k];
                        if (c < SPACE && c !== LF && c !== TAB && c !== CR)
                            this.fail('disallowed character', k);
                    }
                    if (this.onText && i > pos + 9)
                        this.onText(this.cdata(pos + 9, i));
                    return i + 3;
                }
            }
            return INCOMPLETE;
        }
        if (keyword === 'DOCTYPE')
            return this.doctype(pos, n);
        return this.fail('unexpected markup declaration', pos);
    }
    cdata(start, end) {
        const text = this.buf.toString('utf8', start, end);
        return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    }
    /** Skipped whole, internal subset included: nothing in it is fetched or defined. */
    doctype(pos, n) {
        if (this.doctypeSeen || this.rootSeen)
            this.fail('the DOCTYPE must come once, before the root', pos);
        const b = this.buf;
        let depth = 0;
        for (let i = pos + 9; i < n; i++) {
            const c = b[i];
            if (c === DQUOTE || c === SQUOTE) {
                const close = b.indexOf(c, i + 1);
                if (close < 0 || close >= n)
                    return INCOMPLETE;
                i = close;
            }
            else if (c === LT && b[i + 1] === BANG && b[i + 2] === DASH && b[i + 3] === DASH) {
                const close = b.indexOf('-->', i + 4);
                if (close < 0 || close >= n)
                    return INCOMPLETE;
                i = close + 2;
            }
            else if (c === LBRACKET) {
                depth++;
            }
            else if (c === RBRACKET) {
                depth--;
            }
            else if (c === GT && depth <= 0) {
                this.doctypeSeen = true;
                return i + 1;
            }
        }
        return INCOMPLETE;
    }
    /** `<?target …?>`; the XML declaration only at the very start. */
    instruction(pos, n) {
        const b = this.buf;
        let i = pos + 2;
        if (!NAME_START[b[i]])
            return i >= n ? INCOMPLETE : this.fail('disallowed character in processing instruction name', i);
        while (NAME[b[i]])
            i++;
        if (i >= n)
            return INCOMPLETE;
        const target = latin1(b, pos + 2, i);
        // The target ends at whitespace or `?` (saxes also takes `<?x?…?>` whole; so does this).
        if (!isSpace(b[i]) && b[i] !== QUESTION)
            this.fail('disallowed character in processing instruction name', i);
        for (; i + 1 < n; i++) {
            if (b[i] === QUESTION && b[i + 1] === GT) {
                if (target.toLowerCase() === 'xml') {
                    const start = this.base + pos;
                    if (target !== 'xml' || start !== this.documentStart)
                        this.fail('an XML declaration must be at the start of the document', pos);
                    if (!XML_DECLARATION.test(latin1(b, pos + 2, i)))
                        this.fail('malformed XML declaration', pos);
                }
                return i + 2;
            }
        }
        return INCOMPLETE;
    }
    // ---- events ---------------------------------------------------------------------------------
    open(name, pos) {
        this.rootSeen = true;
        this.stack.push(name);
        this.tagOffset = this.base + pos;
        this.handler.open(name, this.attrs, this.ctx);
    }
    close(name, pos) {
        this.stack.pop();
        this.tagOffset = this.base + pos;
        this.handler.close?.(name, this.ctx);
    }
    /**
     * The string for buf[start, end), one copy per distinct short run: element and attribute names and
     * small values repeat on nearly every element, and a fresh string each time is garbage to collect.
     * Longer or non-ASCII runs are decoded each time.
     */
    name(start, end) {
        return end - start > 24 ? utf8(this.buf, start, end) : this.cached(this.names, start, end);
    }
    cached(cache, start, end) {
        const b = this.buf;
        const length = end - start;
        let hash = length;
        for (let i = start; i < end; i++)
            hash = (Math.imul(hash, 31) + b[i]) | 0;
        const known = cache.get(hash);
        if (known !== undefined && sameBytes(known, b, start, end))
            return known;
        const text = utf8(b, start, end);
        // Only pure-ASCII runs are kept: their bytes and char codes compare one to one.
        if (text.length === length && cache.size < 4096)
            cache.set(hash, text);
        return text;
    }
}
const ASCII = 0;
const UTF8 = 1;
/**
 * The attributes of the tag being handled, as byte ranges of the scanner's buffer: a value becomes a
 * string only when a handler asks for it, and `digits` reads a plain number with no string at all
 * (cobertura's `<line number="12" hits="3"/>`, nearly every element of a big report).
 */
class Attributes {
    buf = Buffer.alloc(0);
    count = 0;
    /** Per attribute: name start, name end, value start, value end. */
    ranges = new Int32Array(64);
    /** Per attribute: ASCII or UTF8 (decode the range as is), or the value already decoded. */
    values = [];
    shared = latin1;
    /** The attributes as an object (tests, and callers that want them all). */
    toRecord() {
        const out = Object.create(null);
        for (let k = 0; k < this.count; k++) {
            const r = k * 4;
            out[this.buf.toString('utf8', this.ranges[r], this.ranges[r + 1])] = this.valueAt(k);
        }
        return out;
    }
    get(name) {
        const k = this.find(name);
        return k < 0 ? undefined : this.valueAt(k);
    }
    /**
     * The value, as one shared string per distinct value: for values that repeat on thousands of
     * elements (a test's class name and file), so each is made once, not once per element.
     */
    getShared(name) {
        const k = this.find(name);
        if (k < 0)
            return undefined;
        const value = this.values[k];
        if (value !== ASCII)
            return this.valueAt(k);
        const r = k * 4;
        return this.shared(this.buf, this.ranges[r + 2], this.ranges[r + 3]);
    }
    /**
     * A plain decimal (`12`, `0.042`: digits with at most one `.`, 15 digits at most) read from the
     * bytes, exactly as Number() reads it (an integer over a power of ten rounds once, correctly); NaN
     * for anything else, which the caller then reads with `get`.
     */
    decimal(name) {
        const k = this.find(name);
        if (k < 0 || this.values[k] !== ASCII)
            return NaN;
        const b = this.buf;
        const start = this.ranges[k * 4 + 2];
        const end = this.ranges[k * 4 + 3];
        let value = 0;
        let digits = 0;
        let scale = 1;
        let dot = false;
        for (let i = start; i < end; i++) {
            const c = b[i];
            if (c === 0x2e && !dot) {
                dot = true;
                continue;
            }
            if (c < 0x30 || c > 0x39)
                return NaN;
            value = value * 10 + (c - 0x30);
            if (dot)
                scale *= 10;
            digits++;
        }
        return digits === 0 || digits > 15 ? NaN : value / scale;
    }
    /** The value if it is 1–15 ASCII digits, else -1 (absent, empty, or anything else: read it with `get`). */
    digits(name) {
        const k = this.find(name);
        if (k < 0 || typeof this.values[k] === 'string')
            return -1;
        const b = this.buf;
        const start = this.ranges[k * 4 + 2];
        const end = this.ranges[k * 4 + 3];
        if (end === start || end - start > 15)
            return -1;
        let value = 0;
        for (let i = start; i < end; i++) {
            const c = b[i] - 0x30;
            if (c < 0 || c > 9)
                return -1;
            value = value * 10 + c;
        }
        return value;
    }
    /** @internal the scanner starts a tag; `shared` gives one string per distinct short ASCII run. */
    reset(buf, shared) {
        this.shared = shared;
        this.buf = buf;
        this.count = 0;
    }
    /** @internal whether the tag already has an attribute named buf[start, end). */
    has(start, end) {
        const b = this.buf;
        const length = end - start;
        for (let k = 0; k < this.count; k++) {
            const r = k * 4;
            const other = this.ranges[r];
            if (this.ranges[r + 1] - other !== length)
                continue;
            let same = true;
            for (let j = 0; j < length; j++) {
                if (b[start + j] !== b[other + j]) {
                    same = false;
                    break;
                }
            }
            if (same)
                return true;
        }
        return false;
    }
    /** @internal the scanner adds an attribute. */
    push(nameStart, nameEnd, valueStart, valueEnd, value) {
        const r = this.count * 4;
        if (r + 4 > this.ranges.length) {
            const bigger = new Int32Array(this.ranges.length * 2);
            bigger.set(this.ranges);
            this.ranges = bigger;
        }
        this.ranges[r] = nameStart;
        this.ranges[r + 1] = nameEnd;
        this.ranges[r + 2] = valueStart;
        this.ranges[r + 3] = valueEnd;
        this.values[this.count++] = value;
    }
    find(name) {
        const b = this.buf;
        const length = name.length;
        for (let k = 0; k < this.count; k++) {
            const r = k * 4;
            const start = this.ranges[r];
            if (this.ranges[r + 1] - start !== length)
                continue;
            let same = true;
            for (let j = 0; j < length; j++) {
                if (b[start + j] !== name.charCodeAt(j)) {
                    same = false;
                    break;
                }
            }
            if (same)
                return k;
        }
        return -1;
    }
    valueAt(k) {
        const value = this.values[k];
        if (typeof value === 'string')
            return value;
        const r = k * 4;
        return (value === ASCII ? latin1 : utf8)(this.buf, this.ranges[r + 2], this.ranges[r + 3]);
    }
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/xml-stream.ts




/**
 * Read size. Small enough to keep the buffer (and so peak memory) small, large enough that the read
 * calls cost little (64 KiB reads were 8 % of the time on a 57 MB JUnit file). A token longer than this (a
 * huge attribute) grows the buffer to fit it.
 */
const CHUNK = 256 * 1024;
/** A plain descriptor (not a FileHandle, which would want to close itself), opened without blocking. */
const openFd = (0,external_node_util_.promisify)(external_node_fs_.open);
/**
 * Streams an XML report through the scanner in 256 KiB reads, so memory does not grow with the file.
 * Nothing is fetched and no entity is defined or expanded (see XmlScanner). Any XML error, including a
 * truncated file, becomes a UserError naming the file and line; so does a handler's `ctx.fail`.
 */
async function streamXml(report, handler) {
    const ctx = {
        line: () => lineAt(report.abs, scanner.tagOffset),
        fail(message) {
            throw new errors/* UserError */.yo(message, { file: report.display, line: ctx.line() });
        },
    };
    const scanner = new XmlScanner(handler, ctx);
    const fd = await openFd(report.abs, 'r');
    try {
        // Synchronous reads: a 64 KiB read of a local file takes microseconds, while an awaited one waits
        // for libuv's thread pool each time (on the loaded bench machine: 10–25 % more CPU and wall time).
        let buf = Buffer.allocUnsafe(CHUNK * 2 + 1);
        let filled = 0;
        for (;;) {
            if (filled + CHUNK + 1 > buf.length) {
                const bigger = Buffer.allocUnsafe(buf.length * 2);
                buf.copy(bigger, 0, 0, filled);
                buf = bigger;
            }
            const bytesRead = (0,external_node_fs_.readSync)(fd, buf, filled, CHUNK, null);
            const eof = bytesRead === 0;
            filled += bytesRead;
            buf[filled] = 0; // the scanner's end mark
            let used;
            try {
                used = scanner.scan(buf, filled, eof);
            }
            catch (error) {
                if (!(error instanceof XmlSyntaxError))
                    throw error;
                throw new errors/* UserError */.yo(`malformed XML: ${error.message}`, {
                    file: report.display,
                    line: lineAt(report.abs, error.offset),
                });
            }
            if (eof)
                break;
            buf.copy(buf, 0, used, filled);
            filled -= used;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The 1-based line of a byte offset: errors only, so the file is read again rather than lines counted all along. */
function lineAt(file, offset) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(1 << 20);
        let line = 1;
        let done = 0;
        while (done < offset) {
            const bytesRead = (0,external_node_fs_.readSync)(fd, buf, 0, Math.min(buf.length, offset - done), done);
            if (bytesRead === 0)
                break;
            for (let i = buf.indexOf(0x0a, 0); i >= 0 && i < bytesRead; i = buf.indexOf(0x0a, i + 1))
                line++;
            done += bytesRead;
        }
        return line;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * A copy of `value` that does not pin a larger string it was cut from (V8 makes substrings of 13+
 * characters views into their parent): for a first line cut from a failure's text, say.
 */
function detach(value) {
    return value.length < 13 ? value : `${value} `.slice(0, -1);
}
/** Reads an integer attribute; absent → `fallback`, present but not a number → UserError at the current line. */
function intAttr(attrs, name, ctx, fallback) {
    // Plain digits, nearly every value, are read from the bytes; anything else as Number() reads it.
    const digits = attrs.digits(name);
    if (digits >= 0)
        return digits;
    const raw = attrs.get(name);
    if (raw === undefined || raw === '') {
        if (fallback !== undefined)
            return fallback;
        return ctx.fail(`missing attribute ${name}`);
    }
    const value = Number(raw);
    if (!Number.isFinite(value))
        return ctx.fail(`attribute ${name}="${raw.slice(0, 40)}" is not a number`);
    return value;
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/clover.ts


/**
 * Clover XML (OpenClover, PHPUnit, istanbul). `stmt` and `cond` lines are the lines and statements,
 * `method` lines the functions. A `cond` line means two different things: OpenClover writes how often
 * the condition was true and false (two arms), istanbul writes covered and missed arm counts. The
 * file's own `<metrics conditionals coveredconditionals>` tells which one a file uses.
 * Files under `<testproject>` are the tests themselves and are left out, as Clover's totals do.
 */
async function parseClover(report, set) {
    let file;
    let depth = 0;
    let fileDepth = -1;
    let inTests = false;
    let conds = [];
    let metrics;
    let files = 0;
    let sawRoot = false;
    let sawConds = false;
    let sawMethods = false;
    /** istanbul's clover reporter writes `clover="3.2.0"` and a project named "All files". */
    let istanbulHint = false;
    await streamXml(report, {
        open(name, attrs, ctx) {
            depth++;
            if (name === 'coverage') {
                sawRoot = true;
                if (attrs.get('clover') === '3.2.0')
                    istanbulHint = true;
            }
            else if (name === 'project' && attrs.get('name') === 'All files')
                istanbulHint = true;
            else if (name === 'testproject')
                inTests = true;
            else if (name === 'file' && !inTests) {
                const path = attrs.get('path') ?? attrs.get('name');
                file = fileIn(set, path ? path : ctx.fail('<file> without a name'));
                fileDepth = depth;
                conds = [];
                metrics = undefined;
                files++;
            }
            else if (name === 'metrics' && file && depth === fileDepth + 1 && attrs.get('conditionals') !== undefined) {
                metrics = {
                    total: intAttr(attrs, 'conditionals', ctx, 0),
                    covered: intAttr(attrs, 'coveredconditionals', ctx, 0),
                };
            }
            else if (name === 'line' && file) {
                const line = intAttr(attrs, 'num', ctx);
                const type = attrs.get('type') ?? 'stmt';
                if (type === 'method') {
                    const hits = Math.max(0, intAttr(attrs, 'count', ctx, 0));
                    file.functions.add(`${attrs.get('name') ?? attrs.get('signature') ?? '(method)'}@${line}`, line, hits);
                    sawMethods = true;
                    return;
                }
                const hits = Math.max(0, intAttr(attrs, 'count', ctx, 0));
                file.lines.add(line, hits);
                file.statements.add(String(line), line, hits);
                if (type === 'cond') {
                    const t = Math.max(0, intAttr(attrs, 'truecount', ctx, 0));
                    const f = Math.max(0, intAttr(attrs, 'falsecount', ctx, 0));
                    if (t + f > 10_000_000)
                        ctx.fail('truecount/falsecount out of range');
                    conds.push({ line, t, f });
                    sawConds = true;
                }
            }
        },
        close(name) {
            if (name === 'file' && file && depth === fileDepth) {
                addBranches(file, conds, metrics, istanbulHint);
                file = undefined;
                fileDepth = -1;
            }
            else if (name === 'testproject') {
                inTests = false;
            }
            depth--;
        },
    });
    if (!sawRoot)
        return { files: 0 };
    if (files > 0)
        markMeasured(set, 'lines', 'statements');
    if (sawConds)
        markMeasured(set, 'branches');
    if (sawMethods)
        markMeasured(set, 'functions');
    return { files };
}
function addBranches(file, conds, metrics, istanbulHint) {
    let total = 0;
    let covered = 0;
    for (const c of conds) {
        total += c.t + c.f;
        covered += c.t;
    }
    // istanbul: truecount = covered arms, falsecount = missed arms. The file's metrics decide when they
    // match one reading; otherwise (metrics absent or not matching) the writer's signature does.
    const matches = metrics !== undefined && metrics.total === total && metrics.covered === covered;
    const matchesClover = metrics !== undefined &&
        metrics.total === conds.length * 2 &&
        metrics.covered === conds.reduce((n, c) => n + (c.t > 0 ? 1 : 0) + (c.f > 0 ? 1 : 0), 0);
    const istanbul = (matches || (!matchesClover && istanbulHint)) && total <= 100_000;
    for (const c of conds) {
        if (istanbul) {
            for (let arm = 0; arm < c.t + c.f; arm++)
                file.branches.add(`${c.line}:${arm}`, c.line, arm < c.t ? 1 : 0);
        }
        else {
            file.branches.add(`${c.line}:0`, c.line, c.t);
            file.branches.add(`${c.line}:1`, c.line, c.f);
        }
    }
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/cobertura.ts


const CONDITIONS = /\((\d+)\/(\d+)\)/;
/**
 * Cobertura XML (coverage.py, istanbul, gcovr, Cobertura/Java, scoverage). Line data is read from
 * each class's own `<lines>`; the copies under `<methods>` only give each method its hit count
 * (the hits of its first line). A file split over several classes merges into one. Branch arms come
 * from `condition-coverage="50% (1/2)"`, keyed `line:n`. Line number 0 is not a source line and is
 * skipped (coverage.py has written it for empty modules).
 */
async function parseCobertura(report, set) {
    const roots = [];
    let file;
    let files = 0;
    let inMethods = 0;
    let method;
    let inSource = false;
    let sourceText = '';
    let sawRoot = false;
    let sawBranches = false;
    let sawMethods = false;
    const armKey = branchKeys();
    await streamXml(report, {
        open(name, attrs, ctx) {
            // <line> first: it is nearly every element of a report.
            switch (name) {
                case 'line': {
                    if (!file)
                        return ctx.fail('<line> outside a <class>');
                    const line = intAttr(attrs, 'number', ctx);
                    const hits = Math.max(0, intAttr(attrs, 'hits', ctx, 0));
                    if (inMethods) {
                        if (method && method.line === undefined) {
                            method.line = line;
                            method.hits = hits;
                        }
                        return;
                    }
                    if (line <= 0)
                        return;
                    file.lines.add(line, hits);
                    const conditions = attrs.get('branch') === 'true' ? attrs.get('condition-coverage') : undefined;
                    if (conditions) {
                        const m = CONDITIONS.exec(conditions) ??
                            ctx.fail(`condition-coverage="${conditions.slice(0, 40)}" is not "N% (covered/total)"`);
                        const covered = Number(m[1]);
                        const total = Number(m[2]);
                        if (covered > total || total > 10_000)
                            ctx.fail(`condition-coverage ${covered}/${total} is impossible`);
                        for (let arm = 0; arm < total; arm++)
                            file.branches.add(armKey(line, -1, arm), line, arm < covered ? 1 : 0);
                        sawBranches = true;
                    }
                    return;
                }
                case 'coverage':
                    sawRoot = true;
                    return;
                case 'source':
                    inSource = true;
                    sourceText = '';
                    return;
                case 'class': {
                    const path = attrs.get('filename') ?? attrs.get('name');
                    file = fileIn(set, path ? path : ctx.fail('<class> without a filename'));
                    files++;
                    return;
                }
                case 'methods':
                    inMethods++;
                    return;
                case 'method':
                    if (file && inMethods)
                        method = { name: attrs.get('name') ?? '(anonymous)', hits: 0 };
                    return;
                default:
                    return;
            }
        },
        close(name) {
            if (name === 'line')
                return;
            if (name === 'source') {
                inSource = false;
                const root = sourceText.trim();
                if (root)
                    roots.push(detach(root));
            }
            else if (name === 'method') {
                if (method && file) {
                    const line = method.line ?? 0;
                    file.functions.add(`${method.name}@${line}`, line, method.hits);
                    sawMethods = true;
                }
                method = undefined;
            }
            else if (name === 'methods') {
                inMethods--;
            }
            else if (name === 'class') {
                file = undefined;
            }
        },
        text(text) {
            if (inSource)
                sourceText += text;
        },
    });
    if (!sawRoot)
        return { files: 0 };
    if (files > 0)
        markMeasured(set, 'lines');
    if (sawBranches)
        markMeasured(set, 'branches');
    if (sawMethods)
        markMeasured(set, 'functions');
    return { files, roots };
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./src/stages/test/coverage/go.ts




/** The block line of a profile, as golang.org/x/tools/cover parses it. */
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;
/**
 * Go coverprofile (`go test -coverprofile`), modes set/count/atomic. Blocks repeated at the same
 * position (one per test binary in `./...` runs) merge exactly as `go tool cover` merges them:
 * OR-ed in set mode, summed otherwise. Statements are Go's metric (each block holds NumStmt of
 * them: `go tool cover -func`'s total is covered statements / statements). Lines are derived: a line
 * counts the most-executed block on it, so diff coverage can use Go profiles too.
 */
async function parseGo(report, set) {
    const stream = (0,external_node_fs_.createReadStream)(report.abs, { encoding: 'utf8', highWaterMark: 1 << 20 });
    const lines = (0,external_node_readline_.createInterface)({ input: stream, crlfDelay: Infinity });
    const files = new Map();
    let mode;
    let lineNo = 0;
    const fail = (message) => {
        throw new errors/* UserError */.yo(message, { file: report.display, line: lineNo });
    };
    try {
        for await (const raw of lines) {
            lineNo++;
            const text = raw.trimEnd();
            if (!text)
                continue;
            if (text.startsWith('mode: ')) {
                const next = text.slice(6);
                if (!['set', 'count', 'atomic'].includes(next))
                    fail(`unknown coverage mode "${next.slice(0, 40)}"`);
                // Concatenated profiles repeat the mode line; mixing modes would make the merge meaningless.
                if (mode !== undefined && mode !== next)
                    fail(`mode "${next}" differs from "${mode}" earlier in the file`);
                mode = next;
                continue;
            }
            if (mode === undefined)
                fail('a Go coverage profile starts with "mode: set|count|atomic"');
            const m = BLOCK.exec(text) ?? fail(`line does not match "file:line.col,line.col statements count"`);
            const [, path = '', sl = '', sc = '', el = '', ec = '', stmts = '', cnt = ''] = m;
            const key = `${sl}.${sc},${el}.${ec}`;
            const block = { startLine: Number(sl), endLine: Number(el), numStmt: Number(stmts), count: Number(cnt) };
            if (block.endLine < block.startLine)
                fail('block ends before it starts');
            if (!Number.isSafeInteger(block.count) || !Number.isSafeInteger(block.numStmt))
                fail('count out of range');
            let blocks = files.get(path);
            if (!blocks)
                files.set(path, (blocks = new Map()));
            const seen = blocks.get(key);
            if (!seen)
                blocks.set(key, block);
            else if (seen.numStmt !== block.numStmt)
                fail(`inconsistent NumStmt for ${path}:${key}: ${seen.numStmt} then ${block.numStmt}`);
            else
                seen.count = mode === 'set' ? seen.count | block.count : seen.count + block.count;
        }
    }
    finally {
        stream.destroy();
    }
    // Deriving lines walks every block's span: a corrupt profile (huge spans, huge NumStmt) must not
    // turn a small file into billions of steps. A real block line (~50 bytes) spans a handful of lines;
    // 20 steps per byte of profile is far above that.
    let budget = 1_000_000 + 20 * report.size;
    for (const [path, blocks] of files) {
        const file = fileIn(set, path);
        const lineHits = new Map();
        for (const [key, block] of blocks) {
            budget -= block.numStmt + (block.endLine - block.startLine + 1);
            if (budget < 0) {
                throw new errors/* UserError */.yo(`implausible coverage blocks (spans or statement counts far too large)`, {
                    file: report.display,
                });
            }
            for (let k = 0; k < block.numStmt; k++)
                file.statements.add(`${key}#${k}`, block.startLine, block.count);
            if (block.numStmt === 0)
                continue;
            const last = block.endLine;
            for (let line = block.startLine; line <= last; line++) {
                lineHits.set(line, Math.max(lineHits.get(line) ?? 0, block.count));
            }
        }
        for (const [line, hits] of lineHits)
            file.lines.add(line, hits);
    }
    if (files.size > 0)
        markMeasured(set, 'statements', 'lines');
    return { files: files.size };
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/istanbul.ts




function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * istanbul's JSON reports are one JSON document, written by JSON.stringify; they are read whole.
 * (Their size grows with the code base, not with test runs: tens of MB for very large projects.)
 */
async function readJson(report) {
    const text = await (0,promises_.readFile)(report.abs, 'utf8');
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        const position = /position (\d+)/.exec(String(error))?.[1];
        const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
        throw new errors/* UserError */.yo(`malformed JSON: ${error.message}`, { file: report.display, line }, { cause: error });
    }
    if (!isObject(data))
        throw new errors/* UserError */.yo('expected a JSON object of files', { file: report.display });
    return data;
}
function num(value, what, report, path) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new errors/* UserError */.yo(`${what} of ${path} is not a number`, { file: report.display });
    }
    return value;
}
function startLine(loc) {
    if (isObject(loc) && isObject(loc.start) && typeof loc.start.line === 'number')
        return loc.start.line;
    return 0;
}
/**
 * istanbul `coverage-final.json` (nyc, c8, vitest/jest with the json reporter). Metrics are computed
 * as istanbul-lib-coverage's summary computes them: statements from `s`, functions from `f`, every
 * branch arm of `b`, and a line's hits = the most-executed statement starting on that line.
 */
async function parseIstanbulFinal(report, set) {
    const data = await readJson(report);
    let count = 0;
    for (const [key, raw] of Object.entries(data)) {
        const entry = isObject(raw) && isObject(raw.data) ? raw.data : raw;
        if (!isObject(entry) || !isObject(entry.statementMap)) {
            throw new errors/* UserError */.yo(`entry "${key.slice(0, 80)}" is not istanbul file coverage (no statementMap)`, {
                file: report.display,
            });
        }
        const path = typeof entry.path === 'string' ? entry.path : key;
        const file = fileIn(set, path);
        const s = isObject(entry.s) ? entry.s : {};
        const lineHits = new Map();
        for (const [id, loc] of Object.entries(entry.statementMap)) {
            const hits = num(s[id] ?? 0, `statement ${id}`, report, path);
            const line = startLine(loc);
            file.statements.add(id, line, hits);
            const before = lineHits.get(line);
            if (before === undefined || before < hits)
                lineHits.set(line, hits);
        }
        for (const [line, hits] of lineHits)
            file.lines.add(line, hits);
        const f = isObject(entry.f) ? entry.f : {};
        const seen = new Set();
        for (const [id, meta] of Object.entries(isObject(entry.fnMap) ? entry.fnMap : {})) {
            const name = isObject(meta) && typeof meta.name === 'string' ? meta.name : `(fn ${id})`;
            const line = isObject(meta) ? (typeof meta.line === 'number' ? meta.line : startLine(meta.decl ?? meta.loc)) : 0;
            // Two functions of the same name on one line stay two functions (istanbul counts them by id).
            let fnKey = `${name}@${line}`;
            if (seen.has(fnKey))
                fnKey = `${fnKey}#${id}`;
            seen.add(fnKey);
            file.functions.add(fnKey, line, num(f[id] ?? 0, `function ${id}`, report, path));
        }
        const b = isObject(entry.b) ? entry.b : {};
        for (const [id, meta] of Object.entries(isObject(entry.branchMap) ? entry.branchMap : {})) {
            const arms = b[id];
            const line = isObject(meta) ? (typeof meta.line === 'number' ? meta.line : startLine(meta.loc)) : 0;
            if (!Array.isArray(arms))
                continue;
            arms.forEach((hits, arm) => file.branches.add(`${line}:${id}:${arm}`, line, num(hits, `branch ${id}`, report, path)));
        }
        count++;
    }
    if (count > 0)
        markMeasured(set, ...model/* METRICS */.C);
    return { files: count };
}
/** istanbul `coverage-summary.json`: per-file totals only (no line data, so no diff coverage from it). */
async function parseIstanbulSummary(report, set) {
    const data = await readJson(report);
    let count = 0;
    const measured = new Set();
    for (const [path, raw] of Object.entries(data)) {
        if (path === 'total')
            continue;
        if (!isObject(raw))
            throw new errors/* UserError */.yo(`entry "${path.slice(0, 80)}" is not an object`, { file: report.display });
        const counters = {};
        for (const metric of model/* METRICS */.C) {
            const value = raw[metric];
            if (value === undefined)
                continue;
            if (!isObject(value))
                throw new errors/* UserError */.yo(`${metric} of ${path} is not an object`, { file: report.display });
            const counter = {
                covered: num(value.covered, `${metric}.covered`, report, path),
                total: num(value.total, `${metric}.total`, report, path),
            };
            const previous = set.summaryOnly.get(path)?.[metric];
            if (previous) {
                counter.covered = Math.max(counter.covered, previous.covered);
                counter.total = Math.max(counter.total, previous.total);
            }
            counters[metric] = counter;
            measured.add(metric);
        }
        set.summaryOnly.set(path, { ...set.summaryOnly.get(path), ...counters });
        count++;
    }
    markMeasured(set, ...measured);
    return { files: count };
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/jacoco.ts


/**
 * JaCoCo XML. Files are `<package name>/<sourcefile name>` (package names already use `/`).
 * A line is executable when it has instructions (mi + ci > 0) and covered when ci > 0, which is
 * JaCoCo's LINE counter; its mb + cb branches become arms `line:n`, the first cb covered (BRANCH).
 * Methods come from `<class><method line>` with their METHOD counter (METHOD). JaCoCo has no
 * statements (instructions are a different unit), so statements stay unmeasured.
 */
async function parseJacoco(report, set) {
    let pkg = '';
    let className = '';
    let classSource;
    let method;
    let file;
    let files = 0;
    let sawRoot = false;
    let sawBranches = false;
    let sawMethods = false;
    const pathOf = (name) => (pkg ? `${pkg}/${name}` : name);
    await streamXml(report, {
        open(name, attrs, ctx) {
            switch (name) {
                case 'report':
                    sawRoot = true;
                    return;
                case 'package':
                    pkg = attrs.get('name') ?? '';
                    return;
                case 'class':
                    className = attrs.get('name') ?? '';
                    classSource = attrs.get('sourcefilename');
                    return;
                case 'method':
                    method = {
                        name: attrs.get('name') ?? '(method)',
                        desc: attrs.get('desc') ?? '',
                        line: intAttr(attrs, 'line', ctx, 0),
                        covered: false,
                    };
                    return;
                case 'counter':
                    if (method && attrs.get('type') === 'METHOD')
                        method.covered = intAttr(attrs, 'covered', ctx, 0) > 0;
                    return;
                case 'sourcefile':
                    file = fileIn(set, pathOf(attrs.get('name') ?? ctx.fail('<sourcefile> without a name')));
                    files++;
                    return;
                case 'line': {
                    if (!file)
                        return ctx.fail('<line> outside a <sourcefile>');
                    const line = intAttr(attrs, 'nr', ctx);
                    const mi = intAttr(attrs, 'mi', ctx, 0);
                    const ci = intAttr(attrs, 'ci', ctx, 0);
                    const mb = intAttr(attrs, 'mb', ctx, 0);
                    const cb = intAttr(attrs, 'cb', ctx, 0);
                    if (mi < 0 || ci < 0 || mb < 0 || cb < 0 || mb + cb > 10_000)
                        ctx.fail('line counters out of range');
                    if (mi + ci > 0)
                        file.lines.add(line, ci);
                    for (let arm = 0; arm < mb + cb; arm++)
                        file.branches.add(`${line}:${arm}`, line, arm < cb ? 1 : 0);
                    if (mb + cb > 0)
                        sawBranches = true;
                    return;
                }
                default:
                    return;
            }
        },
        close(name) {
            if (name === 'method' && method) {
                // A class without debug info names no source file; its methods then belong to the outer class's file.
                const source = classSource ?? `${(className.split('/').pop() ?? className).split('$')[0]}.java`;
                const target = fileIn(set, pathOf(source));
                target.functions.add(`${method.name}${method.desc}@${method.line}`, method.line, method.covered ? 1 : 0);
                sawMethods = true;
                method = undefined;
            }
            else if (name === 'sourcefile') {
                file = undefined;
            }
            else if (name === 'package') {
                pkg = '';
            }
        },
    });
    if (!sawRoot)
        return { files: 0 };
    if (files > 0)
        markMeasured(set, 'lines');
    if (sawBranches)
        markMeasured(set, 'branches');
    if (sawMethods)
        markMeasured(set, 'functions');
    return { files };
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/lcov.ts






const lcov_CHUNK = 1 << 20;
/** A plain descriptor, opened without blocking; reads are synchronous (see streamXml). */
const lcov_openFd = (0,external_node_util_.promisify)(external_node_fs_.open);
/** More than the furthest `scan` reads past a line's start before it knows whether the line is complete. */
const SLACK = 64;
const NL = 0x0a;
const lcov_CR = 0x0d;
const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;
/**
 * lcov tracefile parser. It is the one format that gets huge (a monorepo's merged lcov runs to
 * hundreds of MB), so it works on bytes: reads fill a reused 2 MiB buffer, DA records (nearly every line) are decoded
 * without making strings, the rare records (SF, FN, BRDA…) go through a string path. Same-file
 * records merge by summing hits, as `lcov --add-tracefile` and `lcov --summary` do.
 */
async function parseLcov(report, set) {
    const fd = await lcov_openFd(report.abs, 'r');
    let buf = Buffer.allocUnsafe(lcov_CHUNK * 2);
    let filled = 0;
    let lineNo = 0;
    let current;
    let records = 0;
    let sawFunctions = false;
    let sawBranches = false;
    /** lcov 2 `FNL:index,start[,end]` → start line, so `FNA:index,hits,name` can find it. */
    let fnlLines = new Map();
    const branchKey = branchKeys();
    // Each record's DA lines collect here and reach the file's table in one piece at end_of_record.
    const batch = new LineBatch();
    /**
     * While a file's branch table was empty when its record began and its BRDA lines come in ascending
     * (line, block, branch) order, as lcov writes them, each arm is new: it is appended without a lookup.
     */
    let branchesNew = false;
    let lastBranch = -1;
    const fail = (message) => {
        throw new errors/* UserError */.yo(message, { file: report.display, line: lineNo });
    };
    const need = () => current ?? fail('record outside a file section (no SF: line before it)');
    const int = (text, what) => {
        const value = Number(text);
        return Number.isFinite(value) && text.trim() !== ''
            ? value
            : fail(`${what} "${text.slice(0, 40)}" is not a number`);
    };
    /**
     * Functions are keyed by name alone: FNDA names a function without its line, and lcov counts
     * functions by name. A function met first in FNDA gets its line when its FN comes.
     */
    const addFunction = (file, name, line, hits) => file.functions.add(name, line, hits);
    /** The current record's FN names in order, where each is in the file's table, and how many FNDA lines came. */
    let fnNames = [];
    let fnAt = [];
    let fndaSeen = 0;
    const slowLine = (text) => {
        const colon = text.indexOf(':');
        const tag = colon < 0 ? text.trim() : text.slice(0, colon);
        const rest = colon < 0 ? '' : text.slice(colon + 1);
        switch (tag) {
            case 'SF': {
                const path = rest.trim();
                if (!path)
                    fail('SF: line without a path');
                current = fileIn(set, path);
                batch.begin(current.lines);
                branchesNew = current.branches.size === 0;
                lastBranch = -1;
                fnlLines = new Map();
                fnNames = [];
                fnAt = [];
                fndaSeen = 0;
                records++;
                return;
            }
            case 'end_of_record':
                batch.flush();
                current = undefined;
                return;
            case 'DA': {
                const [line = '', hits = ''] = rest.split(',');
                need();
                batch.add(int(line, 'line number'), Math.max(0, int(hits, 'hit count')));
                return;
            }
            case 'FN': {
                const comma = rest.indexOf(',');
                if (comma < 0)
                    fail('FN: line must be FN:<line>,<name>');
                // lcov 2 writes FN:<start>,<end>,<name>; names never start with a digit-only field.
                const parts = rest.split(',');
                const hasEnd = parts.length >= 3 && /^\d+$/.test(parts[1] ?? '');
                const name = parts.slice(hasEnd ? 2 : 1).join(',');
                sawFunctions = true;
                addFunction(need(), name, int(parts[0] ?? '', 'function line'), 0);
                return;
            }
            case 'FNDA': {
                const comma = rest.indexOf(',');
                if (comma < 0)
                    fail('FNDA: line must be FNDA:<hits>,<name>');
                sawFunctions = true;
                addFunction(need(), rest.slice(comma + 1), 0, Math.max(0, int(rest.slice(0, comma), 'hit count')));
                return;
            }
            case 'FNL': {
                const [index = '', start = ''] = rest.split(',');
                need();
                fnlLines.set(index, int(start, 'function line'));
                sawFunctions = true;
                return;
            }
            case 'FNA': {
                const parts = rest.split(',');
                if (parts.length < 3)
                    fail('FNA: line must be FNA:<index>,<hits>,<name>');
                const line = fnlLines.get(parts[0] ?? '') ?? fail(`FNA: refers to unknown function index ${parts[0]}`);
                addFunction(need(), parts.slice(2).join(','), line, Math.max(0, int(parts[1] ?? '', 'hit count')));
                return;
            }
            case 'BRDA': {
                const parts = rest.split(',');
                if (parts.length < 4)
                    fail('BRDA: line must be BRDA:<line>,<block>,<branch>,<taken>');
                const file = need();
                const line = int(parts[0] ?? '', 'branch line');
                const taken = parts[parts.length - 1] ?? '-';
                const hits = taken === '-' ? 0 : Math.max(0, int(taken, 'branch count'));
                // The branch id may itself contain commas (lcov 2 expression text); only line, block and taken are fixed.
                branchesNew = false;
                file.branches.add(`${line}:${parts.slice(1, -1).join(',')}`, line, hits);
                sawBranches = true;
                return;
            }
            case 'FNF':
            case 'FNH':
                sawFunctions = true;
                return;
            case 'BRF':
            case 'BRH':
                sawBranches = true;
                return;
            default:
                // TN, VER, LF, LH, and tags of newer lcov versions (MCDC…): lcov itself skips what it does not use.
                return;
        }
    };
    /** Decodes `DA:<line>,<hits>[,<checksum>]` from bytes; returns false when the fast path does not apply. */
    const fastDa = (start, end) => {
        if (!current)
            return false;
        let i = start + 3;
        let line = 0;
        let digits = 0;
        for (; i < end; i++) {
            const c = buf[i];
            if (c < ZERO || c > NINE)
                break;
            line = line * 10 + (c - ZERO);
            digits++;
        }
        if (digits === 0 || digits > 9 || i >= end || buf[i] !== COMMA)
            return false;
        i++;
        let hits = 0;
        digits = 0;
        for (; i < end; i++) {
            const c = buf[i];
            if (c < ZERO || c > NINE)
                break;
            hits = hits * 10 + (c - ZERO);
            digits++;
        }
        if (digits === 0 || digits > 15 || (i < end && buf[i] !== COMMA))
            return false;
        batch.add(line, hits);
        return true;
    };
    /** Reads the unsigned integer at `pos` into `num`; returns the index after it, or -1 if there is none. */
    let num = 0;
    const uint = (pos, end) => {
        let value = 0;
        let i = pos;
        for (; i < end; i++) {
            const c = buf[i];
            if (c < ZERO || c > NINE)
                break;
            value = value * 10 + (c - ZERO);
        }
        if (i === pos || i - pos > 15)
            return -1;
        num = value;
        return i;
    };
    /** `BRDA:<line>,<block>,<branch>,<taken>` with plain numbers; anything else goes the string way. */
    const fastBrda = (start, end) => {
        const file = current;
        if (!file)
            return false;
        let i = uint(start + 5, end);
        if (i < 0 || buf[i] !== COMMA)
            return false;
        const line = num;
        i = uint(i + 1, end);
        if (i < 0 || buf[i] !== COMMA)
            return false;
        const block = num;
        i = uint(i + 1, end);
        if (i < 0 || buf[i] !== COMMA)
            return false;
        const branch = num;
        let hits = 0;
        if (buf[i + 1] === 0x2d && i + 2 === end)
            hits = 0;
        else if (uint(i + 1, end) === end)
            hits = num;
        else
            return false;
        const order = line < 2 ** 21 && block < 2 ** 16 && branch < 2 ** 16 ? (line * 2 ** 16 + block) * 2 ** 16 + branch : -1;
        if (branchesNew && order > lastBranch) {
            lastBranch = order;
            file.branches.appendNew(branchKey(line, block, branch), line, hits);
        }
        else {
            branchesNew = false;
            file.branches.add(branchKey(line, block, branch), line, hits);
        }
        sawBranches = true;
        return true;
    };
    /** `FN:<line>,<name>` (lcov 1) and `FNDA:<hits>,<name>`; lcov 2's `FN:<start>,<end>,<name>` goes the string way. */
    const fastFn = (pos, end, isData) => {
        const file = current;
        if (!file)
            return false;
        const i = uint(pos, end);
        if (i < 0 || buf[i] !== COMMA || i + 1 >= end)
            return false;
        const value = num;
        const c = buf[i + 1];
        if (!isData && c >= ZERO && c <= NINE)
            return false;
        sawFunctions = true;
        if (isData) {
            // lcov writes a record's FNDA lines in the order of its FN lines: the k-th FNDA is checked
            // against the k-th FN's name in place, with no string made and no lookup.
            const k = fndaSeen++;
            if (k < fnNames.length && sameBytes(fnNames[k], buf, i + 1, end))
                file.functions.addAt(fnAt[k], value);
            else
                addFunction(file, buf.toString('utf8', i + 1, end), 0, value);
            return true;
        }
        const name = buf.toString('utf8', i + 1, end);
        fnNames.push(name);
        fnAt.push(addFunction(file, name, value, 0));
        return true;
    };
    /** The records of nearly every line, decided on bytes; false sends the line to `slowLine`. */
    const fastLine = (start, end) => {
        const c0 = buf[start];
        const c1 = buf[start + 1];
        if (c0 === 0x44 && c1 === 0x41 && buf[start + 2] === 0x3a)
            return fastDa(start, end); // DA:
        if (c0 === 0x42 && c1 === 0x52) {
            const c2 = buf[start + 2];
            if (c2 === 0x44 && buf[start + 3] === 0x41 && buf[start + 4] === 0x3a)
                return fastBrda(start, end); // BRDA:
            if ((c2 === 0x46 || c2 === 0x48) && buf[start + 3] === 0x3a)
                return (sawBranches = true); // BRF: BRH:
            return false;
        }
        if (c0 === 0x4c && (c1 === 0x46 || c1 === 0x48) && buf[start + 2] === 0x3a)
            return true; // LF: LH:
        if (c0 === 0x46 && c1 === 0x4e) {
            const c2 = buf[start + 2];
            if ((c2 === 0x46 || c2 === 0x48) && buf[start + 3] === 0x3a)
                return (sawFunctions = true); // FNF: FNH:
            if (c2 === 0x3a)
                return fastFn(start + 3, end, false); // FN:
            if (c2 === 0x44 && buf[start + 3] === 0x41 && buf[start + 4] === 0x3a)
                return fastFn(start + 5, end, true); // FNDA:
            return false;
        }
        if (c0 === 0x54 && c1 === 0x4e && buf[start + 2] === 0x3a)
            return true; // TN:
        if (c0 === 0x65 && end - start === 13 && buf.toString('latin1', start, end) === 'end_of_record') {
            batch.flush();
            current = undefined;
            return true;
        }
        return false;
    };
    /**
     * Parses the complete lines in buf[0, filled) (and, at EOF, the last unterminated one); returns
     * where the unparsed rest starts. `DA:<line>,<hits>\n`, nearly every line of a tracefile, is decoded
     * and its newline found in one pass over the bytes, with no string, no regex and no call per line;
     * anything else (or a DA with a checksum, a sign, a huge number) finds its newline and goes the
     * general way.
     */
    const scan = (eof) => {
        const b = buf;
        const n = filled;
        // The state the hot path touches lives in locals (closure variables cost a context access
        // each); it is written back before the general path runs and re-read after it.
        let inFile = current !== undefined;
        let ln = lineNo;
        let start = 0;
        while (start < n) {
            ln++;
            if (inFile && b[start] === 0x44 && b[start + 1] === 0x41 && b[start + 2] === 0x3a) {
                let i = start + 3;
                let line = 0;
                let c = b[i];
                while (c >= ZERO && c <= NINE && i - start < 12) {
                    line = line * 10 + (c - ZERO);
                    c = b[++i];
                }
                if (c === COMMA && i > start + 3) {
                    const hitsAt = ++i;
                    let hits = 0;
                    c = b[i];
                    while (c >= ZERO && c <= NINE && i - hitsAt < 15) {
                        hits = hits * 10 + (c - ZERO);
                        c = b[++i];
                    }
                    if (i > hitsAt && (c === NL ? i < n : c === lcov_CR && i + 1 < n && b[i + 1] === NL)) {
                        batch.add(line, hits);
                        start = c === NL ? i + 1 : i + 2;
                        continue;
                    }
                }
            }
            let nl = start;
            while (nl < n && b[nl] !== NL)
                nl++;
            if (nl >= n) {
                if (!eof) {
                    ln--;
                    break;
                }
                nl = n;
            }
            let end = nl;
            if (end > start && b[end - 1] === lcov_CR)
                end--;
            lineNo = ln;
            if (end > start && !fastLine(start, end))
                slowLine(b.toString('utf8', start, end));
            inFile = current !== undefined;
            start = nl + 1;
        }
        lineNo = ln;
        return start < n ? start : n;
    };
    try {
        for (;;) {
            if (filled + SLACK >= buf.length) {
                const bigger = Buffer.allocUnsafe(buf.length * 2);
                buf.copy(bigger, 0, 0, filled);
                buf = bigger;
            }
            // SLACK bytes stay unread at the end: `scan` may look a few bytes past `filled` (it checks them
            // against `filled` after), and a read past the Buffer's end would make V8 deoptimize it.
            const bytesRead = (0,external_node_fs_.readSync)(fd, buf, filled, buf.length - filled - SLACK, null);
            const eof = bytesRead === 0;
            filled += bytesRead;
            const start = scan(eof);
            if (eof)
                break;
            buf.copy(buf, 0, start, filled);
            filled -= start;
        }
        batch.flush();
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    if (records > 0)
        markMeasured(set, 'lines');
    if (sawFunctions)
        markMeasured(set, 'functions');
    if (sawBranches)
        markMeasured(set, 'branches');
    return { files: records };
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/totals.ts

/** Percentage rounded to 2 decimals; an empty metric (nothing to cover) is 100 %. */
function totals_percent(covered, total) {
    return total === 0 ? 100 : Math.round((covered / total) * 10_000) / 100;
}
function value(counter) {
    return { ...counter, pct: totals_percent(counter.covered, counter.total) };
}
function countHits(table) {
    return { covered: table.covered(), total: table.size };
}
/** Item-level counters of one file, for every metric. */
function fileCounters(file) {
    return {
        lines: { covered: file.lines.covered(), total: file.lines.size },
        branches: countHits(file.branches),
        functions: countHits(file.functions),
        statements: countHits(file.statements),
    };
}
/** One file's totals; metrics the file has no items for are null. */
function fileTotals(file) {
    const counters = fileCounters(file);
    const out = {};
    for (const metric of METRICS)
        out[metric] = counters[metric].total > 0 ? value(counters[metric]) : null;
    return out;
}
/**
 * Totals over the set. A metric no input format measures is null (never 0 %). Files known only by
 * their summary (coverage-summary.json) add their counters unless the same file also has item data.
 */
function totals(set) {
    const sum = {
        lines: { covered: 0, total: 0 },
        branches: { covered: 0, total: 0 },
        functions: { covered: 0, total: 0 },
        statements: { covered: 0, total: 0 },
    };
    for (const file of set.files.values()) {
        const counters = fileCounters(file);
        for (const metric of model/* METRICS */.C) {
            sum[metric].covered += counters[metric].covered;
            sum[metric].total += counters[metric].total;
        }
    }
    for (const [path, counters] of set.summaryOnly) {
        if (set.files.has(path))
            continue;
        for (const metric of model/* METRICS */.C) {
            const counter = counters[metric];
            if (!counter)
                continue;
            sum[metric].covered += counter.covered;
            sum[metric].total += counter.total;
        }
    }
    const out = {};
    for (const metric of model/* METRICS */.C)
        out[metric] = set.measured[metric] ? value(sum[metric]) : null;
    return out;
}

;// CONCATENATED MODULE: ./src/stages/test/coverage/index.ts












const PARSERS = {
    lcov: parseLcov,
    cobertura: parseCobertura,
    clover: parseClover,
    jacoco: parseJacoco,
    'istanbul-summary': parseIstanbulSummary,
    'istanbul-final': parseIstanbulFinal,
    go: parseGo,
};
function isCoverageFormat(value) {
    return COVERAGE_FORMATS.includes(value);
}
/**
 * Reads coverage reports (any mix of formats) into one set; files named by several reports merge at
 * line level. A report that is missing, unreadable, corrupt or (unless allowEmpty) empty is a UserError
 * naming it.
 */
async function readCoverage(files, opts) {
    if (files.length === 0 && !opts.allowEmpty) {
        throw new errors/* UserError */.yo('no coverage report given', { input: opts.input });
    }
    const set = emptySet();
    for (const name of files) {
        const report = await openReport(name, opts.cwd, opts.input);
        const format = opts.format ?? (report.size === 0 ? undefined : await formatOf(report, opts.input));
        if (format === undefined) {
            if (opts.allowEmpty)
                continue;
            throw noDataError(report, 'coverage', opts.input);
        }
        const { files: count, roots } = await PARSERS[format](report, set);
        if (count === 0 && !opts.allowEmpty)
            throw noDataError(report, 'coverage', opts.input);
        set.sources.push(roots?.length ? { file: report.display, format, roots } : { file: report.display, format });
    }
    return set;
}

;// CONCATENATED MODULE: ./src/stages/test/results/case-list.ts

const STATUSES = ['passed', 'failed', 'error', 'skipped'];
const STATUS_CODE = { passed: 0, failed: 1, error: 2, skipped: 3 };
/**
 * The test cases of a run, in report order, stored by column: a 50 MB JUnit report has 200 000
 * cases, and an object plus a name string per case was most of the memory a parse took (and most of
 * the garbage collector's work). Here a case costs its name's UTF-8 bytes in one shared buffer and
 * ~25 bytes of typed-array columns; suites, class names and files are indices into tables of the
 * distinct values; messages and details (UTF-8 too, in a second buffer) only for the cases that have
 * them. Nothing per case is left on the JS heap, so the garbage collector's young generation stays
 * small while a big report streams through (on a 57 MB report: 28 MB less peak memory than strings).
 * Reading a case (`at`, iteration) builds a TestCase object on the spot.
 */
class CaseList {
    count = 0;
    status = new Uint8Array(256);
    /** 0: no line. */
    line = new Uint32Array(256);
    /** NaN: no duration. */
    duration = new Float64Array(256);
    suite = new Uint32Array(256);
    /** Index + 1 into `classnames` / `files`; 0: none. */
    classname = new Uint32Array(256);
    file = new Uint32Array(256);
    /** Case i's name is names[nameAt[i], nameAt[i + 1]). */
    nameAt = new Uint32Array(257);
    names = Buffer.alloc(16 * 1024);
    suites = [[]];
    suiteByKey = new Map([['[]', 0]]);
    lastSuite = 0;
    classnames = new Table();
    files = new Table();
    /** Case → its slot in `extra`, for cases with a message, details or a flaky mark. */
    extraOf = new Map();
    /** Per slot: message start, end, details start, end (-1: none), flaky (0 unset, 1 false, 2 true). */
    extra = new Float64Array(5 * 64);
    texts = Buffer.alloc(16 * 1024);
    textsUsed = 0;
    get length() {
        return this.count;
    }
    push(testCase) {
        const i = this.count;
        if (i + 1 >= this.status.length)
            this.grow();
        this.status[i] = STATUS_CODE[testCase.status];
        this.line[i] = testCase.line !== undefined && testCase.line > 0 && testCase.line <= 0xffff_ffff ? testCase.line : 0;
        this.duration[i] = testCase.durationMs ?? NaN;
        // Consecutive cases nearly always share a suite: compared with the last one first, then looked up.
        let suite = this.lastSuite;
        if (!sameSuite(testCase.suite, this.suites[suite])) {
            const key = JSON.stringify(testCase.suite);
            suite = this.suiteByKey.get(key) ?? this.suites.push([...testCase.suite]) - 1;
            this.suiteByKey.set(key, suite);
            this.lastSuite = suite;
        }
        this.suite[i] = suite;
        this.classname[i] = testCase.classname === undefined ? 0 : this.classnames.index(testCase.classname) + 1;
        this.file[i] = testCase.file === undefined ? 0 : this.files.index(testCase.file) + 1;
        const start = this.nameAt[i];
        const room = start + testCase.name.length * 3;
        if (room > this.names.length) {
            const bigger = Buffer.alloc(Math.max(this.names.length * 2, room));
            this.names.copy(bigger, 0, 0, start);
            this.names = bigger;
        }
        this.nameAt[i + 1] = start + utf8Write(this.names, testCase.name, start);
        if (testCase.message !== undefined || testCase.details !== undefined || testCase.flaky !== undefined) {
            const slot = this.extraOf.size;
            if ((slot + 1) * 5 > this.extra.length) {
                const bigger = new Float64Array(this.extra.length * 2);
                bigger.set(this.extra);
                this.extra = bigger;
            }
            const e = slot * 5;
            [this.extra[e], this.extra[e + 1]] = this.storeText(testCase.message);
            [this.extra[e + 2], this.extra[e + 3]] = this.storeText(testCase.details);
            this.extra[e + 4] = testCase.flaky === undefined ? 0 : testCase.flaky ? 2 : 1;
            this.extraOf.set(i, slot);
        }
        this.count++;
    }
    pushAll(cases) {
        for (const testCase of cases)
            this.push(testCase);
    }
    at(i) {
        const out = {
            suite: [...this.suites[this.suite[i]]],
            name: this.names.toString('utf8', this.nameAt[i], this.nameAt[i + 1]),
            status: STATUSES[this.status[i]],
        };
        if (this.classname[i] !== 0)
            out.classname = this.classnames.values[this.classname[i] - 1];
        if (this.file[i] !== 0)
            out.file = this.files.values[this.file[i] - 1];
        if (this.line[i] !== 0)
            out.line = this.line[i];
        if (!Number.isNaN(this.duration[i]))
            out.durationMs = this.duration[i];
        const slot = this.extraOf.get(i);
        if (slot !== undefined) {
            const e = slot * 5;
            const flaky = this.extra[e + 4];
            if (flaky !== 0)
                out.flaky = flaky === 2;
            if (this.extra[e] >= 0)
                out.message = this.texts.toString('utf8', this.extra[e], this.extra[e + 1]);
            if (this.extra[e + 2] >= 0)
                out.details = this.texts.toString('utf8', this.extra[e + 2], this.extra[e + 3]);
        }
        return out;
    }
    *[Symbol.iterator]() {
        for (let i = 0; i < this.count; i++)
            yield this.at(i);
    }
    toArray() {
        return [...this];
    }
    /** The failed and errored cases, in report order. */
    failures() {
        const out = [];
        for (let i = 0; i < this.count; i++)
            if (this.status[i] === 1 || this.status[i] === 2)
                out.push(this.at(i));
        return out;
    }
    totals() {
        const totals = { total: this.count, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
        for (let i = 0; i < this.count; i++) {
            const status = this.status[i];
            if (status === 0)
                totals.passed++;
            else if (status === 1)
                totals.failed++;
            else if (status === 2)
                totals.errors++;
            else
                totals.skipped++;
        }
        for (const slot of this.extraOf.values())
            if (this.extra[slot * 5 + 4] === 2)
                totals.flaky++;
        return totals;
    }
    /** Rewrites every case's file (each distinct file once); cases that name the same file after it share it. */
    rewriteFiles(rewrite) {
        const rewritten = new Table();
        const moved = this.files.values.map((file) => rewritten.index(rewrite(file)) + 1);
        for (let i = 0; i < this.count; i++)
            if (this.file[i] !== 0)
                this.file[i] = moved[this.file[i] - 1];
        this.files = rewritten;
    }
    /** Appends `text` to the texts buffer; [-1, -1] for none. */
    storeText(text) {
        if (text === undefined)
            return [-1, -1];
        const start = this.textsUsed;
        const room = start + text.length * 3;
        if (room > this.texts.length) {
            const bigger = Buffer.alloc(Math.max(this.texts.length * 2, room));
            this.texts.copy(bigger, 0, 0, start);
            this.texts = bigger;
        }
        this.textsUsed += utf8Write(this.texts, text, start);
        return [start, this.textsUsed];
    }
    grow() {
        const length = this.status.length * 2;
        const wider = (from, make) => {
            const to = make(length);
            to.set(from);
            return to;
        };
        this.status = wider(this.status, (n) => new Uint8Array(n));
        this.line = wider(this.line, (n) => new Uint32Array(n));
        this.duration = wider(this.duration, (n) => new Float64Array(n));
        this.suite = wider(this.suite, (n) => new Uint32Array(n));
        this.classname = wider(this.classname, (n) => new Uint32Array(n));
        this.file = wider(this.file, (n) => new Uint32Array(n));
        const nameAt = new Uint32Array(length + 1);
        nameAt.set(this.nameAt);
        this.nameAt = nameAt;
    }
}
function sameSuite(a, b) {
    return a.length === b.length && a.every((name, i) => name === b[i]);
}
/** Distinct strings and their indices. */
class Table {
    values = [];
    indices = new Map();
    index(value) {
        let i = this.indices.get(value);
        if (i === undefined) {
            i = this.values.push(value) - 1;
            this.indices.set(value, i);
        }
        return i;
    }
}

;// CONCATENATED MODULE: ./src/stages/test/results/junit.ts
/** Failure text beyond this is cut: a 10 MB stack trace helps nobody and would cost memory. */
const DETAILS_LIMIT = 64 * 1024;
/**
 * A lookup table keyed by names from the report, without a prototype: an element or attribute value
 * named `constructor` or `toString` must find nothing, not an Object method.
 */
function nameTable(entries) {
    return Object.freeze(Object.assign(Object.create(null), entries));
}
const CHILD_STATUS = nameTable({ failure: 'failed', error: 'error', skipped: 'skipped' });
const FLAKY = new Set(['flakyFailure', 'flakyError']);
const RERUN = new Set(['rerunFailure', 'rerunError']);
/** The first non-blank line, trimmed (found without splitting a long stack trace into lines). */
function firstLine(text) {
    if (text === undefined)
        return undefined;
    for (let start = 0; start < text.length;) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        const line = text.slice(start, end).trim();
        if (line !== '')
            return line.slice(0, 1000);
        start = end + 1;
    }
    return undefined;
}
function seconds(value) {
    if (value === undefined)
        return undefined;
    // Some writers group thousands ("1,234.5"); most write plain numbers, which skip the regex.
    const n = Number(value.includes(',') ? value.replace(/,/g, '') : value);
    return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : undefined;
}
/**
 * JUnit XML in its dialects: Surefire (with `flakyFailure`/`rerunFailure` reruns), jest-junit, vitest,
 * pytest, PHPUnit (suites nested in suites, `file`/`line` attributes), go-junit-report, xunit-style
 * `status="disabled"`, catch2, nextest. Every `<testcase>` at any depth becomes one TestCase; the names
 * of all enclosing suites are kept, outermost first.
 */
function junitHandler(cases) {
    /** Per open suite: the path of names down to it and the nearest `file`, computed once per suite, shared by its cases. */
    const suites = [];
    /**
     * The case being read. One object serves every case: the sink copies what it needs (a CaseList
     * stores by column), so a 200 000-case report does not make 200 000 objects for the GC.
     */
    const row = { suite: [], name: '', status: 'passed' };
    let inCase = false;
    /** Whether a failure/error/skipped child has decided the status. */
    let sawOutcome = false;
    /** The element whose text is being collected (failure, error, skipped) and that text. */
    let capture;
    return {
        open(name, attrs, ctx) {
            if (name === 'testsuite') {
                const parent = suites[suites.length - 1];
                const own = attrs.get('name') ?? '';
                const file = attrs.getShared('file') ?? attrs.getShared('filepath') ?? parent?.file;
                suites.push({ path: own ? [...(parent?.path ?? []), own] : (parent?.path ?? []), file });
                return;
            }
            if (name === 'testcase') {
                if (inCase)
                    ctx.fail('<testcase> inside another <testcase>');
                const suite = suites[suites.length - 1];
                // Class names and files repeat from case to case: getShared makes each string once.
                const file = attrs.getShared('file') ?? attrs.getShared('filepath') ?? suite?.file;
                const lineDigits = attrs.digits('line');
                const line = lineDigits >= 0 ? lineDigits : Number(attrs.get('line'));
                const status = attrs.get('status')?.toLowerCase();
                const time = attrs.decimal('time');
                row.suite = suite?.path ?? [];
                row.name = attrs.get('name') ?? '';
                row.status = status === 'disabled' || status === 'skipped' || status === 'notrun' ? 'skipped' : 'passed';
                row.classname = attrs.getShared('classname') || undefined;
                row.file = file || undefined;
                row.line = Number.isInteger(line) && line > 0 ? line : undefined;
                row.durationMs = Number.isNaN(time) ? seconds(attrs.get('time')) : Math.round(time * 1000);
                row.flaky = undefined;
                row.message = undefined;
                row.details = undefined;
                inCase = true;
                sawOutcome = false;
                capture = undefined;
                return;
            }
            if (!inCase)
                return;
            const status = CHILD_STATUS[name];
            if (status) {
                // The first failure/error decides; a later <skipped> never hides a failure.
                if (!sawOutcome || (row.status === 'skipped' && status !== 'skipped')) {
                    row.status = status;
                    sawOutcome = true;
                    capture = { status, message: attrs.get('message'), text: '' };
                }
            }
            else if (FLAKY.has(name)) {
                row.flaky = true;
            }
            else if (RERUN.has(name)) {
                row.flaky = false;
            }
        },
        close(name) {
            if (name === 'testsuite') {
                suites.pop();
            }
            else if (name === 'testcase' && inCase) {
                // Surefire: flakyFailure without a final failure = passed on a rerun; with one, it simply failed.
                if (row.status !== 'passed')
                    row.flaky = undefined;
                cases.push(row);
                inCase = false;
            }
            else if (capture && CHILD_STATUS[name] === capture.status) {
                const { message, text } = capture;
                const details = text.trim();
                const first = firstLine(message) ?? firstLine(details);
                if (first !== undefined)
                    row.message = first;
                if (details)
                    row.details = details;
                else if (message && message.trim() !== first)
                    row.details = message.trim();
                capture.status = 'passed';
            }
        },
        text(text) {
            if (capture && capture.status !== 'passed' && capture.text.length < DETAILS_LIMIT) {
                capture.text += text.slice(0, DETAILS_LIMIT - capture.text.length);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/stages/test/results/dotnet.ts


const TRX_STATUS = nameTable({
    passed: 'passed',
    passedbutrunaborted: 'passed',
    warning: 'passed',
    failed: 'failed',
    timeout: 'failed',
    aborted: 'failed',
    error: 'error',
});
const NUNIT_STATUS = nameTable({
    passed: 'passed',
    success: 'passed',
    failed: 'failed',
    failure: 'failed',
    error: 'error',
});
function timeSpanMs(value) {
    const m = value ? /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value) : null;
    if (!m)
        return undefined;
    return Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000);
}
/**
 * Visual Studio TRX. Results come before the test definitions in the file, so each result keeps its
 * testId and gets its class name when the definitions have been read (`finish`).
 */
function trxHandler(sink) {
    // Held until the end: the class of each result comes from the <TestDefinitions> after it.
    const cases = [];
    const classOf = new Map();
    const ids = [];
    let current;
    let definition;
    let field;
    let message = '';
    let stack = '';
    return {
        open(name, attrs) {
            if (name === 'UnitTestResult') {
                const outcome = (attrs.get('outcome') ?? '').toLowerCase();
                current = { suite: [], name: attrs.get('testName') ?? '', status: TRX_STATUS[outcome] ?? 'skipped' };
                const duration = timeSpanMs(attrs.get('duration'));
                if (duration !== undefined)
                    current.durationMs = duration;
                ids.push(attrs.get('testId'));
                message = '';
                stack = '';
            }
            else if (current && (name === 'Message' || name === 'StackTrace')) {
                field = name;
            }
            else if (name === 'UnitTest') {
                definition = attrs.get('id');
            }
            else if (name === 'TestMethod' && definition && attrs.get('className')) {
                classOf.set(definition, attrs.get('className'));
            }
        },
        close(name) {
            if (name === 'UnitTestResult' && current) {
                const first = firstLine(message);
                if (first !== undefined && current.status !== 'passed')
                    current.message = detach(first);
                const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
                if (details && current.status !== 'passed')
                    current.details = detach(details);
                cases.push(current);
                current = undefined;
            }
            else if (name === 'Message' || name === 'StackTrace') {
                field = undefined;
            }
            else if (name === 'UnitTest') {
                definition = undefined;
            }
        },
        text(text) {
            if (field === 'Message' && message.length < DETAILS_LIMIT)
                message += text;
            else if (field === 'StackTrace' && stack.length < DETAILS_LIMIT)
                stack += text;
        },
        finish() {
            cases.forEach((testCase, i) => {
                const className = classOf.get(ids[i] ?? '');
                if (className) {
                    testCase.classname = className;
                    testCase.suite = [className];
                }
                sink.push(testCase);
            });
        },
    };
}
/** NUnit 2 (`test-results`) and NUnit 3 (`test-run`): `<test-case>` inside nested `<test-suite>`s. */
function nunitHandler(cases) {
    const suites = [];
    let current;
    let field;
    let message = '';
    let stack = '';
    return {
        open(name, attrs) {
            if (name === 'test-suite') {
                suites.push(attrs.get('name') ?? '');
            }
            else if (name === 'test-case') {
                const result = (attrs.get('result') ?? '').toLowerCase();
                const label = (attrs.get('label') ?? '').toLowerCase();
                let status = NUNIT_STATUS[result] ?? 'skipped';
                if (status === 'failed' && label === 'error')
                    status = 'error';
                if (attrs.get('executed') === 'False')
                    status = 'skipped';
                current = { suite: suites.filter(Boolean), name: attrs.get('name') ?? '', status };
                const className = attrs.get('classname') ?? attrs.get('fullname')?.replace(/\.[^.]*$/, '');
                if (className)
                    current.classname = className;
                const seconds = Number(attrs.get('duration') ?? attrs.get('time'));
                if ((attrs.get('duration') ?? attrs.get('time')) !== undefined && Number.isFinite(seconds)) {
                    current.durationMs = Math.round(seconds * 1000);
                }
                message = '';
                stack = '';
            }
            else if (current && (name === 'message' || name === 'stack-trace')) {
                field = name;
            }
        },
        close(name) {
            if (name === 'test-suite') {
                suites.pop();
            }
            else if (name === 'test-case' && current) {
                const first = firstLine(message);
                if (first !== undefined)
                    current.message = detach(first);
                const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
                if (details)
                    current.details = detach(details);
                cases.push(current);
                current = undefined;
            }
            else if (name === 'message' || name === 'stack-trace') {
                field = undefined;
            }
        },
        text(text) {
            if (field === 'message' && message.length < DETAILS_LIMIT)
                message += text;
            else if (field === 'stack-trace' && stack.length < DETAILS_LIMIT)
                stack += text;
        },
    };
}

;// CONCATENATED MODULE: ./src/stages/test/results/index.ts





/**
 * Picks the dialect from the root element: JUnit (`testsuites`/`testsuite`), TRX (`TestRun`),
 * NUnit (`test-run`/`test-results`). Anything else is not a test report.
 */
function dialect(cases, display) {
    let inner;
    return {
        open(name, attrs, ctx) {
            if (!inner) {
                if (name === 'testsuites' || name === 'testsuite')
                    inner = junitHandler(cases);
                else if (name === 'TestRun')
                    inner = trxHandler(cases);
                else if (name === 'test-run' || name === 'test-results')
                    inner = nunitHandler(cases);
                else
                    ctx.fail(`${display} is not a test report: root element <${name}> is not JUnit, TRX or NUnit`);
            }
            inner.open(name, attrs, ctx);
        },
        close(name, ctx) {
            inner?.close?.(name, ctx);
        },
        text(text) {
            inner?.text?.(text);
        },
        finish() {
            inner?.finish?.();
        },
    };
}
/** Reads JUnit XML (every dialect), TRX and NUnit reports into one TestResults. */
async function readTestResults(files, opts) {
    const results = { sources: [], cases: new CaseList() };
    for (const name of files) {
        const report = await openReport(name, opts.cwd, opts.input);
        if (report.size > 0) {
            const handler = dialect(results.cases, report.display);
            await streamXml(report, handler);
            handler.finish?.();
        }
        if (report.size === 0 && !opts.allowEmpty)
            throw noDataError(report, 'test result', opts.input);
        results.sources.push(report.display);
    }
    return results;
}
function testTotals(results) {
    return results.cases.totals();
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/stages/test/detect.ts




const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Where detected runs write reports that their tool has no default file for. */
const DETECT_DIR = '.shipkit/test';
/**
 * Usual report locations, one group per tool. Within a group the first file found wins: istanbul
 * writes the same data as lcov.info and coverage-final.json, and reading both would count it twice.
 */
const COVERAGE_LOCATIONS = [
    [
        'coverage/lcov.info',
        'coverage/coverage-final.json',
        'coverage/cobertura-coverage.xml',
        'coverage/clover.xml',
        'coverage/coverage-summary.json',
    ],
    ['lcov.info'],
    ['coverage.xml'],
    [`${DETECT_DIR}/cover.out`, 'cover.out', 'coverage.out'],
    ['target/site/jacoco/jacoco.xml', 'build/reports/jacoco/test/jacocoTestReport.xml'],
];
const TEST_RESULT_LOCATIONS = [
    `${DETECT_DIR}/*.xml`,
    'junit.xml',
    'test-results.xml',
    'report.xml',
    'reports/junit.xml',
    'test-results/**/*.xml',
    'target/surefire-reports/TEST-*.xml',
    'build/test-results/test/*.xml',
];
async function exists(p) {
    try {
        await (0,promises_.stat)(p);
        return true;
    }
    catch {
        return false;
    }
}
async function readText(p) {
    try {
        return await (0,promises_.readFile)(p, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** npm's placeholder `test` script, which only fails. */
const NPM_PLACEHOLDER = /no test specified/;
async function packageRunner(cwd) {
    if (await exists(external_node_path_default().join(cwd, 'pnpm-lock.yaml')))
        return 'pnpm';
    if (await exists(external_node_path_default().join(cwd, 'yarn.lock')))
        return 'yarn';
    return 'npm';
}
async function pythonHas(module, cwd) {
    try {
        await run('python3', ['-c', `import ${module}`], { cwd, timeout: 20_000 });
        return true;
    }
    catch {
        return false;
    }
}
/** What a repository runs for lint and tests, judged from its package.json, Python and Go files. */
async function detectCommands(cwd) {
    const out = { lint: [], test: [], reasons: [] };
    const pkgText = await readText(external_node_path_default().join(cwd, 'package.json'));
    if (pkgText !== undefined) {
        let scripts = {};
        try {
            const pkg = JSON.parse(pkgText);
            scripts = pkg.scripts ?? {};
        }
        catch {
            // A broken package.json is the package manager's to report; detect nothing from it.
        }
        const runner = await packageRunner(cwd);
        if (typeof scripts.lint === 'string') {
            out.lint.push(`${runner} run lint`);
            out.reasons.push('package.json has a lint script');
        }
        if (typeof scripts.test === 'string' && !NPM_PLACEHOLDER.test(scripts.test)) {
            out.test.push(`${runner} test`);
            out.reasons.push('package.json has a test script');
        }
    }
    const pyproject = (await readText(external_node_path_default().join(cwd, 'pyproject.toml'))) ?? '';
    const setupCfg = (await readText(external_node_path_default().join(cwd, 'setup.cfg'))) ?? '';
    const pytest = pyproject.includes('[tool.pytest') ||
        setupCfg.includes('[tool:pytest]') ||
        (await exists(external_node_path_default().join(cwd, 'pytest.ini'))) ||
        (await exists(external_node_path_default().join(cwd, 'conftest.py')));
    if (pytest) {
        const cov = (await pythonHas('pytest_cov', cwd)) ? ' --cov --cov-report=xml:coverage.xml' : '';
        out.test.push(`mkdir -p ${DETECT_DIR} && python3 -m pytest --junitxml=${DETECT_DIR}/pytest-junit.xml${cov}`);
        out.reasons.push('pytest configuration found');
    }
    if (await exists(external_node_path_default().join(cwd, 'go.mod'))) {
        out.test.push(`mkdir -p ${DETECT_DIR} && go test -coverprofile=${DETECT_DIR}/cover.out ./...`);
        out.reasons.push('go.mod found');
    }
    return out;
}
/** Existing coverage reports in the usual places (the first of each group). */
async function detectCoverageFiles(cwd) {
    const found = [];
    for (const group of COVERAGE_LOCATIONS) {
        for (const rel of group) {
            if (await exists(external_node_path_default().join(cwd, rel))) {
                found.push(rel);
                break;
            }
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./src/stages/test/summarize.ts


/** Percentage rounded to 2 decimals; 100 when there is nothing to cover. */
function pct(c) {
    return c.total === 0 ? 100 : Math.round((c.covered / c.total) * 10_000) / 100;
}
function metricValue(c) {
    return { covered: c.covered, total: c.total, pct: pct(c) };
}
/** Whether `c` reaches `requiredPct`, on the exact ratio (a rounded 80.00 from 79.996 does not pass 80). */
function meets(c, requiredPct) {
    return c.total === 0 || c.covered * 100 >= requiredPct * c.total;
}
/**
 * Totals (computed by the parsers' own rules, so they match the tools' summaries) and per-file
 * metrics. A metric no input measures is null everywhere, not 0 %.
 */
function summarize(set) {
    const value = (m, c) => set.measured[m] ? metricValue(c ?? { covered: 0, total: 0 }) : null;
    const fileSummary = (path, c) => ({
        path,
        lines: value('lines', c.lines),
        branches: value('branches', c.branches),
        functions: value('functions', c.functions),
        statements: value('statements', c.statements),
    });
    const files = [];
    for (const [p, file] of set.files) {
        files.push(fileSummary(p, fileCounters(file)));
    }
    for (const [p, c] of set.summaryOnly) {
        // Item-level data wins over a summary of the same file, as in the totals.
        if (set.files.has(p))
            continue;
        files.push(fileSummary(p, c));
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { totals: totals(set), files };
}
/** Sum of several files' counters for one metric (for per-path thresholds); null when unmeasured. */
function sumFiles(files, metric) {
    let covered = 0;
    let total = 0;
    let any = false;
    for (const f of files) {
        const v = f[metric];
        if (v) {
            any = true;
            covered += v.covered;
            total += v.total;
        }
    }
    return any ? metricValue({ covered, total }) : null;
}

;// CONCATENATED MODULE: ./src/stages/test/diff/diff-coverage.ts

/**
 * Coverage of the changed lines that are executable (known to the coverage report). Changed
 * files the report does not know (docs, config) have no executable lines and do not count.
 */
function diffCoverage(set, changed) {
    const files = [];
    let covered = 0;
    let total = 0;
    for (const [p, lines] of changed) {
        const file = set.files.get(p);
        if (!file)
            continue;
        const executable = [...lines].filter((l) => file.lines.has(l)).sort((a, b) => a - b);
        if (executable.length === 0)
            continue;
        const missed = executable.filter((l) => (file.lines.get(l) ?? 0) === 0);
        const c = executable.length - missed.length;
        covered += c;
        total += executable.length;
        files.push({
            path: p,
            covered: c,
            total: executable.length,
            pct: pct({ covered: c, total: executable.length }),
            uncovered: toRanges(missed, file.lines),
        });
    }
    files.sort((a, b) => a.pct - b.pct || (a.path < b.path ? -1 : 1));
    return { covered, total, pct: pct({ covered, total }), files };
}
/** Groups sorted lines into ranges; a gap of non-executable lines (blanks, comments) does not split a range. */
function toRanges(sorted, executable) {
    const out = [];
    for (const line of sorted) {
        const last = out.at(-1);
        if (last) {
            let contiguous = true;
            for (let l = last.end + 1; l < line; l++) {
                if (executable.has(l)) {
                    contiguous = false;
                    break;
                }
            }
            if (contiguous) {
                last.end = line;
                continue;
            }
        }
        out.push({ start: line, end: line });
    }
    return out;
}
function formatRanges(ranges, max = Infinity) {
    const shown = ranges.slice(0, max).map((r) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`));
    if (ranges.length > max)
        shown.push(`… ${ranges.length - max} more`);
    return shown.join(', ');
}

;// CONCATENATED MODULE: ./src/stages/test/diff/hunks.ts
const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Added lines of one file's hunks (a PR files API `patch`, or the hunks of `git diff`). Counting
 * the old and new sides of each hunk tells content starting with `+++` from a file header.
 */
function addedLines(patch, into = new Set()) {
    const lines = patch.split('\n');
    let oldLeft = 0;
    let newLeft = 0;
    let next = 0;
    for (const raw of lines) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (oldLeft > 0 || newLeft > 0) {
            const c = line[0];
            if (c === '+') {
                into.add(next++);
                newLeft--;
            }
            else if (c === '-') {
                oldLeft--;
            }
            else if (c === ' ' || line === '') {
                next++;
                oldLeft--;
                newLeft--;
            }
            // `\ No newline at end of file` belongs to neither side.
            continue;
        }
        const m = HUNK.exec(line);
        if (m) {
            oldLeft = m[1] === undefined ? 1 : Number(m[1]);
            next = Number(m[2]);
            newLeft = m[3] === undefined ? 1 : Number(m[3]);
        }
    }
    return into;
}
/** Git's quoting of unusual paths: `"a\tb\"c"` with C escapes (octal for bytes). */
function unquoteGitPath(p) {
    if (!p.startsWith('"') || !p.endsWith('"'))
        return p;
    const body = p.slice(1, -1);
    const bytes = [];
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let i = 0; i < body.length; i++) {
        const ch = body[i] ?? '';
        if (ch === '\\' && i + 1 < body.length) {
            const nx = body[i + 1] ?? '';
            if (/[0-7]/.test(nx)) {
                bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
                i += 3;
                continue;
            }
            bytes.push(simple[nx] ?? nx.charCodeAt(0));
            i++;
            continue;
        }
        bytes.push(...Buffer.from(ch, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
}
/** Parses `git diff` output into the added lines of every file that still exists. */
function parseGitDiff(text) {
    const out = new Map();
    const chunks = text.split(/^diff --git /m).slice(1);
    for (const chunk of chunks) {
        const header = /^\+\+\+ (.+)$/m.exec(chunk);
        if (!header?.[1])
            continue;
        const target = unquoteGitPath(header[1].replace(/\t$/, ''));
        if (target === '/dev/null')
            continue;
        const file = target.startsWith('b/') ? target.slice(2) : target;
        const hunksAt = chunk.search(/^@@ /m);
        if (hunksAt < 0)
            continue;
        const lines = addedLines(chunk.slice(hunksAt));
        if (lines.size > 0)
            out.set(file, lines);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stages/test/diff/git-diff.ts



const git_diff_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Deepening rounds of a shallow checkout before giving up on local git (then the API is asked). */
const DEEPEN_STEPS = [50, 200, 1000];
async function git(root, args, signal) {
    const { stdout } = await git_diff_run('git', args, { cwd: root, maxBuffer: 1024 * 1024 * 1024, signal });
    return stdout;
}
async function tryGit(root, args, signal) {
    try {
        return (await git(root, args, signal)).trim();
    }
    catch {
        return undefined;
    }
}
async function resolveCommit(root, refs, signal) {
    for (const ref of refs) {
        const sha = await tryGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], signal);
        if (sha)
            return sha;
    }
    return undefined;
}
function baseRefs(base, baseSha) {
    const refs = [`refs/remotes/origin/${base}`, base];
    if (baseSha)
        refs.push(baseSha);
    return refs;
}
/**
 * Lines changed since the merge base with `base`, from local git. A shallow CI checkout lacks the
 * base branch and the history down to the merge base: fetch the base, then deepen a few times.
 */
async function changedLinesFromGit(options) {
    const { root, base, baseSha, logger, signal } = options;
    const hasOrigin = (await tryGit(root, ['remote'], signal))?.split('\n').includes('origin') ?? false;
    let baseCommit = await resolveCommit(root, baseRefs(base, baseSha), signal);
    if (!baseCommit && hasOrigin) {
        logger.info(`Fetching base branch '${base}' from origin`);
        await tryGit(root, [
            'fetch',
            '--no-tags',
            '--no-recurse-submodules',
            '--depth=1',
            'origin',
            `+refs/heads/${base}:refs/remotes/origin/${base}`,
        ], signal);
        if (baseSha)
            await tryGit(root, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', baseSha], signal);
        baseCommit = await resolveCommit(root, baseRefs(base, baseSha), signal);
    }
    if (!baseCommit)
        return {
            ok: false,
            reason: `base '${base}' is not a branch or commit of this checkout${hasOrigin ? ' or of origin' : ''}`,
        };
    let mergeBase = await tryGit(root, ['merge-base', baseCommit, 'HEAD'], signal);
    for (const depth of DEEPEN_STEPS) {
        if (mergeBase || !hasOrigin)
            break;
        if ((await tryGit(root, ['rev-parse', '--is-shallow-repository'], signal)) !== 'true')
            break;
        logger.info(`Shallow checkout: deepening by ${depth} commits to find the merge base with '${base}'`);
        await tryGit(root, [
            'fetch',
            '--no-tags',
            '--no-recurse-submodules',
            `--deepen=${depth}`,
            'origin',
            `+refs/heads/${base}:refs/remotes/origin/${base}`,
            'HEAD',
        ], signal);
        mergeBase = await tryGit(root, ['merge-base', baseCommit, 'HEAD'], signal);
    }
    if (!mergeBase)
        return { ok: false, reason: `no merge base between HEAD and '${base}' in the local history` };
    // Against the working tree, not HEAD: on a laptop uncommitted edits count; in CI they are the same.
    const text = await git(root, [
        '-c',
        'core.quotePath=false',
        'diff',
        '--no-color',
        '--no-ext-diff',
        '--unified=0',
        '--find-renames',
        mergeBase,
        '--',
    ], signal);
    return { ok: true, lines: parseGitDiff(text), mergeBase };
}

;// CONCATENATED MODULE: ./src/stages/test/diff/pr-files.ts

/** The PR files API lists at most this many files; a bigger PR cannot be measured through it. */
const PR_FILES_API_LIMIT = 3000;
/** Changed lines from `GET /repos/{owner}/{repo}/pulls/{n}/files`, every page. */
async function changedLinesFromApi(github, pullNumber) {
    const files = await github.octokit.paginate(github.octokit.rest.pulls.listFiles, {
        owner: github.owner,
        repo: github.repo,
        pull_number: pullNumber,
        per_page: 100,
    });
    const lines = new Map();
    const withoutPatch = [];
    for (const f of files) {
        if (f.status === 'removed')
            continue;
        if (f.patch === undefined || f.patch === '') {
            if (f.changes > 0)
                withoutPatch.push(f.filename);
            continue;
        }
        const added = addedLines(f.patch);
        if (added.size > 0)
            lines.set(f.filename, added);
    }
    return { lines, withoutPatch, truncated: files.length >= PR_FILES_API_LIMIT };
}

;// CONCATENATED MODULE: ./src/stages/test/diff/changed-lines.ts




/**
 * Diff coverage of `set`: changed lines from local git, or (when git cannot tell, e.g. the base
 * cannot be fetched) from the PR files API. Unknown changed lines make it unavailable, never 100 %.
 */
async function measureDiff(set, req, ctx) {
    if (req.base === undefined)
        return { kind: 'not-applicable', reason: 'not a pull request, and no base given' };
    if (!set)
        return { kind: 'unavailable', reason: 'no coverage data' };
    const git = await changedLinesFromGit({
        root: req.root,
        base: req.base,
        baseSha: req.baseSha,
        logger: ctx.logger,
        signal: ctx.signal,
    });
    if (git.ok)
        return { kind: 'measured', coverage: diffCoverage(set, git.lines), source: 'git', notes: [] };
    ctx.logger.info(`Changed lines from git: ${git.reason}`);
    if (!ctx.github || req.pullNumber === undefined)
        return { kind: 'unavailable', reason: git.reason };
    ctx.logger.info(`Asking the GitHub API for the files of pull request #${req.pullNumber}`);
    try {
        const api = await changedLinesFromApi(ctx.github, req.pullNumber);
        if (api.truncated)
            return { kind: 'unavailable', reason: `${git.reason}; and the pull request has more files than the API lists` };
        const unknown = api.withoutPatch.filter((f) => set.files.has(f));
        if (unknown.length > 0)
            return { kind: 'unavailable', reason: `${git.reason}; and the API gives no patch for ${unknown.join(', ')}` };
        const notes = [`Changed lines came from the GitHub API: ${git.reason}.`];
        return { kind: 'measured', coverage: diffCoverage(set, api.lines), source: 'api', notes };
    }
    catch (error) {
        return { kind: 'unavailable', reason: `${git.reason}; the GitHub API failed too: ${(0,errors/* errorMessage */.gJ)(error)}` };
    }
}

// EXTERNAL MODULE: ./src/core/github/context-from-env.ts
var context_from_env = __webpack_require__(4239);
;// CONCATENATED MODULE: ./src/stages/test/event.ts



const event_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
async function eventInfo(ctx) {
    const event = ctx.github?.event ?? (0,context_from_env/* readEventPayload */.N5)(ctx.env);
    const eventName = ctx.github?.eventName ?? ctx.env.GITHUB_EVENT_NAME ?? '';
    const info = { eventName };
    const repo = event.repository;
    const defaultBranch = str(repo?.default_branch);
    if (defaultBranch)
        info.defaultBranch = defaultBranch;
    const ref = str(ctx.env.GITHUB_REF) ?? str(event.ref);
    if (eventName === 'push' && ref?.startsWith('refs/heads/'))
        info.pushBranch = ref.slice('refs/heads/'.length);
    const pr = event.pull_request;
    if (pr && typeof pr.number === 'number' && str(pr.base?.ref)) {
        info.pr = { number: pr.number, baseRef: str(pr.base?.ref) ?? '' };
        const baseSha = str(pr.base?.sha);
        if (baseSha)
            info.pr.baseSha = baseSha;
    }
    let sha = str(ctx.env.GITHUB_SHA) ?? str(event.after);
    if (!sha) {
        try {
            sha = (await event_run('git', ['rev-parse', 'HEAD'], { cwd: ctx.cwd })).stdout.trim() || undefined;
        }
        catch {
            sha = undefined;
        }
    }
    if (sha)
        info.sha = sha;
    return info;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/stages/test/find-files.ts



/** A glob walk stops after this many directory entries: report globs are narrow; a runaway one is a mistake. */
const MAX_ENTRIES = 500_000;
const ALWAYS_SKIPPED = ['.git', 'node_modules'];
async function find_files_isFile(p) {
    try {
        return (await (0,promises_.stat)(p)).isFile();
    }
    catch {
        return false;
    }
}
/**
 * Report files named by paths or globs (picomatch syntax), relative to `cwd`. Reports are usually
 * git-ignored, so this walks the file system instead of asking git.
 */
async function expandPatterns(patterns, cwd) {
    const files = [];
    const empty = [];
    for (const pattern of patterns) {
        const found = await expandOne(pattern.replace(/\\/g, '/'), cwd);
        if (found.length === 0)
            empty.push(pattern);
        for (const f of found)
            if (!files.includes(f))
                files.push(f);
    }
    return { files, empty };
}
async function expandOne(pattern, cwd) {
    const scan = picomatch_default().scan(pattern);
    if (!scan.isGlob) {
        const p = external_node_path_default().resolve(cwd, pattern);
        return (await find_files_isFile(p)) ? [p] : [];
    }
    const baseDir = external_node_path_default().resolve(cwd, scan.base === '' ? '.' : scan.base);
    const matcher = picomatch_default()(scan.glob, { dot: true });
    const skip = ALWAYS_SKIPPED.filter((d) => !pattern.includes(d));
    const out = [];
    const pending = [''];
    let seen = 0;
    while (pending.length > 0 && seen < MAX_ENTRIES) {
        const rel = pending.pop() ?? '';
        let entries;
        try {
            entries = await (0,promises_.readdir)(external_node_path_default().join(baseDir, rel), { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of entries) {
            seen++;
            const child = rel === '' ? e.name : `${rel}/${e.name}`;
            if (e.isDirectory()) {
                if (!skip.includes(e.name))
                    pending.push(child);
            }
            else if (e.isFile() && matcher(child)) {
                out.push(external_node_path_default().join(baseDir, child));
            }
        }
    }
    return out.sort();
}

;// CONCATENATED MODULE: ./src/stages/test/gates.ts



const round2 = (n) => Math.round(n * 100) / 100;
function commandGate(kind, results) {
    const mine = results.filter((r) => r.kind === kind);
    if (mine.length === 0)
        return undefined;
    const failed = mine.find((r) => r.exitCode !== 0);
    if (!failed)
        return { name: kind, passed: true, required: 0, actual: 0, detail: `${mine.length} command(s) passed` };
    const why = failed.signal
        ? `killed by ${failed.signal}`
        : failed.exitCode === null
            ? 'could not start'
            : `exited ${failed.exitCode}`;
    return { name: kind, passed: false, required: 0, actual: failed.exitCode, detail: `'${failed.command}' ${why}` };
}
function pctGate(name, required, value, what) {
    if (!value)
        return { name, passed: false, required, actual: null, unit: '%', detail: `no ${what} data to measure` };
    const actual = value.total === 0 ? 100 : round2((value.covered / value.total) * 100);
    return {
        name,
        passed: meets(value, required),
        required,
        actual,
        unit: '%',
        detail: `${value.covered}/${value.total} ${what}`,
    };
}
/** Every configured gate, in the order the report lists them. Unmeasurable gates fail closed. */
function evaluateGates(input) {
    const { options } = input;
    const gates = [];
    for (const g of [commandGate('lint', input.commands), commandGate('test', input.commands)])
        if (g)
            gates.push(g);
    if (input.coverageMissing !== undefined) {
        gates.push({
            name: 'coverage-data',
            passed: false,
            required: 'present',
            actual: null,
            detail: input.coverageMissing,
        });
    }
    if (input.testsMissing !== undefined) {
        gates.push({ name: 'test-results', passed: false, required: 'present', actual: null, detail: input.testsMissing });
    }
    if (input.tests) {
        const bad = input.tests.failed + input.tests.errors;
        gates.push({
            name: 'failed-tests',
            passed: bad === 0,
            required: 0,
            actual: bad,
            detail: `${input.tests.total} tests, ${input.tests.failed} failed, ${input.tests.errors} errors`,
        });
    }
    for (const metric of model/* METRICS */.C) {
        const required = options.min[metric];
        if (required === undefined)
            continue;
        gates.push(pctGate(`min-${metric}`, required, input.coverage?.totals[metric] ?? null, metric));
    }
    for (const t of options.pathThresholds) {
        const isMatch = picomatch_default()(t.glob, { dot: true });
        const files = (input.coverage?.files ?? []).filter((f) => isMatch(f.path));
        for (const metric of model/* METRICS */.C) {
            const required = t.min[metric];
            if (required === undefined)
                continue;
            const name = `path ${t.glob} ${metric}`;
            if (files.length === 0) {
                gates.push({
                    name,
                    passed: false,
                    required,
                    actual: null,
                    unit: '%',
                    detail: `no covered file matches '${t.glob}'`,
                });
                continue;
            }
            const gate = pctGate(name, required, sumFiles(files, metric), metric);
            gate.detail = `${gate.detail ?? ''} in ${files.length} file(s)`;
            gates.push(gate);
        }
    }
    if (options.minDiffCoverage !== undefined) {
        const g = diffGate(options.minDiffCoverage, input.diff);
        if (g)
            gates.push(g);
    }
    if (options.maxDrop !== undefined) {
        const g = dropGate(options.maxDrop, input);
        if (g)
            gates.push(g);
    }
    return gates;
}
/** Undefined outside pull requests (no base to diff against): the summary says so instead. */
function diffGate(required, diff) {
    const name = 'min-diff-coverage';
    if (diff.kind === 'not-applicable')
        return undefined;
    if (diff.kind === 'unavailable')
        return { name, passed: false, required, actual: null, unit: '%', detail: `changed lines unknown: ${diff.reason}` };
    const c = diff.coverage;
    if (c.total === 0)
        return { name, passed: true, required, actual: 100, unit: '%', detail: 'no executable line changed' };
    return pctGate(name, required, c, 'changed lines');
}
function dropGate(maxDrop, input) {
    const name = 'max-drop';
    const b = input.baseline;
    if (b.kind === 'not-applicable')
        return undefined;
    // Not measurable is a failure: the gate fails closed.
    const unmeasured = (detail) => ({
        name,
        passed: false,
        required: maxDrop,
        actual: null,
        unit: 'pp',
        detail,
    });
    if (b.kind === 'missing')
        return unmeasured(`no baseline for '${b.branch}' yet: a push to '${b.branch}' records one`);
    // Lines where the reports have them; Go and statement-only reports compare statements.
    const metric = input.coverage?.totals.lines && b.baseline.totals.lines ? 'lines' : 'statements';
    const before = b.baseline.totals[metric];
    const now = input.coverage?.totals[metric];
    if (!before || !now)
        return unmeasured('no line or statement coverage in this run or in the baseline');
    const drop = round2(before.pct - now.pct);
    return {
        name,
        passed: drop <= maxDrop,
        required: maxDrop,
        actual: Math.max(0, drop),
        unit: 'pp',
        detail: `${metric} ${before.pct}% on ${b.baseline.branch}@${b.baseline.sha.slice(0, 7)} → ${now.pct}%`,
    };
}

;// CONCATENATED MODULE: ./src/stages/test/paths/go-modules.ts


/** At most this many go.mod files are read (a monorepo of Go services has a handful). */
const MAX_GO_MODS = 200;
/** The `module` line of every go.mod in the repository, longest module path first. */
async function readGoModules(root, files) {
    const mods = files.filter((f) => f === 'go.mod' || f.endsWith('/go.mod')).slice(0, MAX_GO_MODS);
    const out = [];
    for (const f of mods) {
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_default().join(root, f), 'utf8');
        }
        catch {
            continue;
        }
        const m = /^\s*module\s+"?([^\s"]+)"?/m.exec(text);
        if (m?.[1])
            out.push({ module: m[1], dir: external_node_path_default().posix.dirname(f) === '.' ? '' : external_node_path_default().posix.dirname(f) });
    }
    return out.sort((a, b) => b.module.length - a.module.length);
}

;// CONCATENATED MODULE: ./src/stages/test/paths/normalize.ts
/** Sums two coverages of the same file (two reports, or two report paths naming one file). */
function mergeFileCoverage(into, from) {
    into.lines.addAll(from.lines);
    into.branches.addAll(from.branches);
    into.functions.addAll(from.functions);
    into.statements.addAll(from.statements);
}
/**
 * Rewrites every file of `set` to its repository-relative path, merging files that turn out to be
 * the same. Unmatched files are kept under their best-guess path, and listed. Takes ownership of
 * `set`'s file maps (a 200 MB report is not copied).
 */
function normalizeCoverage(set, resolver) {
    const unmatched = [];
    const note = (reported) => {
        const r = resolver.resolve(reported);
        if (!r.matched)
            unmatched.push({ reported, guess: r.path, reason: r.reason });
        return r.path;
    };
    const files = new Map();
    for (const [reported, file] of set.files) {
        const p = note(reported);
        const existing = files.get(p);
        if (existing)
            mergeFileCoverage(existing, file);
        else
            files.set(p, { ...file, path: p });
    }
    const summaryOnly = new Map();
    for (const [reported, counters] of set.summaryOnly) {
        const p = note(reported);
        const existing = summaryOnly.get(p) ?? {};
        for (const [metric, c] of Object.entries(counters)) {
            const cur = existing[metric];
            existing[metric] = cur ? { covered: cur.covered + c.covered, total: cur.total + c.total } : { ...c };
        }
        summaryOnly.set(p, existing);
    }
    return { set: { ...set, files, summaryOnly }, unmatched };
}
/**
 * Test case files become repository-relative too, so annotations land on them. Takes ownership of
 * `results` (rewritten in place: each distinct file once, not a copy of 200 000 cases).
 */
function normalizeTestResults(results, resolver) {
    results.cases.rewriteFiles((file) => resolver.resolve(file).path);
    return results;
}

;// CONCATENATED MODULE: ./src/stages/test/paths/repo-files.ts




const repo_files_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Directories never worth walking for source files (and where a walk would explode). */
const SKIP_DIRS = new Set([
    '.git',
    'node_modules',
    '.venv',
    'venv',
    '__pycache__',
    'vendor',
    'dist',
    'build',
    'target',
]);
/** A walk stops here: a repository this big is a git repository, and git ls-files answers instead. */
const MAX_WALKED_FILES = 200_000;
/** Repository root via git, or undefined outside a git work tree. */
async function gitToplevel(cwd) {
    try {
        const { stdout } = await repo_files_run('git', ['rev-parse', '--show-toplevel'], { cwd });
        const top = stdout.trim();
        return top === '' ? undefined : top;
    }
    catch {
        return undefined;
    }
}
/**
 * The repository's files: tracked and untracked-but-not-ignored from git (so generated sources
 * count), or a bounded walk when `cwd` is not in a git work tree.
 */
async function listRepoFiles(cwd) {
    const root = await gitToplevel(cwd);
    if (root !== undefined) {
        const { stdout } = await repo_files_run('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
            cwd: root,
            maxBuffer: 512 * 1024 * 1024,
        });
        const files = stdout.split('\0').filter((f) => f !== '');
        return { root, files: [...new Set(files)], source: 'git' };
    }
    return { root: cwd, files: await walk(cwd), source: 'walk' };
}
async function walk(root) {
    const out = [];
    const pending = [''];
    while (pending.length > 0 && out.length < MAX_WALKED_FILES) {
        const rel = pending.pop() ?? '';
        let entries;
        try {
            entries = await (0,promises_.readdir)(external_node_path_default().join(root, rel), { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of entries) {
            const child = rel === '' ? e.name : `${rel}/${e.name}`;
            if (e.isDirectory()) {
                if (!SKIP_DIRS.has(e.name))
                    pending.push(child);
            }
            else if (e.isFile()) {
                out.push(child);
            }
        }
    }
    return out.sort();
}

;// CONCATENATED MODULE: ./src/stages/test/test-totals.ts

function failedCases(results) {
    return results.cases.failures();
}
/** `Suite › Nested › name`, as people read a test's identity. */
function testTitle(c) {
    return [...c.suite, c.name].filter((s) => s !== '').join(' › ');
}

;// CONCATENATED MODULE: ./src/stages/test/report/annotations.ts

/** Failing tests first (errors), then changed lines no test ran (warnings), one per range. */
function annotationsOf(r) {
    if (!r.options.annotate)
        return [];
    const out = [];
    for (const c of r.tests?.failures ?? []) {
        const a = {
            level: 'error',
            title: `Test failed: ${testTitle(c)}`.slice(0, 255),
            message: (c.details ?? c.message ?? c.status).slice(0, 4000),
        };
        if (c.file)
            a.file = c.file;
        if (c.file && c.line)
            a.startLine = c.line;
        out.push(a);
    }
    if (r.diff.kind === 'measured') {
        for (const f of r.diff.coverage.files) {
            for (const range of f.uncovered) {
                const what = range.start === range.end ? `Line ${range.start} is` : `Lines ${range.start}-${range.end} are`;
                out.push({
                    level: 'warning',
                    title: 'Not covered by tests',
                    message: `${what} changed in this pull request but no test runs ${range.start === range.end ? 'it' : 'them'}.`,
                    file: f.path,
                    startLine: range.start,
                    endLine: range.end,
                });
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stages/test/report/result.ts

const result_round2 = (n) => Math.round(n * 100) / 100;
/** Percentage-point change of each total against the baseline; null where either side lacks the metric. */
function totalDeltas(now, baseline) {
    if (baseline.kind !== 'found' || !now)
        return undefined;
    const out = {};
    for (const m of model/* METRICS */.C) {
        const a = now[m];
        const b = baseline.baseline.totals[m];
        out[m] = a && b ? result_round2(a.pct - b.pct) : null;
    }
    return out;
}
/** Per-file line-coverage change against the baseline (files new since the baseline have none). */
function fileLineDelta(path, pctNow, baseline) {
    if (baseline.kind !== 'found' || pctNow === undefined)
        return null;
    const before = baseline.baseline.files[path]?.lines;
    return before ? result_round2(pctNow - before.pct) : null;
}

;// CONCATENATED MODULE: ./src/stages/test/report/data.ts

/** Failure texts are kept whole up to this size in the JSON report; longer ones are cut. */
const MAX_DETAILS_CHARS = 8 * 1024;
/** A run where everything broke lists this many failures (with details for the first hundred). */
const MAX_FAILURES = 5000;
const MAX_FAILURES_WITH_DETAILS = 100;
function failure(c, withDetails) {
    const out = { name: c.name, suite: c.suite, status: c.status };
    if (c.classname !== undefined)
        out.classname = c.classname;
    if (c.file !== undefined)
        out.file = c.file;
    if (c.line !== undefined)
        out.line = c.line;
    if (c.message !== undefined)
        out.message = c.message;
    if (withDetails && c.details !== undefined)
        out.details = c.details.length > MAX_DETAILS_CHARS ? `${c.details.slice(0, MAX_DETAILS_CHARS)}…` : c.details;
    if (c.durationMs !== undefined)
        out.durationMs = c.durationMs;
    return out;
}
/** The stage-specific keys of the JSON report (report-schema.ts describes them). */
function reportData(r) {
    const totals = r.coverage?.totals ?? { lines: null, branches: null, functions: null, statements: null };
    const diff = r.diff.kind === 'measured' ? r.diff.coverage : null;
    const baseline = r.baseline.kind === 'found'
        ? {
            branch: r.baseline.baseline.branch,
            sha: r.baseline.baseline.sha,
            createdAt: r.baseline.baseline.createdAt,
            deltas: totalDeltas(r.coverage?.totals, r.baseline) ?? null,
        }
        : null;
    return {
        coverage: {
            totals,
            files: r.coverage?.files ?? [],
            diff,
            diffStatus: r.diff.kind === 'measured' ? `measured from ${r.diff.source}` : r.diff.reason,
            baseline,
            baselineSaved: r.baselineSaved ?? null,
            sources: r.coverageSources,
            unmatchedPaths: r.unmatched.map((u) => ({ reported: u.reported, guess: u.guess, reason: u.reason })),
        },
        tests: r.tests
            ? {
                ...r.tests.totals,
                sources: r.tests.sources,
                failures: r.tests.failures.slice(0, MAX_FAILURES).map((c, i) => failure(c, i < MAX_FAILURES_WITH_DETAILS)),
                failuresOmitted: Math.max(0, r.tests.failures.length - MAX_FAILURES),
            }
            : null,
        commands: r.commands.map((c) => ({
            kind: c.kind,
            command: c.command,
            exitCode: c.exitCode,
            durationMs: c.durationMs,
            ...(c.signal ? { signal: c.signal } : {}),
        })),
    };
}
/** Action outputs: percentages as numbers, '' (null) where not measured. */
function outputsOf(r, passed) {
    const t = r.coverage?.totals;
    return {
        passed,
        lines: t?.lines?.pct ?? null,
        branches: t?.branches?.pct ?? null,
        functions: t?.functions?.pct ?? null,
        statements: t?.statements?.pct ?? null,
        'diff-coverage': r.diff.kind === 'measured' ? r.diff.coverage.pct : null,
        tests: r.tests?.totals.total ?? null,
        failed: r.tests ? r.tests.totals.failed + r.tests.totals.errors : null,
    };
}

;// CONCATENATED MODULE: ./src/stages/test/report/markdown.ts




/** Rows of the per-file table: the least covered first; a bigger table is cut (the JSON report has all). */
const MAX_FILE_ROWS = 1000;
const markdown_MAX_FAILURES = 50;
const MAX_COMMENT_FAILURES = 5;
const MAX_COMMENT_DIFF_FILES = 10;
/** Text in a table cell: pipes and newlines would break the row. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function code(text) {
    const t = cell(text);
    return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}
function fmtPct(v) {
    return v ? `${v.pct.toFixed(2)} %` : '—';
}
function fmtDelta(d) {
    if (d === null || d === undefined)
        return '';
    if (d === 0)
        return '±0.00';
    return `${d > 0 ? '+' : ''}${d.toFixed(2)}`;
}
const LABEL = {
    lines: 'Lines',
    branches: 'Branches',
    functions: 'Functions',
    statements: 'Statements',
};
function gateValue(g, v) {
    if (v === null)
        return 'n/a';
    return `${String(v)}${g.unit === '%' ? ' %' : g.unit === 'pp' ? ' pp' : ''}`;
}
function gateRequirement(g) {
    if (g.name === 'max-drop')
        return `≤ ${gateValue(g, g.required)}`;
    if (g.unit === '%')
        return `≥ ${gateValue(g, g.required)}`;
    if (g.name === 'lint' || g.name === 'test')
        return 'exit 0';
    if (g.name === 'failed-tests')
        return '0';
    return gateValue(g, g.required);
}
function baselineSentence(r) {
    const b = r.baseline;
    if (b.kind === 'found')
        return `Compared with \`${b.baseline.branch}\` at ${b.baseline.sha.slice(0, 7)} (${b.baseline.createdAt.slice(0, 10)}).`;
    if (b.kind === 'missing')
        return `No baseline exists yet for \`${b.branch}\`: a push to \`${b.branch}\` records one, and later pull requests show deltas.`;
    return '';
}
function totalsTable(r, deltas) {
    const t = r.coverage?.totals;
    if (!t)
        return '_No coverage data._';
    const rows = model/* METRICS */.C.filter((m) => t[m] !== null).map((m) => {
        const v = t[m];
        const delta = deltas ? fmtDelta(deltas[m]) : '';
        return `| ${LABEL[m]} | ${fmtPct(v)} | ${delta} | ${v ? `${v.covered} / ${v.total}` : ''} |`;
    });
    if (r.diff.kind === 'measured') {
        const d = r.diff.coverage;
        rows.push(`| Changed lines | ${d.total === 0 ? '—' : `${d.pct.toFixed(2)} %`} |  | ${d.covered} / ${d.total} |`);
    }
    return ['| Coverage | % | Δ | Covered |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}
function gatesTable(gates) {
    if (gates.length === 0)
        return '_No gates configured._';
    const rows = gates.map((g) => `| ${g.passed ? '✅' : '❌'} | ${code(g.name)} | ${cell(gateRequirement(g))} | ${cell(gateValue(g, g.actual))} | ${cell(g.detail ?? '')} |`);
    return ['| | Gate | Required | Actual | |', '| --- | --- | ---: | ---: | --- |', ...rows].join('\n');
}
function testsLine(r) {
    if (!r.tests)
        return '';
    const t = r.tests.totals;
    const parts = [`${t.total} tests`, `${t.passed} passed`];
    if (t.failed)
        parts.push(`${t.failed} failed`);
    if (t.errors)
        parts.push(`${t.errors} errors`);
    if (t.skipped)
        parts.push(`${t.skipped} skipped`);
    if (t.flaky)
        parts.push(`${t.flaky} flaky`);
    return `**Tests:** ${parts.join(', ')}.`;
}
function diffSection(r) {
    if (r.diff.kind !== 'measured')
        return r.diff.kind === 'unavailable'
            ? `#### Changed lines\n\nDiff coverage could not be measured: ${r.diff.reason}.`
            : undefined;
    const d = r.diff.coverage;
    const notes = r.diff.notes.map((n) => `> ${n}`).join('\n');
    if (d.files.length === 0)
        return `#### Changed lines\n\nNo executable line changed.${notes ? `\n\n${notes}` : ''}`;
    const rows = d.files.map((f) => `| ${code(f.path)} | ${f.pct.toFixed(2)} % | ${f.covered} / ${f.total} | ${f.uncovered.length ? cell(formatRanges(f.uncovered, 20)) : ''} |`);
    return [
        `#### Changed lines: ${d.pct.toFixed(2)} % covered (${d.covered} / ${d.total})`,
        '',
        '| File | % | Covered | Uncovered lines |',
        '| --- | ---: | ---: | --- |',
        ...rows,
        ...(notes ? ['', notes] : []),
    ].join('\n');
}
function failuresSection(r) {
    const f = r.tests?.failures ?? [];
    if (f.length === 0)
        return undefined;
    const items = f.slice(0, markdown_MAX_FAILURES).map((c) => {
        const where = c.file ? ` (${c.file}${c.line ? `:${c.line}` : ''})` : '';
        const msg = (c.message ?? '').trim();
        const details = (c.details ?? '').trim();
        const body = details && details !== msg
            ? `\n\n  \`\`\`\n  ${details.slice(0, 2000).replace(/```/g, "'''").replace(/\n/g, '\n  ')}\n  \`\`\``
            : '';
        return `- **${cell(testTitle(c))}**${where}${msg ? `: ${cell(msg)}` : ''}${body}`;
    });
    if (f.length > markdown_MAX_FAILURES)
        items.push(`- … ${f.length - markdown_MAX_FAILURES} more (see the JSON report)`);
    return [`#### Failed tests (${f.length})`, '', ...items].join('\n');
}
function filesSection(r) {
    const files = r.coverage?.files ?? [];
    if (files.length === 0)
        return undefined;
    const shown = [...files]
        .sort((a, b) => (a.lines?.pct ?? 100) - (b.lines?.pct ?? 100) || (a.path < b.path ? -1 : 1))
        .slice(0, MAX_FILE_ROWS);
    const cols = model/* METRICS */.C.filter((m) => r.coverage?.totals[m] !== null);
    const withDelta = r.baseline.kind === 'found';
    const header = `| File | ${cols.map((m) => LABEL[m]).join(' | ')}${withDelta ? ' | Δ lines' : ''} |`;
    const align = `| --- | ${cols.map(() => '---:').join(' | ')}${withDelta ? ' | ---:' : ''} |`;
    const rows = shown.map((f) => {
        const delta = withDelta ? ` | ${fmtDelta(fileLineDelta(f.path, f.lines?.pct, r.baseline))}` : '';
        return `| ${code(f.path)} | ${cols.map((m) => fmtPct(f[m])).join(' | ')}${delta} |`;
    });
    const more = files.length > shown.length
        ? `\n\n${files.length - shown.length} better-covered files not shown (all are in the JSON report).`
        : '';
    return `<details><summary>Coverage by file (${files.length} files, least covered first)</summary>\n\n${[header, align, ...rows].join('\n')}${more}\n\n</details>`;
}
function commandsSection(r) {
    if (r.commands.length === 0)
        return undefined;
    const rows = r.commands.map((c) => `| ${c.kind} | ${code(c.command)} | ${c.exitCode === 0 ? '✅ 0' : `❌ ${c.signal ?? String(c.exitCode)}`} | ${(c.durationMs / 1000).toFixed(1)} s |`);
    return ['#### Commands', '', '| | Command | Exit | Time |', '| --- | --- | ---: | ---: |', ...rows].join('\n');
}
function unmatchedSection(r) {
    if (r.unmatched.length === 0)
        return undefined;
    const items = r.unmatched
        .slice(0, 100)
        .map((u) => `- ${code(u.reported)}${u.reason === 'ambiguous' ? ' (several files match)' : ''}`);
    if (r.unmatched.length > 100)
        items.push(`- … ${r.unmatched.length - 100} more`);
    return `#### Paths not found in the repository (${r.unmatched.length})\n\nThese report paths match no repository file; add a \`path-map\` line (\`from=to\`) to rewrite them.\n\n${items.join('\n')}`;
}
function summarySections(r, headline) {
    const deltas = totalDeltas(r.coverage?.totals, r.baseline);
    const head = [
        `### Test: ${headline}`,
        '',
        totalsTable(r, deltas),
        '',
        baselineSentence(r),
        testsLine(r),
        '',
        gatesTable(r.gates),
    ]
        .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
        .join('\n');
    const sections = [{ markdown: head, priority: 0 }];
    const add = (markdown, priority, label) => {
        if (markdown)
            sections.push({ markdown, priority, label });
    };
    add(failuresSection(r), 1, 'failed tests');
    add(diffSection(r), 1, 'changed lines');
    add(commandsSection(r), 2, 'commands');
    add(unmatchedSection(r), 2, 'unmatched paths');
    add(filesSection(r), 3, 'coverage by file');
    return sections;
}
/** The stage's part of the sticky PR comment: a few lines, the details stay in the job summary. */
function commentMarkdown(r, headline) {
    const deltas = totalDeltas(r.coverage?.totals, r.baseline);
    const t = r.coverage?.totals;
    const lines = [`**Test** ${r.gates.every((g) => g.passed) ? '✅' : '❌'} ${headline}`];
    if (t) {
        const parts = model/* METRICS */.C.filter((m) => t[m] !== null).map((m) => {
            const d = deltas ? fmtDelta(deltas[m]) : '';
            return `${LABEL[m].toLowerCase()} ${fmtPct(t[m])}${d ? ` (${d})` : ''}`;
        });
        lines.push('', `Coverage: ${parts.join(' · ')}`);
    }
    if (r.diff.kind === 'measured' && r.diff.coverage.total > 0) {
        const d = r.diff.coverage;
        lines.push(`Changed lines: ${d.pct.toFixed(2)} % (${d.covered} / ${d.total})`);
        const worst = d.files.filter((f) => f.uncovered.length > 0).slice(0, MAX_COMMENT_DIFF_FILES);
        for (const f of worst)
            lines.push(`- ${code(f.path)} ${f.pct.toFixed(0)} %, uncovered ${cell(formatRanges(f.uncovered, 5))}`);
        const rest = d.files.filter((f) => f.uncovered.length > 0).length - worst.length;
        if (rest > 0)
            lines.push(`- … ${rest} more files`);
    }
    if (r.baseline.kind === 'missing')
        lines.push(`_No baseline for \`${r.baseline.branch}\` yet._`);
    const tl = testsLine(r);
    if (tl)
        lines.push(tl);
    for (const c of (r.tests?.failures ?? []).slice(0, MAX_COMMENT_FAILURES)) {
        lines.push(`- ❌ ${cell(testTitle(c))}${c.message ? `: ${cell(c.message).slice(0, 200)}` : ''}`);
    }
    const failedGates = r.gates.filter((g) => !g.passed);
    if (failedGates.length > 0) {
        lines.push('', `Failed gates: ${failedGates.map((g) => `${code(g.name)} (${gateValue(g, g.actual)}, required ${cell(gateRequirement(g))})`).join(', ')}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/test/report/text.ts





/** The CLI's terminal report (gates and the verdict line are added by the CLI itself). */
function terminalText(r) {
    const lines = [];
    for (const c of r.commands) {
        lines.push(`${c.exitCode === 0 ? '✔' : '✘'} ${c.kind}: ${c.command} (${c.signal ?? `exit ${String(c.exitCode)}`}, ${(c.durationMs / 1000).toFixed(1)}s)`);
    }
    const t = r.coverage?.totals;
    if (t) {
        const deltas = totalDeltas(t, r.baseline);
        lines.push(`Coverage (${r.coverage?.files.length ?? 0} files from ${r.coverageSources.map((s) => `${s.file} [${s.format}]`).join(', ')}):`);
        for (const m of model/* METRICS */.C) {
            const v = t[m];
            if (!v)
                continue;
            const d = deltas ? fmtDelta(deltas[m]) : '';
            lines.push(`  ${m.padEnd(10)} ${fmtPct(v).padStart(9)}  ${String(v.covered).padStart(7)} / ${v.total}${d ? `  (${d})` : ''}`);
        }
    }
    else {
        lines.push('Coverage: no coverage data');
    }
    const b = baselineSentence(r);
    if (b)
        lines.push(b.replace(/`/g, "'"));
    if (r.diff.kind === 'measured') {
        const d = r.diff.coverage;
        lines.push(`Changed lines: ${d.total === 0 ? 'no executable line changed' : `${fmtPct(d)} (${d.covered} / ${d.total})`}`);
        for (const f of d.files.filter((x) => x.uncovered.length > 0))
            lines.push(`  ${f.path}: uncovered ${formatRanges(f.uncovered, 10)}`);
    }
    else if (r.diff.kind === 'unavailable') {
        lines.push(`Changed lines: not measured (${r.diff.reason})`);
    }
    if (r.tests) {
        const x = r.tests.totals;
        lines.push(`Tests: ${x.total} total, ${x.passed} passed, ${x.failed} failed, ${x.errors} errors, ${x.skipped} skipped`);
        for (const c of r.tests.failures.slice(0, 20))
            lines.push(`  ✘ ${testTitle(c)}${c.message ? `: ${c.message}` : ''}`);
    }
    for (const u of r.unmatched.slice(0, 20))
        lines.push(`  path not in repository: ${u.reported}`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/test/run-commands.ts

/** Feeds complete lines of a stream to `emit`; the last partial line on close. */
function lineSplitter(emit) {
    let rest = '';
    return {
        push(chunk) {
            const text = rest + chunk.toString('utf8');
            const parts = text.split(/\r?\n/);
            rest = parts.pop() ?? '';
            for (const p of parts)
                emit(p);
        },
        end() {
            if (rest !== '')
                emit(rest);
            rest = '';
        },
    };
}
/**
 * Runs one command with bash as GitHub's `run:` steps do (`-eo pipefail`), streaming its output
 * line by line to the logger. Cancelling kills the whole process group, not only bash.
 */
function runCommand(kind, command, options) {
    const started = performance.now();
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
            cwd: options.cwd,
            env: options.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        const out = lineSplitter((l) => options.logger.info(l));
        const err = lineSplitter((l) => options.logger.info(l));
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => err.push(c));
        const onAbort = () => {
            if (child.pid !== undefined) {
                try {
                    process.kill(-child.pid, 'SIGTERM');
                }
                catch {
                    // already gone
                }
            }
        };
        options.signal.addEventListener('abort', onAbort, { once: true });
        let settled = false;
        const finish = (exitCode, signal) => {
            if (settled)
                return;
            settled = true;
            options.signal.removeEventListener('abort', onAbort);
            out.end();
            err.end();
            const result = { kind, command, exitCode, durationMs: Math.round(performance.now() - started) };
            if (signal)
                result.signal = signal;
            resolve(result);
        };
        child.on('error', (error) => {
            options.logger.error(`${kind}: cannot start bash: ${error.message}`);
            finish(null);
        });
        child.on('close', (code, signal) => finish(code, signal ?? undefined));
    });
}
/** Runs every command of a list (a later one may still tell more), each in its own log group, timed. */
async function runCommands(kind, commands, options) {
    const results = [];
    for (const command of commands) {
        if (options.signal.aborted)
            break;
        const result = await options.logger.group(`${kind}: ${command}`, () => runCommand(kind, command, options));
        const secs = (result.durationMs / 1000).toFixed(1);
        if (result.exitCode === 0)
            options.logger.info(`${kind}: '${command}' passed in ${secs}s`);
        else
            options.logger.error(`${kind}: '${command}' failed (${result.signal ?? `exit code ${String(result.exitCode)}`}) after ${secs}s`);
        results.push(result);
    }
    return results;
}

;// CONCATENATED MODULE: ./src/stages/test/run.ts






















/** Baselines in `SHIPKIT_BASELINE_DIR`, else `.shipkit/baseline` of the repository. */
function defaultBaselineStore(ctx, root) {
    return new test_baseline/* FsBaselineStore */.Sp(ctx.env.SHIPKIT_BASELINE_DIR ?? external_node_path_default().join(root, '.shipkit', 'baseline'));
}
async function loadCoverage(options, ctx, warnings) {
    const explicit = options.coverage.length > 0;
    let files;
    if (explicit) {
        const found = await expandPatterns(options.coverage, ctx.cwd);
        files = found.files;
        if (files.length === 0) {
            return options.allowEmpty ? {} : { missing: `no coverage data found in ${options.coverage.join(', ')}` };
        }
        if (found.empty.length > 0)
            warnings.push(`coverage: nothing matches ${found.empty.join(', ')}`);
    }
    else {
        files = await detectCoverageFiles(ctx.cwd);
        if (files.length === 0)
            return {};
        ctx.logger.info(`Coverage reports found: ${files.join(', ')}`);
    }
    try {
        const set = await readCoverage(files, {
            cwd: ctx.cwd,
            allowEmpty: options.allowEmpty || !explicit,
            input: 'coverage',
            ...(options.coverageFormat === 'auto' ? {} : { format: options.coverageFormat }),
        });
        if (set.files.size === 0 && set.summaryOnly.size === 0) {
            return options.allowEmpty || !explicit ? {} : { missing: `no coverage data found in ${files.join(', ')}` };
        }
        return { value: set };
    }
    catch (error) {
        if (!(0,errors/* isUserError */.iU)(error))
            throw error;
        ctx.logger.error(error.describe());
        if (!explicit) {
            warnings.push(`coverage: ${error.describe()}`);
            return {};
        }
        return { missing: error.describe() };
    }
}
async function loadTestResults(options, ctx, deps, warnings) {
    const explicit = options.testResults.length > 0;
    const found = await expandPatterns(explicit ? options.testResults : TEST_RESULT_LOCATIONS, ctx.cwd);
    if (found.files.length === 0) {
        return explicit && !options.allowEmpty
            ? { missing: `no test results found in ${options.testResults.join(', ')}` }
            : {};
    }
    if (explicit && found.empty.length > 0)
        warnings.push(`test-results: nothing matches ${found.empty.join(', ')}`);
    if (!explicit)
        ctx.logger.info(`Test results found: ${found.files.map((f) => external_node_path_default().relative(ctx.cwd, f)).join(', ')}`);
    try {
        const results = await (deps.readTestResults ?? readTestResults)(found.files, {
            cwd: ctx.cwd,
            allowEmpty: options.allowEmpty || !explicit,
            input: 'test-results',
        });
        return results.cases.length === 0 && !(options.allowEmpty || !explicit)
            ? { missing: `no test results found in ${options.testResults.join(', ')}` }
            : { value: results };
    }
    catch (error) {
        if (!(0,errors/* isUserError */.iU)(error))
            throw error;
        ctx.logger.error(error.describe());
        if (!explicit) {
            warnings.push(`test-results: ${error.describe()}`);
            return {};
        }
        return { missing: error.describe() };
    }
}
function headlineOf(r) {
    const parts = [];
    const lines = r.coverage?.totals.lines;
    if (lines)
        parts.push(`lines ${lines.pct.toFixed(2)} %`);
    if (r.diff.kind === 'measured' && r.diff.coverage.total > 0)
        parts.push(`changed lines ${r.diff.coverage.pct.toFixed(2)} %`);
    if (r.tests)
        parts.push(`${r.tests.totals.total} tests${r.tests.totals.failed + r.tests.totals.errors > 0 ? `, ${r.tests.totals.failed + r.tests.totals.errors} failed` : ''}`);
    const failed = r.gates.filter((g) => !g.passed);
    if (failed.length > 0)
        parts.push(`${failed.length} gate${failed.length === 1 ? '' : 's'} failed (${failed.map((g) => g.name).join(', ')})`);
    else if (r.gates.length > 0)
        parts.push(`${r.gates.length} gate${r.gates.length === 1 ? '' : 's'} passed`);
    if (parts.length === 0)
        return r.commands.length > 0
            ? 'commands ran; no coverage or test results found'
            : 'nothing to run and no reports found';
    return parts.join(', ');
}
function unmatchedWarning(kind, unmatched) {
    const first = unmatched
        .slice(0, 3)
        .map((u) => u.reported)
        .join(', ');
    return `${unmatched.length} ${kind} path(s) match no repository file (${first}${unmatched.length > 3 ? ', …' : ''}); add a path-map line 'from=to' to rewrite them`;
}
/** The test stage: run lint and tests, read coverage and results, gate, and describe it all. */
async function runTestStage(options, ctx, deps = {}) {
    const startedAt = new Date();
    const warnings = [];
    const { logger } = ctx;
    let { lint, test } = options;
    if (options.detect) {
        const detected = await detectCommands(ctx.cwd);
        ({ lint, test } = detected);
        logger.info(detected.reasons.length > 0
            ? `Detected: ${detected.reasons.join('; ')}`
            : 'Nothing to run detected (no package.json scripts, pytest or go.mod)');
    }
    const runOpts = { cwd: ctx.cwd, env: ctx.env, logger, signal: ctx.signal };
    const commands = [...(await runCommands('lint', lint, runOpts)), ...(await runCommands('test', test, runOpts))];
    const repo = await listRepoFiles(ctx.cwd);
    const coverage = await loadCoverage(options, ctx, warnings);
    const results = await loadTestResults(options, ctx, deps, warnings);
    const resolver = new PathResolver({
        root: repo.root,
        cwd: ctx.cwd,
        files: repo.files,
        pathMap: options.pathMap,
        sourceRoots: (coverage.value?.sources ?? []).flatMap((s) => s.roots ?? []),
        goModules: await readGoModules(repo.root, repo.files),
    });
    let set;
    let unmatched = [];
    if (coverage.value) {
        ({ set, unmatched } = normalizeCoverage(coverage.value, resolver));
        if (unmatched.length > 0)
            warnings.push(unmatchedWarning('coverage', unmatched));
    }
    const summary = set ? summarize(set) : undefined;
    const tests = results.value ? normalizeTestResults(results.value, resolver) : undefined;
    const event = await eventInfo(ctx);
    const base = options.base ?? event.pr?.baseRef;
    const diff = await measureDiff(set, {
        root: repo.root,
        ...(base !== undefined ? { base } : {}),
        ...(event.pr?.baseSha && base === event.pr.baseRef ? { baseSha: event.pr.baseSha } : {}),
        ...(event.pr ? { pullNumber: event.pr.number } : {}),
    }, ctx);
    const store = deps.baselineStore?.(ctx) ?? defaultBaselineStore(ctx, repo.root);
    let baseline = { kind: 'not-applicable' };
    if (base !== undefined) {
        try {
            const found = await store.restore(base);
            baseline = found ? { kind: 'found', baseline: found } : { kind: 'missing', branch: base };
        }
        catch (error) {
            warnings.push(`baseline of '${base}' could not be restored: ${error.message}`);
            baseline = { kind: 'missing', branch: base };
        }
    }
    let baselineSaved;
    if (summary && event.pushBranch && event.pushBranch === event.defaultBranch && event.sha) {
        try {
            await store.save(event.pushBranch, event.sha, (0,test_baseline/* baselineOf */.Bv)(summary, event.pushBranch, event.sha));
            baselineSaved = { branch: event.pushBranch, sha: event.sha };
            logger.info(`Saved the coverage baseline of '${event.pushBranch}' at ${event.sha.slice(0, 7)}`);
        }
        catch (error) {
            warnings.push(`baseline of '${event.pushBranch}' could not be saved: ${error.message}`);
        }
    }
    const gates = evaluateGates({
        options,
        commands,
        ...(summary ? { coverage: summary } : {}),
        ...(coverage.missing !== undefined ? { coverageMissing: coverage.missing } : {}),
        ...(tests ? { tests: testTotals(tests) } : {}),
        ...(results.missing !== undefined ? { testsMissing: results.missing } : {}),
        diff,
        baseline,
    });
    const result = {
        options,
        commands,
        ...(summary ? { coverage: summary } : {}),
        coverageSources: (set?.sources ?? []).map((s) => ({ file: s.file, format: s.format })),
        unmatched,
        ...(tests ? { tests: { totals: testTotals(tests), failures: failedCases(tests), sources: tests.sources } } : {}),
        diff,
        baseline,
        ...(baselineSaved ? { baselineSaved } : {}),
        gates,
        warnings,
    };
    const headline = headlineOf(result);
    const report = (0,build/* buildReport */.FK)({
        stage: 'test',
        startedAt,
        run: ctx.run,
        gates,
        warnings,
        summary: headline,
        data: reportData(result),
    });
    return {
        report,
        outputs: outputsOf(result, report.status !== 'fail'),
        summary: summarySections(result, headline),
        comment: commentMarkdown(result, headline),
        annotations: annotationsOf(result),
        text: terminalText(result),
    };
}

;// CONCATENATED MODULE: ./src/stages/test/command.ts


const flags = {
    lint: { type: 'string', multiple: true, description: 'CMD  lint command (repeatable; run with bash)' },
    test: { type: 'string', multiple: true, description: 'CMD  test command (repeatable; run with bash)' },
    coverage: { type: 'string', multiple: true, description: 'FILE  coverage report file or glob (repeatable)' },
    'coverage-format': {
        type: 'string',
        description: 'FORMAT  auto, lcov, cobertura, clover, jacoco, istanbul-summary, istanbul-final, go',
    },
    'test-results': {
        type: 'string',
        multiple: true,
        description: 'FILE  JUnit XML (or TRX, NUnit) file or glob (repeatable)',
    },
    'path-map': {
        type: 'string',
        multiple: true,
        description: 'FROM=TO  rewrite report path prefix FROM to TO (repeatable)',
    },
    'min-lines': { type: 'string', description: 'PCT  minimum total line coverage' },
    'min-branches': { type: 'string', description: 'PCT  minimum total branch coverage' },
    'min-functions': { type: 'string', description: 'PCT  minimum total function coverage' },
    'min-statements': { type: 'string', description: 'PCT  minimum total statement coverage' },
    'path-thresholds': { type: 'string', description: "YAML  glob → minimum, e.g. 'src/utils/**: 80'" },
    'min-diff-coverage': {
        type: 'string',
        description: 'PCT  minimum coverage of the lines changed since the merge base with --base',
    },
    'max-drop': {
        type: 'string',
        description: 'PP  largest allowed drop of line coverage against the base branch baseline',
    },
    base: { type: 'string', description: 'REF  base branch to diff and compare with (default: the pull request base)' },
    'allow-empty': { type: 'boolean', description: 'accept missing or empty reports' },
    annotate: {
        type: 'string',
        description: 'true|false  annotate failing tests and uncovered changed lines (default true)',
    },
};
/** `shipkit test`, and the action through the same run function. */
function createTestCommand(host = {}) {
    return {
        name: 'test',
        summary: 'Run lint and tests, read coverage and test reports, and gate on coverage (total, per path, changed lines, drop).',
        flags,
        run: (inputs, ctx) => runTestStage(readTestOptions(inputs), ctx, host.baselineStore ? { baselineStore: host.baselineStore } : {}),
    };
}
const testCommand = createTestCommand();


/***/ }),

/***/ 1233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ METRICS)
/* harmony export */ });
const METRICS = ['lines', 'branches', 'functions', 'statements'];


/***/ })

};
