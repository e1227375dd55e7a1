import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';

const run = promisify(execFile);

/**
 * Every layer of a pushed image (every platform of an index), uncompressed, as skopeo copies it out of
 * the registry: for checking what an image really holds, with a client other than shipkit.
 */
export async function pushedLayers(ref: string, dir: string): Promise<Buffer[]> {
  await run('skopeo', ['copy', '--all', '--src-tls-verify=false', `docker://${ref}`, `oci:${dir}`], {
    timeout: 120_000,
  });
  const blobs = path.join(dir, 'blobs', 'sha256');
  const out: Buffer[] = [];
  for (const name of await readdir(blobs)) {
    const data = await readFile(path.join(blobs, name));
    // Layers are gzipped tars; manifests and configs are JSON and are not layers.
    if (data[0] === 0x1f && data[1] === 0x8b) out.push(gunzipSync(data));
  }
  return out;
}

/** The content of `file` in the first layer (a tar, read with tar-stream) that has it. */
export async function fileInLayers(layers: readonly Buffer[], file: string): Promise<string | undefined> {
  for (const layer of layers) {
    let found: string | undefined;
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => void chunks.push(c as Buffer));
      stream.on('end', () => {
        if (header.name.replace(/^\.?\//, '') === file) found = Buffer.concat(chunks).toString('utf8');
        next();
      });
      stream.resume();
    });
    await pipeline(Readable.from([layer]), extract);
    if (found !== undefined) return found;
  }
  return undefined;
}
