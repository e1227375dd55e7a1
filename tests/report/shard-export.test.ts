import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCoverage } from '../../src/stages/test-stage/coverage/index.js';
import { fileCounters, totals } from '../../src/stages/test-stage/coverage/totals.js';
import type { CoverageSet, TestResults } from '../../src/stages/test-stage/model.js';
import { readTestOptions } from '../../src/stages/test-stage/options.js';
import { readTestResults } from '../../src/stages/test-stage/results/index.js';
import { shardExport } from '../../src/stages/test-stage/shard/export.js';
import { readShards, type ShardFiles } from '../../src/stages/test-stage/shard/read.js';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { REPO, tempDir } from './support/stages.js';

/**
 * The test stage's shard export read back into its own model gives the same numbers, for every
 * format's peculiarity: Go blocks standing for several statements, istanbul statements, counted
 * cobertura/JaCoCo arms, summary-only files. Inputs are the real tools' reports (tests/fixtures/generated).
 */
const GEN = path.join(REPO, 'tests/fixtures/generated');
const options = readTestOptions(new InputReader(mapSource({ 'min-lines': '50' }, 'input')));

function save(set: CoverageSet | undefined, tests: TestResults | undefined, shard: string): ShardFiles {
  const dir = tempDir('shard');
  const out: ShardFiles = { json: path.join(dir, 'test.shard.json') };
  for (const f of shardExport({
    ...(set ? { set } : {}),
    ...(tests ? { tests } : {}),
    unmatched: [],
    commands: [],
    options,
    shard,
  })) {
    const file = path.join(dir, `test.${f.name}`);
    writeFileSync(file, f.data());
    if (f.name === 'coverage.lcov') out.lcov = file;
  }
  return out;
}

function perFile(set: CoverageSet): Record<string, unknown> {
  return Object.fromEntries([...set.files].map(([p, f]) => [p, fileCounters(f)]).sort());
}

const CASES: [string, string[]][] = [
  ['Go count profile (weighted statements)', ['go/count.out']],
  ['istanbul coverage-final.json (statements, functions, arms)', ['js/coverage-final.json']],
  ['cobertura from coverage.py (counted arms)', ['python/cobertura.xml']],
  ['JaCoCo XML (counted arms, methods)', ['java/jacoco.xml']],
  ['istanbul coverage-summary.json (summary only)', ['js/coverage-summary.json']],
  ['lcov, cobertura and clover of one c8 run together', ['js/lcov.info', 'js/cobertura-coverage.xml', 'js/clover.xml']],
];

describe('the test shard export', () => {
  it.each(CASES)('%s: read back, the same totals and per-file numbers', async (_name, files) => {
    const set = await readCoverage(
      files.map((f) => path.join(GEN, f)),
      { cwd: GEN },
    );
    const back = await readShards([save(set, undefined, '1/1')]);
    expect(back.set && totals(back.set)).toEqual(totals(set));
    expect(back.set && perFile(back.set)).toEqual(perFile(set));
    expect(back.set?.sources.map((s) => s.format)).toEqual(set.sources.map((s) => s.format));
  });

  it.each(CASES)('%s: two shards merged equal the test stage reading both reports', async (_name, files) => {
    const read = () =>
      readCoverage(
        files.map((f) => path.join(GEN, f)),
        { cwd: GEN },
      );
    const both = await readCoverage(
      [...files, ...files].map((f) => path.join(GEN, f)),
      { cwd: GEN },
    );
    const merged = await readShards([save(await read(), undefined, '1/2'), save(await read(), undefined, '2/2')]);
    expect(merged.set && totals(merged.set)).toEqual(totals(both));
  });

  it('keeps every test case: statuses, files, lines, messages, flaky reruns', async () => {
    const results = await readTestResults(
      [
        path.join(GEN, 'java/TEST-shipkit.sample.CalcTest.xml'),
        path.join(GEN, 'java/TEST-shipkit.sample.FlakyTest.xml'),
        path.join(GEN, 'python/junit.xml'),
      ],
      { cwd: GEN },
    );
    const back = await readShards([save(undefined, results, '1/2'), save(undefined, results, '2/2')]);
    const one = results.cases.totals();
    expect(back.tests?.cases.totals()).toEqual({
      total: one.total * 2,
      passed: one.passed * 2,
      failed: one.failed * 2,
      errors: one.errors * 2,
      skipped: one.skipped * 2,
      flaky: one.flaky * 2,
    });
    expect(back.tests?.cases.toArray().slice(0, results.cases.length)).toEqual(results.cases.toArray());
    expect(back.set).toBeUndefined();
  });

  it('a damaged or foreign export names its file', async () => {
    const dir = tempDir('bad');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'x.shard.json');
    writeFileSync(file, '{"format":"something-else"}');
    await expect(readShards([{ json: file }])).rejects.toMatchObject({ location: { file } });
    writeFileSync(file, '{ not json');
    await expect(readShards([{ json: file }])).rejects.toThrow(/is not a shipkit test shard export/);
  });
});
