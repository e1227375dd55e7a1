import { runAction } from '../runtime/run-action.js';

await runAction('smoke', async () => (await import('../stages/smoke/command.js')).smokeCommand.run);
