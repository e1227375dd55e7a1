import type { StageContext } from '../../core/context.js';
import { errorMessage, UserError } from '../../core/errors.js';
import type { GitHubContext } from '../../core/github/context.js';
import { resolveApprovers, describeApprover, type ResolvedApprovers } from './approvers.js';
import { changesSinceLastDeployment, type ChangesResult } from './changes.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { CommentFeed, type FeedStats } from './comment-feed.js';
import { createDeployment, setDeploymentState, type DeploymentState } from './deployment.js';
import { readEarlierReports } from './earlier-reports.js';
import { notify } from './notify.js';
import type { ApproveOptions } from './options.js';
import { closingComment, decisionLine, editedNote, formatDuration, requestBody, requestTitle } from './request.js';
import { tokenExpiryWarning } from './token-expiry.js';
import { tally, type IgnoredAnswer, type Tally } from './votes.js';
import { waitForDecision, type Decision } from './wait.js';
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
  issueNumber: number;
  issueUrl: string;
  deploymentId?: number;
  deadline: Date;
  timeoutMs: number;
  polls: number;
  failedPolls: number;
  feed: FeedStats;
  warnings: string[];
}

export interface ApproveDeps {
  clock: Clock;
}

/** Where earlier stages' reports are, when `reports` is not given: the runner's shipkit report directory. */
export function defaultReportsGlob(env: NodeJS.ProcessEnv): string | undefined {
  return env.RUNNER_TEMP ? `${env.RUNNER_TEMP}/shipkit/reports/*.json` : undefined;
}

function requireGitHub(ctx: StageContext): GitHubContext {
  if (!ctx.github) {
    throw new UserError(
      'approve needs the GitHub API: set github-token (for the CLI, GITHUB_TOKEN and GITHUB_REPOSITORY)',
      { input: 'github-token' },
    );
  }
  return ctx.github;
}

