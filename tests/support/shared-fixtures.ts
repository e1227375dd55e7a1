import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';

/**
 * Real-world report files collected from other projects live in ../shared/fixtures beside the
 * checkout (see its SOURCES.md). A fresh clone has no ../shared: the tests that read it are skipped
 * then, and their name says why.
 */
export const SHARED_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
export const hasSharedFixtures = existsSync(SHARED_FIXTURES);
export const SHARED_SKIP_REASON = `skipped: ${SHARED_FIXTURES} is absent (a fresh clone has no ../shared)`;

/** `describe`, skipped with the reason in its name when ../shared/fixtures is absent. */
export function describeWithSharedFixtures(name: string, fn: () => void): void {
  if (hasSharedFixtures) describe(name, fn);
  else describe.skip(`${name} (${SHARED_SKIP_REASON})`, fn);
}
