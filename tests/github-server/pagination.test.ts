import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { call, octokitFor } from './api-client.js';

let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app');
  server.state.addPull('acme', 'app', { number: 7 });
  const start = Date.parse('2026-11-01T00:00:00Z');
  for (let i = 0; i < 130; i++) {
    const at = new Date(start + i * 60_000).toISOString().replace('.000', '');
    server.state.addComment('acme', 'app', 7, { user: i % 2 ? 'alice' : 'bob', body: `comment ${i}`, createdAt: at });
  }
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

describe('pagination', () => {
  it('serves >100 comments over pages that Octokit paginate follows to the end', async () => {
    const { octokit } = octokitFor(server);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'acme',
      repo: 'app',
      issue_number: 7,
      per_page: 100,
    });
    expect(comments).toHaveLength(130);
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 130 }, (_, i) => `comment ${i}`));
    expect(server.requests.map((r) => [r.query.page, r.query.per_page, r.status])).toEqual([
      [undefined, '100', 200],
      ['2', '100', 200],
    ]);
  });

  it('sends GitHub Link headers: next+last on the first page, prev+first on the last', async () => {
    const first = await call(server, 'GET', '/repos/acme/app/issues/7/comments?per_page=50');
    expect(first.json).toHaveLength(50);
    expect(first.headers.get('link')).toBe(
      `<${server.url}/repos/acme/app/issues/7/comments?per_page=50&page=2>; rel="next", ` +
        `<${server.url}/repos/acme/app/issues/7/comments?per_page=50&page=3>; rel="last"`,
    );
    const middle = await call(server, 'GET', '/repos/acme/app/issues/7/comments?per_page=50&page=2');
    expect(middle.headers.get('link')).toContain('page=1>; rel="prev"');
    expect(middle.headers.get('link')).toContain('page=3>; rel="next"');
    const last = await call(server, 'GET', '/repos/acme/app/issues/7/comments?per_page=50&page=3');
    expect(last.json).toHaveLength(30);
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect(last.headers.get('link')).toContain('page=1>; rel="first"');
  });

  it('defaults to 30 a page and caps per_page at 100', async () => {
    expect((await call(server, 'GET', '/repos/acme/app/issues/7/comments')).json).toHaveLength(30);
    expect((await call(server, 'GET', '/repos/acme/app/issues/7/comments?per_page=500')).json).toHaveLength(100);
    const single = await call(server, 'GET', '/repos/acme/app/issues/7/comments?per_page=100&page=9');
    expect(single.json).toEqual([]);
  });

  it('filters on updated_at with `since`, so an edited old comment comes back', async () => {
    server.state.addComment('acme', 'app', 7, {
      user: 'carol',
      body: 'approve (edited)',
      createdAt: '2026-10-01T00:00:00Z',
      updatedAt: '2026-11-20T00:00:00Z',
    });
    const { octokit } = octokitFor(server);
    const recent = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'acme',
      repo: 'app',
      issue_number: 7,
      since: '2026-11-10T00:00:00Z',
    });
    expect(recent.map((c) => [c.body, c.created_at < c.updated_at])).toEqual([['approve (edited)', true]]);
  });

  it('paginates pull request files', async () => {
    server.state.addPull('acme', 'app', {
      number: 8,
      files: Array.from({ length: 120 }, (_, i) => ({
        filename: `src/f${i}.ts`,
        additions: i,
        patch: '@@ -0,0 +1 @@\n+x',
      })),
    });
    const { octokit } = octokitFor(server);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: 'acme',
      repo: 'app',
      pull_number: 8,
      per_page: 100,
    });
    expect(files).toHaveLength(120);
    expect(files[119]).toMatchObject({ filename: 'src/f119.ts', additions: 119, changes: 119, status: 'modified' });
  });
});
