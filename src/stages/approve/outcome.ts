import type { StageOutcome } from '../../core/outcome.js';
import { buildReport, type RunInfo } from '../../core/report/index.js';
import { decisionLine } from './request.js';
import type { ApproveResult } from './run.js';

const REASONS: Record<string, string> = {
  bot: 'a bot',
  'not-an-approver': 'not an approver',
  initiator: 'started the run',
  edited: 'edited comment',
  'before-request': 'older than the request',
  'after-deadline': 'after the deadline',
};

/** Report, outputs, summary and comment of a finished gate. */
export function approveOutcome(r: ApproveResult, startedAt: Date, run: RunInfo): StageOutcome {
  const approved = r.decision === 'approved';
  const line = decisionLine(
    {
      decision: r.decision,
      approvedBy: r.approvedBy,
      deniedBy: r.deniedBy,
      required: r.required,
      timeoutMs: r.timeoutMs,
    },
    false,
  );
  const plainLine = line.replace(/\*\*/g, '').replace(/^\S+\s/u, '');
  const report = buildReport({
    stage: 'approve',
    startedAt,
    run,
    summary: `${plainLine} (issue #${r.issueNumber})`,
    warnings: r.warnings,
    gates: [
      {
        name: 'approvals',
        passed: approved,
        required: r.required,
        actual: r.approvedBy.length,
        unit: 'count',
        detail: approved ? `approved by ${r.approvedBy.join(', ')}` : r.decision,
      },
    ],
    data: {
      approval: {
        decision: r.decision,
        required: r.required,
        approvers: r.approvedBy,
        ...(r.deniedBy.length > 0 ? { deniedBy: r.deniedBy } : {}),
        eligible: r.eligible,
        ...(r.initiator ? { initiator: r.initiator } : {}),
        ignored: r.ignored,
        issueNumber: r.issueNumber,
        issueUrl: r.issueUrl,
        ...(r.deploymentId !== undefined ? { deploymentId: r.deploymentId } : {}),
        ...(r.environment ? { environment: r.environment } : {}),
        ref: r.ref,
        deadline: r.deadline.toISOString(),
        polls: { polls: r.polls, failed: r.failedPolls, requests: r.feed.requests, notModified: r.feed.notModified },
      },
    },
  });
  const ignored =
    r.ignored.length === 0
      ? ''
      : `\n\n| Did not count | Answer | Why |\n|---|---|---|\n${r.ignored
          .map((i) => `| ${i.login} | ${i.answer} | ${REASONS[i.reason] ?? i.reason} |`)
          .join('\n')}`;
  const target = r.environment ? ` to **${r.environment}**` : '';
  const markdown = [
    `## Approval: ${r.decision}`,
    '',
    `Deploy \`${r.ref}\`${target}: ${line} ([#${r.issueNumber}](${r.issueUrl}))`,
    '',
    `Approvals: ${r.approvedBy.length} of ${r.required} needed${r.approvedBy.length > 0 ? ` (${r.approvedBy.join(', ')})` : ''}; ` +
      `${r.eligible.length} eligible approver${r.eligible.length === 1 ? '' : 's'}.`,
  ].join('\n');
  return {
    report,
    outputs: {
      approved,
      decision: r.decision,
      approvers: r.approvedBy.join(','),
      'issue-number': r.issueNumber,
      'deployment-id': r.deploymentId ?? '',
    },
    summary: [
      { markdown, priority: 0 },
      ...(ignored ? [{ markdown: ignored.trimStart(), priority: 2, label: 'answers that did not count' }] : []),
    ],
    comment: `${line} ([#${r.issueNumber}](${r.issueUrl}))`,
    annotations: approved
      ? []
      : [{ level: 'error', title: 'Deployment not approved', message: `${plainLine} (${r.issueUrl})` }],
    text: `${plainLine}\nissue: ${r.issueUrl}\n`,
  };
}
