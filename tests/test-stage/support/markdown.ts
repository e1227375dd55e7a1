// Rendered markdown parsed as GitHub parses it (CommonMark + tables, via markdown-it), so tests assert
// on structure: which blocks exist, what is inside a list item, what is a top-level paragraph.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === 'code_inline' || c.type === 'text' ? c.content : c.type === 'softbreak' ? ' ' : ''))
    .join('');
}

/** The top-level blocks, in order: their type (`paragraph`, `bullet_list`, `table`, `heading`, `html_block`…). */
export function blockTexts(markdown: string): { type: string; text: string }[] {
  const out: { type: string; text: string }[] = [];
  let depth = 0;
  for (const t of md.parse(markdown, {})) {
    if (depth === 0 && t.nesting >= 0 && t.type !== 'inline')
      out.push({ type: t.type.replace(/_open$/, ''), text: t.content });
    depth += t.nesting;
  }
  return out;
}

/** The plain text of every paragraph (optionally only those outside lists and tables). */
export function paragraphs(markdown: string, opts: { topLevelOnly?: boolean } = {}): string[] {
  const tokens = md.parse(markdown, {});
  const out: string[] = [];
  let listDepth = 0;
  tokens.forEach((t, i) => {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') listDepth++;
    if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') listDepth--;
    if (t.type === 'paragraph_open' && (!opts.topLevelOnly || listDepth === 0)) out.push(inlineText(tokens[i + 1]));
  });
  return out;
}

/** Every bullet list, as the plain text of its items. */
export function listItems(markdown: string): string[][] {
  const tokens = md.parse(markdown, {});
  const lists: string[][] = [];
  const stack: string[][] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'bullet_list_open') stack.push([]);
    else if (t.type === 'bullet_list_close') lists.push(stack.pop() ?? []);
    else if (
      t.type === 'inline' &&
      tokens[i - 1]?.type === 'paragraph_open' &&
      tokens[i - 2]?.type === 'list_item_open'
    )
      stack.at(-1)?.push(inlineText(t));
  });
  return lists;
}

/** Table rows (header first) as cell texts. */
export function tables(markdown: string): string[][][] {
  const tokens = md.parse(markdown, {});
  const out: string[][][] = [];
  let row: string[] | undefined;
  tokens.forEach((t, i) => {
    if (t.type === 'table_open') out.push([]);
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) out.at(-1)?.push(row);
    else if ((t.type === 'th_open' || t.type === 'td_open') && row) row.push(inlineText(tokens[i + 1]));
  });
  return out;
}
