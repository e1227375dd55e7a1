import type { SummarySection } from '../../../core/outcome.js';
import type { Gate } from '../../../core/report/types.js';
import { formatRanges } from '../diff/diff-coverage.js';
import { METRICS, type Metric, type MetricValue } from '../model.js';
import { testTitle } from '../test-totals.js';
import { fileLineDelta, totalDeltas, type Deltas, type TestRunResult } from './result.js';

/** Rows of the per-file table: the least covered first; a bigger table is cut (the JSON report has all). */
const MAX_FILE_ROWS = 1000;
const MAX_FAILURES = 50;
const MAX_COMMENT_FAILURES = 5;
const MAX_COMMENT_DIFF_FILES = 10;

/** Text in a table cell: pipes and newlines would break the row. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  const t = cell(text);
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

export function fmtPct(v: MetricValue | null | undefined): string {
  return v ? `${v.pct.toFixed(2)} %` : '—';
}

export function fmtDelta(d: number | null | undefined): string {
  if (d === null || d === undefined) return '';
  if (d === 0) return '±0.00';
  return `${d > 0 ? '+' : ''}${d.toFixed(2)}`;
}

const LABEL: Record<Metric, string> = {
  lines: 'Lines',
  branches: 'Branches',
  functions: 'Functions',
  statements: 'Statements',
};

function gateValue(g: Gate, v: Gate['actual']): string {
  if (v === null) return 'n/a';
  return `${String(v)}${g.unit === '%' ? ' %' : g.unit === 'pp' ? ' pp' : ''}`;
}

function gateRequirement(g: Gate): string {
  if (g.name === 'max-drop') return `≤ ${gateValue(g, g.required)}`;
  if (g.unit === '%') return `≥ ${gateValue(g, g.required)}`;
  if (g.name === 'lint' || g.name === 'test') return 'exit 0';
  if (g.name === 'failed-tests') return '0';
  return gateValue(g, g.required);
}

export function baselineSentence(r: TestRunResult): string {
  const b = r.baseline;
  if (b.kind === 'found')
    return `Compared with \`${b.baseline.branch}\` at ${b.baseline.sha.slice(0, 7)} (${b.baseline.createdAt.slice(0, 10)}).`;
  if (b.kind === 'missing')
    return `No baseline exists yet for \`${b.branch}\`: a push to \`${b.branch}\` records one, and later pull requests show deltas.`;
  return '';
}

function totalsTable(r: TestRunResult, deltas: Deltas | undefined): string {
  const t = r.coverage?.totals;
  if (!t) return '_No coverage data._';
  const rows = METRICS.filter((m) => t[m] !== null).map((m) => {
    const v = t[m];
    const delta = deltas ? fmtDelta(deltas[m]) : '';
    return `| ${LABEL[m]} | ${fmtPct(v)} | ${delta} | ${v ? `${v.covered} / ${v.total}` : ''} |`;
  });
  if (r.diff.kind === 'measured') {
    const d = r.diff.coverage;
    rows.push(`| Changed lines | ${d.total === 0 ? '—' : `${d.pct.toFixed(2)} %`} |  | ${d.covered} / ${d.total} |`);
  }
  return ['| Coverage | % | Δ | Covered |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}

function gatesTable(gates: readonly Gate[]): string {
  if (gates.length === 0) return '_No gates configured._';
  const rows = gates.map(
    (g) =>
      `| ${g.passed ? '✅' : '❌'} | ${code(g.name)} | ${cell(gateRequirement(g))} | ${cell(gateValue(g, g.actual))} | ${cell(g.detail ?? '')} |`,
  );
  return ['| | Gate | Required | Actual | |', '| --- | --- | ---: | ---: | --- |', ...rows].join('\n');
}

function testsLine(r: TestRunResult): string {
  if (!r.tests) return '';
  const t = r.tests.totals;
  const parts = [`${t.total} tests`, `${t.passed} passed`];
  if (t.failed) parts.push(`${t.failed} failed`);
  if (t.errors) parts.push(`${t.errors} errors`);
  if (t.skipped) parts.push(`${t.skipped} skipped`);
  if (t.flaky) parts.push(`${t.flaky} flaky`);
  return `**Tests:** ${parts.join(', ')}.`;
}

function diffSection(r: TestRunResult): string | undefined {
  if (r.diff.kind !== 'measured')
    return r.diff.kind === 'unavailable'
      ? `#### Changed lines\n\nDiff coverage could not be measured: ${r.diff.reason}.`
      : undefined;
  const d = r.diff.coverage;
  const notes = r.diff.notes.map((n) => `> ${n}`).join('\n');
  if (d.files.length === 0) return `#### Changed lines\n\nNo executable line changed.${notes ? `\n\n${notes}` : ''}`;
  const rows = d.files.map(
    (f) =>
      `| ${code(f.path)} | ${f.pct.toFixed(2)} % | ${f.covered} / ${f.total} | ${f.uncovered.length ? cell(formatRanges(f.uncovered, 20)) : ''} |`,
  );
  return [
    `#### Changed lines: ${d.pct.toFixed(2)} % covered (${d.covered} / ${d.total})`,
    '',
    '| File | % | Covered | Uncovered lines |',
    '| --- | ---: | ---: | --- |',
    ...rows,
    ...(notes ? ['', notes] : []),
  ].join('\n');
}

function failuresSection(r: TestRunResult): string | undefined {
  const f = r.tests?.failures ?? [];
  if (f.length === 0) return undefined;
  const items = f.slice(0, MAX_FAILURES).map((c) => {
    const where = c.file ? ` (${c.file}${c.line ? `:${c.line}` : ''})` : '';
    const msg = (c.message ?? '').trim();
    const details = (c.details ?? '').trim();
    const body =
      details && details !== msg
        ? `\n\n  \`\`\`\n  ${details.slice(0, 2000).replace(/```/g, "'''").replace(/\n/g, '\n  ')}\n  \`\`\``
        : '';
    return `- **${cell(testTitle(c))}**${where}${msg ? `: ${cell(msg)}` : ''}${body}`;
  });
  if (f.length > MAX_FAILURES) items.push(`- … ${f.length - MAX_FAILURES} more (see the JSON report)`);
  return [`#### Failed tests (${f.length})`, '', ...items].join('\n');
}

function filesSection(r: TestRunResult): string | undefined {
  const files = r.coverage?.files ?? [];
  if (files.length === 0) return undefined;
  const shown = [...files]
    .sort((a, b) => (a.lines?.pct ?? 100) - (b.lines?.pct ?? 100) || (a.path < b.path ? -1 : 1))
    .slice(0, MAX_FILE_ROWS);
  const cols = METRICS.filter((m) => r.coverage?.totals[m] !== null);
  const withDelta = r.baseline.kind === 'found';
  const header = `| File | ${cols.map((m) => LABEL[m]).join(' | ')}${withDelta ? ' | Δ lines' : ''} |`;
  const align = `| --- | ${cols.map(() => '---:').join(' | ')}${withDelta ? ' | ---:' : ''} |`;
  const rows = shown.map((f) => {
    const delta = withDelta ? ` | ${fmtDelta(fileLineDelta(f.path, f.lines?.pct, r.baseline))}` : '';
    return `| ${code(f.path)} | ${cols.map((m) => fmtPct(f[m])).join(' | ')}${delta} |`;
  });
  const more =
    files.length > shown.length
      ? `\n\n${files.length - shown.length} better-covered files not shown (all are in the JSON report).`
      : '';
  return `<details><summary>Coverage by file (${files.length} files, least covered first)</summary>\n\n${[header, align, ...rows].join('\n')}${more}\n\n</details>`;
}

function commandsSection(r: TestRunResult): string | undefined {
  if (r.commands.length === 0) return undefined;
  const rows = r.commands.map(
    (c) =>
      `| ${c.kind} | ${code(c.command)} | ${c.exitCode === 0 ? '✅ 0' : `❌ ${c.signal ?? String(c.exitCode)}`} | ${(c.durationMs / 1000).toFixed(1)} s |`,
  );
  return ['#### Commands', '', '| | Command | Exit | Time |', '| --- | --- | ---: | ---: |', ...rows].join('\n');
}

function unmatchedSection(r: TestRunResult): string | undefined {
  if (r.unmatched.length === 0) return undefined;
  const items = r.unmatched
    .slice(0, 100)
    .map((u) => `- ${code(u.reported)}${u.reason === 'ambiguous' ? ' (several files match)' : ''}`);
  if (r.unmatched.length > 100) items.push(`- … ${r.unmatched.length - 100} more`);
  return `#### Paths not found in the repository (${r.unmatched.length})\n\nThese report paths match no repository file; add a \`path-map\` line (\`from=to\`) to rewrite them.\n\n${items.join('\n')}`;
}

export function summarySections(r: TestRunResult, headline: string): SummarySection[] {
  const deltas = totalDeltas(r.coverage?.totals, r.baseline);
  const head = [
    `### Test: ${headline}`,
    '',
    totalsTable(r, deltas),
    '',
    baselineSentence(r),
    testsLine(r),
    '',
    gatesTable(r.gates),
  ]
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n');
  const sections: SummarySection[] = [{ markdown: head, priority: 0 }];
  const add = (markdown: string | undefined, priority: number, label: string): void => {
    if (markdown) sections.push({ markdown, priority, label });
  };
  add(failuresSection(r), 1, 'failed tests');
  add(diffSection(r), 1, 'changed lines');
  add(commandsSection(r), 2, 'commands');
  add(unmatchedSection(r), 2, 'unmatched paths');
  add(filesSection(r), 3, 'coverage by file');
  return sections;
}

/** The stage's part of the sticky PR comment: a few lines, the details stay in the job summary. */
export function commentMarkdown(r: TestRunResult, headline: string): string {
  const deltas = totalDeltas(r.coverage?.totals, r.baseline);
  const t = r.coverage?.totals;
  const lines = [`**Test** ${r.gates.every((g) => g.passed) ? '✅' : '❌'} ${headline}`];
  if (t) {
    const parts = METRICS.filter((m) => t[m] !== null).map((m) => {
      const d = deltas ? fmtDelta(deltas[m]) : '';
      return `${LABEL[m].toLowerCase()} ${fmtPct(t[m])}${d ? ` (${d})` : ''}`;
    });
    lines.push('', `Coverage: ${parts.join(' · ')}`);
  }
  if (r.diff.kind === 'measured' && r.diff.coverage.total > 0) {
    const d = r.diff.coverage;
    lines.push(`Changed lines: ${d.pct.toFixed(2)} % (${d.covered} / ${d.total})`);
    const worst = d.files.filter((f) => f.uncovered.length > 0).slice(0, MAX_COMMENT_DIFF_FILES);
    for (const f of worst)
      lines.push(`- ${code(f.path)} ${f.pct.toFixed(0)} %, uncovered ${cell(formatRanges(f.uncovered, 5))}`);
    const rest = d.files.filter((f) => f.uncovered.length > 0).length - worst.length;
    if (rest > 0) lines.push(`- … ${rest} more files`);
  }
  if (r.baseline.kind === 'missing') lines.push(`_No baseline for \`${r.baseline.branch}\` yet._`);
  const tl = testsLine(r);
  if (tl) lines.push(tl);
  for (const c of (r.tests?.failures ?? []).slice(0, MAX_COMMENT_FAILURES)) {
    lines.push(`- ❌ ${cell(testTitle(c))}${c.message ? `: ${cell(c.message).slice(0, 200)}` : ''}`);
  }
  const failedGates = r.gates.filter((g) => !g.passed);
  if (failedGates.length > 0) {
    lines.push(
      '',
      `Failed gates: ${failedGates.map((g) => `${code(g.name)} (${gateValue(g, g.actual)}, required ${cell(gateRequirement(g))})`).join(', ')}`,
    );
  }
  return lines.join('\n');
}
