import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 129;
export const ids = [129];
export const modules = {

/***/ 50129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FsToolCache: () => (/* binding */ FsToolCache),
/* harmony export */   userCacheDir: () => (/* binding */ userCacheDir)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_8___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_8__);
/* harmony import */ var _tool_cache_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(21245);










/**
 * The user's cache directory for shipkit (`$XDG_CACHE_HOME/shipkit`, `~/.cache/shipkit`, or
 * `~/Library/Caches/shipkit` on macOS): downloaded tools and Trivy's database live under it.
 */
function userCacheDir(env) {
    if (env.XDG_CACHE_HOME)
        return node_path__WEBPACK_IMPORTED_MODULE_5___default().join(env.XDG_CACHE_HOME, 'shipkit');
    const home = env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_4___default().homedir();
    if (process.platform === 'darwin')
        return node_path__WEBPACK_IMPORTED_MODULE_5___default().join(home, 'Library', 'Caches', 'shipkit');
    return node_path__WEBPACK_IMPORTED_MODULE_5___default().join(home, '.cache', 'shipkit');
}
/** Statuses worth another try, as @actions/tool-cache retries them. */
const RETRIED = new Set([408, 429, 500, 502, 503, 504]);
const ATTEMPTS = 3;
/**
 * The CLI's tool cache: `<dir>/<tool>/<version>/<arch>/`, complete once `<arch>.complete` exists
 * (the layout @actions/tool-cache uses in RUNNER_TOOL_CACHE, so an interrupted copy is never found).
 * No @actions/* here: the CLI runs outside a runner.
 */
class FsToolCache {
    dir;
    tempRoot;
    constructor(dir, tempRoot = node_os__WEBPACK_IMPORTED_MODULE_4___default().tmpdir()) {
        this.dir = dir;
        this.tempRoot = tempRoot;
    }
    place(tool, version) {
        return node_path__WEBPACK_IMPORTED_MODULE_5___default().join(this.dir, tool, version, node_os__WEBPACK_IMPORTED_MODULE_4___default().arch());
    }
    find(tool, version) {
        const dir = this.place(tool, version);
        return Promise.resolve((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(`${dir}.complete`) && (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(dir) ? dir : undefined);
    }
    async download(url) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(this.tempRoot, { recursive: true });
        // One file per download (as @actions/tool-cache does): the caller deletes it when done.
        const name = node_path__WEBPACK_IMPORTED_MODULE_5___default().basename(new URL(url).pathname) || 'download';
        const file = node_path__WEBPACK_IMPORTED_MODULE_5___default().join(this.tempRoot, `shipkit-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}-${name}`);
        for (let attempt = 1;; attempt++) {
            const response = await fetch(url, { redirect: 'follow' });
            if (response.ok && response.body) {
                try {
                    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_7__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_6__.Readable.fromWeb(response.body), (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createWriteStream)(file));
                }
                catch (error) {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(file, { force: true });
                    throw error;
                }
                return file;
            }
            await response.body?.cancel();
            if (!RETRIED.has(response.status) || attempt >= ATTEMPTS) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(file, { force: true });
                throw new _tool_cache_js__WEBPACK_IMPORTED_MODULE_9__/* .ToolDownloadError */ .F(url, response.status);
            }
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_8__.setTimeout)(1000 * attempt);
        }
    }
    async extractTar(file) {
        const dest = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_5___default().join(this.tempRoot, 'shipkit-extract-'));
        await new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('tar', ['-xzf', file, '-C', dest], { stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (chunk) => {
                stderr = (stderr + chunk.toString()).slice(-2000);
            });
            child.on('error', reject);
            child.on('close', (code) => {
                if (code === 0)
                    resolve();
                else
                    reject(new Error(`tar could not extract ${file} (exit ${code}): ${stderr.trim()}`));
            });
        });
        return dest;
    }
    async cacheDir(dir, tool, version) {
        const dest = this.place(tool, version);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(`${dest}.complete`, { force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(dest, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_5___default().dirname(dest), { recursive: true });
        // A move when the source is on the same disk (Trivy is ~250 MB); a copy otherwise.
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rename)(dir, dest);
        }
        catch {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.cp)(dir, dest, { recursive: true });
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.writeFile)(`${dest}.complete`, '');
        return dest;
    }
}


/***/ }),

/***/ 21245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ ToolDownloadError)
/* harmony export */ });
/**
 * A download the server answered with an HTTP error status. Both tool caches throw this, so domain
 * code tells "no such release" (404) from "the server is failing" the same way in an action and in
 * the CLI. Network failures (refused, DNS) are passed through as they are: the core classifies them.
 */
class ToolDownloadError extends Error {
    url;
    status;
    constructor(url, status) {
        super(`download of ${url} failed${status === undefined ? '' : ` with HTTP ${status}`}`);
        this.url = url;
        this.status = status;
        this.name = 'ToolDownloadError';
    }
}


/***/ })

};
