import { DefaultArtifactClient } from '@actions/artifact';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errorMessage } from '../core/errors.js';
import type { ArtifactSource } from '../core/host/artifact-source.js';
import type { Logger } from '../core/logger.js';
import type { StageOutcome } from '../core/outcome.js';
import { artifactName } from './artifact-names.js';
import { savedFiles } from '../core/report/saved-files.js';

/**
 * A re-run job uploads the same name again: the service refuses, so the old one goes first. Matrix
 * legs of one job share the name too unless each sets SHIPKIT_SHARD: in a first attempt a taken name
 * can only be that, and the warning says so, since one leg's report then replaces another's.
 */
const isConflict = (error: unknown): boolean => /conflict|409|already exists/i.test(errorMessage(error));

/** Uploads the stage's saved files; a failure warns (the report action then misses this run and says so). */
export async function uploadStageArtifact(
  outcome: StageOutcome,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  redact: (text: string) => string,
): Promise<void> {
  const name = artifactName(outcome, env);
  let dir: string | undefined;
  try {
    const parent = env.RUNNER_TEMP ?? os.tmpdir();
    await mkdir(parent, { recursive: true });
    dir = await mkdtemp(path.join(parent, 'shipkit-artifact-'));
    const files: string[] = [];
    for (const f of savedFiles(outcome, redact)) {
      const file = path.join(dir, f.name);
      await writeFile(file, f.data);
      files.push(file);
    }
    const client = new DefaultArtifactClient();
    try {
      await client.uploadArtifact(name, files, dir, { retentionDays: 7 });
    } catch (error) {
      if (!isConflict(error)) throw error;
      // A re-run (attempt 2 on) replaces its own earlier upload; in a first attempt the name was taken by another leg.
      if (Number(env.GITHUB_RUN_ATTEMPT ?? '1') <= 1)
        logger.warning(
          `The artifact ${name} already exists: replaced. That is right when this job is re-run; if it runs as a matrix, set SHIPKIT_SHARD to each leg's name (for example \${{ matrix.target }}) so each leg keeps its own report.`,
        );
      await client.deleteArtifact(name);
      await client.uploadArtifact(name, files, dir, { retentionDays: 7 });
    }
    logger.info(`Saved the ${outcome.report.stage} report for the report action as artifact ${name}`);
  } catch (error) {
    logger.warning(`Could not upload the artifact ${name} for the report action: ${errorMessage(error)}`);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/** This run's artifacts through the Actions artifact service (the newest of each name). */
export function actionArtifactSource(logger: Logger): ArtifactSource {
  return {
    async download(prefix, dir) {
      const client = new DefaultArtifactClient();
      const { artifacts } = await client.listArtifacts({ latest: true });
      const mine = artifacts.filter((a) => a.name.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name));
      const out: { name: string; dir: string }[] = [];
      for (const a of mine) {
        const target = path.join(dir, a.name);
        await mkdir(target, { recursive: true });
        await client.downloadArtifact(a.id, { path: target });
        logger.debug(`artifact ${a.name} (${a.size} bytes) → ${target}`);
        out.push({ name: a.name, dir: target });
      }
      return out;
    },
  };
}
