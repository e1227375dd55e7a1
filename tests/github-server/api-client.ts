import { createOctokit, type ShipkitOctokit } from '../../src/core/github/octokit.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { DEFAULT_TOKEN, type GitHubServer } from '../support/github-server/index.js';

/** A raw HTTP call, for asserting exactly what the server answers (status, headers, body). */
export async function call(
  server: GitHubServer,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', ...options.headers };
  const token = options.token === undefined ? DEFAULT_TOKEN : options.token;
  if (token !== null) headers.authorization = `token ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(server.url + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** shipkit's own Octokit (retry + throttling) pointed at the test server. */
export function octokitFor(
  server: GitHubServer,
  token = DEFAULT_TOKEN,
): { octokit: ShipkitOctokit; logger: MemoryLogger } {
  const logger = new MemoryLogger();
  return { octokit: createOctokit({ token, baseUrl: server.url, logger }), logger };
}
