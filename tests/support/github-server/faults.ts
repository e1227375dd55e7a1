import { ApiError, DOCS } from './http.js';

export type Fault = {
  method?: string;
  /** A request path (`/repos/o/r/issues`), an OpenAPI template (`/repos/{owner}/{repo}/issues`) or a RegExp on the path. */
  path?: string | RegExp;
  /** How many matching requests it hits (default 1). */
  times?: number;
  kind:
    'server-error' | 'secondary-rate-limit' | 'rate-limit-429' | 'primary-rate-limit' | 'not-accessible-by-integration';
  status?: number;
  /** Seconds (default 1, so tests stay fast). */
  retryAfter?: number;
};

export class FaultQueue {
  private readonly queue: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    this.queue.push({ fault, left: fault.times ?? 1 });
  }

  /** The first queued fault that matches, consumed once. */
  take(method: string, path: string, template: string | undefined): Fault | undefined {
    const entry = this.queue.find(({ fault, left }) => {
      if (left <= 0) return false;
      if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
      if (fault.path instanceof RegExp) return fault.path.test(path);
      if (typeof fault.path === 'string') return fault.path === path || fault.path === template;
      return true;
    });
    if (!entry) return undefined;
    entry.left--;
    return entry.fault;
  }
}

/** The response GitHub sends for each kind of fault. */
export function faultResponse(fault: Fault, requestId: string, nowSeconds: number): ApiError {
  const retryAfter = fault.retryAfter ?? 1;
  switch (fault.kind) {
    case 'server-error': {
      const status = fault.status ?? 502;
      return new ApiError(status, { message: 'Server Error', documentation_url: DOCS, status: String(status) });
    }
    case 'secondary-rate-limit':
      return new ApiError(
        fault.status ?? 403,
        {
          message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          documentation_url:
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(fault.status ?? 403),
        },
        { 'retry-after': String(retryAfter) },
      );
    case 'rate-limit-429':
      return new ApiError(
        429,
        { message: 'Too Many Requests', documentation_url: DOCS, status: '429' },
        { 'retry-after': String(retryAfter) },
      );
    case 'primary-rate-limit':
      return new ApiError(
        403,
        {
          message: `API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
          status: '403',
        },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowSeconds + retryAfter) },
      );
    case 'not-accessible-by-integration':
      return new ApiError(403, {
        message: 'Resource not accessible by integration',
        documentation_url: DOCS,
        status: '403',
      });
  }
}
