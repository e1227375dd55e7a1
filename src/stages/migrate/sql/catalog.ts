import type { Driver } from '../drivers/types.js';
import type { Catalog, ColumnInfo } from './schema-state.js';
import { mysqlTypeName } from './type-change.js';

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `public.users` → `"public"."users"`, so that to_regclass keeps the case the parser gave the name. */
function regclassText(table: string): string {
  return table.split('.').map(quoteIdent).join('.');
}

/** A varchar(n)/numeric(p,s) type modifier as PostgreSQL stores it in atttypmod. */
function pgParams(typname: string, typmod: number): number[] {
  if (typmod < 0) return [];
  if (typname === 'varchar' || typname === 'bpchar') return [typmod - 4];
  if (typname === 'numeric') {
    const v = typmod - 4;
    return [(v >> 16) & 0xffff, v & 0xffff];
  }
  return [];
}

function postgresCatalog(driver: Driver): Catalog {
  return {
    async column(table, column) {
      const rows = await driver.query(
        `SELECT t.typname AS typname, a.atttypmod AS typmod, t.typelem <> 0 AND t.typlen = -1 AS is_array
           FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
          WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped`,
        [regclassText(table), column],
      );
      const r = rows[0];
      if (!r) return undefined;
      const array = r.is_array === true;
      const name = array ? String(r.typname).replace(/^_/, '') : String(r.typname);
      return { type: { name, params: pgParams(name, Number(r.typmod)), ...(array ? { array } : {}) } };
    },
  };
}

/** `int(11) unsigned`, `varchar(100)`, `decimal(10,2)` → the type and its parameters. */
export function parseMysqlColumnType(columnType: string): ColumnInfo['type'] {
  const m = /^\s*([a-z]+)\s*(?:\(([^)]*)\))?\s*(.*)$/i.exec(columnType);
  const name = mysqlTypeName(m?.[1] ?? columnType);
  // Display widths of integer types (int(11)) are not a size: MySQL 8 dropped them.
  const isInt = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'].includes(name);
  const params =
    m?.[2] && !isInt && /^\s*\d+(\s*,\s*\d+)?\s*$/.test(m[2]) ? m[2].split(',').map((p) => Number(p.trim())) : [];
  const unsigned = /\bunsigned\b/i.test(m?.[3] ?? '');
  return { name, params, ...(unsigned ? { unsigned } : {}) };
}

function mysqlCatalog(driver: Driver): Catalog {
  return {
    async column(table, column) {
      const dot = table.lastIndexOf('.');
      const schema = dot >= 0 ? table.slice(0, dot) : null;
      const name = table.slice(dot + 1);
      const rows = await driver.query(
        `SELECT COLUMN_TYPE AS column_type, EXTRA AS extra FROM information_schema.COLUMNS
          WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?`,
        [schema, name, column],
      );
      const r = rows[0];
      if (!r) return undefined;
      const text = (v: unknown): string => (Buffer.isBuffer(v) ? v.toString() : typeof v === 'string' ? v : '');
      return {
        type: parseMysqlColumnType(text(r.column_type)),
        ...(/auto_increment/i.test(text(r.extra)) ? { autoIncrement: true } : {}),
      };
    },
  };
}

/** The database's own view of a column, for the type-change rules; SQLite cannot change types at all. */
export function driverCatalog(driver: Driver): Catalog | undefined {
  if (driver.dialect === 'postgres') return postgresCatalog(driver);
  if (driver.dialect === 'mysql') return mysqlCatalog(driver);
  return undefined;
}
