import { stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { walkFiles } from './walk.js';

/** A glob walk stops after this many directory entries: report globs are narrow; a runaway one is a mistake. */
const MAX_ENTRIES = 500_000;
const ALWAYS_SKIPPED = ['.git', 'node_modules'];

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

export interface Expanded {
  /** Absolute paths, in pattern order, without duplicates. */
  files: string[];
  /** Patterns that matched nothing. */
  empty: string[];
}

/**
 * Report files named by paths or globs (picomatch syntax), relative to `cwd`. Reports are usually
 * git-ignored, so this walks the file system instead of asking git.
 */
export async function expandPatterns(patterns: readonly string[], cwd: string): Promise<Expanded> {
  const files: string[] = [];
  const empty: string[] = [];
  for (const pattern of patterns) {
    const found = await expandOne(pattern.replace(/\\/g, '/'), cwd);
    if (found.length === 0) empty.push(pattern);
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return { files, empty };
}

async function expandOne(pattern: string, cwd: string): Promise<string[]> {
  const scan = picomatch.scan(pattern);
  if (!scan.isGlob) {
    const p = path.resolve(cwd, pattern);
    return (await isFile(p)) ? [p] : [];
  }
  const baseDir = path.resolve(cwd, scan.base === '' ? '.' : scan.base);
  const matcher = picomatch(scan.glob, { dot: true });
  const skip = ALWAYS_SKIPPED.filter((d) => !pattern.includes(d));
  const out: string[] = [];
  await walkFiles(baseDir, {
    skipDirs: new Set(skip),
    maxEntries: MAX_ENTRIES,
    onFile: (rel) => {
      if (matcher(rel)) out.push(path.join(baseDir, rel));
    },
  });
  return out.sort();
}
