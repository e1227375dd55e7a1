import type { StageContext } from '../../core/context.js';
import type { Annotation, StageOutcome, SummarySection } from '../../core/outcome.js';
import { buildReport, type Gate } from '../../core/report/index.js';
import type { AppliedFile, ApplyFailure } from './apply.js';
import type { DatabaseTarget } from './database-url.js';
import type { MigrationFile } from './files.js';
import type { HistoryRow } from './history.js';
import type { MigrateOptions } from './options.js';
import type { ToolRun } from './run-tool.js';
import type { Finding } from './sql/analyze.js';

export interface MigrateResult {
  startedAt: Date;
  options: MigrateOptions;
  target: DatabaseTarget;
  rollback: string;
  files: MigrationFile[];
  gaps: string[];
  history: HistoryRow[];
  pendingBefore: MigrationFile[];
  findings: Finding[];
  warnings: string[];
  lock?: { waitedMs: number; acquired: boolean; holder?: string | undefined };
  blocked?: boolean;
  applied?: AppliedFile[];
  rolledBack?: string[];
  failure?: ApplyFailure;
  restored?: string;
  backupPath?: string;
  tool?: ToolRun;
}

const SQL_IN_COMMENT = 1500;

function fence(sql: string, max: number): string {
  const body = sql.length > max ? `${sql.slice(0, max)}\n-- … (${sql.length - max} more characters)` : sql;
  return `\`\`\`sql\n${body.replace(/```/g, '` ` `').trimEnd()}\n\`\`\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function buildOutcome(r: MigrateResult, ctx: StageContext): StageOutcome {
  const applied = r.applied ?? [];
  const appliedSet = new Set(applied.map((a) => a.version));
  const pending = r.pendingBefore.filter((f) => !appliedSet.has(f.version));
  const gates: Gate[] = [];
  if (r.lock) {
    gates.push({
      name: 'lock',
      passed: r.lock.acquired,
      required: `within ${Math.round(r.options.lockTimeoutMs / 1000)}s`,
      actual: r.lock.acquired ? `${Math.round(r.lock.waitedMs)}ms` : null,
      ...(r.lock.acquired ? {} : { detail: `held by ${r.lock.holder ?? 'an unknown session'}` }),
    });
  }
  if (r.options.tool === 'shipkit' && r.lock?.acquired) {
    gates.push({
      name: 'destructive',
      passed: r.options.allowDestructive || r.findings.length === 0,
      required: r.options.allowDestructive ? 'allowed' : 0,
      actual: r.findings.length,
      unit: ' statements',
      ...(r.findings.length > 0
        ? {
            detail: r.findings
              .map((f) => `${f.file}:${f.line} ${f.kind}`)
              .join('; ')
              .slice(0, 500),
          }
        : {}),
    });
  }
  if (r.failure) {
    gates.push({
      name: 'apply',
      passed: false,
      required: 'all pending applied',
      actual: `failed at ${r.failure.file}`,
      detail: `${r.failure.message}${r.restored ? `; ${r.restored}` : ''}`.slice(0, 500),
    });
  }
  if (r.tool) {
    gates.push({
      name: `${r.tool.name} exit code`,
      passed: r.tool.exitCode === 0,
      required: 0,
      actual: r.tool.exitCode,
      ...(r.restored ? { detail: r.restored } : {}),
    });
  }

  const where = r.target.display;
  const mode = r.options.dryRun ? 'dry run' : 'run';
  let summary: string;
  if (r.lock && !r.lock.acquired) summary = `could not get the migration lock on ${where}`;
  else if (r.tool)
    summary = `${r.tool.name} ${r.tool.exitCode === 0 ? 'applied its migrations' : `failed (exit ${r.tool.exitCode})`}${r.restored ? `; ${r.restored}` : ''}`;
  else if (r.failure)
    summary = `${r.failure.file} failed; ${applied.length} applied, ${r.restored ?? (r.rolledBack?.length ? `rolled back ${r.rolledBack.join(', ')}` : 'nothing applied')}`;
  else if (r.blocked)
    summary = `blocked: ${r.findings.length} destructive statement(s) in ${pending.length} pending migration(s); set allow-destructive: true to apply`;
  else if (r.options.dryRun) summary = `${mode}: ${pending.length} pending migration(s) on ${where}`;
  else
    summary =
      applied.length === 0
        ? `up to date: nothing pending on ${where}`
        : `applied ${applied.length} migration(s) to ${where}`;

  const report = buildReport({
    stage: 'migrate',
    startedAt: r.startedAt,
    run: ctx.run,
    gates,
    warnings: r.warnings,
    summary,
    failed: Boolean(r.failure) || Boolean(r.blocked),
    data: {
      migrations: {
        database: { kind: r.target.kind, url: r.target.display },
        dir: r.options.dir,
        tool: r.options.tool,
        dryRun: r.options.dryRun,
        transaction: r.options.transaction,
        rollback: r.rollback,
        applied: applied.map((a) => ({ version: a.version, name: a.name, file: a.file, durationMs: a.durationMs })),
        pending: pending.map((f) => ({
          version: f.version,
          name: f.name,
          file: f.file,
          noTransaction: f.noTransaction,
          checksum: f.checksum,
        })),
        history: r.history.map((h) => ({ ...h })),
        destructive: r.findings.map((f) => ({
          file: f.file,
          line: f.line,
          kind: f.kind,
          target: f.target,
          detail: f.detail,
        })),
        gaps: r.gaps,
        rolledBack: r.rolledBack ?? [],
        ...(r.failure ? { failure: { ...r.failure } } : {}),
        ...(r.restored ? { restored: r.restored } : {}),
        ...(r.backupPath ? { backupPath: r.backupPath } : {}),
        ...(r.lock
          ? {
              lock: {
                waitedMs: Math.round(r.lock.waitedMs),
                acquired: r.lock.acquired,
                ...(r.lock.holder ? { holder: r.lock.holder } : {}),
              },
            }
          : {}),
        ...(r.tool ? { toolRun: { ...r.tool } } : {}),
      },
    },
  });

  const annotations: Annotation[] = r.findings.map((f) => ({
    level: r.options.allowDestructive ? 'warning' : 'error',
    title: `destructive migration: ${f.kind}`,
    message: f.detail,
    file: f.file,
    startLine: f.line,
  }));
  if (r.failure) {
    annotations.push({
      level: 'error',
      title: 'migration failed',
      message: r.failure.message,
      file: r.failure.file,
      ...(r.failure.line ? { startLine: r.failure.line } : {}),
    });
  }

  const planRows = pending.map((f) => {
    const found = r.findings.filter((x) => x.file === f.file);
    return `| \`${f.version}\` | \`${escapeCell(f.file)}\` | ${f.noTransaction ? 'no transaction' : ''} | ${found.map((x) => `⚠ ${x.kind} (line ${x.line})`).join('<br>') || '—'} |`;
  });
  const planTable = pending.length
    ? ['| version | file | | analysis |', '|---|---|---|---|', ...planRows].join('\n')
    : '_No pending migrations._';
  const findingList = r.findings.length
    ? `\n\n**Destructive statements** (${r.options.allowDestructive ? 'allowed' : 'blocking: set `allow-destructive: true` to apply'}):\n${r.findings.map((f) => `- \`${f.file}:${f.line}\` **${f.kind}**: ${escapeCell(f.detail)}`).join('\n')}`
    : '';
  let budget = 20_000;
  const sqlBlocks = pending
    .map((f) => {
      const block = `<details><summary>${f.file}</summary>\n\n${fence(f.sql, Math.min(SQL_IN_COMMENT, Math.max(0, budget)))}\n\n</details>`;
      budget -= block.length;
      return budget > 0 ? block : '';
    })
    .join('\n');
  const head = `**${summary}**`;
  const comment = [head, '', planTable + findingList, sqlBlocks ? `\n${sqlBlocks}` : ''].join('\n').trim();

  const historyTable = r.history.length
    ? [
        '| version | name | applied at | ms | by |',
        '|---|---|---|---|---|',
        ...r.history
          .slice(-50)
          .map(
            (h) =>
              `| \`${h.version}\` | ${escapeCell(h.name)} | ${h.appliedAt} | ${h.durationMs} | ${escapeCell(h.kind === 'baseline' ? `baseline (${h.appliedBy})` : h.appliedBy)} |`,
          ),
      ].join('\n')
    : '_No history yet._';
  const summarySections: SummarySection[] = [
    {
      markdown: `## Migrate\n\n${head}\n\nDatabase: \`${where}\` · transaction: ${r.options.transaction} · rollback: ${r.rollback}${r.backupPath ? ` · backup: \`${r.backupPath}\`` : ''}`,
      priority: 0,
    },
    { markdown: `### Plan\n\n${planTable}${findingList}`, priority: 1, label: 'plan' },
    { markdown: `### History\n\n${historyTable}`, priority: 3, label: 'history' },
  ];
  if (sqlBlocks)
    summarySections.push({ markdown: `### SQL\n\n${sqlBlocks}`, priority: 5, label: 'SQL of pending migrations' });
  if (r.tool)
    summarySections.push({
      markdown: `### ${r.tool.name}\n\n\`${r.tool.applyCommand}\` exited ${r.tool.exitCode}\n\n\`\`\`\n${r.tool.output}\n\`\`\``,
      priority: 2,
      label: 'tool output',
    });

  const text: string[] = [`Database: ${where}`];
  if (r.lock && !r.lock.acquired) text.push(`Lock held by: ${r.lock.holder ?? 'unknown'}`);
  for (const a of applied) text.push(`  applied  ${a.file} (${a.durationMs} ms)`);
  for (const f of pending) text.push(`  pending  ${f.file}${f.noTransaction ? ' (no transaction)' : ''}`);
  if (r.options.dryRun) for (const f of pending) text.push(`\n-- ${f.file}\n${f.sql.trimEnd()}`);
  for (const f of r.findings)
    text.push(`  ${r.options.allowDestructive ? 'allowed' : 'BLOCKED'}  ${f.file}:${f.line} ${f.kind}: ${f.detail}`);
  if (r.failure)
    text.push(`  failed   ${r.failure.file}${r.failure.line ? `:${r.failure.line}` : ''}: ${r.failure.message}`);
  if (r.restored) text.push(`  rollback ${r.restored}`);
  if (r.backupPath) text.push(`  backup   ${r.backupPath}`);
  if (r.tool) text.push(`${r.tool.name}: ${r.tool.applyCommand} → exit ${r.tool.exitCode}\n${r.tool.output}`);

  return {
    report,
    outputs: {
      applied: applied.map((a) => a.version).join(','),
      pending: pending.map((f) => f.version).join(','),
      'backup-path': r.backupPath ?? '',
    },
    summary: summarySections,
    comment,
    annotations,
    text: text.join('\n'),
  };
}
