import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 201;
export const ids = [201];
export const modules = {

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

/***/ 61016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   QZ: () => (/* binding */ worst),
/* harmony export */   a2: () => (/* binding */ GATE_SEVERITIES),
/* harmony export */   jZ: () => (/* binding */ atLeast),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* unused harmony export KINDS */
/**
 * The one findings model every scanner's output is turned into. A finding is one vulnerability id in one
 * package at one installed version in one target (a lockfile, an image), or one secret / misconfiguration
 * at a file and line. The same advisory reported by several tools is one finding listing every tool.
 */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
/** The severities a gate can be set to (`fail-on`): `unknown` is never a threshold. */
const GATE_SEVERITIES = ['critical', 'high', 'medium', 'low'];
const KINDS = (/* unused pure expression or super */ null && (['vuln', 'secret', 'misconfig']));
/** Lower is worse: critical 0 … unknown 4. */
function severityRank(s) {
    return SEVERITIES.indexOf(s);
}
/** True when `s` is at `threshold` or worse. `unknown` meets no threshold (it is listed, and counted apart). */
function atLeast(s, threshold) {
    return s !== 'unknown' && severityRank(s) <= severityRank(threshold);
}
function worst(a, b) {
    return severityRank(a) <= severityRank(b) ? a : b;
}
function countBySeverity(findings) {
    const counts = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
    for (const f of findings)
        if (!f.ignored)
            counts[f.severity]++;
    return counts;
}
/** Worst first, then by id, package and target: the order of every list the stage shows. */
function compareFindings(a, b) {
    return (severityRank(a.severity) - severityRank(b.severity) ||
        a.id.localeCompare(b.id) ||
        (a.package ?? '').localeCompare(b.package ?? '') ||
        a.target.localeCompare(b.target) ||
        (a.line ?? 0) - (b.line ?? 0));
}


/***/ }),

/***/ 41051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ ScanReport),
/* harmony export */   p: () => (/* binding */ FindingSchema)
/* harmony export */ });
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97375);
/* harmony import */ var _core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25670);


const Severity = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('critical'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('high'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('medium'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('low'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('unknown'),
], { description: 'From the advisory; CVSS v3 bands when only a score is given (scan/README.md).' });
const FindingSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    id: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({
        minLength: 1,
        description: 'A CVE when the advisory has one, else a GHSA, else the tool’s id or rule.',
    }),
    aliases: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), { description: 'Other ids of the same advisory (GHSA, CVE, OSV ids).' }),
    severity: Severity,
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('vuln'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('secret'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('misconfig')]),
    title: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    package: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    installed: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    fixed: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The first version without the vulnerability; null when none is known.' })),
    target: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The lockfile, image or file the finding is in.' }),
    file: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'Repository-relative file the finding is annotated on.' })),
    line: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 1 })),
    tools: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), { minItems: 1, description: 'Every tool that reported it.' }),
    url: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    snippet: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'Secrets: the line with the secret masked. Never the secret.' })),
    ignored: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        reason: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        source: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: '`file:line` of the ignore entry.' }),
        expires: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    }, { additionalProperties: false })),
    new: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Boolean({ description: 'Set when a baseline was compared: the base branch does not have it.' })),
}, { additionalProperties: false });
const Counts = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    critical: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    high: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    medium: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    low: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    unknown: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
}, { additionalProperties: false, description: 'Findings that are not ignored, by severity.' });
const Source = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    tool: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('trivy'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('audit'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('report')]),
    file: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The report read (as the user named it); null for a tool’s output.' })),
    format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    findings: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0, description: 'Findings read from it, before merging.' }),
    version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
}, { additionalProperties: false });
const ScanReport = (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .stageReportSchema */ .kZ)('scan', {
    findings: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(FindingSchema),
    counts: Counts,
    ignoredCount: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    sources: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(Source, { description: 'Every tool run and report read.' }),
    baseline: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        status: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('compared'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('missing'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('not-requested')]),
        branch: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
        sha: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
        newCount: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 })),
        saved: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Boolean({ description: 'This run saved the findings as the baseline of its branch.' }),
    }, { additionalProperties: false }),
    sarif: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        file: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        runs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
        results: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
        dropped: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0, description: 'Results left out to stay within GitHub’s limits.' }),
        uploaded: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Boolean(),
        sarifId: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The id GitHub gave the upload.' })),
    }, { additionalProperties: false })),
});


/***/ }),

/***/ 59201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanStage: () => (/* binding */ scanStage)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/scan/model.ts
var model = __webpack_require__(61016);
// EXTERNAL MODULE: ./src/stages/scan/trivy/defaults.ts
var defaults = __webpack_require__(43038);
;// CONCATENATED MODULE: ./src/stages/scan/options.ts



/** Trivy's scanners this stage runs. */
const SCANNERS = ['vuln', 'secret', 'misconfig'];
/** The package managers' audits the stage can run itself. */
const AUDITS = ['npm', 'pnpm', 'yarn', 'osv-scanner'];
/** Defaults, equal to scan/action.yml's (a test holds them equal). */
const DEFAULTS = {
    target: '.',
    scanners: 'vuln,secret,misconfig',
    'fail-on': 'high',
    'ignore-file': '.shipkit/scan-ignore.yml',
    'trivy-version': defaults/* TRIVY_VERSION */.KE,
    'db-repository': defaults/* DB_REPOSITORIES */.W2.join(','),
};
function readEnum(inputs, name, allowed, fallback, none = false) {
    const raw = inputs.list(name);
    const values = raw.length > 0 ? raw : fallback.split(',').filter(Boolean);
    if (none && values.length === 1 && values[0] === 'none')
        return [];
    const out = [];
    for (const v of values) {
        if (!allowed.includes(v))
            throw new errors/* UserError */.yo(`${inputs.source.label(name)} must be a list of ${allowed.join(', ')}${none ? ' (or none)' : ''}, got '${v}'`, { input: name });
        if (!out.includes(v))
            out.push(v);
    }
    return out;
}
function readScanOptions(inputs) {
    const image = inputs.string('image');
    const sarif = inputs.string('sarif');
    const trivyPath = inputs.string('trivy-path');
    const ignoreFile = inputs.string('ignore-file');
    const version = inputs.string('trivy-version') ?? DEFAULTS['trivy-version'];
    if (!/^v?\d+\.\d+\.\d+$/.test(version))
        throw new errors/* UserError */.yo(`${inputs.source.label('trivy-version')} must be a version such as 0.74.0, got '${version}'`, {
            input: 'trivy-version',
        });
    const uploadSarif = inputs.bool('upload-sarif', false);
    const downloadUrl = inputs.string('trivy-download-url');
    const options = {
        target: inputs.string('target') ?? DEFAULTS.target,
        ...(image !== undefined ? { image } : {}),
        scanners: readEnum(inputs, 'scanners', SCANNERS, DEFAULTS.scanners, true),
        audits: readEnum(inputs, 'audit', AUDITS, ''),
        reports: inputs.list('reports'),
        failOn: inputs.oneOf('fail-on', model/* GATE_SEVERITIES */.a2, DEFAULTS['fail-on']),
        fixableOnly: inputs.bool('fixable-only', false),
        newOnly: inputs.bool('new-only', false),
        ignoreFile: ignoreFile ?? DEFAULTS['ignore-file'],
        ignoreFileExplicit: ignoreFile !== undefined && ignoreFile !== DEFAULTS['ignore-file'],
        ...(sarif !== undefined ? { sarif } : {}),
        uploadSarif,
        trivyVersion: version.replace(/^v/, ''),
        ...(trivyPath !== undefined ? { trivyPath } : {}),
        dbRepositories: inputs.list('db-repository').length > 0 ? inputs.list('db-repository') : DEFAULTS['db-repository'].split(','),
        skipDbUpdate: inputs.bool('skip-db-update', false),
        ...(downloadUrl !== undefined ? { trivyDownloadUrl: downloadUrl } : {}),
        insecure: inputs.bool('insecure', false),
    };
    if (options.scanners.length === 0 && options.audits.length === 0 && options.reports.length === 0 && !options.image)
        throw new errors/* UserError */.yo(`nothing to scan: ${inputs.source.label('scanners')} is none and no ${inputs.source.label('audit')}, ${inputs.source.label('reports')} or ${inputs.source.label('image')} is given`, { input: 'scanners' });
    if (options.image && options.scanners.length === 0)
        throw new errors/* UserError */.yo(`${inputs.source.label('image')} is set, so ${inputs.source.label('scanners')} cannot be none`, {
            input: 'scanners',
        });
    return options;
}

// EXTERNAL MODULE: ./src/stages/scan/report-schema.ts
var report_schema = __webpack_require__(41051);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/core/user-command-env.ts
var user_command_env = __webpack_require__(2742);
// EXTERNAL MODULE: ./src/stages/scan/lockfiles.ts
var lockfiles = __webpack_require__(25675);
;// CONCATENATED MODULE: ./src/stages/scan/ingest/detect.ts

