import { blocks, details, escapeText, STATUS_ICON } from '../markdown.js';
import type { CommentSection } from '../outcome.js';
import type { ReportStatus } from '../report/types.js';

export type SectionStatus = ReportStatus | 'unknown';

/** What the overview table shows of a section, kept in its marker so any writer can rebuild the table. */
export interface SectionMeta {
  title: string;
  status: SectionStatus;
  headline: string;
}

const ICON: Record<SectionStatus, string> = { ...STATUS_ICON, unknown: '❔' };

export function statusIcon(status: SectionStatus): string {
  return ICON[status];
}

/** `Test`, or `Test (shard-2)` for a matrix shard's section. */
export function sectionTitle(title: string, key: string): string {
  const shard = key.includes('/') ? key.slice(key.indexOf('/') + 1) : '';
  return shard ? `${title} (${shard})` : title;
}

/**
 * Every stage's section has the same form: a heading with the status and the headline, the body
 * open, the details folded.
 */
export function renderSection(meta: SectionMeta, comment: CommentSection): string {
  const heading = `#### ${statusIcon(meta.status)} ${escapeText(meta.title)} · ${escapeText(meta.headline)}`;
  return blocks(
    heading,
    comment.body,
    comment.details?.trim() ? details(comment.detailsLabel ?? 'Details', comment.details) : undefined,
  );
}
