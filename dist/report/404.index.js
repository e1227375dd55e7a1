import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 404;
export const ids = [404];
export const modules = {

/***/ 61516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ baselineOf),
/* harmony export */   W3: () => (/* binding */ restoreBaseline),
/* harmony export */   XY: () => (/* binding */ saveBaseline)
/* harmony export */ });
/* unused harmony exports BASELINE_KIND, parseBaseline */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47326);

/** The kind under which coverage baselines live in the host's BaselineStore. */
const BASELINE_KIND = 'coverage';
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
    for (const m of _model_js__WEBPACK_IMPORTED_MODULE_0__/* .METRICS */ .C) {
        const v = b.totals[m];
        if (v !== null && (typeof v !== 'object' || typeof v.pct !== 'number'))
            return undefined;
    }
    return b;
}
/** The newest coverage baseline of `branch` in the host's store; undefined when none (or unreadable). */
async function restoreBaseline(store, branch) {
    const text = await store.restore(BASELINE_KIND, branch);
    return text === undefined ? undefined : parseBaseline(text);
}
async function saveBaseline(store, baseline) {
    await store.save(BASELINE_KIND, baseline.branch, baseline.sha, `${JSON.stringify(baseline)}\n`);
}


/***/ }),

/***/ 84288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ utf8),
/* harmony export */   Wy: () => (/* binding */ latin1),
/* harmony export */   er: () => (/* binding */ sameBytes),
/* harmony export */   rj: () => (/* binding */ utf8Write)
/* harmony export */ });
/* unused harmony exports documentedDecoders, hasInternalCoders, decoders */
// Byte helpers shared by the parsers that work on Buffers (lcov, the XML scanner, the case list).
const documentedDecoders = {
    latin1: (b, start, end) => b.toString('latin1', start, end),
    utf8: (b, start, end) => b.toString('utf8', start, end),
    utf8Write: (b, text, offset) => b.write(text, offset, 'utf8'),
    kind: 'documented',
};
const internalDecoders = {
    latin1: (b, start, end) => b.latin1Slice(start, end),
    utf8: (b, start, end) => b.utf8Slice(start, end),
    utf8Write: (b, text, offset) => b.utf8Write(text, offset),
    kind: 'internal',
};
/** Whether `proto` (Buffer.prototype, or a stand-in in tests) has working internal coders. */
function hasInternalCoders(proto = Buffer.prototype) {
    const c = proto;
    if (typeof c.latin1Slice !== 'function' || typeof c.utf8Slice !== 'function' || typeof c.utf8Write !== 'function')
        return false;
    try {
        const probe = Buffer.from('aé€x', 'utf8');
        const out = Buffer.alloc(8);
        return (c.utf8Slice.call(probe, 1, 6) === 'é€' &&
            c.latin1Slice.call(probe, 0, 1) === 'a' &&
            c.utf8Write.call(out, 'é€', 0) === 5 &&
            out.toString('utf8', 0, 5) === 'é€');
    }
    catch {
        return false;
    }
}
/** The coders this process uses, chosen once at load. */
const decoders = hasInternalCoders() ? internalDecoders : documentedDecoders;
const latin1 = decoders.latin1;
const utf8 = decoders.utf8;
const utf8Write = decoders.utf8Write;
/** Whether `text` is exactly the bytes b[start, end), all ASCII (a non-ASCII byte never matches: its string differs). */
function sameBytes(text, b, start, end) {
    if (text.length !== end - start)
        return false;
    for (let k = 0; k < text.length; k++)
        if (text.charCodeAt(k) !== b[start + k] || b[start + k] >= 0x80)
            return false;
    return true;
}


/***/ }),

/***/ 68283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ mergeFiles),
/* harmony export */   Ed: () => (/* binding */ fileIn),
/* harmony export */   Qg: () => (/* binding */ mergeSets),
/* harmony export */   Yy: () => (/* binding */ counterOf),
/* harmony export */   c4: () => (/* binding */ positionKeys),
/* harmony export */   lw: () => (/* binding */ LineOrdinals),
/* harmony export */   mj: () => (/* binding */ emptySet),
/* harmony export */   qo: () => (/* binding */ markMeasured)
/* harmony export */ });
/* unused harmony export emptyFile */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47326);
/* harmony import */ var _hit_table_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73951);
/* harmony import */ var _line_hits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10336);



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
        lines: new _line_hits_js__WEBPACK_IMPORTED_MODULE_1__/* .LineHits */ .X(),
        branches: new _hit_table_js__WEBPACK_IMPORTED_MODULE_0__/* .HitTable */ .i(),
        branchesCounted: false,
        functions: new _hit_table_js__WEBPACK_IMPORTED_MODULE_0__/* .HitTable */ .i(),
        statements: new _hit_table_js__WEBPACK_IMPORTED_MODULE_0__/* .HitTable */ .i(),
    };
}
/** The file's entry in the set, created on first use: records of one report naming the same file merge into it. */
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
 * Position keys: the k-th item on a line (`12:0`, `12:1`…). Reports of one run list a line's items in
 * the same order whatever their format, and reports of different runs of the same code too, so the
 * same item read twice gets the same key. Keys repeat across files (line 120 arm 0 is in hundreds of
 * files): one copy of each small key is kept, which saves a string per item on a big report. Bounded,
 * so a report with odd numbers just builds its keys as it goes.
 */
function positionKeys() {
    const known = new Map();
    return (line, k) => {
        if (line >= 1 << 22 || line < 0 || k >= 512 || known.size >= 200_000)
            return `${line}:${k}`;
        const id = line * 512 + k;
        let key = known.get(id);
        if (key === undefined) {
            key = `${line}:${k}`;
            known.set(id, key);
        }
        return key;
    };
}
/** Numbers the items of each line in the order they come: the k-th item on a line gets k. */
class LineOrdinals {
    next = new Map();
    take(line) {
        const k = this.next.get(line) ?? 0;
        this.next.set(line, k + 1);
        return k;
    }
    clear() {
        this.next.clear();
    }
}
/**
 * Adds the report set `from` into `into`, each metric by its own key (lines by line, arms and
 * functions and statements by position): several reports of one run (c8's lcov, cobertura, clover and
 * JSON at once) give that run's numbers, and reports of different runs add up as `lcov -a` adds them
 * (hits summed, an item covered when either run covered it). Takes ownership of `from`.
 */
function mergeSets(into, from) {
    for (const [path, file] of from.files) {
        const have = into.files.get(path);
        if (have)
            mergeFiles(have, file);
        else
            into.files.set(path, file);
    }
    for (const [path, counters] of from.summaryOnly) {
        const have = into.summaryOnly.get(path) ?? {};
        for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_2__/* .METRICS */ .C) {
            const c = counters[metric];
            if (!c)
                continue;
            const before = have[metric];
            // Two summaries of one file cannot tell which items each covered: the larger is the best floor.
            have[metric] = before
                ? { covered: Math.max(before.covered, c.covered), total: Math.max(before.total, c.total) }
                : { ...c };
        }
        into.summaryOnly.set(path, have);
    }
    for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_2__/* .METRICS */ .C)
        if (from.measured[metric])
            into.measured[metric] = true;
    into.sources.push(...from.sources);
}
/** Adds one file's coverage into another's, metric by metric (see mergeSets). */
function mergeFiles(into, from) {
    into.lines.addAll(from.lines);
    mergeBranches(into, from);
    into.functions.addAll(from.functions);
    into.statements.addAll(from.statements);
}
/**
 * Arms known one by one sum by position. Arms known only as a count per line ("1 of 2") have no
 * identity: they never add up with another report's arms of that line. The line keeps the arms with
 * identity (or the first report's), and at least as many of them count as covered as the counting
 * report says (marked in order; only the number is known).
 */
function mergeBranches(into, from) {
    if (from.branches.size === 0)
        return;
    if (into.branches.size === 0) {
        into.branches = from.branches;
        into.branchesCounted = from.branchesCounted;
        return;
    }
    if (!into.branchesCounted && !from.branchesCounted) {
        into.branches.addAll(from.branches);
        return;
    }
    const mine = armsByLine(into.branches);
    const theirs = armsByLine(from.branches);
    // The side whose arms have identity leads; with none, the first report does.
    const [lead, other] = into.branchesCounted && !from.branchesCounted ? [theirs, mine] : [mine, theirs];
    const out = new _hit_table_js__WEBPACK_IMPORTED_MODULE_0__/* .HitTable */ .i();
    const lines = [...new Set([...lead.keys(), ...other.keys()])].sort((a, b) => a - b);
    for (const line of lines) {
        const a = lead.get(line) ?? [];
        const b = other.get(line) ?? [];
        const arms = a.length >= b.length ? [...a] : [...a, ...b.slice(a.length).map(() => 0)];
        const want = b.filter((h) => h > 0).length;
        let have = arms.filter((h) => h > 0).length;
        for (let k = 0; k < arms.length && have < want; k++) {
            if (arms[k] === 0) {
                arms[k] = 1;
                have++;
            }
        }
        arms.forEach((hits, k) => out.appendNew(`${line}:${k}`, line, hits));
    }
    into.branches = out;
    into.branchesCounted = into.branchesCounted && from.branchesCounted;
}
function armsByLine(table) {
    const out = new Map();
    for (const [, hit] of table) {
        const arms = out.get(hit.line);
        if (arms)
            arms.push(hit.hits);
        else
            out.set(hit.line, [hit.hits]);
    }
    return out;
}
/** A metric's counter for one file: its items when it has any, else its summary (or nothing). */
function counterOf(items, summary, metric) {
    if (items.total > 0)
        return items;
    return summary?.[metric];
}


/***/ }),

/***/ 5851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oo: () => (/* binding */ COVERAGE_FORMATS),
/* harmony export */   ZF: () => (/* binding */ sniff),
/* harmony export */   be: () => (/* binding */ formatOf)
/* harmony export */ });
/* unused harmony export detectFormat */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _report_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38421);



const SNIFF_BYTES = 64 * 1024;
const COVERAGE_FORMATS = [
    'lcov',
    'cobertura',
    'clover',
    'jacoco',
    'istanbul-summary',
    'istanbul-final',
    'go',
    'coverage-py',
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
        // `coverage json` (coverage.py): {"meta": {"format": 2|3, "version": …}, "files": {…}, "totals": {…}}
        if (/^\{\s*"meta"\s*:\s*\{[^}]*"format"\s*:\s*\d/.test(text) && /"executed_lines"\s*:/.test(text))
            return 'coverage-py';
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
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(report.abs, 'r');
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
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`cannot tell the coverage format of ${report.display}: expected one of ${COVERAGE_FORMATS.join(', ')}`, { input, file: report.display, line: 1 });
    }
    return format;
}



/***/ }),

/***/ 11728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ parseLcov)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _bytes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84288);
/* harmony import */ var _line_hits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10336);
/* harmony import */ var _coverage_set_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68283);






const CHUNK = 1 << 20;
/** A plain descriptor, opened without blocking; reads are synchronous (see streamXml). */
const openFd = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.open);
/** More than the furthest `scan` reads past a line's start before it knows whether the line is complete. */
const SLACK = 64;
const NL = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;
/**
 * lcov tracefile parser. It is the one format that gets huge (a monorepo's merged lcov runs to
 * hundreds of MB), so it works on bytes, in four phases:
 *
 * 1. `parseLcov` reads the file in 1 MiB chunks into a reused buffer (readChunks);
 * 2. `scan` splits a chunk into lines and decodes `DA:<line>,<hits>` — nearly every line — in place,
 *    with no string, no regex and no call per line;
 * 3. `fastRecord` decides the other frequent records (BRDA, FN, FNDA, counters) on bytes;
 * 4. `slowRecord` takes whatever is left (SF, lcov 2's FNL/FNA, odd spellings) as a string.
 *
 * Items are keyed by position, as lcov counts them: a function is the k-th FN on its line (two
 * functions of one name are two, as FNF says), an arm the k-th BRDA on its line. Records of the same
 * file merge by summing hits, as `lcov --add-tracefile` does.
 */
