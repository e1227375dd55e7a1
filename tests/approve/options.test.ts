import { describe, expect, it } from 'vitest';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { parseApprover, readApproveOptions } from '../../src/stages/approve/options.js';

const read = (values: Record<string, string>) => readApproveOptions(new InputReader(mapSource(values, 'input')));

describe('readApproveOptions', () => {
  it('reads users and teams, with defaults', () => {
    const o = read({ approvers: '@alice, bob\nacme/release-managers' });
    expect(o.approvers).toEqual([
      { kind: 'user', login: 'alice' },
      { kind: 'user', login: 'bob' },
      { kind: 'team', org: 'acme', slug: 'release-managers' },
    ]);
    expect(o).toMatchObject({ minApprovals: 1, allowInitiator: false, timeoutMs: 3_600_000, pollIntervalMs: 30_000 });
    expect(o.approveWords).toEqual(['approve', 'approved', 'lgtm', 'yes']);
    expect(o.denyWords).toEqual(['deny', 'denied', 'no']);
  });

  it('accepts sub-second poll intervals for fast loops', () => {
    expect(read({ approvers: 'a', 'poll-interval': '200ms', timeout: '2h' })).toMatchObject({
      pollIntervalMs: 200,
      timeoutMs: 7_200_000,
    });
  });

  it.each([
    [{}, /approvers/],
    [{ approvers: 'not a login' }, /approvers.*not a login/],
    [{ approvers: 'a/b/c' }, /approvers/],
    [{ approvers: 'a', 'min-approvals': '0' }, /min-approvals/],
    [{ approvers: 'a', 'min-approvals': '1.5' }, /min-approvals/],
    [{ approvers: 'a', 'poll-interval': '10ms' }, /poll-interval/],
    [{ approvers: 'a', timeout: 'forever' }, /timeout/],
    [{ approvers: 'a', 'allow-initiator': 'yes' }, /allow-initiator/],
    [{ approvers: 'a', 'notify-url': 'hooks.slack.com/x' }, /notify-url/],
  ])('refuses %j naming the input', (values, message) => {
    expect(() => read(values)).toThrow(message);
  });

  it('masks the webhook URL', () => {
    const masked: string[] = [];
    const source = {
      ...mapSource({ approvers: 'a', 'notify-url': 'https://hooks.example/T/B/secret' }),
      mask: (v: string) => void masked.push(v),
    };
    readApproveOptions(new InputReader(source));
    expect(masked).toEqual(['https://hooks.example/T/B/secret']);
  });

  it('parses approver entries', () => {
    expect(parseApprover('@acme/ops')).toEqual({ kind: 'team', org: 'acme', slug: 'ops' });
    expect(() => parseApprover('-bad')).toThrow(/approvers/);
  });
});
