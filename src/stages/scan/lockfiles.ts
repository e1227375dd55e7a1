import { isObject, str } from './ingest/read-json.js';
import { escapeRegExp } from '../../core/text.js';

/**
 * What the lockfiles say: the installed version of each npm node (npm audit names nodes, not
 * versions), and the line that brings a package in, for annotations. Lines are found by the
 * lockfile's own layout, one format each, from the text: no lockfile is rewritten or resolved.
 */

/** `node_modules/a/node_modules/b` → version, from package-lock.json (lockfileVersion 1, 2 or 3). */
export function npmLockVersions(doc: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(doc)) return out;
  if (isObject(doc.packages)) {
    for (const [node, entry] of Object.entries(doc.packages)) {
      const version = isObject(entry) ? str(entry.version) : undefined;
      if (node !== '' && version) out.set(node, version);
    }
    return out;
  }
  // lockfileVersion 1: nested `dependencies`.
  const walk = (deps: unknown, prefix: string, depth: number): void => {
    if (!isObject(deps) || depth > 64) return;
    for (const [name, entry] of Object.entries(deps)) {
      if (!isObject(entry)) continue;
      const node = `${prefix}node_modules/${name}`;
      const version = str(entry.version);
      if (version) out.set(node, version);
      walk(entry.dependencies, `${node}/`, depth + 1);
    }
  };
  walk(doc.dependencies, '', 0);
  return out;
}

/** The package name of an npm node path (`node_modules/@s/x/node_modules/y` → `y`). */
export function packageOfNode(node: string): string {
  const i = node.lastIndexOf('node_modules/');
  return i === -1 ? node : node.slice(i + 'node_modules/'.length);
}

/** PEP 503: names compare case-insensitively with runs of -, _ and . as one. */
const pep503 = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

function lineOf(lines: readonly string[], test: (line: string, i: number) => boolean): number | undefined {
  for (let i = 0; i < lines.length; i++) if (test(lines[i], i)) return i + 1;
  return undefined;
}

/** Within the lines of an entry (after its header, up to where the entry ends), the one that states its version. */
function versionNear(lines: readonly string[], from: number, version: string, span = 12): boolean {
  const re = new RegExp(`version"?\\s*[:=]?\\s*"?${escapeRegExp(version)}"?\\s*,?\\s*$`);
  for (let i = from; i < Math.min(lines.length, from + span); i++) {
    const line = lines[i];
    if (re.test(line.trim())) return true;
    // The entry ended: the next top-level entry (yarn.lock), or the end of the JSON object (package-lock.json).
    if (/^\S/.test(line) || /^\s*\},?\s*$/.test(line)) return false;
  }
  return false;
}

/**
 * The 1-based line in a lockfile or manifest (`text`, named `file`) that brings in `pkg` at `version`;
 * undefined when the file is not one shipkit knows or the package is not in it.
 */
export function packageLine(file: string, text: string, pkg: string, version: string | null): number | undefined {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  const lines = text.split(/\r?\n/);
  const p = escapeRegExp(pkg);
  const v = version ? escapeRegExp(version.replace(/^v(?=\d)/, '')) : '';
  switch (base) {
    case 'package-lock.json':
    case 'npm-shrinkwrap.json': {
      const key = new RegExp(`^\\s*"(?:[^"]*/)?node_modules/${p}"\\s*:\\s*\\{`);
      const withVersion = version
        ? lineOf(lines, (l, i) => key.test(l) && versionNear(lines, i + 1, version))
        : undefined;
      return (
        withVersion ??
        lineOf(lines, (l) => key.test(l)) ??
        lineOf(lines, (l) => new RegExp(`^\\s*"${p}"\\s*:\\s*\\{`).test(l))
      );
    }
    case 'package.json':
      return lineOf(lines, (l) => new RegExp(`^\\s*"${p}"\\s*:\\s*"`).test(l));
    case 'yarn.lock': {
      // `lodash@^4.17.15:` (classic) or `"lodash@npm:^4.17.15":` (berry), possibly several specs on one line.
      const header = new RegExp(`^"?(?:[^\\s"]+,\\s*"?)*${p}@`);
      const withVersion = version
        ? lineOf(lines, (l, i) => !/^\s/.test(l) && header.test(l) && versionNear(lines, i + 1, version, 6))
        : undefined;
      return withVersion ?? lineOf(lines, (l) => !/^\s/.test(l) && header.test(l));
    }
    case 'pnpm-lock.yaml': {
      // v9 `  lodash@4.17.15:`, v6 `  /lodash@4.17.15:`, v5 `  /lodash/4.17.15:`; then any entry of the package.
      const exact = version
        ? lineOf(lines, (l) => new RegExp(`^\\s+['"]?/?${p}[@/]${v}(\\(.*\\))?['"]?:\\s*$`).test(l))
        : undefined;
      return exact ?? lineOf(lines, (l) => new RegExp(`^\\s+['"]?/?${p}[@/]`).test(l));
    }
    case 'go.mod':
      return (
        lineOf(lines, (l) => new RegExp(`^\\s*(?:require\\s+)?${p}\\s+v?${v || '\\S+'}\\b`).test(l)) ??
        lineOf(lines, (l) => new RegExp(`^\\s*(?:require\\s+)?${p}\\s+`).test(l))
      );
    case 'go.sum':
      return lineOf(lines, (l) => l.startsWith(`${pkg} `));
    case 'requirements.txt':
    default: {
      if (/requirements.*\.txt$|\.in$/.test(base)) {
        const want = pep503(pkg);
        return lineOf(lines, (l) => {
          const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>!~;]|$)/.exec(l);
          return m !== null && pep503(m[1]) === want;
        });
      }
      if (base === 'poetry.lock' || base === 'Cargo.lock' || base === 'uv.lock') {
        return lineOf(
          lines,
          (l, i) =>
            new RegExp(`^name\\s*=\\s*"${p}"`, 'i').test(l) && (!version || versionNear(lines, i + 1, version, 3)),
        );
      }
      if (base === 'Pipfile.lock')
        return lineOf(lines, (l) => new RegExp(`^\\s*"${escapeRegExp(pkg.toLowerCase())}"\\s*:\\s*\\{`, 'i').test(l));
      return undefined;
    }
  }
}

/** The last `FROM` of a Dockerfile: the stage whose packages end up in the image. */
export function dockerfileFromLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  let last: number | undefined;
  for (let i = 0; i < lines.length; i++) if (/^\s*FROM\s/i.test(lines[i])) last = i + 1;
  return last;
}

/** Lockfiles and manifests by file name, and the package ecosystem they belong to. */
export const LOCKFILE_ECOSYSTEM: Record<string, string> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'package.json': 'npm',
  'yarn.lock': 'npm',
  'pnpm-lock.yaml': 'npm',
  'requirements.txt': 'pypi',
  'poetry.lock': 'pypi',
  'Pipfile.lock': 'pypi',
  'uv.lock': 'pypi',
  'pyproject.toml': 'pypi',
  'go.mod': 'go',
  'go.sum': 'go',
  'Cargo.lock': 'cargo',
  'Gemfile.lock': 'gem',
  'composer.lock': 'composer',
};

/** The ecosystem of a lockfile or manifest path (`app/yarn.lock` → npm), or undefined for anything else. */
export function lockfileEcosystem(file: string): string | undefined {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return LOCKFILE_ECOSYSTEM[base] ?? (/^requirements.*\.txt$/.test(base) ? 'pypi' : undefined);
}
