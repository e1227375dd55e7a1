/**
 * Whether changing a column's type can lose or alter data. Widening (int → bigint, varchar(50) →
 * varchar(200) or text, numeric(10,2) → numeric(14,2), real → double precision) keeps every value
 * as it was and does not block; narrowing and converting (text → int, timestamp → timestamptz,
 * char(n) → text, which trims trailing blanks) do. An unknown current type counts as converting:
 * the analysis fails closed.
 */
export interface SqlType {
  /** Canonical lower-case name: PostgreSQL's internal one (`int4`, `varchar`) or MySQL's (`int`, `varchar`). */
  name: string;
  /** Length, or precision and scale; empty when unconstrained. */
  params: number[];
  unsigned?: boolean;
  array?: boolean;
}

export function formatType(t: SqlType): string {
  return `${t.name}${t.params.length ? `(${t.params.join(',')})` : ''}${t.unsigned ? ' unsigned' : ''}${t.array ? '[]' : ''}`;
}

const PG_ALIASES: Record<string, string> = {
  smallint: 'int2',
  integer: 'int4',
  int: 'int4',
  bigint: 'int8',
  real: 'float4',
  'double precision': 'float8',
  decimal: 'numeric',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  boolean: 'bool',
  serial: 'int4',
  bigserial: 'int8',
  smallserial: 'int2',
};

export function pgTypeName(name: string): string {
  const n = name.toLowerCase();
  return PG_ALIASES[n] ?? n;
}

const MYSQL_ALIASES: Record<string, string> = {
  integer: 'int',
  dec: 'decimal',
  numeric: 'decimal',
  real: 'double',
  bool: 'tinyint',
  boolean: 'tinyint',
};

export function mysqlTypeName(name: string): string {
  const n = name.toLowerCase();
  return MYSQL_ALIASES[n] ?? n;
}

/** Decimal digits an integer type holds in full (numeric(p,s) must keep p - s of them). */
const INT_DIGITS: Record<string, number> = {
  int2: 5,
  int4: 10,
  int8: 19,
  tinyint: 3,
  smallint: 5,
  mediumint: 8,
  int: 10,
  bigint: 19,
};
const PG_INT_RANK = ['int2', 'int4', 'int8'];
const MYSQL_INT_RANK = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'];
/** MySQL text types by the bytes they hold. */
const MYSQL_TEXT_BYTES: Record<string, number> = {
  tinytext: 255,
  text: 65_535,
  mediumtext: 16_777_215,
  longtext: 4_294_967_295,
};
/** utf8mb4: up to 4 bytes a character. */
const MYSQL_MAX_BYTES_PER_CHAR = 4;

function sameType(a: SqlType, b: SqlType): boolean {
  return (
    a.name === b.name &&
    Boolean(a.unsigned) === Boolean(b.unsigned) &&
    Boolean(a.array) === Boolean(b.array) &&
    a.params.length === b.params.length &&
    a.params.every((p, i) => p === b.params[i])
  );
}

/** numeric(p,s) → numeric(p2,s2) keeps every value when it has as many digits on both sides of the point. */
function decimalWidens(from: SqlType, to: SqlType): boolean {
  if (to.params.length === 0) return true; // unconstrained numeric holds any numeric
  if (from.params.length === 0) return false;
  const [p, s = 0] = from.params;
  const [p2, s2 = 0] = to.params;
  if (p === undefined || p2 === undefined) return false;
  return s2 >= s && p2 - s2 >= p - s;
}

function intToDecimal(from: SqlType, to: SqlType): boolean {
  const digits = INT_DIGITS[from.name];
  if (digits === undefined) return false;
  if (to.params.length === 0) return true;
  const [p, s = 0] = to.params;
  return p !== undefined && p - s >= digits + (from.unsigned ? 1 : 0);
}

function pgWidens(from: SqlType, to: SqlType): boolean {
  const fi = PG_INT_RANK.indexOf(from.name);
  const ti = PG_INT_RANK.indexOf(to.name);
  if (fi >= 0 && ti >= 0) return ti >= fi;
  if (fi >= 0 && to.name === 'numeric') return intToDecimal(from, to);
  if (from.name === 'numeric' && to.name === 'numeric') return decimalWidens(from, to);
  if (from.name === 'float4' && to.name === 'float8') return true;
  if (from.name === 'varchar' && to.name === 'varchar')
    return to.params.length === 0 || (from.params.length > 0 && (to.params[0] ?? 0) >= (from.params[0] ?? 0));
  if ((from.name === 'varchar' || from.name === 'text') && to.name === 'text') return true;
  if (from.name === 'text' && to.name === 'varchar') return to.params.length === 0;
  return false;
}

function mysqlWidens(from: SqlType, to: SqlType): boolean {
  const fi = MYSQL_INT_RANK.indexOf(from.name);
  const ti = MYSQL_INT_RANK.indexOf(to.name);
  if (fi >= 0 && ti >= 0) {
    if (Boolean(from.unsigned) === Boolean(to.unsigned)) return ti >= fi;
    // unsigned → signed needs the next size up; signed → unsigned loses the negatives.
    return Boolean(from.unsigned) && !to.unsigned && ti > fi;
  }
  if (fi >= 0 && to.name === 'decimal') return intToDecimal(from, to);
  if (from.name === 'decimal' && to.name === 'decimal')
    return decimalWidens(from, to) && !(to.unsigned && !from.unsigned);
  if (from.name === 'float' && to.name === 'double') return true;
  if (from.name === 'varchar' && to.name === 'varchar') return (to.params[0] ?? 0) >= (from.params[0] ?? Infinity);
  const fromTextBytes = MYSQL_TEXT_BYTES[from.name];
  const toTextBytes = MYSQL_TEXT_BYTES[to.name];
  if (fromTextBytes !== undefined && toTextBytes !== undefined) return toTextBytes >= fromTextBytes;
  if (from.name === 'varchar' && toTextBytes !== undefined)
    return (from.params[0] ?? Infinity) * MYSQL_MAX_BYTES_PER_CHAR <= toTextBytes;
  return false;
}

/**
 * `undefined` when `to` keeps every value of `from` as it is; otherwise why the change blocks.
 * `from` undefined (the current type is not known) blocks.
 */
export function lossyChange(from: SqlType | undefined, to: SqlType, dialect: 'postgres' | 'mysql'): string | undefined {
  if (!from) return `the current type of the column is not known, so ${formatType(to)} may truncate or fail to convert`;
  if (sameType(from, to)) return undefined;
  if (Boolean(from.array) !== Boolean(to.array)) return `${formatType(from)} → ${formatType(to)} converts every value`;
  const widens = dialect === 'postgres' ? pgWidens(from, to) : mysqlWidens(from, to);
  return widens ? undefined : `${formatType(from)} → ${formatType(to)} may truncate or fail to convert`;
}
