import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { TestReport as testReportSchema } from '../../src/stages/test-stage/report-schema.js';
import { pullRequestEvent } from '../support/webhook-events.js';
import { git, repoWithPr, tempDir, write } from './support/git-repo.js';
import { eventEnv, runStage } from './support/stage.js';
import { listItems, paragraphs } from './support/markdown.js';

const GO_MOD = 'module example.com/calc\n\ngo 1.19\n';
const MATHX = `package mathx

func Add(a, b int) int {
	return a + b
}

func Abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}
`;
const MATHX_TEST = `package mathx

import "testing"

func TestAdd(t *testing.T) {
	if Add(1, 2) != 3 || Abs(-2) != 2 {
		t.Fatal("bad")
	}
}
`;
// The PR adds Clamp (lines 14-23), which no test calls, and Sign (25-30), which one does.
const MATHX_PR = `${MATHX}
func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}

	if v > hi {
		return hi
	}
	return v
}

func Sign(v int) int {
	if v < 0 {
		return -1
	}
	return 1
}
`;
const MATHX_TEST_PR = MATHX_TEST.replace('Abs(-2) != 2', 'Abs(-2) != 2 || Sign(3) != 1');
const GO_TEST = 'go test -coverprofile=cover.out ./...';

describe('runTestStage on a Go repository (real go test coverprofiles)', () => {
  it('records a baseline on main, then gates a pull request on changed lines, paths and the drop', async () => {
    const { dir, baseSha } = repoWithPr(
      {
        'go.mod': GO_MOD,
        'mathx/mathx.go': MATHX,
        'mathx/mathx_test.go': MATHX_TEST,
        '.gitignore': 'cover.out\n.shipkit/\n',
      },
      { 'mathx/mathx.go': MATHX_PR, 'mathx/mathx_test.go': MATHX_TEST_PR },
    );
    const baselines = tempDir('baselines');

    // 1. A push to main: tests run, the baseline is saved.
    git(dir, 'checkout', '-q', 'main');
    const push = await runStage(
      dir,
      { test: GO_TEST, coverage: 'cover.out' },
      eventEnv(
        'push',
        { ref: 'refs/heads/main', after: baseSha, repository: { default_branch: 'main' } },
        { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: baseSha, SHIPKIT_BASELINE_DIR: baselines },
      ),
    );
    const pushReport = push.outcome.report;
    assertReportMatches(testReportSchema, pushReport);
    expect(pushReport.status).toBe('pass');
    expect(pushReport.coverage).toMatchObject({
      totals: {
        lines: { covered: 7, total: 8, pct: 87.5 },
        branches: null,
        functions: null,
        statements: { covered: 3, total: 4, pct: 75 },
      },
      files: [{ path: 'mathx/mathx.go' }],
      baselineSaved: { branch: 'main', sha: baseSha },
      baseline: null,
      diff: null,
    });
    // The host's store: <dir>/coverage/<branch>/<sequence>-<sha>.json.
    expect(readdirSync(path.join(baselines, 'coverage', 'main'))).toEqual([`00000001-${baseSha}.json`]);
    // Go's headline is statements, as `go test -cover` prints it; the report says so.
    expect(pushReport.coverage).toMatchObject({ headline: { metric: 'statements', pct: 75 } });
    expect(pushReport.summary).toMatch(/^statements 75\.00 %/);

    // 2. The pull request: Clamp is not tested.
    git(dir, 'checkout', '-q', 'feature');
    const payload = pullRequestEvent({ owner: 'octo', repo: 'calc', number: 7, baseRef: 'main', baseSha });
    const pr = await runStage(
      dir,
      {
        test: GO_TEST,
        coverage: 'cover.out',
        'min-diff-coverage': '80',
        'min-statements': '60',
        'path-thresholds': 'mathx/**: { statements: 90 }',
        'max-drop': '5',
      },
      eventEnv('pull_request', payload, { GITHUB_REF: 'refs/pull/7/merge', SHIPKIT_BASELINE_DIR: baselines }),
    );
    const { report, outputs, annotations, comment, summary } = pr.outcome;
    assertReportMatches(testReportSchema, report);
    const coverage = report.coverage as any;
    // As go tool cover -func counts: Add 1/1, Abs 2/3, Clamp 0/5, Sign 2/3.
    expect(coverage.totals.statements).toEqual({ covered: 5, total: 12, pct: 41.67 });
    expect(coverage.baseline).toMatchObject({ branch: 'main', sha: baseSha, deltas: { statements: -33.33 } });
    expect(coverage.diff.files).toEqual([
      // Clamp (14-22) never runs; in Sign, the `v < 0` arm (27-28) does not either.
      {
        path: 'mathx/mathx.go',
        covered: 3,
        total: 13,
        pct: 23.08,
        uncovered: [
          { start: 14, end: 22 },
          { start: 27, end: 28 },
        ],
      },
    ]);
    expect(report.gates.map((g) => [g.name, g.passed])).toEqual([
      ['test', true],
      ['min-statements', false],
      ['path mathx/** statements', false],
      ['min-diff-coverage', false],
      ['max-drop', false],
    ]);
    expect(report.status).toBe('fail');
    expect(outputs).toMatchObject({ passed: false, statements: 41.67, tests: null });
    expect(annotations).toEqual([
      {
        level: 'warning',
        title: 'Not covered by tests',
        message: 'Lines 14-22 are changed in this pull request but no test runs them.',
        file: 'mathx/mathx.go',
        startLine: 14,
        endLine: 22,
      },
      {
        level: 'warning',
        title: 'Not covered by tests',
        message: 'Lines 27-28 are changed in this pull request but no test runs them.',
        file: 'mathx/mathx.go',
        startLine: 27,
        endLine: 28,
      },
    ]);
    const [gatesList, uncovered] = listItems(comment?.body ?? '');
    expect(gatesList.map((g) => g.split(':')[0])).toEqual([
      'min-statements',
      'path mathx/** statements',
      'min-diff-coverage',
      'max-drop',
    ]);
    expect(uncovered).toEqual(['mathx/mathx.go 23 %, uncovered 14-22, 27-28']);
    expect(comment?.headline).toMatch(/^statements 41\.67 %/);
    const head = summary[0].markdown;
    expect(head).toContain('| Statements (headline) | 41.67 % | -33.33 | 5 / 12 |');
    expect(head).toContain('Compared with `main`');
    expect(summary.map((s) => s.label ?? 'head')).toEqual(['head', 'changed lines', 'commands', 'coverage by file']);
  });

  it('says plainly that no baseline exists yet', async () => {
    const { dir, baseSha } = repoWithPr(
      { 'go.mod': GO_MOD, 'mathx/mathx.go': MATHX, 'mathx/mathx_test.go': MATHX_TEST },
      { 'mathx/mathx_test.go': MATHX_TEST + '\n' },
    );
    const payload = pullRequestEvent({ owner: 'octo', repo: 'calc', number: 8, baseRef: 'main', baseSha });
    const { outcome } = await runStage(
      dir,
      { test: GO_TEST, coverage: 'cover.out' },
      eventEnv('pull_request', payload, { SHIPKIT_BASELINE_DIR: tempDir('empty') }),
    );
    expect(paragraphs(outcome.summary[0].markdown, { topLevelOnly: true })).toContain(
      'No baseline yet for main: a push to main records one, and later pull requests show deltas.',
    );
    expect((outcome.report.coverage as any).baselineStatus).toBe('none-yet');
    expect((outcome.report.coverage as any).diff).toEqual({ covered: 0, total: 0, pct: 100, files: [] });
  });

  it('still parses and reports when the test command fails', async () => {
    const dir = tempDir('gofail');
    write(dir, {
      'go.mod': GO_MOD,
      'mathx/mathx.go': MATHX,
      'mathx/mathx_test.go': MATHX_TEST.replace('!= 3', '!= 4'),
    });
    const { outcome } = await runStage(dir, { test: GO_TEST, coverage: 'cover.out', 'min-statements': '10' });
    expect(outcome.report.gates.map((g) => [g.name, g.passed, g.actual])).toEqual([
      ['test', false, 1],
      ['min-statements', true, 25],
    ]);
    expect(outcome.report.status).toBe('fail');
  });
});

