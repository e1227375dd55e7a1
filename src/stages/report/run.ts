import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderSection } from '../../core/comment/section.js';
import type { StageContext } from '../../core/context.js';
import { asServiceError, errorMessage, UserError } from '../../core/errors.js';
import type { GitHubContext } from '../../core/github/context.js';
import { httpStatus } from '../../core/github/octokit.js';
import { upsertStickySection } from '../../core/github/sticky-comment.js';
import { notify } from '../../core/notify.js';
import type { Annotation, StageOutcome } from '../../core/outcome.js';
import { buildReport, statusOf } from '../../core/report/build.js';
import type { Gate } from '../../core/report/types.js';
import { STAGES } from '../registry.js';
import { annotationsOf } from '../test-stage/report/annotations.js';
import { writeBadge } from './badge.js';
import { conclusionOf, previousConclusion, publishCheckRun, type CheckRunResult } from './check-run.js';
import { collectReports, type CollectedReport } from './collect.js';
import { mergeTestShards, type MergedTest } from './merge-test.js';
import { notificationMessage, shouldNotify } from './notification.js';
import type { ReportOptions } from './options.js';
import { reportComment, reportSummary, reportText } from './render.js';
import type { ReportReport, StageRow } from './report-schema.js';

/**
 * Annotations of one kind (failed tests, uncovered changed lines) a check run gets at most: 20
 * requests of the Checks API's 50. Beyond that a reviewer reads the summary, not the diff's margin.
 */
const CHECK_RUN_PER_LEVEL = 1000;

/** Artifacts the stages upload: `shipkit-<stage>-<job>[-<step>][-<shard>]` (runtime/artifact-names.ts). */
export const ARTIFACT_PREFIX = 'shipkit-';

const titleOf = (stage: string): string =>
  STAGES.find((s) => s.name === stage)?.title ?? stage.charAt(0).toUpperCase() + stage.slice(1);

async function reportsDirectory(options: ReportOptions, ctx: StageContext): Promise<string> {
  if (options.reports) return options.reports;
  if (!ctx.host.artifacts)
    throw new UserError('no reports to read: give the directory the stages wrote them to (reports / --reports DIR)', {
      input: 'reports',
    });
  const parent = ctx.env.RUNNER_TEMP ?? os.tmpdir();
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'shipkit-artifacts-'));
  const got = await ctx.host.artifacts.download(ARTIFACT_PREFIX, dir);
  ctx.logger.info(
    `Downloaded ${got.length} shipkit artifact(s) of this run: ${got.map((a) => a.name).join(', ') || 'none'}`,
  );
  return dir;
}

function rowOf(c: CollectedReport): StageRow {
  const r = c.report;
  return {
    stage: r.stage,
    title: titleOf(r.stage),
    status: r.status,
    headline: r.summary,
    shard: r.run.shard ?? null,
    job: r.run.job ?? null,
    url: r.run.url ?? null,
    merged: 0,
  };
}

function stageGate(row: StageRow): Gate {
  return {
    name: row.shard
      ? `${row.stage} (${row.shard})`
      : row.job && row.stage !== row.job
        ? `${row.stage} (${row.job})`
        : row.stage,
    passed: row.status !== 'fail',
    required: 'pass',
    actual: row.status,
    detail: row.headline,
  };
}

function orderIndex(stage: string): number {
  const i = STAGES.findIndex((s) => s.name === stage);
  return i === -1 ? STAGES.length : i;
}

/** The merged test section replaces the shards' own sections of the PR comment. */
async function writeMergedTestSection(
  merged: MergedTest,
  status: StageRow['status'],
  ctx: StageContext,
): Promise<void> {
  const github = ctx.github;
  if (!github || github.pullNumber === undefined) return;
  const meta = { title: titleOf('test'), status, headline: merged.headline };
  try {
    const result = await upsertStickySection(
      github.octokit,
      { owner: github.owner, repo: github.repo, issueNumber: github.pullNumber },
      { key: 'test', meta, markdown: renderSection(meta, merged.comment) },
      { logger: ctx.logger, order: STAGES.map((s) => s.name), remove: (key) => key.startsWith('test/') },
    );
    if (result.status === 'forbidden')
      ctx.logger.warning(`Could not write the merged test section of the PR comment: ${result.reason ?? '403'}`);
  } catch (error) {
    ctx.logger.warning(`Could not write the merged test section of the PR comment: ${errorMessage(error)}`);
  }
}

/**
 * One line for a check run GitHub would not take, with what to check, as other service errors have:
 * a refusal (403, or 404 for a token that cannot see the repository) is a missing permission; an
 * unreachable API is the address.
 */
function checkRunProblem(error: unknown, github: GitHubContext): string {
  const service = asServiceError(error, { service: 'the GitHub API' });
  if (!service) return errorMessage(error).split('\n')[0] ?? '';
  const status = httpStatus(error);
  if (status === 403 || status === 404)
    return `${service.message} — the token needs \`checks: write\` (the job's \`permissions:\`); a pull request from a fork gets a read-only token`;
  // asServiceError's network and TLS failures: "cannot reach …", "cannot connect … securely".
  if (service.message.startsWith('cannot '))
    return `${service.message} — check GITHUB_API_URL (${github.octokit.request.endpoint.DEFAULTS.baseUrl})`;
  return `${service.message} — ${service.hint}`;
}

