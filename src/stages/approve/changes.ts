import { errorMessage } from '../../core/errors.js';
import type { ShipkitOctokit } from '../../core/github/octokit.js';

export interface ChangeCommit {
  sha: string;
  title: string;
  author?: string;
}

export interface Changes {
  /** The commit of the last successful deployment, the compare base. */
  base: string;
  head: string;
  totalCommits: number;
  /** The newest commits, at most MAX_LISTED_COMMITS. */
  commits: ChangeCommit[];
  compareUrl: string;
}

export type ChangesResult =
  { kind: 'changes'; changes: Changes } | { kind: 'first-deployment' } | { kind: 'unavailable'; reason: string };

export const MAX_LISTED_COMMITS = 50;
/** Deployments examined when looking for the last successful one (newest first). */
const MAX_DEPLOYMENTS_SCANNED = 30;

interface Repo {
  octokit: ShipkitOctokit;
  owner: string;
  repo: string;
  serverUrl: string;
}

/**
 * The newest deployment to `environment` whose latest status is `success`; `none` when the
 * environment has none at all, `older` when none of the newest MAX_DEPLOYMENTS_SCANNED has (an older
 * one may: reading further would cost a request per deployment).
 */
async function lastSuccessfulDeployment(r: Repo, environment: string): Promise<{ sha: string } | 'none' | 'older'> {
  const { data: deployments } = await r.octokit.request('GET /repos/{owner}/{repo}/deployments', {
    owner: r.owner,
    repo: r.repo,
    environment,
    per_page: MAX_DEPLOYMENTS_SCANNED,
  });
  for (const deployment of deployments) {
    const { data: statuses } = await r.octokit.request(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      {
        owner: r.owner,
        repo: r.repo,
        deployment_id: Number(deployment.id),
        per_page: 1,
      },
    );
    if (statuses[0]?.state === 'success') return { sha: deployment.sha };
  }
  return deployments.length < MAX_DEPLOYMENTS_SCANNED ? 'none' : 'older';
}

/**
 * What this deployment would ship: the commits between the last successful deployment to the
 * environment and `head`. Never fatal: the request is still useful without the list.
 */
export async function changesSinceLastDeployment(r: Repo, environment: string, head: string): Promise<ChangesResult> {
  try {
    const last = await lastSuccessfulDeployment(r, environment);
    if (last === 'none') return { kind: 'first-deployment' };
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
  } catch (error) {
    return { kind: 'unavailable', reason: errorMessage(error) };
  }
}
