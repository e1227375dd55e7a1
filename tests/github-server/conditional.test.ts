import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { call } from './api-client.js';

let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app');
  server.state.addIssue('acme', 'app', { title: 'Flaky test', user: 'alice' });
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

describe('conditional requests', () => {
  it('answers a repeated GET with If-None-Match 304, no body, and does not count it against the rate limit', async () => {
    const first = await call(server, 'GET', '/repos/acme/app/issues/1');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');

    const again = await call(server, 'GET', '/repos/acme/app/issues/1', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(again.headers.get('x-ratelimit-used')).toBe('1');
    expect(server.rateLimitUsed('test-token')).toBe(1);
  });

  it('answers 200 with a new ETag once the resource changed', async () => {
    const first = await call(server, 'GET', '/repos/acme/app/issues/1');
    await call(server, 'PATCH', '/repos/acme/app/issues/1', { body: { state: 'closed' } });
    const after = await call(server, 'GET', '/repos/acme/app/issues/1', {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    expect(after.json).toMatchObject({ state: 'closed', state_reason: 'completed', closed_at: expect.any(String) });
    expect(after.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(after.headers.get('x-ratelimit-remaining')).toBe('4997');
  });

  it('sends an ETag on list GETs and none on writes', async () => {
    expect((await call(server, 'GET', '/repos/acme/app/issues')).headers.get('etag')).toBeTruthy();
    const created = await call(server, 'POST', '/repos/acme/app/issues', { body: { title: 'New' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBeNull();
    expect(created.headers.get('location')).toBe(`${server.url}/repos/acme/app/issues/2`);
  });
});
