import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { freePort } from './support/servers.js';

const root = path.resolve(import.meta.dirname, '../..');
let example: ChildProcess;
let url: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  // The README's example app, started as a user would.
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  example = spawn(process.execPath, [path.join(root, 'examples/smoke/server.mjs'), String(port)], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    example.stdout!.once('data', () => resolve());
    example.once('exit', (code) => reject(new Error(`example server exited with ${code}`)));
  });
});
afterAll(() => {
  example.kill();
});

describe('npx shipkit smoke', () => {
  it('passes against the example app, waiting for it to become healthy', async () => {
    const r = await cli([
      'smoke',
      '--url',
      url,
      '--checks',
      'examples/smoke/checks.yml',
      '--wait-for',
      '/health',
      '--backoff',
      '100ms',
      '--thresholds',
      'examples/smoke/thresholds.yml',
      '--samples',
      '5',
      '--security-headers',
      '--root',
      root,
    ]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ home {2}200 {2}p50 [\d.]+ ms/);
    expect(r.stdout).toContain('✔ http_req_duration: p(95)<200');
    expect(r.stdout).toMatch(/✔ smoke: pass — 4\/4 checks passed against http:\/\/127\.0\.0\.1:\d+\/, p95 [\d.]+ ms/);
  });

  it('prints the JSON report with --json and exits 1 on failure', async () => {
    const r = await cli([
      'smoke',
      '--url',
      url,
      '--json',
      '--root',
      root,
      '--checks',
      'checks:\n  - name: home\n    path: /\n    expect: { body-contains: Goodbye }\n',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.stage).toBe('smoke');
    expect(report.checks[0]).toMatchObject({
      name: 'home',
      passed: false,
      status: 200,
      reason: 'body does not contain "Goodbye"',
    });
    expect(Object.keys(report.checks[0].latency)).toEqual(['p50', 'p95', 'max']);
  });

  it('refuses an invalid check file with the file, the line and the field', async () => {
    const r = await cli(['smoke', '--url', url, '--checks', 'tests/smoke/fixtures/bad-checks.yml', '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "shipkit smoke: tests/smoke/fixtures/bad-checks.yml:7: checks[1].expect.body-contain: is not a known field (input 'checks')\n" +
        "Run 'shipkit smoke --help' for its options.\n",
    );
  });
});
