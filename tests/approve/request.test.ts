import { describe, expect, it } from 'vitest';
import {
  closingComment,
  MAX_BODY_CHARS,
  requestBody,
  requestTitle,
  type RequestFacts,
} from '../../src/stages/approve/request.js';
import { tokenExpiryWarning } from '../../src/stages/approve/token-expiry.js';

const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  environment: 'production',
  ref: 'v1.4.0',
  sha: 'ffac537e6cbbf934b08745a378932722df287a53',
  actor: 'octocat',
  runUrl: 'https://github.com/o/r/actions/runs/1',
  approverNames: ['@alice', '@acme/ops'],
  eligibleCount: 4,
  required: 2,
  allowInitiator: false,
  approveWords: ['approve', 'lgtm'],
  denyWords: ['deny'],
  deadline: new Date('2026-11-23T11:00:00Z'),
  timeoutMs: 3_600_000,
  earlier: [],
  ...over,
});

describe('the request', () => {
  it('has a title with environment and ref', () => {
    expect(requestTitle({ environment: 'production', ref: 'v1.4.0' })).toBe(
      'Approve deployment of v1.4.0 to production',
    );
    expect(requestTitle({ ref: 'main' })).toBe('Approve main');
  });

  it('says who asked, where, who approves, how many, how to answer and the deadline', () => {
    const body = requestBody(facts());
    expect(body).toContain(
      '@octocat asked to deploy `v1.4.0` (ffac537e6cbb) to **production** in [this workflow run](https://github.com/o/r/actions/runs/1)',
    );
    expect(body).toContain('**Approvers:** @alice, @acme/ops (4 people)');
    expect(body).toContain('**Needed:** 2 approvals. @octocat started this run and cannot approve it.');
    expect(body).toContain('**Deadline:** 2026-11-23 11:00 UTC (1 h after the request)');
    expect(body).toContain('`approve`, `lgtm` to approve, or `deny` to deny');
    expect(body).toContain('Edited comments');
  });

  it('lists the commits since the last deployment, capped, with the full comparison', () => {
    const commits = Array.from({ length: 50 }, (_, i) => ({
      sha: `${i}`.padStart(40, 'a'),
      title: `change @someone ${i}`,
      author: 'dev',
    }));
    const body = requestBody(
      facts({
        changes: {
          kind: 'changes',
          changes: {
            base: 'b',
            head: 'h',
            totalCommits: 120,
            commits,
            compareUrl: 'https://github.com/o/r/compare/b...h',
          },
        },
      }),
    );
    expect(body).toContain(
      '120 commits (the newest 50 are listed): [full comparison](https://github.com/o/r/compare/b...h)',
    );
    expect(body).toContain('change @\u200bsomeone 0'); // commit titles do not ping anybody
    expect(body.match(/^- /gm)).toHaveLength(50);
  });

  it('summarises earlier stages of the run', () => {
    const body = requestBody(
      facts({
        earlier: [
          { file: 't.json', stage: 'test', status: 'pass', summary: '120 tests passed', failedGates: [] },
          { file: 's.json', stage: 'smoke', status: 'fail', summary: 'p95 too slow', failedGates: ['p(95)<200'] },
        ],
      }),
    );
    expect(body).toContain('### Earlier stages in this run');
    expect(body).toContain('- ✅ **test** pass: 120 tests passed');
    expect(body).toContain('- ❌ **smoke** fail: p95 too slow (failed gates: p(95)<200)');
  });

  it('stays within GitHub’s body limit', () => {
    const huge = Array.from({ length: 3000 }, (_, i) => ({
      file: `${i}`,
      stage: 'test',
      status: 'pass',
      summary: 'x'.repeat(100),
      failedGates: [],
    }));
    expect(requestBody(facts({ earlier: huge })).length).toBeLessThanOrEqual(MAX_BODY_CHARS);
  });

  it('closes with the decision and who made it', () => {
    const base = { required: 2, timeoutMs: 3_600_000, approvedBy: ['alice'], deniedBy: [] as string[] };
    expect(closingComment({ ...base, decision: 'approved', approvedBy: ['alice', 'bob'] })).toContain(
      '**Approved** by @alice, @bob',
    );
    expect(closingComment({ ...base, decision: 'denied', deniedBy: ['carol'] })).toContain('**Denied** by @carol');
    expect(closingComment({ ...base, decision: 'timed-out' })).toContain(
      '**Timed out** after 1 h with 1 of 2 approvals (@alice)',
    );
    expect(closingComment({ ...base, decision: 'cancelled' })).toContain('**Cancelled**');
  });
});

describe('token expiry warning', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it('uses the expiry GitHub reports', () => {
    const w = tokenExpiryWarning({
      expiresHeader: '2026-11-23 10:30:00 UTC',
      now,
      deadline: now + 3_600_000,
      timeoutMs: 3_600_000,
    });
    expect(w).toMatch(/expires at 2026-11-23T10:30:00.000Z/);
    expect(
      tokenExpiryWarning({
        expiresHeader: '2026-11-24 10:30:00 UTC',
        token: 'ghs_x',
        now,
        deadline: now + 7_200_000,
        timeoutMs: 7_200_000,
      }),
    ).toBeUndefined();
  });
  it('warns about installation tokens only when the timeout passes an hour', () => {
    expect(tokenExpiryWarning({ token: 'ghs_abc', now, deadline: now + 7_200_000, timeoutMs: 7_200_000 })).toMatch(
      /1 hour/,
    );
    expect(
      tokenExpiryWarning({ token: 'ghs_abc', now, deadline: now + 3_600_000, timeoutMs: 3_600_000 }),
    ).toBeUndefined();
    expect(
      tokenExpiryWarning({ token: 'github_pat_x', now, deadline: now + 7_200_000, timeoutMs: 7_200_000 }),
    ).toBeUndefined();
  });
});
