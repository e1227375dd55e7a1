import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportReport } from '../../src/stages/report/report-schema.js';
import type { TestReport } from '../../src/stages/test-stage/report-schema.js';
import { assertReportMatches } from '../../src/core/report/schema.js';
import { execTool, spawnTool } from '../support/run-tool.js';
import {
  eventEnv,
  hasTool,
  lcovAdd,
  REPO,
  runReportStage,
  runTestShard,
  saveOutcome,
  tempDir,
} from './support/stages.js';

/**
 * Real shards of real tools: a vitest suite run as `vitest --shard=i/4 --coverage` and a pytest suite
 * split by file under pytest-cov, each shard read by the test stage as a matrix job would, merged by
 * the report stage, and compared with Debian's `lcov -a` over the same shard lcov files (and, for
 * coverage.py's lcov 2 records that lcov 1.x misreads, with `coverage combine`).
 */
const VITEST_PROJECT = path.join(REPO, 'tests/fixtures/projects/report-vitest');
const PYTEST_PROJECT = path.join(REPO, 'tests/fixtures/projects/report-pytest');
const hasLcov = hasTool('lcov', ['--version']);
const hasPytestCov = spawnSync('python3', ['-c', 'import pytest_cov'], { stdio: 'ignore' }).status === 0;

interface Shard {
  label: string;
  lcov: string;
  junit: string;
}

