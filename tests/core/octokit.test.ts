import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit, httpStatus } from '../../src/core/github/octokit.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';

let server: GitHubServer;
let logger: MemoryLogger;
const repo = { owner: 'acme', repo: 'app' };
const ISSUE = '/repos/acme/app/issues/1';

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app');
  server.state.addIssue('acme', 'app', { title: 'Bug' });
  logger = new MemoryLogger();
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

const octokit = () => createOctokit({ token: 'test-token', baseUrl: server.url, logger });
const hits = (path: string) => server.requests.filter((r) => r.path === path).map((r) => r.status);
const warnings = () => logger.lines.filter((l) => l.level === 'warning').map((l) => l.message);

describe('createOctokit against the GitHub test server', () => {
  it('retries a 502 and succeeds', async () => {
    server.inject({ kind: 'server-error', path: ISSUE });
    const { data } = await octokit().rest.issues.get({ ...repo, issue_number: 1 });
    expect(data.title).toBe('Bug');
    expect(hits(ISSUE)).toEqual([502, 200]);
  });

  it('waits out a secondary rate limit (retry-after: 1) and succeeds', async () => {
    server.inject({ kind: 'secondary-rate-limit', path: ISSUE, retryAfter: 1 });
    const started = Date.now();
    const { data } = await octokit().rest.issues.get({ ...repo, issue_number: 1 });
    expect(data.number).toBe(1);
    expect(hits(ISSUE)).toEqual([403, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(warnings()).toEqual([expect.stringMatching(/secondary rate limit .* retrying in 1s/)]);
  });

  it('waits out a primary rate limit until x-ratelimit-reset and succeeds', async () => {
    server.inject({ kind: 'primary-rate-limit', path: ISSUE, retryAfter: 1 });
    const { data } = await octokit().rest.issues.get({ ...repo, issue_number: 1 });
    expect(data.number).toBe(1);
    expect(hits(ISSUE)).toEqual([403, 200]);
    expect(warnings()).toEqual([expect.stringMatching(/rate limit reached .* retrying in \d+s/)]);
  });

  it('retries a 429 and succeeds', async () => {
    server.inject({ kind: 'rate-limit-429', path: ISSUE, retryAfter: 1 });
    const { data } = await octokit().rest.issues.get({ ...repo, issue_number: 1 });
    expect(data.number).toBe(1);
    expect(hits(ISSUE)).toEqual([429, 200]);
  });

  it('does not retry a 422: exactly one request', async () => {
    // A plain string route skips Octokit's typing, which (rightly) insists on `body`.
    const route: string = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
    const error: unknown = await octokit()
      .request(route, { ...repo, issue_number: 1 })
      .catch((e: unknown) => e);
    expect(httpStatus(error)).toBe(422);
    expect(hits(`${ISSUE}/comments`)).toEqual([422]);
  });

  it('does not retry "Resource not accessible by integration": exactly one request', async () => {
    server.inject({ kind: 'not-accessible-by-integration', path: `${ISSUE}/comments` });
    const error: unknown = await octokit()
      .rest.issues.createComment({ ...repo, issue_number: 1, body: 'hi' })
      .catch((e: unknown) => e);
    expect(httpStatus(error)).toBe(403);
    expect((error as Error).message).toContain('Resource not accessible by integration');
    expect(hits(`${ISSUE}/comments`)).toEqual([403]);
  });

  it('gives up on a 5xx after its retries, with the status', async () => {
    server.inject({ kind: 'server-error', status: 500, path: ISSUE, times: 10 });
    const client = createOctokit({ token: 'test-token', baseUrl: server.url, logger, retries: 1 });
    const error: unknown = await client.rest.issues.get({ ...repo, issue_number: 1 }).catch((e: unknown) => e);
    expect(httpStatus(error)).toBe(500);
    expect(hits(ISSUE)).toEqual([500, 500]);
  });
});
