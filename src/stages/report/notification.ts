import type { NotifyMessage } from '../../core/notify.js';
import type { ReportStatus } from '../../core/report/types.js';
import type { Conclusion } from './check-run.js';
import type { NotifyOn } from './options.js';
import type { StageRow } from './report-schema.js';

const ICON: Record<ReportStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️' };
const COLOR: Record<ReportStatus, string> = { pass: '#2eb67d', fail: '#e01e5a', warn: '#ecb22e' };

/**
 * Whether to notify. `change` compares with the conclusion of the previous `shipkit` check run
 * (undefined when there was none, or it could not be read: a first result is news).
 */
export function shouldNotify(
  on: NotifyOn,
  status: ReportStatus,
  now: Conclusion,
  previous: string | undefined,
): boolean {
  if (on === 'always') return true;
  if (on === 'failure') return status === 'fail';
  return previous === undefined || previous !== now;
}

export interface MessageContext {
  repository?: string;
  /** `pull request #7`, `main`. */
  subject: string;
  subjectUrl?: string;
  runUrl?: string;
  checkUrl?: string;
}

/** One message: the verdict with links, then each stage's status and headline (a coloured attachment each). */
export function notificationMessage(status: ReportStatus, rows: readonly StageRow[], m: MessageContext): NotifyMessage {
  const where = [m.repository, m.subject].filter(Boolean).join(' ');
  const lines = [
    `${ICON[status]} shipkit ${status === 'fail' ? 'failed' : status === 'warn' ? 'passed with warnings' : 'passed'}: ${where}`,
  ];
  if (m.subjectUrl) lines.push(m.subjectUrl);
  for (const r of rows) lines.push(`${ICON[r.status]} ${r.title}${r.shard ? ` (${r.shard})` : ''}: ${r.headline}`);
  if (m.runUrl) lines.push(`Run: ${m.runUrl}`);
  if (m.checkUrl) lines.push(`Check: ${m.checkUrl}`);
  return {
    text: lines.join('\n'),
    attachments: rows.map((r) => ({
      color: COLOR[r.status],
      title: `${ICON[r.status]} ${r.title}${r.shard ? ` (${r.shard})` : ''}`,
      ...(r.url ? { title_link: r.url } : {}),
      text: r.headline,
      fallback: `${r.title}: ${r.status}`,
    })),
  };
}