describe('runTestStage with pytest (real JUnit XML)', () => {
  it('reports failed tests with messages and annotations', async () => {
    const dir = tempDir('py');
    write(dir, {
      'tests/test_calc.py':
        'def test_ok():\n    assert 1 + 1 == 2\n\n\ndef test_bad():\n    assert 1 + 1 == 3, "math is broken"\n',
    });
    const { outcome } = await runStage(dir, {
      test: 'python3 -m pytest -q -p no:cacheprovider --junitxml=junit.xml tests',
      'test-results': 'junit.xml',
    });
    const { report } = outcome;
    assertReportMatches(testReportSchema, report);
    expect(report.tests).toMatchObject({ total: 2, passed: 1, failed: 1, errors: 0, skipped: 0 });
    const failures = (report.tests as any).failures;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ name: 'test_bad', status: 'failed' });
    expect(failures[0].message).toContain('math is broken');
    expect(report.gates.map((g) => [g.name, g.passed])).toEqual([
      ['test', false],
      ['failed-tests', false],
    ]);
    expect(outcome.outputs).toMatchObject({ tests: 2, failed: 1, passed: false });
    expect(outcome.annotations[0]).toMatchObject({ level: 'error', title: expect.stringContaining('test_bad') });
    expect(outcome.summary.find((s) => s.label === 'failed tests')?.markdown).toContain('math is broken');
  });

  it('reads the details of the failures the report and the annotations show, and only those', async () => {
    const dir = tempDir('py150');
    const tests = Array.from(
      { length: 150 },
      (_, i) => `def test_n${String(i).padStart(3, '0')}():\n    value = ${i}\n    assert value == -1, "case ${i}"\n`,
    );
    write(dir, { 'tests/test_many.py': tests.join('\n\n') });
    const { outcome } = await runStage(dir, {
      test: 'python3 -m pytest -q -p no:cacheprovider --junitxml=junit.xml tests',
      'test-results': 'junit.xml',
    });
    const failures = (outcome.report.tests as any).failures as { name: string; details?: string }[];
    expect(failures).toHaveLength(150);
    // pytest's details: the failing source line and the assertion, per test.
    failures.slice(0, 100).forEach((f, i) => expect(f.details).toContain(`assert value == -1, "case ${i}"`));
    expect(failures.slice(100).filter((f) => f.details !== undefined)).toEqual([]);
    expect(outcome.annotations).toHaveLength(50);
    outcome.annotations.forEach((a, i) => expect(a.message).toContain(`assert value == -1, "case ${i}"`));
  });

  it('fails with "no coverage data found in …" unless allow-empty', async () => {
    const dir = tempDir('empty');
    const missing = await runStage(dir, { coverage: 'coverage/lcov.info' });
    expect(missing.outcome.report.gates).toEqual([
      {
        name: 'coverage-data',
        passed: false,
        required: 'present',
        actual: null,
        detail: 'no coverage data found in coverage/lcov.info',
      },
    ]);
    const allowed = await runStage(dir, { coverage: 'coverage/lcov.info', 'allow-empty': 'true' });
    expect(allowed.outcome.report.status).toBe('pass');
    expect(existsSync(path.join(dir, '.shipkit'))).toBe(false);
  });
});

