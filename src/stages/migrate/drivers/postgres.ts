import type pg from 'pg';
import { pollLock } from './lock-poll.js';
import { loadPgClient } from './pg-client.js';
import { pgDumpBackup } from './pg-dump.js';
import { PgStyleDriver } from './pg-style.js';
import type { MigrationFile } from '../files.js';
import { failedStatementLine } from './script.js';
import { asText, ScriptError, type Backup, type LockOwner, type Progress, type Row } from './types.js';

// pg_try_advisory_lock(int4, int4): two halves of a key shown in pg_locks as classid/objid.
const KEY1 = 0x5348_4950; // 'SHIP'
const KEY2 = 0x4d49_4752; // 'MIGR'

export class PostgresDriver extends PgStyleDriver {
  readonly kind = 'postgres';
  private constructor(
    private readonly client: pg.Client,
    private readonly url: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    super();
  }

  /** Connection errors (refused, unknown host, wrong password, no such database) are thrown as pg raises them. */
  static async connect(url: string, owner: LockOwner, env: NodeJS.ProcessEnv): Promise<PostgresDriver> {
    // application_name is how a waiting run (and a DBA in pg_stat_activity) sees who holds the lock; 63 bytes max.
    const Client = await loadPgClient();
    const client = new Client({ connectionString: url, application_name: `shipkit ${owner.label}`.slice(0, 63) });
    // An error on an idle connection (the server restarting) must not crash the process as an unhandled event.
    client.on('error', () => undefined);
    await client.connect();
    // A killed run's backend would otherwise go on (inside pg_sleep, a long UPDATE…) holding the
    // lock and its transaction until it next talks to the dead socket. PostgreSQL 14+ can poll for it.
    await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
    return new PostgresDriver(client, url, env);
  }

  protected async run(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = params.length > 0 ? await this.client.query(sql, params) : await this.client.query(sql);
    return (result.rows ?? []) as Row[];
  }

  /**
   * Inside a transaction the file goes in one round trip, as psql -1 would send it: the server runs
   * its statements in order and reports each one's completion, which is counted so a failure is
   * still known to its statement. Outside one (-- shipkit:no-transaction) statements go one by one,
   * since CREATE INDEX CONCURRENTLY and friends refuse a multi-statement string.
   */
  async execScript(file: MigrationFile, opts: { inTransaction: boolean; signal: AbortSignal }): Promise<void> {
    if (!opts.inTransaction) return super.execScript(file, opts);
    opts.signal.throwIfAborted();
    let completed = 0;
    const count = (): void => {
      completed++;
    };
    this.client.connection.on('commandComplete', count);
    try {
      await this.client.query(file.sql);
    } catch (error) {
      throw new ScriptError(error, completed, await failedStatementLine(file, this.dialect, completed, error));
    } finally {
      this.client.connection.off('commandComplete', count);
    }
  }

  lock(timeoutMs: number, signal: AbortSignal, progress: Progress): Promise<{ waitedMs: number }> {
    return pollLock({
      tryOnce: async () =>
        (await this.query('SELECT pg_try_advisory_lock(?::int4, ?::int4) AS ok', [KEY1, KEY2]))[0]?.ok === true,
      holder: () => this.holder(),
      timeoutMs,
      signal,
      progress,
    });
  }

  private async holder(): Promise<string | undefined> {
    const rows = await this.query(
      `SELECT a.pid, a.application_name, a.usename, a.client_addr::text AS addr, a.backend_start
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.classid = ?::int4::oid AND l.objid = ?::int4::oid AND l.objsubid = 2 AND l.granted`,
      [KEY1, KEY2],
    );
    const r = rows[0];
    if (!r) return undefined;
    return `pid ${asText(r.pid)}, application_name '${asText(r.application_name)}', user ${asText(r.usename)}${r.addr ? ` from ${asText(r.addr)}` : ''}, connected since ${asText(r.backend_start)}`;
  }

  async unlock(): Promise<void> {
    await this.query('SELECT pg_advisory_unlock(?::int4, ?::int4)', [KEY1, KEY2]);
  }

  backup(dir: string): Promise<Backup> {
    return pgDumpBackup(this, this.url, dir, this.env);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