function headSha(ctx: StageContext): string | undefined {
  const pr = ctx.github?.event.pull_request as { head?: { sha?: unknown } } | undefined;
  const sha = pr?.head?.sha;
  return typeof sha === 'string' && sha ? sha : (ctx.github?.sha ?? ctx.env.GITHUB_SHA);
}

/** What `notify-on: change` compares with: the previous commit of a push, the base of a pull request. */
function previousRef(ctx: StageContext): string | undefined {
  const event = ctx.github?.event ?? {};
  const pr = event.pull_request as { base?: { sha?: unknown; ref?: unknown } } | undefined;
  if (pr)
    return typeof pr.base?.sha === 'string' ? pr.base.sha : typeof pr.base?.ref === 'string' ? pr.base.ref : undefined;
  const before = event.before;
  if (typeof before === 'string' && /^[0-9a-f]{40}$/.test(before) && !/^0+$/.test(before)) return before;
  const repo = event.repository as { default_branch?: unknown } | undefined;
  return typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
}

/**
 * The root report action: every stage's report of the run in one view. Test shards are merged and
 * gated again, the PR comment gets the merged test section, a check run named `shipkit` carries the
 * verdict and every annotation, a webhook is told, and a coverage badge is written.
 */
export async function runReport(options: ReportOptions, ctx: StageContext): Promise<StageOutcome> {
  const startedAt = new Date();
  const warnings: string[] = [];
  // Every warning reaches the log as well as the report.
  const warn = (text: string): void => {
    warnings.push(text);
    ctx.logger.warning(text);
  };
  const dir = await reportsDirectory(options, ctx);
  const collected = await collectReports(dir);
  ctx.logger.info(`Found ${collected.length} stage report(s) in ${dir}`);

  const withShards = collected.filter((c) => c.shard);
  const plain = collected.filter((c) => !c.shard);
  let merged: MergedTest | undefined;
  if (withShards.length > 0) {
    const files = withShards.flatMap((c) => (c.shard ? [c.shard] : []));
    merged = await mergeTestShards(files, options.gates, ctx);
    for (const w of merged.warnings) warn(`test: ${w}`);
  }

  const rows: StageRow[] = [];
  const gates: Gate[] = [];
  let mergedStatus: StageRow['status'] | undefined;
  if (merged) {
    mergedStatus = statusOf(merged.result.gates, merged.result.warnings);
    rows.push({
      stage: 'test',
      title: titleOf('test'),
      status: mergedStatus,
      headline: merged.headline,
      shard: null,
      job: withShards[0]?.report.run.job ?? null,
      url: withShards[0]?.report.run.url ?? null,
      merged: withShards.length,
    });
    for (const g of merged.result.gates) gates.push({ ...g, name: `test: ${g.name}` });
  }
  for (const c of plain) rows.push(rowOf(c));
  rows.sort((a, b) => orderIndex(a.stage) - orderIndex(b.stage));
  for (const row of rows) if (row.merged === 0) gates.push(stageGate(row));
  if (collected.length === 0)
    gates.push({
      name: 'reports',
      passed: false,
      required: 'present',
      actual: 0,
      detail: `no shipkit stage report found in ${options.reports ?? "this run's artifacts"}`,
    });

  if (merged && mergedStatus && options.comment) await writeMergedTestSection(merged, mergedStatus, ctx);

  const status = statusOf(gates, warnings);
  // The check run takes every annotation a step could not show (workflow commands show 10 of a
  // kind, the merged test section keeps 50), up to CHECK_RUN_PER_LEVEL of each kind.
  const annotations: Annotation[] = [
    ...(merged ? annotationsOf(merged.result, CHECK_RUN_PER_LEVEL) : []),
    ...plain.flatMap((c) => c.annotations),
  ];
  const failures = merged?.result.tests?.failures.length ?? 0;
  if (options.checkRun && failures > CHECK_RUN_PER_LEVEL)
    warn(
      `the check run annotates the first ${CHECK_RUN_PER_LEVEL} of ${failures} failed tests; the summary lists them all`,
    );
  const common = buildReport({ stage: 'report', startedAt, run: ctx.run, gates, warnings, summary: '' });
  // What the check run says; the report's own headline and summary are made again once the last
  // gate (a check run that could not be written) and warning are in.
  const checkTitle = reportHeadline(rows, status, gates);

  let badge: string | null = null;
  if (options.badge) {
    const lead = merged?.result.coverage?.totals[merged.result.headline];
    await writeBadge(options.badge, lead?.pct);
    badge = options.badge;
  }

  let checkRun: CheckRunResult | undefined;
  const conclusion = conclusionOf(status);
  let previous: string | undefined;
  if (options.notifyUrl && options.notifyOn === 'change' && ctx.github) {
    const ref = previousRef(ctx);
    if (ref) {
      try {
        previous = await previousConclusion(ctx.github, options.checkName, ref);
      } catch (error) {
        warn(
          `the previous ${options.checkName} check run could not be read (notifying anyway): ${errorMessage(error)}`,
        );
      }
    }
  }
  if (options.checkRun) {
    const sha = headSha(ctx);
    // The CLI without GITHUB_TOKEN has no GitHub to write to: nothing to warn about there.
    if (!ctx.github) ctx.logger.info('No check run: no GitHub token here');
    else if (!sha) warn('no check run: the commit is unknown (no GITHUB_SHA)');
    else {
      try {
        checkRun = await publishCheckRun(ctx.github, {
          name: options.checkName,
          headSha: sha,
          conclusion,
          title: checkTitle,
          summary: reportSummary(rows, gates, status, checkTitle),
          ...(merged ? { text: merged.summary.map((s) => s.markdown).join('\n\n') } : {}),
          ...(ctx.run.url ? { detailsUrl: ctx.run.url } : {}),
          annotations,
        });
        ctx.logger.info(
          `Check run '${options.checkName}' ${conclusion}: ${checkRun.url} (${checkRun.annotations} annotations in ${checkRun.requests} request(s))`,
        );
      } catch (error) {
        // Fails closed: a required check that could not be written must not read as green.
        gates.push({
          name: 'check-run',
          passed: false,
          required: 'written',
          actual: null,
          detail: checkRunProblem(error, ctx.github),
        });
      }
    }
  }

  let notification: ReportReport['notification'] = 'off';
  if (options.notifyUrl) {
    // The verdict as it stands now: a check run that could not be written has failed it.
    const current = statusOf(gates, warnings);
    if (shouldNotify(options.notifyOn, current, conclusionOf(current), previous)) {
      const pull = ctx.github?.pullNumber;
      const repository = ctx.run.repository ?? (ctx.github ? `${ctx.github.owner}/${ctx.github.repo}` : undefined);
      const server = ctx.github?.serverUrl ?? 'https://github.com';
      const message = notificationMessage(current, rows, {
        ...(repository ? { repository } : {}),
        subject: pull !== undefined ? `pull request #${pull}` : (ctx.run.ref?.replace(/^refs\/heads\//, '') ?? ''),
        ...(pull !== undefined && repository ? { subjectUrl: `${server}/${repository}/pull/${pull}` } : {}),
        ...(ctx.run.url ? { runUrl: ctx.run.url } : {}),
        ...(checkRun ? { checkUrl: checkRun.url } : {}),
      });
      const problem = await notify(options.notifyUrl, message);
      notification = problem ? 'failed' : 'sent';
      if (problem) warn(problem);
    } else notification = 'skipped';
  }

  const finalStatus = statusOf(gates, warnings);
  const headline = reportHeadline(rows, finalStatus, gates);
  const summaryMarkdown = reportSummary(rows, gates, finalStatus, headline);
  const report: ReportReport = {
    schemaVersion: common.schemaVersion,
    stage: 'report',
    status: finalStatus,
    summary: headline,
    startedAt: common.startedAt,
    finishedAt: new Date().toISOString(),
    durationMs: Math.max(0, Date.now() - startedAt.getTime()),
    run: common.run,
    gates,
    warnings,
    stages: rows,
    coverage: merged ? merged.data.coverage : null,
    tests: merged ? merged.data.tests : null,
    shards: merged?.shards ?? [],
    checkRun: checkRun
      ? {
          id: checkRun.id,
          url: checkRun.url,
          conclusion: checkRun.conclusion,
          annotations: checkRun.annotations,
          annotationsWithoutFile: checkRun.annotationsWithoutFile,
        }
      : null,
    notification,
    badge,
  };
  const lead = merged?.result.coverage?.totals[merged.result.headline];
  return {
    report,
    outputs: {
      passed: finalStatus !== 'fail',
      status: finalStatus,
      coverage: lead?.pct ?? null,
      'check-run-url': checkRun?.url ?? null,
      badge,
    },
    summary: [{ markdown: summaryMarkdown, priority: 0 }, ...(merged?.summary ?? [])],
    comment: reportComment(rows, gates, headline),
    annotations: merged?.annotations ?? [],
    text: reportText(rows, merged?.text),
  };
}

/** The verdict in one line: what blocks (failed stages, a check run that could not be written), or that all passed. */
function reportHeadline(rows: readonly StageRow[], status: StageRow['status'], gates: readonly Gate[]): string {
  const checkRun = gates.find((g) => g.name === 'check-run' && !g.passed);
  const problem = checkRun ? `the check run could not be written: ${checkRun.detail ?? 'unknown error'}` : undefined;
  const failed = rows.filter((r) => r.status === 'fail');
  let base: string;
  if (rows.length === 0) base = 'no stage reports found';
  else if (failed.length > 0)
    base = `blocked: ${failed.map((r) => (r.shard ? `${r.stage} (${r.shard})` : r.stage)).join(', ')} failed`;
  else if (problem) return `blocked: ${problem}`;
  else
    base = `${status === 'warn' ? 'ready, with warnings' : 'ready'}: ${rows.length} stage report${rows.length === 1 ? '' : 's'} passed`;
  return problem ? `${base}; ${problem}` : base;
}
