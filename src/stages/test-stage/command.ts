import type { CliCommand, FlagSpec } from '../../cli/command.js';
import type { BaselineStore } from './baseline.js';
import type { StageContext } from '../../core/context.js';
import { readTestOptions } from './options.js';
import { runTestStage } from './run.js';

const flags: Record<string, FlagSpec> = {
  lint: { type: 'string', multiple: true, description: 'CMD  lint command (repeatable; run with bash)' },
  test: { type: 'string', multiple: true, description: 'CMD  test command (repeatable; run with bash)' },
  coverage: { type: 'string', multiple: true, description: 'FILE  coverage report file or glob (repeatable)' },
  'coverage-format': {
    type: 'string',
    description: 'FORMAT  auto, lcov, cobertura, clover, jacoco, istanbul-summary, istanbul-final, go',
  },
  'test-results': {
    type: 'string',
    multiple: true,
    description: 'FILE  JUnit XML (or TRX, NUnit) file or glob (repeatable)',
  },
  'path-map': {
    type: 'string',
    multiple: true,
    description: 'FROM=TO  rewrite report path prefix FROM to TO (repeatable)',
  },
  'min-lines': { type: 'string', description: 'PCT  minimum total line coverage' },
  'min-branches': { type: 'string', description: 'PCT  minimum total branch coverage' },
  'min-functions': { type: 'string', description: 'PCT  minimum total function coverage' },
  'min-statements': { type: 'string', description: 'PCT  minimum total statement coverage' },
  'path-thresholds': { type: 'string', description: "YAML  glob → minimum, e.g. 'src/utils/**: 80'" },
  'min-diff-coverage': {
    type: 'string',
    description: 'PCT  minimum coverage of the lines changed since the merge base with --base',
  },
  'max-drop': {
    type: 'string',
    description: 'PP  largest allowed drop of line coverage against the base branch baseline',
  },
  base: { type: 'string', description: 'REF  base branch to diff and compare with (default: the pull request base)' },
  'allow-empty': { type: 'boolean', description: 'accept missing or empty reports' },
  annotate: {
    type: 'string',
    description: 'true|false  annotate failing tests and uncovered changed lines (default true)',
  },
};

/** `shipkit test`, and the action through the same run function. */
export function createTestCommand(host: { baselineStore?: (ctx: StageContext) => BaselineStore } = {}): CliCommand {
  return {
    name: 'test',
    summary:
      'Run lint and tests, read coverage and test reports, and gate on coverage (total, per path, changed lines, drop).',
    flags,
    run: (inputs, ctx) =>
      runTestStage(readTestOptions(inputs), ctx, host.baselineStore ? { baselineStore: host.baselineStore } : {}),
  };
}

export const testCommand: CliCommand = createTestCommand();
