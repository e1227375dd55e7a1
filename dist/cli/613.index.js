import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 613;
export const ids = [613];
export const modules = {

/***/ 8785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $H: () => (/* reexport */ assertValidReport),
  FK: () => (/* reexport */ build/* buildReport */.FK)
});

// UNUSED EXPORTS: REPORT_SCHEMA_VERSION, STAGES, baseReportSchema, runInfoFromEnv, statusOf

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __webpack_require__(1855);
;// CONCATENATED MODULE: ./src/core/report/schema.ts


/** JSON Schema of the fields every stage report has; stages may add a schema for their own keys. */
const baseReportSchema = {
    $id: 'https://shipkit.dev/schemas/report-v1.json',
    type: 'object',
    required: [
        'schemaVersion',
        'stage',
        'status',
        'summary',
        'startedAt',
        'finishedAt',
        'durationMs',
        'run',
        'gates',
        'warnings',
    ],
    properties: {
        schemaVersion: { const: types/* REPORT_SCHEMA_VERSION */.W },
        stage: { enum: [...types/* STAGES */.a] },
        status: { enum: ['pass', 'fail', 'warn'] },
        summary: { type: 'string' },
        startedAt: { type: 'string', format: 'date-time' },
        finishedAt: { type: 'string', format: 'date-time' },
        durationMs: { type: 'number', minimum: 0 },
        run: {
            type: 'object',
            additionalProperties: false,
            properties: {
                repository: { type: 'string' },
                runId: { type: 'string' },
                runAttempt: { type: 'string' },
                job: { type: 'string' },
                sha: { type: 'string' },
                ref: { type: 'string' },
                url: { type: 'string' },
                shard: { type: 'string' },
            },
        },
        gates: {
            type: 'array',
            items: {
                type: 'object',
                required: ['name', 'passed', 'required', 'actual'],
                additionalProperties: false,
                properties: {
                    name: { type: 'string', minLength: 1 },
                    passed: { type: 'boolean' },
                    required: { type: ['number', 'string', 'boolean', 'null'] },
                    actual: { type: ['number', 'string', 'boolean', 'null'] },
                    unit: { type: 'string' },
                    detail: { type: 'string' },
                },
            },
        },
        warnings: { type: 'array', items: { type: 'string' } },
    },
};
const schema_ajv = new ajv.Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map();
function compiled(schema) {
    let fn = validators.get(schema);
    if (!fn) {
        fn = schema_ajv.compile(schema);
        validators.set(schema, fn);
    }
    return fn;
}
function describe(errors) {
    return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}
/**
 * Throws when `report` does not match the base schema (and the stage's schema, if given).
 * A report that fails here is a shipkit bug, not a user mistake, so this throws a plain Error.
 */
function assertValidReport(report, stageSchema) {
    const base = compiled(baseReportSchema);
    if (!base(report))
        throw new Error(`stage report does not match its schema: ${describe(base.errors)}`);
    if (stageSchema) {
        const own = compiled(stageSchema);
        if (!own(report))
            throw new Error(`stage report does not match its stage schema: ${describe(own.errors)}`);
    }
}

// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
;// CONCATENATED MODULE: ./src/core/report/index.ts





/***/ }),

/***/ 5613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  approveCommand: () => (/* binding */ approveCommand)
});

// EXTERNAL MODULE: ./src/core/report/index.ts + 1 modules
var core_report = __webpack_require__(8785);
;// CONCATENATED MODULE: ./src/stages/approve/request.ts
/** GitHub refuses issue bodies and comments longer than this. */
const MAX_BODY_CHARS = 65_536;
function requestTitle(f) {
    return f.environment ? `Approve deployment of ${f.ref} to ${f.environment}` : `Approve ${f.ref}`;
}
function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.round(s / 60);
    if (m < 60)
        return `${m} min`;
    const h = Math.floor(m / 60);
    return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}
