import type { OperationSpec } from './spec.js';

/** An error response a handler throws: status + GitHub's JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

export const DOCS = 'https://docs.github.com/rest';

export function notFound(operation?: OperationSpec): ApiError {
  return new ApiError(404, {
    message: 'Not Found',
    documentation_url: operation?.documentationUrl ?? DOCS,
    status: '404',
  });
}

export function notAccessible(operation?: OperationSpec): ApiError {
  return new ApiError(403, {
    message: 'Resource not accessible by integration',
    documentation_url: operation?.documentationUrl ?? DOCS,
    status: '403',
  });
}

export interface FieldError {
  resource: string;
  field: string;
  code: 'missing_field' | 'invalid' | 'missing' | 'already_exists' | 'unprocessable' | 'custom';
  message?: string;
}

export function validationFailed(operation: OperationSpec, errors: FieldError[]): ApiError {
  return new ApiError(422, {
    message: 'Validation Failed',
    errors,
    documentation_url: operation.documentationUrl,
    status: '422',
  });
}

/** A page of `items` as GitHub serves it: `per_page` (default 30, max 100), `page` from 1, and a Link header. */
export function paginate<T>(
  items: readonly T[],
  requestUrl: URL,
  options: { defaultPerPage?: number; maxPerPage?: number } = {},
): { items: T[]; link?: string } {
  const maxPerPage = options.maxPerPage ?? 100;
  const perPage = clampInt(requestUrl.searchParams.get('per_page'), options.defaultPerPage ?? 30, 1, maxPerPage);
  const page = clampInt(requestUrl.searchParams.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (n: number) => {
    const u = new URL(requestUrl.href);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return u.href;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    link: links.length > 0 ? links.join(', ') : undefined,
  };
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  // GitHub ignores a per_page/page it cannot read rather than failing the request.
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  return Math.min(max, Math.max(min, Number(raw)));
}
