import { ByteStore } from './byte-store.js';
import type { TestCase, TestStatus, TestTotals } from '../model.js';

/** Numbers kept per case with extra data (see `extra`). */
const EXTRA = 6;
const STATUSES: readonly TestStatus[] = ['passed', 'failed', 'error', 'skipped'];
const STATUS_CODE: Record<TestStatus, number> = { passed: 0, failed: 1, error: 2, skipped: 3 };

/**
 * The test cases of a run, in report order, stored by column: a 50 MB JUnit report has 200 000
 * cases, and an object plus a name string per case was most of the memory a parse took (and most of
 * the garbage collector's work). Here a case costs its name's UTF-8 bytes in one shared buffer and
 * ~25 bytes of typed-array columns; suites, class names and files are indices into tables of the
 * distinct values; messages and details (UTF-8 too, in a second buffer) only for the cases that have
 * them. Nothing per case is left on the JS heap, so the garbage collector's young generation stays
 * small while a big report streams through (on a 57 MB report: 28 MB less peak memory than strings).
 * Reading a case (`at`, iteration) builds a TestCase object on the spot.
 */
export class CaseList implements Iterable<TestCase> {
  private count = 0;
  private status = new Uint8Array(256);
  /** 0: no line. */
  private line = new Uint32Array(256);
  /** NaN: no duration. */
  private duration = new Float64Array(256);
  private suite = new Uint32Array(256);
  /** Index + 1 into `classnames` / `files`; 0: none. */
  private classname = new Uint32Array(256);
  private file = new Uint32Array(256);
  /** Case i's name is names.read(nameAt[i], nameAt[i + 1]). */
  private nameAt = new Float64Array(257);
  private readonly names = new ByteStore();
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
  private readonly texts = new ByteStore();

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
    if (i + 1 >= this.status.length) this.grow();
    this.status[i] = STATUS_CODE[testCase.status];
    this.line[i] = testCase.line !== undefined && testCase.line > 0 && testCase.line <= 0xffff_ffff ? testCase.line : 0;
    this.duration[i] = testCase.durationMs ?? NaN;
    // Consecutive cases nearly always share a suite: compared with the last one first, then looked up.
    let suite = this.lastSuite;
    if (!sameSuite(testCase.suite, this.suites[suite])) {
      const key = JSON.stringify(testCase.suite);
      suite = this.suiteByKey.get(key) ?? this.suites.push([...testCase.suite]) - 1;
      this.suiteByKey.set(key, suite);
      this.lastSuite = suite;
    }
    this.suite[i] = suite;
    this.classname[i] = testCase.classname === undefined ? 0 : this.classnames.index(testCase.classname) + 1;
    this.file[i] = testCase.file === undefined ? 0 : this.files.index(testCase.file) + 1;
    // A replaced case (replaceLast) is written over: the names end where the case before ended.
    this.names.truncate(this.nameAt[i]);
    this.nameAt[i] = this.names.end;
    this.nameAt[i + 1] =
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

  at(i: number): TestCase {
    const out: TestCase = {
      suite: [...this.suites[this.suite[i]]],
      name: this.names.read(this.nameAt[i], this.nameAt[i + 1]),
      status: STATUSES[this.status[i]],
    };
    if (this.classname[i] !== 0) out.classname = this.classnames.values[this.classname[i] - 1];
    if (this.file[i] !== 0) out.file = this.files.values[this.file[i] - 1];
    if (this.line[i] !== 0) out.line = this.line[i];
    if (!Number.isNaN(this.duration[i])) out.durationMs = this.duration[i];
    const slot = this.extraOf.get(i);
    if (slot !== undefined) {
      const e = slot * EXTRA;
      const flaky = this.extra[e + 4];
      if (flaky !== 0) out.flaky = flaky === 2;
      if (this.extra[e + 5] > 0) out.reruns = this.extra[e + 5];
      if (this.extra[e] >= 0) out.message = this.texts.read(this.extra[e], this.extra[e + 1]);
      if (this.extra[e + 2] >= 0) out.details = this.texts.read(this.extra[e + 2], this.extra[e + 3]);
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

  /** The failed and errored cases, in report order (the first `limit` of them: each becomes an object). */
  failures(limit = Infinity): TestCase[] {
    const out: TestCase[] = [];
    for (let i = 0; i < this.count && out.length < limit; i++)
      if (this.status[i] === 1 || this.status[i] === 2) out.push(this.at(i));
    return out;
  }

  totals(): TestTotals {
    const totals: TestTotals = { total: this.count, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0 };
    for (let i = 0; i < this.count; i++) {
      const status = this.status[i];
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
    for (let i = 0; i < this.count; i++) if (this.file[i] !== 0) this.file[i] = moved[this.file[i] - 1];
    this.files = rewritten;
  }

  /** Appends `text` to the texts buffer; [-1, -1] for none. */
  private storeText(text: string | undefined): [number, number] {
    if (text === undefined) return [-1, -1];
    const start = this.texts.end;
    return [start, this.texts.append(text)];
  }

  private grow(): void {
    const length = this.status.length * 2;
    const wider = <T extends Uint8Array | Uint32Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const to = make(length);
      to.set(from);
      return to;
    };
    this.status = wider(this.status, (n) => new Uint8Array(n));
    this.line = wider(this.line, (n) => new Uint32Array(n));
    this.duration = wider(this.duration, (n) => new Float64Array(n));
    this.suite = wider(this.suite, (n) => new Uint32Array(n));
    this.classname = wider(this.classname, (n) => new Uint32Array(n));
    this.file = wider(this.file, (n) => new Uint32Array(n));
    const nameAt = new Float64Array(length + 1);
    nameAt.set(this.nameAt);
    this.nameAt = nameAt;
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
