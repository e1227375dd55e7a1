import type { GitHubContext } from '../../../core/github/context.js';
import { addedLines, type ChangedLines } from './hunks.js';

/** The PR files API lists at most this many files; a bigger PR cannot be measured through it. */
export const PR_FILES_API_LIMIT = 3000;

export interface PrFilesResult {
  lines: ChangedLines;
  /** Changed files the API gave no patch for (binary, or too large): their lines are unknown. */
  withoutPatch: string[];
  /** The PR has more files than the API lists. */
  truncated: boolean;
}

/** Changed lines from `GET /repos/{owner}/{repo}/pulls/{n}/files`, every page. */
export async function changedLinesFromApi(github: GitHubContext, pullNumber: number): Promise<PrFilesResult> {
  const files = await github.octokit.paginate(github.octokit.rest.pulls.listFiles, {
    owner: github.owner,
    repo: github.repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const lines: ChangedLines = new Map();
  const withoutPatch: string[] = [];
  for (const f of files) {
    if (f.status === 'removed') continue;
    if (f.patch === undefined || f.patch === '') {
      if (f.changes > 0) withoutPatch.push(f.filename);
      continue;
    }
    const added = addedLines(f.patch);
    if (added.size > 0) lines.set(f.filename, added);
  }
  return { lines, withoutPatch, truncated: files.length >= PR_FILES_API_LIMIT };
}
