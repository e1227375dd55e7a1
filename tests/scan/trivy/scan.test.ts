import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError, UserError } from '../../../src/core/errors.js';
import { TrivyFailure } from '../../../src/stages/scan/trivy/errors.js';
import { runTrivy, type TrivyScanRequest, type TrivySettings } from '../../../src/stages/scan/trivy/run.js';
import { stageContext } from '../../support/stage-context.js';
import { buildAlpineImage, pushImage, type AlpineImage } from './support/alpine-image.js';
import { startRegistry, type Registry } from './support/registry.js';
import { startRecordingProxy, type TestServer } from './support/servers.js';
import { buildTestDb, cacheDirWithDb } from './support/test-db.js';
import { missingTools, TARGETS, trivyPath } from './support/tools.js';

const run = promisify(execFile);

interface TrivyJson {
  SchemaVersion: number;
  ArtifactType: string;
  Metadata?: { OS?: { Family: string; Name: string } };
  Results?: {
    Target: string;
    Class: string;
    Vulnerabilities?: {
      VulnerabilityID: string;
      PkgName: string;
      InstalledVersion: string;
      FixedVersion?: string;
      Severity: string;
      VendorIDs?: string[];
    }[];
    Secrets?: { RuleID: string; StartLine: number; Match: string }[];
    Misconfigurations?: { ID: string; Severity: string; CauseMetadata?: { StartLine?: number } }[];
  }[];
}

const read = async (file: string): Promise<TrivyJson> => JSON.parse(await readFile(file, 'utf8')) as TrivyJson;
const vulns = (json: TrivyJson) =>
  (json.Results ?? []).flatMap((r) =>
    (r.Vulnerabilities ?? []).map(
      (v) =>
        `${r.Target} ${v.VulnerabilityID} ${v.PkgName}@${v.InstalledVersion} fixed=${v.FixedVersion ?? ''} ${v.Severity}`,
    ),
  );
const misconfigs = (json: TrivyJson) =>
  (json.Results ?? []).flatMap((r) => (r.Misconfigurations ?? []).map((m) => `${r.Target} ${m.ID}`));

// Secret-shaped test values, assembled at run time so this repository holds no string a scanner
// would take for a credential. Neither is a real key.
const AWS_KEY = ['AKIA', 'Q3TZ7NRW', '5XJK2LPD'].join('');
const GITHUB_TOKEN = ['ghp_', 'R8tWq2LmZ0vX7nKc4', 'Yb1Hs9DfJ3pGa6UeQ5iTo'].join('');

