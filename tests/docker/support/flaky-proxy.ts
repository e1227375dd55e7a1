import { createServer, request } from 'node:http';
import type { Socket } from 'node:net';

export interface FlakyProxy {
  /** `127.0.0.1:PORT`: push here to reach the registry behind it. */
  host: string;
  /** The next `count` manifest uploads (the last request of a push) get `status` instead of reaching the registry. */
  failManifestPuts(count: number, status?: number): void;
  /** Manifest uploads refused so far. */
  refused(): number;
  stop(): Promise<void>;
}

/**
 * A front for a registry that fails on demand: the next N manifest PUTs answer 503 (a registry
 * restarting behind its load balancer), everything else is passed through unchanged, Host header
 * included, so the upload URLs the registry hands out lead back through the front.
 */
export async function startFlakyProxy(upstream: string): Promise<FlakyProxy> {
  let failing = 0;
  let failStatus = 503;
  let refused = 0;
  const sockets = new Set<Socket>();
  const [upHost, upPort] = upstream.split(':');
  const server = createServer((req, res) => {
    if (failing > 0 && req.method === 'PUT' && /^\/v2\/.+\/manifests\//.test(req.url ?? '')) {
      failing--;
      refused++;
      req.resume();
      res
        .writeHead(failStatus, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] }));
      return;
    }
    const forward = request(
      { host: upHost, port: Number(upPort), method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    host,
    failManifestPuts(count, status = 503) {
      failing = count;
      failStatus = status;
    },
    refused: () => refused,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
