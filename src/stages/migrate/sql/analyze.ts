import type { Dialect } from '../drivers/types.js';
import type { MigrationFile } from '../files.js';
import type { Finding } from './findings.js';
import { SchemaState, type Catalog } from './schema-state.js';

export { DESTRUCTIVE_KINDS, type DestructiveKind, type Finding } from './findings.js';

/**
 * Statements in the pending files that lose data, break running code, or cannot be shown not to.
 * Files are analysed in order against one SchemaState, so a table created by an earlier pending
 * file is known to be new and a type change is compared with the type the run itself gave the
 * column; anything older is looked up through `catalog`. Each dialect's parser loads only here.
 */
export async function analyzeFiles(
  files: readonly MigrationFile[],
  dialect: Dialect,
  catalog?: Catalog,
): Promise<Finding[]> {
  if (files.length === 0) return [];
  const state = new SchemaState(catalog);
  const findings: Finding[] = [];
  if (dialect === 'postgres') {
    const { analyzePostgres } = await import('./analyze-postgres.js');
    for (const file of files) findings.push(...(await analyzePostgres(file, state)));
  } else {
    const { analyzeMysqlLike } = await import('./analyze-mysql.js');
    for (const file of files) findings.push(...(await analyzeMysqlLike(file, state, dialect)));
  }
  return findings;
}
