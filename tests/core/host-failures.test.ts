import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';
import { failureOutputs } from '../../src/core/failure.js';
import { ACTION_METADATA } from '../../src/generated/action-metadata.js';
import { runInActionHost } from '../../src/runtime/action-host.js';
import { STAGES } from '../../src/stages/registry.js';
import { parseOutputFile } from '../support/action-runner.js';

/**
 * Runs that end in an error before or while the stage runs, through the action host in-process (the
 * source, not the bundle): the exit code, and the report, outputs and summary a workflow reads.
 */
interface HostRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  report: { status: string; error?: { kind: string; message: string; input?: string; file?: string } };
  log: string;
}

let tmp: string;
let workspace: string;
// @actions/core's summary keeps the first GITHUB_STEP_SUMMARY it saw: one file for the whole module.
const SUMMARY = path.join(mkdtempSync(path.join(os.tmpdir(), 'shipkit-host-summary-')), 'summary.md');

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shipkit-host-failures-'));
  workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function runAction(
  name: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<HostRun> {
  const files = { output: path.join(tmp, 'output'), summary: SUMMARY };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const vars: Record<string, string> = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(tmp, 'runner-temp'),
    ...env,
  };
  for (const [input, value] of Object.entries(inputs)) vars[`INPUT_${input.toUpperCase()}`] = value;
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  let log = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  await runInActionHost(name);
  write.mockRestore();
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  const outputs = parseOutputFile(readFileSync(files.output, 'utf8'));
  const report = outputs.report ? JSON.parse(readFileSync(outputs.report, 'utf8')) : undefined;
  return { exitCode, outputs, summary: readFileSync(files.summary, 'utf8'), report, log };
}

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

describe('a working directory that is not there', () => {
  it('action: a missing working-directory is a usage error naming the input (exit 2)', async () => {
    const r = await runAction('test', { 'working-directory': 'no-such-dir' });
    expect(r.exitCode, r.log).toBe(EXIT_USAGE);
    expect(r.report.error).toMatchObject({ kind: 'usage', input: 'working-directory' });
    expect(r.report.error?.message).toMatch(/no-such-dir/);
    expect(r.outputs.passed).toBe('false');
    expect(r.summary).toMatch(/working-directory/);
  });

  it('action: a working-directory that is a file is a usage error too', async () => {
    writeFileSync(path.join(workspace, 'a-file'), 'x');
    const r = await runAction('test', { 'working-directory': 'a-file', test: 'true' });
    expect(r.exitCode, r.log).toBe(EXIT_USAGE);
    expect(r.report.error).toMatchObject({ kind: 'usage', input: 'working-directory' });
    expect(r.report.error?.message).toMatch(/not a directory/);
  });

  it('CLI: a missing --root is a usage error naming --root (exit 2)', async () => {
    const c = capture();
    const missing = path.join(tmp, 'nowhere');
    const code = await runCli(['test', '--root', missing, '--test', 'true'], c.io, undefined, {});
    expect(code, c.out.stderr).toBe(EXIT_USAGE);
    expect(c.out.stderr).toMatch(/--root/);
    expect(c.out.stderr).toContain(missing);

    writeFileSync(path.join(tmp, 'file'), 'x');
    const c2 = capture();
    const code2 = await runCli(['test', '--root', path.join(tmp, 'file'), '--json'], c2.io, undefined, {});
    expect(code2, c2.out.stderr).toBe(EXIT_USAGE);
    expect(JSON.parse(c2.out.stdout).error).toMatchObject({ kind: 'usage', input: 'root' });
  });
});

