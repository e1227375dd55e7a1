import type { GitHubContext } from '../../core/github/context.js';
import type { Annotation } from '../../core/outcome.js';
import type { ReportStatus } from '../../core/report/types.js';
import { cut } from '../../core/text.js';

/** The Checks API takes at most 50 annotations a request; further ones go in updates (GitHub appends them). */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Limits of a check run's output fields, in characters. */
const SUMMARY_LIMIT = 65_535;
const TITLE_LIMIT = 1_000;
const MESSAGE_LIMIT = 64 * 1024 - 1;
const ANNOTATION_TITLE_LIMIT = 255;

export type Conclusion = 'success' | 'failure' | 'neutral';

interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

/** Output fields hold at most 65 535 characters: the end is cut, and says so. */
const fit = (text: string): string =>
  text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 40)}\n\n… (trimmed to fit)` : text;

export function conclusionOf(status: ReportStatus): Conclusion {
  return status === 'fail' ? 'failure' : 'success';
}

/** Annotations the Checks API can place (a file and a line); the others are counted. */
export function checkAnnotations(annotations: readonly Annotation[]): { placed: CheckAnnotation[]; unplaced: number } {
  const placed: CheckAnnotation[] = [];
  let unplaced = 0;
  for (const a of annotations) {
    if (!a.file) {
      unplaced++;
      continue;
    }
    const start = a.startLine ?? 1;
    const end = Math.max(start, a.endLine ?? start);
    const out: CheckAnnotation = {
      path: a.file,
      start_line: start,
      end_line: end,
      annotation_level: a.level === 'error' ? 'failure' : a.level,
      message: cut(a.message, MESSAGE_LIMIT),
    };
    // Columns are accepted only on a one-line annotation.
    if (start === end && a.startColumn !== undefined) {
      out.start_column = a.startColumn;
      out.end_column = Math.max(a.startColumn, a.endColumn ?? a.startColumn);
    }
    if (a.title) out.title = cut(a.title, ANNOTATION_TITLE_LIMIT);
    placed.push(out);
  }
  return { placed, unplaced };
}

export interface CheckRunInput {
  name: string;
  headSha: string;
  conclusion: Conclusion;
  title: string;
  summary: string;
  /** Markdown shown below the summary (the merged test shards' report). */
  text?: string;
  detailsUrl?: string;
  annotations: readonly Annotation[];
}

export interface CheckRunResult {
  id: number;
  url: string;
  conclusion: Conclusion;
  annotations: number;
  annotationsWithoutFile: number;
  requests: number;
}

/**
 * One check run named `name` on the head commit, completed with the conclusion: created with the
 * first 50 annotations, then updated with each further 50 (the Checks API's limit per request). A
 * required status check on the name then gates the merge.
 */
export async function publishCheckRun(github: GitHubContext, input: CheckRunInput): Promise<CheckRunResult> {
  const { placed, unplaced } = checkAnnotations(input.annotations);
  const output = (batch: CheckAnnotation[]) => ({
    title: cut(input.title, TITLE_LIMIT),
    summary: fit(input.summary),
    ...(input.text ? { text: fit(input.text) } : {}),
    ...(batch.length > 0 ? { annotations: batch } : {}),
  });
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < placed.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(placed.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const { data } = await github.octokit.rest.checks.create({
    owner: github.owner,
    repo: github.repo,
    name: input.name,
    head_sha: input.headSha,
    status: 'completed',
    conclusion: input.conclusion,
    completed_at: new Date().toISOString(),
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    output: output(batches[0] ?? []),
  });
  let requests = 1;
  for (const batch of batches.slice(1)) {
    await github.octokit.rest.checks.update({
      owner: github.owner,
      repo: github.repo,
      check_run_id: Number(data.id),
      output: output(batch),
    });
    requests++;
  }
  return {
    id: Number(data.id),
    url: data.html_url ?? data.url,
    conclusion: input.conclusion,
    annotations: placed.length,
    annotationsWithoutFile: unplaced,
    requests,
  };
}

/**
 * The conclusion of the newest completed check run named `name` on `ref` (a commit or branch), for
 * `notify-on: change`. Undefined when there is none.
 */
export async function previousConclusion(
  github: GitHubContext,
  name: string,
  ref: string,
): Promise<string | undefined> {
  const runs = await github.octokit.paginate(github.octokit.rest.checks.listForRef, {
    owner: github.owner,
    repo: github.repo,
    ref,
    check_name: name,
    filter: 'latest',
    per_page: 100,
  });
  const done = runs
    .filter((r) => r.status === 'completed' && r.conclusion)
    .sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? '') || Number(b.id) - Number(a.id));
  return done[0]?.conclusion ?? undefined;
}