function utc(date) {
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
const code = (word) => `\`${word.replace(/`/g, "'")}\``;
/** Commit titles are user text: keep them from pinging people or breaking the list. */
const plain = (text) => text.replace(/@/g, '@\u200b').replace(/[\r\n]+/g, ' ');
function statusIcon(status) {
    return status === 'pass' ? '✅' : status === 'warn' ? '⚠️' : '❌';
}
function changesSection(f) {
    if (!f.environment || !f.changes)
        return [];
    const title = `### Changes since the last successful deployment to ${f.environment}`;
    const c = f.changes;
    if (c.kind === 'first-deployment')
        return [title, '', `No successful deployment to ${f.environment} was found: this is the first.`];
    if (c.kind === 'unavailable')
        return [title, '', `The commit list could not be read (${plain(c.reason)}).`];
    const { changes } = c;
    const lines = changes.commits.map((commit) => `- ${commit.sha.slice(0, 7)} ${plain(commit.title)}${commit.author ? ` (${plain(commit.author)})` : ''}`);
    const shown = changes.commits.length < changes.totalCommits ? ` (the newest ${changes.commits.length} are listed)` : '';
    return [
        title,
        '',
        `${changes.totalCommits} commit${changes.totalCommits === 1 ? '' : 's'}${shown}: [full comparison](${changes.compareUrl})`,
        '',
        ...lines,
    ];
}
function earlierSection(f) {
    if (f.earlier.length === 0)
        return [];
    return [
        '### Earlier stages in this run',
        '',
        ...f.earlier.map((s) => {
            const failed = s.failedGates.length > 0 ? ` (failed gates: ${s.failedGates.join(', ')})` : '';
            return `- ${statusIcon(s.status)} **${s.stage}** ${s.status}: ${plain(s.summary)}${failed}`;
        }),
    ];
}
/** The request issue's body: everything an approver needs to decide, and how to answer. */
function requestBody(f) {
    const target = f.environment ? ` to **${f.environment}**` : '';
    const who = f.actor ? `@${f.actor}` : 'This workflow';
    const run = f.runUrl ? ` in [this workflow run](${f.runUrl})` : '';
    const sha = f.sha && f.sha !== f.ref ? ` (${f.sha.slice(0, 12)})` : '';
    const initiator = !f.allowInitiator && f.actor ? ` @${f.actor} started this run and cannot approve it.` : '';
    const head = [
        `${who} asked to deploy ${code(f.ref)}${sha}${target}${run}.`,
        '',
        `**Approvers:** ${f.approverNames.join(', ')} (${f.eligibleCount} ${f.eligibleCount === 1 ? 'person' : 'people'})`,
        `**Needed:** ${f.required} approval${f.required === 1 ? '' : 's'}.${initiator}`,
        `**Deadline:** ${utc(f.deadline)} (${formatDuration(f.timeoutMs)} after the request). Without enough approvals by then the deployment does not happen.`,
        '',
        '### How to answer',
        '',
        `Post a **new comment** whose whole text is ${f.approveWords.map(code).join(', ')} to approve, ` +
            `or ${f.denyWords.map(code).join(', ')} to deny. One deny from an approver stops the deployment. ` +
            'Each person counts once (their latest answer). Edited comments and answers from bots or from people ' +
            'who are not approvers do not count.',
    ];
    const sections = [changesSection(f), earlierSection(f)].filter((s) => s.length > 0);
    const body = [...head, ...sections.flatMap((s) => ['', ...s])].join('\n');
    return truncate(body);
}
function truncate(text) {
    if (text.length <= MAX_BODY_CHARS)
        return text;
    const note = '\n\n… (cut to fit GitHub’s size limit; see the workflow run)';
    return text.slice(0, MAX_BODY_CHARS - note.length) + note;
}
/** `mention: false` for places where an @login would notify people again (the PR comment, the summary). */
function decisionLine(f, mention = true) {
    const mentions = (logins) => logins.map((l) => (mention ? `@${l}` : l)).join(', ');
    switch (f.decision) {
        case 'approved':
            return `✅ **Approved** by ${mentions(f.approvedBy)}. The deployment continues.`;
        case 'denied':
            return `⛔ **Denied** by ${mentions(f.deniedBy)}. The deployment does not happen.`;
        case 'timed-out':
            return (`⌛ **Timed out** after ${formatDuration(f.timeoutMs)} with ${f.approvedBy.length} of ${f.required} approvals` +
                `${f.approvedBy.length > 0 ? ` (${mentions(f.approvedBy)})` : ''}. The deployment does not happen.`);
        case 'cancelled':
            return '🚫 **Cancelled**: the workflow run was cancelled before a decision. The deployment does not happen.';
    }
}
/** The closing comment: the decision and who made it. */
function closingComment(f) {
    const run = f.runUrl ? `\n\n[Workflow run](${f.runUrl})` : '';
    return `${decisionLine(f)}${run}`;
}
function editedNote(login) {
    return (`@${login}, your answer was edited, so it does not count: an edited comment may no longer say what ` +
        'was first said. Post a new comment with your answer instead.');
}

;// CONCATENATED MODULE: ./src/stages/approve/outcome.ts


