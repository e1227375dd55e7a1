import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { storageDriver } from './podman.js';
import { buildkitdPath, buildxPath, dockerCli } from './tools.js';

const run = promisify(execFile);

export interface BuildkitService {
  /** A DOCKER_CONFIG whose buildx plugin and current builder (driver `remote`) point at this BuildKit. */
  dockerConfig: string;
  stop(): Promise<void>;
}

/**
 * A BuildKit daemon (buildkitd built from source; no moby/buildkit image can be pulled here) with runc,
 * reachable by buildx through the `remote` driver. Podman's Docker API serves no BuildKit, so buildx's
 * own drivers cannot build against it: `docker` has no BuildKit there, `docker-container` must pull
 * moby/buildkit. With this builder, buildx builds and `--load`s into Podman through `docker load`.
 */
export async function startBuildkit(options: {
  mirror: string;
  registries: readonly string[];
  env: Record<string, string>;
}): Promise<BuildkitService> {
  if (!buildkitdPath || !buildxPath || !dockerCli) throw new Error('buildx and buildkitd are not installed');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-buildkit-'));
  const socket = path.join(dir, 'buildkitd.sock');
  const insecure = (host: string) => [`[registry."${host}"]`, '  http = true', '  insecure = true'];
  await writeFile(
    path.join(dir, 'buildkitd.toml'),
    [
      `root = "${dir}/root"`,
      '[grpc]',
      `  address = ["unix://${socket}"]`,
      '[worker.oci]',
      '  enabled = true',
      `  snapshotter = "${storageDriver() === 'overlay' ? 'overlayfs' : 'native'}"`,
      '  gc = false',
      '[worker.containerd]',
      '  enabled = false',
      '[registry."docker.io"]',
      `  mirrors = ["${options.mirror}"]`,
      '[registry."gcr.io"]',
      `  mirrors = ["${options.mirror}"]`,
      ...[options.mirror, ...options.registries].flatMap(insecure),
      '',
    ].join('\n'),
  );
  let log = '';
  const child = spawn(buildkitdPath, ['--config', path.join(dir, 'buildkitd.toml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const dockerConfig = path.join(dir, 'docker-config');
  await mkdir(path.join(dockerConfig, 'cli-plugins'), { recursive: true });
  await symlink(buildxPath, path.join(dockerConfig, 'cli-plugins', 'docker-buildx'));
  await writeFile(path.join(dockerConfig, 'config.json'), '{}');
  const env = { ...process.env, ...options.env, DOCKER_CONFIG: dockerConfig };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const deadline = Date.now() + 60_000;
  for (let attempt = 0; attempt < 120 && Date.now() < deadline && child.exitCode === null; attempt++) {
    try {
      await run(
        dockerCli,
        ['buildx', 'create', '--name', 'shipkit-test', '--driver', 'remote', '--use', `unix://${socket}`],
        {
          env,
          timeout: 30_000,
        },
      );
      await run(dockerCli, ['buildx', 'inspect', '--bootstrap'], { env, timeout: 30_000 });
      return { dockerConfig, stop };
    } catch {
      await run(dockerCli, ['buildx', 'rm', 'shipkit-test'], { env, timeout: 30_000 }).catch(() => undefined);
      await sleep(500);
    }
  }
  await stop();
  throw new Error(`buildkitd did not start: ${log}`);
}
