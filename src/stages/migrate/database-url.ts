import path from 'node:path';
import { UserError } from '../../core/errors.js';
import { urlCredentialForms } from '../../core/redact.js';

export type DatabaseKind = 'postgres' | 'mysql' | 'sqlite' | 'pglite';

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** The connection URL for network databases; an absolute path for sqlite and pglite. */
  location: string;
  /** Safe to print: the password replaced by `***`. */
  display: string;
}

/** The CLI's zero-setup default: an embedded PostgreSQL (PGlite) in the repository. */
export const DEFAULT_PGLITE_DIR = '.shipkit/db';

export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

/** The password of a URL as written and decoded, so that each can be masked on its own. */
export function passwordsOf(url: string): string[] {
  return URL.canParse(url) ? urlCredentialForms(new URL(url).password) : [];
}

/** postgres://, mysql://, mariadb:// (anything but the embedded sqlite: and pglite: paths). */
export function isServerUrl(value: string): boolean {
  return !/^(sqlite|pglite):/i.test(value.trim());
}

export function parseDatabaseUrl(value: string | undefined, cwd: string): DatabaseTarget {
  if (value === undefined) {
    const location = path.resolve(cwd, DEFAULT_PGLITE_DIR);
    return { kind: 'pglite', location, display: `pglite:${DEFAULT_PGLITE_DIR}` };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'postgres':
    case 'postgresql':
      return { kind: 'postgres', location: value, display: redactUrl(value) };
    case 'mysql':
    case 'mariadb':
      return { kind: 'mysql', location: value.replace(/^mariadb:/i, 'mysql:'), display: redactUrl(value) };
    case 'sqlite':
    case 'pglite': {
      const rest = value.slice(scheme.length + 1).replace(/^\/\/(?=\/|\.)/, '');
      if (rest === '')
        throw new UserError(`${scheme}: needs a path, e.g. ${scheme}:./data/app.db`, { input: 'database-url' });
      return { kind: scheme, location: path.resolve(cwd, rest), display: `${scheme}:${rest}` };
    }
    default:
      throw new UserError(
        `unsupported database URL scheme '${scheme ?? value.slice(0, 12)}': use postgres://, mysql://, mariadb://, sqlite:PATH or pglite:PATH`,
        { input: 'database-url' },
      );
  }
}
