// CaseList stores test cases by column (names as UTF-8 in one buffer, typed-array columns, tables of
// distinct suites / class names / files, messages and details in a side buffer). These tests check
// that what is pushed is what reads back, exactly, across every column and every growth path.
import { describe, expect, it } from 'vitest';

import type { TestCase } from '../../src/stages/test-stage/model.js';
import { CaseList } from '../../src/stages/test-stage/results/case-list.js';

/** A list holding `cases`, pushed one by one. */
function listOf(cases: readonly TestCase[]): CaseList {
  const list = new CaseList();
  for (const testCase of cases) list.push(testCase);
  return list;
}

/** Every read path of `list` agrees with `expected`: toArray, at, iteration, length. */
function expectCases(list: CaseList, expected: readonly TestCase[]): void {
  expect(list.length).toBe(expected.length);
  expect(list.toArray()).toStrictEqual(expected);
  expect([...list]).toStrictEqual(expected);
  expected.forEach((testCase, i) => expect(list.at(i)).toStrictEqual(testCase));
}

/** Cases covering every status and every optional field, present and absent; no undefined keys. */
const VARIED: TestCase[] = [
  { suite: [], name: 'bare', status: 'passed' },
  {
    suite: ['outer', 'inner'],
    name: 'everything',
    classname: 'pkg.Everything',
    file: 'src/everything.ts',
    line: 42,
    status: 'failed',
    flaky: false,
    durationMs: 12.25,
    message: 'expected 1 to be 2',
    details: 'AssertionError: expected 1 to be 2\n    at everything (src/everything.ts:42:5)\n    at run',
  },
  { suite: ['s'], name: 'skipped one', status: 'skipped', message: 'not on this platform' },
  {
    suite: ['s'],
    name: 'errored',
    classname: 'pkg.Errors',
    status: 'error',
    details: 'TypeError: x is undefined\n\nCaused by:\n  nothing\n',
  },
  { suite: ['s'], name: 'flaky pass', status: 'passed', flaky: true, durationMs: 3 },
  { suite: ['s'], name: 'flaky false only', status: 'passed', flaky: false },
  { suite: ['s'], name: 'message only', status: 'failed', message: 'boom' },
  { suite: ['s'], name: 'details only', status: 'failed', details: 'line 1\nline 2\r\nline 3' },
  { suite: ['other'], name: 'file only', file: 'a/b.ts', status: 'passed' },
  { suite: ['other'], name: 'classname only', classname: 'C', status: 'skipped' },
  { suite: ['other'], name: 'line only', line: 1, status: 'passed' },
  { suite: ['other'], name: 'duration only', durationMs: 0, status: 'passed' },
  { suite: ['other'], name: 'empty message and details', status: 'error', message: '', details: '' },
];

