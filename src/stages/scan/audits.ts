import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { ServiceError, UserError } from '../../core/errors.js';
import { userCommandEnv } from '../../core/user-command-env.js';
import type { FindingsFormat } from './ingest/detect.js';
import { readFindingsFile, type IngestResult } from './ingest/index.js';
import type { AuditTool } from './options.js';
import { cut } from '../../core/text.js';

/**
 * The package managers' own audits, run in the target directory with the user's environment (their
 * registry and credentials in .npmrc or npm_config_*), and read like any report.
 *
 * Python and Go: osv-scanner. It reads requirements.txt, poetry.lock, Pipfile.lock, go.mod and more
 * in one run, merges the aliases of one advisory itself (`groups`), installs from the Go module
 * proxy (`go install github.com/google/osv-scanner/v2/cmd/osv-scanner`), and with
 * `--offline-vulnerabilities` reads OSV's per-ecosystem database zips from a local directory
 * (OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY) — so it runs where only a mirror is reachable, and the tests
 * run it for real against a database built from real OSV records. pip-audit covers Python only and
 * asks PyPI's or OSV's API over the network; govulncheck covers Go only.
 */

interface AuditCommand {
  command: string;
  args: string[];
  format: FindingsFormat;
  /** The lockfile it reads, for the message when it is missing. */
  needs?: string;
  /** Exit codes that mean "ran, and found (or did not find) something". */
  okCodes: number[];
}

const COMMANDS: Record<AuditTool, AuditCommand> = {
  npm: { command: 'npm', args: ['audit', '--json'], format: 'npm-audit', needs: 'package-lock.json', okCodes: [0, 1] },
  pnpm: { command: 'pnpm', args: ['audit', '--json'], format: 'pnpm-audit', needs: 'pnpm-lock.yaml', okCodes: [0, 1] },
  yarn: {
    command: 'yarn',
    args: ['npm', 'audit', '--json', '--recursive'],
    format: 'yarn-audit',
    needs: 'yarn.lock',
    okCodes: [0, 1],
  },
  'osv-scanner': {
    command: 'osv-scanner',
    args: ['scan', 'source', '--format', 'json', '--recursive'],
    format: 'osv-scanner',
    // 0: nothing found, 1: vulnerabilities found, 128: no packages found.
    okCodes: [0, 1, 128],
  },
};

const NETWORK =
  /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UNABLE_TO_GET_ISSUER_CERT|CERT_HAS_EXPIRED|E401|E403|EAUDITNOLOCK)\b/;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  ctx: StageContext,
  extraEnv: Record<string, string>,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        env: userCommandEnv(ctx.env, extraEnv),
        maxBuffer: 512 * 1024 * 1024,
        signal: ctx.signal,
        timeout: 15 * 60_000,
      },
      (error, stdout, stderr) => {
        // A command that is not there: its own error, not an exit code.
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT')
          return reject(new Error(error.message, { cause: error }));
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The failure an audit reported as its JSON output, in one line; undefined for a report. */
function toolFailure(out: string): string | undefined {
  if (!out.startsWith('{')) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(out);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || !('error' in doc)) return undefined;
  const d = doc as {
    message?: unknown;
    error?: { code?: unknown; summary?: unknown; message?: unknown; detail?: unknown };
  };
  if (typeof d.error !== 'object' || d.error === null) return undefined;
  const parts = [d.error.code, d.message, d.error.message, d.error.summary, d.error.detail].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  return cut(parts.join(': ').replace(/\s+/g, ' '), 300) || 'failed without a message';
}

function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

/** Runs one audit in `targetDir`; findings' paths are made relative to ctx.cwd (`app/package-lock.json`). */
export async function runAudit(tool: AuditTool, ctx: StageContext, targetDir: string): Promise<IngestResult> {
  const spec = COMMANDS[tool];
  const args =
    tool === 'osv-scanner'
      ? [...spec.args, ...(ctx.env.OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY ? ['--offline-vulnerabilities'] : []), '.']
      : spec.args;
  let ran: Ran;
  try {
    ran = await ctx.logger.group(`${spec.command} ${args.join(' ')}`, () =>
      run(spec.command, args, targetDir, ctx, {}),
    );
  } catch (error) {
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
      throw new UserError(`audit '${tool}' needs ${spec.command}, which is not on PATH`, { input: 'audit' });
    throw error;
  }
  const out = ran.stdout.trim();
  if (!spec.okCodes.includes(ran.code ?? -1) && out === '') {
    const why = tail(ran.stderr);
    if (NETWORK.test(why))
      throw new ServiceError(
        `${spec.command} audit could not reach its advisory source: ${why}`,
        'Check the registry address and credentials (.npmrc, npm_config_registry) and that it is reachable from this runner.',
        'audit',
      );
    throw new UserError(`${spec.command} ${args.join(' ')} exited with ${ran.code ?? 'a signal'}: ${why}`, {
      input: 'audit',
    });
  }
  // npm and pnpm report their own failures as JSON on stdout: `{"message": …, "error": {code, summary}}`.
  const failure = toolFailure(out);
  if (failure !== undefined) {
    const why = `${failure} ${tail(ran.stderr, 3)}`.trim();
    if (NETWORK.test(why))
      throw new ServiceError(
        `${spec.command} audit could not reach its advisory source (${failure})`,
        'Check the registry address and credentials (.npmrc, npm_config_registry) and that it is reachable from this runner.',
        'audit',
      );
    if (/ENOLOCK|lockfile/i.test(why))
      throw new UserError(`audit '${tool}' needs ${spec.needs ?? 'a lockfile'} in ${targetDir}: ${failure}`, {
        input: 'audit',
      });
    throw new UserError(`${spec.command} ${args.join(' ')} failed: ${failure}`, { input: 'audit' });
  }
  // RUNNER_TEMP exists on a runner, but is not guaranteed elsewhere: create it rather than fail.
  const base = ctx.env.RUNNER_TEMP ?? os.tmpdir();
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(path.join(base, 'shipkit-audit-'));
  const file = path.join(dir, `${tool}.json`);
  try {
    await writeFile(file, out);
    const result = await readFindingsFile(
      file,
      { file: `${spec.command} audit output`, input: 'audit' },
      { root: targetDir },
      spec.format,
    );
    const rel = path.relative(ctx.cwd, targetDir).split(path.sep).join('/');
    if (rel !== '' && !rel.startsWith('..'))
      for (const f of result.findings) {
        f.target = f.target ? `${rel}/${f.target}` : rel;
        if (f.file) f.file = `${rel}/${f.file}`;
      }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
