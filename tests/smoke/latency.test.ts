// What one sample's latency is: from the moment the request is written to the socket to the last
// byte of the answer (k6's http_req_duration). Connecting and the TLS handshake come before the
// write and are not in it; a body that is slow to finish is.
import { writeFileSync } from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from './support/certs.js';
import { runSmokeWith, testContext } from './support/run.js';
import { startHttp, type TestServer } from './support/servers.js';

const HANDSHAKE_DELAY_MS = 1500;
const BODY_GAP_MS = 400;

let pki: TestPki;
let slowHandshake: { url: string; close(): Promise<void> };
let slowBody: TestServer;

/**
 * An https server whose TLS handshake takes HANDSHAKE_DELAY_MS: the TCP connection is accepted at
 * once, but handed to the TLS server only after the delay, so the client waits for the server's
 * hello. The answer itself is immediate.
 */
async function startSlowHandshake(tls: { key: string; cert: string }): Promise<typeof slowHandshake> {
  const server = https.createServer(tls, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    setTimeout(() => server.emit('connection', socket), HANDSHAKE_DELAY_MS);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        front.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  pki = makeTestPki();
  slowHandshake = await startSlowHandshake(pki.good);
  slowBody = await startHttp((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '10' });
    res.write('hello');
    setTimeout(() => res.end('world'), BODY_GAP_MS);
  });
});
afterAll(async () => {
  await slowHandshake.close();
  await slowBody.close();
});

describe('sample latency', () => {
  it('starts when the request is written: a slow TLS handshake before it is not counted', async () => {
    writeFileSync(path.join(pki.dir, 'checks.yml'), 'checks:\n  - name: home\n    path: /\n');
    const outcome = await runSmokeWith(
      { url: slowHandshake.url, checks: 'checks.yml', ca: pki.caFile },
      testContext(pki.dir),
    );
    const home = outcome.checks.home;
    expect(home).toMatchObject({ passed: true, status: 200, samples: 1 });
    // The run waited for the handshake…
    expect(outcome.report.durationMs).toBeGreaterThanOrEqual(HANDSHAKE_DELAY_MS);
    // …and the sample, timed from the write, did not: it is the answer alone.
    expect(home.latency.max).not.toBeNull();
    expect(home.latency.max!).toBeLessThan(HANDSHAKE_DELAY_MS);
  });

  it('ends at the last byte: a body finished 400 ms after its first part is timed to its end', async () => {
    const outcome = await runSmokeWith({
      url: slowBody.url,
      checks: 'checks:\n  - name: parts\n    path: /\n    expect: { body-contains: helloworld }\n',
      samples: '3',
      concurrency: '3',
    });
    const parts = outcome.checks.parts;
    expect(parts).toMatchObject({ passed: true, samples: 3 });
    expect(parts.latency.p50!).toBeGreaterThanOrEqual(BODY_GAP_MS - 5);
    expect(outcome.report.p50!).toBeGreaterThanOrEqual(BODY_GAP_MS - 5);
  });
});
