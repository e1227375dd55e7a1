import { blocks, code, details, escapeText, fence, list, STATUS_ICON, table } from '../../core/markdown.js';
import type { CommentSection, SummarySection } from '../../core/outcome.js';
import type { ReportStatus } from '../../core/report/types.js';
import type { InterruptedFile } from './interrupted.js';
import { stillPending, type MigrateResult } from './result.js';

/** SQL shown per pending file, and in all, so that a large plan cannot crowd out the other stages' sections. */
const SQL_PER_FILE = 1500;
const SQL_BUDGET = 20_000;
const HISTORY_ROWS = 50;

/** Inline code in a table cell: GFM splits cells at every unescaped `|`, inside code spans too. */
const codeCell = (text: string): { markdown: string } => ({ markdown: code(text).replace(/\|/g, '\\|') });

function planTable(r: MigrateResult): string {
  const pending = stillPending(r);
  if (pending.length === 0) return 'No pending migrations.';
  return table(
    ['Version', 'File', 'Runs', 'Analysis'],
    pending.map((f) => {
      const found = r.findings.filter((x) => x.file === f.file);
      return [
        codeCell(f.version),
        codeCell(f.file),
        f.noTransaction
          ? 'alone, outside a transaction'
          : r.options.transaction === 'all'
            ? 'in the run’s transaction'
            : 'in its own transaction',
        found.length ? found.map((x) => `⚠️ ${x.kind} (line ${x.line})`).join(', ') : 'nothing destructive',
      ];
    }),
  );
}

function findingsBlock(r: MigrateResult): string | undefined {
  if (r.findings.length === 0) return undefined;
  const how = r.options.allowDestructive
    ? 'allowed by `allow-destructive: true`'
    : 'blocking: set `allow-destructive: true` to apply';
  return blocks(
    `**Destructive statements** (${how}):`,
    list(r.findings.map((f) => `${code(`${f.file}:${f.line}`)} **${f.kind}**: ${escapeText(f.detail)}`)),
  );
}

function interruptedBlock(i: InterruptedFile): string {
  return blocks(
    `${STATUS_ICON.fail} ${code(i.file || i.version)} did not finish in an earlier run (started ${escapeText(i.startedAt)} by ${escapeText(i.startedBy)}).`,
    i.objects.length > 0
      ? list(
          i.objects.map(
            (o) =>
              `${o.kind} ${code(o.name)} (the file ${o.change === 'create' ? 'creates' : 'drops'} it): ${o.exists ? (o.invalid ? '**exists, INVALID**' : '**exists**') : 'does not exist'}`,
          ),
        )
      : undefined,
    escapeText(i.advice),
  );
}

function failureBlock(r: MigrateResult): string | undefined {
  if (!r.failure) return undefined;
  const where = `${r.failure.file}${r.failure.line ? `:${r.failure.line}` : ''}`;
  return blocks(
    `${STATUS_ICON.fail} ${code(where)} failed: ${escapeText(r.failure.message)}`,
    r.restored ? `Rollback: ${escapeText(r.restored)}.` : undefined,
    r.warnings.length > 0 ? list(r.warnings.map(escapeText)) : undefined,
  );
}

function toolBlock(r: MigrateResult): string | undefined {
  if (!r.tool) return undefined;
  return blocks(
    `${code(r.tool.applyCommand)} exited ${r.tool.exitCode}${r.restored ? `; ${escapeText(r.restored)}` : ''}.`,
    r.tool.exitCode !== 0 ? fence(r.tool.output.slice(-4000) || '(no output)') : undefined,
  );
}

/** What a reviewer must see open: why the run stopped, failed or was blocked. */
function mustSee(r: MigrateResult): string | undefined {
  return blocks(
    r.lock && !r.lock.acquired
      ? `The migration lock is held by ${escapeText(r.lock.holder ?? 'an unknown session')}.`
      : undefined,
    ...r.interrupted.map(interruptedBlock),
    !r.options.allowDestructive ? findingsBlock(r) : undefined,
    failureBlock(r),
    r.tool && r.tool.exitCode !== 0 ? toolBlock(r) : undefined,
  );
}

function sqlBlocks(r: MigrateResult): string | undefined {
  let budget = SQL_BUDGET;
  const out: string[] = [];
  for (const f of stillPending(r)) {
    const sql =
      f.sql.length > SQL_PER_FILE
        ? `${f.sql.slice(0, SQL_PER_FILE)}\n-- … (${f.sql.length - SQL_PER_FILE} more characters)`
        : f.sql;
    const block = details(f.file, fence(sql, 'sql'));
    if (block.length > budget) {
      out.push(
        `SQL of the other pending files left out (${stillPending(r).length - out.length} files): see the job summary or the files.`,
      );
      break;
    }
    budget -= block.length;
    out.push(block);
  }
  return out.length ? blocks(...out) : undefined;
}

export function commentSection(r: MigrateResult, headline: string): CommentSection {
  const pending = stillPending(r);
  return {
    headline,
    ...(mustSee(r) ? { body: mustSee(r) } : {}),
    details: blocks(
      `Database ${code(r.target.display)} · transaction: ${r.options.transaction} · rollback: ${r.rollback}`,
      planTable(r),
      r.options.allowDestructive ? findingsBlock(r) : undefined,
      sqlBlocks(r),
    ),
    detailsLabel: `Plan: ${pending.length} pending migration${pending.length === 1 ? '' : 's'}`,
  };
}

function historyTable(r: MigrateResult): string {
  if (r.history.length === 0) return 'No history yet.';
  return table(
    ['Version', 'Name', 'Applied at', 'ms', 'By'],
    r.history
      .slice(-HISTORY_ROWS)
      .map((h) => [
        codeCell(h.version),
        h.name,
        h.appliedAt,
        h.durationMs,
        h.kind === 'baseline' ? `baseline (${h.appliedBy})` : h.appliedBy,
      ]),
    ['left', 'left', 'left', 'right', 'left'],
  );
}

export function summarySections(r: MigrateResult, headline: string, status: ReportStatus): SummarySection[] {
  const sections: SummarySection[] = [
    {
      markdown: blocks(
        `### ${STATUS_ICON[status]} Migrate: ${escapeText(headline)}`,
        mustSee(r),
        `Database ${code(r.target.display)} · transaction: ${r.options.transaction} · rollback: ${r.rollback}${r.backupPath ? ` · backup: ${code(r.backupPath)}` : ''}`,
      ),
      priority: 0,
    },
    { markdown: blocks('#### Plan', planTable(r), findingsBlock(r)), priority: 1, label: 'plan' },
    { markdown: blocks('#### History', historyTable(r)), priority: 3, label: 'history' },
  ];
  const sql = sqlBlocks(r);
  if (sql) sections.push({ markdown: blocks('#### SQL', sql), priority: 5, label: 'SQL of pending migrations' });
  if (r.tool) {
    sections.push({
      markdown: blocks(
        `#### ${escapeText(r.tool.name)}`,
        `${code(r.tool.applyCommand)} exited ${r.tool.exitCode}`,
        fence(r.tool.output || '(no output)'),
      ),
      priority: 2,
      label: 'tool output',
    });
  }
  return sections;
}
