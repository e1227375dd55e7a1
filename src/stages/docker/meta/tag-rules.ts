import { UserError, errorMessage } from '../../../core/errors.js';
import { entryFields, splitField, type InputRef } from './input-list.js';

export const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'] as const;
export type TagType = (typeof TAG_TYPES)[number];

/** metadata-action's default priorities: the higher one is the image's version (its first tag). */
export const DEFAULT_PRIORITY: Readonly<Record<TagType, number>> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};

/** The rules used when `tags` is empty, as metadata-action's README lists them. */
export const DEFAULT_TAG_RULES: readonly string[] = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr',
];

export interface TagRule {
  type: TagType;
  /**
   * Attributes as written, defaults filled in (`pattern`, `value`, `group`, `branch`, `event`, `format`,
   * `prefix`, `suffix`, `enable`). A null-prototype map: keys come from the user.
   */
  attrs: Record<string, string>;
  priority: number;
  /** The entry as the user wrote it, for messages. */
  entry: string;
}

/**
 * The `tags` input: each entry parsed, defaults filled, then ordered by priority, highest first. The sort is
 * stable, so rules of equal priority keep the order they were written in (as metadata-action's does).
 */
export function parseTagRules(entries: readonly string[], input: InputRef): TagRule[] {
  const source = entries.length === 0 ? DEFAULT_TAG_RULES : entries;
  return source.map((entry) => parseTagRule(entry, input)).sort((a, b) => b.priority - a.priority);
}

export function parseTagRule(entry: string, input: InputRef): TagRule {
  const fail = (problem: string): never => {
    throw new UserError(`${input.label}: ${problem} in '${entry}'`, { input: input.name });
  };
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  let type: TagType | undefined;
  for (const field of entryFields(entry, input).map(splitField)) {
    if ('bare' in field) {
      attrs.value = field.bare;
    } else if (field.key === 'type') {
      if (!(TAG_TYPES as readonly string[]).includes(field.value)) {
        fail(`unknown type '${field.value}' (known: ${TAG_TYPES.join(', ')})`);
      }
      type = field.value as TagType;
    } else {
      attrs[field.key] = field.value;
    }
  }
  type ??= 'raw';
  const has = (key: string) => key in attrs;
  const fill = (key: string, value: string) => {
    if (!has(key)) attrs[key] = value;
  };

  switch (type) {
    case 'schedule':
      fill('pattern', 'nightly');
      break;
    case 'semver':
    case 'pep440':
      if (!has('pattern')) fail(`type=${type} needs a pattern, e.g. pattern={{version}}`);
      fill('value', '');
      break;
    case 'match':
      if (!has('pattern')) fail('type=match needs a pattern, e.g. pattern=v(.*)');
      fill('group', '0');
      if (attrs.group === '' || isNaN(Number(attrs.group))) fail(`group must be a number, got '${attrs.group}'`);
      fill('value', '');
      // Checked here, not first when a tag is pushed: a typo should fail the branch build that adds it.
      try {
        matchRegex(attrs.pattern ?? '');
      } catch (error) {
        fail(`pattern is not a valid regular expression (${errorMessage(error)})`);
      }
      break;
    case 'edge':
      fill('branch', '');
      break;
    case 'ref':
      if (!has('event')) fail('type=ref needs event=branch, event=tag or event=pr');
      if (!['branch', 'tag', 'pr'].includes(attrs.event ?? '')) {
        fail(`event must be branch, tag or pr, got '${attrs.event}'`);
      }
      if (attrs.event === 'pr') fill('prefix', 'pr-');
      break;
    case 'raw':
      if (!has('value')) fail('type=raw needs a value, e.g. type=raw,value=stable');
      break;
    case 'sha':
      fill('prefix', 'sha-');
      fill('format', 'short');
      if (attrs.format !== 'short' && attrs.format !== 'long') {
        fail(`format must be short or long, got '${attrs.format}'`);
      }
      break;
  }
  fill('enable', 'true');
  let priority = DEFAULT_PRIORITY[type];
  if (has('priority')) {
    priority = Number(attrs.priority);
    if (attrs.priority === '' || !Number.isFinite(priority)) fail(`priority must be a number, got '${attrs.priority}'`);
  }
  return { type, attrs, priority, entry };
}

/** `/source/flags` is a regular expression literal; anything else is the source of one, as in metadata-action. */
export function matchRegex(pattern: string): RegExp {
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(pattern);
}
