import type { CliCommand } from './command.js';
import { migrateCommand } from '../stages/migrate/command.js';
import { smokeCommand } from '../stages/smoke/command.js';

/** Every `shipkit <stage>` subcommand. Stages add themselves here as they are built. */
export const commands: CliCommand[] = [smokeCommand, migrateCommand];
