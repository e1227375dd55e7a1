import type { CliCommand } from './command.js';

/** Every `shipkit <stage>` subcommand. Stages add themselves here as they are built. */
export const commands: CliCommand[] = [];
