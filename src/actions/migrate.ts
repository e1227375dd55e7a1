import { runAction } from '../runtime/run-action.js';
import { migrateCommand } from '../stages/migrate/command.js';

await runAction('migrate', migrateCommand.run);
