import { describe, expect, it } from 'vitest';
import { renderSection } from '../../src/core/comment/section.js';
import {
  COMMENT_BODY_LIMIT,
  composeBody,
  holdsSection,
  isStickyBody,
  parseSections,
  type StickySection,
} from '../../src/core/comment/sticky-body.js';
import { trimMarkdown } from '../../src/core/comment/trim.js';
import { blocks, details, fence, list, table } from '../../src/core/markdown.js';
import { STAGES } from '../../src/stages/registry.js';
import { isBalanced, parseBlocks } from '../support/markdown.js';

const ORDER = STAGES.map((s) => s.name);

function section(
  key: string,
  status: 'pass' | 'fail' | 'warn',
  headline: string,
  body?: string,
  more?: string,
): StickySection {
  const title = key.split('/')[0].replace(/^./, (c) => c.toUpperCase());
  const meta = { title, status, headline };
  return { key, meta, markdown: renderSection(meta, { headline, body, details: more }) };
}

describe('a stage section', () => {
  it('has the same form for every stage: heading with status and headline, body open, details folded', () => {
    const md = renderSection(
      { title: 'Test', status: 'fail', headline: 'lines 78.4 % (min 80 %), 1 test failed' },
      {
        headline: '',
        body: blocks(list(['`min-lines`: 78.4 % < 80 %']), 'No baseline for `main` yet.', 'Tests: 1 failed'),
        details: table(['file', 'lines'], [['src/a.ts', '78.4 %']]),
      },
    );
    const b = parseBlocks(md);
    expect(b[0]).toEqual({ type: 'heading', level: 4, text: '❌ Test · lines 78.4 % (min 80 %), 1 test failed' });
    // The paragraphs after the list are paragraphs, not part of its last item.
    expect(b[1]).toEqual({ type: 'list', items: ['min-lines: 78.4 % < 80 %'] });
    expect(b[2]).toEqual({ type: 'paragraph', text: 'No baseline for main yet.' });
    expect(b[3]).toEqual({ type: 'paragraph', text: 'Tests: 1 failed' });
    expect(b[4]).toMatchObject({ type: 'html', text: '<details><summary>Details</summary>' });
    expect(b[5]).toEqual({ type: 'table', header: ['file', 'lines'], rows: [['src/a.ts', '78.4 %']] });
    expect(b[6]).toMatchObject({ type: 'html', text: '</details>' });
  });

  it('keeps text from reports from becoming markup', () => {
    const md = renderSection(
      { title: 'Smoke', status: 'pass', headline: 'a | b *bold* <script>x</script> `tick`' },
      { headline: '', details: table(['name'], [['x | y <b>']]) },
    );
    const b = parseBlocks(md);
    expect(b[0]).toMatchObject({ type: 'heading', text: '✅ Smoke · a | b *bold* <script>x</script> `tick`' });
    expect(b.find((x) => x.type === 'table')).toEqual({ type: 'table', header: ['name'], rows: [['x | y <b>']] });
  });
});

