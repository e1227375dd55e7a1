import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/stages/smoke/wait.js';
import { runSmokeWith } from './support/run.js';
import { freePort, json, startHttp, startHttpOn, type TestServer } from './support/servers.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('backoff', () => {
  it('doubles from the base, is capped, and keeps half of each delay fixed (equal jitter)', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 100, 1000, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 100, 1000, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(10, 100, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(10, 100, 1000, () => 0)).toBe(500);
  });
});

describe('wait-for', () => {
  it('retries refused connections until the endpoint comes up, then runs the checks', async () => {
    const port = await freePort();
    let upAt = 0;
    const starting = new Promise<void>((resolve) => {
      setTimeout(() => {
        void startHttpOn(port, (req, res) => json(res, 200, { ok: true, path: req.url })).then((s) => {
          upAt = Date.now();
          servers.push(s);
          resolve();
        });
      }, 1200);
    });
    const started = Date.now();
    const outcome = await runSmokeWith({
      url: `http://127.0.0.1:${port}`,
      'wait-for': '/health',
      backoff: '100ms',
      timeout: '20s',
      checks: 'checks:\n  - name: health\n    path: /health\n    expect:\n      json: { $.ok: true }\n',
    });
    await starting;
    expect(outcome.report.status).toBe('pass');
    const wait = outcome.report.wait as { attempts: number; healthy: boolean; lastResult: string };
    expect(wait.healthy).toBe(true);
    expect(wait.attempts).toBeGreaterThan(2);
    expect(Date.now()).toBeGreaterThanOrEqual(upAt);
    // Backoff was capped by growth, not stuck: it came up at ~1.2 s and we noticed within a few doublings.
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('retries 503 five times and passes on the sixth answer, a 200', async () => {
    let calls = 0;
    servers.push(
      await startHttp((req, res) => {
        if (req.url === '/health') {
          calls++;
          if (calls <= 5) json(res, 503, { status: 'starting' });
          else json(res, 200, { status: 'ok' });
        } else json(res, 200, {});
      }),
    );
    const outcome = await runSmokeWith({
      url: servers[0].url,
      'wait-for': '/health',
      backoff: '20ms',
      timeout: '20s',
    });
    expect(calls).toBe(6);
    expect(outcome.report.wait).toMatchObject({ healthy: true, attempts: 6, lastResult: 'status 200' });
    expect(outcome.report.status).toBe('pass');
  });

  it('retries connection resets, and reports DNS errors as such', async () => {
    let calls = 0;
    servers.push(
      await startHttp((req, res) => {
        calls++;
        if (calls <= 3) req.socket.destroy();
        else json(res, 200, {});
      }),
    );
    const reset = await runSmokeWith({ url: servers[0].url, 'wait-for': '/health', backoff: '20ms', timeout: '10s' });
    expect(reset.report.wait).toMatchObject({ healthy: true, attempts: 4 });

    const dns = await runSmokeWith({
      url: 'http://shipkit-smoke.invalid',
      'wait-for': '/health',
      retries: '2',
      backoff: '10ms',
      timeout: '10s',
    });
    expect(dns.report.wait).toMatchObject({
      healthy: false,
      attempts: 3,
      lastResult: expect.stringMatching(/^DNS lookup failed for shipkit-smoke\.invalid \((ENOTFOUND|EAI_AGAIN)\)$/),
    });
  });

  it('gives up after the retries and says what the last attempt saw; checks are not run', async () => {
    const port = await freePort();
    const outcome = await runSmokeWith({
      url: `http://127.0.0.1:${port}`,
      'wait-for': '/health',
      retries: '3',
      backoff: '10ms',
      checks: 'checks:\n  - name: home\n    path: /\n',
    });
    expect(outcome.report.status).toBe('fail');
    expect(outcome.report.wait).toMatchObject({
      healthy: false,
      attempts: 4,
      lastResult: `connection refused by 127.0.0.1:${port}`,
    });
    expect(outcome.report.summary).toContain(`never became healthy (connection refused by 127.0.0.1:${port})`);
    expect(outcome.checks.home).toMatchObject({
      passed: false,
      status: null,
      reason: 'not run: wait-for never became healthy',
    });
    expect(outcome.report.gates.find((g) => g.name === 'wait-for')).toMatchObject({
      passed: false,
      actual: 'unhealthy',
    });
  });

  it('stops polling at the step deadline', async () => {
    servers.push(await startHttp((_req, res) => json(res, 503, {})));
    const started = Date.now();
    const outcome = await runSmokeWith({
      url: servers[0].url,
      'wait-for': '/health',
      backoff: '50ms',
      timeout: '1500ms',
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(outcome.report.wait).toMatchObject({ healthy: false, lastResult: 'status 503' });
    expect(outcome.report.status).toBe('fail');
  });
});
