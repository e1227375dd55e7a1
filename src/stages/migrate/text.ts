import { stillPending, type MigrateResult } from './result.js';

/** What `npx shipkit migrate` prints: the plan, what ran, what failed and what was undone. */
export function terminalText(r: MigrateResult): string {
  const applied = r.applied ?? [];
  const pending = stillPending(r);
  const text: string[] = [`Database: ${r.target.display}`];
  if (r.lock && !r.lock.acquired) text.push(`Lock held by: ${r.lock.holder ?? 'unknown'}`);
  for (const i of r.interrupted) {
    text.push(`  STOPPED  ${i.file || i.version} did not finish in an earlier run`);
    for (const o of i.objects)
      text.push(
        `           ${o.kind} ${o.name}: ${o.exists ? (o.invalid ? 'exists, INVALID' : 'exists') : 'does not exist'}`,
      );
    text.push(`           ${i.advice}`);
  }
  for (const a of applied) text.push(`  applied  ${a.file} (${a.durationMs} ms)`);
  for (const f of pending) text.push(`  pending  ${f.file}${f.noTransaction ? ' (no transaction)' : ''}`);
  if (r.options.dryRun) for (const f of pending) text.push(`\n-- ${f.file}\n${f.sql.trimEnd()}`);
  for (const f of r.findings)
    text.push(`  ${r.options.allowDestructive ? 'allowed' : 'BLOCKED'}  ${f.file}:${f.line} ${f.kind}: ${f.detail}`);
  if (r.failure)
    text.push(`  failed   ${r.failure.file}${r.failure.line ? `:${r.failure.line}` : ''}: ${r.failure.message}`);
  if (r.restored) text.push(`  rollback ${r.restored}`);
  for (const w of r.warnings) text.push(`  warning  ${w}`);
  if (r.backupPath) text.push(`  backup   ${r.backupPath}`);
  if (r.tool) text.push(`${r.tool.name}: ${r.tool.applyCommand} → exit ${r.tool.exitCode}\n${r.tool.output}`);
  return text.join('\n');
}
