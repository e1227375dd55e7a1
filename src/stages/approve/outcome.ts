import { blocks, code, escapeText, link, STATUS_ICON, table } from '../../core/markdown.js';
import type { Annotation, CommentSection, StageOutcome, SummarySection } from '../../core/outcome.js';
import { statusOf } from '../../core/report/build.js';
import { REPORT_SCHEMA_VERSION, type Gate, type RunInfo } from '../../core/report/types.js';
import type { ApproveReport } from './report-schema.js';
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

/** The decision in one plain line, without @-mentions (the comment and summary must not notify anyone again). */
function decisionText(r: ApproveResult): string {
  if (r.decision === 'error')
    return `Failed closed: ${r.error?.message ?? 'the gate could not be run'}. The deployment does not happen.`;
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
  return line.replace(/\*\*/g, '').replace(/^\S+\s/u, '');
}

function approvalsGate(r: ApproveResult): Gate {
  const approved = r.decision === 'approved';
  return {
    name: 'approvals',
    passed: approved,
    required: r.required,
    actual: r.approvedBy.length,
    unit: 'count',
    detail: approved ? `approved by ${r.approvedBy.join(', ')}` : r.decision,
  };
}

function approveReport(r: ApproveResult, startedAt: Date, run: RunInfo): ApproveReport {
  const finishedAt = new Date();
  const gates = [approvalsGate(r)];
  const summary = `${decisionText(r)}${r.issue ? ` (issue #${r.issue.number})` : ''}`;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stage: 'approve',
    status: statusOf(gates, r.warnings),
    summary,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    run,
    gates,
    warnings: r.warnings,
    ...(r.error ? { error: { kind: 'service' as const, ...r.error } } : {}),
    approval: {
      decision: r.decision,
      required: r.required,
      approvers: r.approvedBy,
      ...(r.deniedBy.length > 0 ? { deniedBy: r.deniedBy } : {}),
      eligible: r.eligible,
      ...(r.initiator ? { initiator: r.initiator } : {}),
      ignored: r.ignored,
      ...(r.issue ? { issueNumber: r.issue.number, issueUrl: r.issue.url } : {}),
      ...(r.deploymentId !== undefined ? { deploymentId: r.deploymentId } : {}),
      ...(r.environment ? { environment: r.environment } : {}),
      ref: r.ref,
      ...(r.deadline ? { deadline: r.deadline.toISOString() } : {}),
      polls: { polls: r.polls, failed: r.failedPolls, requests: r.feed.requests, notModified: r.feed.notModified },
    },
  };
}

/** `Deploy v1.4 to production: 1 of 2 approvals (alice); 3 eligible. Request: #12.` */
function facts(r: ApproveResult): string {
  const to = r.environment ? ` to ${escapeText(r.environment)}` : '';
  const who = r.approvedBy.length > 0 ? ` (${escapeText(r.approvedBy.join(', '))})` : '';
  const request = r.issue ? ` Request: ${link(`#${r.issue.number}`, r.issue.url)}.` : ' No request was opened.';
  return (
    `Deploy ${code(r.ref)}${to}: ${r.approvedBy.length} of ${r.required} approvals${who}; ` +
    `${r.eligible.length} eligible approver${r.eligible.length === 1 ? '' : 's'}.${request}`
  );
}

function ignoredTable(r: ApproveResult): string | undefined {
  if (r.ignored.length === 0) return undefined;
  return table(
    ['Did not count', 'Answer', 'Why'],
    r.ignored.map((i) => [i.login, i.answer, REASONS[i.reason] ?? i.reason]),
  );
}

function errorBlock(r: ApproveResult): string | undefined {
  if (!r.error) return undefined;
  return blocks(
    escapeText(r.error.message),
    r.error.hint ? escapeText(r.error.hint) : undefined,
    r.error.input ? `Input: ${code(r.error.input)}` : undefined,
  );
}

function approveComment(r: ApproveResult): CommentSection {
  const approved = r.decision === 'approved';
  const ignored = ignoredTable(r);
  return {
    headline: decisionText(r),
    // A reviewer must see why the deployment stopped; an approval needs nothing more than its headline.
    body: blocks(approved ? undefined : facts(r), errorBlock(r)),
    details: blocks(approved ? facts(r) : undefined, ignored),
    ...(ignored ? { detailsLabel: `${r.ignored.length} answer(s) that did not count` } : {}),
  };
}

function approveSummary(r: ApproveResult, status: ApproveReport['status']): SummarySection[] {
  const ignored = ignoredTable(r);
  return [
    {
      markdown: blocks(`### ${STATUS_ICON[status]} Approve: ${escapeText(decisionText(r))}`, facts(r), errorBlock(r)),
      priority: 0,
    },
    ...(ignored
      ? [
          {
            markdown: blocks('#### Answers that did not count', ignored),
            priority: 2,
            label: 'answers that did not count',
          },
        ]
      : []),
  ];
}

/** Report, outputs, summary, comment section and terminal text of a finished gate. */
export function approveOutcome(r: ApproveResult, startedAt: Date, run: RunInfo): StageOutcome {
  const report = approveReport(r, startedAt, run);
  const approved = r.decision === 'approved';
  const annotations: Annotation[] = approved
    ? []
    : [
        {
          level: 'error',
          title: r.decision === 'error' ? 'Approval gate failed' : 'Deployment not approved',
          message: `${decisionText(r)}${r.error?.hint ? ` ${r.error.hint}` : ''}${r.issue ? ` (${r.issue.url})` : ''}`,
        },
      ];
  return {
    report,
    outputs: {
      approved,
      decision: r.decision,
      approvers: r.approvedBy.join(','),
      'issue-number': r.issue?.number ?? '',
      'deployment-id': r.deploymentId ?? '',
    },
    summary: approveSummary(r, report.status),
    comment: approveComment(r),
    annotations,
    text: `${decisionText(r)}\n${r.issue ? `issue: ${r.issue.url}\n` : ''}${r.error?.hint ? `${r.error.hint}\n` : ''}`,
  };
}
