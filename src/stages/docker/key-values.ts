import { UserError } from '../../core/errors.js';

/**
 * `NAME=value` lines (`build-args`, `secrets`): split at the first `=`, so a value may hold `=`. A line
 * without `=` or with a name Docker would refuse is an error that names the input and the line, but never
 * repeats the value (a secret's line would print the secret).
 */
export function parseKeyValues(
  lines: readonly string[],
  opts: { input: string; label: string; what: string; name: RegExp },
): { key: string; value: string }[] {
  return lines.map((line, i) => {
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!opts.name.test(key)) {
      throw new UserError(
        `${opts.label}: line ${i + 1} must be ${opts.what}=value${key ? ` ('${key}' is not a valid name)` : ''}`,
        { input: opts.input },
      );
    }
    return { key, value: line.slice(eq + 1) };
  });
}

/** Build args Docker accepts: the names of ARG instructions. */
export const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Secret ids BuildKit accepts in `--secret id=…` and `RUN --mount=type=secret,id=…`. */
export const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
