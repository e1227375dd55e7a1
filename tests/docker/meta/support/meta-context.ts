import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputReader, mapSource } from '../../../../src/core/inputs.js';
import { workflowGitContext, type GitContext } from '../../../../src/stages/docker/git-context.js';
import { computeMeta, type DockerMeta } from '../../../../src/stages/docker/meta/compute.js';
import { readMetaOptions } from '../../../../src/stages/docker/meta/options.js';
import { tempDir } from '../../../test-stage/support/git-repo.js';

/** metadata-action's tests freeze the clock here; its README's outputs (`20200110`…) assume it. */
export const README_NOW = new Date('2020-01-10T00:30:00.000Z');

/**
 * A workflow context read the way an action reads it: the payload written to GITHUB_EVENT_PATH and the
 * GITHUB_* variables set, then `workflowGitContext` (no cwd: no git fallback for the commit date).
 */
export async function workflowContext(
  eventName: string,
  payload: Record<string, unknown>,
  ref: string,
  sha: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<GitContext> {
  const file = path.join(tempDir('event'), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return workflowGitContext({
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: file,
    GITHUB_REF: ref,
    GITHUB_SHA: sha,
    ...extraEnv,
  });
}

/** Inputs as an action receives them (`images`, `tags`, `flavor`, `labels`), computed for `ctx`. */
export function meta(
  inputs: Record<string, string | undefined>,
  ctx: GitContext,
  now: Date = README_NOW,
  env: NodeJS.ProcessEnv = {},
): DockerMeta {
  return computeMeta(readMetaOptions(new InputReader(mapSource(inputs, 'input')), env), ctx, now);
}

/** The tags without the image name, for comparing with the README's "Docker Tags" columns. */
export const bareTags = (m: DockerMeta): string[] => m.tags.map((t) => t.slice(t.lastIndexOf(':') + 1));
