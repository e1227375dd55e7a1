import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { METRICS, type Totals } from './model.js';
import type { CoverageSummary, FileMetrics } from './summarize.js';

/** The per-file summary of a default-branch run, which later PRs compare against. */
export interface Baseline {
  version: 1;
  branch: string;
  sha: string;
  createdAt: string;
  totals: Totals;
  files: Record<string, FileMetrics>;
}

/**
 * Where baselines live. The action stores them in the Actions cache (src/runtime/baseline-cache.ts);
 * the CLI and tests in a directory. Domain code only sees this interface.
 */
export interface BaselineStore {
  /** The latest baseline saved for `branch`, or undefined when there is none (or it cannot be read). */
  restore(branch: string): Promise<Baseline | undefined>;
  save(branch: string, sha: string, baseline: Baseline): Promise<void>;
}

export function baselineOf(summary: CoverageSummary, branch: string, sha: string, now = new Date()): Baseline {
  const files: Record<string, FileMetrics> = {};
  for (const f of summary.files) {
    const { path: p, ...metrics } = f;
    files[p] = metrics;
  }
  return { version: 1, branch, sha, createdAt: now.toISOString(), totals: summary.totals, files };
}

/** A baseline read back from storage, or undefined when it is not one (another version, damaged). */
export function parseBaseline(text: string): Baseline | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const b = doc as Partial<Baseline>;
  if (b.version !== 1 || typeof b.branch !== 'string' || typeof b.sha !== 'string' || typeof b.createdAt !== 'string')
    return undefined;
  if (typeof b.totals !== 'object' || b.totals === null || typeof b.files !== 'object' || b.files === null)
    return undefined;
  for (const m of METRICS) {
    const v = b.totals[m];
    if (v !== null && (typeof v !== 'object' || typeof v.pct !== 'number')) return undefined;
  }
  return b as Baseline;
}

/** Cache keys and directory names: branch names may hold `/`. */
export function branchKey(branch: string): string {
  return branch.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Baselines as JSON files under `dir/<branch>/<sha>.json` (the CLI keeps them in `.shipkit/baseline`). */
export class FsBaselineStore implements BaselineStore {
  constructor(private readonly dir: string) {}

  async restore(branch: string): Promise<Baseline | undefined> {
    const dir = path.join(this.dir, branchKey(branch));
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return undefined;
    }
    let latest: Baseline | undefined;
    for (const name of names) {
      const b = parseBaseline(await readFile(path.join(dir, name), 'utf8').catch(() => ''));
      if (b && (!latest || b.createdAt > latest.createdAt)) latest = b;
    }
    return latest;
  }

  async save(branch: string, sha: string, baseline: Baseline): Promise<void> {
    const dir = path.join(this.dir, branchKey(branch));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${branchKey(sha)}.json`), `${JSON.stringify(baseline)}\n`);
  }
}
