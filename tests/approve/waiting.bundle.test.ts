import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { ApproveReport } from '../../src/stages/approve/report-schema.js';
import type { GitHubServer } from '../support/github-server/index.js';
import { comment, eventually, nextPolls, OWNER, REPO, requestIssue, startGate, TOKEN, world } from './harness.js';

let server: GitHubServer;
beforeEach(async () => {
  server = await world();
});
afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

const COMMENTS = /^\/repos\/octo-org\/octo-repo\/issues\/\d+\/comments$/;
const polls = () => server.requests.filter((r) => r.method === 'GET' && COMMENTS.test(r.path));

function approval(outputs: Record<string, string>) {
  return (JSON.parse(readFileSync(outputs.report ?? '', 'utf8')) as { approval: { polls: Record<string, number> } })
    .approval;
}

describe('approve bundle: waiting', () => {
  it('reads every page: an approval after more than 100 comments counts', async () => {
    const gate = startGate(server, { approvers: 'alice' });
    const issue = await requestIssue(server);
    for (let i = 0; i < 130; i++) comment(server, issue.number, 'dave', `question ${i}: is the migration reversible?`);
    comment(server, issue.number, 'alice', 'approve');
    const result = await gate.result;
    expect(result.outputs).toMatchObject({ decision: 'approved', approvers: 'alice' });
    expect(polls().some((r) => r.query.page === '2' && r.status === 200)).toBe(true);
  });

  it('sends the ETag back: unchanged pages answer 304 and cost no rate limit', async () => {
    const gate = startGate(server, { approvers: 'alice' });
    const issue = await requestIssue(server);
    await nextPolls(server, 6);
    const used = server.rateLimitUsed(TOKEN);
    await nextPolls(server, 5);
    expect(server.rateLimitUsed(TOKEN)).toBe(used); // five more polls, all free
    expect(
      polls()
        .slice(1)
        .every((r) => r.status === 304 && typeof r.headers['if-none-match'] === 'string'),
    ).toBe(true);
    comment(server, issue.number, 'alice', 'lgtm');
    const result = await gate.result;
    expect(result.outputs.decision).toBe('approved');
    expect(polls().at(-1)?.status).toBe(200); // the new comment changed the page
    const counted = approval(result.outputs).polls;
    expect(counted.notModified).toBeGreaterThanOrEqual(10);
    expect(counted.requests).toBe(polls().length);
  });

  it('waits out a 5xx and a secondary rate limit in the middle, then counts the approval', async () => {
    const gate = startGate(server, { approvers: 'alice, bob', 'min-approvals': '2' });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'alice', 'approve');
    await nextPolls(server, 2);
    const template = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
    server.inject({ method: 'GET', path: template, kind: 'server-error', status: 502 });
    server.inject({ method: 'GET', path: template, kind: 'secondary-rate-limit', retryAfter: 1 });
    await eventually('both faults served', () => {
      const statuses = polls().map((r) => r.status);
      return statuses.includes(502) && statuses.includes(403) ? true : undefined;
    });
    comment(server, issue.number, 'bob', 'approve');
    const result = await gate.result;
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ decision: 'approved', approvers: 'alice,bob' });
    const warnings = result.annotations.filter((a) => a.command === 'warning').map((a) => a.message);
    expect(warnings.some((w) => /secondary rate limit/.test(w))).toBe(true);
  });

  it('closes the issue as cancelled on SIGTERM and fails the step', async () => {
    const gate = startGate(server, { approvers: 'alice', environment: 'production' });
    const issue = await requestIssue(server);
    await nextPolls(server, 2);
    gate.child.kill('SIGTERM');
    const result = await gate.result;
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ approved: 'false', decision: 'cancelled' });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(server.state.comments(OWNER, REPO, issue.number).at(-1)?.body).toContain('**Cancelled**');
    const deployment = server.state.deployments(OWNER, REPO)[0];
    expect(server.state.deploymentStatuses(OWNER, REPO, deployment?.id).map((s) => s.state)).toEqual([
      'queued',
      'failure',
    ]);
  });

  it('fails closed when the token loses access while waiting: the issue is closed, the outputs say error', async () => {
    const gate = startGate(server, { approvers: 'alice', environment: 'production' });
    const issue = await requestIssue(server);
    await nextPolls(server, 2);
    server.inject({
      method: 'GET',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'not-accessible-by-integration',
    });
    const result = await gate.result;
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      approved: 'false',
      decision: 'error',
      'issue-number': String(issue.number),
    });
    const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8')) as ApproveReport;
    assertReportMatches(ApproveReport, report);
    expect(report.approval).toMatchObject({ decision: 'error', issueNumber: issue.number });
    expect(report.error).toMatchObject({
      kind: 'service',
      message: expect.stringContaining('reading the approval comments failed with HTTP 403'),
      input: 'github-token',
    });
    expect(result.annotations.find((a) => a.command === 'error')?.message).toContain(
      'reading the approval comments failed with HTTP 403',
    );
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(server.state.comments(OWNER, REPO, issue.number).at(-1)?.body).toContain('**Failed**');
    const deployment = server.state.deployments(OWNER, REPO)[0];
    expect(server.state.deploymentStatuses(OWNER, REPO, deployment?.id).map((s) => s.state)).toEqual([
      'queued',
      'failure',
    ]);
  });

  it('exits once decided, though a poll was told to retry after an hour', async () => {
    // Every poll is rate limited for an hour. The client's own rate-limit wait would hold the
    // process for that hour after the decision; the gate's waits end with it.
    server.inject({
      method: 'GET',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'secondary-rate-limit',
      retryAfter: 3600,
      times: 1000,
    });
    const gate = startGate(server, { approvers: 'alice', timeout: '3s' });
    const issue = await requestIssue(server);
    const result = await gate.result;
    // Ended by itself (not killed by the runner's 60 s limit), timed out and failed closed.
    expect(result.signal).toBeNull();
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ approved: 'false', decision: 'timed-out' });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(server.state.comments(OWNER, REPO, issue.number).at(-1)?.body).toContain('**Timed out**');
    const warnings = result.annotations.filter((a) => a.command === 'warning').map((a) => a.message);
    expect(
      warnings.some((w) =>
        /polling the approval comments failed \(403: You have exceeded a secondary rate limit/.test(w),
      ),
    ).toBe(true);
    expect(warnings.some((w) => /trying again in 3600s/.test(w))).toBe(true);
  });

  it('logs how the wait stands after the first poll, as a line of its own', async () => {
    const gate = startGate(server, { approvers: 'alice, bob', 'min-approvals': '2' });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'alice', 'approve');
    await nextPolls(server, 2);
    comment(server, issue.number, 'bob', 'approve');
    const result = await gate.result;
    expect(result.outputs.decision).toBe('approved');
    const progress = result.stdout.split('\n').filter((l) => l.startsWith('waiting for approval in '));
    // poll-interval is 200 ms: every poll of this short wait falls in the first minute, so one line.
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatch(
      /^waiting for approval in https:\/\/github\.com\/octo-org\/octo-repo\/issues\/\d+: [01] of 2 approval\(s\)/,
    );
  });
});