/** Every format the scan stage reads, and what it calls them in messages. */
const FORMATS = {
    trivy: 'Trivy JSON',
    sarif: 'SARIF',
    'npm-audit': 'npm audit JSON (npm 7 or later)',
    'npm-audit-v6': 'npm 6 audit JSON',
    'pnpm-audit': 'pnpm audit JSON',
    'yarn-audit': 'yarn (berry) npm audit JSON',
    'yarn-classic-audit': 'yarn 1 audit JSON',
    'osv-scanner': 'osv-scanner JSON',
};
/** Formats the stage reads. The others are recognised so that an error can name them. */
const READABLE = [
    'trivy',
    'sarif',
    'npm-audit',
    'npm-audit-v6',
    'pnpm-audit',
    'yarn-audit',
    'osv-scanner',
];
const HEAD_BYTES = 64 * 1024;
async function readHead(file, bytes = HEAD_BYTES) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buf, 0, bytes, 0);
        return buf
            .subarray(0, bytesRead)
            .toString('utf8')
            .replace(/^\uFEFF/, '');
    }
    finally {
        await handle.close();
    }
}
const key = (name) => new RegExp(`"${name.replace(/[$]/g, '\\$&')}"\\s*:`);
/**
 * Recognises a report by the keys its tool writes first. Reports are recognised, not trusted: each
 * parser still checks what it reads.
 */
