import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 161;
export const ids = [161];
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

/***/ 87818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ keepYoungGenerationSmall)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Keeps V8's young generation at its first size (1 MB semi-spaces) for the rest of the process.
 *
 * Reading a big report keeps tens of thousands of things (scan's findings, the test stage's
 * failures and report): they are allocated young, survive, and V8 answers survival by doubling the
 * young generation up to its maximum (16 MB semi-spaces in Node 20, 32 MB in Node 24) — up to 96 MB
 * reserved for objects that are not garbage. Held at its first size, survivors are promoted after a
 * scavenge or two instead: bench/scan.bench.ts measures the CLI's peak RSS on a 52 MB Trivy report
 * at 74 MB against 100 MB without it, and the test stage's on a 57 MB JUnit report (200 000 cases,
 * 5 000 failures listed) at 77 MB against 87 MB, at the same CPU time.
 *
 * `--semi-space-growth-factor` is read each time the young generation would grow (V8 11.3 in Node
 * 20 and 13.6 in Node 24, both measured). V8 raises a value below 2 to 2 only when it reads its
 * flags at start, so it is set here, at run time; `--max-semi-space-size` cannot change once the
 * heap exists. A process that runs the scan or the test stage keeps this setting; nothing else is
 * changed.
 */
function keepYoungGenerationSmall() {
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--semi-space-growth-factor=1');
}


/***/ }),

/***/ 47326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ METRICS)
/* harmony export */ });
const METRICS = ['lines', 'branches', 'functions', 'statements'];


/***/ }),

/***/ 88015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ listRepoFiles),
/* harmony export */   w: () => (/* binding */ gitToplevel)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83722);



const run = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
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
        const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
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
        const { stdout } = await run('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
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
    await (0,_walk_js__WEBPACK_IMPORTED_MODULE_2__/* .walkFiles */ .F)(root, {
        skipDirs: SKIP_DIRS,
        maxEntries: MAX_WALKED_FILES * 5,
        onFile: (rel) => out.push(rel) < MAX_WALKED_FILES,
    });
    return out.sort();
}


/***/ }),

/***/ 66201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ TestReport)
/* harmony export */ });
/* unused harmony export MetricValueSchema */
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97375);
/* harmony import */ var _core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25670);


/**
 * The test stage's report, written once: the JSON Schema (validated before every write, committed under
 * schemas/) and the TypeScript type (`TestReport` below) both come from this declaration.
 */
const Count = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 });
const Pct = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Number({ minimum: 0, maximum: 100 });
const MetricValueSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ covered: Count, total: Count, pct: Pct }, { additionalProperties: false });
const Metric = (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(MetricValueSchema);
const metrics = { lines: Metric, branches: Metric, functions: Metric, statements: Metric };
const MetricName = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('lines'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('branches'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('functions'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('statements'),
]);
const Range = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ start: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 1 }), end: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 1 }) }, { additionalProperties: false });
const Delta = (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Number());
const DiffFile = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), covered: Count, total: Count, pct: Pct, uncovered: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(Range) }, { additionalProperties: false });
const Coverage = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    totals: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object(metrics, { additionalProperties: false }),
    headline: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        metric: MetricName,
        pct: Pct,
        why: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({
            description: 'Why this metric leads: `statements` for Go profiles (what `go test -cover` prints), else `lines`. `min-lines` and `max-drop` gate on it.',
        }),
    }, { additionalProperties: false })),
    files: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ path: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), ...metrics }, { additionalProperties: false })),
    diff: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ covered: Count, total: Count, pct: Pct, files: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(DiffFile) }, { additionalProperties: false })),
    diffStatus: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'How the changed lines were found, or why they were not.' }),
    baseline: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        branch: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        sha: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        createdAt: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        deltas: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ lines: Delta, branches: Delta, functions: Delta, statements: Delta }, { additionalProperties: false })),
    }, { additionalProperties: false })),
    baselineStatus: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('found'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('none-yet'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('not-applicable')], {
        description: '`none-yet`: the base branch has no saved baseline (a push to it records one).',
    }),
    baselineSaved: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ branch: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), sha: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String() }, { additionalProperties: false })),
    sources: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({ file: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String() }, { additionalProperties: false })),
    unmatchedPaths: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        reported: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        guess: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        reason: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('not-found'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('ambiguous')]),
    }, { additionalProperties: false })),
}, { additionalProperties: false });
const CaseStatus = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('failed'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('error')]);
const Failure = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    suite: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    status: CaseStatus,
    classname: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    file: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    line: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer()),
    message: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    details: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    durationMs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Number()),
}, { additionalProperties: false });
const Flaky = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    suite: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    classname: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    file: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    reruns: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 1, description: 'Failed attempts before the one that passed.' }),
}, { additionalProperties: false });
const Tests = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    total: Count,
    passed: Count,
    failed: Count,
    errors: Count,
    skipped: Count,
    flaky: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0, description: 'Cases that passed only on a rerun (counted in `passed`).' }),
    sources: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    failures: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(Failure),
    failuresOmitted: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({
        minimum: 0,
        description: 'Failures beyond the first 5 000, counted but not listed.',
    }),
    flakyCases: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(Flaky),
}, { additionalProperties: false });
const Command = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('lint'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('test')]),
    command: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    exitCode: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer()),
    signal: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    durationMs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Number({ minimum: 0 }),
    pipesLeftOpen: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Boolean({
        description: 'A background process the command started still held its output open when it exited; shipkit stopped reading.',
    })),
}, { additionalProperties: false });
const TestReport = (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .stageReportSchema */ .kZ)('test', {
    coverage: Coverage,
    tests: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(Tests),
    commands: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(Command),
});


/***/ }),

