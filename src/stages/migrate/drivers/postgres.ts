import pg from 'pg';
import { splitPostgres } from '../sql/postgres-parse.js';
import { asText, LOCK_NAME, LockTimeout, sleep, type Driver, type LockOwner, type Row } from './types.js';

// pg_try_advisory_lock(int4, int4): two halves of a key shown in pg_locks as classid/objid.
const KEY1 = 0x5348_4950; // 'SHIP'
const KEY2 = 0x4d49_4752; // 'MIGR'
const POLL_MS = 250;

export function toPositional(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

export class PostgresDriver implements Driver {
  readonly dialect = 'postgres';
  readonly transactionalDdl = true;
  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string, owner: LockOwner): Promise<PostgresDriver> {
    // application_name is how a waiting run (and a DBA in pg_stat_activity) sees who holds the lock; 63 bytes max.
    const client = new pg.Client({ connectionString: url, application_name: `shipkit ${owner.label}`.slice(0, 63) });
    await client.connect();
    // A killed run's backend would otherwise go on (inside pg_sleep, a long UPDATE…) holding the
    // lock and its transaction until it next talks to the dead socket. PostgreSQL 14+ can poll for it.
    await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
    return new PostgresDriver(client);
  }

  async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.client.query(toPositional(sql), params)).rows as Row[];
  }

  async execScript(sql: string, opts: { noTransaction: boolean }): Promise<void> {
    if (!opts.noTransaction) {
      await this.client.query(sql);
      return;
    }
    // A multi-statement query string is one implicit transaction block, where CREATE INDEX
    // CONCURRENTLY and friends are refused: send the statements one by one.
    for (const statement of await splitPostgres(sql)) await this.client.query(statement.text);
  }

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
  }
  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }
  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  async lock(timeoutMs: number, signal: AbortSignal): Promise<{ waitedMs: number }> {
    const started = Date.now();
    for (;;) {
      const rows = await this.query('SELECT pg_try_advisory_lock(?::int4, ?::int4) AS ok', [KEY1, KEY2]);
      if (rows[0]?.ok === true) return { waitedMs: Date.now() - started };
      const waited = Date.now() - started;
      if (waited >= timeoutMs) throw new LockTimeout(waited, await this.holder());
      await sleep(Math.min(POLL_MS, timeoutMs - waited), signal);
    }
  }

  async holder(): Promise<string | undefined> {
    const rows = await this.query(
      `SELECT a.pid, a.application_name, a.usename, a.client_addr::text AS addr, a.backend_start
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.classid = ?::int4::oid AND l.objid = ?::int4::oid AND l.objsubid = 2 AND l.granted`,
      [KEY1, KEY2],
    );
    const r = rows[0];
    if (!r) return undefined;
    const since = asText(r.backend_start);
    return `pid ${asText(r.pid)}, application_name '${asText(r.application_name)}', user ${asText(r.usename)}${r.addr ? ` from ${asText(r.addr)}` : ''}, connected since ${since}`;
  }

  async unlock(): Promise<void> {
    await this.query('SELECT pg_advisory_unlock(?::int4, ?::int4)', [KEY1, KEY2]);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

export const POSTGRES_LOCK = { name: LOCK_NAME, key1: KEY1, key2: KEY2 };
