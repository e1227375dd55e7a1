/**
 * The markdown every stage writes (PR comment, job summary, check run) goes through these helpers, so
 * that text from reports (test names, file paths, error messages, SQL) can never break the structure
 * around it: a `|` in a table cell, a backtick run in inline code, a ``` inside a fenced block, a list
 * that swallows the paragraph after it. Rendered output is tested with a CommonMark/GFM parser.
 */

/** Text in a table cell: pipes escaped, line breaks flattened, HTML-significant `<` neutralised. */
export function escapeCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;');
}

/** Inline text that must not become markup (`*`, `_`, `[`, `<`, backticks…). */
export function escapeText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_{}[\]()#+!|~>-])/g, '\\$1')
    .replace(/</g, '&lt;');
}

/** Inline code that survives backticks inside: the delimiter is one longer than the longest run. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fenced block whose fence is longer than any backtick run inside, so the content cannot close it. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text.replace(/\s+$/, '')}\n${ticks}`;
}

export type Align = 'left' | 'right' | 'center';

/** A GFM table. Cells are escaped here; pass raw text, or `{ markdown }` for a cell that is markup already. */
export function table(
  header: readonly string[],
  rows: readonly (readonly (string | number | { markdown: string })[])[],
  align: readonly Align[] = [],
): string {
  const cell = (c: string | number | { markdown: string }): string =>
    // GFM splits a row at every unescaped `|`, inside code spans too: escape those of markup cells.
    typeof c === 'object' ? c.markdown.replace(/\r?\n|\r/g, ' ').replace(/(?<!\\)\|/g, '\\|') : escapeCell(String(c));
  const rule = header.map((_, i) => {
    const a = align[i];
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
  });
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(header.map(escapeCell)),
    line(rule),
    ...rows.map((r) => line(header.map((_, i) => cell(r[i] ?? '')))),
  ].join('\n');
}

/** A bullet list of markdown items; each item is one line (line breaks inside are flattened). */
export function list(items: readonly string[]): string {
  return items.map((i) => `- ${i.replace(/\r?\n|\r/g, ' ')}`).join('\n');
}

/** Collapsed content. Blank lines around the body let GitHub render markdown inside the HTML block. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary.replace(/</g, '&lt;')}</summary>\n\n${body.trim()}\n\n</details>`;
}

/**
 * Joins blocks (paragraphs, tables, lists, fences, details) with a blank line between each, so a
 * block never continues the one before: a paragraph after a list is not part of its last item.
 */
export function blocks(...parts: readonly (string | false | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .join('\n\n');
}

export const STATUS_ICON = { pass: '✅', fail: '❌', warn: '⚠️' } as const;

export function link(text: string, url: string): string {
  return `[${text.replace(/([[\]\\])/g, '\\$1')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}
