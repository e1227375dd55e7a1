import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../src/core/logger.js';
import { ActionsCacheBaselineStore, baselineKeyPrefix } from '../../src/runtime/baseline-cache.js';
import { baselineOf, FsBaselineStore, parseBaseline } from '../../src/stages/test-stage/baseline.js';
import type { CoverageSummary } from '../../src/stages/test-stage/summarize.js';
import { tempDir } from './support/git-repo.js';

const summary = (pct: number): CoverageSummary => ({
  totals: { lines: { covered: pct, total: 100, pct }, branches: null, functions: null, statements: null },
  files: [
    { path: 'src/a.ts', lines: { covered: pct, total: 100, pct }, branches: null, functions: null, statements: null },
  ],
});

describe('FsBaselineStore', () => {
  it('restores the newest baseline of a branch, by creation time', async () => {
    const store = new FsBaselineStore(tempDir('bl'));
    expect(await store.restore('main')).toBeUndefined();
    await store.save('main', 'bbb', baselineOf(summary(70), 'main', 'bbb', new Date('2026-11-02T00:00:00Z')));
    await store.save('main', 'aaa', baselineOf(summary(60), 'main', 'aaa', new Date('2026-11-01T00:00:00Z')));
    await store.save('release/1.x', 'ccc', baselineOf(summary(90), 'release/1.x', 'ccc'));
    expect(await store.restore('main')).toMatchObject({
      sha: 'bbb',
      totals: { lines: { pct: 70 } },
      files: { 'src/a.ts': { lines: { pct: 70 } } },
    });
    expect(await store.restore('release/1.x')).toMatchObject({ sha: 'ccc' });
  });

  it('ignores damaged or foreign files', async () => {
    const dir = tempDir('bl');
    mkdirSync(path.join(dir, 'main'));
    writeFileSync(path.join(dir, 'main', 'x.json'), '{"version": 2}');
    writeFileSync(path.join(dir, 'main', 'y.json'), '{not json');
    expect(await new FsBaselineStore(dir).restore('main')).toBeUndefined();
    expect(
      parseBaseline(
        JSON.stringify({ version: 1, branch: 'm', sha: 's', createdAt: 'x', totals: { lines: 'nope' }, files: {} }),
      ),
    ).toBeUndefined();
  });
});

describe('ActionsCacheBaselineStore', () => {
  it('warns and acts as "no baseline" when the cache service is not configured', async () => {
    const saved = { ...process.env };
    delete process.env.ACTIONS_CACHE_URL;
    delete process.env.ACTIONS_RESULTS_URL;
    try {
      const logger = new MemoryLogger();
      const store = new ActionsCacheBaselineStore(logger);
      expect(await store.restore('main')).toBeUndefined();
      await store.save('main', 'abc', baselineOf(summary(50), 'main', 'abc'));
      expect(logger.lines.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
        'The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no coverage baseline restored.',
        'The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no coverage baseline saved.',
      ]);
    } finally {
      process.env = saved;
    }
  });

  it('keys entries by branch, safe for cache keys', () => {
    expect(baselineKeyPrefix('feature/x,y')).toBe('shipkit-coverage-feature_x_y-');
  });
});
