import { constants } from 'node:fs';
import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from '../../../core/context.js';
import { ServiceError, UserError } from '../../../core/errors.js';
import { ToolDownloadError } from '../../../core/host/tool-cache.js';
import { userCommandEnv } from '../../../core/user-command-env.js';
import { TRIVY_RELEASES_URL } from './defaults.js';
import { runProcess } from './exec.js';
import { checksumsFileName, expectedChecksum, releaseAsset, sha256File } from './release.js';
import { cut } from '../../../core/text.js';

export interface TrivyBinary {
  path: string;
  /** What `trivy --version` reports, e.g. `0.74.0`. */
  version: string;
  /** Where it came from, for the log and the report. */
  source: 'trivy-path' | 'tool-cache' | 'download';
}

export interface InstallSettings {
  version: string;
  path?: string;
  downloadBaseUrl?: string;
}

/** `0.74.0` or `v0.74.0` (a pre-release suffix allowed); anything else is a user's mistake. */
export function normalizeTrivyVersion(version: string): string {
  const match = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(version.trim());
  if (!match) {
    throw new UserError(`'${version}' is not a Trivy release version such as 0.74.0`, { input: 'trivy-version' });
  }
  return match[1];
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `trivy-path`: a file (relative to the working directory), or a command name looked up in PATH. */
async function resolveGivenPath(given: string, ctx: StageContext): Promise<string> {
  if (given.includes('/') || given.includes(path.sep)) {
    const file = path.resolve(ctx.cwd, given);
    if (await isExecutable(file)) return file;
    throw new UserError(`${file} is not an executable file`, { input: 'trivy-path' });
  }
  for (const dir of (ctx.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, given);
    if (await isExecutable(file)) return file;
  }
  throw new UserError(`'${given}' is not on PATH`, { input: 'trivy-path' });
}

/** The version a Trivy binary reports (`Version: 0.74.0` on the first line of `trivy --version`). */
export async function trivyVersionOf(binary: string, ctx: StageContext, input = 'trivy-path'): Promise<string> {
  const result = await runProcess(binary, ['--version'], {
    cwd: ctx.cwd,
    env: userCommandEnv(ctx.env),
    signal: ctx.signal,
  });
  const match = /^Version:\s*v?(\S+)/m.exec(result.stdout);
  if (result.code !== 0 || !match) {
    throw new UserError(
      `${binary} --version did not report a Trivy version (exit ${result.code}): ${cut((result.stderr || result.stdout).trim(), 300)}`,
      { input },
    );
  }
  return match[1];
}

/**
 * The Trivy to run: the binary at `trivy-path`, or the pinned release from the tool cache, downloaded
 * there first when missing. A download is verified against Trivy's checksums file before anything
 * is extracted or cached; a mismatch installs nothing.
 */
export async function installTrivy(settings: InstallSettings, ctx: StageContext): Promise<TrivyBinary> {
  if (settings.path) {
    const file = await resolveGivenPath(settings.path, ctx);
    return { path: file, version: await trivyVersionOf(file, ctx), source: 'trivy-path' };
  }
  const version = normalizeTrivyVersion(settings.version);
  const cached = await ctx.host.tools.find('trivy', version);
  if (cached && (await isExecutable(path.join(cached, 'trivy')))) {
    return checked(path.join(cached, 'trivy'), version, 'tool-cache', ctx);
  }
  const dir = await downloadVerified(version, settings.downloadBaseUrl ?? TRIVY_RELEASES_URL, ctx);
  return checked(path.join(dir, 'trivy'), version, 'download', ctx);
}

async function checked(
  file: string,
  version: string,
  source: TrivyBinary['source'],
  ctx: StageContext,
): Promise<TrivyBinary> {
  const reported = await trivyVersionOf(file, ctx, 'trivy-version');
  if (reported !== version) {
    throw new ServiceError(
      `the Trivy at ${file} reports version ${reported}, not ${version}`,
      'The release or the tool cache holds another build: clear the cached copy, or set trivy-version to what it is.',
      'trivy-version',
    );
  }
  return { path: file, version, source };
}

async function downloadVerified(version: string, baseUrl: string, ctx: StageContext): Promise<string> {
  const asset = releaseAsset(version);
  if (!asset) {
    throw new UserError(
      `Trivy publishes no release tarball for ${process.platform}/${process.arch}; install Trivy and set trivy-path`,
      { input: 'trivy-path' },
    );
  }
  const base = baseUrl.replace(/\/+$/, '');
  const sumsName = checksumsFileName(version);
  const sumsUrl = `${base}/v${version}/${sumsName}`;
  const assetUrl = `${base}/v${version}/${asset}`;
  const tools = ctx.host.tools;
  ctx.logger.info(`Downloading Trivy ${version} from ${assetUrl}`);

  const sumsFile = await download(sumsUrl, version, ctx);
  let expected: string | undefined;
  try {
    expected = expectedChecksum(await readFile(sumsFile, 'utf8'), asset);
  } finally {
    await rm(sumsFile, { force: true });
  }
  if (!expected) {
    throw new ServiceError(
      `${sumsUrl} has no checksum for ${asset}`,
      'Without a checksum the download cannot be verified, so nothing was installed: check trivy-download-url.',
      'trivy-download-url',
    );
  }

  const tarball = await download(assetUrl, version, ctx);
  let extracted: string | undefined;
  try {
    const actual = await sha256File(tarball);
    if (actual !== expected) {
      throw new ServiceError(
        `refusing ${assetUrl}: its SHA-256 is ${actual} but ${sumsName} says ${expected}`,
        'The file was altered or damaged on the way; nothing was installed. Check trivy-download-url and any proxy in between, then run again.',
        'trivy-download-url',
      );
    }
    extracted = await tools.extractTar(tarball);
    if (!(await isExecutable(path.join(extracted, 'trivy')))) {
      throw new ServiceError(
        `${asset} holds no trivy executable at its top level`,
        'The release is not laid out as Trivy publishes it: check trivy-download-url.',
        'trivy-download-url',
      );
    }
    const dir = await tools.cacheDir(extracted, 'trivy', version);
    ctx.logger.info(`Trivy ${version} verified (sha256 ${actual}) and cached in ${dir}`);
    return dir;
  } finally {
    await rm(tarball, { force: true });
    if (extracted) await rm(extracted, { recursive: true, force: true });
  }
}

async function download(url: string, version: string, ctx: StageContext): Promise<string> {
  try {
    return await ctx.host.tools.download(url);
  } catch (error) {
    if (error instanceof ToolDownloadError && error.status === 404) {
      throw new UserError(`Trivy ${version} has no release file at ${url} (HTTP 404)`, { input: 'trivy-version' });
    }
    if (error instanceof ToolDownloadError) {
      throw new ServiceError(
        error.message,
        'The release server is failing or refusing us; run again later, or set trivy-path to an installed Trivy.',
        'trivy-download-url',
        { cause: error },
      );
    }
    throw error;
  }
}
