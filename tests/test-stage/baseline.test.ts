import { describe, expect, it } from 'vitest';
import { FsBaselineStore } from '../../src/core/host/fs-baseline-store.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { ActionsCacheBaselineStore, baselineKeyPrefix } from '../../src/runtime/baseline-cache.js';
import {
  BASELINE_KIND,
  baselineOf,
  parseBaseline,
  restoreBaseline,
  saveBaseline,
} from '../../src/stages/test-stage/baseline.js';
import type { CoverageSummary } from '../../src/stages/test-stage/summarize.js';
import { tempDir } from './support/git-repo.js';

const summary = (pct: number): CoverageSummary => ({
  totals: { lines: { covered: pct, total: 100, pct }, branches: null, functions: null, statements: null },
  files: [
    { path: 'src/a.ts', lines: { covered: pct, total: 100, pct }, branches: null, functions: null, statements: null },
  ],
});

describe('coverage baselines in the host store (text by kind and branch)', () => {
  it('restores the newest baseline saved for a branch', async () => {
    const store = new FsBaselineStore(tempDir('bl'));
    expect(await restoreBaseline(store, 'main')).toBeUndefined();
    await saveBaseline(store, baselineOf(summary(60), 'main', 'aaa'));
    await saveBaseline(store, baselineOf(summary(70), 'main', 'bbb'));
    await saveBaseline(store, baselineOf(summary(90), 'release/1.x', 'ccc'));
    expect(await restoreBaseline(store, 'main')).toMatchObject({
      sha: 'bbb',
      totals: { lines: { pct: 70 } },
      files: { 'src/a.ts': { lines: { pct: 70 } } },
    });
    expect(await restoreBaseline(store, 'release/1.x')).toMatchObject({ sha: 'ccc' });
  });

  it('treats a damaged or foreign entry as no baseline', async () => {
    const store = new FsBaselineStore(tempDir('bl'));
    await store.save(BASELINE_KIND, 'main', 'x', '{"version": 2}');
    expect(await restoreBaseline(store, 'main')).toBeUndefined();
    await store.save(BASELINE_KIND, 'main', 'y', '{not json');
    expect(await restoreBaseline(store, 'main')).toBeUndefined();
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
      expect(await store.restore(BASELINE_KIND, 'main')).toBeUndefined();
      await store.save(BASELINE_KIND, 'main', 'abc', '{}');
      expect(logger.lines.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
        'The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no baseline restored.',
        'The Actions cache is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL): no baseline saved.',
      ]);
    } finally {
      process.env = saved;
    }
  });

  it('keys entries by kind and branch, safe for cache keys', () => {
    expect(baselineKeyPrefix('coverage', 'feature/x,y')).toBe('shipkit-coverage-feature_x_y-');
    expect(baselineKeyPrefix('findings', 'main')).toBe('shipkit-findings-main-');
  });
});
