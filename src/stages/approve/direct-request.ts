import type { ShipkitOctokit } from '../../core/github/octokit.js';

type Request = (options: Record<string, unknown>) => Promise<unknown>;
type AuthHook = (request: Request, options: Record<string, unknown>) => Promise<unknown>;

/**
 * Per-request options that send a request with the client's authentication and nothing else: no
 * retry plugin (it backs off 1, 4, 9 s on a 5xx) and no throttling plugin (it waits out a
 * `retry-after` of any length before it answers). Both wait in timers nobody can cancel; a caller
 * that handles failures and rate limits itself (approve's poll loop) uses this instead, so that
 * nothing of its requests is left pending once it has decided.
 *
 * `request.hook` is @octokit/request's documented per-request hook; the token's own hook
 * (`octokit.auth.hook`) sets the Authorization header exactly as the client does.
 */
export function withoutClientWaits(octokit: ShipkitOctokit): { hook?: AuthHook } {
  const auth = octokit.auth as unknown as {
    hook?: (request: Request, options: Record<string, unknown>) => Promise<unknown>;
  };
  if (typeof auth.hook !== 'function') return {};
  const authHook = auth.hook;
  return { hook: (request, options) => authHook(request, options) };
}
