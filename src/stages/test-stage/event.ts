import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { StageContext } from '../../core/context.js';
import { readEventPayload } from '../../core/github/context-from-env.js';

const run = promisify(execFile);

/** What the triggering event says about branches: which one to compare with, which one to record. */
export interface EventInfo {
  eventName: string;
  /** Branch of a push (refs/heads/X → X). */
  pushBranch?: string;
  defaultBranch?: string;
  sha?: string;
  pr?: { number: number; baseRef: string; baseSha?: string };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export async function eventInfo(ctx: StageContext): Promise<EventInfo> {
  const event = ctx.github?.event ?? readEventPayload(ctx.env);
  const eventName = ctx.github?.eventName ?? ctx.env.GITHUB_EVENT_NAME ?? '';
  const info: EventInfo = { eventName };
  const repo = event.repository as { default_branch?: unknown } | undefined;
  const defaultBranch = str(repo?.default_branch);
  if (defaultBranch) info.defaultBranch = defaultBranch;
  const ref = str(ctx.env.GITHUB_REF) ?? str(event.ref);
  if (eventName === 'push' && ref?.startsWith('refs/heads/')) info.pushBranch = ref.slice('refs/heads/'.length);
  const pr = event.pull_request as
    { number?: unknown; base?: { ref?: unknown; sha?: unknown }; head?: { sha?: unknown } } | undefined;
  if (pr && typeof pr.number === 'number' && str(pr.base?.ref)) {
    info.pr = { number: pr.number, baseRef: str(pr.base?.ref) ?? '' };
    const baseSha = str(pr.base?.sha);
    if (baseSha) info.pr.baseSha = baseSha;
  }
  let sha = str(ctx.env.GITHUB_SHA) ?? str(event.after);
  if (!sha) {
    try {
      sha = (await run('git', ['rev-parse', 'HEAD'], { cwd: ctx.cwd })).stdout.trim() || undefined;
    } catch {
      sha = undefined;
    }
  }
  if (sha) info.sha = sha;
  return info;
}
