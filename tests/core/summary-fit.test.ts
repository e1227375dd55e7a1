import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/core/outcome.js';
import { fitSummary, selectAnnotations, SUMMARY_LIMIT_BYTES } from '../../src/core/summary-fit.js';

describe('fitSummary', () => {
  it('leaves a summary under the limit untouched', () => {
    const fitted = fitSummary([
      { markdown: '## Totals', priority: 0 },
      { markdown: '## Files', priority: 2 },
    ]);
    expect(fitted.trimmed).toEqual([]);
    expect(fitted.markdown).toBe('## Totals\n\n## Files\n');
  });

  it('drops the least important sections first and says so', () => {
    const mb = 'x'.repeat(600 * 1024);
    const fitted = fitSummary([
      { markdown: '## Totals', priority: 0, label: 'totals' },
      { markdown: `## Files\n${mb}`, priority: 2, label: 'per-file table' },
      { markdown: `## Failures\n${mb}`, priority: 1, label: 'failed tests' },
    ]);
    expect(Buffer.byteLength(fitted.markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(fitted.trimmed).toEqual(['per-file table']);
    expect(fitted.markdown).toContain('## Failures');
    expect(fitted.markdown).toContain("trimmed to fit GitHub's 1 MiB limit. Left out: per-file table");
  });

  it('cuts a must-keep section at a line boundary when nothing else can go', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `| row ${i} | ${'é'.repeat(20)} |`).join('\n');
    const fitted = fitSummary([{ markdown: lines, priority: 0, label: 'totals' }]);
    expect(Buffer.byteLength(fitted.markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(fitted.trimmed).toEqual(['totals (cut)']);
    const body = fitted.markdown.split('\n\n> [!NOTE]')[0];
    for (const line of body.split('\n')) expect(line).toMatch(/^\| row \d+ \| (é){20} \|$/);
  });
});

describe('selectAnnotations', () => {
  const make = (level: Annotation['level'], n: number): Annotation[] =>
    Array.from({ length: n }, (_, i) => ({ level, message: `${level} ${i}` }));

  it('shows at most 10 per level and counts the rest', () => {
    const { shown, hidden } = selectAnnotations([...make('warning', 12), ...make('error', 3), ...make('notice', 25)]);
    expect(shown.filter((a) => a.level === 'error')).toHaveLength(3);
    expect(shown.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(shown.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(hidden).toEqual({ error: 0, warning: 2, notice: 15 });
  });
});
