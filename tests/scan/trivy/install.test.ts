import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError, UserError } from '../../../src/core/errors.js';
import { FsToolCache } from '../../../src/core/host/fs-tool-cache.js';
import type { ToolCache } from '../../../src/core/host/tool-cache.js';
import { MemoryLogger } from '../../../src/core/logger.js';
import { ActionsToolCache } from '../../../src/runtime/tool-cache.js';
import { installTrivy } from '../../../src/stages/scan/trivy/install.js';
import { checksumsFileName, releaseAsset } from '../../../src/stages/scan/trivy/release.js';
import { stageContext } from '../../support/stage-context.js';
import { startReleaseMirror } from './support/release.js';
import type { TestServer } from './support/servers.js';
import { trivyPath } from './support/tools.js';

const run = promisify(execFile);
const VERSION = '0.74.0';
const asset = releaseAsset(VERSION);
const sumsName = checksumsFileName(VERSION);

describe.skipIf(!trivyPath || !asset)("installTrivy: download, verify against Trivy's checksums file, cache", () => {
  let work: string;
  let server: TestServer;
  let genuineSha: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'shipkit-trivy-release-'));
    const mirror = await startReleaseMirror(work, trivyPath!, VERSION);
    server = mirror.server;
    genuineSha = mirror.genuineSha;
  });

  afterAll(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  const context = (tools: ToolCache, env: NodeJS.ProcessEnv = {}) =>
    stageContext({
      env: { PATH: process.env.PATH, HOME: work, ...env },
      host: { kind: 'cli', baselines: undefined as never, tools },
    });

  describe("the CLI's tool cache (a directory)", () => {
    it('downloads, verifies and caches once; the next run takes the cached copy without a request', async () => {
      const cache = await mkdtemp(path.join(work, 'fs-cache-'));
      const temp = await mkdtemp(path.join(work, 'fs-temp-'));
      const tools = new FsToolCache(cache, temp);
      const ctx = context(tools);
      const before = server.requests.length;
      const first = await installTrivy({ version: VERSION, downloadBaseUrl: `${server.url}/releases` }, ctx);
      expect(first).toMatchObject({ version: VERSION, source: 'download' });
      expect(first.path.startsWith(cache)).toBe(true);
      expect(server.requests.slice(before).map((r) => `${r.status} ${r.url}`)).toEqual([
        `200 /releases/v${VERSION}/${sumsName}`,
        `200 /releases/v${VERSION}/${asset}`,
      ]);
      expect(ctx.logger.lines.map((l) => l.message)).toContainEqual(
        expect.stringMatching(new RegExp(`^Trivy ${VERSION} verified \\(sha256 ${genuineSha}\\) and cached in `)),
      );
      const { stdout } = await run(first.path, ['--version']);
      expect(stdout).toContain(`Version: ${VERSION}`);
      expect(await readdir(temp)).toEqual([]);

      const again = await installTrivy(
        { version: `v${VERSION}`, downloadBaseUrl: `${server.url}/releases` },
        context(tools),
      );
      expect(again).toEqual({ ...first, source: 'tool-cache' });
      expect(server.requests.length).toBe(before + 2);
    });

    it('refuses a tarball whose SHA-256 is not the one in the checksums file, and installs nothing', async () => {
      const cache = await mkdtemp(path.join(work, 'fs-cache-'));
      const temp = await mkdtemp(path.join(work, 'fs-temp-'));
      const tools = new FsToolCache(cache, temp);
      const error = await installTrivy(
        { version: VERSION, downloadBaseUrl: `${server.url}/tampered` },
        context(tools),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).message).toMatch(
        new RegExp(
          `^refusing ${server.url}/tampered/v${VERSION}/${asset!.replace(/\./g, '\\.')}: its SHA-256 is [0-9a-f]{64} but ${sumsName} says ${genuineSha}$`,
        ),
      );
      expect((error as ServiceError).input).toBe('trivy-download-url');
      expect((error as ServiceError).describe()).toContain('nothing was installed');
      expect(await tools.find('trivy', VERSION)).toBeUndefined();
      expect(await readdir(temp)).toEqual([]);
    });

    it('refuses to install when the checksums file has no line for the tarball', async () => {
      const tools = new FsToolCache(
        await mkdtemp(path.join(work, 'fs-cache-')),
        await mkdtemp(path.join(work, 'fs-temp-')),
      );
      const error = await installTrivy(
        { version: VERSION, downloadBaseUrl: `${server.url}/unlisted` },
        context(tools),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).message).toBe(
        `${server.url}/unlisted/v${VERSION}/${sumsName} has no checksum for ${asset}`,
      );
      expect(await tools.find('trivy', VERSION)).toBeUndefined();
    });

    it('names trivy-version when the release does not exist (HTTP 404)', async () => {
      const tools = new FsToolCache(
        await mkdtemp(path.join(work, 'fs-cache-')),
        await mkdtemp(path.join(work, 'fs-temp-')),
      );
      const error = await installTrivy(
        { version: '0.73.99', downloadBaseUrl: `${server.url}/releases` },
        context(tools),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).describe()).toBe(
        `Trivy 0.73.99 has no release file at ${server.url}/releases/v0.73.99/trivy_0.73.99_checksums.txt (HTTP 404) (input 'trivy-version')`,
      );
    });

    it('rejects a version that is not a release number', async () => {
      const error = await installTrivy({ version: 'latest' }, context(new FsToolCache(work))).catch((e: unknown) => e);
      expect((error as UserError).describe()).toBe(
        "'latest' is not a Trivy release version such as 0.74.0 (input 'trivy-version')",
      );
    });
  });

  describe("the action's tool cache (@actions/tool-cache in RUNNER_TOOL_CACHE)", () => {
    const saved = { temp: process.env.RUNNER_TEMP, tools: process.env.RUNNER_TOOL_CACHE };
    afterEach(() => {
      for (const [key, value] of [
        ['RUNNER_TEMP', saved.temp],
        ['RUNNER_TOOL_CACHE', saved.tools],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it('downloads, verifies and caches into RUNNER_TOOL_CACHE; refuses a tampered tarball', async () => {
      process.env.RUNNER_TEMP = await mkdtemp(path.join(work, 'runner-temp-'));
      process.env.RUNNER_TOOL_CACHE = await mkdtemp(path.join(work, 'runner-tools-'));
      const tools = new ActionsToolCache(new MemoryLogger());

      const tampered = await installTrivy(
        { version: VERSION, downloadBaseUrl: `${server.url}/tampered` },
        context(tools),
      ).catch((e: unknown) => e);
      expect((tampered as ServiceError).message).toMatch(/^refusing .*: its SHA-256 is [0-9a-f]{64} but /);
      expect(await tools.find('trivy', VERSION)).toBeUndefined();
      expect(await readdir(process.env.RUNNER_TEMP)).toEqual([]);

      const installed = await installTrivy(
        { version: VERSION, downloadBaseUrl: `${server.url}/releases` },
        context(tools),
      );
      expect(installed.source).toBe('download');
      expect(installed.path).toBe(path.join(process.env.RUNNER_TOOL_CACHE, 'trivy', VERSION, os.arch(), 'trivy'));
      expect(await tools.find('trivy', VERSION)).toBe(path.dirname(installed.path));
      expect(await readdir(process.env.RUNNER_TEMP)).toEqual([]);
      const again = await installTrivy({ version: VERSION, downloadBaseUrl: `${server.url}/releases` }, context(tools));
      expect(again.source).toBe('tool-cache');
    });
  });

  describe('trivy-path', () => {
    it('runs the given file, or the command found on PATH, and reports its version', async () => {
      const given = await installTrivy({ version: '0.1.0', path: trivyPath }, context(new FsToolCache(work)));
      expect(given).toEqual({ path: trivyPath, version: VERSION, source: 'trivy-path' });
      const bin = await mkdtemp(path.join(work, 'bin-'));
      await symlink(trivyPath!, path.join(bin, 'trivy'));
      const onPath = await installTrivy(
        { version: VERSION, path: 'trivy' },
        context(new FsToolCache(work), { PATH: bin }),
      );
      expect(onPath).toEqual({ path: path.join(bin, 'trivy'), version: VERSION, source: 'trivy-path' });
    });

    it('names trivy-path when there is no such executable', async () => {
      const ctx = context(new FsToolCache(work), { PATH: work });
      const missing = await installTrivy({ version: VERSION, path: 'trivy' }, ctx).catch((e: unknown) => e);
      expect((missing as UserError).describe()).toBe("'trivy' is not on PATH (input 'trivy-path')");
      const notExec = path.join(work, 'LICENSE.txt');
      await writeFile(notExec, 'text');
      const file = await installTrivy({ version: VERSION, path: notExec }, ctx).catch((e: unknown) => e);
      expect((file as UserError).describe()).toBe(`${notExec} is not an executable file (input 'trivy-path')`);
    });
  });
});
