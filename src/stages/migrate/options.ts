import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import { canonicalVersion } from './files.js';
import { isServerUrl, passwordsOf } from './database-url.js';
import { TOOLS, type ToolName } from './tools.js';

export const TRANSACTION_MODES = ['all', 'per-file'] as const;
export const ROLLBACK_MODES = ['auto', 'backup', 'down', 'none'] as const;

export interface MigrateOptions {
  databaseUrl?: string;
  dir: string;
  transaction: (typeof TRANSACTION_MODES)[number];
  /** `auto`: a transaction where the database has transactional DDL, the backup on MySQL/MariaDB. */
  rollback: (typeof ROLLBACK_MODES)[number];
  backup: boolean;
  backupDir: string;
  lockTimeoutMs: number;
  baseline?: string;
  dryRun: boolean;
  allowDestructive: boolean;
  tool: ToolName;
  /** For `tool: custom`, or to override a tool's apply command. */
  toolCommand?: string;
  toolStatusCommand?: string;
}

export function readMigrateOptions(inputs: InputReader, env: NodeJS.ProcessEnv = process.env): MigrateOptions {
  const databaseUrl = inputs.string('database-url');
  // A server URL names a host and usually a password: masked whole, and the password on its own
  // (as written and decoded). A sqlite:/pglite: path is not a secret and stays readable.
  if (databaseUrl !== undefined && isServerUrl(databaseUrl)) {
    inputs.source.mask(databaseUrl);
    for (const password of passwordsOf(databaseUrl)) inputs.source.mask(password);
  }
  // On a runner the embedded default would migrate a database that vanishes with the job: say so instead.
  if (databaseUrl === undefined && env.GITHUB_ACTIONS === 'true') {
    throw new UserError(`${inputs.source.label('database-url')} is required in an action`, { input: 'database-url' });
  }
  const baselineRaw = inputs.string('baseline');
  let baseline: string | undefined;
  if (baselineRaw !== undefined) {
    if (!/^\d+(?:[._]\d+)*$/.test(baselineRaw)) {
      throw new UserError(
        `${inputs.source.label('baseline')} must be a migration version such as 3 or 1.2, got '${baselineRaw}'`,
        {
          input: 'baseline',
        },
      );
    }
    baseline = canonicalVersion(baselineRaw);
  }
  const tool = inputs.oneOf('tool', TOOLS, 'shipkit');
  const toolCommand = inputs.text('tool-command')?.trim();
  if (tool === 'custom' && !toolCommand) {
    throw new UserError(`${inputs.source.label('tool-command')} is required with tool: custom`, {
      input: 'tool-command',
    });
  }
  return {
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    dir: inputs.string('dir') ?? 'migrations',
    transaction: inputs.oneOf('transaction', TRANSACTION_MODES, 'all'),
    rollback: inputs.oneOf('rollback', ROLLBACK_MODES, 'auto'),
    backup: inputs.bool('backup', false),
    backupDir: inputs.string('backup-dir') ?? '.shipkit/backups',
    lockTimeoutMs: inputs.duration('lock-timeout') ?? 300_000,
    ...(baseline !== undefined ? { baseline } : {}),
    dryRun: inputs.bool('dry-run', false),
    allowDestructive: inputs.bool('allow-destructive', false),
    tool,
    ...(toolCommand ? { toolCommand } : {}),
    ...(inputs.text('tool-status-command')?.trim()
      ? { toolStatusCommand: inputs.text('tool-status-command')?.trim() }
      : {}),
  };
}
