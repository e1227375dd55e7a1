import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { gitToplevel } from '../test-stage/paths/repo-files.js';

/**
 * Where the repository starts, which is where GitHub resolves an annotation's path from: git's top level
 * (a checkout into a `path:` is its own root), else GITHUB_WORKSPACE when it holds `cwd`, else `cwd`.
 */
export async function repositoryRoot(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const top = await gitToplevel(cwd);
  if (top) return top;
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
