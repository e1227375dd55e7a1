import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/build.js';
import { fitSummary } from '../../src/core/summary-fit.js';
import { evaluateGates } from '../../src/stages/test-stage/gates.js';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { readTestOptions } from '../../src/stages/test-stage/options.js';
import { annotationsOf, MAX_ANNOTATIONS_PER_LEVEL } from '../../src/stages/test-stage/report/annotations.js';
import { outputsOf, reportData } from '../../src/stages/test-stage/report/data.js';
import { commentSection, summarySections } from '../../src/stages/test-stage/report/markdown.js';
import type { TestRunResult } from '../../src/stages/test-stage/report/result.js';
import { TestReport } from '../../src/stages/test-stage/report-schema.js';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { blockTexts, listItems, paragraphs } from './support/markdown.js';
import type { TestCase } from '../../src/stages/test-stage/model.js';

const v = (covered: number, total: number) => ({
  covered,
  total,
  pct: total === 0 ? 100 : Math.round((covered / total) * 10000) / 100,
});

/** A big monorepo PR: 20 000 files, 400 changed with gaps, 300 failing tests with long messages. */
function bigRun(): TestRunResult {
  const files = Array.from({ length: 20_000 }, (_, i) => ({
    path: `packages/p${i % 50}/src/module-${i}.ts`,
    lines: v(i % 100, 100),
    branches: v(1, 2),
    functions: null,
    statements: null,
  }));
  const diffFiles = Array.from({ length: 400 }, (_, i) => ({
    path: files[i].path,
    covered: 1,
    total: 10,
    pct: 10,
    uncovered: Array.from({ length: 30 }, (_, j) => ({ start: j * 10 + 1, end: j * 10 + 3 })),
  }));
  const failures: TestCase[] = Array.from({ length: 300 }, (_, i) => ({
    suite: ['api', `suite ${i}`],
    name: `handles case ${i} | with pipes`,
    file: files[i].path,
    line: 10 + i,
    status: 'failed',
    message: `expected ${i} to be ${i + 1}`,
    details: 'AssertionError: long stack\n'.repeat(200),
  }));
  const options = readTestOptions(
    new InputReader(mapSource({ 'min-lines': '80', 'min-diff-coverage': '90' }, 'input')),
  );
  const base: Omit<TestRunResult, 'gates'> = {
    options,
    commands: [{ kind: 'test', command: 'npm test', exitCode: 1, durationMs: 120_000 }],
    coverage: {
      totals: { lines: v(990_000, 2_000_000), branches: v(20_000, 40_000), functions: null, statements: null },
      files,
    },
    coverageSources: [{ file: 'coverage/lcov.info', format: 'lcov' }],
    unmatched: [{ reported: '/opt/x/gen.ts', guess: '/opt/x/gen.ts', reason: 'not-found' }],
    tests: {
      totals: { total: 5000, passed: 4700, failed: 300, errors: 0, skipped: 0, flaky: 0 },
      failures,
      flaky: [],
      sources: ['junit.xml'],
    },
    diff: {
      kind: 'measured',
      source: 'git',
      notes: [],
      coverage: { covered: 400, total: 4000, pct: 10, files: diffFiles },
    },
    baseline: { kind: 'missing', branch: 'main' },
    warnings: [],
    headline: 'lines',
  };
  return { ...base, gates: evaluateGates({ ...base, coverage: base.coverage!, tests: base.tests!.totals }) };
}

