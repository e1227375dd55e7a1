import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { call, octokitFor } from './api-client.js';

let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app', { refs: { main: 'a'.repeat(40) }, collaborators: { alice: 'write' } });
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

describe('every implemented route through Octokit, with schema-valid responses', () => {
  it('issues and comments: create, read, update, list, delete', async () => {
    const { octokit } = octokitFor(server);
    const repo = { owner: 'acme', repo: 'app' };
    const { data: issue } = await octokit.rest.issues.create({ ...repo, title: 'Deploy failed', labels: ['ci'] });
    expect(issue).toMatchObject({
      number: 1,
      state: 'open',
      user: { login: 'shipkit-bot', type: 'Bot' },
      labels: [{ name: 'ci' }],
    });
    const { data: comment } = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'first' });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: 'edited' });
    expect(server.state.comments('acme', 'app', 1)[0]).toMatchObject({ body: 'edited' });
    const { data: fetched } = await octokit.rest.issues.getComment({ ...repo, comment_id: comment.id });
    expect(fetched.body).toBe('edited');
    await octokit.rest.issues.update({ ...repo, issue_number: 1, state: 'closed' });
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, repo);
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'all' });
    expect([open.length, all.length, all[0].comments]).toEqual([0, 1, 1]);
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: comment.id });
    expect(server.state.comments('acme', 'app')).toEqual([]);
  });

  it('pull requests, files and compare', async () => {
    server.state.addPull('acme', 'app', {
      number: 5,
      head: 'feature',
      files: [
        { filename: 'a.ts', status: 'added', additions: 4, patch: '@@ -0,0 +1,4 @@' },
        { filename: 'b.ts', status: 'renamed', previousFilename: 'old-b.ts' },
      ],
    });
    server.state.addCommits('acme', 'app', {
      base: 'main',
      head: 'feature',
      commits: [{ message: 'feat: one', author: { login: 'alice' } }, { message: 'fix: two' }],
      files: [{ filename: 'a.ts', status: 'added', additions: 4 }],
    });
    const { octokit } = octokitFor(server);
    const repo = { owner: 'acme', repo: 'app' };
    const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: 5 });
    expect(pull).toMatchObject({
      number: 5,
      head: { ref: 'feature' },
      base: { ref: 'main', sha: 'a'.repeat(40) },
      changed_files: 2,
      additions: 4,
    });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: 5 });
    expect(files.map((f) => [f.filename, f.status, f.previous_filename])).toEqual([
      ['a.ts', 'added', undefined],
      ['b.ts', 'renamed', 'old-b.ts'],
    ]);
    const { data: compare } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: 'main...feature',
    });
    expect(compare).toMatchObject({ status: 'ahead', ahead_by: 2, total_commits: 2 });
    expect(compare.commits.map((c) => [c.commit.message, c.author?.login ?? null])).toEqual([
      ['feat: one', 'alice'],
      ['fix: two', null],
    ]);
    expect(compare.commits[1].parents[0].sha).toBe(compare.commits[0].sha);
    const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: 5 });
    expect(issue.pull_request?.url).toBe(`${server.url}/repos/acme/app/pulls/5`);
  });

  it('deployments and statuses, with auto_inactive on the earlier deployment', async () => {
    const { octokit } = octokitFor(server);
    const repo = { owner: 'acme', repo: 'app' };
    const ids: number[] = [];
    for (const ref of ['main', 'main']) {
      const { data } = await octokit.rest.repos.createDeployment({
        ...repo,
        ref,
        environment: 'staging',
        auto_merge: false,
        required_contexts: [],
      });
      if (!('id' in data)) throw new Error('expected a deployment');
      ids.push(Number(data.id));
      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: Number(data.id),
        state: 'success',
        environment_url: 'https://staging.example.com',
      });
    }
    const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { ...repo, environment: 'staging' });
    expect(deployments.map((d) => [d.id, d.sha, d.production_environment])).toEqual([
      [ids[1], 'a'.repeat(40), false],
      [ids[0], 'a'.repeat(40), false],
    ]);
    const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, {
      ...repo,
      deployment_id: ids[0],
    });
    expect(statuses.map((s) => s.state)).toEqual(['inactive', 'success']);
    expect(server.state.deploymentStatuses('acme', 'app', ids[1])).toHaveLength(1);
  });

  it('compare takes branch names with slashes, as GitHub does', async () => {
    server.state.addCommits('acme', 'app', { base: 'main', head: 'feature/login', commits: [{ message: 'wip' }] });
    const { octokit } = octokitFor(server);
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'acme',
      repo: 'app',
      basehead: 'main...feature/login',
    });
    expect(data.commits.map((c) => c.commit.message)).toEqual(['wip']);
    // Octokit sends the slash encoded; a raw client may not: both reach the same comparison.
    expect(server.requests.at(-1)?.path).toBe('/repos/acme/app/compare/main...feature%2Flogin');
    const raw = await call(server, 'GET', '/repos/acme/app/compare/main...feature/login');
    expect(raw.json.total_commits).toBe(1);
  });

  it('collaborator permission', async () => {
    const { octokit } = octokitFor(server);
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: 'acme',
      repo: 'app',
      username: 'alice',
    });
    expect(data).toMatchObject({ permission: 'write', role_name: 'write', user: { login: 'alice' } });
    const own = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: 'acme',
      repo: 'app',
      username: 'acme',
    });
    expect(own.data.permission).toBe('admin');
  });
});
