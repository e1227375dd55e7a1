import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Keeps Trivy's vulnerability database (the `db/` folder of its cache directory: trivy.db and
 * metadata.json) between runs under a daily key, so a day's runs download it once. In an action
 * the Actions cache (src/runtime/directory-cache.ts, reached as ctx.host.cache); elsewhere the cache directory itself
 * (MarkerDbCache). A cache is a convenience: implementations never throw, they report a miss.
 */
export interface TrivyDbCache {
  /** Fills `dbDir` with the database saved under `key`; true when it did. */
  restore(dbDir: string, key: string): Promise<boolean>;
  /** Saves `dbDir` under `key`. */
  save(dbDir: string, key: string): Promise<void>;
}

/** `shipkit-trivy-db-2026-11-27`: one key per UTC day. */
export function dailyDbKey(now: Date): string {
  return `shipkit-trivy-db-${now.toISOString().slice(0, 10)}`;
}

/** The database files Trivy needs; without both it refuses to skip the update. */
export function hasDatabase(dbDir: string): boolean {
  return existsSync(path.join(dbDir, 'trivy.db')) && existsSync(path.join(dbDir, 'metadata.json'));
}

const MARKER = 'shipkit-cache-key';

/**
 * For a cache directory that persists by itself (the CLI's, under the user's cache, or a
 * self-hosted runner's disk): a marker file beside the database names the key it was saved under,
 * so "restored" means "downloaded today", and nothing is copied.
 */
export class MarkerDbCache implements TrivyDbCache {
  async restore(dbDir: string, key: string): Promise<boolean> {
    if (!hasDatabase(dbDir)) return false;
    try {
      return (await readFile(path.join(dbDir, MARKER), 'utf8')).trim() === key;
    } catch {
      return false;
    }
  }

  async save(dbDir: string, key: string): Promise<void> {
    try {
      await writeFile(path.join(dbDir, MARKER), `${key}\n`);
    } catch {
      // Only the next run's shortcut is lost: it downloads again.
    }
  }
}
