import type { CaseSink, TestCase, TestStatus } from '../model.js';
import type { XmlHandler } from '../coverage/xml-stream.js';
import { detach } from '../coverage/xml-stream.js';
import { DETAILS_LIMIT, firstLine, nameTable } from './junit.js';

const TRX_STATUS = nameTable<TestStatus>({
  passed: 'passed',
  passedbutrunaborted: 'passed',
  warning: 'passed',
  failed: 'failed',
  timeout: 'failed',
  aborted: 'failed',
  error: 'error',
});

/** NUnit 2.5+ `result` and NUnit 3 `result` values; anything else (Ignored, Skipped, Inconclusive…) is a skip. */
const NUNIT_STATUS = nameTable<TestStatus>({
  passed: 'passed',
  success: 'passed',
  warning: 'passed',
  failed: 'failed',
  failure: 'failed',
  error: 'error',
  notrunnable: 'error',
  cancelled: 'error',
});

/** xUnit.net v2 `result` values. */
const XUNIT_STATUS = nameTable<TestStatus>({ pass: 'passed', fail: 'failed', skip: 'skipped', notrun: 'skipped' });

function timeSpanMs(value: string | undefined): number | undefined {
  const m = value ? /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value) : null;
  if (!m) return undefined;
  return Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000);
}

/**
 * Visual Studio TRX. Results come before the test definitions in the file, so each result keeps its
 * testId and gets its class name when the definitions have been read (`finish`).
 */
export function trxHandler(sink: CaseSink): XmlHandler & { finish(): void } {
  // Held until the end: the class of each result comes from the <TestDefinitions> after it.
  const cases: TestCase[] = [];
  const classOf = new Map<string, string>();
  const ids: (string | undefined)[] = [];
  let current: TestCase | undefined;
  let definition: string | undefined;
  let field: 'Message' | 'StackTrace' | undefined;
  let message = '';
  let stack = '';
  return {
    open(name, attrs) {
      if (name === 'UnitTestResult') {
        const outcome = (attrs.get('outcome') ?? '').toLowerCase();
        current = { suite: [], name: attrs.get('testName') ?? '', status: TRX_STATUS[outcome] ?? 'skipped' };
        const duration = timeSpanMs(attrs.get('duration'));
        if (duration !== undefined) current.durationMs = duration;
        ids.push(attrs.get('testId'));
        message = '';
        stack = '';
      } else if (current && (name === 'Message' || name === 'StackTrace')) {
        field = name;
      } else if (name === 'UnitTest') {
        definition = attrs.get('id');
      } else if (name === 'TestMethod' && definition && attrs.get('className')) {
        classOf.set(definition, attrs.get('className')!);
      }
    },
    close(name) {
      if (name === 'UnitTestResult' && current) {
        const first = firstLine(message);
        if (first !== undefined && current.status !== 'passed') current.message = detach(first);
        const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
        if (details && current.status !== 'passed') current.details = detach(details);
        cases.push(current);
        current = undefined;
      } else if (name === 'Message' || name === 'StackTrace') {
        field = undefined;
      } else if (name === 'UnitTest') {
        definition = undefined;
      }
    },
    text(text) {
      if (field === 'Message' && message.length < DETAILS_LIMIT) message += text;
      else if (field === 'StackTrace' && stack.length < DETAILS_LIMIT) stack += text;
    },
    finish() {
      cases.forEach((testCase, i) => {
        const className = classOf.get(ids[i] ?? '');
        if (className) {
          testCase.classname = className;
          testCase.suite = [className];
        }
        sink.push(testCase);
      });
    },
  };
}

/**
 * NUnit 2 (`test-results`), NUnit 3 (`test-run`, or a bare `<test-suite>` as the NUnit 3 engine and
 * framework report a finished assembly): `<test-case>` inside nested `<test-suite>`s.
 *
 * NUnit 2.5+ and 3 write `result`. NUnit 2.0–2.4 write only `executed="True|False"` and
 * `success="True|False"`, with a `<failure>` child on a failed case: without `result`, a case that
 * did not execute is skipped, `success="False"` or a `<failure>` child is a failure, else it passed.
 */
