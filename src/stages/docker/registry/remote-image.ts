import { isAttestation, isIndex, platformOf, type FetchedManifest, type RegistryClient } from './client.js';

/** What an image config says about itself (the parts shipkit reads). */
export interface ImageConfig {
  os?: string;
  architecture?: string;
  variant?: string;
  rootfs?: { diff_ids?: string[] };
}

export interface PlatformImage {
  platform: string;
  /** The platform's own manifest digest. */
  digest: string;
  /** The image config's digest: what `docker images` shows as the image ID. */
  configDigest: string;
  /** Bytes a pull transfers: the config and the compressed layers. */
  compressedSize: number;
  /** The uncompressed layers' digests, in order: the same image has the same ones however it was compressed. */
  diffIds: string[];
}

export interface RemoteImage {
  /** The digest the tag resolves to (an index for a multi-platform image). */
  digest: string;
  platforms: PlatformImage[];
}

const configPlatform = (c: ImageConfig): string =>
  [c.os ?? 'unknown', c.architecture ?? 'unknown', ...(c.variant ? [c.variant] : [])].join('/');

async function platformImage(
  client: RegistryClient,
  manifest: FetchedManifest,
  platform?: string,
): Promise<PlatformImage> {
  const config = manifest.doc.config;
  if (!config) throw new Error(`manifest ${manifest.digest} has no config`);
  const json = await client.blobJson<ImageConfig>(config.digest);
  return {
    platform: platform ?? configPlatform(json),
    digest: manifest.digest,
    configDigest: config.digest,
    compressedSize: config.size + (manifest.doc.layers ?? []).reduce((sum, l) => sum + l.size, 0),
    diffIds: json.rootfs?.diff_ids ?? [],
  };
}

/**
 * What a pushed tag is in the registry: its digest (from the registry, not from the pusher's word), and
 * per platform the manifest, config, compressed size and layer diff ids. Attestation manifests are skipped.
 */
export async function inspectRemote(client: RegistryClient, reference: string): Promise<RemoteImage> {
  const top = await client.manifest(reference);
  if (!isIndex(top)) return { digest: top.digest, platforms: [await platformImage(client, top)] };
  const platforms: PlatformImage[] = [];
  for (const d of (top.doc.manifests ?? []).filter((m) => !isAttestation(m)).slice(0, 64)) {
    platforms.push(
      await platformImage(client, await client.manifest(d.digest), d.platform ? platformOf(d.platform) : undefined),
    );
  }
  return { digest: top.digest, platforms };
}
