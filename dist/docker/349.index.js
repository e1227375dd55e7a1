import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 349;
export const ids = [349];
export const modules = {

/***/ 80349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseOsvScanner: () => (/* binding */ parseOsvScanner)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82583);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(61016);
/* harmony import */ var _severity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93986);
/* harmony import */ var _read_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82567);






/**
 * osv-scanner's `--format json`: `results[]` per scanned lockfile (`source.path`), each package with
 * the OSV records that affect it and `groups` — osv-scanner's own merge of records that are aliases
 * of one another (a PYSEC and a GHSA of one CVE), with `max_severity`, the highest CVSS base score
 * among them. A group is one finding.
 */
function versionKey(v) {
    return semver__WEBPACK_IMPORTED_MODULE_1___default().coerce(v, { loose: true });
}
/** The lowest `fixed` event above the installed version, among the records' ranges for this package. */
function fixedVersion(records, pkg, installed) {
    const fixes = [];
    for (const r of records) {
        for (const a of Array.isArray(r.affected) ? r.affected.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv) : []) {
            const name = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(a.package) ? (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(a.package.name) : undefined;
            if (name && name.toLowerCase() !== pkg.toLowerCase())
                continue;
            for (const range of Array.isArray(a.ranges) ? a.ranges.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv) : []) {
                for (const e of Array.isArray(range.events) ? range.events.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv) : []) {
                    const fixed = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(e.fixed);
                    if (fixed)
                        fixes.push(fixed);
                }
            }
        }
    }
    if (fixes.length === 0)
        return null;
    const have = installed ? versionKey(installed) : null;
    const above = fixes
        .map((f) => ({ f, k: versionKey(f) }))
        .filter((x) => x.k !== null && (have === null || semver__WEBPACK_IMPORTED_MODULE_1___default().gt(x.k, have)))
        .sort((a, b) => semver__WEBPACK_IMPORTED_MODULE_1___default().compare(a.k, b.k));
    return above[0]?.f ?? fixes[0];
}
function parseOsvScanner(doc, source, options) {
    if (!(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc) || !Array.isArray(doc.results))
        throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutError */ .TG)(source, 'osv-scanner JSON', 'no `results` array');
    const out = [];
    for (const result of doc.results.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)) {
        const src = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(result.source) ? (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(result.source.path) : undefined;
        const target = src ? node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(options.root, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.root, src)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/') : '';
        for (const p of Array.isArray(result.packages) ? result.packages.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv) : []) {
            const info = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(p.package) ? p.package : {};
            const name = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(info.name);
            if (!name)
                continue;
            const installed = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(info.version) ?? null;
            const ecosystem = ((0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(info.ecosystem) ?? '').toLowerCase();
            const records = Array.isArray(p.vulnerabilities) ? p.vulnerabilities.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv) : [];
            const byId = new Map(records.map((r) => [(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(r.id) ?? '', r]));
            const groups = Array.isArray(p.groups) ? p.groups.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv) : [];
            // Without groups (older versions), each record is its own group.
            const effective = groups.length > 0 ? groups : records.map((r) => ({ ids: [r.id], aliases: r.aliases }));
            for (const g of effective) {
                const list = (v) => (Array.isArray(v) ? v : []);
                const ids = [...list(g.ids), ...list(g.aliases)].flatMap((i) => typeof i === 'string' ? ((0,_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeId */ .XB)(i) ?? []) : []);
                if (ids.length === 0)
                    continue;
                const members = [...new Set(ids.map((i) => byId.get(i)))].filter((r) => r !== undefined);
                // The advisory's own word (GitHub's severity in database_specific) wins; else the highest CVSS score.
                let word;
                for (const r of members) {
                    const w = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(r.database_specific) ? (0,_severity_js__WEBPACK_IMPORTED_MODULE_3__/* .severityFromWord */ .GX)(r.database_specific.severity) : undefined;
                    if (w && w !== 'unknown')
                        word = word ? (0,_model_js__WEBPACK_IMPORTED_MODULE_5__/* .worst */ .QZ)(word, w) : w;
                }
                const severity = word ?? (0,_severity_js__WEBPACK_IMPORTED_MODULE_3__/* .severityFromScore */ .qI)(g.max_severity);
                const first = members[0];
                out.push({
                    ids,
                    severity: severity ?? 'unknown',
                    kind: 'vuln',
                    title: (first && ((0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(first.summary) ?? (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(first.details)?.split('\n')[0])) ?? ids[0],
                    package: name,
                    installed,
                    fixed: fixedVersion(members, name, installed),
                    target,
                    file: target || null,
                    line: null,
                    tool: 'osv-scanner',
                    url: `https://osv.dev/vulnerability/${ids[0]}`,
                    ecosystem,
                });
            }
        }
    }
    return out;
}


/***/ })

};
