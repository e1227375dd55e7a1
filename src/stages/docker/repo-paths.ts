import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Where the repository starts, which is where GitHub resolves an annotation's path from: git's top level
 * (a checkout into a `path:` is its own root), else GITHUB_WORKSPACE when it holds `cwd`, else `cwd`.
 */
export async function repositoryRoot(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    // Bounded and without prompts: a hung git must not hang the stage for a path's sake.
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], {
      cwd,
      env: { ...env, GIT_TERMINAL_PROMPT: '0' },
      timeout: 30_000,
    });
    if (stdout.trim() !== '') return stdout.trim();
  } catch {
    // Not a git work tree (or no git): the workspace, as the runner sees it.
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace && !path.relative(workspace, cwd).startsWith('..')) return workspace;
  return cwd;
}

/**
 * Names a path the user wrote relative to `cwd` (the working directory) from the repository root, with
 * `/`: `Dockerfile` in `services/api` is `services/api/Dockerfile`. git reports the root with symlinks
 * resolved, so `cwd` is resolved too; a path outside the repository stays relative to `cwd`.
 */
export async function pathNamer(cwd: string, root: string): Promise<(p: string) => string> {
  const realCwd = await realpath(cwd).catch(() => cwd);
  const realRoot = await realpath(root).catch(() => root);
  return (p) => {
    const fromRoot = path.relative(realRoot, path.resolve(realCwd, p));
    const rel =
      fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? path.relative(cwd, path.resolve(cwd, p)) : fromRoot;
    return rel.split(path.sep).join('/') || '.';
  };
}