function checkReachable(options: ApproveOptions, resolved: ResolvedApprovers, initiator: string | undefined): void {
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

async function tokenInfo(gh: GitHubContext): Promise<string | undefined> {
  const auth = (await gh.octokit.auth()) as { token?: string };
  return auth.token;
}

/** Runs the gate: request, wait, close. Returns the decision; never returns `approved` by default. */
export async function runApprove(
  options: ApproveOptions,
  ctx: StageContext,
  deps: ApproveDeps = { clock: systemClock },
): Promise<ApproveResult> {
  const gh = requireGitHub(ctx);
  const { logger, signal } = ctx;
  const { clock } = deps;
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    logger.warning(message);
  };
  const matcher = new AnswerMatcher({ approve: options.approveWords, deny: options.denyWords });
  const initiator = gh.actor ?? ctx.env.GITHUB_ACTOR;
  const ref = options.ref ?? gh.sha ?? ctx.env.GITHUB_SHA;
  if (!ref) throw new UserError('ref is required outside a workflow run (no GITHUB_SHA)', { input: 'ref' });
  const repo = { octokit: gh.octokit, owner: gh.owner, repo: gh.repo, serverUrl: gh.serverUrl };
  const runUrl = ctx.run.url;

  const resolved = await logger.group('Resolving approvers', () => resolveApprovers(gh.octokit, options.approvers));
  checkReachable(options, resolved, initiator);
  logger.info(`${resolved.eligible.size} people may answer; ${options.minApprovals} approval(s) needed`);

  let changes: ChangesResult | undefined;
  if (options.environment) changes = await changesSinceLastDeployment(repo, options.environment, ref);
  if (changes?.kind === 'unavailable')
    warn(`the commits since the last deployment could not be listed: ${changes.reason}`);
  const reportsGlob = options.reports ?? defaultReportsGlob(ctx.env);
  const earlier = reportsGlob ? await readEarlierReports(reportsGlob, ctx.cwd, warn) : [];
  if (signal.aborted) throw new UserError('the run was cancelled before the approval was requested');

  let deploymentId: number | undefined;
  if (options.environment) {
    deploymentId = await createDeployment(repo, ref, options.environment, 'shipkit approve: waiting for approval');
    logger.info(`deployment ${deploymentId} created for ${ref} in ${options.environment}`);
  }
  const deploymentState = async (state: DeploymentState, description: string): Promise<void> => {
    if (deploymentId === undefined) return;
    try {
      await setDeploymentState(repo, deploymentId, state, description, runUrl);
    } catch (error) {
      warn(`could not mark deployment ${deploymentId} as ${state}: ${errorMessage(error)}`);
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
  if (expiry) warn(expiry);

  await deploymentState('queued', `Waiting for approval in issue #${issue.number}`);
  const where = options.environment ? ` to ${options.environment}` : '';
  const notifyText = async (text: string): Promise<void> => {
    if (!options.notifyUrl) return;
    const problem = await notify(options.notifyUrl, text);
    if (problem) warn(problem);
  };
  await notifyText(
    `Approval needed: deploy ${ref}${where} (${options.minApprovals} of ${options.approvers.map(describeApprover).join(', ')}; ` +
      `deadline in ${formatDuration(options.timeoutMs)}). Answer in ${issue.url}`,
  );

  const feed = new CommentFeed(gh.octokit, { owner: gh.owner, repo: gh.repo, issueNumber: issue.number });
  const noted = new Set<number>();
  const comment = (text: string): Promise<unknown> =>
    gh.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: gh.owner,
      repo: gh.repo,
      issue_number: issue.number,
      body: text,
    });
  const count = (comments: Parameters<typeof tally>[0]): Tally =>
    tally(comments, {
      matcher,
      eligible: resolved.eligible,
      initiator,
      allowInitiator: options.allowInitiator,
      since: new Date(issue.createdAt),
      until: deadline,
    });
  const noteEdited = async (t: Tally): Promise<void> => {
    for (const answer of t.ignored) {
      if (answer.reason !== 'edited' || noted.has(answer.commentId)) continue;
      noted.add(answer.commentId);
      logger.info(`@${answer.login}'s comment ${answer.commentId} was edited: it does not count`);
      try {
        await comment(editedNote(answer.login));
      } catch (error) {
        warn(`could not post the note about @${answer.login}'s edited comment: ${errorMessage(error)}`);
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
  } catch (error) {
    // Fail closed, and leave no request open behind us.
    await closeIssue(
      gh,
      issue.number,
      `❌ **Failed**: ${errorMessage(error)} The deployment does not happen.`,
      false,
      warn,
    );
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
  await deploymentState(
    decision === 'approved' ? 'in_progress' : 'failure',
    decision === 'approved' ? `Approved by ${final.approvedBy.join(', ')}` : `Not approved: ${decision}`,
  );
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

interface CreatedIssue {
  number: number;
  url: string;
  createdAt: string;
  tokenExpires?: string;
}

async function createIssue(
  gh: GitHubContext,
  title: string,
  body: string,
  assignees: string[],
  warn: (message: string) => void,
  deploymentState: (state: DeploymentState, description: string) => Promise<void>,
): Promise<CreatedIssue> {
  const create = (withAssignees: string[]) =>
    gh.octokit.request('POST /repos/{owner}/{repo}/issues', {
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
    } catch (error) {
      // 422: someone on the list cannot be assigned (no access to the repository). Ask anyway.
      if ((error as { status?: number }).status !== 422 || assignees.length === 0) throw error;
      warn(`could not assign ${assignees.map((a) => `@${a}`).join(', ')} to the request: ${errorMessage(error)}`);
      response = await create([]);
    }
    return {
      number: response.data.number,
      url: response.data.html_url,
      createdAt: response.data.created_at,
      tokenExpires: response.headers['github-authentication-token-expiration'] as string | undefined,
    };
  } catch (error) {
    await deploymentState('failure', 'The approval request could not be created');
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404 || status === 410) {
      throw new UserError(
        `cannot open the approval issue (HTTP ${status}: ${errorMessage(error)}): github-token needs issues: write ` +
          'and the repository must have issues enabled',
        { input: 'github-token' },
        { cause: error },
      );
    }
    throw error;
  }
}

/** Posts the closing comment, then closes the issue. Failures are warnings: the decision stands. */
async function closeIssue(
  gh: GitHubContext,
  issueNumber: number,
  text: string,
  completed: boolean,
  warn: (message: string) => void,
): Promise<void> {
  const target = { owner: gh.owner, repo: gh.repo, issue_number: issueNumber };
  try {
    await gh.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...target, body: text });
  } catch (error) {
    warn(`could not post the decision on issue #${issueNumber}: ${errorMessage(error)}`);
  }
  try {
    await gh.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...target,
      state: 'closed',
      state_reason: completed ? 'completed' : 'not_planned',
    });
  } catch (error) {
    warn(`could not close issue #${issueNumber}: ${errorMessage(error)}`);
  }
}
