import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { walkFiles } from '../walk.js';

const run = promisify(execFile);

/** Directories never worth walking for source files (and where a walk would explode). */
const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  'vendor',
  'dist',
  'build',
  'target',
]);
/** A walk stops here: a repository this big is a git repository, and git ls-files answers instead. */
const MAX_WALKED_FILES = 200_000;

export interface RepoFiles {
  /** Repository root (git toplevel, or the working directory outside git). */
  root: string;
  /** Files relative to `root`, with forward slashes. */
  files: string[];
  /** How the list was made, for the report. */
  source: 'git' | 'walk';
}

/** Repository root via git, or undefined outside a git work tree. */
export async function gitToplevel(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
    const top = stdout.trim();
    return top === '' ? undefined : top;
  } catch {
    return undefined;
  }
}

/**
 * The repository's files: tracked and untracked-but-not-ignored from git (so generated sources
 * count), or a bounded walk when `cwd` is not in a git work tree.
 */
export async function listRepoFiles(cwd: string): Promise<RepoFiles> {
  const root = await gitToplevel(cwd);
  if (root !== undefined) {
    const { stdout } = await run(
      'git',
      ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: root,
        maxBuffer: 512 * 1024 * 1024,
      },
    );
    const files = stdout.split('\0').filter((f) => f !== '');
    return { root, files: [...new Set(files)], source: 'git' };
  }
  return { root: cwd, files: await walk(cwd), source: 'walk' };
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  await walkFiles(root, {
    skipDirs: SKIP_DIRS,
    maxEntries: MAX_WALKED_FILES * 5,
    onFile: (rel) => out.push(rel) < MAX_WALKED_FILES,
  });
  return out.sort();
}
