import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSections, STICKY_MARKER } from '../../src/core/comment/sticky-body.js';
import { assertReportMatches, BaseReportSchema } from '../../src/core/report/schema.js';
import { runBundle } from '../support/action-runner.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { pullRequestEvent } from '../support/webhook-events.js';

// The platform's promises, shown through a real bundle run as the runner runs it: the smoke
// action against a local HTTP server, on a pull_request event, talking to the GitHub API server.
const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 12;
const WRITE_TOKEN = 'ghs_writeTokenForTheSuite0001';
const FORK_TOKEN = 'ghs_forkPullRequestToken0002';

describe('runner contract (smoke bundle)', () => {
  let github: GitHubServer;
  let site: http.Server;
  let siteUrl: string;
  let status = 200;

  beforeAll(async () => {
    site = http.createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => site.close(resolve));
  });

  beforeEach(async () => {
    status = 200;
    github = await startGitHubServer({
      tokens: {
        [WRITE_TOKEN]: { login: 'github-actions[bot]', type: 'Bot' },
        [FORK_TOKEN]: {
          login: 'github-actions[bot]',
          type: 'Bot',
          permissions: { issues: 'read', pull_requests: 'read' },
        },
      },
    });
    github.state.addRepo(OWNER, REPO);
    github.state.addPull(OWNER, REPO, { number: PR });
    return async () => {
      github.assertNoSchemaViolations();
      await github.close();
    };
  });

  const run = (token: string) =>
    runBundle('smoke', {
      inputs: { url: siteUrl, timeout: '20s' },
      token,
      apiUrl: github.url,
      repository: `${OWNER}/${REPO}`,
      event: { name: 'pull_request', payload: pullRequestEvent({ owner: OWNER, repo: REPO, number: PR }) },
    });
  const markerComments = () => github.state.comments(OWNER, REPO, PR).filter((c) => c.body.includes(STICKY_MARKER));

  it('writes outputs, a valid report file, the job summary and its PR comment section; masks the token', async () => {
    const r = await run(WRITE_TOKEN);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.passed).toBe('true');
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'));
    expect(() => assertReportMatches(BaseReportSchema, report)).not.toThrow();
    expect(report.stage).toBe('smoke');
    expect(report.run.url).toBe(`https://github.com/${OWNER}/${REPO}/actions/runs/4242`);
    expect(r.summary.length).toBeGreaterThan(0);

    const comments = markerComments();
    expect(comments).toHaveLength(1);
    expect(parseSections(comments[0].body).map((s) => s.key)).toEqual(['smoke']);

    // The token is registered for masking before anything else, and never printed in clear.
    const masks = r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    expect(masks).toContain(WRITE_TOKEN);
    expect(r.stdout.replace(`::add-mask::${WRITE_TOKEN}`, '')).not.toContain(WRITE_TOKEN);
    expect(r.stderr).not.toContain(WRITE_TOKEN);
    expect(r.summary).not.toContain(WRITE_TOKEN);
  });

  it('on a fork PR (403 from GitHub) warns, puts the section in the job summary, and does not fail the job', async () => {
    const r = await run(FORK_TOKEN);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(markerComments()).toHaveLength(0);
    const warning = r.annotations.find(
      (a) => a.command === 'warning' && a.message.includes('Could not write the PR comment'),
    );
    expect(warning?.message).toContain('Resource not accessible by integration');
    expect(r.summary).toContain('PR comment (not posted)');
    expect(github.requests.some((q) => q.method === 'POST' && q.status === 403)).toBe(true);
  });

  it('fails the step with exit code 1 and an error annotation when its gate fails, still publishing everything', async () => {
    status = 503;
    const r = await run(WRITE_TOKEN);
    expect(r.exitCode).toBe(1);
    expect(r.outputs.passed).toBe('false');
    expect(r.annotations.some((a) => a.command === 'error' && a.message.startsWith('smoke:'))).toBe(true);
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'));
    expect(report.status).toBe('fail');
    expect(markerComments()).toHaveLength(1);
  });

  it('names the input and the bad value when an input is invalid, exits 2 without a stack, and still writes the report', async () => {
    const r = await runBundle('smoke', { inputs: { url: siteUrl, concurrency: 'many' }, apiUrl: github.url });
    expect(r.exitCode).toBe(2);
    const report = JSON.parse(readFileSync(r.outputs.report, 'utf8'));
    expect(report).toMatchObject({ stage: 'smoke', status: 'fail', error: { kind: 'usage', input: 'concurrency' } });
    expect(r.summary).toContain("input 'concurrency'");
    const error = r.annotations.find((a) => a.command === 'error');
    expect(error?.message).toMatch(/input 'concurrency'.*'many'/);
    expect(r.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
