import type { StageOutcome } from '../core/outcome.js';
import { gateValue } from '../core/report/gate-value.js';

const MARK = { pass: '✔', fail: '✘', warn: '!' } as const;

/** Terminal output: the stage's own text, then every gate with required and actual values. */
export function renderText(outcome: StageOutcome): string {
  const { report } = outcome;
  const lines = [outcome.text.trimEnd(), ''];
  if (report.gates.length > 0) {
    lines.push('Gates:');
    for (const g of report.gates) {
      lines.push(
        `  ${g.passed ? MARK.pass : MARK.fail} ${g.name}: required ${gateValue(g.required, g.unit)}, actual ${gateValue(g.actual, g.unit)}${g.detail ? ` (${g.detail})` : ''}`,
      );
    }
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  lines.push(`${MARK[report.status]} ${report.stage}: ${report.status} — ${report.summary}`);
  return `${lines.join('\n').replace(/^\n+/, '')}\n`;
}
