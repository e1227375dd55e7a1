import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `shipkit-${prefix}-`));
}

/** A repository with `main` holding `base` files, then a `feature` branch adding `change`; HEAD on feature. */
export function repoWithPr(
  base: Record<string, string>,
  change: Record<string, string>,
  commitsOnMain = 0,
): { dir: string; baseSha: string; headSha: string } {
  const dir = tempDir('repo');
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  for (let i = 0; i < commitsOnMain; i++) {
    write(dir, { [`docs/note-${i}.md`]: `note ${i}\n` });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', `note ${i}`);
  }
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-qb', 'feature');
  write(dir, change);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'change');
  return { dir, baseSha, headSha: git(dir, 'rev-parse', 'HEAD') };
}
