import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  status: number;
  userAgent: string;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT` */
  host: string;
  requests: Recorded[];
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>): Promise<{ url: string; host: string }> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` };
}

function closer(server: Server, sockets: Set<Socket>) {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** Serves files by URL path (a release mirror); any other path is 404. The map can change between requests. */
export async function startFileServer(files: Map<string, string>): Promise<TestServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    const record = (status: number) =>
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        status,
        userAgent: req.headers['user-agent'] ?? '',
      });
    if (!file) {
      record(404);
      res.writeHead(404).end('not found');
      return;
    }
    stat(file).then(
      (info) => {
        record(200);
        res.writeHead(200, { 'Content-Length': info.size, 'Content-Type': 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => {
        record(404);
        res.writeHead(404).end('not found');
      },
    );
  });
  const { url, host } = await listen(server, sockets);
  return { url, host, requests, close: closer(server, sockets) };
}

export interface RateLimitOptions {
  /** Seconds, from the first limited request, during which pulls get 429; Infinity for always. */
  windowSeconds: number;
  /** The Retry-After header given with a 429, from the seconds left in the window; none when undefined. */
  retryAfter?: (secondsLeft: number) => string | undefined;
}

/**
 * A registry front on 127.0.0.1 that rate-limits like ghcr.io: manifest and blob requests answer
 * 429 TOOMANYREQUESTS (with Retry-After) for a while, everything else — and everything after the
 * window — is passed to the real registry behind it.
 */
export async function startRateLimitProxy(upstream: string, options: RateLimitOptions): Promise<TestServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  let firstLimited: number | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const record = (status: number) =>
      requests.push({ method: req.method ?? '', url, status, userAgent: req.headers['user-agent'] ?? '' });
    if (/^\/v2\/.+\/(manifests|blobs)\//.test(url)) {
      firstLimited ??= Date.now();
      const left = options.windowSeconds - (Date.now() - firstLimited) / 1000;
      if (left > 0) {
        record(429);
        const header = options.retryAfter?.(left);
        res.writeHead(429, {
          'Content-Type': 'application/json',
          ...(header === undefined ? {} : { 'Retry-After': header }),
        });
        res.end(JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'rate limit exceeded' }] }));
        return;
      }
    }
    const forward = request(
      {
        host: upstream.split(':')[0],
        port: Number(upstream.split(':')[1]),
        method: req.method,
        path: url,
        headers: { ...req.headers, host: upstream },
      },
      (upstreamRes) => {
        record(upstreamRes.statusCode ?? 0);
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', () => {
      record(502);
      res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  const { url, host } = await listen(server, sockets);
  return { url, host, requests, close: closer(server, sockets) };
}

/**
 * An HTTP(S) proxy that forwards nothing: it records every request and CONNECT tunnel a process
 * tries (through HTTP_PROXY / HTTPS_PROXY) and refuses it. A scan that made no record used no
 * network beyond 127.0.0.1 (Go never sends loopback traffic through a proxy).
 */
export async function startRecordingProxy(): Promise<TestServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      status: 403,
      userAgent: req.headers['user-agent'] ?? '',
    });
    res.writeHead(403).end('no network in this test');
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', status: 403, userAgent: req.headers['user-agent'] ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const { url, host } = await listen(server, sockets);
  return { url, host, requests, close: closer(server, sockets) };
}
