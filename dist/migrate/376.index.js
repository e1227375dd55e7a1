import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 376;
export const ids = [376];
export const modules = {

/***/ 62376:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ActionsDirectoryCache: () => (/* binding */ ActionsDirectoryCache),
/* harmony export */   actionDirectoryCache: () => (/* binding */ actionDirectoryCache)
/* harmony export */ });
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60142);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/**
 * Directories in the Actions cache under an exact key. The scan stage keeps Trivy's vulnerability
 * database here under the day's key (`shipkit-trivy-db-2026-11-27`): the first run of a day downloads
 * it from the registry, every other run that day — every job, every workflow of the repository —
 * restores it instead, which is what keeps a busy repository under ghcr.io's anonymous rate limit.
 * Only an exact key counts: an older day's database is not restored, so a run never uses a stale
 * one without saying so. Cache entries are versioned by their paths, so `dir` must be the same path
 * on save and restore.
 */
class ActionsDirectoryCache {
    logger;
    constructor(logger) {
        this.logger = logger;
    }
    async restore(dir, key) {
        if (!_actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .isFeatureAvailable */ .w3()) {
            this.logger.debug(`The Actions cache is not available here: nothing restored for ${key}.`);
            return false;
        }
        try {
            return (await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .restoreCache */ .P3([dir], key)) === key;
        }
        catch (error) {
            this.logger.warning(`Could not restore ${dir} from the Actions cache (${key}): ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
            return false;
        }
    }
    async save(dir, key) {
        if (!_actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .isFeatureAvailable */ .w3())
            return;
        try {
            await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .saveCache */ .Io([dir], key);
        }
        catch (error) {
            // Another job of the same day saved it first: theirs is as good as ours.
            if (error instanceof _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .ReserveCacheError */ .Zh) {
                this.logger.debug(`${key} is cached already.`);
                return;
            }
            this.logger.warning(`Could not save ${dir} to the Actions cache (${key}): ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}
function actionDirectoryCache(logger) {
    return new ActionsDirectoryCache(logger);
}


/***/ })

};
