import { blocks, code, details, escapeText, list, table, type Align } from '../../../core/markdown.js';
import type { CommentSection, SummarySection } from '../../../core/outcome.js';
import type { Gate } from '../../../core/report/types.js';
import { formatRanges } from '../diff/diff-coverage.js';
import { METRICS, type Metric, type MetricValue } from '../model.js';
import { testTitle } from '../results/index.js';
import { fileLineDelta, totalDeltas, type Deltas, type TestRunResult } from './result.js';
import { cut } from '../../../core/text.js';

/** Rows of the per-file table: the least covered first; a bigger table is cut (the JSON report has all). */
const MAX_FILE_ROWS = 1000;
const MAX_FAILURES = 50;
const MAX_COMMENT_FAILURES = 5;
const MAX_COMMENT_DIFF_FILES = 10;

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

/** One paragraph on the baseline (plain text, backticks for names); empty outside pull requests. */
export function baselineSentence(r: TestRunResult): string {
  const b = r.baseline;
  if (b.kind === 'found')
    return `Compared with ${code(b.baseline.branch)} at ${b.baseline.sha.slice(0, 7)} (${b.baseline.createdAt.slice(0, 10)}).`;
  if (b.kind === 'missing')
    return `No baseline yet for ${code(b.branch)}: a push to ${code(b.branch)} records one, and later pull requests show deltas.`;
  return '';
}

function totalsTable(r: TestRunResult, deltas: Deltas | undefined): string {
  const t = r.coverage?.totals;
  if (!t) return '_No coverage data._';
  const rows: (string | number)[][] = METRICS.filter((m) => t[m] !== null).map((m) => {
    const v = t[m];
    return [
      `${LABEL[m]}${m === r.headline ? ' (headline)' : ''}`,
      fmtPct(v),
      deltas ? fmtDelta(deltas[m]) : '',
      v ? `${v.covered} / ${v.total}` : '',
    ];
  });
  if (r.diff.kind === 'measured') {
    const d = r.diff.coverage;
    rows.push(['Changed lines', d.total === 0 ? '—' : `${d.pct.toFixed(2)} %`, '', `${d.covered} / ${d.total}`]);
  }
  return table(['Coverage', '%', 'Δ', 'Covered'], rows, ['left', 'right', 'right', 'right']);
}

function gatesTable(gates: readonly Gate[]): string {
  if (gates.length === 0) return '_No gates configured._';
  return table(
    ['', 'Gate', 'Required', 'Actual', ''],
    gates.map((g) => [
      g.passed ? '✅' : '❌',
      { markdown: code(g.name) },
      gateRequirement(g),
      gateValue(g, g.actual),
      g.detail ?? '',
    ]),
    ['left', 'left', 'right', 'right', 'left'],
  );
}

function testsLine(r: TestRunResult): string {
  if (!r.tests) return '';
  const t = r.tests.totals;
  const parts = [`${t.total} tests`, `${t.passed} passed`];
  if (t.failed) parts.push(`${t.failed} failed`);
  if (t.errors) parts.push(`${t.errors} errors`);
  if (t.skipped) parts.push(`${t.skipped} skipped`);
  if (t.flaky) parts.push(`${t.flaky} flaky (passed on a rerun)`);
  return `**Tests:** ${parts.join(', ')}.`;
}

function diffTable(r: TestRunResult): string | undefined {
  if (r.diff.kind !== 'measured') return undefined;
  const d = r.diff.coverage;
  const notes = r.diff.notes.map((n) => escapeText(n)).join(' ');
  if (d.files.length === 0) return blocks('No executable line changed.', notes);
  return blocks(
    table(
      ['File', '%', 'Covered', 'Uncovered lines'],
      d.files.map((f) => [
        { markdown: code(f.path) },
        `${f.pct.toFixed(2)} %`,
        `${f.covered} / ${f.total}`,
        f.uncovered.length ? formatRanges(f.uncovered, 20) : '',
      ]),
      ['left', 'right', 'right', 'left'],
    ),
    notes,
  );
}

