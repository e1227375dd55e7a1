// `npx shipkit docker` as the CLI runs it: flags from docker/action.yml, the git context from the local
// repository, and the modes that need no builder (--dry-run, --lint-only).
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type Io } from '../../src/cli/run-cli.js';
import { parseActionMetadata } from '../../src/core/action-metadata.js';
import type { Stage, StageEntry } from '../../src/core/stage.js';
import type { DockerReport } from '../../src/stages/docker/report-schema.js';
import { dockerStage } from '../../src/stages/docker/stage.js';
import { git, tempDir } from '../test-stage/support/git-repo.js';
import { projectRepo } from './support/run-stage.js';

const metadata = {
  docker: parseActionMetadata(
    readFileSync(path.resolve(import.meta.dirname, '../../docker/action.yml'), 'utf8'),
    'docker/action.yml',
  ),
};
const entry: StageEntry = {
  name: 'docker',
  title: 'Docker',
  actionDir: 'docker',
  load: () => Promise.resolve(dockerStage as Stage<unknown>),
};

function capture(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false },
    out: () => out,
    err: () => err,
  };
}

/** A PATH with git alone: no builder can be found, and the modes under test never look for one. */
const NO_BUILDER = (() => {
  const bin = tempDir('docker-cli-bin');
  symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), path.join(bin, 'git'));
  return { PATH: bin, HOME: tempDir('docker-cli-home') };
})();

const cli = (args: string[], c = capture()) =>
  runCli(['docker', ...args], c.io, { stages: [entry], metadata }, { ...NO_BUILDER }).then((code) => ({ code, ...c }));

describe('shipkit docker (CLI)', () => {
  it('--dry-run computes the tags of a version tag on HEAD and the labels, and checks the policy, without building', async () => {
    const repo = projectRepo(path.join(tempDir('docker-cli'), 'shop'), ['node-service'], 'v2.4.0');
    const sha = git(repo, 'rev-parse', 'HEAD');
    const { code, out, err } = await cli([
      '--root',
      repo,
      '--context',
      'node-service',
      '--images',
      'ghcr.io/acme/web',
      '--tags',
      'type=semver,pattern={{version}}',
      '--tags',
      'type=semver,pattern={{major}}.{{minor}}',
      '--tags',
      'type=sha',
      '--push',
      '--dry-run',
      '--policy',
      'strict',
      '--json',
    ]);
    expect(err()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out()) as DockerReport;
    expect(report.mode).toBe('dry-run');
    expect(report.builder).toBeNull();
    expect(report.tags).toEqual([
      'ghcr.io/acme/web:2.4.0',
      'ghcr.io/acme/web:2.4',
      `ghcr.io/acme/web:sha-${sha.slice(0, 7)}`,
      'ghcr.io/acme/web:latest',
    ]);
    expect(report.labels['org.opencontainers.image.version']).toBe('2.4.0');
    expect(report.labels['org.opencontainers.image.revision']).toBe(sha);
    expect(report.labels['org.opencontainers.image.source']).toBe('https://github.com/acme/shop');
    expect(report.gates).toEqual([expect.objectContaining({ name: 'policy', passed: true, required: 0, actual: 0 })]);
    expect(report.builds[0]).toMatchObject({ name: 'web', status: 'not-built', file: 'node-service/Dockerfile' });
    expect(report.push.status).toBe('not-requested');
  });

  it('--lint-only reports each policy finding at its line and exits 1 on an error', async () => {
    const dir = tempDir('docker-lint');
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      ['FROM node:latest', 'ENV API_TOKEN=abc', 'COPY . .', 'CMD ["node", "server.js"]', ''].join('\n'),
    );
    const { code, out } = await cli(['--root', dir, '--lint-only']);
    expect(code).toBe(1);
    const text = out();
    expect(text).toContain('✘ Dockerfile:1 pinned-base: FROM node:latest uses latest');
    expect(text).toContain('✘ Dockerfile:2 no-secrets: ENV API_TOKEN looks like a secret');
    expect(text).toMatch(/! Dockerfile:3 dockerignore: /);
    expect(text).toMatch(/✘ docker: fail — lint only · policy: \d error\(s\), \d warning\(s\)/);
    // No git repository is needed to lint.
    expect(text).not.toMatch(/git repository/);
  });

  it('a usage error names the flag and exits 2', async () => {
    const { code, err } = await cli(['--root', tempDir('docker-usage'), '--builder', 'kaniko', '--dry-run']);
    expect(code).toBe(2);
    expect(err()).toContain("--builder must be one of auto, buildx, docker, podman, got 'kaniko'");
  });

  it('--help lists the flags from docker/action.yml', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--images',
      '--tags',
      '--flavor',
      '--context',
      '--file',
      '--push',
      '--dry-run',
      '--lint-only',
      '--builds',
    ])
      expect(out()).toContain(flag);
  });
});
