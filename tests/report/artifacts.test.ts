import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../src/core/logger.js';
import type { StageOutcome } from '../../src/core/outcome.js';
import { artifactName, wantsArtifact } from '../../src/runtime/artifact-names.js';
import { actionArtifactSource, uploadStageArtifact } from '../../src/runtime/artifacts.js';
import {
  startArtifactService,
  startAzurite,
  type ArtifactService,
  type Azurite,
} from '../support/artifact-service/index.js';

/**
 * The runtime's artifact upload and download with the real @actions/artifact client, against a local
 * artifact service (Twirp, checked with the client's own generated types) over Azurite.
 */
let azurite: Azurite;
let service: ArtifactService;
const saved: Record<string, string | undefined> = {};
const ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_WORKSPACE', 'GITHUB_SERVER_URL'];

beforeAll(async () => {
  azurite = await startAzurite();
  service = await startArtifactService(azurite.blobUrl);
  for (const k of ENV) saved[k] = process.env[k];
}, 120_000);

afterAll(async () => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await service?.close();
  await azurite?.stop();
});

function job(runId: string, jobId: string): void {
  process.env.ACTIONS_RUNTIME_TOKEN = service.runtimeToken(runId, jobId);
  process.env.ACTIONS_RESULTS_URL = service.url;
  process.env.GITHUB_WORKSPACE = mkdtempSync(path.join(os.tmpdir(), 'shipkit-ws-'));
  process.env.GITHUB_SERVER_URL = 'https://github.com';
}

function outcome(shard: string | undefined, summary: string): StageOutcome {
  return {
    report: {
      schemaVersion: 1,
      stage: 'test',
      status: 'pass',
      summary,
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: 1,
      run: { job: 'unit', ...(shard ? { shard } : {}) },
      gates: [],
      warnings: [],
    },
    outputs: {},
    summary: [],
    annotations: [{ level: 'error', message: 'boom', file: 'src/a.ts', startLine: 3 }],
    text: '',
    artifacts: [{ name: 'coverage.lcov', data: () => 'TN:\nSF:src/a.ts\nDA:3,0\nend_of_record\n' }],
  };
}

