import type { HitTable } from './hit-table.js';
import type { LineHits } from './line-hits.js';
import type { CaseList } from './results/case-list.js';

/**
 * The test stage's data model, shared by the parsers (coverage/, results/) and by the gates,
 * paths and reporting code. Parsers fill it; nothing downstream knows which format it came from.
 */

/** One executable item (a line, a branch arm, a function, a statement) and how often it ran. */
export interface Hit {
  /** 1-based source line the item is on (for branches and statements: where it starts). */
  line: number;
  hits: number;
}

/**
 * Coverage of one source file. Items are keyed so that the same item read from two reports merges
 * (hits are summed; Go `set` mode profiles are OR-ed by their parser before they get here).
 */
export interface FileCoverage {
  /** The path as the report names it; the paths module rewrites it to repository-relative. */
  path: string;
  /** line → hits. The basis of line coverage and of diff coverage. */
  lines: LineHits;
  /**
   * Branch arms, keyed by position `line:k` (the k-th arm on that line, in the report's order), so the
   * same arm read from two reports of one run (lcov and istanbul JSON) is one arm.
   */
  branches: HitTable;
  /**
   * Whether the branch arms of this file are known one by one (lcov, istanbul JSON, coverage.py JSON)
   * or only as "n of m arms on this line" (cobertura, clover, JaCoCo): counted arms carry no identity,
   * so merging them with another report of the same run must not add them up (see mergeSets).
   */
  branchesCounted: boolean;
  /** Functions, keyed by position `line:k` (the k-th function declared on that line), as FNF and `<method>` count them. */
  functions: HitTable;
  /** Statements, keyed by position (`line:k`; Go: the block and the statement's index in it). */
  statements: HitTable;
}

export type Metric = 'lines' | 'branches' | 'functions' | 'statements';
export const METRICS: readonly Metric[] = ['lines', 'branches', 'functions', 'statements'];

export type CoverageFormat =
  'lcov' | 'cobertura' | 'clover' | 'jacoco' | 'istanbul-summary' | 'istanbul-final' | 'go' | 'coverage-py';

/**
 * Totals exactly as a tool summarises them. Some formats (istanbul's coverage-summary.json, or a
 * cobertura file without per-line data) carry only totals; `summaryOnly` files keep those here.
 */
export interface Counter {
  covered: number;
  total: number;
}

export interface CoverageSet {
  files: Map<string, FileCoverage>;
  /** Which metrics the input formats actually measure; a metric no input has is reported as null, not 0 %. */
  measured: Record<Metric, boolean>;
  /**
   * Per-file counters of metrics a report gives only as totals (istanbul's coverage-summary.json, a
   * clover file's `<metrics methods coveredmethods>`). For each metric, a file's items win over its
   * summary: the summary counts only where no report listed the items.
   */
  summaryOnly: Map<string, Partial<Record<Metric, Counter>>>;
  /**
   * The report files read, and the format each was read as. `roots`: the source directories a
   * cobertura report names in `<sources>` (its file names are relative to one of them).
   */
  sources: { file: string; format: CoverageFormat; roots?: string[] }[];
}

export interface MetricValue extends Counter {
  /** Percentage 0–100, rounded to 2 decimals; 100 when total is 0. */
  pct: number;
}

export type Totals = Record<Metric, MetricValue | null>;

export type TestStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface TestCase {
  /** Enclosing suite names, outermost first (nested suites are kept, never dropped). */
  suite: string[];
  name: string;
  classname?: string;
  /** Repository-relative when the report gives a path. */
  file?: string;
  line?: number;
  status: TestStatus;
  /** Passed only after reruns (Surefire flakyFailure, pytest-rerunfailures). */
  flaky?: boolean;
  /** Runs before the one that decided the status (Surefire flakyFailure and rerunFailure elements, pytest-rerunfailures attempts). */
  reruns?: number;
  durationMs?: number;
  /** The failure or error message (first line), and the full text when given. */
  message?: string;
  details?: string;
}

export interface TestResults {
  /** Report files read. */
  sources: string[];
  /** Every case of every report, in order (stored by column: see CaseList). */
  cases: CaseList;
}

/** Where a report's handler puts the cases it reads. */
export interface CaseSink {
  /** Copies what it keeps: the handler may reuse `testCase` for the next case. */
  push(testCase: TestCase): void;
  /**
   * `push`, with the name given as its UTF-8 bytes name[0, nameLength) instead of `testCase.name`
   * (which is ignored): a sink that stores names as bytes copies them without a string in between.
   */
  pushNamed?(testCase: TestCase, name: Uint8Array, nameLength: number): void;
  /** Replaces the case pushed last (a rerun of it: pytest-rerunfailures writes each attempt as a case). */
  replaceLast(testCase: TestCase): void;
}

export interface TestTotals {
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  flaky: number;
}
