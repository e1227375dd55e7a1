import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FsToolCache, userCacheDir } from '../../../src/core/host/fs-tool-cache.js';
import { ToolDownloadError } from '../../../src/core/host/tool-cache.js';
import { MemoryLogger } from '../../../src/core/logger.js';
import { ActionsToolCache } from '../../../src/runtime/tool-cache.js';
import { defaultTrivyCacheDir } from '../../../src/stages/scan/trivy/run.js';

/** Answers each path with the statuses listed for it, in turn (the last one repeats). */
function flakyServer(plan: Record<string, number[]>): Promise<{ url: string; server: Server; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const statuses = plan[req.url ?? ''] ?? [404];
    const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
    hits.push(`${status} ${req.url}`);
    res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? `content of ${req.url}` : 'no');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits }),
    ),
  );
}

describe("the CLI's tool cache", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'shipkit-fs-tools-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('retries a failing server (503) and gives up on a missing file (404) at once, leaving no file behind', async () => {
    const { url, server, hits } = await flakyServer({ '/flaky.txt': [503, 200], '/gone.txt': [404] });
    const temp = await mkdtemp(path.join(work, 'temp-'));
    const tools = new FsToolCache(path.join(work, 'cache'), temp);
    const file = await tools.download(`${url}/flaky.txt`);
    expect(await readFile(file, 'utf8')).toBe('content of /flaky.txt');
    await rm(file);
    const error = await tools.download(`${url}/gone.txt`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolDownloadError);
    expect(error).toMatchObject({ status: 404, message: `download of ${url}/gone.txt failed with HTTP 404` });
    expect(hits).toEqual(['503 /flaky.txt', '200 /flaky.txt', '404 /gone.txt']);
    expect(await readdir(temp)).toEqual([]);
    server.close();
  });

  it('finds a tool only once it is completely cached', async () => {
    const tools = new FsToolCache(path.join(work, 'cache2'), work);
    expect(await tools.find('tool', '1.0.0')).toBeUndefined();
    const source = await mkdtemp(path.join(work, 'src-'));
    await writeFile(path.join(source, 'tool'), '#!/bin/sh\n');
    const dir = await tools.cacheDir(source, 'tool', '1.0.0');
    expect(dir).toBe(path.join(work, 'cache2', 'tool', '1.0.0', os.arch()));
    expect(await tools.find('tool', '1.0.0')).toBe(dir);
    await rm(`${dir}.complete`);
    expect(await tools.find('tool', '1.0.0')).toBeUndefined();
  });

  it('keeps its files under the user cache, and Trivy’s cache under RUNNER_TEMP in a runner', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/shipkit');
    if (process.platform === 'linux') expect(userCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/shipkit');
    expect(defaultTrivyCacheDir({ RUNNER_TEMP: '/runner/_temp', XDG_CACHE_HOME: '/x' })).toBe(
      '/runner/_temp/shipkit-trivy',
    );
    expect(defaultTrivyCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/shipkit/trivy');
  });
});

describe("the action's tool cache", () => {
  const saved = process.env.RUNNER_TEMP;
  afterEach(() => {
    if (saved === undefined) delete process.env.RUNNER_TEMP;
    else process.env.RUNNER_TEMP = saved;
  });

  it('reports an HTTP error status as a ToolDownloadError, as the CLI does', async () => {
    process.env.RUNNER_TEMP = await mkdtemp(path.join(os.tmpdir(), 'shipkit-runner-temp-'));
    const { url, server } = await flakyServer({ '/gone.txt': [404] });
    const error = await new ActionsToolCache(new MemoryLogger()).download(`${url}/gone.txt`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolDownloadError);
    expect(error).toMatchObject({ status: 404 });
    server.close();
    await rm(process.env.RUNNER_TEMP, { recursive: true, force: true });
  });
});
