import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import { DEFAULT_APPROVE_WORDS, DEFAULT_DENY_WORDS } from './words.js';

/** An entry of `approvers`: a user, or an organization team whose members may approve. */
export type ApproverEntry = { kind: 'user'; login: string } | { kind: 'team'; org: string; slug: string };

export interface ApproveOptions {
  approvers: ApproverEntry[];
  minApprovals: number;
  allowInitiator: boolean;
  approveWords: string[];
  denyWords: string[];
  timeoutMs: number;
  pollIntervalMs: number;
  /** Deployment environment: names the request and, when set, gets a deployment record. */
  environment?: string;
  /** What is being deployed (branch, tag or SHA); defaults to the run's commit. */
  ref?: string;
  /** Glob of earlier shipkit stage reports to summarise in the request. */
  reports?: string;
  /** Slack-compatible incoming webhook (a secret: it carries its own credential). */
  notifyUrl?: string;
}

export const DEFAULT_TIMEOUT_MS = 60 * 60 * 1000;
export const DEFAULT_POLL_INTERVAL_MS = 30 * 1000;
export const MIN_POLL_INTERVAL_MS = 100;

const LOGIN = /^[a-z\d](?:[a-z\d-]{0,38})$/i;
const TEAM_SLUG = /^[a-z\d][a-z\d_.-]{0,99}$/i;

export function parseApprover(raw: string): ApproverEntry {
  const entry = raw.replace(/^@/, '');
  const parts = entry.split('/');
  if (parts.length === 1 && LOGIN.test(entry)) return { kind: 'user', login: entry };
  const [org = '', slug = ''] = parts;
  if (parts.length === 2 && LOGIN.test(org) && TEAM_SLUG.test(slug)) return { kind: 'team', org, slug };
  throw new UserError(`input 'approvers' has '${raw}', which is neither a user login nor an org/team slug`, {
    input: 'approvers',
  });
}

/** The one options reader shared by the action and `shipkit approve`. */
export function readApproveOptions(inputs: InputReader): ApproveOptions {
  const label = (name: string): string => inputs.source.label(name);
  const approvers = inputs.list('approvers').map(parseApprover);
  if (approvers.length === 0) {
    throw new UserError(`${label('approvers')} is required: list the users and org/teams who may approve`, {
      input: 'approvers',
    });
  }
  const timeoutMs = inputs.duration('timeout') ?? DEFAULT_TIMEOUT_MS;
  const pollIntervalMs = inputs.duration('poll-interval') ?? DEFAULT_POLL_INTERVAL_MS;
  if (timeoutMs <= 0) throw new UserError(`${label('timeout')} must be longer than 0`, { input: 'timeout' });
  if (pollIntervalMs < MIN_POLL_INTERVAL_MS) {
    throw new UserError(`${label('poll-interval')} must be at least ${MIN_POLL_INTERVAL_MS}ms`, {
      input: 'poll-interval',
    });
  }
  const approveWords = inputs.list('approve-words');
  const denyWords = inputs.list('deny-words');
  const notifyUrl = inputs.secret('notify-url');
  if (notifyUrl !== undefined && !/^https?:\/\//i.test(notifyUrl)) {
    throw new UserError(`${label('notify-url')} must be an http(s) URL`, { input: 'notify-url' });
  }
  return {
    approvers,
    minApprovals: inputs.number('min-approvals', { min: 1, integer: true }) ?? 1,
    allowInitiator: inputs.bool('allow-initiator', false),
    approveWords: approveWords.length > 0 ? approveWords : [...DEFAULT_APPROVE_WORDS],
    denyWords: denyWords.length > 0 ? denyWords : [...DEFAULT_DENY_WORDS],
    timeoutMs,
    pollIntervalMs,
    environment: inputs.string('environment'),
    ref: inputs.string('ref'),
    reports: inputs.string('reports'),
    notifyUrl,
  };
}
