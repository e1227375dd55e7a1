import { escapeCell, table } from '../markdown.js';
import { sectionTitle, statusIcon, type SectionMeta, type SectionStatus } from './section.js';
import { keptPart, trimMarkdown } from './trim.js';

/**
 * The body of shipkit's one PR comment: a marker, an overview table (one row per section: stage,
 * status, headline), then one section per stage (or per shard of a stage), each fenced by HTML
 * comments so every writer can replace its own and keep the others. The overview is rebuilt from the
 * sections' markers on every write, so it always matches the sections below it.
 */
export const STICKY_MARKER = '<!-- shipkit:sticky v1 -->';
/** GitHub refuses comment bodies longer than this many characters. */
export const COMMENT_BODY_LIMIT = 65_536;
/** Kept below the hard limit for the footer, the trim notes and safety. */
const BODY_BUDGET = COMMENT_BODY_LIMIT - 1_024;

export interface StickySection {
  /** `test`, or `test/shard-2` for a matrix shard. Letters, digits, `-`, `_`, `.`, `/`. */
  key: string;
  /** The rendered section (renderSection): heading first. */
  markdown: string;
  /** For the overview row; sections written by older versions have none. */
  meta?: SectionMeta;
}

export interface ComposeOptions {
  /** Stage names in pipeline order (the registry's); unknown stages go last. */
  order?: readonly string[];
  /** Link for "see the job summary" when a section has to be trimmed. */
  summaryUrl?: string;
  footer?: string;
  /**
   * Sections of other writers to take out (never the one being written): the root report action's
   * merged `test` section replaces the shards' `test/<shard>` ones.
   */
  remove?: (key: string) => boolean;
}

// JSON in an HTML comment: `-`, `<` and `>` escaped so no value can end the comment early.
const encodeMeta = (meta: SectionMeta): string =>
  JSON.stringify({ t: meta.title, s: meta.status, h: meta.headline }).replace(
    /[-<>]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

function decodeMeta(text: string | undefined): SectionMeta | undefined {
  if (!text) return undefined;
  try {
    const raw = JSON.parse(text) as { t?: unknown; s?: unknown; h?: unknown };
    const status = ['pass', 'fail', 'warn'].includes(String(raw.s)) ? (raw.s as SectionStatus) : 'unknown';
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    return { title: str(raw.t), status, headline: str(raw.h) };
  } catch {
    return undefined;
  }
}

const open = (s: StickySection): string => `<!-- shipkit:section ${s.key}${s.meta ? ` ${encodeMeta(s.meta)}` : ''} -->`;
const close = (key: string): string => `<!-- /shipkit:section ${key} -->`;
const SECTION_RE = /<!-- shipkit:section ([\w./-]+)(?: (\{[^\n]*?\}))? -->\n([\s\S]*?)\n<!-- \/shipkit:section \1 -->/g;

const TRIM_NOTE = /\n\n… trimmed to fit GitHub's comment limit[^\n]*$/;

export function isStickyBody(body: string | null | undefined): boolean {
  return typeof body === 'string' && body.includes(STICKY_MARKER);
}

export function parseSections(body: string): StickySection[] {
  const out: StickySection[] = [];
  for (const m of body.matchAll(SECTION_RE)) {
    const meta = decodeMeta(m[2]);
    out.push({ key: m[1] ?? '', markdown: m[3] ?? '', ...(meta ? { meta } : {}) });
  }
  return out;
}

/** A section's text may not forge another section's fences, nor the comment's marker. */
function sanitize(markdown: string): string {
  return markdown.replace(/<!-- \/?shipkit:[^>]*-->/g, '').trim();
}

function orderOf(key: string, order: readonly string[]): number {
  const i = order.indexOf(key.split('/')[0] ?? '');
  return i === -1 ? order.length : i;
}

function trimNote(summaryUrl: string | undefined): string {
  return summaryUrl
    ? `… trimmed to fit GitHub's comment limit: [full report in the job summary](${summaryUrl})`
    : `… trimmed to fit GitHub's comment limit: the full report is in the job summary`;
}

/** The overview table: what a reviewer reads first. */
function overview(sections: readonly StickySection[]): string {
  const rows = sections.map((s) => {
    const meta = s.meta ?? { title: s.key, status: 'unknown' as const, headline: '' };
    const title = sectionTitle(meta.title || s.key, s.key);
    return [title, { markdown: `${statusIcon(meta.status)} ${meta.status}` }, { markdown: escapeCell(meta.headline) }];
  });
  return table(['Stage', 'Status', 'Result'], rows);
}

/**
 * Merge `mine` into the sections already in `body` (replacing the one with the same key) and render
 * a body under the limit: when too long, the largest sections are trimmed first, each to an equal
 * share, so no section is ever dropped; a trimmed section keeps its heading and stays well-formed.
 */
export function composeBody(existing: string | undefined, mine: StickySection, options: ComposeOptions = {}): string {
  const order = options.order ?? [];
  const byKey = new Map<string, StickySection>();
  for (const s of existing ? parseSections(existing) : []) if (!options.remove?.(s.key)) byKey.set(s.key, s);
  byKey.set(mine.key, { ...mine, markdown: sanitize(mine.markdown) });
  const sections = [...byKey.values()].sort(
    (a, b) => orderOf(a.key, order) - orderOf(b.key, order) || a.key.localeCompare(b.key),
  );

  const header = `${STICKY_MARKER}\n### shipkit\n\n${overview(sections)}\n\n`;
  const footer = `\n<sub>${options.footer ?? 'Updated by shipkit. Each stage updates its own section.'}</sub>\n`;
  const fixed =
    header.length + footer.length + sections.reduce((n, s) => n + open(s).length + close(s.key).length + 4, 0);
  const total = fixed + sections.reduce((n, s) => n + s.markdown.length, 0);
  if (total > BODY_BUDGET) {
    // Water-filling: every section gets the same cap; sections under it keep their full text.
    const lengths = sections.map((s) => s.markdown.length).sort((a, b) => a - b);
    let room = BODY_BUDGET - fixed;
    let cap = 0;
    for (let i = 0; i < lengths.length; i++) {
      const share = Math.floor(room / (lengths.length - i));
      if ((lengths[i] ?? 0) > share) {
        cap = share;
        break;
      }
      room -= lengths[i] ?? 0;
    }
    const note = trimNote(options.summaryUrl);
    for (const s of sections) {
      const headingEnd = s.markdown.indexOf('\n');
      s.markdown = trimMarkdown(s.markdown, cap, note, headingEnd === -1 ? s.markdown.length : headingEnd);
    }
  }
  const parts = sections.map((s) => `${open(s)}\n${s.markdown}\n${close(s.key)}`);
  return `${header}${parts.join('\n\n')}\n${footer}`;
}

/** True when `body` holds `mine` exactly as composeBody would have written it (or trimmed by another writer). */
export function holdsSection(body: string | null | undefined, mine: StickySection): boolean {
  if (!isStickyBody(body)) return false;
  const found = parseSections(body ?? '').find((s) => s.key === mine.key);
  if (!found) return false;
  const want = sanitize(mine.markdown);
  if (found.markdown === want) return true;
  // Trimmed to fit: what is left (without the closing tags and the note) must be a prefix of ours.
  const kept = keptPart(found.markdown, TRIM_NOTE);
  return kept !== undefined && want.startsWith(kept);
}
