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

/** CVE ids of the GitHub advisories (GitHub's `identifiers`), for the quick-audit layout that lists them. */
export const ADVISORY_CVES: Record<string, string[]> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/scan/advisories/cves.json'), 'utf8'),
);

interface TreeNode {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, TreeNode>;
}

/**
 * npm 6's quick audit (POST /-/npm/v1/security/audits/quick), which pnpm 10 still calls: the request
 * is the dependency tree; the answer lists each advisory with the versions and paths it was found at.
 */
function quickAudit(tree: { dependencies?: Record<string, TreeNode> }, advisories: Record<string, BulkAdvisory[]>) {
  const found = new Map<number, { advisory: BulkAdvisory; name: string; findings: Map<string, string[]> }>();
  let count = 0;
  const walk = (deps: Record<string, TreeNode> | undefined, trail: string[], depth: number): void => {
    if (!deps || depth > 64) return;
    for (const [name, node] of Object.entries(deps)) {
      const here = [...trail, name];
      if (node.version) {
        count++;
        for (const a of advisories[name] ?? []) {
          if (!semver.valid(node.version) || !semver.satisfies(node.version, a.vulnerable_versions)) continue;
          const entry = found.get(a.id) ?? { advisory: a, name, findings: new Map<string, string[]>() };
          found.set(a.id, entry);
          entry.findings.set(node.version, [...(entry.findings.get(node.version) ?? []), here.join('>')]);
        }
      }
      walk(node.dependencies, here, depth + 1);
    }
  };
  walk(tree.dependencies, [], 0);
  const counts: Record<string, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  const out: Record<string, unknown> = {};
  for (const { advisory: a, name, findings } of found.values()) {
    counts[a.severity] = (counts[a.severity] ?? 0) + 1;
    const ghsa = a.url.split('/').pop()!;
    const upper = /<\s*(\d[^\s]*)\s*$/.exec(a.vulnerable_versions.split('||').pop()!.trim());
    out[String(a.id)] = {
      findings: [...findings].map(([version, paths]) => ({ version, paths })),
      id: a.id,
      title: a.title,
      module_name: name,
      cves: ADVISORY_CVES[ghsa] ?? [],
      severity: a.severity,
      vulnerable_versions: a.vulnerable_versions,
      patched_versions: upper && !a.vulnerable_versions.includes('<=') ? `>=${upper[1]}` : '<0.0.0',
      github_advisory_id: ghsa,
      url: a.url,
      cvss: a.cvss,
      cwe: a.cwe,
      access: 'public',
      overview: a.title,
      recommendation: '',
      references: '',
      created: '2020-01-01T00:00:00.000Z',
      updated: '2024-01-01T00:00:00.000Z',
      deleted: null,
      found_by: null,
      reported_by: null,
      metadata: null,
      npm_advisory_id: null,
    };
  }
  return {
    actions: [],
    advisories: out,
    muted: [],
    metadata: {
      vulnerabilities: counts,
      dependencies: count,
      devDependencies: 0,
      optionalDependencies: 0,
      totalDependencies: count,
    },
  };
}

export interface AdvisoryServer {
  url: string;
  /** Bulk request bodies received, decoded. */
  requests: Record<string, string[]>[];
  /** Quick-audit request bodies (dependency trees) received. */
  quickRequests: unknown[];
  close(): Promise<void>;
}

export async function startAdvisoryServer(advisories = NPM_ADVISORIES): Promise<AdvisoryServer> {
  const requests: Record<string, string[]>[] = [];
  const quickRequests: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bulk = req.url?.startsWith('/-/npm/v1/security/advisories/bulk');
      const quick = req.url?.startsWith('/-/npm/v1/security/audits/quick');
      if (req.method !== 'POST' || (!bulk && !quick)) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
        return;
      }
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip' || (body[0] === 0x1f && body[1] === 0x8b)) body = gunzipSync(body);
      if (quick) {
        const tree = JSON.parse(body.toString('utf8')) as { dependencies?: Record<string, TreeNode> };
        const root = tree.dependencies?.['.'] ?? tree; // pnpm sends its importers ('.') at the top
        quickRequests.push(tree);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(quickAudit({ dependencies: root.dependencies ?? {} }, advisories)));
        return;
      }
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
    quickRequests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