describe('CaseList round trip', () => {
  it('gives back every case as pushed, in push order, with absent fields absent', () => {
    const list = listOf(VARIED);
    expectCases(list, VARIED);
    // No undefined-valued keys sneak in for absent fields.
    expect(Object.keys(list.at(0)).sort()).toEqual(['name', 'status', 'suite']);
    expect(Object.keys(list.at(2)).sort()).toEqual(['message', 'name', 'status', 'suite']);
  });

  it('is empty to begin with', () => {
    const list = new CaseList();
    expect(list.length).toBe(0);
    expect(list.toArray()).toStrictEqual([]);
    expect([...list]).toStrictEqual([]);
    expect(list.failures()).toStrictEqual([]);
    expect(list.totals()).toStrictEqual({ total: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 });
  });

  it('keeps non-ASCII, emoji, empty and very long names exactly', () => {
    const names = [
      '名前 ✓ é',
      '🚀 launches 👩‍👩‍👧 family 🏳️‍🌈',
      '',
      'x'.repeat(5000),
      '名'.repeat(5000),
      '😀'.repeat(5000),
      'ascii after the long ones',
      'combining e\u0301 and lone \u00e9',
      '\u0000 NUL and \t tab \n newline',
    ];
    const cases: TestCase[] = names.map((name) => ({ suite: ['ü'], name, status: 'passed' }));
    const list = listOf(cases);
    expectCases(list, cases);
    expect(list.at(3).name).toHaveLength(5000);
    expect(list.at(4).name).toBe('名'.repeat(5000));
    expect(list.at(5).name).toBe('😀'.repeat(5000));
  });

  it('keeps non-ASCII messages, details, class names, files and suite names', () => {
    const cases: TestCase[] = [
      {
        suite: ['Suite ✓', 'Ünter 🧪'],
        name: 'n',
        classname: 'Klasse.名前',
        file: 'src/é/名前.ts',
        status: 'failed',
        message: 'attendu « 1 » 😬',
        details: 'ligne 1 ✗\nligne 2 名\n🚨',
      },
    ];
    expectCases(listOf(cases), cases);
  });

  it('keeps durations 0, fractional, tiny and large exactly', () => {
    const durations = [0, 1.5, 0.001, 1e-9, 123456789.987654, Number.MAX_SAFE_INTEGER, 1e300, 0.1 + 0.2];
    const cases: TestCase[] = durations.map((durationMs, i) => ({
      suite: [],
      name: `d${i}`,
      status: 'passed',
      durationMs,
    }));
    const list = listOf(cases);
    expectCases(list, cases);
    durations.forEach((durationMs, i) => expect(Object.is(list.at(i).durationMs, durationMs)).toBe(true));
  });

  it('keeps lines, and leaves line 0 or undefined absent', () => {
    const list = listOf([
      { suite: [], name: 'one', status: 'passed', line: 1 },
      { suite: [], name: 'zero', status: 'passed', line: 0 },
      { suite: [], name: 'none', status: 'passed' },
      { suite: [], name: 'big', status: 'passed', line: 4_000_000_000 },
      { suite: [], name: 'undefined', status: 'passed', line: undefined },
    ]);
    expect(list.at(0).line).toBe(1);
    expect(list.at(3).line).toBe(4_000_000_000);
    for (const i of [1, 2, 4]) {
      expect(list.at(i)).not.toHaveProperty('line');
      expect(Object.hasOwn(list.at(i), 'line')).toBe(false);
    }
  });

  it('treats optional fields set to undefined as absent', () => {
    const list = listOf([
      {
        suite: [],
        name: 'u',
        status: 'passed',
        classname: undefined,
        file: undefined,
        flaky: undefined,
        durationMs: undefined,
        message: undefined,
        details: undefined,
      },
    ]);
    expect(list.at(0)).toStrictEqual({ suite: [], name: 'u', status: 'passed' });
  });

  it('agrees between at(i), iteration and toArray() on each read', () => {
    const list = listOf(VARIED);
    const viaAt = Array.from({ length: list.length }, (_, i) => list.at(i));
    const viaIteration: TestCase[] = [];
    for (const testCase of list) viaIteration.push(testCase);
    expect(viaAt).toStrictEqual(list.toArray());
    expect(viaIteration).toStrictEqual(list.toArray());
    // Reading twice gives equal cases.
    expect(list.toArray()).toStrictEqual(list.toArray());
  });
});

