import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../../src/core/logger.js';
import { ActionsDirectoryCache } from '../../../src/runtime/directory-cache.js';
import { dailyDbKey, MarkerDbCache } from '../../../src/stages/scan/trivy/db-cache.js';
import { prepareDb } from '../../../src/stages/scan/trivy/db.js';
import { stageContext } from '../../support/stage-context.js';
import { startActionsCacheServer, type ActionsCacheServer } from './support/actions-cache-server.js';
import { startRegistry, type Registry } from './support/registry.js';
import { startRateLimitProxy, type TestServer } from './support/servers.js';
import { buildTestDb, pushTestDb } from './support/test-db.js';
import { missingTools, TARGETS, trivyPath } from './support/tools.js';

const ENV_KEYS = ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'RUNNER_TEMP'] as const;

async function fakeDb(dbDir: string, marker: string): Promise<void> {
  await mkdir(dbDir, { recursive: true });
  await writeFile(path.join(dbDir, 'trivy.db'), `bolt file ${marker}`);
  await writeFile(path.join(dbDir, 'metadata.json'), JSON.stringify({ Version: 2, marker }));
}

describe('the daily key', () => {
  it('is one per UTC day', () => {
    expect(dailyDbKey(new Date('2026-11-27T23:59:59Z'))).toBe('shipkit-trivy-db-2026-11-27');
    expect(dailyDbKey(new Date('2026-11-28T00:00:00Z'))).toBe('shipkit-trivy-db-2026-11-28');
  });
});

describe("the CLI's database cache: the cache directory itself, marked with the day's key", () => {
  it('restores only a complete database saved under the same key', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-marker-'));
    const dbDir = path.join(dir, 'db');
    const cache = new MarkerDbCache();
    expect(await cache.restore(dbDir, 'k1')).toBe(false);
    await fakeDb(dbDir, 'a');
    expect(await cache.restore(dbDir, 'k1')).toBe(false);
    await cache.save(dbDir, 'k1');
    expect(await cache.restore(dbDir, 'k1')).toBe(true);
    expect(await cache.restore(dbDir, 'k2')).toBe(false);
    await rm(path.join(dbDir, 'trivy.db'));
    expect(await cache.restore(dbDir, 'k1')).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});

describe("the action's database cache: @actions/cache against the cache service", () => {
  let server: ActionsCacheServer;
  let work: string;
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    server = await startActionsCacheServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'shipkit-actions-cache-'));
    for (const key of ENV_KEYS) saved.set(key, process.env[key]);
    process.env.ACTIONS_CACHE_SERVICE_V2 = 'true';
    process.env.ACTIONS_RESULTS_URL = server.url;
    process.env.ACTIONS_RUNTIME_TOKEN = 'test-runtime-token';
    process.env.RUNNER_TEMP = await mkdtemp(path.join(work, 'runner-temp-'));
  });
  afterEach(async () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await rm(work, { recursive: true, force: true });
  });

  it('saves the database under the key and restores it into an empty directory; another key misses', async () => {
    const logger = new MemoryLogger();
    const cache = new ActionsDirectoryCache(logger);
    const dbDir = path.join(work, 'trivy', 'db');
    await fakeDb(dbDir, 'saved');
    await cache.save(dbDir, 'shipkit-trivy-db-2026-11-27');
    expect(server.keys()).toContain('shipkit-trivy-db-2026-11-27');

    await rm(dbDir, { recursive: true });
    expect(await cache.restore(dbDir, 'shipkit-trivy-db-2026-11-28')).toBe(false);
    expect(existsSync(dbDir)).toBe(false);
    expect(await cache.restore(dbDir, 'shipkit-trivy-db-2026-11-27')).toBe(true);
    expect(JSON.parse(await readFile(path.join(dbDir, 'metadata.json'), 'utf8'))).toEqual({
      Version: 2,
      marker: 'saved',
    });
    expect(logger.lines.filter((l) => l.level === 'warning')).toEqual([]);
  });

  it('a second save of the same day is not an error: the first job’s copy stands', async () => {
    const logger = new MemoryLogger();
    const cache = new ActionsDirectoryCache(logger);
    const dbDir = path.join(work, 'trivy', 'db');
    await fakeDb(dbDir, 'first');
    await cache.save(dbDir, 'shipkit-trivy-db-2026-11-29');
    await fakeDb(dbDir, 'second');
    await cache.save(dbDir, 'shipkit-trivy-db-2026-11-29');
    expect(logger.lines.filter((l) => l.level === 'warning' || l.level === 'error')).toEqual([]);
    await rm(dbDir, { recursive: true });
    expect(await cache.restore(dbDir, 'shipkit-trivy-db-2026-11-29')).toBe(true);
    expect(JSON.parse(await readFile(path.join(dbDir, 'metadata.json'), 'utf8'))).toMatchObject({ marker: 'first' });
  });

  it('without the cache service it quietly misses (the database is downloaded instead)', async () => {
    delete process.env.ACTIONS_RESULTS_URL;
    const logger = new MemoryLogger();
    const cache = new ActionsDirectoryCache(logger);
    const dbDir = path.join(work, 'db');
    await fakeDb(dbDir, 'x');
    await cache.save(dbDir, 'k');
    expect(await cache.restore(dbDir, 'k')).toBe(false);
    expect(logger.lines.filter((l) => l.level === 'warning')).toEqual([]);
  });

  describe.skipIf(missingTools !== '')('with the real Trivy and registry', () => {
    let registry: Registry;
    let counter: TestServer;
    let dbBuild: string;
    beforeAll(async () => {
      dbBuild = await buildTestDb();
      registry = await startRegistry();
      await pushTestDb(dbBuild, registry.host, 'aquasecurity/trivy-db');
      counter = await startRateLimitProxy(registry.host, { windowSeconds: 0 });
    });
    afterAll(async () => {
      await counter?.close();
      await registry?.stop();
      await rm(dbBuild, { recursive: true, force: true });
    });

    it("the day's first job downloads and saves; the next job (a fresh runner) restores and asks no registry", async () => {
      const cacheDir = path.join(work, 'shipkit-trivy');
      const settings = {
        dbRepositories: [`${counter.host}/aquasecurity/trivy-db:2`],
        skipDbUpdate: false,
        insecure: true,
        dbCache: new ActionsDirectoryCache(new MemoryLogger()),
      };
      const trivy = { path: trivyPath!, version: '0.74.0', source: 'trivy-path' as const };
      const ctx = () => stageContext({ cwd: TARGETS, env: { PATH: process.env.PATH, HOME: work } });
      const now = new Date();
      const first = await prepareDb(trivy, settings, cacheDir, ctx(), now);
      expect(first.source).toBe('download');
      expect(server.keys()).toContain(dailyDbKey(now));
      const pulls = counter.requests.length;

      await rm(cacheDir, { recursive: true });
      const second = await prepareDb(trivy, settings, cacheDir, ctx(), now);
      expect(second).toEqual({ source: 'cache', key: dailyDbKey(now) });
      expect(counter.requests.length).toBe(pulls);
      expect(existsSync(path.join(cacheDir, 'db', 'trivy.db'))).toBe(true);

      // A second scan in the same job finds today's database in place: no cache service call either.
      const calls = server.calls.length;
      const third = await prepareDb(trivy, settings, cacheDir, ctx(), now);
      expect(third).toEqual({ source: 'cache', key: dailyDbKey(now) });
      expect(server.calls.length).toBe(calls);
      expect(counter.requests.length).toBe(pulls);
    });
  });
});
