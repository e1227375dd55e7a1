import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderSection } from '../core/comment/section.js';
import type { StickySection } from '../core/comment/sticky-body.js';
import { errorMessage } from '../core/errors.js';
import { reportFilePieces } from '../core/report/pretty-json.js';
import type { GitHubContext } from '../core/github/context.js';
import { upsertStickySection } from '../core/github/sticky-comment.js';
import type { Logger } from '../core/logger.js';
import type { StageOutcome, SummarySection } from '../core/outcome.js';
import { fitSummary, selectAnnotations } from '../core/summary-fit.js';
import { wantsArtifact } from './artifact-names.js';

/** Where stage reports go: the report action and later stages (approve) look for them here. */
export function reportsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'shipkit', 'reports');
}

async function writeReport(outcome: StageOutcome, env: NodeJS.ProcessEnv): Promise<string> {
  const dir = reportsDir(env);
  await mkdir(dir, { recursive: true });
  const shard = outcome.report.run.shard ? `-${outcome.report.run.shard.replace(/[^\w.-]+/g, '_')}` : '';
  let file = path.join(dir, `${outcome.report.stage}${shard}.json`);
  // A stage run twice in one job keeps both reports; nothing is overwritten.
  for (let n = 2; existsSync(file); n++) file = path.join(dir, `${outcome.report.stage}${shard}-${n}.json`);
  await writeFile(file, reportFilePieces(outcome.report));
  return file;
}

function emitAnnotations(outcome: StageOutcome, logger: Logger): string | undefined {
  const { shown, hidden } = selectAnnotations(outcome.annotations);
  for (const a of shown) {
    const props: core.AnnotationProperties = {
      title: a.title,
      file: a.file,
      startLine: a.startLine,
      endLine: a.endLine,
      startColumn: a.startColumn,
      endColumn: a.endColumn,
    };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  const notShown = hidden.error + hidden.warning + hidden.notice;
  if (notShown === 0) return undefined;
  const note = `${notShown} more annotation(s) not shown (${hidden.error} errors, ${hidden.warning} warnings, ${hidden.notice} notices): GitHub shows at most 10 of each level per step. All of them are in the job summary and the JSON report.`;
  logger.info(note);
  return note;
}

function jobSummaryUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

/** This run's section of the PR comment, in the layout every stage shares. */
export function stickySectionOf(outcome: StageOutcome, title: string): StickySection | undefined {
  if (!outcome.comment) return undefined;
  const { report } = outcome;
  const key = report.run.shard ? `${report.stage}/${report.run.shard}` : report.stage;
  const meta = { title, status: report.status, headline: outcome.comment.headline };
  return {
    key,
    meta,
    markdown: renderSection(
      { ...meta, title: key === report.stage ? title : `${title} (${report.run.shard})` },
      outcome.comment,
    ),
  };
}

async function updateComment(
  section: StickySection,
  github: GitHubContext,
  options: PublishOptions,
): Promise<SummarySection | undefined> {
  const { logger } = options;
  if (github.pullNumber === undefined) return undefined;
  try {
    const result = await upsertStickySection(
      github.octokit,
      { owner: github.owner, repo: github.repo, issueNumber: github.pullNumber },
      section,
      { logger, summaryUrl: jobSummaryUrl(options.env), order: options.order },
    );
    if (result.status !== 'forbidden') {
      logger.info(`PR comment ${result.status}: ${result.url ?? ''}`);
      return undefined;
    }
    logger.warning(
      `Could not write the PR comment (${result.reason ?? '403'}). This happens on pull requests from forks and with tokens without 'pull-requests: write'. The comment's content is in the job summary instead.`,
    );
  } catch (error) {
    // The comment is a convenience: the gate's verdict stands on its own, so a failure here warns.
    logger.warning(
      `Could not update the PR comment: ${errorMessage(error)}. Its content is in the job summary instead.`,
    );
  }
  return { markdown: `### PR comment (not posted)\n\n${section.markdown}`, priority: 1, label: 'PR comment' };
}

export interface PublishOptions {
  /** Update this stage's section of the PR comment (input `comment`). */
  comment: boolean;
  logger: Logger;
  /** The stage's title for its comment section (`Test`). */
  title: string;
  /** Stage names in pipeline order, for the comment's section order. */
  order: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Takes the secrets out of what is made after executeStage redacted the outcome (StageOutcome.artifacts). */
  redact?: (text: string) => string;
}

/**
 * Everything a finished stage tells the runner: outputs, report file, summary, annotations, PR
 * comment. The outcome is already redacted (executeStage); nothing here adds unredacted text.
 */
export async function publishOutcome(
  outcome: StageOutcome,
  github: GitHubContext | undefined,
  options: PublishOptions,
): Promise<void> {
  const { logger } = options;
  const reportFile = await writeReport(outcome, options.env);
  core.setOutput('report', reportFile);
  // The root report action reads it from the run's artifacts (report actions save none of their own).
  if (outcome.report.stage !== 'report' && wantsArtifact(options.env))
    // Loaded only here: the artifact client brings Azure's storage SDK, which most steps never use.
    await (
      await import('./artifacts.js')
    ).uploadStageArtifact(outcome, options.env, logger, options.redact ?? ((t) => t));
  for (const [name, value] of Object.entries(outcome.outputs))
    core.setOutput(name, value === null ? '' : String(value));

  const extra: SummarySection[] = [];
  const annotationNote = emitAnnotations(outcome, logger);
  if (annotationNote) extra.push({ markdown: `> ${annotationNote}`, priority: 0, label: 'annotation note' });
  const section = stickySectionOf(outcome, options.title);
  if (options.comment && github && section) {
    const fallback = await updateComment(section, github, options);
    if (fallback) extra.push(fallback);
  }

  if (options.env.GITHUB_STEP_SUMMARY) {
    const fitted = fitSummary([...outcome.summary, ...extra]);
    if (fitted.trimmed.length > 0) logger.warning(`Job summary trimmed to fit 1 MiB: ${fitted.trimmed.join(', ')}`);
    await core.summary.addRaw(fitted.markdown).write();
  }
}
