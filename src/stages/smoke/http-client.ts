import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

export interface HttpRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** This request's own timeout, from sending until the body is read. */
  timeoutMs: number;
  /** Bodies are read up to this many bytes; the rest is discarded and `truncated` is set. */
  maxBodyBytes: number;
  /** The step's deadline (and cancellation). */
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
  /** From sending the request until the body was read (or the bound was reached). */
  latencyMs: number;
}

/** Why no response arrived, in words a person deploying can act on. */
export class RequestFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'RequestFailure';
  }
}

function describeNetworkError(error: NodeJS.ErrnoException, url: URL): RequestFailure {
  const where = url.host;
  switch (error.code) {
    case 'ECONNREFUSED':
      return new RequestFailure(`connection refused by ${where}`, error.code);
    case 'ECONNRESET':
      return new RequestFailure(`connection reset by ${where}`, error.code);
    case 'EPIPE':
      return new RequestFailure(`connection closed by ${where} while sending`, error.code);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RequestFailure(`DNS lookup failed for ${url.hostname} (${error.code})`, error.code);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new RequestFailure(`${where} is unreachable (${error.code})`, error.code);
    default:
      if (error.code?.startsWith('ERR_TLS') || /certificate|self[- ]signed|SSL|TLS/i.test(error.message)) {
        return new RequestFailure(`TLS error with ${where}: ${error.message}`, error.code ?? 'TLS');
      }
      return new RequestFailure(`${error.message}${error.code ? ` (${error.code})` : ''}`, error.code ?? 'ERROR');
  }
}

export interface HttpClientOptions {
  /** Sockets kept per origin: the check concurrency, so parallel checks do not queue on the agent. */
  concurrency: number;
  /** Extra trusted CA certificates (PEM), added to Node's roots. */
  ca?: string[];
}

/**
 * A client over node:http/https rather than fetch: fetch cannot bound a body without reading the
 * stream itself, hides redirects' intermediate responses only when it follows them, and gives no
 * access to the TLS socket. Keep-alive agents sized to the concurrency keep connection setup out
 * of the latency of every sample but the first.
 */
export class HttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(options: HttpClientOptions) {
    const common = { keepAlive: true, maxSockets: Math.max(1, options.concurrency) };
    this.httpAgent = new http.Agent(common);
    this.httpsAgent = new https.Agent({
      ...common,
      ...(options.ca && options.ca.length > 0 ? { ca: [...tls.rootCertificates, ...options.ca] } : {}),
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    try {
      return await this.send(req);
    } catch (error) {
      // A kept-alive socket the server closed just as we reused it: the request never reached the
      // application, so sending it again on a new connection is what Node's documentation advises.
      if (error instanceof RequestFailure && error.code === 'STALE_SOCKET') return this.send(req);
      throw error;
    }
  }

  private send(req: HttpRequest): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      const isHttps = req.url.protocol === 'https:';
      const mod = isHttps ? https : http;
      let settled = false;
      let responded = false;
      const started = performance.now();
      const chunks: Buffer[] = [];
      let size = 0;

      const cleanup = (): void => {
        clearTimeout(timer);
        req.signal.removeEventListener('abort', onAbort);
      };
      const fail = (error: RequestFailure): void => {
        if (settled) return;
        settled = true;
        cleanup();
        outgoing.destroy();
        reject(error);
      };
      const onAbort = (): void => {
        const reason: unknown = req.signal.reason;
        fail(new RequestFailure(reason instanceof Error ? reason.message : 'aborted', 'ABORTED'));
      };

      const outgoing = mod.request(
        req.url,
        {
          method: req.method,
          headers: { 'user-agent': 'shipkit-smoke', ...req.headers },
          agent: isHttps ? this.httpsAgent : this.httpAgent,
        },
        (res) => {
          responded = true;
          const finish = (truncated: boolean): void => {
            if (settled) return;
            settled = true;
            cleanup();
            if (truncated) res.destroy();
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks, size),
              truncated,
              latencyMs: performance.now() - started,
            });
          };
          res.on('data', (chunk: Buffer) => {
            if (settled) return;
            const room = req.maxBodyBytes - size;
            if (chunk.length > room) {
              chunks.push(chunk.subarray(0, room));
              size += room;
              finish(true);
              return;
            }
            chunks.push(chunk);
            size += chunk.length;
          });
          res.on('end', () => finish(false));
          res.on('error', (error: NodeJS.ErrnoException) => fail(describeNetworkError(error, req.url)));
          res.on('aborted', () =>
            fail(new RequestFailure(`connection closed by ${req.url.host} mid-body`, 'ECONNRESET')),
          );
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (outgoing.reusedSocket && error.code === 'ECONNRESET' && !responded) {
          fail(new RequestFailure(`kept-alive connection to ${req.url.host} was closed`, 'STALE_SOCKET'));
        } else fail(describeNetworkError(error, req.url));
      });
      const timer = setTimeout(() => {
        fail(new RequestFailure(`no complete response within ${req.timeoutMs} ms (request timeout)`, 'TIMEOUT'));
      }, req.timeoutMs);
      if (req.signal.aborted) {
        onAbort();
        return;
      }
      req.signal.addEventListener('abort', onAbort, { once: true });
      outgoing.end(req.body);
    });
  }
}
