// The approve stage as the hosts run it (core's executeStage, its redactor, the core's comment
// section), against the OpenAPI-checked GitHub server: outputs, report and the rendered comment and
// summary (markdown-it, asserted on structure), secrets in no channel, and the ways it fails closed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSection } from '../../src/core/comment/section.js';
import { executeStage } from '../../src/core/execute.js';
import { createOctokit } from '../../src/core/github/octokit.js';
import { InputReader, type InputSource } from '../../src/core/inputs.js';
import { silentLogger } from '../../src/core/logger.js';
import { Redactor } from '../../src/core/redact.js';
import type { ApproveReport } from '../../src/stages/approve/report-schema.js';
import { stageEntry } from '../../src/stages/registry.js';
import type { GitHubServer } from '../support/github-server/index.js';
import { parseBlocks, type Block } from '../support/markdown.js';
import { stageContext } from '../support/stage-context.js';
import { comment, eventually, NO_MEMBERS_TOKEN, OWNER, REPO, requestIssue, TOKEN, world } from './harness.js';

const WEBHOOK = 'http://127.0.0.1:9/services/T0/B0/webhook-secret-3141';

let server: GitHubServer;
beforeEach(async () => {
  server = await world();
});
afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

function inputs(values: Record<string, string>, redactor: Redactor): InputSource {
  return {
    get: (name) => (values[name]?.trim() ? values[name] : undefined),
    label: (name) => `input '${name}'`,
    mask: (value) => redactor.add(value),
  };
}

let throttleIds = 0;

async function runGate(values: Record<string, string>, token = TOKEN) {
  const redactor = new Redactor();
  redactor.add(token);
  const ctx = stageContext({
    cwd: '/',
    env: {},
    run: { url: 'https://github.com/octo-org/octo-repo/actions/runs/7' },
    github: {
      // Each run its own write limiter, as each job has in its own process.
      octokit: createOctokit({
        token,
        baseUrl: server.url,
        logger: silentLogger,
        throttleId: `publish-${throttleIds++}`,
      }),
      owner: OWNER,
      repo: REPO,
      serverUrl: 'https://github.com',
      eventName: 'push',
      event: {},
      actor: 'octocat',
      sha: 'a'.repeat(40),
    },
  });
  const execution = await executeStage(
    stageEntry('approve')!,
    new InputReader(inputs({ 'poll-interval': '100ms', timeout: '30s', ...values }, redactor)),
    ctx,
    redactor,
  );
  const { outcome } = execution;
  const section = renderSection(
    { title: 'Approve', status: outcome.report.status, headline: outcome.comment!.headline },
    outcome.comment!,
  );
  return { execution, outcome, report: outcome.report as ApproveReport, ctx, section };
}

const types = (blocks: Block[]) => blocks.map((b) => b.type);

