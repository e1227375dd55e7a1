import type { Stage } from '../../core/stage.js';
import { readTestOptions, type TestOptions } from './options.js';
import { TestReport } from './report-schema.js';
import { runTestStage } from './run.js';

/**
 * The test stage: run lint and tests, read coverage and test reports, gate on coverage (total, per
 * path, changed lines, drop against the base branch's baseline) and on failed tests. Inputs, defaults
 * and help text are test/action.yml's; baselines come from the host (`ctx.host.baselines`).
 */
export const testStage: Stage<TestOptions> = {
  name: 'test',
  reportSchema: TestReport,
  readOptions: (inputs) => readTestOptions(inputs),
  run: (options, ctx) => runTestStage(options, ctx),
};