describe('outputs on a failed run', () => {
  it('every stage declaring passed, status, approved or decision gets a fail-closed value', () => {
    for (const entry of STAGES) {
      const declared = ACTION_METADATA[entry.actionDir]?.outputs ?? [];
      const names = new Set(declared.map((o) => o.name));
      const outputs = failureOutputs(declared, 'fail');
      if (names.has('passed')) expect(outputs.passed, entry.name).toBe('false');
      if (names.has('status')) expect(outputs.status, entry.name).toBe('fail');
      if (names.has('approved')) expect(outputs.approved, entry.name).toBe('false');
      if (names.has('decision')) expect(outputs.decision, entry.name).toBe('error');
      for (const name of Object.keys(outputs)) expect(names.has(name), `${entry.name}: ${name}`).toBe(true);
    }
  });

  it('test: an invalid min-lines sets passed=false with the report', async () => {
    const r = await runAction('test', { 'min-lines': 'abc' });
    expect(r.exitCode, r.log).toBe(EXIT_USAGE);
    expect(r.report.error).toMatchObject({ input: 'min-lines' });
    expect(r.outputs.passed).toBe('false');
  });

  it('report: a nonexistent reports directory sets passed=false and status=fail', async () => {
    const r = await runAction('report', { reports: path.join(tmp, 'no-reports'), 'check-run': 'false' });
    expect(r.exitCode, r.log).not.toBe(0);
    expect(r.outputs).toMatchObject({ passed: 'false', status: 'fail' });
    expect(r.outputs.status).toBe(r.report.status);
  });

  it('approve: an error before the stage is loaded (comment: maybe) still sets approved=false, decision=error', async () => {
    const r = await runAction('approve', { comment: 'maybe', approvers: 'octocat' });
    expect(r.exitCode, r.log).toBe(EXIT_USAGE);
    expect(r.report.error).toMatchObject({ input: 'comment' });
    expect(r.outputs).toMatchObject({ approved: 'false', decision: 'error' });
  });

  it('migrate: an unreachable database sets passed=false, a service error with the report', async () => {
    mkdirSync(path.join(tmp, 'migrations'), { recursive: true });
    writeFileSync(path.join(tmp, 'migrations', '001_t.sql'), 'CREATE TABLE t (id int);');
    const r = await runAction('migrate', {
      'database-url': 'postgres://u:p@127.0.0.1:9/db',
      dir: path.join(tmp, 'migrations'),
    });
    expect(r.exitCode, r.log).not.toBe(0);
    expect(r.report.error).toMatchObject({ kind: 'service' });
    expect(r.outputs.passed).toBe('false');
  });

  it('smoke: an invalid boolean of the host (artifact: yes) sets passed=false', async () => {
    const r = await runAction('smoke', { url: 'http://127.0.0.1:9', artifact: 'yes' });
    expect(r.exitCode, r.log).toBe(EXIT_USAGE);
    expect(r.outputs.passed).toBe('false');
  });
});

describe('the event payload', () => {
  const github = { GITHUB_REPOSITORY: 'octo-org/octo-repo', 'INPUT_GITHUB-TOKEN': 'ghs_notUsedInThisTest0001' };

  it('a missing GITHUB_EVENT_PATH file is a usage error naming the file, with report, outputs and summary', async () => {
    const missing = path.join(tmp, 'no-event.json');
    const r = await runAction('test', { test: 'true' }, { ...github, GITHUB_EVENT_PATH: missing });
    expect(r.exitCode, r.log).toBe(EXIT_USAGE);
    expect(r.report.error).toMatchObject({ kind: 'usage', file: missing });
    expect(r.outputs.passed).toBe('false');
    expect(r.summary).toMatch(/event payload/);
    expect(r.log).not.toMatch(/internal error/);
  });

  it('an event file that is not JSON is a usage error too', async () => {
    const bad = path.join(tmp, 'event.json');
    writeFileSync(bad, '{not json');
    const r = await runAction('test', { test: 'true' }, { ...github, GITHUB_EVENT_PATH: bad });
    expect(r.exitCode, r.log).toBe(EXIT_USAGE);
    expect(r.report.error?.message).toMatch(/not valid JSON/);
  });
});