function sniff(head) {
    const text = head.trimStart();
    if (text === '')
        return { other: 'an empty file' };
    if (text.startsWith('<')) {
        if (/<testsuites?[\s>]/.test(text))
            return { other: 'JUnit XML' };
        if (/<coverage[\s>]/.test(text))
            return { other: 'Cobertura XML' };
        if (/<report[\s>]/.test(text))
            return { other: 'JaCoCo XML' };
        return { other: 'XML' };
    }
    if (/^(TN|SF):/m.test(text.slice(0, 200)))
        return { other: 'lcov' };
    if (/^mode: (set|count|atomic)/.test(text))
        return { other: 'a Go coverage profile' };
    if (text.startsWith('{"value":') && /"children"\s*:\s*\{\s*"ID"/.test(text))
        return { format: 'yarn-audit' };
    if (text.startsWith('{"type":') && /"type"\s*:\s*"audit(Advisory|Summary)"/.test(text))
        return { format: 'yarn-classic-audit' };
    if (!text.startsWith('{') && !text.startsWith('['))
        return { other: 'text that is not JSON' };
    if (key('SchemaVersion').test(text) && (key('Results').test(text) || key('ArtifactName').test(text)))
        return { format: 'trivy' };
    if (key('runs').test(text) && (/sarif/i.test(text.slice(0, 2000)) || /"version"\s*:\s*"2\.1\.0"/.test(text)))
        return { format: 'sarif' };
    if (key('auditReportVersion').test(text))
        return { format: 'npm-audit' };
    if (key('advisories').test(text) && key('actions').test(text)) {
        // npm 6 and pnpm share this layout; pnpm writes no `runId` and paths like `.>minimist`.
        return /"runId"\s*:/.test(text) ? { format: 'npm-audit-v6' } : { format: 'pnpm-audit' };
    }
    if (key('results').test(text) && (key('packages').test(text) || key('source').test(text)))
        return { format: 'osv-scanner' };
    if (key('bomFormat').test(text))
        return { other: 'a CycloneDX SBOM' };
    if (key('spdxVersion').test(text))
        return { other: 'an SPDX SBOM' };
    if (key('dependencies').test(text) && key('vulns').test(text))
        return { other: 'pip-audit JSON' };
    if (key('config').test(text) && /"protocol_version"|"scanner_name"\s*:\s*"govulncheck"/.test(text))
        return { other: 'govulncheck JSON' };
    if (key('coverage').test(text) || key('numTotalTests').test(text))
        return { other: 'a test or coverage report' };
    return { other: 'JSON of an unknown layout' };
}
function describeSniffed(s) {
    return 'format' in s ? FORMATS[s.format] : s.other;
}

// EXTERNAL MODULE: ./src/stages/scan/ingest/read-json.ts
var read_json = __webpack_require__(82567);
// EXTERNAL MODULE: ./src/stages/scan/ids.ts
var scan_ids = __webpack_require__(82583);
// EXTERNAL MODULE: ./src/stages/scan/redact.ts
var redact = __webpack_require__(15976);
// EXTERNAL MODULE: ./src/stages/scan/severity.ts
var scan_severity = __webpack_require__(93986);
// EXTERNAL MODULE: ./src/stages/scan/ingest/json-stream.ts
var json_stream = __webpack_require__(5351);
// EXTERNAL MODULE: ./src/stages/scan/ingest/strings.ts
var ingest_strings = __webpack_require__(34511);
;// CONCATENATED MODULE: ./src/stages/scan/ingest/sarif.ts







/** `CodeQL` → `codeql`, `Snyk Open Source` → `snyk-open-source`, `Semgrep OSS` → `semgrep-oss`. */
function toolId(name) {
    return (name
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'sarif');
}
function sarif_text(v) {
    return (0,read_json/* isObject */.Gv)(v) ? ((0,read_json/* str */.gx)(v.text) ?? (0,read_json/* str */.gx)(v.markdown)) : undefined;
}
function ruleOf(r) {
    const props = (0,read_json/* isObject */.Gv)(r.properties) ? r.properties : {};
    const tags = Array.isArray(props.tags) ? props.tags.filter((t) => typeof t === 'string') : [];
    const config = (0,read_json/* isObject */.Gv)(r.defaultConfiguration) ? r.defaultConfiguration : {};
    const score = (0,scan_severity/* severityFromScore */.qI)(props['security-severity']);
    return {
        ...((0,read_json/* str */.gx)(r.id) ? { id: r.id } : {}),
        ...((0,read_json/* str */.gx)(r.name) ? { name: r.name } : {}),
        ...((sarif_text(r.shortDescription) ?? sarif_text(r.fullDescription))
            ? { title: (sarif_text(r.shortDescription) ?? sarif_text(r.fullDescription)) }
            : {}),
        ...((0,read_json/* str */.gx)(r.helpUri) ? { helpUri: r.helpUri } : {}),
        ...((0,read_json/* str */.gx)(config.level) ? { level: config.level } : {}),
        ...(score ? { securitySeverity: score } : {}),
        tags,
    };
}
function kindOf(tags, ruleId) {
    const t = tags.map((x) => x.toLowerCase());
    if (t.includes('secret') ||
        t.includes('secrets') ||
        (/secret|credential|token|private-key/i.test(ruleId) &&
            t.includes('security') &&
            !t.some((x) => x.startsWith('external/cwe'))))
        return 'secret';
    if (t.some((x) => x === 'misconfiguration' || x === 'iac' || x === 'config' || x === 'configuration' || x === 'infrastructure'))
        return 'misconfig';
    return 'vuln';
}
/** `file:///work/app/src/a.js` with `%SRCROOT%` = `file:///work/app/` → `src/a.js`. */
function locationOf(result, run) {
    const loc = Array.isArray(result.locations) ? result.locations.find(read_json/* isObject */.Gv) : undefined;
    const phys = loc && (0,read_json/* isObject */.Gv)(loc.physicalLocation) ? loc.physicalLocation : undefined;
    if (!phys)
        return {};
    const art = (0,read_json/* isObject */.Gv)(phys.artifactLocation) ? phys.artifactLocation : {};
    let uri = (0,read_json/* str */.gx)(art.uri);
    // A uri relative to a base id (%SRCROOT%, ROOTPATH) is relative to the checkout already; an absolute
    // `file://` uri is made relative by the checkout root the run names, if it names one.
    if (uri && /^file:\/\//i.test(uri)) {
        uri = decodeURIComponent(uri.replace(/^file:\/\//i, ''));
        const root = Object.entries(run.baseIds)
            .find(([k]) => /^%?SRCROOT%?$/.test(k))?.[1]
            ?.replace(/^file:\/\//i, '');
        if (root && uri.startsWith(decodeURIComponent(root)))
            uri = uri.slice(decodeURIComponent(root).length);
    }
    else if (uri) {
        uri = decodeURIComponent(uri);
    }
    if (uri)
        uri = uri.replace(/^\.\//, '');
    const region = (0,read_json/* isObject */.Gv)(phys.region) ? phys.region : {};
    const snippet = (0,read_json/* isObject */.Gv)(region.snippet) ? (0,read_json/* str */.gx)(region.snippet.text) : undefined;
    return {
        ...(uri ? { uri } : {}),
        ...((0,read_json/* num */.bu)(region.startLine) ? { line: region.startLine } : {}),
        ...(snippet ? { snippet } : {}),
    };
}
/** Trivy's SARIF message: `Package: x\nInstalled Version: y\nVulnerability CVE-…\nSeverity: …\nFixed Version: z`. */
function trivyPackage(message) {
    const pkg = /^Package: (.+)$/m.exec(message)?.[1]?.trim();
    if (!pkg)
        return undefined;
    // The advisory's own word, as in Trivy's JSON; the rule's security-severity is only its CVSS score.
    const severity = (0,scan_severity/* severityFromWord */.GX)(/^Severity: (.+)$/m.exec(message)?.[1]);
    return {
        package: pkg,
        installed: /^Installed Version: (.+)$/m.exec(message)?.[1]?.trim() || null,
        fixed: /^Fixed Version: (.+)$/m.exec(message)?.[1]?.trim() || null,
        ...(severity ? { severity } : {}),
    };
}
function ruleFor(result, run) {
    const ref = (0,read_json/* isObject */.Gv)(result.rule) ? result.rule : undefined;
    const index = (0,read_json/* num */.bu)(result.ruleIndex) ?? (ref ? (0,read_json/* num */.bu)(ref.index) : undefined);
    const component = ref && (0,read_json/* isObject */.Gv)(ref.toolComponent) ? (0,read_json/* num */.bu)(ref.toolComponent.index) : undefined;
    if (index !== undefined) {
        const rules = component !== undefined ? run.extensionRules[component] : run.rules;
        const rule = rules?.[index];
        if (rule)
            return rule;
    }
    const id = (0,read_json/* str */.gx)(result.ruleId) ?? (ref ? (0,read_json/* str */.gx)(ref.id) : undefined);
    return id ? run.ruleById.get(id) : undefined;
}
function convert(result, run) {
    // Suppressed results (`suppressions` with an accepted status) were dismissed in the tool itself.
    if (Array.isArray(result.suppressions) &&
        result.suppressions.some((s) => (0,read_json/* isObject */.Gv)(s) && (s.status ?? 'accepted') === 'accepted'))
        return undefined;
    if (result.kind !== undefined && result.kind !== 'fail')
        return undefined; // pass, notApplicable, informational…
    const rule = ruleFor(result, run);
    const ruleId = (0,read_json/* str */.gx)(result.ruleId) ?? rule?.id ?? 'unknown-rule';
    const props = (0,read_json/* isObject */.Gv)(result.properties) ? result.properties : {};
    const tags = [
        ...(rule?.tags ?? []),
        ...(Array.isArray(props.tags) ? props.tags.filter((t) => typeof t === 'string') : []),
    ];
    const kind = kindOf(tags, ruleId);
    const message = sarif_text(result.message) ?? '';
    const where = locationOf(result, run);
    const tool = run.tool ?? 'sarif';
    const ids = [(0,scan_ids/* normalizeId */.XB)(ruleId) ?? ruleId];
    const helpId = rule?.helpUri ? (0,scan_ids/* idFromUrl */.Re)(rule.helpUri) : undefined;
    if (helpId && kind === 'vuln' && !ids.includes(helpId))
        ids.push(helpId);
    const pkg = tool === 'trivy' && kind === 'vuln' ? trivyPackage(message) : undefined;
    const severity = pkg?.severity ??
        (0,scan_severity/* severityFromScore */.qI)(props['security-severity']) ??
        rule?.securitySeverity ??
        (0,scan_severity/* severityFromSarifLevel */.ny)((0,read_json/* str */.gx)(result.level) ?? rule?.level);
    // A package's location in Trivy's SARIF is its lockfile, or for an image the image itself: no file to annotate.
    const file = pkg && where.uri && !(0,lockfiles/* lockfileEcosystem */.iE)(where.uri) ? null : (where.uri ?? null);
    const title = kind === 'secret'
        ? (rule?.title ?? rule?.name ?? ruleId) // a secret's message may quote the secret
        : pkg
            ? (rule?.title ?? ruleId)
            : message.split('\n')[0] || rule?.title || ruleId;
    return {
        ids,
        severity,
        kind,
        title,
        package: pkg?.package ?? null,
        installed: pkg?.installed ?? null,
        fixed: pkg?.fixed ?? null,
        target: where.uri ?? '',
        file,
        line: where.line ?? null,
        tool,
        url: rule?.helpUri ?? null,
        ...(kind === 'secret' ? { snippet: (0,redact/* redactSnippet */.N)(where.snippet ?? '') } : {}),
    };
}
async function readSarifReport(path, source) {
    const report = { findings: [], tools: [] };
    let version;
    const runs = new Map();
    const runOf = (i) => {
        let r = runs.get(i);
        if (!r) {
            r = { rules: [], extensionRules: [], ruleById: new Map(), waiting: [], baseIds: {} };
            runs.set(i, r);
        }
        return r;
    };
    const strings = new ingest_strings/* Strings */.D();
    const push = (f) => {
        if (f)
            report.findings.push((0,ingest_strings/* internFinding */.E)(f, strings));
    };
    try {
        await (0,json_stream/* streamJsonFile */.jf)(path, {
            want(p) {
                const d = p.length;
                if (d === 0)
                    return 'descend';
                if (d === 1)
                    return p[0] === 'runs' ? 'descend' : p[0] === 'version' ? 'capture' : 'skip';
                if (p[0] !== 'runs')
                    return 'skip';
                if (d === 2)
                    return 'descend';
                const k = p[2];
                if (d === 3)
                    return k === 'results' ? 'descend' : k === 'tool' || k === 'originalUriBaseIds' ? 'capture' : 'skip';
                return d === 4 && k === 'results' ? 'capture' : 'skip';
            },
            value(p, value, line) {
                if (p.length === 1) {
                    version = value;
                    return;
                }
                const run = runOf(p[1]);
                if (p[2] === 'tool') {
                    if (!(0,read_json/* isObject */.Gv)(value) || !(0,read_json/* isObject */.Gv)(value.driver))
                        throw (0,read_json/* layoutError */.TG)(source, 'SARIF', 'a run has no tool.driver', line);
                    const driver = value.driver;
                    run.tool = toolId((0,read_json/* str */.gx)(driver.name) ?? 'sarif');
                    report.tools.push(run.tool);
                    run.rules = Array.isArray(driver.rules) ? driver.rules.filter(read_json/* isObject */.Gv).map(ruleOf) : [];
                    run.extensionRules = Array.isArray(value.extensions)
                        ? value.extensions.map((e) => (0,read_json/* isObject */.Gv)(e) && Array.isArray(e.rules) ? e.rules.filter(read_json/* isObject */.Gv).map(ruleOf) : [])
                        : [];
                    for (const r of [...run.rules, ...run.extensionRules.flat()])
                        if (r.id && !run.ruleById.has(r.id))
                            run.ruleById.set(r.id, r);
                    for (const w of run.waiting.splice(0))
                        push(convert(w.value, run));
                }
                else if (p[2] === 'originalUriBaseIds') {
                    if ((0,read_json/* isObject */.Gv)(value))
                        for (const [k, v] of Object.entries(value)) {
                            const uri = (0,read_json/* isObject */.Gv)(v) ? (0,read_json/* str */.gx)(v.uri) : undefined;
                            if (uri)
                                run.baseIds[k] = uri.endsWith('/') ? uri : `${uri}/`;
                        }
                }
                else {
                    if (!(0,read_json/* isObject */.Gv)(value))
                        throw (0,read_json/* layoutError */.TG)(source, 'SARIF', 'a result is not an object', line);
                    if (run.tool === undefined)
                        run.waiting.push({ value, line });
                    else
                        push(convert(value, run));
                }
            },
            close(p) {
                if (p.length === 2 && p[0] === 'runs') {
                    const run = runs.get(p[1]);
                    if (run && run.tool === undefined && run.waiting.length > 0)
                        throw (0,read_json/* layoutError */.TG)(source, 'SARIF', `run ${String(p[1])} has results but no tool`);
                    runs.delete(p[1]);
                }
            },
        });
    }
    catch (error) {
        throw (0,read_json/* syntaxError */.Ip)(error, source);
    }
    if (version !== '2.1.0')
        throw (0,read_json/* layoutError */.TG)(source, 'SARIF', version === undefined ? 'no "version"' : `version ${JSON.stringify(version)}: shipkit reads SARIF 2.1.0`);
    return report;
}

// EXTERNAL MODULE: ./src/stages/scan/ingest/trivy.ts
var trivy = __webpack_require__(50694);
;// CONCATENATED MODULE: ./src/stages/scan/ingest/index.ts









/**
 * The audit parsers compare versions with semver's ranges, which cost the process 4–6 MB when
 * loaded (measured in bench/scan.bench.ts): loaded when an audit's output is read, not by a scan
 * that reads Trivy JSON or SARIF.
 */
const npmAudit = () => Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(173)]).then(__webpack_require__.bind(__webpack_require__, 65173));
const osvScanner = () => Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(349)]).then(__webpack_require__.bind(__webpack_require__, 80349));
/** The lockfile beside a report, or in the scanned directory: npm's report names nodes, not versions. */
function npmVersions(root, reportDir) {
    for (const dir of [root, reportDir]) {
        const lock = external_node_path_default().join(dir, 'package-lock.json');
        if ((0,external_node_fs_.existsSync)(lock)) {
            let doc;
            try {
                doc = JSON.parse((0,external_node_fs_.readFileSync)(lock, 'utf8'));
            }
            catch {
                continue;
            }
            return { versions: (0,lockfiles/* npmLockVersions */.mK)(doc), target: external_node_path_default().relative(root, lock).split((external_node_path_default()).sep).join('/') };
        }
    }
    return { versions: new Map(), target: 'package-lock.json' };
}
/**
 * Reads one report, whatever tool wrote it. `expect` is the format the caller knows it asked for
 * (an audit it ran); a file of another format is refused naming what it looks like.
 */
async function readFindingsFile(file, source, ctx, expect) {
    let head;
    try {
        head = await readHead(file);
    }
    catch (error) {
        const code = error.code;
        throw new errors/* UserError */.yo(code === 'ENOENT' ? 'report not found' : `cannot read the report: ${error.message}`, {
            input: source.input,
            file: source.file,
        });
    }
    const sniffed = sniff(head);
    const looks = describeSniffed(sniffed);
    if (expect && (!('format' in sniffed) || sniffed.format !== expect))
        throw new errors/* UserError */.yo(`expected ${FORMATS[expect]}, but this looks like ${looks}`, {
            input: source.input,
            file: source.file,
        });
    if (!('format' in sniffed) || !READABLE.includes(sniffed.format))
        throw new errors/* UserError */.yo(`this looks like ${looks}, not a findings report shipkit reads (Trivy JSON, SARIF 2.1.0, npm/pnpm/yarn audit JSON, osv-scanner JSON)`, { input: source.input, file: source.file });
    const format = sniffed.format;
    switch (format) {
        case 'trivy': {
            const r = await (0,trivy/* readTrivyReport */.h)(file, source);
            return { format, findings: r.findings, tools: ['trivy'] };
        }
        case 'sarif': {
            const r = await readSarifReport(file, source);
            return { format, findings: r.findings, tools: r.tools };
        }
        case 'npm-audit': {
            const doc = (0,read_json/* parseJsonText */.lk)(await (0,promises_.readFile)(file, 'utf8'), source);
            return {
                format,
                findings: (await npmAudit()).parseNpmAudit(doc, source, npmVersions(ctx.root, external_node_path_default().dirname(file))),
                tools: ['npm-audit'],
            };
        }
        case 'npm-audit-v6':
        case 'pnpm-audit': {
            const doc = (0,read_json/* parseJsonText */.lk)(await (0,promises_.readFile)(file, 'utf8'), source);
            const tool = format === 'pnpm-audit' ? 'pnpm-audit' : 'npm-audit';
            const target = format === 'pnpm-audit' ? 'pnpm-lock.yaml' : 'package-lock.json';
            return {
                format,
                findings: (await npmAudit()).parseAdvisoriesAudit(doc, source, { target, tool, format: FORMATS[format] }),
                tools: [tool],
            };
        }
        case 'yarn-audit': {
            const text = await (0,promises_.readFile)(file, 'utf8');
            const { parseYarnBerryAudit } = await npmAudit();
            return { format, findings: parseYarnBerryAudit(text, source, { target: 'yarn.lock' }), tools: ['yarn-audit'] };
        }
        case 'osv-scanner': {
            const doc = (0,read_json/* parseJsonText */.lk)(await (0,promises_.readFile)(file, 'utf8'), source);
            const { parseOsvScanner } = await osvScanner();
            return { format, findings: parseOsvScanner(doc, source, { root: ctx.root }), tools: ['osv-scanner'] };
        }
        default:
            throw new errors/* UserError */.yo(`this looks like ${looks}, which shipkit does not read`, {
                input: source.input,
                file: source.file,
            });
    }
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
;// CONCATENATED MODULE: ./src/stages/scan/audits.ts








const COMMANDS = {
    npm: { command: 'npm', args: ['audit', '--json'], format: 'npm-audit', needs: 'package-lock.json', okCodes: [0, 1] },
    pnpm: { command: 'pnpm', args: ['audit', '--json'], format: 'pnpm-audit', needs: 'pnpm-lock.yaml', okCodes: [0, 1] },
    yarn: {
        command: 'yarn',
        args: ['npm', 'audit', '--json', '--recursive'],
        format: 'yarn-audit',
        needs: 'yarn.lock',
        okCodes: [0, 1],
    },
    'osv-scanner': {
        command: 'osv-scanner',
        args: ['scan', 'source', '--format', 'json', '--recursive'],
        format: 'osv-scanner',
        // 0: nothing found, 1: vulnerabilities found, 128: no packages found.
        okCodes: [0, 1, 128],
    },
};
const NETWORK = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UNABLE_TO_GET_ISSUER_CERT|CERT_HAS_EXPIRED|E401|E403|EAUDITNOLOCK)\b/;
function run(command, args, cwd, ctx, extraEnv) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)(command, args, {
            cwd,
            env: (0,user_command_env/* userCommandEnv */.c)(ctx.env, extraEnv),
            maxBuffer: 512 * 1024 * 1024,
            signal: ctx.signal,
            timeout: 15 * 60_000,
        }, (error, stdout, stderr) => {
            // A command that is not there: its own error, not an exit code.
            if (error && error.code === 'ENOENT')
                return reject(new Error(error.message, { cause: error }));
            const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}
/** The failure an audit reported as its JSON output, in one line; undefined for a report. */
function toolFailure(out) {
    if (!out.startsWith('{'))
        return undefined;
    let doc;
    try {
        doc = JSON.parse(out);
    }
    catch {
        return undefined;
    }
    if (typeof doc !== 'object' || doc === null || !('error' in doc))
        return undefined;
    const d = doc;
    if (typeof d.error !== 'object' || d.error === null)
        return undefined;
    const parts = [d.error.code, d.message, d.error.message, d.error.summary, d.error.detail].filter((p) => typeof p === 'string' && p.trim() !== '');
    return (0,core_text/* cut */.Jj)(parts.join(': ').replace(/\s+/g, ' '), 300) || 'failed without a message';
}
function tail(text, lines = 5) {
    return text.trim().split('\n').slice(-lines).join(' | ');
}
/** Runs one audit in `targetDir`; findings' paths are made relative to ctx.cwd (`app/package-lock.json`). */
async function runAudit(tool, ctx, targetDir) {
    const spec = COMMANDS[tool];
    const args = tool === 'osv-scanner'
        ? [...spec.args, ...(ctx.env.OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY ? ['--offline-vulnerabilities'] : []), '.']
        : spec.args;
    let ran;
    try {
        ran = await ctx.logger.group(`${spec.command} ${args.join(' ')}`, () => run(spec.command, args, targetDir, ctx, {}));
    }
    catch (error) {
        if (error.cause?.code === 'ENOENT')
            throw new errors/* UserError */.yo(`audit '${tool}' needs ${spec.command}, which is not on PATH`, { input: 'audit' });
        throw error;
    }
    const out = ran.stdout.trim();
    if (!spec.okCodes.includes(ran.code ?? -1) && out === '') {
        const why = tail(ran.stderr);
        if (NETWORK.test(why))
            throw new errors/* ServiceError */._7(`${spec.command} audit could not reach its advisory source: ${why}`, 'Check the registry address and credentials (.npmrc, npm_config_registry) and that it is reachable from this runner.', 'audit');
        throw new errors/* UserError */.yo(`${spec.command} ${args.join(' ')} exited with ${ran.code ?? 'a signal'}: ${why}`, {
            input: 'audit',
        });
    }
    // npm and pnpm report their own failures as JSON on stdout: `{"message": …, "error": {code, summary}}`.
    const failure = toolFailure(out);
    if (failure !== undefined) {
        const why = `${failure} ${tail(ran.stderr, 3)}`.trim();
        if (NETWORK.test(why))
            throw new errors/* ServiceError */._7(`${spec.command} audit could not reach its advisory source (${failure})`, 'Check the registry address and credentials (.npmrc, npm_config_registry) and that it is reachable from this runner.', 'audit');
        if (/ENOLOCK|lockfile/i.test(why))
            throw new errors/* UserError */.yo(`audit '${tool}' needs ${spec.needs ?? 'a lockfile'} in ${targetDir}: ${failure}`, {
                input: 'audit',
            });
        throw new errors/* UserError */.yo(`${spec.command} ${args.join(' ')} failed: ${failure}`, { input: 'audit' });
    }
    // RUNNER_TEMP exists on a runner, but is not guaranteed elsewhere: create it rather than fail.
    const base = ctx.env.RUNNER_TEMP ?? external_node_os_default().tmpdir();
    await (0,promises_.mkdir)(base, { recursive: true });
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(base, 'shipkit-audit-'));
    const file = external_node_path_default().join(dir, `${tool}.json`);
    try {
        await (0,promises_.writeFile)(file, out);
        const result = await readFindingsFile(file, { file: `${spec.command} audit output`, input: 'audit' }, { root: targetDir }, spec.format);
        const rel = external_node_path_default().relative(ctx.cwd, targetDir).split((external_node_path_default()).sep).join('/');
        if (rel !== '' && !rel.startsWith('..'))
            for (const f of result.findings) {
                f.target = f.target ? `${rel}/${f.target}` : rel;
                if (f.file)
                    f.file = `${rel}/${f.file}`;
            }
        return result;
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/stages/scan/baseline.ts

/**
 * The findings of the default branch, saved by a scan on a push to it (BaselineStore, kind
 * `findings`) and compared by a scan of a pull request against it (`new-only`). A finding is
 * "existing" when the base has one of its ids for the same package in the same place — whatever the
 * installed version (bumping lodash without fixing an advisory does not make the advisory new), and
 * for secrets, misconfigurations and code findings in the same file with the same snippet or title
 * (lines move when a file is edited; that is not a new finding).
 */
const BASELINE_KIND = 'findings';
function place(f) {
    return f.package !== null ? external_node_path_default().posix.dirname(f.target) : (f.file ?? f.target);
}
/** The keys a finding is known by: one per id and alias. */
function findingKeys(f) {
    const where = f.package !== null
        ? `${f.package}\u0000${place(f)}`
        : `${place(f)}\u0000${f.kind === 'secret' ? (f.snippet ?? '') : f.title}`;
    return [f.id, ...f.aliases].map((id) => `${f.kind}\u0000${id}\u0000${where}`);
}
function baselineOf(findings, branch, sha, now = new Date()) {
    return {
        version: 1,
        branch,
        sha,
        createdAt: now.toISOString(),
        keys: [...new Set(findings.flatMap(findingKeys))].sort(),
    };
}
/** A stored baseline, or undefined when the text is not one (another version, damaged). */
function parseBaseline(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const b = doc;
    if (!b || b.version !== 1 || typeof b.branch !== 'string' || typeof b.sha !== 'string' || !Array.isArray(b.keys))
        return undefined;
    if (!b.keys.every((k) => typeof k === 'string'))
        return undefined;
    return b;
}
/** Marks each finding `new: true|false` against the baseline, in place. */
function markNew(findings, baseline) {
    const known = new Set(baseline.keys);
    for (const f of findings)
        f.new = !findingKeys(f).some((k) => known.has(k));
}

// EXTERNAL MODULE: ./src/core/github/context-from-env.ts
var context_from_env = __webpack_require__(74239);
;// CONCATENATED MODULE: ./src/stages/scan/event.ts

const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function scanEvent(ctx) {
    const event = ctx.github?.event ?? (0,context_from_env/* readEventPayload */.N5)(ctx.env);
    const name = ctx.github?.eventName ?? ctx.env.GITHUB_EVENT_NAME ?? '';
    const out = {};
    const pr = event.pull_request;
    const base = str(pr?.base?.ref);
    if (base && (name === 'pull_request' || name === 'pull_request_target'))
        out.baseBranch = base;
    const ref = str(ctx.github?.ref) ?? str(ctx.env.GITHUB_REF) ?? str(event.ref);
    const repo = event.repository;
    const defaultBranch = str(repo?.default_branch);
    const sha = str(ctx.github?.sha) ?? str(ctx.env.GITHUB_SHA) ?? str(event.after);
    if (name === 'push' && ref?.startsWith('refs/heads/') && sha) {
        const branch = ref.slice('refs/heads/'.length);
        if (branch === defaultBranch)
            out.defaultBranchPush = { branch, sha };
    }
    return out;
}

// EXTERNAL MODULE: ./src/stages/scan/gates.ts
var scan_gates = __webpack_require__(9873);
// EXTERNAL MODULE: ./src/stages/scan/ignore-rules.ts
var ignore_rules = __webpack_require__(54221);
;// CONCATENATED MODULE: ./src/stages/scan/locate.ts



/**
 * Annotations go on the line that brings a finding in: a package's entry in its lockfile or
 * manifest, the Dockerfile's `FROM` for an image's packages, the secret's or misconfiguration's own
 * line. Tools that name only the lockfile get their line here, from the file in the checkout.
 */
function locateFindings(findings, cwd, options) {
    const texts = new Map();
    const read = (file) => {
        if (!texts.has(file)) {
            const full = external_node_path_default().resolve(cwd, file);
            let text = null;
            try {
                // Lockfiles only: a "target" of an image or a directory is not read.
                if ((0,external_node_fs_.existsSync)(full))
                    text = (0,external_node_fs_.readFileSync)(full, 'utf8');
            }
            catch {
                text = null;
            }
            texts.set(file, text);
        }
        return texts.get(file) ?? null;
    };
    let dockerfile;
    const imageDockerfile = () => {
        if (dockerfile !== undefined)
            return dockerfile;
        const rel = external_node_path_default().relative(cwd, external_node_path_default().join(options.targetDir, 'Dockerfile')).split((external_node_path_default()).sep).join('/');
        const text = read(rel);
        const line = text ? (0,lockfiles/* dockerfileFromLine */.tc)(text) : undefined;
        dockerfile = line ? { file: rel, line } : null;
        return dockerfile;
    };
    for (const f of findings) {
        if (f.kind !== 'vuln' || f.package === null || f.line !== null)
            continue;
        if (f.file) {
            const text = read(f.file);
            const line = text ? (0,lockfiles/* packageLine */.Ns)(f.file, text, f.package, f.installed) : undefined;
            if (line)
                f.line = line;
        }
        else if (options.image) {
            const d = imageDockerfile();
            if (d) {
                f.file = d.file;
                f.line = d.line;
            }
        }
    }
}

// EXTERNAL MODULE: ./src/stages/scan/merge.ts + 1 modules
var merge = __webpack_require__(98953);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
;// CONCATENATED MODULE: ./src/stages/scan/outcome.ts




const ICON = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', unknown: '⬜' };
/** Rows in the open part of the comment; the full table is folded, and the report has everything. */
const TOP = 10;
const TABLE_ROWS = 300;
const MAX_ANNOTATIONS = 50;
function countsLine(c) {
    const parts = model/* SEVERITIES */.oC.filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
    return parts.length > 0 ? parts.join(', ') : 'no findings';
}
function where(f) {
    if (f.file)
        return `${f.file}${f.line ? `:${f.line}` : ''}`;
    return f.target;
}
function packageCell(f) {
    if (f.package === null)
        return '';
    return `${f.package}${f.installed ? ` ${f.installed}` : ''}`;
}
function fixCell(f) {
    if (f.kind !== 'vuln' || f.package === null)
        return '';
    return f.fixed ?? 'no fix yet';
}
function idCell(f) {
    const id = f.url && /^https?:\/\//.test(f.url) ? (0,markdown/* link */.nf)(f.id, f.url) : (0,markdown/* code */.aY)(f.id);
    return {
        markdown: `${id}${f.aliases.length > 0 ? ` (${f.aliases.slice(0, 2).map(markdown/* escapeText */.X1).join(', ')}${f.aliases.length > 2 ? ', …' : ''})` : ''}`,
    };
}
function newCell(f) {
    return f.new === undefined ? '' : f.new ? 'new' : 'existing';
}
function findingsTable(findings, withIgnored) {
    const header = [
        'Severity',
        'Id',
        'Package',
        'Fixed in',
        'Where',
        'Tools',
        'Baseline',
        ...(withIgnored ? ['Ignored'] : []),
    ];
    const rows = findings.map((f) => [
        `${ICON[f.severity]} ${f.severity}`,
        idCell(f),
        packageCell(f),
        fixCell(f),
        where(f),
        f.tools.join(', '),
        newCell(f),
        ...(withIgnored ? [f.ignored ? `${f.ignored.reason} (${f.ignored.source})` : ''] : []),
    ]);
    return (0,markdown/* table */.tp)(header, rows);
}
function gateLines(gates) {
    return gates.filter((g) => !g.passed).map((g) => `❌ **${(0,markdown/* escapeText */.X1)(g.name)}**: ${(0,markdown/* escapeText */.X1)(g.detail ?? '')}`);
}
function buildScanOutcome(result, ctx) {
    const { findings, gates } = result;
    const counted = findings.filter((f) => !f.ignored);
    const ignored = findings.filter((f) => f.ignored);
    const counts = (0,model/* countBySeverity */.Ot)(findings);
    const newCount = result.baseline.status === 'compared' ? counted.filter((f) => f.new === true).length : null;
    const blocking = counted.filter((f) => (0,scan_gates/* blocks */.B)(f, result.gateOptions));
    const failed = gates.some((g) => !g.passed);
    const headline = `${countsLine(counts)}${newCount !== null ? ` · ${newCount} new` : ''}${ignored.length > 0 ? ` · ${ignored.length} ignored` : ''}`;
    const summaryLine = `${failed ? `${blocking.length} finding(s) at ${result.gateOptions.failOn} or above` : 'passed'}: ${headline}`;
    const data = {
        // The findings themselves: they have the report's fields in its order. A copy would hold every
        // finding twice while the report is validated, redacted and written (65 000 findings: 9 MB).
        findings: findings,
        counts,
        ignoredCount: ignored.length,
        sources: result.sources,
        baseline: result.baseline,
        sarif: result.sarif,
    };
    const report = (0,build/* buildReport */.FK)({
        stage: 'scan',
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        run: ctx.run,
        gates,
        warnings: result.warnings,
        summary: summaryLine,
        data,
    });
    const countsTable = (0,markdown/* table */.tp)(['', ...model/* SEVERITIES */.oC], [['findings', ...model/* SEVERITIES */.oC.map((s) => counts[s])]], ['left', 'right', 'right', 'right', 'right', 'right']);
    const baselineLine = result.baseline.status === 'compared'
        ? `${newCount} new, ${counted.length - (newCount ?? 0)} existing on ${(0,markdown/* code */.aY)(result.baseline.branch ?? 'the base branch')}${result.gateOptions.newOnly ? ' (only new findings block: new-only)' : ''}.`
        : result.baseline.status === 'missing'
            ? `No baseline of ${(0,markdown/* code */.aY)(result.baseline.branch ?? 'the base branch')} yet: every finding is treated as new. A scan on a push to the default branch saves one.`
            : undefined;
    const top = (blocking.length > 0 ? blocking : counted).slice(0, TOP);
    const shownAll = findings.slice(0, TABLE_ROWS);
    const comment = {
        headline,
        body: (0,markdown/* blocks */.Bv)((0,markdown/* list */.p_)(gateLines(gates)), countsTable, baselineLine, top.length > 0 &&
            `**${blocking.length > 0 ? 'Blocking' : 'Top'} findings**${(blocking.length > 0 ? blocking : counted).length > TOP ? ` (${TOP} of ${(blocking.length > 0 ? blocking : counted).length})` : ''}:`, top.length > 0 && findingsTable(top, false)),
        ...(findings.length > 0
            ? {
                details: (0,markdown/* blocks */.Bv)(findingsTable(shownAll, ignored.length > 0), findings.length > TABLE_ROWS && `… and ${findings.length - TABLE_ROWS} more in the report.`),
                detailsLabel: `All ${findings.length} findings`,
            }
            : {}),
    };
    const summary = [
        {
            markdown: (0,markdown/* blocks */.Bv)(`## ${failed ? '❌' : '✅'} Scan: ${(0,markdown/* escapeText */.X1)(headline)}`, (0,markdown/* list */.p_)(gateLines(gates)), countsTable, baselineLine),
            priority: 0,
        },
    ];
    if (counted.length > 0)
        summary.push({
            markdown: (0,markdown/* blocks */.Bv)('### Findings', findingsTable(counted.slice(0, TABLE_ROWS), false), counted.length > TABLE_ROWS && `… and ${counted.length - TABLE_ROWS} more in the report.`),
            priority: 1,
            label: 'findings table',
        });
    if (ignored.length > 0)
        summary.push({
            markdown: (0,markdown/* blocks */.Bv)('### Ignored', findingsTable(ignored.slice(0, TABLE_ROWS), true)),
            priority: 2,
            label: 'ignored findings',
        });
    summary.push({
        markdown: (0,markdown/* blocks */.Bv)('### Sources', (0,markdown/* table */.tp)(['Tool', 'From', 'Format', 'Findings'], result.sources.map((s) => [
            s.version ? `${s.tool} ${s.version}` : s.tool,
            s.file ?? s.kind,
            s.format,
            s.findings,
        ])), result.sarif &&
            `SARIF: ${(0,markdown/* code */.aY)(result.sarif.file)}, ${result.sarif.runs} run(s), ${result.sarif.results} result(s)${result.sarif.dropped > 0 ? `, ${result.sarif.dropped} lowest-severity result(s) left out to stay within GitHub's limits` : ''}${result.sarif.uploaded ? ', uploaded to code scanning' : ''}.`),
        priority: 3,
        label: 'sources',
    });
    const annotations = [];
    for (const f of counted) {
        if (annotations.length >= MAX_ANNOTATIONS)
            break;
        if (!f.file)
            continue;
        const blockingNow = (0,scan_gates/* blocks */.B)(f, result.gateOptions);
        annotations.push({
            level: blockingNow ? 'error' : 'warning',
            title: `${f.severity} ${f.kind === 'secret' ? 'secret' : f.kind === 'misconfig' ? 'misconfiguration' : 'vulnerability'}: ${f.id}${f.package ? ` in ${f.package}${f.installed ? ` ${f.installed}` : ''}` : ''}`,
            message: f.kind === 'secret'
                ? `${f.title} (${f.tools.join(', ')}). The value is not shown${f.snippet ? `: ${f.snippet}` : ''}.`
                : `${f.title}${f.package ? `. Fixed in: ${f.fixed ?? 'no fixed version yet'}` : ''} (${f.tools.join(', ')})`,
            file: f.file,
            startLine: f.line ?? 1,
        });
    }
    // The findings only: the CLI prints the gates, the warnings and the summary line after this.
    const text = [
        ...counted
            .slice(0, 50)
            .map((f) => `${f.severity.padEnd(8)} ${f.id}${f.package ? `  ${f.package}${f.installed ? `@${f.installed}` : ''}${fixCell(f) ? ` → ${fixCell(f)}` : ''}` : ''}  ${where(f)}${f.new === true ? '  (new)' : ''}  [${f.tools.join(', ')}]`),
        ...(counted.length > 50 ? [`… and ${counted.length - 50} more (--json for all)`] : []),
        ...(ignored.length > 0 ? [`${ignored.length} ignored (see the report)`] : []),
        ...(findings.length === 0 ? ['no findings'] : []),
    ].join('\n');
    return {
        report,
        outputs: {
            passed: !failed,
            critical: counts.critical,
            high: counts.high,
            medium: counts.medium,
            low: counts.low,
            unknown: counts.unknown,
            'new-findings': newCount,
            'sarif-file': result.sarif?.file ?? null,
            'sarif-id': result.sarif?.sarifId ?? null,
        },
        summary,
        comment,
        annotations,
        text,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/core/version.ts + 1 modules
var version = __webpack_require__(74910);
;// CONCATENATED MODULE: ./src/stages/scan/sarif-out.ts






/**
 * SARIF for GitHub code scanning: one run per tool, each with its own category
 * (`automationDetails.id` = `shipkit-scan/<tool>/`), so that Trivy's and npm's alerts are kept and
 * closed separately. Within GitHub's upload limits: at most 25 000 results per run, 20 runs per file
 * and 10 MB gzipped. When a limit is hit, the lowest severities are cut first, and the report, the
 * summary and the SARIF run (`properties.shipkit.dropped`) say how many.
 */
const LIMITS = { resultsPerRun: 25_000, runsPerFile: 20, gzippedBytes: 10 * 1024 * 1024 };
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    unknown: 'note',
};
/** The run a merged finding goes in: its first tool in a fixed order, so it is uploaded once. */
function runTool(f) {
    return f.tools[0] ?? 'shipkit';
}
function message(f) {
    if (f.kind === 'secret')
        return `Secret (${f.id}): ${f.title}${f.snippet ? `\nLine: ${f.snippet}` : ''}\nThe value is not repeated here.`;
    if (f.package !== null)
        return [
            `Package: ${f.package}`,
            `Installed Version: ${f.installed ?? 'unknown'}`,
            `Vulnerability ${f.id}${f.aliases.length > 0 ? ` (${f.aliases.join(', ')})` : ''}`,
            `Severity: ${f.severity.toUpperCase()}`,
            `Fixed Version: ${f.fixed ?? 'none yet'}`,
            `Found by: ${f.tools.join(', ')}`,
            f.title,
        ].join('\n');
    return `${f.title}\nFound by: ${f.tools.join(', ')}`;
}
function fingerprint(f) {
    return (0,external_node_crypto_.createHash)('sha256').update(findingKeys(f)[0]).digest('hex').slice(0, 32);
}
function buildRun(tool, findings, dropped) {
    const ruleIndex = new Map();
    const rules = [];
    const results = findings.map((f) => {
        let index = ruleIndex.get(f.id);
        if (index === undefined) {
            index = rules.length;
            ruleIndex.set(f.id, index);
            const securitySeverity = scan_severity/* SECURITY_SEVERITY */.lL[f.severity];
            rules.push({
                id: f.id,
                name: f.id,
                shortDescription: { text: f.title.slice(0, 1000) || f.id },
                ...(f.url ? { helpUri: f.url } : {}),
                help: { text: f.url ? `${f.title}\n${f.url}` : f.title },
                defaultConfiguration: { level: LEVEL[f.severity] },
                properties: {
                    tags: ['security', f.kind === 'vuln' ? 'vulnerability' : f.kind === 'secret' ? 'secret' : 'misconfiguration'],
                    ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
                },
            });
        }
        const uri = f.file ?? f.target;
        return {
            ruleId: f.id,
            ruleIndex: index,
            level: LEVEL[f.severity],
            message: { text: message(f) },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: uri === '' ? 'unknown' : uri, uriBaseId: '%SRCROOT%' },
                        region: { startLine: f.line ?? 1 },
                    },
                },
            ],
            partialFingerprints: { 'shipkitFinding/v1': fingerprint(f) },
            properties: { tools: f.tools, ...(f.aliases.length > 0 ? { aliases: f.aliases } : {}) },
        };
    });
    return {
        tool: {
            driver: {
                name: tool === 'shipkit' ? 'shipkit' : `shipkit (${tool})`,
                informationUri: 'https://github.com/shipkit/shipkit',
                semanticVersion: version/* VERSION */.x,
                rules,
            },
        },
        automationDetails: { id: `shipkit-scan/${tool}/` },
        results,
        columnKind: 'utf16CodeUnits',
        ...(dropped > 0
            ? { properties: { shipkit: { dropped, note: 'lowest severities left out to stay within GitHub’s limits' } } }
            : {}),
    };
}
/** Keeps the `keep` worst findings (worst severity first, the order findings are already in). */
function worstFirst(findings, keep) {
    return [...findings].sort((a, b) => (0,model/* severityRank */.qs)(a.severity) - (0,model/* severityRank */.qs)(b.severity)).slice(0, Math.max(0, keep));
}
function gzippedSize(log) {
    return (0,external_node_zlib_.gzipSync)(JSON.stringify(log)).length;
}
function buildSarif(all, limits = LIMITS) {
    const counted = all.filter((f) => !f.ignored);
    const dropped = { perRun: 0, runs: 0, size: 0 };
    // Runs per tool; beyond the run limit, the last run takes every remaining tool's findings.
    const byTool = new Map();
    for (const f of counted) {
        const tool = runTool(f);
        const list = byTool.get(tool);
        if (list)
            list.push(f);
        else
            byTool.set(tool, [f]);
    }
    let groups = [...byTool.entries()].sort(([a], [b]) => a.localeCompare(b));
    if (groups.length > limits.runsPerFile) {
        const kept = groups.slice(0, limits.runsPerFile - 1);
        const rest = groups.slice(limits.runsPerFile - 1).flatMap(([, fs]) => fs);
        groups = [...kept, ['shipkit', rest]];
        dropped.runs = 0; // findings are moved, not dropped
    }
    let perRun = groups.map(([tool, fs]) => {
        const kept = fs.length > limits.resultsPerRun ? worstFirst(fs, limits.resultsPerRun) : [...fs];
        return { tool, findings: kept, dropped: fs.length - kept.length };
    });
    dropped.perRun = perRun.reduce((n, r) => n + r.dropped, 0);
    const make = () => ({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: perRun.map((r) => buildRun(r.tool, r.findings, r.dropped)),
    });
    let log = make();
    // Over 10 MB gzipped: drop the lowest severity band first, then the next, a share at a time (bounded).
    for (let attempt = 0; attempt < 12; attempt++) {
        const size = gzippedSize(log);
        if (size <= limits.gzippedBytes)
            break;
        const total = perRun.reduce((n, r) => n + r.findings.length, 0);
        if (total === 0)
            break;
        // Remove about the share that is over, plus 5 %, from the lowest severity present.
        let toDrop = Math.max(1, Math.ceil(total * ((size - limits.gzippedBytes) / size + 0.05)));
        for (const sev of [...model/* SEVERITIES */.oC].reverse()) {
            if (toDrop === 0)
                break;
            perRun = perRun.map((r) => {
                if (toDrop === 0)
                    return r;
                const victims = r.findings.filter((f) => f.severity === sev).slice(-toDrop);
                if (victims.length === 0)
                    return r;
                toDrop -= victims.length;
                const gone = new Set(victims);
                dropped.size += victims.length;
                return { ...r, findings: r.findings.filter((f) => !gone.has(f)), dropped: r.dropped + victims.length };
            });
        }
        log = make();
    }
    return {
        log,
        runs: log.runs.length,
        results: perRun.reduce((n, r) => n + r.findings.length, 0),
        dropped,
    };
}
function droppedTotal(out) {
    return out.dropped.perRun + out.dropped.runs + out.dropped.size;
}

