// The outcome of a run, built from what the steps found (no engine here): the report matches its schema,
// the comment shows a reviewer what blocked the push, the outputs carry build-push-action's and
// metadata-action's names, and text from builds and Dockerfiles cannot break the markdown around it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { assertReportMatches } from '../../src/core/report/schema.js';
import type { Finding } from '../../src/stages/scan/model.js';
import type { BuiltImage } from '../../src/stages/docker/build-step.js';
import { buildFiles } from '../../src/stages/docker/build-step.js';
import { workflowGitContext } from '../../src/stages/docker/git-context.js';
import { computeMeta } from '../../src/stages/docker/meta/compute.js';
import { readDockerOptions } from '../../src/stages/docker/options.js';
import { buildDockerOutcome, type DockerRun } from '../../src/stages/docker/outcome.js';
import { checkDockerfile } from '../../src/stages/docker/policy/check.js';
import { DockerReport } from '../../src/stages/docker/report-schema.js';
import { judgeScans } from '../../src/stages/docker/scan-image.js';
import { isBalanced, parseBlocks } from '../support/markdown.js';
import { tempDir } from '../test-stage/support/git-repo.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const ID = `sha256:${'a'.repeat(64)}`;
const DIGEST = `sha256:${'b'.repeat(64)}`;

function finding(id: string, severity: Finding['severity'], pkg: string): Finding {
  return {
    id,
    aliases: [],
    severity,
    kind: 'vuln',
    title: `${pkg} advisory`,
    package: pkg,
    installed: '1.0.0',
    fixed: '1.0.1',
    target: 'app/package-lock.json',
    file: null,
    line: null,
    tools: ['trivy'],
    url: null,
  };
}

async function run(failing: { build?: boolean; scan?: boolean }): Promise<DockerRun> {
  const cwd = tempDir('docker-outcome');
  const options = readDockerOptions(
    new InputReader(
      mapSource(
        {
          builds: `- name: web\n  context: web\n  images: ghcr.io/acme/web\n- name: api\n  context: api\n  images: ghcr.io/acme/api\n`,
          push: 'true',
        },
        'input',
      ),
    ),
    {},
    cwd,
  );
  const event = path.join(cwd, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({ repository: { name: 'shop', html_url: 'https://github.com/acme/shop', default_branch: 'main' } }),
  );
  const git = await workflowGitContext({
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: SHA,
  });
  const now = new Date('2026-01-02T03:04:05Z');
  const metas = options.builds.map((b) => computeMeta(b.meta, git, now));
  const policy = [
    checkDockerfile(
      'FROM node:20 AS build\nFROM node:20\nCOPY --from=build /a /a\nUSER node\nHEALTHCHECK CMD ["true"]\n',
      'web/Dockerfile',
      { level: 'recommended', orchestratorProbes: false },
      { hasDockerignore: true },
    ),
    checkDockerfile(
      'FROM golang:latest\nCMD ["x"]\n',
      'api/Dockerfile',
      { level: 'recommended', orchestratorProbes: false },
      { hasDockerignore: true },
    ),
  ];
  const built: BuiltImage[] = options.builds.map((spec, i) => ({
    spec,
    meta: metas[i],
    run:
      failing.build && i === 1
        ? {
            ok: false,
            error: 'RUN go build | exit `2`',
            tail: 'step 3/4\n```\nmain.go:3: undefined: x\nRUN go build | exit `2`',
            durationMs: 9,
          }
        : { ok: true, imageId: ID, tail: '', durationMs: 12 },
    platforms:
      failing.build && i === 1
        ? []
        : [{ platform: 'linux/amd64', configDigest: ID, diffIds: [], size: 123_456_789, compressedSize: null }],
    localDigest: { digest: DIGEST, source: 'local' },
    scanTargets: [],
    files: buildFiles(cwd, i),
  }));
  const scan = judgeScans(
    [
      {
        image: 'ghcr.io/acme/web:main',
        findings: failing.scan ? [finding('CVE-2021-44906', 'critical', 'minimist')] : [],
        trivyVersion: '0.74.0',
      },
      { image: 'ghcr.io/acme/api:main', findings: [finding('CVE-2024-0001', 'low', 'x|y')], trivyVersion: '0.74.0' },
    ],
    options.scan,
    [],
    now,
  );
  const policyGate = {
    name: 'policy',
    passed: false,
    required: 0,
    actual: 2,
    unit: ' errors',
    detail: '2 Dockerfile policy error(s)',
  };
  const buildGate = {
    name: 'build',
    passed: !failing.build,
    required: 2,
    actual: failing.build ? 1 : 2,
    unit: ' built',
    detail: 'api: RUN go build',
  };
  const gates = [policyGate, buildGate, ...scan.gates];
  return {
    options,
    policy,
    metas,
    gates,
    warnings: [],
    engine: { kind: 'docker', program: 'docker', version: '28.2.2' },
    built,
    scans: [],
    scan,
    pushed: new Map(),
    blockedBy: gates.filter((g) => !g.passed).map((g) => g.name),
    cwd,
    startedAt: now,
    finishedAt: new Date(now.getTime() + 5000),
  };
}

