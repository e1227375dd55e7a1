import { UserError } from './errors.js';

/**
 * Where raw option values come from: action inputs (`INPUT_*`) or CLI flags. Both feed the same
 * typed readers, so an action and `npx shipkit <stage>` validate alike and name the bad option.
 */
export interface InputSource {
  /** Raw value, or undefined when unset or empty. */
  get(name: string): string | undefined;
  /** How the user names the option in messages: `input 'min-lines'` or `--min-lines`. */
  label(name: string): string;
  /** Register a secret so it is never printed (core.setSecret in an action). */
  mask(value: string): void;
  /** How many times the option was given (CLI flags may repeat); absent for action inputs. */
  count?(name: string): number;
}

/** A source over a plain map, e.g. parsed CLI flags or a test's options. */
export function mapSource(values: Record<string, string | undefined>, style: 'flag' | 'input' = 'flag'): InputSource {
  return {
    get: (name) => {
      const v = values[name];
      return v === undefined || v.trim() === '' ? undefined : v;
    },
    label: (name) => (style === 'flag' ? `--${name}` : `input '${name}'`),
    mask: () => undefined,
  };
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Typed, validated reads. Every error names the option and repeats the bad value. */
export class InputReader {
  constructor(readonly source: InputSource) {}

  private fail(name: string, value: string, expected: string): never {
    throw new UserError(`${this.source.label(name)} must be ${expected}, got '${value}'`, { input: name });
  }

  /** One value. A CLI flag given twice for it is a mistake, not a list. */
  string(name: string): string | undefined {
    const given = this.source.count?.(name) ?? 0;
    if (given > 1) {
      throw new UserError(`${this.source.label(name)} takes one value but was given ${given} times`, { input: name });
    }
    return this.source.get(name)?.trim();
  }

  required(name: string): string {
    const v = this.string(name);
    if (v === undefined) throw new UserError(`${this.source.label(name)} is required`, { input: name });
    return v;
  }

  /** Raw, untrimmed text (multi-line scripts, inline YAML). */
  text(name: string): string | undefined {
    return this.source.get(name);
  }

  /** YAML 1.2 core booleans, as core.getBooleanInput accepts them; "yes" is refused, not guessed. */
  bool(name: string, fallback: boolean): boolean {
    const v = this.string(name);
    if (v === undefined) return fallback;
    if (TRUE.includes(v)) return true;
    if (FALSE.includes(v)) return false;
    return this.fail(name, v, 'true or false');
  }

  number(name: string, opts: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const n = Number(v.replace(/%$/, ''));
    const range =
      opts.min !== undefined && opts.max !== undefined
        ? ` from ${opts.min} to ${opts.max}`
        : opts.min !== undefined
          ? ` ≥ ${opts.min}`
          : opts.max !== undefined
            ? ` ≤ ${opts.max}`
            : '';
    const what = `${opts.integer ? 'a whole number' : 'a number'}${range}`;
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) this.fail(name, v, what);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) this.fail(name, v, what);
    return n;
  }

  /** One value per line or comma-separated; blanks dropped. */
  list(name: string): string[] {
    const v = this.source.get(name);
    if (v === undefined) return [];
    return splitList(v);
  }

  /** Like list(), but split on newlines only: for shell commands, which may contain commas. */
  lines(name: string): string[] {
    const v = this.source.get(name);
    if (v === undefined) return [];
    return v
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.string(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    return this.fail(name, v, `one of ${allowed.join(', ')}`);
  }

  /** `500ms`, `30s`, `5m`, `1h`, `2d`, or a bare number of `bareUnit`s. Returns milliseconds. */
  duration(name: string, bareUnit: 'ms' | 's' = 's'): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const ms = parseDuration(v, bareUnit);
    if (ms === undefined) return this.fail(name, v, 'a duration such as 30s, 5m or 1h');
    return ms;
  }

  /** A token or secret: registered for masking before anything can print it. */
  secret(name: string): string | undefined {
    const v = this.string(name);
    if (v !== undefined) this.source.mask(v);
    return v;
  }
}

export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseDuration(value: string, bareUnit: 'ms' | 's' = 's'): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  if (!m) return undefined;
  const unit = m[2] ?? bareUnit;
  return Math.round(Number(m[1]) * (DURATION_UNITS[unit] ?? 1000));
}
