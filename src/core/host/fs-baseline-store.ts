import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { branchKey, type BaselineStore } from './baseline-store.js';

/**
 * Baselines in a directory: `<dir>/<kind>/<branch>/<sha>.json`, the newest by modification order
 * of a counter kept in the name. For the CLI (`.shipkit/baseline`), self-hosted runners with a
 * persistent disk (SHIPKIT_BASELINE_DIR) and tests.
 */
export class FsBaselineStore implements BaselineStore {
  constructor(readonly dir: string) {}

  private folder(kind: string, branch: string): string {
    return path.join(this.dir, branchKey(kind), branchKey(branch));
  }

  async restore(kind: string, branch: string): Promise<string | undefined> {
    const folder = this.folder(kind, branch);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return undefined;
    }
    // `<sequence>-<sha>.json`: the highest sequence is the newest save.
    const newest = names
      .filter((n) => /^\d+-.*\.json$/.test(n))
      .sort((a, b) => Number(b.split('-')[0]) - Number(a.split('-')[0]))[0];
    if (!newest) return undefined;
    try {
      return await readFile(path.join(folder, newest), 'utf8');
    } catch {
      return undefined;
    }
  }

  async save(kind: string, branch: string, sha: string, text: string): Promise<void> {
    const folder = this.folder(kind, branch);
    await mkdir(folder, { recursive: true });
    const names = await readdir(folder);
    const next = 1 + Math.max(0, ...names.map((n) => Number(n.split('-')[0])).filter(Number.isFinite));
    const file = path.join(folder, `${String(next).padStart(8, '0')}-${branchKey(sha)}.json`);
    // Written whole, then renamed: a reader never sees half a baseline.
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
  }
}
