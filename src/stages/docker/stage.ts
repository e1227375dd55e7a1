import type { Stage } from '../../core/stage.js';
import { readDockerOptions, type DockerOptions } from './options.js';
import { DockerReport } from './report-schema.js';

/**
 * The docker stage. Its builder, registry client and scan engine load when it runs, not when the
 * registry lists it or its options are read: a usage error is reported before any of them is loaded.
 */
export const dockerStage: Stage<DockerOptions> = {
  name: 'docker',
  reportSchema: DockerReport,
  readOptions: (inputs, ctx) => readDockerOptions(inputs, ctx.env, ctx.cwd),
  run: async (options, ctx) => (await import('./run.js')).runDocker(options, ctx),
  failureOutputs: { passed: 'false', pushed: 'false' },
};
