import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 653;
export const ids = [653,434];
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


/***/ }),

/***/ 85074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ notify)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

const NOTIFY_TIMEOUT_MS = 10_000;
/**
 * Posts the message to the webhook. A notification is a courtesy, never part of a decision or a
 * gate: a failure is returned as a warning, not thrown.
 */
async function notify(url, message) {
    try {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
            signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
        });
        await response.arrayBuffer();
        if (!response.ok)
            return `the notify-url webhook answered HTTP ${response.status}`;
        return undefined;
    }
    catch (error) {
        // The URL carries the webhook's secret: never repeat it.
        return `the notify-url webhook could not be reached: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`;
    }
}


/***/ }),

/***/ 9653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ARTIFACT_PREFIX: () => (/* binding */ ARTIFACT_PREFIX),
  runReport: () => (/* binding */ runReport)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
;// CONCATENATED MODULE: ./src/core/comment/section.ts

const ICON = { ...markdown/* STATUS_ICON */.tW, unknown: '❔' };
function statusIcon(status) {
    return ICON[status];
}
/** `Test`, or `Test (shard-2)` for a matrix shard's section. */
function sectionTitle(title, key) {
    const shard = key.includes('/') ? key.slice(key.indexOf('/') + 1) : '';
    return shard ? `${title} (${shard})` : title;
}
/**
 * Every stage's section has the same form: a heading with the status and the headline, the body
 * open, the details folded.
 */
function renderSection(meta, comment) {
    const heading = `#### ${statusIcon(meta.status)} ${(0,markdown/* escapeText */.X1)(meta.title)} · ${(0,markdown/* escapeText */.X1)(meta.headline)}`;
    return (0,markdown/* blocks */.Bv)(heading, comment.body, comment.details?.trim() ? (0,markdown/* details */.zH)(comment.detailsLabel ?? 'Details', comment.details) : undefined);
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/github/octokit.ts
var github_octokit = __webpack_require__(51434);
;// CONCATENATED MODULE: ./src/core/comment/trim.ts
/**
 * Cutting markdown to a length without breaking what follows it. A cut inside a fenced block turns
 * everything after it (the other stages' sections included) into code; a cut inside `<details>`
 * folds it away. So a cut is only made where no fence is open, every `<details>` still open there is
 * closed after the cut, and the note stands as its own paragraph.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DETAILS_OPEN = /<details\b/gi;
const DETAILS_CLOSE = /<\/details\s*>/gi;
/** Every place between lines where the text may be cut, in order. */
function cutPoints(markdown) {
    const points = [];
    let fence;
    let depth = 0;
    let pos = 0;
    let previousBlank = false;
    for (const line of markdown.split('\n')) {
        const end = pos + line.length;
        const marker = FENCE.exec(line)?.[1];
        if (fence !== undefined) {
            if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
                fence = undefined;
        }
        else if (marker) {
            fence = marker;
        }
        else {
            depth += (line.match(DETAILS_OPEN) ?? []).length - (line.match(DETAILS_CLOSE) ?? []).length;
            if (depth < 0)
                depth = 0;
        }
        const blank = line.trim() === '';
        if (fence === undefined)
            points.push({ end, depth, boundary: blank || previousBlank });
        previousBlank = blank;
        pos = end + 1;
    }
    return points;
}
const closing = (depth) => '\n\n</details>'.repeat(depth);
/**
 * `markdown` if it fits in `max` characters; else the longest well-formed prefix that fits with the
 * closing tags and `note` (its own paragraph). `keep` characters at the start (a heading) are never
 * cut, even if that leaves the result over `max`.
 */
function trimMarkdown(markdown, max, note, keep = 0) {
    if (markdown.length <= max)
        return markdown;
    const points = cutPoints(markdown).filter((p) => p.end >= keep);
    const fits = (p) => markdown.slice(0, p.end).trimEnd().length + closing(p.depth).length + 2 + note.length <= max;
    const candidates = points.filter(fits);
    // A block boundary near the best line cut reads better than half a paragraph.
    const best = candidates[candidates.length - 1];
    const boundary = [...candidates].reverse().find((p) => p.boundary);
    const chosen = boundary && best && best.end - boundary.end < 2_000 ? boundary : (best ?? points[0]);
    if (!chosen)
        return `${markdown.slice(0, Math.max(keep, 0)).trimEnd()}\n\n${note}`;
    return `${markdown.slice(0, chosen.end).trimEnd()}${closing(chosen.depth)}\n\n${note}`;
}
/** What `trimMarkdown` kept of the original, with the closing tags and note taken off again. */
function keptPart(trimmed, note) {
    const m = note.exec(trimmed);
    if (!m)
        return undefined;
    return trimmed
        .slice(0, m.index)
        .replace(/(?:\s*<\/details>)+\s*$/, '')
        .trimEnd();
}

;// CONCATENATED MODULE: ./src/core/comment/sticky-body.ts



/**
 * The body of shipkit's one PR comment: a marker, an overview table (one row per section: stage,
 * status, headline), then one section per stage (or per shard of a stage), each fenced by HTML
 * comments so every writer can replace its own and keep the others. The overview is rebuilt from the
 * sections' markers on every write, so it always matches the sections below it.
 */
const STICKY_MARKER = '<!-- shipkit:sticky v1 -->';
/** GitHub refuses comment bodies longer than this many characters. */
const COMMENT_BODY_LIMIT = 65_536;
/** Kept below the hard limit for the footer, the trim notes and safety. */
const BODY_BUDGET = COMMENT_BODY_LIMIT - 1_024;
// JSON in an HTML comment: `-`, `<` and `>` escaped so no value can end the comment early.
const encodeMeta = (meta) => JSON.stringify({ t: meta.title, s: meta.status, h: meta.headline }).replace(/[-<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
function decodeMeta(text) {
    if (!text)
        return undefined;
    try {
        const raw = JSON.parse(text);
        const status = ['pass', 'fail', 'warn'].includes(String(raw.s)) ? raw.s : 'unknown';
        const str = (v) => (typeof v === 'string' ? v : '');
        return { title: str(raw.t), status, headline: str(raw.h) };
    }
    catch {
        return undefined;
    }
}
const sticky_body_open = (s) => `<!-- shipkit:section ${s.key}${s.meta ? ` ${encodeMeta(s.meta)}` : ''} -->`;
const sticky_body_close = (key) => `<!-- /shipkit:section ${key} -->`;
const SECTION_RE = /<!-- shipkit:section ([\w./-]+)(?: (\{[^\n]*?\}))? -->\n([\s\S]*?)\n<!-- \/shipkit:section \1 -->/g;
const TRIM_NOTE = /\n\n… trimmed to fit GitHub's comment limit[^\n]*$/;
function isStickyBody(body) {
    return typeof body === 'string' && body.includes(STICKY_MARKER);
}
function parseSections(body) {
    const out = [];
    for (const m of body.matchAll(SECTION_RE)) {
        const meta = decodeMeta(m[2]);
        out.push({ key: m[1] ?? '', markdown: m[3] ?? '', ...(meta ? { meta } : {}) });
    }
    return out;
}
/** A section's text may not forge another section's fences, nor the comment's marker. */
function sanitize(markdown) {
    return markdown.replace(/<!-- \/?shipkit:[^>]*-->/g, '').trim();
}
function orderOf(key, order) {
    const i = order.indexOf(key.split('/')[0] ?? '');
    return i === -1 ? order.length : i;
}
function trimNote(summaryUrl) {
    return summaryUrl
        ? `… trimmed to fit GitHub's comment limit: [full report in the job summary](${summaryUrl})`
        : `… trimmed to fit GitHub's comment limit: the full report is in the job summary`;
}
/** The overview table: what a reviewer reads first. */
function overview(sections) {
    const rows = sections.map((s) => {
        const meta = s.meta ?? { title: s.key, status: 'unknown', headline: '' };
        const title = sectionTitle(meta.title || s.key, s.key);
        return [title, { markdown: `${statusIcon(meta.status)} ${meta.status}` }, { markdown: (0,markdown/* escapeCell */.kq)(meta.headline) }];
    });
    return (0,markdown/* table */.tp)(['Stage', 'Status', 'Result'], rows);
}
/**
 * Merge `mine` into the sections already in `body` (replacing the one with the same key) and render
 * a body under the limit: when too long, the largest sections are trimmed first, each to an equal
 * share, so no section is ever dropped; a trimmed section keeps its heading and stays well-formed.
 */
function composeBody(existing, mine, options = {}) {
    const order = options.order ?? [];
    const byKey = new Map();
    for (const s of existing ? parseSections(existing) : [])
        if (!options.remove?.(s.key))
            byKey.set(s.key, s);
    byKey.set(mine.key, { ...mine, markdown: sanitize(mine.markdown) });
    const sections = [...byKey.values()].sort((a, b) => orderOf(a.key, order) - orderOf(b.key, order) || a.key.localeCompare(b.key));
    const header = `${STICKY_MARKER}\n### shipkit\n\n${overview(sections)}\n\n`;
    const footer = `\n<sub>${options.footer ?? 'Updated by shipkit. Each stage updates its own section.'}</sub>\n`;
    const fixed = header.length + footer.length + sections.reduce((n, s) => n + sticky_body_open(s).length + sticky_body_close(s.key).length + 4, 0);
    const total = fixed + sections.reduce((n, s) => n + s.markdown.length, 0);
    if (total > BODY_BUDGET) {
        // Water-filling: every section gets the same cap; sections under it keep their full text.
        const lengths = sections.map((s) => s.markdown.length).sort((a, b) => a - b);
        let room = BODY_BUDGET - fixed;
        let cap = 0;
        for (let i = 0; i < lengths.length; i++) {
            const share = Math.floor(room / (lengths.length - i));
            if ((lengths[i] ?? 0) > share) {
                cap = share;
                break;
            }
            room -= lengths[i] ?? 0;
        }
        const note = trimNote(options.summaryUrl);
        for (const s of sections) {
            const headingEnd = s.markdown.indexOf('\n');
            s.markdown = trimMarkdown(s.markdown, cap, note, headingEnd === -1 ? s.markdown.length : headingEnd);
        }
    }
    const parts = sections.map((s) => `${sticky_body_open(s)}\n${s.markdown}\n${sticky_body_close(s.key)}`);
    return `${header}${parts.join('\n\n')}\n${footer}`;
}
/** True when `body` holds `mine` exactly as composeBody would have written it (or trimmed by another writer). */
function holdsSection(body, mine) {
    if (!isStickyBody(body))
        return false;
    const found = parseSections(body ?? '').find((s) => s.key === mine.key);
    if (!found)
        return false;
    const want = sanitize(mine.markdown);
    if (found.markdown === want)
        return true;
    // Trimmed to fit: what is left (without the closing tags and the note) must be a prefix of ours.
    const kept = keptPart(found.markdown, TRIM_NOTE);
    return kept !== undefined && want.startsWith(kept);
}

;// CONCATENATED MODULE: ./src/core/github/sticky-comment.ts


const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** GitHub's answer when the token may not write here (a fork PR's token, or missing permissions). */
function isForbidden(error) {
    const status = (0,github_octokit/* httpStatus */.nG)(error);
    return status === 403 && /not accessible by integration|must have|permission/i.test(String(error.message));
}
/** Every marker comment on the PR, oldest first (paginated: a busy PR has hundreds of comments). */
async function findStickyComments(octokit, ref) {
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.issueNumber,
        per_page: 100,
    });
    return all
        .filter((c) => isStickyBody(c.body))
        .map((c) => ({ id: Number(c.id), body: c.body ?? '', html_url: c.html_url }))
        .sort((a, b) => a.id - b.id);
}
async function readComment(octokit, ref, id) {
    const { data } = await octokit.rest.issues.getComment({ owner: ref.owner, repo: ref.repo, comment_id: id });
    return data.body ?? '';
}
/** Sections of `other` that `base` lacks (except ours, which the caller writes fresh). */
function foldMissingSections(base, other, ownKey, options) {
    let merged = base;
    const present = new Set(parseSections(base).map((s) => s.key));
    for (const s of parseSections(other)) {
        if (s.key !== ownKey && !present.has(s.key))
            merged = composeBody(merged, s, options);
    }
    return merged;
}
/** Several writers may fold and delete the same duplicate; the second delete finds it gone. */
async function deleteIfPresent(octokit, ref, id) {
    try {
        await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: id });
    }
    catch (error) {
        if ((0,github_octokit/* httpStatus */.nG)(error) !== 404)
            throw error;
    }
}
/**
 * Put `section` into shipkit's one comment on the PR, creating the comment if there is none.
 * Safe when several jobs write their sections at once: GitHub has no compare-and-swap for
 * comments, so each writer reads, merges, writes, then verifies (at once and again after a
 * jittered pause) and starts over if another writer's stale body erased its section. When two
 * writers both create a comment, the oldest wins and the newer ones are folded into it.
 */
