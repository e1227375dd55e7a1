import * as core from '@actions/core';
import path from 'node:path';
import type { StageContext } from '../core/context.js';
import { GateFailure, isUserError } from '../core/errors.js';
import { githubContextFromEnv } from '../core/github/context-from-env.js';
import { InputReader } from '../core/inputs.js';
import type { StageOutcome } from '../core/outcome.js';
import { runInfoFromEnv } from '../core/report/build.js';
import type { StageName } from '../core/report/types.js';
import { VERSION } from '../core/version.js';
import { actionInputSource, actionLogger } from './action-io.js';
import { publishOutcome } from './publish.js';

export type StageRun = (inputs: InputReader, ctx: StageContext) => Promise<StageOutcome>;

/**
 * Entries pass a loader, not the stage itself: a stage's code (SQL parsers, cache clients, XML
 * parsers) is megabytes, and the step's first line should not wait for all of it to be parsed.
 */
export type StageLoader = () => Promise<StageRun>;

/**
 * The whole life of an action step around a stage: read inputs, run, publish, set the verdict.
 * A user's mistake is one clear error line; anything else is a bug, shown with its stack.
 * Never calls process.exit: the runner reads process.exitCode once the event loop drains.
 */
export async function runAction(stage: StageName, load: StageLoader): Promise<void> {
  core.info(`shipkit ${stage} ${VERSION}`);
  const controller = new AbortController();
  const cancel = (signal: string) => (): void => {
    core.warning(`Received ${signal}: the run is being cancelled.`);
    controller.abort(new Error(`cancelled by ${signal}`));
  };
  process.once('SIGTERM', cancel('SIGTERM'));
  process.once('SIGINT', cancel('SIGINT'));
  try {
    const inputs = new InputReader(actionInputSource);
    const token = inputs.secret('github-token');
    const comment = inputs.bool('comment', true);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const github = githubContextFromEnv(process.env, actionLogger, token);
    const ctx: StageContext = {
      cwd: path.resolve(workspace, inputs.string('working-directory') ?? '.'),
      env: process.env,
      logger: actionLogger,
      run: runInfoFromEnv(),
      github,
      signal: controller.signal,
    };
    const run = await load();
    const outcome = await run(inputs, ctx);
    await publishOutcome(outcome, github, { comment, logger: actionLogger });
    if (outcome.report.status === 'fail') core.setFailed(`${stage}: ${outcome.report.summary}`);
  } catch (error) {
    if (isUserError(error)) core.setFailed(error.describe());
    else if (error instanceof GateFailure) core.setFailed(error.message);
    else {
      core.error(`shipkit ${stage} hit an internal error; please report it with this log.`);
      core.setFailed((error as Error).stack ?? String(error));
    }
  }
}