const REASONS = {
    bot: 'a bot',
    'not-an-approver': 'not an approver',
    initiator: 'started the run',
    edited: 'edited comment',
    'before-request': 'older than the request',
    'after-deadline': 'after the deadline',
};
/** Report, outputs, summary and comment of a finished gate. */
function approveOutcome(r, startedAt, run) {
    const approved = r.decision === 'approved';
    const line = decisionLine({
        decision: r.decision,
        approvedBy: r.approvedBy,
        deniedBy: r.deniedBy,
        required: r.required,
        timeoutMs: r.timeoutMs,
    }, false);
    const plainLine = line.replace(/\*\*/g, '').replace(/^\S+\s/u, '');
    const report = (0,core_report/* buildReport */.FK)({
        stage: 'approve',
        startedAt,
        run,
        summary: `${plainLine} (issue #${r.issueNumber})`,
        warnings: r.warnings,
        gates: [
            {
                name: 'approvals',
                passed: approved,
                required: r.required,
                actual: r.approvedBy.length,
                unit: 'count',
                detail: approved ? `approved by ${r.approvedBy.join(', ')}` : r.decision,
            },
        ],
        data: {
            approval: {
                decision: r.decision,
                required: r.required,
                approvers: r.approvedBy,
                ...(r.deniedBy.length > 0 ? { deniedBy: r.deniedBy } : {}),
                eligible: r.eligible,
                ...(r.initiator ? { initiator: r.initiator } : {}),
                ignored: r.ignored,
                issueNumber: r.issueNumber,
                issueUrl: r.issueUrl,
                ...(r.deploymentId !== undefined ? { deploymentId: r.deploymentId } : {}),
                ...(r.environment ? { environment: r.environment } : {}),
                ref: r.ref,
                deadline: r.deadline.toISOString(),
                polls: { polls: r.polls, failed: r.failedPolls, requests: r.feed.requests, notModified: r.feed.notModified },
            },
        },
    });
    const ignored = r.ignored.length === 0
        ? ''
        : `\n\n| Did not count | Answer | Why |\n|---|---|---|\n${r.ignored
            .map((i) => `| ${i.login} | ${i.answer} | ${REASONS[i.reason] ?? i.reason} |`)
            .join('\n')}`;
    const target = r.environment ? ` to **${r.environment}**` : '';
    const markdown = [
        `## Approval: ${r.decision}`,
        '',
        `Deploy \`${r.ref}\`${target}: ${line} ([#${r.issueNumber}](${r.issueUrl}))`,
        '',
        `Approvals: ${r.approvedBy.length} of ${r.required} needed${r.approvedBy.length > 0 ? ` (${r.approvedBy.join(', ')})` : ''}; ` +
            `${r.eligible.length} eligible approver${r.eligible.length === 1 ? '' : 's'}.`,
    ].join('\n');
    return {
        report,
        outputs: {
            approved,
            decision: r.decision,
            approvers: r.approvedBy.join(','),
            'issue-number': r.issueNumber,
            'deployment-id': r.deploymentId ?? '',
        },
        summary: [
            { markdown, priority: 0 },
            ...(ignored ? [{ markdown: ignored.trimStart(), priority: 2, label: 'answers that did not count' }] : []),
        ],
        comment: `${line} ([#${r.issueNumber}](${r.issueUrl}))`,
        annotations: approved
            ? []
            : [{ level: 'error', title: 'Deployment not approved', message: `${plainLine} (${r.issueUrl})` }],
        text: `${plainLine}\nissue: ${r.issueUrl}\n`,
    };
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/stages/approve/words.ts

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
            throw new errors/* UserError */.yo(`'${both.join("', '")}' is both an approve word and a deny word: an answer must mean one thing`, { input: 'deny-words' });
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
            throw new errors/* UserError */.yo(`input '${input}' contains '${word}', which is empty once punctuation is dropped`, { input });
        set.add(n);
    }
    if (set.size === 0)
        throw new errors/* UserError */.yo(`input '${input}' must list at least one word`, { input });
    return set;
}

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
        approveWords: approveWords.length > 0 ? approveWords : [...DEFAULT_APPROVE_WORDS],
        denyWords: denyWords.length > 0 ? denyWords : [...DEFAULT_DENY_WORDS],
        timeoutMs,
        pollIntervalMs,
        environment: inputs.string('environment'),
        ref: inputs.string('ref'),
        reports: inputs.string('reports'),
        notifyUrl,
    };
}

// EXTERNAL MODULE: ./src/core/github/octokit.ts + 21 modules
var github_octokit = __webpack_require__(6644);
;// CONCATENATED MODULE: ./src/stages/approve/votes.ts
function isBot(user) {
    return user.type === 'Bot' || user.login.toLowerCase().endsWith('[bot]');
}
/**
 * Counts the answers among the comments. One vote per person (their latest counted answer); an
 * edited comment never counts because its text may no longer be what was first said.
 */
function tally(comments, rules) {
    const since = rules.since.getTime();
    const until = rules.until?.getTime() ?? Infinity;
    const ordered = [...comments].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
    const latest = new Map();
    const ignored = [];
    for (const comment of ordered) {
        const answer = rules.matcher.match(comment.body);
        if (!answer || !comment.user)
            continue;
        const login = comment.user.login;
        const key = login.toLowerCase();
        const skip = (reason) => void ignored.push({ login, commentId: comment.id, answer, reason });
        if (isBot(comment.user))
            skip('bot');
        else if (Date.parse(comment.created_at) < since)
            skip('before-request');
        else if (Date.parse(comment.created_at) > until)
            skip('after-deadline');
        else if (!rules.eligible.has(key))
            skip('not-an-approver');
        else if (!rules.allowInitiator && rules.initiator !== undefined && key === rules.initiator.toLowerCase())
            skip('initiator');
        else if (comment.updated_at !== comment.created_at)
            skip('edited');
        else {
            latest.delete(key); // re-insert so the map keeps the order votes were last cast in
            latest.set(key, {
                login: rules.eligible.get(key) ?? login,
                answer,
                commentId: comment.id,
                at: comment.created_at,
            });
        }
    }
    const votes = [...latest.values()];
    return {
        votes,
        approvedBy: votes.filter((v) => v.answer === 'approve').map((v) => v.login),
        deniedBy: votes.filter((v) => v.answer === 'deny').map((v) => v.login),
        ignored,
    };
}
/** Any counted deny ends the gate; otherwise it passes at `required` approvals. */
function verdict(t, required) {
    if (t.deniedBy.length > 0)
        return 'denied';
    if (t.approvedBy.length >= required)
        return 'approved';
    return 'pending';
}

;// CONCATENATED MODULE: ./src/stages/approve/approvers.ts



