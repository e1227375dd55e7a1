import { open } from 'node:fs/promises';

import { UserError } from '../../../core/errors.js';
import type { CoverageFormat } from '../model.js';
import type { ReportFile } from './report-file.js';
import { noDataError } from './report-file.js';

const SNIFF_BYTES = 64 * 1024;

export const COVERAGE_FORMATS: readonly CoverageFormat[] = [
  'lcov',
  'cobertura',
  'clover',
  'jacoco',
  'istanbul-summary',
  'istanbul-final',
  'go',
  'coverage-py',
];

/**
 * Tells the format from the first 64 KiB of content, never from the file name (tools name their
 * files freely: `coverage.xml` is cobertura from coverage.py and clover from PHPUnit).
 * Returns undefined for an empty (or whitespace-only) file.
 */
export function detectFormat(head: string): CoverageFormat | 'unknown' | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text) return undefined;
  if (text.startsWith('{')) {
    if (/"statementMap"\s*:/.test(text)) return 'istanbul-final';
    // `coverage json` (coverage.py): {"meta": {"format": 2|3, "version": …}, "files": {…}, "totals": {…}}
    if (/^\{\s*"meta"\s*:\s*\{[^}]*"format"\s*:\s*\d/.test(text) && /"executed_lines"\s*:/.test(text))
      return 'coverage-py';
    if (/"(lines|statements)"\s*:\s*\{\s*"total"/.test(text)) return 'istanbul-summary';
    return 'unknown';
  }
  if (text.startsWith('<')) {
    const root = rootElement(text);
    if (root === 'report') return 'jacoco';
    if (root === 'coverage') {
      if (/<project[\s>]/.test(text) || /\sclover="/.test(text)) return 'clover';
      return 'cobertura';
    }
    return 'unknown';
  }
  if (/^mode: (set|count|atomic)\s*$/m.test(text.slice(0, 200))) return 'go';
  if (/^(TN|SF|VER):/m.test(text)) return 'lcov';
  return 'unknown';
}

/** The first element name after the prolog, comments and DOCTYPE. */
function rootElement(text: string): string | undefined {
  const body = text.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<\?[\s\S]*?(\?>|$)/g, '');
  return /<([A-Za-z_][\w.:-]*)/.exec(body.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, ''))?.[1];
}

export async function sniff(report: ReportFile): Promise<string> {
  const handle = await open(report.abs, 'r');
  try {
    const buf = Buffer.alloc(Math.min(SNIFF_BYTES, report.size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function formatOf(report: ReportFile, input?: string): Promise<CoverageFormat | undefined> {
  const format = detectFormat(await sniff(report));
  if (format === undefined) return undefined;
  if (format === 'unknown') {
    throw new UserError(
      `cannot tell the coverage format of ${report.display}: expected one of ${COVERAGE_FORMATS.join(', ')}`,
      { input, file: report.display, line: 1 },
    );
  }
  return format;
}

export { noDataError };