describe('CaseList with a reused case object', () => {
  it('keeps each pushed case its own values when the handler mutates one object between pushes', () => {
    const list = new CaseList();
    const row: TestCase = { suite: [], name: '', status: 'passed' };
    const expected: TestCase[] = [];
    const snapshot = (): void => {
      expected.push(structuredClone(row));
      list.push(row);
    };

    row.suite = ['a'];
    row.name = 'first';
    row.classname = 'A';
    row.file = 'a.ts';
    row.line = 3;
    row.durationMs = 1.5;
    row.status = 'failed';
    row.message = 'm1';
    row.details = 'd1\nmore';
    row.flaky = false;
    snapshot();

    row.name = 'second 名前';
    row.status = 'passed';
    delete row.message;
    delete row.details;
    row.flaky = true;
    row.durationMs = 0;
    snapshot();

    row.suite = ['b', 'c'];
    row.name = 'third';
    delete row.classname;
    delete row.file;
    delete row.line;
    delete row.flaky;
    delete row.durationMs;
    row.status = 'skipped';
    snapshot();

    row.suite = ['a'];
    row.name = 'fourth';
    row.status = 'error';
    row.classname = 'B';
    row.file = 'b.ts';
    row.message = 'm4';
    snapshot();

    // Clearing the object afterwards changes nothing stored.
    row.name = 'cleared';
    row.suite = [];
    row.message = 'cleared';
    expectCases(list, expected);
  });

  it('keeps each case its own suite when the handler reuses one suite array, changing it in place', () => {
    // CaseSink: "Copies what it keeps: the handler may reuse `testCase` for the next case."
    const list = new CaseList();
    const suite = ['first'];
    const row: TestCase = { suite, name: 'one', status: 'passed' };
    list.push(row);
    suite[0] = 'second';
    row.name = 'two';
    list.push(row);
    suite.push('nested');
    row.name = 'three';
    list.push(row);
    expect(list.toArray().map((testCase) => testCase.suite)).toStrictEqual([
      ['first'],
      ['second'],
      ['second', 'nested'],
    ]);
  });
});

describe('CaseList suites', () => {
  it('reads back equal suites for a shared array and for equal-content distinct arrays', () => {
    const shared = ['root', 'child'];
    const cases: TestCase[] = [
      { suite: shared, name: 'a', status: 'passed' },
      { suite: shared, name: 'b', status: 'passed' },
      { suite: ['root', 'child'], name: 'c', status: 'passed' },
      { suite: ['root'], name: 'd', status: 'passed' },
      { suite: ['root', 'child'], name: 'e', status: 'passed' },
      { suite: shared, name: 'f', status: 'passed' },
      { suite: ['root', 'child', 'grandchild', 'great-grandchild'], name: 'g', status: 'passed' },
      { suite: [], name: 'h', status: 'passed' },
      { suite: ['root'], name: 'i', status: 'passed' },
    ];
    const list = listOf(cases);
    expectCases(list, cases);
    expect(list.toArray().map((testCase) => testCase.suite)).toStrictEqual([
      ['root', 'child'],
      ['root', 'child'],
      ['root', 'child'],
      ['root'],
      ['root', 'child'],
      ['root', 'child'],
      ['root', 'child', 'grandchild', 'great-grandchild'],
      [],
      ['root'],
    ]);
  });

  it('keeps suites distinct that differ only in nesting', () => {
    const cases: TestCase[] = [
      { suite: ['a', 'b'], name: '1', status: 'passed' },
      { suite: ['a b'], name: '2', status: 'passed' },
      { suite: ['ab'], name: '3', status: 'passed' },
      { suite: ['a', 'b', ''], name: '4', status: 'passed' },
      { suite: ['a', 'b'], name: '5', status: 'passed' },
    ];
    expectCases(listOf(cases), cases);
  });

  it('keeps an empty suite path apart from a path of one empty suite name', () => {
    const cases: TestCase[] = [
      { suite: [], name: 'top level', status: 'passed' },
      { suite: [''], name: 'in a nameless suite', status: 'passed' },
    ];
    expectCases(listOf(cases), cases);
  });
});