describe('stage artifacts through @actions/artifact', () => {
  it('uploads when SHIPKIT_SHARD or artifact: true asks for it, under shipkit-<stage>-<job>[-<step>][-<shard>]', () => {
    expect(wantsArtifact({})).toBe(false);
    expect(wantsArtifact({ SHIPKIT_SHARD: '2/4' })).toBe(true);
    expect(wantsArtifact({ INPUT_ARTIFACT: 'true' })).toBe(true);
    expect(wantsArtifact({ INPUT_ARTIFACT: 'false' })).toBe(false);
    expect(artifactName(outcome('2/4', ''), { GITHUB_JOB: 'unit' })).toBe('shipkit-test-unit-2_4');
    expect(artifactName(outcome(undefined, ''), { GITHUB_JOB: 'unit' })).toBe('shipkit-test-unit');
    // Two steps of one action in a job (a scan of the backend image, then of the frontend) keep two
    // reports: the first unnamed step keeps the short name, the next and any step with an id add it.
    const job = { GITHUB_JOB: 'security' };
    expect(artifactName(outcome(undefined, ''), { ...job, GITHUB_ACTION: '__acme_shipkit' })).toBe(
      'shipkit-test-security',
    );
    expect(artifactName(outcome(undefined, ''), { ...job, GITHUB_ACTION: '__acme_shipkit_2' })).toBe(
      'shipkit-test-security-__acme_shipkit_2',
    );
    expect(artifactName(outcome('1/2', ''), { ...job, GITHUB_ACTION: 'scan-api' })).toBe(
      'shipkit-test-security-scan-api-1_2',
    );
  });

  it('uploads two shards from two jobs and downloads both, with the report, annotations and coverage', async () => {
    const logger = new MemoryLogger();
    job('run-1', 'job-a');
    await uploadStageArtifact(
      outcome('1/2', 'first'),
      { GITHUB_JOB: 'unit', RUNNER_TEMP: os.tmpdir() },
      logger,
      (t) => t,
    );
    job('run-1', 'job-b');
    await uploadStageArtifact(
      outcome('2/2', 'second'),
      { GITHUB_JOB: 'unit', RUNNER_TEMP: os.tmpdir() },
      logger,
      (t) => t,
    );
    // Another run's artifact is not this run's.
    job('run-2', 'job-c');
    await uploadStageArtifact(
      outcome('1/2', 'other run'),
      { GITHUB_JOB: 'unit', RUNNER_TEMP: os.tmpdir() },
      logger,
      (t) => t,
    );
    expect(logger.lines.filter((e) => e.level === 'warning')).toEqual([]);
    expect(service.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['CreateArtifact', 'FinalizeArtifact']));

    job('run-1', 'job-report');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-dl-'));
    const got = await actionArtifactSource(logger).download('shipkit-', dir);
    expect(got.map((g) => g.name)).toEqual(['shipkit-test-unit-1_2', 'shipkit-test-unit-2_2']);
    const first = got[0]?.dir ?? '';
    expect(readdirSync(first).sort()).toEqual(['test-1_2.annotations.json', 'test-1_2.coverage.lcov', 'test-1_2.json']);
    expect(JSON.parse(readFileSync(path.join(first, 'test-1_2.json'), 'utf8')).summary).toBe('first');
    expect(readFileSync(path.join(first, 'test-1_2.coverage.lcov'), 'utf8')).toContain('DA:3,0');
    expect(service.calls.some((c) => c.method === 'GetSignedArtifactURL')).toBe(true);
  }, 120_000);

  it('replaces the artifact of a re-run job (same name) instead of failing', async () => {
    const logger = new MemoryLogger();
    job('run-3', 'job-a');
    await uploadStageArtifact(
      outcome('1/1', 'attempt 1'),
      { GITHUB_JOB: 'unit', RUNNER_TEMP: os.tmpdir() },
      logger,
      (t) => t,
    );
    job('run-3', 'job-a2');
    await uploadStageArtifact(
      outcome('1/1', 'attempt 2'),
      { GITHUB_JOB: 'unit', RUNNER_TEMP: os.tmpdir(), GITHUB_RUN_ATTEMPT: '2' },
      logger,
      (t) => t,
    );
    expect(logger.lines.filter((e) => e.level === 'warning')).toEqual([]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-dl-'));
    const got = await actionArtifactSource(logger).download('shipkit-', dir);
    expect(got).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(got[0]?.dir ?? '', 'test-1_1.json'), 'utf8')).summary).toBe('attempt 2');
  }, 120_000);

  it('two steps of one action in a job keep two artifacts; matrix legs sharing a name are warned about', async () => {
    const logger = new MemoryLogger();
    job('run-4', 'job-scan');
    for (const [step, summary] of [
      ['__acme_shipkit', 'backend image'],
      ['__acme_shipkit_2', 'frontend image'],
    ])
      await uploadStageArtifact(
        outcome(undefined, summary),
        { GITHUB_JOB: 'security', GITHUB_ACTION: step, RUNNER_TEMP: os.tmpdir() },
        logger,
        (t) => t,
      );
    expect(logger.lines.filter((e) => e.level === 'warning')).toEqual([]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-dl-'));
    const got = await actionArtifactSource(logger).download('shipkit-', dir);
    expect(got.map((g) => g.name)).toEqual(['shipkit-test-security', 'shipkit-test-security-__acme_shipkit_2']);

    // Two legs of a matrix (same job, same step, no SHIPKIT_SHARD) in a first attempt: the second replaces the first, and says how to keep both.
    job('run-5', 'job-leg-1');
    const leg = { GITHUB_JOB: 'security', GITHUB_ACTION: '__acme_shipkit', RUNNER_TEMP: os.tmpdir() };
    await uploadStageArtifact(outcome(undefined, 'leg 1'), leg, logger, (t) => t);
    job('run-5', 'job-leg-2');
    await uploadStageArtifact(outcome(undefined, 'leg 2'), leg, logger, (t) => t);
    expect(logger.lines.find((e) => e.level === 'warning')?.message).toMatch(
      /artifact shipkit-test-security already exists: replaced.*set SHIPKIT_SHARD to each leg's name/,
    );
  }, 120_000);

  it('a service that refuses the upload is a warning, not a crash', async () => {
    const logger = new MemoryLogger();
    process.env.ACTIONS_RUNTIME_TOKEN = 'not-a-jwt';
    process.env.ACTIONS_RESULTS_URL = service.url;
    await uploadStageArtifact(outcome('1/1', 'x'), { GITHUB_JOB: 'unit', RUNNER_TEMP: os.tmpdir() }, logger, (t) => t);
    expect(logger.lines.find((e) => e.level === 'warning')?.message).toMatch(
      /Could not upload the artifact shipkit-test-unit-1_1/,
    );
  }, 60_000);
});
