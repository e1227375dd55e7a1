import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/index.js';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { ApproveReport } from '../../src/stages/approve/report-schema.js';
import type { GitHubServer } from '../support/github-server/index.js';
import {
  comment,
  nextPolls,
  NO_MEMBERS_TOKEN,
  OWNER,
  REPO,
  requestIssue,
  startGate,
  webhook,
  world,
} from './harness.js';

let server: GitHubServer;
beforeEach(async () => {
  server = await world();
});
afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

function report(outputs: Record<string, string>): ApproveReport {
  const r: unknown = JSON.parse(readFileSync(outputs.report ?? '', 'utf8'));
  assertReportMatches(ApproveReport, r);
  return r as ApproveReport;
}

/** An earlier successful deployment to production, and the commits since. */
function seedHistory(): void {
  const base = 'b'.repeat(40);
  const at = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const id = server.state.newId();
  server.state.deployments(OWNER, REPO).push({
    id,
    sha: base,
    ref: 'v1.3.0',
    task: 'deploy',
    environment: 'production',
    description: null,
    payload: {},
    creator: 'octocat',
    transientEnvironment: false,
    productionEnvironment: true,
    createdAt: at,
    updatedAt: at,
  });
  server.state.deploymentStatuses(OWNER, REPO).push({
    id: server.state.newId(),
    deploymentId: id,
    state: 'success',
    creator: 'octocat',
    description: '',
    environment: 'production',
    targetUrl: '',
    logUrl: '',
    environmentUrl: '',
    createdAt: at,
  });
  server.state.addCommits(OWNER, REPO, {
    base,
    head: 'v1.4.0',
    commits: [
      { message: 'Fix checkout rounding\n\nlong body', author: { login: 'dave' } },
      { message: 'Add invoice export', author: { login: 'carol' } },
    ],
  });
}

/** A workspace holding a test-stage report, as an earlier shipkit step would leave it. */
function workspaceWithReport(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'approve-ws-'));
  mkdirSync(path.join(dir, 'reports'));
  const earlier = buildReport({
    stage: 'test',
    startedAt: new Date(),
    summary: '412 tests passed, line coverage 91.2%',
    gates: [{ name: 'min-lines', passed: true, required: 80, actual: 91.2, unit: '%' }],
  });
  writeFileSync(path.join(dir, 'reports', 'test.json'), JSON.stringify(earlier));
  writeFileSync(path.join(dir, 'reports', 'junk.json'), '{"not":"a report"}');
  return dir;
}

const statesOf = (id: number | undefined) => server.state.deploymentStatuses(OWNER, REPO, id).map((s) => s.state);
const commentsOf = (n: number) => server.state.comments(OWNER, REPO, n).map((c) => c.body);

