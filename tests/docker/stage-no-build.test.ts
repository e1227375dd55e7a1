// The stage run in-process in the modes that need no builder (lint-only, dry-run): what a workflow sees
// of the target stage, of a working directory below the repository root, and of tags that were not made.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { git, tempDir, write } from '../test-stage/support/git-repo.js';
import { runDockerStage } from './support/run-stage.js';

/** build → runtime → test: only runtime ships; the test stage runs as root with no HEALTHCHECK. */
const STAGED = `FROM golang:1.22 AS build
WORKDIR /src
RUN go build -o /out/app .

FROM alpine:3.20 AS runtime
COPY --from=build /out/app /app
USER 10001
HEALTHCHECK CMD ["/app", "-health"]
ENTRYPOINT ["/app"]

FROM build AS test
RUN go test ./...
`;

/** A repository with the service in `services/api`, one commit on `main`. */
function monorepo(): string {
  const root = path.join(tempDir('docker-monorepo'), 'shop');
  write(root, { 'services/api/Dockerfile': STAGED, 'services/api/.dockerignore': '.git\n', 'README.md': 'shop\n' });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'api');
  return root;
}

const ENV = { PATH: process.env.PATH, HOME: process.env.HOME };

describe('target', () => {
  it('the policy judges the target stage: target=runtime is clean though the last stage (test) runs as root', async () => {
    const root = monorepo();
    const cwd = path.join(root, 'services/api');
    const targeted = await runDockerStage({ 'lint-only': 'true', target: 'runtime' }, { cwd, env: ENV });
    expect(targeted.report.policy.filter((f) => !f.ignored)).toEqual([]);
    expect(targeted.report.status).toBe('pass');
    const last = await runDockerStage({ 'lint-only': 'true' }, { cwd, env: ENV });
    expect(last.report.policy.map((f) => f.rule)).toEqual(['healthcheck', 'multi-stage', 'non-root-user']);
  });

  it('a target that names no stage is a UserError naming the target input', async () => {
    const cwd = path.join(monorepo(), 'services/api');
    const run = runDockerStage({ 'lint-only': 'true', target: 'prod' }, { cwd, env: ENV });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toMatchObject({
      message: expect.stringContaining("target stage 'prod' could not be found"),
      location: { input: 'target' },
    });
  });
});

describe('working-directory below the repository root', () => {
  it('report and annotation paths are repository-relative, where GitHub resolves them', async () => {
    const root = monorepo();
    const cwd = path.join(root, 'services/api');
    const { report, outcome } = await runDockerStage({ 'lint-only': 'true' }, { cwd, env: ENV });
    expect(new Set(report.policy.map((f) => f.file))).toEqual(new Set(['services/api/Dockerfile']));
    expect(report.builds.map((b) => b.file)).toEqual(['services/api/Dockerfile']);
    const annotated = outcome.annotations.filter((a) => a.title?.startsWith('Dockerfile policy'));
    expect(annotated.length).toBeGreaterThan(0);
    expect(new Set(annotated.map((a) => a.file))).toEqual(new Set(['services/api/Dockerfile']));
  });

  it('a Dockerfile named outside the working directory is named from the root too', async () => {
    const root = monorepo();
    write(root, { 'docker/api.Dockerfile': STAGED });
    const cwd = path.join(root, 'services/api');
    const { report } = await runDockerStage(
      { 'lint-only': 'true', file: '../../docker/api.Dockerfile', target: 'runtime' },
      { cwd, env: ENV },
    );
    expect(report.builds.map((b) => b.file)).toEqual(['docker/api.Dockerfile']);
  });
});

describe('no tag generated', () => {
  it("metadata-action's warning reaches the report's warnings and a warning annotation", async () => {
    const cwd = path.join(monorepo(), 'services/api');
    const { report, outcome } = await runDockerStage(
      { 'dry-run': 'true', target: 'runtime', images: 'ghcr.io/acme/api', tags: 'type=ref,event=tag' },
      { cwd, env: ENV },
    );
    expect(report.tags).toEqual([]);
    expect(report.warnings).toEqual([expect.stringContaining('No Docker tag has been generated. Check tags input.')]);
    expect(outcome.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('No Docker tag has been generated. Check tags input.'),
      }),
    );
  });

  it('with several builds, each warning names its build', async () => {
    const root = monorepo();
    write(root, { 'services/web/Dockerfile': STAGED });
    const { report, outcome } = await runDockerStage(
      {
        'dry-run': 'true',
        builds: [
          '- name: api\n  context: services/api\n  target: runtime\n  images: ghcr.io/acme/api',
          '- name: web\n  context: services/web\n  target: runtime\n  images: ghcr.io/acme/web\n  tags: type=sha',
        ].join('\n'),
        tags: 'type=ref,event=tag',
      },
      { cwd: root, env: ENV },
    );
    expect(report.warnings).toEqual([expect.stringMatching(/^api: No Docker tag has been generated/)]);
    expect(outcome.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual(report.warnings);
  });

  it('a rule that could not apply (a type=match pattern that does not match) is a warning annotation too', async () => {
    const cwd = path.join(monorepo(), 'services/api');
    const { report, outcome } = await runDockerStage(
      {
        'dry-run': 'true',
        target: 'runtime',
        images: 'ghcr.io/acme/api',
        tags: 'type=match,pattern=^v(\\d+),value=release-1\ntype=sha',
      },
      { cwd, env: ENV },
    );
    expect(report.tags).toHaveLength(1);
    expect(outcome.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('does not match release-1') }),
    );
  });
});