describe('CaseList failures() and totals()', () => {
  it('returns failed and errored cases only, in order', () => {
    const list = listOf(VARIED);
    const failures = list.failures();
    expect(failures).toStrictEqual(
      VARIED.filter((testCase) => testCase.status === 'failed' || testCase.status === 'error'),
    );
    expect(failures.map((testCase) => testCase.name)).toEqual([
      'everything',
      'errored',
      'message only',
      'details only',
      'empty message and details',
    ]);
  });

  it('counts each status, and flaky only for flaky: true', () => {
    const list = listOf(VARIED);
    expect(list.totals()).toStrictEqual({ total: 13, passed: 6, failed: 3, errors: 2, skipped: 2, flaky: 1 });
    list.push({ suite: [], name: 'flaky failure', status: 'failed', flaky: true });
    list.push({ suite: [], name: 'not flaky', status: 'passed', flaky: false });
    list.push({ suite: [], name: 'flaky skipped', status: 'skipped', flaky: true });
    expect(list.totals()).toStrictEqual({ total: 16, passed: 7, failed: 4, errors: 2, skipped: 3, flaky: 3 });
  });

  it('agrees with counting the cases read back', () => {
    const list = listOf(VARIED);
    const all = list.toArray();
    const count = (status: TestCase['status']): number => all.filter((testCase) => testCase.status === status).length;
    expect(list.totals()).toStrictEqual({
      total: all.length,
      passed: count('passed'),
      failed: count('failed'),
      errors: count('error'),
      skipped: count('skipped'),
      flaky: all.filter((testCase) => testCase.flaky === true).length,
    });
  });
});

describe('CaseList rewriteFiles', () => {
  it('rewrites every file, merging files that map to one path, and leaves cases without a file alone', () => {
    const cases: TestCase[] = [
      { suite: [], name: 'a', file: '/abs/repo/src/a.ts', status: 'passed' },
      { suite: [], name: 'none', status: 'passed' },
      { suite: [], name: 'b', file: './src/a.ts', status: 'failed', message: 'm' },
      { suite: [], name: 'c', file: '/abs/repo/src/c.ts', status: 'passed' },
      { suite: [], name: 'a again', file: '/abs/repo/src/a.ts', status: 'skipped' },
      { suite: [], name: 'none again', status: 'error' },
    ];
    const list = listOf(cases);
    const seen: string[] = [];
    list.rewriteFiles((file) => {
      seen.push(file);
      return file.replace(/^(\/abs\/repo\/|\.\/)/, '');
    });
    // Each distinct file is rewritten once.
    expect(seen.sort()).toEqual(['./src/a.ts', '/abs/repo/src/a.ts', '/abs/repo/src/c.ts']);
    const expected = cases.map((testCase) =>
      testCase.file === undefined
        ? testCase
        : { ...testCase, file: testCase.file.replace(/^(\/abs\/repo\/|\.\/)/, '') },
    );
    expectCases(list, expected);
    expect(list.toArray().map((testCase) => testCase.file)).toEqual([
      'src/a.ts',
      undefined,
      'src/a.ts',
      'src/c.ts',
      'src/a.ts',
      undefined,
    ]);
    expect(Object.hasOwn(list.at(1), 'file')).toBe(false);
  });

  it('can rewrite again, and keeps working for cases pushed after a rewrite', () => {
    const list = listOf([
      { suite: [], name: 'a', file: 'x/a.ts', status: 'passed' },
      { suite: [], name: 'b', file: 'y/b.ts', status: 'passed' },
    ]);
    list.rewriteFiles((file) => `1/${file}`);
    list.push({ suite: [], name: 'c', file: 'x/a.ts', status: 'passed' });
    list.push({ suite: [], name: 'd', file: '1/x/a.ts', status: 'passed' });
    expect(list.toArray().map((testCase) => testCase.file)).toEqual(['1/x/a.ts', '1/y/b.ts', 'x/a.ts', '1/x/a.ts']);
    list.rewriteFiles((file) => file.toUpperCase());
    expect(list.toArray().map((testCase) => testCase.file)).toEqual(['1/X/A.TS', '1/Y/B.TS', 'X/A.TS', '1/X/A.TS']);
  });
});

