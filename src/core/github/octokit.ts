import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../logger.js';
import { USER_AGENT } from '../version.js';

const ShipkitOctokitClass = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);
export type ShipkitOctokit = InstanceType<typeof ShipkitOctokitClass>;

/**
 * Statuses the retry plugin never retries: the request itself is wrong (400, 422), the token is
 * wrong or lacks a permission (401, 403, 404, 410), or the content is blocked (451). Retrying these
 * only burns rate limit. 403 and 429 *rate limits* are not lost by this: the throttling plugin
 * handles them first and waits out `retry-after` / `x-ratelimit-reset`. Everything else (5xx,
 * network errors, a 429 without rate-limit headers) is retried with growing back-off.
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451] as const;

/** How many times a request hit by a rate limit is tried again before the error reaches the caller. */
export const RATE_LIMIT_RETRIES = 3;
/** A primary rate limit that resets later than this is not waited for: the caller decides. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 15 * 60;

export interface OctokitOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl?: string;
  logger: Logger;
  /** Retries for 5xx and network errors (default 3). */
  retries?: number;
  /**
   * Key of the throttling plugin's limiters (one write per second, one notifying write per three
   * seconds). Clients with the same key share them. A job is one process with one client, so the
   * default is fine; tests that stand in for several jobs in one process give each its own key.
   */
  throttleId?: string;
}

export function apiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
}

/**
 * fetch, saying each attempt that fails for the server's or the network's sake: the retry plugin
 * tries up to 3 more times over 14 s, silently, and the log must not look hung meanwhile. It sits
 * under the retry plugin (Octokit calls it once per attempt), where no hook can.
 */
function fetchSayingFailures(logger: Logger, retries: number): typeof fetch {
  const where = (input: Parameters<typeof fetch>[0]): string =>
    (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).replace(/\?.*$/, '');
  const note = `retried up to ${retries} time${retries === 1 ? '' : 's'}`;
  return async (input, init) => {
    try {
      const response = await fetch(input, init);
      if (response.status >= 500)
        logger.info(`GitHub API ${init?.method ?? 'GET'} ${where(input)} answered ${response.status} (${note})`);
      return response;
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
      const why =
        typeof cause?.code === 'string'
          ? cause.code
          : typeof cause?.message === 'string'
            ? cause.message
            : (error as Error).message;
      logger.info(`GitHub API ${init?.method ?? 'GET'} ${where(input)} failed: ${why} (${note})`);
      throw error;
    }
  };
}

/** The one way shipkit talks to GitHub. */
export function createOctokit(options: OctokitOptions): ShipkitOctokit {
  const { logger } = options;
  const retries = options.retries ?? 3;
  return new ShipkitOctokitClass({
    auth: options.token,
    baseUrl: options.baseUrl ?? apiUrlFromEnv(),
    userAgent: USER_AGENT,
    request: { fetch: fetchSayingFailures(logger, retries) },
    log: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.debug(message),
      warn: (message: string) => logger.warning(message),
      error: (message: string) => logger.error(message),
    },
    retry: { doNotRetry: [...DO_NOT_RETRY], retries },
    throttle: {
      ...(options.throttleId ? { id: options.throttleId } : {}),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
        const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        logger.warning(
          `GitHub API rate limit reached for ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`,
        );
        return retrying;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        const retrying = retryCount < RATE_LIMIT_RETRIES;
        logger.warning(
          `GitHub API secondary rate limit for ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}`,
        );
        return retrying;
      },
    },
  });
}

/** The status of an Octokit RequestError (or undefined for network errors and bugs). */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return error.status;
  }
  return undefined;
}