async function upsertStickySection(octokit, ref, section, options) {
    const { logger } = options;
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const maxAttempts = options.maxAttempts ?? 8;
    const [settleMin, settleMax] = options.settleMs ?? [500, 1_500];
    const composeOptions = {
        summaryUrl: options.summaryUrl,
        order: options.order ?? [],
        ...(options.remove ? { remove: options.remove } : {}),
    };
    const compose = (existing) => composeBody(existing, section, composeOptions);
    let status = 'unchanged';
    try {
        for (let attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1)
                await sleep(Math.round(200 * attempt * (0.5 + random())));
            const found = await findStickyComments(octokit, ref);
            let target = found[0];
            if (!target) {
                const { data } = await octokit.rest.issues.createComment({
                    owner: ref.owner,
                    repo: ref.repo,
                    issue_number: ref.issueNumber,
                    body: compose(undefined),
                });
                status = 'created';
                target = { id: Number(data.id), body: data.body ?? '', html_url: data.html_url };
                // Another job may have created one at the same moment: the oldest is the one everyone keeps.
                const after = await findStickyComments(octokit, ref);
                if (after[0] && after[0].id !== target.id) {
                    logger.debug(`sticky comment: another writer created #${after[0].id} first; folding ours into it`);
                    await deleteIfPresent(octokit, ref, target.id);
                    // Ours is gone: what this writer finally does is update the older comment.
                    status = 'unchanged';
                    continue;
                }
            }
            // Fold any duplicates (from an earlier creation race) into the oldest comment, then remove them.
            let base = target.body;
            for (const dup of found.slice(1))
                base = foldMissingSections(base, dup.body, section.key, composeOptions);
            const body = compose(base);
            if (body !== target.body) {
                await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: target.id, body });
                if (status !== 'created')
                    status = 'updated';
            }
            for (const dup of found.slice(1))
                await deleteIfPresent(octokit, ref, dup.id);
            if (!holdsSection(await readComment(octokit, ref, target.id), section)) {
                logger.debug(`sticky comment: section '${section.key}' was overwritten, attempt ${attempt}`);
                continue;
            }
            await sleep(settleMin + Math.floor(random() * Math.max(1, settleMax - settleMin)));
            if (!holdsSection(await readComment(octokit, ref, target.id), section)) {
                logger.debug(`sticky comment: section '${section.key}' lost after settling, attempt ${attempt}`);
                continue;
            }
            return { status, commentId: target.id, url: target.html_url, attempts: attempt };
        }
    }
    catch (error) {
        if (isForbidden(error)) {
            return { status: 'forbidden', attempts: 1, reason: error.message };
        }
        throw error;
    }
    throw new Error(`could not keep section '${section.key}' in the PR comment after ${maxAttempts} attempts`);
}

