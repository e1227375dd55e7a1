import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { checksumOf, type MigrationFile } from '../../src/stages/migrate/files.js';
import { analyzeFiles } from '../../src/stages/migrate/sql/analyze.js';

function file(name: string, sql: string): MigrationFile {
  return {
    version: name.split('_')[0] ?? '1',
    name,
    file: `migrations/${name}.sql`,
    sql,
    checksum: checksumOf(sql),
    noTransaction: false,
  };
}

const PG = `CREATE TABLE fresh (id int);
ALTER TABLE fresh ADD COLUMN n int NOT NULL;
-- a comment with DROP TABLE in it is not a statement
DROP TABLE legacy;
ALTER TABLE users DROP COLUMN nickname,
  ALTER COLUMN email TYPE varchar(50);
ALTER TABLE users ALTER COLUMN bio TYPE text;
ALTER TABLE users ADD COLUMN age int NOT NULL;
ALTER TABLE users ADD COLUMN score int NOT NULL DEFAULT 0;
ALTER TABLE users RENAME COLUMN email TO mail;
ALTER TABLE orders RENAME TO purchases;
DROP SCHEMA archive CASCADE;
TRUNCATE sessions;
DELETE FROM events;
DELETE FROM events WHERE at < now() - interval '1 year';
UPDATE users SET active = true;
DO $$ BEGIN PERFORM 1; END $$;
CREATE INDEX CONCURRENTLY users_mail ON users (mail);
`;

describe('destructive-change analysis', () => {
  it('finds each kind in PostgreSQL DDL with its line, via the PostgreSQL parser', async () => {
    const found = await analyzeFiles([file('1_pg', PG)], 'postgres');
    expect(found.map((f) => [f.line, f.kind, f.target])).toEqual([
      [4, 'drop-table', 'legacy'],
      [5, 'drop-column', 'users.nickname'],
      [5, 'type-change', 'users.email'],
      [8, 'not-null-without-default', 'users.age'],
      [10, 'rename', 'users.email'],
      [11, 'rename', 'orders'],
      [12, 'drop-schema', 'archive'],
      [13, 'truncate', 'sessions'],
      [14, 'delete-without-where', 'events'],
      [16, 'update-without-where', 'users'],
    ]);
    expect(found.every((f) => f.file === 'migrations/1_pg.sql')).toBe(true);
  });

  it('a table created by an earlier pending file is new: NOT NULL columns on it are fine', async () => {
    const found = await analyzeFiles(
      [file('1_a', 'CREATE TABLE t (id int);'), file('2_b', 'ALTER TABLE t ADD COLUMN x int NOT NULL;')],
      'postgres',
    );
    expect(found).toEqual([]);
  });

  it('a PostgreSQL syntax error is a user error naming the file and line', async () => {
    const error = await analyzeFiles([file('1_bad', 'SELECT 1;\n\nCREATE TABEL x (id int);')], 'postgres').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toMatch(/^migrations\/1_bad.sql:3: syntax error/);
  });

  it('MySQL/MariaDB statements through node-sql-parser', async () => {
    const sql = `CREATE TABLE t (id int primary key);\nALTER TABLE users DROP COLUMN nick;\nALTER TABLE users MODIFY COLUMN name varchar(10);\nALTER TABLE users ADD COLUMN age int NOT NULL;\nRENAME TABLE a TO b;\nDELETE FROM logs;\nDROP TABLE old;`;
    const found = await analyzeFiles([file('1_my', sql)], 'mysql');
    expect(found.map((f) => [f.line, f.kind])).toEqual([
      [2, 'drop-column'],
      [3, 'type-change'],
      [4, 'not-null-without-default'],
      [5, 'rename'],
      [6, 'delete-without-where'],
      [7, 'drop-table'],
    ]);
  });

  it('fails closed when the MySQL grammar cannot read a file', async () => {
    const found = await analyzeFiles([file('1_x', 'SELECT 1;\nFROBNICATE everything;')], 'mysql');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'unparsed', line: 2 });
  });
});
