import type { CaseSink, TestCase, TestStatus } from '../model.js';
import type { Attributes, XmlContext, XmlHandler } from '../coverage/xml-stream.js';
import { CUT_MARK, cut, escapeRegExp } from '../../../core/text.js';

/** Failure text beyond this is cut: a 10 MB stack trace helps nobody and would cost memory. */
export const DETAILS_LIMIT = 64 * 1024;

/**
 * A lookup table keyed by names from the report, without a prototype: an element or attribute value
 * named `constructor` or `toString` must find nothing, not an Object method.
 */
export function nameTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T | undefined>, entries));
}

const CHILD_STATUS = nameTable<TestStatus>({ failure: 'failed', error: 'error', skipped: 'skipped' });
const FLAKY = new Set(['flakyFailure', 'flakyError']);
const RERUN = new Set(['rerunFailure', 'rerunError']);
/** When a case has several outcomes (a failure and an error, say), the most severe decides. */
const SEVERITY: Record<TestStatus, number> = { passed: 0, skipped: 1, failed: 2, error: 3 };

/** The first non-blank line, trimmed (found without splitting a long stack trace into lines). */
export function firstLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') return cut(line, 1000);
    start = end + 1;
  }
  return undefined;
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Some writers group thousands ("1,234.5"); most write plain numbers, which skip the regex.
  const n = Number(value.includes(',') ? value.replace(/,/g, '') : value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : undefined;
}

/** A class name that is a source file (vitest writes `classname="test/api.test.ts"`). */
const SOURCE_FILE = /^[\w./@-]+\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|cs|php|swift|scala|ex|exs)$/;

/**
 * Where a failed case with no `file` or no `line` failed, from what the report does say: the class
 * name when it is a file, and the first `<file>:<line>` of that file in the failure's text (vitest's
 * `❯ test/api.test.ts:6:39`, pytest's `tests/test_api.py:6: AssertionError`), so the annotation
 * lands on the line.
 */
function locateFailure(row: TestCase): void {
  if (!row.file && row.classname && SOURCE_FILE.test(row.classname)) row.file = row.classname;
  if (!row.file || row.line !== undefined) return;
  const text = `${row.message ?? ''}\n${row.details ?? ''}`;
  const at = new RegExp(`(?:^|[\\s(/\\\\])${escapeRegExp(row.file)}:(\\d+)`).exec(text);
  const line = at ? Number(at[1]) : 0;
  if (line > 0) row.line = line;
}

/**
 * JUnit XML in its dialects: Surefire (with `flakyFailure`/`rerunFailure` reruns), jest-junit, vitest,
 * pytest, PHPUnit (suites nested in suites, `file`/`line` attributes), go-junit-report, xunit-style
 * `status="disabled"`, catch2, nextest. Every `<testcase>` at any depth becomes one TestCase; the names
 * of all enclosing suites are kept, outermost first.
 *
 * Reruns: Surefire writes one `<testcase>` with a `flakyFailure`/`flakyError` per failed attempt when
 * a later one passed (flaky), or `rerunFailure`/`rerunError` beside the final `failure`. pytest-rerunfailures
 * writes each attempt as a `<testcase>` of its own, one after another with the same suite, class and
 * name: the last decides, the ones before are its reruns (so the totals equal pytest's "N passed, M rerun").
 */
