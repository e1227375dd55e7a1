import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildTestDb } from '../../scan/trivy/support/test-db.js';
import { trivyPath } from '../../scan/trivy/support/tools.js';
import { startBuildkit, type BuildkitService } from './buildkit.js';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.js';
import { startPodman, type PodmanService } from './podman.js';
import { startRegistry, type LocalRegistry } from './registry.js';
import { baseImagesStorage } from './tools.js';

export const REGISTRY_USER = 'shipkit-ci';
// Assembled at run time so the repository holds no string a scanner takes for a credential; not a real one.
export const REGISTRY_PASSWORD = ['pw', 'Hq7Lx2', 'Vd9Kt4'].join('-');

export interface DockerTestEnv {
  /** Read-only, serving the base images as docker.io's and gcr.io's mirror. */
  mirror: LocalRegistry;
  /** Where tests push, no login. */
  registry: LocalRegistry;
  /** Where tests push with REGISTRY_USER / REGISTRY_PASSWORD (htpasswd); named `localhost:PORT`. */
  authRegistry: LocalRegistry;
  /** A front of `registry` that fails manifest uploads on demand, for the push retries. */
  flaky: FlakyProxy;
  podman: PodmanService;
  buildkit?: BuildkitService;
  /** A working directory for the test's own files. */
  work: string;
  /**
   * The stage's environment: a home and Docker config of its own, the Podman socket, Trivy's cache with the
   * test vulnerability database (the scan never downloads), and nothing from this machine's runner.
   */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** A Trivy cache (as `<XDG_CACHE_HOME>/shipkit/trivy`) holding the test database built from real advisories. */
async function trivyCache(work: string): Promise<string> {
  const xdg = path.join(work, 'xdg-cache');
  const db = await buildTestDb();
  await mkdir(path.join(xdg, 'shipkit', 'trivy', 'db'), { recursive: true });
  for (const f of ['trivy.db', 'metadata.json'])
    await cp(path.join(db, f), path.join(xdg, 'shipkit', 'trivy', 'db', f));
  await rm(db, { recursive: true, force: true });
  return xdg;
}

/** Starts the registries and Podman (and BuildKit for buildx tests); stop() ends every one of them. */
export async function startDockerTestEnv(
  options: { buildkit?: boolean; trivy?: boolean } = {},
): Promise<DockerTestEnv> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'shipkit-docker-test-'));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const mirror = await startRegistry({ storage: await baseImagesStorage(), readOnly: true });
    started.push(mirror);
    const registry = await startRegistry();
    started.push(registry);
    const authStarted = await startRegistry({ users: { [REGISTRY_USER]: REGISTRY_PASSWORD } });
    started.push(authStarted);
    // Named `localhost:PORT`: Podman's Docker-API login (/auth) reaches plain HTTP only for localhost names.
    const authRegistry = { ...authStarted, host: authStarted.host.replace('127.0.0.1', 'localhost') };
    const flaky = await startFlakyProxy(registry.host);
    started.push(flaky);
    const registries = [registry.host, authRegistry.host, flaky.host];
    const podman = await startPodman({ mirror: mirror.host, registries });
    started.push(podman);
    const buildkit = options.buildkit
      ? await startBuildkit({ mirror: mirror.host, registries, env: podman.env })
      : undefined;
    if (buildkit) started.push(buildkit);
    const xdg = options.trivy === false ? path.join(work, 'xdg-cache') : await trivyCache(work);
    const home = path.join(work, 'home');
    const dockerConfig = path.join(work, 'docker-config');
    await mkdir(home, { recursive: true });
    await mkdir(dockerConfig, { recursive: true });
    await writeFile(path.join(dockerConfig, 'config.json'), '{}');
    return {
      mirror,
      registry,
      authRegistry,
      flaky,
      podman,
      ...(buildkit ? { buildkit } : {}),
      work,
      env: (extra = {}) => ({
        PATH: process.env.PATH,
        HOME: home,
        DOCKER_CONFIG: buildkit?.dockerConfig ?? dockerConfig,
        XDG_CACHE_HOME: xdg,
        ...podman.env,
        ...extra,
      }),
      async stop() {
        for (const s of started.reverse()) await s.stop().catch(() => undefined);
        await rm(work, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/** The action inputs every engine test passes: the pinned Trivy, never a database download. */
export function scanInputs(): Record<string, string> {
  if (!trivyPath) throw new Error('Trivy is not installed (.ci/setup/scan.sh builds it)');
  return { 'trivy-path': trivyPath, 'skip-db-update': 'true' };
}
