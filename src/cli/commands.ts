import type { CommandEntry } from './command.js';

/**
 * Every `shipkit <stage>` subcommand, in pipeline order. Each stage is loaded only when its
 * command runs (see CommandEntry). Stages add one entry here as they are built.
 */
export const commands: CommandEntry[] = [
  {
    name: 'test',
    summary: 'run lint and tests, read coverage and test reports, gate on coverage',
    load: async () => (await import('../stages/test-stage/command.js')).testCommand,
  },
  {
    name: 'migrate',
    summary: 'apply SQL migrations under a lock, with history, backup, rollback and a destructive-change plan',
    load: async () => (await import('../stages/migrate/command.js')).migrateCommand,
  },
  {
    name: 'smoke',
    summary: 'wait until healthy, then run HTTP checks with latency budgets and security headers',
    load: async () => (await import('../stages/smoke/command.js')).smokeCommand,
  },
  {
    name: 'approve',
    summary: 'open an approval issue and wait until enough approvers answer (fails unless approved)',
    load: async () => (await import('../stages/approve/command.js')).approveCommand,
  },
];
