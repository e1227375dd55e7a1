import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { asServiceError, ServiceError, UserError } from '../../src/core/errors.js';
import { classifyFailure, failureOutcome } from '../../src/core/failure.js';
import { createOctokit } from '../../src/core/github/octokit.js';
import { MemoryLogger } from '../../src/core/logger.js';
import { assertReportMatches, BaseReportSchema } from '../../src/core/report/schema.js';
import { startGitHubServer } from '../support/github-server/index.js';

/** A port that nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('errors that are the user’s to fix', () => {
  it('a refused connection (fetch) is one line naming the address, with a hint', async () => {
    const port = await closedPort();
    const error = await caught(() => fetch(`http://127.0.0.1:${port}/health`));
    const service = asServiceError(error, { service: 'the deployment', input: 'url' });
    expect(service).toBeInstanceOf(ServiceError);
    expect(service?.describe()).toBe(
      `cannot reach the deployment at 127.0.0.1:${port}: connection refused (input 'url'). Check that the server is running and that the address is right (and reachable from this runner).`,
    );
  });

  it('a refused connection through Octokit is not "GitHub kept failing" but the network error', async () => {
    const port = await closedPort();
    const octokit = createOctokit({ token: 't', baseUrl: `http://127.0.0.1:${port}`, logger: new MemoryLogger() });
    octokit.hook.before('request', (options) => {
      // No retries here: the classification is what is tested, not the retry plugin's patience.
      (options.request as { retries?: number }).retries = 0;
    });
    const error = await caught(() => octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }));
    const failure = classifyFailure(error);
    expect(failure.kind).toBe('service');
    expect(failure.message).toMatch(/^cannot reach a server at 127\.0\.0\.1:\d+: connection refused$/);
    expect(failure.exitCode).toBe(1);
  });

  it('a port fetch refuses ("bad port") says so, not "GitHub kept failing"; each failed attempt is logged', async () => {
    const logger = new MemoryLogger();
    // Port 1 is one of fetch's "bad ports": it fails before any connection, with no error code.
    const octokit = createOctokit({ token: 't', baseUrl: 'http://127.0.0.1:1', logger, retries: 1 });
    const error = await caught(() => octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }));
    const failure = classifyFailure(error);
    expect(failure.kind).toBe('service');
    expect(failure.message).toMatch(/port that fetch refuses to use/);
    expect(failure.message).not.toMatch(/kept failing/);
    // The first attempt and the retry each said so as they failed: a retried request never looks hung.
    const said = logger.lines.filter((l) =>
      /GitHub API GET http:\/\/127\.0\.0\.1:1\/repos\/o\/r failed/.test(l.message),
    );
    expect(said).toHaveLength(2);
  });

  it('a token GitHub rejects (401) names github-token', async () => {
    const github = await startGitHubServer({ tokens: { good: { login: 'bot', type: 'Bot' } } });
    try {
      github.state.addRepo('o', 'r');
      const octokit = createOctokit({ token: 'bad-token', baseUrl: github.url, logger: new MemoryLogger() });
      const error = await caught(() => octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }));
      const service = asServiceError(error);
      expect(service?.message).toMatch(/^GitHub rejected the token \(HTTP 401/);
      expect(service?.input).toBe('github-token');
    } finally {
      await github.close();
    }
  });

  it('a host that does not resolve is "host not found" (or a DNS failure offline)', async () => {
    const error = await caught(() => fetch('http://shipkit-does-not-exist.invalid/'));
    expect(asServiceError(error)?.message).toMatch(
      /cannot reach a server at shipkit-does-not-exist\.invalid: (host not found|DNS lookup failed)/,
    );
  });

  it('a UserError is a usage failure with exit code 2; a bug is internal with its stack', () => {
    const usage = classifyFailure(new UserError("input 'min-lines' must be a number", { input: 'min-lines' }));
    expect(usage).toMatchObject({ kind: 'usage', exitCode: 2, input: 'min-lines' });
    const bug = classifyFailure(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(bug.kind).toBe('internal');
    expect(bug.stack).toContain('TypeError');
    expect(bug.exitCode).toBe(1);
  });
});

describe('the outcome of a failed run', () => {
  it('is a report that matches the common schema, with the error, the outputs that fail closed and a comment', () => {
    const failure = classifyFailure(
      new UserError('checks file not found', { input: 'checks', file: 'smoke.yml', line: 3 }),
    );
    const outcome = failureOutcome(
      { name: 'approve', title: 'Approve' },
      failure,
      new Date(),
      {},
      {
        approved: 'false',
        decision: 'error',
      },
    );
    assertReportMatches(BaseReportSchema, outcome.report);
    expect(outcome.report).toMatchObject({
      stage: 'approve',
      status: 'fail',
      error: { kind: 'usage', input: 'checks', file: 'smoke.yml', line: 3 },
    });
    expect(outcome.outputs).toEqual({ approved: 'false', decision: 'error' });
    expect(outcome.comment?.headline).toBe('did not run: a problem in the inputs');
    expect(outcome.annotations[0]).toMatchObject({ level: 'error', file: 'smoke.yml', startLine: 3 });
  });
});

describe('what a stage says it talks to', () => {
  it('names the server and the input in a refused connection', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const error = await caught(() => fetch(`http://127.0.0.1:${port}/`));
    const failure = classifyFailure(error, undefined, { name: 'the database', input: 'database-url' });
    expect(failure.message).toBe(`cannot reach the database at 127.0.0.1:${port}: connection refused`);
    expect(failure.input).toBe('database-url');
  });
});

describe('a markup cell in a table', () => {
  it('keeps a pipe inside inline code from splitting the row', async () => {
    const { table, code } = await import('../../src/core/markdown.js');
    const { parseBlocks } = await import('../support/markdown.js');
    const md = table(['sql', 'n'], [[{ markdown: code("SELECT 'a|b'") }, '1']]);
    expect(parseBlocks(md)[0]).toEqual({ type: 'table', header: ['sql', 'n'], rows: [["SELECT 'a|b'", '1']] });
  });
});
