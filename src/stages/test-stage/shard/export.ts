import type { HitTable } from '../hit-table.js';
import type { CoverageSet, TestResults } from '../model.js';
import type { TestOptions } from '../options.js';
import type { UnmatchedPath } from '../paths/normalize.js';
import type { CommandResult } from '../run-commands.js';
import { encodeTests } from './cases.js';
import {
  SHARD_FORMAT,
  SHARD_JSON,
  SHARD_LCOV,
  SHARD_VERSION,
  type ShardCoverage,
  type ShardDocument,
  type ShardGateOptions,
  type ShardStatements,
} from './format.js';
import { writeLcov } from './lcov-write.js';

export interface ShardExportInput {
  /** The run's coverage with repository-relative paths (after normalizeCoverage). */
  set?: CoverageSet;
  unmatched: UnmatchedPath[];
  /** Test results with repository-relative files (after normalizeTestResults). */
  tests?: TestResults;
  commands: CommandResult[];
  options: TestOptions;
  shard?: string;
  job?: string;
}

/** A file the stage saves for the root report action (StageOutcome.artifacts), made on demand. */
export interface SavedFile {
  name: string;
  data: () => string;
}

/**
 * HitTable keeps an entry's weight (a Go block stands for NumStmt statements) to itself; the export
 * needs it to write the entry back as it was. Read through this view; the round-trip test of Go
 * profiles fails if the table ever keeps weights another way.
 */
function weightOf(table: HitTable, at: number): number {
  const weights = (table as unknown as { weights?: number[] }).weights;
  return weights?.[at] ?? 1;
}

function statementsOf(table: HitTable): ShardStatements {
  const keys: string[] = [];
  const data: number[] = [];
  let at = 0;
  for (const [key, hit] of table) {
    keys.push(key);
    data.push(hit.line, hit.hits, weightOf(table, at++));
  }
  return { keys, data };
}

function coverageOf(set: CoverageSet, unmatched: UnmatchedPath[]): ShardCoverage {
  const statements: Record<string, ShardStatements> = {};
  const countedBranches: string[] = [];
  for (const [path, file] of set.files) {
    if (file.statements.size > 0) statements[path] = statementsOf(file.statements);
    if (file.branchesCounted && file.branches.size > 0) countedBranches.push(path);
  }
  return {
    measured: { ...set.measured },
    sources: set.sources.map((s) => ({ file: s.file, format: s.format })),
    statements,
    countedBranches,
    summaryOnly: Object.fromEntries(set.summaryOnly),
    unmatched: unmatched.map((u) => ({ ...u })),
  };
}

export function gateOptionsOf(options: TestOptions): ShardGateOptions {
  const out: ShardGateOptions = {
    min: { ...options.min },
    pathThresholds: options.pathThresholds.map((t) => ({ glob: t.glob, min: { ...t.min } })),
    requireBaseline: options.requireBaseline,
    annotate: options.annotate,
  };
  if (options.minDiffCoverage !== undefined) out.minDiffCoverage = options.minDiffCoverage;
  if (options.maxDrop !== undefined) out.maxDrop = options.maxDrop;
  if (options.base !== undefined) out.base = options.base;
  return out;
}

/**
 * The shard export of one test-stage run: `coverage.lcov` (when there is coverage) and `shard.json`,
 * written when the host asks for them. The host saves them beside the report (an artifact in a matrix job, `--report-dir` in the CLI).
 */
export function shardExport(input: ShardExportInput): SavedFile[] {
  const document = (): ShardDocument => ({
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    shard: input.shard ?? null,
    job: input.job ?? null,
    coverage: input.set ? coverageOf(input.set, input.unmatched) : null,
    tests: input.tests ? encodeTests(input.tests) : null,
    commands: input.commands.map((c) => ({ ...c })),
    options: gateOptionsOf(input.options),
  });
  const files: SavedFile[] = [{ name: SHARD_JSON, data: () => `${JSON.stringify(document())}\n` }];
  const { set } = input;
  if (set) files.unshift({ name: SHARD_LCOV, data: () => writeLcov(set) });
  return files;
}
