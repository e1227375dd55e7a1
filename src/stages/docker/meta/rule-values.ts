import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';
import type { GitContext } from '../git-context.js';
import { isRawStatement, render } from './expressions.js';
import type { InputRef } from './input-list.js';
import { matchRegex, type TagRule } from './tag-rules.js';

/** What one rule yields: the tag text before prefix and suffix, and whether `latest=auto` adds `latest`. */
export interface RuleValue {
  value: string;
  autoLatest: boolean;
}

/** What each rule needs besides itself: the git context and the renderers bound to it. */
export interface RuleEnv {
  ctx: GitContext;
  input: InputRef;
  /** Renders a global expression (`{{branch}}`, `{{sha}}`…). */
  expand: (text: string) => string;
  /** Renders a schedule pattern (only `{{date}}` and `{{commit_date}}`). */
  schedule: (pattern: string) => string;
  shortSha: (sha: string) => string;
  /** `latest`'s default for `type=edge` when the rule names no branch. */
  defaultBranch: string;
  warn: (message: string) => void;
}

const TAGS = 'refs/tags/';
const HEADS = 'refs/heads/';
const PULL = 'refs/pull/';

/** The value of one enabled rule for this context, or undefined when it does not apply. */
export function ruleValue(rule: TagRule, env: RuleEnv): RuleValue | undefined {
  const { ctx } = env;
  const a = rule.attrs;
  switch (rule.type) {
    case 'schedule':
      if (!/schedule/.test(ctx.eventName)) return undefined;
      return { value: env.schedule(a.pattern ?? 'nightly'), autoLatest: false };
    case 'semver':
      return semverValue(rule, env);
    case 'pep440':
      return pep440Value(rule, env);
    case 'match':
      return matchValue(rule, env);
    case 'ref':
      if (a.event === 'branch' && ctx.ref.startsWith(HEADS)) {
        return { value: ctx.ref.slice(HEADS.length), autoLatest: false };
      }
      if (a.event === 'tag' && ctx.ref.startsWith(TAGS)) return { value: ctx.ref.slice(TAGS.length), autoLatest: true };
      if (a.event === 'pr' && ctx.ref.startsWith(PULL)) {
        return { value: ctx.ref.slice(PULL.length).replace(/\/merge$/, ''), autoLatest: false };
      }
      return undefined;
    case 'edge': {
      if (!ctx.ref.startsWith(HEADS)) return undefined;
      const branch = a.branch || env.defaultBranch;
      return branch === ctx.ref.slice(HEADS.length) ? { value: 'edge', autoLatest: false } : undefined;
    }
    case 'raw':
      return { value: env.expand(a.value ?? ''), autoLatest: false };
    case 'sha':
      if (!ctx.sha) return undefined;
      return { value: a.format === 'long' ? ctx.sha : env.shortSha(ctx.sha), autoLatest: false };
  }
}

/** The version text a semver/pep440/match rule reads: its `value`, else the pushed tag ('/' → '-' except for match). */
function versionSource(rule: TagRule, env: RuleEnv, keepSlashes = false): string | undefined {
  const value = rule.attrs.value ?? '';
  if (value !== '') return env.expand(value);
  if (!env.ctx.ref.startsWith(TAGS)) return undefined;
  const tag = env.ctx.ref.slice(TAGS.length);
  return keepSlashes ? tag : tag.replace(/\//g, '-');
}

function semverValue(rule: TagRule, env: RuleEnv): RuleValue | undefined {
  const raw = versionSource(rule, env);
  if (raw === undefined) return undefined;
  if (semver.valid(raw) === null) {
    env.warn(`${raw} is not a valid semver (https://semver.org), so '${rule.entry}' makes no tag`);
    return undefined;
  }
  const parsed = semver.parse(raw, { loose: true });
  if (!parsed) return undefined;
  const pattern = rule.attrs.pattern ?? '';
  // A pre-release only ever gets {{version}} (or {{raw}} when that is the whole pattern) and never
  // `latest`: such tags move too often for `1.2` or `1` to point at them.
  if (semver.prerelease(raw) !== null) {
    const used = isRawStatement(pattern) ? pattern : '{{version}}';
    return { value: render(used, parsed, env.input), autoLatest: false };
  }
  return { value: render(pattern, parsed, env.input), autoLatest: true };
}

function pep440Value(rule: TagRule, env: RuleEnv): RuleValue | undefined {
  const raw = versionSource(rule, env);
  if (raw === undefined) return undefined;
  if (pep440.valid(raw) === null) {
    env.warn(`${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/), so '${rule.entry}' makes no tag`);
    return undefined;
  }
  const info = pep440.explain(raw);
  const pattern = rule.attrs.pattern ?? '';
  const cleaned = pep440.clean(raw) ?? raw;
  // dev, pre and post releases get only the cleaned version (or the raw tag for a `{{raw}}` pattern).
  if (info && (info.is_prerelease || info.is_postrelease || info.is_devrelease)) {
    return { value: isRawStatement(pattern) ? raw : cleaned, autoLatest: false };
  }
  const data = {
    raw: () => raw,
    version: () => cleaned,
    major: () => pep440.major(raw),
    minor: () => pep440.minor(raw),
    patch: () => pep440.patch(raw),
  };
  return { value: render(pattern, data, env.input), autoLatest: true };
}

function matchValue(rule: TagRule, env: RuleEnv): RuleValue | undefined {
  const raw = versionSource(rule, env, true);
  if (raw === undefined) return undefined;
  const pattern = rule.attrs.pattern ?? '';
  const group = rule.attrs.group ?? '0';
  const regex = matchRegex(pattern);
  // String.match, as metadata-action: with a `g` flag it yields the whole matches, not groups.
  const match = raw.match(regex);
  if (!match) {
    env.warn(`${pattern} does not match ${raw}, so '${rule.entry}' makes no tag`);
    return undefined;
  }
  const captured = match[Number(group)];
  if (captured === undefined) {
    env.warn(`group ${group} does not exist in ${pattern}, so '${rule.entry}' makes no tag`);
    return undefined;
  }
  return { value: captured, autoLatest: true };
}
