import tls from 'node:tls';
import { Agent, type Dispatcher } from 'undici';

export interface HttpRequest {
  url: URL;
  method: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body?: string;
  /** This request's own timeout, from sending until the body is read. */
  timeoutMs: number;
  /** Bodies are read up to this many bytes; the rest is not read and `truncated` is set. */
  maxBodyBytes: number;
  /** Keep the body's bytes (a check that looks at the body); otherwise they are counted and dropped. */
  keepBody: boolean;
}

export type ResponseHeaders = Record<string, string | string[]>;

export interface HttpResponse {
  status: number;
  /**
   * Names in lower case; `set-cookie` is a list, other repeated headers are joined with `, `. Read
   * from the raw header lines on first use: most checks look at the status alone.
   */
  readonly headers: ResponseHeaders;
  /** Empty unless the request asked to keep the body. */
  body: Buffer;
  truncated: boolean;
  /**
   * From the moment the request was written to the socket until its last byte was read (or the
   * body bound was reached): k6's http_req_duration. Time spent waiting for a free connection, and
   * connecting, is not in it.
   */
  latencyMs: number;
}

/** Why no response arrived, in words a person deploying can act on. */
export class RequestFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** Milliseconds the attempt lasted before it failed. */
    readonly elapsedMs = 0,
  ) {
    super(message);
    this.name = 'RequestFailure';
  }
}

interface ErrorLike {
  code?: string;
  message: string;
  cause?: unknown;
}

/** The socket error under undici's wrapper, when there is one. */
function rootError(error: ErrorLike): ErrorLike {
  let e = error;
  for (let i = 0; i < 4 && e.cause && typeof e.cause === 'object'; i++) e = e.cause as ErrorLike;
  return e.code ? e : error;
}

export function describeNetworkError(error: ErrorLike, url: URL): RequestFailure {
  const where = url.host;
  const root = rootError(error);
  switch (root.code) {
    case 'ECONNREFUSED':
      return new RequestFailure(`connection refused by ${where}`, root.code);
    case 'ECONNRESET':
      return new RequestFailure(`connection reset by ${where}`, root.code);
    case 'EPIPE':
      return new RequestFailure(`connection closed by ${where} while sending`, root.code);
    case 'UND_ERR_SOCKET':
      return new RequestFailure(`connection closed by ${where} before the response was complete`, 'ECONNRESET');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RequestFailure(`DNS lookup failed for ${url.hostname} (${root.code})`, root.code);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new RequestFailure(`${where} is unreachable (${root.code})`, root.code);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new RequestFailure(`no connection to ${where} (connect timeout)`, 'ETIMEDOUT');
    case 'UND_ERR_HEADERS_OVERFLOW':
      return new RequestFailure(`the response headers from ${where} are too large`, root.code);
    default:
      if (root.code?.startsWith('ERR_TLS') || /certificate|self[- ]signed|SSL|TLS/i.test(root.message)) {
        return new RequestFailure(`TLS error with ${where}: ${root.message}`, root.code ?? 'TLS');
      }
      return new RequestFailure(`${root.message}${root.code ? ` (${root.code})` : ''}`, root.code ?? 'ERROR');
  }
}

function headerList(headers: Readonly<Record<string, string>>): string[] {
  const out = ['user-agent', 'shipkit-smoke'];
  for (const name in headers) {
    if (name === 'user-agent') out[1] = headers[name]!;
    else out.push(name, headers[name]);
  }
  return out;
}

function parseHeaders(raw: Buffer[]): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toString('latin1').toLowerCase();
    const value = raw[i + 1].toString('latin1');
    const seen = out[name];
    if (seen === undefined) out[name] = name === 'set-cookie' ? [value] : value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[name] = `${seen}, ${value}`;
  }
  return out;
}

/**
 * One request's life, driven by undici's dispatcher callbacks. The clock starts in onConnect, which
 * undici calls right before it writes the request to the socket, and stops in onComplete, when the
 * parser has the last byte: what is measured is the request on the wire, not the time it waited
 * for a connection or for this process to get to it.
 */
