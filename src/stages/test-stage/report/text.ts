import { formatRanges } from '../diff/diff-coverage.js';
import { METRICS } from '../model.js';
import { testTitle } from '../results/index.js';
import { fmtDelta, fmtPct, baselineSentence } from './markdown.js';
import { totalDeltas, type TestRunResult } from './result.js';

/** The CLI's terminal report (gates and the verdict line are added by the CLI itself). */
export function terminalText(r: TestRunResult): string {
  const lines: string[] = [];
  for (const c of r.commands) {
    lines.push(
      `${c.exitCode === 0 ? '✔' : '✘'} ${c.kind}: ${c.command} (${c.signal ?? `exit ${String(c.exitCode)}`}, ${(c.durationMs / 1000).toFixed(1)}s)`,
    );
  }
  const t = r.coverage?.totals;
  if (t) {
    const deltas = totalDeltas(t, r.baseline);
    lines.push(
      `Coverage (${r.coverage?.files.length ?? 0} files from ${r.coverageSources.map((s) => `${s.file} [${s.format}]`).join(', ')}):`,
    );
    for (const m of METRICS) {
      const v = t[m];
      if (!v) continue;
      const d = deltas ? fmtDelta(deltas[m]) : '';
      lines.push(
        `  ${m.padEnd(10)} ${fmtPct(v).padStart(9)}  ${String(v.covered).padStart(7)} / ${v.total}${d ? `  (${d})` : ''}`,
      );
    }
  } else {
    lines.push('Coverage: no coverage data');
  }
  const b = baselineSentence(r);
  if (b) lines.push(b.replace(/`/g, "'"));
  if (r.diff.kind === 'measured') {
    const d = r.diff.coverage;
    lines.push(
      `Changed lines: ${d.total === 0 ? 'no executable line changed' : `${fmtPct(d)} (${d.covered} / ${d.total})`}`,
    );
    for (const f of d.files.filter((x) => x.uncovered.length > 0))
      lines.push(`  ${f.path}: uncovered ${formatRanges(f.uncovered, 10)}`);
  } else if (r.diff.kind === 'unavailable') {
    lines.push(`Changed lines: not measured (${r.diff.reason})`);
  }
  if (r.tests) {
    const x = r.tests.totals;
    lines.push(
      `Tests: ${x.total} total, ${x.passed} passed, ${x.failed} failed, ${x.errors} errors, ${x.skipped} skipped`,
    );
    for (const c of r.tests.failures.slice(0, 20))
      lines.push(`  ✘ ${testTitle(c)}${c.message ? `: ${c.message}` : ''}`);
  }
  for (const u of r.unmatched.slice(0, 20)) lines.push(`  path not in repository: ${u.reported}`);
  return lines.join('\n');
}
