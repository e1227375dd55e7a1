import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.js';
import { createOctokit } from '../../src/core/github/octokit.js';
import { silentLogger } from '../../src/core/logger.js';
import { buildReport } from '../../src/core/report/index.js';
import { resolveApprovers } from '../../src/stages/approve/approvers.js';
import { changesSinceLastDeployment } from '../../src/stages/approve/changes.js';
import { readEarlierReports } from '../../src/stages/approve/earlier-reports.js';
import type { GitHubServer } from '../support/github-server/index.js';
import { stageContext } from '../support/stage-context.js';
import { NO_MEMBERS_TOKEN, OWNER, REPO, TOKEN, world } from './harness.js';

let server: GitHubServer;
beforeAll(async () => {
  server = await world();
});
afterAll(async () => {
  server.assertNoSchemaViolations();
  await server.close();
});

const octokit = (token = TOKEN) =>
  createOctokit({ token, baseUrl: server.url, logger: silentLogger, throttleId: `approve-${token}` });

describe('approvers', () => {
  it('resolves users and every page of a team, without bots, and assigns at most 10', async () => {
    const members = Array.from({ length: 130 }, (_, i) => `member-${i}`);
    server.state.addUser('ci-bot[bot]', { type: 'Bot' });
    server.state.addTeam(OWNER, 'big', [...members, 'ci-bot[bot]']);
    const r = await resolveApprovers(octokit(), [
      { kind: 'user', login: 'Alice' },
      { kind: 'team', org: OWNER, slug: 'big' },
      { kind: 'team', org: OWNER, slug: 'release' },
    ]);
    expect(r.eligible.size).toBe(1 + 130 + 2); // alice once (also in release), bob, carol
    expect(r.eligible.get('alice')).toBe('Alice');
    expect(r.eligible.has('ci-bot[bot]')).toBe(false);
    expect(r.teams.get(`${OWNER}/big`)).toHaveLength(130);
    expect(r.assignees).toHaveLength(10);
    expect(r.assignees[0]).toBe('Alice');
  });

  it('explains a team that cannot be read (403) or does not exist (404)', async () => {
    const denied = resolveApprovers(octokit(NO_MEMBERS_TOKEN), [{ kind: 'team', org: OWNER, slug: 'release' }]);
    await expect(denied).rejects.toThrow(ServiceError);
    await expect(denied).rejects.toThrow(`cannot list the members of team '${OWNER}/release' (HTTP 403`);
    await expect(denied).rejects.toMatchObject({
      input: 'approvers',
      hint: expect.stringContaining('"Members: read"'),
    });
    await expect(resolveApprovers(octokit(), [{ kind: 'team', org: OWNER, slug: 'nope' }])).rejects.toThrow(/HTTP 404/);
  });
});

describe('changes since the last deployment', () => {
  const repo = () => ({ octokit: octokit(), owner: OWNER, repo: REPO, serverUrl: 'https://github.com' });
  /** A deployment to `environment` with one status, put straight into the server's state (the API throttles writes to one a second). */
  const deploy = (environment: string, state: 'success' | 'failure') => {
    const at = server.state.now();
    const id = server.state.newId();
    const sha = server.state.resolveRef(OWNER, REPO, 'main');
    const common = { environment, creator: 'alice', description: '', createdAt: at };
    server.state.deployments(OWNER, REPO).push({
      ...common,
      id,
      sha,
      ref: 'main',
      task: 'deploy',
      payload: {},
      transientEnvironment: false,
      productionEnvironment: false,
      updatedAt: at,
    });
    server.state.deploymentStatuses(OWNER, REPO).push({
      ...common,
      id: server.state.newId(),
      deploymentId: id,
      state,
      targetUrl: '',
      logUrl: '',
      environmentUrl: '',
    });
  };

  it('says when there was no successful deployment yet', async () => {
    expect(await changesSinceLastDeployment(repo(), 'qa', 'main')).toEqual({ kind: 'first-deployment' });
    deploy('staging', 'failure');
    expect(await changesSinceLastDeployment(repo(), 'staging', 'main')).toEqual({ kind: 'first-deployment' });
  });

  it('does not call it a first deployment when only the newest 30 were read and none succeeded', async () => {
    deploy('prod', 'success');
    for (let i = 0; i < 30; i++) deploy('prod', 'failure');
    expect(await changesSinceLastDeployment(repo(), 'prod', 'main')).toEqual({
      kind: 'unavailable',
      reason: 'none of the newest 30 deployments to prod succeeded',
    });
  });
});

describe('earlier stage reports', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'approve-reports-'));
  mkdirSync(path.join(dir, 'nested'));
  const report = (stage: 'test' | 'smoke' | 'approve', passed: boolean) =>
    JSON.stringify(
      buildReport({
        stage,
        startedAt: new Date(),
        summary: `${stage} summary`,
        gates: [{ name: 'g', passed, required: 1, actual: passed ? 1 : 0 }],
      }),
    );
  writeFileSync(path.join(dir, 'test.json'), report('test', true));
  writeFileSync(path.join(dir, 'nested', 'smoke.json'), report('smoke', false));
  writeFileSync(path.join(dir, 'approve.json'), report('approve', true));
  writeFileSync(path.join(dir, 'broken.json'), '{');
  writeFileSync(path.join(dir, 'notes.txt'), 'x');

  it('reads the reports a glob matches, skipping itself and warning about non-reports', async () => {
    const warnings: string[] = [];
    const stages = await readEarlierReports(`${dir}/**/*.json`, '/', (w) => warnings.push(w));
    expect(stages.map((s) => [s.stage, s.status, s.failedGates])).toEqual([
      ['smoke', 'fail', ['g']],
      ['test', 'pass', []],
    ]);
    expect(warnings).toEqual([expect.stringContaining('broken.json is not a shipkit stage report')]);
  });

  it('reads a directory, resolves relative patterns from cwd, and is quiet when nothing is there', async () => {
    const warn = (): void => undefined;
    expect((await readEarlierReports(dir, '/', warn)).map((s) => s.stage)).toEqual(['test']);
    expect((await readEarlierReports('nested/*.json', dir, warn)).map((s) => s.stage)).toEqual(['smoke']);
    expect(await readEarlierReports(path.join(dir, 'missing', '*.json'), '/', warn)).toEqual([]);
  });
});

describe('a gate that could never pass', () => {
  it('is refused before any issue is opened', async () => {
    const { runApprove } = await import('../../src/stages/approve/run.js');
    const { readApproveOptions } = await import('../../src/stages/approve/options.js');
    const { InputReader, mapSource } = await import('../../src/core/inputs.js');
    const options = readApproveOptions(
      new InputReader(mapSource({ approvers: 'octocat, alice', 'min-approvals': '2' }, 'input')),
    );
    const ctx = stageContext({
      cwd: '/',
      env: {},
      github: {
        octokit: octokit(),
        owner: OWNER,
        repo: REPO,
        serverUrl: 'https://github.com',
        eventName: 'push',
        event: {},
        actor: 'octocat',
        sha: 'a'.repeat(40),
      },
    });
    await expect(runApprove(options, ctx)).rejects.toThrow(
      'min-approvals is 2, but only 1 approver is left once @octocat, who started the run, is left out',
    );
    expect(server.state.issues(OWNER, REPO)).toEqual([]);
  });
});
