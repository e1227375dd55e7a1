import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { registryPath } from './tools.js';

export interface Registry {
  /** `127.0.0.1:PORT` */
  host: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `/v2/` until the registry answers; bounded in attempts and time. */
async function waitReady(host: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  for (let attempt = 0; attempt < 300 && Date.now() < deadline; attempt++) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

/**
 * Debian's docker-registry (distribution 2.8) on 127.0.0.1 with its own config and storage in a
 * temporary directory, removed by stop().
 */
export async function startRegistry(): Promise<Registry> {
  if (!registryPath) throw new Error('docker-registry is not installed (.ci/setup/scan.sh installs it)');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-registry-'));
  let lastLog = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const host = `127.0.0.1:${await freePort()}`;
    const config = path.join(dir, 'config.yml');
    await writeFile(
      config,
      [
        'version: 0.1',
        'log:',
        '  level: error',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${path.join(dir, 'storage')}`,
        'http:',
        `  addr: ${host}`,
        '',
      ].join('\n'),
    );
    const child = spawn(registryPath, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => {
      lastLog = (lastLog + chunk.toString()).slice(-2000);
    });
    if (await waitReady(host, child)) {
      return {
        host,
        async stop() {
          if (child.exitCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGTERM');
            await Promise.race([exited, sleep(5000)]);
          }
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`docker-registry did not start: ${lastLog}`);
}
