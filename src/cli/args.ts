import { UserError } from '../core/errors.js';
import type { InputSource } from '../core/inputs.js';
import type { Flag } from './flags.js';

export interface ParsedArgs {
  /** Every value given per flag, in order (a repeated flag has several). */
  values: Map<string, string[]>;
}

/** A mistake on the command line: exit 2, with the command's help after the message. */
export class UsageError extends UserError {}

/**
 * `--name value`, `--name=value`, `--flag` / `--no-flag` for true/false inputs, `-h`. A flag may be
 * repeated: multi-line inputs (commands, files) get one value per line, as the action's input would
 * hold them; single-value inputs refuse a second value when they are read.
 */
export function parseArgs(argv: readonly string[], flags: readonly Flag[]): ParsedArgs {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const values = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    values.set(name, [...(values.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '-h') {
      add('help', 'true');
      continue;
    }
    if (!token.startsWith('--') || token === '--') {
      throw new UsageError(`unexpected argument '${token}': options are given as --name value`);
    }
    const eq = token.indexOf('=');
    const rawName = token.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    let flag = byName.get(rawName);
    if (!flag && rawName.startsWith('no-')) {
      const positive = byName.get(rawName.slice(3));
      if (positive?.boolean && inline === undefined) {
        add(positive.name, 'false');
        continue;
      }
    }
    if (!flag) throw new UsageError(`unknown option '--${rawName}'${suggestion(rawName, flags)}`);
    if (flag.boolean) {
      add(flag.name, inline ?? 'true');
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`option '--${flag.name}' needs a value`, { input: flag.name });
      }
      value = next;
      i++;
    }
    add(flag.name, value);
    flag = undefined;
  }
  return { values };
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] ?? 0;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] ?? 0;
      d[j] = Math.min((d[j] ?? 0) + 1, (d[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length] ?? 0;
}

function suggestion(name: string, flags: readonly Flag[]): string {
  const best = flags
    .map((f) => ({ f, d: distance(name, f.name) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d)[0];
  return best ? `; did you mean '--${best.f.name}'?` : '';
}

/**
 * The parsed flags as the stage's options reader sees them: action.yml's defaults applied for flags
 * not given, as the runner applies them for inputs not set, so both read the same values.
 */
export function flagSource(parsed: ParsedArgs, flags: readonly Flag[], mask: (value: string) => void): InputSource {
  const defaults = new Map(flags.filter((f) => f.default !== undefined).map((f) => [f.name, f.default ?? '']));
  return {
    get: (name) => {
      const given = parsed.values.get(name);
      const v = given ? given.join('\n') : defaults.get(name);
      return v === undefined || v.trim() === '' ? undefined : v;
    },
    count: (name) => parsed.values.get(name)?.length ?? 0,
    label: (name) => `--${name}`,
    mask,
  };
}
