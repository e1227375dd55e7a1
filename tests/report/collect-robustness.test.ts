import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { UserError } from '../../src/core/errors.js';
import { collectReports } from '../../src/stages/report/collect.js';
import { readShards } from '../../src/stages/test-stage/shard/read.js';
import { cleanEnv, eventEnv, runReportStage, runTestShard, saveOutcome, tempDir } from './support/stages.js';

/**
 * What the report stage must not do with what it reads: lose a shard without a word (a truncated
 * report, a missing lcov, a symlinked folder), pass a matrix with a job short of shards, or save a
 * baseline from a merge its own shards gate rejects.
 */
function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

/** A project with one source file and one lcov per shard (a.info, b.info, c.info, d.info). */
function project(): string {
  const root = tempDir('robust-project');
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/calc.js'), 'a\nb\nc\nd\n');
  const hits = [
    [1, 1, 0, 0],
    [0, 0, 2, 0],
    [0, 0, 0, 1],
    [1, 0, 0, 0],
  ];
  for (const [i, name] of ['a', 'b', 'c', 'd'].entries())
    writeFileSync(
      path.join(root, `${name}.info`),
      `TN:\nSF:src/calc.js\n${(hits[i] ?? []).map((h, l) => `DA:${l + 1},${h}`).join('\n')}\nend_of_record\n`,
    );
  return root;
}

interface Leg {
  job: string;
  shard: string;
  lcov: string;
}

/** Runs each leg through the test stage and saves it as the stage saves it, one folder per leg. */
async function saveLegs(
  root: string,
  legs: readonly Leg[],
  opts: { env?: Record<string, string>; baselineDir?: string } = {},
): Promise<{ reports: string; dirs: string[] }> {
  const reports = tempDir('robust-reports');
  const dirs: string[] = [];
  for (const [i, leg] of legs.entries()) {
    const outcome = await runTestShard(
      root,
      { coverage: leg.lcov },
      {
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.baselineDir ? { baselineDir: opts.baselineDir } : {}),
        ctx: { run: { job: leg.job, shard: leg.shard } },
      },
    );
    const dir = path.join(reports, `shipkit-test-${leg.job}-${leg.shard.replace('/', '_')}-${i}`);
    saveOutcome(outcome, dir);
    dirs.push(dir);
  }
  return { reports, dirs };
}

const twoShards = (root: string): Leg[] => [
  { job: 'unit', shard: '1/2', lcov: path.join(root, 'a.info') },
  { job: 'unit', shard: '2/2', lcov: path.join(root, 'b.info') },
];

async function cliReport(reports: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { out, io: x } = io();
  const code = await runCli(['report', '--reports', reports], x, undefined, cleanEnv());
  return { code, ...out };
}

describe('a damaged stage report', () => {
  it('a truncated report of a shard is a user error naming the file, not a shard silently dropped', async () => {
    const root = project();
    const { reports, dirs } = await saveLegs(root, twoShards(root));
    const file = path.join(dirs[1] ?? '', 'test-2_2.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));

    const error: unknown = await collectReports(reports).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ location: { input: 'reports', file } });
    expect((error as Error).message).toMatch(/is a shipkit report that is not valid JSON/);

    const run = await cliReport(reports);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('test-2_2.json');
    expect(run.stdout).not.toMatch(/shards merged/);
  });

  it('a truncated report in an artifact folder without its other files is still an error', async () => {
    const reports = tempDir('robust-artifact');
    const dir = path.join(reports, 'shipkit-scan-build');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'scan.json'), '{"schemaVersion": 1, "stage": "sc');
    await expect(collectReports(reports)).rejects.toMatchObject({
      location: { input: 'reports', file: path.join(dir, 'scan.json') },
    });
  });

  it('unparsable JSON files that are not saved stage reports are still ignored', async () => {
    const root = project();
    const { reports } = await saveLegs(root, twoShards(root));
    // A checkout's broken files: not named as a stage saves its report, or named so but alone.
    writeFileSync(path.join(reports, 'package.json'), '{ "name": ');
    writeFileSync(path.join(reports, 'test-results.json'), '{ broken');
    mkdirSync(path.join(reports, 'fixtures'));
    writeFileSync(path.join(reports, 'fixtures/test.json'), '{ broken');
    writeFileSync(path.join(reports, 'fixtures/report.json'), '');
    const collected = await collectReports(reports);
    expect(collected.map((c) => c.report.run.shard)).toEqual(['1/2', '2/2']);
  });
});

describe('a shard whose coverage file is missing', () => {
  it('is a user error naming the missing lcov file, not a merge of fewer lines', async () => {
    const root = project();
    const { reports, dirs } = await saveLegs(root, twoShards(root));
    const lcov = path.join(dirs[1] ?? '', 'test-2_2.coverage.lcov');
    rmSync(lcov);

    const run = await cliReport(reports);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(lcov);
    expect(run.stdout).not.toMatch(/2 of 2 shards merged/);

    // Read directly, without the lcov path given: the file expected beside shard.json is named.
    const json = path.join(dirs[1] ?? '', 'test-2_2.shard.json');
    await expect(readShards([{ json }], { input: 'reports' })).rejects.toMatchObject({
      location: { input: 'reports', file: lcov },
    });
  });
});

