import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { checksumsFileName, releaseAsset } from '../../../../src/stages/scan/trivy/release.js';
import { startFileServer, type TestServer } from './servers.js';

const run = promisify(execFile);

export async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** A release tarball as Trivy publishes it: the binary at the top level beside its license and readme. */
export async function makeTarball(dir: string, binary: string, name: string): Promise<string> {
  const stage = await mkdtemp(path.join(dir, 'stage-'));
  await copyFile(binary, path.join(stage, 'trivy'));
  await chmod(path.join(stage, 'trivy'), 0o755);
  await writeFile(path.join(stage, 'LICENSE'), 'Apache License 2.0 (test copy)\n');
  await writeFile(path.join(stage, 'README.md'), '# Trivy\n');
  const tarball = path.join(dir, name);
  await run('tar', ['-I', 'gzip -1', '-cf', tarball, '-C', stage, 'LICENSE', 'README.md', 'trivy'], {
    timeout: 300_000,
  });
  await rm(stage, { recursive: true, force: true });
  return tarball;
}

export interface ReleaseMirror {
  server: TestServer;
  /** The base URLs (`trivy-download-url`) of the three releases served. */
  urls: {
    /** The built Trivy, with a checksums file that lists it. */
    genuine: string;
    /** Another binary (it answers --version like Trivy) under the genuine name, with the genuine checksums file. */
    tampered: string;
    /** The genuine tarball, with a checksums file that has no line for it. */
    unlisted: string;
  };
  asset: string;
  sumsName: string;
  genuineSha: string;
}

/**
 * Trivy's release downloads on 127.0.0.1 (`<base>/v<version>/<file>`, as GitHub serves them): the
 * release tarball made from the built binary and its checksums file written as goreleaser writes it,
 * plus a tampered and an unlisted release, so the download-and-verify path runs for real.
 */
export async function startReleaseMirror(work: string, binary: string, version: string): Promise<ReleaseMirror> {
  const asset = releaseAsset(version);
  if (!asset) throw new Error(`Trivy publishes no release tarball for ${process.platform}/${process.arch}`);
  const sumsName = checksumsFileName(version);
  const genuine = await makeTarball(work, binary, asset);
  const genuineSha = await sha256(genuine);
  const sums = path.join(work, sumsName);
  // As goreleaser writes it: one line per release file, sorted by name.
  await writeFile(
    sums,
    [
      `${'1'.repeat(64)}  trivy_${version}_FreeBSD-64bit.tar.gz`,
      `${genuineSha}  ${asset}`,
      `${'2'.repeat(64)}  trivy_${version}_windows-64bit.zip`,
      '',
    ].join('\n'),
  );
  // A substituted binary under the genuine name: it even answers --version like Trivy.
  const impostor = path.join(work, 'impostor.sh');
  await writeFile(impostor, `#!/bin/sh\necho "Version: ${version}"\n`);
  await mkdir(path.join(work, 'tampered'));
  const tampered = await makeTarball(path.join(work, 'tampered'), impostor, asset);
  const noEntry = path.join(work, 'no-entry.txt');
  await writeFile(noEntry, `${'3'.repeat(64)}  trivy_${version}_macOS-ARM64.tar.gz\n`);

  const files = new Map<string, string>([
    [`/releases/v${version}/${asset}`, genuine],
    [`/releases/v${version}/${sumsName}`, sums],
    [`/tampered/v${version}/${asset}`, tampered],
    [`/tampered/v${version}/${sumsName}`, sums],
    [`/unlisted/v${version}/${asset}`, genuine],
    [`/unlisted/v${version}/${sumsName}`, noEntry],
  ]);
  const server = await startFileServer(files);
  return {
    server,
    urls: {
      genuine: `${server.url}/releases`,
      tampered: `${server.url}/tampered`,
      unlisted: `${server.url}/unlisted`,
    },
    asset,
    sumsName,
    genuineSha,
  };
}
