import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError, UserError } from '../../../src/core/errors.js';
import { dailyDbKey } from '../../../src/stages/scan/trivy/db-cache.js';
import { prepareDb, type DbSettings } from '../../../src/stages/scan/trivy/db.js';
import type { TrivyBinary } from '../../../src/stages/scan/trivy/install.js';
import { runTrivy } from '../../../src/stages/scan/trivy/run.js';
import { stageContext } from '../../support/stage-context.js';
import { startRegistry, type Registry } from './support/registry.js';
import { startRateLimitProxy, type TestServer } from './support/servers.js';
import { buildTestDb, cacheDirWithDb, pushTestDb } from './support/test-db.js';
import { missingTools, TARGETS, trivyPath } from './support/tools.js';

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe.skipIf(missingTools !== '')("Trivy's vulnerability database from a real registry", () => {
  let work: string;
  let dbDir: string;
  let registry: Registry;
  let repo: string;
  const servers: TestServer[] = [];
  const trivy = (): TrivyBinary => ({ path: trivyPath!, version: '0.74.0', source: 'trivy-path' });
  const ctx = () => stageContext({ cwd: TARGETS, env: { PATH: process.env.PATH, HOME: work } });
  const settings = (over: Partial<DbSettings>): DbSettings => ({
    dbRepositories: [repo],
    skipDbUpdate: false,
    insecure: true,
    ...over,
  });
  const freshCache = () => mkdtemp(path.join(work, 'cache-'));

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'shipkit-trivy-dbtest-'));
    dbDir = await buildTestDb();
    registry = await startRegistry();
    repo = await pushTestDb(dbDir, registry.host, 'aquasecurity/trivy-db');
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await registry?.stop();
    await rm(work, { recursive: true, force: true });
    await rm(dbDir, { recursive: true, force: true });
  });

  it("downloads once a day: the day's second run takes the cached copy and asks no registry", async () => {
    const counter = await startRateLimitProxy(registry.host, { windowSeconds: 0 });
    servers.push(counter);
    const cacheDir = await freshCache();
    const now = new Date();
    const via = settings({ dbRepositories: [`${counter.host}/aquasecurity/trivy-db:2`] });
    const first = await prepareDb(trivy(), via, cacheDir, ctx(), now);
    expect(first).toEqual({
      source: 'download',
      key: dailyDbKey(now),
      repository: `${counter.host}/aquasecurity/trivy-db:2`,
    });
    const meta = JSON.parse(await readFile(path.join(cacheDir, 'db', 'metadata.json'), 'utf8')) as {
      Version: number;
      DownloadedAt: string;
    };
    expect(meta.Version).toBe(2);
    expect(Date.parse(meta.DownloadedAt)).toBeGreaterThan(now.getTime() - 60_000);
    const pulls = counter.requests.length;
    expect(pulls).toBeGreaterThan(0);

    const second = await prepareDb(trivy(), via, cacheDir, ctx(), now);
    expect(second).toEqual({ source: 'cache', key: dailyDbKey(now) });
    expect(counter.requests.length).toBe(pulls);

    const tomorrow = new Date(now.getTime() + 24 * 3600_000);
    expect(dailyDbKey(tomorrow)).not.toBe(dailyDbKey(now));
    const nextDay = await prepareDb(trivy(), via, cacheDir, ctx(), tomorrow);
    expect(nextDay.source).toBe('download');
  });

  it('falls back to the next repository when one is missing or unreachable, saying why', async () => {
    const missing = `${registry.host}/nobody/trivy-db:2`;
    const refused = `127.0.0.1:${await closedPort()}/aquasecurity/trivy-db:2`;
    const c = ctx();
    const state = await prepareDb(
      trivy(),
      settings({ dbRepositories: [missing, refused, repo] }),
      await freshCache(),
      c,
    );
    expect(state).toMatchObject({ source: 'download', repository: repo });
    const warnings = c.logger.lines.filter((l) => l.level === 'warning').map((l) => l.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(new RegExp(`^Could not download Trivy's database from ${missing}: .*MANIFEST_UNKNOWN`));
    expect(warnings[1]).toMatch(
      new RegExp(`^Could not download Trivy's database from ${refused}: .*connection refused`),
    );
  });

  it('waits out a rate limit for as long as Retry-After says, then downloads from the same repository', async () => {
    // 429 for 8 s from the first pull: longer than Trivy's own three quick retries (1 s, 3 s), so
    // only a wait on the registry's Retry-After gets the database from this repository.
    const limited = await startRateLimitProxy(registry.host, {
      windowSeconds: 8,
      retryAfter: (left) => String(Math.ceil(left) + 1),
    });
    servers.push(limited);
    const via = `${limited.host}/aquasecurity/trivy-db:2`;
    const c = ctx();
    const state = await prepareDb(trivy(), settings({ dbRepositories: [via, repo] }), await freshCache(), c);
    expect(state).toMatchObject({ source: 'download', repository: via });
    const progress = c.logger.lines.filter((l) => l.level === 'progress').map((l) => l.message);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress[0]).toMatch(
      new RegExp(`^${via} is rate-limiting \\(HTTP 429, Retry-After (\\d+)s\\): attempt 2 of 3 in \\1s$`),
    );
    const statuses = limited.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.at(-1)).toBe(200);
    // The Retry-After came from shipkit's own look at the manifest, not from Trivy (which ignores it).
    expect(
      limited.requests.some((r) => r.method === 'HEAD' && r.status === 429 && !r.userAgent.startsWith('trivy')),
    ).toBe(true);
    expect(c.logger.lines.filter((l) => l.level === 'warning')).toEqual([]);
  });

  it('does not wait longer than the bound: a registry asking for an hour is skipped for the next one', async () => {
    const limited = await startRateLimitProxy(registry.host, { windowSeconds: Infinity, retryAfter: () => '3600' });
    servers.push(limited);
    const via = `${limited.host}/aquasecurity/trivy-db:2`;
    const c = ctx();
    const state = await prepareDb(trivy(), settings({ dbRepositories: [via, repo] }), await freshCache(), c);
    expect(state).toMatchObject({ source: 'download', repository: repo });
    expect(c.logger.lines.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
      `${via} is rate-limiting (HTTP 429, Retry-After 3600s): 3600s is more than the 60s bound, not waiting.`,
    ]);
    expect(c.logger.lines.filter((l) => l.level === 'progress')).toEqual([]);
  });

  it('fails with one line naming every repository when none gives the database', async () => {
    const limited = await startRateLimitProxy(registry.host, { windowSeconds: Infinity });
    servers.push(limited);
    const via = `${limited.host}/aquasecurity/trivy-db:2`;
    const missing = `${registry.host}/nobody/trivy-db:2`;
    const error = await prepareDb(
      trivy(),
      settings({ dbRepositories: [via, missing], rateLimit: { attempts: 1 } }),
      await freshCache(),
      ctx(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    const message = (error as ServiceError).message;
    expect(message).toMatch(/^could not download Trivy's vulnerability database from any of 2 repositories \(/);
    expect(message).toContain(`${via}: rate-limited (HTTP 429) 1 times`);
    expect(message).toContain(`${missing}: `);
    expect(message).not.toContain('\n');
    expect((error as ServiceError).input).toBe('db-repository');
  });

  it('skip-db-update uses the database in the cache directory as it is, and names the input when there is none', async () => {
    const counter = await startRateLimitProxy(registry.host, { windowSeconds: 0 });
    servers.push(counter);
    const ready = await cacheDirWithDb(dbDir);
    const state = await prepareDb(
      trivy(),
      settings({ dbRepositories: [`${counter.host}/x:2`], skipDbUpdate: true }),
      ready,
      ctx(),
    );
    expect(state).toEqual({ source: 'skip-db-update' });
    expect(counter.requests).toEqual([]);
    await rm(ready, { recursive: true, force: true });

    const empty = await freshCache();
    const error = await prepareDb(trivy(), settings({ skipDbUpdate: true }), empty, ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location.input).toBe('skip-db-update');
    expect(existsSync(path.join(empty, 'db', 'trivy.db'))).toBe(false);
    const none = await prepareDb(trivy(), settings({ dbRepositories: [' '] }), empty, ctx()).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(UserError);
    expect((none as UserError).location.input).toBe('db-repository');
  });

  it('runTrivy downloads the database itself before scanning when the cache has none', async () => {
    const result = await runTrivy(
      { command: 'fs', target: 'npm', scanners: ['vuln'], cwd: TARGETS },
      {
        version: '0.74.0',
        path: trivyPath,
        dbRepositories: [repo],
        skipDbUpdate: false,
        insecure: true,
        cacheDir: await freshCache(),
      },
      ctx(),
    );
    expect(result.db).toMatchObject({ source: 'download', repository: repo });
    const json = JSON.parse(await readFile(result.jsonFile, 'utf8')) as {
      Results: { Vulnerabilities?: { VulnerabilityID: string }[] }[];
    };
    const ids = json.Results.flatMap((r) => r.Vulnerabilities ?? []).map((v) => v.VulnerabilityID);
    expect(ids.sort()).toEqual(['CVE-2020-8203', 'CVE-2021-23337', 'CVE-2021-44906']);
    await rm(path.dirname(result.jsonFile), { recursive: true, force: true });
  });
});