describe.skipIf(missingTools !== '')('runTrivy with the real Trivy', () => {
  let work: string;
  let cacheDir: string;
  let registry: Registry;
  let image: AlpineImage;
  let imageRef: string;
  let proxy: TestServer;
  let settings: TrivySettings;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'shipkit-trivy-scan-'));
    const db = await buildTestDb();
    cacheDir = await cacheDirWithDb(db);
    await rm(db, { recursive: true, force: true });
    registry = await startRegistry();
    image = await buildAlpineImage(path.join(work, 'image'));
    imageRef = await pushImage(image, registry.host, 'shipkit/alpine');
    proxy = await startRecordingProxy();
    // The database is in the cache directory already: every scan runs with --skip-db-update.
    settings = { version: '0.74.0', path: trivyPath, dbRepositories: [], skipDbUpdate: true, cacheDir, insecure: true };
  });

  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
    await rm(work, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    for (const dir of outputs) await rm(dir, { recursive: true, force: true });
  });

  const outputs: string[] = [];
  /** Every scan goes through the recording proxy: any attempt to leave 127.0.0.1 is recorded there. */
  const scan = async (req: Omit<TrivyScanRequest, 'cwd'> & { cwd?: string }) => {
    const result = await runTrivy(
      { cwd: TARGETS, ...req },
      settings,
      stageContext({
        cwd: TARGETS,
        env: { PATH: process.env.PATH, HOME: work, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' },
      }),
    );
    outputs.push(path.dirname(result.jsonFile));
    return result;
  };

  it('finds the advisories of the test database in real npm and Go lockfiles', async () => {
    const result = await scan({ command: 'fs', target: '.', scanners: ['vuln'] });
    expect(result.trivyVersion).toBe('0.74.0');
    const json = await read(result.jsonFile);
    expect(json.SchemaVersion).toBe(2);
    expect(json.ArtifactType).toBe('filesystem');
    expect(vulns(json).sort()).toEqual([
      'gomod/go.mod CVE-2022-32149 golang.org/x/text@v0.3.7 fixed=0.3.8 HIGH',
      'npm/package-lock.json CVE-2020-8203 lodash@4.17.15 fixed=4.17.20 HIGH',
      'npm/package-lock.json CVE-2021-23337 lodash@4.17.15 fixed=4.17.21 HIGH',
      'npm/package-lock.json CVE-2021-44906 minimist@1.2.5 fixed=1.2.6, 0.2.4 CRITICAL',
    ]);
    const lodash = json
      .Results!.flatMap((r) => r.Vulnerabilities ?? [])
      .find((v) => v.VulnerabilityID === 'CVE-2020-8203');
    expect(lodash?.VendorIDs).toEqual(['GHSA-p6mc-m468-83gw']);
  });

  it("finds secrets by rule and line, and Trivy's JSON never holds the secret itself", async () => {
    const dir = path.join(work, 'secrets');
    await mkdir(path.join(dir, 'deploy'), { recursive: true });
    await writeFile(path.join(dir, 'deploy', 'settings.env'), `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n`);
    await writeFile(path.join(dir, 'deploy', 'ci.sh'), `#!/bin/sh\n\n\nexport GH_TOKEN=${GITHUB_TOKEN}\n`);
    const result = await scan({ command: 'fs', target: dir, scanners: ['secret'] });
    const json = await read(result.jsonFile);
    const found = (json.Results ?? []).flatMap((r) =>
      (r.Secrets ?? []).map((s) => `${r.Target}:${s.StartLine} ${s.RuleID}`),
    );
    expect(found.sort()).toEqual(['deploy/ci.sh:4 github-pat', 'deploy/settings.env:2 aws-access-key-id']);
    const text = await readFile(result.jsonFile, 'utf8');
    expect(text).not.toContain(AWS_KEY);
    expect(text).not.toContain(GITHUB_TOKEN);
  });

  it('finds misconfigurations in a Dockerfile, a Kubernetes manifest and Terraform with the embedded checks', async () => {
    const result = await scan({ command: 'fs', target: 'misconfig', scanners: ['misconfig'] });
    const json = await read(result.jsonFile);
    const ids = misconfigs(json);
    expect(ids).toEqual(
      expect.arrayContaining([
        'Dockerfile DS-0001',
        'Dockerfile DS-0002',
        'deployment.yaml KSV-0017',
        'main.tf AWS-0107',
      ]),
    );
    const sg = json.Results!.find((r) => r.Target === 'main.tf')!.Misconfigurations!.find((m) => m.ID === 'AWS-0107');
    expect(sg?.CauseMetadata?.StartLine).toBe(11);
  });

  it('runs `trivy config` (misconfigurations only, no database)', async () => {
    const result = await scan({ command: 'config', target: 'misconfig', scanners: [] });
    const json = await read(result.jsonFile);
    expect(misconfigs(json)).toEqual(
      expect.arrayContaining(['Dockerfile DS-0002', 'deployment.yaml KSV-0017', 'main.tf AWS-0107']),
    );
    expect(result.db).toBeUndefined();
  });

  const alpineFindings = [
    'CVE-2023-5678 libcrypto3@3.1.4-r0 fixed=3.1.4-r1 UNKNOWN',
    'CVE-2024-0727 libcrypto3@3.1.4-r0 fixed=3.1.4-r5 MEDIUM',
  ];
  const withoutTarget = (json: TrivyJson) =>
    (json.Results ?? [])
      .flatMap((r) => r.Vulnerabilities ?? [])
      .map((v) => `${v.VulnerabilityID} ${v.PkgName}@${v.InstalledVersion} fixed=${v.FixedVersion ?? ''} ${v.Severity}`)
      .sort();

  it('scans an image archive (docker save) with --input', async () => {
    const json = await read((await scan({ command: 'image', target: image.archive, scanners: ['vuln'] })).jsonFile);
    expect(json.Metadata?.OS).toMatchObject({ Family: 'alpine', Name: '3.19.1' });
    expect(withoutTarget(json)).toEqual(alpineFindings);
  });

  it('scans an OCI layout directory with --input', async () => {
    const json = await read((await scan({ command: 'image', target: image.layout, scanners: ['vuln'] })).jsonFile);
    expect(json.Metadata?.OS).toMatchObject({ Family: 'alpine', Name: '3.19.1' });
    expect(withoutTarget(json)).toEqual(alpineFindings);
  });

  it('scans an image in a registry by reference', async () => {
    const json = await read(
      (await scan({ command: 'image', target: imageRef, scanners: ['vuln', 'secret'] })).jsonFile,
    );
    expect(json.ArtifactType).toBe('container_image');
    expect(withoutTarget(json)).toEqual(alpineFindings);
  });

  it('tried no network beyond 127.0.0.1 in any of those scans', () => {
    expect(proxy.requests).toEqual([]);
  });

  it('would have seen an attempt: Trivy without --skip-check-update goes for its checks bundle through the proxy', async () => {
    const before = proxy.requests.length;
    const out = path.join(work, 'control.json');
    await run(
      trivyPath!,
      [
        'config',
        '--quiet',
        '--cache-dir',
        path.join(work, 'control-cache'),
        '--format',
        'json',
        '--output',
        out,
        path.join(TARGETS, 'misconfig'),
      ],
      { env: { PATH: process.env.PATH, HOME: work, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }, timeout: 120_000 },
    ).catch(() => undefined);
    const attempts = proxy.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.some((a) => /^CONNECT (mirror\.gcr\.io|ghcr\.io):443$/.test(a))).toBe(true);
  });

  it("reports a failed scan as one line with Trivy's own error", async () => {
    const junk = path.join(work, 'not-an-image.tar');
    await writeFile(junk, 'this is not an image archive\n');
    const error = await scan({ command: 'image', target: junk, scanners: ['vuln'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrivyFailure);
    expect(error).toBeInstanceOf(ServiceError);
    const message = (error as TrivyFailure).message;
    expect(message).toMatch(/^trivy image exited with code 1: /);
    expect(message).toContain('unable to open');
    expect(message).not.toMatch(/\n/);
    expect(message).not.toMatch(/FATAL|\d{4}-\d\d-\d\dT/);
    expect((error as TrivyFailure).input).toBe('image');
  });

  it('names the input when the target does not exist or is not an image', async () => {
    const missing = await scan({ command: 'fs', target: 'no-such-dir', scanners: ['vuln'] }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).location.input).toBe('target');
    const notLayout = await scan({ command: 'image', target: 'misconfig', scanners: ['vuln'] }).catch(
      (e: unknown) => e,
    );
    expect(notLayout).toBeInstanceOf(UserError);
    expect((notLayout as UserError).message).toMatch(
      /misconfig is a directory but not an OCI image layout \(it has no index\.json\)$/,
    );
    expect((notLayout as UserError).location.input).toBe('image');
    const none = await scan({ command: 'fs', target: '.', scanners: [] }).catch((e: unknown) => e);
    expect((none as UserError).location.input).toBe('scanners');
  });
});
