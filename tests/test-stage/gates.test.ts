import { describe, expect, it } from 'vitest';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import type { Baseline } from '../../src/stages/test-stage/baseline.js';
import { evaluateGates, type GateInput } from '../../src/stages/test-stage/gates.js';
import { readTestOptions } from '../../src/stages/test-stage/options.js';
import type { CoverageSummary } from '../../src/stages/test-stage/summarize.js';

const v = (covered: number, total: number) => ({
  covered,
  total,
  pct: total === 0 ? 100 : Math.round((covered / total) * 10000) / 100,
});

const coverage: CoverageSummary = {
  totals: { lines: v(80, 100), branches: v(30, 50), functions: null, statements: null },
  files: [
    { path: 'src/services/a.ts', lines: v(35, 50), branches: v(10, 20), functions: null, statements: null },
    { path: 'src/utils/b.ts', lines: v(45, 50), branches: v(20, 30), functions: null, statements: null },
  ],
};

function options(values: Record<string, string>) {
  return readTestOptions(new InputReader(mapSource(values, 'input')));
}

function input(values: Record<string, string>, extra: Partial<GateInput> = {}): GateInput {
  return {
    options: options(values),
    commands: [],
    coverage,
    headline: 'lines',
    diff: { kind: 'not-applicable', reason: 'push' },
    baseline: { kind: 'not-applicable' },
    ...extra,
  };
}

describe('gates', () => {
  it('checks total minimums with required and actual, on the exact ratio', () => {
    const gates = evaluateGates(input({ 'min-lines': '80', 'min-branches': '60.01' }));
    expect(gates).toEqual([
      { name: 'min-lines', passed: true, required: 80, actual: 80, unit: '%', detail: '80/100 lines' },
      { name: 'min-branches', passed: false, required: 60.01, actual: 60, unit: '%', detail: '30/50 branches' },
    ]);
  });

  it('fails closed on a metric the reports do not measure, and without coverage data', () => {
    expect(evaluateGates(input({ 'min-functions': '50' }))[0]).toMatchObject({
      passed: false,
      actual: null,
      detail: 'no functions data to measure',
    });
    const none = evaluateGates({
      ...input({ 'min-lines': '1' }),
      coverage: undefined,
      coverageMissing: 'no coverage data found in coverage/lcov.info',
    });
    expect(none.map((g) => [g.name, g.passed])).toEqual([
      ['coverage-data', false],
      ['min-lines', false],
    ]);
  });

  it('applies per-path thresholds: number → lines, map → each metric; no matching file fails', () => {
    const gates = evaluateGates(
      input({
        'path-thresholds': 'src/services/**: 70\nsrc/utils/**: { lines: 80, branches: 70 }\nsrc/components/**: 60\n',
      }),
    );
    expect(gates.map((g) => [g.name, g.passed, g.actual])).toEqual([
      ['path src/services/** lines', true, 70],
      ['path src/utils/** lines', true, 90],
      ['path src/utils/** branches', false, 66.67],
      ['path src/components/** lines', false, null],
    ]);
  });

  it('gates diff coverage only when it can be measured, failing closed otherwise', () => {
    const measured = evaluateGates(
      input(
        { 'min-diff-coverage': '90' },
        {
          diff: { kind: 'measured', source: 'git', notes: [], coverage: { covered: 8, total: 10, pct: 80, files: [] } },
        },
      ),
    );
    expect(measured).toEqual([
      { name: 'min-diff-coverage', passed: false, required: 90, actual: 80, unit: '%', detail: '8/10 changed lines' },
    ]);
    const unknown = evaluateGates(
      input({ 'min-diff-coverage': '90' }, { diff: { kind: 'unavailable', reason: 'no merge base' } }),
    );
    expect(unknown[0]).toMatchObject({ passed: false, actual: null });
    const empty = evaluateGates(
      input(
        { 'min-diff-coverage': '90' },
        {
          diff: { kind: 'measured', source: 'git', notes: [], coverage: { covered: 0, total: 0, pct: 100, files: [] } },
        },
      ),
    );
    expect(empty[0]).toMatchObject({ passed: true, actual: 100, detail: 'no executable line changed' });
    expect(evaluateGates(input({ 'min-diff-coverage': '90' }))).toEqual([]);
  });

  it('limits the drop against the baseline; without one it passes and says so unless require-baseline is set', () => {
    const baseline: Baseline = {
      version: 1,
      branch: 'main',
      sha: 'abcdef0123',
      createdAt: '2026-11-20T00:00:00Z',
      totals: { lines: v(83, 100), branches: null, functions: null, statements: null },
      files: {},
    };
    expect(evaluateGates(input({ 'max-drop': '2' }, { baseline: { kind: 'found', baseline } }))[0]).toMatchObject({
      name: 'max-drop',
      passed: false,
      actual: 3,
      required: 2,
      unit: 'pp',
    });
    expect(evaluateGates(input({ 'max-drop': '3' }, { baseline: { kind: 'found', baseline } }))[0]).toMatchObject({
      passed: true,
    });
    // The first pull request of a repository: no baseline yet is not a drop.
    expect(
      evaluateGates(input({ 'max-drop': '1' }, { baseline: { kind: 'missing', branch: 'main' } }))[0],
    ).toMatchObject({
      passed: true,
      actual: null,
      detail: "no baseline for 'main' yet: a push to 'main' records one (not gated; require-baseline: true fails here)",
    });
    expect(
      evaluateGates(
        input({ 'max-drop': '1', 'require-baseline': 'true' }, { baseline: { kind: 'missing', branch: 'main' } }),
      )[0],
    ).toMatchObject({ passed: false, actual: null });
  });

  it('gates min-lines and max-drop on statements for Go profiles, as go test -cover prints', () => {
    const go: CoverageSummary = {
      totals: { lines: v(5, 9), branches: null, functions: null, statements: v(5, 10) },
      files: [],
    };
    const [minLines] = evaluateGates(input({ 'min-lines': '55' }, { coverage: go, headline: 'statements' }));
    expect(minLines).toMatchObject({ name: 'min-lines', passed: false, actual: 50, detail: '5/10 statements' });
    const baseline: Baseline = {
      version: 1,
      branch: 'main',
      sha: 'abcdef0123',
      createdAt: '2026-11-20T00:00:00Z',
      totals: { lines: v(5, 9), branches: null, functions: null, statements: v(6, 10) },
      files: {},
    };
    const [drop] = evaluateGates(
      input({ 'max-drop': '5' }, { coverage: go, headline: 'statements', baseline: { kind: 'found', baseline } }),
    );
    expect(drop).toMatchObject({ passed: false, actual: 10 });
    expect(drop.detail).toMatch(/^statements 60% on main@abcdef0 → 50%$/);
  });

  it('fails the lint and test gates on a failing command, with its exit code', () => {
    const gates = evaluateGates(
      input(
        {},
        {
          commands: [
            { kind: 'lint', command: 'eslint .', exitCode: 0, durationMs: 5 },
            { kind: 'test', command: 'npm test', exitCode: 2, durationMs: 9 },
          ],
          tests: { total: 3, passed: 2, failed: 1, errors: 0, skipped: 0, flaky: 0 },
        },
      ),
    );
    expect(gates.map((g) => [g.name, g.passed, g.actual])).toEqual([
      ['lint', true, 0],
      ['test', false, 2],
      ['failed-tests', false, 1],
    ]);
  });
});

