import type { CoverageFormat, Counter, Metric } from '../model.js';
import type { PathThreshold } from '../thresholds.js';
import type { CommandResult } from '../run-commands.js';
import type { UnmatchedPath } from '../paths/normalize.js';

/**
 * What a test-stage run saves for the root report action to merge with other shards of a matrix: its
 * line-level coverage as an lcov tracefile (the standard form every coverage tool merges, `lcov -a`
 * included) and everything lcov cannot hold in one compact JSON document beside it: statements,
 * which metrics were measured, counted branch arms, summary-only files, the test cases (by column),
 * the commands and the gate options. Paths are repository-relative.
 */
export const SHARD_LCOV = 'coverage.lcov';
export const SHARD_JSON = 'shard.json';
export const SHARD_FORMAT = 'shipkit-test-shard';
export const SHARD_VERSION = 1;

/** A case's status in one character: passed, failed, error, skipped. */
export type StatusCode = 'p' | 'f' | 'e' | 's';

/** One case: name, status, suite index, classname index (-1 none), file index (-1 none), line (0 none), duration ms (null none). */
export type CaseRow = [string, StatusCode, number, number, number, number, number | null];

/** Cases with more than the row: index, message, details, flaky (0 unset, 1 false, 2 true), reruns. */
export type CaseExtra = [number, string | null, string | null, 0 | 1 | 2, number];

export interface ShardTests {
  sources: string[];
  /** Distinct values the rows point into. */
  suites: string[][];
  classnames: string[];
  files: string[];
  cases: CaseRow[];
  extra: CaseExtra[];
}

/** Statements of one file: their keys, and per key [line, hits, weight] in `data` (3 numbers each). */
export interface ShardStatements {
  keys: string[];
  data: number[];
}

export interface ShardCoverage {
  measured: Record<Metric, boolean>;
  /** Report files the shard read and their formats (the headline metric follows them: Go leads with statements). */
  sources: { file: string; format: CoverageFormat }[];
  statements: Record<string, ShardStatements>;
  /** Files whose branch arms are known only as counts per line (cobertura, clover, JaCoCo). */
  countedBranches: string[];
  summaryOnly: Record<string, Partial<Record<Metric, Counter>>>;
  unmatched: UnmatchedPath[];
}

/** The gate options the shard ran with: the report action applies them to the merged data unless told otherwise. */
export interface ShardGateOptions {
  min: Partial<Record<Metric, number>>;
  pathThresholds: PathThreshold[];
  minDiffCoverage?: number;
  maxDrop?: number;
  base?: string;
  requireBaseline: boolean;
  annotate: boolean;
}

export interface ShardDocument {
  format: typeof SHARD_FORMAT;
  version: typeof SHARD_VERSION;
  /** SHIPKIT_SHARD of the run (`2/4`), or null outside a matrix. */
  shard: string | null;
  job: string | null;
  coverage: ShardCoverage | null;
  tests: ShardTests | null;
  commands: CommandResult[];
  options: ShardGateOptions;
}
