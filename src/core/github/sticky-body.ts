/**
 * The body of shipkit's one PR comment: a marker, then one section per stage (or per shard of a
 * stage), each fenced by HTML comments so every writer can replace its own and keep the others.
 */
export const STICKY_MARKER = '<!-- shipkit:sticky v1 -->';
/** GitHub refuses comment bodies longer than this many characters. */
export const COMMENT_BODY_LIMIT = 65_536;
/** Kept below the hard limit for the footer, the trim notes and safety. */
const BODY_BUDGET = COMMENT_BODY_LIMIT - 1_024;

const STAGE_ORDER = ['test', 'scan', 'docker', 'migrate', 'smoke', 'approve', 'report'];

export interface StickySection {
  /** `test`, or `test/shard-2` for a matrix shard. Letters, digits, `-`, `_`, `.`, `/`. */
  key: string;
  markdown: string;
}

const open = (key: string): string => `<!-- shipkit:section ${key} -->`;
const close = (key: string): string => `<!-- /shipkit:section ${key} -->`;
const SECTION_RE = /<!-- shipkit:section ([\w./-]+) -->\n([\s\S]*?)\n<!-- \/shipkit:section \1 -->/g;

export function isStickyBody(body: string | null | undefined): boolean {
  return typeof body === 'string' && body.includes(STICKY_MARKER);
}

export function parseSections(body: string): StickySection[] {
  const out: StickySection[] = [];
  for (const m of body.matchAll(SECTION_RE)) out.push({ key: m[1] ?? '', markdown: m[2] ?? '' });
  return out;
}

function orderOf(key: string): number {
  const i = STAGE_ORDER.indexOf(key.split('/')[0] ?? '');
  return i === -1 ? STAGE_ORDER.length : i;
}

/** A section's text may not forge another section's fences. */
function sanitize(markdown: string): string {
  return markdown.replace(/<!-- \/?shipkit:[^>]*-->/g, '').trim();
}

/** Cut at a line boundary (keeps markdown tables valid) and say where the rest is. */
function trimTo(markdown: string, max: number, moreUrl: string | undefined): string {
  const note = moreUrl
    ? `\n\n… trimmed to fit GitHub's comment limit: [full report in the job summary](${moreUrl})`
    : `\n\n… trimmed to fit GitHub's comment limit: the full report is in the job summary`;
  const room = Math.max(0, max - note.length);
  if (markdown.length <= max) return markdown;
  const cut = markdown.lastIndexOf('\n', room);
  return `${markdown.slice(0, cut > 0 ? cut : room)}${note}`;
}

export interface ComposeOptions {
  /** Link for "see the job summary" when a section has to be trimmed. */
  summaryUrl?: string;
  footer?: string;
}

/**
 * Merge `mine` into the sections already in `body` (replacing the one with the same key) and
 * render a body under the limit: when too long, the largest sections are trimmed first, each to
 * an equal share, so no section is ever dropped.
 */
export function composeBody(existing: string | undefined, mine: StickySection, options: ComposeOptions = {}): string {
  const byKey = new Map<string, string>();
  for (const s of existing ? parseSections(existing) : []) byKey.set(s.key, s.markdown);
  byKey.set(mine.key, sanitize(mine.markdown));
  const sections = [...byKey.entries()]
    .map(([key, markdown]) => ({ key, markdown }))
    .sort((a, b) => orderOf(a.key) - orderOf(b.key) || a.key.localeCompare(b.key));

  const header = `${STICKY_MARKER}\n### shipkit\n`;
  const footer = `\n<sub>${options.footer ?? 'Updated by shipkit. Each stage updates its own section.'}</sub>\n`;
  const fixed =
    header.length + footer.length + sections.reduce((n, s) => n + open(s.key).length + close(s.key).length + 4, 0);
  let total = fixed + sections.reduce((n, s) => n + s.markdown.length, 0);
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
    for (const s of sections) s.markdown = trimTo(s.markdown, cap, options.summaryUrl);
    total = fixed + sections.reduce((n, s) => n + s.markdown.length, 0);
  }
  const parts = sections.map((s) => `${open(s.key)}\n${s.markdown}\n${close(s.key)}`);
  return `${header}${parts.join('\n\n')}\n${footer}`;
}

/** True when `body` holds `mine` exactly as composeBody would have written it (or trimmed by another writer). */
export function holdsSection(body: string | null | undefined, mine: StickySection): boolean {
  if (!isStickyBody(body)) return false;
  const found = parseSections(body ?? '').find((s) => s.key === mine.key);
  if (!found) return false;
  const want = sanitize(mine.markdown);
  if (found.markdown === want) return true;
  // Trimmed to fit: what is left must be a prefix of ours, followed by the trim note.
  const i = found.markdown.indexOf('\n\n… trimmed to fit');
  return i >= 0 && want.startsWith(found.markdown.slice(0, i));
}
