// approve, on the test GitHub API server:
// 1. What waiting for an approval costs: rate limit and time per poll of an issue with many comments,
//    shipkit's conditional all-pages reads against unconditional reads and a first-page-only reader
//    (the trstringer/manual-approval approach).
// 2. How fast the step starts and ends, as the runner runs dist/approve/index.js: its first output
//    line (goal ≤ 150 ms), its first API request, and the time from the decision to the process's
//    exit (goal ≤ 2 s), also when every poll is rate limited with a retry-after of an hour.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOctokit } from '../src/core/github/octokit.js';
import { silentLogger } from '../src/core/logger.js';
import { CommentFeed } from '../src/stages/approve/comment-feed.js';
import { startBundle } from '../tests/support/action-runner.js';
import { startGitHubServer, type GitHubServer } from '../tests/support/github-server/index.js';
import type { BenchTable } from './types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUNDLE = path.join(ROOT, 'dist/approve/index.js');
const FIRST_LINE_BUDGET_MS = 150;
const EXIT_BUDGET_MS = 2000;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Spawn to first byte of output, and to exit, with no inputs (the step refuses the missing `approvers`). */
function coldStart(): Promise<{ first: number; exit: number }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'shipkit-approve-bench-'));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BUNDLE], {
      env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', RUNNER_TEMP: tmp, GITHUB_WORKSPACE: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let first: number | undefined;
    const onData = (): void => {
      first ??= performance.now() - started;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('close', () => resolve({ first: first ?? NaN, exit: performance.now() - started }));
  });
}

/** Resolves with the time `check` first holds, looking every 2 ms (bounded). */
function whenTrue(check: () => boolean, started: number, limitMs = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const tick = setInterval(() => {
      if (check()) {
        clearInterval(tick);
        resolve(performance.now() - started);
      } else if (performance.now() - started > limitMs) {
        clearInterval(tick);
        reject(new Error('the approve bench timed out'));
      }
    }, 2);
  });
}

interface GateTimes {
  firstRequest: number;
  decisionToExit: number;
  decision: string;
}

/**
 * One gate, as the runner runs it: the time to its first API request, and from its first write
 * after the decision (the closing comment) to the process's exit.
 */
async function gate(server: GitHubServer, rateLimited: boolean): Promise<GateTimes> {
  server.state.addRepo('o', 'r');
  server.state.addUser('alice');
  const before = server.requests.length;
  if (rateLimited) {
    server.inject({
      method: 'GET',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'secondary-rate-limit',
      retryAfter: 3600,
      times: 1000,
    });
  }
  const started = performance.now();
  const run = startBundle('approve', {
    apiUrl: server.url,
    repository: 'o/r',
    actor: 'octocat',
    token: 't',
    timeoutMs: 90_000,
    inputs: { approvers: 'alice', 'poll-interval': '200ms', timeout: rateLimited ? '3s' : '60s' },
  });
  const firstRequest = await whenTrue(() => server.requests.length > before, started);
  const issueNumber = (): number | undefined =>
    server.state.issues('o', 'r').find((i) => /^Approve/.test(i.title) && i.state === 'open')?.number;
  if (!rateLimited) {
    await whenTrue(() => issueNumber() !== undefined, started);
    server.state.addComment('o', 'r', issueNumber()!, { user: 'alice', body: 'approve' });
  }
  const closingPosts = (): number =>
    server.requests
      .slice(before)
      .filter(
        (r) =>
          r.method === 'POST' &&
          /\/comments$/.test(r.path) &&
          /Approved|Timed out/.test(String((r.body as { body?: string } | undefined)?.body ?? '')),
      ).length;
  const decidedAt = await whenTrue(() => closingPosts() > 0, started);
  const result = await run.result;
  const exitedAt = performance.now() - started;
  if (result.signal) throw new Error(`the approve bundle was killed (${result.signal})`);
  return { firstRequest, decisionToExit: exitedAt - decidedAt, decision: result.outputs.decision ?? '?' };
}

