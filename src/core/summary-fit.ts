import type { Annotation, AnnotationLevel, SummarySection } from './outcome.js';

/** GitHub refuses a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted"). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept for the trim note and whatever else the step appends. */
const SUMMARY_MARGIN_BYTES = 8 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export interface FittedSummary {
  markdown: string;
  /** Labels of the sections dropped or cut to fit. */
  trimmed: string[];
}

function cutToBytes(markdown: string, max: number): string {
  if (bytes(markdown) <= max) return markdown;
  // Cut at a line boundary so tables and lists stay well-formed.
  let text = Buffer.from(markdown, 'utf8').subarray(0, max).toString('utf8');
  const nl = text.lastIndexOf('\n');
  if (nl > 0) text = text.slice(0, nl);
  return text;
}

/**
 * The summary under GitHub's limit: the least important sections (highest priority number; the
 * later one first among equals) are dropped, and if the must-keep ones are still too large the
 * last of them is cut. A note says what was left out, so nobody mistakes a trimmed summary for a
 * complete one.
 */
export function fitSummary(
  sections: readonly SummarySection[],
  limit = SUMMARY_LIMIT_BYTES - SUMMARY_MARGIN_BYTES,
): FittedSummary {
  const kept = sections.map((s, index) => ({ ...s, index, size: bytes(s.markdown) + 2 }));
  let total = kept.reduce((n, s) => n + s.size, 0);
  const trimmed: string[] = [];
  const dropOrder = [...kept]
    .filter((s) => s.priority > 0)
    .sort((a, b) => b.priority - a.priority || b.index - a.index);
  for (const s of dropOrder) {
    if (total <= limit) break;
    kept.splice(kept.indexOf(s), 1);
    total -= s.size;
    trimmed.push(s.label ?? `section ${s.index + 1}`);
  }
  if (total > limit && kept.length > 0) {
    const last = kept[kept.length - 1];
    last.markdown = cutToBytes(last.markdown, Math.max(0, limit - (total - last.size)));
    trimmed.push(`${last.label ?? `section ${last.index + 1}`} (cut)`);
  }
  let markdown = kept.map((s) => s.markdown.trimEnd()).join('\n\n');
  if (trimmed.length > 0) {
    markdown += `\n\n> [!NOTE]\n> This summary was trimmed to fit GitHub's 1 MiB limit. Left out: ${trimmed.join(', ')}. The full data is in the JSON report (output \`report\`).`;
  }
  return { markdown: `${markdown}\n`, trimmed };
}

/**
 * GitHub shows at most 10 annotations of each level per step (and 50 per job); the rest are
 * silently dropped. Errors are kept before warnings before notices; callers log the count hidden.
 */
export const ANNOTATIONS_PER_LEVEL = 10;
export const ANNOTATIONS_PER_JOB = 50;

export function selectAnnotations(annotations: readonly Annotation[]): {
  shown: Annotation[];
  hidden: Record<AnnotationLevel, number>;
} {
  const hidden: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Annotation[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    const ofLevel = annotations.filter((a) => a.level === level);
    const room = Math.min(ANNOTATIONS_PER_LEVEL, ANNOTATIONS_PER_JOB - shown.length);
    shown.push(...ofLevel.slice(0, room));
    hidden[level] = Math.max(0, ofLevel.length - room);
  }
  return { shown, hidden };
}
