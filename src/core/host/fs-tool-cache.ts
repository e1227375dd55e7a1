import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { ToolDownloadError, type ToolCache } from './tool-cache.js';

/**
 * The user's cache directory for shipkit (`$XDG_CACHE_HOME/shipkit`, `~/.cache/shipkit`, or
 * `~/Library/Caches/shipkit` on macOS): downloaded tools and Trivy's database live under it.
 */
export function userCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'shipkit');
  const home = env.HOME ?? os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'shipkit');
  return path.join(home, '.cache', 'shipkit');
}

/** Statuses worth another try, as @actions/tool-cache retries them. */
const RETRIED = new Set([408, 429, 500, 502, 503, 504]);
const ATTEMPTS = 3;

/**
 * The CLI's tool cache: `<dir>/<tool>/<version>/<arch>/`, complete once `<arch>.complete` exists
 * (the layout @actions/tool-cache uses in RUNNER_TOOL_CACHE, so an interrupted copy is never found).
 * No @actions/* here: the CLI runs outside a runner.
 */
export class FsToolCache implements ToolCache {
  constructor(
    readonly dir: string,
    private readonly tempRoot: string = os.tmpdir(),
  ) {}

  private place(tool: string, version: string): string {
    return path.join(this.dir, tool, version, os.arch());
  }

  find(tool: string, version: string): Promise<string | undefined> {
    const dir = this.place(tool, version);
    return Promise.resolve(existsSync(`${dir}.complete`) && existsSync(dir) ? dir : undefined);
  }

  async download(url: string): Promise<string> {
    await mkdir(this.tempRoot, { recursive: true });
    // One file per download (as @actions/tool-cache does): the caller deletes it when done.
    const name = path.basename(new URL(url).pathname) || 'download';
    const file = path.join(this.tempRoot, `shipkit-${randomUUID()}-${name}`);
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(url, { redirect: 'follow' });
      if (response.ok && response.body) {
        try {
          await pipeline(Readable.fromWeb(response.body), createWriteStream(file));
        } catch (error) {
          await rm(file, { force: true });
          throw error;
        }
        return file;
      }
      await response.body?.cancel();
      if (!RETRIED.has(response.status) || attempt >= ATTEMPTS) {
        await rm(file, { force: true });
        throw new ToolDownloadError(url, response.status);
      }
      await sleep(1000 * attempt);
    }
  }

  async extractTar(file: string): Promise<string> {
    const dest = await mkdtemp(path.join(this.tempRoot, 'shipkit-extract-'));
    await new Promise<void>((resolve, reject) => {
      const child = spawn('tar', ['-xzf', file, '-C', dest], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`tar could not extract ${file} (exit ${code}): ${stderr.trim()}`));
      });
    });
    return dest;
  }

  async cacheDir(dir: string, tool: string, version: string): Promise<string> {
    const dest = this.place(tool, version);
    await rm(`${dest}.complete`, { force: true });
    await rm(dest, { recursive: true, force: true });
    await mkdir(path.dirname(dest), { recursive: true });
    // A move when the source is on the same disk (Trivy is ~250 MB); a copy otherwise.
    try {
      await rename(dir, dest);
    } catch {
      await cp(dir, dest, { recursive: true });
    }
    await writeFile(`${dest}.complete`, '');
    return dest;
  }
}
