import type { Stage } from '../../core/stage.js';
import { readScanOptions, type ScanOptions } from './options.js';
import { ScanReport } from './report-schema.js';
import { runScan } from './run.js';

/** `scan/` and `npx shipkit scan`: Trivy, the package managers' audits and existing reports behind one findings gate. */
export const scanStage: Stage<ScanOptions> = {
  name: 'scan',
  reportSchema: ScanReport,
  readOptions: (inputs) => readScanOptions(inputs),
  run: (options, ctx) => runScan(options, ctx),
  failureOutputs: { passed: 'false' },
};
