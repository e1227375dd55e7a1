import * as core from '@actions/core';
import path from 'node:path';
import type { StageContext } from '../core/context.js';
import { directoryProblem } from '../core/directory.js';
import { UserError } from '../core/errors.js';
import { executeStage, failedExecution } from '../core/execute.js';
import { describeFailure } from '../core/failure.js';
import type { GitHubContext } from '../core/github/context.js';
import { githubContextFromEnv } from '../core/github/context-from-env.js';
import type { StageHost } from '../core/host/index.js';
import { InputReader } from '../core/inputs.js';
import type { Logger } from '../core/logger.js';
import { Redactor } from '../core/redact.js';
import { runInfoFromEnv } from '../core/report/build.js';
import { stageEntry, STAGES } from '../stages/registry.js';
import { actionInputSource, actionLogger } from './action-io.js';
import { publishOutcome } from './publish.js';
import { lazyBaselineStore, lazyDirectoryCache, lazyToolCache } from '../core/host/lazy.js';

/**
 * What the runner offers a stage: the Actions cache for baselines (or SHIPKIT_BASELINE_DIR on a
 * self-hosted runner with a persistent disk) and the runner's tool cache.
 */
function actionHost(env: NodeJS.ProcessEnv, logger: Logger): StageHost {
  return {
    kind: 'action',
    baselines: lazyBaselineStore(async () => (await import('./baseline-cache.js')).actionBaselineStore(env, logger)),
    tools: lazyToolCache(async () => (await import('./tool-cache.js')).actionToolCache(logger)),
    cache: lazyDirectoryCache(async () => (await import('./directory-cache.js')).actionDirectoryCache(logger)),
    artifacts: {
      download: async (prefix, dir) =>
        (await import('./artifacts.js')).actionArtifactSource(logger).download(prefix, dir),
    },
  };
}

/** The directory the stage works in: `working-directory` under the workspace, which must be a directory. */
function workingDirectoryOf(workspace: string, value: string): string {
  const dir = path.resolve(workspace, value);
  const problem = directoryProblem(dir);
  if (problem === 'missing')
    throw new UserError(`working-directory '${value}' does not exist (looked for ${dir})`, {
      input: 'working-directory',
    });
  if (problem)
    throw new UserError(`working-directory '${value}' is not a directory (${dir})`, { input: 'working-directory' });
  return dir;
}

/**
 * Read inputs, run, publish, set the verdict. A usage error exits 2 and names the input; an
 * unreachable server is one line with a hint; anything else is a bug shown with its stack. In every
 * case the report, outputs and summary are written. Never calls process.exit: the runner reads
 * process.exitCode once the event loop drains.
 */
export async function runInActionHost(name: string): Promise<void> {
  const entry = stageEntry(name);
  if (!entry) throw new Error(`no stage '${name}' in the registry`);
  const redactor = new Redactor();
  const logger = actionLogger(redactor);
  const controller = new AbortController();
  const cancel = (signal: string) => (): void => {
    core.warning(`Received ${signal}: the run is being cancelled.`);
    controller.abort(new Error(`cancelled by ${signal}`));
  };
  process.once('SIGTERM', cancel('SIGTERM'));
  process.once('SIGINT', cancel('SIGINT'));

  const inputs = new InputReader(actionInputSource(redactor));
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  let token: string | undefined;
  let comment = true;
  let cwd = workspace;
  let commonInputError: unknown;
  try {
    token = inputs.secret('github-token');
    comment = inputs.bool('comment', true);
    // Read here only to refuse a value that is not true or false; publishing reads it (wantsArtifact).
    inputs.bool('artifact', false);
    cwd = workingDirectoryOf(workspace, inputs.string('working-directory') ?? '.');
  } catch (error) {
    commonInputError = error;
  }
  // A missing or unreadable GITHUB_EVENT_PATH is a UserError naming the file: reported as any usage
  // error, with the report, outputs and summary (and no PR comment: without the event, no PR).
  let github: GitHubContext | undefined;
  try {
    github = await githubContextFromEnv(process.env, logger, token);
  } catch (error) {
    commonInputError ??= error;
  }
  const ctx: StageContext = {
    cwd,
    env: process.env,
    logger,
    run: runInfoFromEnv(),
    github,
    signal: controller.signal,
    host: actionHost(process.env, logger),
  };
  const { outcome, exitCode, failure } =
    commonInputError === undefined
      ? await executeStage(entry, inputs, ctx, redactor)
      : failedExecution(entry, commonInputError, ctx, redactor);
  try {
    await publishOutcome(outcome, github, {
      comment,
      logger,
      title: entry.title,
      order: STAGES.map((s) => s.name),
      env: process.env,
      redact: (text) => redactor.redact(text),
    });
  } catch (error) {
    core.error(redactor.redact(`could not publish the ${name} report: ${(error as Error).stack ?? String(error)}`));
    process.exitCode = 1;
    return;
  }
  if (failure) core.setFailed(redactor.redact(describeFailure(failure)));
  else if (outcome.report.status === 'fail') core.setFailed(redactor.redact(`${name}: ${outcome.report.summary}`));
  // setFailed sets 1; a usage error is 2, as in the CLI.
  if (exitCode !== 0) process.exitCode = exitCode;
}
