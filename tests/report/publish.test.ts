import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSections } from '../../src/core/comment/sticky-body.js';
import { githubContextFromEnv } from '../../src/core/github/context-from-env.js';
import { upsertStickySection } from '../../src/core/github/sticky-comment.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { badgeColor } from '../../src/stages/report/badge.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { pullRequestEvent } from '../support/webhook-events.js';
import { cleanEnv, eventEnv, runReportStage, runTestShard, saveOutcome, tempDir } from './support/stages.js';

/**
 * The report stage's own GitHub work against the OpenAPI-checked test server: the merged test
 * section replacing the shards' sections of the PR comment, the check run with every annotation in
 * batches of 50, and the webhook notification (notify-on failure, always, change).
 */
const HEAD = '1'.repeat(40);
const BASE = '2'.repeat(40);
let server: GitHubServer;
let hook: Server;
let hookUrl: string;
let posts: unknown[];

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app');
  server.state.addPull('acme', 'app', { number: 7, headSha: HEAD, baseSha: BASE });
  posts = [];
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posts.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/services/T000/B000/secret`;
});

afterEach(async () => {
  server.assertNoSchemaViolations();
  await server.close();
  hook.closeAllConnections();
  await new Promise((resolve) => hook.close(resolve));
});

const LCOV = (hits: number[]): string =>
  `TN:\nSF:src/calc.js\nFN:1,add\nFNDA:${hits[0]},add\nBRDA:2,0,0,${hits[1]}\nBRDA:2,0,1,${hits[2]}\n${hits.map((h, i) => `DA:${i + 1},${h}`).join('\n')}\nend_of_record\n`;
const JUNIT = (failed: boolean, name: string): string =>
  `<testsuites><testsuite name="calc" tests="2" failures="${failed ? 1 : 0}"><testcase classname="calc" name="${name} works" file="test/calc.test.js" line="3"/>${failed ? `<testcase classname="calc" name="${name} breaks" file="test/calc.test.js" line="9"><failure message="expected 1 to be 2">at test/calc.test.js:9</failure></testcase>` : `<testcase classname="calc" name="${name} also works"/>`}</testsuite></testsuites>`;

const MANY_FAILURES = (n: number, shard: number): string =>
  `<testsuites><testsuite name="many" tests="${n}" failures="${n}">${Array.from(
    { length: n },
    (_, k) =>
      `<testcase classname="many" name="case ${shard}.${k}" file="test/many-${shard}.test.js" line="${k + 1}"><failure message="no">at test/many-${shard}.test.js:${k + 1}</failure></testcase>`,
  ).join('')}</testsuite></testsuites>`;

/** A project with two test shards saved as the report action finds them, plus a scan report with many annotations. */
async function project(opts: {
  failing: boolean;
  scanAnnotations?: number;
  /** Failed tests in each shard, instead of the one of `failing`. */
  failures?: number;
}): Promise<{ root: string; reports: string }> {
  const root = tempDir('report-project');
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/calc.js'), 'a\nb\nc\nd\n');
  const reports = tempDir('reports');
  const shards: [string, number[], boolean][] = [
    ['1/2', [1, 1, 0, 0], opts.failing],
    ['2/2', [0, 0, 1, 1], false],
  ];
  for (const [i, [label, hits, failing]] of shards.entries()) {
    writeFileSync(path.join(root, `lcov-${i}.info`), LCOV(hits));
    writeFileSync(
      path.join(root, `junit-${i}.xml`),
      opts.failures === undefined ? JUNIT(failing, `case ${i}`) : MANY_FAILURES(opts.failures, i),
    );
    const outcome = await runTestShard(
      root,
      { coverage: `lcov-${i}.info`, 'test-results': `junit-${i}.xml` },
      { shard: label },
    );
    saveOutcome(outcome, path.join(reports, `shipkit-test-unit-${i}`));
  }
  if (opts.scanAnnotations !== undefined) {
    const dir = path.join(reports, 'shipkit-scan-scan');
    mkdirSync(dir);
    const now = new Date().toISOString();
    const report = {
      schemaVersion: 1,
      stage: 'scan',
      status: 'fail',
      summary: `${opts.scanAnnotations} findings`,
      startedAt: now,
      finishedAt: now,
      durationMs: 1,
      run: { job: 'scan', url: 'https://github.com/acme/app/actions/runs/1' },
      gates: [],
      warnings: [],
    };
    writeFileSync(path.join(dir, 'scan.json'), JSON.stringify(report));
    const annotations = Array.from({ length: opts.scanAnnotations }, (_, i) => ({
      level: 'warning',
      message: `finding ${i}`,
      title: `CVE-${i}`,
      file: 'package-lock.json',
      startLine: i + 1,
    }));
    annotations.push({ level: 'notice', message: 'a finding with no file', title: 'image' } as never);
    writeFileSync(path.join(dir, 'scan.annotations.json'), JSON.stringify(annotations));
  }
  return { root, reports };
}

function prEnv(extra: Record<string, string> = {}): Record<string, string> {
  return eventEnv(
    'pull_request',
    pullRequestEvent({ owner: 'acme', repo: 'app', number: 7, baseSha: BASE, headSha: HEAD }),
    {
      GITHUB_API_URL: server.url,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: 'f'.repeat(40),
      ...extra,
    },
  );
}

async function report(root: string, inputs: Record<string, string>) {
  const env = prEnv();
  const logger = new MemoryLogger();
  const github = await githubContextFromEnv(cleanEnv(env), logger, 'test-token');
  return runReportStage(root, inputs, { env, ctx: { github, logger } });
}

describe('the report stage on GitHub', () => {
  it("replaces the shards' sections of the PR comment with the merged test section", async () => {
    const { root, reports } = await project({ failing: true });
    const github = await githubContextFromEnv(cleanEnv(prEnv()), new MemoryLogger(), 'test-token');
    if (!github) throw new Error('no github context');
    const ref = { owner: 'acme', repo: 'app', issueNumber: 7 };
    const opts = { logger: new MemoryLogger(), settleMs: [0, 1] as [number, number] };
    for (const key of ['test/1/2', 'test/2/2', 'smoke'])
      await upsertStickySection(
        github.octokit,
        ref,
        { key, markdown: `#### ${key}`, meta: { title: key, status: 'pass', headline: key } },
        opts,
      );

    const { report: r } = await report(root, { reports, 'check-run': 'false' });
    const comments = server.state.comments('acme', 'app', 7);
    expect(comments).toHaveLength(1);
    const sections = parseSections(comments[0]?.body ?? '');
    expect(sections.map((s) => s.key)).toEqual(['test', 'smoke']);
    expect(sections[0]?.meta).toMatchObject({ title: 'Test', status: 'fail' });
    expect(sections[0]?.markdown).toMatch(/2 shards merged/);
    expect(r.stages.find((s) => s.stage === 'test')).toMatchObject({ merged: 2, status: 'fail' });
    // Lines 1-4: shard 1 covered 1-2, shard 2 covered 3-4: 100 % merged, 50 % each.
    expect(r.coverage?.totals.lines).toEqual({ covered: 4, total: 4, pct: 100 });
    expect(r.coverage?.totals.branches).toEqual({ covered: 2, total: 2, pct: 100 });
  }, 60_000);

  it('creates one check run named shipkit with every annotation, 50 per request', async () => {
    const { root, reports } = await project({ failing: true, scanAnnotations: 120 });
    const { report: r, outcome } = await report(root, { reports });
    const runs = server.state.checkRuns('acme', 'app');
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run).toMatchObject({ name: 'shipkit', headSha: HEAD, status: 'completed', conclusion: 'failure' });
    // 120 scan findings + 1 failed test: create with 50, two updates with 50 and 21.
    expect(run?.annotations).toHaveLength(121);
    expect(run?.writes).toBe(3);
    const posted = server.requests.filter((q) => q.operationId?.startsWith('checks/'));
    expect(posted.map((q) => q.operationId)).toEqual(['checks/create', 'checks/update', 'checks/update']);
    for (const q of posted)
      expect(((q.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length).toBeLessThanOrEqual(
        50,
      );
    expect(run?.annotations).toContainEqual(
      expect.objectContaining({ path: 'test/calc.test.js', start_line: 9, annotation_level: 'failure' }),
    );
    expect(r.checkRun).toMatchObject({ conclusion: 'failure', annotations: 121, annotationsWithoutFile: 1 });
    expect(run?.summary).toContain('Scan');
    // The merged test shards' own report (the test stage's summary) is the check's text.
    expect(run?.text).toMatch(/^### Test: .*2 shards merged/);
    expect(outcome.outputs['check-run-url']).toBe(r.checkRun?.url);
  }, 60_000);

  it('annotates every failed test of the merged shards, beyond the 50 a step keeps', async () => {
    const { root, reports } = await project({ failing: true, failures: 60 });
    const { report: r } = await report(root, { reports });
    const run = server.state.checkRuns('acme', 'app')[0];
    // 60 failed tests in each shard: every one at its file and line, 50 a request.
    expect(run?.annotations).toHaveLength(120);
    expect(run?.writes).toBe(3);
    for (const shard of [0, 1])
      expect(run?.annotations).toContainEqual(
        expect.objectContaining({ path: `test/many-${shard}.test.js`, start_line: 60, annotation_level: 'failure' }),
      );
    expect(r.checkRun).toMatchObject({ annotations: 120, annotationsWithoutFile: 0 });
  }, 60_000);

  it('a passing run concludes success; a refused check run fails closed', async () => {
    const { root, reports } = await project({ failing: false });
    const { report: ok } = await report(root, { reports });
    expect(server.state.checkRuns('acme', 'app')[0]?.conclusion).toBe('success');
    expect(ok.status).toBe('pass');

    server.inject({ kind: 'not-accessible-by-integration', path: '/repos/{owner}/{repo}/check-runs' });
    const { report: refused } = await report(root, { reports });
    expect(refused.gates.find((g) => g.name === 'check-run')).toMatchObject({ passed: false });
    expect(refused.status).toBe('fail');
  }, 60_000);

  it('notifies on failure (the default) with each stage and its link; not when it passes', async () => {
    const failing = await project({ failing: true, scanAnnotations: 1 });
    const { report: r } = await report(failing.root, {
      reports: failing.reports,
      'notify-url': hookUrl,
      'check-run': 'false',
    });
    expect(r.notification).toBe('sent');
    expect(posts).toHaveLength(1);
    const message = posts[0] as { text: string; attachments: { title: string; title_link?: string }[] };
    expect(message.text).toMatch(/shipkit failed: acme\/app pull request #7/);
    expect(message.text).toMatch(/Test: .*2 shards merged/);
    expect(message.text).toMatch(/Scan: 1 findings/);
    expect(message.attachments.find((a) => a.title.includes('Scan'))?.title_link).toBe(
      'https://github.com/acme/app/actions/runs/1',
    );
    expect(JSON.stringify(r)).not.toContain('secret');

    const passing = await project({ failing: false });
    const { report: quiet } = await report(passing.root, {
      reports: passing.reports,
      'notify-url': hookUrl,
      'check-run': 'false',
    });
    expect(quiet.notification).toBe('skipped');
    expect(posts).toHaveLength(1);
  }, 60_000);

  it('notify-on change compares with the previous shipkit check run on the base', async () => {
    const passing = await project({ failing: false });
    server.state.addCheckRun('acme', 'app', { name: 'shipkit', headSha: BASE, conclusion: 'success' });
    const same = await report(passing.root, { reports: passing.reports, 'notify-url': hookUrl, 'notify-on': 'change' });
    expect(same.report.notification).toBe('skipped');

    const failing = await project({ failing: true });
    const changed = await report(failing.root, {
      reports: failing.reports,
      'notify-url': hookUrl,
      'notify-on': 'change',
    });
    expect(changed.report.notification).toBe('sent');
    expect(posts).toHaveLength(1);
    expect(server.requests.some((q) => q.operationId === 'checks/list-for-ref' && q.path.includes(BASE))).toBe(true);
  }, 60_000);

  it('an unreachable webhook is a warning, never a failure of the report', async () => {
    const { root, reports } = await project({ failing: true });
    const { report: r } = await report(root, {
      reports,
      'notify-url': 'http://127.0.0.1:9/hook',
      'check-run': 'false',
    });
    expect(r.notification).toBe('failed');
    expect(r.warnings.join('\n')).toMatch(/notify-url webhook could not be reached/);
  }, 60_000);
});

describe('the coverage badge', () => {
  it('is an SVG with the merged headline coverage, coloured by band', async () => {
    const { root, reports } = await project({ failing: false });
    const { report: r, outcome } = await runReportStage(root, { reports, badge: 'out/coverage.svg' });
    const file = path.join(root, 'out/coverage.svg');
    expect(existsSync(file)).toBe(true);
    expect(r.badge).toBe(file);
    expect(outcome.outputs.badge).toBe(file);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*aria-label="coverage: 100%"/);
    expect(svg).toContain('fill="#4c1"');
    expect([95, 85, 75, 65, 55, 10].map((p) => badgeColor(p).name)).toEqual([
      'brightgreen',
      'green',
      'yellowgreen',
      'yellow',
      'orange',
      'red',
    ]);
    expect(badgeColor(undefined).name).toBe('lightgrey');
  }, 60_000);
});