/***/ 79161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  testStage: () => (/* binding */ testStage)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/detect.ts
var detect = __webpack_require__(5851);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/stages/test-stage/paths/resolve.ts


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
/** The entry at `p`, or undefined when there is none (or it cannot be read). */
function statOf(p) {
    // Most paths looked up here do not exist: asked not to throw, stat skips building an error (with
    // its stack) for each of them, which on a report of 20 000 files outside the checkout was most of the lookup.
    try {
        return (0,external_node_fs_.statSync)(p, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}
function isFile(p) {
    return statOf(p)?.isFile() ?? false;
}
function exists(p) {
    return statOf(p) !== undefined;
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
    missingDirs = new Set();
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
        const exists = this.options.exists ?? ((rel) => this.isFileInRoot(rel));
        for (const c of candidates) {
            if (exists(c))
                return { path: c, matched: true, how: 'exact' };
        }
        const suffix = this.suffixMatch(mapped);
        if (suffix.match !== undefined)
            return { path: suffix.match, matched: true, how: 'suffix' };
        return { path: candidates[0] ?? mapped, matched: false, reason: suffix.ambiguous ? 'ambiguous' : 'not-found' };
    }
    /**
     * Whether `rel` is a file under the root. A report from another machine names thousands of files
     * in directories this checkout does not have: once a directory is found missing, the files named
     * under it are not looked up one by one.
     */
    isFileInRoot(rel) {
        const dir = external_node_path_default().posix.dirname(rel);
        if (this.missingDirs.has(dir))
            return false;
        if (isFile(external_node_path_default().join(this.options.root, rel)))
            return true;
        if (dir !== '.' && !exists(external_node_path_default().join(this.options.root, dir)))
            this.missingDirs.add(dir);
        return false;
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

// EXTERNAL MODULE: ./src/stages/test-stage/thresholds.ts
var thresholds = __webpack_require__(81227);
;// CONCATENATED MODULE: ./src/stages/test-stage/options.ts




/** `coverage-format`: a format the parsers read, or `auto` (detected from each file's content). */
const COVERAGE_FORMAT_CHOICES = ['auto', ...detect/* COVERAGE_FORMATS */.Oo];
const pctOpts = { min: 0, max: 100 };
/** Reads the inputs of test/action.yml (its defaults are repeated here as fallbacks; a test holds them equal). */
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
        pathThresholds: (0,thresholds/* parsePathThresholds */.H)(inputs.text('path-thresholds'), inputs.source.label('path-thresholds')),
        allowEmpty: inputs.bool('allow-empty', false),
        annotate: inputs.bool('annotate', true),
        requireBaseline: inputs.bool('require-baseline', false),
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

// EXTERNAL MODULE: ./src/stages/test-stage/report-schema.ts
var report_schema = __webpack_require__(66201);
// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
// EXTERNAL MODULE: ./src/core/user-command-env.ts
var user_command_env = __webpack_require__(2742);
// EXTERNAL MODULE: ./src/core/young-generation.ts
var young_generation = __webpack_require__(87818);
// EXTERNAL MODULE: ./src/stages/test-stage/baseline.ts
var test_stage_baseline = __webpack_require__(61516);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/coverage-set.ts
var coverage_set = __webpack_require__(68283);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/xml-stream.ts + 1 modules
var xml_stream = __webpack_require__(76926);
;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/clover.ts


/**
 * Clover XML (OpenClover, PHPUnit, istanbul). `stmt` and `cond` lines are the lines, `method` lines
 * the functions (keyed by position). A `cond` line means two different things: OpenClover writes how
 * often the condition was true and false (two arms, each known), istanbul writes covered and missed
 * arm counts (only the number is known: the file's arms are marked counted). The file's own `<metrics
 * conditionals coveredconditionals>` tells which one a file uses. Statements and functions come from
 * the file's `<metrics statements coveredstatements methods coveredmethods>` — the writer's own count,
 * which istanbul's clover reporter gives without listing a method — unless the file lists them.
 * Files under `<testproject>` are the tests themselves and are left out, as Clover's totals do.
 */
async function parseClover(report, set) {
    let file;
    let depth = 0;
    let fileDepth = -1;
    let inTests = false;
    let conds = [];
    let metrics = {};
    let stmtLines = [];
    let files = 0;
    let sawRoot = false;
    const measured = new Set();
    /** istanbul's clover reporter writes `clover="3.2.0"` and a project named "All files". */
    let istanbulHint = false;
    const key = (0,coverage_set/* positionKeys */.c4)();
    const methodOrdinals = new coverage_set/* LineOrdinals */.lw();
    await (0,xml_stream/* streamXml */.sq)(report, {
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
                file = (0,coverage_set/* fileIn */.Ed)(set, path ? path : ctx.fail('<file> without a name'));
                fileDepth = depth;
                conds = [];
                metrics = {};
                stmtLines = [];
                methodOrdinals.clear();
                files++;
            }
            else if (name === 'metrics' && file && depth === fileDepth + 1) {
                const pair = (total, covered) => attrs.get(total) === undefined
                    ? undefined
                    : { total: (0,xml_stream/* intAttr */.vd)(attrs, total, ctx, 0), covered: (0,xml_stream/* intAttr */.vd)(attrs, covered, ctx, 0) };
                metrics = {
                    conditionals: pair('conditionals', 'coveredconditionals'),
                    methods: pair('methods', 'coveredmethods'),
                    statements: pair('statements', 'coveredstatements'),
                };
            }
            else if (name === 'line' && file) {
                const line = (0,xml_stream/* intAttr */.vd)(attrs, 'num', ctx);
                const type = attrs.get('type') ?? 'stmt';
                const hits = Math.max(0, (0,xml_stream/* intAttr */.vd)(attrs, 'count', ctx, 0));
                if (type === 'method') {
                    file.functions.add(key(line, methodOrdinals.take(line)), line, hits);
                    measured.add('functions');
                    return;
                }
                file.lines.add(line, hits);
                stmtLines.push({ line, hits });
                if (type === 'cond') {
                    const t = Math.max(0, (0,xml_stream/* intAttr */.vd)(attrs, 'truecount', ctx, 0));
                    const f = Math.max(0, (0,xml_stream/* intAttr */.vd)(attrs, 'falsecount', ctx, 0));
                    if (t + f > 10_000_000)
                        ctx.fail('truecount/falsecount out of range');
                    conds.push({ line, t, f });
                    measured.add('branches');
                }
            }
        },
        close(name) {
            if (name === 'file' && file && depth === fileDepth) {
                addBranches(file, conds, metrics.conditionals, istanbulHint, key);
                finishFile(set, file, metrics, stmtLines, key, measured);
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
        (0,coverage_set/* markMeasured */.qo)(set, 'lines', 'statements', ...measured);
    return { files };
}
/** Statements and functions: the listed items, or else the file's own count of them. */
function finishFile(set, file, metrics, stmtLines, key, measured) {
    const summary = { ...set.summaryOnly.get(file.path) };
    if (metrics.statements)
        summary.statements = metrics.statements;
    else
        for (const s of stmtLines)
            file.statements.add(key(s.line, 0), s.line, s.hits);
    if (file.functions.size === 0 && metrics.methods) {
        summary.functions = metrics.methods;
        measured.add('functions');
    }
    if (summary.statements || summary.functions)
        set.summaryOnly.set(file.path, summary);
}
function addBranches(file, conds, metrics, istanbulHint, key) {
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
                file.branches.add(key(c.line, arm), c.line, arm < c.t ? 1 : 0);
            if (c.t + c.f > 0)
                file.branchesCounted = true;
        }
        else {
            file.branches.add(key(c.line, 0), c.line, c.t);
            file.branches.add(key(c.line, 1), c.line, c.f);
        }
    }
}

;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/cobertura.ts


const CONDITIONS = /\((\d+)\/(\d+)\)/;
/**
 * Cobertura XML (coverage.py, istanbul, gcovr, Cobertura/Java, scoverage). Line data is read from
 * each class's own `<lines>`; the copies under `<methods>` only give each method its hit count
 * (the hits of its first line). A file split over several classes merges into one. Branch arms come
 * from `condition-coverage="50% (1/2)"`: only their number is known, not which arm ran (so the file's
 * arms are marked counted), keyed `line:n`. A method is keyed by its first line's position. Line number 0 is not a source line and is
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
    const key = (0,coverage_set/* positionKeys */.c4)();
    /** Per file: the methods met so far on each line (a file split over classes keeps counting). */
    const methodOrdinals = new Map();
    await (0,xml_stream/* streamXml */.sq)(report, {
        open(name, attrs, ctx) {
            // <line> first: it is nearly every element of a report.
            switch (name) {
                case 'line': {
                    if (!file)
                        return ctx.fail('<line> outside a <class>');
                    const line = (0,xml_stream/* intAttr */.vd)(attrs, 'number', ctx);
                    const hits = Math.max(0, (0,xml_stream/* intAttr */.vd)(attrs, 'hits', ctx, 0));
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
                            file.branches.add(key(line, arm), line, arm < covered ? 1 : 0);
                        file.branchesCounted = true;
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
                    file = (0,coverage_set/* fileIn */.Ed)(set, path ? path : ctx.fail('<class> without a filename'));
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
                    roots.push((0,xml_stream/* detach */.Yo)(root));
            }
            else if (name === 'method') {
                if (method && file) {
                    const line = method.line ?? 0;
                    let ordinals = methodOrdinals.get(file);
                    if (!ordinals)
                        methodOrdinals.set(file, (ordinals = new coverage_set/* LineOrdinals */.lw()));
                    file.functions.add(key(line, ordinals.take(line)), line, method.hits);
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
        (0,coverage_set/* markMeasured */.qo)(set, 'lines');
    if (sawBranches)
        (0,coverage_set/* markMeasured */.qo)(set, 'branches');
    if (sawMethods)
        (0,coverage_set/* markMeasured */.qo)(set, 'functions');
    return { files, roots };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/coverage-py.ts



const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function lines(value, what, report) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || !value.every((n) => Number.isInteger(n)))
        throw new errors/* UserError */.yo(`${what} is not a list of line numbers`, { file: report.display });
    return value;
}
function arcs(value, what, report) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || !value.every((a) => Array.isArray(a) && a.length === 2 && a.every(Number.isInteger)))
        throw new errors/* UserError */.yo(`${what} is not a list of [from, to] arcs`, { file: report.display });
    return value;
}
/**
 * coverage.py's own JSON (`coverage json`, format 2 or 3). Lines are its statements (executed or
 * missing; excluded ones are not counted), as `coverage report` counts them. Branch arms are its
 * arcs: each `[from, to]` in executed_branches or missing_branches is an arm of line `from`, ordered
 * by destination, the order its lcov and cobertura reports list them in. coverage.py has no function
 * or statement metric apart from lines, so those stay unmeasured.
 */
async function parseCoveragePy(report, set) {
    const text = await (0,promises_.readFile)(report.abs, 'utf8');
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`malformed JSON: ${error.message}`, { file: report.display }, { cause: error });
    }
    if (!isObject(doc) || !isObject(doc.files))
        throw new errors/* UserError */.yo('a coverage.py JSON report has a "files" object', { file: report.display });
    const key = (0,coverage_set/* positionKeys */.c4)();
    let branches = false;
    let count = 0;
    for (const [path, raw] of Object.entries(doc.files)) {
        if (!isObject(raw))
            throw new errors/* UserError */.yo(`entry "${path.slice(0, 80)}" is not an object`, { file: report.display });
        const file = (0,coverage_set/* fileIn */.Ed)(set, path);
        for (const line of lines(raw.executed_lines, `${path}: executed_lines`, report))
            file.lines.add(line, 1);
        for (const line of lines(raw.missing_lines, `${path}: missing_lines`, report))
            file.lines.add(line, 0);
        const arms = [
            ...arcs(raw.executed_branches, `${path}: executed_branches`, report).map(([from, to]) => ({ from, to, hits: 1 })),
            ...arcs(raw.missing_branches, `${path}: missing_branches`, report).map(([from, to]) => ({ from, to, hits: 0 })),
        ].sort((a, b) => a.from - b.from || a.to - b.to);
        let k = 0;
        arms.forEach((arm, i) => {
            k = i > 0 && arms[i - 1].from === arm.from ? k + 1 : 0;
            file.branches.add(key(arm.from, k), arm.from, arm.hits);
        });
        if (raw.executed_branches !== undefined || raw.missing_branches !== undefined)
            branches = true;
        count++;
    }
    if (count > 0)
        (0,coverage_set/* markMeasured */.qo)(set, 'lines');
    if (branches)
        (0,coverage_set/* markMeasured */.qo)(set, 'branches');
    return { files: count };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/stages/test-stage/bytes.ts
var bytes = __webpack_require__(84288);
// EXTERNAL MODULE: ./src/stages/test-stage/hit-table.ts
var hit_table = __webpack_require__(73951);
// EXTERNAL MODULE: ./src/stages/test-stage/line-hits.ts
var line_hits = __webpack_require__(10336);
;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/go-blocks.ts
// The blocks of a Go coverage profile as the reader merges them (see go.ts).
/** Grows a typed array to `length`, keeping its contents. */
function grown(from, length) {
    const to = new from.constructor(length);
    to.set(from);
    return to;
}
/** A copy of `from` at 8 bytes a number. */
function widened(from) {
    return from instanceof Float64Array ? from : Float64Array.from(from);
}
/** The largest number a narrow column holds. */
const NARROW_MAX = 0xffffffff;
/**
 * Every block of the profile, merged as they come: a `./...` run with `-coverpkg` repeats every block
 * once per test binary, so a big profile is mostly repeats. Blocks are stored by column in typed
 * arrays (nothing per block for the garbage collector to copy or trace). A block's four numbers
 * identify it in its file. Finding one again:
 * - a block starting after every block of its file so far is new: appended without a lookup (a
 *   profile lists each file's blocks in source order, so the first copy of a profile is all appends);
 * - the reader first tries the block after the one before (see GoProfileReader.merge);
 * - otherwise an open-addressing table keyed by file and start finds it; it is built on first need
 *   (a profile whose copies all repeat in the same order never needs it). A block starting where
 *   another of its file does but ending elsewhere goes by its full text.
 */
class BlockStore {
    count = 0;
    fileOf;
    /**
     * The four numbers and NumStmt: Uint32Arrays (what Go writes fits: it counts lines, columns and
     * statements in 32 bits), made Float64Arrays when a profile brings a larger number. Every page of
     * memory written costs (a big profile's blocks are megabytes), so the common case takes 4 bytes.
     */
    startLine;
    startCol;
    endLine;
    endCol;
    numStmt;
    /** Merged hits: counts add up past 32 bits. */
    hits;
    /** Per file: its first block, and the greatest start among its blocks (line, column). */
    firstOf = [];
    lastLine = [];
    lastCol = [];
    /**
     * Block index + 1 per slot (0: empty), for the first block of each (file, start); a power of two, at
     * most half full. Absent until a lookup needs it.
     */
    slots;
    odd = new Map();
    /** `capacity`: the blocks it holds before its arrays grow (they double as needed). */
    constructor(capacity = 1024) {
        this.fileOf = new Int32Array(capacity);
        this.startLine = new Uint32Array(capacity);
        this.startCol = new Uint32Array(capacity);
        this.endLine = new Uint32Array(capacity);
        this.endCol = new Uint32Array(capacity);
        this.numStmt = new Uint32Array(capacity);
        this.hits = new Float64Array(capacity);
    }
    /** The block of `file` at these four numbers, added (with no hits) if new. */
    find(file, sl, sc, el, ec, stmts) {
        if (this.startsAfterAll(file, sl, sc))
            return this.add(file, sl, sc, el, ec, stmts);
        const slots = this.slots ?? this.index();
        const mask = slots.length - 1;
        let slot = hash(file, sl, sc) & mask;
        for (;;) {
            const at = slots[slot] - 1;
            if (at < 0)
                break;
            if (this.fileOf[at] === file && this.startLine[at] === sl && this.startCol[at] === sc) {
                if (this.endLine[at] === el && this.endCol[at] === ec)
                    return at;
                const key = oddKey(file, sl, sc, el, ec);
                let index = this.odd.get(key);
                if (index === undefined) {
                    index = this.add(file, sl, sc, el, ec, stmts, false);
                    this.odd.set(key, index);
                }
                return index;
            }
            slot = (slot + 1) & mask;
        }
        return this.add(file, sl, sc, el, ec, stmts);
    }
    /** Appends a block that starts after every block of its file so far (see startsAfterAll): it is new. */
    append(file, sl, sc, el, ec, stmts) {
        return this.add(file, sl, sc, el, ec, stmts);
    }
    /** Whether a block at this start comes after every block of its file so far (then it is new). */
    startsAfterAll(file, sl, sc) {
        const lastLine = this.lastLine[file] ?? -1;
        return sl > lastLine || (sl === lastLine && sc > this.lastCol[file]);
    }
    /**
     * Whether block `index` (at most `count`) is the block at these four numbers, of `stmts` statements
     * (a block of other statements is another one, or an error merge reports). Every comparison is
     * made whatever the ones before it give (no `&&`): the reader asks this of every line, and the
     * optimising compiler, which leaves out code never run before it compiles, would otherwise leave
     * out the later ones while a profile's first copy (all new blocks, the first one already differs)
     * is read, then throw its code away when the second copy (all repeats) starts.
     */
    isAt(index, file, sl, sc, el, ec, stmts) {
        const same = (this.fileOf[index] === file ? 1 : 0) &
            (this.startLine[index] === sl ? 1 : 0) &
            (this.startCol[index] === sc ? 1 : 0) &
            (this.endLine[index] === el ? 1 : 0) &
            (this.endCol[index] === ec ? 1 : 0) &
            (this.numStmt[index] === stmts ? 1 : 0);
        return index < this.count && same === 1;
    }
    /**
     * Appends a block; `first`: no block of its file starts where it does (it goes into the table). The
     * arrays stay longer than `count` (isAt reads at `count`).
     */
    add(file, sl, sc, el, ec, stmts, first = true) {
        const index = this.count++;
        if (this.count === this.fileOf.length) {
            const length = this.count * 2;
            this.fileOf = grown(this.fileOf, length);
            this.startLine = grown(this.startLine, length);
            this.startCol = grown(this.startCol, length);
            this.endLine = grown(this.endLine, length);
            this.endCol = grown(this.endCol, length);
            this.numStmt = grown(this.numStmt, length);
            this.hits = grown(this.hits, length);
        }
        if ((sl > NARROW_MAX || sc > NARROW_MAX || el > NARROW_MAX || ec > NARROW_MAX || stmts > NARROW_MAX) &&
            !(this.startLine instanceof Float64Array))
            this.widen();
        this.fileOf[index] = file;
        this.startLine[index] = sl;
        this.startCol[index] = sc;
        this.endLine[index] = el;
        this.endCol[index] = ec;
        this.numStmt[index] = stmts;
        this.hits[index] = 0;
        this.firstOf[file] ??= index;
        if (this.startsAfterAll(file, sl, sc)) {
            this.lastLine[file] = sl;
            this.lastCol[file] = sc;
        }
        if (first && this.slots) {
            this.put(this.slots, index);
            if (this.count * 2 > this.slots.length)
                this.slots = this.rehash(this.slots.length * 2);
        }
        return index;
    }
    /** Makes the number columns 8 bytes a number (a number past 32 bits came). */
    widen() {
        this.startLine = widened(this.startLine);
        this.startCol = widened(this.startCol);
        this.endLine = widened(this.endLine);
        this.endCol = widened(this.endCol);
        this.numStmt = widened(this.numStmt);
    }
    /** The table over every block so far: the first block of each start in it, the others by their text. */
    index() {
        const slots = new Int32Array(Math.max(4096, 2 ** Math.ceil(Math.log2(this.count * 2 + 1))));
        const mask = slots.length - 1;
        for (let at = 0; at < this.count; at++) {
            let slot = hash(this.fileOf[at], this.startLine[at], this.startCol[at]) & mask;
            let seen = false;
            for (let other = slots[slot] - 1; other >= 0; other = slots[slot] - 1) {
                if (this.fileOf[other] === this.fileOf[at] &&
                    this.startLine[other] === this.startLine[at] &&
                    this.startCol[other] === this.startCol[at]) {
                    seen = true;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (seen) {
                this.odd.set(oddKey(this.fileOf[at], this.startLine[at], this.startCol[at], this.endLine[at], this.endCol[at]), at);
            }
            else
                slots[slot] = at + 1;
        }
        this.slots = slots;
        return slots;
    }
    put(slots, at) {
        const mask = slots.length - 1;
        let slot = hash(this.fileOf[at], this.startLine[at], this.startCol[at]) & mask;
        while (slots[slot] !== 0)
            slot = (slot + 1) & mask;
        slots[slot] = at + 1;
    }
    /** The table at `length` slots, each block in it going back in. */
    rehash(length) {
        const slots = new Int32Array(length);
        for (const stored of this.slots)
            if (stored !== 0)
                this.put(slots, stored - 1);
        return slots;
    }
}
/** A block that starts where another of its file does but ends elsewhere: found by its full text. */
function oddKey(file, sl, sc, el, ec) {
    return `${file}:${sl}.${sc},${el}.${ec}`;
}
function hash(file, sl, sc) {
    const h = Math.imul(file, 0x9e3779b1) ^ Math.imul(sl, 0x85ebca77) ^ Math.imul(sc + 0x165667b1, 0xc2b2ae3d);
    return (h ^ (h >>> 15)) >>> 0;
}

;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/go.ts








const openFd = (0,external_node_util_.promisify)(external_node_fs_.open);
const CHUNK = 1 << 20;
const NL = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const DOT = 0x2e;
const COMMA = 0x2c;
const SPACE = 0x20;
/** The byte after each number of a block line: '.', ',', '.', ' ', ' ', and the newline that ends it. */
const SEPS = Uint8Array.of(0x2e, 0x2c, 0x2e, 0x20, 0x20, NL);
/** Longest number the fast path reads: 15 digits are always a safe integer; longer goes the careful way. */
const FAST_DIGITS = 15;
/**
 * Reads a Go profile's lines and merges their blocks. Two ways to read a line, which must agree (the
 * tests read profiles both ways, mutated ones included):
 * - `line`, the careful way: any line, every error explained;
 * - `sameFileLines`, the fast way for the lines after a block line of the same file (nearly every line
 *   of a profile): the path is recognised by its bytes (no string is decoded), the numbers read up to
 *   the newline, and the block is usually the one after the block before (each test binary of a
 *   `-coverpkg` run repeats the blocks in the same order), or else a new one after every block of its
 *   file (the first copy). Anything else it hands to `merge`, or leaves to `line`.
 */
class GoProfileReader {
    report;
    /**
     * Sized from the file so a big profile's arrays seldom grow (growing copies them, and code compiled
     * before the first growth is thrown away): a block line is 40 to 100 bytes, and `-coverpkg` runs
     * repeat each block once per test binary. Capacity never written to costs no memory pages.
     */
    blocks;
    /** File paths in the order they first appear, and their numbers. */
    paths = [];
    fileIds = new Map();
    lineNo = 0;
    mode;
    setMode = false;
    lastPath = '';
    /** The number of lastPath's file; -1 before the first block line. */
    lastFile = -1;
    /** The block the line before merged into, or -1. */
    lastIndex = -1;
    /** lastPath's bytes, for the fast path (0 long: no block line read yet, or a path too long to keep). */
    pathBytes = Buffer.alloc(256);
    /**
     * pathBytes eight at a time, as DataView.getFloat64(k, true) reads them, and its last eight bytes so
     * (overlapping the word before). Compared as numbers, two such words are equal exactly when their
     * bytes are, provided the kept one is neither 0 (0 and -0 are equal numbers with other bytes) nor
     * NaN (never equal): `pathWordsExact` says whether they all are (a path of text always is).
     */
    pathWords = new Float64Array(32);
    pathTail = 0;
    pathWordsExact = false;
    pathLength = 0;
    /** The six numbers of the block line being read (reused: no array per line). */
    nums = new Float64Array(6);
    constructor(report) {
        this.report = report;
        this.blocks = new BlockStore(Math.min(1 << 20, Math.max(1024, Math.ceil(report.size / 160))));
    }
    fail(message) {
        throw new errors/* UserError */.yo(message, { file: this.report.display, line: this.lineNo });
    }
    /**
     * Reads the plain block lines of lastPath's file from b[pos…], as many as follow one another, each
     * ending in '\n' before `filled`: returns where the first line it did not read starts (`pos` if none).
     * A line it does not read (another file, anything unusual) is left, unconsumed, for `line`. One loop
     * over the lines (not a call per line) keeps the reader's state in locals.
     * b[filled] must not be a digit (the caller puts a 0 there), so no number runs past the data.
     */
    sameFileLines(b, view, pos, filled) {
        const length = this.pathLength;
        if (length === 0)
            return pos;
        // The path, eight bytes at a time (it is compared on nearly every line), as numbers (see
        // pathWords); a path shorter than 8, or whose words are not exact, goes byte by byte.
        const words = this.pathWords;
        const byWords = this.pathWordsExact;
        const wordEnd = length - 8;
        const tail = this.pathTail;
        const pathBytes = this.pathBytes;
        const blocks = this.blocks;
        const file = this.lastFile;
        const setMode = this.setMode;
        let lineNo = this.lineNo;
        let last = this.lastIndex;
        lines: for (;;) {
            if (pos + length >= filled)
                break;
            if (byWords) {
                for (let k = 0; k < wordEnd; k += 8)
                    if (view.getFloat64(pos + k, true) !== words[k >> 3])
                        break lines;
                if (view.getFloat64(pos + wordEnd, true) !== tail)
                    break;
            }
            else {
                for (let k = 0; k < length; k++)
                    if (b[pos + k] !== pathBytes[k])
                        break lines;
            }
            let i = pos + length;
            if (b[i] !== COLON)
                break;
            // The six numbers, each 1 to FAST_DIGITS digits, and the bytes after them.
            let from = ++i;
            let c = b[i];
            let sl = 0;
            for (; c >= 0x30 && c <= 0x39; c = b[++i])
                sl = sl * 10 + (c - 0x30);
            if (c !== DOT || i === from || i - from > FAST_DIGITS)
                break;
            from = ++i;
            c = b[i];
            let sc = 0;
            for (; c >= 0x30 && c <= 0x39; c = b[++i])
                sc = sc * 10 + (c - 0x30);
            if (c !== COMMA || i === from || i - from > FAST_DIGITS)
                break;
            from = ++i;
            c = b[i];
            let el = 0;
            for (; c >= 0x30 && c <= 0x39; c = b[++i])
                el = el * 10 + (c - 0x30);
            if (c !== DOT || i === from || i - from > FAST_DIGITS)
                break;
            from = ++i;
            c = b[i];
            let ec = 0;
            for (; c >= 0x30 && c <= 0x39; c = b[++i])
                ec = ec * 10 + (c - 0x30);
            if (c !== SPACE || i === from || i - from > FAST_DIGITS)
                break;
            from = ++i;
            c = b[i];
            let stmts = 0;
            for (; c >= 0x30 && c <= 0x39; c = b[++i])
                stmts = stmts * 10 + (c - 0x30);
            if (c !== SPACE || i === from || i - from > FAST_DIGITS)
                break;
            from = ++i;
            c = b[i];
            let cnt = 0;
            for (; c >= 0x30 && c <= 0x39; c = b[++i])
                cnt = cnt * 10 + (c - 0x30);
            if (i === from || i - from > FAST_DIGITS)
                break;
            // A profile written on Windows ends its lines in "\r\n".
            if (c === CR && b[i + 1] === NL)
                c = b[++i];
            if (c !== NL)
                break;
            i++;
            // i - 1 is the newline, inside the data (the mark at `filled` is not one).
            lineNo++;
            // The block after the one before, as each test binary's copy lists them: merged here (it passed
            // merge's checks when it was added, and its NumStmt agrees). Anything else goes through merge.
            let index = last + 1;
            if (!blocks.isAt(index, file, sl, sc, el, ec, stmts)) {
                if (el >= sl && blocks.startsAfterAll(file, sl, sc)) {
                    // A new block after every block of its file (the first copy of a profile is all these):
                    // what merge does with it, without the lookup.
                    index = blocks.append(file, sl, sc, el, ec, stmts);
                }
                else {
                    this.lineNo = lineNo;
                    this.lastIndex = last;
                    this.merge(sl, sc, el, ec, stmts, cnt);
                    last = this.lastIndex;
                    pos = i;
                    continue;
                }
            }
            const hits = blocks.hits;
            hits[index] = setMode ? hits[index] || (cnt > 0 ? 1 : 0) : hits[index] + cnt;
            last = index;
            pos = i;
        }
        this.lineNo = lineNo;
        this.lastIndex = last;
        return pos;
    }
    /** One line at b[start, end) (without its newline), read the careful way. */
    line(b, start, end) {
        this.lineNo++;
        if (end > start && b[end - 1] === CR)
            end--;
        while (end > start && (b[end - 1] === 0x20 || b[end - 1] === 0x09))
            end--;
        if (end === start)
            return;
        if (b[start] === 0x6d && end - start > 6 && (0,bytes/* utf8 */.As)(b, start, start + 6) === 'mode: ') {
            const next = (0,bytes/* utf8 */.As)(b, start + 6, end);
            if (!['set', 'count', 'atomic'].includes(next))
                this.fail(`unknown coverage mode "${next.slice(0, 40)}"`);
            // Concatenated profiles repeat the mode line; mixing modes would make the merge meaningless.
            if (this.mode !== undefined && this.mode !== next)
                this.fail(`mode "${next}" differs from "${this.mode}" earlier in the file`);
            this.mode = next;
            this.setMode = next === 'set';
            return;
        }
        if (this.mode === undefined)
            this.fail('a Go coverage profile starts with "mode: set|count|atomic"');
        if (!this.block(b, start, end))
            this.fail('line does not match "file:line.col,line.col statements count"');
    }
    /** One `file:sl.sc,el.ec stmts count` line at b[start, end); false if it is not one (the caller then explains). */
    block(b, start, end) {
        // The path may contain ':' (Windows drives): the position follows the last one.
        let colon = end - 1;
        while (colon > start && b[colon] !== COLON)
            colon--;
        if (colon <= start)
            return false;
        let i = colon + 1;
        const nums = this.nums;
        for (let f = 0; f < 6; f++) {
            let v = 0;
            const from = i;
            let c = b[i];
            while (c >= 0x30 && c <= 0x39 && i - from < 16) {
                v = v * 10 + (c - 0x30);
                c = b[++i];
            }
            if (i === from)
                return false;
            nums[f] = v;
            if (f < 5) {
                if (c !== SEPS[f])
                    return false;
                i++;
            }
            else if (i !== end)
                return false;
        }
        if (this.lastFile < 0 || !(0,bytes/* sameBytes */.er)(this.lastPath, b, start, colon)) {
            this.lastPath = (0,bytes/* utf8 */.As)(b, start, colon);
            let file = this.fileIds.get(this.lastPath);
            if (file === undefined) {
                file = this.paths.push(this.lastPath) - 1;
                this.fileIds.set(this.lastPath, file);
            }
            this.lastFile = file;
            // A file met again (the next test binary's copy) starts where its blocks did the first time.
            this.lastIndex = (this.blocks.firstOf[file] ?? 0) - 1;
            this.keepPath(b, start, colon);
        }
        this.merge(nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]);
        return true;
    }
    /** Keeps the bytes of the path just read, for `sameFileLines`. */
    keepPath(b, start, end) {
        const length = end - start;
        if (length > this.pathBytes.length) {
            if (length > 64 * 1024) {
                this.pathLength = 0;
                return;
            }
            this.pathBytes = Buffer.alloc(length + 256);
            this.pathWords = new Float64Array(this.pathBytes.length >> 3);
        }
        b.copy(this.pathBytes, 0, start, end);
        const view = new DataView(this.pathBytes.buffer, this.pathBytes.byteOffset, this.pathBytes.byteLength);
        let exact = length >= 8;
        for (let k = 0; k + 8 <= length; k += 8) {
            const word = view.getFloat64(k, true);
            this.pathWords[k >> 3] = word;
            if (word === 0 || word !== word)
                exact = false;
        }
        const tail = length >= 8 ? view.getFloat64(length - 8, true) : 0;
        if (tail === 0 || tail !== tail)
            exact = false;
        this.pathTail = tail;
        this.pathWordsExact = exact;
        this.pathLength = length;
    }
    /** Merges one block line into its file's block: summed in count and atomic mode, OR-ed in set mode. */
    merge(sl, sc, el, ec, stmts, cnt) {
        if (el < sl)
            this.fail('block ends before it starts');
        if (!Number.isSafeInteger(cnt) || !Number.isSafeInteger(stmts))
            this.fail('count out of range');
        const blocks = this.blocks;
        const file = this.lastFile;
        // The block after the one before, as each test binary's copy of the profile lists them; else the
        // table finds it. A block's four numbers identify it in its file, so both ways find the same one
        // (a block of other NumStmt is not taken as the next one: the table finds it, and it is refused).
        let index = this.lastIndex + 1;
        if (!blocks.isAt(index, file, sl, sc, el, ec, stmts))
            index = blocks.find(file, sl, sc, el, ec, stmts);
        if (blocks.numStmt[index] !== stmts)
            this.fail(`inconsistent NumStmt for ${this.lastPath}:${sl}.${sc},${el}.${ec}: ${blocks.numStmt[index]} then ${stmts}`);
        blocks.hits[index] = this.setMode ? blocks.hits[index] || (cnt > 0 ? 1 : 0) : blocks.hits[index] + cnt;
        this.lastIndex = index;
    }
}
/**
 * Go coverprofile (`go test -coverprofile`), modes set/count/atomic, read on bytes in 1 MiB chunks.
 * Blocks repeated at the same position merge exactly as `go tool cover` merges them: OR-ed in set
 * mode, summed otherwise. Statements are Go's metric (each block holds NumStmt of them; `go tool
 * cover -func`'s total is covered statements / statements) and the headline for Go. Lines are
 * derived (a line counts the most-executed block on it) so diff coverage works on Go profiles too.
 */
async function parseGo(report, set) {
    return readGoProfile(report, set, true);
}
/**
 * parseGo, with or without the fast path (`fast`: false reads every line the careful way). Exported
 * for the tests that hold the two ways equal.
 */
async function readGoProfile(report, set, fast) {
    const reader = new GoProfileReader(report);
    const fd = await openFd(report.abs, 'r');
    try {
        // One byte past the data stays free for the fast path's end mark.
        let buf = Buffer.allocUnsafe(CHUNK + 1);
        let view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        let filled = 0;
        for (;;) {
            if (filled + 1 >= buf.length) {
                const bigger = Buffer.allocUnsafe(buf.length * 2);
                buf.copy(bigger, 0, 0, filled);
                buf = bigger;
                view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
            }
            const bytesRead = (0,external_node_fs_.readSync)(fd, buf, filled, buf.length - 1 - filled, null);
            filled += bytesRead;
            buf[filled] = 0;
            let start = 0;
            for (;;) {
                if (fast)
                    start = reader.sameFileLines(buf, view, start, filled);
                const nl = buf.indexOf(NL, start);
                if (nl < 0 || nl >= filled)
                    break;
                reader.line(buf, start, nl);
                start = nl + 1;
            }
            if (bytesRead === 0) {
                if (start < filled)
                    reader.line(buf, start, filled);
                break;
            }
            buf.copy(buf, 0, start, filled);
            filled -= start;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    addToSet(report, set, reader.paths, reader.blocks);
    if (reader.paths.length > 0)
        (0,coverage_set/* markMeasured */.qo)(set, 'statements', 'lines');
    return { files: reader.paths.length };
}
/**
 * Moves the merged blocks into the set. Deriving lines walks every block's span: a corrupt profile
 * (huge spans) must not turn a small file into billions of steps, so the walk has a budget far above
 * what real blocks (a handful of lines each) need.
 */
function addToSet(report, set, paths, blocks) {
    const { count, fileOf, startLine, endLine, numStmt } = blocks;
    const files = paths.length;
    // In one pass: the budget, over all blocks at once (a file's walk only adds to it); each file's last
    // line; how many of its blocks hold statements; and whether the store already lists the blocks file
    // by file, all holding statements (as it does for a profile whose copies list the same blocks).
    let budget = 1_000_000 + 20 * report.size;
    const lastOf = new Float64Array(files);
    const starts = new Int32Array(files + 1);
    let grouped = true;
    /** Per file, 1 if a block of it holds other than one statement (its table then keeps weights). */
    const weighted = new Uint8Array(files);
    for (let i = 0; i < count; i++) {
        const file = fileOf[i];
        const el = endLine[i];
        budget -= el - startLine[i] + 1;
        if (el > lastOf[file])
            lastOf[file] = el;
        const stmts = numStmt[i];
        if (stmts !== 0)
            starts[file + 1]++;
        else
            grouped = false;
        if (stmts > 1)
            weighted[file] = 1;
        if (i > 0 && file < fileOf[i - 1])
            grouped = false;
    }
    if (budget < 0)
        throw new errors/* UserError */.yo('implausible coverage blocks (spans far too large)', { file: report.display });
    for (let f = 0; f < files; f++)
        starts[f + 1] += starts[f];
    // The blocks of each file that hold statements, in the order they first appeared: file f's are
    // order[starts[f], starts[f + 1]) (a counting sort by file); no order: the store's own.
    let order;
    if (!grouped) {
        order = new Int32Array(starts[files]);
        const next = starts.slice(0, files);
        for (let i = 0; i < count; i++)
            if (numStmt[i] !== 0)
                order[next[fileOf[i]]++] = i;
    }
    const lines = new FileLines();
    for (let f = 0; f < files; f++) {
        const file = (0,coverage_set/* fileIn */.Ed)(set, paths[f]);
        const first = starts[f];
        addStatements(file, blocks, order, first, starts[f + 1], weighted[f] === 1);
        lines.add(file.lines, blocks, order, first, starts[f + 1], lastOf[f]);
    }
}
/** Block `o` of the blocks listed by `order` (see addToSet): order[o], or o itself without one. */
function blockAt(order, o) {
    return order ? order[o] : o;
}
/**
 * The file's statements: its blocks first..end of `order`, one entry each (NumStmt statements; the
 * table keeps no weights if `weighted` is false: every block holds one).
 */
function addStatements(file, blocks, order, first, end, weighted) {
    const { startLine, startCol, endLine, endCol, numStmt, hits } = blocks;
    // Keys (`sl.sc,el.ec`) are made only if something asks for them (a merge, the shard export).
    const keyOf = (at) => {
        const i = blockAt(order, first + at);
        return `${startLine[i]}.${startCol[i]},${endLine[i]}.${endCol[i]}`;
    };
    if (file.statements.size === 0) {
        // A profile's blocks are unique per file (merged while reading): the table takes them as they
        // are. A file whose blocks are stored one after another (each copy of a profile lists a file's
        // blocks together) gets views of the store's columns, not copies.
        const from = blockAt(order, first);
        if (end > first && blockAt(order, end - 1) - from === end - 1 - first) {
            const to = from + (end - first);
            file.statements = hit_table/* HitTable */.i.withKeysOnDemand(startLine.subarray(from, to), hits.subarray(from, to), weighted ? numStmt.subarray(from, to) : undefined, keyOf);
            return;
        }
        const lines = [];
        const counts = [];
        const weights = [];
        for (let o = first; o < end; o++) {
            const i = blockAt(order, o);
            lines.push(startLine[i]);
            counts.push(hits[i]);
            weights.push(numStmt[i]);
        }
        file.statements = hit_table/* HitTable */.i.withKeysOnDemand(lines, counts, weighted ? weights : undefined, keyOf);
    }
    else {
        for (let o = first; o < end; o++) {
            const i = blockAt(order, o);
            file.statements.addWeighted(keyOf(o - first), startLine[i], hits[i], numStmt[i]);
        }
    }
}
/** Derives the lines of each file from its blocks: a line counts the most-executed block on it. */
class FileLines {
    batch = new line_hits/* LineBatch */.T();
    /**
     * Per line of the file at hand, the most-executed block on it + 1 (0 = no statement there), reused
     * from file to file: in the lines table's own encoding, handed to it at once.
     */
    counts = new Uint32Array(1024);
    /** The same for a file with a block run 2^32 - 1 times or more (a count a Uint32Array cannot hold). */
    wide = new Float64Array(0);
    add(target, blocks, order, first, end, last) {
        const { startLine, endLine, hits } = blocks;
        if (last >= 1 << 24) {
            this.addSparse(target, blocks, order, first, end);
            return;
        }
        if (last >= this.counts.length)
            this.counts = new Uint32Array(2 ** Math.ceil(Math.log2(last + 1)));
        const counts = this.counts;
        let top = -1;
        let lines = 0;
        for (let o = first; o < end; o++) {
            const i = blockAt(order, o);
            const value = hits[i] + 1;
            if (!(value <= 0xffffffff)) {
                counts.fill(0, 0, top + 1);
                this.addWide(target, blocks, order, first, end, last);
                return;
            }
            const el = endLine[i];
            if (el > top)
                top = el;
            for (let line = startLine[i]; line <= el; line++) {
                const before = counts[line];
                if (before < value) {
                    if (before === 0)
                        lines++;
                    counts[line] = value;
                }
            }
        }
        this.batch.addCounts(target, counts, top, lines);
        counts.fill(0, 0, top + 1);
    }
    /** `add` for a file with counts too large for the Uint32Array: line by line. */
    addWide(target, blocks, order, first, end, last) {
        const { startLine, endLine, hits } = blocks;
        if (last >= this.wide.length)
            this.wide = new Float64Array(2 ** Math.ceil(Math.log2(last + 1)));
        const wide = this.wide;
        for (let o = first; o < end; o++) {
            const i = blockAt(order, o);
            const value = hits[i] + 1;
            const el = endLine[i];
            for (let line = startLine[i]; line <= el; line++)
                if (wide[line] < value)
                    wide[line] = value;
        }
        // Collected for the file at once: its table is made at its final size (see LineBatch).
        const batch = this.batch;
        batch.begin(target);
        for (let line = 0; line <= last; line++) {
            if (wide[line] > 0) {
                batch.add(line, wide[line] - 1);
                wide[line] = 0;
            }
        }
        batch.flush();
    }
    /** A file with a line too far out to index densely (a broken profile). */
    addSparse(target, blocks, order, first, end) {
        const { startLine, endLine, hits } = blocks;
        const sparse = new Map();
        for (let o = first; o < end; o++) {
            const i = blockAt(order, o);
            const count = hits[i];
            for (let line = startLine[i]; line <= endLine[i]; line++)
                if ((sparse.get(line) ?? -1) < count)
                    sparse.set(line, count);
        }
        for (const [line, count] of [...sparse].sort((a, b) => a[0] - b[0]))
            target.add(line, count);
    }
}

// EXTERNAL MODULE: ./src/stages/test-stage/model.ts
var model = __webpack_require__(47326);
;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/istanbul.ts




function istanbul_isObject(value) {
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
    if (!istanbul_isObject(data))
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
    if (istanbul_isObject(loc) && istanbul_isObject(loc.start) && typeof loc.start.line === 'number')
        return loc.start.line;
    return 0;
}
/**
 * istanbul `coverage-final.json` (nyc, c8, vitest/jest with the json reporter). Metrics are computed
 * as istanbul-lib-coverage's summary computes them: statements from `s`, functions from `f`, every
 * branch arm of `b`, and a line's hits = the most-executed statement starting on that line. Items are
 * keyed by position on the lines istanbul's own lcov and cobertura reporters give them (a function at
 * its declaration's line, an arm at its branch's start line), so the reports of one run merge.
 */
async function parseIstanbulFinal(report, set) {
    const data = await readJson(report);
    const key = (0,coverage_set/* positionKeys */.c4)();
    let count = 0;
    for (const [name, raw] of Object.entries(data)) {
        const entry = istanbul_isObject(raw) && istanbul_isObject(raw.data) ? raw.data : raw;
        if (!istanbul_isObject(entry) || !istanbul_isObject(entry.statementMap)) {
            throw new errors/* UserError */.yo(`entry "${name.slice(0, 80)}" is not istanbul file coverage (no statementMap)`, {
                file: report.display,
            });
        }
        const path = typeof entry.path === 'string' ? entry.path : name;
        const file = (0,coverage_set/* fileIn */.Ed)(set, path);
        const s = istanbul_isObject(entry.s) ? entry.s : {};
        const lineHits = new Map();
        const ordinals = new coverage_set/* LineOrdinals */.lw();
        for (const [id, loc] of Object.entries(entry.statementMap)) {
            const hits = num(s[id] ?? 0, `statement ${id}`, report, path);
            const line = startLine(loc);
            file.statements.add(key(line, ordinals.take(line)), line, hits);
            const before = lineHits.get(line);
            if (before === undefined || before < hits)
                lineHits.set(line, hits);
        }
        for (const [line, hits] of lineHits)
            file.lines.add(line, hits);
        const f = istanbul_isObject(entry.f) ? entry.f : {};
        ordinals.clear();
        for (const [id, meta] of Object.entries(istanbul_isObject(entry.fnMap) ? entry.fnMap : {})) {
            // The declaration's line, where istanbul's lcov (FN) and cobertura (<method>) reporters put it.
            const line = istanbul_isObject(meta)
                ? startLine(meta.decl) || (typeof meta.line === 'number' ? meta.line : startLine(meta.loc))
                : 0;
            file.functions.add(key(line, ordinals.take(line)), line, num(f[id] ?? 0, `function ${id}`, report, path));
        }
        const b = istanbul_isObject(entry.b) ? entry.b : {};
        ordinals.clear();
        for (const [id, meta] of Object.entries(istanbul_isObject(entry.branchMap) ? entry.branchMap : {})) {
            const arms = b[id];
            // The branch's start line, as istanbul's lcov reporter writes BRDA.
            const line = istanbul_isObject(meta) ? startLine(meta.loc) || (typeof meta.line === 'number' ? meta.line : 0) : 0;
            if (!Array.isArray(arms))
                continue;
            for (const hits of arms)
                file.branches.add(key(line, ordinals.take(line)), line, num(hits, `branch ${id}`, report, path));
        }
        count++;
    }
    if (count > 0)
        (0,coverage_set/* markMeasured */.qo)(set, ...model/* METRICS */.C);
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
        if (!istanbul_isObject(raw))
            throw new errors/* UserError */.yo(`entry "${path.slice(0, 80)}" is not an object`, { file: report.display });
        const counters = {};
        for (const metric of model/* METRICS */.C) {
            const value = raw[metric];
            if (value === undefined)
                continue;
            if (!istanbul_isObject(value))
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
    (0,coverage_set/* markMeasured */.qo)(set, ...measured);
    return { files: count };
}

;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/jacoco.ts


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
    const key = (0,coverage_set/* positionKeys */.c4)();
    const methodOrdinals = new Map();
    await (0,xml_stream/* streamXml */.sq)(report, {
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
                        line: (0,xml_stream/* intAttr */.vd)(attrs, 'line', ctx, 0),
                        covered: false,
                    };
                    return;
                case 'counter':
                    if (method && attrs.get('type') === 'METHOD')
                        method.covered = (0,xml_stream/* intAttr */.vd)(attrs, 'covered', ctx, 0) > 0;
                    return;
                case 'sourcefile':
                    file = (0,coverage_set/* fileIn */.Ed)(set, pathOf(attrs.get('name') ?? ctx.fail('<sourcefile> without a name')));
                    files++;
                    return;
                case 'line': {
                    if (!file)
                        return ctx.fail('<line> outside a <sourcefile>');
                    const line = (0,xml_stream/* intAttr */.vd)(attrs, 'nr', ctx);
                    const mi = (0,xml_stream/* intAttr */.vd)(attrs, 'mi', ctx, 0);
                    const ci = (0,xml_stream/* intAttr */.vd)(attrs, 'ci', ctx, 0);
                    const mb = (0,xml_stream/* intAttr */.vd)(attrs, 'mb', ctx, 0);
                    const cb = (0,xml_stream/* intAttr */.vd)(attrs, 'cb', ctx, 0);
                    if (mi < 0 || ci < 0 || mb < 0 || cb < 0 || mb + cb > 10_000)
                        ctx.fail('line counters out of range');
                    if (mi + ci > 0)
                        file.lines.add(line, ci);
                    // JaCoCo counts a line's arms (covered / missed), not which one ran: the arms are counted.
                    for (let arm = 0; arm < mb + cb; arm++)
                        file.branches.add(key(line, arm), line, arm < cb ? 1 : 0);
                    if (mb + cb > 0) {
                        sawBranches = true;
                        file.branchesCounted = true;
                    }
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
                const target = (0,coverage_set/* fileIn */.Ed)(set, pathOf(source));
                let ordinals = methodOrdinals.get(target);
                if (!ordinals)
                    methodOrdinals.set(target, (ordinals = new coverage_set/* LineOrdinals */.lw()));
                target.functions.add(key(method.line, ordinals.take(method.line)), method.line, method.covered ? 1 : 0);
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
        (0,coverage_set/* markMeasured */.qo)(set, 'lines');
    if (sawBranches)
        (0,coverage_set/* markMeasured */.qo)(set, 'branches');
    if (sawMethods)
        (0,coverage_set/* markMeasured */.qo)(set, 'functions');
    return { files };
}

// EXTERNAL MODULE: ./src/stages/test-stage/coverage/lcov.ts
var lcov = __webpack_require__(11728);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/report-file.ts
var report_file = __webpack_require__(38421);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/totals.ts
var totals = __webpack_require__(60579);
;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/index.ts













const PARSERS = {
    lcov: lcov/* parseLcov */.g,
    cobertura: parseCobertura,
    clover: parseClover,
    jacoco: parseJacoco,
    'istanbul-summary': parseIstanbulSummary,
    'istanbul-final': parseIstanbulFinal,
    go: parseGo,
    'coverage-py': parseCoveragePy,
};
/**
 * Reads coverage reports (any mix of formats) into one set. Each report is read into a set of its
 * own, then merged metric by metric (see mergeSets): several reports of one run give that run's
 * numbers; reports of different runs add up as `lcov -a` does. A report that is missing, unreadable, corrupt or (unless allowEmpty) empty is a UserError
 * naming it.
 */
async function readCoverage(files, opts) {
    if (files.length === 0 && !opts.allowEmpty) {
        throw new errors/* UserError */.yo('no coverage report given', { input: opts.input });
    }
    const set = (0,coverage_set/* emptySet */.mj)();
    for (const name of files) {
        const report = await (0,report_file/* openReport */.N)(name, opts.cwd, opts.input);
        const format = opts.format ?? (report.size === 0 ? undefined : await (0,detect/* formatOf */.be)(report, opts.input));
        if (format === undefined) {
            if (opts.allowEmpty)
                continue;
            throw (0,report_file/* noDataError */.M)(report, 'coverage', opts.input);
        }
        const own = (0,coverage_set/* emptySet */.mj)();
        const { files: count, roots } = await PARSERS[format](report, own);
        if (count === 0 && !opts.allowEmpty)
            throw (0,report_file/* noDataError */.M)(report, 'coverage', opts.input);
        own.sources.push(roots?.length ? { file: report.display, format, roots } : { file: report.display, format });
        (0,coverage_set/* mergeSets */.Qg)(set, own);
    }
    return set;
}

// EXTERNAL MODULE: ./src/stages/test-stage/results/index.ts + 3 modules
var test_stage_results = __webpack_require__(18919);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/stages/test-stage/detect.ts




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
async function detect_exists(p) {
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
    if (await detect_exists(external_node_path_default().join(cwd, 'pnpm-lock.yaml')))
        return 'pnpm';
    if (await detect_exists(external_node_path_default().join(cwd, 'yarn.lock')))
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
        (await detect_exists(external_node_path_default().join(cwd, 'pytest.ini'))) ||
        (await detect_exists(external_node_path_default().join(cwd, 'conftest.py')));
    if (pytest) {
        const cov = (await pythonHas('pytest_cov', cwd)) ? ' --cov --cov-report=xml:coverage.xml' : '';
        out.test.push(`mkdir -p ${DETECT_DIR} && python3 -m pytest --junitxml=${DETECT_DIR}/pytest-junit.xml${cov}`);
        out.reasons.push('pytest configuration found');
    }
    if (await detect_exists(external_node_path_default().join(cwd, 'go.mod'))) {
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
            if (await detect_exists(external_node_path_default().join(cwd, rel))) {
                found.push(rel);
                break;
            }
        }
    }
    return found;
}

// EXTERNAL MODULE: ./src/stages/test-stage/diff/changed-lines.ts + 3 modules
var changed_lines = __webpack_require__(62130);
// EXTERNAL MODULE: ./src/stages/test-stage/event.ts
var test_stage_event = __webpack_require__(95135);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/stages/test-stage/walk.ts
var walk = __webpack_require__(83722);
;// CONCATENATED MODULE: ./src/stages/test-stage/find-files.ts




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
    await (0,walk/* walkFiles */.F)(baseDir, {
        skipDirs: new Set(skip),
        maxEntries: MAX_ENTRIES,
        onFile: (rel) => {
            if (matcher(rel))
                out.push(external_node_path_default().join(baseDir, rel));
        },
    });
    return out.sort();
}

// EXTERNAL MODULE: ./src/stages/test-stage/gates.ts
var test_stage_gates = __webpack_require__(70123);
;// CONCATENATED MODULE: ./src/stages/test-stage/paths/go-modules.ts


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

;// CONCATENATED MODULE: ./src/stages/test-stage/paths/normalize.ts

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
        // Two report paths naming one file (lcov's absolute path, cobertura's relative one): the same
        // merge as two reports (by position, counted arms never added to known ones).
        if (existing)
            (0,coverage_set/* mergeFiles */.Ai)(existing, file);
        else
            files.set(p, { ...file, path: p });
    }
    const summaryOnly = new Map();
    for (const [reported, counters] of set.summaryOnly) {
        const p = note(reported);
        const existing = summaryOnly.get(p) ?? {};
        for (const [metric, c] of Object.entries(counters)) {
            const cur = existing[metric];
            // Two summaries of one file (several reports of a run): the larger is what is known.
            existing[metric] = cur
                ? { covered: Math.max(cur.covered, c.covered), total: Math.max(cur.total, c.total) }
                : { ...c };
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

// EXTERNAL MODULE: ./src/stages/test-stage/paths/repo-files.ts
var repo_files = __webpack_require__(88015);
// EXTERNAL MODULE: ./src/stages/test-stage/report/annotations.ts
var annotations = __webpack_require__(26224);
// EXTERNAL MODULE: ./src/stages/test-stage/report/data.ts
var data = __webpack_require__(42612);
// EXTERNAL MODULE: ./src/stages/test-stage/report/markdown.ts
var markdown = __webpack_require__(23797);
// EXTERNAL MODULE: ./src/stages/test-stage/report/result.ts
var report_result = __webpack_require__(44269);
// EXTERNAL MODULE: ./src/stages/test-stage/report/text.ts
var report_text = __webpack_require__(82575);
;// CONCATENATED MODULE: ./src/stages/test-stage/run-commands.ts

/**
 * After the command's shell exits, its output is read for at most this long: a background process it
 * started (`npm start &`) inherits stdout and stderr and would otherwise hold the stage until it ends.
 * Then shipkit stops reading (the background process keeps running; what it writes later is lost).
 */
const PIPE_GRACE_MS = 2000;
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
 * line by line to the logger. It ends when bash exits (plus PIPE_GRACE_MS for output still in the
 * pipes), not when every process holding its pipes has. Cancelling kills the whole process group.
 * `options.env` is the environment as given: the stage passes userCommandEnv's (no INPUT_*, no token).
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
        let grace;
        const finish = (exitCode, signal, pipesLeftOpen = false) => {
            if (settled)
                return;
            settled = true;
            if (grace)
                clearTimeout(grace);
            options.signal.removeEventListener('abort', onAbort);
            out.end();
            err.end();
            const result = { kind, command, exitCode, durationMs: Math.round(performance.now() - started) };
            if (signal)
                result.signal = signal;
            if (pipesLeftOpen)
                result.pipesLeftOpen = true;
            resolve(result);
        };
        child.on('error', (error) => {
            options.logger.error(`${kind}: cannot start bash: ${error.message}`);
            finish(null);
        });
        // 'close' comes when bash has exited AND every holder of its pipes has closed them; 'exit' when
        // bash alone has. A background process keeps the pipes open: give its output a grace period.
        child.on('close', (code, signal) => finish(code, signal ?? undefined));
        child.on('exit', (code, signal) => {
            grace = setTimeout(() => {
                options.logger.warning(`${kind}: '${command}' exited, but a process it started in the background still holds its output; no longer reading it`);
                child.stdout.destroy();
                child.stderr.destroy();
                finish(code, signal ?? undefined, true);
            }, PIPE_GRACE_MS);
        });
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

// EXTERNAL MODULE: ./src/stages/test-stage/summarize.ts
var summarize = __webpack_require__(69034);
// EXTERNAL MODULE: ./src/stages/test-stage/shard/cases.ts
var cases = __webpack_require__(4213);
// EXTERNAL MODULE: ./src/stages/test-stage/shard/format.ts
var format = __webpack_require__(32781);
;// CONCATENATED MODULE: ./src/stages/test-stage/shard/lcov-write.ts
/**
 * An lcov tracefile of a coverage set: lines (DA), functions (FN/FNDA, named by their position key,
 * which is what identifies a function across shards of one code base) and branch arms (BRDA, the
 * k-th arm of a line as arm k of block 0). Reading it back with the test stage's lcov parser gives
 * the same items under the same keys; `lcov -a` over several of them gives the same totals as the
 * merge (items are matched by position there too).
 */
function writeLcov(set) {
    const parts = [];
    const paths = [...set.files.keys()].sort();
    for (const path of paths) {
        const file = set.files.get(path);
        if (file)
            parts.push(record(path, file));
    }
    return parts.join('');
}
function record(path, file) {
    const out = ['TN:', `SF:${path}`];
    let fnHit = 0;
    const fnda = [];
    for (const [key, hit] of file.functions) {
        const name = functionName(key);
        out.push(`FN:${Math.max(0, hit.line)},${name}`);
        fnda.push(`FNDA:${hit.hits},${name}`);
        if (hit.hits > 0)
            fnHit++;
    }
    if (file.functions.size > 0)
        out.push(...fnda, `FNF:${file.functions.size}`, `FNH:${fnHit}`);
    if (file.branches.size > 0) {
        // Arms of a line keep their order: the k-th arm read back is the k-th arm written.
        const arms = [...file.branches].map(([, hit], order) => ({ ...hit, order }));
        arms.sort((a, b) => a.line - b.line || a.order - b.order);
        let line = Number.NaN;
        let k = 0;
        let hit = 0;
        for (const arm of arms) {
            k = arm.line === line ? k + 1 : 0;
            line = arm.line;
            out.push(`BRDA:${arm.line},0,${k},${arm.hits}`);
            if (arm.hits > 0)
                hit++;
        }
        out.push(`BRF:${arms.length}`, `BRH:${hit}`);
    }
    let lh = 0;
    for (const [line, hits] of file.lines) {
        out.push(`DA:${line},${hits}`);
        if (hits > 0)
            lh++;
    }
    out.push(`LF:${file.lines.size}`, `LH:${lh}`, 'end_of_record', '');
    return out.join('\n');
}
/** A function's key as an lcov name: no comma (FN's separator) and never a bare number (lcov 2's end line). */
function functionName(key) {
    return `f@${key.replace(/[,\n\r]/g, '_')}`;
}

;// CONCATENATED MODULE: ./src/stages/test-stage/shard/export.ts



/**
 * HitTable keeps an entry's weight (a Go block stands for NumStmt statements) to itself; the export
 * needs it to write the entry back as it was. Read through this view; the round-trip test of Go
 * profiles fails if the table ever keeps weights another way.
 */
function weightOf(table, at) {
    const weights = table.weights;
    return weights?.[at] ?? 1;
}
function statementsOf(table) {
    const keys = [];
    const data = [];
    let at = 0;
    for (const [key, hit] of table) {
        keys.push(key);
        data.push(hit.line, hit.hits, weightOf(table, at++));
    }
    return { keys, data };
}
function coverageOf(set, unmatched) {
    const statements = {};
    const countedBranches = [];
    for (const [path, file] of set.files) {
        if (file.statements.size > 0)
            statements[path] = statementsOf(file.statements);
        if (file.branchesCounted && file.branches.size > 0)
            countedBranches.push(path);
    }
    return {
        measured: { ...set.measured },
        sources: set.sources.map((s) => ({ file: s.file, format: s.format })),
        statements,
        countedBranches,
        summaryOnly: Object.fromEntries(set.summaryOnly),
        unmatched: unmatched.map((u) => ({ ...u })),
    };
}
function gateOptionsOf(options) {
    const out = {
        min: { ...options.min },
        pathThresholds: options.pathThresholds.map((t) => ({ glob: t.glob, min: { ...t.min } })),
        requireBaseline: options.requireBaseline,
        annotate: options.annotate,
    };
    if (options.minDiffCoverage !== undefined)
        out.minDiffCoverage = options.minDiffCoverage;
    if (options.maxDrop !== undefined)
        out.maxDrop = options.maxDrop;
    if (options.base !== undefined)
        out.base = options.base;
    return out;
}
/**
 * The shard export of one test-stage run: `coverage.lcov` (when there is coverage) and `shard.json`,
 * written when the host asks for them. The host saves them beside the report (an artifact in a matrix job, `--report-dir` in the CLI).
 */
function shardExport(input) {
    const document = () => ({
        format: format/* SHARD_FORMAT */.LS,
        version: format/* SHARD_VERSION */.Cw,
        shard: input.shard ?? null,
        job: input.job ?? null,
        coverage: input.set ? coverageOf(input.set, input.unmatched) : null,
        tests: input.tests ? (0,cases/* encodeTests */.KY)(input.tests) : null,
        commands: input.commands.map((c) => ({ ...c })),
        options: gateOptionsOf(input.options),
    });
    const files = [{ name: format/* SHARD_JSON */.KP, data: () => `${JSON.stringify(document())}\n` }];
    const { set } = input;
    if (set)
        files.unshift({ name: format/* SHARD_LCOV */.yA, data: () => writeLcov(set) });
    return files;
}

;// CONCATENATED MODULE: ./src/stages/test-stage/run.ts


























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
        const results = await (deps.readTestResults ?? test_stage_results/* readTestResults */.JQ)(found.files, {
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
    const lead = r.coverage?.totals[r.headline];
    if (lead)
        parts.push(`${r.headline} ${lead.pct.toFixed(2)} %`);
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
    // The commands run the pull request's code: they get what a `run:` step gets, no inputs, no token.
    const runOpts = { cwd: ctx.cwd, env: (0,user_command_env/* userCommandEnv */.c)(ctx.env), logger, signal: ctx.signal };
    const commands = [...(await runCommands('lint', lint, runOpts)), ...(await runCommands('test', test, runOpts))];
    // Before the reports are read: git is spawned (for HEAD outside Actions) while this process is
    // small; after a 50 MB report, forking it costs ~20 ms (the page tables are copied).
    const event = await (0,test_stage_event/* eventInfo */.l)(ctx);
    const repo = await (0,repo_files/* listRepoFiles */.c)(ctx.cwd);
    // The reports' cases, failures and files survive: promoted at once rather than growing the young generation.
    (0,young_generation/* keepYoungGenerationSmall */.D)();
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
    const summary = set ? (0,summarize/* summarize */.eh)(set) : undefined;
    const tests = results.value ? normalizeTestResults(results.value, resolver) : undefined;
    // Counted once: the gates and the report use the same totals (a pass over every case).
    const totals = tests ? (0,test_stage_results/* testTotals */.gS)(tests) : undefined;
    const base = options.base ?? event.pr?.baseRef;
    const diff = await (0,changed_lines/* measureDiff */.a)(set, {
        root: repo.root,
        ...(base !== undefined ? { base } : {}),
        ...(event.pr?.baseSha && base === event.pr.baseRef ? { baseSha: event.pr.baseSha } : {}),
        ...(event.pr ? { pullNumber: event.pr.number } : {}),
    }, ctx);
    const store = ctx.host.baselines;
    let baseline = { kind: 'not-applicable' };
    if (base !== undefined) {
        try {
            const found = await (0,test_stage_baseline/* restoreBaseline */.W3)(store, base);
            baseline = found ? { kind: 'found', baseline: found } : { kind: 'missing', branch: base };
        }
        catch (error) {
            warnings.push(`baseline of '${base}' could not be restored: ${error.message}`);
            baseline = { kind: 'missing', branch: base };
        }
    }
    let baselineSaved;
    // A matrix shard's coverage is partial: the root report action saves the merged baseline instead.
    if (summary && !ctx.run.shard && event.pushBranch && event.pushBranch === event.defaultBranch && event.sha) {
        try {
            await (0,test_stage_baseline/* saveBaseline */.XY)(store, (0,test_stage_baseline/* baselineOf */.Bv)(summary, event.pushBranch, event.sha));
            baselineSaved = { branch: event.pushBranch, sha: event.sha };
            logger.info(`Saved the coverage baseline of '${event.pushBranch}' at ${event.sha.slice(0, 7)}`);
        }
        catch (error) {
            warnings.push(`baseline of '${event.pushBranch}' could not be saved: ${error.message}`);
        }
    }
    const headline = (0,report_result/* headlineMetric */.lY)((set?.sources ?? []).map((s) => s.format));
    const gates = (0,test_stage_gates/* evaluateGates */.u)({
        options,
        headline,
        commands,
        ...(summary ? { coverage: summary } : {}),
        ...(coverage.missing !== undefined ? { coverageMissing: coverage.missing } : {}),
        ...(totals ? { tests: totals } : {}),
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
        ...(tests
            ? {
                tests: {
                    totals: totals,
                    // Only as many as any view shows (the report's 5 000), with details only where one shows
                    // them (the report's first 100, the annotations' 50); the totals count them all.
                    failures: tests.cases.failures(data/* MAX_FAILURES */.T9, data/* MAX_FAILURES_WITH_DETAILS */.hJ),
                    flaky: tests.cases.flakyCases(),
                    sources: tests.sources,
                },
            }
            : {}),
        headline,
        diff,
        baseline,
        ...(baselineSaved ? { baselineSaved } : {}),
        gates,
        warnings,
    };
    const line = headlineOf(result);
    const common = (0,build/* buildReport */.FK)({ stage: 'test', startedAt, run: ctx.run, gates, warnings, summary: line });
    const report = {
        schemaVersion: common.schemaVersion,
        stage: 'test',
        status: common.status,
        summary: common.summary,
        startedAt: common.startedAt,
        finishedAt: common.finishedAt,
        durationMs: common.durationMs,
        run: common.run,
        gates: common.gates,
        warnings: common.warnings,
        ...(0,data/* reportData */.TI)(result),
    };
    return {
        report,
        outputs: (0,data/* outputsOf */.Yz)(result, report.status !== 'fail'),
        summary: (0,markdown/* summarySections */.P2)(result, line),
        comment: (0,markdown/* commentSection */.ty)(result, line),
        annotations: (0,annotations/* annotationsOf */.I)(result),
        text: (0,report_text/* terminalText */.e)(result),
        // What the root report action merges across the shards of a matrix (see shard/): written only
        // when a host saves it (a matrix job, `artifact: true`, `--report-dir`).
        artifacts: shardExport({
            ...(set ? { set } : {}),
            unmatched,
            ...(tests ? { tests } : {}),
            commands,
            options,
            ...(ctx.run.shard ? { shard: ctx.run.shard } : {}),
            ...(ctx.run.job ? { job: ctx.run.job } : {}),
        }),
    };
}

;// CONCATENATED MODULE: ./src/stages/test-stage/stage.ts



/**
 * The test stage: run lint and tests, read coverage and test reports, gate on coverage (total, per
 * path, changed lines, drop against the base branch's baseline) and on failed tests. Inputs, defaults
 * and help text are test/action.yml's; baselines come from the host (`ctx.host.baselines`).
 */
const testStage = {
    name: 'test',
    reportSchema: report_schema/* TestReport */.J,
    readOptions: (inputs) => readTestOptions(inputs),
    run: (options, ctx) => runTestStage(options, ctx),
};


/***/ }),

/***/ 81227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ parsePathThresholds)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47326);



const INPUT = 'path-thresholds';
function percent(value, where) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100)
        return value;
    if (typeof value === 'string' && /^\d+(\.\d+)?%?$/.test(value.trim())) {
        const n = Number(value.trim().replace(/%$/, ''));
        if (n <= 100)
            return n;
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where} must be a percentage from 0 to 100, got ${JSON.stringify(value)}`, { input: INPUT });
}
/**
 * Parses the `path-thresholds` YAML: a map of glob → number (minimum line coverage) or
 * glob → { lines, branches, functions, statements }.
 *
 *     src/services/**: 70
 *     src/utils/**: { lines: 80, branches: 60 }
 */
function parsePathThresholds(text, label = `input '${INPUT}'`) {
    try {
        return parse(text);
    }
    catch (error) {
        // The messages below say what is wrong with the value; the label (`--path-thresholds` in the
        // CLI) says which value.
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${label}: ${error.message}`, error.location, { cause: error.cause });
        throw error;
    }
}
function parse(text) {
    if (text === undefined || text.trim() === '')
        return [];
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { uniqueKeys: true });
    }
    catch (error) {
        if (error instanceof yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLParseError */ .XT) {
            const line = error.linePos?.[0].line;
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`is not valid YAML: ${error.message.split('\n')[0] ?? ''}`, {
                input: INPUT,
                ...(line ? { line } : {}),
            });
        }
        throw error;
    }
    if (doc === null || doc === undefined)
        return [];
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`must be a YAML map of glob → percentage or glob → { lines, branches, functions, statements }`, { input: INPUT });
    }
    const out = [];
    for (const [glob, value] of Object.entries(doc)) {
        if (glob.trim() === '')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('has an empty glob', { input: INPUT });
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
            const min = {};
            for (const [key, v] of Object.entries(value)) {
                if (!_model_js__WEBPACK_IMPORTED_MODULE_2__/* .METRICS */ .C.includes(key)) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`'${glob}': unknown metric '${key}' (use ${_model_js__WEBPACK_IMPORTED_MODULE_2__/* .METRICS */ .C.join(', ')})`, { input: INPUT });
                }
                min[key] = percent(v, `'${glob}' ${key}`);
            }
            if (Object.keys(min).length === 0)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`'${glob}' sets no metric`, { input: INPUT });
            out.push({ glob, min });
        }
        else {
            out.push({ glob, min: { lines: percent(value, `'${glob}'`) } });
        }
    }
    return out;
}


/***/ }),

/***/ 83722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ walkFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The stage's one directory walker (report globs, the file list of a directory outside git): depth
 * first, bounded in entries, unreadable directories skipped. Symlinked directories are not followed,
 * so a link cycle cannot make it loop.
 */
async function walkFiles(root, options) {
    const pending = [''];
    let seen = 0;
    while (pending.length > 0 && seen < options.maxEntries) {
        const rel = pending.pop() ?? '';
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel), { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of entries) {
            seen++;
            const child = rel === '' ? e.name : `${rel}/${e.name}`;
            if (e.isDirectory()) {
                if (!options.skipDirs.has(e.name))
                    pending.push(child);
            }
            else if (e.isFile() && options.onFile(child) === false) {
                return;
            }
        }
    }
}


/***/ })

};
