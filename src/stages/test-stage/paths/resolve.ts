import { statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** One `from=to` line of the `path-map` input: a prefix rewrite applied before anything else. */
export interface PathMapEntry {
  from: string;
  to: string;
}

/** A Go module declared by a go.mod in the repository: import paths under `module` live in `dir`. */
export interface GoModule {
  module: string;
  /** Repository-relative directory of the go.mod ('' for the root). */
  dir: string;
}

export interface PathResolverOptions {
  /** Absolute repository root. */
  root: string;
  /** Absolute working directory; tools usually write paths relative to it. */
  cwd: string;
  /** Repository files, relative to `root`, forward slashes. */
  files: readonly string[];
  pathMap?: readonly PathMapEntry[];
  /** Roots the reports declare (cobertura `<source>`), absolute or relative to `cwd`. */
  sourceRoots?: readonly string[];
  goModules?: readonly GoModule[];
  /**
   * Whether a repository-relative file exists, for files the list lacks (git-ignored sources,
   * generated code). Default: a stat under `root`.
   */
  exists?: (relative: string) => boolean;
}

export type Resolution =
  | { path: string; matched: true; how: 'exact' | 'suffix' }
  /** `path` is the best guess (repository-relative when the prefix was recognised). */
  | { path: string; matched: false; reason: 'not-found' | 'ambiguous' };

/**
 * Checkout roots of hosted runners, container jobs and common images. Stripping them often lands
 * on the file directly; when it does not, the suffix match below still finds it.
 */
const RUNNER_PREFIXES: readonly RegExp[] = [
  /^\/home\/runner\/work\/[^/]+\/[^/]+\//,
  /^\/__w\/[^/]+\/[^/]+\//,
  /^[A-Za-z]:\/a\/[^/]+\/[^/]+\//,
  /^\/Users\/runner\/work\/[^/]+\/[^/]+\//,
  /^\/github\/workspace\//,
  /^\/builds\/[^/]+\/[^/]+\//,
  /^\/usr\/src\/app\//,
  /^\/app\//,
  /^\/workspace\//,
  /^\/src\//,
];

/** Forward slashes, no `file://`, no `.` segments, no duplicate slashes. */
export function normalizeSeparators(raw: string): string {
  let p = raw.trim().replace(/^file:\/\//, '');
  p = p.replace(/\\/g, '/');
  // `/C:/x` (a file URL of a Windows path) is `C:/x`.
  if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
  const drive = /^[A-Za-z]:\//.exec(p)?.[0] ?? '';
  const rest = path.posix.normalize(p.slice(drive.length));
  return drive + (rest === '.' ? '' : rest.replace(/^\.\//, ''));
}

/** The entry at `p`, or undefined when there is none (or it cannot be read). */
function statOf(p: string): Stats | undefined {
  // Most paths looked up here do not exist: asked not to throw, stat skips building an error (with
  // its stack) for each of them, which on a report of 20 000 files outside the checkout was most of the lookup.
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function isFile(p: string): boolean {
  return statOf(p)?.isFile() ?? false;
}

function exists(p: string): boolean {
  return statOf(p) !== undefined;
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

function underPrefix(p: string, prefix: string): string | undefined {
  const pre = prefix.replace(/\/+$/, '');
  if (pre === '') return p;
  if (p === pre) return '';
  return p.startsWith(`${pre}/`) ? p.slice(pre.length + 1) : undefined;
}

/** Parses `from=to` lines (blank lines and `#` comments ignored). Returns the entries or the bad line's index. */
export function parsePathMap(lines: readonly string[]): { entries: PathMapEntry[]; bad?: number } {
  const entries: PathMapEntry[] = [];
  for (const [i, line] of lines.entries()) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) return { entries, bad: i };
    entries.push({ from: normalizeSeparators(t.slice(0, eq)), to: normalizeSeparators(t.slice(eq + 1)) });
  }
  return { entries };
}

/**
 * Turns the paths coverage and test reports name into repository-relative paths of files that
 * exist, trying in order: the explicit path-map, the repository and working directory, the
 * reports' source roots, runner checkout prefixes, Go module paths, and finally the longest
 * suffix shared with a repository file.
 */
export class PathResolver {
  private readonly fileSet: Set<string>;
  private readonly byBasename = new Map<string, string[]>();
  private readonly root: string;
  private readonly cwdRel: string;
  private readonly cache = new Map<string, Resolution>();
  private readonly missingDirs = new Set<string>();

  constructor(private readonly options: PathResolverOptions) {
    this.root = normalizeSeparators(options.root);
    this.cwdRel = underPrefix(normalizeSeparators(options.cwd), this.root) ?? '';
    this.fileSet = new Set(options.files);
    for (const f of options.files) {
      const base = f.slice(f.lastIndexOf('/') + 1);
      const list = this.byBasename.get(base);
      if (list) list.push(f);
      else this.byBasename.set(base, [f]);
    }
  }

  resolve(raw: string): Resolution {
    const hit = this.cache.get(raw);
    if (hit) return hit;
    const result = this.resolveUncached(raw);
    this.cache.set(raw, result);
    return result;
  }

  private resolveUncached(raw: string): Resolution {
    const mapped = this.applyPathMap(normalizeSeparators(raw));
    const candidates = this.candidates(mapped);
    for (const c of candidates) {
      if (this.fileSet.has(c)) return { path: c, matched: true, how: 'exact' };
    }
    const exists = this.options.exists ?? ((rel: string) => this.isFileInRoot(rel));
    for (const c of candidates) {
      if (exists(c)) return { path: c, matched: true, how: 'exact' };
    }
    const suffix = this.suffixMatch(mapped);
    if (suffix.match !== undefined) return { path: suffix.match, matched: true, how: 'suffix' };
    return { path: candidates[0] ?? mapped, matched: false, reason: suffix.ambiguous ? 'ambiguous' : 'not-found' };
  }

  /**
   * Whether `rel` is a file under the root. A report from another machine names thousands of files
   * in directories this checkout does not have: once a directory is found missing, the files named
   * under it are not looked up one by one.
   */
  private isFileInRoot(rel: string): boolean {
    const dir = path.posix.dirname(rel);
    if (this.missingDirs.has(dir)) return false;
    if (isFile(path.join(this.options.root, rel))) return true;
    if (dir !== '.' && !exists(path.join(this.options.root, dir))) this.missingDirs.add(dir);
    return false;
  }

  private applyPathMap(p: string): string {
    let best: { entry: PathMapEntry; rest: string } | undefined;
    for (const entry of this.options.pathMap ?? []) {
      const rest = underPrefix(p, entry.from);
      if (rest !== undefined && (!best || entry.from.length > best.entry.from.length)) best = { entry, rest };
    }
    if (!best) return p;
    const to = best.entry.to.replace(/\/+$/, '');
    return to === '' ? best.rest : best.rest === '' ? to : `${to}/${best.rest}`;
  }

  /** Repository-relative candidates for `p`, most likely first. */
  private candidates(p: string): string[] {
    const out: string[] = [];
    const add = (c: string | undefined): void => {
      if (c !== undefined && c !== '' && !c.startsWith('../') && !out.includes(c)) out.push(c);
    };
    const join = (dir: string, rel: string): string => path.posix.normalize(dir === '' ? rel : `${dir}/${rel}`);
    const fromAbsolute = (abs: string): void => {
      add(underPrefix(abs, this.root));
      for (const re of RUNNER_PREFIXES) {
        const m = re.exec(abs);
        if (m) {
          const rest = abs.slice(m[0].length);
          add(rest);
          add(join(this.cwdRel, rest));
        }
      }
    };
    if (isAbsolutePath(p)) {
      fromAbsolute(p);
    } else {
      add(join(this.cwdRel, p));
      add(p);
      for (const rawRoot of this.options.sourceRoots ?? []) {
        const sr = normalizeSeparators(rawRoot);
        if (isAbsolutePath(sr)) fromAbsolute(`${sr.replace(/\/+$/, '')}/${p}`);
        else add(join(this.cwdRel, join(sr, p)));
      }
      for (const mod of this.options.goModules ?? []) {
        const rest = underPrefix(p, mod.module);
        if (rest !== undefined && rest !== '') add(join(mod.dir, rest));
      }
    }
    return out;
  }

  /**
   * The repository file sharing the most trailing path segments with `p` (at least the file name).
   * A relative `p` must match whole (it names the file from some other root); only an absolute one
   * may differ in its leading part (a foreign checkout or container root), since otherwise
   * `src/a/util.ts` would be taken for `src/b/util.ts` and two files merged into one.
   */
  private suffixMatch(p: string): { match?: string; ambiguous: boolean } {
    const whole = !isAbsolutePath(p);
    const segments = p.split('/').filter((s) => s !== '');
    const base = segments.at(-1);
    const pool = base === undefined ? undefined : this.byBasename.get(base);
    if (!pool) return { ambiguous: false };
    let best: string[] = [];
    let bestLen = 0;
    for (const file of pool) {
      const fs = file.split('/');
      let n = 0;
      while (n < fs.length && n < segments.length && fs[fs.length - 1 - n] === segments[segments.length - 1 - n]) n++;
      if (whole && n < segments.length) continue;
      if (n > bestLen) {
        bestLen = n;
        best = [file];
      } else if (n === bestLen) {
        best.push(file);
      }
    }
    if (best.length === 1) return { match: best[0], ambiguous: false };
    // Several files share the suffix: prefer the one in the working directory, else refuse to guess.
    const local = this.cwdRel === '' ? [] : best.filter((f) => f.startsWith(`${this.cwdRel}/`));
    if (local.length === 1) return { match: local[0], ambiguous: false };
    return { ambiguous: best.length > 1 };
  }
}
