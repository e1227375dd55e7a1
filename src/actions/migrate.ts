import { runAction } from '../runtime/run-action.js';

await runAction('migrate', async () => (await import('../stages/migrate/command.js')).migrateCommand.run);
