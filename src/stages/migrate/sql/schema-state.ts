import type { SqlType } from './type-change.js';

export interface ColumnInfo {
  type: SqlType;
  /** MySQL: the column is AUTO_INCREMENT (MODIFY without it removes it). */
  autoIncrement?: boolean;
}

/** Reads the current definition of a column from the database the run targets. */
export interface Catalog {
  column(table: string, column: string): Promise<ColumnInfo | undefined>;
}

const bare = (table: string): string => table.slice(table.lastIndexOf('.') + 1);

/**
 * What the analysis knows of the schema as the pending files change it, file after file: the
 * tables they create (adding a NOT NULL column to one of those is fine) and the columns they
 * define, so that a later type change is compared with the type the run itself gave the column.
 * Anything not created by the run is looked up in the database.
 */
export class SchemaState {
  private readonly created = new Set<string>();
  private readonly tables = new Map<string, Map<string, ColumnInfo>>();

  constructor(private readonly catalog?: Catalog) {}

  createTable(table: string, columns: ReadonlyMap<string, ColumnInfo> = new Map()): void {
    this.created.add(bare(table));
    this.tables.set(bare(table), new Map(columns));
  }

  isNew(table: string): boolean {
    return this.created.has(bare(table));
  }

  setColumn(table: string, column: string, info: ColumnInfo | undefined): void {
    const known = this.tables.get(bare(table)) ?? new Map<string, ColumnInfo>();
    if (info) known.set(column, info);
    else known.delete(column);
    this.tables.set(bare(table), known);
  }

  /** The column as the run left it so far, else as the database has it; undefined when unknown. */
  async column(table: string, column: string): Promise<ColumnInfo | undefined> {
    const known = this.tables.get(bare(table))?.get(column);
    if (known) return known;
    if (this.isNew(table)) return undefined;
    return this.catalog?.column(table, column).catch(() => undefined);
  }
}
