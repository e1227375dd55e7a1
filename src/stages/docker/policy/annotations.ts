import type { Annotation } from '../../../core/outcome.js';
import type { PolicyResult } from './check.js';

/** One annotation per finding that counts (ignored ones are in the report, not on the diff). */
export function policyAnnotations(result: PolicyResult): Annotation[] {
  return result.findings
    .filter((f) => !f.ignored)
    .map((f) => ({
      level: f.severity,
      title: `Dockerfile policy: ${f.rule}`,
      message: f.message,
      file: f.file,
      startLine: f.line,
    }));
}
