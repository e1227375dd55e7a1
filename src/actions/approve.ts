import { runAction } from '../runtime/run-action.js';
import { approveCommand } from '../stages/approve/command.js';

await runAction('approve', approveCommand.run);
