/**
 * Two kinds of failure, reported differently (as codeql-action does):
 * - UserError: the user's input, file or environment is wrong. One clear line naming the input,
 *   file and line; exit 1; no stack trace, because the fix is on their side.
 * - anything else is a bug in shipkit: reported with its stack so it can be filed.
 */
export interface UserErrorLocation {
  /** The action input or CLI flag the bad value came from, e.g. `min-lines`. */
  input?: string;
  /** The file the problem is in, as the user would name it (repository-relative when possible). */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
}

export class UserError extends Error {
  readonly location: UserErrorLocation;

  constructor(message: string, location: UserErrorLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
    this.location = location;
  }

  /** The one line shown to the user: `file:line: message (input: name)`. */
  describe(): string {
    const { input, file, line, column } = this.location;
    const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ` : '';
    const which = input && !this.message.includes(input) ? ` (input '${input}')` : '';
    return `${where}${this.message}${which}`;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A gate that did not pass is not an error: it is reported, then the run exits 1. */
export class GateFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GateFailure';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
