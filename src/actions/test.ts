import { actionBaselineStore } from '../runtime/baseline-cache.js';
import { runAction } from '../runtime/run-action.js';
import { createTestCommand } from '../stages/test/command.js';

// The only difference from the CLI: baselines live in the Actions cache.
const command = createTestCommand({ baselineStore: actionBaselineStore });
await runAction('test', (inputs, ctx) => command.run(inputs, ctx));
