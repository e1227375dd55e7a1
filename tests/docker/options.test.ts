// The docker stage's options as action inputs and CLI flags: defaults held equal to docker/action.yml,
// the `builds` list with errors at their line, secrets masked and never repeated in a message, and the
// registry login rules (GHCR with the job token).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActionMetadata } from '../../src/core/action-metadata.js';
import { UserError } from '../../src/core/errors.js';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { DEFAULTS, readDockerOptions, type DockerOptions } from '../../src/stages/docker/options.js';
import { DEFAULT_TAG_RULES } from '../../src/stages/docker/meta/tag-rules.js';

const ACTION = parseActionMetadata(
  readFileSync(path.resolve(import.meta.dirname, '../../docker/action.yml'), 'utf8'),
  'docker/action.yml',
);

function read(
  inputs: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv = {},
): { options: DockerOptions; masked: string[] } {
  const masked: string[] = [];
  const source = { ...mapSource(inputs, 'input'), mask: (v: string) => void masked.push(v) };
  return { options: readDockerOptions(new InputReader(source), env, '/home/ci/shop'), masked };
}

function error(inputs: Record<string, string | undefined>, env: NodeJS.ProcessEnv = {}): UserError {
  try {
    read(inputs, env);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('docker options', () => {
  it('has the defaults docker/action.yml declares', () => {
    const defaults = Object.fromEntries(ACTION.inputs.map((i) => [i.name, i.default]));
    for (const [name, value] of Object.entries(DEFAULTS)) expect(defaults[name], name).toBe(value);
    // Read as the runner passes them (every input with its default), the options are the empty ones'.
    const asRunner = read(
      Object.fromEntries(
        ACTION.inputs.filter((i) => !(i.default ?? '').includes('${{')).map((i) => [i.name, i.default]),
      ),
    ).options;
    expect(asRunner).toEqual(read({}).options);
  });

  it('one build from context and file, with metadata-action’s default tag rules', () => {
    const { options } = read({ images: 'ghcr.io/acme/api', context: 'services/api' });
    expect(options.builds).toHaveLength(1);
    expect(options.builds[0]).toMatchObject({ name: 'api', context: 'services/api', file: 'services/api/Dockerfile' });
    expect(options.builds[0].meta.tags.map((t) => t.entry).sort()).toEqual([...DEFAULT_TAG_RULES].sort());
    expect(options).toMatchObject({ mode: 'build', push: false, builder: 'auto', pushRetries: 3 });
    expect(options.scan).toMatchObject({ enabled: true, failOn: 'high', trivyVersion: '0.74.0' });
  });

  it('several builds from the builds list, each with its own images, tags, args and platforms', () => {
    const { options } = read({
      builds: [
        '- name: backend',
        '  context: api',
        '  images: ghcr.io/acme/api',
        '  build-args: { GO_VERSION: 1.22 }',
        '- context: web',
        '  file: web/Dockerfile.prod',
        '  images: [ghcr.io/acme/web, docker.io/acme/web]',
        '  tags: type=sha',
        '  target: runtime',
        '  platforms: linux/amd64,linux/arm64',
      ].join('\n'),
      'build-args': 'COMMON=1\nGO_VERSION=1.21',
      tags: 'type=semver,pattern={{version}}',
    });
    expect(options.builds.map((b) => [b.name, b.context, b.file, b.target ?? null, b.platforms])).toEqual([
      ['backend', 'api', 'api/Dockerfile', null, []],
      ['web', 'web', 'web/Dockerfile.prod', 'runtime', ['linux/amd64', 'linux/arm64']],
    ]);
    expect(options.builds[0].buildArgs).toEqual({ COMMON: '1', GO_VERSION: '1.22' });
    expect(options.builds[1].buildArgs).toEqual({ COMMON: '1', GO_VERSION: '1.21' });
    expect(options.builds[0].meta.tags.map((t) => t.entry)).toEqual(['type=semver,pattern={{version}}']);
    expect(options.builds[1].meta.tags.map((t) => t.entry)).toEqual(['type=sha']);
    expect(options.builds[1].meta.images.map((i) => i.name)).toEqual(['ghcr.io/acme/web', 'docker.io/acme/web']);
  });

  it('a mistake in builds names the input and the line', () => {
    const unknown = error({ builds: '- context: api\n  images: x/api\n  dockerfile: api/Dockerfile\n' });
    expect(unknown.location).toEqual({ input: 'builds', line: 3 });
    expect(unknown.message).toBe(
      "input 'builds' line 3: unknown key 'dockerfile' (known: name, context, file, images, tags, target, build-args, platforms)",
    );
    expect(error({ builds: 'context: api' }).message).toMatch(/must be a YAML list of builds/);
    expect(error({ builds: '- context: api\n- name: x\n' }).location).toEqual({ input: 'builds', line: 2 });
    expect(error({ builds: '- context: [a, b]\n' }).message).toMatch(/line 1: context must be one string/);
    expect(error({ builds: '- context: api\n  images: x/a\n- context: api\n  images: y/a\n' }).message).toMatch(
      /two builds are named 'a'/,
    );
    expect(error({ builds: '- context: api\n', images: 'x/api' }).location.input).toBe('builds');
    const tagError = error({ builds: '- context: api\n  images: x/api\n  tags: type=nope\n' });
    expect(tagError.location.input).toBe('builds');
    expect(tagError.message).toMatch(/build 1, line 1\) tags: unknown type 'nope'/);
  });

  it('secrets are masked as they are read, and a bad line is refused without repeating the value', () => {
    const { options, masked } = read({ secrets: 'npm_token=abc-123-secret\nother=x=y' });
    expect(options.secrets).toEqual([
      { id: 'npm_token', value: 'abc-123-secret' },
      { id: 'other', value: 'x=y' },
    ]);
    expect(masked).toEqual(['abc-123-secret', 'x=y']);
    const bad = error({ secrets: 'not a pair: hunter2-secret' });
    expect(bad.location.input).toBe('secrets');
    expect(bad.message).toBe("input 'secrets': line 1 must be id=value");
    expect(bad.message).not.toContain('hunter2');
    expect(error({ 'build-args': '1BAD=x' }).message).toBe(
      "input 'build-args': line 1 must be NAME=value ('1BAD' is not a valid name)",
    );
  });

  it('platforms, builder, policy and fail-on are checked', () => {
    expect(error({ platforms: 'linux/amd64,amd64' }).message).toMatch(/'amd64' is not a platform/);
    expect(error({ builder: 'kaniko' }).location.input).toBe('builder');
    expect(error({ policy: 'lenient' }).location.input).toBe('policy');
    expect(error({ 'fail-on': 'severe' }).location.input).toBe('fail-on');
    expect(error({ 'dry-run': 'true', 'lint-only': 'true' }).location.input).toBe('lint-only');
    expect(error({ push: 'true' }).message).toBe(
      "input 'push' is true but build 'shop' names no image to push: set input 'images'",
    );
  });

  it('a registry login: username and password together, masked; GHCR takes the job token as the actor', () => {
    const { options, masked } = read({ registry: 'registry.example.com', username: 'ci', password: 'pa55-word' });
    expect(options.login).toEqual({ server: 'registry.example.com', username: 'ci', password: 'pa55-word' });
    expect(masked).toContain('pa55-word');
    const ghcr = read({ registry: 'ghcr.io', 'github-token': 'ghs_jobtoken123' }, { GITHUB_ACTOR: 'octocat' });
    expect(ghcr.options.login).toEqual({ server: 'ghcr.io', username: 'octocat', password: 'ghs_jobtoken123' });
    expect(ghcr.masked).toContain('ghs_jobtoken123');
    expect(
      read({ registry: 'ghcr.io' }, { GITHUB_TOKEN: 'ghs_fromenv456', GITHUB_ACTOR: 'a' }).options.login?.password,
    ).toBe('ghs_fromenv456');
    expect(error({ registry: 'ghcr.io' }).location.input).toBe('password');
    expect(error({ registry: 'registry.example.com' }).location.input).toBe('username');
    expect(error({ username: 'ci' }).message).toBe("input 'password' is required with input 'username'");
    expect(read({ username: 'ci', password: 'x-y-z' }).options.login?.server).toBe('docker.io');
    // A dry run logs in nowhere but still masks the password.
    const dry = read({ 'dry-run': 'true', registry: 'ghcr.io', password: 'dry-secret' });
    expect(dry.options.login).toBeUndefined();
    expect(dry.masked).toContain('dry-secret');
  });
});
