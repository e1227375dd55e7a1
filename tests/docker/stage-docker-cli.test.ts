// The docker stage end to end with the real Docker CLI against Podman's Docker API (the classic builder:
// no BuildKit is served there), Debian's docker-registry on 127.0.0.1 and the real Trivy. The fixture
// services' Dockerfiles are built unchanged; their base images come from a local mirror (see support/).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, symlink } from 'node:fs/promises';
import { ServiceError } from '../../src/core/errors.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { detectEngine } from '../../src/stages/docker/engine/detect.js';
import { trivyPath } from '../scan/trivy/support/tools.js';
import { REGISTRY_PASSWORD, REGISTRY_USER, scanInputs, startDockerTestEnv, type DockerTestEnv } from './support/env.js';
import { projectRepo, runDockerStage } from './support/run-stage.js';
import { buildxPath, missingEngine } from './support/tools.js';

const run = promisify(execFile);
const missing = [missingEngine, trivyPath ? '' : 'Trivy (.ci/setup/scan.sh)'].filter(Boolean).join(', ');

/** What skopeo (another client than shipkit's) reads from the registry for a tag. */
async function skopeoInspect(
  ref: string,
): Promise<{ digest: string; layers: number; config: { Labels?: Record<string, string> } }> {
  const opts = { timeout: 60_000, maxBuffer: 8 << 20 };
  const { stdout: raw } = await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`], opts);
  const { stdout: info } = await run('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`], opts);
  const manifest = JSON.parse(raw) as { config: { size: number }; layers: { size: number }[] };
  const parsed = JSON.parse(info) as { Digest: string; Labels?: Record<string, string> };
  return {
    digest: parsed.Digest,
    layers: manifest.config.size + manifest.layers.reduce((s, l) => s + l.size, 0),
    config: { ...(parsed.Labels ? { Labels: parsed.Labels } : {}) },
  };
}