async function startAndEndTable(): Promise<BenchTable> {
  const title = `approve: how fast the step starts and ends (node dist/approve/index.js, as the runner runs it)`;
  const columns = ['what', 'ms (median)', 'runs', 'goal ms', 'within goal'];
  if (!existsSync(BUNDLE))
    return { title, columns, rows: [['dist/approve not built: not measured', '–', 0, '–', 'NO']] };
  await coldStart(); // warm the file cache
  const cold: { first: number; exit: number }[] = [];
  for (let i = 0; i < 9; i++) cold.push(await coldStart());
  const approved: GateTimes[] = [];
  const limited: GateTimes[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await startGitHubServer({ tokens: { t: { login: 'shipkit-bot', type: 'Bot' } } });
    try {
      approved.push(await gate(server, false));
    } finally {
      await server.close();
    }
  }
  for (let i = 0; i < 2; i++) {
    const server = await startGitHubServer({ tokens: { t: { login: 'shipkit-bot', type: 'Bot' } } });
    try {
      limited.push(await gate(server, true));
    } finally {
      await server.close();
    }
  }
  const row = (what: string, values: number[], goal?: number): (string | number)[] => {
    const m = median(values);
    return [what, Math.round(m), values.length, goal ?? '–', goal === undefined ? '–' : m <= goal ? 'yes' : 'NO'];
  };
  return {
    title,
    columns,
    rows: [
      row(
        'first output line',
        cold.map((c) => c.first),
        FIRST_LINE_BUDGET_MS,
      ),
      row(
        'exit refusing a missing input (the stage loaded)',
        cold.map((c) => c.exit),
      ),
      row(
        'first GitHub API request',
        approved.map((a) => a.firstRequest),
      ),
      row(
        'decision → exit, approved',
        approved.map((a) => a.decisionToExit),
        EXIT_BUDGET_MS,
      ),
      row(
        'decision → exit, every poll rate limited (retry-after 3600 s)',
        limited.map((a) => a.decisionToExit),
        EXIT_BUDGET_MS,
      ),
    ],
    notes: [
      `first line: ${cold.map((c) => Math.round(c.first)).join(', ')} ms; exit: ${cold.map((c) => Math.round(c.exit)).join(', ')} ms`,
      `decision → exit: from the closing comment's arrival at the server to the process's end (the issue is then closed, a write GitHub asks to space a second from the comment); approved ${approved.map((a) => Math.round(a.decisionToExit)).join(', ')} ms; rate limited ${limited.map((a) => `${Math.round(a.decisionToExit)} ms (${a.decision})`).join(', ')}`,
      `Node ${process.version}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`,
    ],
  };
}

const POLLS = 20;
const COMMENTS = 1000;
/** Polls in an hour at the default 30 s interval. */
const POLLS_PER_HOUR = 120;

async function pollTable(): Promise<BenchTable> {
  const server = await startGitHubServer({ tokens: { t: { login: 'bench-bot', type: 'Bot' } } });
  try {
    server.state.addRepo('o', 'r');
    const issue = server.state.addIssue('o', 'r', { title: 'Approve', body: '' });
    for (let i = 0; i < COMMENTS - 1; i++)
      server.state.addComment('o', 'r', issue.number, { user: 'dev', body: `note ${i}` });
    server.state.addComment('o', 'r', issue.number, { user: 'alice', body: 'approve' });
    const octokit = createOctokit({
      token: 't',
      baseUrl: server.url,
      logger: silentLogger,
      throttleId: 'approve-bench',
    });
    const target = { owner: 'o', repo: 'r', issueNumber: issue.number };

    const measure = async (name: string, poll: () => Promise<{ seen: boolean }>) => {
      const before = server.rateLimitUsed('t');
      const requestsBefore = server.requests.length;
      let seen = false;
      let afterFirst = before;
      const started = performance.now();
      for (let i = 0; i < POLLS; i++) {
        seen = (await poll()).seen;
        if (i === 0) afterFirst = server.rateLimitUsed('t');
      }
      const ms = (performance.now() - started) / POLLS;
      const used = server.rateLimitUsed('t') - before;
      const requests = server.requests.length - requestsBefore;
      // The first poll fills the ETag cache; later polls show the steady state.
      const steady = (server.rateLimitUsed('t') - afterFirst) / (POLLS - 1);
      return [
        name,
        requests / POLLS,
        used,
        Number(steady.toFixed(1)),
        Math.round(steady * POLLS_PER_HOUR),
        Number(ms.toFixed(1)),
        seen ? 'yes' : 'NO',
      ];
    };

    const feed = new CommentFeed(octokit, target);
    const conditional = await measure('shipkit: all pages, If-None-Match', async () => ({
      seen: (await feed.fetchAll()).some((c) => c.body === 'approve'),
    }));
    const unconditional = await measure('all pages, no ETag', async () => {
      const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'o',
        repo: 'r',
        issue_number: issue.number,
        per_page: 100,
      });
      return { seen: all.some((c) => c.body === 'approve') };
    });
    const firstPage = await measure('first page only', async () => {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'o',
        repo: 'r',
        issue_number: issue.number,
        per_page: 100,
      });
      return { seen: data.some((c) => c.body === 'approve') };
    });
    return {
      title: `approve: reading ${COMMENTS} comments, ${POLLS} polls`,
      columns: [
        'reader',
        'requests/poll',
        'rate limit used',
        'rate limit/poll (steady)',
        'rate limit/hour @30s',
        'ms/poll',
        'approval on page 10 seen',
      ],
      rows: [conditional, unconditional, firstPage],
      notes: [
        'rate limit used counts requests GitHub charges (a 304 Not Modified is free); the GitHub token allows 1 000–15 000 an hour.',
        'steady = after the first poll filled the ETag cache; local test server, so ms/poll is a lower bound.',
      ],
    };
  } finally {
    await server.close();
  }
}

export default async function (): Promise<BenchTable[]> {
  return [await pollTable(), await startAndEndTable()];
}
