// Every way a run can fail, on every database: transaction all / per-file / a no-transaction file,
// times rollback backup / down / none, on PostgreSQL, MariaDB, SQLite and PGlite. Each cell applies
// a base migration, runs two pending files of which the second fails at its third statement, and
// compares a hash of the schema and data afterwards with the state that rollback promises, built
// by the database's own client from the same SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mariadbDatabase,
  pgliteDatabase,
  postgresDatabase,
  sqliteDatabase,
  type TestDatabase,
} from './support/databases.js';
import { migrate, migrations, project } from './support/harness.js';

const BASE =
  "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL);\nINSERT INTO users VALUES (1, 'a@example.com'), (2, 'b@example.com');";
const AUDIT =
  "CREATE TABLE audit (id INT PRIMARY KEY, note VARCHAR(100));\nINSERT INTO audit VALUES (1, 'x');\nUPDATE users SET email = 'changed@example.com' WHERE id = 1;";
const AUDIT_DOWN = "DROP TABLE audit;\nUPDATE users SET email = 'a@example.com' WHERE id = 1;";
/** Fails at its third statement; the first two are what a partial failure leaves behind. */
const FAILING = 'CREATE TABLE half (id INT);\nDELETE FROM users WHERE id = 2;\nINSERT INTO nowhere VALUES (1);';
const FAILING_RAN = 'CREATE TABLE half (id INT);\nDELETE FROM users WHERE id = 2;';
const NO_TRANSACTION = '-- shipkit:no-transaction\n';

type Mode = 'all' | 'per-file' | 'no-transaction';
type Rollback = 'backup' | 'down' | 'none';

/**
 * What the failed run leaves, by the rules: whether the failed file's first statements committed as
 * they ran (partial), whether the audit file stays, and the history rows.
 */
function expected(
  db: TestDatabase,
  mode: Mode,
  rollback: Rollback,
): { partial: boolean; committed: boolean; audit: boolean; leftPartial: boolean; history: string[] } {
  // MySQL/MariaDB commit DDL as it runs: the failed file's first statements commit in every mode.
  const partial = mode === 'no-transaction' || db.name === 'mariadb';
  const committed = mode !== 'all' || db.name === 'mariadb';
  if (rollback === 'backup') return { partial, committed, audit: false, leftPartial: false, history: ['1 applied'] };
  const audit = rollback === 'none' && committed;
  return {
    partial,
    committed,
    audit,
    leftPartial: partial,
    history: ['1 applied', ...(audit ? ['2 applied'] : []), ...(partial ? ['3 started'] : [])],
  };
}

const MODES: Mode[] = ['all', 'per-file', 'no-transaction'];
const ROLLBACKS: Rollback[] = ['backup', 'down', 'none'];

const suites: [string, () => Promise<TestDatabase> | TestDatabase][] = [
  ['PostgreSQL', postgresDatabase],
  ['MariaDB', mariadbDatabase],
  ['SQLite', sqliteDatabase],
  ['PGlite', pgliteDatabase],
];

describe.each(suites)('rollback matrix on %s', (_label, open) => {
  let db: TestDatabase;
  /** Fingerprints (history left out) of the states a rollback may leave, built with the database's own client. */
  const reference = new Map<string, string>();

  beforeAll(async () => {
    db = await open();
    for (const [key, sql] of [
      ['base', BASE],
      ['base+audit', `${BASE}\n${AUDIT}`],
      ['base+partial', `${BASE}\n${FAILING_RAN}`],
      ['base+audit+partial', `${BASE}\n${AUDIT}\n${FAILING_RAN}`],
    ] as const) {
      const url = await db.fresh();
      await db.exec(url, sql);
      reference.set(key, await db.fingerprint(url, { withoutHistory: true }));
    }
  }, 180_000);
  afterAll(async () => {
    await db?.stop();
  });

  const cells = MODES.flatMap((mode) => ROLLBACKS.map((rollback) => [mode, rollback] as const));
  it.each(cells)('transaction %s, rollback %s', async (mode, rollback) => {
    const url = await db.fresh();
    const { cwd, write } = project({ '001_users.up.sql': BASE, '001_users.down.sql': 'DROP TABLE users;' });
    const first = await migrate(cwd, { 'database-url': url, rollback: 'none' });
    expect(first.outputs.applied).toBe('1');
    const before = await db.fingerprint(url);

    write('002_audit.up.sql', AUDIT);
    write('002_audit.down.sql', AUDIT_DOWN);
    write('003_fails.up.sql', `${mode === 'no-transaction' ? NO_TRANSACTION : ''}${FAILING}`);
    write('003_fails.down.sql', 'DROP TABLE half;');
    const outcome = await migrate(cwd, {
      'database-url': url,
      transaction: mode === 'per-file' ? 'per-file' : 'all',
      rollback,
    });

    const want = expected(db, mode, rollback);
    const m = migrations(outcome);
    expect(outcome.report.status).toBe('fail');
    expect(m.failure).toMatchObject({
      file: 'migrations/003_fails.up.sql',
      line: mode === 'no-transaction' ? 4 : 3,
      partial: want.partial,
    });
    // Something committed that the database did not roll back itself: the strategy had work to do.
    const undoNeeded = want.committed || want.partial;
    expect(m.applied.map((a) => a.version)).toEqual(want.audit ? ['2'] : []);
    expect(await db.history(url)).toEqual(want.history);
    if (rollback === 'backup') {
      // Everything as it was, the history table included.
      expect(await db.fingerprint(url)).toBe(before);
      if (undoNeeded) expect(m.restored).toMatch(/^restored backup /);
      else expect(m.restored).toBeUndefined();
    } else {
      const state = `base${want.audit ? '+audit' : ''}${want.leftPartial ? '+partial' : ''}`;
      expect(await db.fingerprint(url, { withoutHistory: true })).toBe(reference.get(state));
      if (want.leftPartial)
        expect(outcome.report.warnings.join('\n')).toMatch(
          /migrations\/003_fails\.up\.sql failed part-way .*: the statements of migrations\/003_fails\.up\.sql before line \d stay applied/,
        );
    }
  });
});
