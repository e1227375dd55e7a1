import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../src/core/context.js';
import { FsBaselineStore } from '../../src/core/host/fs-baseline-store.js';
import type { ToolCache } from '../../src/core/host/tool-cache.js';
import { MemoryLogger } from '../../src/core/logger.js';

/** A tool cache for tests that must not download anything: any use is a test failure. */
export const noToolDownloads: ToolCache = {
  find: () => Promise.resolve(undefined),
  download: (url) => Promise.reject(new Error(`this test may not download tools (asked for ${url})`)),
  extractTar: () => Promise.reject(new Error('this test may not extract tools')),
  cacheDir: () => Promise.reject(new Error('this test may not cache tools')),
};

/**
 * A StageContext for calling a stage in-process: a memory logger, an empty run, baselines in a fresh
 * temporary directory (or `baselineDir`), no GitHub unless given.
 */
export function stageContext(
  overrides: Partial<StageContext> & { baselineDir?: string } = {},
): StageContext & { logger: MemoryLogger } {
  const { baselineDir, ...rest } = overrides;
  const logger = rest.logger instanceof MemoryLogger ? rest.logger : new MemoryLogger();
  return {
    cwd: process.cwd(),
    env: {},
    run: {},
    signal: new AbortController().signal,
    host: {
      kind: 'cli',
      baselines: new FsBaselineStore(baselineDir ?? mkdtempSync(path.join(os.tmpdir(), 'shipkit-baselines-'))),
      tools: noToolDownloads,
    },
    ...rest,
    logger,
  };
}
