/** An image reference split the way Docker reads one (github.com/distribution/reference, `ParseNormalizedNamed`). */
export interface ImageReference {
  /** `docker.io`, `ghcr.io`, `127.0.0.1:5000` — as credentials are keyed. */
  registry: string;
  /** `library/node`, `acme/api`. */
  repository: string;
  tag?: string;
  digest?: string;
}

const DOCKER_HUB = 'docker.io';

/** Docker Hub's API answers at another host than its name. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB || registry === 'index.docker.io' ? 'registry-1.docker.io' : registry;
}

/**
 * `node:20` → docker.io/library/node:20; `ghcr.io/acme/api:1.2@sha256:…` → ghcr.io, acme/api, 1.2, sha256:….
 * The first path part is a registry when it has a `.` or a `:` or is `localhost`, as Docker decides.
 */
export function parseReference(ref: string): ImageReference {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let registry = hasRegistry ? first : DOCKER_HUB;
  let repository = hasRegistry ? rest.slice(slash + 1) : rest;
  if (registry === 'index.docker.io') registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  return { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** `registry/repository` as it is pushed (Docker Hub's short form kept as the user wrote it is not needed here). */
export const repositoryRef = (r: ImageReference): string => `${r.registry}/${r.repository}`;

/**
 * Registries Docker reaches over plain HTTP when HTTPS fails: loopback ones (dockerd treats 127.0.0.0/8 as
 * insecure by default) and the ones the user lists in `insecure-registries`.
 */
export function mayUseHttp(registry: string, insecure: readonly string[]): boolean {
  const host = registry.replace(/:\d+$/, '');
  return insecure.includes(registry) || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}
