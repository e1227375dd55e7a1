import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Trivy's release names for Node's platform and architecture (goreleaser.yml in the Trivy repository). */
const PLATFORMS: Readonly<Record<string, string>> = {
  'linux-x64': 'Linux-64bit',
  'linux-arm64': 'Linux-ARM64',
  'linux-ppc64': 'Linux-PPC64LE',
  'linux-s390x': 'Linux-s390x',
  'darwin-x64': 'macOS-64bit',
  'darwin-arm64': 'macOS-ARM64',
};

/**
 * The release tarball for this machine, e.g. `trivy_0.74.0_Linux-64bit.tar.gz`; undefined where Trivy
 * publishes no tarball (Windows ships a zip, and other systems nothing).
 */
export function releaseAsset(
  version: string,
  platform: string = process.platform,
  arch: string = process.arch,
): string | undefined {
  const name = PLATFORMS[`${platform}-${arch}`];
  return name ? `trivy_${version}_${name}.tar.gz` : undefined;
}

export function checksumsFileName(version: string): string {
  return `trivy_${version}_checksums.txt`;
}

/** The SHA-256 that a `sha256sum`-style checksums file gives for `asset` (lower-case hex), or undefined. */
export function expectedChecksum(checksums: string, asset: string): string | undefined {
  for (const line of checksums.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*?)\s*$/.exec(line);
    if (match && match[2] === asset) return match[1].toLowerCase();
  }
  return undefined;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
