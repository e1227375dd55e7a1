// summarize() counts each file once for its row and the totals: its totals must be exactly what
// totals() gives for the same set, and the sum of its rows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { readCoverage, totals } from '../../src/stages/test-stage/coverage/index.js';
import { METRICS } from '../../src/stages/test-stage/model.js';
import { summarize } from '../../src/stages/test-stage/summarize.js';
import { repoRoot } from './parsers/generated.js';

const generated = path.join(repoRoot, 'tests/fixtures/generated');

describe('summarize', () => {
  it.each([
    ['go', ['go/count.out']],
    ['lcov (gcc)', ['c/lcov.info']],
    ['JaCoCo', ['java/jacoco.xml']],
    [
      'c8 with every reporter at once (items and summaries)',
      ['js/lcov.info', 'js/clover.xml', 'js/coverage-summary.json'],
    ],
    ['two runs of different tools', ['c/gcovr-cobertura.xml', 'go/set.out']],
  ])('%s: totals equal totals() and the sum of the files', async (_, files) => {
    const set = await readCoverage(files, { cwd: generated });
    const expected = totals(set);
    const summary = summarize(set);
    expect(summary.totals).toEqual(expected);
    expect(Object.keys(summary.totals)).toEqual(Object.keys(expected));
    for (const metric of METRICS) {
      const sum = { covered: 0, total: 0 };
      for (const f of summary.files) {
        sum.covered += f[metric]?.covered ?? 0;
        sum.total += f[metric]?.total ?? 0;
      }
      if (expected[metric]) expect(sum).toEqual({ covered: expected[metric].covered, total: expected[metric].total });
    }
    expect(summary.files.map((f) => f.path)).toEqual([...summary.files.map((f) => f.path)].sort());
  });
});
