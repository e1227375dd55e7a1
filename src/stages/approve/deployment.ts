import { errorMessage, ServiceError, UserError } from '../../core/errors.js';
import type { ShipkitOctokit } from '../../core/github/octokit.js';
import { httpStatus } from '../../core/github/octokit.js';
import { cut } from '../../core/text.js';

export type DeploymentState = 'queued' | 'in_progress' | 'failure';

interface Repo {
  octokit: ShipkitOctokit;
  owner: string;
  repo: string;
}

/**
 * Creates the deployment record the environment page shows. No auto-merge and no required status
 * contexts: the gate only records the deployment, it does not decide what may be deployed.
 */
export async function createDeployment(
  r: Repo,
  ref: string,
  environment: string,
  description: string,
): Promise<number> {
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
  } catch (error) {
    const status = httpStatus(error);
    if (status === 422 || status === 409) {
      throw new UserError(
        `cannot create a deployment of '${ref}' to '${environment}' (HTTP ${status}: ${errorMessage(error).split('\n')[0]}): ` +
          'the ref must exist in the repository',
        { input: 'ref' },
        { cause: error },
      );
    }
    if (status === 403 || status === 404) {
      throw new ServiceError(
        `cannot create a deployment of '${ref}' to '${environment}' (HTTP ${status}: ${errorMessage(error).split('\n')[0]})`,
        'github-token needs deployments: write.',
        'github-token',
        { cause: error },
      );
    }
    throw error;
  }
}

export async function setDeploymentState(
  r: Repo,
  deploymentId: number,
  state: DeploymentState,
  description: string,
  logUrl: string | undefined,
): Promise<void> {
  await r.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
    owner: r.owner,
    repo: r.repo,
    deployment_id: deploymentId,
    state,
    // GitHub refuses descriptions over 140 characters.
    description: cut(description, 140),
    ...(logUrl ? { log_url: logUrl } : {}),
  });
}
