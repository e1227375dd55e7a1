import tls from 'node:tls';
import type { TlsResult } from './report-schema.js';

const DAY_MS = 86_400_000;

/**
 * Connects once to an https origin and reads its certificate. Verification is done by hand
 * (rejectUnauthorized: false, then `authorized`) so that an untrusted chain is reported together
 * with the expiry instead of hiding it behind a handshake error.
 */
export function probeTls(
  url: URL,
  options: { ca?: string[]; timeoutMs: number; signal: AbortSignal; now?: Date },
): Promise<TlsResult> {
  const host = url.host;
  const port = Number(url.port || 443);
  const servername = /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname;
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: TlsResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const socket = tls.connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port,
      ...(servername ? { servername } : {}),
      rejectUnauthorized: false,
      ...(options.ca && options.ca.length > 0 ? { ca: [...tls.rootCertificates, ...options.ca] } : {}),
    });
    const onAbort = (): void =>
      finish({ host, daysLeft: null, chainValid: false, error: 'aborted at the step deadline' });
    options.signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () =>
        finish({ host, daysLeft: null, chainValid: false, error: `no TLS handshake within ${options.timeoutMs} ms` }),
      options.timeoutMs,
    );
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      if (!cert || !cert.valid_to) {
        finish({ host, daysLeft: null, chainValid: false, error: 'the server sent no certificate' });
        return;
      }
      const expires = new Date(cert.valid_to);
      const now = options.now ?? new Date();
      const authError = socket.authorizationError;
      // The hostname is checked too: a valid chain for another name is not a valid certificate here.
      const nameError = tls.checkServerIdentity(url.hostname.replace(/^\[|\]$/g, ''), cert);
      const error = authError ? String(authError) : nameError ? nameError.message : undefined;
      finish({
        host,
        // A tenth of a day: "2.9 days" is honest where a whole number would say 2 or round up to 3.
        daysLeft: Math.floor(((expires.getTime() - now.getTime()) / DAY_MS) * 10) / 10,
        validTo: expires.toISOString(),
        ...(cert.subject?.CN ? { subject: String(cert.subject.CN) } : {}),
        ...(cert.issuer?.CN ? { issuer: String(cert.issuer.CN) } : {}),
        chainValid: socket.authorized && !nameError,
        ...(error ? { error } : {}),
      });
    });
    socket.once('error', (error: Error) => finish({ host, daysLeft: null, chainValid: false, error: error.message }));
  });
}
