import type { Stage } from '../../core/stage.js';
import { readMigrateOptions, type MigrateOptions } from './options.js';
import { MigrateReport } from './report-schema.js';

/**
 * The migrate stage. Its drivers and SQL parsers load when it runs, and then only the ones the
 * database and the pending files need: a usage error is reported before any of them is parsed.
 */
export const migrateStage: Stage<MigrateOptions> = {
  name: 'migrate',
  reportSchema: MigrateReport,
  service: { name: 'the database', input: 'database-url' },
  readOptions: (inputs, ctx) => readMigrateOptions(inputs, ctx.env),
  run: async (options, ctx) => (await import('./run.js')).runMigrate(options, ctx),
};
