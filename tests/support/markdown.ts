import MarkdownIt from 'markdown-it';

/**
 * Rendered markdown as GitHub reads it (CommonMark + GFM tables, HTML allowed), reduced to its
 * top-level blocks, so tests assert on structure: which headings, tables, lists, paragraphs and
 * folded parts exist, and in what order — not on strings.
 */
const md = new MarkdownIt({ html: true, linkify: false });
type Token = ReturnType<typeof md.parse>[number];

export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'list'; items: string[] }
  | { type: 'code'; text: string }
  | { type: 'html'; text: string }
  | { type: 'quote'; text: string };

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  return token.children
    .map((c) =>
      c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content,
    )
    .join('');
}

export function parseBlocks(markdown: string): Block[] {
  const tokens = md.parse(markdown, {});
  const out: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level !== 0) continue;
    if (t.type === 'heading_open') {
      out.push({ type: 'heading', level: Number(t.tag.slice(1)), text: inlineText(tokens[i + 1]) });
    } else if (t.type === 'paragraph_open') {
      out.push({ type: 'paragraph', text: inlineText(tokens[i + 1]) });
    } else if (t.type === 'fence' || t.type === 'code_block') {
      out.push({ type: 'code', text: t.content });
    } else if (t.type === 'html_block') {
      // HTML comments (shipkit's section markers) are invisible to a reader: not a block.
      const text = t.content.replace(/<!--[\s\S]*?-->/g, '').trim();
      if (text !== '') out.push({ type: 'html', text });
    } else if (t.type === 'table_open') {
      const header: string[] = [];
      const rows: string[][] = [];
      let row: string[] | undefined;
      let inHead = false;
      for (i++; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
        const c = tokens[i];
        if (c.type === 'thead_open') inHead = true;
        if (c.type === 'thead_close') inHead = false;
        if (c.type === 'tr_open') row = [];
        if ((c.type === 'th_open' || c.type === 'td_open') && row) row.push(inlineText(tokens[i + 1]));
        if (c.type === 'tr_close' && row) {
          if (inHead) header.push(...row);
          else rows.push(row);
          row = undefined;
        }
      }
      out.push({ type: 'table', header, rows });
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const items: string[] = [];
      const close = t.type.replace('_open', '_close');
      let depth = 0;
      for (i++; i < tokens.length; i++) {
        const c = tokens[i];
        if (c.type === t.type) depth++;
        if (c.type === close) {
          if (depth === 0) break;
          depth--;
        }
        if (c.type === 'inline' && depth === 0) items.push(inlineText(c));
      }
      out.push({ type: 'list', items });
    } else if (t.type === 'blockquote_open') {
      const texts: string[] = [];
      for (i++; i < tokens.length && !(tokens[i].type === 'blockquote_close' && tokens[i].level === 0); i++) {
        if (tokens[i].type === 'inline') texts.push(inlineText(tokens[i]));
      }
      out.push({ type: 'quote', text: texts.join(' ') });
    }
  }
  return out;
}

/** Every `<details>` opened is closed, and no fence is left open (markdown-it closes a fence at the end). */
export function isBalanced(markdown: string): boolean {
  const blocks = parseBlocks(markdown);
  let depth = 0;
  for (const b of blocks) {
    if (b.type !== 'html') continue;
    depth += (b.text.match(/<details\b/gi) ?? []).length - (b.text.match(/<\/details>/gi) ?? []).length;
    if (depth < 0) return false;
  }
  const tokens = md.parse(markdown, {});
  const unclosedFence = tokens.some(
    (t) =>
      t.type === 'fence' &&
      t.map &&
      !/\n(`{3,}|~{3,})\s*$/.test(markdown.split('\n').slice(t.map[0], t.map[1]).join('\n')),
  );
  return depth === 0 && !unclosedFence;
}
