import { describe, expect, it } from 'vitest';
import { tally, verdict, type IssueComment, type TallyRules } from '../../src/stages/approve/votes.js';
import { AnswerMatcher, DEFAULT_APPROVE_WORDS, DEFAULT_DENY_WORDS } from '../../src/stages/approve/words.js';

const ISSUE_AT = '2026-11-23T10:00:00Z';
let nextId = 1;
function c(login: string, body: string, minute: number, extra: Partial<IssueComment> = {}): IssueComment {
  const at = new Date(Date.parse(ISSUE_AT) + minute * 60_000).toISOString();
  return { id: nextId++, body, user: { login, type: 'User' }, created_at: at, updated_at: at, ...extra };
}

const rules = (over: Partial<TallyRules> = {}): TallyRules => ({
  matcher: new AnswerMatcher({ approve: DEFAULT_APPROVE_WORDS, deny: DEFAULT_DENY_WORDS }),
  eligible: new Map(['alice', 'bob', 'carol', 'octocat'].map((l) => [l, l])),
  initiator: 'octocat',
  allowInitiator: false,
  since: new Date(ISSUE_AT),
  ...over,
});

describe('tally', () => {
  it('counts 2 of 3 approvals', () => {
    const t = tally([c('alice', 'approve', 1), c('bob', 'LGTM', 2)], rules());
    expect(t.approvedBy).toEqual(['alice', 'bob']);
    expect(verdict(t, 2)).toBe('approved');
    expect(verdict(t, 3)).toBe('pending');
  });

  it('counts one vote per person: their latest', () => {
    const t = tally([c('alice', 'approve', 1), c('alice', 'approved', 2), c('alice', 'yes', 3)], rules());
    expect(t.approvedBy).toEqual(['alice']);
    expect(verdict(t, 2)).toBe('pending');
    const changed = tally([c('bob', 'approve', 1), c('bob', 'deny', 2)], rules());
    expect(changed.approvedBy).toEqual([]);
    expect(changed.deniedBy).toEqual(['bob']);
    const back = tally([c('bob', 'deny', 1), c('bob', 'approve', 2)], rules());
    expect(verdict(back, 1)).toBe('approved');
  });

  it('orders by creation time, not by the order the API listed them', () => {
    const later = c('alice', 'deny', 5);
    const earlier = c('alice', 'approve', 1);
    expect(tally([later, earlier], rules()).deniedBy).toEqual(['alice']);
  });

  it('ends as denied on any authorized deny, even with enough approvals', () => {
    const t = tally([c('alice', 'approve', 1), c('bob', 'approve', 2), c('carol', 'no', 3)], rules());
    expect(verdict(t, 2)).toBe('denied');
    expect(t.deniedBy).toEqual(['carol']);
  });

  it('ignores the initiator unless allowed', () => {
    const comments = [c('octocat', 'approve', 1)];
    const t = tally(comments, rules());
    expect(t.approvedBy).toEqual([]);
    expect(t.ignored).toMatchObject([{ login: 'octocat', reason: 'initiator' }]);
    expect(tally(comments, rules({ allowInitiator: true })).approvedBy).toEqual(['octocat']);
  });

  it('ignores the initiator case-insensitively', () => {
    expect(tally([c('OctoCat', 'approve', 1)], rules()).ignored[0]?.reason).toBe('initiator');
  });

  it('ignores non-members, bots and edited comments', () => {
    const edited = c('alice', 'approve', 3);
    edited.updated_at = new Date(Date.parse(edited.created_at) + 5000).toISOString();
    const t = tally(
      [
        c('mallory', 'approve', 1),
        c('deploy-bot', 'approve', 2, { user: { login: 'deploy-bot', type: 'Bot' } }),
        c('bob', 'approve', 2, { user: { login: 'bob[bot]', type: 'User' } }),
        edited,
      ],
      rules({ eligible: new Map([...rules().eligible, ['deploy-bot', 'deploy-bot'], ['bob[bot]', 'bob[bot]']]) }),
    );
    expect(t.approvedBy).toEqual([]);
    expect(t.ignored.map((i) => [i.login, i.reason])).toEqual([
      ['mallory', 'not-an-approver'],
      ['deploy-bot', 'bot'],
      ['bob[bot]', 'bot'],
      ['alice', 'edited'],
    ]);
  });

  it('an edited deny does not count either, but an earlier plain vote of the same person stands', () => {
    const editedDeny = c('alice', 'deny', 2);
    editedDeny.updated_at = new Date(Date.parse(editedDeny.created_at) + 1000).toISOString();
    const t = tally([c('alice', 'approve', 1), editedDeny], rules());
    expect(t.approvedBy).toEqual(['alice']);
    expect(t.deniedBy).toEqual([]);
  });

  it('ignores comments older than the request and comments without a user', () => {
    const t = tally([c('alice', 'approve', -1), { ...c('bob', 'approve', 1), user: null }], rules());
    expect(t.approvedBy).toEqual([]);
    expect(t.ignored).toMatchObject([{ login: 'alice', reason: 'before-request' }]);
  });

  it('skips discussion silently and matches logins case-insensitively', () => {
    const t = tally([c('Alice', 'looks fine, will approve after lunch', 1), c('ALICE', 'approve', 2)], rules());
    expect(t.approvedBy).toEqual(['alice']);
    expect(t.ignored).toEqual([]);
  });

  it('ignores answers given after the deadline', () => {
    const t = tally(
      [c('alice', 'approve', 59), c('bob', 'approve', 61)],
      rules({ until: new Date(Date.parse(ISSUE_AT) + 60 * 60_000) }),
    );
    expect(t.approvedBy).toEqual(['alice']);
    expect(t.ignored).toMatchObject([{ login: 'bob', reason: 'after-deadline' }]);
  });
});
