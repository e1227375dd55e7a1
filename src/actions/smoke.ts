import { runAction } from '../runtime/run-action.js';
import { smokeCommand } from '../stages/smoke/command.js';

await runAction('smoke', (inputs, ctx) => smokeCommand.run(inputs, ctx));
