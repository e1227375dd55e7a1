// Thousands of mutated real reports (byte flips, truncations, insertions) through every parser:
// the only thing allowed out besides a result is a UserError.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';

import { UserError } from '../../../src/core/errors.js';
import { readCoverage, totals } from '../../../src/stages/test-stage/coverage/index.js';
import type { CoverageFormat } from '../../../src/stages/test-stage/model.js';
import { readTestResults } from '../../../src/stages/test-stage/results/index.js';
import { hasSharedFixtures, SHARED_FIXTURES } from '../../support/shared-fixtures.js';
import { repoRoot } from './generated.js';

const shared = SHARED_FIXTURES;
const generated = path.join(repoRoot, 'tests/fixtures/generated');
const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEEDS: [CoverageFormat | 'junit', string][] = [
  ['lcov', path.join(shared, 'coverage/coveralls/lcov/test.lcov')],
  ['lcov', path.join(generated, 'c/lcov.info')],
  ['cobertura', path.join(shared, 'coverage/coveralls/cobertura/cobertura-conditions.xml')],
  ['cobertura', path.join(generated, 'js/cobertura-coverage.xml')],
  ['clover', path.join(shared, 'coverage/coveralls/clover/clover-unleash.xml')],
  ['jacoco', path.join(shared, 'coverage/coveralls/jacoco/jacoco-report.xml')],
  ['go', path.join(generated, 'go/count.out')],
  ['istanbul-final', path.join(generated, 'js/coverage-final.json')],
  ['istanbul-summary', path.join(generated, 'js/coverage-summary.json')],
  ['junit', path.join(shared, 'junit/mikepenz/maven_surefire_flaky/surefire-report.xml')],
  ['junit', path.join(shared, 'junit/dorny/phpunit/phpunit.xml')],
  ['junit', path.join(shared, 'junit/dorny/empty/dotnet-trx.trx')],
  ['junit', path.join(generated, 'java/TEST-shipkit.sample.FlakyTest.xml')],
  ['junit', path.join(generated, 'nunit/TestResult.xml')],
  ['junit', path.join(generated, 'python/junit.xml')],
  ['jacoco', path.join(generated, 'java/jacoco.xml')],
  ['clover', path.join(generated, 'js/clover.xml')],
];
// A fresh clone has no ../shared: the generated seeds still cover every parser then.
const seeds = SEEDS.filter(([, file]) => hasSharedFixtures || !file.startsWith(shared)).map(([format, file]) => ({
  format,
  bytes: readFileSync(file),
}));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        '\n',
        ',',
        ':',
        '-1',
        '999999999999',
        'DA:',
        'SF:',
        '</class>',
        '<line number="x"/>',
        '{',
        '}',
        '\u0000',
        '\uFEFF',
      ),
      fc.string({ maxLength: 12 }),
    ),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'flip') {
      if (out.length) out[at] = m.byte;
    } else if (m.kind === 'cut') out = out.subarray(0, at);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(m.text), out.subarray(at)]);
  }
  return out;
}

it('mutated reports only ever produce results or UserErrors', async () => {
  let runs = 0;
  let userErrors = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: seeds.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      async (i, ms, explicit) => {
        const seed = seeds[i];
        const name = `case-${runs++}`;
        writeFileSync(path.join(dir, name), mutate(seed.bytes, ms));
        try {
          if (seed.format === 'junit') await readTestResults([name], { cwd: dir });
          else totals(await readCoverage([name], { cwd: dir, format: explicit ? seed.format : undefined }));
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          userErrors++;
          expect(error.location.file).toBe(name);
        }
      },
    ),
    { numRuns: 3000, seed: 20261123, endOnFailure: true },
  );
  expect(runs).toBeGreaterThanOrEqual(3000);
  expect(userErrors).toBeGreaterThan(100);
});