;// CONCATENATED MODULE: ./src/stages/scan/upload.ts


/**
 * `upload-sarif: true`: POST /repos/{owner}/{repo}/code-scanning/sarifs with the SARIF gzipped and
 * base64-encoded, for the commit and ref of this run. Needs `security-events: write`; a 403 or an
 * unreachable API is classified by the core (ServiceError), not shown as a bug.
 */
async function uploadSarif(log, ctx) {
    const gh = ctx.github;
    if (!gh)
        throw new errors/* UserError */.yo('upload-sarif needs a GitHub token and repository (GITHUB_TOKEN, GITHUB_REPOSITORY)', {
            input: 'upload-sarif',
        });
    const sha = gh.sha ?? ctx.env.GITHUB_SHA;
    const ref = gh.ref ?? ctx.env.GITHUB_REF;
    if (!sha || !ref)
        throw new errors/* UserError */.yo('upload-sarif needs the commit and ref of the run (GITHUB_SHA, GITHUB_REF)', {
            input: 'upload-sarif',
        });
    const sarif = (0,external_node_zlib_.gzipSync)(JSON.stringify(log)).toString('base64');
    const res = await gh.octokit.rest.codeScanning.uploadSarif({
        owner: gh.owner,
        repo: gh.repo,
        commit_sha: sha,
        ref,
        sarif,
        tool_name: 'shipkit',
    });
    return { id: typeof res.data.id === 'string' ? res.data.id : null };
}

