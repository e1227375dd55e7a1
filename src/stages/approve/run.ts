import type { StageContext } from '../../core/context.js';
import { asServiceError, errorMessage, isUserError, UserError } from '../../core/errors.js';
import type { GitHubContext } from '../../core/github/context.js';
import type { StageOutcome } from '../../core/outcome.js';
import { describeApprover, resolveApprovers, type ResolvedApprovers } from './approvers.js';
import { changesSinceLastDeployment, type ChangesResult } from './changes.js';
import { systemClock, type Clock } from './clock.js';
import { CommentFeed, type FeedStats } from './comment-feed.js';
import { createDeployment, setDeploymentState, type DeploymentState } from './deployment.js';
import { readEarlierReports, type EarlierStage } from './earlier-reports.js';
import { createIssue, closeIssue, postComment, type CreatedIssue } from './issue.js';
import { notify } from '../../core/notify.js';
import type { ApproveOptions } from './options.js';
import { approveOutcome } from './outcome.js';
import type { Decision } from './report-schema.js';
import { closingComment, decisionLine, editedNote, formatDuration, requestBody, requestTitle } from './request.js';
import { tokenExpiryWarning } from './token-expiry.js';
import { tally, type IgnoredAnswer, type Tally } from './votes.js';
import { waitForDecision, type WaitResult } from './wait.js';
import { AnswerMatcher } from './words.js';

export interface ApproveResult {
  decision: Decision;
  required: number;
  approvedBy: string[];
  deniedBy: string[];
  ignored: IgnoredAnswer[];
  eligible: string[];
  initiator?: string;
  environment?: string;
  ref: string;
  /** The request issue; absent when the gate ended before it was opened. */
  issue?: { number: number; url: string };
  deploymentId?: number;
  /** Absent when the gate ended before the wait began. */
  deadline?: Date;
  timeoutMs: number;
  polls: number;
  failedPolls: number;
  feed: FeedStats;
  warnings: string[];
  /** Why the decision is `error`: what GitHub refused, and what to check. */
  error?: { message: string; hint?: string; input?: string };
}

export interface ApproveDeps {
  clock: Clock;
}

/** Where earlier stages' reports are, when `reports` is not given: the runner's shipkit report directory. */
export function defaultReportsGlob(env: NodeJS.ProcessEnv): string | undefined {
  return env.RUNNER_TEMP ? `${env.RUNNER_TEMP}/shipkit/reports/*.json` : undefined;
}

/** One gate run: what is known so far, filled in phase by phase, so a failure can close what was opened. */
interface GateRun {
  options: ApproveOptions;
  ctx: StageContext;
  gh: GitHubContext;
  clock: Clock;
  ref: string;
  initiator?: string;
  matcher: AnswerMatcher;
  warnings: string[];
  resolved?: ResolvedApprovers;
  deploymentId?: number;
  issue?: CreatedIssue;
  deadline?: Date;
  feed?: CommentFeed;
  waited?: WaitResult;
}

const repoOf = (gh: GitHubContext) => ({
  octokit: gh.octokit,
  owner: gh.owner,
  repo: gh.repo,
  serverUrl: gh.serverUrl,
});

function warn(g: GateRun, message: string): void {
  g.warnings.push(message);
  g.ctx.logger.warning(message);
}

/** Phase 0, before any request: everything that can be known from the inputs and the run alone. */
function prepare(options: ApproveOptions, ctx: StageContext, clock: Clock): GateRun {
  const gh = ctx.github;
  if (!gh) {
    throw new UserError(
      'approve needs the GitHub API: set github-token (for the CLI, GITHUB_TOKEN and GITHUB_REPOSITORY)',
      { input: 'github-token' },
    );
  }
  const matcher = new AnswerMatcher({ approve: options.approveWords, deny: options.denyWords });
  const ref = options.ref ?? gh.sha ?? ctx.env.GITHUB_SHA;
  if (!ref) throw new UserError('ref is required outside a workflow run (no GITHUB_SHA)', { input: 'ref' });
  const initiator = gh.actor ?? ctx.env.GITHUB_ACTOR;
  return { options, ctx, gh, clock, ref, ...(initiator ? { initiator } : {}), matcher, warnings: [] };
}

