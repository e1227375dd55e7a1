import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 688;
export const ids = [688];
export const modules = {

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

/***/ 26688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultReportsGlob: () => (/* binding */ defaultReportsGlob),
  runApprove: () => (/* binding */ runApprove),
  runApproveStage: () => (/* binding */ runApproveStage)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/github/octokit.ts
var github_octokit = __webpack_require__(51434);
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
            if (status === 401 || status === 403 || status === 404) {
                // A setting to fix, not a wait to sit out: the gate ends as `error`, failed closed.
                throw new errors/* ServiceError */._7(`cannot list the members of team '${name}' (HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]})`, 'The team may not exist, or github-token cannot read it: team approvers need a token with the organization ' +
                    'permission "Members: read" (a fine-grained token or a GitHub App token); the workflow\'s GITHUB_TOKEN ' +
                    'cannot read team membership.', 'approvers', { cause: error });
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

;// CONCATENATED MODULE: ./src/stages/approve/direct-request.ts
/**
 * Per-request options that send a request with the client's authentication and nothing else: no
 * retry plugin (it backs off 1, 4, 9 s on a 5xx) and no throttling plugin (it waits out a
 * `retry-after` of any length before it answers). Both wait in timers nobody can cancel; a caller
 * that handles failures and rate limits itself (approve's poll loop) uses this instead, so that
 * nothing of its requests is left pending once it has decided.
 *
 * `request.hook` is @octokit/request's documented per-request hook; the token's own hook
 * (`octokit.auth.hook`) sets the Authorization header exactly as the client does.
 */
function withoutClientWaits(octokit) {
    const auth = octokit.auth;
    if (typeof auth.hook !== 'function')
        return {};
    const authHook = auth.hook;
    return { hook: (request, options) => authHook(request, options) };
}

;// CONCATENATED MODULE: ./src/stages/approve/comment-feed.ts


const PER_PAGE = 100;
/**
 * Reads ALL comments of an issue, every page, with conditional requests: each page's ETag is sent
 * back as If-None-Match, and GitHub answers 304 (free of rate limit) while the page is unchanged.
 * `octokit.paginate` cannot send a per-page ETag, hence the explicit page loop. A failed page
 * fails the read at once (no retries, no rate-limit waits in the client): the caller decides.
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
                // The poll loop waits out failures and rate limits itself, in a sleep a decision or a
                // cancellation cuts short; the client's own waits could not be cut, and kept the process
                // alive after the decision until a retry-after ran out.
                request: { ...withoutClientWaits(this.octokit), ...(signal ? { signal } : {}) },
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

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
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
        if (status === 422 || status === 409) {
            throw new errors/* UserError */.yo(`cannot create a deployment of '${ref}' to '${environment}' (HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}): ` +
                'the ref must exist in the repository', { input: 'ref' }, { cause: error });
        }
        if (status === 403 || status === 404) {
            throw new errors/* ServiceError */._7(`cannot create a deployment of '${ref}' to '${environment}' (HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]})`, 'github-token needs deployments: write.', 'github-token', { cause: error });
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
        description: (0,core_text/* cut */.Jj)(description, 140),
        ...(logUrl ? { log_url: logUrl } : {}),
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/core/report/schema.ts + 1 modules
var schema = __webpack_require__(25670);
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
            const parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
            (0,schema/* assertReportMatches */.w2)(schema/* BaseReportSchema */.bP, parsed);
            const report = parsed;
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

;// CONCATENATED MODULE: ./src/stages/approve/issue.ts


/** Opens the request issue, assigned to the approvers (or, if some cannot be assigned, to nobody). */
async function createIssue(gh, title, body, assignees, warn) {
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
            if ((0,github_octokit/* httpStatus */.nG)(error) !== 422 || assignees.length === 0)
                throw error;
            warn(`could not assign ${assignees.map((a) => `@${a}`).join(', ')} to the request: ${(0,errors/* errorMessage */.gJ)(error)}`);
            response = await create([]);
        }
        return {
            number: response.data.number,
            url: response.data.html_url,
            createdAt: response.data.created_at,
            ...(typeof response.headers['github-authentication-token-expiration'] === 'string'
                ? { tokenExpires: response.headers['github-authentication-token-expiration'] }
                : {}),
        };
    }
    catch (error) {
        const status = (0,github_octokit/* httpStatus */.nG)(error);
        if (status === 403 || status === 404 || status === 410) {
            throw new errors/* ServiceError */._7(`cannot open the approval issue (HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]})`, 'github-token needs issues: write, and the repository must have issues enabled.', 'github-token', { cause: error });
        }
        throw error;
    }
}
async function postComment(gh, issueNumber, body) {
    await gh.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: gh.owner,
        repo: gh.repo,
        issue_number: issueNumber,
        body,
    });
}
/** Posts the closing comment, then closes the issue. Failures are warnings: the decision stands. */
async function closeIssue(gh, issueNumber, text, completed, warn) {
    try {
        await postComment(gh, issueNumber, text);
    }
    catch (error) {
        warn(`could not post the decision on issue #${issueNumber}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    try {
        await gh.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            owner: gh.owner,
            repo: gh.repo,
            issue_number: issueNumber,
            state: 'closed',
            state_reason: completed ? 'completed' : 'not_planned',
        });
    }
    catch (error) {
        warn(`could not close issue #${issueNumber}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

// EXTERNAL MODULE: ./src/core/notify.ts
var notify = __webpack_require__(85074);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __webpack_require__(71855);
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
/** The decision in one plain line, without @-mentions (the comment and summary must not notify anyone again). */
function decisionText(r) {
    if (r.decision === 'error')
        return `Failed closed: ${r.error?.message ?? 'the gate could not be run'}. The deployment does not happen.`;
    const line = decisionLine({
        decision: r.decision,
        approvedBy: r.approvedBy,
        deniedBy: r.deniedBy,
        required: r.required,
        timeoutMs: r.timeoutMs,
    }, false);
    return line.replace(/\*\*/g, '').replace(/^\S+\s/u, '');
}
function approvalsGate(r) {
    const approved = r.decision === 'approved';
    return {
        name: 'approvals',
        passed: approved,
        required: r.required,
        actual: r.approvedBy.length,
        unit: 'count',
        detail: approved ? `approved by ${r.approvedBy.join(', ')}` : r.decision,
    };
}
function approveReport(r, startedAt, run) {
    const finishedAt = new Date();
    const gates = [approvalsGate(r)];
    const summary = `${decisionText(r)}${r.issue ? ` (issue #${r.issue.number})` : ''}`;
    return {
        schemaVersion: types/* REPORT_SCHEMA_VERSION */.W,
        stage: 'approve',
        status: (0,build/* statusOf */.c2)(gates, r.warnings),
        summary,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
        run,
        gates,
        warnings: r.warnings,
        ...(r.error ? { error: { kind: 'service', ...r.error } } : {}),
        approval: {
            decision: r.decision,
            required: r.required,
            approvers: r.approvedBy,
            ...(r.deniedBy.length > 0 ? { deniedBy: r.deniedBy } : {}),
            eligible: r.eligible,
            ...(r.initiator ? { initiator: r.initiator } : {}),
            ignored: r.ignored,
            ...(r.issue ? { issueNumber: r.issue.number, issueUrl: r.issue.url } : {}),
            ...(r.deploymentId !== undefined ? { deploymentId: r.deploymentId } : {}),
            ...(r.environment ? { environment: r.environment } : {}),
            ref: r.ref,
            ...(r.deadline ? { deadline: r.deadline.toISOString() } : {}),
            polls: { polls: r.polls, failed: r.failedPolls, requests: r.feed.requests, notModified: r.feed.notModified },
        },
    };
}
/** `Deploy v1.4 to production: 1 of 2 approvals (alice); 3 eligible. Request: #12.` */
function facts(r) {
    const to = r.environment ? ` to ${(0,markdown/* escapeText */.X1)(r.environment)}` : '';
    const who = r.approvedBy.length > 0 ? ` (${(0,markdown/* escapeText */.X1)(r.approvedBy.join(', '))})` : '';
    const request = r.issue ? ` Request: ${(0,markdown/* link */.nf)(`#${r.issue.number}`, r.issue.url)}.` : ' No request was opened.';
    return (`Deploy ${(0,markdown/* code */.aY)(r.ref)}${to}: ${r.approvedBy.length} of ${r.required} approvals${who}; ` +
        `${r.eligible.length} eligible approver${r.eligible.length === 1 ? '' : 's'}.${request}`);
}
function ignoredTable(r) {
    if (r.ignored.length === 0)
        return undefined;
    return (0,markdown/* table */.tp)(['Did not count', 'Answer', 'Why'], r.ignored.map((i) => [i.login, i.answer, REASONS[i.reason] ?? i.reason]));
}
function errorBlock(r) {
    if (!r.error)
        return undefined;
    return (0,markdown/* blocks */.Bv)((0,markdown/* escapeText */.X1)(r.error.message), r.error.hint ? (0,markdown/* escapeText */.X1)(r.error.hint) : undefined, r.error.input ? `Input: ${(0,markdown/* code */.aY)(r.error.input)}` : undefined);
}
function approveComment(r) {
    const approved = r.decision === 'approved';
    const ignored = ignoredTable(r);
    return {
        headline: decisionText(r),
        // A reviewer must see why the deployment stopped; an approval needs nothing more than its headline.
        body: (0,markdown/* blocks */.Bv)(approved ? undefined : facts(r), errorBlock(r)),
        details: (0,markdown/* blocks */.Bv)(approved ? facts(r) : undefined, ignored),
        ...(ignored ? { detailsLabel: `${r.ignored.length} answer(s) that did not count` } : {}),
    };
}
function approveSummary(r, status) {
    const ignored = ignoredTable(r);
    return [
        {
            markdown: (0,markdown/* blocks */.Bv)(`### ${markdown/* STATUS_ICON */.tW[status]} Approve: ${(0,markdown/* escapeText */.X1)(decisionText(r))}`, facts(r), errorBlock(r)),
            priority: 0,
        },
        ...(ignored
            ? [
                {
                    markdown: (0,markdown/* blocks */.Bv)('#### Answers that did not count', ignored),
                    priority: 2,
                    label: 'answers that did not count',
                },
            ]
            : []),
    ];
}
/** Report, outputs, summary, comment section and terminal text of a finished gate. */
function approveOutcome(r, startedAt, run) {
    const report = approveReport(r, startedAt, run);
    const approved = r.decision === 'approved';
    const annotations = approved
        ? []
        : [
            {
                level: 'error',
                title: r.decision === 'error' ? 'Approval gate failed' : 'Deployment not approved',
                message: `${decisionText(r)}${r.error?.hint ? ` ${r.error.hint}` : ''}${r.issue ? ` (${r.issue.url})` : ''}`,
            },
        ];
    return {
        report,
        outputs: {
            approved,
            decision: r.decision,
            approvers: r.approvedBy.join(','),
            'issue-number': r.issue?.number ?? '',
            'deployment-id': r.deploymentId ?? '',
        },
        summary: approveSummary(r, report.status),
        comment: approveComment(r),
        annotations,
        text: `${decisionText(r)}\n${r.issue ? `issue: ${r.issue.url}\n` : ''}${r.error?.hint ? `${r.error.hint}\n` : ''}`,
    };
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
/** Polls may come every few seconds; a progress line comes at most this often. */
const PROGRESS_EVERY_MS = 60_000;
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
    let lastProgress;
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
            if (lastProgress === undefined || o.clock.now() - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = o.clock.now();
                o.progress?.(tally, polls);
            }
            await o.afterPoll?.(tally);
        }
        catch (error) {
            if (o.signal.aborted)
                return result('cancelled');
            if (isFatalPollError(error)) {
                // Waiting cannot fix this: the gate ends now, failed closed, with what GitHub said.
                throw new errors/* ServiceError */._7(`reading the approval comments failed with HTTP ${(0,github_octokit/* httpStatus */.nG)(error)}: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}`, 'The token may have expired or lost access to the issue (it needs issues: write).', 'github-token', { cause: error });
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

// EXTERNAL MODULE: ./src/stages/approve/words.ts
var words = __webpack_require__(57680);
;// CONCATENATED MODULE: ./src/stages/approve/run.ts















/** Where earlier stages' reports are, when `reports` is not given: the runner's shipkit report directory. */
function defaultReportsGlob(env) {
    return env.RUNNER_TEMP ? `${env.RUNNER_TEMP}/shipkit/reports/*.json` : undefined;
}
const repoOf = (gh) => ({
    octokit: gh.octokit,
    owner: gh.owner,
    repo: gh.repo,
    serverUrl: gh.serverUrl,
});
function warn(g, message) {
    g.warnings.push(message);
    g.ctx.logger.warning(message);
}
/** Phase 0, before any request: everything that can be known from the inputs and the run alone. */
function prepare(options, ctx, clock) {
    const gh = ctx.github;
    if (!gh) {
        throw new errors/* UserError */.yo('approve needs the GitHub API: set github-token (for the CLI, GITHUB_TOKEN and GITHUB_REPOSITORY)', { input: 'github-token' });
    }
    const matcher = new words/* AnswerMatcher */.xj({ approve: options.approveWords, deny: options.denyWords });
    const ref = options.ref ?? gh.sha ?? ctx.env.GITHUB_SHA;
    if (!ref)
        throw new errors/* UserError */.yo('ref is required outside a workflow run (no GITHUB_SHA)', { input: 'ref' });
    const initiator = gh.actor ?? ctx.env.GITHUB_ACTOR;
    return { options, ctx, gh, clock, ref, ...(initiator ? { initiator } : {}), matcher, warnings: [] };
}
function checkReachable(g, resolved) {
    const { options, initiator } = g;
    const voters = [...resolved.eligible.keys()].filter((login) => options.allowInitiator || initiator === undefined || login !== initiator.toLowerCase());
    if (voters.length < options.minApprovals) {
        const without = options.allowInitiator || !initiator ? '' : ` once @${initiator}, who started the run, is left out`;
        throw new errors/* UserError */.yo(`min-approvals is ${options.minApprovals}, but only ${voters.length} approver${voters.length === 1 ? ' is' : 's are'} ` +
            `left${without}: the gate could never pass`, { input: 'min-approvals' });
    }
}
/** Phase 1: who may answer (teams resolved through the API); a gate that could never pass stops here. */
async function resolveGate(g) {
    const resolved = await g.ctx.logger.group('Resolving approvers', () => resolveApprovers(g.gh.octokit, g.options.approvers));
    checkReachable(g, resolved);
    g.resolved = resolved;
    g.ctx.logger.info(`${resolved.eligible.size} people may answer; ${g.options.minApprovals} approval(s) needed`);
}
/** Phase 2: what the approvers should see besides the request: the commits, the earlier stages. */
async function gatherContext(g) {
    const { options, ctx } = g;
    const changes = options.environment
        ? await changesSinceLastDeployment(repoOf(g.gh), options.environment, g.ref)
        : undefined;
    if (changes?.kind === 'unavailable')
        warn(g, `the commits since the last deployment could not be listed: ${changes.reason}`);
    const reportsGlob = options.reports ?? defaultReportsGlob(ctx.env);
    const earlier = reportsGlob ? await readEarlierReports(reportsGlob, ctx.cwd, (m) => warn(g, m)) : [];
    return { ...(changes ? { changes } : {}), earlier };
}
async function deploymentState(g, state, description) {
    if (g.deploymentId === undefined)
        return;
    try {
        await setDeploymentState(repoOf(g.gh), g.deploymentId, state, description, g.ctx.run.url);
    }
    catch (error) {
        warn(g, `could not mark deployment ${g.deploymentId} as ${state}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
async function notifyText(g, text) {
    if (!g.options.notifyUrl)
        return;
    const problem = await (0,notify/* notify */.m)(g.options.notifyUrl, text);
    if (problem)
        warn(g, problem);
}
const target = (g) => (g.options.environment ? ` to ${g.options.environment}` : '');
/** Phase 3: the deployment record, the request issue, and the word to the webhook. */
async function openRequest(g, context) {
    const { options, gh, clock, ctx } = g;
    const resolved = g.resolved;
    if (options.environment) {
        g.deploymentId = await createDeployment(repoOf(gh), g.ref, options.environment, 'shipkit approve: waiting for approval');
        ctx.logger.info(`deployment ${g.deploymentId} created for ${g.ref} in ${options.environment}`);
    }
    const deadline = new Date(clock.now() + options.timeoutMs);
    const body = requestBody({
        environment: options.environment,
        ref: g.ref,
        sha: gh.sha,
        actor: g.initiator,
        runUrl: ctx.run.url,
        approverNames: options.approvers.map(describeApprover),
        eligibleCount: resolved.eligible.size,
        required: options.minApprovals,
        allowInitiator: options.allowInitiator,
        approveWords: options.approveWords,
        denyWords: options.denyWords,
        deadline,
        timeoutMs: options.timeoutMs,
        changes: context.changes,
        earlier: context.earlier,
    });
    try {
        g.issue = await createIssue(gh, requestTitle({ environment: options.environment, ref: g.ref }), body, resolved.assignees, (m) => warn(g, m));
    }
    catch (error) {
        await deploymentState(g, 'failure', 'The approval request could not be created');
        throw error;
    }
    g.deadline = deadline;
    ctx.logger.info(`approval requested in ${g.issue.url}`);
    const auth = (await gh.octokit.auth());
    const expiry = tokenExpiryWarning({
        token: auth.token,
        expiresHeader: g.issue.tokenExpires,
        now: clock.now(),
        deadline: deadline.getTime(),
        timeoutMs: options.timeoutMs,
    });
    if (expiry)
        warn(g, expiry);
    await deploymentState(g, 'queued', `Waiting for approval in issue #${g.issue.number}`);
    await notifyText(g, `Approval needed: deploy ${g.ref}${target(g)} (${options.minApprovals} of ${options.approvers.map(describeApprover).join(', ')}; ` +
        `deadline in ${formatDuration(options.timeoutMs)}). Answer in ${g.issue.url}`);
}
/** Phase 4: read the answers until a decision, the deadline or a cancellation. */
async function awaitDecision(g) {
    const { options, gh, ctx } = g;
    const issue = g.issue;
    const deadline = g.deadline;
    const resolved = g.resolved;
    const feed = new CommentFeed(gh.octokit, { owner: gh.owner, repo: gh.repo, issueNumber: issue.number });
    g.feed = feed;
    const noted = new Set();
    const noteEdited = async (t) => {
        for (const answer of t.ignored) {
            if (answer.reason !== 'edited' || noted.has(answer.commentId))
                continue;
            noted.add(answer.commentId);
            ctx.logger.info(`@${answer.login}'s comment ${answer.commentId} was edited: it does not count`);
            try {
                await postComment(gh, issue.number, editedNote(answer.login));
            }
            catch (error) {
                warn(g, `could not post the note about @${answer.login}'s edited comment: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
    };
    g.waited = await waitForDecision({
        fetchComments: (signal) => feed.fetchAll(signal),
        count: (comments) => tally(comments, {
            matcher: g.matcher,
            eligible: resolved.eligible,
            initiator: g.initiator,
            allowInitiator: options.allowInitiator,
            since: new Date(issue.createdAt),
            until: deadline,
        }),
        afterPoll: noteEdited,
        progress: (t, polls) => ctx.logger.progress(`waiting for approval in ${issue.url}: ${t.approvedBy.length} of ${options.minApprovals} approval(s)` +
            `${t.approvedBy.length > 0 ? ` (${t.approvedBy.join(', ')})` : ''}; ` +
            `${formatDuration(Math.max(0, deadline.getTime() - g.clock.now()))} left; ${polls} poll(s) so far`),
        required: options.minApprovals,
        deadline: deadline.getTime(),
        intervalMs: options.pollIntervalMs,
        clock: g.clock,
        signal: ctx.signal,
        logger: ctx.logger,
    });
    if (g.waited.failedPolls > 0)
        warn(g, `${g.waited.failedPolls} poll(s) failed and were retried (last error: ${g.waited.lastError ?? ''})`);
    ctx.logger.info(`decision: ${g.waited.decision} after ${g.waited.polls} poll(s)`);
}
/** Phase 5: say the decision where it was asked, close the request, update the deployment and the webhook. */
async function closeRequest(g) {
    const { options, gh, ctx } = g;
    const { decision, tally: final } = g.waited;
    const issue = g.issue;
    const facts = {
        decision,
        approvedBy: final.approvedBy,
        deniedBy: final.deniedBy,
        required: options.minApprovals,
        timeoutMs: options.timeoutMs,
        runUrl: ctx.run.url,
    };
    await closeIssue(gh, issue.number, closingComment(facts), decision === 'approved', (m) => warn(g, m));
    await deploymentState(g, decision === 'approved' ? 'in_progress' : 'failure', decision === 'approved' ? `Approved by ${final.approvedBy.join(', ')}` : `Not approved: ${decision}`);
    await notifyText(g, `${decisionLine(facts).replace(/\*\*/g, '*')} Deploy ${g.ref}${target(g)}: ${issue.url}`);
}
function resultOf(g, decision, error) {
    const final = g.waited?.tally;
    return {
        decision,
        required: g.options.minApprovals,
        approvedBy: final?.approvedBy ?? [],
        deniedBy: final?.deniedBy ?? [],
        ignored: final?.ignored ?? [],
        eligible: g.resolved ? [...g.resolved.eligible.values()] : [],
        ...(g.initiator ? { initiator: g.initiator } : {}),
        ...(g.options.environment ? { environment: g.options.environment } : {}),
        ref: g.ref,
        ...(g.issue ? { issue: { number: g.issue.number, url: g.issue.url } } : {}),
        ...(g.deploymentId !== undefined ? { deploymentId: g.deploymentId } : {}),
        ...(g.deadline ? { deadline: g.deadline } : {}),
        timeoutMs: g.options.timeoutMs,
        polls: g.waited?.polls ?? 0,
        failedPolls: g.waited?.failedPolls ?? 0,
        feed: g.feed?.stats ?? { requests: 0, notModified: 0 },
        warnings: g.warnings,
        ...(error ? { error } : {}),
    };
}
/**
 * The gate failed before a decision: nothing opened is left open (the request is closed as not
 * planned, the deployment marked failed). GitHub refusing or unreachable ends as decision `error`
 * with the report saying why; a mistake in the inputs, or a bug, goes on to the host.
 */
async function failClosed(g, error) {
    const service = (0,errors/* isUserError */.iU)(error) ? undefined : (0,errors/* asServiceError */.CZ)(error, { service: 'the GitHub API' });
    const message = service ? service.message : (0,errors/* errorMessage */.gJ)(error).split('\n')[0];
    if (g.issue) {
        await closeIssue(g.gh, g.issue.number, `❌ **Failed**: ${message}. The deployment does not happen.`, false, (m) => warn(g, m));
    }
    await deploymentState(g, 'failure', 'The approval gate failed');
    if (!service)
        throw error;
    // Said once, by the outcome's annotation (its message and hint), not also here.
    return resultOf(g, 'error', {
        message: service.message,
        hint: service.hint,
        ...(service.input ? { input: service.input } : {}),
    });
}
/** Runs the gate, phase by phase. Never returns `approved` by default: every other way out fails closed. */
async function runApprove(options, ctx, deps = { clock: systemClock }) {
    const g = prepare(options, ctx, deps.clock);
    try {
        await resolveGate(g);
        const context = await gatherContext(g);
        if (ctx.signal.aborted)
            return resultOf(g, 'cancelled');
        await openRequest(g, context);
        await awaitDecision(g);
        await closeRequest(g);
        return resultOf(g, g.waited.decision);
    }
    catch (error) {
        return failClosed(g, error);
    }
}
/** The stage's run: the gate, then its outcome. */
async function runApproveStage(options, ctx) {
    const startedAt = new Date();
    const result = await runApprove(options, ctx);
    return approveOutcome(result, startedAt, ctx.run);
}


/***/ })

};