export function junitHandler(cases: CaseSink): XmlHandler {
  /** Per open suite: the path of names down to it and the nearest `file`, computed once per suite, shared by its cases. */
  const suites: { path: string[]; file?: string }[] = [];
  /**
   * The case being read. One object serves every case: the sink copies what it needs (a CaseList
   * stores by column), so a 200 000-case report does not make 200 000 objects for the GC.
   */
  const row: TestCase = { suite: [], name: '', status: 'passed' };
  let inCase = false;
  /** Whether a failure/error/skipped child has decided the status. */
  let sawOutcome = false;
  /** Flaky and rerun elements of the current case: attempts before the one that decided. */
  let reruns = 0;
  let flakyMarks = 0;
  /** The identity of the case pushed last, to tell pytest-rerunfailures' attempts from new cases. */
  let last: { suite: string[]; classname?: string; name: string; runs: number } | undefined;
  /**
   * Only pytest's reports (root `<testsuites name="pytest tests">` or a suite named `pytest`, its
   * defaults) read repeated adjacent cases as attempts: elsewhere (TestNG, jest) the same name twice
   * in a row is two tests.
   */
  let pytest = false;
  /** The element whose text is being collected (failure, error, skipped) and that text. */
  let capture: { status: TestStatus; message?: string; text: string } | undefined;
  /**
   * The case's name as the report's UTF-8 bytes, when it needs no decoding and the sink takes bytes
   * (`pushNamed`): copied from the scanner's buffer to the case list's with no string in between.
   * pytest's reports compare names between cases (reruns), so they keep the string.
   */
  const pushNamed = cases.pushNamed?.bind(cases);
  const nameBytes = new Uint8Array(1024);
  let nameLength = -1;

  /** Whether text now goes into the captured failure, error or skipped text (not yet at its limit). */
  const wantsText = (): boolean =>
    capture !== undefined && capture.status !== 'passed' && capture.text.length < DETAILS_LIMIT;

  return {
    open(name: string, attrs: Attributes, ctx: XmlContext) {
      if (name === 'testsuites' && attrs.get('name') === 'pytest tests') pytest = true;
      if (name === 'testsuite') {
        if (suites.length === 0 && attrs.get('name') === 'pytest') pytest = true;
        const parent = suites[suites.length - 1];
        const own = attrs.get('name') ?? '';
        const file = attrs.getShared('file') ?? attrs.getShared('filepath') ?? parent?.file;
        suites.push({ path: own ? [...(parent?.path ?? []), own] : (parent?.path ?? []), file });
        return;
      }
      if (name === 'testcase') {
        if (inCase) ctx.fail('<testcase> inside another <testcase>');
        const suite = suites[suites.length - 1];
        // Class names and files repeat from case to case: getShared makes each string once.
        const file = attrs.getShared('file') ?? attrs.getShared('filepath') ?? suite?.file;
        const lineDigits = attrs.digits('line');
        const line = lineDigits >= 0 ? lineDigits : Number(attrs.get('line'));
        const status = attrs.get('status')?.toLowerCase();
        const time = attrs.decimal('time');
        row.suite = suite?.path ?? [];
        nameLength = pushNamed && !pytest ? attrs.copyPlain('name', nameBytes) : -1;
        row.name = nameLength >= 0 ? '' : (attrs.get('name') ?? '');
        row.status = status === 'disabled' || status === 'skipped' || status === 'notrun' ? 'skipped' : 'passed';
        row.classname = attrs.getShared('classname') || undefined;
        row.file = file || undefined;
        // pytest writes its 0-based line numbers (`line="4"` for a `def` on line 5).
        if (pytest && Number.isInteger(line) && line >= 0) row.line = line + 1;
        else row.line = Number.isInteger(line) && line > 0 ? line : undefined;
        row.durationMs = Number.isNaN(time) ? seconds(attrs.get('time')) : Math.round(time * 1000);
        row.flaky = undefined;
        row.reruns = undefined;
        row.message = undefined;
        row.details = undefined;
        inCase = true;
        sawOutcome = false;
        reruns = 0;
        flakyMarks = 0;
        capture = undefined;
        return;
      }
      if (!inCase) return;
      const status = CHILD_STATUS[name];
      if (status) {
        // The most severe outcome decides (an error over a failure, any failure over a skip); at equal
        // severity the first one's message stays.
        if (!sawOutcome || SEVERITY[status] > SEVERITY[row.status]) {
          row.status = status;
          sawOutcome = true;
          capture = { status, message: attrs.get('message'), text: '' };
        }
      } else if (FLAKY.has(name)) {
        flakyMarks++;
        reruns++;
      } else if (RERUN.has(name)) {
        reruns++;
      }
    },
    close(name: string) {
      if (name === 'testsuite') {
        suites.pop();
        last = undefined;
      } else if (name === 'testcase' && inCase) {
        inCase = false;
        const again =
          pytest &&
          last !== undefined &&
          last.name === row.name &&
          last.classname === row.classname &&
          last.suite === row.suite;
        if (again) reruns += last!.runs;
        if (row.status === 'failed' || row.status === 'error') locateFailure(row);
        // Surefire: flakyFailure without a final failure = passed on a rerun; with one, it simply failed.
        row.flaky = row.status === 'passed' && (flakyMarks > 0 || (again && reruns > 0)) ? true : undefined;
        row.reruns = reruns > 0 ? reruns : undefined;
        if (again) cases.replaceLast(row);
        else if (nameLength >= 0) pushNamed!(row, nameBytes, nameLength);
        else cases.push(row);
        // Only pytest's attempts are compared: elsewhere no object per case is kept for it.
        if (pytest) last = { suite: row.suite, classname: row.classname, name: row.name, runs: reruns + 1 };
      } else if (capture && CHILD_STATUS[name] === capture.status) {
        const { message, text } = capture;
        const details = text.trim();
        const first = firstLine(message) ?? firstLine(details);
        if (first !== undefined) row.message = first;
        if (details) row.details = details;
        else if (message && message.trim() !== first) row.details = message.trim();
        capture.status = 'passed';
      }
    },
    wantsText,
    text(text: string) {
      if (capture && wantsText()) {
        const room = DETAILS_LIMIT - capture.text.length;
        // Cut with the mark the redactor looks for: a secret cut here must not leave its start.
        capture.text += text.length > room ? `${text.slice(0, room)}${CUT_MARK}` : text;
      }
    },
  };
}
