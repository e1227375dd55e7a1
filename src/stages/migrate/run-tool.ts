import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { userCommandEnv } from '../../core/user-command-env.js';
import type { DatabaseTarget } from './database-url.js';
import type { Backup, Driver } from './drivers/types.js';
import { execFile } from './exec.js';
import type { MigrateOptions } from './options.js';
import { toolCommands, toolEnv, type ToolName } from './tools.js';

export interface ToolRun {
  name: ToolName;
  statusCommand?: string;
  applyCommand: string;
  statusBefore?: string;
  statusAfter?: string;
  exitCode: number;
  /** The tail of the apply command's output. */
  output: string;
}

function tail(text: string, max = 4000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/**
 * Another tool's migrations inside shipkit's wrapper: the caller holds shipkit's lock; a backup is
 * taken first when configured, the tool's status is recorded before and after, and a failed apply is
 * rolled back from the backup. The tool runs the repository's code, so it gets the environment a
 * `run:` step would (userCommandEnv: no action inputs, no runner credentials) plus the database.
 */
export async function runTool(
  options: MigrateOptions,
  target: DatabaseTarget,
  driver: Driver,
  ctx: StageContext,
): Promise<{ tool: ToolRun; backupPath?: string; restored?: string }> {
  const name = options.tool as Exclude<ToolName, 'shipkit'>;
  const defaults = toolCommands(name, options.dir);
  const applyCommand = options.toolCommand ?? defaults.apply;
  const statusCommand = options.toolStatusCommand ?? defaults.status;
  const env = userCommandEnv(ctx.env, { ...toolEnv(name, target), SHIPKIT_MIGRATIONS_DIR: options.dir });
  const sh = (command: string): ReturnType<typeof execFile> =>
    execFile('sh', ['-c', command], { env, cwd: ctx.cwd, signal: ctx.signal });

  const wantsBackup =
    options.backup ||
    options.rollback === 'backup' ||
    (options.rollback === 'auto' && target.kind !== 'pglite' && target.kind !== 'sqlite');
  const backup: Backup | undefined = wantsBackup
    ? await driver.backup(path.resolve(ctx.cwd, options.backupDir))
    : undefined;
  const backupPath = backup ? path.relative(ctx.cwd, backup.path) : undefined;

  const before = statusCommand ? await sh(statusCommand) : undefined;
  ctx.logger.info(`running ${name}: ${applyCommand}`);
  const applied = await sh(applyCommand);
  const after = statusCommand ? await sh(statusCommand) : undefined;
  const tool: ToolRun = {
    name,
    applyCommand,
    ...(statusCommand ? { statusCommand } : {}),
    ...(before ? { statusBefore: tail(before.stdout + before.stderr) } : {}),
    ...(after ? { statusAfter: tail(after.stdout + after.stderr) } : {}),
    exitCode: applied.code,
    output: tail(applied.stdout + applied.stderr),
  };
  if (applied.code !== 0 && backup && options.rollback !== 'none') {
    await backup.restore();
    return { tool, ...(backupPath ? { backupPath } : {}), restored: `backup ${backupPath ?? ''}` };
  }
  return { tool, ...(backupPath ? { backupPath } : {}) };
}
