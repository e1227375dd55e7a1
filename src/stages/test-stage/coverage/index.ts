import { UserError } from '../../../core/errors.js';
import type { CoverageFormat, CoverageSet } from '../model.js';
import { parseClover } from './clover.js';
import { parseCobertura } from './cobertura.js';
import type { CoverageParser } from './coverage-set.js';
import { emptySet, mergeSets } from './coverage-set.js';
import { parseCoveragePy } from './coverage-py.js';
import { formatOf } from './detect.js';
import { parseGo } from './go.js';
import { parseIstanbulFinal, parseIstanbulSummary } from './istanbul.js';
import { parseJacoco } from './jacoco.js';
import { parseLcov } from './lcov.js';
import { noDataError, openReport } from './report-file.js';

export { COVERAGE_FORMATS, detectFormat } from './detect.js';
export { fileCounters, fileCountersWithSummary, fileTotals, percent, totals } from './totals.js';

const PARSERS: Record<CoverageFormat, CoverageParser> = {
  lcov: parseLcov,
  cobertura: parseCobertura,
  clover: parseClover,
  jacoco: parseJacoco,
  'istanbul-summary': parseIstanbulSummary,
  'istanbul-final': parseIstanbulFinal,
  go: parseGo,
  'coverage-py': parseCoveragePy,
};

export interface ReadCoverageOptions {
  /** Every file is read as this format instead of being detected from its content. */
  format?: CoverageFormat;
  /** Relative report paths resolve against it (the working directory). */
  cwd: string;
  /** An empty report (no file sections) is accepted instead of being a UserError. */
  allowEmpty?: boolean;
  /** The input or flag the file list came from, named in errors. */
  input?: string;
}

/**
 * Reads coverage reports (any mix of formats) into one set. Each report is read into a set of its
 * own, then merged metric by metric (see mergeSets): several reports of one run give that run's
 * numbers; reports of different runs add up as `lcov -a` does. A report that is missing, unreadable, corrupt or (unless allowEmpty) empty is a UserError
 * naming it.
 */
export async function readCoverage(files: string[], opts: ReadCoverageOptions): Promise<CoverageSet> {
  if (files.length === 0 && !opts.allowEmpty) {
    throw new UserError('no coverage report given', { input: opts.input });
  }
  const set = emptySet();
  for (const name of files) {
    const report = await openReport(name, opts.cwd, opts.input);
    const format = opts.format ?? (report.size === 0 ? undefined : await formatOf(report, opts.input));
    if (format === undefined) {
      if (opts.allowEmpty) continue;
      throw noDataError(report, 'coverage', opts.input);
    }
    const own = emptySet();
    const { files: count, roots } = await PARSERS[format](report, own);
    if (count === 0 && !opts.allowEmpty) throw noDataError(report, 'coverage', opts.input);
    own.sources.push(roots?.length ? { file: report.display, format, roots } : { file: report.display, format });
    mergeSets(set, own);
  }
  return set;
}
