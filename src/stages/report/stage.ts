import type { Stage } from '../../core/stage.js';
import { readReportOptions, type ReportOptions } from './options.js';
import { ReportReport } from './report-schema.js';

/**
 * The root report action (`uses: <owner>/shipkit@v1`, `npx shipkit report`): the stages' reports of a
 * run in one view, test shards merged. Its code loads when it runs.
 */
export const reportStage: Stage<ReportOptions> = {
  name: 'report',
  reportSchema: ReportReport,
  readOptions: (inputs, ctx) => readReportOptions(inputs, ctx.cwd),
  run: async (options, ctx) => (await import('./run.js')).runReport(options, ctx),
};
