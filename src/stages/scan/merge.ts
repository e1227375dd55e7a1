import path from 'node:path';
import { reconcileFixed } from './fixed.js';
import { splitIds } from './ids.js';
import { lockfileEcosystem } from './lockfiles.js';
import { compareFindings, worst, type Finding, type RawFinding, type Severity } from './model.js';

/**
 * Many tools, one finding per advisory: raw findings that share an id (CVE, GHSA, OSV, npm advisory
 * id — aliases included) and the same package at the same installed version in the same place are
 * one finding listing every tool. Secrets, misconfigurations and code findings merge when they share
 * an id at the same file and line.
 */

/** One family per package ecosystem, however each tool spells it (yarn and pnpm lock npm packages). */
const FAMILY: Record<string, string> = {
  npm: 'npm',
  yarn: 'npm',
  pnpm: 'npm',
  'node-pkg': 'npm',
  pip: 'pypi',
  pipenv: 'pypi',
  poetry: 'pypi',
  pypi: 'pypi',
  'python-pkg': 'pypi',
  uv: 'pypi',
  gomod: 'go',
  gobinary: 'go',
  go: 'go',
  cargo: 'cargo',
  'crates.io': 'cargo',
  'rust-binary': 'cargo',
  bundler: 'gem',
  rubygems: 'gem',
  gemspec: 'gem',
  composer: 'composer',
  packagist: 'composer',
};

function familyOf(f: RawFinding): string {
  const fromFile = lockfileEcosystem(f.target);
  if (fromFile) return fromFile;
  const e = (f.ecosystem ?? '').toLowerCase();
  return FAMILY[e] ?? e;
}

/**
 * Where a package finding is. A lockfile and its manifest are one place (`app/package.json` from Snyk,
 * `app/package-lock.json` from npm), told apart by ecosystem. An image is one place however a tool
 * names it: Trivy's JSON adds the OS (`app.tar (alpine 3.10.2)`), its SARIF does not.
 */
function placeOf(f: RawFinding): string {
  if (lockfileEcosystem(f.target)) return `${familyOf(f)}\u0000${path.posix.dirname(f.target)}`;
  return f.target.replace(/ \([^()]*\)$/, '');
}

/** Package names compare as their ecosystem does: PyPI case-insensitively with - _ . alike. */
function packageKey(family: string, name: string): string {
  return family === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

function groupKey(f: RawFinding): string {
  if (f.kind === 'vuln' && f.package !== null) {
    return `pkg\u0000${placeOf(f)}\u0000${packageKey(familyOf(f), f.package)}\u0000${(f.installed ?? '').replace(/^v(?=\d)/, '')}`;
  }
  return `${f.kind}\u0000${f.file ?? f.target}\u0000${f.line ?? ''}`;
}

/** Lockfiles before manifests when the same finding comes from both: the lockfile names the installed version. */
function betterTarget(a: string, b: string): string {
  const rank = (t: string) => (path.posix.basename(t) === 'package.json' ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(b) < rank(a) ? b : a;
  // The longer name says more: Trivy's `app.tar (alpine 3.10.2)` over its SARIF's `app.tar`.
  return b.length > a.length ? b : a;
}

export function mergeFindings(raw: readonly RawFinding[]): Finding[] {
  // Most groups have one member (a report of one tool): it is kept as it is, not in an array of its own.
  const groups = new Map<string, RawFinding | RawFinding[]>();
  for (const f of raw) {
    const key = groupKey(f);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, f);
    else if (Array.isArray(g)) g.push(f);
    else groups.set(key, [g, f]);
  }
  const out: Finding[] = [];
  for (const members of groups.values()) {
    if (!Array.isArray(members)) {
      out.push(combine([members]));
      continue;
    }
    // Union-find over shared ids within the group: A~B by GHSA and B~C by CVE make one finding.
    const parent = members.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]]!;
      return i;
    };
    const owner = new Map<string, number>();
    members.forEach((m, i) => {
      for (const id of m.ids) {
        const j = owner.get(id);
        if (j === undefined) owner.set(id, i);
        else parent[find(i)] = find(j);
      }
    });
    const sets = new Map<number, RawFinding[]>();
    members.forEach((m, i) => {
      const r = find(i);
      const s = sets.get(r);
      if (s) s.push(m);
      else sets.set(r, [m]);
    });
    for (const set of sets.values()) out.push(combine(set));
  }
  return out.sort(compareFindings);
}

/**
 * Arrays many findings hold the same: no aliases, one tool, the same few tools. Shared and frozen
 * (nothing changes a finding's lists once merged; a change would throw): a report of 65 000 findings
 * holds a handful of these instead of 130 000 arrays.
 */
const NO_ALIASES: string[] = Object.freeze([]) as unknown as string[];
const toolLists = new Map<string, string[]>();
function sharedTools(tools: string[]): string[] {
  const key = tools.join('\u0000');
  let list = toolLists.get(key);
  if (list === undefined) {
    list = Object.freeze(tools) as unknown as string[];
    if (toolLists.size < 1000) toolLists.set(key, list);
  }
  return list;
}

function combine(set: readonly RawFinding[]): Finding {
  const first = set[0];
  const { id, aliases } = splitIds(set.flatMap((f) => f.ids));
  // Severity: the worst any tool gave that is not `unknown` (a gate fails closed).
  const known = set.map((f) => f.severity).filter((s) => s !== 'unknown');
  const severity = known.reduce<Severity>((a, b) => worst(a, b), known[0] ?? 'unknown');
  const pick = <K extends keyof RawFinding>(k: K): RawFinding[K] | undefined =>
    set.find((f) => f[k] !== null && f[k] !== undefined && f[k] !== '')?.[k];
  const target = set.map((f) => f.target).reduce(betterTarget);
  const fromTarget = set.find((f) => f.target === target) ?? first;
  const snippet = pick('snippet');
  const installed = pick('installed') ?? null;
  return {
    id,
    aliases: aliases.length === 0 ? NO_ALIASES : aliases,
    severity,
    kind: first.kind,
    title: pick('title') ?? id,
    package: first.package,
    installed,
    fixed:
      set.length === 1
        ? first.fixed || null
        : reconcileFixed(
            set.map((f) => f.fixed),
            installed,
            familyOf(first),
          ),
    target,
    file: fromTarget.file ?? pick('file') ?? null,
    line: fromTarget.line ?? pick('line') ?? null,
    tools: sharedTools(set.length === 1 ? [first.tool] : [...new Set(set.map((f) => f.tool))].sort()),
    url: pick('url') ?? null,
    ...(snippet !== undefined ? { snippet } : {}),
  };
}
