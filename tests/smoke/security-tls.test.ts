import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from './support/certs.js';
import { runSmokeWith } from './support/run.js';
import { SECURE_HEADERS, startHttp, startHttps, type Handler, type TestServer } from './support/servers.js';

let pki: TestPki;
const servers: TestServer[] = [];
let good: TestServer;
let expiring: TestServer;
let plain: TestServer;

const site: Handler = (req, res) => {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  switch (req.url) {
    case '/secure':
      res.writeHead(200, { ...html, ...SECURE_HEADERS });
      return res.end('<h1>ok</h1>');
    case '/bare':
      res.writeHead(200, { ...html, server: 'nginx/1.25.3', 'x-powered-by': 'PHP/8.2.1' });
      return res.end('<h1>bare</h1>');
    case '/api':
      // An API protected by CSP frame-ancestors instead of X-Frame-Options, but with a weak nosniff.
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'sniff',
        'strict-transport-security': 'max-age=0',
      });
      return res.end('{}');
    case '/logo.png':
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(Buffer.alloc(8));
    default:
      res.writeHead(404);
      return res.end();
  }
};

beforeAll(async () => {
  pki = makeTestPki();
  good = await startHttps(site, pki.good);
  expiring = await startHttps(site, pki.expiring);
  plain = await startHttp(site);
  servers.push(good, expiring, plain);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const checks = `checks:
  - name: secure
    path: /secure
  - name: bare
    path: /bare
  - name: api
    path: /api
  - name: logo
    path: /logo.png
`;

describe('security headers', () => {
  it('names each missing header of each HTML and API response, one by one', async () => {
    const outcome = await runSmokeWith({ url: good.url, ca: pki.caFile, 'security-headers': 'true', checks });
    expect(outcome.checks.secure).toMatchObject({ passed: true, securityIssues: [] });
    expect(outcome.checks.bare.securityIssues).toEqual([
      'Strict-Transport-Security',
      'X-Content-Type-Options',
      'X-Frame-Options (or Content-Security-Policy frame-ancestors)',
      'Content-Security-Policy',
      "Server reveals a version ('nginx/1.25.3'): remove it",
      "X-Powered-By reveals a version ('PHP/8.2.1'): remove it",
    ]);
    expect(outcome.checks.bare.passed).toBe(false);
    expect(outcome.checks.api.securityIssues).toEqual([
      "Strict-Transport-Security (max-age is 0 or absent: 'max-age=0')",
      "X-Content-Type-Options (is 'sniff', not 'nosniff')",
    ]);
    // Images are not pages: no CSP expected of them.
    expect(outcome.checks.logo).toMatchObject({ passed: true, securityIssues: [] });
    expect(outcome.report.gates.find((g) => g.name === 'security-headers')).toMatchObject({ passed: false, actual: 2 });
  });

  it('does not ask for HSTS over plain http', async () => {
    const outcome = await runSmokeWith({ url: plain.url, 'security-headers': 'true', checks });
    expect(outcome.checks.bare.securityIssues).not.toContain('Strict-Transport-Security');
    expect(outcome.checks.bare.securityIssues).toContain('X-Content-Type-Options');
  });

  it('leaves headers alone unless asked', async () => {
    const outcome = await runSmokeWith({ url: plain.url, checks });
    expect(outcome.report.status).toBe('pass');
  });
});

describe('TLS', () => {
  it('trusts the test CA given by the ca input and passes a certificate with 90 days left', async () => {
    const outcome = await runSmokeWith({
      url: good.url,
      ca: pki.caFile,
      'tls-min-days': '14',
      checks: 'checks:\n  - name: s\n    path: /secure\n',
    });
    expect(outcome.report.status).toBe('pass');
    const [tls] = outcome.report.tls as { daysLeft: number; chainValid: boolean; issuer: string }[];
    expect(tls).toMatchObject({ chainValid: true, issuer: 'shipkit smoke test CA' });
    expect(tls.daysLeft).toBeGreaterThan(89);
  });

  it('fails a certificate expiring in 3 days against tls-min-days 14', async () => {
    const outcome = await runSmokeWith({
      url: expiring.url,
      ca: pki.caFile,
      'tls-min-days': '14',
      checks: 'checks:\n  - name: s\n    path: /secure\n',
    });
    const gate = outcome.report.gates.find((g) => g.name.startsWith('tls-min-days'))!;
    expect(gate.name).toBe(`tls-min-days 127.0.0.1:${expiring.port}`);
    expect(gate.passed).toBe(false);
    expect(gate.actual).toBeGreaterThanOrEqual(2.9);
    expect(gate.actual).toBeLessThanOrEqual(3);
    expect(gate.detail).toMatch(/^expires \d{4}-.*, chain valid$/);
    expect(outcome.checks.s.passed).toBe(true);
    expect(outcome.report.status).toBe('fail');
  });

  it('reports an untrusted chain, and the requests themselves refuse it', async () => {
    const outcome = await runSmokeWith({
      url: good.url,
      'tls-min-days': '14',
      checks: 'checks:\n  - name: s\n    path: /secure\n',
    });
    const gate = outcome.report.gates.find((g) => g.name.startsWith('tls-min-days'))!;
    expect(gate.passed).toBe(false);
    expect(gate.detail).toContain('chain invalid: UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(outcome.checks.s.passed).toBe(false);
    expect(outcome.checks.s.reason).toMatch(/^TLS error with 127\.0\.0\.1:\d+: unable to verify the first certificate/);
  });
});
