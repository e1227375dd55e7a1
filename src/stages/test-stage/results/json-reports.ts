import { readFile } from 'node:fs/promises';

import { UserError } from '../../../core/errors.js';
import type { ReportFile } from '../coverage/report-file.js';
import type { CaseSink, TestCase } from '../model.js';
import { firstLine } from './junit.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON test reports shipkit can name when one is given where JUnit XML is expected. */
function jsonFormat(doc: unknown): string | undefined {
  if (Array.isArray(doc)) return 'a JSON array (not a test report format shipkit knows)';
  if (!isObject(doc)) return undefined;
  if (isObject(doc.stats) && Array.isArray(doc.tests) && Array.isArray(doc.failures)) return 'mocha';
  if (typeof doc.numTotalTests === 'number' && Array.isArray(doc.testResults))
    return 'Jest JSON (`jest --json`): write JUnit XML with jest-junit instead';
  if (isObject(doc.results) && isObject(doc.results.tool)) return 'CTRF JSON: write JUnit XML instead';
  if (Array.isArray(doc.suites) && isObject(doc.config)) return 'Playwright JSON: use the junit reporter instead';
  if (isObject(doc.meta) && isObject(doc.files)) return 'a coverage.py JSON coverage report (give it to `coverage`)';
  if ('statementMap' in ((Object.values(doc)[0] as Json | undefined) ?? {}))
    return 'an istanbul coverage report (give it to `coverage`)';
  return 'a JSON file that is not a test report shipkit knows';
}

interface MochaTest {
  title?: unknown;
  fullTitle?: unknown;
  file?: unknown;
  duration?: unknown;
  err?: unknown;
  pending?: unknown;
}

/**
 * Mocha's JSON reporter (`mocha --reporter json`): `tests` lists every test once with its `err`
 * (empty when it passed); `pending` the skipped ones. The suite path is what `fullTitle` has before
 * the test's own title, as mocha builds it ("Suite Nested title").
 */
function readMocha(doc: Json, cases: CaseSink, report: ReportFile): void {
  const pending = new Set(
    (Array.isArray(doc.pending) ? (doc.pending as MochaTest[]) : []).map(
      (t) => `${String(t.fullTitle)}\0${String(t.file)}`,
    ),
  );
  for (const raw of doc.tests as MochaTest[]) {
    if (!isObject(raw) || typeof raw.title !== 'string')
      throw new UserError('a mocha JSON test without a title', { file: report.display });
    const full = typeof raw.fullTitle === 'string' ? raw.fullTitle : raw.title;
    const prefix = full.endsWith(raw.title) ? full.slice(0, full.length - raw.title.length).trim() : '';
    const err = isObject(raw.err) ? raw.err : {};
    const failed = Object.keys(err).length > 0;
    const c: TestCase = {
      suite: prefix ? [prefix] : [],
      name: raw.title,
      status: failed
        ? 'failed'
        : pending.has(`${full}\0${String(raw.file)}`) || raw.pending === true
          ? 'skipped'
          : 'passed',
    };
    if (typeof raw.file === 'string') c.file = raw.file;
    if (typeof raw.duration === 'number') c.durationMs = raw.duration;
    if (failed) {
      const message = typeof err.message === 'string' ? err.message : undefined;
      const stack = typeof err.stack === 'string' ? err.stack : undefined;
      const first = firstLine(message) ?? firstLine(stack);
      if (first !== undefined) c.message = first;
      if (stack ?? message) c.details = (stack ?? message ?? '').slice(0, 64 * 1024);
    }
    cases.push(c);
  }
}

/**
 * A test report that is JSON, not XML: mocha's is read; any other is refused naming what it is,
 * rather than as malformed XML.
 */
export async function readJsonTestReport(report: ReportFile, cases: CaseSink, input?: string): Promise<void> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(report.abs, 'utf8'));
  } catch (error) {
    throw new UserError(`looks like JSON but is not valid JSON: ${(error as Error).message}`, {
      input,
      file: report.display,
    });
  }
  const format = jsonFormat(doc);
  if (format === 'mocha') return readMocha(doc as Json, cases, report);
  throw new UserError(
    `not a test report shipkit reads: ${format ?? 'JSON'}. Test reports are JUnit XML, TRX, NUnit, xUnit.net XML or mocha --reporter json`,
    { input, file: report.display },
  );
}
