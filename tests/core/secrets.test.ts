import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBundle, type BundleResult } from '../support/action-runner.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server/index.js';
import { pullRequestEvent } from '../support/webhook-events.js';

// A secret given to a stage, and echoed back by what the stage reads (a JUnit failure message, a
// server reflecting a header), reaches no channel: log, outputs, job summary, annotations, report
// file, PR comment. Each test also checks the secret did come back (so redaction, not luck, kept it out).
const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 5;
const TOKEN = 'ghs_secretTokenOfTheSuite0042';

let github: GitHubServer;
beforeEach(async () => {
  github = await startGitHubServer({ tokens: { [TOKEN]: { login: 'github-actions[bot]', type: 'Bot' } } });
  github.state.addRepo(OWNER, REPO);
  github.state.addPull(OWNER, REPO, { number: PR });
  return async () => {
    github.assertNoSchemaViolations();
    await github.close();
  };
});

const event = { name: 'pull_request', payload: pullRequestEvent({ owner: OWNER, repo: REPO, number: PR }) };

/** Every channel of a finished step, as one text. */
function channels(r: BundleResult): Record<string, string> {
  const report = r.outputs.report ? readFileSync(r.outputs.report, 'utf8') : '';
  return {
    // add-mask is how the runner learns the secret; it is the one place it may appear.
    log: (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    outputs: JSON.stringify(r.outputs),
    summary: r.summary,
    report,
    comments: github.state
      .comments(OWNER, REPO, PR)
      .map((c) => c.body)
      .join('\n'),
  };
}

/**
 * Not in any channel: as written, nor as markdown escapes it (`ghs\_…`: the text with its escapes
 * undone), nor its first 12 characters (what a cut of a long message would leave).
 */
function expectAbsent(r: BundleResult, secret: string): void {
  for (const [channel, text] of Object.entries(channels(r))) {
    const unescaped = text.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<');
    expect(text, `${channel} holds the secret`).not.toContain(secret);
    expect(unescaped, `${channel} holds the secret, escaped`).not.toContain(secret);
    expect(unescaped, `${channel} holds the start of the secret`).not.toContain(secret.slice(0, 12));
  }
}

describe('secrets in the test stage', () => {
  it('a token in a JUnit failure message is redacted everywhere; the commands never see the token or any input', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'shipkit-secret-test-'));
    writeFileSync(
      path.join(workspace, 'junit.xml'),
      `<?xml version="1.0"?><testsuites><testsuite name="api" tests="2" failures="2"><testcase name="calls the API" classname="api">` +
        `<failure message="401 with Authorization: token ${TOKEN}">request sent with token ${TOKEN}</failure></testcase>` +
        // A long message, cut for the summary and the comment right inside the token.
        `<testcase name="logs the token late" classname="api"><failure message="${'x'.repeat(290)} ${TOKEN}">late</failure></testcase>` +
        `</testsuite></testsuites>`,
    );
    const r = await runBundle('test', {
      workspace,
      token: TOKEN,
      apiUrl: github.url,
      repository: `${OWNER}/${REPO}`,
      event,
      inputs: { test: 'env > seen-env.txt', 'test-results': 'junit.xml', 'allow-empty': 'true' },
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expectAbsent(r, TOKEN);
    // The failure came back through the report, with the token replaced.
    expect(channels(r).report).toContain('401 with Authorization: token ***');
    const seen = readFileSync(path.join(workspace, 'seen-env.txt'), 'utf8');
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toMatch(/^INPUT_/m);
    expect(seen).not.toMatch(/^ACTIONS_RUNTIME_TOKEN=/m);
    expect(seen).toMatch(/^GITHUB_REPOSITORY=/m);
  });
});

describe('secrets in the smoke stage', () => {
  let site: http.Server;
  let url: string;
  beforeAll(async () => {
    // A server that reflects every request header into its body and headers, and fails.
    site = http.createServer((req, res) => {
      const echoed = JSON.stringify(req.headers);
      res.writeHead(500, { 'content-type': 'application/json', 'x-echo': String(req.headers['x-api-key'] ?? '') });
      res.end(`{"error":"denied","request":${echoed}}`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => site.close(resolve)));

  it('a header value with markdown characters, a long one cut in its middle, and URL credentials are redacted everywhere', async () => {
    const dashed = 'hdr-SECRET_abc-123';
    const bearer = `Bearer eyJhbGciOiJIUzI1NiJ9.${'eyJzdWIiOiJ1c2VyLTEyMzQ1Njc4OTAi'.repeat(3)}.sig`;
    const password = 'url-pass_word-42';
    const r = await runBundle('smoke', {
      token: TOKEN,
      apiUrl: github.url,
      repository: `${OWNER}/${REPO}`,
      event,
      inputs: {
        url: url.replace('http://', `http://deploy:${password}@`),
        headers: `X-Api-Key: ${dashed}\nAuthorization: ${bearer}`,
        // The server reflects X-Api-Key in x-echo; the body holds every header it was sent.
        checks: `checks:\n  - name: api\n    path: /\n    expect:\n      status: 500\n      headers:\n        x-echo: nope\n      json:\n        $.request.authorization: nope\n`,
        timeout: '2m',
      },
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    for (const secret of [dashed, bearer, password]) expectAbsent(r, secret);
    // Both values did come back, in the failed expectations, replaced.
    expect(channels(r).report).toMatch(/header x-echo is \\"\*\*\*\\"/);
    expect(channels(r).summary).toContain('***');
  });

  it('a header value the server reflects is redacted everywhere', async () => {
    const secret = 'sk-live-reflectedHeaderValue77';
    const r = await runBundle('smoke', {
      token: TOKEN,
      apiUrl: github.url,
      repository: `${OWNER}/${REPO}`,
      event,
      inputs: {
        url,
        headers: `X-Api-Key: ${secret}`,
        checks: `checks:\n  - name: api\n    path: /\n    expect:\n      status: 200\n      body-contains: ["${secret}-never"]\n`,
        timeout: '2m',
      },
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expectAbsent(r, secret);
    expectAbsent(r, TOKEN);
    // The reflected value did come back (in the check's failure), replaced.
    expect(channels(r).report).toContain('***');
  });
});
