import type { HttpResponse } from './http-client.js';
import { headerValue } from './expectations.js';

/**
 * The response headers a deployed HTML page or API should carry (OWASP Secure Headers). Only HTML
 * and API (JSON/XML) responses are judged: images, scripts and redirects do not need a CSP.
 */
export function isJudgedContent(response: HttpResponse): boolean {
  const type = (headerValue(response, 'content-type') ?? '').toLowerCase();
  return /text\/html|application\/xhtml|json|xml/.test(type);
}

// A product name followed by a version number, e.g. `nginx/1.25.3`, `Apache/2.4.58 (Ubuntu)`, `PHP/8.2.1`.
const VERSION = /\d+\.\d+|\/\s*\d/;

/** Each missing or weak protection, named one by one. */
export function missingSecurityHeaders(response: HttpResponse, isHttps: boolean): string[] {
  const missing: string[] = [];
  const csp = headerValue(response, 'content-security-policy');
  if (isHttps) {
    const hsts = headerValue(response, 'strict-transport-security');
    if (hsts === undefined) missing.push('Strict-Transport-Security');
    else if (!/max-age\s*=\s*[1-9]/i.test(hsts))
      missing.push(`Strict-Transport-Security (max-age is 0 or absent: '${hsts}')`);
  }
  const nosniff = headerValue(response, 'x-content-type-options');
  if (nosniff === undefined) missing.push('X-Content-Type-Options');
  else if (nosniff.trim().toLowerCase() !== 'nosniff')
    missing.push(`X-Content-Type-Options (is '${nosniff}', not 'nosniff')`);
  const frameOptions = headerValue(response, 'x-frame-options');
  const frameAncestors = csp !== undefined && /(^|;)\s*frame-ancestors\s/i.test(csp);
  if (!frameAncestors && (frameOptions === undefined || !/^(deny|sameorigin)$/i.test(frameOptions.trim()))) {
    missing.push('X-Frame-Options (or Content-Security-Policy frame-ancestors)');
  }
  if (csp === undefined) missing.push('Content-Security-Policy');
  for (const name of ['Server', 'X-Powered-By']) {
    const value = headerValue(response, name);
    if (value !== undefined && VERSION.test(value)) missing.push(`${name} reveals a version ('${value}'): remove it`);
  }
  return missing;
}
