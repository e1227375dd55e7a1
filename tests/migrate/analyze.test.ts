import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { checksumOf, type MigrationFile } from '../../src/stages/migrate/files.js';
import { analyzeFiles } from '../../src/stages/migrate/sql/analyze.js';
import type { Catalog } from '../../src/stages/migrate/sql/schema-state.js';
import { splitStatements } from '../../src/stages/migrate/sql/split-statements.js';
import { lossyChange, type SqlType } from '../../src/stages/migrate/sql/type-change.js';

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

const kinds = (found: { line: number; kind: string; target: string }[]): [number, string, string][] =>
  found.map((f) => [f.line, f.kind, f.target]);

const PG = `CREATE TABLE fresh (id int);
ALTER TABLE fresh ADD COLUMN n int NOT NULL;
-- a comment with DROP TABLE in it is not a statement
DROP TABLE legacy;
ALTER TABLE users DROP COLUMN nickname,
  ALTER COLUMN email TYPE varchar(50);
ALTER TABLE fresh ALTER COLUMN n TYPE bigint;
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

describe('destructive-change analysis: PostgreSQL', () => {
  it('finds each kind in plain DDL and DML with its line, via the PostgreSQL parser', async () => {
    const found = await analyzeFiles([file('1_pg', PG)], 'postgres');
    expect(kinds(found)).toEqual([
      [4, 'drop-table', 'legacy'],
      [5, 'drop-column', 'users.nickname'],
      // No catalog here: the current type of users.email is unknown, so the change fails closed.
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

  it('a table created by an earlier pending file is new: NOT NULL columns on it are fine, and its int → bigint is widening', async () => {
    const found = await analyzeFiles(
      [
        file('1_a', 'CREATE TABLE t (id int, name varchar(20));'),
        file(
          '2_b',
          'ALTER TABLE t ADD COLUMN x int NOT NULL;\nALTER TABLE t ALTER COLUMN id TYPE bigint, ALTER COLUMN name TYPE text;',
        ),
        file('3_c', 'ALTER TABLE t ALTER COLUMN id TYPE int;'),
      ],
      'postgres',
    );
    expect(kinds(found)).toEqual([[1, 'type-change', 't.id']]);
    expect(found[0]?.detail).toMatch(/int8 → int4 may truncate/);
  });

  it('sees destructive statements inside DO blocks, CTEs, MERGE, rules, EXPLAIN ANALYZE and DROP OWNED', async () => {
    const sql = [
      'DO $$ BEGIN TRUNCATE users; END $$;',
      'WITH gone AS (DELETE FROM orders RETURNING *)',
      'SELECT count(*) FROM gone;',
      'MERGE INTO stock s USING delivery d ON s.item = d.item',
      '  WHEN MATCHED THEN DELETE;',
      'CREATE RULE audit_copy AS ON INSERT TO orders DO ALSO DELETE FROM users;',
      'EXPLAIN ANALYZE UPDATE prices SET amount = 0;',
      'DROP OWNED BY legacy_app;',
      'DROP TYPE mood CASCADE;',
      'DROP INDEX users_mail;',
    ].join('\n');
    const found = await analyzeFiles([file('1_hidden', sql)], 'postgres');
    expect(kinds(found)).toEqual([
      [1, 'truncate', 'users'],
      [2, 'delete-without-where', 'orders'],
      [4, 'merge-delete', 'stock'],
      [6, 'delete-without-where', 'users'],
      [7, 'update-without-where', 'prices'],
      [8, 'drop-owned', 'legacy_app'],
      [9, 'drop-cascade', 'mood'],
    ]);
    expect(found[0]?.detail).toBe('in a DO block: TRUNCATE users');
    expect(found[3]?.detail).toMatch(
      /^in rule audit_copy on orders \(runs on every matching statement\): DELETE FROM users/,
    );
  });

  it('analyses SQL and PL/pgSQL function bodies statement by statement, on the lines they are on', async () => {
    const sql = `CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$
  DELETE FROM sessions;
$$;
CREATE FUNCTION tidy() RETURNS void LANGUAGE sql
BEGIN ATOMIC
  UPDATE users SET active = false;
END;
CREATE FUNCTION nightly(keep int) RETURNS void LANGUAGE plpgsql AS $body$
DECLARE r record;
BEGIN
  IF keep > 0 THEN
    DELETE FROM audit WHERE id < keep;
  ELSE
    DELETE FROM audit;
  END IF;
  FOR r IN SELECT id FROM users LOOP
    UPDATE users SET seen = now();
  END LOOP;
  EXECUTE format('DROP TABLE %I', 'tmp_' || keep);
