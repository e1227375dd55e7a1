import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 434;
export const ids = [434];
export const modules = {

/***/ 51434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiUrlFromEnv: () => (/* binding */ apiUrlFromEnv),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   nG: () => (/* binding */ httpStatus)
/* harmony export */ });
/* unused harmony exports DO_NOT_RETRY, RATE_LIMIT_RETRIES, MAX_RATE_LIMIT_WAIT_SECONDS */
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14730);
/* harmony import */ var _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93779);
/* harmony import */ var _octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49210);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86856);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74910);






const ShipkitOctokitClass = _octokit_core__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__/* .restEndpointMethods */ ._, _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__/* .paginateRest */ .ud, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
/**
 * Statuses the retry plugin never retries: the request itself is wrong (400, 422), the token is
 * wrong or lacks a permission (401, 403, 404, 410), or the content is blocked (451). Retrying these
 * only burns rate limit. 403 and 429 *rate limits* are not lost by this: the throttling plugin
 * handles them first and waits out `retry-after` / `x-ratelimit-reset`. Everything else (5xx,
 * network errors, a 429 without rate-limit headers) is retried with growing back-off.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];
/** How many times a request hit by a rate limit is tried again before the error reaches the caller. */
const RATE_LIMIT_RETRIES = 3;
/** A primary rate limit that resets later than this is not waited for: the caller decides. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 15 * 60;
function apiUrlFromEnv(env = process.env) {
    return (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
}
/**
 * fetch, saying each attempt that fails for the server's or the network's sake: the retry plugin
 * tries up to 3 more times over 14 s, silently, and the log must not look hung meanwhile. It sits
 * under the retry plugin (Octokit calls it once per attempt), where no hook can.
 */
function fetchSayingFailures(logger, retries) {
    const where = (input) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).replace(/\?.*$/, '');
    const note = `retried up to ${retries} time${retries === 1 ? '' : 's'}`;
    return async (input, init) => {
        try {
            const response = await fetch(input, init);
            if (response.status >= 500)
                logger.info(`GitHub API ${init?.method ?? 'GET'} ${where(input)} answered ${response.status} (${note})`);
            return response;
        }
        catch (error) {
            const cause = error.cause;
            const why = typeof cause?.code === 'string'
                ? cause.code
                : typeof cause?.message === 'string'
                    ? cause.message
                    : error.message;
            logger.info(`GitHub API ${init?.method ?? 'GET'} ${where(input)} failed: ${why} (${note})`);
            throw error;
        }
    };
}
/** The one way shipkit talks to GitHub. */
function createOctokit(options) {
    const { logger } = options;
    const retries = options.retries ?? 3;
    return new ShipkitOctokitClass({
        auth: options.token,
        baseUrl: options.baseUrl ?? apiUrlFromEnv(),
        userAgent: _version_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_AGENT */ ._,
        request: { fetch: fetchSayingFailures(logger, retries) },
        log: {
            debug: (message) => logger.debug(message),
            info: (message) => logger.debug(message),
            warn: (message) => logger.warning(message),
            error: (message) => logger.error(message),
        },
        retry: { doNotRetry: [...DO_NOT_RETRY], retries },
        throttle: {
            ...(options.throttleId ? { id: options.throttleId } : {}),
            onRateLimit: (retryAfter, request, _o, retryCount) => {
                const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
                logger.warning(`GitHub API rate limit reached for ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`);
                return retrying;
            },
            onSecondaryRateLimit: (retryAfter, request, _o, retryCount) => {
                const retrying = retryCount < RATE_LIMIT_RETRIES;
                logger.warning(`GitHub API secondary rate limit for ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`);
                return retrying;
            },
        },
    });
}
/** The status of an Octokit RequestError (or undefined for network errors and bugs). */
function httpStatus(error) {
    if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
        return error.status;
    }
    return undefined;
}


/***/ })

};