function diffSection(r: TestRunResult): string | undefined {
  if (r.diff.kind === 'unavailable')
    return blocks('#### Changed lines', `Diff coverage could not be measured: ${escapeText(r.diff.reason)}.`);
  if (r.diff.kind !== 'measured') return undefined;
  const d = r.diff.coverage;
  return blocks(`#### Changed lines: ${d.pct.toFixed(2)} % covered (${d.covered} / ${d.total})`, diffTable(r));
}

/** Failed and errored cases in all (the list in the result holds only the first ones). */
function failureCount(r: TestRunResult): number {
  return r.tests ? r.tests.totals.failed + r.tests.totals.errors : 0;
}

function failureItems(r: TestRunResult, max: number, withWhere: boolean): string[] {
  const f = r.tests?.failures ?? [];
  const all = failureCount(r);
  const items = f.slice(0, max).map((c) => {
    const where = withWhere && c.file ? ` (${code(`${c.file}${c.line ? `:${c.line}` : ''}`)})` : '';
    const msg = (c.message ?? '').trim();
    return `${c.status === 'error' ? 'Error' : 'Failed'}: **${escapeText(testTitle(c))}**${where}${msg ? ` — ${escapeText(cut(msg, 300))}` : ''}`;
  });
  if (all > max) items.push(`… ${all - max} more (see the JSON report)`);
  return items;
}

function failuresSection(r: TestRunResult): string | undefined {
  if (failureCount(r) === 0) return undefined;
  return blocks(`#### Failed tests (${failureCount(r)})`, list(failureItems(r, MAX_FAILURES, true)));
}

function flakySection(r: TestRunResult): string | undefined {
  const f = r.tests?.flaky ?? [];
  if (f.length === 0) return undefined;
  return blocks(
    `#### Flaky tests (${f.length}): passed only on a rerun`,
    list(f.slice(0, 100).map((c) => `${escapeText(testTitle(c))} — ${c.reruns ?? 1} failed run(s) first`)),
  );
}

function filesTable(r: TestRunResult): string | undefined {
  const files = r.coverage?.files ?? [];
  if (files.length === 0) return undefined;
  const shown = [...files]
    .sort((a, b) => (a.lines?.pct ?? 100) - (b.lines?.pct ?? 100) || (a.path < b.path ? -1 : 1))
    .slice(0, MAX_FILE_ROWS);
  const cols = METRICS.filter((m) => r.coverage?.totals[m] !== null);
  const withDelta = r.baseline.kind === 'found';
  const header = ['File', ...cols.map((m) => LABEL[m]), ...(withDelta ? ['Δ lines'] : [])];
  const align: Align[] = ['left', ...cols.map((): Align => 'right'), ...(withDelta ? (['right'] as Align[]) : [])];
  const rows = shown.map((f) => [
    { markdown: code(f.path) },
    ...cols.map((m) => fmtPct(f[m])),
    ...(withDelta ? [fmtDelta(fileLineDelta(f.path, f.lines?.pct, r.baseline))] : []),
  ]);
  const more =
    files.length > shown.length
      ? `${files.length - shown.length} better-covered files not shown (all are in the JSON report).`
      : undefined;
  return blocks(table(header, rows, align), more);
}

function commandsSection(r: TestRunResult): string | undefined {
  if (r.commands.length === 0) return undefined;
  return blocks(
    '#### Commands',
    table(
      ['', 'Command', 'Exit', 'Time'],
      r.commands.map((c) => [
        c.kind,
        { markdown: code(c.command) },
        c.exitCode === 0 ? '✅ 0' : `❌ ${c.signal ?? String(c.exitCode)}`,
        `${(c.durationMs / 1000).toFixed(1)} s`,
      ]),
      ['left', 'left', 'right', 'right'],
    ),
  );
}

function unmatchedSection(r: TestRunResult): string | undefined {
  if (r.unmatched.length === 0) return undefined;
  const items = r.unmatched
    .slice(0, 100)
    .map((u) => `${code(u.reported)}${u.reason === 'ambiguous' ? ' (several files match)' : ''}`);
  if (r.unmatched.length > 100) items.push(`… ${r.unmatched.length - 100} more`);
  return blocks(
    `#### Paths not found in the repository (${r.unmatched.length})`,
    `These report paths match no repository file; add a ${code('path-map')} line (${code('from=to')}) to rewrite them.`,
    list(items),
  );
}

