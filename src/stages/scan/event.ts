import type { StageContext } from '../../core/context.js';
import { readEventPayload } from '../../core/github/context-from-env.js';

/** What the triggering event says about branches: which baseline to compare with, which one to save. */
export interface ScanEvent {
  /** The pull request's base branch: its baseline is compared. */
  baseBranch?: string;
  /** A push to the repository's default branch: this run's findings become its baseline. */
  defaultBranchPush?: { branch: string; sha: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function scanEvent(ctx: StageContext): ScanEvent {
  const event = ctx.github?.event ?? readEventPayload(ctx.env);
  const name = ctx.github?.eventName ?? ctx.env.GITHUB_EVENT_NAME ?? '';
  const out: ScanEvent = {};
  const pr = event.pull_request as { base?: { ref?: unknown } } | undefined;
  const base = str(pr?.base?.ref);
  if (base && (name === 'pull_request' || name === 'pull_request_target')) out.baseBranch = base;
  const ref = str(ctx.github?.ref) ?? str(ctx.env.GITHUB_REF) ?? str(event.ref);
  const repo = event.repository as { default_branch?: unknown } | undefined;
  const defaultBranch = str(repo?.default_branch);
  const sha = str(ctx.github?.sha) ?? str(ctx.env.GITHUB_SHA) ?? str(event.after);
  if (name === 'push' && ref?.startsWith('refs/heads/') && sha) {
    const branch = ref.slice('refs/heads/'.length);
    if (branch === defaultBranch) out.defaultBranchPush = { branch, sha };
  }
  return out;
}