// EXTERNAL MODULE: ./src/core/notify.ts
var notify = __webpack_require__(85074);
// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
// EXTERNAL MODULE: ./src/stages/registry.ts
var registry = __webpack_require__(40796);
// EXTERNAL MODULE: ./src/stages/test-stage/report/annotations.ts
var report_annotations = __webpack_require__(26224);
;// CONCATENATED MODULE: ./src/stages/report/badge.ts


/**
 * A coverage badge in the shields.io "flat" style. Colour bands (the ones shields.io and most
 * coverage services use): ≥ 90 % brightgreen, ≥ 80 % green, ≥ 70 % yellowgreen, ≥ 60 % yellow,
 * ≥ 50 % orange, below red; no coverage measured: lightgrey "unknown".
 */
const BADGE_BANDS = [
    { min: 90, color: '#4c1', name: 'brightgreen' },
    { min: 80, color: '#97ca00', name: 'green' },
    { min: 70, color: '#a4a61d', name: 'yellowgreen' },
    { min: 60, color: '#dfb317', name: 'yellow' },
    { min: 50, color: '#fe7d37', name: 'orange' },
    { min: 0, color: '#e05d44', name: 'red' },
];
const UNKNOWN = { color: '#9f9f9f', name: 'lightgrey' };
function badgeColor(pct) {
    if (pct === undefined || !Number.isFinite(pct))
        return UNKNOWN;
    return BADGE_BANDS.find((b) => pct >= b.min) ?? UNKNOWN;
}
// Widths of Verdana 11px glyphs (what shields.io measures text with), in tenths of a pixel.
const NARROW = new Set([..."fijlrt.,:;!|'()[]{} "]);
const WIDE = new Set([...'mwMW%@']);
function textWidth(text) {
    let w = 0;
    for (const ch of text)
        w += NARROW.has(ch) ? 40 : WIDE.has(ch) ? 100 : /[A-Z0-9#]/.test(ch) ? 75 : 65;
    return Math.round(w / 10);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function badgeSvg(label, pct) {
    const value = pct === undefined ? 'unknown' : `${Math.floor(pct * 10) / 10}%`;
    const { color } = badgeColor(pct);
    const lw = textWidth(label) + 10;
    const vw = textWidth(value) + 10;
    const w = lw + vw;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${esc(label)}: ${esc(value)}"><title>${esc(label)}: ${esc(value)}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><rect width="${w}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${esc(label)}</text><text x="${lw / 2}" y="14">${esc(label)}</text><text x="${lw + vw / 2}" y="15" fill="#010101" fill-opacity=".3">${esc(value)}</text><text x="${lw + vw / 2}" y="14">${esc(value)}</text></g></svg>\n`;
}
async function writeBadge(file, pct) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, badgeSvg('coverage', pct));
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
;// CONCATENATED MODULE: ./src/stages/report/check-run.ts

/** The Checks API takes at most 50 annotations a request; further ones go in updates (GitHub appends them). */
const ANNOTATIONS_PER_REQUEST = 50;
/** Limits of a check run's output fields, in characters. */
const SUMMARY_LIMIT = 65_535;
const TITLE_LIMIT = 1_000;
const MESSAGE_LIMIT = 64 * 1024 - 1;
const ANNOTATION_TITLE_LIMIT = 255;
/** Output fields hold at most 65 535 characters: the end is cut, and says so. */
const fit = (text) => text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 40)}\n\n… (trimmed to fit)` : text;
function conclusionOf(status) {
    return status === 'fail' ? 'failure' : 'success';
}
/** Annotations the Checks API can place (a file and a line); the others are counted. */
function checkAnnotations(annotations) {
    const placed = [];
    let unplaced = 0;
    for (const a of annotations) {
        if (!a.file) {
            unplaced++;
            continue;
        }
        const start = a.startLine ?? 1;
        const end = Math.max(start, a.endLine ?? start);
        const out = {
            path: a.file,
            start_line: start,
            end_line: end,
            annotation_level: a.level === 'error' ? 'failure' : a.level,
            message: (0,core_text/* cut */.Jj)(a.message, MESSAGE_LIMIT),
        };
        // Columns are accepted only on a one-line annotation.
        if (start === end && a.startColumn !== undefined) {
            out.start_column = a.startColumn;
            out.end_column = Math.max(a.startColumn, a.endColumn ?? a.startColumn);
        }
        if (a.title)
            out.title = (0,core_text/* cut */.Jj)(a.title, ANNOTATION_TITLE_LIMIT);
        placed.push(out);
    }
    return { placed, unplaced };
}
/**
 * One check run named `name` on the head commit, completed with the conclusion: created with the
 * first 50 annotations, then updated with each further 50 (the Checks API's limit per request). A
 * required status check on the name then gates the merge.
 */
async function publishCheckRun(github, input) {
    const { placed, unplaced } = checkAnnotations(input.annotations);
    const output = (batch) => ({
        title: (0,core_text/* cut */.Jj)(input.title, TITLE_LIMIT),
        summary: fit(input.summary),
        ...(input.text ? { text: fit(input.text) } : {}),
        ...(batch.length > 0 ? { annotations: batch } : {}),
    });
    const batches = [];
    for (let i = 0; i < placed.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(placed.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const { data } = await github.octokit.rest.checks.create({
        owner: github.owner,
        repo: github.repo,
        name: input.name,
        head_sha: input.headSha,
        status: 'completed',
        conclusion: input.conclusion,
        completed_at: new Date().toISOString(),
        ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
        output: output(batches[0] ?? []),
    });
    let requests = 1;
    for (const batch of batches.slice(1)) {
        await github.octokit.rest.checks.update({
            owner: github.owner,
            repo: github.repo,
            check_run_id: Number(data.id),
            output: output(batch),
        });
        requests++;
    }
    return {
        id: Number(data.id),
        url: data.html_url ?? data.url,
        conclusion: input.conclusion,
        annotations: placed.length,
        annotationsWithoutFile: unplaced,
        requests,
    };
}
/**
 * The conclusion of the newest completed check run named `name` on `ref` (a commit or branch), for
 * `notify-on: change`. Undefined when there is none.
 */
async function previousConclusion(github, name, ref) {
    const runs = await github.octokit.paginate(github.octokit.rest.checks.listForRef, {
        owner: github.owner,
        repo: github.repo,
        ref,
        check_name: name,
        filter: 'latest',
        per_page: 100,
    });
    const done = runs
        .filter((r) => r.status === 'completed' && r.conclusion)
        .sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? '') || Number(b.id) - Number(a.id));
    return done[0]?.conclusion ?? undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/core/directory.ts
var directory = __webpack_require__(57644);
// EXTERNAL MODULE: ./src/core/report/schema.ts + 15 modules
var schema = __webpack_require__(6770);
// EXTERNAL MODULE: ./src/stages/test-stage/shard/format.ts
var format = __webpack_require__(32781);
;// CONCATENATED MODULE: ./src/stages/report/collect.ts








/** What a stage saves beside its report `<base>.json`: `<base>.annotations.json` and its own files (`<base>.coverage.lcov`). */
const ANNOTATIONS_SUFFIX = '.annotations.json';
const SIDE_SUFFIXES = [ANNOTATIONS_SUFFIX, `.${format/* SHARD_JSON */.KP}`];
/** A walk below DIR is bounded: a `reports:` pointing at a whole checkout must not read it all. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 8;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/**
 * Symlinks are followed (a `reports:` folder assembled from links to the downloaded artifacts must not
 * come out empty); `visited` holds the real paths of the folders walked, so a link back up is walked once.
 */
async function walk(dir, depth, out, visited, input) {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES)
        return;
    const real = await (0,promises_.realpath)(dir);
    if (visited.has(real))
        return;
    visited.add(real);
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        if (out.length >= MAX_FILES)
            return;
        const full = external_node_path_default().join(dir, e.name);
        let isDirectory = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
            const target = await (0,promises_.stat)(full).catch(() => undefined);
            // A dangling link named as a stage saves its report is a report lost: said, not skipped.
            if (!target && savedAsReport(full))
                throw new errors/* UserError */.yo(`${full} is a shipkit report that is a broken symbolic link`, { input, file: full });
            isDirectory = target?.isDirectory() ?? false;
            isFile = target?.isFile() ?? false;
        }
        if (isDirectory && !SKIPPED_DIRS.has(e.name))
            await walk(full, depth + 1, out, visited, input);
        else if (isFile && e.name.endsWith('.json') && !SIDE_SUFFIXES.some((s) => e.name.endsWith(s)))
            out.push(full);
    }
}
/** The stages whose reports are read back: every one but this action's own. */
const SAVING_STAGES = registry/* STAGES */.a.map((s) => s.name).filter((name) => name !== 'report');
/**
 * Whether `file` is where a stage saved its report, told without reading it: named
 * `<stage>[-<shard>].json` (core/report/saved-files.ts) and either beside the annotations file saved
 * with every report, or in the stage's artifact folder (`shipkit-<stage>-…`), where a partial upload may
 * have left it alone. A checkout's own `test.json` or `test-results.json` is neither.
 */
function savedAsReport(file) {
    const name = external_node_path_default().basename(file);
    if (SIDE_SUFFIXES.some((s) => name.endsWith(s)))
        return false;
    const stage = SAVING_STAGES.find((s) => name === `${s}.json` || (name.startsWith(`${s}-`) && name.endsWith('.json') && /^[\w.-]+$/.test(name)));
    if (!stage)
        return false;
    const base = file.slice(0, -'.json'.length);
    if ((0,external_node_fs_.existsSync)(`${base}${ANNOTATIONS_SUFFIX}`))
        return true;
    return external_node_path_default().basename(external_node_path_default().dirname(file)).startsWith(`shipkit-${stage}-`);
}
const looksLikeReport = (doc) => typeof doc === 'object' && doc !== null && 'schemaVersion' in doc && 'stage' in doc && 'status' in doc;
async function readAnnotations(file, input) {
    if (!(0,external_node_fs_.existsSync)(file))
        return [];
    let doc;
    try {
        doc = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${file} is not valid JSON: ${error.message}`, { input, file });
    }
    if (!Array.isArray(doc))
        throw new errors/* UserError */.yo(`${file} must hold a list of annotations`, { input, file });
    return doc.filter((a) => typeof a === 'object' &&
        a !== null &&
        typeof a.message === 'string' &&
        typeof a.level === 'string');
}
/**
 * Every stage report below `dir` (any depth: one folder per downloaded artifact, or the CLI's
 * `--report-dir` folders, symlinks followed), with what each saved beside it. JSON files that are not
 * shipkit reports (package.json…) are skipped; a shipkit report that breaks its schema, or a file saved
 * as one that is not JSON at all (truncated), is the user's input gone wrong and names the file. The
 * report action's own reports are never read back.
 */
async function collectReports(dir, input = 'reports') {
    const problem = (0,directory/* directoryProblem */.D)(dir);
    if (problem === 'missing')
        throw new errors/* UserError */.yo(`the reports directory ${dir} does not exist`, { input });
    if (problem)
        throw new errors/* UserError */.yo(`${dir} is not a directory: reports names the directory the stages saved their reports to`, {
            input,
        });
    const files = [];
    await walk(dir, 0, files, new Set(), input);
    const out = [];
    const seen = new Set();
    for (const file of files) {
        let doc;
        try {
            doc = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        }
        catch (error) {
            // A report cut short (a failed upload, a full disk) is a shard or stage gone missing: the
            // verdict must not pass without it. Other JSON that cannot be parsed is none of ours.
            if (!savedAsReport(file))
                continue;
            throw new errors/* UserError */.yo(`${file} is a shipkit report that is not valid JSON: ${error.message}`, {
                input,
                file,
            });
        }
        if (!looksLikeReport(doc))
            continue;
        const problems = (0,schema/* schemaViolations */.K3)(schema/* BaseReportSchema */.bP, doc, 3);
        if (problems.length > 0)
            throw new errors/* UserError */.yo(`${file} is a shipkit report that does not match the report schema: ${problems.join('; ')}`, {
                input,
                file,
            });
        const report = doc;
        if (report.stage === 'report')
            continue;
        // The same report reached twice (an artifact and a copy of it): counted once.
        const identity = [report.stage, report.run.job, report.run.shard, report.run.runAttempt, report.startedAt].join('|');
        if (seen.has(identity))
            continue;
        seen.add(identity);
        const base = file.slice(0, -'.json'.length);
        const entry = {
            file,
            report,
            annotations: await readAnnotations(`${base}${ANNOTATIONS_SUFFIX}`, input),
        };
        const shardJson = `${base}.${format/* SHARD_JSON */.KP}`;
        // Where the shard's lcov is saved; readShards requires it when the shard says it measured coverage.
        if (report.stage === 'test' && (0,external_node_fs_.existsSync)(shardJson))
            entry.shard = { json: shardJson, lcov: `${base}.${format/* SHARD_LCOV */.yA}` };
        out.push(entry);
    }
    return out;
}

// EXTERNAL MODULE: ./src/stages/test-stage/baseline.ts
var test_stage_baseline = __webpack_require__(61516);
// EXTERNAL MODULE: ./src/stages/test-stage/diff/changed-lines.ts + 3 modules
var changed_lines = __webpack_require__(62130);
// EXTERNAL MODULE: ./src/stages/test-stage/event.ts
var test_stage_event = __webpack_require__(95135);
// EXTERNAL MODULE: ./src/stages/test-stage/gates.ts
var test_stage_gates = __webpack_require__(70123);
// EXTERNAL MODULE: ./src/stages/test-stage/report/data.ts
var data = __webpack_require__(42612);
// EXTERNAL MODULE: ./src/stages/test-stage/report/markdown.ts
var report_markdown = __webpack_require__(23797);
// EXTERNAL MODULE: ./src/stages/test-stage/report/result.ts
var report_result = __webpack_require__(44269);
// EXTERNAL MODULE: ./src/stages/test-stage/report/text.ts
var report_text = __webpack_require__(82575);
// EXTERNAL MODULE: ./src/stages/test-stage/results/index.ts + 3 modules
var results = __webpack_require__(18919);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/coverage-set.ts
var coverage_set = __webpack_require__(68283);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/lcov.ts
var coverage_lcov = __webpack_require__(11728);
// EXTERNAL MODULE: ./src/stages/test-stage/coverage/report-file.ts
var report_file = __webpack_require__(38421);
// EXTERNAL MODULE: ./src/stages/test-stage/model.ts
var model = __webpack_require__(47326);
// EXTERNAL MODULE: ./src/stages/test-stage/shard/cases.ts
var cases = __webpack_require__(4213);
;// CONCATENATED MODULE: ./src/stages/test-stage/shard/read.ts










function lcovBeside(json) {
    const suffix = `.${format/* SHARD_JSON */.KP}`;
    return json.endsWith(suffix)
        ? `${json.slice(0, -suffix.length)}.${format/* SHARD_LCOV */.yA}`
        : external_node_path_default().join(external_node_path_default().dirname(json), format/* SHARD_LCOV */.yA);
}
async function readDocument(file, input) {
    let doc;
    try {
        doc = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${file} is not a shipkit test shard export: ${error.message}`, { input, file });
    }
    const d = doc;
    if (d?.format !== format/* SHARD_FORMAT */.LS)
        throw new errors/* UserError */.yo(`${file} is not a shipkit test shard export`, { input, file });
    if (d.version !== format/* SHARD_VERSION */.Cw)
        throw new errors/* UserError */.yo(`${file} is a shard export of version ${String(d.version)}; this shipkit reads version ${format/* SHARD_VERSION */.Cw}`, {
            input,
            file,
        });
    if (!Array.isArray(d.commands) || typeof d.options !== 'object' || d.options === null)
        throw new errors/* UserError */.yo(`${file}: the shard export is damaged (no commands or options)`, { input, file });
    return d;
}
/** Statements, counted arms, summaries and measured metrics: what the lcov file cannot carry. */
function overlayCoverage(set, doc, counted) {
    const c = doc.coverage;
    if (!c)
        return;
    for (const m of model/* METRICS */.C)
        if (c.measured[m])
            set.measured[m] = true;
    set.sources.push(...c.sources);
    for (const [path, st] of Object.entries(c.statements)) {
        const table = (0,coverage_set/* fileIn */.Ed)(set, path).statements;
        st.keys.forEach((key, i) => {
            const [line = 0, hits = 0, weight = 1] = st.data.slice(i * 3, i * 3 + 3);
            if (weight === 1)
                table.add(key, line, hits);
            else
                table.addWeighted(key, line, hits, weight);
        });
    }
    // Summing arms by position is also right for arms known only as counts ("1 of 2", marked in order):
    // the sum covers as many as the shard that covered most, as the test stage's merge does. The flag
    // only says how the arms were known.
    for (const path of c.countedBranches)
        counted.add(path);
    for (const [path, counters] of Object.entries(c.summaryOnly)) {
        const have = set.summaryOnly.get(path) ?? {};
        for (const m of model/* METRICS */.C) {
            const v = counters[m];
            if (!v)
                continue;
            const before = have[m];
            have[m] = before
                ? { covered: Math.max(before.covered, v.covered), total: Math.max(before.total, v.total) }
                : { ...v };
        }
        set.summaryOnly.set(path, have);
    }
}
/**
 * Reads the exports of every shard into the test stage's own model. The lcov files are parsed into
 * one set by the test stage's parser, which sums records of the same file by position, as
 * `lcov -a` adds tracefiles: the merge costs little more than the parse. Cases are appended.
 */
