import type { Counter, CoverageSet, FileCoverage, Metric } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, LineOrdinals, markMeasured, positionKeys } from './coverage-set.js';
import type { ReportFile } from './report-file.js';
import { intAttr, streamXml } from './xml-stream.js';

interface Cond {
  line: number;
  t: number;
  f: number;
}

/** A file's own `<metrics>`: what the writer counted, the fallback for items it does not list. */
interface FileMetrics {
  conditionals?: Counter;
  methods?: Counter;
  statements?: Counter;
}

/**
 * Clover XML (OpenClover, PHPUnit, istanbul). `stmt` and `cond` lines are the lines, `method` lines
 * the functions (keyed by position). A `cond` line means two different things: OpenClover writes how
 * often the condition was true and false (two arms, each known), istanbul writes covered and missed
 * arm counts (only the number is known: the file's arms are marked counted). The file's own `<metrics
 * conditionals coveredconditionals>` tells which one a file uses. Statements and functions come from
 * the file's `<metrics statements coveredstatements methods coveredmethods>` — the writer's own count,
 * which istanbul's clover reporter gives without listing a method — unless the file lists them.
 * Files under `<testproject>` are the tests themselves and are left out, as Clover's totals do.
 */
export async function parseClover(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  let file: FileCoverage | undefined;
  let depth = 0;
  let fileDepth = -1;
  let inTests = false;
  let conds: Cond[] = [];
  let metrics: FileMetrics = {};
  let stmtLines: { line: number; hits: number }[] = [];
  let files = 0;
  let sawRoot = false;
  const measured = new Set<Metric>();
  /** istanbul's clover reporter writes `clover="3.2.0"` and a project named "All files". */
  let istanbulHint = false;
  const key = positionKeys();
  const methodOrdinals = new LineOrdinals();

  await streamXml(report, {
    open(name, attrs, ctx) {
      depth++;
      if (name === 'coverage') {
        sawRoot = true;
        if (attrs.get('clover') === '3.2.0') istanbulHint = true;
      } else if (name === 'project' && attrs.get('name') === 'All files') istanbulHint = true;
      else if (name === 'testproject') inTests = true;
      else if (name === 'file' && !inTests) {
        const path = attrs.get('path') ?? attrs.get('name');
        file = fileIn(set, path ? path : ctx.fail('<file> without a name'));
        fileDepth = depth;
        conds = [];
        metrics = {};
        stmtLines = [];
        methodOrdinals.clear();
        files++;
      } else if (name === 'metrics' && file && depth === fileDepth + 1) {
        const pair = (total: string, covered: string): Counter | undefined =>
          attrs.get(total) === undefined
            ? undefined
            : { total: intAttr(attrs, total, ctx, 0), covered: intAttr(attrs, covered, ctx, 0) };
        metrics = {
          conditionals: pair('conditionals', 'coveredconditionals'),
          methods: pair('methods', 'coveredmethods'),
          statements: pair('statements', 'coveredstatements'),
        };
      } else if (name === 'line' && file) {
        const line = intAttr(attrs, 'num', ctx);
        const type = attrs.get('type') ?? 'stmt';
        const hits = Math.max(0, intAttr(attrs, 'count', ctx, 0));
        if (type === 'method') {
          file.functions.add(key(line, methodOrdinals.take(line)), line, hits);
          measured.add('functions');
          return;
        }
        file.lines.add(line, hits);
        stmtLines.push({ line, hits });
        if (type === 'cond') {
          const t = Math.max(0, intAttr(attrs, 'truecount', ctx, 0));
          const f = Math.max(0, intAttr(attrs, 'falsecount', ctx, 0));
          if (t + f > 10_000_000) ctx.fail('truecount/falsecount out of range');
          conds.push({ line, t, f });
          measured.add('branches');
        }
      }
    },
    close(name) {
      if (name === 'file' && file && depth === fileDepth) {
        addBranches(file, conds, metrics.conditionals, istanbulHint, key);
        finishFile(set, file, metrics, stmtLines, key, measured);
        file = undefined;
        fileDepth = -1;
      } else if (name === 'testproject') {
        inTests = false;
      }
      depth--;
    },
  });
  if (!sawRoot) return { files: 0 };
  if (files > 0) markMeasured(set, 'lines', 'statements', ...measured);
  return { files };
}

/** Statements and functions: the listed items, or else the file's own count of them. */
function finishFile(
  set: CoverageSet,
  file: FileCoverage,
  metrics: FileMetrics,
  stmtLines: { line: number; hits: number }[],
  key: (line: number, k: number) => string,
  measured: Set<Metric>,
): void {
  const summary: Partial<Record<Metric, Counter>> = { ...set.summaryOnly.get(file.path) };
  if (metrics.statements) summary.statements = metrics.statements;
  else for (const s of stmtLines) file.statements.add(key(s.line, 0), s.line, s.hits);
  if (file.functions.size === 0 && metrics.methods) {
    summary.functions = metrics.methods;
    measured.add('functions');
  }
  if (summary.statements || summary.functions) set.summaryOnly.set(file.path, summary);
}

function addBranches(
  file: FileCoverage,
  conds: Cond[],
  metrics: Counter | undefined,
  istanbulHint: boolean,
  key: (line: number, k: number) => string,
): void {
  let total = 0;
  let covered = 0;
  for (const c of conds) {
    total += c.t + c.f;
    covered += c.t;
  }
  // istanbul: truecount = covered arms, falsecount = missed arms. The file's metrics decide when they
  // match one reading; otherwise (metrics absent or not matching) the writer's signature does.
  const matches = metrics !== undefined && metrics.total === total && metrics.covered === covered;
  const matchesClover =
    metrics !== undefined &&
    metrics.total === conds.length * 2 &&
    metrics.covered === conds.reduce((n, c) => n + (c.t > 0 ? 1 : 0) + (c.f > 0 ? 1 : 0), 0);
  const istanbul = (matches || (!matchesClover && istanbulHint)) && total <= 100_000;
  for (const c of conds) {
    if (istanbul) {
      for (let arm = 0; arm < c.t + c.f; arm++) file.branches.add(key(c.line, arm), c.line, arm < c.t ? 1 : 0);
      if (c.t + c.f > 0) file.branchesCounted = true;
    } else {
      file.branches.add(key(c.line, 0), c.line, c.t);
      file.branches.add(key(c.line, 1), c.line, c.f);
    }
  }
}
