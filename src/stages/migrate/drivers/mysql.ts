import mysql from 'mysql2/promise';
import type { MigrationFile } from '../files.js';
import { pollLock } from './lock-poll.js';
import { runStatements } from './script.js';
import { mysqlDumpBackup } from './mysql-dump.js';
import { asText, LOCK_NAME, type Backup, type Driver, type LockOwner, type Progress, type Row } from './types.js';
import { cut } from '../../../core/text.js';

/** MySQL and MariaDB. DDL commits implicitly here, so undoing a failed run is the rollback strategy's job. */
export class MysqlDriver implements Driver {
  readonly kind = 'mysql';
  readonly dialect = 'mysql';
  readonly transactionalDdl = false;
  private constructor(
    private readonly conn: mysql.Connection,
    private readonly url: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Connection errors (refused, unknown host, access denied, unknown database) are thrown as mysql2 raises them. */
  static async connect(url: string, owner: LockOwner, env: NodeJS.ProcessEnv): Promise<MysqlDriver> {
    const conn = await mysql.createConnection({
      uri: url,
      // A statement of a file may hold several inside an executable comment (/*! A; B */).
      multipleStatements: true,
      // Visible to others in performance_schema.session_connect_attrs: how a waiting run names the holder.
      connectAttributes: { program_name: 'shipkit migrate', shipkit_owner: owner.label.slice(0, 500) },
    });
    conn.on('error', () => undefined);
    return new MysqlDriver(conn, url, env);
  }

  async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    const [rows] = await this.conn.query(sql, params);
    return Array.isArray(rows) ? (rows as Row[]) : [];
  }

  async exec(sql: string): Promise<void> {
    await this.conn.query(sql);
  }

  execScript(file: MigrationFile, opts: { signal: AbortSignal }): Promise<void> {
    return runStatements(file, this.dialect, (sql) => this.exec(sql), opts.signal);
  }

  async begin(): Promise<void> {
    await this.conn.query('START TRANSACTION');
  }
  async commit(): Promise<void> {
    await this.conn.query('COMMIT');
  }
  async rollback(): Promise<void> {
    await this.conn.query('ROLLBACK');
  }

  lock(timeoutMs: number, signal: AbortSignal, progress: Progress): Promise<{ waitedMs: number }> {
    return pollLock({
      // GET_LOCK with no wait: the loop does the waiting, so a cancelled run stops promptly.
      tryOnce: async () => Number((await this.query('SELECT GET_LOCK(?, 0) AS ok', [LOCK_NAME]))[0]?.ok) === 1,
      holder: () => this.holder(),
      timeoutMs,
      signal,
      progress,
    });
  }

  private async holder(): Promise<string | undefined> {
    const id = (await this.query('SELECT IS_USED_LOCK(?) AS id', [LOCK_NAME]))[0]?.id;
    if (id === null || id === undefined) return undefined;
    const parts = [`connection ${asText(id)}`];
    try {
      const attrs = await this.query(
        `SELECT ATTR_VALUE AS v FROM performance_schema.session_connect_attrs WHERE PROCESSLIST_ID = ? AND ATTR_NAME = 'shipkit_owner'`,
        [id],
      );
      if (attrs[0]?.v) parts.push(asText(attrs[0].v));
    } catch {
      // performance_schema is off (MariaDB's default): the process list below is all there is.
    }
    const proc = (
      await this.query('SELECT USER, HOST, TIME, INFO FROM information_schema.PROCESSLIST WHERE ID = ?', [id])
    )[0];
    if (proc) {
      parts.push(`${asText(proc.USER)}@${asText(proc.HOST)}`);
      if (proc.INFO) parts.push(`running '${cut(asText(proc.INFO), 80)}' for ${asText(proc.TIME)}s`);
    }
    return parts.join(', ');
  }

  async unlock(): Promise<void> {
    await this.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
  }

  backup(dir: string): Promise<Backup> {
    return mysqlDumpBackup(this.url, dir, this.env);
  }

  async close(): Promise<void> {
    await this.conn.end();
  }
}
