import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { UserError } from '../../../core/errors.js';

type PGliteModule = { PGlite: typeof PGlite };

/**
 * PGlite's own loader cannot be bundled (ncc turns its `await import("module")` into a namespace
 * without `createRequire`), so the bundle ships PGlite as published: its self-contained CommonJS
 * build `index.cjs` with pglite.wasm, pglite.data and initdb.wasm beside it (scripts/build.mjs
 * copies them), where that build looks for them. From the sources (tests, a clone) the package
 * itself is imported. Either way it loads only when a pglite: URL is used.
 */
const here = (): string => path.dirname(fileURLToPath(import.meta.url));

export async function loadPglite(): Promise<PGliteModule> {
  const shipped = path.join(here(), 'index.cjs');
  try {
    if (existsSync(shipped)) return createRequire(import.meta.url)(shipped) as PGliteModule;
    return await import(/* webpackIgnore: true */ '@electric-sql/pglite');
  } catch (error) {
    throw new UserError(
      `the embedded database (pglite) could not be loaded: ${(error as Error).message.split('\n')[0] ?? ''}. Pass database-url for a server instead.`,
      { input: 'database-url' },
    );
  }
}

/**
 * PostgreSQL's default shared_buffers (128 MB) is allocated and zeroed in PGlite's WebAssembly
 * memory; a migration run needs a fraction of it. With these settings a PGlite run stays within
 * the memory budget in `npm run bench` (bench/migrate.bench.ts).
 */
const SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'max_connections=10'];

export function pgliteOptions(module: PGliteModule, extra: PGliteOptions = {}): PGliteOptions {
  const defaults = (module.PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams ?? [];
  return { startParams: [...defaults, ...SETTINGS], initDbStartParams: SETTINGS, ...extra };
}

/**
 * An empty data directory made by PGlite's initdb with SETTINGS (tests/migrate/support/pglite-template.ts
 * makes it). A new database is unpacked from it: PGlite's initdb runs a second PostgreSQL beside the
 * first and copies its heap, about 750 MiB at the peak, where starting from this copy stays under
 * 300 MiB. It sits beside this module in the sources and beside the bundle in dist/.
 */
export const PGLITE_TEMPLATE = 'pglite-template.tar.gz';

export function pgliteTemplatePath(): string | undefined {
  const file = path.join(here(), PGLITE_TEMPLATE);
  return existsSync(file) ? file : undefined;
}
