import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 580;
export const ids = [580];
export const modules = {

/***/ 60580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  approveStage: () => (/* binding */ approveStage)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/approve/words.ts
var words = __webpack_require__(57680);
;// CONCATENATED MODULE: ./src/stages/approve/options.ts


const DEFAULT_TIMEOUT_MS = 60 * 60 * 1000;
const DEFAULT_POLL_INTERVAL_MS = 30 * 1000;
const MIN_POLL_INTERVAL_MS = 100;
const LOGIN = /^[a-z\d](?:[a-z\d-]{0,38})$/i;
const TEAM_SLUG = /^[a-z\d][a-z\d_.-]{0,99}$/i;
function parseApprover(raw) {
    const entry = raw.replace(/^@/, '');
    const parts = entry.split('/');
    if (parts.length === 1 && LOGIN.test(entry))
        return { kind: 'user', login: entry };
    const [org = '', slug = ''] = parts;
    if (parts.length === 2 && LOGIN.test(org) && TEAM_SLUG.test(slug))
        return { kind: 'team', org, slug };
    throw new errors/* UserError */.yo(`input 'approvers' has '${raw}', which is neither a user login nor an org/team slug`, {
        input: 'approvers',
    });
}
/** The one options reader shared by the action and `shipkit approve`. */
function readApproveOptions(inputs) {
    const label = (name) => inputs.source.label(name);
    const approvers = inputs.list('approvers').map(parseApprover);
    if (approvers.length === 0) {
        throw new errors/* UserError */.yo(`${label('approvers')} is required: list the users and org/teams who may approve`, {
            input: 'approvers',
        });
    }
    const timeoutMs = inputs.duration('timeout') ?? DEFAULT_TIMEOUT_MS;
    const pollIntervalMs = inputs.duration('poll-interval') ?? DEFAULT_POLL_INTERVAL_MS;
    if (timeoutMs <= 0)
        throw new errors/* UserError */.yo(`${label('timeout')} must be longer than 0`, { input: 'timeout' });
    if (pollIntervalMs < MIN_POLL_INTERVAL_MS) {
        throw new errors/* UserError */.yo(`${label('poll-interval')} must be at least ${MIN_POLL_INTERVAL_MS}ms`, {
            input: 'poll-interval',
        });
    }
    const approveWords = inputs.list('approve-words');
    const denyWords = inputs.list('deny-words');
    const notifyUrl = inputs.secret('notify-url');
    if (notifyUrl !== undefined && !/^https?:\/\//i.test(notifyUrl)) {
        throw new errors/* UserError */.yo(`${label('notify-url')} must be an http(s) URL`, { input: 'notify-url' });
    }
    return {
        approvers,
        minApprovals: inputs.number('min-approvals', { min: 1, integer: true }) ?? 1,
        allowInitiator: inputs.bool('allow-initiator', false),
        approveWords: approveWords.length > 0 ? approveWords : [...words/* DEFAULT_APPROVE_WORDS */.Gv],
        denyWords: denyWords.length > 0 ? denyWords : [...words/* DEFAULT_DENY_WORDS */.Pw],
        timeoutMs,
        pollIntervalMs,
        environment: inputs.string('environment'),
        ref: inputs.string('ref'),
        reports: inputs.string('reports'),
        notifyUrl,
    };
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 82 modules
var type = __webpack_require__(97375);
// EXTERNAL MODULE: ./src/core/report/schema.ts + 15 modules
var schema = __webpack_require__(6770);
;// CONCATENATED MODULE: ./src/stages/approve/report-schema.ts


/**
 * The approve stage's report, written once: the JSON Schema (validated before every write) and the
 * TypeScript types below both come from these declarations.
 */
const Count = type/* Type */.ZU.Integer({ minimum: 0 });
const DecisionSchema = type/* Type */.ZU.Union([
    type/* Type */.ZU.Literal('approved'),
    type/* Type */.ZU.Literal('denied'),
    type/* Type */.ZU.Literal('timed-out'),
    type/* Type */.ZU.Literal('cancelled'),
    type/* Type */.ZU.Literal('error'),
], {
    description: "`error`: the gate could not be run to a decision (GitHub refused the token, a team could not be read…); the report's `error` says why. Only `approved` lets a deployment go on.",
});
const IgnoredAnswerSchema = type/* Type */.ZU.Object({
    login: type/* Type */.ZU.String(),
    commentId: type/* Type */.ZU.Integer(),
    answer: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('approve'), type/* Type */.ZU.Literal('deny')]),
    reason: type/* Type */.ZU.Union([
        type/* Type */.ZU.Literal('bot'),
        type/* Type */.ZU.Literal('not-an-approver'),
        type/* Type */.ZU.Literal('initiator'),
        type/* Type */.ZU.Literal('edited'),
        type/* Type */.ZU.Literal('before-request'),
        type/* Type */.ZU.Literal('after-deadline'),
    ]),
}, { additionalProperties: false });
const ApprovalSchema = type/* Type */.ZU.Object({
    decision: DecisionSchema,
    required: type/* Type */.ZU.Integer({ minimum: 1, description: 'Approvals needed (min-approvals).' }),
    approvers: type/* Type */.ZU.Array(type/* Type */.ZU.String(), { description: 'Who approved (counted votes).' }),
    deniedBy: type/* Type */.ZU.Optional(type/* Type */.ZU.Array(type/* Type */.ZU.String(), { description: 'Who denied, when the decision is `denied`.' })),
    eligible: type/* Type */.ZU.Array(type/* Type */.ZU.String(), {
        description: 'Everyone whose answer could count (users and resolved team members).',
    }),
    initiator: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    ignored: type/* Type */.ZU.Array(IgnoredAnswerSchema, { description: 'Answers that did not count, and why.' }),
    issueNumber: type/* Type */.ZU.Optional(type/* Type */.ZU.Integer({ description: 'The request issue; absent when it was never opened.' })),
    issueUrl: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    deploymentId: type/* Type */.ZU.Optional(type/* Type */.ZU.Integer()),
    environment: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    ref: type/* Type */.ZU.String(),
    deadline: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ format: 'date-time', description: 'Absent when the wait never began.' })),
    polls: type/* Type */.ZU.Object({
        polls: Count,
        failed: type/* Type */.ZU.Integer({
            minimum: 0,
            description: 'Polls that failed (transient errors, rate limits) and were waited out.',
        }),
        requests: Count,
        notModified: type/* Type */.ZU.Integer({
            minimum: 0,
            description: 'Requests answered 304 Not Modified (free of rate limit).',
        }),
    }, { additionalProperties: false }),
}, { additionalProperties: false });
const ApproveReport = (0,schema/* stageReportSchema */.kZ)('approve', { approval: ApprovalSchema });

