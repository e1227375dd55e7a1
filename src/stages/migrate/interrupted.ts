import type { Driver } from './drivers/types.js';
import type { MigrationFile } from './files.js';
import { HISTORY_TABLE, type StartedRow } from './history.js';
import { objectsOf, type FileObject } from './sql/objects.js';

export interface ObjectState extends FileObject {
  exists: boolean;
  /** PostgreSQL: an index left INVALID by a CREATE INDEX CONCURRENTLY that did not finish. */
  invalid?: boolean;
}

/** A file an earlier run started and did not finish, and what of it is in the database now. */
export interface InterruptedFile {
  version: string;
  file: string;
  startedAt: string;
  startedBy: string;
  objects: ObjectState[];
  /** What to do, in one paragraph. */
  advice: string;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const regclass = (name: string): string => name.split('.').map(quoteIdent).join('.');

function splitColumn(name: string): { table: string; column: string } {
  const dot = name.lastIndexOf('.');
  return { table: name.slice(0, dot), column: name.slice(dot + 1) };
}

function bareTable(name: string): { schema: string | null; table: string } {
  const dot = name.lastIndexOf('.');
  return { schema: dot >= 0 ? name.slice(0, dot) : null, table: name.slice(dot + 1) };
}

async function postgresState(driver: Driver, o: FileObject): Promise<Pick<ObjectState, 'exists' | 'invalid'>> {
  if (o.kind === 'column') {
    const { table, column } = splitColumn(o.name);
    const rows = await driver.query(
      'SELECT 1 AS x FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped',
      [regclass(table), column],
    );
    return { exists: rows.length > 0 };
  }
  const rows = await driver.query(
    'SELECT c.oid IS NOT NULL AS e, i.indisvalid AS valid FROM (SELECT to_regclass(?) AS oid) c LEFT JOIN pg_index i ON i.indexrelid = c.oid',
    [regclass(o.name)],
  );
  const exists = rows[0]?.e === true;
  return { exists, ...(exists && o.kind === 'index' && rows[0]?.valid === false ? { invalid: true } : {}) };
}

async function mysqlState(driver: Driver, o: FileObject): Promise<Pick<ObjectState, 'exists'>> {
  const schemaOf = (s: string | null): string => (s ? '?' : 'DATABASE()');
  if (o.kind === 'column') {
    const { table, column } = splitColumn(o.name);
    const t = bareTable(table);
    const rows = await driver.query(
      `SELECT 1 AS x FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${schemaOf(t.schema)} AND TABLE_NAME = ? AND COLUMN_NAME = ?`,
      [...(t.schema ? [t.schema] : []), t.table, column],
    );
    return { exists: rows.length > 0 };
  }
  if (o.kind === 'index') {
    const { table, column: index } = splitColumn(o.name);
    const t = bareTable(table);
    const rows = await driver.query(
      `SELECT 1 AS x FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ${schemaOf(t.schema)} AND TABLE_NAME = ? AND INDEX_NAME = ?`,
      [...(t.schema ? [t.schema] : []), t.table, index],
    );
    return { exists: rows.length > 0 };
  }
  const t = bareTable(o.name);
  const rows = await driver.query(
    `SELECT 1 AS x FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${schemaOf(t.schema)} AND TABLE_NAME = ?`,
    [...(t.schema ? [t.schema] : []), t.table],
  );
  return { exists: rows.length > 0 };
}

async function sqliteState(driver: Driver, o: FileObject): Promise<Pick<ObjectState, 'exists'>> {
  if (o.kind === 'column') {
    const { table, column } = splitColumn(o.name);
    const rows = await driver.query('SELECT 1 AS x FROM pragma_table_info(?) WHERE name = ?', [table, column]);
    return { exists: rows.length > 0 };
  }
  const name = o.kind === 'index' ? splitColumn(o.name).column : o.name;
  const rows = await driver.query('SELECT 1 AS x FROM sqlite_master WHERE name = ?', [name]);
  return { exists: rows.length > 0 };
}

function describeObject(o: ObjectState): string {
  const state = o.exists ? (o.invalid ? 'exists but is INVALID' : 'exists') : 'does not exist';
  return `${o.kind} ${o.name} ${state}`;
}

function adviceFor(file: MigrationFile | undefined, row: StartedRow, objects: ObjectState[], driver: Driver): string {
  const done = objects.filter((o) => (o.change === 'create') === o.exists && !o.invalid).length;
  const why = driver.transactionalDdl
    ? `it runs outside a transaction (-- shipkit:no-transaction), so each statement committed as it ran`
    : `MySQL/MariaDB commit each statement as it runs (DDL cannot be rolled back)`;
  const seen =
    objects.length === 0
      ? 'shipkit could not tell which of its statements ran.'
      : `Of what it creates or drops: ${objects.map(describeObject).join('; ')} (${done} of ${objects.length} as the file leaves them).`;
  const where = file ? file.file : `version ${row.version}`;
  return (
    `${where} was started by ${row.startedBy} at ${row.startedAt} and did not finish: ${why}. ${seen} ` +
    `Make the database match the whole file (run its remaining statements by hand) or none of it (undo what exists), ` +
    `then delete its row: DELETE FROM ${HISTORY_TABLE} WHERE version = '${row.version}' AND kind = 'started'. ` +
    `If it now matches none of the file, the next run applies the file again; if it matches the whole file, record it ` +
    `instead: UPDATE ${HISTORY_TABLE} SET kind = 'applied' WHERE version = '${row.version}'.`
  );
}

/** For each file an earlier run left `started`: which of its objects exist, and what to do. */
export async function inspectInterrupted(
  driver: Driver,
  started: readonly StartedRow[],
  files: readonly MigrationFile[],
): Promise<InterruptedFile[]> {
  const out: InterruptedFile[] = [];
  for (const row of started) {
    const file = files.find((f) => f.version === row.version);
    const objects: ObjectState[] = [];
    for (const o of file ? await objectsOf(file, driver.dialect) : []) {
      const state =
        driver.dialect === 'postgres'
          ? await postgresState(driver, o)
          : driver.dialect === 'mysql'
            ? await mysqlState(driver, o)
            : await sqliteState(driver, o);
      objects.push({ ...o, ...state });
    }
    out.push({
      version: row.version,
      file: file?.file ?? '',
      startedAt: row.startedAt,
      startedBy: row.startedBy,
      objects,
      advice: adviceFor(file, row, objects, driver),
    });
  }
  return out;
}
