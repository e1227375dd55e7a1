import { UserError } from '../../../core/errors.js';
import type { GitContext } from '../git-context.js';
import { globalData, render, scheduleData } from './expressions.js';
import type { Flavor } from './flavor.js';
import type { ImageEntry } from './images.js';
import { inputRef, type InputRef } from './input-list.js';
import { ociLabels } from './labels.js';
import { ruleValue, type RuleEnv } from './rule-values.js';
import { sanitizeImageName, sanitizeTag, shortSha } from './sanitize.js';
import type { TagRule } from './tag-rules.js';

/** Parsed `images`, `tags`, `flavor` and `labels` (see options.ts). */
export interface MetaConfig {
  images: ImageEntry[];
  /** Sorted by priority, highest first (parseTagRules). */
  tags: TagRule[];
  flavor: Flavor;
  /** Custom `key=value` labels; they override the OCI ones of the same key. */
  labels: string[];
  /** Length of `{{sha}}` and `type=sha` tags; 7 unless set. */
  shortShaLength: number;
  /** How each input is named in messages; `input '<name>'` when absent. */
  inputs?: Partial<Record<'tags' | 'labels', InputRef>>;
}

/** The version the rules give: the first value, the others, and whether `latest` is added. */
export interface MetaVersion {
  main: string | undefined;
  partial: string[];
  latest: boolean;
}

export interface DockerMeta {
  /** metadata-action's `version` output: the highest-priority tag, '' when no rule applied. */
  version: string;
  versionParts: MetaVersion;
  /** Full references (`name/app:1.2.3`), per enabled image in order; bare tags when no image is enabled. */
  tags: string[];
  /** OCI labels and custom ones, sorted by key. */
  labels: Record<string, string>;
  /** The enabled image names (lowercased). */
  images: string[];
  /** What metadata-action would print as warnings: a rule that could not apply (not a semver tag…). */
  warnings: string[];
}

/**
 * Tags and labels for one git context, as docker/metadata-action computes them: rules in priority order,
 * each enabled rule's value with its prefix and suffix (the rule's own, else the flavor's), sanitised; the
 * first value is the version, later distinct ones follow; `latest` comes from the flavor or, in `auto`,
 * from the first rule that yielded a value.
 */
export function computeMeta(config: MetaConfig, ctx: GitContext, now: Date = new Date()): DockerMeta {
  const tagsInput = config.inputs?.tags ?? inputRef('tags');
  const warnings: string[] = [];
  const short = (sha: string) => shortSha(sha, config.shortShaLength);
  const global = globalData(now, ctx, short);
  const schedule = scheduleData(now, ctx);
  const expand = (text: string) => render(text, global, tagsInput);
  const env: RuleEnv = {
    ctx,
    input: tagsInput,
    expand,
    schedule: (pattern) => render(pattern, schedule, tagsInput),
    shortSha: short,
    defaultBranch: ctx.repository.defaultBranch,
    warn: (m) => warnings.push(m),
  };

  const version: MetaVersion = { main: undefined, partial: [], latest: false };
  let latestDecided = false;
  for (const rule of config.tags) {
    const enabled = expand(rule.attrs.enable ?? 'true');
    if (enabled !== 'true' && enabled !== 'false') {
      throw new UserError(`${tagsInput.label}: enable must be true or false, got '${enabled}' in '${rule.entry}'`, {
        input: tagsInput.name,
      });
    }
    if (enabled === 'false') continue;
    const result = ruleValue(rule, env);
    if (!result) continue;
    const value = withAffixes(result.value, rule, config.flavor, expand);
    if (value === '') continue;
    const tag = sanitizeTag(value);
    if (version.main === undefined) version.main = tag;
    else if (tag !== version.main && !version.partial.includes(tag)) version.partial.push(tag);
    if (!latestDecided) {
      version.latest = config.flavor.latest === 'auto' ? result.autoLatest : config.flavor.latest === 'true';
      latestDecided = true;
    }
  }
  const images = config.images.filter((i) => i.enable).map((i) => sanitizeImageName(i.name));
  const tags = imageTags(version, images, config.flavor);
  const noRule = `no tag rule applies to event '${ctx.eventName}' with ref '${ctx.ref || '(none)'}'`;
  if (config.images.length > 0 && tags.length === 0) {
    // metadata-action's own words, so a search for them finds both; then which event and ref got nothing.
    warnings.push(`No Docker tag has been generated. Check tags input. (${noRule})`);
  } else if (
    version.main === undefined &&
    !/^refs\/(heads|tags|pull)\//.test(ctx.ref) &&
    !/schedule/.test(ctx.eventName)
  ) {
    warnings.push(noRule);
  }
  return {
    version: version.main ?? '',
    versionParts: version,
    tags,
    labels: ociLabels(ctx, version.main ?? '', now, config.labels, global, config.inputs?.labels ?? inputRef('labels')),
    images,
    warnings,
  };
}

/** A rule's own `prefix`/`suffix` (even empty) wins over the flavor's; both may hold expressions. */
function withAffixes(value: string, rule: TagRule, flavor: Flavor, expand: (t: string) => string): string {
  const prefix = 'prefix' in rule.attrs ? expand(rule.attrs.prefix ?? '') : flavor.prefix ? expand(flavor.prefix) : '';
  const suffix = 'suffix' in rule.attrs ? expand(rule.attrs.suffix ?? '') : flavor.suffix ? expand(flavor.suffix) : '';
  return `${prefix}${value}${suffix}`;
}

function imageTags(version: MetaVersion, images: readonly string[], flavor: Flavor): string[] {
  if (version.main === undefined) return [];
  const latest = sanitizeTag(
    `${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`,
  );
  const names = [version.main, ...version.partial, ...(version.latest ? [latest] : [])];
  if (images.length === 0) return names;
  return images.flatMap((image) => names.map((tag) => `${image}:${tag}`));
}
