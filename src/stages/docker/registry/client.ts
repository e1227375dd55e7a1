import { createHash } from 'node:crypto';
import type { Credentials } from './credentials.js';
import { apiHost, mayUseHttp, type ImageReference } from './reference.js';

/** Every manifest form a registry may hold for a tag, most capable first (as docker/buildx asks). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface ManifestDoc {
  mediaType?: string;
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
}

export interface FetchedManifest {
  digest: string;
  mediaType: string;
  doc: ManifestDoc;
}

/** A registry that answered with an error, or could not be reached: the caller decides what it costs. */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RegistryError';
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters (RFC 7235 auth-params, quoted or not). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^\s*(\S+)\s*(.*)$/.exec(header);
  const params: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const p of (m?.[2] ?? '').matchAll(re)) params[(p[1] ?? '').toLowerCase()] = p[2] ?? p[3] ?? '';
  return { scheme: (m?.[1] ?? '').toLowerCase(), params };
}

const basic = (c: Credentials): string => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;

/**
 * Reads manifests and blobs of one repository over the Registry HTTP API (OCI distribution spec): the
 * token dance of Docker Hub, GHCR and distribution (a 401 names a Bearer realm; a token is fetched with
 * the credentials, if any, for `repository:<name>:pull`), or Basic auth; HTTPS, with plain HTTP for
 * registries Docker would also reach that way.
 */
export class RegistryClient {
  private authorization: string | undefined;
  private base: string | undefined;

  constructor(
    readonly ref: Pick<ImageReference, 'registry' | 'repository'>,
    private readonly options: {
      credentials?: Credentials;
      insecureRegistries?: readonly string[];
      signal?: AbortSignal;
    } = {},
  ) {}

  private signal(): AbortSignal {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    return this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
  }

  private async origin(): Promise<string> {
    if (this.base) return this.base;
    const host = apiHost(this.ref.registry);
    try {
      await fetch(`https://${host}/v2/`, { signal: this.signal() }).then((r) => r.body?.cancel());
      this.base = `https://${host}`;
    } catch (error) {
      if (!mayUseHttp(this.ref.registry, this.options.insecureRegistries ?? [])) throw error;
      this.base = `http://${host}`;
    }
    return this.base;
  }

  private async get(pathname: string, accept?: string): Promise<Response> {
    const url = `${await this.origin()}/v2/${this.ref.repository}/${pathname}`;
    const headers = (): Record<string, string> => ({
      ...(accept ? { Accept: accept } : {}),
      ...(this.authorization ? { Authorization: this.authorization } : {}),
    });
    let response = await fetch(url, { headers: headers(), signal: this.signal() });
    if (response.status === 401) {
      const challenge = response.headers.get('www-authenticate');
      await response.body?.cancel();
      if (!challenge) throw new RegistryError(`${this.ref.registry} answered 401 without a challenge`, 401);
      this.authorization = await this.authorize(challenge);
      response = await fetch(url, { headers: headers(), signal: this.signal() });
    }
    return response;
  }

  private async authorize(header: string): Promise<string> {
    const { scheme, params } = parseChallenge(header);
    const credentials = this.options.credentials;
    if (scheme === 'basic') {
      if (!credentials) throw new RegistryError(`${this.ref.registry} asks for a user and password`, 401);
      return basic(credentials);
    }
    if (scheme !== 'bearer' || !params.realm) {
      throw new RegistryError(`${this.ref.registry} asks for an authentication scheme shipkit does not speak`, 401);
    }
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', `repository:${this.ref.repository}:pull`);
    const response = await fetch(url, {
      headers: credentials ? { Authorization: basic(credentials) } : {},
      signal: this.signal(),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError(`the token service of ${this.ref.registry} answered ${response.status}`, response.status);
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`the token service of ${this.ref.registry} gave no token`);
    return `Bearer ${token}`;
  }

  /**
   * The manifest a tag or digest names, and its digest: the registry's `Docker-Content-Digest`, else the
   * sha256 of the bytes it sent (the digest is of the exact bytes, never of re-serialised JSON).
   */
  async manifest(reference: string): Promise<FetchedManifest> {
    const response = await this.get(`manifests/${reference}`, MANIFEST_ACCEPT);
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError(
        `${this.ref.registry}/${this.ref.repository}:${reference}: the registry answered ${response.status}`,
        response.status,
      );
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest =
      response.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const doc = JSON.parse(bytes.toString('utf8')) as ManifestDoc;
    const mediaType = doc.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? '';
    return { digest, mediaType, doc };
  }

  async blobJson<T>(digest: string): Promise<T> {
    const response = await this.get(`blobs/${digest}`);
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError(`blob ${digest}: the registry answered ${response.status}`, response.status);
    }
    return (await response.json()) as T;
  }
}

export const isIndex = (m: FetchedManifest): boolean => INDEX_TYPES.has(m.mediaType) || Array.isArray(m.doc.manifests);

/** BuildKit stores attestations (SBOM, provenance) as extra manifests of the index, platform unknown/unknown. */
export const isAttestation = (d: Descriptor): boolean =>
  d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
  (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown');

export const platformOf = (p: Descriptor['platform']): string =>
  p ? [p.os ?? 'unknown', p.architecture ?? 'unknown', ...(p.variant ? [p.variant] : [])].join('/') : 'unknown';
