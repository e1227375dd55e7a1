// The docker stage with docker buildx, driving a BuildKit daemon (buildkitd built from source) through
// buildx's `remote` driver, with Podman as the Docker daemon for `--load`. Several platforms are built
// into an OCI layout and each is scanned; the push build carries the provenance attestation, and the
// registry's image is checked against what was scanned.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trivyPath } from '../scan/trivy/support/tools.js';
import { scanInputs, startDockerTestEnv, type DockerTestEnv } from './support/env.js';
import { fileInLayers, pushedLayers } from './support/layers.js';
import { projectRepo, runDockerStage } from './support/run-stage.js';
import { missingBuildx, missingEngine } from './support/tools.js';

const run = promisify(execFile);
const missing = [missingEngine, missingBuildx, trivyPath ? '' : 'Trivy (.ci/setup/scan.sh)'].filter(Boolean).join(', ');
const SECRET = ['ghp', 'Xk29Lm4Nq7Rt1Vw8Yz3Bc6Df0Gh5Jk2Mn9Pq4'].join('_');

interface Index {
  manifests: { digest: string; platform: { os: string; architecture: string }; annotations?: Record<string, string> }[];
}

describe.skipIf(missing !== '')('docker stage: docker buildx (remote BuildKit)', () => {
  let env: DockerTestEnv;
  let repo: string;

  beforeAll(async () => {
    env = await startDockerTestEnv({ buildkit: true });
    repo = projectRepo(path.join(env.work, 'repo'), ['secret-consumer', 'go-service'], 'v3.0.1');
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('two platforms: each scanned from the OCI layout, pushed with provenance, and the pushed layers are the scanned ones', async () => {
    const image = `${env.registry.host}/acme/multi`;
    const { report, outcome, log } = await runDockerStage(
      {
        context: 'secret-consumer',
        images: image,
        tags: 'type=semver,pattern={{version}}',
        platforms: 'linux/amd64,linux/386',
        secrets: `api_token=${SECRET}`,
        provenance: 'mode=max',
        push: 'true',
        builder: 'buildx',
        ...scanInputs(),
      },
      { cwd: repo, env: env.env() },
    );
    expect(report.builder).toMatchObject({ kind: 'buildx', version: 'v0.38.2', driver: 'remote' });
    expect(report.status).toBe('pass');
    expect(report.tags).toEqual([`${image}:3.0.1`, `${image}:latest`]);
    expect(report.scan.images.map((i) => i.build)).toEqual([
      `${image}:3.0.1 (linux/amd64)`,
      `${image}:3.0.1 (linux/386)`,
    ]);
    expect(log.indexOf('▸ Scan multi linux/386 before any push')).toBeLessThan(log.indexOf('▸ Push multi'));

    const { stdout } = await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${image}:3.0.1`], {
      timeout: 60_000,
    });
    const index = JSON.parse(stdout) as Index;
    const digest = `sha256:${createHash('sha256').update(stdout).digest('hex')}`;
    const pushed = report.images[0];
    expect(pushed).toMatchObject({ digest, digestSource: 'registry', pushed: true, verified: true });
    expect(outcome.outputs.digest).toBe(digest);
    // buildx's own word for the pushed digest (its metadata file) is the metadata output.
    expect(JSON.parse(String(outcome.outputs.metadata))['containerimage.digest']).toBe(digest);
    const platforms = index.manifests.filter((m) => m.platform.os !== 'unknown');
    expect(pushed.platforms.map((p) => [p.platform, p.digest])).toEqual(
      platforms.map((m) => [`${m.platform.os}/${m.platform.architecture}`, m.digest]),
    );
    // The provenance attestation went with the push; it is not counted as a platform.
    expect(index.manifests.some((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')).toBe(
      true,
    );
    for (const p of pushed.platforms) expect(p.compressedSize).toBeGreaterThan(0);

    const layers = await pushedLayers(`${image}:3.0.1`, path.join(env.work, 'pushed-multi'));
    expect((await fileInLayers(layers, 'token.sha256'))?.trim()).toBe(
      createHash('sha256').update(SECRET).digest('hex'),
    );
    for (const layer of layers) expect(layer.includes(Buffer.from(SECRET))).toBe(false);
  });

  it('one platform: loaded into the engine to be scanned, the cache exported by the push build, the digest read back', async () => {
    const image = `${env.registry.host}/acme/api`;
    const cache = path.join(env.work, 'build-cache');
    const { report, outcome } = await runDockerStage(
      {
        context: 'go-service',
        images: image,
        push: 'true',
        builder: 'buildx',
        'cache-to': `type=local,dest=${cache},mode=max`,
        load: 'true',
        ...scanInputs(),
      },
      { cwd: repo, env: env.env() },
    );
    expect(report.status).toBe('pass');
    const { stdout } = await run('skopeo', ['inspect', '--tls-verify=false', `docker://${image}:v3.0.1`], {
      timeout: 60_000,
    });
    expect(report.images[0].digest).toBe((JSON.parse(stdout) as { Digest: string }).Digest);
    expect(report.images[0].verified).toBe(true);
    expect(existsSync(path.join(cache, 'index.json'))).toBe(true);
    // load: true keeps the image in the engine (Podman here), with the labels from the git context.
    const { stdout: labels } = await run(
      'docker',
      ['image', 'inspect', '--format', '{{json .Config.Labels}}', `${image}:v3.0.1`],
      {
        env: env.env(),
        timeout: 60_000,
      },
    );
    expect((JSON.parse(labels) as Record<string, string>)['org.opencontainers.image.version']).toBe('v3.0.1');
    expect(outcome.outputs.version).toBe('v3.0.1');
  });
});
