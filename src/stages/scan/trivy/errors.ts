import { ServiceError } from '../../../core/errors.js';
import type { ProcessResult } from './exec.js';

/** `2026-11-27T23:13:21Z	FATAL	Fatal error	<message>`: Trivy's log prefix, dropped from what is shown. */
const LOG_PREFIX = /^(?:\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)\s+)?(?:FATAL|ERROR|WARN|INFO|DEBUG)\s+/;
const MAX_LINE = 700;

/**
 * Trivy's standard error as one line: from its last FATAL entry on (the error and the wrapped causes
 * it lists below it), else the last lines; log prefixes dropped, lines joined with "; ".
 */
export function stderrTail(stderr: string): string {
  const lines = stderr.split(/\r?\n/);
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/(^|\s)FATAL\s/.test(lines[i])) {
      start = i;
      break;
    }
  }
  const chosen = (start >= 0 ? lines.slice(start) : lines.slice(-6))
    .map((line) =>
      line
        .trim()
        .replace(LOG_PREFIX, '')
        .replace(/^Fatal error\s+/, '')
        .replace(/^\*\s*/, ''),
    )
    .filter((line) => line.length > 0);
  // "2 errors occurred:" is followed by its list; other lines are separate statements.
  const text = chosen
    .map((line, i) => (i === 0 ? line : `${chosen[i - 1].endsWith(':') ? ' ' : '; '}${line}`))
    .join('')
    .replace(/\s+/g, ' ');
  return text.length > MAX_LINE ? `…${text.slice(text.length - MAX_LINE)}` : text;
}

/** Trivy's message says the registry refused us for asking too often. */
export function isRateLimited(stderr: string): boolean {
  return /TOOMANYREQUESTS|429 Too Many Requests|status code 429/i.test(stderr);
}

const NETWORK =
  /connection refused|no such host|i\/o timeout|TLS handshake|x509:|UNAUTHORIZED|DENIED|TOOMANYREQUESTS|status code 5\d\d|server misbehaving|network is unreachable/i;

/**
 * A Trivy run that failed: not a shipkit bug, so shown as one line (what Trivy said last) with a
 * hint, exit code 1. A ServiceError, as the core shows those that way.
 */
export class TrivyFailure extends ServiceError {
  constructor(
    readonly what: string,
    readonly result: ProcessResult,
    input?: string,
  ) {
    const how =
      result.code === null ? `was ended by ${result.signal ?? 'a signal'}` : `exited with code ${result.code}`;
    const tail = stderrTail(result.stderr);
    super(
      `${what} ${how}${tail ? `: ${tail}` : ''}`,
      NETWORK.test(result.stderr)
        ? 'Trivy could not reach a registry: check the address, credentials (TRIVY_USERNAME/TRIVY_PASSWORD or docker login) and network.'
        : "The message is Trivy's own; run the same command with --debug to see more.",
      input,
    );
    this.name = 'TrivyFailure';
  }
}
