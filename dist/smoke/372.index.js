import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 372;
export const ids = [372];
export const modules = {

/***/ 70372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ActionsCacheBaselineStore: () => (/* binding */ ActionsCacheBaselineStore),
  actionBaselineStore: () => (/* binding */ actionBaselineStore),
  baselineKeyPrefix: () => (/* binding */ baselineKeyPrefix)
});

// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 35 modules
var cache = __webpack_require__(60142);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/host/baseline-store.ts
/** Cache keys and directory names: branch names may hold `/`. */
function branchKey(branch) {
    return branch.replace(/[^A-Za-z0-9._-]/g, '_');
}

;// CONCATENATED MODULE: ./src/core/host/fs-baseline-store.ts



/**
 * Baselines in a directory: `<dir>/<kind>/<branch>/<sha>.json`, the newest by modification order
 * of a counter kept in the name. For the CLI (`.shipkit/baseline`), self-hosted runners with a
 * persistent disk (SHIPKIT_BASELINE_DIR) and tests.
 */
class FsBaselineStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    folder(kind, branch) {
        return external_node_path_default().join(this.dir, branchKey(kind), branchKey(branch));
    }
    async restore(kind, branch) {
        const folder = this.folder(kind, branch);
        let names;
        try {
            names = await (0,promises_.readdir)(folder);
        }
        catch {
            return undefined;
        }
        // `<sequence>-<sha>.json`: the highest sequence is the newest save.
        const newest = names
            .filter((n) => /^\d+-.*\.json$/.test(n))
            .sort((a, b) => Number(b.split('-')[0]) - Number(a.split('-')[0]))[0];
        if (!newest)
            return undefined;
        try {
            return await (0,promises_.readFile)(external_node_path_default().join(folder, newest), 'utf8');
        }
        catch {
            return undefined;
        }
    }
    async save(kind, branch, sha, text) {
        const folder = this.folder(kind, branch);
        await (0,promises_.mkdir)(folder, { recursive: true });
        const names = await (0,promises_.readdir)(folder);
        const next = 1 + Math.max(0, ...names.map((n) => Number(n.split('-')[0])).filter(Number.isFinite));
        const file = external_node_path_default().join(folder, `${String(next).padStart(8, '0')}-${branchKey(sha)}.json`);
        // Written whole, then renamed: a reader never sees half a baseline.
        await (0,promises_.writeFile)(`${file}.tmp`, text);
        await (0,promises_.rename)(`${file}.tmp`, file);
    }
}

;// CONCATENATED MODULE: ./src/runtime/baseline-cache.ts






/**
 * The cached directory. Cache entries are versioned by their paths, so save and restore must name
 * the same one: a fixed path relative to the step's working directory.
 */
const CACHE_DIR = '.shipkit/baseline-cache';
const FILE = 'baseline.json';
const baselineKeyPrefix = (kind, branch) => `shipkit-${branchKey(kind)}-${branchKey(branch)}-`;
/**
 * Baselines in the Actions cache: saved under `shipkit-<kind>-<branch>-<sha>`, restored by the prefix
 * `shipkit-<kind>-<branch>-` (the cache service returns the newest match). A baseline is a
 * convenience: when the cache service is unreachable this warns and behaves as "no baseline".
 */
class ActionsCacheBaselineStore {
    logger;
    constructor(logger) {
        this.logger = logger;
    }
    available(what) {
        if (cache/* isFeatureAvailable */.w3())
            return true;
        this.logger.warning(`The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no baseline ${what}.`);
        return false;
    }
    async restore(kind, branch) {
        if (!this.available('restored'))
            return undefined;
        const prefix = baselineKeyPrefix(kind, branch);
        const dir = external_node_path_default().join(CACHE_DIR, branchKey(kind));
        try {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            const key = await cache/* restoreCache */.P3([dir], `${prefix}latest`, [prefix]);
            if (key === undefined)
                return undefined;
            return await (0,promises_.readFile)(external_node_path_default().join(dir, FILE), 'utf8');
        }
        catch (error) {
            this.logger.warning(`Could not restore the ${kind} baseline of '${branch}': ${(0,errors/* errorMessage */.gJ)(error)}`);
            return undefined;
        }
    }
    async save(kind, branch, sha, text) {
        if (!this.available('saved'))
            return;
        const dir = external_node_path_default().join(CACHE_DIR, branchKey(kind));
        try {
            await (0,promises_.mkdir)(dir, { recursive: true });
            await (0,promises_.writeFile)(external_node_path_default().join(dir, FILE), text);
            await cache/* saveCache */.Io([dir], `${baselineKeyPrefix(kind, branch)}${branchKey(sha)}`);
        }
        catch (error) {
            this.logger.warning(`Could not save the ${kind} baseline of '${branch}': ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
}
/**
 * The action's baseline store: the Actions cache, or a directory when SHIPKIT_BASELINE_DIR names one
 * (self-hosted runners with a persistent disk, and the runner-contract tests).
 */
function actionBaselineStore(env, logger) {
    const dir = env.SHIPKIT_BASELINE_DIR;
    return dir ? new FsBaselineStore(dir) : new ActionsCacheBaselineStore(logger);
}


/***/ })

};
