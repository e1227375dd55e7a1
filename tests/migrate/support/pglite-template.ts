// Makes src/stages/migrate/drivers/pglite-template.tar.gz: an empty PGlite data directory, as
// PGlite's own initdb makes it with shipkit's settings. A fresh pglite: database starts from this
// copy instead of running initdb in the process (initdb holds two PostgreSQL heaps and a snapshot
// of one: about 750 MiB at its peak, where opening this copy stays under 300 MiB; npm run bench).
// Regenerate after upgrading @electric-sql/pglite (a test fails when the copy no longer fits):
//   npx vite-node tests/migrate/support/pglite-template.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPglite, pgliteOptions, PGLITE_TEMPLATE } from '../../../src/stages/migrate/drivers/pglite-runtime.js';

export async function makePgliteTemplate(file: string): Promise<void> {
  const module = await loadPglite();
  const db = new module.PGlite('memory://', pgliteOptions(module));
  await db.waitReady;
  try {
    const dump = await db.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

// vite-node runs this file directly with no arguments; tests import makePgliteTemplate.
if (process.argv.some((a) => a.endsWith('vite-node')) && process.argv.length === 2) {
  const target = path.resolve(import.meta.dirname, '../../../src/stages/migrate/drivers', PGLITE_TEMPLATE);
  await makePgliteTemplate(target);
  process.stdout.write(`wrote ${target}\n`);
}