// EXTERNAL MODULE: ./src/core/young-generation.ts
var young_generation = __webpack_require__(87818);
;// CONCATENATED MODULE: ./src/stages/scan/run.ts


















/** Loaded on first use: a run that only reads reports or runs audits does not load Trivy's code. */
async function defaultTrivy() {
    return (await __webpack_require__.e(/* import() */ 89).then(__webpack_require__.bind(__webpack_require__, 59470))).runTrivy;
}
/** Paths in findings from a tool that ran in a subdirectory, made relative to the working directory. */
function rebase(findings, rel) {
    if (rel === '' || rel === '.')
        return;
    for (const f of findings) {
        if (f.file)
            f.file = `${rel}/${f.file}`;
        if (f.file !== null || (f.target !== '' && !/\s\(/.test(f.target)))
            f.target = f.target ? `${rel}/${f.target}` : rel;
    }
}
/**
 * An image archive or layout in the checkout is named by Trivy with the absolute path it was given
 * (`/home/runner/work/app/app/build/app.tar (alpine 3.19.1)`): named as the user wrote it instead, so
 * the report, the annotations and the baseline are the same on every runner.
 */
function relativeImageTargets(findings, image, cwd) {
    const full = external_node_path_default().resolve(cwd, image);
    const rel = external_node_path_default().relative(cwd, full).split((external_node_path_default()).sep).join('/');
    if (rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel) || !(0,external_node_fs_.existsSync)(full))
        return;
    for (const f of findings) {
        if (f.target === full || f.target.startsWith(`${full} (`))
            f.target = rel + f.target.slice(full.length);
    }
}
async function runScan(options, ctx, deps = {}) {
    // Before anything is read: findings that survive would otherwise grow V8's young generation tenfold.
    (0,young_generation/* keepYoungGenerationSmall */.D)();
    const now = deps.now ?? (() => new Date());
    const startedAt = now();
    const targetDir = external_node_path_default().resolve(ctx.cwd, options.target);
    if (!(0,external_node_fs_.existsSync)(targetDir) || !(0,external_node_fs_.statSync)(targetDir).isDirectory())
        throw new errors/* UserError */.yo(`target directory '${options.target}' not found (looked in ${ctx.cwd})`, { input: 'target' });
    const rel = external_node_path_default().relative(ctx.cwd, targetDir).split((external_node_path_default()).sep).join('/');
    // Everything the user wrote is checked before any tool runs: a typo in an ignore is not a scan result.
    const rules = await (0,ignore_rules/* loadIgnoreRules */.ej)(ctx.cwd, {
        ignoreFile: options.ignoreFile,
        explicit: options.ignoreFileExplicit,
    });
    for (const r of options.reports)
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().resolve(ctx.cwd, r)))
            throw new errors/* UserError */.yo(`report '${r}' not found (looked in ${ctx.cwd})`, { input: 'reports' });
    const raw = [];
    const sources = [];
    const warnings = [];
    if (options.scanners.length > 0) {
        const runner = deps.trivy ?? (await defaultTrivy());
        const command = options.image
            ? 'image'
            : options.scanners.length === 1 && options.scanners[0] === 'misconfig'
                ? 'config'
                : 'fs';
        const req = {
            command,
            target: options.image ?? targetDir,
            scanners: options.image ? options.scanners.filter((s) => s !== 'misconfig') : options.scanners,
            cwd: ctx.cwd,
        };
        const ran = await ctx.logger.group(`trivy ${command} ${options.image ?? options.target}`, () => runner(req, {
            version: options.trivyVersion,
            ...(options.trivyPath ? { path: options.trivyPath } : {}),
            dbRepositories: options.dbRepositories,
            skipDbUpdate: options.skipDbUpdate,
            ...(options.trivyDownloadUrl ? { downloadBaseUrl: options.trivyDownloadUrl } : {}),
            ...(options.insecure ? { insecure: true } : {}),
            // The day's database from the Actions cache, in an action; the CLI's cache directory persists.
            ...(ctx.host.cache ? { dbCache: ctx.host.cache } : {}),
        }, ctx));
        const report = await (0,trivy/* readTrivyReport */.h)(ran.jsonFile, { file: 'trivy output', input: 'scanners' });
        if (options.image)
            relativeImageTargets(report.findings, options.image, ctx.cwd);
        else
            rebase(report.findings, rel);
        raw.push(...report.findings);
        sources.push({
            tool: 'trivy',
            kind: 'trivy',
            file: null,
            format: FORMATS.trivy,
            findings: report.findings.length,
            version: ran.trivyVersion,
        });
    }
    for (const tool of options.audits) {
        const result = await runAudit(tool, ctx, targetDir);
        raw.push(...result.findings);
        sources.push({
            tool: result.tools[0] ?? tool,
            kind: 'audit',
            file: null,
            format: FORMATS[result.format],
            findings: result.findings.length,
        });
    }
    for (const file of options.reports) {
        const result = await readFindingsFile(external_node_path_default().resolve(ctx.cwd, file), { file, input: 'reports' }, { root: ctx.cwd });
        raw.push(...result.findings);
        sources.push({
            tool: result.tools.join(', ') || result.format,
            kind: 'report',
            file,
            format: FORMATS[result.format],
            findings: result.findings.length,
        });
    }
    const findings = (0,merge/* mergeFindings */.D)(raw);
    // The tools' own findings are not needed once merged: let them go before the report is built.
    raw.length = 0;
    locateFindings(findings, ctx.cwd, { ...(options.image ? { image: options.image } : {}), targetDir });
    const ignoreResult = (0,ignore_rules/* applyIgnores */.wI)(findings, rules, (0,ignore_rules/* today */.Ec)(startedAt));
    for (const rule of ignoreResult.unused)
        warnings.push(`ignore ${rule.label} (${rule.source}) matched no finding`);
    // Baseline: compared on pull requests, saved on pushes to the default branch.
    const event = scanEvent(ctx);
    let baseline = {
        status: 'not-requested',
        branch: null,
        sha: null,
        newCount: null,
        saved: false,
    };
    if (event.baseBranch) {
        let text;
        try {
            text = await ctx.host.baselines.restore(BASELINE_KIND, event.baseBranch);
        }
        catch (error) {
            warnings.push(`the findings baseline of '${event.baseBranch}' could not be restored: ${error.message}`);
        }
        const found = text !== undefined ? parseBaseline(text) : undefined;
        if (found) {
            markNew(findings, found);
            baseline = {
                status: 'compared',
                branch: event.baseBranch,
                sha: found.sha,
                newCount: findings.filter((f) => !f.ignored && f.new === true).length,
                saved: false,
            };
        }
        else {
            baseline = { status: 'missing', branch: event.baseBranch, sha: null, newCount: null, saved: false };
            // Fail closed, as code scanning does without an analysis of the base: every finding is new.
            if (options.newOnly)
                warnings.push(`new-only: no findings baseline of '${event.baseBranch}' yet, so every finding is treated as new; run the scan on pushes to '${event.baseBranch}' to save one`);
        }
    }
    else if (options.newOnly) {
        warnings.push('new-only applies to pull requests: this run is not one, so every finding counts');
    }
    const gateOptions = {
        failOn: options.failOn,
        fixableOnly: options.fixableOnly,
        newOnly: options.newOnly && baseline.status === 'compared',
    };
    const gates = (0,scan_gates/* evaluateGates */.u)(findings, gateOptions, ignoreResult);
    let sarif = null;
    if (options.sarif || options.uploadSarif) {
        const out = buildSarif(findings, LIMITS);
        const file = options.sarif ?? external_node_path_default().join('.shipkit', 'scan.sarif');
        const full = external_node_path_default().resolve(ctx.cwd, file);
        await (0,promises_.mkdir)(external_node_path_default().dirname(full), { recursive: true });
        await (0,promises_.writeFile)(full, JSON.stringify(out.log));
        const dropped = droppedTotal(out);
        if (dropped > 0)
            warnings.push(`SARIF: ${dropped} lowest-severity result(s) left out to stay within GitHub's limits (25 000 results per run, 20 runs, 10 MB gzipped); the report has every finding`);
        let sarifId = null;
        if (options.uploadSarif)
            sarifId = (await uploadSarif(out.log, ctx)).id;
        sarif = { file, runs: out.runs, results: out.results, dropped, uploaded: options.uploadSarif, sarifId };
    }
    if (event.defaultBranchPush) {
        const { branch, sha } = event.defaultBranchPush;
        try {
            await ctx.host.baselines.save(BASELINE_KIND, branch, sha, JSON.stringify(baselineOf(findings, branch, sha, startedAt)));
            baseline = { ...baseline, branch, sha, saved: true };
            ctx.logger.info(`Saved the findings baseline of '${branch}' at ${sha.slice(0, 7)}`);
        }
        catch (error) {
            warnings.push(`the findings baseline of '${branch}' could not be saved: ${error.message}`);
        }
    }
    const result = {
        findings,
        gates,
        gateOptions,
        sources,
        warnings,
        baseline,
        sarif,
        startedAt,
        finishedAt: now(),
    };
    return buildScanOutcome(result, ctx);
}