END
$body$;
CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;`;
    const found = await analyzeFiles([file('1_fn', sql)], 'postgres');
    expect(kinds(found)).toEqual([
      [2, 'delete-without-where', 'sessions'],
      [6, 'update-without-where', 'users'],
      [14, 'delete-without-where', 'audit'],
      [17, 'update-without-where', 'users'],
      [19, 'dynamic-sql', ''],
    ]);
    expect(found[0]?.detail).toBe(
      'in the body of function purge() (runs when it is called): DELETE FROM sessions without WHERE',
    );
    expect(found[4]?.detail).toMatch(/cannot be analysed: EXECUTE format\('DROP TABLE %I'/);
  });

  it('dynamic SQL in a DO block blocks, as does a body it cannot compile or a language it cannot read', async () => {
    const sql = [
      "DO $$ BEGIN EXECUTE 'TRUNCATE ' || 'users'; END $$;",
      'CREATE FUNCTION broken() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY EXECUTE 1; END $$;',
      "CREATE FUNCTION py() RETURNS void LANGUAGE plpython3u AS $$ plpy.execute('DELETE FROM users') $$;",
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 1; END $$;',
    ].join('\n');
    const found = await analyzeFiles([file('1_dyn', sql)], 'postgres');
    expect(kinds(found)).toEqual([
      [1, 'dynamic-sql', ''],
      [2, 'dynamic-sql', ''],
      [3, 'unparsed', 'function py()'],
      [4, 'unparsed', ''],
    ]);
    expect(found[2]?.detail).toMatch(/written in plpython3u, which shipkit cannot analyse/);
    expect(found[3]?.detail).toMatch(/could not be compiled.*RETURN QUERY/);
  });

  it('a PostgreSQL syntax error is a user error naming the file and line', async () => {
    const error = await analyzeFiles([file('1_bad', 'SELECT 1;\n\nCREATE TABEL x (id int);')], 'postgres').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toMatch(/^migrations\/1_bad.sql:3: syntax error/);
  });

  it('compares a type change with the current type from the catalog: widening passes, narrowing and converting block', async () => {
    const types: Record<string, SqlType> = {
      'users.id': { name: 'int4', params: [] },
      'users.email': { name: 'varchar', params: [100] },
      'users.price': { name: 'numeric', params: [10, 2] },
      'users.ratio': { name: 'float4', params: [] },
      'users.code': { name: 'bpchar', params: [3] },
      'users.at': { name: 'timestamp', params: [] },
    };
    const catalog: Catalog = { column: (t, c) => Promise.resolve(types[`${t}.${c}`] && { type: types[`${t}.${c}`] }) };
    const sql = [
      'ALTER TABLE users ALTER COLUMN id TYPE bigint;',
      'ALTER TABLE users ALTER COLUMN email TYPE varchar(255);',
      'ALTER TABLE users ALTER COLUMN email TYPE text;',
      'ALTER TABLE users ALTER COLUMN price TYPE numeric(14,4);',
      'ALTER TABLE users ALTER COLUMN ratio TYPE double precision;',
      'ALTER TABLE users ALTER COLUMN id TYPE bigint USING id::bigint;',
      'ALTER TABLE users ALTER COLUMN price TYPE numeric(8,2);',
      'ALTER TABLE users ALTER COLUMN code TYPE text;',
      'ALTER TABLE users ALTER COLUMN at TYPE timestamptz;',
      'ALTER TABLE users ALTER COLUMN id TYPE bigint USING id * 2;',
      'ALTER TABLE users ALTER COLUMN missing TYPE int;',
    ].join('\n');
    const found = await analyzeFiles([file('1_types', sql)], 'postgres', catalog);
    expect(kinds(found)).toEqual([
      [7, 'type-change', 'users.price'],
      [8, 'type-change', 'users.code'],
      [9, 'type-change', 'users.at'],
      [10, 'type-change', 'users.id'],
      [11, 'type-change', 'users.missing'],
    ]);
    expect(found[0]?.detail).toMatch(/numeric\(14,4\) → numeric\(8,2\)/);
    expect(found[3]?.detail).toMatch(/USING expression rewrites every value/);
    expect(found[4]?.detail).toMatch(/current type of the column is not known/);
  });
});

describe('type-change rules', () => {
  const t = (name: string, params: number[] = [], extra: Partial<SqlType> = {}): SqlType => ({
    name,
    params,
    ...extra,
  });
  it.each([
    ['postgres', t('int2'), t('int8'), true],
    ['postgres', t('int8'), t('int4'), false],
    ['postgres', t('int4'), t('numeric', [12, 2]), true],
    ['postgres', t('int8'), t('numeric', [12, 2]), false],
    ['postgres', t('varchar', [10]), t('varchar'), true],
    ['postgres', t('varchar'), t('varchar', [10]), false],
    ['postgres', t('text'), t('varchar'), true],
    ['postgres', t('float8'), t('float4'), false],
    ['postgres', t('int4', [], { array: true }), t('int8'), false],
    ['mysql', t('int'), t('bigint'), true],
    ['mysql', t('int', [], { unsigned: true }), t('int'), false],
    ['mysql', t('int', [], { unsigned: true }), t('bigint'), true],
    ['mysql', t('int'), t('int', [], { unsigned: true }), false],
    ['mysql', t('varchar', [100]), t('varchar', [255]), true],
    ['mysql', t('varchar', [255]), t('varchar', [100]), false],
    ['mysql', t('varchar', [255]), t('text'), true],
    ['mysql', t('varchar', [20000]), t('text'), false],
    ['mysql', t('text'), t('mediumtext'), true],
    ['mysql', t('mediumtext'), t('text'), false],
    ['mysql', t('decimal', [10, 2]), t('decimal', [12, 2]), true],
    ['mysql', t('float'), t('double'), true],
  ] as const)('%s: %o → %o keeps every value: %s', (dialect, from, to, keeps) => {
    expect(lossyChange(from, to, dialect) === undefined).toBe(keeps);
  });
});

describe('destructive-change analysis: MySQL/MariaDB and SQLite', () => {
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

  it('analyses what MySQL executable comments hold as SQL: the server runs it', async () => {
    const sql = [
      '/*!40101 SET NAMES utf8mb4 */;',
      "INSERT INTO notes (body) VALUES ('/*! DELETE FROM users */');",
      '/*! DELETE FROM users */;',
      '/*!50000 DROP TABLE audit */;',
      '/*M!100100 TRUNCATE sessions */;',
      'SELECT 1 /*! , (SELECT 2) */;',
      '/*!80000 DELETE FROM a; DELETE FROM b */;',
    ].join('\n');
    const found = await analyzeFiles([file('1_exec', sql)], 'mysql');
    expect(kinds(found)).toEqual([
      [3, 'delete-without-where', 'users'],
      [4, 'drop-table', 'audit'],
      [5, 'truncate', 'sessions'],
      [7, 'delete-without-where', 'a'],
      [7, 'delete-without-where', 'b'],
    ]);
  });

  it('dynamic SQL: a prepared literal is analysed, a string built at run time blocks', async () => {
    const sql = [
      "PREPARE wipe FROM 'DELETE FROM users';",
      "SET @q = CONCAT('DROP TABLE ', 'audit');",
      'PREPARE s FROM @q;',
      "EXECUTE IMMEDIATE CONCAT('TRUNCATE ', @t);",
      "PREPARE fine FROM 'SELECT 1';",
    ].join('\n');
    const found = await analyzeFiles([file('1_dyn', sql)], 'mysql');
    expect(kinds(found)).toEqual([
      [1, 'delete-without-where', 'users'],
      [3, 'dynamic-sql', ''],
      [4, 'dynamic-sql', ''],
    ]);
  });

  it('keeps a stored routine with its BEGIN … END body as one statement', () => {
    const sql = `CREATE TABLE t (id int);