/** The job summary: totals and gates first (never dropped), then the parts that may be trimmed. */
export function summarySections(r: TestRunResult, headline: string): SummarySection[] {
  const deltas = totalDeltas(r.coverage?.totals, r.baseline);
  const head = blocks(
    `### Test: ${escapeText(headline)}`,
    totalsTable(r, deltas),
    baselineSentence(r),
    testsLine(r),
    gatesTable(r.gates),
  );
  const sections: SummarySection[] = [{ markdown: head, priority: 0 }];
  const add = (markdown: string | undefined, priority: number, label: string): void => {
    if (markdown) sections.push({ markdown, priority, label });
  };
  add(failuresSection(r), 1, 'failed tests');
  add(flakySection(r), 1, 'flaky tests');
  add(diffSection(r), 1, 'changed lines');
  add(commandsSection(r), 2, 'commands');
  add(unmatchedSection(r), 2, 'unmatched paths');
  const files = filesTable(r);
  if (files)
    add(
      details(`Coverage by file (${r.coverage?.files.length ?? 0} files, least covered first)`, files),
      3,
      'coverage by file',
    );
  return sections;
}

/**
 * The stage's section of the sticky PR comment. The core writes the heading and status; `body` is
 * what a reviewer must see (failed gates, failed tests, uncovered changed lines), `details` the rest.
 * Every part is its own block (blocks()), so no paragraph can fall inside the list before it.
 */
export function commentSection(r: TestRunResult, headline: string): CommentSection {
  const deltas = totalDeltas(r.coverage?.totals, r.baseline);
  const t = r.coverage?.totals;
  const failedGates = r.gates.filter((g) => !g.passed);
  const gatesPart =
    failedGates.length > 0
      ? blocks(
          '**Failed gates**',
          list(
            failedGates.map(
              (g) =>
                `${code(g.name)}: ${gateValue(g, g.actual)}, required ${gateRequirement(g)}${g.detail ? ` — ${escapeText(g.detail)}` : ''}`,
            ),
          ),
        )
      : undefined;
  const failures =
    (r.tests?.failures ?? []).length > 0
      ? blocks('**Failed tests**', list(failureItems(r, MAX_COMMENT_FAILURES, false)))
      : undefined;
  let uncovered: string | undefined;
  if (r.diff.kind === 'measured' && r.diff.coverage.total > 0) {
    const d = r.diff.coverage;
    const worst = d.files.filter((f) => f.uncovered.length > 0);
    if (worst.length > 0) {
      const items = worst
        .slice(0, MAX_COMMENT_DIFF_FILES)
        .map((f) => `${code(f.path)} ${f.pct.toFixed(0)} %, uncovered ${formatRanges(f.uncovered, 5)}`);
      if (worst.length > MAX_COMMENT_DIFF_FILES) items.push(`… ${worst.length - MAX_COMMENT_DIFF_FILES} more files`);
      uncovered = blocks(`**Changed lines not covered** (${d.pct.toFixed(2)} % of ${d.total} covered)`, list(items));
    }
  }
  const coverageLine = t
    ? `Coverage: ${METRICS.filter((m) => t[m] !== null)
        .map((m) => {
          const d = deltas ? fmtDelta(deltas[m]) : '';
          return `${LABEL[m].toLowerCase()} ${fmtPct(t[m])}${d ? ` (${d})` : ''}`;
        })
        .join(' · ')}`
    : undefined;
  const body = blocks(gatesPart, failures, uncovered);
  const detailsPart = blocks(coverageLine, baselineSentence(r), testsLine(r), gatesTable(r.gates));
  const section: CommentSection = { headline };
  if (body) section.body = body;
  if (detailsPart) {
    section.details = detailsPart;
    section.detailsLabel = 'Coverage, tests and gates';
  }
  return section;
}
