import type { ChangesResult } from './changes.js';
import type { EarlierStage } from './earlier-reports.js';
import type { Decision } from './wait.js';

/** GitHub refuses issue bodies and comments longer than this. */
export const MAX_BODY_CHARS = 65_536;

export interface RequestFacts {
  environment?: string;
  ref: string;
  sha?: string;
  actor?: string;
  runUrl?: string;
  /** How the approvers were given: `@alice`, `@org/team`. */
  approverNames: string[];
  eligibleCount: number;
  required: number;
  allowInitiator: boolean;
  approveWords: readonly string[];
  denyWords: readonly string[];
  deadline: Date;
  timeoutMs: number;
  changes?: ChangesResult;
  earlier: EarlierStage[];
}

export function requestTitle(f: Pick<RequestFacts, 'environment' | 'ref'>): string {
  return f.environment ? `Approve deployment of ${f.ref} to ${f.environment}` : `Approve ${f.ref}`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const code = (word: string): string => `\`${word.replace(/`/g, "'")}\``;
/** Commit titles are user text: keep them from pinging people or breaking the list. */
const plain = (text: string): string => text.replace(/@/g, '@\u200b').replace(/[\r\n]+/g, ' ');

function statusIcon(status: string): string {
  return status === 'pass' ? '✅' : status === 'warn' ? '⚠️' : '❌';
}

function changesSection(f: RequestFacts): string[] {
  if (!f.environment || !f.changes) return [];
  const title = `### Changes since the last successful deployment to ${f.environment}`;
  const c = f.changes;
  if (c.kind === 'first-deployment')
    return [title, '', `No successful deployment to ${f.environment} was found: this is the first.`];
  if (c.kind === 'unavailable') return [title, '', `The commit list could not be read (${plain(c.reason)}).`];
  const { changes } = c;
  const lines = changes.commits.map(
    (commit) =>
      `- ${commit.sha.slice(0, 7)} ${plain(commit.title)}${commit.author ? ` (${plain(commit.author)})` : ''}`,
  );
  const shown =
    changes.commits.length < changes.totalCommits ? ` (the newest ${changes.commits.length} are listed)` : '';
  return [
    title,
    '',
    `${changes.totalCommits} commit${changes.totalCommits === 1 ? '' : 's'}${shown}: [full comparison](${changes.compareUrl})`,
    '',
    ...lines,
  ];
}

function earlierSection(f: RequestFacts): string[] {
  if (f.earlier.length === 0) return [];
  return [
    '### Earlier stages in this run',
    '',
    ...f.earlier.map((s) => {
      const failed = s.failedGates.length > 0 ? ` (failed gates: ${s.failedGates.join(', ')})` : '';
      return `- ${statusIcon(s.status)} **${s.stage}** ${s.status}: ${plain(s.summary)}${failed}`;
    }),
  ];
}

/** The request issue's body: everything an approver needs to decide, and how to answer. */
export function requestBody(f: RequestFacts): string {
  const target = f.environment ? ` to **${f.environment}**` : '';
  const who = f.actor ? `@${f.actor}` : 'This workflow';
  const run = f.runUrl ? ` in [this workflow run](${f.runUrl})` : '';
  const sha = f.sha && f.sha !== f.ref ? ` (${f.sha.slice(0, 12)})` : '';
  const initiator = !f.allowInitiator && f.actor ? ` @${f.actor} started this run and cannot approve it.` : '';
  const head = [
    `${who} asked to deploy ${code(f.ref)}${sha}${target}${run}.`,
    '',
    `**Approvers:** ${f.approverNames.join(', ')} (${f.eligibleCount} ${f.eligibleCount === 1 ? 'person' : 'people'})`,
    `**Needed:** ${f.required} approval${f.required === 1 ? '' : 's'}.${initiator}`,
    `**Deadline:** ${utc(f.deadline)} (${formatDuration(f.timeoutMs)} after the request). Without enough approvals by then the deployment does not happen.`,
    '',
    '### How to answer',
    '',
    `Post a **new comment** whose whole text is ${f.approveWords.map(code).join(', ')} to approve, ` +
      `or ${f.denyWords.map(code).join(', ')} to deny. One deny from an approver stops the deployment. ` +
      'Each person counts once (their latest answer). Edited comments and answers from bots or from people ' +
      'who are not approvers do not count.',
  ];
  const sections = [changesSection(f), earlierSection(f)].filter((s) => s.length > 0);
  const body = [...head, ...sections.flatMap((s) => ['', ...s])].join('\n');
  return truncate(body);
}

export function truncate(text: string): string {
  if (text.length <= MAX_BODY_CHARS) return text;
  const note = '\n\n… (cut to fit GitHub’s size limit; see the workflow run)';
  return text.slice(0, MAX_BODY_CHARS - note.length) + note;
}

export interface ClosingFacts {
  decision: Decision;
  approvedBy: string[];
  deniedBy: string[];
  required: number;
  timeoutMs: number;
  runUrl?: string;
}

/** `mention: false` for places where an @login would notify people again (the PR comment, the summary). */
export function decisionLine(f: ClosingFacts, mention = true): string {
  const mentions = (logins: string[]): string => logins.map((l) => (mention ? `@${l}` : l)).join(', ');
  switch (f.decision) {
    case 'approved':
      return `✅ **Approved** by ${mentions(f.approvedBy)}. The deployment continues.`;
    case 'denied':
      return `⛔ **Denied** by ${mentions(f.deniedBy)}. The deployment does not happen.`;
    case 'timed-out':
      return (
        `⌛ **Timed out** after ${formatDuration(f.timeoutMs)} with ${f.approvedBy.length} of ${f.required} approvals` +
        `${f.approvedBy.length > 0 ? ` (${mentions(f.approvedBy)})` : ''}. The deployment does not happen.`
      );
    case 'cancelled':
      return '🚫 **Cancelled**: the workflow run was cancelled before a decision. The deployment does not happen.';
  }
}

/** The closing comment: the decision and who made it. */
export function closingComment(f: ClosingFacts): string {
  const run = f.runUrl ? `\n\n[Workflow run](${f.runUrl})` : '';
  return `${decisionLine(f)}${run}`;
}

export function editedNote(login: string): string {
  return (
    `@${login}, your answer was edited, so it does not count: an edited comment may no longer say what ` +
    'was first said. Post a new comment with your answer instead.'
  );
}
