import { CaseList } from '../results/case-list.js';
import type { TestCase, TestResults, TestStatus } from '../model.js';
import type { CaseExtra, CaseRow, ShardTests, StatusCode } from './format.js';

/** Failure texts kept per case (as the JSON report keeps them): a run where everything broke stays small. */
const MAX_TEXT = 8 * 1024;

const CODE: Record<TestStatus, StatusCode> = { passed: 'p', failed: 'f', error: 'e', skipped: 's' };
const STATUS: Record<StatusCode, TestStatus> = { p: 'passed', f: 'failed', e: 'error', s: 'skipped' };

class Index<T> {
  readonly values: T[] = [];
  private readonly byKey = new Map<string, number>();
  constructor(private readonly key: (v: T) => string) {}
  of(value: T): number {
    const k = this.key(value);
    let i = this.byKey.get(k);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.byKey.set(k, i);
    }
    return i;
  }
}

const cut = (text: string | undefined): string | null =>
  text === undefined ? null : text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;

/** The cases of a run by column: names once per case, suites, class names and files once each. */
export function encodeTests(results: TestResults): ShardTests {
  const suites = new Index<string[]>((s) => JSON.stringify(s));
  const classnames = new Index<string>((s) => s);
  const files = new Index<string>((s) => s);
  const cases: CaseRow[] = [];
  const extra: CaseExtra[] = [];
  let i = 0;
  for (const c of results.cases) {
    cases.push([
      c.name,
      CODE[c.status],
      suites.of(c.suite),
      c.classname === undefined ? -1 : classnames.of(c.classname),
      c.file === undefined ? -1 : files.of(c.file),
      c.line ?? 0,
      c.durationMs ?? null,
    ]);
    if (c.message !== undefined || c.details !== undefined || c.flaky !== undefined || c.reruns !== undefined)
      extra.push([i, cut(c.message), cut(c.details), c.flaky === undefined ? 0 : c.flaky ? 2 : 1, c.reruns ?? 0]);
    i++;
  }
  return {
    sources: [...results.sources],
    suites: suites.values,
    classnames: classnames.values,
    files: files.values,
    cases,
    extra,
  };
}

/** Adds the cases of one shard to `into` (the test stage's own CaseList, so its totals and lists apply). */
export function decodeTests(tests: ShardTests, into: CaseList): void {
  const extra = new Map<number, CaseExtra>();
  for (const e of tests.extra) extra.set(e[0], e);
  tests.cases.forEach((row, i) => {
    const [name, status, suite, classname, file, line, duration] = row;
    const c: TestCase = { suite: tests.suites[suite] ?? [], name, status: STATUS[status] ?? 'error' };
    if (classname >= 0 && tests.classnames[classname] !== undefined) c.classname = tests.classnames[classname];
    if (file >= 0 && tests.files[file] !== undefined) c.file = tests.files[file];
    if (line > 0) c.line = line;
    if (duration !== null) c.durationMs = duration;
    const e = extra.get(i);
    if (e) {
      if (e[1] !== null) c.message = e[1];
      if (e[2] !== null) c.details = e[2];
      if (e[3] !== 0) c.flaky = e[3] === 2;
      if (e[4] > 0) c.reruns = e[4];
    }
    into.push(c);
  });
}

export function emptyResults(): TestResults {
  return { sources: [], cases: new CaseList() };
}
