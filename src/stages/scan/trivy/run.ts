import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../../core/context.js';
import { UserError } from '../../../core/errors.js';
import { userCacheDir } from '../../../core/host/fs-tool-cache.js';
import { userCommandEnv } from '../../../core/user-command-env.js';
import type { TrivyDbCache } from './db-cache.js';
import { prepareDb, type DbState } from './db.js';
import { TrivyFailure } from './errors.js';
import { runProcess } from './exec.js';
import { installTrivy } from './install.js';
import { imageTarget, pathTarget, type ScanTarget } from './target.js';

export type TrivyScanner = 'vuln' | 'secret' | 'misconfig';

export interface TrivyScanRequest {
  command: 'fs' | 'image' | 'config';
  /**
   * `fs`/`config`: a directory or file (relative to `cwd`). `image`: an image archive (`docker save`
   * or OCI tarball), an OCI layout directory, or an image name / registry reference.
   */
  target: string;
  /** Ignored by `config`, which finds misconfigurations only. */
  scanners: TrivyScanner[];
  cwd: string;
}

export interface TrivySettings {
  /** The release to download (`trivy-version`), e.g. `0.74.0`. */
  version: string;
  /** Run this Trivy instead (`trivy-path`): a file, or a command name looked up in PATH. */
  path?: string;
  /** Base URL of the release downloads (`trivy-download-url`); default GitHub's releases. */
  downloadBaseUrl?: string;
  /** OCI repositories of the vulnerability database, tried in order (`db-repository`). */
  dbRepositories: string[];
  /** Scan with the database already in the cache directory; never download (`skip-db-update`). */
  skipDbUpdate: boolean;
  /** Plain HTTP and unverified TLS for registries (`insecure`): the database's and the image's. */
  insecure?: boolean;
  /** Trivy's cache directory; default `$RUNNER_TEMP/shipkit-trivy`, else `<user cache>/shipkit/trivy`. */
  cacheDir?: string;
  /**
   * Keeps the database between runs under a daily key (the Actions cache in an action). Without one,
   * only the cache directory itself keeps it, which is enough where it persists (the CLI).
   */
  dbCache?: TrivyDbCache;
  /** Waiting on a rate-limited registry: attempts per repository and the longest wait (seconds). */
  rateLimit?: { attempts?: number; maxWaitSeconds?: number };
  /** Trivy's `--timeout` for one scan, e.g. `10m` (Trivy's default 5m otherwise). */
  timeout?: string;
}

export interface TrivyRunResult {
  /** Trivy's JSON report; in a fresh temporary directory the caller may delete. */
  jsonFile: string;
  trivyVersion: string;
  /** Where the vulnerability database came from (absent when the scan needed none). */
  db?: DbState;
}

const ALL_SEVERITIES = 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL';

export function defaultTrivyCacheDir(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, 'shipkit-trivy') : path.join(userCacheDir(env), 'trivy');
}

function needsDb(req: TrivyScanRequest): boolean {
  return req.command !== 'config' && req.scanners.includes('vuln');
}

/**
 * The arguments of one scan. Everything the findings depend on is explicit, so neither a trivy.yaml
 * nor TRIVY_* variables can change them: JSON to a file, every severity, exit code 0 on findings, no
 * ignore file (shipkit applies .trivyignore itself and shows what it ignored), the database prepared
 * beforehand and the misconfiguration checks embedded in the binary (no network for either).
 */
export function scanArgs(
  req: TrivyScanRequest,
  target: ScanTarget,
  paths: { jsonFile: string; cacheDir: string; ignoreFile: string },
  settings: Pick<TrivySettings, 'insecure' | 'timeout'>,
): string[] {
  const args: string[] = [req.command, '--format', 'json', '--output', paths.jsonFile, '--quiet'];
  args.push('--cache-dir', paths.cacheDir, '--exit-code', '0', '--severity', ALL_SEVERITIES);
  args.push('--ignorefile', paths.ignoreFile, '--skip-check-update', '--skip-version-check', '--disable-telemetry');
  if (req.command !== 'config') {
    args.push('--scanners', req.scanners.join(','), '--skip-db-update', '--no-progress');
  }
  if (settings.insecure) args.push('--insecure');
  if (settings.timeout) args.push('--timeout', settings.timeout);
  if (target.kind === 'input') args.push('--input', target.path);
  else args.push('--', target.kind === 'path' ? target.path : target.ref);
  return args;
}

/**
 * Runs one Trivy scan and returns its JSON report: installs (or finds) the pinned Trivy, prepares
 * the vulnerability database when the scan needs one, then scans with no network use of its own
 * beyond pulling a registry image. A failure is a TrivyFailure: one line with Trivy's last words.
 */
export async function runTrivy(
  req: TrivyScanRequest,
  settings: TrivySettings,
  ctx: StageContext,
): Promise<TrivyRunResult> {
  if (req.command !== 'config' && req.scanners.length === 0) {
    throw new UserError('no scanner selected: choose from vuln, secret, misconfig', { input: 'scanners' });
  }
  const target =
    req.command === 'image' ? await imageTarget(req.target, req.cwd) : await pathTarget(req.target, req.cwd, 'target');
  const trivy = await installTrivy(settings, ctx);
  const cacheDir = settings.cacheDir ?? defaultTrivyCacheDir(ctx.env);
  await mkdir(cacheDir, { recursive: true });
  const db = needsDb(req) ? await prepareDb(trivy, settings, cacheDir, ctx) : undefined;

  const outDir = await mkdtemp(path.join(ctx.env.RUNNER_TEMP ?? os.tmpdir(), 'shipkit-trivy-'));
  const jsonFile = path.join(outDir, `trivy-${req.command}.json`);
  const ignoreFile = path.join(outDir, 'none.trivyignore');
  try {
    await writeFile(ignoreFile, '');
    const args = scanArgs(req, target, { jsonFile, cacheDir, ignoreFile }, settings);
    ctx.logger.debug(`${trivy.path} ${args.join(' ')}`);
    const result = await runProcess(trivy.path, args, {
      cwd: req.cwd,
      env: userCommandEnv(ctx.env),
      signal: ctx.signal,
    });
    if (result.code !== 0) {
      throw new TrivyFailure(`trivy ${req.command}`, result, req.command === 'image' ? 'image' : undefined);
    }
  } catch (error) {
    // The report directory is the caller's only on success.
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  return { jsonFile, trivyVersion: trivy.version, ...(db ? { db } : {}) };
}
