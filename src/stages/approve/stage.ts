import type { Stage } from '../../core/stage.js';
import { readApproveOptions, type ApproveOptions } from './options.js';
import { ApproveReport } from './report-schema.js';

/**
 * The approve stage. Its GitHub code (team lookups, the request issue, the poll loop) loads when
 * it runs: listing the stage or refusing a bad input does not pay for it.
 */
export const approveStage: Stage<ApproveOptions> = {
  name: 'approve',
  reportSchema: ApproveReport,
  service: { name: 'the GitHub API' },
  readOptions: (inputs) => readApproveOptions(inputs),
  run: async (options, ctx) => (await import('./run.js')).runApproveStage(options, ctx),
  // Any error that ends the run before an outcome exists still tells the workflow: not approved.
  failureOutputs: { approved: 'false', decision: 'error' },
};
