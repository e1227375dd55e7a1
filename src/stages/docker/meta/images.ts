import { UserError } from '../../../core/errors.js';
import { entryFields, splitField, type InputRef } from './input-list.js';

export interface ImageEntry {
  /** Lowercased, as metadata-action does (registry and repository names are lowercase). */
  name: string;
  enable: boolean;
}

/**
 * `images` entries: one image per line, either a bare name or `name=…,enable=true|false`. A single line
 * of bare names separated by commas (`name/app,ghcr.io/name/app`) is metadata-action's older form and is
 * still read as several images.
 */
export function parseImages(entries: readonly string[], input: InputRef): ImageEntry[] {
  if (entries.length === 1) {
    const fields = entryFields(entries[0] ?? '', input).map(splitField);
    if (fields.every((f) => 'bare' in f)) {
      return fields.map((f) => ({ name: ('bare' in f ? f.bare : '').toLowerCase(), enable: true }));
    }
  }
  return entries.map((entry) => parseImage(entry, input));
}

function parseImage(entry: string, input: InputRef): ImageEntry {
  const image: ImageEntry = { name: '', enable: true };
  for (const field of entryFields(entry, input).map(splitField)) {
    if ('bare' in field) {
      image.name = field.bare.toLowerCase();
    } else if (field.key === 'name') {
      image.name = field.value.toLowerCase();
    } else if (field.key === 'enable') {
      if (field.value !== 'true' && field.value !== 'false') {
        throw new UserError(`${input.label}: enable must be true or false in '${entry}'`, { input: input.name });
      }
      image.enable = field.value === 'true';
    } else {
      throw new UserError(`${input.label}: unknown attribute '${field.key}' in '${entry}' (known: name, enable)`, {
        input: input.name,
      });
    }
  }
  if (image.name === '') {
    throw new UserError(`${input.label}: '${entry}' names no image`, { input: input.name });
  }
  return image;
}
