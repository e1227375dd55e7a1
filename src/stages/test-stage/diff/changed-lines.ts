import type { StageContext } from '../../../core/context.js';
import { errorMessage } from '../../../core/errors.js';
import type { DiffState } from '../gates.js';
import type { CoverageSet } from '../model.js';
import { diffCoverage } from './diff-coverage.js';
import { changedLinesFromGit } from './git-diff.js';
import { changedLinesFromApi } from './pr-files.js';

export interface DiffRequest {
  root: string;
  /** Base branch or commit; undefined outside pull requests when no `base` is given. */
  base?: string;
  baseSha?: string;
  pullNumber?: number;
}

/**
 * Diff coverage of `set`: changed lines from local git, or (when git cannot tell, e.g. the base
 * cannot be fetched) from the PR files API. Unknown changed lines make it unavailable, never 100 %.
 */
export async function measureDiff(
  set: CoverageSet | undefined,
  req: DiffRequest,
  ctx: StageContext,
): Promise<DiffState> {
  if (req.base === undefined) return { kind: 'not-applicable', reason: 'not a pull request, and no base given' };
  if (!set) return { kind: 'unavailable', reason: 'no coverage data' };
  const git = await changedLinesFromGit({
    root: req.root,
    base: req.base,
    baseSha: req.baseSha,
    logger: ctx.logger,
    signal: ctx.signal,
  });
  if (git.ok) return { kind: 'measured', coverage: diffCoverage(set, git.lines), source: 'git', notes: [] };
  ctx.logger.info(`Changed lines from git: ${git.reason}`);
  if (!ctx.github || req.pullNumber === undefined) return { kind: 'unavailable', reason: git.reason };
  ctx.logger.info(`Asking the GitHub API for the files of pull request #${req.pullNumber}`);
  try {
    const api = await changedLinesFromApi(ctx.github, req.pullNumber);
    if (api.truncated)
      return { kind: 'unavailable', reason: `${git.reason}; and the pull request has more files than the API lists` };
    const unknown = api.withoutPatch.filter((f) => set.files.has(f));
    if (unknown.length > 0)
      return { kind: 'unavailable', reason: `${git.reason}; and the API gives no patch for ${unknown.join(', ')}` };
    const notes = [`Changed lines came from the GitHub API: ${git.reason}.`];
    return { kind: 'measured', coverage: diffCoverage(set, api.lines), source: 'api', notes };
  } catch (error) {
    return { kind: 'unavailable', reason: `${git.reason}; the GitHub API failed too: ${errorMessage(error)}` };
  }
}