describe('approve bundle against the GitHub API', () => {
  it('passes with 2 of 3 team approvals, records the deployment and tells the webhook twice', async () => {
    const hook = await webhook();
    try {
      seedHistory();
      const gate = startGate(
        server,
        {
          approvers: `${OWNER}/release`,
          'min-approvals': '2',
          environment: 'production',
          ref: 'v1.4.0',
          'notify-url': hook.url,
          reports: 'reports/*.json',
        },
        { workspace: workspaceWithReport() },
      );
      const issue = await requestIssue(server);
      expect(issue.title).toBe('Approve deployment of v1.4.0 to production');
      expect(issue.body).toContain('@octocat asked to deploy `v1.4.0`');
      expect(issue.body).toContain('[this workflow run](https://github.com/octo-org/octo-repo/actions/runs/4242)');
      expect(issue.body).toContain('**Approvers:** @octo-org/release (3 people)');
      expect(issue.body).toContain('**Needed:** 2 approvals. @octocat started this run and cannot approve it.');
      expect(issue.body).toMatch(/\*\*Deadline:\*\* \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(issue.body).toContain(
        `2 commits: [full comparison](https://github.com/${OWNER}/${REPO}/compare/${'b'.repeat(40)}...v1.4.0)`,
      );
      expect(issue.body).toMatch(
        /- [0-9a-f]{7} Add invoice export \(carol\)\n- [0-9a-f]{7} Fix checkout rounding \(dave\)/,
      );
      expect(issue.body).toContain('- ✅ **test** pass: 412 tests passed, line coverage 91.2%');
      const created = server.requests.find((r) => r.method === 'POST' && r.path === `/repos/${OWNER}/${REPO}/issues`);
      expect((created?.body as { assignees?: string[] }).assignees).toEqual(['alice', 'bob', 'carol']);
      await nextPolls(server);
      comment(server, issue.number, 'alice', 'Approve');
      await nextPolls(server, 2);
      const deployment = server.state.deployments(OWNER, REPO).find((d) => d.ref === 'v1.4.0');
      expect(deployment).toMatchObject({ ref: 'v1.4.0', environment: 'production' });
      expect(statesOf(deployment?.id)).toEqual(['queued']);
      comment(server, issue.number, 'bob', 'lgtm!');
      const result = await gate.result;

      expect(result.exitCode, result.stdout).toBe(0);
      expect(result.outputs).toMatchObject({
        approved: 'true',
        decision: 'approved',
        approvers: 'alice,bob',
        'issue-number': String(issue.number),
        'deployment-id': String(deployment?.id),
      });
      const r = report(result.outputs);
      expect(r.status).toBe('warn'); // approved, with a warning about junk.json
      expect(r.gates).toEqual([expect.objectContaining({ name: 'approvals', passed: true, required: 2, actual: 2 })]);
      expect(r.approval).toMatchObject({
        decision: 'approved',
        approvers: ['alice', 'bob'],
        issueNumber: issue.number,
        deploymentId: deployment?.id,
      });

      expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
      expect(commentsOf(issue.number).at(-1)).toContain('**Approved** by @alice, @bob');
      expect(statesOf(deployment?.id)).toEqual(['queued', 'in_progress']);
      expect(hook.messages).toHaveLength(2);
      expect(hook.messages[0]).toEqual({
        text: expect.stringContaining('Approval needed: deploy v1.4.0 to production'),
      });
      expect(hook.messages[1]).toEqual({ text: expect.stringContaining('*Approved* by @alice, @bob') });
      const printed = result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
      expect(printed.join('\n')).not.toContain('/services/T000/B000/secret');
      expect(result.annotations.map((a) => a.message).join('\n')).toContain('junk.json is not a shipkit stage report');
    } finally {
      await hook.close();
    }
  });

  it('is denied by one deny after an approval: the issue closes as not planned and the step fails', async () => {
    const gate = startGate(server, { approvers: 'alice, bob, carol', 'min-approvals': '2', environment: 'production' });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'alice', 'approve');
    await nextPolls(server, 2);
    comment(server, issue.number, 'carol', 'Denied.');
    const result = await gate.result;

    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ approved: 'false', decision: 'denied', approvers: 'alice' });
    const r = report(result.outputs);
    expect(r.status).toBe('fail');
    expect(r.gates[0]).toMatchObject({ name: 'approvals', passed: false, required: 2, actual: 1 });
    expect(r.approval).toMatchObject({ decision: 'denied', deniedBy: ['carol'], approvers: ['alice'] });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(commentsOf(issue.number).at(-1)).toContain('**Denied** by @carol');
    const deployment = server.state.deployments(OWNER, REPO)[0];
    expect(statesOf(deployment?.id)).toEqual(['queued', 'failure']);
    expect(result.annotations.find((a) => a.command === 'error')?.message).toContain('Denied by carol');
  });

  it("ignores the initiator's approval", async () => {
    // The webhook is down: a notification failure is a warning, never a decision.
    const gate = startGate(server, { approvers: 'octocat, alice', 'notify-url': 'http://127.0.0.1:9/hook' });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'octocat', 'approve');
    await nextPolls(server, 3);
    expect(issue.state).toBe('open');
    comment(server, issue.number, 'alice', 'yes');
    const result = await gate.result;
    expect(result.outputs).toMatchObject({ decision: 'approved', approvers: 'alice' });
    expect(report(result.outputs).approval.ignored).toEqual([
      expect.objectContaining({ login: 'octocat', reason: 'initiator' }),
    ]);
    const warnings = result.annotations.filter((a) => a.command === 'warning').map((a) => a.message);
    expect(warnings.filter((w) => w.includes('notify-url webhook could not be reached'))).toHaveLength(2);
    expect(result.exitCode).toBe(0);
  });

  it("ignores a non-member's, a bot's and an edited comment, and says so about the edit once", async () => {
    server.state.addUser('deploy-helper[bot]', { type: 'Bot' });
    const gate = startGate(server, { approvers: 'alice, bob' });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'mallory', 'approve');
    comment(server, issue.number, 'deploy-helper[bot]', 'approve');
    comment(server, issue.number, 'alice', 'approve', true);
    await nextPolls(server, 4);
    expect(issue.state).toBe('open');
    const notes = () => commentsOf(issue.number).filter((b) => b.includes('your answer was edited'));
    expect(notes()).toEqual([expect.stringContaining('@alice, your answer was edited, so it does not count')]);
    comment(server, issue.number, 'bob', 'approve');
    const result = await gate.result;
    expect(result.outputs).toMatchObject({ decision: 'approved', approvers: 'bob' });
    expect(notes()).toHaveLength(1);
    const ignored = report(result.outputs).approval.ignored as { login: string; reason: string }[];
    expect(ignored.map((i) => [i.login, i.reason])).toEqual([
      ['mallory', 'not-an-approver'],
      ['deploy-helper[bot]', 'bot'],
      ['alice', 'edited'],
    ]);
  });

  it('fails closed when the token cannot read the team: outputs, report and one clear error, no request', async () => {
    const result = await startGate(server, { approvers: `${OWNER}/release` }, { token: NO_MEMBERS_TOKEN }).result;
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ approved: 'false', decision: 'error', approvers: '', 'issue-number': '' });
    const r = report(result.outputs);
    expect(r.status).toBe('fail');
    expect(r.approval).toMatchObject({ decision: 'error', eligible: [], approvers: [] });
    expect(r.approval.issueNumber).toBeUndefined();
    expect(r.error).toMatchObject({
      kind: 'service',
      message: expect.stringContaining(`cannot list the members of team '${OWNER}/release' (HTTP 403`),
      hint: expect.stringContaining('"Members: read"'),
      input: 'approvers',
    });
    const error = result.annotations.find((a) => a.command === 'error')?.message ?? '';
    expect(error).toContain(`cannot list the members of team '${OWNER}/release' (HTTP 403`);
    expect(error).toContain('"Members: read"');
    expect(error).not.toContain('    at '); // a setting to fix, not a stack trace
    expect(server.state.issues(OWNER, REPO)).toEqual([]);
  });

  it('times out: closes the issue, marks the deployment failed and fails the step', async () => {
    const gate = startGate(server, {
      approvers: 'alice, bob',
      'min-approvals': '2',
      timeout: '2s',
      environment: 'staging',
    });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'alice', 'approve');
    const result = await gate.result;
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ approved: 'false', decision: 'timed-out', approvers: 'alice' });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(commentsOf(issue.number).at(-1)).toContain('**Timed out** after 2s with 1 of 2 approvals (@alice)');
    expect(statesOf(server.state.deployments(OWNER, REPO)[0]?.id)).toEqual(['queued', 'failure']);
  });
});
