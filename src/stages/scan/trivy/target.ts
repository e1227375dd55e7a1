import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../core/errors.js';

/** How Trivy is pointed at what it scans: a path argument, `--input` (an image archive or OCI layout), or a reference. */
export type ScanTarget =
  { kind: 'path'; path: string } | { kind: 'input'; path: string } | { kind: 'reference'; ref: string };

async function statOf(file: string) {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}

/** A directory or file for `trivy fs` / `trivy config`, which must exist. */
export async function pathTarget(target: string, cwd: string, input: string): Promise<ScanTarget> {
  const file = path.resolve(cwd, target);
  if (!(await statOf(file))) throw new UserError(`${file} does not exist`, { input });
  return { kind: 'path', path: file };
}

/** Written as a path (`./x`, `/x`, `x.tar`) rather than an image name. */
function looksLikePath(target: string): boolean {
  return /^(\.{1,2}\/|\/)/.test(target) || /\.(tar|tar\.gz|tgz)$/i.test(target);
}

/**
 * `image`: an archive (`docker save` or OCI tarball) or an OCI layout directory is scanned with
 * `--input`; anything else is an image name, which Trivy looks up in the local Docker, containerd or
 * Podman and then in its registry.
 */
export async function imageTarget(target: string, cwd: string): Promise<ScanTarget> {
  const file = path.resolve(cwd, target);
  const info = await statOf(file);
  if (info?.isFile()) return { kind: 'input', path: file };
  if (info?.isDirectory()) {
    if (await statOf(path.join(file, 'index.json'))) return { kind: 'input', path: file };
    throw new UserError(`${file} is a directory but not an OCI image layout (it has no index.json)`, {
      input: 'image',
    });
  }
  if (looksLikePath(target)) throw new UserError(`${file} does not exist`, { input: 'image' });
  return { kind: 'reference', ref: target };
}
