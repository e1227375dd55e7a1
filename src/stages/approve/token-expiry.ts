import { formatDuration } from './request.js';

/** GitHub App installation tokens (`ghs_`) expire one hour after they are created. */
export const APP_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/**
 * The rule for warning that the token may die before the deadline:
 * 1. When GitHub says when the token expires (the `github-authentication-token-expiration` response
 *    header, sent for tokens with an expiry) and that is before the deadline: warn with the time.
 * 2. Otherwise, when the token is an installation token (`ghs_`) and the timeout is longer than an
 *    hour: warn that it may expire. The job's own GITHUB_TOKEN is also `ghs_` but lives until the
 *    job ends, and the two cannot be told apart from the token, so the warning says so.
 * Other tokens (classic or fine-grained PATs without that header) are not warned about.
 */
export function tokenExpiryWarning(opts: {
  token?: string;
  expiresHeader?: string;
  now: number;
  deadline: number;
  timeoutMs: number;
}): string | undefined {
  if (opts.expiresHeader) {
    const expires = Date.parse(opts.expiresHeader.replace(/ UTC$/, 'Z').replace(' ', 'T'));
    if (Number.isFinite(expires) && expires < opts.deadline) {
      return (
        `github-token expires at ${new Date(expires).toISOString()}, before the approval deadline ` +
        `${new Date(opts.deadline).toISOString()}: polling will fail then and the gate will fail closed. ` +
        'Use a token that outlives the timeout, or a shorter timeout.'
      );
    }
    if (Number.isFinite(expires)) return undefined;
  }
  if (opts.token?.startsWith('ghs_') && opts.timeoutMs > APP_TOKEN_LIFETIME_MS) {
    return (
      `timeout is ${formatDuration(opts.timeoutMs)}, but github-token is a GitHub App installation token: ` +
      'one made by an app (e.g. actions/create-github-app-token) expires 1 hour after it was created, and the gate ' +
      'then fails closed. The job’s own GITHUB_TOKEN lasts until the job ends, so ignore this if you use it.'
    );
  }
  return undefined;
}
