import type { Annotation } from '../../../core/outcome.js';
import { testTitle } from '../results/index.js';
import type { TestRunResult } from './result.js';
import { cut } from '../../../core/text.js';

/**
 * GitHub shows at most 10 annotations of a kind per step and keeps 50 per job: beyond that they cost
 * memory and API calls for nothing (a run where 20 000 tests failed made 80 MB of them). The summary
 * and the JSON report list everything.
 */
export const MAX_ANNOTATIONS_PER_LEVEL = 50;

/**
 * Failing tests first (errors), then changed lines no test ran (warnings), one per range, at most
 * `perLevel` of each: a step's workflow commands keep the default; the report action's check run,
 * which the Checks API takes 50 a request, asks for more.
 */
export function annotationsOf(r: TestRunResult, perLevel = MAX_ANNOTATIONS_PER_LEVEL): Annotation[] {
  if (!r.options.annotate) return [];
  const out: Annotation[] = [];
  for (const c of (r.tests?.failures ?? []).slice(0, perLevel)) {
    const a: Annotation = {
      level: 'error',
      title: cut(`Test failed: ${testTitle(c)}`, 255),
      message: cut(c.details ?? c.message ?? c.status, 4000),
    };
    if (c.file) a.file = c.file;
    if (c.file && c.line) a.startLine = c.line;
    out.push(a);
  }
  if (r.diff.kind === 'measured') {
    let warnings = 0;
    for (const f of r.diff.coverage.files) {
      for (const range of f.uncovered) {
        if (warnings++ >= perLevel) return out;
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
