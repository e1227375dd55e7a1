import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ToolCache } from './tool-cache.js';

/**
 * The CLI's tool cache: `<dir>/<tool>/<version>/`, a directory the user can delete at any time.
 * Downloads with fetch, extracts with the system's tar (as @actions/tool-cache does on Linux).
 */
export class FsToolCache implements ToolCache {
  constructor(readonly dir: string) {}

  find(tool: string, version: string): string | undefined {
    const dir = path.join(this.dir, tool, version);
    return existsSync(path.join(dir, '.complete')) ? dir : undefined;
  }

  async download(url: string): Promise<string> {
    const response = await fetch(url, { redirect: 'follow' });
    if (!response.ok || !response.body) throw new Error(`download of ${url} failed: HTTP ${response.status}`);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-download-'));
    const file = path.join(dir, path.basename(new URL(url).pathname) || 'download');
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(file));
    return file;
  }

  async extractTar(file: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-extract-'));
    await new Promise<void>((resolve, reject) => {
      const child = spawn('tar', ['-xzf', file, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar -xzf ${file} failed: ${stderr.trim()}`))));
    });
    return dir;
  }

  async cacheDir(source: string, tool: string, version: string): Promise<string> {
    const dir = path.join(this.dir, tool, version);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await cp(source, dir, { recursive: true });
    // Marked complete last: a cache interrupted half-way is not found, and is made again.
    await mkdir(path.join(dir, '.complete'), { recursive: true });
    return dir;
  }
}
