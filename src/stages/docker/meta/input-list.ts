import { parse } from 'csv-parse/sync';
import { UserError, errorMessage } from '../../../core/errors.js';

/** Which option a list came from, for error messages: the name and how the user writes it. */
export interface InputRef {
  name: string;
  /** `input 'tags'` in an action, `--tags` in the CLI. */
  label: string;
}

export const inputRef = (name: string, label = `input '${name}'`): InputRef => ({ name, label });

/**
 * The entries of a list input (`images`, `tags`, `flavor`, `labels`) the way docker/metadata-action reads
 * them (its toolkit's `getInputList` with `ignoreComma` and `#` comments): each line is a CSV record,
 * `#` starts a comment anywhere outside quotes, and a record's fields are joined back with commas. So
 * quotes are consumed here, before an entry's own fields are split, exactly as in metadata-action:
 * a workflow that works there means the same here.
 */
export function readInputList(text: string | undefined, input: InputRef): string[] {
  if (text === undefined || text.trim() === '') return [];
  let records: string[][];
  try {
    records = parse(text, {
      columns: false,
      relaxQuotes: true,
      comment: '#',
      relaxColumnCount: true,
      skipEmptyLines: true,
    });
  } catch (error) {
    throw new UserError(`${input.label} is not a valid list: ${errorMessage(error)}`, { input: input.name });
  }
  return records
    .map((record) => (record.length === 1 ? (record[0] ?? '') : record.join(',')))
    .filter((entry) => entry !== '')
    .map((entry) => entry.trim());
}

/** The comma-separated fields of one entry (`type=semver,pattern={{version}}`), CSV quoting honoured. */
export function entryFields(entry: string, input: InputRef): string[] {
  let records: string[][];
  try {
    records = parse(entry, { relaxColumnCount: true, skipEmptyLines: true });
  } catch (error) {
    throw new UserError(`${input.label}: cannot read '${entry}': ${errorMessage(error)}`, { input: input.name });
  }
  return records[0] ?? [];
}

/**
 * `key=value` split at the first `=` (so a value may hold `=`), both sides trimmed and the key lowercased;
 * a field with no `=` is a bare value.
 */
export function splitField(field: string): { key: string; value: string } | { bare: string } {
  const eq = field.indexOf('=');
  if (eq < 0) return { bare: field.trim() };
  return { key: field.slice(0, eq).trim().toLowerCase(), value: field.slice(eq + 1).trim() };
}
