import { blocks, code, escapeText, fence, list, STATUS_ICON, table } from '../../core/markdown.js';
import type { CommentSection, SummarySection } from '../../core/outcome.js';
import type { Gate } from '../../core/report/types.js';
import type { DockerReport, ImageReport, PolicyFindingReport, ScanReportPart } from './report-schema.js';
import { gateValue } from '../../core/report/gate-value.js';

/** Rows shown open; the folded tables and the report have the rest. */
const TOP = 10;
const TABLE_ROWS = 200;
const SEVERITY_ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', unknown: '⬜' };

const literal = (text: string): { markdown: string } => ({ markdown: escapeText(text) });
const cellCode = (text: string): { markdown: string } => ({ markdown: code(text) });

function bytes(n: number | null): string {
  if (n === null) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

const shortDigest = (d: string | null): string => (d ? `${d.slice(0, 19)}…` : '–');

function failedGates(gates: readonly Gate[]): string[] {
  return gates
    .filter((g) => !g.passed)
    .map((g) => `${STATUS_ICON.fail} **${escapeText(g.name)}**: ${escapeText(g.detail ?? '')}`);
}

function gatesTable(gates: readonly Gate[]): string {
  return table(
    ['', 'Gate', 'Required', 'Actual', 'Detail'],
    gates.map((g) => [
      g.passed ? STATUS_ICON.pass : STATUS_ICON.fail,
      literal(g.name),
      literal(String(g.required)),
      gateValue(g.actual, g.unit),
      literal(g.detail ?? ''),
    ]),
    ['center', 'left', 'left', 'right', 'left'],
  );
}

export function imagesTable(images: readonly ImageReport[]): string {
  return table(
    ['Build', 'Image', 'Digest', 'Platform', 'Size', 'Compressed', 'Pushed'],
    images.flatMap((i) =>
      i.platforms.map((p, n) => [
        n === 0 ? literal(i.build) : '',
        n === 0 ? cellCode(i.ref) : '',
        n === 0 ? cellCode(shortDigest(i.digest)) : '',
        p.platform,
        bytes(p.size),
        bytes(p.compressedSize),
        n === 0 ? (i.pushed ? (i.verified === false ? '⚠️ layers differ' : 'yes') : 'no') : '',
      ]),
    ),
    ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
  );
}

export function policyTable(findings: readonly PolicyFindingReport[]): string {
  return table(
    ['', 'Rule', 'Where', 'Message'],
    findings.map((f) => [
      f.ignored ? '⏭️' : f.severity === 'error' ? STATUS_ICON.fail : STATUS_ICON.warn,
      cellCode(f.rule),
      cellCode(`${f.file}:${f.line}`),
      literal(f.ignored ? `${f.message} (ignored: ${f.reason ?? ''})` : f.message),
    ]),
    ['center', 'left', 'left', 'left'],
  );
}

function findingsTable(findings: ScanReportPart['findings']): string {
  return table(
    ['Severity', 'Id', 'Package', 'Fixed in', 'Image'],
    findings.map((f) => [
      `${SEVERITY_ICON[f.severity] ?? ''} ${f.severity}`,
      cellCode(f.id),
      literal(f.package ? `${f.package}${f.installed ? ` ${f.installed}` : ''}` : f.title),
      literal(f.kind === 'vuln' ? (f.fixed ?? 'no fix yet') : ''),
      literal(f.target),
    ]),
  );
}

const RANK = ['critical', 'high', 'medium', 'low', 'unknown'];
const atLeast = (severity: string, failOn: string): boolean =>
  severity !== 'unknown' && RANK.indexOf(severity) <= RANK.indexOf(failOn);

function blockingFindings(report: DockerReport): ScanReportPart['findings'] {
  return report.scan.findings.filter((f) => !f.ignored && atLeast(f.severity, report.scan.failOn));
}

function tagsBlock(report: DockerReport): string | undefined {
  if (report.tags.length === 0) return undefined;
  return blocks('**Tags**', list(report.tags.map((t) => code(t))));
}

function labelsTable(report: DockerReport): string | undefined {
  const entries = Object.entries(report.labels);
  if (entries.length === 0) return undefined;
  return table(
    ['Label', 'Value'],
    entries.map(([k, v]) => [cellCode(k), literal(v)]),
  );
}

function failedBuildLogs(report: DockerReport): string | undefined {
  const failed = report.builds.filter((b) => b.status === 'failed');
  if (failed.length === 0) return undefined;
  return blocks(
    ...failed.flatMap((b) => [
      `**Build ${escapeText(b.name)} failed**: ${escapeText(b.error ?? '')}`,
      fence(b.log ?? '', 'text'),
    ]),
  );
}

/** What a reviewer must see open: failed gates, what kept the push back, policy errors, blocking findings, build logs. */
function body(report: DockerReport): string | undefined {
  const errors = report.policy.filter((f) => !f.ignored && f.severity === 'error');
  const blocking = blockingFindings(report);
  return (
    blocks(
      list(failedGates(report.gates)),
      report.push.status === 'blocked' &&
        `Nothing was pushed: ${report.push.blockedBy.map((g) => code(g)).join(', ')} failed before the push.`,
      errors.length > 0 && blocks('**Dockerfile policy errors**', policyTable(errors.slice(0, TOP))),
      blocking.length > 0 &&
        blocks(
          `**Findings at ${escapeText(report.scan.failOn)} or above**${blocking.length > TOP ? ` (${TOP} of ${blocking.length})` : ''}`,
          findingsTable(blocking.slice(0, TOP)),
        ),
      failedBuildLogs(report),
    ) || undefined
  );
}

function details(report: DockerReport): string {
  return blocks(
    report.images.length > 0 && imagesTable(report.images),
    tagsBlock(report),
    labelsTable(report),
    report.policy.length > 0 && blocks('**Dockerfile policy**', policyTable(report.policy.slice(0, TABLE_ROWS))),
    report.scan.findings.length > 0 &&
      blocks(
        `**Image findings** (Trivy ${escapeText(report.scan.trivyVersion ?? '')})`,
        findingsTable(report.scan.findings.slice(0, TABLE_ROWS)),
        report.scan.findings.length > TABLE_ROWS &&
          `… and ${report.scan.findings.length - TABLE_ROWS} more in the report.`,
      ),
    report.gates.length > 0 && gatesTable(report.gates),
  );
}

export function dockerComment(report: DockerReport): CommentSection {
  const b = body(report);
  const d = details(report);
  return {
    headline: report.summary,
    ...(b ? { body: b } : {}),
    ...(d ? { details: d, detailsLabel: 'Images, tags, labels, policy and findings' } : {}),
  };
}

export function dockerSummary(report: DockerReport): SummarySection[] {
  const icon =
    report.status === 'fail' ? STATUS_ICON.fail : report.status === 'warn' ? STATUS_ICON.warn : STATUS_ICON.pass;
  const out: SummarySection[] = [
    {
      markdown: blocks(
        `## ${icon} Docker: ${escapeText(report.summary)}`,
        report.gates.length > 0 && gatesTable(report.gates),
        report.images.length > 0 && imagesTable(report.images),
        report.warnings.length > 0 && list(report.warnings.map((w) => `${STATUS_ICON.warn} ${escapeText(w)}`)),
      ),
      priority: 0,
    },
  ];
  const more = blocks(tagsBlock(report), labelsTable(report));
  if (more) out.push({ markdown: blocks('### Tags and labels', more), priority: 1, label: 'tags and labels' });
  if (report.policy.length > 0)
    out.push({
      markdown: blocks('### Dockerfile policy', policyTable(report.policy.slice(0, TABLE_ROWS))),
      priority: 1,
      label: 'Dockerfile policy table',
    });
  if (report.scan.findings.length > 0)
    out.push({
      markdown: blocks('### Image findings', findingsTable(report.scan.findings.slice(0, TABLE_ROWS))),
      priority: 2,
      label: 'image findings table',
    });
  const logs = failedBuildLogs(report);
  if (logs) out.push({ markdown: blocks('### Build logs', logs), priority: 1, label: 'build logs' });
  return out;
}

/** The terminal's view: one line per fact a person acts on. */
export function dockerText(report: DockerReport): string {
  // The gates follow in the CLI's own lines (render-text.ts): not repeated here.
  const lines: string[] = [];
  for (const f of report.policy.filter((x) => !x.ignored))
    lines.push(`  ${f.severity === 'error' ? '✘' : '!'} ${f.file}:${f.line} ${f.rule}: ${f.message}`);
  for (const b of report.builds) {
    if (b.tags.length > 0) lines.push(`${b.name}: ${b.tags.join(', ')}`);
    if (b.status === 'failed') lines.push(`  build failed: ${b.error ?? ''}`, ...(b.log ? [b.log] : []));
  }
  for (const i of report.images)
    lines.push(
      `${i.build}: ${i.pushed ? 'pushed' : 'built'} ${i.ref} ${i.digest ?? ''} (${i.platforms
        .map((p) => `${p.platform} ${bytes(p.size ?? p.compressedSize)}`)
        .join(', ')})`,
    );
  for (const f of blockingFindings(report).slice(0, TOP))
    lines.push(
      `  ✘ ${f.severity} ${f.id} ${f.package ?? ''} ${f.installed ?? ''} → ${f.fixed ?? 'no fix'} in ${f.target}`,
    );
  if (report.push.status === 'blocked') lines.push(`not pushed: ${report.push.blockedBy.join(', ')} failed`);
  return lines.join('\n');
}
