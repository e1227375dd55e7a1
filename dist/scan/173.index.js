import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 173;
export const ids = [173];
export const modules = {

/***/ 65173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fixedFromRange: () => (/* binding */ fixedFromRange),
/* harmony export */   parseAdvisoriesAudit: () => (/* binding */ parseAdvisoriesAudit),
/* harmony export */   parseNpmAudit: () => (/* binding */ parseNpmAudit),
/* harmony export */   parseYarnBerryAudit: () => (/* binding */ parseYarnBerryAudit)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82583);
/* harmony import */ var _lockfiles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25675);
/* harmony import */ var _severity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93986);
/* harmony import */ var _read_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82567);





/**
 * npm 7+ `npm audit --json` (auditReportVersion 2): `vulnerabilities` keyed by package, each with
 * `via` — advisories (objects: source id, GHSA url, severity, cvss, vulnerable `range`) or names of
 * the vulnerable packages it depends on (strings: those are reported under their own key) — and the
 * `nodes` (node_modules paths) it is installed at. The report states no installed version, so
 * versions come from the lockfile, each node checked against each advisory's range.
 */
/**
 * The first version that leaves a vulnerable range, when the range says so: `<4.17.21` → 4.17.21,
 * `>=1.0.0 <1.2.6` → 1.2.6. Undefined for `<=x` (no fixed release is named) or when the installed
 * version is in no part of the range.
 */
