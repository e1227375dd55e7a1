import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/scan');
export const NPM_APP = path.join(FIXTURES, 'projects/npm-app');

/** A copy of a fixture project in a temporary directory (tests write reports, SARIF and baselines there). */
export function copyProject(dir: string): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'shipkit-scan-project-'));
  cpSync(dir, out, { recursive: true });
  return out;
}

/** An npm cache of its own, so npm never reuses another run's answers. */
export function npmEnv(registry: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_registry: registry,
    npm_config_cache: mkdtempSync(path.join(os.tmpdir(), 'shipkit-npm-cache-')),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
  };
}

/** The real npm CLI's `npm audit --json --registry URL` in `cwd`: its stdout (npm exits 1 when it finds something). */
export function npmAudit(cwd: string, registry: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      ['audit', '--json', '--registry', registry],
      { cwd, env: npmEnv(registry), timeout: 120_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (stdout.trim() === '') reject(new Error(`npm audit wrote nothing: ${error?.message ?? ''} ${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