/** GitHub accepts at most 10 assignees on an issue. */
const MAX_ASSIGNEES = 10;
function describeApprover(entry) {
    return entry.kind === 'user' ? `@${entry.login}` : `@${entry.org}/${entry.slug}`;
}
/** Resolves users and org teams into the set of logins whose answers count. */
async function resolveApprovers(octokit, entries) {
    const eligible = new Map();
    const teams = new Map();
    const add = (login) => {
        if (!eligible.has(login.toLowerCase()))
            eligible.set(login.toLowerCase(), login);
    };
    for (const entry of entries)
        if (entry.kind === 'user')
            add(entry.login);
    for (const entry of entries) {
        if (entry.kind !== 'team')
            continue;
        const name = `${entry.org}/${entry.slug}`;
        let members;
        try {
            members = await octokit.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
                org: entry.org,
                team_slug: entry.slug,
                per_page: 100,
            });
        }
        catch (error) {
            const status = (0,github_octokit/* httpStatus */.nG)(error);
            if (status === 403 || status === 404) {
                throw new errors/* UserError */.yo(`cannot list the members of team '${name}' (HTTP ${status}): the team does not exist or github-token cannot ` +
                    `read it. Team approvers need a token with the organization permission "Members: read" (a fine-grained ` +
                    `token or a GitHub App token); the workflow's GITHUB_TOKEN cannot read team membership.`, { input: 'approvers' }, { cause: error });
            }
            throw error;
        }
        const humans = members.filter((m) => !isBot(m)).map((m) => m.login);
        teams.set(name, humans);
        humans.forEach(add);
    }
    return { eligible, teams, assignees: [...eligible.values()].slice(0, MAX_ASSIGNEES) };
}

;// CONCATENATED MODULE: ./src/stages/approve/changes.ts

const MAX_LISTED_COMMITS = 50;
/** Deployments examined when looking for the last successful one (newest first). */
const MAX_DEPLOYMENTS_SCANNED = 30;
/**
 * The newest deployment to `environment` whose latest status is `success`; `none` when the
 * environment has none at all, `older` when none of the newest MAX_DEPLOYMENTS_SCANNED has (an older
 * one may: reading further would cost a request per deployment).
 */
async function lastSuccessfulDeployment(r, environment) {
    const { data: deployments } = await r.octokit.request('GET /repos/{owner}/{repo}/deployments', {
        owner: r.owner,
        repo: r.repo,
        environment,
        per_page: MAX_DEPLOYMENTS_SCANNED,
    });
    for (const deployment of deployments) {
        const { data: statuses } = await r.octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
            owner: r.owner,
            repo: r.repo,
            deployment_id: Number(deployment.id),
            per_page: 1,
        });
        if (statuses[0]?.state === 'success')
            return { sha: deployment.sha };
    }
    return deployments.length < MAX_DEPLOYMENTS_SCANNED ? 'none' : 'older';
}
/**
 * What this deployment would ship: the commits between the last successful deployment to the
 * environment and `head`. Never fatal: the request is still useful without the list.
 */
async function changesSinceLastDeployment(r, environment, head) {
    try {
        const last = await lastSuccessfulDeployment(r, environment);
        if (last === 'none')
            return { kind: 'first-deployment' };
        if (last === 'older') {
            return {
                kind: 'unavailable',
                reason: `none of the newest ${MAX_DEPLOYMENTS_SCANNED} deployments to ${environment} succeeded`,
            };
        }
        const { data } = await r.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
            owner: r.owner,
            repo: r.repo,
            basehead: `${last.sha}...${head}`,
        });
        const commits = data.commits.slice(-MAX_LISTED_COMMITS).map((c) => ({
            sha: c.sha,
            title: (c.commit.message.split('\n')[0] ?? '').trim(),
            author: c.author?.login ?? c.commit.author?.name ?? undefined,
        }));
        return {
            kind: 'changes',
            changes: {
                base: last.sha,
                head,
                totalCommits: data.total_commits,
                commits: commits.reverse(),
                compareUrl: `${r.serverUrl}/${r.owner}/${r.repo}/compare/${last.sha}...${head}`,
            },
        };
    }
    catch (error) {
        return { kind: 'unavailable', reason: (0,errors/* errorMessage */.gJ)(error) };
    }
}

;// CONCATENATED MODULE: ./src/stages/approve/clock.ts
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
    }),
};

;// CONCATENATED MODULE: ./src/stages/approve/comment-feed.ts

const PER_PAGE = 100;
/**
 * Reads ALL comments of an issue, every page, with conditional requests: each page's ETag is sent
 * back as If-None-Match, and GitHub answers 304 (free of rate limit) while the page is unchanged.
 * `octokit.paginate` cannot send a per-page ETag, hence the explicit page loop.
 */
