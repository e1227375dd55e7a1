import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';
import { UserError } from '../../core/errors.js';
import { readEventPayload } from '../../core/github/context-from-env.js';

const run = promisify(execFile);

/** What the OCI labels say about the repository (metadata-action takes these from the repository API). */
export interface RepositoryInfo {
  name: string;
  description: string;
  /** Web address, for `org.opencontainers.image.url` and `.source`. Never holds credentials. */
  htmlUrl: string;
  /** SPDX id, e.g. `MIT`; empty when unknown. */
  license: string;
  /** `type=edge` and `{{is_default_branch}}` compare against it; empty when unknown. */
  defaultBranch: string;
}

/** The git facts the tags and labels come from, the same shape in an action and in a terminal. */
export interface GitContext {
  /** `workflow`: GITHUB_* and the event payload; `git`: the local repository. */
  source: 'workflow' | 'git';
  eventName: string;
  /** `refs/heads/…`, `refs/tags/…`, `refs/pull/N/merge`, or empty (a detached HEAD with no version tag). */
  ref: string;
  sha: string;
  /** The commit's date, for `{{commit_date}}`; undefined when no source has it (then "now" is used). */
  commitDate?: Date;
  payload: Record<string, unknown>;
  repository: RepositoryInfo;
}

/** In an action (GITHUB_ACTIONS=true) the workflow's context, in a terminal the local repository's. */
export async function readGitContext(env: NodeJS.ProcessEnv, cwd: string): Promise<GitContext> {
  return env.GITHUB_ACTIONS === 'true' ? workflowGitContext(env, cwd) : localGitContext(cwd, env);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/**
 * From GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA and the event payload, with metadata-action's two
 * adjustments: `pull_request_target` runs on the base branch, so its ref becomes the PR's merge ref; and
 * DOCKER_METADATA_PR_HEAD_SHA=true takes the PR head's sha instead of the merge commit's.
 */
export async function workflowGitContext(env: NodeJS.ProcessEnv, cwd?: string): Promise<GitContext> {
  const payload = readEventPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let ref = env.GITHUB_REF ?? '';
  let sha = env.GITHUB_SHA ?? '';
  if (eventName === 'pull_request_target' && typeof payload.number === 'number') {
    ref = `refs/pull/${payload.number}/merge`;
  }
  const headSha = str(obj(obj(payload.pull_request).head).sha);
  if (/true/i.test(env.DOCKER_METADATA_PR_HEAD_SHA ?? '') && eventName.startsWith('pull_request') && headSha) {
    sha = headSha;
  }
  const commitDate = commitDateFromPayload(payload, sha) ?? (cwd ? await gitCommitDate(cwd, sha, env) : undefined);
  return {
    source: 'workflow',
    eventName,
    ref,
    sha,
    commitDate,
    payload,
    repository: repositoryFromPayload(payload, env),
  };
}

/** A push payload lists its commits with timestamps; a tag push has `head_commit`. */
function commitDateFromPayload(payload: Record<string, unknown>, sha: string): Date | undefined {
  const commits = Array.isArray(payload.commits) ? (payload.commits as unknown[]).map(obj) : [];
  const candidates = [...commits, obj(payload.head_commit)];
  const hit = candidates.find((c) => str(c.id) === sha && str(c.timestamp) !== '');
  if (!hit) return undefined;
  const date = new Date(str(hit.timestamp));
  return isNaN(date.getTime()) ? undefined : date;
}

function repositoryFromPayload(payload: Record<string, unknown>, env: NodeJS.ProcessEnv): RepositoryInfo {
  const repo = obj(payload.repository);
  const full = env.GITHUB_REPOSITORY ?? '';
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return {
    name: str(repo.name) || full.split('/')[1] || '',
    description: str(repo.description),
    htmlUrl: str(repo.html_url) || (full.includes('/') ? `${server}/${full}` : ''),
    license: str(obj(repo.license).spdx_id),
    defaultBranch: str(repo.default_branch),
  };
}

/**
 * From the repository in `cwd` with the git CLI: the branch HEAD is on, or — when a version tag (semver or
 * PEP 440) points at HEAD — that tag, treated as a tag push; the sha and commit date of HEAD; the name and
 * web address from `origin`, and the default branch from `origin/HEAD` when the clone recorded it.
 */
export async function localGitContext(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<GitContext> {
  const sha = await git(cwd, env, ['rev-parse', '--verify', 'HEAD']).catch((error: unknown) => {
    throw new UserError(
      `cannot read the git repository in ${cwd} (the tags come from its branch, tag and commit): ${firstLine(error)}`,
      { file: cwd },
    );
  });
  const [tags, branch, date, remote, originHead, top] = await Promise.all([
    git(cwd, env, ['tag', '--points-at', 'HEAD']).catch(() => ''),
    git(cwd, env, ['symbolic-ref', '-q', 'HEAD']).catch(() => ''),
    git(cwd, env, ['show', '-s', '--format=%cI', 'HEAD']).catch(() => ''),
    git(cwd, env, ['remote', 'get-url', 'origin']).catch(() => ''),
    git(cwd, env, ['symbolic-ref', '-q', 'refs/remotes/origin/HEAD']).catch(() => ''),
    git(cwd, env, ['rev-parse', '--show-toplevel']).catch(() => cwd),
  ]);
  const versionTag = highestVersionTag(tags.split('\n'));
  const ref = versionTag ? `refs/tags/${versionTag}` : branch;
  const parsedDate = date ? new Date(date) : undefined;
  return {
    source: 'git',
    eventName: 'push',
    ref,
    sha,
    commitDate: parsedDate && !isNaN(parsedDate.getTime()) ? parsedDate : undefined,
    payload: {},
    repository: {
      ...repositoryFromRemote(remote, path.basename(top)),
      defaultBranch: originHead.replace(/^refs\/remotes\/origin\//, ''),
    },
  };
}

/** The tag to build from when several point at HEAD: the highest semver, else the highest PEP 440 version. */
export function highestVersionTag(tags: readonly string[]): string | undefined {
  const names = tags.map((t) => t.trim()).filter((t) => t !== '');
  const sem = names.filter((t) => semver.valid(t) !== null).sort((a, b) => semver.rcompare(a, b));
  if (sem[0] !== undefined) return sem[0];
  const pep = names.filter((t) => pep440.valid(t) !== null).sort((a, b) => pep440.rcompare(a, b));
  return pep[0];
}

/**
 * `git@host:owner/repo.git` and `https://[user:token@]host/owner/repo(.git)` become
 * `https://host/owner/repo`; credentials in the remote are dropped, never carried into a label.
 */
export function repositoryFromRemote(remote: string, fallbackName: string): Omit<RepositoryInfo, 'defaultBranch'> {
  const empty = { description: '', license: '' };
  const scp = /^[\w.-]+@([^:/]+):(?:\/)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remote);
  const web = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remote);
  const m = scp ?? web;
  if (m) {
    const [, host, owner, repo] = m as unknown as [string, string, string, string];
    return { name: repo, htmlUrl: `https://${host}/${owner}/${repo}`, ...empty };
  }
  const base = remote ? path.basename(remote).replace(/\.git$/, '') : '';
  return { name: base || fallbackName, htmlUrl: '', ...empty };
}

async function gitCommitDate(cwd: string, sha: string, env: NodeJS.ProcessEnv): Promise<Date | undefined> {
  if (!sha) return undefined;
  const text = await git(cwd, env, ['show', '-s', '--format=%cI', sha]).catch(() => '');
  const date = text ? new Date(text) : undefined;
  return date && !isNaN(date.getTime()) ? date : undefined;
}

async function git(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  // Bounded: a hung git (a credential prompt, a lock) must not hang the stage.
  const { stdout } = await run('git', args, {
    cwd,
    env: { ...env, GIT_TERMINAL_PROMPT: '0' },
    timeout: 30_000,
    maxBuffer: 4 << 20,
  });
  return stdout.trim();
}

function firstLine(error: unknown): string {
  const e = error as { stderr?: unknown; message?: unknown };
  const text = typeof e.stderr === 'string' && e.stderr.trim() ? e.stderr : String(e.message ?? error);
  return text.trim().split('\n')[0] ?? '';
}
