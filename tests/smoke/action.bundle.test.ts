// Runner contract: the built bundle (dist/smoke/index.js) run exactly as the GitHub runner runs it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { SmokeReport } from '../../src/stages/smoke/report-schema.js';
import { runBundle } from '../support/action-runner.js';
import { parseBlocks } from '../support/markdown.js';
import { makeTestPki, type TestPki } from './support/certs.js';
import { json, SECURE_HEADERS, startHttp, startHttps, type Handler, type TestServer } from './support/servers.js';

const app: Handler = (req, res) => {
  if (req.url === '/health' || req.url === '/') return json(res, 200, { ok: true }, SECURE_HEADERS);
  return json(res, 500, { error: 'boom' }, SECURE_HEADERS);
};
let plain: TestServer;
let secure: TestServer;
let pki: TestPki;

beforeAll(async () => {
  pki = makeTestPki();
  plain = await startHttp(app);
  secure = await startHttps(app, pki.good);
});
afterAll(async () => {
  await plain.close();
  await secure.close();
});

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-ws-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function reportOf(outputs: Record<string, string>): SmokeReport {
  const report: unknown = JSON.parse(readFileSync(outputs.report ?? '', 'utf8'));
  assertReportMatches(SmokeReport, report);
  return report as SmokeReport;
}

describe('smoke action bundle', () => {
  it('passes, sets outputs, writes the summary and masks header values', async () => {
    const workspace = workspaceWith({ 'checks.yml': 'checks:\n  - name: home\n    path: /\n' });
    const r = await runBundle('smoke', {
      workspace,
      inputs: {
        url: plain.url,
        checks: 'checks.yml',
        'wait-for': '/health',
        headers: 'Authorization: Bearer hunter22',
      },
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(r.outputs['failed-checks']).toBe('');
    expect(Number(r.outputs.p95)).toBeGreaterThan(0);
    expect(r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toContain('Bearer hunter22');
    expect(parseBlocks(r.summary)[0]).toEqual({
      type: 'heading',
      level: 3,
      text: expect.stringMatching(/^✅ Smoke: 1\/1 checks passed against http:\/\/127\.0\.0\.1:\d+\/, p95 [\d.]+ ms$/),
    });
    expect(reportOf(r.outputs).checks[0]).toMatchObject({ name: 'home', passed: true, status: 200 });
  });

  it('fails the step, annotates the check file line, and runs on-failure once', async () => {
    const workspace = workspaceWith({
      'checks.yml': 'checks:\n  - name: home\n    path: /\n  - name: orders\n    path: /orders\n',
    });
    const r = await runBundle('smoke', {
      workspace,
      inputs: { url: plain.url, checks: 'checks.yml', 'on-failure': 'echo rollback >> rollbacks.txt; echo done' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.passed).toBe('false');
    expect(r.outputs['failed-checks']).toBe('orders');
    expect(readFileSync(path.join(workspace, 'rollbacks.txt'), 'utf8')).toBe('rollback\n');
    const annotation = r.annotations.find((a) => a.properties.title === "smoke check 'orders' failed");
    expect(annotation).toMatchObject({ command: 'error', message: 'status 500, expected 2xx' });
    expect(annotation!.properties).toMatchObject({ file: 'checks.yml', line: '4' });
    const report = reportOf(r.outputs);
    expect(report.onFailure).toMatchObject({ exitCode: 0, output: 'done\n' });
    expect(parseBlocks(r.summary)).toContainEqual({ type: 'heading', level: 4, text: 'on-failure' });
  });

  it('trusts a CA from NODE_EXTRA_CA_CERTS and checks the certificate', async () => {
    const r = await runBundle('smoke', {
      inputs: { url: secure.url, 'tls-min-days': '30', 'security-headers': 'true' },
      env: { NODE_EXTRA_CA_CERTS: pki.caFile },
    });
    expect(r.exitCode).toBe(0);
    const report = reportOf(r.outputs);
    expect(report.tls[0]).toMatchObject({ chainValid: true });
    expect(report.gates.map((g) => g.name)).toEqual(
      expect.arrayContaining(['checks', 'security-headers', `tls-min-days 127.0.0.1:${secure.port}`]),
    );
  });

  it('refuses an invalid input with one line naming it, and exits 2', async () => {
    const r = await runBundle('smoke', { inputs: { url: plain.url, samples: 'many' } });
    expect(r.exitCode).toBe(2);
    expect(r.annotations.map((a) => a.message)).toContain(
      "input 'samples' must be a whole number from 1 to 10000, got 'many'",
    );
  });
});
