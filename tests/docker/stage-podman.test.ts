// The docker stage with `podman build` (the fallback when no Docker daemon answers), chroot isolation and
// a build secret: the secret reaches the build, no layer and no output; the push's digest is Podman's own
// (--digestfile) and the registry's.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trivyPath } from '../scan/trivy/support/tools.js';
import { scanInputs, startDockerTestEnv, type DockerTestEnv } from './support/env.js';
import { fileInLayers, pushedLayers } from './support/layers.js';
import { projectRepo, runDockerStage } from './support/run-stage.js';
import { missingEngine } from './support/tools.js';

const run = promisify(execFile);
const missing = [missingEngine, trivyPath ? '' : 'Trivy (.ci/setup/scan.sh)'].filter(Boolean).join(', ');
// A secret-shaped value assembled at run time (not a real credential).
const SECRET = ['sk', 'live', 'Zq81Vw27Ht54Lp93'].join('_');

describe.skipIf(missing !== '')('docker stage: podman build', () => {
  let env: DockerTestEnv;
  let repo: string;

  beforeAll(async () => {
    env = await startDockerTestEnv();
    repo = projectRepo(path.join(env.work, 'repo'), ['secret-consumer', 'go-service']);
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('passes a build secret to RUN --mount=type=secret from the environment: it is in no layer, argument or output', async () => {
    const image = `${env.registry.host}/acme/secret-consumer`;
    const { report, redacted, log, masked, outcome } = await runDockerStage(
      {
        context: 'secret-consumer',
        images: image,
        tags: 'type=raw,value=1',
        secrets: `api_token=${SECRET}`,
        push: 'true',
        builder: 'podman',
        policy: 'strict',
        ...scanInputs(),
      },
      // BUILDAH_ISOLATION: podman's RUN steps in a chroot, as on hosts without a usable OCI runtime.
      { cwd: repo, env: env.env({ BUILDAH_ISOLATION: 'chroot' }) },
    );
    expect(report.builder?.kind).toBe('podman');
    expect(report.status).toBe('pass');
    expect(report.push.status).toBe('pushed');
    expect(masked).toContain(SECRET);
    // The build command line named the secret by id only; nothing the stage wrote holds its value.
    expect(log).toContain('--secret id=api_token,env=SHIPKIT_BUILD_SECRET_0');
    expect(log).not.toContain(SECRET);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
    expect(JSON.stringify(redacted)).not.toContain(SECRET);

    // The pushed image, read with skopeo: the build saw the secret (its sha256 is there), no layer has it.
    const layers = await pushedLayers(`${image}:1`, path.join(env.work, 'pushed-secret'));
    expect((await fileInLayers(layers, 'token.sha256'))?.trim()).toBe(
      createHash('sha256').update(SECRET).digest('hex'),
    );
    for (const layer of layers) expect(layer.includes(Buffer.from(SECRET))).toBe(false);

    // Podman's --digestfile, the registry and skopeo agree on the digest.
    const { stdout } = await run('skopeo', ['inspect', '--tls-verify=false', `docker://${image}:1`], {
      timeout: 60_000,
    });
    const digest = (JSON.parse(stdout) as { Digest: string }).Digest;
    expect(report.images[0]).toMatchObject({ digest, digestSource: 'registry', verified: true });
    expect(report.push.tags).toEqual([{ tag: `${image}:1`, ok: true, attempts: 1, digest }]);
  });

  it('without push: the digest output is Podman’s local manifest digest, and the size is measured per platform', async () => {
    const { report, outcome } = await runDockerStage(
      {
        context: 'go-service',
        images: `${env.registry.host}/acme/api`,
        tags: 'type=sha',
        builder: 'podman',
        ...scanInputs(),
      },
      { cwd: repo, env: env.env({ BUILDAH_ISOLATION: 'chroot' }) },
    );
    expect(report.status).toBe('pass');
    expect(report.push.status).toBe('not-requested');
    const image = report.images[0];
    expect(image.pushed).toBe(false);
    expect(image.digestSource).toBe('local');
    expect(image.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(image.digest).not.toBe(image.imageId);
    expect(outcome.outputs.digest).toBe(image.digest);
    expect(image.platforms).toHaveLength(1);
    expect(image.platforms[0].platform).toBe('linux/amd64');
    // The Go binary alone on a tiny base: a few MB uncompressed.
    expect(image.platforms[0].size).toBeGreaterThan(1_000_000);
    expect(image.platforms[0].size).toBeLessThan(40_000_000);
    expect(image.size).toBe(image.platforms[0].size);
    expect((await fetch(`http://${env.registry.host}/v2/acme/api/tags/list`)).status).toBe(404);
  });
});
