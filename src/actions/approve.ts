import { runAction } from '../runtime/run-action.js';

await runAction('approve', async () => (await import('../stages/approve/command.js')).approveCommand.run);