async function parseLcov(report, set) {
    const parser = new LcovParser(report, set);
    const fd = await openFd(report.abs, 'r');
    try {
        parser.readChunks(fd);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return parser.finish();
}
/**
 * Ordinals of items per line within one record: typed slots indexed by line, reset by the list of
 * lines touched (a record touches a few dozen lines; clearing a whole table per record would not pay).
 */
class RecordOrdinals {
    counts = new Uint16Array(1024);
    touched = [];
    spill = new Map();
    take(line) {
        if (line >>> 0 === line && line < 1 << 22) {
            if (line >= this.counts.length) {
                const bigger = new Uint16Array(Math.max(this.counts.length * 2, 2 ** Math.ceil(Math.log2(line + 1))));
                bigger.set(this.counts);
                this.counts = bigger;
            }
            const k = this.counts[line];
            if (k < 0xffff) {
                if (k === 0)
                    this.touched.push(line);
                this.counts[line] = k + 1;
                return k;
            }
        }
        const k = this.spill.get(line) ?? 0;
        this.spill.set(line, k + 1);
        return k;
    }
    reset() {
        for (const line of this.touched)
            this.counts[line] = 0;
        this.touched = [];
        this.spill.clear();
    }
}
class LcovParser {
    report;
    set;
    buf = Buffer.allocUnsafe(CHUNK * 2);
    filled = 0;
    lineNo = 0;
    current;
    records = 0;
    sawFunctions = false;
    sawBranches = false;
    /** Each record's DA lines collect here and reach the file's table in one piece at end_of_record. */
    batch = new _line_hits_js__WEBPACK_IMPORTED_MODULE_4__/* .LineBatch */ .T();
    key = (0,_coverage_set_js__WEBPACK_IMPORTED_MODULE_5__/* .positionKeys */ .c4)();
    branchOrdinals = new RecordOrdinals();
    functionOrdinals = new RecordOrdinals();
    /** The file's branch table was empty when this record began: every arm of the record is new (no lookup). */
    branchesNew = false;
    /** Likewise for functions. */
    functionsNew = false;
    /** The record's FN names in order and where each is in the file's table, and how many FNDA lines came. */
    fnNames = [];
    fnAt = [];
    fndaSeen = 0;
    /** FNDA lines not in FN order: name → the FN entries of that name, and how many FNDA took one. */
    fnByName;
    /** lcov 2 `FNL:index,start[,end]` → where the function is in the table, so `FNA:index,hits,name` can find it. */
    fnlAt = new Map();
    /** Reused by `uint`: the value of the integer it read. */
    num = 0;
    constructor(report, set) {
        this.report = report;
        this.set = set;
    }
    /** Phase 1: fill the buffer from the file and hand each chunk's complete lines to `scan`. */
    readChunks(fd) {
        for (;;) {
            if (this.filled + SLACK >= this.buf.length) {
                const bigger = Buffer.allocUnsafe(this.buf.length * 2);
                this.buf.copy(bigger, 0, 0, this.filled);
                this.buf = bigger;
            }
            // SLACK bytes stay unread at the end: `scan` may look a few bytes past `filled` (it checks them
            // against `filled` after), and a read past the Buffer's end would make V8 deoptimize it.
            const bytesRead = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, this.buf, this.filled, this.buf.length - this.filled - SLACK, null);
            const eof = bytesRead === 0;
            this.filled += bytesRead;
            const start = this.scan(eof);
            if (eof)
                break;
            this.buf.copy(this.buf, 0, start, this.filled);
            this.filled -= start;
        }
        this.batch.flush();
    }
    finish() {
        if (this.records > 0)
            (0,_coverage_set_js__WEBPACK_IMPORTED_MODULE_5__/* .markMeasured */ .qo)(this.set, 'lines');
        if (this.sawFunctions)
            (0,_coverage_set_js__WEBPACK_IMPORTED_MODULE_5__/* .markMeasured */ .qo)(this.set, 'functions');
        if (this.sawBranches)
            (0,_coverage_set_js__WEBPACK_IMPORTED_MODULE_5__/* .markMeasured */ .qo)(this.set, 'branches');
        return { files: this.records };
    }
    /**
     * Phase 2: parses the complete lines in buf[0, filled) (and, at EOF, the last unterminated one);
     * returns where the unparsed rest starts. `DA:<line>,<hits>\n` is decoded and its newline found in
     * one pass; anything else finds its newline and goes to `fastRecord`, then `slowRecord`.
     */
    scan(eof) {
        const b = this.buf;
        const n = this.filled;
        const batch = this.batch;
        // What the hot path touches lives in locals; written back before another phase runs.
        let inFile = this.current !== undefined;
        let ln = this.lineNo;
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
                    if (i > hitsAt && (c === NL ? i < n : c === CR && i + 1 < n && b[i + 1] === NL)) {
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
            if (end > start && b[end - 1] === CR)
                end--;
            this.lineNo = ln;
            if (end > start && !this.fastRecord(start, end))
                this.slowRecord((0,_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .utf8 */ .As)(b, start, end));
            inFile = this.current !== undefined;
            start = nl + 1;
        }
        this.lineNo = ln;
        return start < n ? start : n;
    }
    /** Phase 3: the frequent records other than a plain DA, decided on bytes; false sends the line to `slowRecord`. */
    fastRecord(start, end) {
        const b = this.buf;
        const c0 = b[start];
        const c1 = b[start + 1];
        if (c0 === 0x44 && c1 === 0x41 && b[start + 2] === 0x3a)
            return this.fastDa(start, end); // DA:
        if (c0 === 0x42 && c1 === 0x52) {
            const c2 = b[start + 2];
            if (c2 === 0x44 && b[start + 3] === 0x41 && b[start + 4] === 0x3a)
                return this.fastBrda(start, end); // BRDA:
            if ((c2 === 0x46 || c2 === 0x48) && b[start + 3] === 0x3a)
                return (this.sawBranches = true); // BRF: BRH:
            return false;
        }
        if (c0 === 0x4c && (c1 === 0x46 || c1 === 0x48) && b[start + 2] === 0x3a)
            return true; // LF: LH:
        if (c0 === 0x46 && c1 === 0x4e) {
            const c2 = b[start + 2];
            if ((c2 === 0x46 || c2 === 0x48) && b[start + 3] === 0x3a)
                return (this.sawFunctions = true); // FNF: FNH:
            if (c2 === 0x3a)
                return this.fastFn(start + 3, end); // FN:
            if (c2 === 0x44 && b[start + 3] === 0x41 && b[start + 4] === 0x3a)
                return this.fastFnda(start + 5, end); // FNDA:
            return false;
        }
        if (c0 === 0x54 && c1 === 0x4e && b[start + 2] === 0x3a)
            return true; // TN:
        if (c0 === 0x65 && end - start === 13 && (0,_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .latin1 */ .Wy)(b, start, end) === 'end_of_record') {
            this.endRecord();
            return true;
        }
        return false;
    }
    /** Phase 4: every record as a string (SF, end_of_record, lcov 2's FNL/FNA and FN with an end line, odd numbers). */
    slowRecord(text) {
        const colon = text.indexOf(':');
        const tag = colon < 0 ? text.trim() : text.slice(0, colon);
        const rest = colon < 0 ? '' : text.slice(colon + 1);
        switch (tag) {
            case 'SF': {
                const path = rest.trim();
                if (!path)
                    this.fail('SF: line without a path');
                this.beginFile(path);
                return;
            }
            case 'end_of_record':
                this.endRecord();
                return;
            case 'DA': {
                const [line = '', hits = ''] = rest.split(',');
                this.need();
                this.batch.add(this.int(line, 'line number'), Math.max(0, this.int(hits, 'hit count')));
                return;
            }
            case 'FN': {
                if (rest.indexOf(',') < 0)
                    this.fail('FN: line must be FN:<line>,<name>');
                // lcov 2 writes FN:<start>,<end>,<name>; names never start with a digit-only field.
                const parts = rest.split(',');
                const hasEnd = parts.length >= 3 && /^\d+$/.test(parts[1] ?? '');
                this.addFunction(parts.slice(hasEnd ? 2 : 1).join(','), this.int(parts[0] ?? '', 'function line'));
                return;
            }
            case 'FNDA': {
                const comma = rest.indexOf(',');
                if (comma < 0)
                    this.fail('FNDA: line must be FNDA:<hits>,<name>');
                this.need();
                this.addFunctionHits(rest.slice(comma + 1), Math.max(0, this.int(rest.slice(0, comma), 'hit count')));
                return;
            }
            case 'FNL': {
                // lcov 2: one function per index; its FNA lines (one per alias) add their hits to it.
                const [index = '', start = ''] = rest.split(',');
                this.fnlAt.set(index, this.addFunction(`#${index}`, this.int(start, 'function line')));
                return;
            }
            case 'FNA': {
                const parts = rest.split(',');
                if (parts.length < 3)
                    this.fail('FNA: line must be FNA:<index>,<hits>,<name>');
                const at = this.fnlAt.get(parts[0] ?? '') ?? this.fail(`FNA: refers to unknown function index ${parts[0]}`);
                this.need().functions.addAt(at, Math.max(0, this.int(parts[1] ?? '', 'hit count')));
                return;
            }
            case 'BRDA': {
                const parts = rest.split(',');
                if (parts.length < 4)
                    this.fail('BRDA: line must be BRDA:<line>,<block>,<branch>,<taken>');
                const line = this.int(parts[0] ?? '', 'branch line');
                const taken = parts[parts.length - 1] ?? '-';
                // The branch id may itself contain commas (lcov 2 expression text): only line and taken matter here.
                this.addBranch(line, taken === '-' ? 0 : Math.max(0, this.int(taken, 'branch count')));
                return;
            }
            case 'FNF':
            case 'FNH':
                this.sawFunctions = true;
                return;
            case 'BRF':
            case 'BRH':
                this.sawBranches = true;
                return;
            default:
                // TN, VER, LF, LH, and tags of newer lcov versions (MCDC…): lcov itself skips what it does not use.
                return;
        }
    }
    // --- Records ---
    beginFile(path) {
        const file = (0,_coverage_set_js__WEBPACK_IMPORTED_MODULE_5__/* .fileIn */ .Ed)(this.set, path);
        this.current = file;
        this.batch.begin(file.lines);
        this.branchesNew = file.branches.size === 0;
        this.functionsNew = file.functions.size === 0;
        this.branchOrdinals.reset();
        this.functionOrdinals.reset();
        this.fnlAt = new Map();
        this.fnNames = [];
        this.fnAt = [];
        this.fnByName = undefined;
        this.fndaSeen = 0;
        this.records++;
    }
    endRecord() {
        this.batch.flush();
        this.current = undefined;
    }
    /** A function declared at `line` (the k-th on it); returns where it is in the file's table. */
    addFunction(name, line) {
        const file = this.need();
        this.sawFunctions = true;
        const key = this.key(line, this.functionOrdinals.take(line));
        let at;
        if (this.functionsNew) {
            at = file.functions.size;
            file.functions.appendNew(key, line, 0);
        }
        else {
            at = file.functions.add(key, line, 0);
        }
        this.fnNames.push(name);
        this.fnAt.push(at);
        return at;
    }
    /**
     * FNDA names a function, not its position. lcov writes a record's FNDA lines in the order of its FN
     * lines, so the k-th FNDA goes to the k-th FN when the names agree; otherwise to the next FN of that
     * name not yet given hits (two functions of one name take their FNDA lines in turn). An FNDA with no
     * FN at all is a function of its own, at line 0.
     */
    addFunctionHits(name, hits) {
        const file = this.need();
        this.sawFunctions = true;
        const k = this.fndaSeen++;
        if (k < this.fnNames.length && this.fnNames[k] === name) {
            file.functions.addAt(this.fnAt[k], hits);
            return;
        }
        const byName = (this.fnByName ??= this.indexFunctions());
        const entry = byName.get(name);
        if (entry && entry.at.length > 0) {
            file.functions.addAt(entry.at[Math.min(entry.used, entry.at.length - 1)], hits);
            entry.used++;
            return;
        }
        file.functions.add(`fn:${name}`, 0, hits);
    }
    indexFunctions() {
        const out = new Map();
        this.fnNames.forEach((name, i) => {
            const entry = out.get(name);
            if (entry)
                entry.at.push(this.fnAt[i]);
            else
                out.set(name, { at: [this.fnAt[i]], used: 0 });
        });
        // FNDA lines already matched in order have used their FN entries.
        for (let i = 0; i < Math.min(this.fndaSeen - 1, this.fnNames.length); i++) {
            const entry = out.get(this.fnNames[i]);
            if (entry)
                entry.used++;
        }
        return out;
    }
    addBranch(line, hits) {
        const file = this.need();
        this.sawBranches = true;
        const key = this.key(line, this.branchOrdinals.take(line));
        if (this.branchesNew)
            file.branches.appendNew(key, line, hits);
        else
            file.branches.add(key, line, hits);
    }
    // --- Byte paths of phase 3 ---
    /** `DA:<line>,<hits>[,<checksum>]`; false when the fast path does not apply. */
    fastDa(start, end) {
        if (!this.current)
            return false;
        let i = this.uint(start + 3, end);
        if (i < 0 || i - start - 3 > 9 || i >= end || this.buf[i] !== COMMA)
            return false;
        const line = this.num;
        i = this.uint(i + 1, end);
        if (i < 0 || (i < end && this.buf[i] !== COMMA))
            return false;
        this.batch.add(line, this.num);
        return true;
    }
    /** `BRDA:<line>,<block>,<branch>,<taken>` with plain numbers; anything else goes the string way. */
    fastBrda(start, end) {
        if (!this.current)
            return false;
        const b = this.buf;
        let i = this.uint(start + 5, end);
        if (i < 0 || b[i] !== COMMA)
            return false;
        const line = this.num;
        i = this.uint(i + 1, end);
        if (i < 0 || b[i] !== COMMA)
            return false;
        i = this.uint(i + 1, end);
        if (i < 0 || b[i] !== COMMA)
            return false;
        let hits;
        if (b[i + 1] === 0x2d && i + 2 === end)
            hits = 0;
        else if (this.uint(i + 1, end) === end)
            hits = this.num;
        else
            return false;
        this.addBranch(line, hits);
        return true;
    }
    /** `FN:<line>,<name>` (lcov 1); lcov 2's `FN:<start>,<end>,<name>` goes the string way. */
    fastFn(pos, end) {
        if (!this.current)
            return false;
        const i = this.uint(pos, end);
        if (i < 0 || this.buf[i] !== COMMA || i + 1 >= end)
            return false;
        const c = this.buf[i + 1];
        if (c >= ZERO && c <= NINE)
            return false;
        this.addFunction((0,_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .utf8 */ .As)(this.buf, i + 1, end), this.num);
        return true;
    }
    /** `FNDA:<hits>,<name>`: the k-th FNDA is checked against the k-th FN's name in place, with no string made. */
    fastFnda(pos, end) {
        const file = this.current;
        if (!file)
            return false;
        const i = this.uint(pos, end);
        if (i < 0 || this.buf[i] !== COMMA || i + 1 >= end)
            return false;
        const k = this.fndaSeen;
        if (k < this.fnNames.length && (0,_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .sameBytes */ .er)(this.fnNames[k], this.buf, i + 1, end)) {
            this.fndaSeen++;
            this.sawFunctions = true;
            file.functions.addAt(this.fnAt[k], this.num);
            return true;
        }
        this.addFunctionHits((0,_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .utf8 */ .As)(this.buf, i + 1, end), this.num);
        return true;
    }
    /** Reads the unsigned integer at `pos` into `num`; returns the index after it, or -1 if there is none. */
    uint(pos, end) {
        const b = this.buf;
        let value = 0;
        let i = pos;
        for (; i < end; i++) {
            const c = b[i];
            if (c < ZERO || c > NINE)
                break;
            value = value * 10 + (c - ZERO);
        }
        if (i === pos || i - pos > 15)
            return -1;
        this.num = value;
        return i;
    }
    // --- Errors ---
    fail(message) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(message, { file: this.report.display, line: this.lineNo });
    }
    need() {
        return this.current ?? this.fail('record outside a file section (no SF: line before it)');
    }
    int(text, what) {
        const value = Number(text);
        return Number.isFinite(value) && text.trim() !== ''
            ? value
            : this.fail(`${what} "${text.slice(0, 40)}" is not a number`);
    }
}