class CommentFeed {
    octokit;
    issue;
    pages = new Map();
    stats = { requests: 0, notModified: 0 };
    constructor(octokit, issue) {
        this.octokit = octokit;
        this.issue = issue;
    }
    async fetchAll(signal) {
        const all = [];
        // Bounded (100 000 comments) so a server that always links a next page cannot loop forever.
        for (let page = 1; page <= 1000; page++) {
            const cached = this.pages.get(page);
            const current = await this.fetchPage(page, cached, signal);
            this.pages.set(page, current);
            all.push(...current.comments);
            if (!current.hasNext) {
                for (const key of [...this.pages.keys()])
                    if (key > page)
                        this.pages.delete(key);
                break;
            }
        }
        return all;
    }
    async fetchPage(page, cached, signal) {
        this.stats.requests++;
        try {
            const response = await this.octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                owner: this.issue.owner,
                repo: this.issue.repo,
                issue_number: this.issue.issueNumber,
                per_page: PER_PAGE,
                page,
                headers: cached?.etag ? { 'if-none-match': cached.etag } : {},
                request: signal ? { signal } : {},
            });
            const link = response.headers.link ?? '';
            return {
                etag: response.headers.etag,
                comments: response.data,
                hasNext: /rel="next"/.test(link),
            };
        }
        catch (error) {
            if ((0,github_octokit/* httpStatus */.nG)(error) === 304 && cached) {
                this.stats.notModified++;
                return cached;
            }
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ./src/stages/approve/deployment.ts


/**
 * Creates the deployment record the environment page shows. No auto-merge and no required status
 * contexts: the gate only records the deployment, it does not decide what may be deployed.
 */
async function createDeployment(r, ref, environment, description) {
    try {
        const response = await r.octokit.request('POST /repos/{owner}/{repo}/deployments', {
            owner: r.owner,
            repo: r.repo,
            ref,
            environment,
            description,
            auto_merge: false,
            required_contexts: [],
        });
        if (!('id' in response.data))
            throw new Error(`GitHub did not create the deployment: ${response.data.message ?? ''}`);
        return Number(response.data.id);
    }
    catch (error) {
        const status = (0,github_octokit/* httpStatus */.nG)(error);
        if (status === 403 || status === 404 || status === 422 || status === 409) {
            throw new errors/* UserError */.yo(`cannot create a deployment of '${ref}' to '${environment}' (HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(error)}). ` +
                'The ref must exist and github-token needs deployments: write.', { input: 'environment' }, { cause: error });
        }
        throw error;
    }
}
async function setDeploymentState(r, deploymentId, state, description, logUrl) {
    await r.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner: r.owner,
        repo: r.repo,
        deployment_id: deploymentId,
        state,
        // GitHub refuses descriptions over 140 characters.
        description: description.slice(0, 140),
        ...(logUrl ? { log_url: logUrl } : {}),
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/stages/approve/earlier-reports.ts





const MAX_FILES = 50;
const MAX_BYTES = 5 * 1024 * 1024;
/**
 * The reports earlier shipkit stages wrote in this job, so approvers see test, scan and smoke
 * results next to the request. Files that are not stage reports are skipped with a warning.
 */
async function readEarlierReports(pattern, cwd, warn) {
    const absolute = external_node_path_default().resolve(cwd, pattern).split((external_node_path_default()).sep).join('/');
    const { base, isGlob } = picomatch_default().scan(absolute);
    const isMatch = picomatch_default()(absolute, { dot: true });
    let candidates;
    try {
        if (!isGlob) {
            const info = await (0,promises_.stat)(absolute);
            candidates = info.isDirectory()
                ? (await (0,promises_.readdir)(absolute)).filter((f) => f.endsWith('.json')).map((f) => external_node_path_default().join(absolute, f))
                : [absolute];
        }
        else {
            const entries = await (0,promises_.readdir)(base, { recursive: true });
            candidates = entries.map((f) => external_node_path_default().join(base, f).split((external_node_path_default()).sep).join('/')).filter((f) => isMatch(f));
        }
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        warn(`cannot read the earlier stage reports at ${pattern}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return [];
    }
    const stages = [];
    for (const file of candidates.sort().slice(0, MAX_FILES)) {
        try {
            const info = await (0,promises_.stat)(file);
            if (!info.isFile() || info.size > MAX_BYTES)
                continue;
            const report = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
            (0,core_report/* assertValidReport */.$H)(report);
            if (report.stage === 'approve')
                continue;
            stages.push({
                file,
                stage: report.stage,
                status: report.status,
                summary: report.summary,
                failedGates: report.gates.filter((g) => !g.passed).map((g) => g.name),
            });
        }
        catch (error) {
            warn(`${file} is not a shipkit stage report, left out of the request: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    return stages;
}

;// CONCATENATED MODULE: ./src/stages/approve/notify.ts

const NOTIFY_TIMEOUT_MS = 10_000;
/**
 * Posts `{ text }` to a Slack-compatible incoming webhook. A notification is a courtesy, never
 * part of the decision: a failure is returned as a warning, not thrown.
 */
async function notify(url, text) {
    try {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text }),
            signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
        });
        await response.arrayBuffer();
        if (!response.ok)
            return `the notify-url webhook answered HTTP ${response.status}`;
        return undefined;
    }
    catch (error) {
        // The URL carries the webhook's secret: never repeat it.
        return `the notify-url webhook could not be reached: ${(0,errors/* errorMessage */.gJ)(error)}`;
    }
}

;// CONCATENATED MODULE: ./src/stages/approve/token-expiry.ts

/** GitHub App installation tokens (`ghs_`) expire one hour after they are created. */
const APP_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
/**
 * The rule for warning that the token may die before the deadline:
 * 1. When GitHub says when the token expires (the `github-authentication-token-expiration` response
 *    header, sent for tokens with an expiry) and that is before the deadline: warn with the time.
 * 2. Otherwise, when the token is an installation token (`ghs_`) and the timeout is longer than an
 *    hour: warn that it may expire. The job's own GITHUB_TOKEN is also `ghs_` but lives until the
 *    job ends, and the two cannot be told apart from the token, so the warning says so.
 * Other tokens (classic or fine-grained PATs without that header) are not warned about.
 */
