import type { ShipkitOctokit } from '../../core/github/octokit.js';
import { httpStatus } from '../../core/github/octokit.js';
import { withoutClientWaits } from './direct-request.js';
import type { IssueComment } from './votes.js';

interface CachedPage {
  etag?: string;
  comments: IssueComment[];
  hasNext: boolean;
}

export interface FeedStats {
  requests: number;
  /** Answered 304 Not Modified: these cost no rate limit. */
  notModified: number;
}

const PER_PAGE = 100;

/**
 * Reads ALL comments of an issue, every page, with conditional requests: each page's ETag is sent
 * back as If-None-Match, and GitHub answers 304 (free of rate limit) while the page is unchanged.
 * `octokit.paginate` cannot send a per-page ETag, hence the explicit page loop. A failed page
 * fails the read at once (no retries, no rate-limit waits in the client): the caller decides.
 */
export class CommentFeed {
  private readonly pages = new Map<number, CachedPage>();
  readonly stats: FeedStats = { requests: 0, notModified: 0 };

  constructor(
    private readonly octokit: ShipkitOctokit,
    private readonly issue: { owner: string; repo: string; issueNumber: number },
  ) {}

  async fetchAll(signal?: AbortSignal): Promise<IssueComment[]> {
    const all: IssueComment[] = [];
    // Bounded (100 000 comments) so a server that always links a next page cannot loop forever.
    for (let page = 1; page <= 1000; page++) {
      const cached = this.pages.get(page);
      const current = await this.fetchPage(page, cached, signal);
      this.pages.set(page, current);
      all.push(...current.comments);
      if (!current.hasNext) {
        for (const key of [...this.pages.keys()]) if (key > page) this.pages.delete(key);
        break;
      }
    }
    return all;
  }

  private async fetchPage(page: number, cached: CachedPage | undefined, signal?: AbortSignal): Promise<CachedPage> {
    this.stats.requests++;
    try {
      const response = await this.octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: this.issue.owner,
        repo: this.issue.repo,
        issue_number: this.issue.issueNumber,
        per_page: PER_PAGE,
        page,
        headers: cached?.etag ? { 'if-none-match': cached.etag } : {},
        // The poll loop waits out failures and rate limits itself, in a sleep a decision or a
        // cancellation cuts short; the client's own waits could not be cut, and kept the process
        // alive after the decision until a retry-after ran out.
        request: { ...withoutClientWaits(this.octokit), ...(signal ? { signal } : {}) },
      });
      const link = response.headers.link ?? '';
      return {
        etag: response.headers.etag,
        comments: response.data as IssueComment[],
        hasNext: /rel="next"/.test(link),
      };
    } catch (error) {
      if (httpStatus(error) === 304 && cached) {
        this.stats.notModified++;
        return cached;
      }
      throw error;
    }
  }
}
