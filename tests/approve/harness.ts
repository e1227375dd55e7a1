import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBundle, type BundleResult, type RunBundleOptions, type StartedBundle } from '../support/action-runner.js';
import { startGitHubServer, type GitHubServer, type TokenInfo } from '../support/github-server/index.js';

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';
export const TOKEN = 'test-token';
/** A token that may not read organization members (a plain GITHUB_TOKEN). */
export const NO_MEMBERS_TOKEN = 'no-members-token';

export const TOKENS: Record<string, TokenInfo> = {
  [TOKEN]: { login: 'shipkit-bot', type: 'Bot' },
  [NO_MEMBERS_TOKEN]: {
    login: 'github-actions[bot]',
    type: 'Bot',
    permissions: { issues: 'write', deployments: 'write', members: 'none' },
  },
};

export async function world(): Promise<GitHubServer> {
  const server = await startGitHubServer({ tokens: TOKENS });
  server.state.addRepo(OWNER, REPO, { refs: { 'v1.4.0': 'a'.repeat(40) } });
  for (const login of ['alice', 'bob', 'carol', 'dave', 'mallory', 'octocat']) server.state.addUser(login);
  server.state.addTeam(OWNER, 'release', ['alice', 'bob', 'carol']);
  return server;
}

export interface RunningGate {
  bundle: StartedBundle;
  result: Promise<BundleResult>;
}

export function startGate(
  server: GitHubServer,
  inputs: Record<string, string>,
  options: RunBundleOptions = {},
): StartedBundle {
  return startBundle('approve', {
    apiUrl: server.url,
    repository: `${OWNER}/${REPO}`,
    actor: 'octocat',
    token: TOKEN,
    timeoutMs: 60_000,
    ...options,
    inputs: { 'poll-interval': '200ms', timeout: '45s', ...inputs },
  });
}

/** Waits (bounded) until `check` returns a value. */
export async function eventually<T>(what: string, check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The request issue, once the gate has opened it. */
export function requestIssue(server: GitHubServer) {
  return eventually('the approval issue', () => server.state.issues(OWNER, REPO).find((i) => /^Approve/.test(i.title)));
}

/** Resolves once the gate has read the comments at least `n` more times. */
export async function nextPolls(server: GitHubServer, n = 1): Promise<void> {
  const count = () =>
    server.requests.filter((r) => r.method === 'GET' && /\/issues\/\d+\/comments$/.test(r.path)).length;
  const start = count();
  await eventually(`${n} more polls`, () => (count() >= start + n ? true : undefined));
}

/** A comment posted now (GitHub's second precision); an edited one was updated a minute later. */
export function comment(server: GitHubServer, issueNumber: number, user: string, body: string, edited = false): void {
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const later = new Date(Date.parse(at) + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  server.state.addComment(OWNER, REPO, issueNumber, { user, body, createdAt: at, updatedAt: edited ? later : at });
}

/** A local Slack-compatible incoming webhook that records what it receives. */
export async function webhook(): Promise<{ url: string; messages: unknown[]; close(): Promise<void> }> {
  const messages: unknown[] = [];
  const http: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      messages.push(JSON.parse(raw));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret`,
    messages,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
