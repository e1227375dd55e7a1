import type { StageContext } from '../../core/context.js';
import { blocks, code, escapeText, link, list, table } from '../../core/markdown.js';
import type { Annotation, CommentSection, StageOutcome, SummarySection } from '../../core/outcome.js';
import { buildReport } from '../../core/report/build.js';
import type { Gate } from '../../core/report/types.js';
import { blocks as isBlocking, type GateOptions } from './gates.js';
import { countBySeverity, SEVERITIES, type Counts, type Finding } from './model.js';
import type { ScanReport } from './report-schema.js';

export interface SourceInfo {
  tool: string;
  kind: 'trivy' | 'audit' | 'report';
  file: string | null;
  format: string;
  findings: number;
  version?: string;
}

export interface ScanResult {
  findings: Finding[];
  gates: Gate[];
  gateOptions: GateOptions;
  sources: SourceInfo[];
  warnings: string[];
  baseline: ScanReport['baseline'];
  sarif: ScanReport['sarif'];
  startedAt: Date;
  finishedAt: Date;
}

const ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', unknown: '⬜' };
/** Rows in the open part of the comment; the full table is folded, and the report has everything. */
const TOP = 10;
const TABLE_ROWS = 300;
const MAX_ANNOTATIONS = 50;

function countsLine(c: Counts): string {
  const parts = SEVERITIES.filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

function where(f: Finding): string {
  if (f.file) return `${f.file}${f.line ? `:${f.line}` : ''}`;
  return f.target;
}

function packageCell(f: Finding): string {
  if (f.package === null) return '';
  return `${f.package}${f.installed ? ` ${f.installed}` : ''}`;
}

function fixCell(f: Finding): string {
  if (f.kind !== 'vuln' || f.package === null) return '';
  return f.fixed ?? 'no fix yet';
}

function idCell(f: Finding): { markdown: string } {
  const id = f.url && /^https?:\/\//.test(f.url) ? link(f.id, f.url) : code(f.id);
  return {
    markdown: `${id}${f.aliases.length > 0 ? ` (${f.aliases.slice(0, 2).map(escapeText).join(', ')}${f.aliases.length > 2 ? ', …' : ''})` : ''}`,
  };
}

function newCell(f: Finding): string {
  return f.new === undefined ? '' : f.new ? 'new' : 'existing';
}

function findingsTable(findings: readonly Finding[], withIgnored: boolean): string {
  const header = [
    'Severity',
    'Id',
    'Package',
    'Fixed in',
    'Where',
    'Tools',
    'Baseline',
    ...(withIgnored ? ['Ignored'] : []),
  ];
  const rows = findings.map((f) => [
    `${ICON[f.severity]} ${f.severity}`,
    idCell(f),
    packageCell(f),
    fixCell(f),
    where(f),
    f.tools.join(', '),
    newCell(f),
    ...(withIgnored ? [f.ignored ? `${f.ignored.reason} (${f.ignored.source})` : ''] : []),
  ]);
  return table(header, rows);
}

function gateLines(gates: readonly Gate[]): string[] {
  return gates.filter((g) => !g.passed).map((g) => `❌ **${escapeText(g.name)}**: ${escapeText(g.detail ?? '')}`);
}

export function buildScanOutcome(result: ScanResult, ctx: StageContext): StageOutcome {
  const { findings, gates } = result;
  const counted = findings.filter((f) => !f.ignored);
  const ignored = findings.filter((f) => f.ignored);
  const counts = countBySeverity(findings);
  const newCount = result.baseline.status === 'compared' ? counted.filter((f) => f.new === true).length : null;
  const blocking = counted.filter((f) => isBlocking(f, result.gateOptions));
  const failed = gates.some((g) => !g.passed);

  const headline = `${countsLine(counts)}${newCount !== null ? ` · ${newCount} new` : ''}${ignored.length > 0 ? ` · ${ignored.length} ignored` : ''}`;
  const summaryLine = `${failed ? `${blocking.length} finding(s) at ${result.gateOptions.failOn} or above` : 'passed'}: ${headline}`;

  const data: Pick<ScanReport, 'findings' | 'counts' | 'ignoredCount' | 'sources' | 'baseline' | 'sarif'> = {
    // The findings themselves: they have the report's fields in its order. A copy would hold every
    // finding twice while the report is validated, redacted and written (65 000 findings: 9 MB).
    findings: findings satisfies ScanReport['findings'],
    counts,
    ignoredCount: ignored.length,
    sources: result.sources,
    baseline: result.baseline,
    sarif: result.sarif,
  };
  const report = buildReport({
    stage: 'scan',
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    run: ctx.run,
    gates,
    warnings: result.warnings,
    summary: summaryLine,
    data,
  });

  const countsTable = table(
    ['', ...SEVERITIES],
    [['findings', ...SEVERITIES.map((s) => counts[s])]],
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
  const baselineLine =
    result.baseline.status === 'compared'
      ? `${newCount} new, ${counted.length - (newCount ?? 0)} existing on ${code(result.baseline.branch ?? 'the base branch')}${result.gateOptions.newOnly ? ' (only new findings block: new-only)' : ''}.`
      : result.baseline.status === 'missing'
        ? `No baseline of ${code(result.baseline.branch ?? 'the base branch')} yet: every finding is treated as new. A scan on a push to the default branch saves one.`
        : undefined;
  const top = (blocking.length > 0 ? blocking : counted).slice(0, TOP);
  const shownAll = findings.slice(0, TABLE_ROWS);
  const comment: CommentSection = {
    headline,
    body: blocks(
      list(gateLines(gates)),
      countsTable,
      baselineLine,
      top.length > 0 &&
        `**${blocking.length > 0 ? 'Blocking' : 'Top'} findings**${(blocking.length > 0 ? blocking : counted).length > TOP ? ` (${TOP} of ${(blocking.length > 0 ? blocking : counted).length})` : ''}:`,
      top.length > 0 && findingsTable(top, false),
    ),
    ...(findings.length > 0
      ? {
          details: blocks(
            findingsTable(shownAll, ignored.length > 0),
            findings.length > TABLE_ROWS && `… and ${findings.length - TABLE_ROWS} more in the report.`,
          ),
          detailsLabel: `All ${findings.length} findings`,
        }
      : {}),
  };

  const summary: SummarySection[] = [
    {
      markdown: blocks(
        `## ${failed ? '❌' : '✅'} Scan: ${escapeText(headline)}`,
        list(gateLines(gates)),
        countsTable,
        baselineLine,
      ),
      priority: 0,
    },
  ];
  if (counted.length > 0)
    summary.push({
      markdown: blocks(
        '### Findings',
        findingsTable(counted.slice(0, TABLE_ROWS), false),
        counted.length > TABLE_ROWS && `… and ${counted.length - TABLE_ROWS} more in the report.`,
      ),
      priority: 1,
      label: 'findings table',
    });
  if (ignored.length > 0)
    summary.push({
      markdown: blocks('### Ignored', findingsTable(ignored.slice(0, TABLE_ROWS), true)),
      priority: 2,
      label: 'ignored findings',
    });
  summary.push({
    markdown: blocks(
      '### Sources',
      table(
        ['Tool', 'From', 'Format', 'Findings'],
        result.sources.map((s) => [
          s.version ? `${s.tool} ${s.version}` : s.tool,
          s.file ?? s.kind,
          s.format,
          s.findings,
        ]),
      ),
      result.sarif &&
        `SARIF: ${code(result.sarif.file)}, ${result.sarif.runs} run(s), ${result.sarif.results} result(s)${result.sarif.dropped > 0 ? `, ${result.sarif.dropped} lowest-severity result(s) left out to stay within GitHub's limits` : ''}${result.sarif.uploaded ? ', uploaded to code scanning' : ''}.`,
    ),
    priority: 3,
    label: 'sources',
  });

  const annotations: Annotation[] = [];
  for (const f of counted) {
    if (annotations.length >= MAX_ANNOTATIONS) break;
    if (!f.file) continue;
    const blockingNow = isBlocking(f, result.gateOptions);
    annotations.push({
      level: blockingNow ? 'error' : 'warning',
      title: `${f.severity} ${f.kind === 'secret' ? 'secret' : f.kind === 'misconfig' ? 'misconfiguration' : 'vulnerability'}: ${f.id}${f.package ? ` in ${f.package}${f.installed ? ` ${f.installed}` : ''}` : ''}`,
      message:
        f.kind === 'secret'
          ? `${f.title} (${f.tools.join(', ')}). The value is not shown${f.snippet ? `: ${f.snippet}` : ''}.`
          : `${f.title}${f.package ? `. Fixed in: ${f.fixed ?? 'no fixed version yet'}` : ''} (${f.tools.join(', ')})`,
      file: f.file,
      startLine: f.line ?? 1,
    });
  }

  // The findings only: the CLI prints the gates, the warnings and the summary line after this.
  const text = [
    ...counted
      .slice(0, 50)
      .map(
        (f) =>
          `${f.severity.padEnd(8)} ${f.id}${f.package ? `  ${f.package}${f.installed ? `@${f.installed}` : ''}${fixCell(f) ? ` → ${fixCell(f)}` : ''}` : ''}  ${where(f)}${f.new === true ? '  (new)' : ''}  [${f.tools.join(', ')}]`,
      ),
    ...(counted.length > 50 ? [`… and ${counted.length - 50} more (--json for all)`] : []),
    ...(ignored.length > 0 ? [`${ignored.length} ignored (see the report)`] : []),
    ...(findings.length === 0 ? ['no findings'] : []),
  ].join('\n');

  return {
    report,
    outputs: {
      passed: !failed,
      critical: counts.critical,
      high: counts.high,
      medium: counts.medium,
      low: counts.low,
      unknown: counts.unknown,
      'new-findings': newCount,
      'sarif-file': result.sarif?.file ?? null,
      'sarif-id': result.sarif?.sarifId ?? null,
    },
    summary,
    comment,
    annotations,
    text,
  };
}
