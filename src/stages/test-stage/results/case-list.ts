import { ByteStore, type ByteStoreOptions } from './byte-store.js';
import type { TestCase, TestStatus, TestTotals } from '../model.js';

/** Numbers kept per case with extra data (see `extra`). */
const EXTRA = 6;
const STATUSES: readonly TestStatus[] = ['passed', 'failed', 'error', 'skipped'];
const STATUS_CODE: Record<TestStatus, number> = { passed: 0, failed: 1, error: 2, skipped: 3 };

/** Cases per page of columns (2^14: ~540 KB a page). */
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
const IN_PAGE = PAGE - 1;

/** The columns of PAGE consecutive cases. */
class Page {
  readonly status = new Uint8Array(PAGE);
  /** 0: no line. */
  readonly line = new Uint32Array(PAGE);
  /** NaN: no duration. */
  readonly duration = new Float64Array(PAGE);
  readonly suite = new Uint32Array(PAGE);
  /** Index + 1 into `classnames` / `files`; 0: none. */
  readonly classname = new Uint32Array(PAGE);
  readonly file = new Uint32Array(PAGE);
  /** Where the case's name ends in `names`; it starts where the case before ended (case 0: at 0). */
  readonly nameEnd = new Float64Array(PAGE);
}

/**
 * The test cases of a run, in report order, stored by column: a 50 MB JUnit report has 200 000
 * cases, and an object plus a name string per case was most of the memory a parse took (and most of
 * the garbage collector's work). Here a case costs its name's UTF-8 bytes in a ByteStore and 33
 * bytes of typed-array columns; suites, class names and files are indices into tables of the
 * distinct values; messages and details (UTF-8 too, in a second ByteStore) only for the cases that
 * have them. Nothing per case is left on the JS heap, so the garbage collector's young generation
 * stays small while a big report streams through (on a 57 MB report: 28 MB less peak memory than
 * strings). The columns grow by pages, never copied: arrays doubling their way up left their old
 * copies (9 MB on that report) to a full collection that a parse does not reach. Reading a case
 * (`at`, iteration) builds a TestCase object on the spot.
 */
export class CaseList implements Iterable<TestCase> {
  private count = 0;
  private readonly pages: Page[] = [];
  private readonly names: ByteStore;
  private readonly suites: string[][] = [[]];
  private readonly suiteByKey = new Map<string, number>([['[]', 0]]);
  private lastSuite = 0;
  private classnames = new Table();
  private files = new Table();
  /** Case → its slot in `extra`, for cases with a message, details, a flaky mark or reruns. */
  private readonly extraOf = new Map<number, number>();
  private extraUsed = 0;
  /** Per slot: message start, end, details start, end (-1: none), flaky (0 unset, 1 false, 2 true), reruns. */
  private extra = new Float64Array(EXTRA * 64);
  private readonly texts: ByteStore;

  /** `stores`: how the names and the texts are kept (tests make them spill early). */
  constructor(stores: ByteStoreOptions = {}) {
    this.names = new ByteStore(stores);
    this.texts = new ByteStore(stores);
  }

  get length(): number {
    return this.count;
  }

  push(testCase: TestCase): void {
    this.add(testCase, undefined, 0);
  }

  /** `push` with the name as UTF-8 bytes (see CaseSink): they are copied as they are. */
  pushNamed(testCase: TestCase, name: Uint8Array, nameLength: number): void {
    this.add(testCase, name, nameLength);
  }

  private add(testCase: TestCase, rawName: Uint8Array | undefined, rawLength: number): void {
    const i = this.count;
    const j = i & IN_PAGE;
    if (j === 0 && i >>> PAGE_BITS === this.pages.length) this.pages.push(new Page());
    const page = this.pages[i >>> PAGE_BITS];
    page.status[j] = STATUS_CODE[testCase.status];
    page.line[j] = testCase.line !== undefined && testCase.line > 0 && testCase.line <= 0xffff_ffff ? testCase.line : 0;
    page.duration[j] = testCase.durationMs ?? NaN;
    // Consecutive cases nearly always share a suite: compared with the last one first, then looked up.
    let suite = this.lastSuite;
    if (!sameSuite(testCase.suite, this.suites[suite])) {
      const key = JSON.stringify(testCase.suite);
      suite = this.suiteByKey.get(key) ?? this.suites.push([...testCase.suite]) - 1;
      this.suiteByKey.set(key, suite);
      this.lastSuite = suite;
    }
    page.suite[j] = suite;
    page.classname[j] = testCase.classname === undefined ? 0 : this.classnames.index(testCase.classname) + 1;
    page.file[j] = testCase.file === undefined ? 0 : this.files.index(testCase.file) + 1;
    // A replaced case (replaceLast) is written over: its name starts where the case before ended.
    this.names.truncate(this.nameStart(i));
    page.nameEnd[j] =
      rawName === undefined ? this.names.append(testCase.name) : this.names.appendBytes(rawName, rawLength);
    if (
      testCase.message !== undefined ||
      testCase.details !== undefined ||
      testCase.flaky !== undefined ||
      testCase.reruns !== undefined
    ) {
      const slot = this.extraUsed++;
      if ((slot + 1) * EXTRA > this.extra.length) {
        const bigger = new Float64Array(this.extra.length * 2);
        bigger.set(this.extra);
        this.extra = bigger;
      }
      const e = slot * EXTRA;
      [this.extra[e], this.extra[e + 1]] = this.storeText(testCase.message);
      [this.extra[e + 2], this.extra[e + 3]] = this.storeText(testCase.details);
      this.extra[e + 4] = testCase.flaky === undefined ? 0 : testCase.flaky ? 2 : 1;
      this.extra[e + 5] = testCase.reruns ?? 0;
      this.extraOf.set(i, slot);
    }
    this.count++;
  }

