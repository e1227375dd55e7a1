import type { BaselineStore } from '../../core/host/baseline-store.js';
import { METRICS, type Totals } from './model.js';
import type { CoverageSummary, FileMetrics } from './summarize.js';

/** The kind under which coverage baselines live in the host's BaselineStore. */
export const BASELINE_KIND = 'coverage';

/** The per-file summary of a default-branch run, which later PRs compare against. */
export interface Baseline {
  version: 1;
  branch: string;
  sha: string;
  createdAt: string;
  totals: Totals;
  files: Record<string, FileMetrics>;
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

/** The newest coverage baseline of `branch` in the host's store; undefined when none (or unreadable). */
export async function restoreBaseline(store: BaselineStore, branch: string): Promise<Baseline | undefined> {
  const text = await store.restore(BASELINE_KIND, branch);
  return text === undefined ? undefined : parseBaseline(text);
}

export async function saveBaseline(store: BaselineStore, baseline: Baseline): Promise<void> {
  await store.save(BASELINE_KIND, baseline.branch, baseline.sha, `${JSON.stringify(baseline)}\n`);
}
