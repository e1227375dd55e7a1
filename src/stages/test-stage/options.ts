import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import { COVERAGE_FORMATS } from './coverage/detect.js';
import type { CoverageFormat, Metric } from './model.js';
import { parsePathMap, type PathMapEntry } from './paths/resolve.js';
import { parsePathThresholds, type PathThreshold } from './thresholds.js';

/** `coverage-format`: a format the parsers read, or `auto` (detected from each file's content). */
const COVERAGE_FORMAT_CHOICES: readonly (CoverageFormat | 'auto')[] = ['auto', ...COVERAGE_FORMATS];

export interface TestOptions {
  /** Shell commands, run in order; the first failing one stops the rest of its list. */
  lint: string[];
  test: string[];
  /** Coverage report files or globs; empty = look in the usual places. */
  coverage: string[];
  coverageFormat: CoverageFormat | 'auto';
  /** JUnit XML files or globs; empty = look in the usual places. */
  testResults: string[];
  pathMap: PathMapEntry[];
  /** `min-lines`…: minimum total percentage per metric. */
  min: Partial<Record<Metric, number>>;
  pathThresholds: PathThreshold[];
  minDiffCoverage?: number;
  /** Largest allowed drop of line coverage against the base branch's baseline, in percentage points. */
  maxDrop?: number;
  /** Base branch of the comparison; default: the pull request's base. */
  base?: string;
  /** `max-drop` fails when the base branch has no baseline yet (default: it passes and says so). */
  requireBaseline: boolean;
  allowEmpty: boolean;
  annotate: boolean;
  /** Nothing was configured: detect what to run and where reports land, and gate nothing else. */
  detect: boolean;
}

const pctOpts = { min: 0, max: 100 } as const;

/** Reads the inputs of test/action.yml (its defaults are repeated here as fallbacks; a test holds them equal). */
export function readTestOptions(inputs: InputReader): TestOptions {
  const pathMapLines = inputs.lines('path-map');
  const pm = parsePathMap(pathMapLines);
  if (pm.bad !== undefined) {
    throw new UserError(
      `${inputs.source.label('path-map')} line ${pm.bad + 1} must be 'from=to', got '${pathMapLines[pm.bad] ?? ''}'`,
      {
        input: 'path-map',
      },
    );
  }
  const min: Partial<Record<Metric, number>> = {};
  for (const metric of ['lines', 'branches', 'functions', 'statements'] as const) {
    const v = inputs.number(`min-${metric}`, pctOpts);
    if (v !== undefined) min[metric] = v;
  }
  const lint = inputs.lines('lint');
  const test = inputs.lines('test');
  const coverage = inputs.list('coverage');
  const testResults = inputs.list('test-results');
  const options: TestOptions = {
    lint,
    test,
    coverage,
    coverageFormat: inputs.oneOf('coverage-format', COVERAGE_FORMAT_CHOICES, 'auto'),
    testResults,
    pathMap: pm.entries,
    min,
    pathThresholds: parsePathThresholds(inputs.text('path-thresholds'), inputs.source.label('path-thresholds')),
    allowEmpty: inputs.bool('allow-empty', false),
    annotate: inputs.bool('annotate', true),
    requireBaseline: inputs.bool('require-baseline', false),
    detect: lint.length === 0 && test.length === 0 && coverage.length === 0 && testResults.length === 0,
  };
  const minDiff = inputs.number('min-diff-coverage', pctOpts);
  if (minDiff !== undefined) options.minDiffCoverage = minDiff;
  const maxDrop = inputs.number('max-drop', pctOpts);
  if (maxDrop !== undefined) options.maxDrop = maxDrop;
  const base = inputs.string('base');
  if (base !== undefined) options.base = base;
  return options;
}