  /** Where case i's name starts: where case i - 1's ends. */
  private nameStart(i: number): number {
    return i === 0 ? 0 : this.pages[(i - 1) >>> PAGE_BITS].nameEnd[(i - 1) & IN_PAGE];
  }

  /** Replaces the last case (a rerun of it): its name is written over the old one's bytes. */
  replaceLast(testCase: TestCase): void {
    if (this.count === 0) {
      this.push(testCase);
      return;
    }
    this.count--;
    this.extraOf.delete(this.count);
    this.push(testCase);
  }

  pushAll(cases: Iterable<TestCase>): void {
    for (const testCase of cases) this.push(testCase);
  }

  /** Case `i`; without its details (a stack trace, often most of the case's bytes) unless `withDetails`. */
  at(i: number, withDetails = true): TestCase {
    const page = this.pages[i >>> PAGE_BITS];
    const j = i & IN_PAGE;
    const out: TestCase = {
      suite: [...this.suites[page.suite[j]]],
      name: this.names.read(this.nameStart(i), page.nameEnd[j]),
      status: STATUSES[page.status[j]],
    };
    if (page.classname[j] !== 0) out.classname = this.classnames.values[page.classname[j] - 1];
    if (page.file[j] !== 0) out.file = this.files.values[page.file[j] - 1];
    if (page.line[j] !== 0) out.line = page.line[j];
    if (!Number.isNaN(page.duration[j])) out.durationMs = page.duration[j];
    const slot = this.extraOf.get(i);
    if (slot !== undefined) {
      const e = slot * EXTRA;
      const flaky = this.extra[e + 4];
      if (flaky !== 0) out.flaky = flaky === 2;
      if (this.extra[e + 5] > 0) out.reruns = this.extra[e + 5];
      if (this.extra[e] >= 0) out.message = this.texts.read(this.extra[e], this.extra[e + 1]);
      if (withDetails && this.extra[e + 2] >= 0) out.details = this.texts.read(this.extra[e + 2], this.extra[e + 3]);
    }
    return out;
  }

  *[Symbol.iterator](): IterableIterator<TestCase> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  toArray(): TestCase[] {
    return [...this];
  }

  /** The cases that passed only on a rerun, in report order. */
  flakyCases(): TestCase[] {
    const out: TestCase[] = [];
    for (const [i, slot] of this.extraOf) if (this.extra[slot * EXTRA + 4] === 2) out.push(this.at(i));
    return out;
  }

  /**
   * The failed and errored cases, in report order: the first `limit` of them (each becomes an
   * object), the first `withDetails` of those with their details.
   */
  failures(limit = Infinity, withDetails = Infinity): TestCase[] {
    const out: TestCase[] = [];
    for (let i = 0; i < this.count && out.length < limit; i++) {
      const status = this.pages[i >>> PAGE_BITS].status[i & IN_PAGE];
      if (status === 1 || status === 2) out.push(this.at(i, out.length < withDetails));
    }
    return out;
  }

  totals(): TestTotals {
    const totals: TestTotals = { total: this.count, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
    for (let i = 0; i < this.count; i++) {
      const status = this.pages[i >>> PAGE_BITS].status[i & IN_PAGE];
      if (status === 0) totals.passed++;
      else if (status === 1) totals.failed++;
      else if (status === 2) totals.errors++;
      else totals.skipped++;
    }
    for (const slot of this.extraOf.values()) if (this.extra[slot * EXTRA + 4] === 2) totals.flaky++;
    return totals;
  }

  /** Rewrites every case's file (each distinct file once); cases that name the same file after it share it. */
  rewriteFiles(rewrite: (file: string) => string): void {
    const rewritten = new Table();
    const moved = this.files.values.map((file) => rewritten.index(rewrite(file)) + 1);
    for (let i = 0; i < this.count; i++) {
      const page = this.pages[i >>> PAGE_BITS];
      const j = i & IN_PAGE;
      if (page.file[j] !== 0) page.file[j] = moved[page.file[j] - 1];
    }
    this.files = rewritten;
  }

  /** Appends `text` to the texts buffer; [-1, -1] for none. */
  private storeText(text: string | undefined): [number, number] {
    if (text === undefined) return [-1, -1];
    const start = this.texts.end;
    return [start, this.texts.append(text)];
  }
}

function sameSuite(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Distinct strings and their indices. */
class Table {
  readonly values: string[] = [];
  private readonly indices = new Map<string, number>();

  index(value: string): number {
    let i = this.indices.get(value);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.indices.set(value, i);
    }
    return i;
  }
}
