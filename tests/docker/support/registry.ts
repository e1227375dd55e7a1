import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { htpasswdPath, registryPath } from './tools.js';

export interface LocalRegistry {
  /** `127.0.0.1:PORT` */
  host: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `/v2/` until the registry answers (200, or 401 when it asks for a login); bounded in attempts and time. */
async function waitReady(host: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  for (let attempt = 0; attempt < 300 && Date.now() < deadline; attempt++) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`http://${host}/v2/`);
      await response.body?.cancel();
      if (response.ok || response.status === 401) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

/**
 * Debian's docker-registry (distribution 2.8) on 127.0.0.1 over plain HTTP. `storage` serves an existing
 * directory (read-only when asked: the cached base images); `users` turns on htpasswd (bcrypt) logins.
 */
export async function startRegistry(
  options: { storage?: string; readOnly?: boolean; users?: Record<string, string> } = {},
): Promise<LocalRegistry> {
  if (!registryPath) throw new Error('docker-registry is not installed (.ci/setup/docker.sh installs it)');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-docker-registry-'));
  const auth: string[] = [];
  if (options.users) {
    const file = path.join(dir, 'htpasswd');
    const lines = Object.entries(options.users).map(([user, password]) =>
      execFileSync(htpasswdPath!, ['-nbB', user, password], { encoding: 'utf8' }).trim(),
    );
    await writeFile(file, `${lines.join('\n')}\n`);
    auth.push('auth:', '  htpasswd:', '    realm: shipkit-test', `    path: ${file}`);
  }
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
        `    rootdirectory: ${options.storage ?? path.join(dir, 'storage')}`,
        ...(options.readOnly ? ['  maintenance:', '    readonly:', '      enabled: true'] : []),
        'http:',
        `  addr: ${host}`,
        ...auth,
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