/***/ }),

/***/ 38421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ noDataError),
/* harmony export */   N: () => (/* binding */ openReport)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);



/** Resolves `file` against `cwd` and checks it is a readable regular file (a missing report is the user's mistake). */
async function openReport(file, cwd, input) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, file);
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, abs);
    const display = rel && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel) ? rel : abs;
    let size;
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(abs);
        if (!info.isFile())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`report ${display} is not a file`, { input, file: display });
        size = info.size;
    }
    catch (error) {
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
            throw error;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`report not found: ${display}`, { input, file: display }, { cause: error });
    }
    return { abs, display, size };
}
function noDataError(report, what = 'coverage', input) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`no ${what} data found in ${report.display}`, { input, file: report.display });
}


/***/ }),

/***/ 60579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ TotalsSum),
/* harmony export */   v3: () => (/* binding */ filesCounters)
/* harmony export */ });
/* unused harmony exports percent, fileCounters, fileTotals, fileCountersWithSummary, totals */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47326);
/* harmony import */ var _coverage_set_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68283);


/** Percentage rounded to 2 decimals; an empty metric (nothing to cover) is 100 %. */
function percent(covered, total) {
    return total === 0 ? 100 : Math.round((covered / total) * 10_000) / 100;
}
function value(counter) {
    return { ...counter, pct: percent(counter.covered, counter.total) };
}
function countHits(table) {
    return { covered: table.covered(), total: table.total() };
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
 * One file's counter of each metric: its items where it has some, else what a summary-only report
 * (coverage-summary.json, a clover file's `<metrics>`) says for it.
 */
function fileCountersWithSummary(file, summary) {
    const items = file ? fileCounters(file) : undefined;
    const out = {};
    for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS */ .C) {
        const c = (0,_coverage_set_js__WEBPACK_IMPORTED_MODULE_0__/* .counterOf */ .Yy)(items?.[metric] ?? { covered: 0, total: 0 }, summary, metric);
        if (c)
            out[metric] = c;
    }
    return out;
}
/**
 * Each file's counters (its items where it has some, else its summary: fileCountersWithSummary), the
 * set's files first, then the files only a summary names.
 */
function* filesCounters(set) {
    for (const [path, file] of set.files)
        yield [path, fileCountersWithSummary(file, set.summaryOnly.get(path))];
    for (const [path, counters] of set.summaryOnly)
        if (!set.files.has(path))
            yield [path, counters];
}
/** Sums files' counters into the set's totals. A metric no input format measures is null (never 0 %). */
class TotalsSum {
    sum = {
        lines: { covered: 0, total: 0 },
        branches: { covered: 0, total: 0 },
        functions: { covered: 0, total: 0 },
        statements: { covered: 0, total: 0 },
    };
    add(counters) {
        for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS */ .C) {
            const c = counters[metric];
            if (!c)
                continue;
            this.sum[metric].covered += c.covered;
            this.sum[metric].total += c.total;
        }
    }
    totals(measured) {
        const out = {};
        for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS */ .C)
            out[metric] = measured[metric] ? value(this.sum[metric]) : null;
        return out;
    }
}
/** Totals over the set. A metric no input format measures is null (never 0 %). */
function totals(set) {
    const sum = new TotalsSum();
    for (const [, counters] of filesCounters(set))
        sum.add(counters);
    return sum.totals(set.measured);
}


/***/ }),

/***/ 76926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yo: () => (/* binding */ detach),
  vd: () => (/* binding */ intAttr),
  sq: () => (/* binding */ streamXml)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/test-stage/bytes.ts
var bytes = __webpack_require__(84288);
;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/xml-scanner.ts
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
    wantsText;
    attrs = new Attributes();
    /** Repeated attribute values (up to 128 bytes) → one string each; see `cached` for the scheme. */
    values = new Map();
    sharedString = (b, start, end) => {
        if (end - start > 128)
            return (0,bytes/* latin1 */.Wy)(b, start, end);
        // Consecutive elements mostly repeat the values of the one before: those two are checked first.
        if ((0,bytes/* sameBytes */.er)(this.recent[0], b, start, end))
            return this.recent[0];
        if ((0,bytes/* sameBytes */.er)(this.recent[1], b, start, end))
            return this.recent[1];
        const value = this.cached(this.values, start, end);
        this.recent[1] = this.recent[0];
        this.recent[0] = value;
        return value;
    };
    recent = ['', ''];
    recentElements = ['', ''];
    constructor(handler, ctx) {
        this.handler = handler;
        this.ctx = ctx;
        this.onText = handler.text?.bind(handler);
        this.wantsText = handler.wantsText?.bind(handler);
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
        if (this.onText && end > pos && (this.wantsText === undefined || this.wantsText()))
            this.onText(plain ? (0,bytes/* latin1 */.Wy)(b, pos, end) : this.decode(pos, end, false));
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
                out += (0,bytes/* utf8 */.As)(b, from, i);
            if (c === AMP) {
                let semi = i + 1;
                while (semi < end && semi - i <= 12 && b[semi] !== 0x3b)
                    semi++;
                if (semi >= end || b[semi] !== 0x3b)
                    this.fail('malformed entity', i);
                out += this.entity((0,bytes/* latin1 */.Wy)(b, i + 1, semi), i);
                i = semi + 1;
            }
            else {
                out += attribute ? ' ' : '\n';
                i += c === CR && b[i + 1] === LF && i + 1 < end ? 2 : 1;
            }
            from = i;
        }
        if (end > from)
            out += (0,bytes/* utf8 */.As)(b, from, end);
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
                this.open(this.elementName(pos + 1, nameEnd), pos);
                return i + 1;
            }
            if (c === SLASH) {
                if (b[i + 1] !== GT)
                    return i + 1 >= n ? INCOMPLETE : this.fail('forward-slash in opening tag not followed by >', i);
                const name = this.elementName(pos + 1, nameEnd);
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
        const open = this.stack[this.stack.length - 1];
        // Nearly always the element open: its string is taken when the bytes match it.
        const name = open !== undefined && (0,bytes/* sameBytes */.er)(open, b, pos + 2, nameEnd) ? open : this.name(pos + 2, nameEnd);
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
        const target = (0,bytes/* latin1 */.Wy)(b, pos + 2, i);
        // The target ends at whitespace or `?` (saxes also takes `<?x?…?>` whole; so does this).
        if (!isSpace(b[i]) && b[i] !== QUESTION)
            this.fail('disallowed character in processing instruction name', i);
        for (; i + 1 < n; i++) {
            if (b[i] === QUESTION && b[i + 1] === GT) {
                if (target.toLowerCase() === 'xml') {
                    const start = this.base + pos;
                    if (target !== 'xml' || start !== this.documentStart)
                        this.fail('an XML declaration must be at the start of the document', pos);
                    if (!XML_DECLARATION.test((0,bytes/* latin1 */.Wy)(b, pos + 2, i)))
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
        return end - start > 24 ? (0,bytes/* utf8 */.As)(this.buf, start, end) : this.cached(this.names, start, end);
    }
    /** An element's name: the two names opened last are compared first (a report repeats a few elements). */
    elementName(start, end) {
        const recent = this.recentElements;
        if ((0,bytes/* sameBytes */.er)(recent[0], this.buf, start, end))
            return recent[0];
        if ((0,bytes/* sameBytes */.er)(recent[1], this.buf, start, end)) {
            const name = recent[1];
            recent[1] = recent[0];
            recent[0] = name;
            return name;
        }
        const name = this.name(start, end);
        recent[1] = recent[0];
        recent[0] = name;
        return name;
    }
    cached(cache, start, end) {
        const b = this.buf;
        const length = end - start;
        let hash = length;
        for (let i = start; i < end; i++)
            hash = (Math.imul(hash, 31) + b[i]) | 0;
        const known = cache.get(hash);
        if (known !== undefined && (0,bytes/* sameBytes */.er)(known, b, start, end))
            return known;
        const text = (0,bytes/* utf8 */.As)(b, start, end);
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
    shared = bytes/* latin1 */.Wy;
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
     * Copies the value's bytes, UTF-8 as the document has them, into `target` from 0 and returns their
     * length, when they are the value as is (no entity, no whitespace to normalize: decoding them as
     * UTF-8 gives what `get` gives) and fit. -1 otherwise (absent, decoded, or too long): use `get`.
     */
    copyPlain(name, target) {
        const k = this.find(name);
        if (k < 0 || typeof this.values[k] === 'string')
            return -1;
        const start = this.ranges[k * 4 + 2];
        const length = this.ranges[k * 4 + 3] - start;
        if (length > target.length)
            return -1;
        const b = this.buf;
        for (let j = 0; j < length; j++)
            target[j] = b[start + j];
        return length;
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
        return (value === ASCII ? bytes/* latin1 */.Wy : bytes/* utf8 */.As)(this.buf, this.ranges[r + 2], this.ranges[r + 3]);
    }
}

;// CONCATENATED MODULE: ./src/stages/test-stage/coverage/xml-stream.ts




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


/***/ }),

/***/ 62130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ measureDiff)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/test-stage/diff/diff-coverage.ts
var diff_coverage = __webpack_require__(37199);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/stages/test-stage/diff/hunks.ts
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

;// CONCATENATED MODULE: ./src/stages/test-stage/diff/git-diff.ts



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Deepening rounds of a shallow checkout before giving up on local git (then the API is asked). */
const DEEPEN_STEPS = [50, 200, 1000];
async function git(root, args, signal) {
    const { stdout } = await run('git', args, { cwd: root, maxBuffer: 1024 * 1024 * 1024, signal });
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

;// CONCATENATED MODULE: ./src/stages/test-stage/diff/pr-files.ts

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

;// CONCATENATED MODULE: ./src/stages/test-stage/diff/changed-lines.ts




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
        return { kind: 'measured', coverage: (0,diff_coverage/* diffCoverage */.SY)(set, git.lines), source: 'git', notes: [] };
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
        return { kind: 'measured', coverage: (0,diff_coverage/* diffCoverage */.SY)(set, api.lines), source: 'api', notes };
    }
    catch (error) {
        return { kind: 'unavailable', reason: `${git.reason}; the GitHub API failed too: ${(0,errors/* errorMessage */.gJ)(error)}` };
    }
}


/***/ }),

/***/ 37199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ formatRanges),
/* harmony export */   SY: () => (/* binding */ diffCoverage)
/* harmony export */ });
/* unused harmony export toRanges */
/* harmony import */ var _summarize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69034);

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
            pct: (0,_summarize_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)({ covered: c, total: executable.length }),
            uncovered: toRanges(missed, file.lines),
        });
    }
    files.sort((a, b) => a.pct - b.pct || (a.path < b.path ? -1 : 1));
    return { covered, total, pct: (0,_summarize_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)({ covered, total }), files };
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


/***/ }),

/***/ 95135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ eventInfo)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_github_context_from_env_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74239);



const run = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
async function eventInfo(ctx) {
    const event = ctx.github?.event ?? (0,_core_github_context_from_env_js__WEBPACK_IMPORTED_MODULE_2__/* .readEventPayload */ .N5)(ctx.env);
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
            sha = (await run('git', ['rev-parse', 'HEAD'], { cwd: ctx.cwd })).stdout.trim() || undefined;
        }
        catch {
            sha = undefined;
        }
    }
    if (sha)
        info.sha = sha;
    return info;
}


/***/ }),

