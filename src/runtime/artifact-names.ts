import type { StageOutcome } from '../core/outcome.js';

/**
 * A stage's report (and its own files) as an artifact of the workflow run, for the root report
 * action: in a matrix job (SHIPKIT_SHARD set), or when asked (input `artifact: true`, or
 * SHIPKIT_ARTIFACT=true for a stage whose action.yml does not declare the input).
 */
export function wantsArtifact(env: NodeJS.ProcessEnv): boolean {
  const yes = (v: string | undefined): boolean => /^true$/i.test((v ?? '').trim());
  return (env.SHIPKIT_SHARD ?? '').trim() !== '' || yes(env.INPUT_ARTIFACT) || yes(env.SHIPKIT_ARTIFACT);
}

/**
 * The step, when the job has more than one step of this action (two scans, a backend and a frontend
 * image): GITHUB_ACTION is the step's `id`, or `__owner_repo` for the first step without one and the
 * same with a number for the next (`__owner_repo_2`, `ownerrepo2`). The first unnamed step keeps the
 * short name.
 */
function stepOf(env: NodeJS.ProcessEnv): string | undefined {
  const step = env.GITHUB_ACTION?.trim();
  if (!step) return undefined;
  return step.startsWith('__') && !/\d$/.test(step) ? undefined : step;
}

/** `shipkit-<stage>-<job>[-<step>][-<shard>]`, in the characters artifact names allow. */
export function artifactName(outcome: Pick<StageOutcome, 'report'>, env: NodeJS.ProcessEnv): string {
  const { report } = outcome;
  const clean = (s: string): string => s.replace(/[^\w.-]+/g, '_');
  const job = env.GITHUB_JOB ?? report.run.job ?? 'job';
  const step = stepOf(env);
  return `shipkit-${clean(report.stage)}-${clean(job)}${step ? `-${clean(step)}` : ''}${report.run.shard ? `-${clean(report.run.shard)}` : ''}`;
}
