import { blocks, code, escapeText, fence, list, STATUS_ICON, table } from '../../core/markdown.js';
import type { CommentSection, SummarySection } from '../../core/outcome.js';
import type { Gate, ReportStatus } from '../../core/report/types.js';
import type { SmokeFindings } from './findings.js';
import type { CheckReport, OnFailureResult } from './report-schema.js';
import { gateValue } from '../../core/report/gate-value.js';

/** Failed checks shown open in the comment; the rest are in the table. */
const SHOWN_FAILURES = 10;

const mark = (passed: boolean): string => (passed ? STATUS_ICON.pass : STATUS_ICON.fail);
const ms = (value: number | null): string => (value === null ? '–' : `${value} ms`);
const actualOf = (g: Gate): string => gateValue(g.actual, g.unit);
/** Text from the user or the server, shown literally in a cell (a backtick stays a backtick). */
const literal = (text: string): { markdown: string } => ({ markdown: escapeText(text) });

function exitOf(r: OnFailureResult): string {
  return r.exitCode !== null
    ? `exit code ${r.exitCode}`
    : r.signal
      ? `signal ${r.signal}`
      : 'an error (it did not start)';
}

export function checksTable(checks: readonly CheckReport[]): string {
  return table(
    ['', 'Check', 'Status', 'p50', 'p95', 'max', 'Reason'],
    checks.map((c) => [
      mark(c.passed),
      literal(c.name),
      c.status ?? '–',
      ms(c.latency.p50),
      ms(c.latency.p95),
      ms(c.latency.max),
      literal(c.reason),
    ]),
    ['center', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
}

/** Every gate but `checks`, which the checks table shows check by check. */
function otherGates(findings: SmokeFindings): Gate[] {
  return findings.gates.filter((g) => g.name !== 'checks');
}

export function gatesTable(gates: readonly Gate[]): string {
  return table(
    ['', 'Gate', 'Required', 'Actual', 'Detail'],
    gates.map((g) => [
      mark(g.passed),
      literal(g.name),
      literal(String(g.required)),
      actualOf(g),
      literal(g.detail ?? ''),
    ]),
    ['center', 'left', 'left', 'right', 'left'],
  );
}

/** What a reviewer must see without unfolding anything: the failures, and the rollback if one ran. */
function failureBody(findings: SmokeFindings, onFailure: OnFailureResult | undefined): string | undefined {
  const failed = findings.checks.filter((c) => !c.passed);
  const items = failed
    .slice(0, SHOWN_FAILURES)
    .map((c) => `${STATUS_ICON.fail} **${escapeText(c.name)}**: ${escapeText(c.reason)}`);
  if (failed.length > SHOWN_FAILURES) items.push(`… and ${failed.length - SHOWN_FAILURES} more (see the table)`);
  const gates = otherGates(findings)
    .filter((g) => !g.passed)
    .map((g) => `${STATUS_ICON.fail} ${escapeText(g.name)}: ${escapeText(actualOf(g))}`);
  // One list: two lists one after the other would render as one anyway (CommonMark joins them).
  items.push(...gates);
  return blocks(
    items.length > 0 ? list(items) : undefined,
    onFailure
      ? `on-failure ${code(onFailure.command)} ended with ${exitOf(onFailure)} after ${onFailure.durationMs} ms.`
      : undefined,
  );
}

export function smokeComment(findings: SmokeFindings, onFailure: OnFailureResult | undefined): CommentSection {
  const gates = otherGates(findings);
  const samples = findings.checks.reduce((n, c) => n + c.samples, 0);
  return {
    headline: findings.headline,
    body: failureBody(findings, onFailure),
    details: blocks(gates.length > 0 ? gatesTable(gates) : undefined, checksTable(findings.checks)),
    detailsLabel: `${findings.checks.length} check(s), ${samples} request(s)${gates.length > 0 ? `, ${gates.length} gate(s)` : ''}`,
  };
}

export function smokeSummary(
  findings: SmokeFindings,
  status: ReportStatus,
  onFailure: OnFailureResult | undefined,
): SummarySection[] {
  const gates = otherGates(findings);
  const sections: SummarySection[] = [
    {
      markdown: blocks(
        `### ${STATUS_ICON[status]} Smoke: ${escapeText(findings.headline)}`,
        failureBody(findings, onFailure),
      ),
      priority: 0,
    },
  ];
  if (gates.length > 0)
    sections.push({ markdown: blocks('#### Gates', gatesTable(gates)), priority: 0, label: 'gates' });
  sections.push({ markdown: blocks('#### Checks', checksTable(findings.checks)), priority: 1, label: 'checks table' });
  if (onFailure) {
    sections.push({
      markdown: blocks(
        '#### on-failure',
        `${code(onFailure.command)} ended with ${exitOf(onFailure)} after ${onFailure.durationMs} ms${onFailure.truncated ? ' (the output below is its end)' : ''}:`,
        fence(onFailure.output.slice(-8000) || '(no output)'),
      ),
      priority: 2,
      label: 'on-failure output',
    });
  }
  return sections;
}
