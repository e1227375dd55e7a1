import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOutputFile, readActionYml, REPO_ROOT } from '../../support/action-runner.js';

/**
 * The migrate action as a runner gets it from `uses: <owner>/shipkit/migrate@v1`: its action.yml
 * and the committed dist/migrate, copied into a directory with nothing else — no node_modules in it
 * or in any directory above it — and run with the runner's environment.
 */
export function bareActionCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bare-action-'));
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules')))
      throw new Error(`${dir}/node_modules exists: the copy would not be bare`);
    if (path.dirname(dir) === dir) break;
  }
  mkdirSync(path.join(root, 'migrate'));
  cpSync(path.join(REPO_ROOT, 'migrate/action.yml'), path.join(root, 'migrate/action.yml'));
  cpSync(path.join(REPO_ROOT, 'dist/migrate'), path.join(root, 'dist/migrate'), { recursive: true });
  return root;
}

export interface BareRun {
  exitCode: number | null;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
}

export async function runBareAction(root: string, workspace: string, inputs: Record<string, string>): Promise<BareRun> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bare-runner-'));
  const files = {
    output: path.join(tmp, 'output'),
    summary: path.join(tmp, 'summary.md'),
    event: path.join(tmp, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, '{}');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: path.join(tmp, 'runner-temp'),
  };
  const declared = readActionYml('migrate').inputs ?? {};
  for (const [name, spec] of Object.entries(declared)) {
    const value =
      inputs[name] ?? (spec.default !== undefined && !String(spec.default).includes('${{') ? String(spec.default) : '');
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [path.join(root, 'dist/migrate/index.js')], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return {
    exitCode,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    stdout,
    stderr,
  };
}
