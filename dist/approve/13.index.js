import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 13;
export const ids = [13];
export const modules = {

/***/ 13013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportStage: () => (/* binding */ reportStage)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/test-stage/thresholds.ts
var test_stage_thresholds = __webpack_require__(81227);
;// CONCATENATED MODULE: ./src/stages/report/options.ts



const NOTIFY_ON = ['failure', 'always', 'change'];
const pct = { min: 0, max: 100 };
/** Reads the root action.yml's inputs (its defaults are repeated here as fallbacks; a test holds them equal). */
function readReportOptions(inputs, cwd) {
    const min = {};
    for (const metric of ['lines', 'branches', 'functions', 'statements']) {
        const v = inputs.number(`min-${metric}`, pct);
        if (v !== undefined)
            min[metric] = v;
    }
    const gates = { min };
    const thresholds = inputs.text('path-thresholds');
    if (thresholds !== undefined)
        gates.pathThresholds = (0,test_stage_thresholds/* parsePathThresholds */.H)(thresholds, inputs.source.label('path-thresholds'));
    const minDiff = inputs.number('min-diff-coverage', pct);
    if (minDiff !== undefined)
        gates.minDiffCoverage = minDiff;
    const maxDrop = inputs.number('max-drop', pct);
    if (maxDrop !== undefined)
        gates.maxDrop = maxDrop;
    const base = inputs.string('base');
    if (base !== undefined)
        gates.base = base;
    if (inputs.string('require-baseline') !== undefined)
        gates.requireBaseline = inputs.bool('require-baseline', false);
    const notifyUrl = inputs.secret('notify-url');
    if (notifyUrl !== undefined && !/^https?:\/\//i.test(notifyUrl))
        throw new errors/* UserError */.yo(`${inputs.source.label('notify-url')} must be an http(s) URL`, { input: 'notify-url' });
    const reports = inputs.string('reports');
    const badge = inputs.string('badge');
    const checkName = inputs.string('check-name') ?? 'shipkit';
    return {
        ...(reports !== undefined ? { reports: external_node_path_default().resolve(cwd, reports) } : {}),
        gates,
        checkRun: inputs.bool('check-run', true),
        checkName,
        ...(notifyUrl !== undefined ? { notifyUrl } : {}),
        notifyOn: inputs.oneOf('notify-on', NOTIFY_ON, 'failure'),
        ...(badge !== undefined ? { badge: external_node_path_default().resolve(cwd, badge) } : {}),
        comment: inputs.bool('comment', true),
    };
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 82 modules
var type = __webpack_require__(97375);
// EXTERNAL MODULE: ./src/core/report/schema.ts + 1 modules
var schema = __webpack_require__(25670);
// EXTERNAL MODULE: ./src/stages/test-stage/report-schema.ts
var report_schema = __webpack_require__(66201);
;// CONCATENATED MODULE: ./src/stages/report/report-schema.ts



/**
 * The root report action's report, written once (TypeBox): every stage's row, and the test stage's
 * shards merged (`coverage` and `tests` in the test report's own shape).
 */
const StageRow = type/* Type */.ZU.Object({
    stage: type/* Type */.ZU.String(),
    title: type/* Type */.ZU.String(),
    status: schema/* StatusSchema */.uc,
    headline: type/* Type */.ZU.String({
        description: "The stage's one-line summary (for merged test shards: the merged headline).",
    }),
    shard: (0,schema/* Nullable */.UX)(type/* Type */.ZU.String()),
    job: (0,schema/* Nullable */.UX)(type/* Type */.ZU.String()),
    url: (0,schema/* Nullable */.UX)(type/* Type */.ZU.String()),
    merged: type/* Type */.ZU.Integer({
        minimum: 0,
        description: 'Shard reports merged into this row (0: a report shown as it is).',
    }),
}, { additionalProperties: false });
const CheckRun = type/* Type */.ZU.Object({
    id: type/* Type */.ZU.Integer(),
    url: type/* Type */.ZU.String(),
    conclusion: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('success'), type/* Type */.ZU.Literal('failure'), type/* Type */.ZU.Literal('neutral')]),
    annotations: type/* Type */.ZU.Integer({ minimum: 0, description: 'Annotations sent (50 per request).' }),
    annotationsWithoutFile: type/* Type */.ZU.Integer({
        minimum: 0,
        description: 'Annotations with no file, which the Checks API cannot place (they are in the summary).',
    }),
}, { additionalProperties: false });
const ReportReport = (0,schema/* stageReportSchema */.kZ)('report', {
    stages: type/* Type */.ZU.Array(StageRow),
    coverage: (0,schema/* Nullable */.UX)(report_schema/* TestReport */.J.properties.coverage),
    tests: report_schema/* TestReport */.J.properties.tests,
    shards: type/* Type */.ZU.Array((0,schema/* Nullable */.UX)(type/* Type */.ZU.String()), { description: 'Labels (SHIPKIT_SHARD) of the test shards merged.' }),
    checkRun: (0,schema/* Nullable */.UX)(CheckRun),
    notification: type/* Type */.ZU.Union([
        type/* Type */.ZU.Literal('sent'),
        type/* Type */.ZU.Literal('skipped'),
        type/* Type */.ZU.Literal('failed'),
        type/* Type */.ZU.Literal('off'),
    ]),
    badge: (0,schema/* Nullable */.UX)(type/* Type */.ZU.String({ description: 'The coverage badge SVG written, if any.' })),
});

;// CONCATENATED MODULE: ./src/stages/report/stage.ts


/**
 * The root report action (`uses: <owner>/shipkit@v1`, `npx shipkit report`): the stages' reports of a
 * run in one view, test shards merged. Its code loads when it runs.
 */
const reportStage = {
    name: 'report',
    reportSchema: ReportReport,
    readOptions: (inputs, ctx) => readReportOptions(inputs, ctx.cwd),
    run: async (options, ctx) => (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(404), __webpack_require__.e(279)]).then(__webpack_require__.bind(__webpack_require__, 16279))).runReport(options, ctx),
};


/***/ }),

/***/ 47326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ METRICS)
/* harmony export */ });
const METRICS = ['lines', 'branches', 'functions', 'statements'];


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


/***/ })

};
