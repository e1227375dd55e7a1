import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { call } from './api-client.js';

let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer({
    tokens: {
      'test-token': { login: 'shipkit-bot', type: 'Bot' },
      'fork-token': {
        login: 'github-actions[bot]',
        type: 'Bot',
        permissions: { issues: 'read', pull_requests: 'read' },
      },
      'no-members': { login: 'someone', permissions: { members: 'none' } },
    },
  });
  server.state.addRepo('acme', 'app');
  server.state.addIssue('acme', 'app', { title: 'Bug', user: 'alice' });
  server.state.addPull('acme', 'app', { number: 2, files: [{ filename: 'src/a.ts', additions: 3 }] });
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

describe('routing like GitHub', () => {
  it('answers a path that is not in the API description with 404 Not Found', async () => {
    const res = await call(server, 'GET', '/repos/acme/app/isues/1');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({
      message: 'Not Found',
      documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com/),
    });
  });

  it('answers a known path with a method it does not have with 404, as GitHub does', async () => {
    const res = await call(server, 'DELETE', '/repos/acme/app/issues');
    expect(res.status).toBe(404);
    expect(res.json.message).toBe('Not Found');
  });

  it('answers a non-integer issue number with 404', async () => {
    expect((await call(server, 'GET', '/repos/acme/app/issues/abc')).status).toBe(404);
    expect((await call(server, 'GET', '/repos/acme/app/issues/1')).status).toBe(200);
  });

  it('prefers literal segments: /issues/comments/{id} is not /issues/{number}', async () => {
    const comment = server.state.addComment('acme', 'app', 1, { user: 'bob', body: 'hello' });
    const res = await call(server, 'GET', `/repos/acme/app/issues/comments/${comment.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: comment.id, body: 'hello', user: { login: 'bob' } });
  });

  it('answers 404 for a repository the test never added', async () => {
    expect((await call(server, 'GET', '/repos/acme/other/issues/1')).status).toBe(404);
  });

  it('rejects a comment without its required body with 422 Validation Failed', async () => {
    const res = await call(server, 'POST', '/repos/acme/app/issues/1/comments', { body: {} });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }],
    });
    expect(server.state.comments('acme', 'app')).toHaveLength(0);
  });

  it('rejects a field of the wrong type with 422 and names the field', async () => {
    const res = await call(server, 'POST', '/repos/acme/app/issues/1/comments', { body: { body: 42 } });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'body', code: 'invalid' })]);
  });

  it('refuses a comment body over 65 536 characters with 422, as GitHub does', async () => {
    const res = await call(server, 'POST', '/repos/acme/app/issues/1/comments', { body: { body: 'x'.repeat(65_537) } });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)',
    });
    const fits = await call(server, 'POST', '/repos/acme/app/issues/1/comments', {
      body: { body: 'x'.repeat(65_536) },
    });
    expect(fits.status).toBe(201);
  });

  it('answers a body that is not JSON with 400 Problems parsing JSON', async () => {
    const res = await fetch(`${server.url}/repos/acme/app/issues/1/comments`, {
      method: 'POST',
      headers: { authorization: 'token test-token', 'content-type': 'application/json' },
      body: '{"body":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('Problems parsing JSON');
  });

  it('answers an operation GitHub has but the server does not implement with 501 naming it', async () => {
    const res = await call(server, 'GET', '/repos/acme/app/releases');
    expect(res.status).toBe(501);
    expect(res.json.message).toContain('repos/list-releases');
  });

  it('refuses unknown and missing tokens with 401', async () => {
    const bad = await call(server, 'GET', '/repos/acme/app/issues/1', { token: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.json.message).toBe('Bad credentials');
    const none = await call(server, 'GET', '/repos/acme/app/issues/1', { token: null });
    expect(none.status).toBe(401);
    expect(none.json.message).toBe('Requires authentication');
  });

  it('accepts `Bearer` as well as `token` authorization', async () => {
    const res = await call(server, 'GET', '/repos/acme/app/issues/1', {
      token: null,
      headers: { authorization: 'Bearer test-token' },
    });
    expect(res.status).toBe(200);
  });

  it('gives a fork-PR token (issues/pull_requests: read) 403 on writes, reads still work', async () => {
    const write = await call(server, 'POST', '/repos/acme/app/issues/2/comments', {
      body: { body: 'hi' },
      token: 'fork-token',
    });
    expect(write.status).toBe(403);
    expect(write.json.message).toBe('Resource not accessible by integration');
    expect(write.headers.get('x-accepted-github-permissions')).toBe('issues=write; pull_requests=write');
    const read = await call(server, 'GET', '/repos/acme/app/issues/2/comments', { token: 'fork-token' });
    expect(read.status).toBe(200);
    expect(server.state.comments('acme', 'app')).toHaveLength(0);
  });

  it('checks permissions before the body, like GitHub (a bad body from a read-only token is 403)', async () => {
    const res = await call(server, 'POST', '/repos/acme/app/issues/2/comments', { body: {}, token: 'fork-token' });
    expect(res.status).toBe(403);
  });

  it('lists team members only for a token with members read', async () => {
    server.state.addTeam('acme', 'reviewers', ['alice', 'bob']);
    const ok = await call(server, 'GET', '/orgs/acme/teams/reviewers/members');
    expect(ok.json.map((u: { login: string }) => u.login)).toEqual(['alice', 'bob']);
    const denied = await call(server, 'GET', '/orgs/acme/teams/reviewers/members', { token: 'no-members' });
    expect(denied.status).toBe(403);
    expect((await call(server, 'GET', '/orgs/acme/teams/ghosts/members')).status).toBe(404);
  });

  it('sends the headers clients read on every response', async () => {
    for (const path of ['/repos/acme/app/issues/1', '/nope']) {
      const res = await call(server, 'GET', path);
      for (const header of [
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-ratelimit-used',
        'x-ratelimit-resource',
        'x-github-request-id',
      ]) {
        expect(res.headers.get(header), `${header} on ${path}`).toBeTruthy();
      }
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
    expect(Number((await call(server, 'GET', '/repos/acme/app/issues/1')).headers.get('x-ratelimit-used'))).toBe(3);
  });

  it('records every request with its operation and status', async () => {
    await call(server, 'POST', '/repos/acme/app/issues/1/comments', { body: { body: 'x' } });
    await call(server, 'GET', '/nope');
    expect(server.requests.map((r) => [r.method, r.path, r.status, r.operationId])).toEqual([
      ['POST', '/repos/acme/app/issues/1/comments', 201, 'issues/create-comment'],
      ['GET', '/nope', 404, undefined],
    ]);
    expect(server.requests[0].body).toEqual({ body: 'x' });
    expect(server.requests[0].headers.authorization).toBe('token test-token');
  });
});
