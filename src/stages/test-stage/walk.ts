import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface WalkOptions {
  /** Directory names never entered (by name, at any depth). */
  skipDirs: ReadonlySet<string>;
  /** The walk stops after this many directory entries: a runaway walk is a mistake, not a report. */
  maxEntries: number;
  /** Called per regular file with its path relative to the root (forward slashes); return false to stop. */
  onFile(rel: string): boolean | void;
}

/**
 * The stage's one directory walker (report globs, the file list of a directory outside git): depth
 * first, bounded in entries, unreadable directories skipped. Symlinked directories are not followed,
 * so a link cycle cannot make it loop.
 */
export async function walkFiles(root: string, options: WalkOptions): Promise<void> {
  const pending = [''];
  let seen = 0;
  while (pending.length > 0 && seen < options.maxEntries) {
    const rel = pending.pop() ?? '';
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      seen++;
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!options.skipDirs.has(e.name)) pending.push(child);
      } else if (e.isFile() && options.onFile(child) === false) {
        return;
      }
    }
  }
}
