import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The Actions cache service (v2: twirp JSON at ACTIONS_RESULTS_URL) and its blob storage on
 * 127.0.0.1, as much as @actions/cache's saveCache and restoreCache use: CreateCacheEntry → a signed
 * upload URL (Azure's Put Blob, which the storage SDK sends for archives under 128 MiB),
 * FinalizeCacheEntryUpload, GetCacheEntryDownloadURL (exact key first, then restore-key prefixes,
 * newest first) → a download URL read with a plain GET. Keys are per cache version, as the service's are.
 */
export interface ActionsCacheServer {
  /** For ACTIONS_RESULTS_URL. */
  url: string;
  /** `<method> <key>` for each twirp call, in order. */
  calls: string[];
  /** Finalized entries by key. */
  keys(): string[];
  close(): Promise<void>;
}

interface Entry {
  key: string;
  version: string;
  blob?: Buffer;
  finalized: boolean;
  order: number;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startActionsCacheServer(): Promise<ActionsCacheServer> {
  const entries = new Map<string, Entry>();
  const calls: string[] = [];
  const sockets = new Set<Socket>();
  let counter = 0;
  let base = '';
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const data = await body(req);
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
      };
      if (req.method === 'POST' && url.pathname.startsWith(SERVICE)) {
        const method = url.pathname.slice(SERVICE.length);
        const request = JSON.parse(data.toString() || '{}') as Record<string, unknown>;
        const key = typeof request.key === 'string' ? request.key : '';
        const version = typeof request.version === 'string' ? request.version : '';
        calls.push(`${method} ${key}`);
        if (method === 'CreateCacheEntry') {
          const existing = entries.get(`${version}/${key}`);
          if (existing?.finalized) return json(409, { code: 'already_exists', msg: 'cache entry already exists' });
          const id = String(++counter);
          entries.set(`${version}/${key}`, { key, version, finalized: false, order: counter });
          return json(200, { ok: true, signed_upload_url: `${base}/devstoreaccount1/caches/${id}?sig=test` });
        }
        if (method === 'FinalizeCacheEntryUpload') {
          const entry = entries.get(`${version}/${key}`);
          if (!entry?.blob) return json(404, { code: 'not_found', msg: 'nothing uploaded' });
          entry.finalized = true;
          return json(200, { ok: true, entry_id: String(entry.order) });
        }
        if (method === 'GetCacheEntryDownloadURL') {
          const restoreKeys = Array.isArray(request.restore_keys) ? (request.restore_keys as string[]) : [];
          const finalized = [...entries.values()].filter((e) => e.finalized && e.version === version);
          const exact = finalized.find((e) => e.key === key);
          const prefixed = restoreKeys
            .map((prefix) => finalized.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.order - a.order)[0])
            .find((e) => e !== undefined);
          const hit = exact ?? prefixed;
          if (!hit) return json(200, { ok: false, signed_download_url: '', matched_key: '' });
          return json(200, {
            ok: true,
            signed_download_url: `${base}/devstoreaccount1/caches/${hit.order}?sig=test`,
            matched_key: hit.key,
          });
        }
        return json(404, { code: 'bad_route', msg: method });
      }
      const blob = /^\/devstoreaccount1\/caches\/(\d+)$/.exec(url.pathname);
      const entry = blob ? [...entries.values()].find((e) => String(e.order) === blob[1]) : undefined;
      if (entry && req.method === 'PUT') {
        entry.blob = data;
        res.writeHead(201, {
          ETag: `"0x${entry.order}"`,
          'Last-Modified': new Date().toUTCString(),
          'x-ms-request-server-encrypted': 'true',
        });
        return res.end();
      }
      if (entry?.blob && req.method === 'GET') {
        res.writeHead(200, { 'Content-Length': entry.blob.length, 'Content-Type': 'application/octet-stream' });
        return res.end(entry.blob);
      }
      res.writeHead(404).end();
    })().catch(() => res.writeHead(500).end());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: `${base}/`,
    calls,
    keys: () => [...entries.values()].filter((e) => e.finalized).map((e) => e.key),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
