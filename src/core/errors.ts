/**
 * Three kinds of failure, reported differently (as codeql-action splits ConfigurationError from bugs):
 * - UserError: the user's input or file is wrong. One line naming the input, file and line; exit 2.
 * - ServiceError: a server the run needs cannot be reached or refuses us (network, DNS, TLS, a
 *   rejected token or password). The user's problem to fix: one line with a hint; exit 1.
 * - anything else is a bug in shipkit: shown with its stack so it can be filed; exit 1.
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

  /** The one line shown to the user: `file:line: message (input 'name')`. */
  describe(): string {
    const { input, file, line, column } = this.location;
    const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ` : '';
    const which = input && !namesInput(this.message, input) ? ` (input '${input}')` : '';
    return `${where}${this.message}${which}`;
  }
}

/**
 * Whether a message already names the input as its label does (`input 'checks'`, `--checks`): a
 * field path such as `checks[0].method` does not, though it contains the word.
 */
export function namesInput(message: string, input: string): boolean {
  return message.includes(`'${input}'`) || message.includes(`--${input}`);
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A server the run needs is unreachable or refused us. */
export class ServiceError extends Error {
  constructor(
    message: string,
    /** What to check, in one short sentence. */
    readonly hint: string,
    /** The input the failing address or credential came from, when known. */
    readonly input?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ServiceError';
  }

  describe(): string {
    const which = this.input && !this.message.includes(this.input) ? ` (input '${this.input}')` : '';
    return `${this.message}${which}. ${this.hint}`;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Exit codes of the CLI and of an action step. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

interface SystemErrorLike {
  code?: unknown;
  errno?: unknown;
  syscall?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  status?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  request?: { url?: unknown };
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
};
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** PostgreSQL SQLSTATEs and mysql2 codes that mean "cannot get in", not "your SQL is wrong". */
const DATABASE_ACCESS: Record<string, string> = {
  '28P01': 'the database rejected the password',
  '28000': 'the database refused the login',
  '3D000': 'the database does not exist',
  '57P03': 'the database is starting up or shutting down',
  '53300': 'the database has too many connections',
  ER_ACCESS_DENIED_ERROR: 'the database rejected the user or password',
  ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 'the database wants a password and none was given',
  ER_DBACCESS_DENIED_ERROR: 'the user may not use this database',
  ER_BAD_DB_ERROR: 'the database does not exist',
  ER_NOT_SUPPORTED_AUTH_MODE: 'the database asks for an authentication method the client does not support',
  ER_CON_COUNT_ERROR: 'the database has too many connections',
  PROTOCOL_CONNECTION_LOST: 'the database closed the connection',
};

/** The error and its causes, outermost first (fetch wraps the socket error in `cause`; AggregateError in `errors`). */
function chain(error: unknown): SystemErrorLike[] {
  const out: SystemErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 16) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null) continue;
    const s = e as SystemErrorLike;
    out.push(s);
    if (s.cause !== undefined) queue.push(s.cause);
    if (Array.isArray(s.errors)) queue.push(...(s.errors as unknown[]).slice(0, 4));
  }
  return out;
}

function whereOf(e: SystemErrorLike): string {
  if (typeof e.hostname === 'string') return e.hostname;
  if (typeof e.address === 'string') return typeof e.port === 'number' ? `${e.address}:${e.port}` : e.address;
  return '';
}

/**
 * A ServiceError for errors that mean "a server cannot be reached or refused us"; undefined for
 * anything else (a bug, or a UserError that the stage raised itself). `service` names the server
 * for the message (`GitHub API`, `the database`), `input` the input that points at it.
 */
export function asServiceError(
  error: unknown,
  context: { service?: string; input?: string } = {},
): ServiceError | undefined {
  if (error instanceof ServiceError) return error;
  if (error instanceof UserError) return undefined;
  const service = context.service ?? 'a server';
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && NETWORK_CODES[code]) {
      const where = whereOf(e);
      return new ServiceError(
        `cannot reach ${service}${where ? ` at ${where}` : ''}: ${NETWORK_CODES[code]}`,
        'Check that the server is running and that the address is right (and reachable from this runner).',
        context.input,
        { cause: error },
      );
    }
    if (code && TLS_CODES.has(code)) {
      return new ServiceError(
        `cannot connect to ${service} securely: ${code}`,
        'Check the server certificate, or pass the CA that signed it.',
        context.input,
        { cause: error },
      );
    }
    if (code && DATABASE_ACCESS[code]) {
      return new ServiceError(
        `${DATABASE_ACCESS[code]} (${code})`,
        'Check the user, password and database name in the database URL.',
        context.input ?? 'database-url',
        { cause: error },
      );
    }
  }
  // pg's own messages for a connection it cannot set up, and fetch's for a port it will not use
  // (1, 21, 22, 25…: the WHATWG "bad ports"), have no code.
  for (const e of chain(error)) {
    const message = typeof e.message === 'string' ? e.message : '';
    if (message === 'bad port')
      return new ServiceError(
        `cannot reach ${service}: its address has a port that fetch refuses to use ("bad port")`,
        'Check the port in the address: a server is never meant to be reached on it.',
        context.input,
        { cause: error },
      );
    if (/^SASL: .*password must be a string/.test(message))
      return new ServiceError(
        'the database wants a password and none was given',
        'Put the password in the database URL (postgres://user:password@host/db).',
        context.input ?? 'database-url',
        { cause: error },
      );
    if (/^The server does not support SSL connections/.test(message))
      return new ServiceError(
        'the database does not accept SSL, and the URL asks for it',
        'Remove sslmode=require (or ssl=true) from the database URL, or enable SSL on the server.',
        context.input ?? 'database-url',
        { cause: error },
      );
  }
  // Octokit's RequestError: an HTTP status from GitHub after its retries. Looked at only after the
  // causes, because Octokit reports a refused connection as status 500 with the socket error inside.
  for (const e of chain(error)) {
    const status = typeof e.status === 'number' ? e.status : undefined;
    const url = typeof e.request?.url === 'string' ? e.request.url : undefined;
    if (status !== undefined && url !== undefined) {
      const what = `${typeof e.message === 'string' ? e.message.split('\n')[0] : ''}`.trim();
      if (status === 401)
        return new ServiceError(
          `GitHub rejected the token (HTTP 401${what ? `: ${what}` : ''})`,
          'Check that github-token is set and has not expired.',
          'github-token',
          { cause: error },
        );
      if (status === 403 || status === 404)
        return new ServiceError(
          `GitHub refused ${url.replace(/^https?:\/\/[^/]+/, '')} (HTTP ${status}${what ? `: ${what}` : ''})`,
          "Check the token's permissions (the workflow's `permissions:`) and that the repository is right.",
          'github-token',
          { cause: error },
        );
      if (status >= 500)
        return new ServiceError(
          `the GitHub API kept failing (HTTP ${status}${what ? `: ${what}` : ''})`,
          'GitHub may be having trouble (githubstatus.com); re-run the job later.',
          undefined,
          { cause: error },
        );
    }
  }
  return undefined;
}
