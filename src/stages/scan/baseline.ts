import path from 'node:path';
import type { Finding } from './model.js';

/**
 * The findings of the default branch, saved by a scan on a push to it (BaselineStore, kind
 * `findings`) and compared by a scan of a pull request against it (`new-only`). A finding is
 * "existing" when the base has one of its ids for the same package in the same place — whatever the
 * installed version (bumping lodash without fixing an advisory does not make the advisory new), and
 * for secrets, misconfigurations and code findings in the same file with the same snippet or title
 * (lines move when a file is edited; that is not a new finding).
 */

export const BASELINE_KIND = 'findings';

export interface FindingsBaseline {
  version: 1;
  branch: string;
  sha: string;
  createdAt: string;
  /** One key per id of every finding (ignored ones too: an ignore that lapses must not make a finding "new"). */
  keys: string[];
}

function place(f: Finding): string {
  return f.package !== null ? path.posix.dirname(f.target) : (f.file ?? f.target);
}

/** The keys a finding is known by: one per id and alias. */
export function findingKeys(f: Finding): string[] {
  const where =
    f.package !== null
      ? `${f.package}\u0000${place(f)}`
      : `${place(f)}\u0000${f.kind === 'secret' ? (f.snippet ?? '') : f.title}`;
  return [f.id, ...f.aliases].map((id) => `${f.kind}\u0000${id}\u0000${where}`);
}

export function baselineOf(
  findings: readonly Finding[],
  branch: string,
  sha: string,
  now = new Date(),
): FindingsBaseline {
  return {
    version: 1,
    branch,
    sha,
    createdAt: now.toISOString(),
    keys: [...new Set(findings.flatMap(findingKeys))].sort(),
  };
}

/** A stored baseline, or undefined when the text is not one (another version, damaged). */
export function parseBaseline(text: string): FindingsBaseline | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const b = doc as Partial<FindingsBaseline> | null;
  if (!b || b.version !== 1 || typeof b.branch !== 'string' || typeof b.sha !== 'string' || !Array.isArray(b.keys))
    return undefined;
  if (!b.keys.every((k) => typeof k === 'string')) return undefined;
  return b as FindingsBaseline;
}

/** Marks each finding `new: true|false` against the baseline, in place. */
export function markNew(findings: Finding[], baseline: FindingsBaseline): void {
  const known = new Set(baseline.keys);
  for (const f of findings) f.new = !findingKeys(f).some((k) => known.has(k));
}
