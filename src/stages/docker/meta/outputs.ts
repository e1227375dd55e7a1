import type { DockerMeta } from './compute.js';
import { labelLines } from './labels.js';

/**
 * metadata-action's outputs, with the same names and shapes: `version`, `tags` and `labels` one per line
 * (its default separators), `json` an object of the tags and the labels map, so a workflow moving from
 * `steps.meta.outputs.*` keeps its expressions (`fromJSON(…json).labels['org.opencontainers.image.version']`).
 */
export function metaOutputs(meta: DockerMeta): { version: string; tags: string; labels: string; json: string } {
  return {
    version: meta.version,
    tags: meta.tags.join('\n'),
    labels: labelLines(meta.labels).join('\n'),
    json: JSON.stringify({ tags: meta.tags, labels: meta.labels }),
  };
}
