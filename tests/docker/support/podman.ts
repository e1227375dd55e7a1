import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { podmanPath } from './tools.js';

export interface PodmanService {
  /** `unix:///…/podman.sock`, for DOCKER_HOST. */
  dockerHost: string;
  /** What both the Docker CLI (through the socket) and the podman CLI need: the socket and this store's config. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

let probed: 'overlay' | 'vfs' | undefined;
/**
 * overlay where this kernel lets root mount one (a build is several times faster: vfs copies the whole
 * image for every layer), else vfs, which works anywhere. SHIPKIT_TEST_STORAGE_DRIVER forces one.
 */
export function storageDriver(): string {
  const forced = process.env.SHIPKIT_TEST_STORAGE_DRIVER;
  if (forced) return forced;
  if (probed) return probed;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-overlay-probe-'));
  const [lower, upper, work, merged] = ['lower', 'upper', 'work', 'merged'].map((d) => path.join(dir, d));
  for (const d of [lower, upper, work, merged]) mkdirSync(d);
  try {
    execFileSync(
      'mount',
      ['-t', 'overlay', 'overlay', '-o', `lowerdir=${lower},upperdir=${upper},workdir=${work}`, merged],
      {
        stdio: 'ignore',
        timeout: 10_000,
      },
    );
    execFileSync('umount', [merged], { stdio: 'ignore', timeout: 10_000 });
    probed = 'overlay';
  } catch {
    probed = 'vfs';
  }
  rmSync(dir, { recursive: true, force: true });
  return probed;
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * Podman serving the Docker API on a socket (`podman system service --time=0`), with its own store in a
 * temporary root and runroot (overlay or vfs: storageDriver), runc for RUN steps (crun refuses this
 * machine's hybrid cgroups),
 * and a registries.conf that reaches `registries` over plain HTTP and takes docker.io and gcr.io images
 * from `mirror`: the base images the fixtures build FROM.
 */
export async function startPodman(options: { mirror: string; registries: readonly string[] }): Promise<PodmanService> {
  if (!podmanPath) throw new Error('podman is not installed (.ci/setup/docker.sh installs it)');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-podman-'));
  const socket = path.join(dir, 'podman.sock');
  const driver = storageDriver();
  await mkdir(path.join(dir, 'home'));
  await writeFile(
    path.join(dir, 'storage.conf'),
    `[storage]\ndriver = "${driver}"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/runroot"\n`,
  );
  await writeFile(
    path.join(dir, 'containers.conf'),
    [
      '[containers]',
      'cgroups = "disabled"',
      '[engine]',
      'cgroup_manager = "cgroupfs"',
      'events_logger = "file"',
      `events_logfile_path = "${dir}/events.log"`,
      'runtime = "runc"',
      `tmp_dir = "${dir}/tmp"`,
      '',
    ].join('\n'),
  );
  const mirrorOf = (prefix: string) =>
    [
      '[[registry]]',
      `prefix = "${prefix}"`,
      `location = "${prefix}"`,
      '[[registry.mirror]]',
      `location = "${options.mirror}"`,
      'insecure = true',
    ].join('\n');
  await writeFile(
    path.join(dir, 'registries.conf'),
    [
      'unqualified-search-registries = ["docker.io"]',
      ...[options.mirror, ...options.registries].map((r) => `[[registry]]\nlocation = "${r}"\ninsecure = true`),
      mirrorOf('docker.io'),
      mirrorOf('gcr.io'),
      '',
    ].join('\n'),
  );
  const env: Record<string, string> = {
    DOCKER_HOST: `unix://${socket}`,
    CONTAINERS_CONF: path.join(dir, 'containers.conf'),
    CONTAINERS_STORAGE_CONF: path.join(dir, 'storage.conf'),
    CONTAINERS_REGISTRIES_CONF: path.join(dir, 'registries.conf'),
  };
  let log = '';
  const child = spawn(podmanPath, ['system', 'service', '--time=0', `unix://${socket}`], {
    env: { ...process.env, ...env, HOME: path.join(dir, 'home'), XDG_RUNTIME_DIR: path.join(dir, 'runroot') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  let ready = false;
  for (let attempt = 0; attempt < 600 && Date.now() < deadline && child.exitCode === null; attempt++) {
    if (await ping(socket)) {
      ready = true;
      break;
    }
    await sleep(100);
  }
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // The store holds files owned by other users (USER 65532 layers): removal needs no special care as root.
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  if (!ready) {
    await stop();
    throw new Error(`podman system service did not answer: ${log}`);
  }
  return { dockerHost: `unix://${socket}`, env, stop };
}