/***/ 70123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ evaluateGates)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47326);
/* harmony import */ var _summarize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69034);



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
        passed: (0,_summarize_js__WEBPACK_IMPORTED_MODULE_0__/* .meets */ .D)(value, required),
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
    for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS */ .C) {
        const required = options.min[metric];
        if (required === undefined)
            continue;
        // For Go, `min-lines` is the statement coverage Go prints (the detail names the metric measured).
        const measured = metric === 'lines' ? input.headline : metric;
        gates.push(pctGate(`min-${metric}`, required, input.coverage?.totals[measured] ?? null, measured));
    }
    for (const t of options.pathThresholds) {
        const isMatch = picomatch__WEBPACK_IMPORTED_MODULE_2___default()(t.glob, { dot: true });
        const files = (input.coverage?.files ?? []).filter((f) => isMatch(f.path));
        for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS */ .C) {
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
            const gate = pctGate(name, required, (0,_summarize_js__WEBPACK_IMPORTED_MODULE_0__/* .sumFiles */ .hD)(files, metric), metric);
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
    if (b.kind === 'missing') {
        const why = `no baseline for '${b.branch}' yet: a push to '${b.branch}' records one`;
        // The first pull requests of a repository have nothing to compare with: that is not a drop.
        if (!input.options.requireBaseline)
            return {
                name,
                passed: true,
                required: maxDrop,
                actual: null,
                unit: 'pp',
                detail: `${why} (not gated; require-baseline: true fails here)`,
            };
        return unmeasured(`${why} (require-baseline: true)`);
    }
    // The headline metric where both sides have it (statements for Go); else whichever both have.
    const metric = input.coverage?.totals[input.headline] && b.baseline.totals[input.headline]
        ? input.headline
        : input.coverage?.totals.lines && b.baseline.totals.lines
            ? 'lines'
            : 'statements';
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


/***/ }),

/***/ 73951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ HitTable)
/* harmony export */ });
/**
 * Branch arms, functions or statements of one file, keyed so that the same item read twice (two
 * reports, two records or report paths of one file) sums its hits. A large report has millions of
 * these: an object per item would be millions of small objects for the GC to copy and trace, so the
 * table keeps keys, lines and hits in three plain arrays (numbers unboxed). The key → index Map that
 * merging needs is built only when something is added by key: a parser that knows its items are new
 * (`appendNew`) never pays for it.
 */
class HitTable {
    keyStrings = [];
    /** Makes entry i's key, for a table whose keys are made when first needed (see withKeysOnDemand). */
    keyOf;
    lines = [];
    hits = [];
    /** How many items each entry stands for (a Go block is NumStmt statements); absent: one each. */
    weights;
    index;
    static from(entries) {
        const out = new HitTable();
        for (const [key, hit] of entries)
            out.add(key, hit.line, hit.hits);
        return out;
    }
    /**
     * A table of new, distinct entries given by column, whose keys are made by `keyOf(i)` only when
     * something needs them (a lookup, a merge, iteration). Counting (covered, total) never does: a Go
     * profile's 240 000 block keys are then never made in a run that only reports totals. The table
     * owns the columns from then on (it may write to them).
     */
    static withKeysOnDemand(lines, hits, weights, keyOf) {
        const out = new HitTable();
        out.lines = lines;
        out.hits = hits;
        out.weights = weights;
        out.keyStrings = undefined;
        out.keyOf = keyOf;
        return out;
    }
    /** Every entry's key, made now if the table was given a way to make them. */
    get keyList() {
        if (!this.keyStrings) {
            const keyOf = this.keyOf;
            const keys = new Array(this.hits.length);
            for (let at = 0; at < keys.length; at++)
                keys[at] = keyOf(at);
            this.keyStrings = keys;
            this.keyOf = undefined;
        }
        return this.keyStrings;
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
            this.growable();
            this.lines.push(line);
            this.weights?.push(1);
            return this.hits.push(hits) - 1;
        }
        this.growable();
        this.hits[at] += hits;
        if (this.lines[at] === 0)
            this.lines[at] = line;
        return at;
    }
    /** Adds `hits` to the item at `at` (as `add` returned it). */
    addAt(at, hits) {
        this.growable();
        this.hits[at] += hits;
    }
    /** Adds an item the caller knows is not in the table yet (a parser reading a new file's unique items). */
    appendNew(key, line, hits) {
        this.index?.set(key, this.hits.length);
        this.keyList.push(key);
        this.growable();
        this.lines.push(line);
        this.hits.push(hits);
        this.weights?.push(1);
    }
    /**
     * Makes the columns arrays that can grow and change (typed columns become arrays the first time):
     * called before any change, so the `as number[]` after it hold.
     */
    growable() {
        if (!Array.isArray(this.lines))
            this.lines = Array.from(this.lines);
        if (!Array.isArray(this.hits))
            this.hits = Array.from(this.hits);
        if (this.weights && !Array.isArray(this.weights))
            this.weights = Array.from(this.weights);
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
    /**
     * Adds an entry that stands for `weight` items (all run or not together), or adds `hits` to it. A Go
     * block of NumStmt statements is one entry, not NumStmt of them.
     */
    addWeighted(key, line, hits, weight) {
        const before = this.hits.length;
        const at = this.add(key, line, hits);
        if (at < before)
            return;
        // add made the columns arrays.
        if (this.weights)
            this.weights[at] = weight;
        else
            this.weights = [...new Array(before).fill(1), weight];
    }
    /** Like appendNew, for an entry standing for `weight` items. */
    appendNewWeighted(key, line, hits, weight) {
        const at = this.hits.length;
        this.appendNew(key, line, hits);
        // appendNew made the columns arrays.
        if (this.weights)
            this.weights[at] = weight;
        else if (weight !== 1)
            this.weights = [...new Array(at).fill(1), weight];
    }
    /** Items that ran at least once. */
    covered() {
        let covered = 0;
        const { hits, weights } = this;
        if (weights) {
            for (let at = 0; at < hits.length; at++)
                if (hits[at] > 0)
                    covered += weights[at];
        }
        else {
            for (let at = 0; at < hits.length; at++)
                if (hits[at] > 0)
                    covered++;
        }
        return covered;
    }
    /** All items (the sum of the entries' weights). */
    total() {
        const weights = this.weights;
        if (!weights)
            return this.hits.length;
        let total = 0;
        for (let at = 0; at < weights.length; at++)
            total += weights[at];
        return total;
    }
    addAll(other) {
        for (let at = 0; at < other.keyList.length; at++) {
            if (other.weights)
                this.addWeighted(other.keyList[at], other.lines[at], other.hits[at], other.weights[at]);
            else
                this.add(other.keyList[at], other.lines[at], other.hits[at]);
        }
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


/***/ }),

/***/ 10336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ LineBatch),
/* harmony export */   X: () => (/* binding */ LineHits)
/* harmony export */ });
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
    /**
     * Gives `target` lines a caller collected in the table's own encoding (`counts[line]` = hits + 1,
     * 0 = none, for lines 0..`last`, `count` of them) as flush gives the batch's: into an empty table,
     * one copy into the shared slab. The caller keeps `counts`.
     */
    addCounts(target, counts, last, count) {
        this.flush();
        if (last >= 0)
            target.addCounts(counts, last, count, this.slab);
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


/***/ }),

/***/ 26224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ annotationsOf)
/* harmony export */ });
/* unused harmony export MAX_ANNOTATIONS_PER_LEVEL */
/* harmony import */ var _results_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18919);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72020);


/**
 * GitHub shows at most 10 annotations of a kind per step and keeps 50 per job: beyond that they cost
 * memory and API calls for nothing (a run where 20 000 tests failed made 80 MB of them). The summary
 * and the JSON report list everything.
 */
const MAX_ANNOTATIONS_PER_LEVEL = 50;
/**
 * Failing tests first (errors), then changed lines no test ran (warnings), one per range, at most
 * `perLevel` of each: a step's workflow commands keep the default; the report action's check run,
 * which the Checks API takes 50 a request, asks for more.
 */
function annotationsOf(r, perLevel = MAX_ANNOTATIONS_PER_LEVEL) {
    if (!r.options.annotate)
        return [];
    const out = [];
    for (const c of (r.tests?.failures ?? []).slice(0, perLevel)) {
        const a = {
            level: 'error',
            title: (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(`Test failed: ${(0,_results_index_js__WEBPACK_IMPORTED_MODULE_0__/* .testTitle */ .XF)(c)}`, 255),
            message: (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(c.details ?? c.message ?? c.status, 4000),
        };
        if (c.file)
            a.file = c.file;
        if (c.file && c.line)
            a.startLine = c.line;
        out.push(a);
    }
    if (r.diff.kind === 'measured') {
        let warnings = 0;
        for (const f of r.diff.coverage.files) {
            for (const range of f.uncovered) {
                if (warnings++ >= perLevel)
                    return out;
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


/***/ }),

/***/ 42612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T9: () => (/* binding */ MAX_FAILURES),
/* harmony export */   TI: () => (/* binding */ reportData),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   hJ: () => (/* binding */ MAX_FAILURES_WITH_DETAILS)
/* harmony export */ });
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44269);

/** Failure texts are kept whole up to this size in the JSON report; longer ones are cut. */
const MAX_DETAILS_CHARS = 8 * 1024;
/** A run where everything broke lists this many failures (with details for the first hundred). */
const MAX_FAILURES = 5000;
const MAX_FAILURES_WITH_DETAILS = 100;
const MAX_FLAKY = 1000;
function failure(c, withDetails) {
    const out = { name: c.name, suite: c.suite, status: c.status === 'error' ? 'error' : 'failed' };
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
function flaky(c) {
    const out = { name: c.name, suite: c.suite, reruns: Math.max(1, c.reruns ?? 1) };
    if (c.classname !== undefined)
        out.classname = c.classname;
    if (c.file !== undefined)
        out.file = c.file;
    return out;
}
/** The stage-specific keys of the JSON report (typed by report-schema.ts, validated before writing). */
function reportData(r) {
    const totals = r.coverage?.totals ?? { lines: null, branches: null, functions: null, statements: null };
    const diff = r.diff.kind === 'measured' ? r.diff.coverage : null;
    const headline = totals[r.headline];
    return {
        coverage: {
            totals,
            headline: headline ? { metric: r.headline, pct: headline.pct, why: _result_js__WEBPACK_IMPORTED_MODULE_0__/* .HEADLINE_WHY */ .ig[r.headline] } : null,
            files: r.coverage?.files ?? [],
            diff,
            diffStatus: r.diff.kind === 'measured' ? `measured from ${r.diff.source}` : r.diff.reason,
            baseline: r.baseline.kind === 'found'
                ? {
                    branch: r.baseline.baseline.branch,
                    sha: r.baseline.baseline.sha,
                    createdAt: r.baseline.baseline.createdAt,
                    deltas: (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .totalDeltas */ .gg)(r.coverage?.totals, r.baseline) ?? null,
                }
                : null,
            baselineStatus: r.baseline.kind === 'found' ? 'found' : r.baseline.kind === 'missing' ? 'none-yet' : 'not-applicable',
            baselineSaved: r.baselineSaved ?? null,
            sources: r.coverageSources,
            unmatchedPaths: r.unmatched.map((u) => ({ reported: u.reported, guess: u.guess, reason: u.reason })),
        },
        tests: r.tests
            ? {
                ...r.tests.totals,
                sources: r.tests.sources,
                failures: r.tests.failures.slice(0, MAX_FAILURES).map((c, i) => failure(c, i < MAX_FAILURES_WITH_DETAILS)),
                failuresOmitted: Math.max(0, r.tests.totals.failed + r.tests.totals.errors - Math.min(r.tests.failures.length, MAX_FAILURES)),
                flakyCases: r.tests.flaky.slice(0, MAX_FLAKY).map(flaky),
            }
            : null,
        commands: r.commands.map((c) => ({
            kind: c.kind,
            command: c.command,
            exitCode: c.exitCode,
            durationMs: c.durationMs,
            ...(c.signal ? { signal: c.signal } : {}),
            ...(c.pipesLeftOpen ? { pipesLeftOpen: true } : {}),
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


/***/ }),

/***/ 23797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ baselineSentence),
/* harmony export */   OJ: () => (/* binding */ fmtDelta),
/* harmony export */   P2: () => (/* binding */ summarySections),
/* harmony export */   pT: () => (/* binding */ fmtPct),
/* harmony export */   ty: () => (/* binding */ commentSection)
/* harmony export */ });
/* harmony import */ var _core_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16706);
/* harmony import */ var _diff_diff_coverage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37199);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47326);
/* harmony import */ var _results_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18919);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44269);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72020);