async function readShards(shards, opts = {}) {
    const set = (0,coverage_set/* emptySet */.mj)();
    const counted = new Set();
    let anyCoverage = false;
    let tests;
    const out = { commands: [], unmatched: [], shards: [] };
    const seenUnmatched = new Set();
    for (const files of shards) {
        const doc = await readDocument(files.json, opts.input);
        if (doc.coverage) {
            anyCoverage = true;
            // The export always writes the lcov file with measured coverage: without it the shard's lines
            // would be missing from the totals while the merge still counted the shard as merged.
            const lcov = files.lcov ?? lcovBeside(files.json);
            if (!(0,external_node_fs_.existsSync)(lcov))
                throw new errors/* UserError */.yo(`${lcov} is missing: ${files.json} says the shard measured coverage, and its lines are in that file`, { input: opts.input, file: lcov });
            const report = await (0,report_file/* openReport */.N)(lcov, process.cwd(), opts.input);
            await (0,coverage_lcov/* parseLcov */.g)(report, set);
            overlayCoverage(set, doc, counted);
            for (const u of doc.coverage.unmatched) {
                if (seenUnmatched.has(u.reported))
                    continue;
                seenUnmatched.add(u.reported);
                out.unmatched.push(u);
            }
        }
        if (doc.tests) {
            tests ??= (0,cases/* emptyResults */.wL)();
            tests.sources.push(...doc.tests.sources);
            (0,cases/* decodeTests */.eU)(doc.tests, tests.cases);
        }
        out.commands.push(...doc.commands);
        out.shards.push({ shard: doc.shard, job: doc.job, options: doc.options });
    }
    for (const path of counted) {
        const file = set.files.get(path);
        if (file)
            file.branchesCounted = file.branches.size > 0;
    }
    if (anyCoverage)
        out.set = set;
    if (tests)
        out.tests = tests;
    return out;
}

