/**
 * What the destructive-change analysis reports. Its own module, so the dialect analysers and the
 * dispatcher in analyze.ts all import from here and not from each other.
 */
export const DESTRUCTIVE_KINDS = [
  'drop-table',
  'drop-column',
  'drop-schema',
  // DROP OWNED BY drops every object the role owns; DROP TYPE/FUNCTION/… CASCADE drops what depends on it.
  'drop-owned',
  'drop-cascade',
  'truncate',
  'delete-without-where',
  'update-without-where',
  // MERGE … WHEN MATCHED THEN DELETE (or NOT MATCHED BY SOURCE): deletes every row the join picks.
  'merge-delete',
  'type-change',
  'not-null-without-default',
  'rename',
  // EXECUTE of a string built at run time: what it runs cannot be known before it runs, so it blocks.
  'dynamic-sql',
  // The parser could not read the statement, so it cannot be shown to be safe: fail closed.
  'unparsed',
] as const;
export type DestructiveKind = (typeof DESTRUCTIVE_KINDS)[number];

export interface Finding {
  file: string;
  line: number;
  kind: DestructiveKind;
  /** What is affected, e.g. `users.email` or `users`. */
  target: string;
  detail: string;
}

/** Where a statement sits when it does not run now: inside a function body, a DO block or a rule. */
export type Enclosure = { kind: 'function'; name: string } | { kind: 'do' } | { kind: 'rule'; name: string };

export function describeEnclosure(enclosure: Enclosure | undefined): string {
  if (!enclosure) return '';
  switch (enclosure.kind) {
    case 'function':
      return `in the body of ${enclosure.name} (runs when it is called): `;
    case 'do':
      return 'in a DO block: ';
    case 'rule':
      return `in rule ${enclosure.name} (runs on every matching statement): `;
  }
}
