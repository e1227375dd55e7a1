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

/** `shipkit-<stage>-<job>[-<shard>]`, in the characters artifact names allow. */
export function artifactName(outcome: Pick<StageOutcome, 'report'>, env: NodeJS.ProcessEnv): string {
  const { report } = outcome;
  const clean = (s: string): string => s.replace(/[^\w.-]+/g, '_');
  const job = env.GITHUB_JOB ?? report.run.job ?? 'job';
  return `shipkit-${clean(report.stage)}-${clean(job)}${report.run.shard ? `-${clean(report.run.shard)}` : ''}`;
}
