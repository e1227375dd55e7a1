import dayjs from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat.js';
import dayOfYear from 'dayjs/plugin/dayOfYear.js';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import weekOfYear from 'dayjs/plugin/weekOfYear.js';
import weekYear from 'dayjs/plugin/weekYear.js';
import Handlebars from 'handlebars';
import { UserError, errorMessage } from '../../../core/errors.js';
import type { GitContext } from '../git-context.js';
import type { InputRef } from './input-list.js';
import { formatMoment } from './moment-format.js';

// moment's format tokens, which metadata-action's `date` and `commit_date` take (see moment-format.ts):
// advancedFormat adds Q, Do, k, X, x, z; the week plugins w, W, gggg and GGGG; dayOfYear the DDD family.
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(advancedFormat);
dayjs.extend(weekOfYear);
dayjs.extend(weekYear);
dayjs.extend(isoWeek);
dayjs.extend(dayOfYear);

// metadata-action renders every pattern and attribute with Handlebars; so does this, in its own
// environment (no helpers registered globally) with the default HTML escaping metadata-action has too.
const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();
const MAX_COMPILED = 512;

/** Compiled once per distinct template: the same rules run for every image and every ref of a bench. */
function template(text: string): Handlebars.TemplateDelegate {
  let t = compiled.get(text);
  if (!t) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    t = handlebars.compile(text);
    compiled.set(text, t);
  }
  return t;
}

/** Renders `text` with `data`; a template the user got wrong is a UserError naming the input. */
export function render(text: string, data: object, input: InputRef): string {
  if (!text.includes('{{')) return text;
  try {
    return template(text)(data);
  } catch (error) {
    throw new UserError(`${input.label}: cannot render '${text}': ${errorMessage(error)}`, { input: input.name });
  }
}

/** True when the pattern is exactly `{{raw}}` (a pre-release then keeps it instead of `{{version}}`). */
export function isRawStatement(pattern: string): boolean {
  try {
    const body = handlebars.parseWithoutProcessing(pattern).body;
    const only = body.length === 1 ? body[0] : undefined;
    if (only?.type !== 'MustacheStatement') return false;
    const path = (only as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression;
    return path.parts?.length === 1 && path.parts[0] === 'raw';
  } catch {
    return false;
  }
}

interface HelperOptions {
  hash: Record<string, unknown>;
}

/** `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`: moment-style format tokens, UTC unless `tz` says otherwise. */
function dateHelper(date: Date) {
  return (format: unknown, options: HelperOptions | undefined): string => {
    if (typeof format !== 'string') throw new Error("date needs a format, e.g. {{date 'YYYYMMDD'}}");
    let tz = 'UTC';
    for (const [key, value] of Object.entries(options?.hash ?? {})) {
      if (key !== 'tz') throw new Error(`Unknown ${key} attribute`);
      tz = String(value);
    }
    return formatDate(date, format, tz);
  };
}

/**
 * `date` in `tz`, formatted as moment formats it. dayjs's `tz()` converts through `toLocaleString` on every
 * call (~140 µs); in UTC, `dayjs.utc` gives the same date in a few µs (its zone name is written as moment's).
 */
export function formatDate(date: Date, format: string, tz: string): string {
  return formatMoment(tz === 'UTC' ? dayjs.utc(date) : dayjs(date).tz(tz), date, format, tz);
}

/** The data the schedule pattern sees: only the dates, as in metadata-action. */
export function scheduleData(now: Date, ctx: GitContext): object {
  return { date: dateHelper(now), commit_date: dateHelper(ctx.commitDate ?? now) };
}

/**
 * metadata-action's global expressions, for `value`, `prefix`, `suffix` and `enable` of tag rules and for
 * custom labels: `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{base_ref}}`, `{{is_default_branch}}`,
 * `{{is_not_default_branch}}`, `{{date …}}` and `{{commit_date …}}`.
 */
export function globalData(now: Date, ctx: GitContext, shortSha: (sha: string) => string): object {
  const ref = ctx.ref;
  const payload = ctx.payload;
  const pr = payload.pull_request as { base?: { ref?: unknown } } | undefined;
  return {
    branch: () => (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ''),
    tag: () => (ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ''),
    sha: () => shortSha(ctx.sha),
    base_ref: () => {
      if (ref.startsWith('refs/tags/') && typeof payload.base_ref === 'string') {
        return payload.base_ref.replace(/^refs\/heads\//, '');
      }
      if (ref.startsWith('refs/pull/') && typeof pr?.base?.ref === 'string') return pr.base.ref;
      return '';
    },
    is_default_branch: () => String(isDefaultBranch(ctx)),
    // metadata-action's pair for `enable=`, which takes no negation of its own.
    is_not_default_branch: () => String(!isDefaultBranch(ctx)),
    date: dateHelper(now),
    commit_date: dateHelper(ctx.commitDate ?? now),
  };
}

function isDefaultBranch(ctx: GitContext): boolean {
  const branch = ctx.ref.replace(/^refs\/heads\//, '');
  if (branch === '') return false;
  if (ctx.repository.defaultBranch !== '' && ctx.repository.defaultBranch === branch) return true;
  // These events always run on the default branch's last commit (GitHub's events documentation).
  return /create|discussion|issues|schedule/.test(ctx.eventName);
}
