import type { CoverageSet, FileCoverage } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, markMeasured } from './coverage-set.js';
import type { ReportFile } from './report-file.js';
import { intAttr, streamXml } from './xml-stream.js';

interface Cond {
  line: number;
  t: number;
  f: number;
}

/**
 * Clover XML (OpenClover, PHPUnit, istanbul). `stmt` and `cond` lines are the lines and statements,
 * `method` lines the functions. A `cond` line means two different things: OpenClover writes how often
 * the condition was true and false (two arms), istanbul writes covered and missed arm counts. The
 * file's own `<metrics conditionals coveredconditionals>` tells which one a file uses.
 * Files under `<testproject>` are the tests themselves and are left out, as Clover's totals do.
 */
export async function parseClover(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  let file: FileCoverage | undefined;
  let depth = 0;
  let fileDepth = -1;
  let inTests = false;
  let conds: Cond[] = [];
  let metrics: { total: number; covered: number } | undefined;
  let files = 0;
  let sawRoot = false;
  let sawConds = false;
  let sawMethods = false;
  /** istanbul's clover reporter writes `clover="3.2.0"` and a project named "All files". */
  let istanbulHint = false;

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
        metrics = undefined;
        files++;
      } else if (name === 'metrics' && file && depth === fileDepth + 1 && attrs.get('conditionals') !== undefined) {
        metrics = {
          total: intAttr(attrs, 'conditionals', ctx, 0),
          covered: intAttr(attrs, 'coveredconditionals', ctx, 0),
        };
      } else if (name === 'line' && file) {
        const line = intAttr(attrs, 'num', ctx);
        const type = attrs.get('type') ?? 'stmt';
        if (type === 'method') {
          const hits = Math.max(0, intAttr(attrs, 'count', ctx, 0));
          file.functions.add(`${attrs.get('name') ?? attrs.get('signature') ?? '(method)'}@${line}`, line, hits);
          sawMethods = true;
          return;
        }
        const hits = Math.max(0, intAttr(attrs, 'count', ctx, 0));
        file.lines.add(line, hits);
        file.statements.add(String(line), line, hits);
        if (type === 'cond') {
          const t = Math.max(0, intAttr(attrs, 'truecount', ctx, 0));
          const f = Math.max(0, intAttr(attrs, 'falsecount', ctx, 0));
          if (t + f > 10_000_000) ctx.fail('truecount/falsecount out of range');
          conds.push({ line, t, f });
          sawConds = true;
        }
      }
    },
    close(name) {
      if (name === 'file' && file && depth === fileDepth) {
        addBranches(file, conds, metrics, istanbulHint);
        file = undefined;
        fileDepth = -1;
      } else if (name === 'testproject') {
        inTests = false;
      }
      depth--;
    },
  });
  if (!sawRoot) return { files: 0 };
  if (files > 0) markMeasured(set, 'lines', 'statements');
  if (sawConds) markMeasured(set, 'branches');
  if (sawMethods) markMeasured(set, 'functions');
  return { files };
}

function addBranches(
  file: FileCoverage,
  conds: Cond[],
  metrics: { total: number; covered: number } | undefined,
  istanbulHint: boolean,
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
      for (let arm = 0; arm < c.t + c.f; arm++) file.branches.add(`${c.line}:${arm}`, c.line, arm < c.t ? 1 : 0);
    } else {
      file.branches.add(`${c.line}:0`, c.line, c.t);
      file.branches.add(`${c.line}:1`, c.line, c.f);
    }
  }
}