describe('approve, published', () => {
  it('approved: a heading that says so, the facts folded, no secret anywhere', async () => {
    const running = runGate({ approvers: 'alice, bob', 'notify-url': WEBHOOK });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'mallory', 'approve');
    comment(server, issue.number, 'alice', 'approve');
    const { execution, outcome, report, section } = await running;
    expect(execution.exitCode).toBe(0);
    expect(outcome.outputs).toEqual({
      approved: true,
      decision: 'approved',
      approvers: 'alice',
      'issue-number': issue.number,
      'deployment-id': '',
    });
    const blocks = parseBlocks(section);
    expect(types(blocks)).toEqual(['heading', 'html', 'paragraph', 'table', 'html']);
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 4,
      text: '⚠️ Approve · Approved by alice. The deployment continues.',
    });
    expect(blocks[2]).toEqual({
      type: 'paragraph',
      text: `Deploy ${'a'.repeat(40)}: 1 of 1 approvals (alice); 2 eligible approvers. Request: #${issue.number}.`,
    });
    expect(blocks[3]).toEqual({
      type: 'table',
      header: ['Did not count', 'Answer', 'Why'],
      rows: [['mallory', 'approve', 'not an approver']],
    });
    // The webhook was down: a warning (status warn), and its URL in no channel.
    expect(report.warnings.some((w) => w.includes('notify-url webhook could not be reached'))).toBe(true);
    const everything = JSON.stringify([
      outcome.report,
      outcome.outputs,
      outcome.summary,
      outcome.annotations,
      outcome.text,
      section,
    ]);
    expect(everything).not.toContain('webhook-secret-3141');
    expect(everything).not.toContain(TOKEN);
  });

  it('denied: the reason open under the heading', async () => {
    const running = runGate({ approvers: 'alice, bob', 'min-approvals': '2', environment: 'production' });
    const issue = await requestIssue(server);
    comment(server, issue.number, 'bob', 'deny');
    const { execution, outcome, section } = await running;
    expect(execution.exitCode).toBe(1);
    expect(outcome.outputs).toMatchObject({ approved: false, decision: 'denied' });
    const blocks = parseBlocks(section);
    expect(types(blocks)).toEqual(['heading', 'paragraph']);
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 4,
      text: '❌ Approve · Denied by bob. The deployment does not happen.',
    });
    expect(blocks[1]).toMatchObject({
      type: 'paragraph',
      text: expect.stringMatching(
        /^Deploy a{40} to production: 0 of 2 approvals; 2 eligible approvers\. Request: #\d+\.$/,
      ),
    });
    const summary = parseBlocks(outcome.summary.map((s) => s.markdown).join('\n\n'));
    expect(summary[0]).toEqual({
      type: 'heading',
      level: 3,
      text: '❌ Approve: Denied by bob. The deployment does not happen.',
    });
  });

  it('a team the token cannot read: decision error, outputs and report, no request opened', async () => {
    const { execution, outcome, report, section } = await runGate({ approvers: `${OWNER}/release` }, NO_MEMBERS_TOKEN);
    expect(execution.exitCode).toBe(1);
    expect(execution.failure).toBeUndefined(); // an outcome of its own, not the host's failure report
    expect(outcome.outputs).toEqual({
      approved: false,
      decision: 'error',
      approvers: '',
      'issue-number': '',
      'deployment-id': '',
    });
    expect(report.approval).toMatchObject({ decision: 'error', eligible: [], polls: { polls: 0 } });
    expect(report.error).toMatchObject({
      kind: 'service',
      input: 'approvers',
      hint: expect.stringContaining('Members: read'),
    });
    const blocks = parseBlocks(section);
    expect(types(blocks)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(blocks[0]).toMatchObject({
      type: 'heading',
      text: expect.stringMatching(
        /^❌ Approve · Failed closed: cannot list the members of team 'octo-org\/release' \(HTTP 403/,
      ),
    });
    expect(blocks[1]).toMatchObject({ text: expect.stringMatching(/No request was opened\.$/) });
    expect(blocks[4]).toEqual({ type: 'paragraph', text: 'Input: approvers' });
    expect(server.state.issues(OWNER, REPO)).toEqual([]);
  });

  it('the token refused while waiting: decision error, the request closed, the deployment failed', async () => {
    const running = runGate({ approvers: 'alice', environment: 'production' });
    const issue = await requestIssue(server);
    await eventually('a poll', () =>
      server.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/issues/${issue.number}/comments`))
        ? true
        : undefined,
    );
    server.inject({
      method: 'GET',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'not-accessible-by-integration',
    });
    const { outcome, report } = await running;
    expect(outcome.outputs).toMatchObject({ approved: false, decision: 'error', 'issue-number': issue.number });
    expect(report.approval).toMatchObject({ decision: 'error', issueNumber: issue.number });
    expect(report.error).toMatchObject({
      kind: 'service',
      input: 'github-token',
      message: expect.stringContaining('HTTP 403'),
    });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    const deployment = server.state.deployments(OWNER, REPO)[0];
    expect(server.state.deploymentStatuses(OWNER, REPO, deployment?.id).map((s) => s.state)).toEqual([
      'queued',
      'failure',
    ]);
  });

  it('a usage error is the host’s: exit 2, and the failure outputs say not approved', async () => {
    const { execution, outcome } = await runGate({ approvers: 'octocat', 'min-approvals': '1' });
    expect(execution.exitCode).toBe(2);
    expect(execution.failure).toMatchObject({ kind: 'usage', input: 'min-approvals' });
    expect(outcome.outputs).toEqual({ approved: 'false', decision: 'error' });
  });
});
