import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBlocks } from '../support/markdown.js';
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
    const summary = parseBlocks(outcome.summary.map((s) => s.markdown).join('\n\n'));
    expect(summary).toContainEqual({ type: 'heading', level: 4, text: 'on-failure' });
    expect(summary.filter((b) => b.type === 'code').map((b) => b.text)).toEqual([
      expect.stringContaining('rolled back\n'),
    ]);
    // The comment shows the rollback open, as a paragraph of its own after the failed checks' list.
    const body = parseBlocks(outcome.comment?.body ?? '');
    expect(body.map((b) => b.type)).toEqual(['list', 'paragraph']);
    expect(body[0]).toEqual({
      type: 'list',
      items: [
        '❌ broken: status 500, expected 2xx (3 of 3 samples failed)',
        '❌ broken-too: status 500, expected 2xx (3 of 3 samples failed)',
      ],
    });
    expect(body[1]).toEqual({
      type: 'paragraph',
      text: expect.stringMatching(/^on-failure echo "rolling back .* ended with exit code 3 after \d+ ms\.$/),
    });
  });

  it('runs with the environment a run: step would have: no action inputs, no runner credentials', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-rollback-'));
    const ctx = testContext(dir);
    ctx.env = {
      PATH: process.env.PATH,
      HOME: 'home-kept',
      'INPUT_GITHUB-TOKEN': 'ghs_input_token_value',
      INPUT_HEADERS: 'Authorization: Bearer from-input',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token-value',
    };
    const outcome = await runSmokeWith({ url: app.url, checks, 'on-failure': 'env > env.txt' }, ctx);
    expect(outcome.report.onFailure).toMatchObject({ exitCode: 0 });
    const env = Object.fromEntries(
      readFileSync(path.join(dir, 'env.txt'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(env).toMatchObject({
      HOME: 'home-kept',
      SHIPKIT_SMOKE_FAILED_CHECKS: 'broken,broken-too',
      SHIPKIT_SMOKE_URL: `${app.url}/`,
    });
    expect(Object.keys(env).filter((k) => /^INPUT_|^ACTIONS_/i.test(k))).toEqual([]);
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
