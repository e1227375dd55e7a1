import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmokeWith, testContext } from './support/run.js';
import { json, startHttp, startSilent, type TestServer } from './support/servers.js';

let app: TestServer;
const seen: { url: string; headers: Record<string, unknown> }[] = [];
let other: TestServer;

beforeAll(async () => {
  other = await startHttp((req, res) => {
    seen.push({ url: `other${req.url}`, headers: req.headers });
    json(res, 200, { other: true });
  });
  app = await startHttp((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/api/user':
        return json(res, 200, { user: { name: 'ada', roles: ['admin'] }, token: 't' }, { 'x-app': 'shop 1.2' });
      case '/slow': {
        // Every 4th request is slow: p50 stays fast, p95 breaks a 100 ms budget.
        const n = Number(url.searchParams.get('n') ?? 0);
        const count = (globalThis as { slowCount?: number }).slowCount ?? 0;
        (globalThis as { slowCount?: number }).slowCount = count + 1;
        setTimeout(() => json(res, 200, { n }), count % 4 === 3 ? 250 : 5);
        return;
      }
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' });
        return res.end();
      case '/loop-b':
        res.writeHead(301, { location: '/loop-a' });
        return res.end();
      case '/moved':
        res.writeHead(302, { location: '/api/user' });
        return res.end();
      case '/elsewhere':
        res.writeHead(307, { location: `${other.url}/landing` });
        return res.end();
      case '/big': {
        // 50 MB streamed in 1 MB chunks, honouring backpressure.
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 50) {
            sent++;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('close', () => (sent = 50));
        pump();
        return;
      }
      case '/echo':
        return json(res, 200, { method: req.method, auth: req.headers.authorization ?? null });
      default:
        return json(res, 404, { error: 'not found' });
    }
  });
});
afterAll(async () => {
  await app.close();
  await other.close();
});