/** Rows of the per-file table: the least covered first; a bigger table is cut (the JSON report has all). */
const MAX_FILE_ROWS = 1000;
const MAX_FAILURES = 50;
const MAX_COMMENT_FAILURES = 5;
const MAX_COMMENT_DIFF_FILES = 10;
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
/** One paragraph on the baseline (plain text, backticks for names); empty outside pull requests. */
function baselineSentence(r) {
    const b = r.baseline;
    if (b.kind === 'found')
        return `Compared with ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(b.baseline.branch)} at ${b.baseline.sha.slice(0, 7)} (${b.baseline.createdAt.slice(0, 10)}).`;
    if (b.kind === 'missing')
        return `No baseline yet for ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(b.branch)}: a push to ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(b.branch)} records one, and later pull requests show deltas.`;
    return '';
}
function totalsTable(r, deltas) {
    const t = r.coverage?.totals;
    if (!t)
        return '_No coverage data._';
    const rows = _model_js__WEBPACK_IMPORTED_MODULE_4__/* .METRICS */ .C.filter((m) => t[m] !== null).map((m) => {
        const v = t[m];
        return [
            `${LABEL[m]}${m === r.headline ? ' (headline)' : ''}`,
            fmtPct(v),
            deltas ? fmtDelta(deltas[m]) : '',
            v ? `${v.covered} / ${v.total}` : '',
        ];
    });
    if (r.diff.kind === 'measured') {
        const d = r.diff.coverage;
        rows.push(['Changed lines', d.total === 0 ? '—' : `${d.pct.toFixed(2)} %`, '', `${d.covered} / ${d.total}`]);
    }
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Coverage', '%', 'Δ', 'Covered'], rows, ['left', 'right', 'right', 'right']);
}
function gatesTable(gates) {
    if (gates.length === 0)
        return '_No gates configured._';
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['', 'Gate', 'Required', 'Actual', ''], gates.map((g) => [
        g.passed ? '✅' : '❌',
        { markdown: (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(g.name) },
        gateRequirement(g),
        gateValue(g, g.actual),
        g.detail ?? '',
    ]), ['left', 'left', 'right', 'right', 'left']);
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
        parts.push(`${t.flaky} flaky (passed on a rerun)`);
    return `**Tests:** ${parts.join(', ')}.`;
}
function diffTable(r) {
    if (r.diff.kind !== 'measured')
        return undefined;
    const d = r.diff.coverage;
    const notes = r.diff.notes.map((n) => (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(n)).join(' ');
    if (d.files.length === 0)
        return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)('No executable line changed.', notes);
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)((0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['File', '%', 'Covered', 'Uncovered lines'], d.files.map((f) => [
        { markdown: (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.path) },
        `${f.pct.toFixed(2)} %`,
        `${f.covered} / ${f.total}`,
        f.uncovered.length ? (0,_diff_diff_coverage_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRanges */ .Gk)(f.uncovered, 20) : '',
    ]), ['left', 'right', 'right', 'left']), notes);
}
function diffSection(r) {
    if (r.diff.kind === 'unavailable')
        return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)('#### Changed lines', `Diff coverage could not be measured: ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(r.diff.reason)}.`);
    if (r.diff.kind !== 'measured')
        return undefined;
    const d = r.diff.coverage;
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(`#### Changed lines: ${d.pct.toFixed(2)} % covered (${d.covered} / ${d.total})`, diffTable(r));
}
/** Failed and errored cases in all (the list in the result holds only the first ones). */
function failureCount(r) {
    return r.tests ? r.tests.totals.failed + r.tests.totals.errors : 0;
}
function failureItems(r, max, withWhere) {
    const f = r.tests?.failures ?? [];
    const all = failureCount(r);
    const items = f.slice(0, max).map((c) => {
        const where = withWhere && c.file ? ` (${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`${c.file}${c.line ? `:${c.line}` : ''}`)})` : '';
        const msg = (c.message ?? '').trim();
        return `${c.status === 'error' ? 'Error' : 'Failed'}: **${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)((0,_results_index_js__WEBPACK_IMPORTED_MODULE_2__/* .testTitle */ .XF)(c))}**${where}${msg ? ` — ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .cut */ .Jj)(msg, 300))}` : ''}`;
    });
    if (all > max)
        items.push(`… ${all - max} more (see the JSON report)`);
    return items;
}
function failuresSection(r) {
    if (failureCount(r) === 0)
        return undefined;
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(`#### Failed tests (${failureCount(r)})`, (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(failureItems(r, MAX_FAILURES, true)));
}
function flakySection(r) {
    const f = r.tests?.flaky ?? [];
    if (f.length === 0)
        return undefined;
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(`#### Flaky tests (${f.length}): passed only on a rerun`, (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(f.slice(0, 100).map((c) => `${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)((0,_results_index_js__WEBPACK_IMPORTED_MODULE_2__/* .testTitle */ .XF)(c))} — ${c.reruns ?? 1} failed run(s) first`)));
}
function filesTable(r) {
    const files = r.coverage?.files ?? [];
    if (files.length === 0)
        return undefined;
    const shown = [...files]
        .sort((a, b) => (a.lines?.pct ?? 100) - (b.lines?.pct ?? 100) || (a.path < b.path ? -1 : 1))
        .slice(0, MAX_FILE_ROWS);
    const cols = _model_js__WEBPACK_IMPORTED_MODULE_4__/* .METRICS */ .C.filter((m) => r.coverage?.totals[m] !== null);
    const withDelta = r.baseline.kind === 'found';
    const header = ['File', ...cols.map((m) => LABEL[m]), ...(withDelta ? ['Δ lines'] : [])];
    const align = ['left', ...cols.map(() => 'right'), ...(withDelta ? ['right'] : [])];
    const rows = shown.map((f) => [
        { markdown: (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.path) },
        ...cols.map((m) => fmtPct(f[m])),
        ...(withDelta ? [fmtDelta((0,_result_js__WEBPACK_IMPORTED_MODULE_3__/* .fileLineDelta */ .vt)(f.path, f.lines?.pct, r.baseline))] : []),
    ]);
    const more = files.length > shown.length
        ? `${files.length - shown.length} better-covered files not shown (all are in the JSON report).`
        : undefined;
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)((0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(header, rows, align), more);
}
function commandsSection(r) {
    if (r.commands.length === 0)
        return undefined;
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)('#### Commands', (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['', 'Command', 'Exit', 'Time'], r.commands.map((c) => [
        c.kind,
        { markdown: (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.command) },
        c.exitCode === 0 ? '✅ 0' : `❌ ${c.signal ?? String(c.exitCode)}`,
        `${(c.durationMs / 1000).toFixed(1)} s`,
    ]), ['left', 'left', 'right', 'right']));
}
function unmatchedSection(r) {
    if (r.unmatched.length === 0)
        return undefined;
    const items = r.unmatched
        .slice(0, 100)
        .map((u) => `${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(u.reported)}${u.reason === 'ambiguous' ? ' (several files match)' : ''}`);
    if (r.unmatched.length > 100)
        items.push(`… ${r.unmatched.length - 100} more`);
    return (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(`#### Paths not found in the repository (${r.unmatched.length})`, `These report paths match no repository file; add a ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)('path-map')} line (${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)('from=to')}) to rewrite them.`, (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(items));
}
/** The job summary: totals and gates first (never dropped), then the parts that may be trimmed. */
function summarySections(r, headline) {
    const deltas = (0,_result_js__WEBPACK_IMPORTED_MODULE_3__/* .totalDeltas */ .gg)(r.coverage?.totals, r.baseline);
    const head = (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(`### Test: ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(headline)}`, totalsTable(r, deltas), baselineSentence(r), testsLine(r), gatesTable(r.gates));
    const sections = [{ markdown: head, priority: 0 }];
    const add = (markdown, priority, label) => {
        if (markdown)
            sections.push({ markdown, priority, label });
    };
    add(failuresSection(r), 1, 'failed tests');
    add(flakySection(r), 1, 'flaky tests');
    add(diffSection(r), 1, 'changed lines');
    add(commandsSection(r), 2, 'commands');
    add(unmatchedSection(r), 2, 'unmatched paths');
    const files = filesTable(r);
    if (files)
        add((0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .details */ .zH)(`Coverage by file (${r.coverage?.files.length ?? 0} files, least covered first)`, files), 3, 'coverage by file');
    return sections;
}
/**
 * The stage's section of the sticky PR comment. The core writes the heading and status; `body` is
 * what a reviewer must see (failed gates, failed tests, uncovered changed lines), `details` the rest.
 * Every part is its own block (blocks()), so no paragraph can fall inside the list before it.
 */
function commentSection(r, headline) {
    const deltas = (0,_result_js__WEBPACK_IMPORTED_MODULE_3__/* .totalDeltas */ .gg)(r.coverage?.totals, r.baseline);
    const t = r.coverage?.totals;
    const failedGates = r.gates.filter((g) => !g.passed);
    const gatesPart = failedGates.length > 0
        ? (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)('**Failed gates**', (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(failedGates.map((g) => `${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(g.name)}: ${gateValue(g, g.actual)}, required ${gateRequirement(g)}${g.detail ? ` — ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(g.detail)}` : ''}`)))
        : undefined;
    const failures = (r.tests?.failures ?? []).length > 0
        ? (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)('**Failed tests**', (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(failureItems(r, MAX_COMMENT_FAILURES, false)))
        : undefined;
    let uncovered;
    if (r.diff.kind === 'measured' && r.diff.coverage.total > 0) {
        const d = r.diff.coverage;
        const worst = d.files.filter((f) => f.uncovered.length > 0);
        if (worst.length > 0) {
            const items = worst
                .slice(0, MAX_COMMENT_DIFF_FILES)
                .map((f) => `${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.path)} ${f.pct.toFixed(0)} %, uncovered ${(0,_diff_diff_coverage_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRanges */ .Gk)(f.uncovered, 5)}`);
            if (worst.length > MAX_COMMENT_DIFF_FILES)
                items.push(`… ${worst.length - MAX_COMMENT_DIFF_FILES} more files`);
            uncovered = (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(`**Changed lines not covered** (${d.pct.toFixed(2)} % of ${d.total} covered)`, (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(items));
        }
    }
    const coverageLine = t
        ? `Coverage: ${_model_js__WEBPACK_IMPORTED_MODULE_4__/* .METRICS */ .C.filter((m) => t[m] !== null)
            .map((m) => {
            const d = deltas ? fmtDelta(deltas[m]) : '';
            return `${LABEL[m].toLowerCase()} ${fmtPct(t[m])}${d ? ` (${d})` : ''}`;
        })
            .join(' · ')}`
        : undefined;
    const body = (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(gatesPart, failures, uncovered);
    const detailsPart = (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .blocks */ .Bv)(coverageLine, baselineSentence(r), testsLine(r), gatesTable(r.gates));
    const section = { headline };
    if (body)
        section.body = body;
    if (detailsPart) {
        section.details = detailsPart;
        section.detailsLabel = 'Coverage, tests and gates';
    }
    return section;
}


/***/ }),

/***/ 44269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gg: () => (/* binding */ totalDeltas),
/* harmony export */   ig: () => (/* binding */ HEADLINE_WHY),
/* harmony export */   lY: () => (/* binding */ headlineMetric),
/* harmony export */   vt: () => (/* binding */ fileLineDelta)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47326);

/** Go profiles lead with statements, as `go test -cover` prints them; every other format with lines. */
function headlineMetric(formats) {
    return formats.length > 0 && formats.every((f) => f === 'go') ? 'statements' : 'lines';
}
const HEADLINE_WHY = {
    statements: 'Go profiles: statement coverage, as `go test -cover` prints it',
    lines: 'line coverage',
    branches: 'branch coverage',
    functions: 'function coverage',
};
const round2 = (n) => Math.round(n * 100) / 100;
/** Percentage-point change of each total against the baseline; null where either side lacks the metric. */
function totalDeltas(now, baseline) {
    if (baseline.kind !== 'found' || !now)
        return undefined;
    const out = {};
    for (const m of _model_js__WEBPACK_IMPORTED_MODULE_0__/* .METRICS */ .C) {
        const a = now[m];
        const b = baseline.baseline.totals[m];
        out[m] = a && b ? round2(a.pct - b.pct) : null;
    }
    return out;
}
/** Per-file line-coverage change against the baseline (files new since the baseline have none). */
function fileLineDelta(path, pctNow, baseline) {
    if (baseline.kind !== 'found' || pctNow === undefined)
        return null;
    const before = baseline.baseline.files[path]?.lines;
    return before ? round2(pctNow - before.pct) : null;
}


/***/ }),

/***/ 82575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ terminalText)
/* harmony export */ });
/* harmony import */ var _diff_diff_coverage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37199);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47326);
/* harmony import */ var _results_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18919);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23797);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44269);





