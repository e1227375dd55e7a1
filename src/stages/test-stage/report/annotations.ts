import type { Annotation } from '../../../core/outcome.js';
import { testTitle } from '../results/index.js';
import type { TestRunResult } from './result.js';

/** Failing tests first (errors), then changed lines no test ran (warnings), one per range. */
export function annotationsOf(r: TestRunResult): Annotation[] {
  if (!r.options.annotate) return [];
  const out: Annotation[] = [];
  for (const c of r.tests?.failures ?? []) {
    const a: Annotation = {
      level: 'error',
      title: `Test failed: ${testTitle(c)}`.slice(0, 255),
      message: (c.details ?? c.message ?? c.status).slice(0, 4000),
    };
    if (c.file) a.file = c.file;
    if (c.file && c.line) a.startLine = c.line;
    out.push(a);
  }
  if (r.diff.kind === 'measured') {
    for (const f of r.diff.coverage.files) {
      for (const range of f.uncovered) {
        const what = range.start === range.end ? `Line ${range.start} is` : `Lines ${range.start}-${range.end} are`;
        out.push({
          level: 'warning',
          title: 'Not covered by tests',
          message: `${what} changed in this pull request but no test runs ${range.start === range.end ? 'it' : 'them'}.`,
          file: f.path,
          startLine: range.start,
          endLine: range.end,
        });
      }
    }
  }
  return out;
}