function checkReachable(g: GateRun, resolved: ResolvedApprovers): void {
  const { options, initiator } = g;
  const voters = [...resolved.eligible.keys()].filter(
    (login) => options.allowInitiator || initiator === undefined || login !== initiator.toLowerCase(),
  );
  if (voters.length < options.minApprovals) {
    const without = options.allowInitiator || !initiator ? '' : ` once @${initiator}, who started the run, is left out`;
    throw new UserError(
      `min-approvals is ${options.minApprovals}, but only ${voters.length} approver${voters.length === 1 ? ' is' : 's are'} ` +
        `left${without}: the gate could never pass`,
      { input: 'min-approvals' },
    );
  }
}

/** Phase 1: who may answer (teams resolved through the API); a gate that could never pass stops here. */
async function resolveGate(g: GateRun): Promise<void> {
  const resolved = await g.ctx.logger.group('Resolving approvers', () =>
    resolveApprovers(g.gh.octokit, g.options.approvers),
  );
  checkReachable(g, resolved);
  g.resolved = resolved;
  g.ctx.logger.info(`${resolved.eligible.size} people may answer; ${g.options.minApprovals} approval(s) needed`);
}

/** Phase 2: what the approvers should see besides the request: the commits, the earlier stages. */
async function gatherContext(g: GateRun): Promise<{ changes?: ChangesResult; earlier: EarlierStage[] }> {
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

async function deploymentState(g: GateRun, state: DeploymentState, description: string): Promise<void> {
  if (g.deploymentId === undefined) return;
  try {
    await setDeploymentState(repoOf(g.gh), g.deploymentId, state, description, g.ctx.run.url);
  } catch (error) {
    warn(g, `could not mark deployment ${g.deploymentId} as ${state}: ${errorMessage(error)}`);
  }
}

async function notifyText(g: GateRun, text: string): Promise<void> {
  if (!g.options.notifyUrl) return;
  const problem = await notify(g.options.notifyUrl, text);
  if (problem) warn(g, problem);
}

const target = (g: GateRun): string => (g.options.environment ? ` to ${g.options.environment}` : '');

/** Phase 3: the deployment record, the request issue, and the word to the webhook. */
async function openRequest(g: GateRun, context: { changes?: ChangesResult; earlier: EarlierStage[] }): Promise<void> {
  const { options, gh, clock, ctx } = g;
  const resolved = g.resolved!;
  if (options.environment) {
    g.deploymentId = await createDeployment(
      repoOf(gh),
      g.ref,
      options.environment,
      'shipkit approve: waiting for approval',
    );
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
    g.issue = await createIssue(
      gh,
      requestTitle({ environment: options.environment, ref: g.ref }),
      body,
      resolved.assignees,
      (m) => warn(g, m),
    );
  } catch (error) {
    await deploymentState(g, 'failure', 'The approval request could not be created');
    throw error;
  }
  g.deadline = deadline;
  ctx.logger.info(`approval requested in ${g.issue.url}`);

  const auth = (await gh.octokit.auth()) as { token?: string };
  const expiry = tokenExpiryWarning({
    token: auth.token,
    expiresHeader: g.issue.tokenExpires,
    now: clock.now(),
    deadline: deadline.getTime(),
    timeoutMs: options.timeoutMs,
  });
  if (expiry) warn(g, expiry);

  await deploymentState(g, 'queued', `Waiting for approval in issue #${g.issue.number}`);
  await notifyText(
    g,
    `Approval needed: deploy ${g.ref}${target(g)} (${options.minApprovals} of ${options.approvers.map(describeApprover).join(', ')}; ` +
      `deadline in ${formatDuration(options.timeoutMs)}). Answer in ${g.issue.url}`,
  );
}

/** Phase 4: read the answers until a decision, the deadline or a cancellation. */
async function awaitDecision(g: GateRun): Promise<void> {
  const { options, gh, ctx } = g;
  const issue = g.issue!;
  const deadline = g.deadline!;
  const resolved = g.resolved!;
  const feed = new CommentFeed(gh.octokit, { owner: gh.owner, repo: gh.repo, issueNumber: issue.number });
  g.feed = feed;
  const noted = new Set<number>();
  const noteEdited = async (t: Tally): Promise<void> => {
    for (const answer of t.ignored) {
      if (answer.reason !== 'edited' || noted.has(answer.commentId)) continue;
      noted.add(answer.commentId);
      ctx.logger.info(`@${answer.login}'s comment ${answer.commentId} was edited: it does not count`);
      try {
        await postComment(gh, issue.number, editedNote(answer.login));
      } catch (error) {
        warn(g, `could not post the note about @${answer.login}'s edited comment: ${errorMessage(error)}`);
      }
    }
  };
  g.waited = await waitForDecision({
    fetchComments: (signal) => feed.fetchAll(signal),
    count: (comments) =>
      tally(comments, {
        matcher: g.matcher,
        eligible: resolved.eligible,
        initiator: g.initiator,
        allowInitiator: options.allowInitiator,
        since: new Date(issue.createdAt),
        until: deadline,
      }),
    afterPoll: noteEdited,
    progress: (t, polls) =>
      ctx.logger.progress(
        `waiting for approval in ${issue.url}: ${t.approvedBy.length} of ${options.minApprovals} approval(s)` +
          `${t.approvedBy.length > 0 ? ` (${t.approvedBy.join(', ')})` : ''}; ` +
          `${formatDuration(Math.max(0, deadline.getTime() - g.clock.now()))} left; ${polls} poll(s) so far`,
      ),
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
async function closeRequest(g: GateRun): Promise<void> {
  const { options, gh, ctx } = g;
  const { decision, tally: final } = g.waited!;
  const issue = g.issue!;
  const facts = {
    decision,
    approvedBy: final.approvedBy,
    deniedBy: final.deniedBy,
    required: options.minApprovals,
    timeoutMs: options.timeoutMs,
    runUrl: ctx.run.url,
  };
  await closeIssue(gh, issue.number, closingComment(facts), decision === 'approved', (m) => warn(g, m));
  await deploymentState(
    g,
    decision === 'approved' ? 'in_progress' : 'failure',
    decision === 'approved' ? `Approved by ${final.approvedBy.join(', ')}` : `Not approved: ${decision}`,
  );
  await notifyText(g, `${decisionLine(facts).replace(/\*\*/g, '*')} Deploy ${g.ref}${target(g)}: ${issue.url}`);
}

function resultOf(g: GateRun, decision: Decision, error?: ApproveResult['error']): ApproveResult {
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
async function failClosed(g: GateRun, error: unknown): Promise<ApproveResult> {
  const service = isUserError(error) ? undefined : asServiceError(error, { service: 'the GitHub API' });
  const message = service ? service.message : errorMessage(error).split('\n')[0];
  if (g.issue) {
    await closeIssue(g.gh, g.issue.number, `❌ **Failed**: ${message}. The deployment does not happen.`, false, (m) =>
      warn(g, m),
    );
  }
  await deploymentState(g, 'failure', 'The approval gate failed');
  if (!service) throw error;
  // Said once, by the outcome's annotation (its message and hint), not also here.
  return resultOf(g, 'error', {
    message: service.message,
    hint: service.hint,
    ...(service.input ? { input: service.input } : {}),
  });
}

/** Runs the gate, phase by phase. Never returns `approved` by default: every other way out fails closed. */
export async function runApprove(
  options: ApproveOptions,
  ctx: StageContext,
  deps: ApproveDeps = { clock: systemClock },
): Promise<ApproveResult> {
  const g = prepare(options, ctx, deps.clock);
  try {
    await resolveGate(g);
    const context = await gatherContext(g);
    if (ctx.signal.aborted) return resultOf(g, 'cancelled');
    await openRequest(g, context);
    await awaitDecision(g);
    await closeRequest(g);
    return resultOf(g, g.waited!.decision);
  } catch (error) {
    return failClosed(g, error);
  }
}

/** The stage's run: the gate, then its outcome. */
export async function runApproveStage(options: ApproveOptions, ctx: StageContext): Promise<StageOutcome> {
  const startedAt = new Date();
  const result = await runApprove(options, ctx);
  return approveOutcome(result, startedAt, ctx.run);
}
