import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Logger } from '../../../core/logger.js';
import { parseGitDiff, type ChangedLines } from './hunks.js';

const run = promisify(execFile);

/** Deepening rounds of a shallow checkout before giving up on local git (then the API is asked). */
const DEEPEN_STEPS = [50, 200, 1000] as const;

export interface GitDiffOptions {
  /** Repository root. */
  root: string;
  /** Base branch name (`main`) or any commit-ish. */
  base: string;
  /** The base commit the event names (pull_request.base.sha), tried when the branch is not known locally. */
  baseSha?: string;
  logger: Logger;
  signal?: AbortSignal;
}

export type GitDiffResult = { ok: true; lines: ChangedLines; mergeBase: string } | { ok: false; reason: string };

async function git(root: string, args: string[], signal?: AbortSignal): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, maxBuffer: 1024 * 1024 * 1024, signal });
  return stdout;
}

async function tryGit(root: string, args: string[], signal?: AbortSignal): Promise<string | undefined> {
  try {
    return (await git(root, args, signal)).trim();
  } catch {
    return undefined;
  }
}

async function resolveCommit(root: string, refs: string[], signal?: AbortSignal): Promise<string | undefined> {
  for (const ref of refs) {
    const sha = await tryGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], signal);
    if (sha) return sha;
  }
  return undefined;
}

function baseRefs(base: string, baseSha?: string): string[] {
  const refs = [`refs/remotes/origin/${base}`, base];
  if (baseSha) refs.push(baseSha);
  return refs;
}

/**
 * Lines changed since the merge base with `base`, from local git. A shallow CI checkout lacks the
 * base branch and the history down to the merge base: fetch the base, then deepen a few times.
 */
export async function changedLinesFromGit(options: GitDiffOptions): Promise<GitDiffResult> {
  const { root, base, baseSha, logger, signal } = options;
  const hasOrigin = (await tryGit(root, ['remote'], signal))?.split('\n').includes('origin') ?? false;
  let baseCommit = await resolveCommit(root, baseRefs(base, baseSha), signal);
  if (!baseCommit && hasOrigin) {
    logger.info(`Fetching base branch '${base}' from origin`);
    await tryGit(
      root,
      [
        'fetch',
        '--no-tags',
        '--no-recurse-submodules',
        '--depth=1',
        'origin',
        `+refs/heads/${base}:refs/remotes/origin/${base}`,
      ],
      signal,
    );
    if (baseSha)
      await tryGit(root, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', baseSha], signal);
    baseCommit = await resolveCommit(root, baseRefs(base, baseSha), signal);
  }
  if (!baseCommit)
    return {
      ok: false,
      reason: `base '${base}' is not a branch or commit of this checkout${hasOrigin ? ' or of origin' : ''}`,
    };

  let mergeBase = await tryGit(root, ['merge-base', baseCommit, 'HEAD'], signal);
  for (const depth of DEEPEN_STEPS) {
    if (mergeBase || !hasOrigin) break;
    if ((await tryGit(root, ['rev-parse', '--is-shallow-repository'], signal)) !== 'true') break;
    logger.info(`Shallow checkout: deepening by ${depth} commits to find the merge base with '${base}'`);
    await tryGit(
      root,
      [
        'fetch',
        '--no-tags',
        '--no-recurse-submodules',
        `--deepen=${depth}`,
        'origin',
        `+refs/heads/${base}:refs/remotes/origin/${base}`,
        'HEAD',
      ],
      signal,
    );
    mergeBase = await tryGit(root, ['merge-base', baseCommit, 'HEAD'], signal);
  }
  if (!mergeBase) return { ok: false, reason: `no merge base between HEAD and '${base}' in the local history` };

  // Against the working tree, not HEAD: on a laptop uncommitted edits count; in CI they are the same.
  const text = await git(
    root,
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--no-color',
      '--no-ext-diff',
      '--unified=0',
      '--find-renames',
      mergeBase,
      '--',
    ],
    signal,
  );
  return { ok: true, lines: parseGitDiff(text), mergeBase };
}
