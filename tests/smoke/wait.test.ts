import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/stages/smoke/wait.js';
import { runSmokeWith, testContext } from './support/run.js';
import { freePort, json, startHttp, startHttpOn, startSilent, type TestServer } from './support/servers.js';

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
    const starting = new Promise<void>((resolve) => {
      setTimeout(() => {
        void startHttpOn(port, (req, res) => json(res, 200, { ok: true, path: req.url })).then((s) => {
          servers.push(s);
          resolve();
        });
      }, 1200);
    });
    const outcome = await runSmokeWith({
      url: `http://127.0.0.1:${port}`,
      'wait-for': '/health',
      backoff: '100ms',
      timeout: '20s',
      checks: 'checks:\n  - name: health\n    path: /health\n    expect:\n      json: { $.ok: true }\n',
    });
    await starting;
    expect(outcome.report.status).toBe('pass');
    const wait = outcome.report.wait!;
    expect(wait.healthy).toBe(true);
    expect(wait.attempts).toBeGreaterThan(2);
    // The delay grew: delays doubling from 100 ms (half of each fixed) pass 1.2 s within 6 attempts;
    // a backoff stuck at 100 ms would have taken 12 or more. A slower machine makes fewer, not more.
    expect(wait.attempts).toBeLessThanOrEqual(7);
  });

  it('reports every attempt as progress: what it saw and when the next one comes', async () => {
    let calls = 0;
    servers.push(
      await startHttp((_req, res) => {
        calls++;
        json(res, calls <= 2 ? 503 : 200, {});
      }),
    );
    const ctx = testContext();
    const outcome = await runSmokeWith(
      { url: servers[0].url, 'wait-for': '/ready', backoff: '40ms', timeout: '20s' },
      ctx,
    );
    expect(outcome.report.wait).toMatchObject({ healthy: true, attempts: 3 });
    const progress = ctx.logger.lines.filter((l) => l.level === 'progress').map((l) => l.message);
    expect(progress).toHaveLength(2);
    for (const [i, line] of progress.entries()) {
      expect(line).toMatch(
        new RegExp(
          `^wait-for ${servers[0].url}/ready: attempt ${i + 1}: status 503; next attempt in \\d+ ms \\(\\d+\\.\\d s to the deadline\\)$`,
        ),
      );
    }
  });

  it('says what the attempt the deadline cut saw, when request-timeout is longer than timeout', async () => {
    const silent = await startSilent();
    try {
      const outcome = await runSmokeWith({
        url: silent.url,
        'wait-for': '/health',
        timeout: '1500ms',
        'request-timeout': '10m',
      });
      const wait = outcome.report.wait!;
      expect(wait).toMatchObject({ healthy: false, attempts: 1 });
      expect(wait.lastResult).toMatch(/^attempt 1 got no answer in \d+ ms before the step deadline \(timeout 1\.5s\)$/);
      const waited = Number(/in (\d+) ms/.exec(wait.lastResult)![1]);
      expect(waited).toBeGreaterThanOrEqual(1400);
      expect(outcome.report.summary).toContain('never became healthy (attempt 1 got no answer in');
    } finally {
      await silent.close();
    }
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
    // Without the deadline this would poll forever (no retries limit) and the test would time out.
    const outcome = await runSmokeWith({
      url: servers[0].url,
      'wait-for': '/health',
      backoff: '50ms',
      timeout: '1500ms',
    });
    expect(outcome.report.wait).toMatchObject({ healthy: false, lastResult: expect.stringMatching(/^status 503/) });
    expect(outcome.report.wait!.durationMs).toBeGreaterThanOrEqual(1400);
    expect(outcome.report.status).toBe('fail');
  });
});
