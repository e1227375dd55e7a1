import { rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readCoverage, totals } from '../../../src/stages/test-stage/coverage/index.js';
import type { CoverageFormat } from '../../../src/stages/test-stage/model.js';
import { readTestResults, testTotals } from '../../../src/stages/test-stage/results/index.js';
import { generate, json, text } from './generated.js';

let out: string;
beforeAll(async () => {
  out = await generate('python', 'go', 'c', 'js', 'java');
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function read(rel: string, format?: CoverageFormat) {
  const set = await readCoverage([rel], { cwd: out, format });
  return { set, t: totals(set) };
}

const counter = (covered: number, total: number) => expect.objectContaining({ covered, total });

describe('coverage.py (pytest-cov)', () => {
  it('cobertura.xml equals `coverage json` totals', async () => {
    const { totals: want } = json(path.join(out, 'python/coverage.json'));
    const { set, t } = await read('python/cobertura.xml');
    expect(set.sources[0]?.format).toBe('cobertura');
    expect(t.lines).toEqual(counter(want.covered_lines, want.num_statements));
    expect(t.branches).toEqual(counter(want.covered_branches, want.num_branches));
    expect(t.functions).toBeNull();
    expect(t.statements).toBeNull();
  });

  it('lcov.info equals `coverage json` line totals', async () => {
    const { totals: want } = json(path.join(out, 'python/coverage.json'));
    const { set, t } = await read('python/lcov.info');
    expect(set.sources[0]?.format).toBe('lcov');
    expect(t.lines).toEqual(counter(want.covered_lines, want.num_statements));
  });

  it('merges the lcov and cobertura reports of the same run at line level', async () => {
    const { totals: want } = json(path.join(out, 'python/coverage.json'));
    const set = await readCoverage(['python/cobertura.xml', 'python/lcov.info'], { cwd: out });
    expect(set.files.size).toBe(1);
    expect(totals(set).lines).toEqual(counter(want.covered_lines, want.num_statements));
    const single = await readCoverage(['python/cobertura.xml'], { cwd: out });
    const [file] = set.files.values();
    const [one] = single.files.values();
    for (const [line, hits] of one.lines) expect(file.lines.get(line)).toBe(hits * 2);
  });

  it('reads pytest --junitxml with the failure message and the skip', async () => {
    const results = await readTestResults(['python/junit.xml'], { cwd: out });
    const suite = /<testsuite [^>]*>/.exec(text(path.join(out, 'python/junit.xml')))![0];
    const attr = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(suite)![1]);
    const t = testTotals(results);
    expect(t.total).toBe(attr('tests'));
    expect(t.failed).toBe(attr('failures'));
    expect(t.skipped).toBe(attr('skipped'));
    const failed = results.cases.toArray().find((c) => c.status === 'failed');
    expect(failed?.name).toBe('test_fails_on_purpose');
    expect(failed?.message).toContain('intentional failure');
  });
});

describe('go test -coverprofile', () => {
  for (const mode of ['count', 'set']) {
    it(`${mode} mode: statements equal \`go tool cover -func\` total, duplicates merged`, async () => {
      const profile = text(path.join(out, `go/${mode}.out`));
      const blockLines = profile.split('\n').filter((l) => /^\S+:\d+\.\d+,\d+\.\d+ \d+ \d+$/.test(l));
      const unique = new Set(blockLines.map((l) => l.split(' ')[0]));
      expect(unique.size).toBeLessThan(blockLines.length); // -coverpkg=./... really produced duplicates
      const want = /total:\s+\(statements\)\s+([\d.]+)%/.exec(text(path.join(out, `go/${mode}-func.txt`)))![1];
      const { set, t } = await read(`go/${mode}.out`);
      expect(set.sources[0]?.format).toBe('go');
      expect(((t.statements!.covered / t.statements!.total) * 100).toFixed(1)).toBe(want);
      expect(t.lines).not.toBeNull();
      expect(t.branches).toBeNull();
    });
  }
});

describe('gcc + lcov, gcovr', () => {
  it('lcov.info equals `lcov --summary`', async () => {
    const summary = text(path.join(out, 'c/lcov-summary.txt'));
    const of = (what: string) => {
      const m = new RegExp(`${what}\\.+: [\\d.]+% \\((\\d+) of (\\d+)`).exec(summary)!;
      return counter(Number(m[1]), Number(m[2]));
    };
    const { t } = await read('c/lcov.info');
    expect(t.lines).toEqual(of('lines'));
    expect(t.functions).toEqual(of('functions'));
    expect(t.branches).toEqual(of('branches'));
  });

  it("gcovr's cobertura equals gcovr's --json-summary", async () => {
    const want = json(path.join(out, 'c/gcovr-summary.json'));
    const { set, t } = await read('c/gcovr-cobertura.xml');
    expect(set.sources[0]?.format).toBe('cobertura');
    expect(t.lines).toEqual(counter(want.line_covered, want.line_total));
    expect(t.branches).toEqual(counter(want.branch_covered, want.branch_total));
  });
});

describe('istanbul (c8)', () => {
  const summary = () => json(path.join(out, 'js/coverage-summary.json')).total;

  it('coverage-final.json equals the istanbul summary in all four metrics', async () => {
    const want = summary();
    const { set, t } = await read('js/coverage-final.json');
    expect(set.sources[0]?.format).toBe('istanbul-final');
    for (const metric of ['lines', 'statements', 'functions', 'branches'] as const) {
      expect(t[metric], metric).toEqual(counter(want[metric].covered, want[metric].total));
    }
  });

  it('coverage-summary.json and the text summary agree', async () => {
    const want = summary();
    const { set, t } = await read('js/coverage-summary.json');
    expect(set.sources[0]?.format).toBe('istanbul-summary');
    const printed = text(path.join(out, 'js/text-summary.txt'));
    for (const [metric, label] of [
      ['lines', 'Lines'],
      ['statements', 'Statements'],
      ['functions', 'Functions'],
      ['branches', 'Branches'],
    ] as const) {
      const m = new RegExp(`${label}\\s*: [\\d.]+% \\( (\\d+)/(\\d+) \\)`).exec(printed)!;
      expect(t[metric]).toEqual(counter(Number(m[1]), Number(m[2])));
      expect(t[metric]).toEqual(counter(want[metric].covered, want[metric].total));
    }
  });

  it('lcov, cobertura and clover from the same run equal the summary', async () => {
    const want = summary();
    const lcov = (await read('js/lcov.info')).t;
    expect(lcov.lines).toEqual(counter(want.lines.covered, want.lines.total));
    expect(lcov.functions).toEqual(counter(want.functions.covered, want.functions.total));
    expect(lcov.branches).toEqual(counter(want.branches.covered, want.branches.total));
    const cobertura = await read('js/cobertura-coverage.xml');
    expect(cobertura.set.sources[0]?.format).toBe('cobertura');
    expect(cobertura.t.lines).toEqual(counter(want.lines.covered, want.lines.total));
    expect(cobertura.t.branches).toEqual(counter(want.branches.covered, want.branches.total));
    expect(cobertura.t.functions).toEqual(counter(want.functions.covered, want.functions.total));
    const clover = await read('js/clover.xml');
    expect(clover.set.sources[0]?.format).toBe('clover');
    expect(clover.t.lines).toEqual(counter(want.lines.covered, want.lines.total));
    expect(clover.t.branches).toEqual(counter(want.branches.covered, want.branches.total));
  });
});

describe('JaCoCo (Maven)', () => {
  it('jacoco.xml equals the totals of jacoco.csv', async () => {
    const rows = text(path.join(out, 'java/jacoco.csv')).trim().split('\n');
    const header = rows[0].split(',');
    const sum = (column: string) =>
      rows.slice(1).reduce((acc, row) => acc + Number(row.split(',')[header.indexOf(column)]), 0);
    const { set, t } = await read('java/jacoco.xml');
    expect(set.sources[0]?.format).toBe('jacoco');
    expect(t.lines).toEqual(counter(sum('LINE_COVERED'), sum('LINE_COVERED') + sum('LINE_MISSED')));
    expect(t.branches).toEqual(counter(sum('BRANCH_COVERED'), sum('BRANCH_COVERED') + sum('BRANCH_MISSED')));
    expect(t.functions).toEqual(counter(sum('METHOD_COVERED'), sum('METHOD_COVERED') + sum('METHOD_MISSED')));
    expect(t.statements).toBeNull();
  });

  it('reads the Surefire report of the same build', async () => {
    const results = await readTestResults(['java/TEST-shipkit.sample.CalcTest.xml'], { cwd: out });
    expect(testTotals(results)).toEqual({ total: 3, passed: 2, failed: 0, errors: 0, skipped: 1, flaky: 0 });
  });

  it("rerunFailingTestsCount: totals equal Surefire's own summary, the flaky test with its reruns", async () => {
    const summary = /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+), Flakes: (\d+)/.exec(
      text(path.join(out, 'java/mvn.txt')),
    )!;
    const [run, failures, errors, skipped, flakes] = summary.slice(1).map(Number);
    const results = await readTestResults(
      ['java/TEST-shipkit.sample.CalcTest.xml', 'java/TEST-shipkit.sample.FlakyTest.xml'],
      { cwd: out },
    );
    expect(testTotals(results)).toEqual({
      total: run,
      passed: run - failures - errors - skipped,
      failed: failures,
      errors,
      skipped,
      flaky: flakes,
    });
    // The suite's own attributes say failures="2": they count the failed attempts, not the outcome.
    expect(results.cases.flakyCases()).toEqual([
      expect.objectContaining({ name: 'passesOnTheThirdRun', status: 'passed', flaky: true, reruns: 2 }),
    ]);
  });
});
