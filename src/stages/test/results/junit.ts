import type { TestCase, TestStatus } from '../model.js';
import type { XmlContext, XmlHandler } from '../coverage/xml-stream.js';
import { detach } from '../coverage/xml-stream.js';

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

interface Pending {
  testCase: TestCase;
  /** The element whose text is being collected (failure, error, skipped) and that text. */
  capture?: { status: TestStatus; message?: string; text: string };
  sawOutcome: boolean;
}

export function firstLine(text: string | undefined): string | undefined {
  const line = text
    ?.split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line === undefined ? undefined : line.slice(0, 1000);
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Some writers group thousands ("1,234.5"); most write plain numbers, which skip the regex.
  const n = Number(value.includes(',') ? value.replace(/,/g, '') : value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : undefined;
}

/**
 * JUnit XML in its dialects: Surefire (with `flakyFailure`/`rerunFailure` reruns), jest-junit, vitest,
 * pytest, PHPUnit (suites nested in suites, `file`/`line` attributes), go-junit-report, xunit-style
 * `status="disabled"`, catch2, nextest. Every `<testcase>` at any depth becomes one TestCase; the names
 * of all enclosing suites are kept, outermost first.
 */
export function junitHandler(cases: TestCase[]): XmlHandler {
  /** Per open suite: the path of names down to it and the nearest `file`, computed once per suite, shared by its cases. */
  const suites: { path: string[]; file?: string }[] = [];
  let pending: Pending | undefined;
  // Class names and files repeat across thousands of cases: keep one copy of each string.
  const strings = new Map<string, string>();
  // Consecutive cases nearly always share them: comparing with the last two is cheaper than hashing.
  let lastClass = '';
  let lastFile = '';
  const intern = (value: string): string => {
    if (value === lastClass) return lastClass;
    if (value === lastFile) return lastFile;
    const known = strings.get(value);
    if (known !== undefined) return known;
    const own = detach(value);
    if (strings.size < 100_000) strings.set(own, own);
    return own;
  };

  return {
    open(name: string, attrs: Record<string, string>, ctx: XmlContext) {
      if (name === 'testsuite') {
        const parent = suites[suites.length - 1];
        const own = detach(attrs.name ?? '');
        const file = attrs.file ?? attrs.filepath ?? parent?.file;
        suites.push({ path: own ? [...(parent?.path ?? []), own] : (parent?.path ?? []), file: file && intern(file) });
        return;
      }
      if (name === 'testcase') {
        if (pending) ctx.fail('<testcase> inside another <testcase>');
        const suite = suites[suites.length - 1];
        const file = attrs.file ?? attrs.filepath ?? suite?.file;
        const line = attrs.line === undefined ? undefined : Number(attrs.line);
        const status = attrs.status?.toLowerCase();
        const testCase: TestCase = {
          suite: suite?.path ?? [],
          name: detach(attrs.name ?? ''),
          status: status === 'disabled' || status === 'skipped' || status === 'notrun' ? 'skipped' : 'passed',
        };
        if (attrs.classname) testCase.classname = lastClass = intern(attrs.classname);
        if (file) testCase.file = lastFile = intern(file);
        if (line !== undefined && Number.isInteger(line) && line > 0) testCase.line = line;
        const duration = seconds(attrs.time);
        if (duration !== undefined) testCase.durationMs = duration;
        pending = { testCase, sawOutcome: false };
        return;
      }
      if (!pending) return;
      const status = CHILD_STATUS[name];
      if (status) {
        // The first failure/error decides; a later <skipped> never hides a failure.
        if (!pending.sawOutcome || (pending.testCase.status === 'skipped' && status !== 'skipped')) {
          pending.testCase.status = status;
          pending.sawOutcome = true;
          pending.capture = { status, message: attrs.message, text: '' };
        }
      } else if (FLAKY.has(name)) {
        pending.testCase.flaky = true;
      } else if (RERUN.has(name)) {
        pending.testCase.flaky = false;
      }
    },
    close(name: string) {
      if (name === 'testsuite') {
        suites.pop();
      } else if (name === 'testcase' && pending) {
        const { testCase } = pending;
        // Surefire: flakyFailure without a final failure = passed on a rerun; with one, it simply failed.
        if (testCase.status !== 'passed') delete testCase.flaky;
        cases.push(testCase);
        pending = undefined;
      } else if (pending?.capture && CHILD_STATUS[name] === pending.capture.status) {
        const { message, text } = pending.capture;
        const details = text.trim();
        const first = firstLine(message) ?? firstLine(details);
        if (first !== undefined) pending.testCase.message = detach(first);
        if (details) pending.testCase.details = detach(details);
        else if (message && message.trim() !== first) pending.testCase.details = detach(message.trim());
        pending.capture = { ...pending.capture, status: 'passed' };
      }
    },
    text(text: string) {
      const capture = pending?.capture;
      if (capture && capture.status !== 'passed' && capture.text.length < DETAILS_LIMIT) {
        capture.text += text.slice(0, DETAILS_LIMIT - capture.text.length);
      }
    },
  };
}
