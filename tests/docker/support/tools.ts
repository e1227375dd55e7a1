import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { execTool } from '../../support/run-tool.js';

/**
 * The real tools the docker stage's tests drive, as .ci/setup/docker.sh installs them: Podman (serving the
 * Docker API), Debian's docker-registry and htpasswd, the Docker CLI, and buildx and BuildKit built from
 * the Go module proxy under $SHIPKIT_CACHE.
 */
export const CACHE = process.env.SHIPKIT_CACHE ?? '/var/cache/shipkit';
export const BUILDX_VERSION = '0.38.2';
export const BUILDKIT_VERSION = '0.34.2';
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/docker');

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return undefined;
}

function answers(file: string | undefined, args: string[]): boolean {
  if (!file) return false;
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

export const dockerCli = which('docker');
export const podmanPath = which('podman');
export const registryPath = which('docker-registry');
export const htpasswdPath = which('htpasswd');
export const buildxPath = ((file) => (existsSync(file) ? file : undefined))(
  path.join(CACHE, `buildx-v${BUILDX_VERSION}`, 'docker-buildx'),
);
export const buildkitdPath = ((file) => (existsSync(file) ? file : undefined))(
  path.join(CACHE, `buildkit-v${BUILDKIT_VERSION}`, 'buildkitd'),
);
/** Podman runs RUN steps with runc here: crun refuses this machine's hybrid cgroup layout. */
export const runcPath = which('runc');

/** Why the engine tests cannot run here; empty when they can. Run .ci/setup/docker.sh to install what is missing. */
export const missingEngine: string = [
  answers(dockerCli, ['--version']) ? '' : 'the docker CLI',
  answers(podmanPath, ['--version']) ? '' : 'podman',
  runcPath ? '' : 'runc',
  registryPath ? '' : 'docker-registry',
  htpasswdPath ? '' : 'htpasswd (apache2-utils)',
  process.getuid?.() === 0 ? '' : 'root (Podman and BuildKit run rootful with a temporary store)',
]
  .filter(Boolean)
  .join(', ');

export const missingBuildx: string = [
  buildxPath ? '' : `buildx ${BUILDX_VERSION} (${CACHE}/buildx-v${BUILDX_VERSION}/docker-buildx)`,
  buildkitdPath ? '' : `buildkitd ${BUILDKIT_VERSION}`,
]
  .filter(Boolean)
  .join(', ');

let baseImages: Promise<string> | undefined;
/** The registry storage holding the base images (tests/fixtures/docker/base-images/build.sh, cached). */
export function baseImagesStorage(): Promise<string> {
  baseImages ??= execTool('bash', [path.join(FIXTURES, 'base-images', 'build.sh')], {
    env: { ...process.env, SHIPKIT_CACHE: CACHE },
    timeout: 900_000,
  }).then((out) => out.trim().split('\n').at(-1)!);
  return baseImages;
}
