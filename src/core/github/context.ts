import type { ShipkitOctokit } from './octokit.js';

/** The repository and event a run is about, read once from GITHUB_* and the event payload. */
export interface GitHubContext {
  octokit: ShipkitOctokit;
  owner: string;
  repo: string;
  serverUrl: string;
  eventName: string;
  /** The webhook payload of the triggering event (GITHUB_EVENT_PATH), `{}` when absent. */
  event: Record<string, unknown>;
  /** The pull request number for pull_request / pull_request_target events. */
  pullNumber?: number;
  actor?: string;
  sha?: string;
  ref?: string;
}
