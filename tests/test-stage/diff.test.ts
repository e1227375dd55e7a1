import { describe, expect, it } from 'vitest';
import type { GitHubContext } from '../../src/core/github/context.js';
import { createOctokit } from '../../src/core/github/octokit.js';
import { silentLogger } from '../../src/core/logger.js';
import { changedLinesFromApi } from '../../src/stages/test-stage/diff/pr-files.js';
import { HitTable } from '../../src/stages/test-stage/hit-table.js';
import { LineHits } from '../../src/stages/test-stage/line-hits.js';
import { startGitHubServer } from '../support/github-server/index.js';
import { diffCoverage, formatRanges, toRanges } from '../../src/stages/test-stage/diff/diff-coverage.js';
import { changedLinesFromGit } from '../../src/stages/test-stage/diff/git-diff.js';
import { addedLines, parseGitDiff, unquoteGitPath } from '../../src/stages/test-stage/diff/hunks.js';
import type { CoverageSet } from '../../src/stages/test-stage/model.js';
import { git, repoWithPr, tempDir, write } from './support/git-repo.js';

const lines = (n: number, tag = 'line'): string =>
  Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`).join('\n') + '\n';

describe('hunk parsing', () => {
  it('reads added lines of an API patch with context lines', () => {
    const patch = ['@@ -1,3 +1,4 @@', ' a', '-b', '+B', '+C', ' d', '@@ -10,2 +11,2 @@ fn', ' x', '+++y', '-z'].join(
      '\n',
    );
    // `+++y` is content (the hunk still expects a new-side line), not a file header.
    expect([...addedLines(patch)]).toEqual([2, 3, 12]);
  });

  it('unquotes the paths git quotes', () => {
    expect(unquoteGitPath('"b/dir/tab\\there.ts"')).toBe('b/dir/tab\there.ts');
    expect(unquoteGitPath('"b/caf\\303\\251.ts"')).toBe('b/café.ts');
    expect(unquoteGitPath('b/plain.ts')).toBe('b/plain.ts');
  });

  it('parses real git diff output: edits, new files, renames, deletions, odd names', () => {
    const { dir } = repoWithPr(
      { 'src/a.ts': lines(20), 'src/old.ts': lines(5), 'src/gone.ts': lines(3) },
      {
        'src/a.ts': lines(20).replace('line 5\n', 'CHANGED 5\nADDED\n'),
        'src/new file.ts': lines(3, 'new'),
        'src/tab\there.ts': 'x\n',
      },
    );
    git(dir, 'mv', 'src/old.ts', 'src/renamed.ts');
    write(dir, { 'src/renamed.ts': lines(5) + 'extra\n' });
    git(dir, 'rm', '-q', 'src/gone.ts');
    const text = git(dir, '-c', 'core.quotePath=false', 'diff', '--unified=0', '--find-renames', 'main', '--');
    const changed = parseGitDiff(text);
    expect([...(changed.get('src/a.ts') ?? [])]).toEqual([5, 6]);
    expect([...(changed.get('src/new file.ts') ?? [])]).toEqual([1, 2, 3]);
    expect([...(changed.get('src/tab\there.ts') ?? [])]).toEqual([1]);
    expect([...(changed.get('src/renamed.ts') ?? [])]).toEqual([6]);
    expect(changed.has('src/gone.ts')).toBe(false);
  });
});

describe('changedLinesFromGit', () => {
  it('finds the merge base in a shallow clone by fetching the base and deepening', async () => {
    // main moves on by 60 commits after the feature branched off: a depth-1 clone has no merge base,
    // and fetching main at depth 1 does not bring it either; only deepening does.
    const origin = repoWithPr({ 'src/a.ts': lines(10) }, { 'src/a.ts': lines(10).replace('line 3\n', 'three\n') });
    git(origin.dir, 'checkout', '-q', 'main');
    for (let i = 0; i < 60; i++) {
      write(origin.dir, { [`later/${i}.md`]: `${i}\n` });
      git(origin.dir, 'add', '-A');
      git(origin.dir, 'commit', '-qm', `later ${i}`);
    }
    const clone = tempDir('shallow');
    git(clone, 'clone', '-q', '--depth=1', '--branch=feature', `file://${origin.dir}`, '.');
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const result = await changedLinesFromGit({ root: clone, base: 'main', logger: silentLogger });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mergeBase).toBe(origin.baseSha);
    expect([...result.lines.keys()]).toEqual(['src/a.ts']);
    expect([...(result.lines.get('src/a.ts') ?? [])]).toEqual([3]);
  });

  it('handles the checkout of a pull_request event: the PR merge commit, fetched at depth 1', async () => {
    const origin = repoWithPr({ 'src/a.ts': lines(10) }, { 'src/a.ts': lines(10).replace('line 8\n', 'eight\n') });
    git(origin.dir, 'checkout', '-q', 'main');
    write(origin.dir, { 'src/b.ts': lines(3) });
    git(origin.dir, 'add', '-A');
    git(origin.dir, 'commit', '-qm', 'main moves on');
    git(origin.dir, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
    git(origin.dir, 'update-ref', 'refs/pull/7/merge', 'HEAD');
    git(origin.dir, 'reset', '-q', '--hard', 'HEAD^1');
    // What actions/checkout does for pull_request: init, fetch the merge ref at depth 1, check it out.
    const ws = tempDir('checkout');
    git(ws, 'init', '-q');
    git(ws, 'remote', 'add', 'origin', `file://${origin.dir}`);
    git(ws, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/7/merge:refs/remotes/pull/7/merge');
    git(ws, 'checkout', '-q', '--detach', 'refs/remotes/pull/7/merge');
    const result = await changedLinesFromGit({ root: ws, base: 'main', logger: silentLogger });
    expect(result.ok && Object.fromEntries([...result.lines].map(([f, l]) => [f, [...l]]))).toEqual({
      'src/a.ts': [8],
    });
  });

  it('counts uncommitted edits (the CLI on a laptop)', async () => {
    const { dir } = repoWithPr({ 'a.py': lines(4) }, { 'a.py': lines(4) + 'x = 1\n' });
    write(dir, { 'a.py': lines(4) + 'x = 1\ny = 2\n' });
    const result = await changedLinesFromGit({ root: dir, base: 'main', logger: silentLogger });
    expect(result.ok && [...(result.lines.get('a.py') ?? [])]).toEqual([5, 6]);
  });

  it('says why when the base does not exist', async () => {
    const { dir } = repoWithPr({ 'a.py': 'a\n' }, { 'a.py': 'b\n' });
    const result = await changedLinesFromGit({ root: dir, base: 'nope', logger: silentLogger });
    expect(result).toEqual({ ok: false, reason: "base 'nope' is not a branch or commit of this checkout" });
  });
});

