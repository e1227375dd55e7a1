// The git context in a terminal comes from a real repository (made here with the git CLI in a temp dir);
// in an action from GITHUB_* and the event payload.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import {
  highestVersionTag,
  localGitContext,
  readGitContext,
  repositoryFromRemote,
  workflowGitContext,
} from '../../../src/stages/docker/git-context.js';
import { git, tempDir, write } from '../../test-stage/support/git-repo.js';
import { webhookExample } from '../../support/webhook-events.js';
import { bareTags, meta } from './support/meta-context.js';

function repo(branch = 'main'): string {
  const dir = tempDir('docker-git');
  git(dir, 'init', '-q', '-b', branch);
  write(dir, { Dockerfile: 'FROM scratch\n' });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'first');
  return dir;
}

const SEMVER =
  'type=ref,event=branch\ntype=ref,event=pr\ntype=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}';

describe('local repository (a terminal)', () => {
  it('a branch: its name, the sha and commit date of HEAD, treated as a push', async () => {
    const dir = repo('main');
    const ctx = await localGitContext(dir);
    expect(ctx).toMatchObject({
      source: 'git',
      eventName: 'push',
      ref: 'refs/heads/main',
      sha: git(dir, 'rev-parse', 'HEAD'),
    });
    expect(ctx.commitDate?.toISOString()).toBe(new Date(git(dir, 'show', '-s', '--format=%cI', 'HEAD')).toISOString());
    expect(meta({ images: 'name/app' }, ctx).tags).toEqual(['name/app:main']);
  });

  it('a branch with a slash is sanitised as metadata-action does', async () => {
    const dir = repo('main');
    git(dir, 'checkout', '-qb', 'releases/v1');
    expect(bareTags(meta({ images: 'a' }, await localGitContext(dir)))).toEqual(['releases-v1']);
  });

  it('a version tag on HEAD is a tag push: default rules and semver rules', async () => {
    const dir = repo('main');
    git(dir, 'tag', 'v1.2.3');
    const ctx = await localGitContext(dir);
    expect(ctx.ref).toBe('refs/tags/v1.2.3');
    expect(bareTags(meta({ images: 'a' }, ctx))).toEqual(['v1.2.3', 'latest']);
    expect(bareTags(meta({ images: 'a', tags: SEMVER }, ctx))).toEqual(['1.2.3', '1.2', 'latest']);
  });

  it('a pre-release tag gets only its version', async () => {
    const dir = repo('main');
    git(dir, 'tag', 'v2.0.8-beta.67');
    expect(bareTags(meta({ images: 'a', tags: SEMVER }, await localGitContext(dir)))).toEqual(['2.0.8-beta.67']);
  });

  it('of several tags on HEAD the highest version wins; other tags are not versions', async () => {
    const dir = repo('main');
    for (const t of ['v1.2.3', 'v1.10.0', 'deployed', 'v1.10.0-rc.1']) git(dir, 'tag', t);
    expect((await localGitContext(dir)).ref).toBe('refs/tags/v1.10.0');
    expect(highestVersionTag(['1.0', '1.0.post1', 'x'])).toBe('1.0.post1');
    expect(highestVersionTag(['x', 'latest'])).toBeUndefined();
  });

  it('a tag that is not a version leaves the branch; a tag on an older commit does not count', async () => {
    const dir = repo('main');
    git(dir, 'tag', 'v0.9.0');
    write(dir, { 'b.txt': 'b\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'second');
    git(dir, 'tag', 'deployed');
    expect((await localGitContext(dir)).ref).toBe('refs/heads/main');
  });

  it('a detached HEAD at a version tag (as actions/checkout leaves it) is that tag; without one, no ref', async () => {
    const dir = repo('main');
    const first = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'tag', 'v3.0.0');
    git(dir, 'checkout', '-q', '--detach', first);
    expect((await localGitContext(dir)).ref).toBe('refs/tags/v3.0.0');
    git(dir, 'tag', '-d', 'v3.0.0');
    const ctx = await localGitContext(dir);
    expect(ctx.ref).toBe('');
    const m = meta({ images: 'a' }, ctx);
    expect(m.tags).toEqual([]);
    expect(m.warnings).toEqual([expect.stringMatching(/no tag rule applies .* ref '\(none\)'/)]);
    // type=sha still tags it.
    expect(bareTags(meta({ images: 'a', tags: 'type=sha' }, ctx))).toEqual([`sha-${first.slice(0, 7)}`]);
  });

  it('origin gives the name and web address, without credentials; origin/HEAD the default branch', async () => {
    const dir = repo('main');
    git(dir, 'remote', 'add', 'origin', 'https://ci-bot:ghp_s3cr3tT0ken@github.com/acme/shop-api.git');
    git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
    const ctx = await localGitContext(dir);
    expect(ctx.repository).toEqual({
      name: 'shop-api',
      description: '',
      htmlUrl: 'https://github.com/acme/shop-api',
      license: '',
      defaultBranch: 'main',
    });
    const m = meta({ images: 'a', tags: 'type=edge\ntype=raw,value=latest,enable={{is_default_branch}}' }, ctx);
    expect(bareTags(m)).toEqual(['edge', 'latest']);
    expect(JSON.stringify(m)).not.toContain('s3cr3t');
  });

  it.each([
    ['git@github.com:acme/app.git', 'app', 'https://github.com/acme/app'],
    ['ssh://git@gitlab.example.com:2222/group/app.git', 'app', 'https://gitlab.example.com/group/app'],
    ['https://github.com/acme/app', 'app', 'https://github.com/acme/app'],
    ['/srv/git/app.git', 'app', ''],
    ['', 'fallback', ''],
  ])('remote %s', (remote, name, htmlUrl) => {
    expect(repositoryFromRemote(remote, 'fallback')).toMatchObject({ name, htmlUrl });
  });

  it('a directory that is not a repository is a UserError naming it', async () => {
    const dir = tempDir('not-git');
    await expect(localGitContext(dir)).rejects.toThrow(UserError);
    await expect(localGitContext(dir)).rejects.toThrow(dir);
  });
});

describe('workflow (an action)', () => {
  function eventFile(payload: object): string {
    const file = path.join(tempDir('event'), 'event.json');
    writeFileSync(file, JSON.stringify(payload));
    return file;
  }

  it('readGitContext takes GITHUB_* in an action even inside a repository, the repository otherwise', async () => {
    const dir = repo('main');
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventFile(webhookExample('push')),
      GITHUB_REF: 'refs/heads/release',
      GITHUB_SHA: 'a'.repeat(40),
    };
    expect((await readGitContext(env, dir)).ref).toBe('refs/heads/release');
    expect((await readGitContext({ ...process.env, GITHUB_ACTIONS: '' }, dir)).ref).toBe('refs/heads/main');
  });

  it('commit date from the push payload; else from git when the checkout has the commit', async () => {
    const push = webhookExample('push');
    const sha = (push.head_commit as { id: string }).id;
    const fromPayload = await workflowGitContext({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventFile(push),
      GITHUB_REF: 'refs/heads/master',
      GITHUB_SHA: sha,
    });
    expect(fromPayload.commitDate?.toISOString()).toBe(
      new Date((push.head_commit as { timestamp: string }).timestamp).toISOString(),
    );

    const dir = repo('main');
    const head = git(dir, 'rev-parse', 'HEAD');
    const fromGit = await workflowGitContext(
      {
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: eventFile(webhookExample('workflow_dispatch')),
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: head,
      },
      dir,
    );
    expect(fromGit.commitDate?.toISOString()).toBe(
      new Date(git(dir, 'show', '-s', '--format=%cI', head)).toISOString(),
    );
  });

  it('DOCKER_METADATA_PR_HEAD_SHA=true takes the PR head sha (metadata-action "environment variables")', async () => {
    const payload = webhookExample('pull_request', 'opened');
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile(payload),
      GITHUB_REF: 'refs/pull/2/merge',
      GITHUB_SHA: 'f'.repeat(40),
    };
    expect((await workflowGitContext(env)).sha).toBe('f'.repeat(40));
    const head = await workflowGitContext({ ...env, DOCKER_METADATA_PR_HEAD_SHA: 'true' });
    expect(head.sha).toBe('ec26c3e57ca3a959ca5aad62de7213c562f8c821');
    expect(bareTags(meta({ images: 'a', tags: 'type=ref,event=pr\ntype=sha' }, head))).toEqual(['pr-2', 'sha-ec26c3e']);
  });

  it('without a repository in the payload, the name and address come from GITHUB_REPOSITORY', async () => {
    const ctx = await workflowGitContext({
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: eventFile({ schedule: '0 0 * * *' }),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_REPOSITORY: 'acme/shop-api',
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
    });
    expect(ctx.repository).toMatchObject({ name: 'shop-api', htmlUrl: 'https://ghe.example.com/acme/shop-api' });
  });
});
