import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../core/errors.js';
import { emptySet, fileIn } from '../coverage/coverage-set.js';
import { parseLcov } from '../coverage/lcov.js';
import { openReport } from '../coverage/report-file.js';
import { METRICS, type CoverageSet, type TestResults } from '../model.js';
import type { UnmatchedPath } from '../paths/normalize.js';
import type { CommandResult } from '../run-commands.js';
import { decodeTests, emptyResults } from './cases.js';
import { SHARD_FORMAT, SHARD_JSON, SHARD_LCOV, SHARD_VERSION, type ShardDocument } from './format.js';

/**
 * Where one shard's export is: its JSON document and, when it had coverage, its lcov file (when not
 * given, the one saved beside the document: `<base>.coverage.lcov` for `<base>.shard.json`).
 */
export interface ShardFiles {
  json: string;
  lcov?: string;
}

function lcovBeside(json: string): string {
  const suffix = `.${SHARD_JSON}`;
  return json.endsWith(suffix)
    ? `${json.slice(0, -suffix.length)}.${SHARD_LCOV}`
    : path.join(path.dirname(json), SHARD_LCOV);
}

export interface MergedShards {
  /** Every shard's coverage merged per line, branch arm, function and statement (undefined: none had coverage). */
  set?: CoverageSet;
  /** Every shard's cases (undefined: none had test results). */
  tests?: TestResults;
  commands: CommandResult[];
  unmatched: UnmatchedPath[];
  /** The documents as read (coverage and cases dropped once merged), in the order given. */
  shards: Pick<ShardDocument, 'shard' | 'job' | 'options'>[];
}

async function readDocument(file: string, input: string | undefined): Promise<ShardDocument> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file} is not a shipkit test shard export: ${(error as Error).message}`, { input, file });
  }
  const d = doc as Partial<ShardDocument> | null;
  if (d?.format !== SHARD_FORMAT) throw new UserError(`${file} is not a shipkit test shard export`, { input, file });
  if (d.version !== SHARD_VERSION)
    throw new UserError(
      `${file} is a shard export of version ${String(d.version)}; this shipkit reads version ${SHARD_VERSION}`,
      {
        input,
        file,
      },
    );
  if (!Array.isArray(d.commands) || typeof d.options !== 'object' || d.options === null)
    throw new UserError(`${file}: the shard export is damaged (no commands or options)`, { input, file });
  return d as ShardDocument;
}

/** Statements, counted arms, summaries and measured metrics: what the lcov file cannot carry. */
function overlayCoverage(set: CoverageSet, doc: ShardDocument, counted: Set<string>): void {
  const c = doc.coverage;
  if (!c) return;
  for (const m of METRICS) if (c.measured[m]) set.measured[m] = true;
  set.sources.push(...c.sources);
  for (const [path, st] of Object.entries(c.statements)) {
    const table = fileIn(set, path).statements;
    st.keys.forEach((key, i) => {
      const [line = 0, hits = 0, weight = 1] = st.data.slice(i * 3, i * 3 + 3);
      if (weight === 1) table.add(key, line, hits);
      else table.addWeighted(key, line, hits, weight);
    });
  }
  // Summing arms by position is also right for arms known only as counts ("1 of 2", marked in order):
  // the sum covers as many as the shard that covered most, as the test stage's merge does. The flag
  // only says how the arms were known.
  for (const path of c.countedBranches) counted.add(path);
  for (const [path, counters] of Object.entries(c.summaryOnly)) {
    const have = set.summaryOnly.get(path) ?? {};
    for (const m of METRICS) {
      const v = counters[m];
      if (!v) continue;
      const before = have[m];
      have[m] = before
        ? { covered: Math.max(before.covered, v.covered), total: Math.max(before.total, v.total) }
        : { ...v };
    }
    set.summaryOnly.set(path, have);
  }
}

/**
 * Reads the exports of every shard into the test stage's own model. The lcov files are parsed into
 * one set by the test stage's parser, which sums records of the same file by position, as
 * `lcov -a` adds tracefiles: the merge costs little more than the parse. Cases are appended.
 */
export async function readShards(shards: readonly ShardFiles[], opts: { input?: string } = {}): Promise<MergedShards> {
  const set = emptySet();
  const counted = new Set<string>();
  let anyCoverage = false;
  let tests: TestResults | undefined;
  const out: MergedShards = { commands: [], unmatched: [], shards: [] };
  const seenUnmatched = new Set<string>();
  for (const files of shards) {
    const doc = await readDocument(files.json, opts.input);
    if (doc.coverage) {
      anyCoverage = true;
      // The export always writes the lcov file with measured coverage: without it the shard's lines
      // would be missing from the totals while the merge still counted the shard as merged.
      const lcov = files.lcov ?? lcovBeside(files.json);
      if (!existsSync(lcov))
        throw new UserError(
          `${lcov} is missing: ${files.json} says the shard measured coverage, and its lines are in that file`,
          { input: opts.input, file: lcov },
        );
      const report = await openReport(lcov, process.cwd(), opts.input);
      await parseLcov(report, set);
      overlayCoverage(set, doc, counted);
      for (const u of doc.coverage.unmatched) {
        if (seenUnmatched.has(u.reported)) continue;
        seenUnmatched.add(u.reported);
        out.unmatched.push(u);
      }
    }
    if (doc.tests) {
      tests ??= emptyResults();
      tests.sources.push(...doc.tests.sources);
      decodeTests(doc.tests, tests.cases);
    }
    out.commands.push(...doc.commands);
    out.shards.push({ shard: doc.shard, job: doc.job, options: doc.options });
  }
  for (const path of counted) {
    const file = set.files.get(path);
    if (file) file.branchesCounted = file.branches.size > 0;
  }
  if (anyCoverage) out.set = set;
  if (tests) out.tests = tests;
  return out;
}
