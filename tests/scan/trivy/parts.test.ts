import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isRateLimited, stderrTail, TrivyFailure } from '../../../src/stages/scan/trivy/errors.js';
import { normalizeTrivyVersion } from '../../../src/stages/scan/trivy/install.js';
import { parseRepository, probeRetryAfter, registryScheme } from '../../../src/stages/scan/trivy/registry-probe.js';
import { checksumsFileName, expectedChecksum, releaseAsset } from '../../../src/stages/scan/trivy/release.js';
import { parseRetryAfter } from '../../../src/stages/scan/trivy/retry-after.js';
import { scanArgs } from '../../../src/stages/scan/trivy/run.js';

describe('release files', () => {
  it("names Trivy's tarball for each platform it publishes, and none for the others", () => {
    expect(releaseAsset('0.74.0', 'linux', 'x64')).toBe('trivy_0.74.0_Linux-64bit.tar.gz');
    expect(releaseAsset('0.74.0', 'linux', 'arm64')).toBe('trivy_0.74.0_Linux-ARM64.tar.gz');
    expect(releaseAsset('0.74.0', 'darwin', 'arm64')).toBe('trivy_0.74.0_macOS-ARM64.tar.gz');
    expect(releaseAsset('0.74.0', 'win32', 'x64')).toBeUndefined();
    expect(checksumsFileName('0.74.0')).toBe('trivy_0.74.0_checksums.txt');
  });

  it('reads the checksum of exactly the named file from a sha256sum-style list', () => {
    const sums = [
      `${'a'.repeat(64)}  trivy_0.74.0_Linux-64bit.deb`,
      `${'B'.repeat(64)}  trivy_0.74.0_Linux-64bit.tar.gz`,
      `${'c'.repeat(64)} *trivy_0.74.0_macOS-64bit.tar.gz`,
      'not a line',
    ].join('\r\n');
    expect(expectedChecksum(sums, 'trivy_0.74.0_Linux-64bit.tar.gz')).toBe('b'.repeat(64));
    expect(expectedChecksum(sums, 'trivy_0.74.0_macOS-64bit.tar.gz')).toBe('c'.repeat(64));
    expect(expectedChecksum(sums, 'trivy_0.74.0_Linux-64bit')).toBeUndefined();
  });

  it('takes 0.74.0 or v0.74.0 and refuses anything else as a version', () => {
    expect(normalizeTrivyVersion('v0.74.0')).toBe('0.74.0');
    expect(normalizeTrivyVersion(' 0.75.0-rc.1 ')).toBe('0.75.0-rc.1');
    for (const bad of ['latest', '0.74', '0.74.0; rm -rf /', '../0.74.0']) {
      expect(() => normalizeTrivyVersion(bad)).toThrow(/is not a Trivy release version/);
    }
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('database repositories', () => {
  it('splits a reference as go-containerregistry does, with Trivy’s schema tag by default', () => {
    expect(parseRepository('ghcr.io/aquasecurity/trivy-db:2')).toEqual({
      host: 'ghcr.io',
      name: 'aquasecurity/trivy-db',
      reference: '2',
    });
    expect(parseRepository('mirror.gcr.io/aquasec/trivy-db')).toEqual({
      host: 'mirror.gcr.io',
      name: 'aquasec/trivy-db',
      reference: '2',
    });
    expect(parseRepository('127.0.0.1:5000/db@sha256:abc')).toEqual({
      host: '127.0.0.1:5000',
      name: 'db',
      reference: 'sha256:abc',
    });
    expect(parseRepository('aquasec/trivy-db:2')).toEqual({
      host: 'registry-1.docker.io',
      name: 'aquasec/trivy-db',
      reference: '2',
    });
    expect(parseRepository('localhost/db')).toEqual({ host: 'localhost', name: 'db', reference: '2' });
  });

  it('uses plain HTTP where go-containerregistry does', () => {
    expect(registryScheme('ghcr.io', false)).toBe('https');
    expect(registryScheme('ghcr.io', true)).toBe('http');
    expect(registryScheme('127.0.0.1:5000', false)).toBe('http');
    expect(registryScheme('localhost:5000', false)).toBe('http');
    expect(registryScheme('10.1.2.3:5000', false)).toBe('http');
    expect(registryScheme('172.32.0.1', false)).toBe('https');
  });
});

describe("asking a registry how long to wait (ghcr.io's token flow)", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  /** A registry that wants an anonymous bearer token, then rate-limits the manifest. */
  async function registry(answer: { status: number; retryAfter?: string }) {
    const seen: string[] = [];
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      const { port } = server!.address() as AddressInfo;
      if (req.url?.startsWith('/token')) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: 'anon-token' }));
      } else if (req.headers.authorization !== 'Bearer anon-token') {
        res
          .writeHead(401, {
            'WWW-Authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="test-registry",scope="repository:aquasecurity/trivy-db:pull"`,
          })
          .end();
      } else {
        res.writeHead(answer.status, answer.retryAfter ? { 'Retry-After': answer.retryAfter } : {}).end();
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
  }

  it('gets a pull token, then reads Retry-After from the manifest request', async () => {
    const { host, seen } = await registry({ status: 429, retryAfter: '42' });
    expect(await probeRetryAfter(`${host}/aquasecurity/trivy-db:2`, { insecure: false })).toBe(42);
    expect(seen).toEqual([
      'HEAD /v2/aquasecurity/trivy-db/manifests/2 -',
      'GET /token?service=test-registry&scope=repository%3Aaquasecurity%2Ftrivy-db%3Apull -',
      'HEAD /v2/aquasecurity/trivy-db/manifests/2 Bearer anon-token',
    ]);
  });

  it('says 0 when the registry answers again, and undefined when it cannot tell', async () => {
    const ok = await registry({ status: 200 });
    expect(await probeRetryAfter(`${ok.host}/aquasecurity/trivy-db`, { insecure: false })).toBe(0);
    await new Promise((resolve) => server!.close(resolve));
    const noHeader = await registry({ status: 429 });
    expect(await probeRetryAfter(`${noHeader.host}/aquasecurity/trivy-db`, { insecure: false })).toBeUndefined();
    expect(await probeRetryAfter('127.0.0.1:1/nothing/here', { insecure: false })).toBeUndefined();
  });
});