describe('CaseList growth', () => {
  /** Case i of the big list: distinct names (some multi-byte), a few suites and files, details on some. */
  function bigCase(i: number): TestCase {
    const testCase: TestCase = {
      suite: i % 3 === 0 ? ['big'] : ['big', `group ${i % 50}`],
      name: i % 7 === 0 ? `case ${i} ✓ 名前 🧪` : `case ${i}`,
      classname: `pkg.Class${i % 100}`,
      status: (['passed', 'passed', 'passed', 'failed', 'error', 'skipped'] as const)[i % 6],
      durationMs: i / 8,
    };
    if (i % 10 !== 0) testCase.file = `src/file-${i % 250}.ts`;
    if (i % 4 !== 0) testCase.line = i;
    if (i % 997 === 0) {
      testCase.message = `failure ${i}`;
      testCase.details = `failure ${i}\n${'  at frame ✗\n'.repeat(200 + (i % 13))}end ${i}`;
    }
    if (i % 1013 === 0) testCase.flaky = i % 2 === 0;
    return testCase;
  }

  it('reads back 100 000 cases exactly', () => {
    const n = 100_000;
    const list = new CaseList();
    for (let i = 0; i < n; i++) list.push(bigCase(i));
    expect(list.length).toBe(n);

    // Around each doubling of the columns, and the ends.
    const spots = [0, 1, 254, 255, 256, 257, 511, 512, 1023, 1024, 997 * 3, 1013 * 2, 65_535, 65_536, 99_998, n - 1];
    for (const i of spots) expect(list.at(i)).toStrictEqual(bigCase(i));

    let mismatches = 0;
    let firstMismatch = -1;
    let i = 0;
    for (const testCase of list) {
      const want = bigCase(i);
      const same =
        testCase.name === want.name &&
        testCase.status === want.status &&
        testCase.suite.join('/') === want.suite.join('/') &&
        testCase.classname === want.classname &&
        testCase.file === want.file &&
        testCase.line === want.line &&
        testCase.durationMs === want.durationMs &&
        testCase.message === want.message &&
        testCase.details === want.details &&
        testCase.flaky === want.flaky;
      if (!same) {
        mismatches++;
        if (firstMismatch < 0) firstMismatch = i;
      }
      i++;
    }
    expect({ read: i, mismatches, firstMismatch }).toEqual({ read: n, mismatches: 0, firstMismatch: -1 });

    const expectedTotals = { total: n, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
    for (let k = 0; k < n; k++) {
      const status = bigCase(k).status;
      if (status === 'passed') expectedTotals.passed++;
      else if (status === 'failed') expectedTotals.failed++;
      else if (status === 'error') expectedTotals.errors++;
      else expectedTotals.skipped++;
      if (bigCase(k).flaky === true) expectedTotals.flaky++;
    }
    expect(list.totals()).toStrictEqual(expectedTotals);

    const failures = list.failures();
    expect(failures).toHaveLength(expectedTotals.failed + expectedTotals.errors);
    expect(failures[0]).toStrictEqual(bigCase(3));
    let lastFailure = n - 1;
    while (bigCase(lastFailure).status !== 'failed' && bigCase(lastFailure).status !== 'error') lastFailure--;
    expect(failures.at(-1)).toStrictEqual(bigCase(lastFailure));
  });

  it('grows the name buffer for one name far bigger than it', () => {
    const huge = '名'.repeat(100_000);
    const cases: TestCase[] = [
      { suite: [], name: 'small', status: 'passed' },
      { suite: [], name: huge, status: 'passed' },
      { suite: [], name: 'after', status: 'passed', message: 'é'.repeat(50_000), details: '🧪'.repeat(20_000) },
    ];
    expectCases(listOf(cases), cases);
  });
});

describe('CaseList pushAll', () => {
  it('pushes every case of an array, after what is already there', () => {
    const list = new CaseList();
    list.push({ suite: [], name: 'first', status: 'passed' });
    list.pushAll(VARIED);
    expectCases(list, [{ suite: [], name: 'first', status: 'passed' }, ...VARIED]);
  });

  it('pushes from any iterable, including another CaseList', () => {
    const source = listOf(VARIED);
    const copy = new CaseList();
    copy.pushAll(source);
    expectCases(copy, VARIED);
    const fromGenerator = new CaseList();
    fromGenerator.pushAll(
      (function* () {
        yield* VARIED;
      })(),
    );
    expectCases(fromGenerator, VARIED);
    const empty = new CaseList();
    empty.pushAll([]);
    expect(empty.length).toBe(0);
  });
});
