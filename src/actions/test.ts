import { runAction } from '../runtime/run-action.js';

// The only difference from the CLI: baselines live in the Actions cache.
await runAction('test', async () => {
  const [{ createTestCommand }, { actionBaselineStore }] = await Promise.all([
    import('../stages/test-stage/command.js'),
    import('../runtime/baseline-cache.js'),
  ]);
  return createTestCommand({ baselineStore: actionBaselineStore }).run;
});
