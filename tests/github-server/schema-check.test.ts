import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { call } from './api-client.js';

let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app');
  server.state.addIssue('acme', 'app', { title: 'Bug' });
  server.state.addComment('acme', 'app', 1, { user: 'alice', body: 'hi' });
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

/** Empties the violations a test provoked on purpose, after checking them, so afterEach stays strict. */
function takeViolations(): string[] {
  return server.schemaViolations.splice(0);
}

describe('the response schema check bites', () => {
  it('catches a comment whose user lacks required fields', async () => {
    server.setResponseTamper((operationId, status, body) => {
      if (operationId !== 'issues/list-comments' || status !== 200) return body;
      const [first] = body as Record<string, unknown>[];
      return [{ ...first, user: { login: 'alice' } }];
    });
    const res = await call(server, 'GET', '/repos/acme/app/issues/1/comments');
    expect(res.status).toBe(200);
    const violations = takeViolations();
    expect(violations.join('\n')).toMatch(/issues\/list-comments 200: \/0\/user must have required property 'id'/);
    expect(() => {
      server.schemaViolations.push(...violations);
      server.assertNoSchemaViolations();
    }).toThrow(/break GitHub's schema/);
    takeViolations();
  });

  it('catches a wrong type, a null where none is allowed, and a bad date-time', async () => {
    server.setResponseTamper((_op, status, body) =>
      status === 200 ? { ...(body as object), number: '1', title: null, created_at: 'yesterday' } : body,
    );
    await call(server, 'GET', '/repos/acme/app/issues/1');
    const violations = takeViolations().join('\n');
    expect(violations).toContain('/number must be integer');
    expect(violations).toContain('/title must be string');
    expect(violations).toContain('/created_at must match format "date-time"');
  });

  it('catches an error body that is not GitHub-shaped', async () => {
    server.setResponseTamper((_op, status, body) => (status === 404 ? { message: 404 } : body));
    await call(server, 'GET', '/repos/acme/app/issues/99');
    expect(takeViolations().join('\n')).toContain('issues/get 404: /message must be string');
  });

  it('accepts nullable fields as null (OpenAPI `nullable` is converted, not ignored)', async () => {
    const res = await call(server, 'GET', '/repos/acme/app/issues/1');
    expect(res.json).toMatchObject({ body: null, milestone: null, closed_at: null, assignee: null });
    expect(server.schemaViolations).toEqual([]);
  });
});