/** The CLI's terminal report (gates and the verdict line are added by the CLI itself). */
function terminalText(r) {
    const lines = [];
    for (const c of r.commands) {
        lines.push(`${c.exitCode === 0 ? '✔' : '✘'} ${c.kind}: ${c.command} (${c.signal ?? `exit ${String(c.exitCode)}`}, ${(c.durationMs / 1000).toFixed(1)}s)`);
    }
    const t = r.coverage?.totals;
    if (t) {
        const deltas = (0,_result_js__WEBPACK_IMPORTED_MODULE_3__/* .totalDeltas */ .gg)(t, r.baseline);
        lines.push(`Coverage (${r.coverage?.files.length ?? 0} files from ${r.coverageSources.map((s) => `${s.file} [${s.format}]`).join(', ')}):`);
        for (const m of _model_js__WEBPACK_IMPORTED_MODULE_4__/* .METRICS */ .C) {
            const v = t[m];
            if (!v)
                continue;
            const d = deltas ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtDelta */ .OJ)(deltas[m]) : '';
            lines.push(`  ${m.padEnd(10)} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtPct */ .pT)(v).padStart(9)}  ${String(v.covered).padStart(7)} / ${v.total}${d ? `  (${d})` : ''}`);
        }
    }
    else {
        lines.push('Coverage: no coverage data');
    }
    const b = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .baselineSentence */ .FD)(r);
    if (b)
        lines.push(b.replace(/`/g, "'"));
    if (r.diff.kind === 'measured') {
        const d = r.diff.coverage;
        lines.push(`Changed lines: ${d.total === 0 ? 'no executable line changed' : `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtPct */ .pT)(d)} (${d.covered} / ${d.total})`}`);
        for (const f of d.files.filter((x) => x.uncovered.length > 0))
            lines.push(`  ${f.path}: uncovered ${(0,_diff_diff_coverage_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRanges */ .Gk)(f.uncovered, 10)}`);
    }
    else if (r.diff.kind === 'unavailable') {
        lines.push(`Changed lines: not measured (${r.diff.reason})`);
    }
    if (r.tests) {
        const x = r.tests.totals;
        lines.push(`Tests: ${x.total} total, ${x.passed} passed, ${x.failed} failed, ${x.errors} errors, ${x.skipped} skipped`);
        for (const c of r.tests.failures.slice(0, 20))
            lines.push(`  ✘ ${(0,_results_index_js__WEBPACK_IMPORTED_MODULE_1__/* .testTitle */ .XF)(c)}${c.message ? `: ${c.message}` : ''}`);
    }
    for (const u of r.unmatched.slice(0, 20))
        lines.push(`  path not in repository: ${u.reported}`);
    return lines.join('\n');
}


/***/ }),

/***/ 15906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ CaseList)
});

// EXTERNAL MODULE: ./src/stages/test-stage/bytes.ts
var bytes = __webpack_require__(84288);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/stages/test-stage/results/spill-file.ts



/** Closes the descriptor of a spill file its owner no longer reaches (the process's exit closes the rest). */
const closer = new FinalizationRegistry((fd) => {
    try {
        (0,external_node_fs_.closeSync)(fd);
    }
    catch {
        // Already closed.
    }
});
/**
 * A temporary file only this process can read, for data too big to keep in memory: made with mode
 * 0600 and removed from its directory at once, so it leaves nothing behind, however the process ends
 * (the disk space is freed when the descriptor closes). Reads and writes are by position.
 */
class SpillFile {
    fd;
    constructor(dir = (0,external_node_os_.tmpdir)()) {
        let fd;
        let name = '';
        for (let attempt = 0; fd === undefined; attempt++) {
            name = external_node_path_default().join(dir, `shipkit-spill-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
            try {
                fd = (0,external_node_fs_.openSync)(name, 'wx+', 0o600);
            }
            catch (error) {
                if (error.code !== 'EEXIST' || attempt >= 10)
                    throw error;
            }
        }
        this.fd = fd;
        try {
            (0,external_node_fs_.unlinkSync)(name);
        }
        catch {
            // Where an open file cannot be removed, it is removed when the process exits.
            process.once('exit', () => {
                this.close();
                try {
                    (0,external_node_fs_.unlinkSync)(name);
                }
                catch {
                    // Gone already.
                }
            });
        }
        closer.register(this, fd, this);
    }
    /** Writes buf[0, length) at `position`. */
    write(buf, length, position) {
        for (let done = 0; done < length;)
            done += (0,external_node_fs_.writeSync)(this.fd, buf, done, length - done, position + done);
    }
    /** Reads `length` bytes at `position` into buf[0, length). */
    read(buf, length, position) {
        for (let done = 0; done < length;) {
            const n = (0,external_node_fs_.readSync)(this.fd, buf, done, length - done, position + done);
            if (n === 0)
                throw new Error(`spill file: ${length - done} bytes missing at ${position + done}`);
            done += n;
        }
    }
    close() {
        if (this.fd < 0)
            return;
        closer.unregister(this);
        const fd = this.fd;
        this.fd = -1;
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/stages/test-stage/results/byte-store.ts


/** Bytes a chunk holds; a text longer than this gets a chunk of its own size. */
const CHUNK = 256 * 1024;
/**
 * Texts as UTF-8, one after another, in chunks of 256 KiB that are never copied or grown: a 57 MB
 * JUnit report's 200 000 names and 20 000 stack traces fill 29 MiB of them, where one buffer doubling
 * its way up held up to twice that (and, while growing, the old and the new copy at once). A text is
 * addressed by offsets in one run of positions (a chunk's first byte follows the last byte used in
 * the chunk before), so a text starts where the one before ended; no text spans two chunks.
 *
 * Only the chunk being filled stays in memory: each full chunk is written to a spill file at its own position and dropped, and its buffer filled again. A
 * report whose texts fit in one chunk never touches the disk; on that report, the names and texts
 * take 1 MiB of memory instead of 29. Reading a spilled text reads its whole chunk into a one-chunk
 * cache, so reading in order (the report's failures, a shard's export) reads each chunk once.
 */
class ByteStore {
    /** undefined: spilled. */
    chunks = [];
    /** Position of each chunk's first byte. */
    bases = [];
    current = Buffer.alloc(0);
    /** Position of current[0], and the bytes used in it. */
    base = 0;
    used = 0;
    spillDir;
    /** null: spilling failed once (no room, no temporary directory); everything stays in memory. */
    spill;
    cache = Buffer.alloc(0);
    cacheIndex = -1;
    constructor(options = {}) {
        this.spillDir = options.spillDir;
    }
    /** Where the next text starts. */
    get end() {
        return this.base + this.used;
    }
    /** Bytes of the chunks in memory (the rest are in the spill file). */
    get bytesInMemory() {
        let bytes = 0;
        for (const chunk of this.chunks)
            bytes += chunk?.length ?? 0;
        return bytes;
    }
    /** Appends `text`; returns where it ends (it starts at the `end` before). */
    append(text) {
        const room = text.length * 3;
        if (this.used + room > this.current.length)
            this.next(room);
        this.used += (0,bytes/* utf8Write */.rj)(this.current, text, this.used);
        return this.base + this.used;
    }
    /** Appends the bytes src[0, length) (UTF-8 text, as `append` would write it); returns where they end. */
    appendBytes(src, length) {
        if (this.used + length > this.current.length)
            this.next(length);
        const to = this.current;
        const at = this.used;
        if (length <= 64)
            for (let j = 0; j < length; j++)
                to[at + j] = src[j];
        else
            to.set(src.subarray(0, length), at);
        this.used += length;
        return this.base + this.used;
    }
    /** Starts a new chunk with room for at least `room` bytes; the full one before is kept or spilled. */
    next(room) {
        const spilled = this.chunks.length > 0 && this.retireCurrent();
        this.base += this.used;
        this.used = 0;
        // A spilled chunk's buffer becomes the next chunk: dropped, it would hold its memory until the
        // garbage collector's next full collection, which a parse may never reach. (A text's own bigger
        // chunk is not reused: it would stay as big for every chunk after it.)
        // Unused memory is not touched: only the bytes written count towards the process's memory.
        if (!spilled || this.current.length !== CHUNK || room > CHUNK)
            this.current = Buffer.allocUnsafe(Math.max(CHUNK, room));
        this.chunks.push(this.current);
        this.bases.push(this.base);
    }
    /**
     * Writes the full current chunk to the spill file and drops it from the chunks; returns whether it
     * did (its buffer is then free). After a failure to spill, every chunk stays in memory.
     */
    retireCurrent() {
        if (this.spill === null)
            return false;
        try {
            this.spill ??= new SpillFile(this.spillDir);
            this.spill.write(this.current, this.used, this.base);
            this.chunks[this.chunks.length - 1] = undefined;
            return true;
        }
        catch {
            // No data is lost for want of disk: this chunk and every later one stay in memory.
            this.spill?.close();
            this.spill = null;
            return false;
        }
    }
    /** Forgets what was appended after `position` (an `end` read before, in the current chunk's run). */
    truncate(position) {
        if (position >= this.base && position <= this.end)
            this.used = position - this.base;
    }
    /** The text between two positions `append` returned (or `end` gave). */
    read(start, end) {
        if (end <= start)
            return '';
        // The last chunk starting at or before `start`: texts never span chunks.
        let lo = 0;
        let hi = this.bases.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >>> 1;
            if (this.bases[mid] <= start)
                lo = mid;
            else
                hi = mid - 1;
        }
        const base = this.bases[lo];
        return (0,bytes/* utf8 */.As)(this.chunks[lo] ?? this.spilled(lo), start - base, end - base);
    }
    /** Spilled chunk `k`, read back into the cache (a spilled chunk is never the last: the next one bounds it). */
    spilled(k) {
        if (this.cacheIndex !== k) {
            const length = this.bases[k + 1] - this.bases[k];
            if (this.cache.length < length)
                this.cache = Buffer.allocUnsafe(Math.max(CHUNK, length));
            this.cacheIndex = -1;
            this.spill.read(this.cache, length, this.bases[k]);
            this.cacheIndex = k;
        }
        return this.cache;
    }
}

;// CONCATENATED MODULE: ./src/stages/test-stage/results/case-list.ts

/** Numbers kept per case with extra data (see `extra`). */
const EXTRA = 6;
const STATUSES = ['passed', 'failed', 'error', 'skipped'];
const STATUS_CODE = { passed: 0, failed: 1, error: 2, skipped: 3 };
/** Cases per page of columns (2^14: ~540 KB a page). */
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
const IN_PAGE = PAGE - 1;
/** The columns of PAGE consecutive cases. */
class Page {
    status = new Uint8Array(PAGE);
    /** 0: no line. */
    line = new Uint32Array(PAGE);
    /** NaN: no duration. */
    duration = new Float64Array(PAGE);
    suite = new Uint32Array(PAGE);
    /** Index + 1 into `classnames` / `files`; 0: none. */
    classname = new Uint32Array(PAGE);
    file = new Uint32Array(PAGE);
    /** Where the case's name ends in `names`; it starts where the case before ended (case 0: at 0). */
    nameEnd = new Float64Array(PAGE);
}
/**
 * The test cases of a run, in report order, stored by column: a 50 MB JUnit report has 200 000
 * cases, and an object plus a name string per case was most of the memory a parse took (and most of
 * the garbage collector's work). Here a case costs its name's UTF-8 bytes in a ByteStore and 33
 * bytes of typed-array columns; suites, class names and files are indices into tables of the
 * distinct values; messages and details (UTF-8 too, in a second ByteStore) only for the cases that
 * have them. Nothing per case is left on the JS heap, so the garbage collector's young generation
 * stays small while a big report streams through (on a 57 MB report: 28 MB less peak memory than
 * strings). The columns grow by pages, never copied: arrays doubling their way up left their old
 * copies (9 MB on that report) to a full collection that a parse does not reach. Reading a case
 * (`at`, iteration) builds a TestCase object on the spot.
 */