function tokenExpiryWarning(opts) {
    if (opts.expiresHeader) {
        const expires = Date.parse(opts.expiresHeader.replace(/ UTC$/, 'Z').replace(' ', 'T'));
        if (Number.isFinite(expires) && expires < opts.deadline) {
            return (`github-token expires at ${new Date(expires).toISOString()}, before the approval deadline ` +
                `${new Date(opts.deadline).toISOString()}: polling will fail then and the gate will fail closed. ` +
                'Use a token that outlives the timeout, or a shorter timeout.');
        }
        if (Number.isFinite(expires))
            return undefined;
    }
    if (opts.token?.startsWith('ghs_') && opts.timeoutMs > APP_TOKEN_LIFETIME_MS) {
        return (`timeout is ${formatDuration(opts.timeoutMs)}, but github-token is a GitHub App installation token: ` +
            'one made by an app (e.g. actions/create-github-app-token) expires 1 hour after it was created, and the gate ' +
            'then fails closed. The job’s own GITHUB_TOKEN lasts until the job ends, so ignore this if you use it.');
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/stages/approve/wait.ts



/** How long the poll at the deadline may take before the gate stops waiting for GitHub. */
const DEADLINE_GRACE_MS = 30_000;
const STOPPED = Symbol('stopped');
/**
 * `work`, unless the run is cancelled or `ms` pass first. The client's own retries and rate-limit
 * waits are not cancellable (a rate-limit wait can last minutes), so neither a cancellation nor the
 * deadline may depend on them finishing.
 */
function unlessStopped(work, ms, signal) {
    return new Promise((resolve, reject) => {
        const stop = () => {
            cleanup();
            resolve(STOPPED);
        };
        const timer = setTimeout(stop, Math.max(0, ms));
        const cleanup = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', stop);
        };
        signal.addEventListener('abort', stop, { once: true });
        work.then((value) => {
            cleanup();
            resolve(value);
        }, (error) => {
            cleanup();
            reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
}
const EMPTY = { votes: [], approvedBy: [], deniedBy: [], ignored: [] };
/**
 * Statuses that no amount of waiting fixes: the token expired or lost access (401, 403 without a
 * rate limit), or the issue is gone (404, 410). Everything else (5xx after the client's own
 * retries, network errors, rate limits that outlast the client's retries) is transient.
 */
function isFatalPollError(error) {
    const status = (0,github_octokit/* httpStatus */.nG)(error);
    if (status === undefined || status >= 500 || status === 429)
        return false;
    if (status === 403 && isRateLimit(error))
        return false;
    return status >= 400;
}
function header(error, name) {
    const headers = error.response?.headers;
    return headers?.[name];
}
function isRateLimit(error) {
    return (header(error, 'retry-after') !== undefined ||
        header(error, 'x-ratelimit-remaining') === '0' ||
        /rate limit/i.test((0,errors/* errorMessage */.gJ)(error)));
}
/** How long a rate-limited poll asks us to stay away, in ms (0 when it says nothing). */
function retryAfterMs(error, now) {
    const after = Number(header(error, 'retry-after'));
    if (Number.isFinite(after) && after > 0)
        return after * 1000;
    const reset = Number(header(error, 'x-ratelimit-reset'));
    if (header(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset))
        return Math.max(0, reset * 1000 - now);
    return 0;
}
/**
 * Polls until a decision, the deadline or cancellation. A failed poll is never a decision: it is
 * logged and retried at the next interval (or after the server's retry-after); only the deadline
 * ends the wait, as timed out, so the gate fails closed. The last poll happens AT the deadline,
 * so an answer given just before it still counts.
 */
async function waitForDecision(o) {
    let tally = EMPTY;
    let polls = 0;
    let failedPolls = 0;
    let lastError;
    const result = (decision) => ({ decision, tally, polls, failedPolls, lastError });
    for (;;) {
        if (o.signal.aborted)
            return result('cancelled');
        let pause = o.intervalMs;
        polls++;
        const poll = new AbortController();
        const stopPoll = () => poll.abort();
        o.signal.addEventListener('abort', stopPoll, { once: true });
        try {
            const budget = o.deadline - o.clock.now() + (o.graceMs ?? DEADLINE_GRACE_MS);
            const comments = await unlessStopped(o.fetchComments(poll.signal), budget, o.signal);
            if (comments === STOPPED) {
                if (o.signal.aborted)
                    return result('cancelled');
                poll.abort(); // the answer came too late to matter: drop the request
                lastError = 'GitHub did not answer the poll at the deadline';
                failedPolls++;
                return result('timed-out');
            }
            tally = o.count(comments);
            const v = verdict(tally, o.required);
            if (v !== 'pending')
                return result(v);
            await o.afterPoll?.(tally);
        }
        catch (error) {
            if (o.signal.aborted)
                return result('cancelled');
            if (isFatalPollError(error)) {
                throw new errors/* UserError */.yo(`reading the approval comments failed with HTTP ${(0,github_octokit/* httpStatus */.nG)(error)}: ${(0,errors/* errorMessage */.gJ)(error)}. ` +
                    `The token may have expired or lost access to the issue (it needs issues: write).`, { input: 'github-token' }, { cause: error });
            }
            failedPolls++;
            lastError = (0,errors/* errorMessage */.gJ)(error);
            pause = Math.max(pause, retryAfterMs(error, o.clock.now()));
            o.logger.warning(`polling the approval comments failed (${(0,github_octokit/* httpStatus */.nG)(error) ?? 'network error'}: ${lastError}); ` +
                `not a decision, trying again in ${Math.round(pause / 1000)}s`);
        }
        finally {
            o.signal.removeEventListener('abort', stopPoll);
        }
        const remaining = o.deadline - o.clock.now();
        if (remaining <= 0)
            return result('timed-out');
        await o.clock.sleep(Math.min(pause, remaining), o.signal);
    }
}

;// CONCATENATED MODULE: ./src/stages/approve/run.ts













/** Where earlier stages' reports are, when `reports` is not given: the runner's shipkit report directory. */
function defaultReportsGlob(env) {
    return env.RUNNER_TEMP ? `${env.RUNNER_TEMP}/shipkit/reports/*.json` : undefined;
}
function requireGitHub(ctx) {
    if (!ctx.github) {
        throw new errors/* UserError */.yo('approve needs the GitHub API: set github-token (for the CLI, GITHUB_TOKEN and GITHUB_REPOSITORY)', { input: 'github-token' });
    }
    return ctx.github;
}
function checkReachable(options, resolved, initiator) {
    const voters = [...resolved.eligible.keys()].filter((login) => options.allowInitiator || initiator === undefined || login !== initiator.toLowerCase());
    if (voters.length < options.minApprovals) {
        const without = options.allowInitiator || !initiator ? '' : ` once @${initiator}, who started the run, is left out`;
        throw new errors/* UserError */.yo(`min-approvals is ${options.minApprovals}, but only ${voters.length} approver${voters.length === 1 ? ' is' : 's are'} ` +
            `left${without}: the gate could never pass`, { input: 'min-approvals' });
    }
}
async function tokenInfo(gh) {
    const auth = (await gh.octokit.auth());
    return auth.token;
}
/** Runs the gate: request, wait, close. Returns the decision; never returns `approved` by default. */
async function runApprove(options, ctx, deps = { clock: systemClock }) {
    const gh = requireGitHub(ctx);
    const { logger, signal } = ctx;
    const { clock } = deps;
    const warnings = [];
    const warn = (message) => {
        warnings.push(message);
        logger.warning(message);
    };
    const matcher = new AnswerMatcher({ approve: options.approveWords, deny: options.denyWords });
    const initiator = gh.actor ?? ctx.env.GITHUB_ACTOR;
    const ref = options.ref ?? gh.sha ?? ctx.env.GITHUB_SHA;
    if (!ref)
        throw new errors/* UserError */.yo('ref is required outside a workflow run (no GITHUB_SHA)', { input: 'ref' });
    const repo = { octokit: gh.octokit, owner: gh.owner, repo: gh.repo, serverUrl: gh.serverUrl };
    const runUrl = ctx.run.url;
    const resolved = await logger.group('Resolving approvers', () => resolveApprovers(gh.octokit, options.approvers));
    checkReachable(options, resolved, initiator);
    logger.info(`${resolved.eligible.size} people may answer; ${options.minApprovals} approval(s) needed`);
    let changes;
    if (options.environment)
        changes = await changesSinceLastDeployment(repo, options.environment, ref);
    if (changes?.kind === 'unavailable')
        warn(`the commits since the last deployment could not be listed: ${changes.reason}`);
    const reportsGlob = options.reports ?? defaultReportsGlob(ctx.env);
    const earlier = reportsGlob ? await readEarlierReports(reportsGlob, ctx.cwd, warn) : [];
    if (signal.aborted)
        throw new errors/* UserError */.yo('the run was cancelled before the approval was requested');
    let deploymentId;
    if (options.environment) {
        deploymentId = await createDeployment(repo, ref, options.environment, 'shipkit approve: waiting for approval');
        logger.info(`deployment ${deploymentId} created for ${ref} in ${options.environment}`);
    }
    const deploymentState = async (state, description) => {
        if (deploymentId === undefined)
            return;
        try {
            await setDeploymentState(repo, deploymentId, state, description, runUrl);
        }
        catch (error) {
            warn(`could not mark deployment ${deploymentId} as ${state}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    };
    const startedAt = clock.now();
    const deadline = new Date(startedAt + options.timeoutMs);
    const title = requestTitle({ environment: options.environment, ref });
    const body = requestBody({
        environment: options.environment,
        ref,
        sha: gh.sha,
        actor: initiator,
        runUrl,
        approverNames: options.approvers.map(describeApprover),
        eligibleCount: resolved.eligible.size,
        required: options.minApprovals,
        allowInitiator: options.allowInitiator,
        approveWords: options.approveWords,
        denyWords: options.denyWords,
        deadline,
        timeoutMs: options.timeoutMs,
        changes,
        earlier,
    });
    const issue = await createIssue(gh, title, body, resolved.assignees, warn, deploymentState);
    logger.info(`approval requested in ${issue.url}`);
    const expiry = tokenExpiryWarning({
        token: await tokenInfo(gh),
        expiresHeader: issue.tokenExpires,
        now: clock.now(),
        deadline: deadline.getTime(),
        timeoutMs: options.timeoutMs,
    });
    if (expiry)
        warn(expiry);
    await deploymentState('queued', `Waiting for approval in issue #${issue.number}`);
    const where = options.environment ? ` to ${options.environment}` : '';
    const notifyText = async (text) => {
        if (!options.notifyUrl)
            return;
        const problem = await notify(options.notifyUrl, text);
        if (problem)
            warn(problem);
    };
    await notifyText(`Approval needed: deploy ${ref}${where} (${options.minApprovals} of ${options.approvers.map(describeApprover).join(', ')}; ` +
        `deadline in ${formatDuration(options.timeoutMs)}). Answer in ${issue.url}`);
    const feed = new CommentFeed(gh.octokit, { owner: gh.owner, repo: gh.repo, issueNumber: issue.number });
    const noted = new Set();
    const comment = (text) => gh.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: gh.owner,
        repo: gh.repo,
        issue_number: issue.number,
        body: text,
    });
    const count = (comments) => tally(comments, {
        matcher,
        eligible: resolved.eligible,
        initiator,
        allowInitiator: options.allowInitiator,
        since: new Date(issue.createdAt),
        until: deadline,
    });
    const noteEdited = async (t) => {
        for (const answer of t.ignored) {
            if (answer.reason !== 'edited' || noted.has(answer.commentId))
                continue;
            noted.add(answer.commentId);
            logger.info(`@${answer.login}'s comment ${answer.commentId} was edited: it does not count`);
            try {
                await comment(editedNote(answer.login));
            }
            catch (error) {
                warn(`could not post the note about @${answer.login}'s edited comment: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
    };
    let waited;
    try {
        waited = await waitForDecision({
            fetchComments: (s) => feed.fetchAll(s),
            count,
            afterPoll: noteEdited,
            required: options.minApprovals,
            deadline: deadline.getTime(),
            intervalMs: options.pollIntervalMs,
            clock,
            signal,
            logger,
        });
    }
    catch (error) {
        // Fail closed, and leave no request open behind us.
        await closeIssue(gh, issue.number, `❌ **Failed**: ${(0,errors/* errorMessage */.gJ)(error)} The deployment does not happen.`, false, warn);
        await deploymentState('failure', 'The approval gate failed');
        throw error;
    }
    const { decision } = waited;
    const final = waited.tally;
    if (waited.failedPolls > 0)
        warn(`${waited.failedPolls} poll(s) failed and were retried (last error: ${waited.lastError ?? ''})`);
    logger.info(`decision: ${decision} after ${waited.polls} poll(s)`);
    const facts = {
        decision,
        approvedBy: final.approvedBy,
        deniedBy: final.deniedBy,
        required: options.minApprovals,
        timeoutMs: options.timeoutMs,
        runUrl,
    };
    await closeIssue(gh, issue.number, closingComment(facts), decision === 'approved', warn);
    await deploymentState(decision === 'approved' ? 'in_progress' : 'failure', decision === 'approved' ? `Approved by ${final.approvedBy.join(', ')}` : `Not approved: ${decision}`);
    await notifyText(`${decisionLine(facts).replace(/\*\*/g, '*')} Deploy ${ref}${where}: ${issue.url}`);
    return {
        decision,
        required: options.minApprovals,
        approvedBy: final.approvedBy,
        deniedBy: final.deniedBy,
        ignored: final.ignored,
        eligible: [...resolved.eligible.values()],
        initiator,
        environment: options.environment,
        ref,
        issueNumber: issue.number,
        issueUrl: issue.url,
        deploymentId,
        deadline,
        timeoutMs: options.timeoutMs,
        polls: waited.polls,
        failedPolls: waited.failedPolls,
        feed: feed.stats,
        warnings,
    };
}
async function createIssue(gh, title, body, assignees, warn, deploymentState) {
    const create = (withAssignees) => gh.octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner: gh.owner,
        repo: gh.repo,
        title,
        body,
        assignees: withAssignees,
    });
    try {
        let response;
        try {
            response = await create(assignees);
        }
        catch (error) {
            // 422: someone on the list cannot be assigned (no access to the repository). Ask anyway.
            if (error.status !== 422 || assignees.length === 0)
                throw error;
            warn(`could not assign ${assignees.map((a) => `@${a}`).join(', ')} to the request: ${(0,errors/* errorMessage */.gJ)(error)}`);
            response = await create([]);
        }
        return {
            number: response.data.number,
            url: response.data.html_url,
            createdAt: response.data.created_at,
            tokenExpires: response.headers['github-authentication-token-expiration'],
        };
    }
    catch (error) {
        await deploymentState('failure', 'The approval request could not be created');
        const status = error.status;
        if (status === 403 || status === 404 || status === 410) {
            throw new errors/* UserError */.yo(`cannot open the approval issue (HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(error)}): github-token needs issues: write ` +
                'and the repository must have issues enabled', { input: 'github-token' }, { cause: error });
        }
        throw error;
    }
}
/** Posts the closing comment, then closes the issue. Failures are warnings: the decision stands. */
async function closeIssue(gh, issueNumber, text, completed, warn) {
    const target = { owner: gh.owner, repo: gh.repo, issue_number: issueNumber };
    try {
        await gh.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...target, body: text });
    }
    catch (error) {
        warn(`could not post the decision on issue #${issueNumber}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    try {
        await gh.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            ...target,
            state: 'closed',
            state_reason: completed ? 'completed' : 'not_planned',
        });
    }
    catch (error) {
        warn(`could not close issue #${issueNumber}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/stages/approve/command.ts



const flag = (description) => ({ type: 'string', description });
const approveCommand = {
    name: 'approve',
    summary: 'open an approval issue and wait until enough approvers answer (fails unless approved)',
    flags: {
        approvers: { ...flag('LIST  users and org/teams who may approve'), multiple: true },
        'min-approvals': flag('N  approvals needed (default 1)'),
        'allow-initiator': { type: 'boolean', description: 'let the person who started the run approve it' },
        environment: flag('NAME  deployment environment (creates a deployment record)'),
        ref: flag('REF  what is deployed (default: GITHUB_SHA)'),
        timeout: flag('DURATION  how long to wait, e.g. 30m, 2h (default 1h)'),
        'poll-interval': flag('DURATION  how often to read the answers (default 30s)'),
        'approve-words': flag('LIST  answers that approve (default approve, approved, lgtm, yes)'),
        'deny-words': flag('LIST  answers that deny (default deny, denied, no)'),
        reports: flag('GLOB  earlier shipkit stage reports to summarise in the request'),
        'notify-url': flag('URL  Slack-compatible incoming webhook'),
    },
    // An arrow, not a method: the action entry passes `approveCommand.run` on its own.
    run: async (inputs, ctx) => {
        const startedAt = new Date();
        const options = readApproveOptions(inputs);
        const result = await runApprove(options, ctx);
        return approveOutcome(result, startedAt, ctx.run);
    },
};


/***/ })

};
