import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GoModule } from './resolve.js';

/** At most this many go.mod files are read (a monorepo of Go services has a handful). */
const MAX_GO_MODS = 200;

/** The `module` line of every go.mod in the repository, longest module path first. */
export async function readGoModules(root: string, files: readonly string[]): Promise<GoModule[]> {
  const mods = files.filter((f) => f === 'go.mod' || f.endsWith('/go.mod')).slice(0, MAX_GO_MODS);
  const out: GoModule[] = [];
  for (const f of mods) {
    let text: string;
    try {
      text = await readFile(path.join(root, f), 'utf8');
    } catch {
      continue;
    }
    const m = /^\s*module\s+"?([^\s"]+)"?/m.exec(text);
    if (m?.[1]) out.push({ module: m[1], dir: path.posix.dirname(f) === '.' ? '' : path.posix.dirname(f) });
  }
  return out.sort((a, b) => b.module.length - a.module.length);
}