export function nunitHandler(cases: CaseSink): XmlHandler {
  const suites: string[] = [];
  let current: TestCase | undefined;
  /** No `result` attribute: NUnit 2.0–2.4, decided by `success` and a `<failure>` child. */
  let legacy = false;
  let field: 'message' | 'stack-trace' | undefined;
  /** Text is read inside `<failure>` only: an ignored case's `<reason><message>` is not a failure message. */
  let inFailure = false;
  let message = '';
  let stack = '';
  return {
    open(name, attrs) {
      if (name === 'test-suite') {
        suites.push(attrs.get('name') ?? '');
      } else if (name === 'test-case') {
        const result = attrs.get('result');
        const executed = attrs.get('executed')?.toLowerCase();
        const label = (attrs.get('label') ?? '').toLowerCase();
        legacy = result === undefined;
        let status: TestStatus;
        if (legacy)
          status =
            executed === 'false' ? 'skipped' : attrs.get('success')?.toLowerCase() === 'false' ? 'failed' : 'passed';
        else {
          status = NUNIT_STATUS[(result ?? '').toLowerCase()] ?? 'skipped';
          if (status === 'failed' && label === 'error') status = 'error';
          if (executed === 'false' && status === 'passed') status = 'skipped';
        }
        current = { suite: suites.filter(Boolean), name: attrs.get('name') ?? '', status };
        const className = attrs.get('classname') ?? attrs.get('fullname')?.replace(/\.[^.]*$/, '');
        if (className) current.classname = className;
        const seconds = Number(attrs.get('duration') ?? attrs.get('time'));
        if ((attrs.get('duration') ?? attrs.get('time')) !== undefined && Number.isFinite(seconds)) {
          current.durationMs = Math.round(seconds * 1000);
        }
        message = '';
        stack = '';
        inFailure = false;
      } else if (current && name === 'failure') {
        inFailure = true;
        if (legacy && current.status === 'passed') current.status = 'failed';
      } else if (current && inFailure && (name === 'message' || name === 'stack-trace')) {
        field = name;
      }
    },
    close(name) {
      if (name === 'test-suite') {
        suites.pop();
      } else if (name === 'test-case' && current) {
        const first = firstLine(message);
        if (first !== undefined) current.message = detach(first);
        const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
        if (details) current.details = detach(details);
        cases.push(current);
        current = undefined;
      } else if (name === 'failure') {
        inFailure = false;
      } else if (name === 'message' || name === 'stack-trace') {
        field = undefined;
      }
    },
    text(text) {
      if (field === 'message' && message.length < DETAILS_LIMIT) message += text;
      else if (field === 'stack-trace' && stack.length < DETAILS_LIMIT) stack += text;
    },
  };
}

/**
 * xUnit.net v2 XML (`xunit.console -xml`, `dotnet test --logger xunit`): `<assemblies><assembly>
 * <collection><test name type method result="Pass|Fail|Skip|NotRun">`, a failure's `<failure>` with
 * `<message>` and `<stack-trace>`, a skip's `<reason>`.
 */
export function xunitHandler(cases: CaseSink): XmlHandler {
  let assembly = '';
  let collection = '';
  let current: TestCase | undefined;
  let field: 'message' | 'stack-trace' | undefined;
  let inFailure = false;
  let message = '';
  let stack = '';
  return {
    open(name, attrs) {
      if (name === 'assembly') assembly = (attrs.get('name') ?? '').split(/[\\/]/).pop() ?? '';
      else if (name === 'collection') collection = attrs.get('name') ?? '';
      else if (name === 'test') {
        const result = (attrs.get('result') ?? '').toLowerCase();
        current = {
          suite: [assembly, collection].filter(Boolean),
          name: attrs.get('name') ?? '',
          status: XUNIT_STATUS[result] ?? 'skipped',
        };
        const type = attrs.get('type');
        if (type) current.classname = type;
        const seconds = Number(attrs.get('time'));
        if (attrs.get('time') !== undefined && Number.isFinite(seconds))
          current.durationMs = Math.round(seconds * 1000);
        message = '';
        stack = '';
      } else if (current && name === 'failure') inFailure = true;
      else if (current && inFailure && (name === 'message' || name === 'stack-trace')) field = name;
    },
    close(name) {
      if (name === 'test' && current) {
        if (current.status !== 'passed' && current.status !== 'skipped') {
          const first = firstLine(message);
          if (first !== undefined) current.message = detach(first);
          const details = [message.trim(), stack.trim()].filter(Boolean).join('\n');
          if (details) current.details = detach(details);
        }
        cases.push(current);
        current = undefined;
      } else if (name === 'failure') inFailure = false;
      else if (name === 'message' || name === 'stack-trace') field = undefined;
      else if (name === 'collection') collection = '';
    },
    text(text) {
      if (field === 'message' && message.length < DETAILS_LIMIT) message += text;
      else if (field === 'stack-trace' && stack.length < DETAILS_LIMIT) stack += text;
    },
  };
}