class CaseList {
    count = 0;
    pages = [];
    names;
    suites = [[]];
    suiteByKey = new Map([['[]', 0]]);
    lastSuite = 0;
    classnames = new Table();
    files = new Table();
    /** Case → its slot in `extra`, for cases with a message, details, a flaky mark or reruns. */
    extraOf = new Map();
    extraUsed = 0;
    /** Per slot: message start, end, details start, end (-1: none), flaky (0 unset, 1 false, 2 true), reruns. */
    extra = new Float64Array(EXTRA * 64);
    texts;
    /** `stores`: how the names and the texts are kept (tests make them spill early). */
    constructor(stores = {}) {
        this.names = new ByteStore(stores);
        this.texts = new ByteStore(stores);
    }
    get length() {
        return this.count;
    }
    push(testCase) {
        this.add(testCase, undefined, 0);
    }
    /** `push` with the name as UTF-8 bytes (see CaseSink): they are copied as they are. */
    pushNamed(testCase, name, nameLength) {
        this.add(testCase, name, nameLength);
    }
    add(testCase, rawName, rawLength) {
        const i = this.count;
        const j = i & IN_PAGE;
        if (j === 0 && i >>> PAGE_BITS === this.pages.length)
            this.pages.push(new Page());
        const page = this.pages[i >>> PAGE_BITS];
        page.status[j] = STATUS_CODE[testCase.status];
        page.line[j] = testCase.line !== undefined && testCase.line > 0 && testCase.line <= 0xffff_ffff ? testCase.line : 0;
        page.duration[j] = testCase.durationMs ?? NaN;
        // Consecutive cases nearly always share a suite: compared with the last one first, then looked up.
        let suite = this.lastSuite;
        if (!sameSuite(testCase.suite, this.suites[suite])) {
            const key = JSON.stringify(testCase.suite);
            suite = this.suiteByKey.get(key) ?? this.suites.push([...testCase.suite]) - 1;
            this.suiteByKey.set(key, suite);
            this.lastSuite = suite;
        }
        page.suite[j] = suite;
        page.classname[j] = testCase.classname === undefined ? 0 : this.classnames.index(testCase.classname) + 1;
        page.file[j] = testCase.file === undefined ? 0 : this.files.index(testCase.file) + 1;
        // A replaced case (replaceLast) is written over: its name starts where the case before ended.
        this.names.truncate(this.nameStart(i));
        page.nameEnd[j] =
            rawName === undefined ? this.names.append(testCase.name) : this.names.appendBytes(rawName, rawLength);
        if (testCase.message !== undefined ||
            testCase.details !== undefined ||
            testCase.flaky !== undefined ||
            testCase.reruns !== undefined) {
            const slot = this.extraUsed++;
            if ((slot + 1) * EXTRA > this.extra.length) {
                const bigger = new Float64Array(this.extra.length * 2);
                bigger.set(this.extra);
                this.extra = bigger;
            }
            const e = slot * EXTRA;
            [this.extra[e], this.extra[e + 1]] = this.storeText(testCase.message);
            [this.extra[e + 2], this.extra[e + 3]] = this.storeText(testCase.details);
            this.extra[e + 4] = testCase.flaky === undefined ? 0 : testCase.flaky ? 2 : 1;
            this.extra[e + 5] = testCase.reruns ?? 0;
            this.extraOf.set(i, slot);
        }
        this.count++;
    }
    /** Where case i's name starts: where case i - 1's ends. */
    nameStart(i) {
        return i === 0 ? 0 : this.pages[(i - 1) >>> PAGE_BITS].nameEnd[(i - 1) & IN_PAGE];
    }
    /** Replaces the last case (a rerun of it): its name is written over the old one's bytes. */
    replaceLast(testCase) {
        if (this.count === 0) {
            this.push(testCase);
            return;
        }
        this.count--;
        this.extraOf.delete(this.count);
        this.push(testCase);
    }
    pushAll(cases) {
        for (const testCase of cases)
            this.push(testCase);
    }
    /** Case `i`; without its details (a stack trace, often most of the case's bytes) unless `withDetails`. */
    at(i, withDetails = true) {
        const page = this.pages[i >>> PAGE_BITS];
        const j = i & IN_PAGE;
        const out = {
            suite: [...this.suites[page.suite[j]]],
            name: this.names.read(this.nameStart(i), page.nameEnd[j]),
            status: STATUSES[page.status[j]],
        };
        if (page.classname[j] !== 0)
            out.classname = this.classnames.values[page.classname[j] - 1];
        if (page.file[j] !== 0)
            out.file = this.files.values[page.file[j] - 1];
        if (page.line[j] !== 0)
            out.line = page.line[j];
        if (!Number.isNaN(page.duration[j]))
            out.durationMs = page.duration[j];
        const slot = this.extraOf.get(i);
        if (slot !== undefined) {
            const e = slot * EXTRA;
            const flaky = this.extra[e + 4];
            if (flaky !== 0)
                out.flaky = flaky === 2;
            if (this.extra[e + 5] > 0)
                out.reruns = this.extra[e + 5];
            if (this.extra[e] >= 0)
                out.message = this.texts.read(this.extra[e], this.extra[e + 1]);
            if (withDetails && this.extra[e + 2] >= 0)
                out.details = this.texts.read(this.extra[e + 2], this.extra[e + 3]);
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
    /** The cases that passed only on a rerun, in report order. */
    flakyCases() {
        const out = [];
        for (const [i, slot] of this.extraOf)
            if (this.extra[slot * EXTRA + 4] === 2)
                out.push(this.at(i));
        return out;
    }
    /**
     * The failed and errored cases, in report order: the first `limit` of them (each becomes an
     * object), the first `withDetails` of those with their details.
     */
    failures(limit = Infinity, withDetails = Infinity) {
        const out = [];
        for (let i = 0; i < this.count && out.length < limit; i++) {
            const status = this.pages[i >>> PAGE_BITS].status[i & IN_PAGE];
            if (status === 1 || status === 2)
                out.push(this.at(i, out.length < withDetails));
        }
        return out;
    }
    totals() {
        const totals = { total: this.count, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
        for (let i = 0; i < this.count; i++) {
            const status = this.pages[i >>> PAGE_BITS].status[i & IN_PAGE];
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
            if (this.extra[slot * EXTRA + 4] === 2)
                totals.flaky++;
        return totals;
    }
    /** Rewrites every case's file (each distinct file once); cases that name the same file after it share it. */
    rewriteFiles(rewrite) {
        const rewritten = new Table();
        const moved = this.files.values.map((file) => rewritten.index(rewrite(file)) + 1);
        for (let i = 0; i < this.count; i++) {
            const page = this.pages[i >>> PAGE_BITS];
            const j = i & IN_PAGE;
            if (page.file[j] !== 0)
                page.file[j] = moved[page.file[j] - 1];
        }
        this.files = rewritten;
    }
    /** Appends `text` to the texts buffer; [-1, -1] for none. */
    storeText(text) {
        if (text === undefined)
            return [-1, -1];
        const start = this.texts.end;
        return [start, this.texts.append(text)];
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


/***/ }),

/***/ 18919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JQ: () => (/* binding */ readTestResults),
  XF: () => (/* binding */ testTitle),
  gS: () => (/* binding */ testTotals)
});

// EXTERNAL MODULE: ./src/stages/test-stage/results/case-list.ts + 2 modules
var case_list = __webpack_require__(15906);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/xml-stream.ts + 1 modules
var xml_stream = __webpack_require__(76926);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/report-file.ts
var report_file = __webpack_require__(38421);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/detect.ts
var detect = __webpack_require__(5851);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
;// CONCATENATED MODULE: ./src/stages/test-stage/results/junit.ts

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
/** When a case has several outcomes (a failure and an error, say), the most severe decides. */
const SEVERITY = { passed: 0, skipped: 1, failed: 2, error: 3 };
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
            return (0,core_text/* cut */.Jj)(line, 1000);
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
/** A class name that is a source file (vitest writes `classname="test/api.test.ts"`). */
const SOURCE_FILE = /^[\w./@-]+\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|cs|php|swift|scala|ex|exs)$/;
/**
 * Where a failed case with no `file` or no `line` failed, from what the report does say: the class
 * name when it is a file, and the first `<file>:<line>` of that file in the failure's text (vitest's
 * `❯ test/api.test.ts:6:39`, pytest's `tests/test_api.py:6: AssertionError`), so the annotation
 * lands on the line.
 */
function locateFailure(row) {
    if (!row.file && row.classname && SOURCE_FILE.test(row.classname))
        row.file = row.classname;
    if (!row.file || row.line !== undefined)
        return;
    const text = `${row.message ?? ''}\n${row.details ?? ''}`;
    const at = new RegExp(`(?:^|[\\s(/\\\\])${(0,core_text/* escapeRegExp */.Nt)(row.file)}:(\\d+)`).exec(text);
    const line = at ? Number(at[1]) : 0;
    if (line > 0)
        row.line = line;
}
/**
 * JUnit XML in its dialects: Surefire (with `flakyFailure`/`rerunFailure` reruns), jest-junit, vitest,
 * pytest, PHPUnit (suites nested in suites, `file`/`line` attributes), go-junit-report, xunit-style
 * `status="disabled"`, catch2, nextest. Every `<testcase>` at any depth becomes one TestCase; the names
 * of all enclosing suites are kept, outermost first.
 *
 * Reruns: Surefire writes one `<testcase>` with a `flakyFailure`/`flakyError` per failed attempt when
 * a later one passed (flaky), or `rerunFailure`/`rerunError` beside the final `failure`. pytest-rerunfailures
 * writes each attempt as a `<testcase>` of its own, one after another with the same suite, class and
 * name: the last decides, the ones before are its reruns (so the totals equal pytest's "N passed, M rerun").
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
    /** Flaky and rerun elements of the current case: attempts before the one that decided. */
    let reruns = 0;
    let flakyMarks = 0;
    /** The identity of the case pushed last, to tell pytest-rerunfailures' attempts from new cases. */
    let last;
    /**
     * Only pytest's reports (root `<testsuites name="pytest tests">` or a suite named `pytest`, its
     * defaults) read repeated adjacent cases as attempts: elsewhere (TestNG, jest) the same name twice
     * in a row is two tests.
     */
    let pytest = false;
    /** The element whose text is being collected (failure, error, skipped) and that text. */
    let capture;
    /**
     * The case's name as the report's UTF-8 bytes, when it needs no decoding and the sink takes bytes
     * (`pushNamed`): copied from the scanner's buffer to the case list's with no string in between.
     * pytest's reports compare names between cases (reruns), so they keep the string.
     */
    const pushNamed = cases.pushNamed?.bind(cases);
    const nameBytes = new Uint8Array(1024);
    let nameLength = -1;
    /** Whether text now goes into the captured failure, error or skipped text (not yet at its limit). */
    const wantsText = () => capture !== undefined && capture.status !== 'passed' && capture.text.length < DETAILS_LIMIT;
    return {
        open(name, attrs, ctx) {
            if (name === 'testsuites' && attrs.get('name') === 'pytest tests')
                pytest = true;
            if (name === 'testsuite') {
                if (suites.length === 0 && attrs.get('name') === 'pytest')
                    pytest = true;
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
                nameLength = pushNamed && !pytest ? attrs.copyPlain('name', nameBytes) : -1;
                row.name = nameLength >= 0 ? '' : (attrs.get('name') ?? '');
                row.status = status === 'disabled' || status === 'skipped' || status === 'notrun' ? 'skipped' : 'passed';
                row.classname = attrs.getShared('classname') || undefined;
                row.file = file || undefined;
                // pytest writes its 0-based line numbers (`line="4"` for a `def` on line 5).
                if (pytest && Number.isInteger(line) && line >= 0)
                    row.line = line + 1;
                else
                    row.line = Number.isInteger(line) && line > 0 ? line : undefined;
                row.durationMs = Number.isNaN(time) ? seconds(attrs.get('time')) : Math.round(time * 1000);
                row.flaky = undefined;
                row.reruns = undefined;
                row.message = undefined;
                row.details = undefined;
                inCase = true;
                sawOutcome = false;
                reruns = 0;
                flakyMarks = 0;
                capture = undefined;
                return;
            }
            if (!inCase)
                return;
            const status = CHILD_STATUS[name];
            if (status) {
                // The most severe outcome decides (an error over a failure, any failure over a skip); at equal
                // severity the first one's message stays.
                if (!sawOutcome || SEVERITY[status] > SEVERITY[row.status]) {
                    row.status = status;
                    sawOutcome = true;
                    capture = { status, message: attrs.get('message'), text: '' };
                }
            }
            else if (FLAKY.has(name)) {
                flakyMarks++;
                reruns++;
            }
            else if (RERUN.has(name)) {
                reruns++;
            }
        },
        close(name) {
            if (name === 'testsuite') {
                suites.pop();
                last = undefined;
            }
            else if (name === 'testcase' && inCase) {
                inCase = false;
                const again = pytest &&
                    last !== undefined &&
                    last.name === row.name &&
                    last.classname === row.classname &&
                    last.suite === row.suite;
                if (again)
                    reruns += last.runs;
                if (row.status === 'failed' || row.status === 'error')
                    locateFailure(row);
                // Surefire: flakyFailure without a final failure = passed on a rerun; with one, it simply failed.
                row.flaky = row.status === 'passed' && (flakyMarks > 0 || (again && reruns > 0)) ? true : undefined;
                row.reruns = reruns > 0 ? reruns : undefined;
                if (again)
                    cases.replaceLast(row);
                else if (nameLength >= 0)
                    pushNamed(row, nameBytes, nameLength);
                else
                    cases.push(row);
                // Only pytest's attempts are compared: elsewhere no object per case is kept for it.
                if (pytest)
                    last = { suite: row.suite, classname: row.classname, name: row.name, runs: reruns + 1 };
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
        wantsText,
        text(text) {
            if (capture && wantsText()) {
                const room = DETAILS_LIMIT - capture.text.length;
                // Cut with the mark the redactor looks for: a secret cut here must not leave its start.
                capture.text += text.length > room ? `${text.slice(0, room)}${core_text/* CUT_MARK */.Hj}` : text;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/stages/test-stage/results/dotnet.ts


const TRX_STATUS = nameTable({
    passed: 'passed',
    passedbutrunaborted: 'passed',
    warning: 'passed',
    failed: 'failed',
    timeout: 'failed',
    aborted: 'failed',
    error: 'error',
});
/** NUnit 2.5+ `result` and NUnit 3 `result` values; anything else (Ignored, Skipped, Inconclusive…) is a skip. */
const NUNIT_STATUS = nameTable({
    passed: 'passed',
    success: 'passed',
    warning: 'passed',
    failed: 'failed',
    failure: 'failed',
    error: 'error',
    notrunnable: 'error',
    cancelled: 'error',
});
/** xUnit.net v2 `result` values. */
const XUNIT_STATUS = nameTable({ pass: 'passed', fail: 'failed', skip: 'skipped', notrun: 'skipped' });
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
                    current.message = (0,xml_stream/* detach */.Yo)(first);
                const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
                if (details && current.status !== 'passed')
                    current.details = (0,xml_stream/* detach */.Yo)(details);
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
/**
 * NUnit 2 (`test-results`), NUnit 3 (`test-run`, or a bare `<test-suite>` as the NUnit 3 engine and
 * framework report a finished assembly): `<test-case>` inside nested `<test-suite>`s.
 *
 * NUnit 2.5+ and 3 write `result`. NUnit 2.0–2.4 write only `executed="True|False"` and
 * `success="True|False"`, with a `<failure>` child on a failed case: without `result`, a case that
 * did not execute is skipped, `success="False"` or a `<failure>` child is a failure, else it passed.
 */
function nunitHandler(cases) {
    const suites = [];
    let current;
    /** No `result` attribute: NUnit 2.0–2.4, decided by `success` and a `<failure>` child. */
    let legacy = false;
    let field;
    /** Text is read inside `<failure>` only: an ignored case's `<reason><message>` is not a failure message. */
    let inFailure = false;
    let message = '';
    let stack = '';
    return {
        open(name, attrs) {
            if (name === 'test-suite') {
                suites.push(attrs.get('name') ?? '');
            }
            else if (name === 'test-case') {
                const result = attrs.get('result');
                const executed = attrs.get('executed')?.toLowerCase();
                const label = (attrs.get('label') ?? '').toLowerCase();
                legacy = result === undefined;
                let status;
                if (legacy)
                    status =
                        executed === 'false' ? 'skipped' : attrs.get('success')?.toLowerCase() === 'false' ? 'failed' : 'passed';
                else {
                    status = NUNIT_STATUS[(result ?? '').toLowerCase()] ?? 'skipped';
                    if (status === 'failed' && label === 'error')
                        status = 'error';
                    if (executed === 'false' && status === 'passed')
                        status = 'skipped';
                }
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
                inFailure = false;
            }
            else if (current && name === 'failure') {
                inFailure = true;
                if (legacy && current.status === 'passed')
                    current.status = 'failed';
            }
            else if (current && inFailure && (name === 'message' || name === 'stack-trace')) {
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
                    current.message = (0,xml_stream/* detach */.Yo)(first);
                const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
                if (details)
                    current.details = (0,xml_stream/* detach */.Yo)(details);
                cases.push(current);
                current = undefined;
            }
            else if (name === 'failure') {
                inFailure = false;
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
/**
 * xUnit.net v2 XML (`xunit.console -xml`, `dotnet test --logger xunit`): `<assemblies><assembly>
 * <collection><test name type method result="Pass|Fail|Skip|NotRun">`, a failure's `<failure>` with
 * `<message>` and `<stack-trace>`, a skip's `<reason>`.
 */
function xunitHandler(cases) {
    let assembly = '';
    let collection = '';
    let current;
    let field;
    let inFailure = false;
    let message = '';
    let stack = '';
    return {
        open(name, attrs) {
            if (name === 'assembly')
                assembly = (attrs.get('name') ?? '').split(/[\\/]/).pop() ?? '';
            else if (name === 'collection')
                collection = attrs.get('name') ?? '';
            else if (name === 'test') {
                const result = (attrs.get('result') ?? '').toLowerCase();
                current = {
                    suite: [assembly, collection].filter(Boolean),
                    name: attrs.get('name') ?? '',
                    status: XUNIT_STATUS[result] ?? 'skipped',
                };
                const type = attrs.get('type');
                if (type)
                    current.classname = type;
                const seconds = Number(attrs.get('time'));
                if (attrs.get('time') !== undefined && Number.isFinite(seconds))
                    current.durationMs = Math.round(seconds * 1000);
                message = '';
                stack = '';
            }
            else if (current && name === 'failure')
                inFailure = true;
            else if (current && inFailure && (name === 'message' || name === 'stack-trace'))
                field = name;
        },
        close(name) {
            if (name === 'test' && current) {
                if (current.status !== 'passed' && current.status !== 'skipped') {
                    const first = firstLine(message);
                    if (first !== undefined)
                        current.message = (0,xml_stream/* detach */.Yo)(first);
                    const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
                    if (details)
                        current.details = (0,xml_stream/* detach */.Yo)(details);
                }
                cases.push(current);
                current = undefined;
            }
            else if (name === 'failure')
                inFailure = false;
            else if (name === 'message' || name === 'stack-trace')
                field = undefined;
            else if (name === 'collection')
                collection = '';
        },
        text(text) {
            if (field === 'message' && message.length < DETAILS_LIMIT)
                message += text;
            else if (field === 'stack-trace' && stack.length < DETAILS_LIMIT)
                stack += text;
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/stages/test-stage/results/json-reports.ts



const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The JSON test reports shipkit can name when one is given where JUnit XML is expected. */
function jsonFormat(doc) {
    if (Array.isArray(doc))
        return 'a JSON array (not a test report format shipkit knows)';
    if (!isObject(doc))
        return undefined;
    if (isObject(doc.stats) && Array.isArray(doc.tests) && Array.isArray(doc.failures))
        return 'mocha';
    if (typeof doc.numTotalTests === 'number' && Array.isArray(doc.testResults))
        return 'Jest JSON (`jest --json`): write JUnit XML with jest-junit instead';
    if (isObject(doc.results) && isObject(doc.results.tool))
        return 'CTRF JSON: write JUnit XML instead';
    if (Array.isArray(doc.suites) && isObject(doc.config))
        return 'Playwright JSON: use the junit reporter instead';
    if (isObject(doc.meta) && isObject(doc.files))
        return 'a coverage.py JSON coverage report (give it to `coverage`)';
    if ('statementMap' in (Object.values(doc)[0] ?? {}))
        return 'an istanbul coverage report (give it to `coverage`)';
    return 'a JSON file that is not a test report shipkit knows';
}
/**
 * Mocha's JSON reporter (`mocha --reporter json`): `tests` lists every test once with its `err`
 * (empty when it passed); `pending` the skipped ones. The suite path is what `fullTitle` has before
 * the test's own title, as mocha builds it ("Suite Nested title").
 */
function readMocha(doc, cases, report) {
    const pending = new Set((Array.isArray(doc.pending) ? doc.pending : []).map((t) => `${String(t.fullTitle)}\0${String(t.file)}`));
    for (const raw of doc.tests) {
        if (!isObject(raw) || typeof raw.title !== 'string')
            throw new errors/* UserError */.yo('a mocha JSON test without a title', { file: report.display });
        const full = typeof raw.fullTitle === 'string' ? raw.fullTitle : raw.title;
        const prefix = full.endsWith(raw.title) ? full.slice(0, full.length - raw.title.length).trim() : '';
        const err = isObject(raw.err) ? raw.err : {};
        const failed = Object.keys(err).length > 0;
        const c = {
            suite: prefix ? [prefix] : [],
            name: raw.title,
            status: failed
                ? 'failed'
                : pending.has(`${full}\0${String(raw.file)}`) || raw.pending === true
                    ? 'skipped'
                    : 'passed',
        };
        if (typeof raw.file === 'string')
            c.file = raw.file;
        if (typeof raw.duration === 'number')
            c.durationMs = raw.duration;
        if (failed) {
            const message = typeof err.message === 'string' ? err.message : undefined;
            const stack = typeof err.stack === 'string' ? err.stack : undefined;
            const first = firstLine(message) ?? firstLine(stack);
            if (first !== undefined)
                c.message = first;
            if (stack ?? message)
                c.details = (stack ?? message ?? '').slice(0, 64 * 1024);
        }
        cases.push(c);
    }
}
/**
 * A test report that is JSON, not XML: mocha's is read; any other is refused naming what it is,
 * rather than as malformed XML.
 */
async function readJsonTestReport(report, cases, input) {
    let doc;
    try {
        doc = JSON.parse(await (0,promises_.readFile)(report.abs, 'utf8'));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`looks like JSON but is not valid JSON: ${error.message}`, {
            input,
            file: report.display,
        });
    }
    const format = jsonFormat(doc);
    if (format === 'mocha')
        return readMocha(doc, cases, report);
    throw new errors/* UserError */.yo(`not a test report shipkit reads: ${format ?? 'JSON'}. Test reports are JUnit XML, TRX, NUnit, xUnit.net XML or mocha --reporter json`, { input, file: report.display });
}

;// CONCATENATED MODULE: ./src/stages/test-stage/results/index.ts







/**
 * Picks the dialect from the root element: JUnit (`testsuites`/`testsuite`), TRX (`TestRun`),
 * NUnit (`test-run`/`test-results`, or a bare NUnit 3 `test-suite`), xUnit.net v2
 * (`assemblies`/`assembly`). Anything else is not a test report.
 */
function dialect(cases) {
    let inner;
    return {
        open(name, attrs, ctx) {
            if (!inner) {
                if (name === 'testsuites' || name === 'testsuite')
                    inner = junitHandler(cases);
                else if (name === 'TestRun')
                    inner = trxHandler(cases);
                else if (name === 'test-run' || name === 'test-results' || name === 'test-suite')
                    inner = nunitHandler(cases);
                else if (name === 'assemblies' || name === 'assembly')
                    inner = xunitHandler(cases);
                // The file is named by the error's location: the message does not repeat it.
                else
                    ctx.fail(`not a test report: root element <${name}> is not JUnit, TRX, NUnit or xUnit.net`);
            }
            inner.open(name, attrs, ctx);
        },
        close(name, ctx) {
            inner?.close?.(name, ctx);
        },
        text(text) {
            inner?.text?.(text);
        },
        wantsText() {
            return inner?.text !== undefined && (inner.wantsText === undefined || inner.wantsText());
        },
        finish() {
            inner?.finish?.();
        },
    };
}
/** Reads JUnit XML (every dialect), TRX, NUnit, xUnit.net and mocha JSON reports into one TestResults. */
async function readTestResults(files, opts) {
    const results = { sources: [], cases: new case_list/* CaseList */.r() };
    for (const name of files) {
        const report = await (0,report_file/* openReport */.N)(name, opts.cwd, opts.input);
        if (report.size > 0) {
            const head = (await (0,detect/* sniff */.ZF)(report)).replace(/^\uFEFF/, '').trimStart();
            if (head.startsWith('{') || head.startsWith('[')) {
                await readJsonTestReport(report, results.cases, opts.input);
            }
            else {
                const handler = dialect(results.cases);
                await (0,xml_stream/* streamXml */.sq)(report, handler);
                handler.finish?.();
            }
        }
        if (report.size === 0 && !opts.allowEmpty)
            throw (0,report_file/* noDataError */.M)(report, 'test result', opts.input);
        results.sources.push(report.display);
    }
    return results;
}
function testTotals(results) {
    return results.cases.totals();
}
/** `Suite › Nested › name`, as people read a test's identity. */
function testTitle(c) {
    return [...c.suite, c.name].filter((s) => s !== '').join(' › ');
}


/***/ }),

/***/ 4213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KY: () => (/* binding */ encodeTests),
/* harmony export */   eU: () => (/* binding */ decodeTests),
/* harmony export */   wL: () => (/* binding */ emptyResults)
/* harmony export */ });
/* harmony import */ var _results_case_list_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15906);

/** Failure texts kept per case (as the JSON report keeps them): a run where everything broke stays small. */
const MAX_TEXT = 8 * 1024;
const CODE = { passed: 'p', failed: 'f', error: 'e', skipped: 's' };
const STATUS = { p: 'passed', f: 'failed', e: 'error', s: 'skipped' };
class Index {
    key;
    values = [];
    byKey = new Map();
    constructor(key) {
        this.key = key;
    }
    of(value) {
        const k = this.key(value);
        let i = this.byKey.get(k);
        if (i === undefined) {
            i = this.values.push(value) - 1;
            this.byKey.set(k, i);
        }
        return i;
    }
}
const cut = (text) => text === undefined ? null : text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
/** The cases of a run by column: names once per case, suites, class names and files once each. */
function encodeTests(results) {
    const suites = new Index((s) => JSON.stringify(s));
    const classnames = new Index((s) => s);
    const files = new Index((s) => s);
    const cases = [];
    const extra = [];
    let i = 0;
    for (const c of results.cases) {
        cases.push([
            c.name,
            CODE[c.status],
            suites.of(c.suite),
            c.classname === undefined ? -1 : classnames.of(c.classname),
            c.file === undefined ? -1 : files.of(c.file),
            c.line ?? 0,
            c.durationMs ?? null,
        ]);
        if (c.message !== undefined || c.details !== undefined || c.flaky !== undefined || c.reruns !== undefined)
            extra.push([i, cut(c.message), cut(c.details), c.flaky === undefined ? 0 : c.flaky ? 2 : 1, c.reruns ?? 0]);
        i++;
    }
    return {
        sources: [...results.sources],
        suites: suites.values,
        classnames: classnames.values,
        files: files.values,
        cases,
        extra,
    };
}
/** Adds the cases of one shard to `into` (the test stage's own CaseList, so its totals and lists apply). */
function decodeTests(tests, into) {
    const extra = new Map();
    for (const e of tests.extra)
        extra.set(e[0], e);
    tests.cases.forEach((row, i) => {
        const [name, status, suite, classname, file, line, duration] = row;
        const c = { suite: tests.suites[suite] ?? [], name, status: STATUS[status] ?? 'error' };
        if (classname >= 0 && tests.classnames[classname] !== undefined)
            c.classname = tests.classnames[classname];
        if (file >= 0 && tests.files[file] !== undefined)
            c.file = tests.files[file];
        if (line > 0)
            c.line = line;
        if (duration !== null)
            c.durationMs = duration;
        const e = extra.get(i);
        if (e) {
            if (e[1] !== null)
                c.message = e[1];
            if (e[2] !== null)
                c.details = e[2];
            if (e[3] !== 0)
                c.flaky = e[3] === 2;
            if (e[4] > 0)
                c.reruns = e[4];
        }
        into.push(c);
    });
}
function emptyResults() {
    return { sources: [], cases: new _results_case_list_js__WEBPACK_IMPORTED_MODULE_0__/* .CaseList */ .r() };
}


/***/ }),

/***/ 32781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ SHARD_VERSION),
/* harmony export */   KP: () => (/* binding */ SHARD_JSON),
/* harmony export */   LS: () => (/* binding */ SHARD_FORMAT),
/* harmony export */   yA: () => (/* binding */ SHARD_LCOV)
/* harmony export */ });
/**
 * What a test-stage run saves for the root report action to merge with other shards of a matrix: its
 * line-level coverage as an lcov tracefile (the standard form every coverage tool merges, `lcov -a`
 * included) and everything lcov cannot hold in one compact JSON document beside it: statements,
 * which metrics were measured, counted branch arms, summary-only files, the test cases (by column),
 * the commands and the gate options. Paths are repository-relative.
 */
const SHARD_LCOV = 'coverage.lcov';
const SHARD_JSON = 'shard.json';
const SHARD_FORMAT = 'shipkit-test-shard';
const SHARD_VERSION = 1;


/***/ }),

/***/ 69034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ meets),
/* harmony export */   Oe: () => (/* binding */ pct),
/* harmony export */   eh: () => (/* binding */ summarize),
/* harmony export */   hD: () => (/* binding */ sumFiles)
/* harmony export */ });
/* unused harmony export metricValue */
/* harmony import */ var _coverage_totals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60579);


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
    // Each file's counters are counted once, for its row and for the totals (as totals() sums them).
    const sum = new _coverage_totals_js__WEBPACK_IMPORTED_MODULE_0__/* .TotalsSum */ .FO();
    for (const [p, counters] of (0,_coverage_totals_js__WEBPACK_IMPORTED_MODULE_0__/* .filesCounters */ .v3)(set)) {
        sum.add(counters);
        files.push(fileSummary(p, counters));
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { totals: sum.totals(set.measured), files };
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


/***/ })

};
