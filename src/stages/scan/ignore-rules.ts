import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Kind } from './model.js';

/**
 * Ignore rules and how they apply to findings. Reading the files (YAML with node ranges, picomatch
 * patterns) is in ignores.ts, loaded only when one of the files exists: the YAML parser alone costs
 * the process megabytes (bench/scan.bench.ts), and most runs have no ignore file.
 */

export interface IgnoreRule {
  /** `file:line` of the entry. */
  source: string;
  file: string;
  line: number;
  reason: string;
  expires: string | null;
  /** Only findings of this kind (the .trivyignore.yaml sections). */
  kind?: Kind;
  matchId?: (id: string) => boolean;
  matchPackage?: (name: string) => boolean;
  matchPath?: (p: string) => boolean;
  /** `pkg:npm/lodash@4.17.15` → package and version. */
  purls?: { name: string; version?: string }[];
  /** What the entry names, for messages. */
  label: string;
}

/** Trivy's own ignore files, read beside shipkit's `ignore-file` when they are in the working directory. */
export const TRIVY_IGNORE = '.trivyignore';
export const TRIVY_IGNORE_YAML = '.trivyignore.yaml';

export interface IgnoreFiles {
  /** `ignore-file` as given, relative to cwd. */
  ignoreFile: string;
  /** True when the user named the file: then it must exist. */
  explicit: boolean;
}

/** Today as YYYY-MM-DD (UTC): an entry with `expires: 2026-03-01` still ignores on that day. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isExpired(rule: IgnoreRule, day: string): boolean {
  return rule.expires !== null && rule.expires < day;
}

/** The three files' rules, read only when one of them exists; a named ignore-file that is missing is the user's mistake. */
export async function loadIgnoreRules(cwd: string, files: IgnoreFiles): Promise<IgnoreRule[]> {
  const any =
    files.explicit ||
    [path.resolve(cwd, files.ignoreFile), path.join(cwd, TRIVY_IGNORE), path.join(cwd, TRIVY_IGNORE_YAML)].some((f) =>
      existsSync(f),
    );
  if (!any) return [];
  return (await import('./ignores.js')).loadIgnores(cwd, files);
}

function matches(rule: IgnoreRule, f: Finding): boolean {
  if (rule.kind && rule.kind !== f.kind) return false;
  if (rule.matchId && ![f.id, ...f.aliases].some((id) => rule.matchId!(id))) return false;
  if (rule.matchPackage && (f.package === null || !rule.matchPackage(f.package))) return false;
  if (rule.matchPath && ![f.target, f.file ?? ''].some((p) => p !== '' && rule.matchPath!(p))) return false;
  if (rule.purls && !rule.purls.some((p) => p.name === f.package && (!p.version || p.version === f.installed)))
    return false;
  return true;
}

export interface IgnoreResult {
  /** Entries past their date: they ignored nothing. */
  expired: { rule: IgnoreRule; matched: number }[];
  /** Entries that matched no finding (worth cleaning up; not a failure). */
  unused: IgnoreRule[];
}

/** Marks ignored findings in place; the first entry that matches wins. */
export function applyIgnores(findings: Finding[], rules: readonly IgnoreRule[], day: string): IgnoreResult {
  const used = new Set<IgnoreRule>();
  const expiredMatches = new Map<IgnoreRule, number>();
  for (const f of findings) {
    for (const rule of rules) {
      if (!matches(rule, f)) continue;
      if (isExpired(rule, day)) {
        expiredMatches.set(rule, (expiredMatches.get(rule) ?? 0) + 1);
        continue;
      }
      f.ignored = { reason: rule.reason, source: rule.source, expires: rule.expires };
      used.add(rule);
      break;
    }
  }
  return {
    expired: rules.filter((r) => isExpired(r, day)).map((rule) => ({ rule, matched: expiredMatches.get(rule) ?? 0 })),
    unused: rules.filter((r) => !used.has(r) && !isExpired(r, day)),
  };
}
