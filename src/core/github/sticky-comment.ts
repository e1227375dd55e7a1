import type { Logger } from '../logger.js';
import { httpStatus, type ShipkitOctokit } from './octokit.js';
import {
  composeBody,
  holdsSection,
  isStickyBody,
  parseSections,
  type ComposeOptions,
  type StickySection,
} from '../comment/sticky-body.js';

export interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

export type StickyStatus = 'created' | 'updated' | 'unchanged' | 'forbidden';

export interface StickyResult {
  status: StickyStatus;
  commentId?: number;
  url?: string;
  attempts: number;
  /** The API's message when status is `forbidden` (fork PR, or a token without pull-requests: write). */
  reason?: string;
}

export interface StickyOptions {
  logger: Logger;
  summaryUrl?: string;
  /** Stage names in pipeline order, for the sections' order. */
  order?: readonly string[];
  /** Write attempts before giving up (each: read, merge, write, verify twice). */
  maxAttempts?: number;
  /**
   * How long to wait before the second verification read, in ms: [min, max), jittered. A writer
   * that read the body before ours landed and writes after it would erase our section; waiting
   * longer than such a read-to-write gap, then reading again, catches it.
   */
  settleMs?: [number, number];
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Other sections to take out of the comment (see ComposeOptions.remove). */
  remove?: (key: string) => boolean;
}

interface FoundComment {
  id: number;
  body: string;
  html_url: string;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** GitHub's answer when the token may not write here (a fork PR's token, or missing permissions). */
function isForbidden(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 403 && /not accessible by integration|must have|permission/i.test(String((error as Error).message));
}

/** Every marker comment on the PR, oldest first (paginated: a busy PR has hundreds of comments). */
async function findStickyComments(octokit: ShipkitOctokit, ref: IssueRef): Promise<FoundComment[]> {
  const all = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issueNumber,
    per_page: 100,
  });
  return all
    .filter((c) => isStickyBody(c.body))
    .map((c) => ({ id: Number(c.id), body: c.body ?? '', html_url: c.html_url }))
    .sort((a, b) => a.id - b.id);
}

async function readComment(octokit: ShipkitOctokit, ref: IssueRef, id: number): Promise<string> {
  const { data } = await octokit.rest.issues.getComment({ owner: ref.owner, repo: ref.repo, comment_id: id });
  return data.body ?? '';
}

/** Sections of `other` that `base` lacks (except ours, which the caller writes fresh). */
function foldMissingSections(base: string, other: string, ownKey: string, options: ComposeOptions): string {
  let merged = base;
  const present = new Set(parseSections(base).map((s) => s.key));
  for (const s of parseSections(other)) {
    if (s.key !== ownKey && !present.has(s.key)) merged = composeBody(merged, s, options);
  }
  return merged;
}

/** Several writers may fold and delete the same duplicate; the second delete finds it gone. */
async function deleteIfPresent(octokit: ShipkitOctokit, ref: IssueRef, id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: id });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
}

/**
 * Put `section` into shipkit's one comment on the PR, creating the comment if there is none.
 * Safe when several jobs write their sections at once: GitHub has no compare-and-swap for
 * comments, so each writer reads, merges, writes, then verifies (at once and again after a
 * jittered pause) and starts over if another writer's stale body erased its section. When two
 * writers both create a comment, the oldest wins and the newer ones are folded into it.
 */
export async function upsertStickySection(
  octokit: ShipkitOctokit,
  ref: IssueRef,
  section: StickySection,
  options: StickyOptions,
): Promise<StickyResult> {
  const { logger } = options;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 8;
  const [settleMin, settleMax] = options.settleMs ?? [500, 1_500];
  const composeOptions: ComposeOptions = {
    summaryUrl: options.summaryUrl,
    order: options.order ?? [],
    ...(options.remove ? { remove: options.remove } : {}),
  };
  const compose = (existing: string | undefined): string => composeBody(existing, section, composeOptions);

  let status: StickyStatus = 'unchanged';
  try {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await sleep(Math.round(200 * attempt * (0.5 + random())));
      const found = await findStickyComments(octokit, ref);
      let target = found[0];

      if (!target) {
        const { data } = await octokit.rest.issues.createComment({
          owner: ref.owner,
          repo: ref.repo,
          issue_number: ref.issueNumber,
          body: compose(undefined),
        });
        status = 'created';
        target = { id: Number(data.id), body: data.body ?? '', html_url: data.html_url };
        // Another job may have created one at the same moment: the oldest is the one everyone keeps.
        const after = await findStickyComments(octokit, ref);
        if (after[0] && after[0].id !== target.id) {
          logger.debug(`sticky comment: another writer created #${after[0].id} first; folding ours into it`);
          await deleteIfPresent(octokit, ref, target.id);
          // Ours is gone: what this writer finally does is update the older comment.
          status = 'unchanged';
          continue;
        }
      }

      // Fold any duplicates (from an earlier creation race) into the oldest comment, then remove them.
      let base = target.body;
      for (const dup of found.slice(1)) base = foldMissingSections(base, dup.body, section.key, composeOptions);

      const body = compose(base);
      if (body !== target.body) {
        await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: target.id, body });
        if (status !== 'created') status = 'updated';
      }
      for (const dup of found.slice(1)) await deleteIfPresent(octokit, ref, dup.id);

      if (!holdsSection(await readComment(octokit, ref, target.id), section)) {
        logger.debug(`sticky comment: section '${section.key}' was overwritten, attempt ${attempt}`);
        continue;
      }
      await sleep(settleMin + Math.floor(random() * Math.max(1, settleMax - settleMin)));
      if (!holdsSection(await readComment(octokit, ref, target.id), section)) {
        logger.debug(`sticky comment: section '${section.key}' lost after settling, attempt ${attempt}`);
        continue;
      }
      return { status, commentId: target.id, url: target.html_url, attempts: attempt };
    }
  } catch (error) {
    if (isForbidden(error)) {
      return { status: 'forbidden', attempts: 1, reason: (error as Error).message };
    }
    throw error;
  }
  throw new Error(`could not keep section '${section.key}' in the PR comment after ${maxAttempts} attempts`);
}
