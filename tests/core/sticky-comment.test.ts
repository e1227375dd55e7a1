import { STAGES } from '../../src/stages/registry.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/core/github/octokit.js';
import { upsertStickySection } from '../../src/core/github/sticky-comment.js';
import { COMMENT_BODY_LIMIT, parseSections, STICKY_MARKER } from '../../src/core/comment/sticky-body.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 7;
const ref = { owner: OWNER, repo: REPO, issueNumber: PR };

describe('sticky PR comment against the GitHub API server', () => {
  let server: GitHubServer;

  beforeEach(async () => {
    server = await startGitHubServer({
      tokens: {
        'test-token': { login: 'github-actions[bot]', type: 'Bot' },
        'fork-token': {
          login: 'github-actions[bot]',
          type: 'Bot',
          permissions: { issues: 'read', pull_requests: 'read', contents: 'read' },
        },
      },
    });
    server.state.addRepo(OWNER, REPO);
    server.state.addPull(OWNER, REPO, { number: PR });
  });
  afterEach(async () => {
    server.assertNoSchemaViolations();
    await server.close();
  });

  const client = (token = 'test-token', id?: string) =>
    createOctokit({ token, baseUrl: server.url, logger: new MemoryLogger(), throttleId: id });
  const markerComments = () => server.state.comments(OWNER, REPO, PR).filter((c) => c.body.includes(STICKY_MARKER));
  const fast = { logger: new MemoryLogger(), settleMs: [20, 60] as [number, number], order: STAGES.map((s) => s.name) };

  it('creates the comment, then updates its own section in place', async () => {
    const octokit = client();
    const first = await upsertStickySection(octokit, ref, { key: 'test', markdown: 'lines 80 %' }, fast);
    expect(first.status).toBe('created');
    const second = await upsertStickySection(octokit, ref, { key: 'test', markdown: 'lines 85 %' }, fast);
    expect(second.status).toBe('updated');
    expect(second.commentId).toBe(first.commentId);
    const third = await upsertStickySection(octokit, ref, { key: 'smoke', markdown: 'all checks passed' }, fast);
    expect(third.commentId).toBe(first.commentId);
    expect(markerComments()).toHaveLength(1);
    expect(parseSections(markerComments()[0].body)).toEqual([
      { key: 'test', markdown: 'lines 85 %' },
      { key: 'smoke', markdown: 'all checks passed' },
    ]);
    // Unchanged content writes nothing.
    const patches = server.requests.filter((r) => r.method === 'PATCH').length;
    expect(
      (await upsertStickySection(octokit, ref, { key: 'smoke', markdown: 'all checks passed' }, fast)).status,
    ).toBe('unchanged');
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(patches);
  });

  it('finds its comment among more than 100 others (paginated)', async () => {
    for (let i = 0; i < 120; i++) server.state.addComment(OWNER, REPO, PR, { user: 'someone', body: `comment ${i}` });
    const octokit = client();
    const first = await upsertStickySection(octokit, ref, { key: 'test', markdown: 'one' }, fast);
    const second = await upsertStickySection(octokit, ref, { key: 'test', markdown: 'two' }, fast);
    expect(second.commentId).toBe(first.commentId);
    expect(markerComments()).toHaveLength(1);
  });

  it('loses no section when 10 jobs write their sections at once', async () => {
    const keys = [
      'test',
      'scan',
      'docker',
      'migrate',
      'smoke',
      'approve',
      'test/shard-1',
      'test/shard-2',
      'test/shard-3',
      'test/shard-4',
    ];
    const results = await Promise.all(
      keys.map((key, i) =>
        upsertStickySection(
          client('test-token', `job-${i}`),
          ref,
          { key, markdown: `section of ${key}` },
          { logger: new MemoryLogger() },
        ),
      ),
    );
    expect(new Set(results.map((r) => r.commentId)).size).toBe(1);
    const comments = markerComments();
    expect(comments).toHaveLength(1);
    expect(
      parseSections(comments[0].body)
        .map((s) => s.key)
        .sort(),
    ).toEqual([...keys].sort());
    for (const s of parseSections(comments[0].body)) expect(s.markdown).toBe(`section of ${s.key}`);
  }, 120_000);

  it('keeps the body under GitHub’s 65 536-character limit by trimming, and links to the job summary', async () => {
    const octokit = client();
    await upsertStickySection(octokit, ref, { key: 'smoke', markdown: 'short' }, fast);
    const huge = `| file | % |\n|---|---|\n${'| a/very/long/file/name.ts | 50 % |\n'.repeat(5_000)}`;
    const r = await upsertStickySection(
      octokit,
      ref,
      { key: 'test', markdown: huge },
      { ...fast, summaryUrl: 'https://github.com/o/r/actions/runs/1' },
    );
    expect(r.status).toBe('updated');
    const body = markerComments()[0].body;
    expect(body.length).toBeLessThan(COMMENT_BODY_LIMIT);
    expect(body).toContain('[full report in the job summary](https://github.com/o/r/actions/runs/1)');
    expect(parseSections(body).find((s) => s.key === 'smoke')?.markdown).toBe('short');
  });

  it('reports a fork PR’s 403 as forbidden instead of throwing', async () => {
    const r = await upsertStickySection(client('fork-token'), ref, { key: 'test', markdown: 'x' }, fast);
    expect(r.status).toBe('forbidden');
    expect(r.reason).toContain('Resource not accessible by integration');
    expect(markerComments()).toHaveLength(0);
  });
});
