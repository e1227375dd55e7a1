import { readFile } from 'node:fs/promises';

import { UserError } from '../../../core/errors.js';
import type { Counter, CoverageSet, Metric } from '../model.js';
import { METRICS } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, LineOrdinals, markMeasured, positionKeys } from './coverage-set.js';
import type { ReportFile } from './report-file.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * istanbul's JSON reports are one JSON document, written by JSON.stringify; they are read whole.
 * (Their size grows with the code base, not with test runs: tens of MB for very large projects.)
 */
async function readJson(report: ReportFile): Promise<Json> {
  const text = await readFile(report.abs, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new UserError(
      `malformed JSON: ${(error as Error).message}`,
      { file: report.display, line },
      { cause: error },
    );
  }
  if (!isObject(data)) throw new UserError('expected a JSON object of files', { file: report.display });
  return data;
}

function num(value: unknown, what: string, report: ReportFile, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UserError(`${what} of ${path} is not a number`, { file: report.display });
  }
  return value;
}

function startLine(loc: unknown): number {
  if (isObject(loc) && isObject(loc.start) && typeof loc.start.line === 'number') return loc.start.line;
  return 0;
}

/**
 * istanbul `coverage-final.json` (nyc, c8, vitest/jest with the json reporter). Metrics are computed
 * as istanbul-lib-coverage's summary computes them: statements from `s`, functions from `f`, every
 * branch arm of `b`, and a line's hits = the most-executed statement starting on that line. Items are
 * keyed by position on the lines istanbul's own lcov and cobertura reporters give them (a function at
 * its declaration's line, an arm at its branch's start line), so the reports of one run merge.
 */
export async function parseIstanbulFinal(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  const data = await readJson(report);
  const key = positionKeys();
  let count = 0;
  for (const [name, raw] of Object.entries(data)) {
    const entry = isObject(raw) && isObject(raw.data) ? raw.data : raw;
    if (!isObject(entry) || !isObject(entry.statementMap)) {
      throw new UserError(`entry "${name.slice(0, 80)}" is not istanbul file coverage (no statementMap)`, {
        file: report.display,
      });
    }
    const path = typeof entry.path === 'string' ? entry.path : name;
    const file = fileIn(set, path);
    const s = isObject(entry.s) ? entry.s : {};
    const lineHits = new Map<number, number>();
    const ordinals = new LineOrdinals();
    for (const [id, loc] of Object.entries(entry.statementMap)) {
      const hits = num(s[id] ?? 0, `statement ${id}`, report, path);
      const line = startLine(loc);
      file.statements.add(key(line, ordinals.take(line)), line, hits);
      const before = lineHits.get(line);
      if (before === undefined || before < hits) lineHits.set(line, hits);
    }
    for (const [line, hits] of lineHits) file.lines.add(line, hits);
    const f = isObject(entry.f) ? entry.f : {};
    ordinals.clear();
    for (const [id, meta] of Object.entries(isObject(entry.fnMap) ? entry.fnMap : {})) {
      // The declaration's line, where istanbul's lcov (FN) and cobertura (<method>) reporters put it.
      const line = isObject(meta)
        ? startLine(meta.decl) || (typeof meta.line === 'number' ? meta.line : startLine(meta.loc))
        : 0;
      file.functions.add(key(line, ordinals.take(line)), line, num(f[id] ?? 0, `function ${id}`, report, path));
    }
    const b = isObject(entry.b) ? entry.b : {};
    ordinals.clear();
    for (const [id, meta] of Object.entries(isObject(entry.branchMap) ? entry.branchMap : {})) {
      const arms = b[id];
      // The branch's start line, as istanbul's lcov reporter writes BRDA.
      const line = isObject(meta) ? startLine(meta.loc) || (typeof meta.line === 'number' ? meta.line : 0) : 0;
      if (!Array.isArray(arms)) continue;
      for (const hits of arms)
        file.branches.add(key(line, ordinals.take(line)), line, num(hits, `branch ${id}`, report, path));
    }
    count++;
  }
  if (count > 0) markMeasured(set, ...METRICS);
  return { files: count };
}

/** istanbul `coverage-summary.json`: per-file totals only (no line data, so no diff coverage from it). */
export async function parseIstanbulSummary(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  const data = await readJson(report);
  let count = 0;
  const measured = new Set<Metric>();
  for (const [path, raw] of Object.entries(data)) {
    if (path === 'total') continue;
    if (!isObject(raw)) throw new UserError(`entry "${path.slice(0, 80)}" is not an object`, { file: report.display });
    const counters: Partial<Record<Metric, Counter>> = {};
    for (const metric of METRICS) {
      const value = raw[metric];
      if (value === undefined) continue;
      if (!isObject(value)) throw new UserError(`${metric} of ${path} is not an object`, { file: report.display });
      const counter = {
        covered: num(value.covered, `${metric}.covered`, report, path),
        total: num(value.total, `${metric}.total`, report, path),
      };
      const previous = set.summaryOnly.get(path)?.[metric];
      if (previous) {
        counter.covered = Math.max(counter.covered, previous.covered);
        counter.total = Math.max(counter.total, previous.total);
      }
      counters[metric] = counter;
      measured.add(metric);
    }
    set.summaryOnly.set(path, { ...set.summaryOnly.get(path), ...counters });
    count++;
  }
  markMeasured(set, ...measured);
  return { files: count };
}