// EXTERNAL MODULE: ./src/stages/test-stage/summarize.ts
var summarize = __webpack_require__(69034);
;// CONCATENATED MODULE: ./src/stages/report/merge-test.ts












const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** The shards' gate options (they ran with the same `with:`), overridden by the report action's own inputs. */
function gateOptions(shards, overrides, warnings) {
    const first = shards[0];
    if (shards.some((s) => !same(s, first)))
        warnings.push("the test shards ran with different gate inputs: the first shard's are applied to the merged data");
    const min = { ...(first?.min ?? {}), ...overrides.min };
    const options = {
        lint: [],
        test: [],
        coverage: [],
        coverageFormat: 'auto',
        testResults: [],
        pathMap: [],
        min,
        pathThresholds: overrides.pathThresholds ?? first?.pathThresholds ?? [],
        requireBaseline: overrides.requireBaseline ?? first?.requireBaseline ?? false,
        allowEmpty: false,
        annotate: first?.annotate ?? true,
        detect: false,
    };
    const minDiff = overrides.minDiffCoverage ?? first?.minDiffCoverage;
    if (minDiff !== undefined)
        options.minDiffCoverage = minDiff;
    const maxDrop = overrides.maxDrop ?? first?.maxDrop;
    if (maxDrop !== undefined)
        options.maxDrop = maxDrop;
    const base = overrides.base ?? first?.base;
    if (base !== undefined)
        options.base = base;
    return options;
}
/** `2/4` → index 2 of 4; anything else → undefined. */
function shardOf(label) {
    const m = label ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(label) : null;
    return m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
}
/**
 * A gate on the shards themselves: labels of the form `i/N` say how many to expect, and a merge of
 * fewer (a shard that crashed before saving) must not pass as if its tests had run. Each job's
 * matrix is counted on its own: a complete `unit` matrix must not make up for an `e2e` short of one.
 */
function shardsGate(shards) {
    const byJob = new Map();
    for (const s of shards) {
        const parsed = shardOf(s.shard);
        if (!parsed || s.shard === null)
            continue;
        const entry = byJob.get(s.job) ?? { labels: new Set(), indexes: new Set(), expected: 0 };
        entry.labels.add(s.shard.replace(/\s+/g, ''));
        entry.indexes.add(parsed.index);
        entry.expected = Math.max(entry.expected, parsed.count);
        byJob.set(s.job, entry);
    }
    if (byJob.size === 0)
        return undefined;
    const jobs = [...byJob].map(([job, e]) => {
        const missing = [];
        for (let i = 1; i <= e.expected; i++)
            if (!e.indexes.has(i))
                missing.push(`${i}/${e.expected}`);
        return { job, expected: e.expected, got: e.labels.size, missing };
    });
    const complete = (j) => j.got >= j.expected;
    const expected = jobs.reduce((n, j) => n + j.expected, 0);
    const got = jobs.reduce((n, j) => n + j.got, 0);
    const passed = jobs.every(complete);
    let detail;
    if (jobs.length === 1) {
        detail = passed ? `${got} of ${expected} shards merged` : `only ${got} of ${expected} shards saved their results`;
    }
    else {
        const name = (j) => `job ${j.job ?? '(unnamed)'}`;
        detail = passed
            ? `${got} of ${expected} shards merged (${jobs.map((j) => `${name(j)}: ${j.got} of ${j.expected}`).join(', ')})`
            : jobs
                .filter((j) => !complete(j))
                .map((j) => `${name(j)}: only ${j.got} of ${j.expected} shards saved their results` +
                (j.missing.length > 0 ? ` (missing ${j.missing.join(', ')})` : ''))
                .join('; ');
    }
    return { name: 'shards', passed, required: expected, actual: got, detail };
}
function headlineOf(r, shards) {
    const parts = [];
    const lead = r.coverage?.totals[r.headline];
    if (lead)
        parts.push(`${r.headline} ${lead.pct.toFixed(2)} %`);
    if (r.diff.kind === 'measured' && r.diff.coverage.total > 0)
        parts.push(`changed lines ${r.diff.coverage.pct.toFixed(2)} %`);
    if (r.tests) {
        const bad = r.tests.totals.failed + r.tests.totals.errors;
        parts.push(`${r.tests.totals.total} tests${bad > 0 ? `, ${bad} failed` : ''}`);
    }
    const failed = r.gates.filter((g) => !g.passed);
    if (failed.length > 0)
        parts.push(`${failed.length} gate${failed.length === 1 ? '' : 's'} failed (${failed.map((g) => g.name).join(', ')})`);
    parts.push(`${shards} shard${shards === 1 ? '' : 's'} merged`);
    return parts.join(', ');
}
/**
 * The test stage's shards as one run: coverage merged per line, arm, function and statement, cases
 * summed, and the test stage's own gates, summary, comment and annotations computed on the merged data.
 * On a push to the default branch the merged coverage becomes the baseline (shards never save one).
 */
