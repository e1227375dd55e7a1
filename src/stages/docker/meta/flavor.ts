import { UserError } from '../../../core/errors.js';
import { entryFields, splitField, type InputRef } from './input-list.js';

/** metadata-action's `flavor`: what applies to every tag unless a rule says otherwise. */
export interface Flavor {
  /** `auto`: `latest` follows the first rule that yields a tag (tags, semver, pep440, match say yes). */
  latest: 'auto' | 'true' | 'false';
  prefix: string;
  /** Whether `latest` gets the prefix too (`prefix=…,onlatest=true`). */
  prefixLatest: boolean;
  suffix: string;
  suffixLatest: boolean;
}

export const DEFAULT_FLAVOR: Readonly<Flavor> = {
  latest: 'auto',
  prefix: '',
  prefixLatest: false,
  suffix: '',
  suffixLatest: false,
};

/**
 * `latest=auto|true|false`, `prefix=…`, `suffix=…`; `onlatest=true|false` belongs to the prefix or suffix
 * written before it on the same line.
 */
export function parseFlavor(entries: readonly string[], input: InputRef): Flavor {
  const flavor: Flavor = { ...DEFAULT_FLAVOR };
  for (const entry of entries) {
    let onlatestFor: 'prefix' | 'suffix' | undefined;
    for (const field of entryFields(entry, input).map(splitField)) {
      const fail = (problem: string): never => {
        throw new UserError(`${input.label}: ${problem} in '${entry}'`, { input: input.name });
      };
      if ('bare' in field) fail(`'${field.bare}' is not key=value (latest, prefix, suffix, onlatest)`);
      else if (field.key === 'latest') {
        if (field.value !== 'auto' && field.value !== 'true' && field.value !== 'false') {
          fail(`latest must be auto, true or false, got '${field.value}'`);
        }
        flavor.latest = field.value as Flavor['latest'];
      } else if (field.key === 'prefix') {
        flavor.prefix = field.value;
        onlatestFor = 'prefix';
      } else if (field.key === 'suffix') {
        flavor.suffix = field.value;
        onlatestFor = 'suffix';
      } else if (field.key === 'onlatest') {
        if (field.value !== 'true' && field.value !== 'false')
          fail(`onlatest must be true or false, got '${field.value}'`);
        if (onlatestFor === 'prefix') flavor.prefixLatest = field.value === 'true';
        if (onlatestFor === 'suffix') flavor.suffixLatest = field.value === 'true';
      } else {
        fail(`unknown flavor '${field.key}' (known: latest, prefix, suffix, onlatest)`);
      }
    }
  }
  return flavor;
}
