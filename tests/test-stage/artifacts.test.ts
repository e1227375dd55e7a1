// The shard export (what the root report action merges) is written when a host saves it: the run
// itself only says which files there are; each file's text is made when asked for, and is the run's.
import { describe, expect, it, vi } from 'vitest';

import { encodeTests } from '../../src/stages/test-stage/shard/cases.js';
import type * as CasesModule from '../../src/stages/test-stage/shard/cases.js';
import { writeLcov } from '../../src/stages/test-stage/shard/lcov-write.js';
import type * as LcovModule from '../../src/stages/test-stage/shard/lcov-write.js';
import { tempDir, write } from './support/git-repo.js';
import { runStage } from './support/stage.js';
import { SMALL_JUNIT as JUNIT, SMALL_LCOV as LCOV } from './support/small-reports.js';

vi.mock('../../src/stages/test-stage/shard/cases.js', async (importOriginal) => {
  const real = await importOriginal<typeof CasesModule>();
  return { ...real, encodeTests: vi.fn(real.encodeTests) };
});
vi.mock('../../src/stages/test-stage/shard/lcov-write.js', async (importOriginal) => {
  const real = await importOriginal<typeof LcovModule>();
  return { ...real, writeLcov: vi.fn(real.writeLcov) };
});

describe('the test stage outcome: artifacts', () => {
  it('are written only when asked for, and hold the run', async () => {
    const dir = tempDir('artifacts');
    write(dir, { 'src/client.ts': 'a\nb\n', 'junit.xml': JUNIT, 'lcov.info': LCOV });
    const { outcome } = await runStage(dir, { coverage: 'lcov.info', 'test-results': 'junit.xml' });
    expect(outcome.report.status).toBe('fail');
    const files = outcome.artifacts!;
    expect(files.map((f) => f.name)).toEqual(['coverage.lcov', 'shard.json']);
    expect(encodeTests).not.toHaveBeenCalled();
    expect(writeLcov).not.toHaveBeenCalled();

    expect(files[0].data()).toContain('SF:src/client.ts\nDA:1,1\nDA:2,0\n');
    expect(writeLcov).toHaveBeenCalledTimes(1);
    const doc = JSON.parse(files[1].data()) as { tests: { cases: unknown[][] } };
    expect(encodeTests).toHaveBeenCalledTimes(1);
    expect(doc.tests.cases.map((c) => [c[0], c[1]])).toEqual([
      ['sends the header', 'p'],
      ['retries', 'f'],
    ]);
  });
});
