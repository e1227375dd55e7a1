import { blocks, code, escapeText, link, list, STATUS_ICON, table } from '../../core/markdown.js';
import type { CommentSection } from '../../core/outcome.js';
import type { Gate, ReportStatus } from '../../core/report/types.js';
import type { StageRow } from './report-schema.js';

const name = (r: StageRow): string =>
  r.shard ? `${r.title} (${r.shard})` : r.merged > 0 ? `${r.title} (${r.merged} shards merged)` : r.title;

/** Every stage side by side (several scan targets and images each get their row), linked to its run. */
function stagesTable(rows: readonly StageRow[]): string {
  if (rows.length === 0) return '_No stage reports._';
  return table(
    ['Stage', 'Status', 'Result', 'Job'],
    rows.map((r) => [
      name(r),
      { markdown: `${STATUS_ICON[r.status]} ${r.status}` },
      r.headline,
      r.url ? { markdown: link(r.job ?? 'run', r.url) } : (r.job ?? ''),
    ]),
  );
}

function failedGates(gates: readonly Gate[]): string | undefined {
  const failed = gates.filter((g) => !g.passed);
  if (failed.length === 0) return undefined;
  return blocks(
    '**Failed**',
    list(failed.map((g) => `${code(g.name)}${g.detail ? ` — ${escapeText(g.detail)}` : ''}`)),
  );
}

/** The job summary (and the check run's summary): the verdict, the stages, what failed. */
export function reportSummary(
  rows: readonly StageRow[],
  gates: readonly Gate[],
  status: ReportStatus,
  headline: string,
): string {
  return blocks(`### ${STATUS_ICON[status]} shipkit: ${escapeText(headline)}`, stagesTable(rows), failedGates(gates));
}

/** The report's own section of the PR comment: what blocks the merge, and the stages with their jobs. */
export function reportComment(rows: readonly StageRow[], gates: readonly Gate[], headline: string): CommentSection {
  const section: CommentSection = { headline };
  const body = failedGates(gates);
  if (body) section.body = body;
  section.details = stagesTable(rows);
  section.detailsLabel = 'Stages and jobs';
  return section;
}

export function reportText(rows: readonly StageRow[], mergedText: string | undefined): string {
  const mark: Record<ReportStatus, string> = { pass: '✔', fail: '✘', warn: '!' };
  const lines = rows.map((r) => `${mark[r.status]} ${name(r)}: ${r.headline}`);
  if (rows.length === 0) lines.push('No stage reports found.');
  if (mergedText) lines.push('', 'Test shards merged:', mergedText);
  return lines.join('\n');
}
