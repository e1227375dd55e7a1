import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/action-runner.js';

// GitHub's own local runner for JavaScript actions (@github/local-action) imports an action's
// entry, calls its exported run() and prints the outputs: each src/actions/<stage>.ts is such an entry.
describe('an action under @github/local-action', () => {
  let site: http.Server;
  let url: string;
  beforeAll(async () => {
    site = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => site.close(resolve)));

  it('runs the smoke action through its exported run() and gets its outputs and report', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-local-action-'));
    const envFile = path.join(dir, '.env');
    writeFileSync(envFile, `INPUT_URL=${url}\nINPUT_TIMEOUT=5m\nINPUT_COMMENT=false\n`);
    // Not spawnSync: the server answering the action lives in this process and must keep running.
    const child = spawn(
      process.execPath,
      [
        path.join(REPO_ROOT, 'node_modules/@github/local-action/bin/local-action.js'),
        'run',
        'smoke',
        '../src/actions/smoke.ts',
        envFile,
      ],
      { cwd: REPO_ROOT, env: { ...process.env, RUNNER_TEMP: dir, NO_COLOR: '1' } },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(out).not.toContain('does not export a run() function');
    expect(out).toContain('shipkit smoke');
    expect(out).toMatch(/'passed'\s*│\s*'true'/);
    const report = JSON.parse(readFileSync(path.join(dir, 'shipkit/reports/smoke.json'), 'utf8'));
    expect(report).toMatchObject({ stage: 'smoke', status: 'pass' });
    expect(status, out).toBe(0);
  });
});