;// CONCATENATED MODULE: ./src/stages/approve/stage.ts


/**
 * The approve stage. Its GitHub code (team lookups, the request issue, the poll loop) loads when
 * it runs: listing the stage or refusing a bad input does not pay for it.
 */
const approveStage = {
    name: 'approve',
    reportSchema: ApproveReport,
    service: { name: 'the GitHub API' },
    readOptions: (inputs) => readApproveOptions(inputs),
    run: async (options, ctx) => (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(8), __webpack_require__.e(688)]).then(__webpack_require__.bind(__webpack_require__, 26688))).runApproveStage(options, ctx),
    // Any error that ends the run before an outcome exists still tells the workflow: not approved.
    failureOutputs: { approved: 'false', decision: 'error' },
};


/***/ }),

/***/ 57680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ DEFAULT_APPROVE_WORDS),
/* harmony export */   Pw: () => (/* binding */ DEFAULT_DENY_WORDS),
/* harmony export */   xj: () => (/* binding */ AnswerMatcher)
/* harmony export */ });
/* unused harmony export normalizeAnswer */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

const DEFAULT_APPROVE_WORDS = ['approve', 'approved', 'lgtm', 'yes'];
const DEFAULT_DENY_WORDS = ['deny', 'denied', 'no'];
/**
 * A comment or a configured word, reduced to what is compared: trimmed, inner whitespace collapsed,
 * lower-cased, trailing punctuation dropped ("LGTM!" = "lgtm", "yes." = "yes"). Words are compared
 * as plain strings, never compiled into a regular expression, so `approve.*` only matches itself.
 */
function normalizeAnswer(text) {
    return text
        .trim()
        .replace(/\s+/gu, ' ')
        .replace(/[\p{P}\s]+$/u, '')
        .toLocaleLowerCase('en-US');
}
/** Classifies a comment body: an answer only when the WHOLE text is one of the words. */
class AnswerMatcher {
    approve;
    deny;
    constructor(words) {
        this.approve = toSet(words.approve, 'approve-words');
        this.deny = toSet(words.deny, 'deny-words');
        const both = [...this.approve].filter((w) => this.deny.has(w));
        if (both.length > 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${both.join("', '")}' is both an approve word and a deny word: an answer must mean one thing`, { input: 'deny-words' });
        }
    }
    match(body) {
        if (!body)
            return undefined;
        const text = normalizeAnswer(body);
        if (this.deny.has(text))
            return 'deny';
        if (this.approve.has(text))
            return 'approve';
        return undefined;
    }
}
function toSet(words, input) {
    const set = new Set();
    for (const word of words) {
        const n = normalizeAnswer(word);
        if (n === '')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`input '${input}' contains '${word}', which is empty once punctuation is dropped`, { input });
        set.add(n);
    }
    if (set.size === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`input '${input}' must list at least one word`, { input });
    return set;
}


/***/ })

};
