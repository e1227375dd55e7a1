import type { IgnoredAnswer } from './report-schema.js';
import type { Answer, AnswerMatcher } from './words.js';

/** The fields of an issue comment (REST `GET /repos/{owner}/{repo}/issues/{n}/comments`) that votes use. */
export interface IssueComment {
  id: number;
  body?: string | null;
  user: { login: string; type?: string } | null;
  created_at: string;
  updated_at: string;
  html_url?: string;
}

export type { IgnoredAnswer };
export type IgnoreReason = IgnoredAnswer['reason'];

export interface Vote {
  login: string;
  answer: Answer;
  commentId: number;
  at: string;
}

export interface Tally {
  /** The latest counted vote of each person, in the order they were cast. */
  votes: Vote[];
  approvedBy: string[];
  deniedBy: string[];
  /** Answers that looked like votes but do not count, and why. */
  ignored: IgnoredAnswer[];
}

export interface TallyRules {
  matcher: AnswerMatcher;
  /** Who may answer, keyed by lower-cased login (logins are case-insensitive on GitHub). */
  eligible: ReadonlyMap<string, string>;
  /** GITHUB_ACTOR: the person who started the run. */
  initiator?: string;
  allowInitiator: boolean;
  /** When the request issue was created: older comments cannot be answers to it. */
  since: Date;
  /**
   * The deadline: a poll delayed past it (client retries) may return later answers, which must not
   * count, or the gate could pass after it timed out.
   */
  until?: Date;
}

export function isBot(user: { login: string; type?: string }): boolean {
  return user.type === 'Bot' || user.login.toLowerCase().endsWith('[bot]');
}

/**
 * Counts the answers among the comments. One vote per person (their latest counted answer); an
 * edited comment never counts because its text may no longer be what was first said.
 */
export function tally(comments: readonly IssueComment[], rules: TallyRules): Tally {
  const since = rules.since.getTime();
  const until = rules.until?.getTime() ?? Infinity;
  const ordered = [...comments].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
  const latest = new Map<string, Vote>();
  const ignored: IgnoredAnswer[] = [];
  for (const comment of ordered) {
    const answer = rules.matcher.match(comment.body);
    if (!answer || !comment.user) continue;
    const login = comment.user.login;
    const key = login.toLowerCase();
    const skip = (reason: IgnoreReason): void => void ignored.push({ login, commentId: comment.id, answer, reason });
    if (isBot(comment.user)) skip('bot');
    else if (Date.parse(comment.created_at) < since) skip('before-request');
    else if (Date.parse(comment.created_at) > until) skip('after-deadline');
    else if (!rules.eligible.has(key)) skip('not-an-approver');
    else if (!rules.allowInitiator && rules.initiator !== undefined && key === rules.initiator.toLowerCase())
      skip('initiator');
    else if (comment.updated_at !== comment.created_at) skip('edited');
    else {
      latest.delete(key); // re-insert so the map keeps the order votes were last cast in
      latest.set(key, {
        login: rules.eligible.get(key) ?? login,
        answer,
        commentId: comment.id,
        at: comment.created_at,
      });
    }
  }
  const votes = [...latest.values()];
  return {
    votes,
    approvedBy: votes.filter((v) => v.answer === 'approve').map((v) => v.login),
    deniedBy: votes.filter((v) => v.answer === 'deny').map((v) => v.login),
    ignored,
  };
}

export type Pending = 'pending';
export type Verdict = 'approved' | 'denied' | Pending;

/** Any counted deny ends the gate; otherwise it passes at `required` approvals. */
export function verdict(t: Tally, required: number): Verdict {
  if (t.deniedBy.length > 0) return 'denied';
  if (t.approvedBy.length >= required) return 'approved';
  return 'pending';
}
