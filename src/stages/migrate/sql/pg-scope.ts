import type { MigrationFile } from '../files.js';
import { describeEnclosure, type DestructiveKind, type Enclosure, type Finding } from './findings.js';
import type { SchemaState } from './schema-state.js';

/** Where the PostgreSQL analysis is: the file, what it found so far, and how to place a node on a line. */
export interface Scope {
  file: MigrationFile;
  findings: Finding[];
  state: SchemaState;
  /** Where the statements being walked run later instead of now; undefined at the top of the file. */
  enclosure?: Enclosure;
  /** The file line of a byte offset in the text being walked (-1: the statement's own line). */
  lineOf(byteOffset: number): number;
  /** The source of the statement being walked (PL/pgSQL bodies are compiled from it). */
  statementText: string;
  depth: number;
}

/** Analyses SQL text found inside a statement (a body, a PL/pgSQL statement), placed from file line `line`. */
export type AnalyzeSqlText = (text: string, scope: Scope, line: number) => Promise<void>;

export function report(scope: Scope, line: number, kind: DestructiveKind, target: string, detail: string): void {
  scope.findings.push({
    file: scope.file.file,
    line,
    kind,
    target,
    detail: `${describeEnclosure(scope.enclosure)}${detail}`,
  });
}