describe("Trivy's errors", () => {
  const fatal = [
    '2026-11-27T23:13:20Z\tINFO\t[vulndb] Need to update DB',
    '2026-11-27T23:13:21Z\tFATAL\tFatal error\trun error: image scan error: unable to initialize archive image: 2 errors occurred:',
    '\t* unable to open /x.tar as a Docker image: unexpected EOF',
    '\t* unable to open /x.tar as an OCI Image: stat /x.tar/index.json: not a directory',
    '',
    '',
  ].join('\n');

  it('is one line: the FATAL entry and the causes under it, without log prefixes', () => {
    expect(stderrTail(fatal)).toBe(
      'run error: image scan error: unable to initialize archive image: 2 errors occurred: unable to open /x.tar as a Docker image: unexpected EOF; unable to open /x.tar as an OCI Image: stat /x.tar/index.json: not a directory',
    );
    expect(stderrTail('just\nsome\nlines\n')).toBe('just; some; lines');
    const long = stderrTail(`\tFATAL\t${'x'.repeat(5000)}`);
    expect(long).toBe(`…${'x'.repeat(700)}`);
  });

  it('tells rate limits from other failures', () => {
    expect(
      isRateLimited('GET https://ghcr.io/v2/aquasecurity/trivy-db/manifests/2: TOOMANYREQUESTS: retry-after: 1m'),
    ).toBe(true);
    expect(isRateLimited('unexpected status code 429 Too Many Requests (HEAD responses have no body)')).toBe(true);
    expect(isRateLimited('MANIFEST_UNKNOWN: manifest unknown')).toBe(false);
  });

  it('wraps a failed run with a hint that depends on what went wrong', () => {
    const network = new TrivyFailure('trivy image', {
      code: 1,
      signal: null,
      stdout: '',
      stderr: '2026-11-27T23:13:21Z\tFATAL\tFatal error\tdial tcp 10.0.0.1:443: connect: connection refused\n',
    });
    expect(network.describe()).toMatch(
      /^trivy image exited with code 1: dial tcp .* connection refused\. Trivy could not reach a registry/,
    );
    const killed = new TrivyFailure('trivy fs', { code: null, signal: 'SIGKILL', stdout: '', stderr: '' });
    expect(killed.message).toBe('trivy fs was ended by SIGKILL');
  });
});

describe('scan arguments', () => {
  const paths = { jsonFile: '/tmp/o/trivy-fs.json', cacheDir: '/c', ignoreFile: '/tmp/o/none.trivyignore' };

  it('make every setting that shapes the findings explicit, and keep the target after --', () => {
    expect(
      scanArgs(
        { command: 'fs', target: '.', scanners: ['vuln', 'secret'], cwd: '/r' },
        { kind: 'path', path: '/r/-odd' },
        paths,
        {},
      ),
    ).toEqual([
      'fs',
      '--format',
      'json',
      '--output',
      '/tmp/o/trivy-fs.json',
      '--quiet',
      '--cache-dir',
      '/c',
      '--exit-code',
      '0',
      '--severity',
      'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL',
      '--ignorefile',
      '/tmp/o/none.trivyignore',
      '--skip-check-update',
      '--skip-version-check',
      '--disable-telemetry',
      '--scanners',
      'vuln,secret',
      '--skip-db-update',
      '--no-progress',
      '--',
      '/r/-odd',
    ]);
  });

  it('scan archives and layouts with --input, and give `config` no database or scanner flags', () => {
    const image = scanArgs(
      { command: 'image', target: 'a.tar', scanners: ['vuln'], cwd: '/r' },
      { kind: 'input', path: '/r/a.tar' },
      paths,
      { insecure: true, timeout: '10m' },
    );
    expect(image.slice(-6)).toEqual(['--no-progress', '--insecure', '--timeout', '10m', '--input', '/r/a.tar']);
    const ref = scanArgs(
      { command: 'image', target: 'alpine:3.19', scanners: ['vuln'], cwd: '/r' },
      { kind: 'reference', ref: 'alpine:3.19' },
      paths,
      {},
    );
    expect(ref.slice(-2)).toEqual(['--', 'alpine:3.19']);
    const config = scanArgs(
      { command: 'config', target: '.', scanners: ['vuln'], cwd: '/r' },
      { kind: 'path', path: '/r' },
      paths,
      {},
    );
    expect(config).not.toContain('--scanners');
    expect(config).not.toContain('--skip-db-update');
    expect(config.slice(-2)).toEqual(['--', '/r']);
  });
});
