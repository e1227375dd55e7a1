// What waiting for an approval costs: rate limit and time per poll of an issue with many comments,
// shipkit's conditional all-pages reads against unconditional reads and a first-page-only reader
// (the trstringer/manual-approval approach), on the test GitHub API server.
import { createOctokit } from '../src/core/github/octokit.js';
import { silentLogger } from '../src/core/logger.js';
import { CommentFeed } from '../src/stages/approve/comment-feed.js';
import { startGitHubServer } from '../tests/support/github-server/index.js';
import type { BenchTable } from './types.js';

const POLLS = 20;
const COMMENTS = 1000;
/** Polls in an hour at the default 30 s interval. */
const POLLS_PER_HOUR = 120;

export default async function (): Promise<BenchTable[]> {
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
    return [
      {
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
      },
    ];
  } finally {
    await server.close();
  }
}