function fixedFromRange(range, installed) {
    for (const part of range.split('||')) {
        const p = part.trim();
        if (installed && semver__WEBPACK_IMPORTED_MODULE_0___default().valid(installed) && !semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(installed, p, { includePrerelease: true }))
            continue;
        const m = /<\s*(v?\d[^\s]*)\s*$/.exec(p);
        if (m && !/<=/.test(p))
            return m[1].replace(/^v/, '');
    }
    return undefined;
}
function parseNpmAudit(doc, source, options) {
    if (!(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc))
        throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutError */ .TG)(source, 'npm audit JSON', 'the document is not an object');
    if ((0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc.error)) {
        // npm writes its own failures as JSON too (ENOLOCK, an unreachable registry).
        const e = doc.error;
        throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutError */ .TG)(source, 'npm audit JSON', `npm failed: ${(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(e.code) ?? ''} ${(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(e.summary) ?? ''}`.trim());
    }
    if (doc.auditReportVersion !== 2 || !(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc.vulnerabilities))
        throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutError */ .TG)(source, 'npm audit JSON', 'no `auditReportVersion: 2` with `vulnerabilities` (npm 7 or later writes them)');
    const out = [];
    for (const [name, entry] of Object.entries(doc.vulnerabilities)) {
        if (!(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(entry) || !Array.isArray(entry.via))
            continue;
        const nodes = Array.isArray(entry.nodes) ? entry.nodes.filter((n) => typeof n === 'string') : [];
        const installedVersions = [
            ...new Set(nodes.filter((n) => (0,_lockfiles_js__WEBPACK_IMPORTED_MODULE_2__/* .packageOfNode */ .yz)(n) === name).flatMap((n) => options.versions.get(n) ?? [])),
        ];
        for (const via of entry.via) {
            if (!(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(via))
                continue; // a package name: its own entry reports it
            const url = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(via.url);
            const ids = [
                url ? (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .idFromUrl */ .Re)(url) : undefined,
                typeof via.source === 'number' ? `NPM-${via.source}` : undefined,
            ].filter((i) => i !== undefined);
            if (ids.length === 0)
                continue;
            const cvss = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(via.cvss) ? (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(via.cvss.score) : undefined;
            const severity = (0,_severity_js__WEBPACK_IMPORTED_MODULE_3__/* .severityFromWord */ .GX)(via.severity) ?? (0,_severity_js__WEBPACK_IMPORTED_MODULE_3__/* .severityFromScore */ .qI)(cvss) ?? 'unknown';
            const range = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(via.range) ?? '';
            // One finding per installed version the advisory's range covers; unknown versions (no lockfile) once.
            const versions = installedVersions.filter((v) => range === '' || !semver__WEBPACK_IMPORTED_MODULE_0___default().valid(v) || semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(v, range, { includePrerelease: true }));
            for (const installed of versions.length > 0 ? versions : [null]) {
                out.push({
                    ids,
                    severity,
                    kind: 'vuln',
                    title: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(via.title) ?? ids[0],
                    package: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(via.name) ?? name,
                    installed,
                    fixed: fixedFromRange(range, installed) ?? null,
                    target: options.target,
                    file: options.target,
                    line: null,
                    tool: 'npm-audit',
                    url: url ?? null,
                    ecosystem: 'npm',
                });
            }
        }
    }
    return out;
}
/**
 * The `advisories` layout: `pnpm audit --json` (and npm 6's `npm audit --json`): each advisory with
 * its CVEs, GHSA id, `patched_versions` and the installed versions it was found at.
 */
function parseAdvisoriesAudit(doc, source, options) {
    if (!(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc) || !(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc.advisories))
        throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutError */ .TG)(source, options.format, 'no `advisories` object');
    const out = [];
    for (const advisory of Object.values(doc.advisories)) {
        if (!(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(advisory))
            continue;
        const url = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(advisory.url);
        const ids = [
            ...(Array.isArray(advisory.cves)
                ? advisory.cves.flatMap((c) => (typeof c === 'string' ? ((0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeId */ .XB)(c) ?? []) : []))
                : []),
            ...((0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(advisory.github_advisory_id) ? [(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeId */ .XB)(advisory.github_advisory_id) ?? []].flat() : []),
            ...(url ? [(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .idFromUrl */ .Re)(url) ?? []].flat() : []),
            ...(typeof advisory.id === 'number' ? [`NPM-${advisory.id}`] : []),
        ];
        if (ids.length === 0)
            continue;
        const cvss = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(advisory.cvss) ? (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .num */ .bu)(advisory.cvss.score) : undefined;
        const patched = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(advisory.patched_versions);
        const fixed = patched && /^>=\s*\S+$/.test(patched)
            ? patched.replace(/^>=\s*/, '')
            : patched === '<0.0.0'
                ? undefined
                : patched;
        const findings = Array.isArray(advisory.findings) ? advisory.findings.filter(_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv) : [];
        const versions = [...new Set(findings.flatMap((f) => (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(f.version) ?? []))];
        for (const installed of versions.length > 0 ? versions : [null]) {
            out.push({
                ids,
                severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_3__/* .severityFromWord */ .GX)(advisory.severity) ?? (0,_severity_js__WEBPACK_IMPORTED_MODULE_3__/* .severityFromScore */ .qI)(cvss) ?? 'unknown',
                kind: 'vuln',
                title: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(advisory.title) ?? ids[0],
                package: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(advisory.module_name) ?? null,
                installed,
                fixed: fixed ?? null,
                target: options.target,
                file: options.target,
                line: null,
                tool: options.tool,
                url: url ?? null,
                ecosystem: 'npm',
            });
        }
    }
    return out;
}
/**
 * yarn berry's `yarn npm audit --json`: one JSON object per line,
 * `{"value": package, "children": {ID, Issue, URL, Severity, "Vulnerable Versions", "Tree Versions"}}`.
 */
function parseYarnBerryAudit(text, source, options) {
    const out = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '')
            continue;
        let doc;
        try {
            doc = JSON.parse(line);
        }
        catch (error) {
            throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutError */ .TG)(source, 'yarn npm audit JSON', `line is not JSON (${error.message.replace(/, ".*" is not valid JSON$/s, '')})`, i + 1);
        }
        if (!(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc) || !(0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .Gv)(doc.children) || typeof doc.value !== 'string')
            throw (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutError */ .TG)(source, 'yarn npm audit JSON', 'each line must be {"value": package, "children": {…}}', i + 1);
        const c = doc.children;
        const url = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(c.URL);
        const ids = [url ? (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .idFromUrl */ .Re)(url) : undefined, typeof c.ID === 'number' ? `NPM-${c.ID}` : (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(c.ID)].filter((x) => x !== undefined);
        if (ids.length === 0)
            continue;
        const range = (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(c['Vulnerable Versions']) ?? '';
        const tree = Array.isArray(c['Tree Versions'])
            ? c['Tree Versions'].filter((v) => typeof v === 'string')
            : [];
        for (const installed of tree.length > 0 ? tree : [null]) {
            out.push({
                ids,
                severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_3__/* .severityFromWord */ .GX)(c.Severity) ?? 'unknown',
                kind: 'vuln',
                title: (0,_read_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(c.Issue) ?? ids[0],
                package: doc.value,
                installed,
                fixed: fixedFromRange(range, installed) ?? null,
                target: options.target,
                file: options.target,
                line: null,
                tool: 'yarn-audit',
                url: url ?? null,
                ecosystem: 'npm',
            });
        }
    }
    return out;
}


/***/ })

};
