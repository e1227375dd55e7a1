// The least a Node program can do for a migrate no-op on PostgreSQL, bundled as shipkit is: list
// the directory, read and hash every up file, connect (pg, SCRAM as the server asks), take the
// advisory lock, read the history table, unlock, exit. No CLI, no report, no checks: the floor
// under any Node implementation, beside golang-migrate in the migrate bench. pg loads as shipkit
// loads it (src/stages/migrate/drivers/pg-client.ts): with a `navigator`, so Node 20 does not load
// undici for pg's Cloudflare check.
// argv: <migrations dir> <database url>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const [dir = '', url = ''] = process.argv.slice(2);
const sums: string[] = [];
for (const name of readdirSync(dir).sort()) {
  if (name.endsWith('.up.sql'))
    sums.push(
      createHash('sha256')
        .update(readFileSync(`${dir}/${name}`, 'utf8'))
        .digest('hex'),
    );
}
if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Node.js' } });
const { default: pg } = await import('pg');
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('SELECT pg_try_advisory_lock(1, 2)');
const { rows } = await client.query<{ version: string; checksum: string }>(
  'SELECT version, checksum FROM shipkit_migrations',
);
await client.query('SELECT pg_advisory_unlock(1, 2)');
await client.end();
if (rows.length !== sums.length) throw new Error(`history has ${rows.length} rows for ${sums.length} files`);
