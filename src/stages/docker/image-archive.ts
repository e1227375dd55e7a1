import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import nativePath from 'node:path';
import path from 'node:path/posix';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import type { Descriptor, ManifestDoc } from './registry/client.js';
import type { ImageConfig } from './registry/remote-image.js';

/** One platform's image in an archive, as the scan saw it. */
export interface ArchivedImage {
  platform: string;
  /** The image config's digest (the image ID). */
  configDigest: string;
  diffIds: string[];
  /** Uncompressed bytes of the layers (a `docker save` archive stores them uncompressed); null when not known. */
  size: number | null;
  /** Compressed bytes of config and layers (an OCI archive stores them compressed); null when not known. */
  compressedSize: number | null;
  /** The platform manifest's digest, when the archive has manifests (OCI). */
  manifestDigest?: string;
}

export interface ImageArchive {
  format: 'docker' | 'oci';
  images: ArchivedImage[];
}

/** Small files are kept to be read as JSON (manifests, configs, indexes); layers are only measured. */
const KEEP_BYTES = 4 << 20;
const KEEP_TOTAL = 64 << 20;

interface Entry {
  size: number;
  link?: string;
  data?: Buffer;
}

async function readEntries(file: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let kept = 0;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = path.normalize(header.name).replace(/^\.\/|^\//, '');
    const entry: Entry = { size: header.size ?? 0 };
    if (header.type === 'symlink' || header.type === 'link') entry.link = header.linkname ?? undefined;
    const keep = header.type === 'file' && entry.size <= KEEP_BYTES && kept + entry.size <= KEEP_TOTAL;
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => {
      if (keep) chunks.push(chunk as Buffer);
    });
    stream.on('end', () => {
      if (keep) {
        entry.data = Buffer.concat(chunks);
        kept += entry.size;
      }
      entries.set(name, entry);
      next();
    });
    stream.resume();
  });
  await pipeline(createReadStream(file), extract);
  return entries;
}

function resolve(entries: Map<string, Entry>, name: string, depth = 0): Entry | undefined {
  const entry = entries.get(path.normalize(name));
  if (!entry?.link || depth > 8) return entry;
  const target = entry.link.startsWith('/') ? entry.link.slice(1) : path.join(path.dirname(name), entry.link);
  return resolve(entries, target, depth + 1);
}

function json<T>(entries: Map<string, Entry>, name: string): T {
  const data = resolve(entries, name)?.data;
  if (!data) throw new Error(`the image archive has no readable ${name}`);
  return JSON.parse(data.toString('utf8')) as T;
}

const platformOf = (c: ImageConfig): string =>
  [c.os ?? 'unknown', c.architecture ?? 'unknown', ...(c.variant ? [c.variant] : [])].join('/');

const blobPath = (digest: string): string => `blobs/${digest.replace(':', '/')}`;

/** Every platform image an index names, once each: buildx lists the same index again under each tag. */
function ociImages(
  entries: Map<string, Entry>,
  descriptors: readonly Descriptor[],
  depth = 0,
  seen = new Set<string>(),
): ArchivedImage[] {
  const out: ArchivedImage[] = [];
  for (const d of descriptors) {
    if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || seen.has(d.digest)) continue;
    seen.add(d.digest);
    const doc = json<ManifestDoc>(entries, blobPath(d.digest));
    if (Array.isArray(doc.manifests)) {
      if (depth < 4) out.push(...ociImages(entries, doc.manifests, depth + 1, seen));
      continue;
    }
    if (!doc.config) continue;
    const config = json<ImageConfig>(entries, blobPath(doc.config.digest));
    out.push({
      platform: platformOf(config),
      configDigest: doc.config.digest,
      diffIds: config.rootfs?.diff_ids ?? [],
      size: null,
      compressedSize: doc.config.size + (doc.layers ?? []).reduce((s, l) => s + l.size, 0),
      manifestDigest: d.digest,
    });
  }
  return out;
}

/** An OCI image layout directory (buildx `--output type=oci,tar=false`): index.json and blobs/ read from disk. */
async function readLayoutEntries(dir: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  entries.set('index.json', { size: 0, data: await readFile(nativePath.join(dir, 'index.json')) });
  const blobs = nativePath.join(dir, 'blobs', 'sha256');
  for (const name of await readdir(blobs)) {
    const file = nativePath.join(blobs, name);
    const size = (await stat(file)).size;
    entries.set(`blobs/sha256/${name}`, { size, ...(size <= KEEP_BYTES ? { data: await readFile(file) } : {}) });
  }
  return entries;
}

/**
 * One OCI layout per platform image, sharing the blobs of `dir`: Trivy's `--input` scans the one image an
 * index names, so each platform of a multi-platform build is scanned on its own.
 */
export async function platformLayouts(
  dir: string,
  images: readonly ArchivedImage[],
): Promise<{ platform: string; path: string }[]> {
  const out: { platform: string; path: string }[] = [];
  for (const [i, image] of images.entries()) {
    if (!image.manifestDigest) continue;
    const layout = `${dir}.platform-${i}`;
    await mkdir(layout, { recursive: true });
    await symlink(nativePath.join(dir, 'blobs'), nativePath.join(layout, 'blobs'));
    await writeFile(nativePath.join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    const size = (await stat(nativePath.join(dir, blobPath(image.manifestDigest)))).size;
    await writeFile(
      nativePath.join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.manifestDigest, size }],
      }),
    );
    out.push({ platform: image.platform, path: layout });
  }
  return out;
}

/**
 * What an image archive holds, per platform: a `docker save` archive (manifest.json naming each image's
 * config and layer files), an OCI image layout in a tar, or an OCI layout directory (index.json, blobs/).
 * A tar is read in one pass; only the small JSON documents are kept in memory.
 */
export async function readImageArchive(file: string): Promise<ImageArchive> {
  const entries = (await stat(file)).isDirectory() ? await readLayoutEntries(file) : await readEntries(file);
  if (entries.has('manifest.json')) {
    const manifest = json<{ Config: string; Layers?: string[] }[]>(entries, 'manifest.json');
    return {
      format: 'docker',
      images: manifest.map((m) => {
        const config = json<ImageConfig>(entries, m.Config);
        const digest = /([a-f0-9]{64})/.exec(m.Config)?.[1];
        return {
          platform: platformOf(config),
          configDigest: digest ? `sha256:${digest}` : m.Config,
          diffIds: config.rootfs?.diff_ids ?? [],
          size: (m.Layers ?? []).reduce((s, l) => s + (resolve(entries, l)?.size ?? 0), 0),
          compressedSize: null,
        };
      }),
    };
  }
  if (entries.has('index.json')) {
    const index = json<ManifestDoc>(entries, 'index.json');
    return { format: 'oci', images: ociImages(entries, index.manifests ?? []) };
  }
  throw new Error(`${file} is neither a docker save archive (manifest.json) nor an OCI layout (index.json)`);
}
