import type { StageContext } from '../../core/context.js';
import type { Annotation, StageOutcome } from '../../core/outcome.js';
import { headlineOf } from './headline.js';
import { commentSection, summarySections } from './markdown.js';
import { migrateReport } from './report.js';
import { stillPending, type MigrateResult } from './result.js';
import { terminalText } from './text.js';

function annotationsOf(r: MigrateResult): Annotation[] {
  const out: Annotation[] = r.findings.map((f) => ({
    level: r.options.allowDestructive ? 'warning' : 'error',
    title: `destructive migration: ${f.kind}`,
    message: f.detail,
    file: f.file,
    startLine: f.line,
  }));
  for (const i of r.interrupted)
    out.push({
      level: 'error',
      title: 'migration did not finish in an earlier run',
      message: i.advice,
      ...(i.file ? { file: i.file } : {}),
    });
  if (r.failure) {
    out.push({
      level: 'error',
      title: 'migration failed',
      message: r.failure.message,
      file: r.failure.file,
      ...(r.failure.line ? { startLine: r.failure.line } : {}),
    });
  }
  return out;
}

/** The outcome of a run: its report, outputs, comment section, summary, annotations and terminal text. */
export function buildOutcome(r: MigrateResult, ctx: StageContext): StageOutcome {
  const headline = headlineOf(r);
  const report = migrateReport(r, ctx.run);
  return {
    report,
    outputs: {
      // What a later step branches on (a deploy after the migration): the other stages say it too.
      passed: report.status !== 'fail',
      applied: (r.applied ?? []).map((a) => a.version).join(','),
      pending: stillPending(r)
        .map((f) => f.version)
        .join(','),
      'backup-path': r.backupPath ?? '',
    },
    summary: summarySections(r, headline, report.status),
    comment: commentSection(r, headline),
    annotations: annotationsOf(r),
    text: terminalText(r),
  };
}
