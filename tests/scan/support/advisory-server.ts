import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import semver from 'semver';

/**
 * The npm registry's bulk advisory endpoint on 127.0.0.1, for the real npm CLI (`npm audit
 * --registry URL`): POST /-/npm/v1/security/advisories/bulk with `{package: [versions]}` (gzipped
 * or not) answers, per package, the advisories whose vulnerable range covers a requested version —
 * as the registry does. The advisories are real GitHub advisories (tests/fixtures/scan/advisories).
 */

export interface BulkAdvisory {
  id: number;
  url: string;
  title: string;
  severity: string;
  vulnerable_versions: string;
  cwe: string[];
  cvss: { score: number; vectorString: string };
}

export const NPM_ADVISORIES: Record<string, BulkAdvisory[]> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/scan/advisories/npm-bulk.json'), 'utf8'),
);

export interface AdvisoryServer {
  url: string;
  /** Request bodies received, decoded. */
  requests: Record<string, string[]>[];
  close(): Promise<void>;
}

export async function startAdvisoryServer(advisories = NPM_ADVISORIES): Promise<AdvisoryServer> {
  const requests: Record<string, string[]>[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/-/npm/v1/security/advisories/bulk')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
        return;
      }
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip' || (body[0] === 0x1f && body[1] === 0x8b)) body = gunzipSync(body);
      const asked = JSON.parse(body.toString('utf8')) as Record<string, string[]>;
      requests.push(asked);
      const answer: Record<string, BulkAdvisory[]> = {};
      for (const [name, versions] of Object.entries(asked)) {
        const hits = (advisories[name] ?? []).filter((a) =>
          versions.some((v) => semver.valid(v) && semver.satisfies(v, a.vulnerable_versions)),
        );
        if (hits.length > 0) answer[name] = hits;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
