import { UserError } from '../../../core/errors.js';
import type { InputReader } from '../../../core/inputs.js';
import type { MetaConfig } from './compute.js';
import { parseFlavor } from './flavor.js';
import { parseImages } from './images.js';
import { readInputList, type InputRef } from './input-list.js';
import { parseTagRules } from './tag-rules.js';

const DEFAULT_SHORT_SHA = 7;

/**
 * `images`, `tags`, `flavor` and `labels` read with metadata-action's syntax, each mistake a UserError
 * naming the input. DOCKER_METADATA_SHORT_SHA_LENGTH is honoured as in metadata-action, so a workflow
 * that sets it keeps its tags.
 */
export function readMetaOptions(inputs: InputReader, env: NodeJS.ProcessEnv): MetaConfig {
  const ref = (name: string): InputRef => ({ name, label: inputs.source.label(name) });
  const list = (name: string) => readInputList(inputs.text(name), ref(name));
  const shortText = env.DOCKER_METADATA_SHORT_SHA_LENGTH?.trim();
  let shortShaLength = DEFAULT_SHORT_SHA;
  if (shortText) {
    shortShaLength = Number(shortText);
    if (!Number.isInteger(shortShaLength) || shortShaLength < 1) {
      throw new UserError(`DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number ≥ 1, got '${shortText}'`);
    }
  }
  return {
    images: parseImages(list('images'), ref('images')),
    tags: parseTagRules(list('tags'), ref('tags')),
    flavor: parseFlavor(list('flavor'), ref('flavor')),
    labels: list('labels'),
    shortShaLength,
    inputs: { tags: ref('tags'), labels: ref('labels') },
  };
}
