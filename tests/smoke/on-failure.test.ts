import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmokeWith, testContext } from './support/run.js';
import { json, startHttp, type TestServer } from './support/servers.js';

let app: TestServer;
beforeAll(async () => {
  app = await startHttp((req, res) => (req.url === '/ok' ? json(res, 200, {}) : json(res, 500, { error: 'boom' })));
});
afterAll(async () => {
  await app.close();
});

const checks =
  'checks:\n  - name: ok\n    path: /ok\n  - name: broken\n    path: /broken\n  - name: broken-too\n    path: /broken\n';

describe('on-failure', () => {
  it('runs the command exactly once when the smoke fails, with its exit code and output in the report', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-rollback-'));
    const outcome = await runSmokeWith(
      {
        url: app.url,
        checks,
        samples: '3',
        'on-failure':
          'echo "rolling back $SHIPKIT_SMOKE_FAILED_CHECKS" >> rollback.log; echo rolled back; echo warn >&2; exit 3',
      },
      testContext(dir),
    );
    expect(readFileSync(path.join(dir, 'rollback.log'), 'utf8')).toBe('rolling back broken,broken-too\n');
    expect(outcome.report.onFailure).toMatchObject({ exitCode: 3, truncated: false });
    expect((outcome.report.onFailure as { output: string }).output).toContain('rolled back');
    expect((outcome.report.onFailure as { output: string }).output).toContain('warn');
    expect(outcome.report.warnings).toEqual(['on-failure command exited with 3']);
    expect(outcome.report.status).toBe('fail');
    expect(outcome.summary.map((s) => s.markdown).join('\n')).toContain('### on-failure');
    expect(outcome.comment).toContain('on-failure `echo');
  });

  it('is not run when the smoke passes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-rollback-'));
    const outcome = await runSmokeWith(
      { url: app.url, checks: 'checks:\n  - name: ok\n    path: /ok\n', 'on-failure': 'touch ran' },
      testContext(dir),
    );
    expect(outcome.report.status).toBe('pass');
    expect(outcome.report.onFailure).toBeUndefined();
    expect(() => readFileSync(path.join(dir, 'ran'))).toThrow();
  });

  it('is not run for a mistake in the configuration (nothing was checked, so nothing to roll back)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-rollback-'));
    await expect(
      runSmokeWith({ url: app.url, checks: 'checks:\n  - name: x\n', 'on-failure': 'touch ran' }, testContext(dir)),
    ).rejects.toThrow("needs exactly one of 'path' or 'url'");
    expect(() => readFileSync(path.join(dir, 'ran'))).toThrow();
  });
});