CREATE PROCEDURE tidy()
BEGIN
  DECLARE n INT DEFAULT 0;
  IF n = 0 THEN DELETE FROM t; END IF;
  SET n = CASE WHEN n > 1 THEN 1 ELSE 2 END;
END;
CREATE TRIGGER t_ins BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id + 1;
SELECT 'END;';`;
    expect(splitStatements(sql, 'mysql').map((s) => s.line)).toEqual([1, 2, 8, 9]);
    const sqlite = `CREATE TRIGGER touch AFTER UPDATE ON t BEGIN
  UPDATE t SET seen = CASE WHEN 1 THEN 1 END WHERE id = new.id;
  DELETE FROM log;
END;
DROP TABLE x;`;
    expect(splitStatements(sqlite, 'sqlite').map((s) => s.line)).toEqual([1, 5]);
  });

  it('fails closed when the grammar cannot read a statement', async () => {
    const found = await analyzeFiles([file('1_x', 'SELECT 1;\nFROBNICATE everything;')], 'mysql');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'unparsed', line: 2 });
  });

  it('MySQL type changes: widening passes, narrowing, a new character set and a lost AUTO_INCREMENT block', async () => {
    const catalog: Catalog = {
      column: (_t, c) =>
        Promise.resolve(
          {
            id: { type: { name: 'int', params: [] }, autoIncrement: true },
            name: { type: { name: 'varchar', params: [100] } },
            body: { type: { name: 'text', params: [] } },
          }[c],
        ),
    };
    const sql = [
      'ALTER TABLE users MODIFY COLUMN id BIGINT AUTO_INCREMENT;',
      'ALTER TABLE users MODIFY COLUMN name VARCHAR(255) NOT NULL;',
      'ALTER TABLE users MODIFY COLUMN body MEDIUMTEXT;',
      'ALTER TABLE users MODIFY COLUMN name VARCHAR(50);',
      'ALTER TABLE users MODIFY COLUMN body MEDIUMTEXT CHARACTER SET latin1;',
      'ALTER TABLE users MODIFY COLUMN id BIGINT;',
    ].join('\n');
    const found = await analyzeFiles([file('1_t', sql)], 'mysql', catalog);
    expect(kinds(found)).toEqual([
      [4, 'type-change', 'users.name'],
      [5, 'type-change', 'users.body'],
      [6, 'type-change', 'users.id'],
    ]);
    expect(found.map((f) => f.detail)).toEqual([
      'MODIFY COLUMN name: varchar(255) → varchar(50) may truncate or fail to convert',
      'MODIFY COLUMN body: a new character set converts every value',
      'MODIFY COLUMN id: it drops the AUTO_INCREMENT the column has',
    ]);
  });
});
