import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubContext } from '../../src/core/github/context.js';
import { createOctokit } from '../../src/core/github/octokit.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { runReportStage, tempDir } from '../report/support/stages.js';

/**
 * The report stage when its own writes fail: the check run that cannot be written fails the report,
 * and its headline, summary and outputs say so (with a hint, as other service errors have); a
 * notification that cannot be sent is a warning the log shows.
 */
const HEAD = '1'.repeat(40);
let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer();
  server.state.addRepo('acme', 'app');
});

afterEach(async () => {
  await server.close();
});

/** A reports directory with one passing stage report, as the report action downloads it. */
function passingReports(): string {
  const reports = tempDir('reports');
  const dir = path.join(reports, 'shipkit-smoke-smoke');
  mkdirSync(dir);
  const now = new Date().toISOString();
  writeFileSync(
    path.join(dir, 'smoke.json'),
    JSON.stringify({
      schemaVersion: 1,
      stage: 'smoke',
      status: 'pass',
      summary: '3 checks passed',
      startedAt: now,
      finishedAt: now,
      durationMs: 1,
      run: { job: 'smoke' },
      gates: [],
      warnings: [],
    }),
  );
  return reports;
}

/** A local port nothing listens on (port 9 would be refused by fetch itself as a 'bad port'). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function github(repo: string, baseUrl: string, logger: MemoryLogger): GitHubContext {
  return {
    octokit: createOctokit({ token: 'test-token', baseUrl, logger, retries: 0 }),
    owner: 'acme',
    repo,
    serverUrl: 'https://github.com',
    eventName: 'push',
    event: {},
    sha: HEAD,
  };
}

async function runWith(gh: GitHubContext, logger: MemoryLogger, inputs: Record<string, string> = {}) {
  const root = tempDir('report-root');
  return runReportStage(root, { reports: passingReports(), ...inputs }, { ctx: { github: gh, logger } });
}

describe('a check run that cannot be written', () => {
  it('fails the report, and the headline, summary and outputs say what failed, with the permission hint', async () => {
    const logger = new MemoryLogger();
    // No such repository on the server: GitHub answers 404 Not Found, as it does for a token without access.
    const { outcome, report } = await runWith(github('missing', server.url, logger), logger);
    expect(report.status).toBe('fail');
    expect(outcome.outputs).toMatchObject({ passed: false, status: 'fail' });
    expect(report.summary).toMatch(/^blocked: the check run could not be written: .*Not Found/);
    expect(report.summary).toMatch(/checks: write/);
    expect(outcome.comment?.headline).toBe(report.summary);
    const heading = outcome.summary[0]?.markdown.split('\n')[0] ?? '';
    expect(heading).toMatch(/❌/);
    expect(heading).not.toMatch(/✅|ready/);
    expect(report.gates.find((g) => g.name === 'check-run')?.detail).toMatch(/checks: write/);
  });

  it('an unreachable GitHub API is one line naming GITHUB_API_URL', async () => {
    const logger = new MemoryLogger();
    const api = `http://127.0.0.1:${await closedPort()}`;
    const { report } = await runWith(github('app', api, logger), logger);
    expect(report.status).toBe('fail');
    const detail = report.gates.find((g) => g.name === 'check-run')?.detail ?? '';
    expect(detail).toMatch(/cannot reach the GitHub API/);
    expect(detail).toMatch(/GITHUB_API_URL/);
    expect(detail).toContain(api);
    expect(detail).not.toMatch(/\n/);
    expect(report.summary).toMatch(/^blocked: the check run could not be written/);
  });
});

describe('a notification that cannot be sent', () => {
  it('is a warning in the log as well as in the report', async () => {
    const logger = new MemoryLogger();
    const { report } = await runWith(github('app', server.url, logger), logger, {
      'notify-url': 'http://127.0.0.1:9/hook',
      'notify-on': 'always',
    });
    expect(report.notification).toBe('failed');
    expect(report.status).toBe('warn');
    expect(report.warnings.join('\n')).toMatch(/notify-url webhook could not be reached/);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/notify-url webhook could not be reached/),
      }),
    );
  });
});
