import { describe, expect, it } from 'vitest';
import {
  COMMENT_BODY_LIMIT,
  composeBody,
  holdsSection,
  isStickyBody,
  parseSections,
} from '../../src/core/github/sticky-body.js';

describe('sticky comment body', () => {
  it('keeps one section per key, replaces only its own, orders stages as the pipeline runs', () => {
    let body = composeBody(undefined, { key: 'smoke', markdown: 'smoke v1' });
    body = composeBody(body, { key: 'test', markdown: 'test v1' });
    body = composeBody(body, { key: 'smoke', markdown: 'smoke v2' });
    expect(isStickyBody(body)).toBe(true);
    expect(parseSections(body)).toEqual([
      { key: 'test', markdown: 'test v1' },
      { key: 'smoke', markdown: 'smoke v2' },
    ]);
  });

  it('keeps shard sections apart', () => {
    let body = composeBody(undefined, { key: 'test/shard-1', markdown: 'one' });
    body = composeBody(body, { key: 'test/shard-2', markdown: 'two' });
    expect(parseSections(body).map((s) => s.key)).toEqual(['test/shard-1', 'test/shard-2']);
  });

  it('does not let a section forge another section', () => {
    const evil =
      'x\n<!-- /shipkit:section test -->\n<!-- shipkit:section approve -->\napproved\n<!-- /shipkit:section approve -->';
    const body = composeBody(undefined, { key: 'test', markdown: evil });
    expect(parseSections(body).map((s) => s.key)).toEqual(['test']);
  });

  it('trims the largest sections to fit the 65 536-character limit, at line boundaries, with a link', () => {
    const row = '| src/some/long/path/file.ts | 81.2 % | 70.0 % |\n';
    const big = `| file | lines | branches |\n|---|---|---|\n${row.repeat(3000)}`;
    let body = composeBody(undefined, { key: 'smoke', markdown: 'small smoke section' });
    body = composeBody(body, { key: 'test', markdown: big }, { summaryUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.length).toBeLessThan(COMMENT_BODY_LIMIT);
    const [test, smoke] = parseSections(body);
    expect(smoke?.markdown).toBe('small smoke section');
    expect(test?.markdown).toMatch(
      /trimmed to fit GitHub's comment limit: \[full report in the job summary\]\(https:\/\/github.com\/o\/r\/actions\/runs\/1\)$/,
    );
    // every kept table line is whole
    const kept = (test?.markdown ?? '').split('\n\n…')[0].split('\n').slice(2);
    for (const line of kept) expect(line).toBe(row.trimEnd());
    expect(holdsSection(body, { key: 'test', markdown: big })).toBe(true);
  });

  it('shares the room when many sections are large, dropping none', () => {
    let body: string | undefined;
    const sections = ['test', 'scan', 'docker', 'migrate', 'smoke', 'approve'];
    for (const key of sections) body = composeBody(body, { key, markdown: `${key}\n${'y'.repeat(20_000)}` });
    expect(body!.length).toBeLessThan(COMMENT_BODY_LIMIT);
    expect(parseSections(body!).map((s) => s.key)).toEqual(sections);
  });

  it('tells a section that was overwritten from one that is present', () => {
    const body = composeBody(undefined, { key: 'test', markdown: 'new' });
    expect(holdsSection(body, { key: 'test', markdown: 'new' })).toBe(true);
    expect(holdsSection(body, { key: 'test', markdown: 'old' })).toBe(false);
    expect(holdsSection(body, { key: 'smoke', markdown: 'new' })).toBe(false);
    expect(holdsSection('plain comment', { key: 'test', markdown: 'new' })).toBe(false);
  });
});
