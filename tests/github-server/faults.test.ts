import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { call } from './api-client.js';

let server: GitHubServer;
const ISSUE = '/repos/acme/app/issues/1';

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app');
  server.state.addIssue('acme', 'app', { title: 'Bug' });
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

describe('injected faults', () => {
  it('server-error: 502 by default, or the status asked for, then normal service', async () => {
    server.inject({ kind: 'server-error' });
    server.inject({ kind: 'server-error', status: 503 });
    expect((await call(server, 'GET', ISSUE)).status).toBe(502);
    expect((await call(server, 'GET', ISSUE)).status).toBe(503);
    expect((await call(server, 'GET', ISSUE)).status).toBe(200);
  });

  it("secondary-rate-limit: 403 with retry-after and GitHub's message", async () => {
    server.inject({ kind: 'secondary-rate-limit', retryAfter: 7 });
    const res = await call(server, 'GET', ISSUE);
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.json.message).toMatch(/^You have exceeded a secondary rate limit\. Please wait a few minutes/);
  });

  it('rate-limit-429: 429 with retry-after', async () => {
    server.inject({ kind: 'rate-limit-429', retryAfter: 2 });
    const res = await call(server, 'GET', ISSUE);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('primary-rate-limit: 403 with x-ratelimit-remaining 0 and a reset retryAfter seconds ahead', async () => {
    server.inject({ kind: 'primary-rate-limit', retryAfter: 30 });
    const res = await call(server, 'GET', ISSUE);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(reset - Date.now() / 1000).toBeGreaterThan(28);
    expect(reset - Date.now() / 1000).toBeLessThan(31);
    expect(res.json.message).toMatch(/^API rate limit exceeded/);
  });

  it('not-accessible-by-integration: 403 Resource not accessible by integration', async () => {
    server.inject({ kind: 'not-accessible-by-integration', method: 'POST' });
    expect((await call(server, 'GET', ISSUE)).status).toBe(200);
    const res = await call(server, 'POST', `${ISSUE}/comments`, { body: { body: 'hi' } });
    expect(res.status).toBe(403);
    expect(res.json.message).toBe('Resource not accessible by integration');
    expect(server.state.comments('acme', 'app')).toHaveLength(0);
  });

  it('matches faults by method, exact path, OpenAPI template or RegExp, `times` times', async () => {
    server.inject({ kind: 'server-error', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', times: 2 });
    server.inject({ kind: 'server-error', status: 500, path: /\/issues$/ });
    expect((await call(server, 'GET', ISSUE)).status).toBe(200);
    expect((await call(server, 'GET', `${ISSUE}/comments`)).status).toBe(502);
    expect((await call(server, 'GET', `${ISSUE}/comments`)).status).toBe(502);
    expect((await call(server, 'GET', `${ISSUE}/comments`)).status).toBe(200);
    expect((await call(server, 'GET', '/repos/acme/app/issues')).status).toBe(500);
    expect((await call(server, 'GET', '/repos/acme/app/issues')).status).toBe(200);
  });
});