async function mergeTestShards(files, overrides, ctx) {
    const warnings = [];
    const merged = await readShards(files, { input: 'reports' });
    const options = gateOptions(merged.shards.map((s) => s.options), overrides, warnings);
    const summary = merged.set ? (0,summarize/* summarize */.eh)(merged.set) : undefined;
    const tests = merged.tests;
    const event = await (0,test_stage_event/* eventInfo */.l)(ctx);
    const base = options.base ?? event.pr?.baseRef;
    const diff = await (0,changed_lines/* measureDiff */.a)(merged.set, {
        root: ctx.cwd,
        ...(base !== undefined ? { base } : {}),
        ...(event.pr?.baseSha && base === event.pr.baseRef ? { baseSha: event.pr.baseSha } : {}),
        ...(event.pr ? { pullNumber: event.pr.number } : {}),
    }, ctx);
    const store = ctx.host.baselines;
    let baseline = { kind: 'not-applicable' };
    if (base !== undefined) {
        try {
            const found = await (0,test_stage_baseline/* restoreBaseline */.W3)(store, base);
            baseline = found ? { kind: 'found', baseline: found } : { kind: 'missing', branch: base };
        }
        catch (error) {
            warnings.push(`baseline of '${base}' could not be restored: ${error.message}`);
            baseline = { kind: 'missing', branch: base };
        }
    }
    // Gated before the baseline is saved: a merge short of shards has lower totals, and as the
    // baseline it would let every later `max-drop` check compare with a partial run.
    const labels = merged.shards.map((s) => s.shard);
    const shards = shardsGate(merged.shards);
    let baselineSaved;
    if (summary && event.pushBranch && event.pushBranch === event.defaultBranch && event.sha) {
        if (shards && !shards.passed) {
            warnings.push(`the coverage baseline of '${event.pushBranch}' was not saved: ${shards.detail ?? 'shards are missing'}, and a baseline of part of the suite would skew later max-drop checks`);
        }
        else {
            try {
                await (0,test_stage_baseline/* saveBaseline */.XY)(store, (0,test_stage_baseline/* baselineOf */.Bv)(summary, event.pushBranch, event.sha));
                baselineSaved = { branch: event.pushBranch, sha: event.sha };
                ctx.logger.info(`Saved the merged coverage baseline of '${event.pushBranch}' at ${event.sha.slice(0, 7)}`);
            }
            catch (error) {
                warnings.push(`baseline of '${event.pushBranch}' could not be saved: ${error.message}`);
            }
        }
    }
    const headline = (0,report_result/* headlineMetric */.lY)((merged.set?.sources ?? []).map((s) => s.format));
    const totals = tests ? (0,results/* testTotals */.gS)(tests) : undefined;
    const gates = (0,test_stage_gates/* evaluateGates */.u)({
        options,
        headline,
        commands: merged.commands,
        ...(summary ? { coverage: summary } : {}),
        ...(totals ? { tests: totals } : {}),
        diff,
        baseline,
    });
    if (shards)
        gates.unshift(shards);
    const result = {
        options,
        commands: merged.commands,
        ...(summary ? { coverage: summary } : {}),
        coverageSources: (merged.set?.sources ?? []).map((s) => ({ file: s.file, format: s.format })),
        unmatched: merged.unmatched,
        ...(tests && totals
            ? { tests: { totals, failures: tests.cases.failures(), flaky: tests.cases.flakyCases(), sources: tests.sources } }
            : {}),
        headline,
        diff,
        baseline,
        ...(baselineSaved ? { baselineSaved } : {}),
        gates,
        warnings,
    };
    const line = headlineOf(result, files.length);
    return {
        result,
        data: (0,data/* reportData */.TI)(result),
        headline: line,
        comment: (0,report_markdown/* commentSection */.ty)(result, line),
        summary: (0,report_markdown/* summarySections */.P2)(result, line),
        annotations: (0,report_annotations/* annotationsOf */.I)(result),
        text: (0,report_text/* terminalText */.e)(result),
        shards: labels,
        warnings,
    };
}

;// CONCATENATED MODULE: ./src/stages/report/notification.ts
const notification_ICON = { pass: '✅', fail: '❌', warn: '⚠️' };
const COLOR = { pass: '#2eb67d', fail: '#e01e5a', warn: '#ecb22e' };
/**
 * Whether to notify. `change` compares with the conclusion of the previous `shipkit` check run
 * (undefined when there was none, or it could not be read: a first result is news).
 */
function shouldNotify(on, status, now, previous) {
    if (on === 'always')
        return true;
    if (on === 'failure')
        return status === 'fail';
    return previous === undefined || previous !== now;
}
/** One message: the verdict with links, then each stage's status and headline (a coloured attachment each). */
function notificationMessage(status, rows, m) {
    const where = [m.repository, m.subject].filter(Boolean).join(' ');
    const lines = [
        `${notification_ICON[status]} shipkit ${status === 'fail' ? 'failed' : status === 'warn' ? 'passed with warnings' : 'passed'}: ${where}`,
    ];
    if (m.subjectUrl)
        lines.push(m.subjectUrl);
    for (const r of rows)
        lines.push(`${notification_ICON[r.status]} ${r.title}${r.shard ? ` (${r.shard})` : ''}: ${r.headline}`);
    if (m.runUrl)
        lines.push(`Run: ${m.runUrl}`);
    if (m.checkUrl)
        lines.push(`Check: ${m.checkUrl}`);
    return {
        text: lines.join('\n'),
        attachments: rows.map((r) => ({
            color: COLOR[r.status],
            title: `${notification_ICON[r.status]} ${r.title}${r.shard ? ` (${r.shard})` : ''}`,
            ...(r.url ? { title_link: r.url } : {}),
            text: r.headline,
            fallback: `${r.title}: ${r.status}`,
        })),
    };
}

;// CONCATENATED MODULE: ./src/stages/report/render.ts

