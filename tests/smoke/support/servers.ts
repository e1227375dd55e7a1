import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function wrap(server: net.Server, protocol: 'http' | 'https' | 'tcp'): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${protocol === 'tcp' ? 'http' : protocol}://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A real HTTP server on 127.0.0.1 with an ephemeral port. */
export function startHttp(handler: Handler): Promise<TestServer> {
  return wrap(http.createServer(handler), 'http');
}

export function startHttps(handler: Handler, tls: { key: string; cert: string }): Promise<TestServer> {
  return wrap(https.createServer(tls, handler), 'https');
}

/** Accepts connections and never says a word. */
export function startSilent(): Promise<TestServer> {
  return wrap(
    net.createServer(() => undefined),
    'tcp',
  );
}

/** A port that is free now (nothing listens on it): connections are refused until someone does. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Starts an HTTP server on a given port (for the "comes up later" endpoint). */
export function startHttpOn(port: number, handler: Handler): Promise<TestServer> {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => new Promise((d) => server.close(() => d())) }),
    );
  });
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const SECURE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};
