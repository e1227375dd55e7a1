import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { orasPath } from './tools.js';

const run = promisify(execFile);

/**
 * The smallest image Trivy sees as Alpine 3.19 with one vulnerable package: os-release and the apk
 * database listing libcrypto3 3.1.4-r0 (origin openssl), which the test database's Alpine secfixes
 * say is fixed in 3.1.4-r1 (CVE-2023-5678) and 3.1.4-r5 (CVE-2024-0727). No Docker engine here, so
 * the image is laid out by hand: one layer, an OCI image config, written as an OCI layout directory
 * and as a `docker save` archive — both formats Trivy's `--input` reads.
 */
const FILES: Record<string, string> = {
  'etc/alpine-release': '3.19.1\n',
  'etc/os-release': [
    'NAME="Alpine Linux"',
    'ID=alpine',
    'VERSION_ID=3.19.1',
    'PRETTY_NAME="Alpine Linux v3.19"',
    'HOME_URL="https://alpinelinux.org/"',
    '',
  ].join('\n'),
  'lib/apk/db/installed': [
    'P:libcrypto3',
    'V:3.1.4-r0',
    'A:x86_64',
    'S:1745049',
    'I:4399104',
    'T:Crypto library from openssl',
    'U:https://www.openssl.org/',
    'L:Apache-2.0',
    'o:openssl',
    'm:Ariadne Conill <ariadne@dereferenced.org>',
    't:1698255893',
    'D:so:libc.musl-x86_64.so.1',
    'p:so:libcrypto.so.3=3',
    'F:lib',
    'R:libcrypto.so.3',
    '',
    '',
  ].join('\n'),
};

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export interface AlpineImage {
  /** OCI layout directory (index.json, oci-layout, blobs/), its manifest named `tag`. */
  layout: string;
  /** `docker save` archive. */
  archive: string;
  tag: string;
}

export async function buildAlpineImage(dir: string): Promise<AlpineImage> {
  const rootfs = path.join(dir, 'rootfs');
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(rootfs, name)), { recursive: true });
    await writeFile(path.join(rootfs, name), text);
  }
  const layerTar = path.join(dir, 'layer.tar');
  await run('tar', ['-cf', layerTar, '--owner=0', '--group=0', '-C', rootfs, 'etc', 'lib'], { timeout: 30_000 });
  const layer = await readFile(layerTar);
  const layerGz = gzipSync(layer);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: [`sha256:${sha256(layer)}`] },
      history: [{ created_by: 'shipkit test image: apk db with libcrypto3 3.1.4-r0' }],
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${sha256(config)}`,
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: `sha256:${sha256(layerGz)}`,
          size: layerGz.length,
        },
      ],
    }),
  );
  const tag = '3.19';

  const layout = path.join(dir, 'layout');
  const blobs = path.join(layout, 'blobs', 'sha256');
  await mkdir(blobs, { recursive: true });
  for (const blob of [config, layerGz, manifest]) await writeFile(path.join(blobs, sha256(blob)), blob);
  await writeFile(path.join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(
    path.join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${sha256(manifest)}`,
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  );

  const saved = path.join(dir, 'saved');
  await mkdir(saved, { recursive: true });
  await writeFile(path.join(saved, `${sha256(config)}.json`), config);
  await copyFile(layerTar, path.join(saved, `${sha256(layer)}.tar`));
  await writeFile(
    path.join(saved, 'manifest.json'),
    JSON.stringify([
      { Config: `${sha256(config)}.json`, RepoTags: [`shipkit/alpine:${tag}`], Layers: [`${sha256(layer)}.tar`] },
    ]),
  );
  const archive = path.join(dir, 'alpine.tar');
  await run('tar', ['-cf', archive, '-C', saved, '.'], { timeout: 30_000 });
  return { layout, archive, tag };
}

/** Copies the OCI layout's image to `<registry>/<repository>:<tag>` with oras. */
export async function pushImage(image: AlpineImage, registry: string, repository: string): Promise<string> {
  if (!orasPath) throw new Error('oras is not installed (.ci/setup/scan.sh builds it)');
  const ref = `${registry}/${repository}:${image.tag}`;
  await run(orasPath, ['cp', '--from-oci-layout', '--to-plain-http', `${image.layout}:${image.tag}`, ref], {
    timeout: 60_000,
  });
  return ref;
}
