import { errorMessage, ServiceError } from '../../core/errors.js';
import type { GitHubContext } from '../../core/github/context.js';
import { httpStatus } from '../../core/github/octokit.js';

export interface CreatedIssue {
  number: number;
  url: string;
  createdAt: string;
  /** GitHub's `github-authentication-token-expiration` header, for tokens that expire. */
  tokenExpires?: string;
}

/** Opens the request issue, assigned to the approvers (or, if some cannot be assigned, to nobody). */
export async function createIssue(
  gh: GitHubContext,
  title: string,
  body: string,
  assignees: string[],
  warn: (message: string) => void,
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
      if (httpStatus(error) !== 422 || assignees.length === 0) throw error;
      warn(`could not assign ${assignees.map((a) => `@${a}`).join(', ')} to the request: ${errorMessage(error)}`);
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
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404 || status === 410) {
      throw new ServiceError(
        `cannot open the approval issue (HTTP ${status}: ${errorMessage(error).split('\n')[0]})`,
        'github-token needs issues: write, and the repository must have issues enabled.',
        'github-token',
        { cause: error },
      );
    }
    throw error;
  }
}

export async function postComment(gh: GitHubContext, issueNumber: number, body: string): Promise<void> {
  await gh.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: gh.owner,
    repo: gh.repo,
    issue_number: issueNumber,
    body,
  });
}

/** Posts the closing comment, then closes the issue. Failures are warnings: the decision stands. */
export async function closeIssue(
  gh: GitHubContext,
  issueNumber: number,
  text: string,
  completed: boolean,
  warn: (message: string) => void,
): Promise<void> {
  try {
    await postComment(gh, issueNumber, text);
  } catch (error) {
    warn(`could not post the decision on issue #${issueNumber}: ${errorMessage(error)}`);
  }
  try {
    await gh.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: gh.owner,
      repo: gh.repo,
      issue_number: issueNumber,
      state: 'closed',
      state_reason: completed ? 'completed' : 'not_planned',
    });
  } catch (error) {
    warn(`could not close issue #${issueNumber}: ${errorMessage(error)}`);
  }
}