;// CONCATENATED MODULE: ./src/stages/scan/stage.ts



/** `scan/` and `npx shipkit scan`: Trivy, the package managers' audits and existing reports behind one findings gate. */
const scanStage = {
    name: 'scan',
    reportSchema: report_schema/* ScanReport */.c,
    readOptions: (inputs) => readScanOptions(inputs),
    run: (options, ctx) => runScan(options, ctx),
    failureOutputs: { passed: 'false' },
};


/***/ }),

/***/ 43038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ TRIVY_VERSION),
/* harmony export */   OK: () => (/* binding */ DB_SCHEMA_TAG),
/* harmony export */   W2: () => (/* binding */ DB_REPOSITORIES),
/* harmony export */   a6: () => (/* binding */ TRIVY_RELEASES_URL),
/* harmony export */   jS: () => (/* binding */ RATE_LIMIT)
/* harmony export */ });
/**
 * Defaults of the Trivy settings. scan/action.yml holds the same values as input defaults (a test
 * keeps them equal); .ci/setup/scan.sh builds the same Trivy version for the tests.
 */
/** The Trivy release shipkit runs unless `trivy-version` says otherwise. */
const TRIVY_VERSION = '0.74.0';
/** Where Trivy's release tarballs and checksums files are published (`trivy-download-url`). */
const TRIVY_RELEASES_URL = 'https://github.com/aquasecurity/trivy/releases/download';
/**
 * Trivy's own default order (pkg/db in v0.74.0): Google's mirror first, then GitHub's registry,
 * whose anonymous pulls are the ones rate-limited with TOOMANYREQUESTS.
 */
const DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];
/**
 * How long a rate-limited registry is waited for: attempts per repository, and the longest single
 * wait. A registry asking for more than `maxWaitSeconds` is not waited for: the next one is tried.
 */
const RATE_LIMIT = { attempts: 3, maxWaitSeconds: 60 };
/** The tag Trivy v0.74.0 pulls when a repository names none: its database schema version. */
const DB_SCHEMA_TAG = '2';


/***/ })

};
