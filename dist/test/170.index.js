import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 170;
export const ids = [170];
export const modules = {

/***/ 5170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ActionsCacheBaselineStore: () => (/* binding */ ActionsCacheBaselineStore),
/* harmony export */   actionBaselineStore: () => (/* binding */ actionBaselineStore),
/* harmony export */   baselineKeyPrefix: () => (/* binding */ baselineKeyPrefix)
/* harmony export */ });
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1691);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _stages_test_baseline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1701);





/**
 * The cached directory. Cache entries are versioned by their paths, so save and restore must name
 * the same one: a fixed path relative to the step's working directory.
 */
const CACHE_DIR = '.shipkit/baseline-cache';
const FILE = 'baseline.json';
const baselineKeyPrefix = (branch) => `shipkit-coverage-${(0,_stages_test_baseline_js__WEBPACK_IMPORTED_MODULE_4__/* .branchKey */ .q2)(branch)}-`;
/**
 * Baselines in the Actions cache: saved under `shipkit-coverage-<branch>-<sha>`, restored by the
 * prefix `shipkit-coverage-<branch>-` (the cache service returns the newest match). A baseline is a
 * convenience: when the cache service is unreachable this warns and behaves as "no baseline".
 */
class ActionsCacheBaselineStore {
    logger;
    constructor(logger) {
        this.logger = logger;
    }
    available(what) {
        if (_actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .isFeatureAvailable */ .w3())
            return true;
        this.logger.warning(`The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no coverage baseline ${what}.`);
        return false;
    }
    async restore(branch) {
        if (!this.available('restored'))
            return undefined;
        const prefix = baselineKeyPrefix(branch);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(CACHE_DIR, { recursive: true, force: true });
            const key = await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .restoreCache */ .P3([CACHE_DIR], `${prefix}latest`, [prefix]);
            if (key === undefined)
                return undefined;
            const baseline = (0,_stages_test_baseline_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBaseline */ .nk)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(CACHE_DIR, FILE), 'utf8'));
            if (!baseline)
                this.logger.warning(`The cached baseline ${key} is not readable by this version; ignoring it.`);
            return baseline;
        }
        catch (error) {
            this.logger.warning(`Could not restore the coverage baseline of '${branch}': ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
            return undefined;
        }
    }
    async save(branch, sha, baseline) {
        if (!this.available('saved'))
            return;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(CACHE_DIR, { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(CACHE_DIR, FILE), JSON.stringify(baseline));
            await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .saveCache */ .Io([CACHE_DIR], `${baselineKeyPrefix(branch)}${sha}`);
        }
        catch (error) {
            this.logger.warning(`Could not save the coverage baseline of '${branch}': ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}
/**
 * The action's baseline store: the Actions cache, or a directory when SHIPKIT_BASELINE_DIR names one
 * (self-hosted runners with a persistent disk, and the runner-contract tests).
 */
function actionBaselineStore(ctx) {
    const dir = ctx.env.SHIPKIT_BASELINE_DIR;
    return dir ? new _stages_test_baseline_js__WEBPACK_IMPORTED_MODULE_4__/* .FsBaselineStore */ .Sp(dir) : new ActionsCacheBaselineStore(ctx.logger);
}


/***/ }),

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

/***/ 1233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ METRICS)
/* harmony export */ });
const METRICS = ['lines', 'branches', 'functions', 'statements'];


/***/ })

};
