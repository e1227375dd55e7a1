import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSections } from '../../src/core/comment/sticky-body.js';
import { runBundle, type BundleResult } from '../support/action-runner.js';
import {
  startArtifactService,
  startAzurite,
  type ArtifactService,
  type Azurite,
} from '../support/artifact-service/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { pullRequestEvent } from '../support/webhook-events.js';
import { REPO, tempDir } from './support/stages.js';

/**
 * The sharded workflow of the README, run as the runner runs it: four jobs of the test action's
 * bundle with SHIPKIT_SHARD (each runs `vitest --shard=i/4 --coverage` and uploads its artifact to the
 * artifact service over Azurite), then the root report action's bundle downloading them. It ends in
 * one PR comment (the merged test section in place of the shards') and one check run.
 */
const PROJECT = path.join(REPO, 'tests/fixtures/projects/report-vitest');
const HEAD = 'c'.repeat(40);
const RUN = 'run-backend-1';

let github: GitHubServer;
let azurite: Azurite;
let artifacts: ArtifactService;

beforeAll(async () => {
  github = await startGitHubServer();
  github.state.addRepo('acme', 'app');
  github.state.addPull('acme', 'app', { number: 7, headSha: HEAD });
  azurite = await startAzurite();
  artifacts = await startArtifactService(azurite.blobUrl);
}, 120_000);

afterAll(async () => {
  github?.assertNoSchemaViolations();
  await github?.close();
  await artifacts?.close();
  await azurite?.stop();
});

const event = {
  name: 'pull_request',
  payload: pullRequestEvent({ owner: 'acme', repo: 'app', number: 7, headSha: HEAD }),
};

function job(name: string, jobId: string, extra: Record<string, string>): Record<string, string> {
  return {
    GITHUB_JOB: name,
    ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken(RUN, jobId),
    ACTIONS_RESULTS_URL: artifacts.url,
    // The runner's own log noise (the artifact client's debug lines) is not what this test reads.
    RUNNER_DEBUG: '',
    ...extra,
  };
}

describe('a 4-shard test matrix, then the report action', () => {
  const shards: BundleResult[] = [];
  let report: BundleResult;

  beforeAll(async () => {
    const out = tempDir('workflow');
    for (const i of [1, 2, 3, 4]) {
      const cov = path.join(out, `coverage-${i}`);
      const vitest = [
        JSON.stringify(process.execPath),
        JSON.stringify(path.join(REPO, 'node_modules/vitest/vitest.mjs')),
        'run --config vitest.config.mjs',
        `--shard=${i}/4 --coverage.enabled --coverage.reportsDirectory=${JSON.stringify(cov)}`,
        `--reporter=junit --outputFile.junit=${JSON.stringify(path.join(cov, 'junit.xml'))}`,
      ].join(' ');
      shards.push(
        await runBundle('test', {
          workspace: PROJECT,
          event,
          apiUrl: github.url,
          repository: 'acme/app',
          inputs: { test: vitest, coverage: path.join(cov, 'lcov.info'), 'test-results': path.join(cov, 'junit.xml') },
          env: job('unit', `job-${i}`, { SHIPKIT_SHARD: `${i}/4` }),
          timeoutMs: 300_000,
        }),
      );
    }
    report = await runBundle('report', {
      workspace: PROJECT,
      event,
      apiUrl: github.url,
      repository: 'acme/app',
      inputs: { 'min-lines': '80', badge: path.join(os.tmpdir(), `shipkit-badge-${process.pid}.svg`) },
      env: job('report', 'job-report', {}),
      timeoutMs: 300_000,
    });
  }, 900_000);

  it('each shard uploads its artifact shipkit-test-unit-<shard>', () => {
    for (const s of shards) expect(s.stderr).not.toMatch(/internal error/i);
    expect(
      artifacts.artifacts
        .filter((a) => a.finalized)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['shipkit-test-unit-1_4', 'shipkit-test-unit-2_4', 'shipkit-test-unit-3_4', 'shipkit-test-unit-4_4']);
    // Each shard alone misses the coverage gate's point: its own coverage is partial.
    for (const s of shards) expect(Number(s.outputs.lines)).toBeLessThan(85);
  });

  it("the report action merges them: one PR comment, the merged section in place of the shards'", () => {
    // unzip-stream (the artifact client's unzipper) still calls Buffer(): Node's deprecation notice is all stderr has.
    const stderr = report.stderr.split('\n').filter((l) => l.trim() && !/DEP0005|--trace-deprecation/.test(l));
    expect(stderr).toEqual([]);
    const comments = github.state.comments('acme', 'app', 7);
    expect(comments).toHaveLength(1);
    const sections = parseSections(comments[0]?.body ?? '');
    expect(sections.map((s) => s.key)).toEqual(['test', 'report']);
    expect(sections[0]?.meta).toMatchObject({ title: 'Test', status: 'fail' });
    expect(sections[0]?.meta?.headline).toMatch(/^lines 85\.00 %, 21 tests, 1 failed, .*4 shards merged$/);
    expect(sections[1]?.meta).toMatchObject({ title: 'Report', status: 'fail', headline: 'blocked: test failed' });
    expect(report.outputs.coverage).toBe('85');
    expect(report.outputs.status).toBe('fail');
    expect(report.exitCode).toBe(1);
  });

  it('one check run named shipkit, concluded failure, with the failed test annotated', () => {
    const runs = github.state.checkRuns('acme', 'app');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      name: 'shipkit',
      headSha: HEAD,
      conclusion: 'failure',
      title: 'blocked: test failed',
    });
    expect(runs[0]?.summary).toMatch(/test: failed-tests/);
    // vitest's JUnit names the file only as the case's class name, and the line only in the stack
    // (`❯ test/x.test.js:7:17`): the failure is placed there.
    expect(runs[0]?.annotations).toContainEqual(
      expect.objectContaining({ annotation_level: 'failure', path: expect.stringMatching(/\.test\.[jt]s$/) }),
    );
    const placed = runs[0]?.annotations.find((a) => a.annotation_level === 'failure');
    expect(placed?.start_line).toBeGreaterThan(0);
    const file = JSON.parse(readFileSync(report.outputs.report ?? '', 'utf8')) as {
      checkRun: { annotationsWithoutFile: number };
    };
    expect(file.checkRun.annotationsWithoutFile).toBe(0);
    expect(report.outputs['check-run-url']).toMatch(/\/runs\/\d+$/);
  });

  it('the job summary, the report file and the badge', () => {
    expect(report.summary).toMatch(/shipkit: blocked: test failed/);
    expect(report.summary).toMatch(/Test \(4 shards merged\)/);
    const file = JSON.parse(readFileSync(report.outputs.report ?? '', 'utf8')) as {
      coverage: { totals: { lines: unknown } };
      shards: string[];
    };
    expect(file.coverage.totals.lines).toEqual({ covered: 102, total: 120, pct: 85 });
    expect(file.shards.sort()).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(readFileSync(report.outputs.badge ?? '', 'utf8')).toMatch(/coverage: 85%/);
  });
});