describe('the sticky comment', () => {
  it('starts with an overview table of every section, in pipeline order, each section below with its heading', () => {
    let body = composeBody(undefined, section('smoke', 'pass', '3 checks passed'), { order: ORDER });
    body = composeBody(body, section('test', 'fail', 'lines 78 % (min 80 %)'), { order: ORDER });
    body = composeBody(body, section('smoke', 'warn', '3 checks passed, 1 warning'), { order: ORDER });
    expect(isStickyBody(body)).toBe(true);
    const b = parseBlocks(body);
    expect(b[0]).toEqual({ type: 'heading', level: 3, text: 'shipkit' });
    expect(b[1]).toEqual({
      type: 'table',
      header: ['Stage', 'Status', 'Result'],
      rows: [
        ['Test', '❌ fail', 'lines 78 % (min 80 %)'],
        ['Smoke', '⚠️ warn', '3 checks passed, 1 warning'],
      ],
    });
    const headings = b.filter((x) => x.type === 'heading' && x.level === 4).map((x) => (x as { text: string }).text);
    expect(headings).toEqual(['❌ Test · lines 78 % (min 80 %)', '⚠️ Smoke · 3 checks passed, 1 warning']);
    expect(parseSections(body).map((s) => s.key)).toEqual(['test', 'smoke']);
  });

  it('keeps shard sections apart and names the shard in the overview', () => {
    let body = composeBody(undefined, section('test/shard-1', 'pass', 'lines 90 %'), { order: ORDER });
    body = composeBody(body, section('test/shard-2', 'fail', 'lines 60 %'), { order: ORDER });
    expect(parseSections(body).map((s) => s.key)).toEqual(['test/shard-1', 'test/shard-2']);
    const table1 = parseBlocks(body)[1] as { rows: string[][] };
    expect(table1.rows.map((r) => r[0])).toEqual(['Test (shard-1)', 'Test (shard-2)']);
  });

  it('does not let a section forge another section or the overview', () => {
    const evil =
      'x\n<!-- /shipkit:section test -->\n<!-- shipkit:section approve {"t":"Approve","s":"pass","h":"approved"} -->\napproved\n<!-- /shipkit:section approve -->';
    const body = composeBody(undefined, { ...section('test', 'fail', 'h'), markdown: evil }, { order: ORDER });
    expect(parseSections(body).map((s) => s.key)).toEqual(['test']);
    expect((parseBlocks(body)[1] as { rows: string[][] }).rows).toHaveLength(1);
  });

  it('a headline that tries to end the marker comment cannot', () => {
    const body = composeBody(undefined, section('test', 'fail', 'a --> b <!-- c'), { order: ORDER });
    expect(parseSections(body)[0]?.meta).toEqual({ title: 'Test', status: 'fail', headline: 'a --> b <!-- c' });
  });

  it('trims inside a code block and a <details> without breaking what follows: other sections keep their structure', () => {
    const log = Array.from({ length: 4000 }, (_, i) => `line ${i} of the failing test's output`).join('\n');
    const bigBody = blocks('Failed test output:', fence(log));
    const bigDetails = blocks(
      table(
        ['file', 'lines'],
        Array.from({ length: 3000 }, (_, i) => [`src/f${i}.ts`, '50 %']),
      ),
    );
    let body = composeBody(undefined, section('smoke', 'pass', 'ok', 'small smoke section'), { order: ORDER });
    body = composeBody(body, section('test', 'fail', 'lines 50 %', bigBody, bigDetails), {
      order: ORDER,
      summaryUrl: 'https://github.com/o/r/actions/runs/1',
    });
    expect(body.length).toBeLessThan(COMMENT_BODY_LIMIT);
    expect(isBalanced(body)).toBe(true);
    const b = parseBlocks(body);
    const headings = b.filter((x) => x.type === 'heading').map((x) => (x as { text: string }).text);
    // The smoke section after the trimmed one is still a heading and a paragraph, not code.
    expect(headings).toEqual(['shipkit', '❌ Test · lines 50 %', '✅ Smoke · ok']);
    expect(b.some((x) => x.type === 'paragraph' && x.text === 'small smoke section')).toBe(true);
    const note = b.find((x) => x.type === 'paragraph' && x.text.startsWith('… trimmed to fit'));
    expect(note).toBeDefined();
    const test = parseSections(body)[0];
    expect(
      holdsSection(body, {
        key: 'test',
        markdown: section('test', 'fail', 'lines 50 %', bigBody, bigDetails).markdown,
      }),
    ).toBe(true);
    expect(test.markdown.startsWith('#### ❌ Test')).toBe(true);
  });

  it('shares the room when many sections are large, dropping none, each keeping its heading', () => {
    let body: string | undefined;
    const keys = ['test', 'migrate', 'smoke', 'approve', 'scan', 'docker'];
    for (const key of keys) {
      const many = blocks(
        list(Array.from({ length: 800 }, (_, i) => `item ${i} of ${key}`)),
        details('more', 'y'.repeat(5000)),
      );
      body = composeBody(body, section(key, 'pass', `${key} done`, many), { order: ORDER });
    }
    expect(body!.length).toBeLessThan(COMMENT_BODY_LIMIT);
    expect(
      parseSections(body!)
        .map((s) => s.key)
        .sort(),
    ).toEqual([...keys].sort());
    expect(isBalanced(body!)).toBe(true);
    const headings = parseBlocks(body!).filter((x) => x.type === 'heading' && x.level === 4);
    expect(headings).toHaveLength(keys.length);
  });

  it('tells a section that was overwritten from one that is present', () => {
    const mine = section('test', 'pass', 'ok', 'mine');
    const body = composeBody(undefined, mine, { order: ORDER });
    expect(holdsSection(body, mine)).toBe(true);
    expect(holdsSection(body, section('test', 'pass', 'ok', 'other'))).toBe(false);
    expect(holdsSection(composeBody(undefined, section('smoke', 'pass', 'x'), { order: ORDER }), mine)).toBe(false);
  });
});

describe('trimMarkdown', () => {
  const doc = blocks(
    '#### heading',
    'intro paragraph',
    list(['a', 'b', 'c']),
    fence('code\n```\nnot a fence end inside a longer fence\n'.repeat(50)),
    details(
      'fold',
      blocks(
        table(
          ['x'],
          Array.from({ length: 200 }, (_, i) => [String(i)]),
        ),
        fence('x\n'.repeat(100)),
      ),
    ),
    'closing paragraph',
  );

  it('is checked by a balance test that can fail', () => {
    expect(isBalanced('```\ncode')).toBe(false);
    expect(isBalanced('<details><summary>x</summary>\n\ntext')).toBe(false);
    expect(isBalanced(doc)).toBe(true);
  });

  it('is well-formed at every length: no open fence, no open <details>, the heading and the note kept', () => {
    const note = '… trimmed';
    for (let max = 10; max < doc.length + 20; max += 37) {
      const out = trimMarkdown(doc, max, note, '#### heading'.length);
      expect(isBalanced(out), `max ${max}`).toBe(true);
      expect(out.startsWith('#### heading')).toBe(true);
      if (out !== doc) {
        expect(out.endsWith(`\n\n${note}`)).toBe(true);
        const b = parseBlocks(out);
        expect(b[b.length - 1]).toEqual({ type: 'paragraph', text: note });
        expect(out.length).toBeLessThanOrEqual(Math.max(max, '#### heading'.length + note.length + 2));
      }
    }
  });
});
