import type { CliCommand } from '../../cli/command.js';
import { readMigrateOptions } from './options.js';
import { runMigrate } from './run.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply SQL migrations under a lock, with history, backup, rollback and a destructive-change plan',
  flags: {
    dir: { type: 'string', description: 'DIR  migration files (default: migrations)' },
    'database-url': {
      type: 'string',
      description: 'URL  postgres://, mysql://, mariadb://, sqlite:PATH or pglite:PATH (default: pglite:.shipkit/db)',
    },
    'dry-run': { type: 'boolean', description: 'list pending migrations with their SQL and analysis; apply nothing' },
    'allow-destructive': { type: 'boolean', description: 'apply even when DROP/TRUNCATE/renames/… are found' },
    transaction: { type: 'string', description: 'all|per-file  one transaction for the run (default) or one per file' },
    rollback: {
      type: 'string',
      description: 'auto|backup|down|none  how a failed run is undone (auto: transaction, backup on MySQL)',
    },
    backup: { type: 'boolean', description: 'take pg_dump -Fc / mysqldump / VACUUM INTO before applying' },
    'backup-dir': { type: 'string', description: 'DIR  where backups go (default: .shipkit/backups)' },
    'lock-timeout': { type: 'string', description: 'DURATION  wait this long for another run to finish (default: 5m)' },
    baseline: {
      type: 'string',
      description: 'VERSION  adopt an existing database: record migrations up to VERSION as applied',
    },
    tool: { type: 'string', description: 'shipkit|knex|alembic|goose|golang-migrate|prisma|flyway|custom' },
    'tool-command': { type: 'string', description: 'CMD  apply command for tool: custom (or to override a tool’s)' },
    'tool-status-command': { type: 'string', description: 'CMD  status command run before and after apply' },
  },
  run: (inputs, ctx) => runMigrate(readMigrateOptions(inputs, ctx.env), ctx),
};