describe('checks against a real server', () => {
  it('checks status, JSON paths, headers (exact and regex) and body text', async () => {
    const outcome = await runSmokeWith({
      url: app.url,
      checks: `checks:
  - name: user
    path: /api/user
    expect:
      status: 2xx
      json:
        $.user.name: ada
        $.user.roles[0]: admin
        $.token: { exists: true }
        $.secret: { exists: false }
      headers: { x-app: /^shop \\d/, content-type: application/json }
      body-contains: ['"ada"']
      body-matches: 'roles.*admin'
  - name: wrong
    path: /api/user
    expect:
      status: [201, 3xx]
      json: { $.user.name: bob, $.missing: 1 }
      headers: { x-app: shop, x-none: anything }
      body-contains: nope
  - name: missing
    path: /nothing
`,
    });
    expect(outcome.checks.user).toMatchObject({ passed: true, status: 200 });
    expect(outcome.checks.wrong.passed).toBe(false);
    expect(outcome.checks.wrong.reason).toBe(
      'status 200, expected 201, 3xx; body does not contain "nope"; JSON $.user.name is "ada", expected "bob"; ' +
        'JSON $.missing is missing, expected 1; header x-app is "shop 1.2", expected "shop"; header x-none is missing',
    );
    expect(outcome.checks.missing).toMatchObject({ passed: false, status: 404, reason: 'status 404, expected 2xx' });
    expect(outcome.outputs).toMatchObject({ passed: false, 'failed-checks': 'wrong,missing' });
    expect(outcome.report.status).toBe('fail');
  });

  it('measures p50/p95/max per check and fails a p95 budget broken by a slow endpoint', async () => {
    const outcome = await runSmokeWith({
      url: app.url,
      checks: 'checks:\n  - name: slow\n    path: /slow\n',
      samples: '20',
      concurrency: '5',
      thresholds:
        "http_req_duration: ['p(95)<100', 'med<100']\nhttp_req_duration{check:slow}: ['max<1000']\nhttp_req_failed: ['rate<0.01']",
    });
    const slow = outcome.checks.slow;
    expect(slow.passed).toBe(true);
    expect(slow.samples).toBe(20);
    expect(slow.latency.p50).toBeLessThan(100);
    expect(slow.latency.p95).toBeGreaterThan(200);
    expect(slow.latency.max).toBeGreaterThanOrEqual(250);
    const thresholds = outcome.report.thresholds as { expression: string; passed: boolean; actual: number }[];
    expect(thresholds.map((t) => [t.expression, t.passed])).toEqual([
      ['p(95)<100', false],
      ['med<100', true],
      ['max<1000', true],
      ['rate<0.01', true],
    ]);
    expect(thresholds[0].actual).toBeGreaterThan(200);
    expect(outcome.report.gates.find((g) => g.name === 'http_req_duration: p(95)<100')).toMatchObject({
      passed: false,
    });
    expect(outcome.report.status).toBe('fail');
    expect(outcome.outputs.p95).toBeGreaterThan(200);
  });

  it('fails a check over its max-latency', async () => {
    (globalThis as { slowCount?: number }).slowCount = 3; // the next /slow answer takes 250 ms
    const outcome = await runSmokeWith({
      url: app.url,
      checks: 'checks:\n  - name: slow\n    path: /slow\n    expect: { max-latency: 100ms }\n',
    });
    expect(outcome.checks.slow.reason).toMatch(/^latency \d+ ms over max-latency 100 ms$/);
  });

  it('detects a redirect loop, and follows or reports redirects per check', async () => {
    const outcome = await runSmokeWith({
      url: app.url,
      checks: `checks:
  - name: loop
    path: /loop-a
  - name: followed
    path: /moved
    expect: { json: { $.user.name: ada } }
  - name: not-followed
    path: /moved
    follow-redirects: false
    expect: { status: 302, headers: { location: /api/user } }
`,
    });
    expect(outcome.checks.loop).toMatchObject({
      passed: false,
      status: 301,
      reason: 'redirect loop: /loop-a → /loop-b → /loop-a',
    });
    expect(outcome.checks.followed).toMatchObject({ passed: true, status: 200 });
    expect(outcome.checks['not-followed']).toMatchObject({ passed: true, status: 302 });
  });

  it('reads a 50 MB body only up to the bound, and fails body expectations on it', async () => {
    const before = process.memoryUsage().rss;
    const outcome = await runSmokeWith({
      url: app.url,
      'max-body': '1MB',
      checks:
        'checks:\n  - name: big-status\n    path: /big\n  - name: big-body\n    path: /big\n    expect: { body-contains: b }\n',
    });
    expect(outcome.checks['big-status']).toMatchObject({ passed: true, status: 200 });
    expect(outcome.checks['big-body']).toMatchObject({
      passed: false,
      reason: 'body is larger than the 1 MB bound (max-body): body expectations not checked',
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('sends the headers input on every request, masks the values, and drops them on a cross-origin redirect', async () => {
    const masked: string[] = [];
    const values: Record<string, string> = {
      url: app.url,
      headers: 'Authorization: Bearer s3cret-token\nX-Env: staging',
      checks: `checks:\n  - name: echo\n    path: /echo\n    expect: { json: { $.auth: Bearer s3cret-token } }\n  - name: away\n    path: /elsewhere\n`,
    };
    seen.length = 0;
    const outcome = await runSmokeWith(
      { get: (n) => values[n], label: (n) => `input '${n}'`, mask: (v) => masked.push(v) },
      testContext(),
    );
    expect(masked).toEqual(['Bearer s3cret-token', 'staging']);
    expect(outcome.report.status).toBe('pass');
    const landing = seen.find((s) => s.url === 'other/landing')!;
    expect(landing.headers.authorization).toBeUndefined();
    expect(landing.headers['x-env']).toBeUndefined();
    expect(JSON.stringify(outcome.report)).not.toContain('s3cret');
  });

  it('ends at the step deadline when a server accepts the connection and never answers', async () => {
    const silent = await startSilent();
    try {
      // request-timeout is longer than the test's own timeout: only the deadline can end this run.
      const outcome = await runSmokeWith({
        url: silent.url,
        timeout: '1500ms',
        'request-timeout': '10m',
        checks: 'checks:\n  - name: hangs\n    path: /\n  - name: hangs-too\n    path: /x\n',
      });
      expect(outcome.report.durationMs).toBeGreaterThanOrEqual(1400);
      expect(outcome.checks.hangs).toMatchObject({ passed: false, status: null });
      expect(outcome.checks.hangs.reason).toBe('aborted at the step deadline (timeout 1.5s)');
      expect(outcome.report.gates.find((g) => g.name === 'timeout')).toMatchObject({ passed: false, required: 1500 });
      expect(outcome.report.status).toBe('fail');
    } finally {
      await silent.close();
    }
  });

  it('times out one request by its own timeout and reports it', async () => {
    const silent = await startSilent();
    try {
      const outcome = await runSmokeWith({
        url: silent.url,
        'request-timeout': '300ms',
        checks: 'checks:\n  - name: hangs\n    path: /\n',
      });
      expect(outcome.checks.hangs.reason).toBe('no complete response within 300 ms (request timeout)');
      expect(outcome.report.gates.some((g) => g.name === 'timeout')).toBe(false);
    } finally {
      await silent.close();
    }
  });

  it('resends once on a new connection when a kept-alive socket turns out closed', async () => {
    const perSocket = new WeakMap<object, number>();
    let connections = 0;
    const server = await startHttp((req, res) => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      if (n === 1) connections++;
      // The second request on a connection finds it gone, as when the server's keep-alive timeout wins the race.
      if (n > 1) return req.socket.destroy();
      json(res, 200, {});
    });
    try {
      const outcome = await runSmokeWith({ url: server.url, samples: '3', concurrency: '1' });
      expect(outcome.checks.url).toMatchObject({ passed: true, samples: 3, failedSamples: 0 });
      expect(connections).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('with no check file, checks that the url itself answers 2xx', async () => {
    const outcome = await runSmokeWith({ url: `${app.url}/api/user` });
    expect(outcome.report.status).toBe('pass');
    expect(outcome.checks.url).toMatchObject({ passed: true, status: 200 });
  });
});
