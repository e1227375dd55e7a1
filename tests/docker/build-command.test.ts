// The build command lines for buildx, the classic builder and Podman, as the engine tests run them: here
// each flag a workflow relies on, that secrets stay out of the arguments, and what each builder refuses.
import { describe, expect, it } from 'vitest';
import type { UserError } from '../../src/core/errors.js';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { buildCommand, type BuildFiles } from '../../src/stages/docker/engine/build-command.js';
import type { Engine } from '../../src/stages/docker/engine/detect.js';
import { readDockerOptions, type DockerOptions } from '../../src/stages/docker/options.js';

const BUILDX: Engine = { kind: 'buildx', program: 'docker', version: 'v0.38.2', driver: 'docker-container' };
const DOCKER: Engine = { kind: 'docker', program: 'docker', version: '28.2.2' };
const PODMAN: Engine = { kind: 'podman', program: 'podman', version: '4.3.1' };
const FILES: BuildFiles = { iidFile: '/t/iid', metadataFile: '/t/meta.json', ociLayout: '/t/oci' };
const SECRET = 'tok-9f8e7d6c5b4a';
const IMAGE = {
  tags: ['ghcr.io/acme/api:1.2.3', 'ghcr.io/acme/api:latest'],
  labels: { 'org.opencontainers.image.version': '1.2.3' },
};
const PATHS = { context: '/repo/api', file: '/repo/api/Dockerfile' };

function options(inputs: Record<string, string>): DockerOptions {
  return readDockerOptions(new InputReader(mapSource({ images: 'ghcr.io/acme/api', ...inputs }, 'input')), {}, '/repo');
}

function command(
  engine: Engine,
  inputs: Record<string, string>,
  purpose: 'scan' | 'push' = 'scan',
  exportCache = true,
) {
  const o = options(inputs);
  return buildCommand(engine, o.builds[0], o, IMAGE, PATHS, FILES, purpose, exportCache);
}

/** The value after each occurrence of `flag`. */
const values = (args: string[], flag: string): string[] => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));

describe('build commands', () => {
  it('buildx, one platform: loads the image to scan it, without attestations; secrets by id from the environment', () => {
    const c = command(BUILDX, {
      secrets: `api_token=${SECRET}`,
      'build-args': 'GO_VERSION=1.22',
      target: 'runtime',
      'cache-from': 'type=gha',
      'cache-to': 'type=gha,mode=max',
    });
    expect(c.program).toBe('docker');
    expect(c.args.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(values(c.args, '--tag')).toEqual(IMAGE.tags);
    expect(values(c.args, '--label')).toEqual(['org.opencontainers.image.version=1.2.3']);
    expect(values(c.args, '--build-arg')).toEqual(['GO_VERSION=1.22']);
    expect(values(c.args, '--target')).toEqual(['runtime']);
    expect(values(c.args, '--secret')).toEqual(['id=api_token,env=SHIPKIT_BUILD_SECRET_0']);
    expect(c.env).toEqual({ SHIPKIT_BUILD_SECRET_0: SECRET });
    expect(c.args.join(' ')).not.toContain(SECRET);
    expect(values(c.args, '--cache-from')).toEqual(['type=gha']);
    expect(values(c.args, '--cache-to')).toEqual(['type=gha,mode=max']);
    expect(values(c.args, '--metadata-file')).toEqual(['/t/meta.json']);
    expect(values(c.args, '--provenance')).toEqual(['false']);
    expect(c.args).toContain('--load');
    expect(c.args).not.toContain('--push');
    expect(c.args.at(-1)).toBe('/repo/api');
  });

  it('buildx, several platforms: an OCI layout to scan; the push build carries the attestations and exports the cache', () => {
    const scan = command(BUILDX, { platforms: 'linux/amd64,linux/arm64', 'cache-to': 'type=gha' }, 'scan', false);
    expect(values(scan.args, '--platform')).toEqual(['linux/amd64,linux/arm64']);
    expect(values(scan.args, '--output')).toEqual(['type=oci,dest=/t/oci,tar=false']);
    expect(values(scan.args, '--cache-to')).toEqual([]);
    const push = command(BUILDX, { sbom: 'true', provenance: 'mode=max', 'cache-to': 'type=gha' }, 'push');
    expect(push.args).toContain('--push');
    expect(push.args).not.toContain('--load');
    expect(values(push.args, '--sbom')).toEqual(['true']);
    expect(values(push.args, '--provenance')).toEqual(['mode=max']);
    expect(values(push.args, '--cache-to')).toEqual(['type=gha']);
  });

  it('the classic builder: image caches, one platform, and a refusal naming the input for what needs BuildKit', () => {
    const c = command(DOCKER, { 'cache-from': 'type=registry,ref=ghcr.io/acme/api:cache\nghcr.io/acme/api:latest' });
    expect(c.args[0]).toBe('build');
    expect(values(c.args, '--cache-from')).toEqual(['ghcr.io/acme/api:cache', 'ghcr.io/acme/api:latest']);
    expect(values(c.args, '--iidfile')).toEqual(['/t/iid']);
    const refused = (inputs: Record<string, string>) => {
      try {
        command(DOCKER, inputs);
      } catch (e) {
        return e as UserError;
      }
      throw new Error('not refused');
    };
    expect(refused({ secrets: `a=${SECRET}` }).location.input).toBe('secrets');
    expect(refused({ secrets: `a=${SECRET}` }).message).not.toContain(SECRET);
    expect(refused({ platforms: 'linux/amd64,linux/arm64' }).location.input).toBe('platforms');
    expect(refused({ 'cache-from': 'type=gha' }).location.input).toBe('cache-from');
    expect(refused({ 'cache-to': 'type=inline' }).location.input).toBe('cache-to');
    expect(refused({ sbom: 'true' }).location.input).toBe('sbom');
    expect(refused({ provenance: 'mode=max' }).message).toMatch(
      /^the classic docker builder cannot do what provenance/,
    );
    expect(command(DOCKER, { provenance: 'false' }).args).not.toContain('--provenance');
  });

  it('podman: Docker image format (its OCI default drops HEALTHCHECK), layer cache, secrets from the environment', () => {
    const c = command(PODMAN, { secrets: `npm=${SECRET}`, 'cache-to': 'type=registry,ref=ghcr.io/acme/cache' });
    expect(c.program).toBe('podman');
    expect(values(c.args, '--format')).toEqual(['docker']);
    expect(c.args).toContain('--layers');
    expect(values(c.args, '--secret')).toEqual(['id=npm,env=SHIPKIT_BUILD_SECRET_0']);
    expect(values(c.args, '--cache-to')).toEqual(['ghcr.io/acme/cache']);
    expect(c.args.join(' ')).not.toContain(SECRET);
  });
});