class Exchange implements Dispatcher.DispatchHandlers {
  private abortSocket: ((error?: Error) => void) | undefined;
  private startedAt = 0;
  private readonly createdAt = performance.now();
  private status = 0;
  private rawHeaders: Buffer[] = [];
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private answered = false;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly req: HttpRequest,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (failure: RequestFailure) => void,
    private readonly done: (exchange: Exchange, settle: () => void) => void,
  ) {
    this.timer = setTimeout(
      () =>
        this.stop(new RequestFailure(`no complete response within ${req.timeoutMs} ms (request timeout)`, 'TIMEOUT')),
      req.timeoutMs,
    );
  }

  get isSettled(): boolean {
    return this.settled;
  }

  private elapsed(): number {
    return performance.now() - (this.startedAt || this.createdAt);
  }

  /** Ends the exchange from outside (timeout, deadline, cancellation): the request is dropped. */
  stop(failure: RequestFailure): void {
    if (this.settled) return;
    this.fail(new RequestFailure(failure.message, failure.code, this.elapsed()));
    this.abortSocket?.(new Error(failure.message));
  }

  private finish(truncated: boolean): void {
    if (this.settled) return;
    this.settled = true;
    const latencyMs = performance.now() - this.startedAt;
    clearTimeout(this.timer);
    const raw = this.rawHeaders;
    let headers: ResponseHeaders | undefined;
    const response: HttpResponse = {
      status: this.status,
      get headers() {
        return (headers ??= parseHeaders(raw));
      },
      body: this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size),
      truncated,
      latencyMs,
    };
    this.done(this, () => this.resolve(response));
  }

  private fail(failure: RequestFailure): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.done(this, () => this.reject(failure));
  }

  onConnect(abort: (error?: Error) => void): void {
    if (this.settled) {
      abort();
      return;
    }
    this.abortSocket = abort;
    this.startedAt = performance.now();
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true; // 1xx: the real answer follows
    this.answered = true;
    this.status = statusCode;
    this.rawHeaders = rawHeaders;
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.settled) return false;
    const room = this.req.maxBodyBytes - this.size;
    if (chunk.length > room) {
      // What was not read cannot be vouched for: stop here and say so, rather than read 5 GB.
      if (this.req.keepBody) this.chunks.push(chunk.subarray(0, room));
      this.size += room;
      this.finish(true);
      this.abortSocket?.();
      return false;
    }
    if (this.req.keepBody) this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }

  onComplete(): void {
    this.finish(false);
  }

  onError(error: Error): void {
    if (this.settled) return;
    const failure = describeNetworkError(error, this.req.url);
    // A kept-alive connection the server closed just as it was reused (it had carried earlier
    // answers, and no byte of this one came): the request never reached the application, so it is
    // sent again on a new connection, as Node's documentation advises for reused sockets.
    const socket = (error as { socket?: { bytesRead?: number } }).socket;
    const reused = (socket?.bytesRead ?? 0) > 0;
    const code = !this.answered && reused && failure.code === 'ECONNRESET' ? 'STALE_SOCKET' : failure.code;
    this.fail(new RequestFailure(failure.message, code, this.elapsed()));
  }
}

export interface HttpClientOptions {
  /** Connections kept per origin: the check concurrency, so parallel checks do not queue for one. */
  concurrency: number;
  /** Extra trusted CA certificates (PEM), added to Node's roots. */
  ca?: string[];
  /** The step's deadline and cancellation: every request in flight ends when it aborts. */
  signal: AbortSignal;
}

/**
 * HTTP/1.1 over undici's dispatcher: per request, a handful of callbacks and no streams, so a
 * busy run spends its time on the wire rather than in the client (node:http cost about twice the
 * CPU per request, and every millisecond of it showed up in the latency of the requests waiting
 * behind it). Bodies are bounded, redirects are the caller's, connections are kept alive.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly inFlight = new Set<Exchange>();
  private readonly onAbort: () => void;
  /** Answers already timed, waiting for their callers; requests waiting to be written (see pump). */
  private timed: (() => void)[] = [];
  private queued: { exchange: Exchange; send: () => void }[] = [];
  private pumping = false;
  private closed = false;

  constructor(private readonly options: HttpClientOptions) {
    this.agent = new Agent({
      connections: Math.max(1, options.concurrency),
      ...(options.ca && options.ca.length > 0 ? { connect: { ca: [...tls.rootCertificates, ...options.ca] } } : {}),
    });
    // One listener for every request in flight, instead of one per request on a shared signal.
    this.onAbort = () => {
      const reason: unknown = options.signal.reason;
      const failure = new RequestFailure(reason instanceof Error ? reason.message : 'aborted', 'ABORTED');
      for (const exchange of [...this.inFlight]) exchange.stop(failure);
    };
    options.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.options.signal.removeEventListener('abort', this.onAbort);
    await this.agent.destroy();
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    try {
      return await this.send(req);
    } catch (error) {
      if (error instanceof RequestFailure && error.code === 'STALE_SOCKET') {
        const retried = await this.send(req).catch((e: unknown) => {
          throw e instanceof RequestFailure && e.code === 'STALE_SOCKET'
            ? new RequestFailure(e.message, 'ECONNRESET', e.elapsedMs)
            : e;
        });
        return retried;
      }
      throw error;
    }
  }

  /**
   * Keeps this process's own work out of what it measures. A request is timed from its write to its
   * last byte; whatever the process does in between (checking other answers, sending other
   * requests) delays the moment it reads that byte, and would be counted. So, once per turn of the
   * event loop: every socket readable now is read and its answer timed (the poll phase); then the
   * answers go to their callers, who check them and ask for their next requests (immediate A); then
   * those requests are written, one after the other and nothing else (immediate B), and the loop
   * goes straight back to reading.
   */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      const ready = this.timed;
      this.timed = [];
      for (const settle of ready) settle();
    });
    setImmediate(() => {
      this.pumping = false;
      const go = this.queued;
      this.queued = [];
      for (const q of go) if (!q.exchange.isSettled && !this.closed) q.send();
    });
  }

  private send(req: HttpRequest): Promise<HttpResponse> {
    if (this.options.signal.aborted) {
      const reason: unknown = this.options.signal.reason;
      return Promise.reject(new RequestFailure(reason instanceof Error ? reason.message : 'aborted', 'ABORTED'));
    }
    return new Promise<HttpResponse>((resolve, reject) => {
      const exchange = new Exchange(req, resolve, reject, (e, settle) => {
        this.inFlight.delete(e);
        this.timed.push(settle);
        this.pump();
      });
      this.inFlight.add(exchange);
      const options: Dispatcher.DispatchOptions = {
        origin: req.url.origin,
        path: `${req.url.pathname}${req.url.search}`,
        method: req.method as Dispatcher.HttpMethod,
        headers: headerList(req.headers),
        body: req.body ?? null,
        // The exchange's own timer bounds the whole request; undici's would cut long ones at 300 s.
        headersTimeout: 0,
        bodyTimeout: 0,
      };
      this.queued.push({ exchange, send: () => this.agent.dispatch(options, exchange) });
      this.pump();
    });
  }
}