describe('runTestStage with gcc + gcovr (real cobertura with <source> roots)', () => {
  const BUILD = [
    'cd src && gcc --coverage -O0 -c main.c util.c && gcc --coverage -o ../prog main.o util.o && cd .. && ./prog',
    'gcovr -r src --cobertura coverage.xml .',
  ].join('\n');
  function cProject(): string {
    const dir = tempDir('c');
    const util = 'int util(int x) {\n  if (x > 0)\n    return 1;\n  return 0;\n}\n';
    // vendor/util.c has the same name: only the report's <source> root tells which one was measured.
    write(dir, {
      'src/util.c': util,
      'vendor/util.c': util,
      'src/main.c': 'int util(int);\nint main(void) { return util(1) - 1; }\n',
    });
    return dir;
  }

  it('resolves file names against the <source> root, from the checkout or from a container', async () => {
    const dir = cProject();
    const { outcome } = await runStage(dir, { test: BUILD, coverage: 'coverage.xml' });
    const coverage = outcome.report.coverage as any;
    expect(coverage.files.map((f: { path: string }) => f.path)).toEqual(['src/main.c', 'src/util.c']);
    // gcovr's own totals: lines-covered="4" lines-valid="5".
    expect(coverage.totals.lines).toEqual({ covered: 4, total: 5, pct: 80 });
    expect(coverage.unmatchedPaths).toEqual([]);

    // The same report as written inside a container whose checkout is /app.
    const xml = readFileSync(path.join(dir, 'coverage.xml'), 'utf8').replace(
      '<source>src</source>',
      '<source>/app/src</source>',
    );
    write(dir, { 'container.xml': xml });
    const fromContainer = await runStage(dir, { coverage: 'container.xml' });
    expect((fromContainer.outcome.report.coverage as any).files.map((f: { path: string }) => f.path)).toEqual([
      'src/main.c',
      'src/util.c',
    ]);
    expect(fromContainer.outcome.report.status).toBe('pass');
  });
});
