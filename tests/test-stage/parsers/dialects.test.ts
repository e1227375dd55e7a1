// Issue 11: every dialect teams use, read from files the real tools wrote, compared with the tool's
// own summary. Generated reports come from tests/fixtures/generate.sh (run here, into a temp dir);
// reports of tools that cannot run on this machine are in tests/fixtures/external (see SOURCES.md).
import { rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UserError } from '../../../src/core/errors.js';
import { readCoverage, totals } from '../../../src/stages/test-stage/coverage/index.js';
import { normalizeCoverage } from '../../../src/stages/test-stage/paths/normalize.js';
import { PathResolver } from '../../../src/stages/test-stage/paths/resolve.js';
import { readTestResults, testTotals } from '../../../src/stages/test-stage/results/index.js';
import { generate, json, repoRoot, text } from './generated.js';

const external = path.join(repoRoot, 'tests/fixtures/external');
let out: string;
beforeAll(async () => {
  out = await generate('js', 'python', 'nunit', 'mocha', 'rerun');
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const counter = (covered: number, total: number) => expect.objectContaining({ covered, total });
const attrsOf = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

async function refusal(files: string[], cwd: string): Promise<UserError> {
  const error = await readTestResults(files, { cwd, input: 'test-results' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('NUnit', () => {
  it('NUnit 2.6 console (nunit-console under Mono): totals equal its "Tests run" lines', async () => {
    const console = text(path.join(out, 'nunit/console.txt'));
    const run = /Tests run: (\d+), Errors: (\d+), Failures: (\d+)/.exec(console)!;
    const notRun = Number(/Not run: (\d+)/.exec(console)![1]);
    const t = testTotals(await readTestResults(['nunit/TestResult.xml'], { cwd: out }));
    expect(t).toEqual({
      total: Number(run[1]) + notRun,
      passed: Number(run[1]) - Number(run[2]) - Number(run[3]),
      failed: Number(run[3]),
      errors: Number(run[2]),
      skipped: notRun,
      flaky: 0,
    });
  });

  it('NUnit 2.4 (executed/success and a <failure> child, no result attribute): the failure is a failure', async () => {
    const results = await readTestResults(['nunit-2.4.7-mono.xml'], { cwd: external });
    const cases = results.cases.toArray();
    // The file has one test-case, success="False" with a <failure>: before, it counted as skipped.
    expect(testTotals(results)).toEqual({ total: 1, passed: 0, failed: 1, errors: 0, skipped: 0, flaky: 0 });
    expect(cases[0]).toMatchObject({
      name: 'Lib.Test.KlasaTests.Test2',
      status: 'failed',
      message: 'Expected: 2  But was:  3',
    });
  });

  it('NUnit 3 with a bare <test-suite> root (the engine reporting a finished assembly)', async () => {
    const body = text(path.join(external, 'nunit3-engine-test-suite.xml'));
    const root = attrsOf(/<test-suite [^>]*>/.exec(body)![0]);
    const t = testTotals(await readTestResults(['nunit3-engine-test-suite.xml'], { cwd: external }));
    expect(t.total).toBe(Number(root.total));
    expect(t.passed).toBe(Number(root.passed));
    expect(t.failed).toBe(Number(root.failed));
    expect(t.skipped).toBe(Number(root.skipped));
  });
});

describe('xUnit.net v2 (<assemblies>, as dotnet test --logger xunit writes it)', () => {
  it('totals equal the <assembly> counters, failures keep their message', async () => {
    const body = text(path.join(external, 'xunit-v2-dotnet-test.xml'));
    const assembly = attrsOf(/<assembly [^>]*>/.exec(body)![0]);
    const results = await readTestResults(['xunit-v2-dotnet-test.xml'], { cwd: external });
    expect(testTotals(results)).toEqual({
      total: Number(assembly.total),
      passed: Number(assembly.passed),
      failed: Number(assembly.failed),
      errors: 0,
      skipped: Number(assembly.skipped),
      flaky: 0,
    });
    expect(results.cases.failures()[0]).toMatchObject({
      name: 'Xunit.Xml.TestLogger.NetCore.Tests.UnitTest1.FailTest11',
      classname: 'Xunit.Xml.TestLogger.NetCore.Tests.UnitTest1',
      message: 'Assert.False() Failure',
    });
  });
});

describe('where a failed test is: file and line as the tool means them', () => {
  it('pytest (xunit1 family): each case at the line its function starts, though pytest writes it 0-based', async () => {
    const source = text(path.join(repoRoot, 'tests/fixtures/projects/python/test_calc.py')).split('\n');
    // The line pytest names is where the function's source starts: its first decorator, if any.
    const defLine = (name: string) => {
      let i = source.findIndex((l) => l.startsWith(`def ${name}(`));
      while (i > 0 && source[i - 1]?.startsWith('@')) i--;
      return i + 1;
    };
    const results = await readTestResults(['python/junit-xunit1.xml'], { cwd: out });
    const cases = results.cases.toArray();
    expect(cases.length).toBeGreaterThan(3);
    for (const c of cases) {
      expect(c.file).toBe('test_calc.py');
      expect(c.line, c.name).toBe(defLine(c.name));
    }
  });

  it('vitest: a failed case is placed at its test file (the class name) and the line its stack names', async () => {
    const xml = text(path.join(out, 'js/vitest-junit.xml'));
    const stack = /❯ (math\.test\.js):(\d+):\d+/.exec(xml)!;
    const results = await readTestResults(['js/vitest-junit.xml'], { cwd: out });
    const failed = results.cases.toArray().find((c) => c.status === 'failed');
    expect(failed).toMatchObject({ file: stack[1], line: Number(stack[2]) });
    // The failing expectation's line in the source, as vitest printed it.
    const source = text(path.join(repoRoot, 'tests/fixtures/projects/js/math.test.js')).split('\n');
    expect(source[Number(stack[2]) - 1]).toContain('expect(sign(-5)).toBe(1)');
    // A passing case says no line: none is in the report.
    expect(results.cases.toArray().find((c) => c.status === 'passed')?.line).toBeUndefined();
  });
});

describe('mocha --reporter json', () => {
  it("totals equal mocha's own stats; the failure keeps its message, suites their path", async () => {
    const { stats } = json(path.join(out, 'mocha/mocha.json'));
    const results = await readTestResults(['mocha/mocha.json'], { cwd: out });
    expect(testTotals(results)).toEqual({
      total: stats.tests,
      passed: stats.passes,
      failed: stats.failures,
      errors: 0,
      skipped: stats.pending,
      flaky: 0,
    });
    expect(results.cases.failures()[0]).toMatchObject({ suite: ['calc'], name: 'fails on purpose' });
    expect(results.cases.failures()[0].message).toContain('intentional failure');
    expect(results.cases.toArray().find((c) => c.name === 'multiplies')?.suite).toEqual(['calc nested']);
  });
});

describe('JSON that is not a test report is named, not "malformed XML"', () => {
  it('coverage.py JSON and istanbul JSON given as test results', async () => {
    const py = await refusal(['python/coverage.json'], out);
    expect(py.message).toMatch(/^not a test report shipkit reads: a coverage\.py JSON coverage report/);
    expect(py.message).not.toMatch(/malformed XML/);
    expect(py.location).toMatchObject({ input: 'test-results', file: 'python/coverage.json' });
    const istanbul = await refusal(['js/coverage-final.json'], out);
    expect(istanbul.message).toMatch(/an istanbul coverage report/);
  });

  it('an XML file that is not a test report names the file once', async () => {
    const error = await refusal(['js/cobertura-coverage.xml'], out);
    expect(error.message).toBe('not a test report: root element <coverage> is not JUnit, TRX, NUnit or xUnit.net');
    const shown = error.describe();
    expect(shown.split('js/cobertura-coverage.xml').length - 1).toBe(1);
  });
});

describe('reruns', () => {
  it('pytest-rerunfailures: attempts are one test; totals equal "N failed, N passed, N rerun"', async () => {
    const summary = text(path.join(out, 'pytest-rerun/pytest.txt'));
    const [, failed, passed, rerun] = /(\d+) failed, (\d+) passed, (\d+) rerun/.exec(summary)!;
    const results = await readTestResults(['pytest-rerun/junit.xml'], { cwd: out });
    const t = testTotals(results);
    expect(t).toMatchObject({ total: Number(failed) + Number(passed), failed: Number(failed), passed: Number(passed) });
    const cases = results.cases.toArray();
    expect(cases.reduce((n, c) => n + (c.reruns ?? 0), 0)).toBe(Number(rerun));
    // Passed on its third attempt: flaky, not failed; the one that always failed is a failure, not flaky.
    expect(cases.find((c) => c.name === 'test_flaky_passes_on_third_try')).toMatchObject({
      status: 'passed',
      flaky: true,
      reruns: 2,
    });
    expect(cases.find((c) => c.name === 'test_always_fails')).toMatchObject({ status: 'failed', reruns: 3 });
    expect(cases.find((c) => c.name === 'test_always_fails')?.flaky).toBeUndefined();
    expect(t.flaky).toBe(1);
    expect(results.cases.flakyCases().map((c) => c.name)).toEqual(['test_flaky_passes_on_third_try']);
  });
});

describe('coverage.py JSON (`coverage json`)', () => {
  it("totals equal the report's own totals, and merge with its cobertura and lcov of the same run", async () => {
    const { totals: want } = json(path.join(out, 'python/coverage.json'));
    const one = await readCoverage(['python/coverage.json'], { cwd: out });
    expect(one.sources[0]?.format).toBe('coverage-py');
    expect(totals(one).lines).toEqual(counter(want.covered_lines, want.num_statements));
    expect(totals(one).branches).toEqual(counter(want.covered_branches, want.num_branches));
    const all = await readCoverage(['python/coverage.json', 'python/cobertura.xml', 'python/lcov.info'], { cwd: out });
    expect(totals(all).lines).toEqual(counter(want.covered_lines, want.num_statements));
    expect(totals(all).branches).toEqual(counter(want.covered_branches, want.num_branches));
  });
});

/** The reports' paths made repository-relative, as the stage does (c8 writes absolute and relative ones). */
async function readAsStage(files: string[]) {
  const set = await readCoverage(files, { cwd: out });
  const resolver = new PathResolver({
    root: path.join(out, 'js'),
    cwd: out,
    files: ['math.js', 'run.mjs'],
    sourceRoots: set.sources.flatMap((s) => s.roots ?? []),
  });
  return normalizeCoverage(set, resolver).set;
}

describe('c8 with every default reporter at once (one run, four formats)', () => {
  const printed = (label: string) => {
    const m = new RegExp(`${label}\\s*: [\\d.]+% \\( (\\d+)/(\\d+) \\)`).exec(
      text(path.join(out, 'js/text-summary.txt')),
    )!;
    return counter(Number(m[1]), Number(m[2]));
  };

  it("lcov + cobertura + clover + JSON merged give c8's own numbers, each metric by its own key", async () => {
    const set = await readAsStage([
      'js/lcov.info',
      'js/cobertura-coverage.xml',
      'js/clover.xml',
      'js/coverage-final.json',
    ]);
    expect([...set.files.keys()]).toEqual(['math.js']);
    const t = totals(set);
    expect(t.lines).toEqual(printed('Lines'));
    expect(t.branches).toEqual(printed('Branches'));
    expect(t.functions).toEqual(printed('Functions'));
    expect(t.statements).toEqual(printed('Statements'));
  });

  it('the coverage/* glob of c8 (summary JSON included) gives the same numbers', async () => {
    const set = await readAsStage([
      'js/clover.xml',
      'js/cobertura-coverage.xml',
      'js/coverage-final.json',
      'js/coverage-summary.json',
      'js/lcov.info',
    ]);
    const t = totals(set);
    for (const [metric, label] of [
      ['lines', 'Lines'],
      ['branches', 'Branches'],
      ['functions', 'Functions'],
      ['statements', 'Statements'],
    ] as const)
      expect(t[metric], metric).toEqual(printed(label));
  });

  it('functions are counted as FNF counts them: two `area` methods in one file are two', async () => {
    const lcov = text(path.join(out, 'js/lcov.info'));
    const fnf = [...lcov.matchAll(/^FNF:(\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const fnh = [...lcov.matchAll(/^FNH:(\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect([...lcov.matchAll(/^FN:\d+,area$/gm)]).toHaveLength(2);
    const t = totals(await readCoverage(['js/lcov.info'], { cwd: out }));
    expect(t.functions).toEqual(counter(fnh, fnf));
    expect(t.functions).toEqual(printed('Functions'));
  });

  it("clover alone: functions from each file's <metrics methods coveredmethods>", async () => {
    const t = totals(await readCoverage(['js/clover.xml'], { cwd: out }));
    expect(t.functions).toEqual(printed('Functions'));
  });
});
