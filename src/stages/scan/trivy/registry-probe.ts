import { DB_SCHEMA_TAG } from './defaults.js';
import { parseRetryAfter } from './retry-after.js';

export interface RepositoryRef {
  host: string;
  name: string;
  /** Tag or digest. */
  reference: string;
}

/**
 * `host[:port]/path[:tag|@digest]` as Trivy reads `--db-repository` (go-containerregistry's rules:
 * a first component without a dot, colon or `localhost` is a Docker Hub path; no tag means Trivy's
 * schema tag).
 */
export function parseRepository(repository: string): RepositoryRef {
  let rest = repository.trim();
  let reference = DB_SCHEMA_TAG;
  const at = rest.indexOf('@');
  if (at >= 0) {
    reference = rest.slice(at + 1);
    rest = rest.slice(0, at);
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      reference = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    return { host: first, name: rest.slice(slash + 1), reference };
  }
  return { host: 'registry-1.docker.io', name: rest.includes('/') ? rest : `library/${rest}`, reference };
}

/** Plain HTTP where go-containerregistry uses it: `insecure`, loopback, localhost and private addresses. */
export function registryScheme(host: string, insecure: boolean): 'http' | 'https' {
  if (insecure) return 'http';
  const bare = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1' || /^127\./.test(bare)) return 'http';
  if (/^10\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\./.test(bare)) return 'http';
  return 'https';
}

const PROBE_TIMEOUT_MS = 10_000;
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/**
 * How long a registry that rate-limited Trivy asks us to wait: one HEAD of the database manifest
 * (with an anonymous pull token when the registry wants one), read for Retry-After. Trivy's own
 * retries do not honour the header and do not show it, so this request is the only way to learn it.
 * 0 when the registry answers normally again; undefined when it cannot tell (no header, unreachable).
 */
export async function probeRetryAfter(
  repository: string,
  options: { insecure: boolean; signal?: AbortSignal },
): Promise<number | undefined> {
  const ref = parseRepository(repository);
  const url = `${registryScheme(ref.host, options.insecure)}://${ref.host}/v2/${ref.name}/manifests/${ref.reference}`;
  const signals = [AbortSignal.timeout(PROBE_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
  const signal = AbortSignal.any(signals);
  try {
    let response = await fetch(url, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES }, signal });
    if (response.status === 401) {
      const token = await anonymousToken(response.headers.get('www-authenticate'), ref, signal);
      if (token === undefined) return undefined;
      response = await fetch(url, {
        method: 'HEAD',
        headers: { Accept: MANIFEST_TYPES, Authorization: `Bearer ${token}` },
        signal,
      });
    }
    if (response.status === 429) return parseRetryAfter(response.headers.get('retry-after'));
    return response.ok ? 0 : undefined;
  } catch {
    return undefined;
  }
}

/** The Docker token flow for an anonymous pull: `Bearer realm="…",service="…"`. */
async function anonymousToken(
  challenge: string | null,
  ref: RepositoryRef,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (!challenge || !/^Bearer\s/i.test(challenge)) return undefined;
  const params = new Map<string, string>();
  for (const match of challenge.matchAll(/(\w+)="([^"]*)"/g)) params.set(match[1].toLowerCase(), match[2]);
  const realm = params.get('realm');
  if (!realm) return undefined;
  const tokenUrl = new URL(realm);
  const service = params.get('service');
  if (service) tokenUrl.searchParams.set('service', service);
  tokenUrl.searchParams.set('scope', `repository:${ref.name}:pull`);
  const response = await fetch(tokenUrl, { signal });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { token?: unknown; access_token?: unknown };
  const token = typeof body.token === 'string' ? body.token : body.access_token;
  return typeof token === 'string' ? token : undefined;
}
