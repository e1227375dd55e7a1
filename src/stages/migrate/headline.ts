import { stillPending, type MigrateResult } from './result.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one line that says what the run did: the report's summary and the comment's headline. */
export function headlineOf(r: MigrateResult): string {
  const where = r.target.display;
  const applied = r.applied ?? [];
  const pending = stillPending(r);
  if (r.lock && !r.lock.acquired) return `could not get the migration lock on ${where}`;
  if (r.tool)
    return `${r.tool.name} ${r.tool.exitCode === 0 ? 'applied its migrations' : `failed (exit ${r.tool.exitCode})`}${r.restored ? `; ${r.restored}` : ''}`;
  if (r.interrupted.length > 0)
    return `stopped: ${r.interrupted.map((i) => i.file || i.version).join(', ')} did not finish in an earlier run; nothing applied`;
  if (r.failure)
    return `${r.failure.file} failed; ${applied.length} applied, ${r.restored ?? (r.rolledBack?.length ? `rolled back ${r.rolledBack.join(', ')}` : 'nothing applied')}`;
  if (r.blocked)
    return `blocked: ${plural(r.findings.length, 'destructive statement')} in ${plural(pending.length, 'pending migration')}; set allow-destructive: true to apply`;
  if (r.options.dryRun) return `dry run: ${plural(pending.length, 'pending migration')} on ${where}`;
  return applied.length === 0
    ? `up to date: nothing pending on ${where}`
    : `applied ${plural(applied.length, 'migration')} to ${where}`;
}
