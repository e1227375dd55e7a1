import { builtStages, type DockerfileModel } from './dockerfile-model.js';
import type { RawFinding } from './finding.js';

/** `registry:5000/ns/name:tag@sha256:…` split the way Docker reads a reference: the tag is after the last
 * `:` that comes after the last `/` (a registry port is not a tag). */
export function splitReference(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

/**
 * Every FROM the build runs pins its base: a tag other than `latest`, or a digest. `scratch` and earlier
 * stages need nothing; a base from an ARG is judged by the ARG's default (or the build arg given). Only the
 * stages built are judged (the target, else the last stage, and the stages it needs): a stage after the
 * target or one nothing built reads from pulls no image.
 */
export function baseImageFindings(model: DockerfileModel): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const stage of builtStages(model)) {
    if (stage.image === undefined) {
      findings.push({
        rule: 'pinned-base',
        line: stage.line,
        message: `FROM ${stage.written}: ${stage.unresolved.join(', ')} has no default, so the base image cannot be checked: give the ARG a pinned default`,
      });
      continue;
    }
    if (stage.parent || stage.image.toLowerCase() === 'scratch') continue;
    const { tag, digest } = splitReference(stage.image);
    const shown = stage.image === stage.written ? stage.image : `${stage.written} (= ${stage.image})`;
    if (digest) continue;
    if (tag === undefined || tag === '') {
      findings.push({
        rule: 'pinned-base',
        line: stage.line,
        message: `FROM ${shown} has no tag: it means latest; pin a version tag or a digest`,
      });
    } else if (tag === 'latest') {
      findings.push({
        rule: 'pinned-base',
        line: stage.line,
        message: `FROM ${shown} uses latest: pin a version tag or a digest`,
      });
    }
  }
  return findings;
}