describe('diffCoverage', () => {
  const set: CoverageSet = {
    files: new Map([
      [
        'src/a.ts',
        {
          path: 'src/a.ts',
          // Line 12 is blank (not executable): it does not split 11-13.
          lines: LineHits.from([
            [10, 1],
            [11, 0],
            [13, 0],
            [14, 0],
            [15, 2],
            [16, 0],
          ]),
          branches: new HitTable(),
          branchesCounted: false,
          functions: new HitTable(),
          statements: new HitTable(),
        },
      ],
    ]),
    measured: { lines: true, branches: false, functions: false, statements: false },
    summaryOnly: new Map(),
    sources: [],
  };

  it('counts executable changed lines and groups the uncovered ones into ranges', () => {
    const d = diffCoverage(
      set,
      new Map([
        ['src/a.ts', new Set([10, 11, 12, 13, 14, 15, 16, 40])],
        ['README.md', new Set([1])],
      ]),
    );
    expect(d).toEqual({
      covered: 2,
      total: 6,
      pct: 33.33,
      files: [
        {
          path: 'src/a.ts',
          covered: 2,
          total: 6,
          pct: 33.33,
          uncovered: [
            { start: 11, end: 14 },
            { start: 16, end: 16 },
          ],
        },
      ],
    });
    expect(formatRanges(d.files[0].uncovered)).toBe('11-14, 16');
  });

  it('is 100 % with nothing executable changed', () => {
    expect(diffCoverage(set, new Map([['docs/x.md', new Set([1])]]))).toEqual({
      covered: 0,
      total: 0,
      pct: 100,
      files: [],
    });
  });

  it('splits ranges at covered executable lines', () => {
    expect(
      toRanges(
        [1, 3],
        new Map([
          [1, 0],
          [2, 5],
          [3, 0],
        ]),
      ),
    ).toEqual([
      { start: 1, end: 1 },
      { start: 3, end: 3 },
    ]);
  });
});

describe('changedLinesFromApi (the fallback)', () => {
  it('reads every page of a 250-file pull request and flags files without a patch', async () => {
    const server = await startGitHubServer();
    try {
      server.state.addRepo('octo', 'big');
      const files = Array.from({ length: 250 }, (_, i) => ({
        filename: `src/f${i}.ts`,
        additions: 1,
        patch: `@@ -0,0 +1,2 @@\n+a\n+b`,
      }));
      server.state.addPull('octo', 'big', {
        number: 3,
        files: [
          ...files,
          { filename: 'assets/huge.json', additions: 90000 },
          { filename: 'old.ts', status: 'removed', deletions: 3 },
        ],
      });
      const octokit = createOctokit({ token: 'test-token', baseUrl: server.url, logger: silentLogger });
      const github: GitHubContext = {
        octokit,
        owner: 'octo',
        repo: 'big',
        serverUrl: 'https://github.com',
        eventName: 'pull_request',
        event: {},
      };
      const result = await changedLinesFromApi(github, 3);
      expect(result.lines.size).toBe(250);
      expect([...(result.lines.get('src/f249.ts') ?? [])]).toEqual([1, 2]);
      expect(result.withoutPatch).toEqual(['assets/huge.json']);
      expect(result.truncated).toBe(false);
      expect(server.requests.filter((r) => r.path.includes('/pulls/3/files')).length).toBe(3);
      server.assertNoSchemaViolations();
    } finally {
      await server.close();
    }
  });
});