describe('test stage report', () => {
  it('a report that breaks its schema is caught (the check can fail)', () => {
    const run = bigRun();
    const report = buildReport({
      stage: 'test',
      startedAt: new Date(),
      gates: run.gates,
      summary: 'x',
      data: reportData(run),
    });
    expect(() =>
      assertReportMatches(TestReport, { ...report, coverage: { ...(report.coverage as object), extra: 1 } }),
    ).toThrow(/does not match its schema/);
  });

  it('keeps the sticky comment section compact for a 400-file PR with 300 failures, each part its own block', () => {
    const section = commentSection(bigRun(), 'headline');
    expect(section.headline).toBe('headline');
    const body = section.body ?? '';
    expect(body.length + (section.details ?? '').length).toBeLessThan(8000);
    // No heading or status icon of its own: the core writes those.
    expect(blockTexts(body).some((b) => b.type === 'heading')).toBe(false);
    // Failed gates, failed tests and uncovered changed lines are lists of their own, in that order.
    const lists = listItems(body);
    expect(lists).toHaveLength(3);
    expect(lists[0]).toContain("test: 1, required exit 0 — 'npm test' exited 1");
    expect(lists[0].some((g) => g.startsWith('min-lines: 49.5 %, required ≥ 80 %'))).toBe(true);
    expect(lists[1][0]).toBe('Failed: api › suite 0 › handles case 0 | with pipes — expected 0 to be 1');
    expect(lists[1]).toHaveLength(6);
    expect(lists[2].at(-1)).toBe('… 390 more files');
    // The old bug: "No baseline…" and "Tests: …" fell inside the list item before them. Now they are
    // paragraphs at the top level of the details, never inside a list.
    const top = paragraphs(section.details ?? '', { topLevelOnly: true });
    expect(top).toContain('No baseline yet for main: a push to main records one, and later pull requests show deltas.');
    expect(top.some((p) => p.startsWith('Tests: 5000 tests, 4700 passed, 300 failed'))).toBe(true);
    for (const items of listItems(section.details ?? ''))
      for (const item of items) expect(item).not.toMatch(/No baseline|Tests:/);
  });

  it('orders summary sections so trimming drops the per-file table first and never the totals and gates', () => {
    const sections = summarySections(bigRun(), 'headline');
    expect(sections.map((s) => [s.label ?? 'head', s.priority])).toEqual([
      ['head', 0],
      ['failed tests', 1],
      ['changed lines', 1],
      ['commands', 2],
      ['unmatched paths', 2],
      ['coverage by file', 3],
    ]);
    // A limit just under the whole: only the lowest-priority section has to go.
    const whole = sections.reduce((n, x) => n + x.markdown.length + 2, 0);
    const fitted = fitSummary(sections, whole - 100);
    expect(fitted.trimmed).toContain('coverage by file');
    expect(fitted.markdown).toContain('| ❌ | `min-lines` | ≥ 80 % | 49.5 % |');
    expect(paragraphs(fitted.markdown, { topLevelOnly: true })).toContain(
      'No baseline yet for main: a push to main records one, and later pull requests show deltas.',
    );
  });

  it('builds a report that matches its schema, with outputs and annotations as ranges', () => {
    const run = bigRun();
    const report = buildReport({
      stage: 'test',
      startedAt: new Date(),
      gates: run.gates,
      summary: 'x',
      data: reportData(run),
    });
    assertReportMatches(TestReport, report);
    const tests = report.tests as any;
    expect(tests.failures[0].details.length).toBeLessThanOrEqual(8 * 1024 + 1);
    // Details for the first hundred failures only: a run where everything broke stays readable.
    expect(tests.failures[100].details).toBeUndefined();
    expect(tests.failuresOmitted).toBe(0);
    expect(outputsOf(run, false)).toEqual({
      passed: false,
      lines: 49.5,
      branches: 50,
      functions: null,
      statements: null,
      'diff-coverage': 10,
      tests: 5000,
      failed: 300,
    });
    const annotations = annotationsOf(run);
    // 300 failures and 12 000 uncovered ranges: GitHub keeps 50 annotations a job, so 50 of each kind.
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL);
    expect(annotations.filter((a) => a.level === 'warning')).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL);
    expect(annotations[0]).toMatchObject({
      level: 'error',
      file: 'packages/p0/src/module-0.ts',
      startLine: 10,
      title: 'Test failed: api › suite 0 › handles case 0 | with pipes',
    });
    expect(annotations.find((a) => a.level === 'warning')).toMatchObject({
      startLine: 1,
      endLine: 3,
      message: 'Lines 1-3 are changed in this pull request but no test runs them.',
    });
  });

  it('annotates nothing with annotate: false', () => {
    const run = bigRun();
    run.options.annotate = false;
    expect(annotationsOf(run)).toEqual([]);
  });
});
