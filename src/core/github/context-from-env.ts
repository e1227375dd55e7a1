import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GitHubContext } from './context.js';

/** The triggering event's payload; `{}` when GITHUB_EVENT_PATH is unset (the CLI outside Actions). */
export function readEventPayload(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the event payload: ${(error as Error).message}`, { file });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    throw new UserError(`the event payload is not valid JSON: ${(error as Error).message}`, { file });
  }
}

/** The PR number of a pull_request(_target) event, or of an issue_comment on a PR. */
export function pullNumberOf(event: Record<string, unknown>): number | undefined {
  const pr = event.pull_request as { number?: unknown } | undefined;
  if (pr && typeof pr.number === 'number') return pr.number;
  const issue = event.issue as { number?: unknown; pull_request?: unknown } | undefined;
  if (issue?.pull_request && typeof issue.number === 'number') return issue.number;
  return undefined;
}

/**
 * GitHub context for a run, or undefined when there is no token or no repository (the CLI on a
 * laptop). `token` defaults to GITHUB_TOKEN so `npx shipkit` can post too when asked.
 * Octokit and its plugins load only here, when there is a token: a CLI run without one (most of
 * them) does not pay for compiling them (~10 ms of a 60 ms start).
 */
export async function githubContextFromEnv(
  env: NodeJS.ProcessEnv,
  logger: Logger,
  token: string | undefined = env.GITHUB_TOKEN,
): Promise<GitHubContext | undefined> {
  const repository = env.GITHUB_REPOSITORY;
  if (!token || !repository || !repository.includes('/')) return undefined;
  const [owner = '', repo = ''] = repository.split('/');
  const event = readEventPayload(env);
  const { apiUrlFromEnv, createOctokit } = await import('./octokit.js');
  return {
    octokit: createOctokit({ token, baseUrl: apiUrlFromEnv(env), logger }),
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    pullNumber: pullNumberOf(event),
    actor: env.GITHUB_ACTOR,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
  };
}