describe('docker outcome', () => {
  it('a blocked push: the report matches its schema and the comment shows why, open', async () => {
    const outcome = buildDockerOutcome(await run({ build: true, scan: true }), {});
    assertReportMatches(DockerReport, outcome.report);
    const report = outcome.report as DockerReport;
    expect(report.status).toBe('fail');
    expect(report.push).toEqual({ status: 'blocked', blockedBy: ['policy', 'build', 'fail-on'], tags: [] });
    expect(report.summary).toBe(
      '1 of 2 build(s) failed · scan: 1 critical, 1 low · policy: 2 error(s), 2 warning(s) · not pushed (policy, build, fail-on failed)',
    );
    expect(outcome.comment?.headline).toBe(report.summary);
    const body = outcome.comment!.body!;
    expect(isBalanced(body)).toBe(true);
    const blocks = parseBlocks(body);
    expect(blocks[0]).toEqual({
      type: 'list',
      items: [
        '❌ policy: 2 Dockerfile policy error(s)',
        '❌ build: api: RUN go build',
        expect.stringMatching(/^❌ fail-on: 1 finding\(s\) at high or above: CVE-2021-44906/),
      ],
    });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      text: 'Nothing was pushed: policy, build, fail-on failed before the push.',
    });
    const tables = blocks.filter((b) => b.type === 'table');
    expect(tables[0]).toMatchObject({ header: ['', 'Rule', 'Where', 'Message'] });
    expect((tables[0] as { rows: string[][] }).rows.map((r) => r[2])).toEqual(['api/Dockerfile:1', 'api/Dockerfile:1']);
    expect(tables[1]).toMatchObject({
      header: ['Severity', 'Id', 'Package', 'Fixed in', 'Image'],
      rows: [['🟥 critical', 'CVE-2021-44906', 'minimist 1.0.0', '1.0.1', 'app/package-lock.json']],
    });
    // The failed build's log, with its own backtick fence inside, stays one code block.
    const code = blocks.filter((b) => b.type === 'code');
    expect(code).toHaveLength(1);
    expect((code[0] as { text: string }).text).toContain('main.go:3: undefined: x');
    // Annotations: each policy error at its line, and the failed build on its Dockerfile.
    expect(
      outcome.annotations.filter((a) => a.level === 'error').map((a) => `${a.file}:${a.startLine ?? ''} ${a.title}`),
    ).toEqual([
      'api/Dockerfile:1 Dockerfile policy: non-root-user',
      'api/Dockerfile:1 Dockerfile policy: pinned-base',
      'api/Dockerfile: docker build api failed',
    ]);
  });

  it('outputs under build-push-action’s and metadata-action’s names; the images table in the details', async () => {
    const outcome = buildDockerOutcome(await run({}), {});
    const report = outcome.report as DockerReport;
    expect(report.tags).toEqual(['ghcr.io/acme/web:main', 'ghcr.io/acme/api:main']);
    expect(outcome.outputs).toMatchObject({
      digest: DIGEST,
      imageid: ID,
      'image-id': ID,
      version: 'main',
      tags: 'ghcr.io/acme/web:main\nghcr.io/acme/api:main',
      pushed: false,
    });
    expect(JSON.parse(String(outcome.outputs.metadata))).toEqual({
      'containerimage.digest': DIGEST,
      'containerimage.config.digest': ID,
      'image.name': 'ghcr.io/acme/web:main',
    });
    expect(JSON.parse(String(outcome.outputs.json))).toMatchObject({ tags: ['ghcr.io/acme/web:main'] });
    expect(String(outcome.outputs.labels).split('\n')).toContain(`org.opencontainers.image.revision=${SHA}`);
    const details = parseBlocks(outcome.comment!.details!);
    const images = details.find((b) => b.type === 'table');
    expect(images).toEqual({
      type: 'table',
      header: ['Build', 'Image', 'Digest', 'Platform', 'Size', 'Compressed', 'Pushed'],
      rows: [
        ['web', 'ghcr.io/acme/web:main', `${DIGEST.slice(0, 19)}…`, 'linux/amd64', '117.7 MiB', '–', 'no'],
        ['api', 'ghcr.io/acme/api:main', `${DIGEST.slice(0, 19)}…`, 'linux/amd64', '117.7 MiB', '–', 'no'],
      ],
    });
    // A `|` from a package name stays inside its cell.
    const findings = details.filter((b) => b.type === 'table').at(-2) as { rows: string[][] };
    expect(findings.rows).toEqual([['🟦 low', 'CVE-2024-0001', 'x|y 1.0.0', '1.0.1', 'app/package-lock.json']]);
  });
});
