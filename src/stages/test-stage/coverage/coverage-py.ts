import { readFile } from 'node:fs/promises';

import { UserError } from '../../../core/errors.js';
import type { CoverageSet } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, markMeasured, positionKeys } from './coverage-set.js';
import type { ReportFile } from './report-file.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function lines(value: unknown, what: string, report: ReportFile): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((n) => Number.isInteger(n)))
    throw new UserError(`${what} is not a list of line numbers`, { file: report.display });
  return value as number[];
}

function arcs(value: unknown, what: string, report: ReportFile): [number, number][] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((a) => Array.isArray(a) && a.length === 2 && a.every(Number.isInteger)))
    throw new UserError(`${what} is not a list of [from, to] arcs`, { file: report.display });
  return value as [number, number][];
}

/**
 * coverage.py's own JSON (`coverage json`, format 2 or 3). Lines are its statements (executed or
 * missing; excluded ones are not counted), as `coverage report` counts them. Branch arms are its
 * arcs: each `[from, to]` in executed_branches or missing_branches is an arm of line `from`, ordered
 * by destination, the order its lcov and cobertura reports list them in. coverage.py has no function
 * or statement metric apart from lines, so those stay unmeasured.
 */
export async function parseCoveragePy(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  const text = await readFile(report.abs, 'utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new UserError(`malformed JSON: ${(error as Error).message}`, { file: report.display }, { cause: error });
  }
  if (!isObject(doc) || !isObject(doc.files))
    throw new UserError('a coverage.py JSON report has a "files" object', { file: report.display });
  const key = positionKeys();
  let branches = false;
  let count = 0;
  for (const [path, raw] of Object.entries(doc.files)) {
    if (!isObject(raw)) throw new UserError(`entry "${path.slice(0, 80)}" is not an object`, { file: report.display });
    const file = fileIn(set, path);
    for (const line of lines(raw.executed_lines, `${path}: executed_lines`, report)) file.lines.add(line, 1);
    for (const line of lines(raw.missing_lines, `${path}: missing_lines`, report)) file.lines.add(line, 0);
    const arms = [
      ...arcs(raw.executed_branches, `${path}: executed_branches`, report).map(([from, to]) => ({ from, to, hits: 1 })),
      ...arcs(raw.missing_branches, `${path}: missing_branches`, report).map(([from, to]) => ({ from, to, hits: 0 })),
    ].sort((a, b) => a.from - b.from || a.to - b.to);
    let k = 0;
    arms.forEach((arm, i) => {
      k = i > 0 && arms[i - 1].from === arm.from ? k + 1 : 0;
      file.branches.add(key(arm.from, k), arm.from, arm.hits);
    });
    if (raw.executed_branches !== undefined || raw.missing_branches !== undefined) branches = true;
    count++;
  }
  if (count > 0) markMeasured(set, 'lines');
  if (branches) markMeasured(set, 'branches');
  return { files: count };
}