describe('the reports input', () => {
  it('pointing at a file is a user error naming the input', async () => {
    const file = path.join(tempDir('robust-file'), 'reports.zip');
    writeFileSync(file, 'PK');
    const error: unknown = await collectReports(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ location: { input: 'reports' } });

    const run = await cliReport(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/reports/);
    expect(run.stderr).not.toMatch(/internal error|ENOTDIR/);
  });

  it('follows symlinked folders and files below the reports directory', async () => {
    const root = project();
    const { reports: elsewhere, dirs } = await saveLegs(root, twoShards(root));
    const reports = tempDir('robust-links');
    symlinkSync(dirs[0] ?? '', path.join(reports, 'leg-1'));
    const second = path.join(reports, 'leg-2');
    mkdirSync(second);
    for (const f of readdirSync(dirs[1] ?? '')) symlinkSync(path.join(dirs[1] ?? '', f), path.join(second, f));
    expect(existsSync(elsewhere)).toBe(true);

    const collected = await collectReports(reports);
    expect(collected.map((c) => c.report.run.shard)).toEqual(['1/2', '2/2']);
    expect(collected[1]?.shard?.lcov).toBe(path.join(second, 'test-2_2.coverage.lcov'));

    const run = await cliReport(reports);
    expect(run.stdout).toMatch(/2 shards merged/);
    expect(run.code).toBe(0);
  });

  it('a dangling link where a stage saved its report is an error naming it, not a report skipped', async () => {
    const reports = tempDir('robust-dangling');
    const dir = path.join(reports, 'shipkit-test-unit-1_2');
    mkdirSync(dir);
    const link = path.join(dir, 'test-1_2.json');
    symlinkSync(path.join(reports, 'gone.json'), link);
    await expect(collectReports(reports)).rejects.toMatchObject({ location: { input: 'reports', file: link } });
  });

  it('a symlink loop is walked once and ends', async () => {
    const root = project();
    const { reports, dirs } = await saveLegs(root, twoShards(root));
    symlinkSync(reports, path.join(dirs[0] ?? '', 'back-to-top'));
    symlinkSync('.', path.join(dirs[1] ?? '', 'self'));
    const collected = await collectReports(reports);
    expect(collected.map((c) => c.report.run.shard)).toEqual(['1/2', '2/2']);
  });
});

describe('the shards gate', () => {
  it('counts shards per job: a job short of a shard fails, naming the job and the shard', async () => {
    const root = project();
    const { reports } = await saveLegs(root, [
      { job: 'unit', shard: '1/2', lcov: path.join(root, 'a.info') },
      { job: 'unit', shard: '2/2', lcov: path.join(root, 'b.info') },
      { job: 'e2e', shard: '1/2', lcov: path.join(root, 'c.info') },
    ]);
    const { report } = await runReportStage(root, { reports });
    const gate = report.gates.find((g) => g.name === 'test: shards');
    expect(gate).toMatchObject({ passed: false, required: 4, actual: 3 });
    expect(gate?.detail).toMatch(/e2e/);
    expect(gate?.detail).toMatch(/2\/2/);
    expect(gate?.detail).not.toMatch(/unit/);
    expect(report.status).toBe('fail');
  });

  it('passes when every job has all its shards', async () => {
    const root = project();
    const { reports } = await saveLegs(root, [
      { job: 'unit', shard: '1/2', lcov: path.join(root, 'a.info') },
      { job: 'unit', shard: '2/2', lcov: path.join(root, 'b.info') },
      { job: 'e2e', shard: '1/2', lcov: path.join(root, 'c.info') },
      { job: 'e2e', shard: '2/2', lcov: path.join(root, 'd.info') },
    ]);
    const { report } = await runReportStage(root, { reports });
    expect(report.gates.find((g) => g.name === 'test: shards')).toMatchObject({
      passed: true,
      required: 4,
      actual: 4,
    });
  });

  it("keeps a single job's messages", async () => {
    const root = project();
    const { reports } = await saveLegs(root, twoShards(root));
    const { report } = await runReportStage(root, { reports });
    expect(report.gates.find((g) => g.name === 'test: shards')?.detail).toBe('2 of 2 shards merged');

    const { reports: short } = await saveLegs(root, [{ job: 'unit', shard: '1/2', lcov: path.join(root, 'a.info') }]);
    const { report: failing } = await runReportStage(root, { reports: short });
    expect(failing.gates.find((g) => g.name === 'test: shards')?.detail).toBe('only 1 of 2 shards saved their results');
  });
});

describe('the coverage baseline', () => {
  it('is not saved from a merge that the shards gate rejects, and the report says so', async () => {
    const root = project();
    const baselineDir = tempDir('robust-baselines');
    const env = eventEnv(
      'push',
      { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40) },
    );
    const { reports } = await saveLegs(
      root,
      [
        { job: 'unit', shard: '1/4', lcov: path.join(root, 'a.info') },
        { job: 'unit', shard: '2/4', lcov: path.join(root, 'b.info') },
      ],
      { env, baselineDir },
    );
    const { report } = await runReportStage(root, { reports }, { env, baselineDir });
    expect(report.gates.find((g) => g.name === 'test: shards')).toMatchObject({ passed: false });
    expect(report.coverage?.baselineSaved ?? null).toBeNull();
    expect(existsSync(path.join(baselineDir, 'coverage', 'main'))).toBe(false);
    expect(report.warnings.join('\n')).toMatch(/baseline of 'main' was not saved.*only 2 of 4 shards/);
  });

  it('is still saved when every shard is there', async () => {
    const root = project();
    const baselineDir = tempDir('robust-baselines');
    const env = eventEnv(
      'push',
      { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'b'.repeat(40) },
    );
    const { reports } = await saveLegs(root, twoShards(root), { env, baselineDir });
    const { report } = await runReportStage(root, { reports }, { env, baselineDir });
    expect(report.coverage?.baselineSaved).toEqual({ branch: 'main', sha: 'b'.repeat(40) });
  });
});
