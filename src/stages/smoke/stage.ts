import type { Stage } from '../../core/stage.js';
import { readSmokeOptions, type SmokeOptions } from './options.js';
import { SmokeReport } from './report-schema.js';

/**
 * The smoke stage. Its HTTP client and probes load when it runs, not when the registry lists it or
 * its options are read: a usage error is reported before they are parsed.
 */
export const smokeStage: Stage<SmokeOptions> = {
  name: 'smoke',
  reportSchema: SmokeReport,
  readOptions: (inputs, ctx) => readSmokeOptions(inputs, ctx.cwd),
  run: async (options, ctx) => (await import('./run.js')).runSmoke(options, ctx),
};
