// Format detection and the format details the real-tool fixtures do not happen to exercise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { UserError } from '../../../src/core/errors.js';
import { detectFormat, fileTotals, readCoverage, totals } from '../../../src/stages/test-stage/coverage/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, body: string) => {
  writeFileSync(path.join(dir, name), body);
  return name;
};

describe('detectFormat', () => {
  it.each([
    ['TN:\nSF:a.c\nDA:1,1\nend_of_record\n', 'lcov'],
    ['\uFEFFSF:a.c\n', 'lcov'],
    ['mode: atomic\na.go:1.1,2.2 1 0\n', 'go'],
    ['<?xml version="1.0"?>\n<!-- <report> -->\n<coverage line-rate="1"><sources/></coverage>', 'cobertura'],
    ['<?xml version="1.0"?><coverage generated="1" clover="3.2.0"><project timestamp="1">', 'clover'],
    [
      '<?xml version="1.0"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="x">',
      'jacoco',
    ],
    ['{"/a.js": {"path": "/a.js", "statementMap": {}}}', 'istanbul-final'],
    ['{"total": {"lines": {"total": 1, "covered": 1, "skipped": 0, "pct": 100}}}', 'istanbul-summary'],
    ['<html><body>', 'unknown'],
    ['{"RSpec": {}}', 'unknown'],
    ['  \n', undefined],
  ])('%j → %s', (head, format) => {
    expect(detectFormat(head)).toBe(format);
  });
});

describe('lcov details', () => {
  it('lcov 2 FNL/FNA functions, CRLF line ends, checksums on DA, a file split over two records', async () => {
    const body = [
      'TN:',
      'SF:src/a.c',
      'FNL:0,3,9',
      'FNA:0,4,main',
      'FNL:1,12',
      'FNA:1,0,unused',
      'DA:3,4,abcdef',
      'DA:4,0',
      'BRDA:4,0,0,-',
      'BRDA:4,0,1,2',
      'end_of_record',
      'SF:src/a.c',
      'DA:4,1',
      'DA:12,0',
      'end_of_record',
      '',
    ].join('\r\n');
    const set = await readCoverage([file('v2.lcov', body)], { cwd: dir });
    const a = set.files.get('src/a.c')!;
    expect([...a.lines]).toEqual([
      [3, 4],
      [4, 1],
      [12, 0],
    ]);
    expect([...a.functions]).toEqual([
      ['3:0', { line: 3, hits: 4 }],
      ['12:0', { line: 12, hits: 0 }],
    ]);
    expect(fileTotals(a)).toEqual({
      lines: { covered: 2, total: 3, pct: 66.67 },
      branches: { covered: 1, total: 2, pct: 50 },
      functions: { covered: 1, total: 2, pct: 50 },
      statements: null,
    });
  });

  it('merges two reports of the same file by summing hits', async () => {
    const one = file('one.lcov', 'SF:a.c\nDA:1,1\nDA:2,0\nend_of_record\n');
    const two = file('two.lcov', 'SF:a.c\nDA:2,3\nDA:3,0\nend_of_record\n');
    const set = await readCoverage([one, two], { cwd: dir });
    expect([...set.files.get('a.c')!.lines]).toEqual([
      [1, 1],
      [2, 3],
      [3, 0],
    ]);
    expect(set.sources).toEqual([
      { file: 'one.lcov', format: 'lcov' },
      { file: 'two.lcov', format: 'lcov' },
    ]);
  });
});

describe('explicit format and mixed inputs', () => {
  it('an explicit format is used as given; content of another format is then a UserError or no data', async () => {
    const go = file('profile.txt', 'mode: set\na.go:1.1,2.2 1 1\n');
    expect((await readCoverage([go], { cwd: dir, format: 'go' })).sources[0].format).toBe('go');
    const error: unknown = await readCoverage([go], { cwd: dir, format: 'cobertura' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
  });

  it('a metric is measured when any input measures it (go statements + lcov branches)', async () => {
    const go = file('g.out', 'mode: count\na.go:1.1,3.2 2 1\na.go:4.1,5.2 1 0\n');
    const lcov = file('b.lcov', 'SF:b.c\nDA:1,1\nBRDA:1,0,0,1\nBRDA:1,0,1,-\nend_of_record\n');
    const t = totals(await readCoverage([go, lcov], { cwd: dir }));
    expect(t.statements).toEqual({ covered: 2, total: 3, pct: 66.67 });
    expect(t.branches).toEqual({ covered: 1, total: 2, pct: 50 });
    expect(t.functions).toBeNull();
  });

  it('istanbul coverage-summary.json: totals only, per file', async () => {
    const summary = file(
      'coverage-summary.json',
      JSON.stringify({
        total: { lines: { total: 10, covered: 5, skipped: 0, pct: 50 } },
        '/r/a.js': {
          lines: { total: 4, covered: 1, skipped: 0, pct: 25 },
          functions: { total: 2, covered: 2, skipped: 0, pct: 100 },
        },
        '/r/b.js': {
          lines: { total: 6, covered: 4, skipped: 0, pct: 66.66 },
          functions: { total: 0, covered: 0, skipped: 0, pct: 100 },
        },
      }),
    );
    const set = await readCoverage([summary], { cwd: dir });
    expect(set.files.size).toBe(0);
    expect(totals(set)).toEqual({
      lines: { covered: 5, total: 10, pct: 50 },
      functions: { covered: 2, total: 2, pct: 100 },
      branches: null,
      statements: null,
    });
  });
});