async function vitestShards(): Promise<Shard[]> {
  const out = tempDir('vitest-shards');
  const shards: Shard[] = [];
  for (const i of [1, 2, 3, 4]) {
    const dir = path.join(out, `s${i}`);
    // A shard with a failing test exits 1: its reports are what matter here.
    await spawnTool(
      process.execPath,
      [
        path.join(REPO, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        VITEST_PROJECT,
        '--config',
        'vitest.config.mjs',
        `--shard=${i}/4`,
        '--coverage.enabled',
        `--coverage.reportsDirectory=${dir}`,
        '--reporter=junit',
        `--outputFile.junit=${path.join(dir, 'junit.xml')}`,
      ],
      { cwd: VITEST_PROJECT, timeout: 180_000 },
    );
    shards.push({ label: `${i}/4`, lcov: path.join(dir, 'lcov.info'), junit: path.join(dir, 'junit.xml') });
  }
  return shards;
}

async function pytestShards(): Promise<{ shards: Shard[]; dataFiles: string[] }> {
  const out = tempDir('pytest-shards');
  const files = ['test_a.py', 'test_b.py', 'test_c.py', 'test_d.py'];
  const dataFiles: string[] = [];
  const shards: Shard[] = [];
  for (const [i, file] of files.entries()) {
    const data = path.join(out, `.coverage.${i + 1}`);
    dataFiles.push(data);
    const lcov = path.join(out, `s${i + 1}.lcov`);
    const junit = path.join(out, `s${i + 1}.xml`);
    await spawnTool(
      'python3',
      [
        '-m',
        'pytest',
        '-q',
        '-p',
        'no:cacheprovider',
        `tests/${file}`,
        '--cov=shop',
        '--cov-branch',
        `--cov-report=lcov:${lcov}`,
        `--junitxml=${junit}`,
      ],
      { cwd: PYTEST_PROJECT, timeout: 180_000, env: { ...process.env, COVERAGE_FILE: data } },
    );
    shards.push({ label: `${i + 1}/4`, lcov, junit });
  }
  return { shards, dataFiles };
}

async function mergeThroughStages(
  project: string,
  shards: readonly Shard[],
  reportInputs: Record<string, string> = {},
) {
  const reports = tempDir('reports');
  const perShard: TestReport[] = [];
  for (const [i, s] of shards.entries()) {
    const outcome = await runTestShard(project, { coverage: s.lcov, 'test-results': s.junit }, { shard: s.label });
    perShard.push(outcome.report as TestReport);
    saveOutcome(outcome, path.join(reports, `shipkit-test-unit-${i + 1}`));
  }
  const { report, outcome } = await runReportStage(project, { reports, ...reportInputs });
  assertReportMatches(ReportReport, report);
  return { report, outcome, perShard, reports };
}

describe.skipIf(!hasLcov)('merging real vitest shards (vitest --shard=i/4 --coverage)', () => {
  let shards: Shard[];
  beforeAll(async () => {
    shards = await vitestShards();
  }, 600_000);

  it('gives the totals of lcov -a over the shards, and sums the test results', async () => {
    const lcov = lcovAdd(shards.map((s) => s.lcov));
    const { report, perShard } = await mergeThroughStages(VITEST_PROJECT, shards);
    const totals = report.coverage?.totals;
    expect(lcov.lines?.total).toBeGreaterThan(0);
    expect({ covered: totals?.lines?.covered, total: totals?.lines?.total }).toEqual(lcov.lines);
    expect({ covered: totals?.functions?.covered, total: totals?.functions?.total }).toEqual(lcov.functions);
    expect({ covered: totals?.branches?.covered, total: totals?.branches?.total }).toEqual(lcov.branches);
    // Each shard alone covers less than the merge (the point of merging).
    for (const s of perShard) expect(s.coverage.totals.lines?.covered ?? 0).toBeLessThan(totals?.lines?.covered ?? 0);
    const sum = (k: 'total' | 'passed' | 'failed' | 'skipped') => perShard.reduce((n, s) => n + (s.tests?.[k] ?? 0), 0);
    expect(report.tests).toMatchObject({
      total: sum('total'),
      passed: sum('passed'),
      failed: sum('failed'),
      skipped: sum('skipped'),
    });
    expect(report.tests?.failed).toBe(1);
    expect(report.tests?.failures[0]).toMatchObject({ name: 'a deliberate failure', classname: 'test/m5.test.js' });
    expect(report.shards).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(report.gates.find((g) => g.name === 'test: shards')).toMatchObject({ passed: true, actual: 4, required: 4 });
  }, 120_000);

  it("evaluates the test gates again on the merged data (the report inputs, else the shards' own)", async () => {
    const lines = lcovAdd(shards.map((s) => s.lcov)).lines;
    const pct = ((lines?.covered ?? 0) / (lines?.total ?? 1)) * 100;
    const { report } = await mergeThroughStages(VITEST_PROJECT, shards, {
      'min-lines': String(Math.floor(pct) + 1),
      'min-functions': '10',
      'path-thresholds': '"**/src/m1.js": 99\n"**/src/m2.js": 1',
    });
    const gate = (name: string) => report.gates.find((g) => g.name === `test: ${name}`);
    expect(gate('min-lines')).toMatchObject({ passed: false, actual: Math.round(pct * 100) / 100 });
    expect(gate('min-functions')?.passed).toBe(true);
    expect(gate('path **/src/m1.js lines')?.passed).toBe(false);
    expect(gate('path **/src/m2.js lines')?.passed).toBe(true);
    expect(gate('failed-tests')).toMatchObject({ passed: false, actual: 1 });
    expect(report.status).toBe('fail');
    expect(report.stages).toEqual([expect.objectContaining({ stage: 'test', status: 'fail', merged: 4 })]);
  }, 120_000);

  it('a missing shard fails closed', async () => {
    const { report } = await mergeThroughStages(VITEST_PROJECT, shards.slice(0, 3));
    expect(report.gates.find((g) => g.name === 'test: shards')).toMatchObject({
      passed: false,
      actual: 3,
      required: 4,
    });
    expect(report.status).toBe('fail');
  }, 120_000);

  it('saves the baseline from the merged data on a push to the default branch (the shards save none)', async () => {
    const baselineDir = tempDir('baselines');
    const env = eventEnv(
      'push',
      { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      {
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: 'a'.repeat(40),
      },
    );
    const reports = tempDir('reports');
    for (const [i, s] of shards.entries()) {
      const outcome = await runTestShard(
        VITEST_PROJECT,
        { coverage: s.lcov, 'test-results': s.junit },
        { shard: s.label, env, baselineDir },
      );
      saveOutcome(outcome, path.join(reports, `s${i}`));
    }
    expect(readdirSync(baselineDir)).toEqual([]);
    const { report } = await runReportStage(VITEST_PROJECT, { reports }, { env, baselineDir });
    expect(report.coverage?.baselineSaved).toEqual({ branch: 'main', sha: 'a'.repeat(40) });
    const folder = path.join(baselineDir, 'coverage', 'main');
    const saved = JSON.parse(readFileSync(path.join(folder, readdirSync(folder)[0] ?? ''), 'utf8')) as {
      totals: unknown;
    };
    expect(saved.totals).toEqual(report.coverage?.totals);
  }, 120_000);
});

describe.skipIf(!hasLcov || !hasPytestCov)('merging real pytest-cov shards (split by test file)', () => {
  it('gives the line totals of lcov -a and the line and branch totals of coverage combine', async () => {
    const { shards, dataFiles } = await pytestShards();
    const { report, perShard } = await mergeThroughStages(PYTEST_PROJECT, shards);
    const totals = report.coverage?.totals;
    expect({ covered: totals?.lines?.covered, total: totals?.lines?.total }).toEqual(
      lcovAdd(shards.map((s) => s.lcov)).lines,
    );

    // coverage.py writes lcov 2 records (FN:start,end,name; BRDA ids as text) that lcov 1.x misreads:
    // its own merge of the shards' data files is the reference for branches.
    const combined = path.join(tempDir('coverage-combine'), '.coverage');
    const env = { ...process.env, COVERAGE_FILE: combined };
    await execTool('python3', ['-m', 'coverage', 'combine', '--keep', ...dataFiles], { cwd: PYTEST_PROJECT, env });
    const json = path.join(path.dirname(combined), 'coverage.json');
    await execTool('python3', ['-m', 'coverage', 'json', '-o', json], { cwd: PYTEST_PROJECT, env });
    const cov = JSON.parse(readFileSync(json, 'utf8')) as {
      totals: { covered_lines: number; num_statements: number; covered_branches: number; num_branches: number };
    };
    expect(totals?.lines).toMatchObject({ covered: cov.totals.covered_lines, total: cov.totals.num_statements });
    expect(totals?.branches).toMatchObject({ covered: cov.totals.covered_branches, total: cov.totals.num_branches });
    expect(totals?.functions?.total).toBe(18);

    const sum = (k: 'total' | 'failed' | 'skipped') => perShard.reduce((n, s) => n + (s.tests?.[k] ?? 0), 0);
    expect(report.tests).toMatchObject({ total: sum('total'), failed: 1, skipped: 1 });
    expect(sum('failed')).toBe(1);
  }, 300_000);
});
