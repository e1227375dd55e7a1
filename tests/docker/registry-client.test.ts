// Reading an image back from a registry (digest, sizes, layers) against Debian's docker-registry, checked
// against skopeo's reading of the same tags; Basic and Bearer logins; credentials from a Docker config.
import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChallenge, RegistryClient, RegistryError } from '../../src/stages/docker/registry/client.js';
import { dockerConfigCredentials } from '../../src/stages/docker/registry/credentials.js';
import { mayUseHttp, parseReference } from '../../src/stages/docker/registry/reference.js';
import { inspectRemote } from '../../src/stages/docker/registry/remote-image.js';
import { tempDir } from '../test-stage/support/git-repo.js';
import { startRegistry, type LocalRegistry } from './support/registry.js';
import { baseImagesStorage, htpasswdPath, registryPath } from './support/tools.js';

const run = promisify(execFile);
const skopeo = async (args: string[]) =>
  (await run('skopeo', ['inspect', '--tls-verify=false', ...args], { timeout: 60_000, maxBuffer: 8 << 20 })).stdout;
const hasSkopeo = await run('skopeo', ['--version']).then(
  () => true,
  () => false,
);
const missing = [registryPath ? '' : 'docker-registry', htpasswdPath ? '' : 'htpasswd', hasSkopeo ? '' : 'skopeo']
  .filter(Boolean)
  .join(', ');

describe('image references', () => {
  it('are read the way Docker reads them', () => {
    expect(parseReference('node:20')).toEqual({ registry: 'docker.io', repository: 'library/node', tag: '20' });
    expect(parseReference('acme/api')).toEqual({ registry: 'docker.io', repository: 'acme/api' });
    expect(parseReference('ghcr.io/acme/api:1.2@sha256:abc')).toEqual({
      registry: 'ghcr.io',
      repository: 'acme/api',
      tag: '1.2',
      digest: 'sha256:abc',
    });
    expect(parseReference('127.0.0.1:5000/a/b/c:x')).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'a/b/c',
      tag: 'x',
    });
    expect(parseReference('localhost/app')).toEqual({ registry: 'localhost', repository: 'app' });
    expect(mayUseHttp('127.0.0.1:5000', [])).toBe(true);
    expect(mayUseHttp('localhost:5000', [])).toBe(true);
    expect(mayUseHttp('registry.internal:5000', [])).toBe(false);
    expect(mayUseHttp('registry.internal:5000', ['registry.internal:5000'])).toBe(true);
  });

  it('parses authentication challenges, quoted or not', () => {
    expect(
      parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/api:pull"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/api:pull' },
    });
    expect(parseChallenge('Basic realm=registry')).toEqual({ scheme: 'basic', params: { realm: 'registry' } });
  });
});

