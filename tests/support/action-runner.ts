import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunBundleOptions {
  /** Inputs by their action.yml names; unset ones take action.yml's defaults, as the runner does. */
  inputs?: Record<string, string>;
  /** The triggering event: its name and payload (see webhook-events.ts for real payloads). */
  event?: { name: string; payload: Record<string, unknown> };
  /** GITHUB_WORKSPACE (the checkout); a fresh temp dir when not given. */
  workspace?: string;
  /** Token behind `${{ github.token }}`. */
  token?: string;
  /** GITHUB_API_URL, e.g. the test GitHub server's url. */
  apiUrl?: string;
  repository?: string;
  actor?: string;
  sha?: string;
  ref?: string;
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /** Kill the process after this long (the test fails rather than hangs). Default 10 minutes: a guard against a hang, not a speed limit. */
  timeoutMs?: number;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface BundleResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  outputs: Record<string, string>;
  summary: string;
  /** `::error`, `::warning` and `::notice` commands, parsed. */
  annotations: WorkflowCommand[];
  /** Every workflow command printed (add-mask, group, debug…). */
  commands: WorkflowCommand[];
  stdout: string;
  stderr: string;
  /** The files the runner would read after the step. */
  files: { output: string; summary: string; state: string; env: string; event: string; runnerTemp: string };
  durationMs: number;
}

interface ActionYml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs?: { using?: string; main?: string };
}

/** `test` → test/action.yml; `report` → the root action.yml. */
export function actionYmlPath(name: string): string {
  return name === 'report' ? path.join(REPO_ROOT, 'action.yml') : path.join(REPO_ROOT, name, 'action.yml');
}

export function readActionYml(name: string): ActionYml {
  return parseYaml(readFileSync(actionYmlPath(name), 'utf8')) as ActionYml;
}

/** The few expressions action.yml defaults use; anything else is refused so a test notices. */
function evaluateDefault(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_m, expr: string) => {
    if (!(expr in vars))
      throw new Error(`action.yml default uses \${{ ${expr} }}, which the test runner does not know`);
    return vars[expr] ?? '';
  });
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = pair.indexOf('=');
      if (i > 0) properties[pair.slice(0, i)] = unescapeProp(pair.slice(i + 1));
    }
    out.push({ command: m[1] ?? '', properties, message: unescapeData(m[3] ?? '') });
  }
  return out;
}

/** GITHUB_OUTPUT's `name<<DELIM … DELIM` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delim = ''] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      const j = line.indexOf('=');
      outputs[line.slice(0, j)] = line.slice(j + 1);
    }
  }
  return outputs;
}

export interface StartedBundle {
  child: ChildProcess;
  result: Promise<BundleResult>;
}

/** Start `node dist/<name>/index.js` as the GitHub runner would; resolves when the process ends. */
export function startBundle(name: string, options: RunBundleOptions = {}): StartedBundle {
  const action = readActionYml(name);
  const main = action.runs?.main;
  if (action.runs?.using !== 'node24' || !main)
    throw new Error(`${actionYmlPath(name)} must declare runs.using node24 and runs.main`);
  const bundle = path.resolve(path.dirname(actionYmlPath(name)), main);
  if (!existsSync(bundle)) throw new Error(`${bundle} does not exist: run 'npm run build' first`);

  const tmp = mkdtempSync(path.join(os.tmpdir(), `shipkit-runner-${name}-`));
  const workspace = options.workspace ?? mkdtempSync(path.join(tmp, 'workspace-'));
  const files = {
    output: path.join(tmp, 'output'),
    summary: path.join(tmp, 'summary.md'),
    state: path.join(tmp, 'state'),
    env: path.join(tmp, 'env'),
    event: path.join(tmp, 'event.json'),
    runnerTemp: path.join(tmp, 'runner-temp'),
  };
  for (const f of [files.output, files.summary, files.state, files.env]) writeFileSync(f, '');
  writeFileSync(files.event, JSON.stringify(options.event?.payload ?? {}));

  const token = options.token ?? 'test-token';
  const repository = options.repository ?? 'octo-org/octo-repo';
  const vars: Record<string, string> = {
    'github.token': token,
    'github.workspace': workspace,
    'github.repository': repository,
    'github.server_url': 'https://github.com',
    'github.run_id': '4242',
    'runner.temp': files.runnerTemp,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    // What the runner sets for a `uses: <owner>/shipkit/<name>@v1` step without an `id`.
    GITHUB_ACTION: '__owner_shipkit',
    GITHUB_ACTOR: options.actor ?? 'octocat',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9', // nothing listens there: a forgotten apiUrl fails fast
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_SHA: options.sha ?? 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: files.runnerTemp,
    RUNNER_DEBUG: '',
  };
  for (const [input, spec] of Object.entries(action.inputs ?? {})) {
    const given = options.inputs?.[input];
    const value = given ?? (spec.default !== undefined ? evaluateDefault(String(spec.default), vars) : '');
    env[`INPUT_${input.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const given of Object.keys(options.inputs ?? {})) {
    if (!(given in (action.inputs ?? {})))
      throw new Error(`input '${given}' is not declared in ${actionYmlPath(name)}`);
  }
  Object.assign(env, options.env);

  const started = Date.now();
  const child = spawn(process.execPath, [bundle], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);

  const result = new Promise<BundleResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timeout);
      const commands = parseWorkflowCommands(stdout);
      resolve({
        exitCode,
        signal,
        outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
        commands,
        stdout,
        stderr,
        files,
        durationMs: Date.now() - started,
      });
    });
  });
  return { child, result };
}

export function runBundle(name: string, options: RunBundleOptions = {}): Promise<BundleResult> {
  return startBundle(name, options).result;
}