describe('readTestOptions', () => {
  it('reads every option', () => {
    const o = options({
      lint: 'eslint .\n  \nprettier --check .',
      test: 'npm test -- --coverage',
      coverage: 'coverage/lcov.info, cover.out',
      'coverage-format': 'lcov',
      'test-results': 'junit.xml',
      'path-map': '/app=src',
      'min-lines': '80%',
      'min-diff-coverage': '90',
      'max-drop': '0.5',
      base: 'develop',
      'allow-empty': 'true',
      annotate: 'false',
    });
    expect(o).toMatchObject({
      lint: ['eslint .', 'prettier --check .'],
      test: ['npm test -- --coverage'],
      coverage: ['coverage/lcov.info', 'cover.out'],
      coverageFormat: 'lcov',
      testResults: ['junit.xml'],
      pathMap: [{ from: '/app', to: 'src' }],
      min: { lines: 80 },
      minDiffCoverage: 90,
      maxDrop: 0.5,
      base: 'develop',
      allowEmpty: true,
      annotate: false,
      detect: false,
    });
    expect(options({}).detect).toBe(true);
  });

  it.each([
    [{ 'min-lines': '120' }, "input 'min-lines' must be a number from 0 to 100, got '120'"],
    [
      { 'coverage-format': 'xml' },
      "input 'coverage-format' must be one of auto, lcov, cobertura, clover, jacoco, istanbul-summary, istanbul-final, go, coverage-py, got 'xml'",
    ],
    [{ 'path-map': 'a=b\nnope' }, "input 'path-map' line 2 must be 'from=to', got 'nope'"],
    [{ 'path-thresholds': 'src/**: [1, 2' }, 'is not valid YAML'],
    [{ 'path-thresholds': 'src/**: { lines: 80, loops: 3 }' }, "'src/**': unknown metric 'loops'"],
    [{ 'path-thresholds': 'src/**: 180' }, "'src/**' must be a percentage from 0 to 100, got 180"],
    [{ 'path-thresholds': '- a\n- b' }, 'must be a YAML map'],
  ])('rejects %o', (values, message) => {
    expect(() => options(values)).toThrow(message);
  });
});