describe.skipIf(missing !== '')('reading pushed images back from a registry', () => {
  let open: LocalRegistry;
  let locked: LocalRegistry;
  let front: Server;
  let frontHost: string;
  const tokenRequests: string[] = [];

  beforeAll(async () => {
    const storage = await baseImagesStorage();
    open = await startRegistry({ storage, readOnly: true });
    locked = await startRegistry({ storage, readOnly: true, users: { reader: 'read-pass-1' } });
    // A Bearer front for the open registry, as ghcr.io and Docker Hub answer: 401 naming a token realm; the
    // token service takes Basic credentials and a scope. It drops Docker-Content-Digest from manifests, so
    // the digest must come from the bytes.
    front = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://front');
      if (url.pathname === '/token') {
        tokenRequests.push(`${req.headers.authorization ?? ''} ${url.searchParams.get('scope') ?? ''}`);
        const ok = req.headers.authorization === `Basic ${Buffer.from('bot:bot-pass-2').toString('base64')}`;
        res
          .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
          .end(JSON.stringify(ok ? { token: 'tkn-1' } : {}));
        return;
      }
      if (req.headers.authorization !== 'Bearer tkn-1') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${frontHost}/token",service="front"` }).end();
        return;
      }
      const [host, port] = open.host.split(':');
      const upstream = request(
        { host, port: Number(port), path: req.url, method: req.method, headers: { accept: req.headers.accept ?? '' } },
        (up) => {
          const headers = { ...up.headers };
          delete headers['docker-content-digest'];
          res.writeHead(up.statusCode ?? 502, headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end();
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const address = front.address();
    frontHost = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await open?.stop();
    await locked?.stop();
    await new Promise((resolve) => front?.close(resolve));
  });

  it('gives the digest, config, compressed size and layers skopeo reads for the same tag', async () => {
    const ref = `${open.host}/library/node:20.18.1-bookworm-slim`;
    const image = await inspectRemote(new RegistryClient(parseReference(ref)), '20.18.1-bookworm-slim');
    const info = JSON.parse(await skopeo([`docker://${ref}`])) as { Digest: string };
    const raw = JSON.parse(await skopeo(['--raw', `docker://${ref}`])) as {
      config: { digest: string; size: number };
      layers: { size: number }[];
    };
    const config = JSON.parse(await skopeo(['--config', `docker://${ref}`])) as { rootfs: { diff_ids: string[] } };
    expect(image.digest).toBe(info.Digest);
    expect(image.platforms).toEqual([
      {
        platform: 'linux/amd64',
        digest: info.Digest,
        configDigest: raw.config.digest,
        compressedSize: raw.config.size + raw.layers.reduce((s, l) => s + l.size, 0),
        diffIds: config.rootfs.diff_ids,
      },
    ]);
  });

  it('logs in with Basic auth when the registry asks for it, and says so when it has no credentials', async () => {
    const ref = parseReference(`${locked.host}/library/busybox:1.36`);
    const expected = JSON.parse(await skopeo([`docker://${open.host}/library/busybox:1.36`])) as { Digest: string };
    const image = await inspectRemote(
      new RegistryClient(ref, { credentials: { username: 'reader', password: 'read-pass-1' } }),
      '1.36',
    );
    expect(image.digest).toBe(expected.Digest);
    const error = await inspectRemote(new RegistryClient(ref), '1.36').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).message).toBe(`${locked.host} asks for a user and password`);
    const wrong = await inspectRemote(
      new RegistryClient(ref, { credentials: { username: 'reader', password: 'no' } }),
      '1.36',
    ).catch((e: unknown) => e);
    expect((wrong as RegistryError).status).toBe(401);
  });

  it('follows a Bearer challenge to its token service with the pull scope, and hashes the manifest when no digest header comes', async () => {
    const expected = JSON.parse(await skopeo([`docker://${open.host}/library/busybox:1.36`])) as { Digest: string };
    const client = new RegistryClient(parseReference(`${frontHost}/library/busybox:1.36`), {
      credentials: { username: 'bot', password: 'bot-pass-2' },
    });
    const image = await inspectRemote(client, '1.36');
    expect(image.digest).toBe(expected.Digest);
    expect(tokenRequests).toEqual([
      `Basic ${Buffer.from('bot:bot-pass-2').toString('base64')} repository:library/busybox:pull`,
    ]);
  });
});

describe('credentials from a Docker config', () => {
  it('reads auths entries (Docker Hub under its historic key) and asks credential helpers as the CLI does', async () => {
    const dir = tempDir('docker-config');
    const bin = tempDir('docker-helper');
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: Buffer.from('hub-user:hub:pass').toString('base64') },
          'registry.example.com': { auth: Buffer.from('reg-user:reg-pass').toString('base64') },
        },
        credHelpers: { 'ecr.example.com': 'shipkit-test' },
      }),
    );
    // A credential helper is a program on PATH reading the server on stdin and answering JSON.
    await mkdir(bin, { recursive: true });
    const helper = path.join(bin, 'docker-credential-shipkit-test');
    await writeFile(
      helper,
      '#!/bin/sh\nread server\necho "{\\"Username\\":\\"AWS\\",\\"Secret\\":\\"for-$server\\"}"\n',
    );
    await chmod(helper, 0o755);
    const env = { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH ?? ''}` };
    expect(await dockerConfigCredentials('docker.io', env)).toEqual({ username: 'hub-user', password: 'hub:pass' });
    expect(await dockerConfigCredentials('registry.example.com', env)).toEqual({
      username: 'reg-user',
      password: 'reg-pass',
    });
    expect(await dockerConfigCredentials('ecr.example.com', env)).toEqual({
      username: 'AWS',
      password: 'for-ecr.example.com',
    });
    expect(await dockerConfigCredentials('ghcr.io', env)).toBeUndefined();
    expect(await dockerConfigCredentials('ghcr.io', { DOCKER_CONFIG: tempDir('no-config') })).toBeUndefined();
  });
});