describe.skipIf(missing !== '')('docker stage: Docker CLI on Podman, classic builder', () => {
  let env: DockerTestEnv;
  let repo: string;

  beforeAll(async () => {
    env = await startDockerTestEnv();
    repo = projectRepo(path.join(env.work, 'repo'), ['node-service', 'go-service', 'vulnerable-node'], 'v1.2.3');
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('builds a backend and a frontend in one step, scans both, pushes every tag and reads each digest back', async () => {
    const { report, outcome, log } = await runDockerStage(
      {
        builds: [
          '- name: web',
          '  context: node-service',
          `  images: ${env.registry.host}/acme/web`,
          '- name: api',
          '  context: go-service',
          `  images: [${env.registry.host}/acme/api]`,
        ].join('\n'),
        push: 'true',
        builder: 'docker',
        policy: 'strict',
        ...scanInputs(),
      },
      { cwd: repo, env: env.env() },
    );
    expect(report.gates.map((g) => [g.name, g.passed])).toEqual([
      ['policy', true],
      ['build', true],
      ['fail-on', true],
      ['push', true],
    ]);
    expect(report.status).toBe('pass');
    expect(report.builder?.kind).toBe('docker');
    // A push of the tag v1.2.3 with no tags input: metadata-action's defaults give the tag and latest.
    expect(report.tags).toEqual([
      `${env.registry.host}/acme/web:v1.2.3`,
      `${env.registry.host}/acme/web:latest`,
      `${env.registry.host}/acme/api:v1.2.3`,
      `${env.registry.host}/acme/api:latest`,
    ]);
    expect(report.push.status).toBe('pushed');
    for (const image of report.images) {
      const seen = await skopeoInspect(image.tags[0]);
      expect(image.digest).toBe(seen.digest);
      expect(image.digestSource).toBe('registry');
      expect(image.ref).toBe(`${image.tags[0].replace(/:v1\.2\.3$/, '')}@${seen.digest}`);
      expect(image.verified).toBe(true);
      expect(image.platforms.map((p) => p.platform)).toEqual(['linux/amd64']);
      expect(image.platforms[0].compressedSize).toBe(seen.layers);
      // The OCI labels from the git context are in the pushed image.
      expect(seen.config.Labels?.['org.opencontainers.image.version']).toBe('v1.2.3');
      expect(seen.config.Labels?.['org.opencontainers.image.source']).toBe('https://github.com/acme/shop');
      // `latest` is the same manifest.
      expect((await skopeoInspect(image.tags[1])).digest).toBe(seen.digest);
    }
    expect(report.scan.status).toBe('passed');
    expect(report.scan.images.map((i) => i.build)).toEqual([report.tags[0], report.tags[2]]);
    expect(outcome.outputs.digest).toBe(report.images[0].digest);
    expect(outcome.outputs.imageid).toBe(report.images[0].imageId);
    expect(String(outcome.outputs.tags).split('\n')).toEqual(report.tags);
    // Scanned before pushed: the log shows the scan group of each image before any push.
    const firstPush = log.indexOf('▸ Push ');
    expect(log.indexOf('▸ Scan web before any push')).toBeLessThan(firstPush);
    expect(log.indexOf('▸ Scan api before any push')).toBeLessThan(firstPush);
  });

  it('scans before pushing: a critical finding in the image blocks the push, and nothing reaches the registry', async () => {
    const image = `${env.registry.host}/acme/vulnerable`;
    const { report, outcome } = await runDockerStage(
      { context: 'vulnerable-node', images: image, push: 'true', builder: 'docker', ...scanInputs() },
      { cwd: repo, env: env.env() },
    );
    expect(report.status).toBe('fail');
    const gate = report.gates.find((g) => g.name === 'fail-on');
    expect(gate).toMatchObject({ passed: false, required: 'high', actual: 1 });
    expect(report.scan.findings.map((f) => `${f.id} ${f.package}@${f.installed} ${f.severity}`)).toEqual([
      'CVE-2021-44906 minimist@1.2.5 critical',
    ]);
    expect(report.push).toEqual({ status: 'blocked', blockedBy: ['fail-on'], tags: [] });
    expect(outcome.outputs.pushed).toBe(false);
    const response = await fetch(`http://${env.registry.host}/v2/acme/vulnerable/tags/list`);
    expect(response.status).toBe(404);
    // Without a push the digest output is still set: the engine's local manifest digest.
    expect(report.images[0].digestSource).toBe('local');
    expect(outcome.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
  });

  it('logs in with --password-stdin in a temporary Docker config: the password is in no output and the user config is untouched', async () => {
    const before = await readFile(path.join(env.env().DOCKER_CONFIG!, 'config.json'), 'utf8');
    const { report, redacted, masked, log } = await runDockerStage(
      {
        context: 'go-service',
        images: `${env.authRegistry.host}/acme/api`,
        tags: 'type=sha',
        push: 'true',
        builder: 'docker',
        registry: env.authRegistry.host,
        username: REGISTRY_USER,
        password: REGISTRY_PASSWORD,
        scan: 'false',
      },
      { cwd: repo, env: env.env() },
    );
    expect(report.push.status).toBe('pushed');
    expect(report.images[0].digestSource).toBe('registry');
    expect(masked).toContain(REGISTRY_PASSWORD);
    expect(JSON.stringify(redacted)).not.toContain(REGISTRY_PASSWORD);
    expect(log).not.toContain(REGISTRY_PASSWORD);
    expect(await readFile(path.join(env.env().DOCKER_CONFIG!, 'config.json'), 'utf8')).toBe(before);
    // The registry really required the login.
    expect((await fetch(`http://${env.authRegistry.host}/v2/acme/api/tags/list`)).status).toBe(401);
  });

  it('a refused login is a service error naming the password input, before anything is built', async () => {
    const error = await runDockerStage(
      {
        context: 'go-service',
        images: `${env.authRegistry.host}/acme/api`,
        push: 'true',
        builder: 'docker',
        registry: env.authRegistry.host,
        username: REGISTRY_USER,
        password: 'not-the-password',
        scan: 'false',
      },
      { cwd: repo, env: env.env() },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).input).toBe('password');
    expect((error as ServiceError).message).toMatch(
      /^docker login to localhost:\d+ as shipkit-ci failed: .*401 Unauthorized/,
    );
    expect((error as ServiceError).message).not.toContain('not-the-password');
  });

  it('a failing RUN fails the build gate with the builder’s own last words, and nothing is pushed', async () => {
    const dir = path.join(env.work, 'broken');
    projectRepo(dir, ['go-service']);
    const dockerfile = path.join(dir, 'go-service', 'Dockerfile');
    const text = await readFile(dockerfile, 'utf8');
    await writeFile(dockerfile, text.replace('RUN go mod download', 'RUN go mod download && exit 3'));
    const { report } = await runDockerStage(
      {
        context: 'go-service',
        images: `${env.registry.host}/acme/broken`,
        push: 'true',
        builder: 'docker',
        ...scanInputs(),
      },
      { cwd: dir, env: env.env() },
    );
    expect(report.gates.find((g) => g.name === 'build')).toMatchObject({ passed: false, actual: 0, required: 1 });
    expect(report.builds[0]).toMatchObject({ status: 'failed' });
    expect(report.builds[0].error).toMatch(/exit status 3/);
    expect(report.push).toEqual({ status: 'blocked', blockedBy: ['build'], tags: [] });
    expect(report.scan.status).toBe('not-run');
  });

  it.skipIf(!buildxPath)(
    'buildx cannot drive Podman: its default builder does not start there, so auto falls back to the classic builder and says why',
    async () => {
      const config = path.join(env.work, 'buildx-config');
      await mkdir(path.join(config, 'cli-plugins'), { recursive: true });
      await symlink(buildxPath!, path.join(config, 'cli-plugins', 'docker-buildx'));
      const logger = new MemoryLogger();
      const ctx = { cwd: env.work, env: env.env({ DOCKER_CONFIG: config }), logger };
      const engine = await detectEngine('auto', ctx);
      expect(engine.kind).toBe('docker');
      const why = logger.lines.map((l) => l.message).join('\n');
      // Podman serves no BuildKit, so buildx's default builder is docker-container, which must pull moby/buildkit.
      expect(why).toMatch(/^Not using docker buildx: its builder does not start \(.*moby\/buildkit/m);
      const asked = await detectEngine('buildx', ctx).catch((e: unknown) => e);
      expect(asked).toBeInstanceOf(ServiceError);
      expect((asked as ServiceError).input).toBe('builder');
    },
  );

  it('without a Docker daemon auto takes podman build; with neither it is a service error naming builder', async () => {
    const noDaemon = env.env({ DOCKER_HOST: `unix://${path.join(env.work, 'no-such.sock')}` });
    const logger = new MemoryLogger();
    expect((await detectEngine('auto', { cwd: env.work, env: noDaemon, logger })).kind).toBe('podman');
    expect(logger.lines.map((l) => l.message).join('\n')).toMatch(/docker: no daemon answers/);
    const none = await detectEngine('auto', {
      cwd: env.work,
      env: { ...noDaemon, PATH: '/nonexistent' },
      logger,
    }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(ServiceError);
    expect((none as ServiceError).message).toBe(
      'no image builder is available: docker buildx: not installed; docker: not installed; podman: not installed',
    );
  });

  it('retries a push the registry fails (503) and reports the attempts; a refusal (unauthorized) is not retried', async () => {
    env.flaky.failManifestPuts(1);
    const image = `${env.flaky.host}/acme/retried`;
    const { report } = await runDockerStage(
      {
        context: 'go-service',
        images: image,
        tags: 'type=raw,value=1',
        push: 'true',
        builder: 'docker',
        scan: 'false',
      },
      { cwd: repo, env: env.env() },
    );
    expect(env.flaky.refused()).toBe(1);
    expect(report.push.status).toBe('pushed');
    expect(report.push.tags).toEqual([{ tag: `${image}:1`, ok: true, attempts: 2, digest: report.images[0].digest }]);
    expect(report.images[0].digestSource).toBe('registry');

    // No login for the registry that requires one: refused at once, the push gate fails naming why.
    const locked = `${env.authRegistry.host}/acme/locked`;
    const refused = await runDockerStage(
      {
        context: 'go-service',
        images: locked,
        tags: 'type=raw,value=1',
        push: 'true',
        builder: 'docker',
        scan: 'false',
      },
      { cwd: repo, env: env.env() },
    );
    expect(refused.report.push.status).toBe('failed');
    expect(refused.report.push.tags).toEqual([
      {
        tag: `${locked}:1`,
        ok: false,
        attempts: 1,
        error: expect.stringMatching(/unauthorized|authentication required/i),
      },
    ]);
    expect(refused.report.gates.find((g) => g.name === 'push')).toMatchObject({
      passed: false,
      actual: 0,
      required: 1,
    });
    expect(refused.report.images[0].pushed).toBe(false);
    expect(refused.outcome.outputs.digest).toMatch(/^sha256:/);
  });

  it('push with no tag to push to (no rule applied to this event) fails closed before anything is pushed', async () => {
    const image = `${env.registry.host}/acme/untagged`;
    const { report } = await runDockerStage(
      {
        context: 'go-service',
        images: image,
        tags: 'type=ref,event=pr',
        push: 'true',
        builder: 'docker',
        scan: 'false',
      },
      { cwd: repo, env: env.env() },
    );
    expect(report.tags).toEqual([]);
    expect(report.gates.find((g) => g.name === 'tags')).toMatchObject({
      passed: false,
      detail: 'push is true but untagged got no tag: no tag rule applied to push on refs/tags/v1.2.3',
    });
    expect(report.push).toEqual({ status: 'blocked', blockedBy: ['tags'], tags: [] });
    // Built and kept nowhere: an untagged image's digest is its image ID.
    expect(report.images[0]).toMatchObject({ digestSource: 'image-id', pushed: false });
    expect((await fetch(`http://${env.registry.host}/v2/acme/untagged/tags/list`)).status).toBe(404);
  });
});
