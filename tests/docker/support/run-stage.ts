import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import type { StageOutcome } from '../../../src/core/outcome.js';
import { Redactor } from '../../../src/core/redact.js';
import { assertReportMatches } from '../../../src/core/report/schema.js';
import { dockerStage } from '../../../src/stages/docker/stage.js';
import type { DockerReport } from '../../../src/stages/docker/report-schema.js';
import { stageContext } from '../../support/stage-context.js';
import { git } from '../../test-stage/support/git-repo.js';
import { FIXTURES } from './tools.js';

/**
 * A repository holding copies of fixture build contexts (`node-service`, `go-service`…) at its root, one
 * commit, `origin` on GitHub (for the OCI labels), and optionally a version tag on HEAD (a tag push).
 */
export function projectRepo(dir: string, contexts: readonly string[], tag?: string): string {
  mkdirSync(dir, { recursive: true });
  for (const c of contexts) cpSync(path.join(FIXTURES, c), path.join(dir, c), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'remote', 'add', 'origin', 'https://github.com/acme/shop.git');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'services');
  if (tag) git(dir, 'tag', tag);
  return dir;
}

export interface StageRun {
  outcome: StageOutcome;
  report: DockerReport;
  /** What the stage registered as secret. */
  masked: string[];
  /** Every log line, as the run wrote them. */
  log: string;
  /** Redacted as the host redacts every channel before it leaves. */
  redacted: StageOutcome;
}

/** Reads options from action-style inputs and runs the stage in-process, as the host would; the report must match its schema. */
export async function runDockerStage(
  inputs: Record<string, string | undefined>,
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<StageRun> {
  const masked: string[] = [];
  const source = { ...mapSource(inputs, 'input'), mask: (v: string) => void masked.push(v) };
  const ctx = stageContext({ cwd: opts.cwd, env: opts.env });
  const options = dockerStage.readOptions(new InputReader(source), ctx);
  const outcome = await dockerStage.run(options, ctx);
  assertReportMatches(dockerStage.reportSchema as TSchema, outcome.report);
  const redactor = new Redactor();
  for (const m of masked) redactor.add(m);
  return {
    outcome,
    report: outcome.report as DockerReport,
    masked,
    log: ctx.logger.lines.map((l) => l.message).join('\n'),
    redacted: redactor.redactDeep(outcome),
  };
}