const render_name = (r) => r.shard ? `${r.title} (${r.shard})` : r.merged > 0 ? `${r.title} (${r.merged} shards merged)` : r.title;
/** Every stage side by side (several scan targets and images each get their row), linked to its run. */
function stagesTable(rows) {
    if (rows.length === 0)
        return '_No stage reports._';
    return (0,markdown/* table */.tp)(['Stage', 'Status', 'Result', 'Job'], rows.map((r) => [
        render_name(r),
        { markdown: `${markdown/* STATUS_ICON */.tW[r.status]} ${r.status}` },
        r.headline,
        r.url ? { markdown: (0,markdown/* link */.nf)(r.job ?? 'run', r.url) } : (r.job ?? ''),
    ]));
}
function failedGates(gates) {
    const failed = gates.filter((g) => !g.passed);
    if (failed.length === 0)
        return undefined;
    return (0,markdown/* blocks */.Bv)('**Failed**', (0,markdown/* list */.p_)(failed.map((g) => `${(0,markdown/* code */.aY)(g.name)}${g.detail ? ` — ${(0,markdown/* escapeText */.X1)(g.detail)}` : ''}`)));
}
/** The job summary (and the check run's summary): the verdict, the stages, what failed. */
function reportSummary(rows, gates, status, headline) {
    return (0,markdown/* blocks */.Bv)(`### ${markdown/* STATUS_ICON */.tW[status]} shipkit: ${(0,markdown/* escapeText */.X1)(headline)}`, stagesTable(rows), failedGates(gates));
}
/** The report's own section of the PR comment: what blocks the merge, and the stages with their jobs. */
function reportComment(rows, gates, headline) {
    const section = { headline };
    const body = failedGates(gates);
    if (body)
        section.body = body;
    section.details = stagesTable(rows);
    section.detailsLabel = 'Stages and jobs';
    return section;
}
function reportText(rows, mergedText) {
    const mark = { pass: '✔', fail: '✘', warn: '!' };
    const lines = rows.map((r) => `${mark[r.status]} ${render_name(r)}: ${r.headline}`);
    if (rows.length === 0)
        lines.push('No stage reports found.');
    if (mergedText)
        lines.push('', 'Test shards merged:', mergedText);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/report/run.ts

















/**
 * Annotations of one kind (failed tests, uncovered changed lines) a check run gets at most: 20
 * requests of the Checks API's 50. Beyond that a reviewer reads the summary, not the diff's margin.
 */
const CHECK_RUN_PER_LEVEL = 1000;
/** Artifacts the stages upload: `shipkit-<stage>-<job>[-<step>][-<shard>]` (runtime/artifact-names.ts). */
const ARTIFACT_PREFIX = 'shipkit-';
const titleOf = (stage) => registry/* STAGES */.a.find((s) => s.name === stage)?.title ?? stage.charAt(0).toUpperCase() + stage.slice(1);
async function reportsDirectory(options, ctx) {
    if (options.reports)
        return options.reports;
    if (!ctx.host.artifacts)
        throw new errors/* UserError */.yo('no reports to read: give the directory the stages wrote them to (reports / --reports DIR)', {
            input: 'reports',
        });
    const parent = ctx.env.RUNNER_TEMP ?? external_node_os_default().tmpdir();
    await (0,promises_.mkdir)(parent, { recursive: true });
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(parent, 'shipkit-artifacts-'));
    const got = await ctx.host.artifacts.download(ARTIFACT_PREFIX, dir);
    ctx.logger.info(`Downloaded ${got.length} shipkit artifact(s) of this run: ${got.map((a) => a.name).join(', ') || 'none'}`);
    return dir;
}
function rowOf(c) {
    const r = c.report;
    return {
        stage: r.stage,
        title: titleOf(r.stage),
        status: r.status,
        headline: r.summary,
        shard: r.run.shard ?? null,
        job: r.run.job ?? null,
        url: r.run.url ?? null,
        merged: 0,
    };
}
function stageGate(row) {
    return {
        name: row.shard
            ? `${row.stage} (${row.shard})`
            : row.job && row.stage !== row.job
                ? `${row.stage} (${row.job})`
                : row.stage,
        passed: row.status !== 'fail',
        required: 'pass',
        actual: row.status,
        detail: row.headline,
    };
}
function orderIndex(stage) {
    const i = registry/* STAGES */.a.findIndex((s) => s.name === stage);
    return i === -1 ? registry/* STAGES */.a.length : i;
}
/** The merged test section replaces the shards' own sections of the PR comment. */
async function writeMergedTestSection(merged, status, ctx) {
    const github = ctx.github;
    if (!github || github.pullNumber === undefined)
        return;
    const meta = { title: titleOf('test'), status, headline: merged.headline };
    try {
        const result = await upsertStickySection(github.octokit, { owner: github.owner, repo: github.repo, issueNumber: github.pullNumber }, { key: 'test', meta, markdown: renderSection(meta, merged.comment) }, { logger: ctx.logger, order: registry/* STAGES */.a.map((s) => s.name), remove: (key) => key.startsWith('test/') });
        if (result.status === 'forbidden')
            ctx.logger.warning(`Could not write the merged test section of the PR comment: ${result.reason ?? '403'}`);
    }
    catch (error) {
        ctx.logger.warning(`Could not write the merged test section of the PR comment: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/**
 * One line for a check run GitHub would not take, with what to check, as other service errors have:
 * a refusal (403, or 404 for a token that cannot see the repository) is a missing permission; an
 * unreachable API is the address.
 */
function checkRunProblem(error, github) {
    const service = (0,errors/* asServiceError */.CZ)(error, { service: 'the GitHub API' });
    if (!service)
        return (0,errors/* errorMessage */.gJ)(error).split('\n')[0] ?? '';
    const status = (0,github_octokit/* httpStatus */.nG)(error);
    if (status === 403 || status === 404)
        return `${service.message} — the token needs \`checks: write\` (the job's \`permissions:\`); a pull request from a fork gets a read-only token`;
    // asServiceError's network and TLS failures: "cannot reach …", "cannot connect … securely".
    if (service.message.startsWith('cannot '))
        return `${service.message} — check GITHUB_API_URL (${github.octokit.request.endpoint.DEFAULTS.baseUrl})`;
    return `${service.message} — ${service.hint}`;
}
function headSha(ctx) {
    const pr = ctx.github?.event.pull_request;
    const sha = pr?.head?.sha;
    return typeof sha === 'string' && sha ? sha : (ctx.github?.sha ?? ctx.env.GITHUB_SHA);
}
/** What `notify-on: change` compares with: the previous commit of a push, the base of a pull request. */
function previousRef(ctx) {
    const event = ctx.github?.event ?? {};
    const pr = event.pull_request;
    if (pr)
        return typeof pr.base?.sha === 'string' ? pr.base.sha : typeof pr.base?.ref === 'string' ? pr.base.ref : undefined;
    const before = event.before;
    if (typeof before === 'string' && /^[0-9a-f]{40}$/.test(before) && !/^0+$/.test(before))
        return before;
    const repo = event.repository;
    return typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
}
/**
 * The root report action: every stage's report of the run in one view. Test shards are merged and
 * gated again, the PR comment gets the merged test section, a check run named `shipkit` carries the
 * verdict and every annotation, a webhook is told, and a coverage badge is written.
 */
async function runReport(options, ctx) {
    const startedAt = new Date();
    const warnings = [];
    // Every warning reaches the log as well as the report.
    const warn = (text) => {
        warnings.push(text);
        ctx.logger.warning(text);
    };
    const dir = await reportsDirectory(options, ctx);
    const collected = await collectReports(dir);
    ctx.logger.info(`Found ${collected.length} stage report(s) in ${dir}`);
    const withShards = collected.filter((c) => c.shard);
    const plain = collected.filter((c) => !c.shard);
    let merged;
    if (withShards.length > 0) {
        const files = withShards.flatMap((c) => (c.shard ? [c.shard] : []));
        merged = await mergeTestShards(files, options.gates, ctx);
        for (const w of merged.warnings)
            warn(`test: ${w}`);
    }
    const rows = [];
    const gates = [];
    let mergedStatus;
    if (merged) {
        mergedStatus = (0,build/* statusOf */.c2)(merged.result.gates, merged.result.warnings);
        rows.push({
            stage: 'test',
            title: titleOf('test'),
            status: mergedStatus,
            headline: merged.headline,
            shard: null,
            job: withShards[0]?.report.run.job ?? null,
            url: withShards[0]?.report.run.url ?? null,
            merged: withShards.length,
        });
        for (const g of merged.result.gates)
            gates.push({ ...g, name: `test: ${g.name}` });
    }
    for (const c of plain)
        rows.push(rowOf(c));
    rows.sort((a, b) => orderIndex(a.stage) - orderIndex(b.stage));
    for (const row of rows)
        if (row.merged === 0)
            gates.push(stageGate(row));
    if (collected.length === 0)
        gates.push({
            name: 'reports',
            passed: false,
            required: 'present',
            actual: 0,
            detail: `no shipkit stage report found in ${options.reports ?? "this run's artifacts"}`,
        });
    if (merged && mergedStatus && options.comment)
        await writeMergedTestSection(merged, mergedStatus, ctx);
    const status = (0,build/* statusOf */.c2)(gates, warnings);
    // The check run takes every annotation a step could not show (workflow commands show 10 of a
    // kind, the merged test section keeps 50), up to CHECK_RUN_PER_LEVEL of each kind.
    const annotations = [
        ...(merged ? (0,report_annotations/* annotationsOf */.I)(merged.result, CHECK_RUN_PER_LEVEL) : []),
        ...plain.flatMap((c) => c.annotations),
    ];
    const failures = merged?.result.tests?.failures.length ?? 0;
    if (options.checkRun && failures > CHECK_RUN_PER_LEVEL)
        warn(`the check run annotates the first ${CHECK_RUN_PER_LEVEL} of ${failures} failed tests; the summary lists them all`);
    const common = (0,build/* buildReport */.FK)({ stage: 'report', startedAt, run: ctx.run, gates, warnings, summary: '' });
    // What the check run says; the report's own headline and summary are made again once the last
    // gate (a check run that could not be written) and warning are in.
    const checkTitle = reportHeadline(rows, status, gates);
    let badge = null;
    if (options.badge) {
        const lead = merged?.result.coverage?.totals[merged.result.headline];
        await writeBadge(options.badge, lead?.pct);
        badge = options.badge;
    }
    let checkRun;
    const conclusion = conclusionOf(status);
    let previous;
    if (options.notifyUrl && options.notifyOn === 'change' && ctx.github) {
        const ref = previousRef(ctx);
        if (ref) {
            try {
                previous = await previousConclusion(ctx.github, options.checkName, ref);
            }
            catch (error) {
                warn(`the previous ${options.checkName} check run could not be read (notifying anyway): ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
    }
    if (options.checkRun) {
        const sha = headSha(ctx);
        // The CLI without GITHUB_TOKEN has no GitHub to write to: nothing to warn about there.
        if (!ctx.github)
            ctx.logger.info('No check run: no GitHub token here');
        else if (!sha)
            warn('no check run: the commit is unknown (no GITHUB_SHA)');
        else {
            try {
                checkRun = await publishCheckRun(ctx.github, {
                    name: options.checkName,
                    headSha: sha,
                    conclusion,
                    title: checkTitle,
                    summary: reportSummary(rows, gates, status, checkTitle),
                    ...(merged ? { text: merged.summary.map((s) => s.markdown).join('\n\n') } : {}),
                    ...(ctx.run.url ? { detailsUrl: ctx.run.url } : {}),
                    annotations,
                });
                ctx.logger.info(`Check run '${options.checkName}' ${conclusion}: ${checkRun.url} (${checkRun.annotations} annotations in ${checkRun.requests} request(s))`);
            }
            catch (error) {
                // Fails closed: a required check that could not be written must not read as green.
                gates.push({
                    name: 'check-run',
                    passed: false,
                    required: 'written',
                    actual: null,
                    detail: checkRunProblem(error, ctx.github),
                });
            }
        }
    }
    let notification = 'off';
    if (options.notifyUrl) {
        // The verdict as it stands now: a check run that could not be written has failed it.
        const current = (0,build/* statusOf */.c2)(gates, warnings);
        if (shouldNotify(options.notifyOn, current, conclusionOf(current), previous)) {
            const pull = ctx.github?.pullNumber;
            const repository = ctx.run.repository ?? (ctx.github ? `${ctx.github.owner}/${ctx.github.repo}` : undefined);
            const server = ctx.github?.serverUrl ?? 'https://github.com';
            const message = notificationMessage(current, rows, {
                ...(repository ? { repository } : {}),
                subject: pull !== undefined ? `pull request #${pull}` : (ctx.run.ref?.replace(/^refs\/heads\//, '') ?? ''),
                ...(pull !== undefined && repository ? { subjectUrl: `${server}/${repository}/pull/${pull}` } : {}),
                ...(ctx.run.url ? { runUrl: ctx.run.url } : {}),
                ...(checkRun ? { checkUrl: checkRun.url } : {}),
            });
            const problem = await (0,notify/* notify */.m)(options.notifyUrl, message);
            notification = problem ? 'failed' : 'sent';
            if (problem)
                warn(problem);
        }
        else
            notification = 'skipped';
    }
    const finalStatus = (0,build/* statusOf */.c2)(gates, warnings);
    const headline = reportHeadline(rows, finalStatus, gates);
    const summaryMarkdown = reportSummary(rows, gates, finalStatus, headline);
    const report = {
        schemaVersion: common.schemaVersion,
        stage: 'report',
        status: finalStatus,
        summary: headline,
        startedAt: common.startedAt,
        finishedAt: new Date().toISOString(),
        durationMs: Math.max(0, Date.now() - startedAt.getTime()),
        run: common.run,
        gates,
        warnings,
        stages: rows,
        coverage: merged ? merged.data.coverage : null,
        tests: merged ? merged.data.tests : null,
        shards: merged?.shards ?? [],
        checkRun: checkRun
            ? {
                id: checkRun.id,
                url: checkRun.url,
                conclusion: checkRun.conclusion,
                annotations: checkRun.annotations,
                annotationsWithoutFile: checkRun.annotationsWithoutFile,
            }
            : null,
        notification,
        badge,
    };
    const lead = merged?.result.coverage?.totals[merged.result.headline];
    return {
        report,
        outputs: {
            passed: finalStatus !== 'fail',
            status: finalStatus,
            coverage: lead?.pct ?? null,
            'check-run-url': checkRun?.url ?? null,
            badge,
        },
        summary: [{ markdown: summaryMarkdown, priority: 0 }, ...(merged?.summary ?? [])],
        comment: reportComment(rows, gates, headline),
        annotations: merged?.annotations ?? [],
        text: reportText(rows, merged?.text),
    };
}
/** The verdict in one line: what blocks (failed stages, a check run that could not be written), or that all passed. */
function reportHeadline(rows, status, gates) {
    const checkRun = gates.find((g) => g.name === 'check-run' && !g.passed);
    const problem = checkRun ? `the check run could not be written: ${checkRun.detail ?? 'unknown error'}` : undefined;
    const failed = rows.filter((r) => r.status === 'fail');
    let base;
    if (rows.length === 0)
        base = 'no stage reports found';
    else if (failed.length > 0)
        base = `blocked: ${failed.map((r) => (r.shard ? `${r.stage} (${r.shard})` : r.stage)).join(', ')} failed`;
    else if (problem)
        return `blocked: ${problem}`;
    else
        base = `${status === 'warn' ? 'ready, with warnings' : 'ready'}: ${rows.length} stage report${rows.length === 1 ? '' : 's'} passed`;
    return problem ? `${base}; ${problem}` : base;
}


/***/ })

};
