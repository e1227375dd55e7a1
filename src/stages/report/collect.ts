import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Annotation } from '../../core/outcome.js';
import { BaseReportSchema, schemaViolations, type BaseReport } from '../../core/report/schema.js';
import { SHARD_JSON, SHARD_LCOV } from '../test-stage/shard/format.js';
import type { ShardFiles } from '../test-stage/shard/read.js';

/** What a stage saves beside its report `<base>.json`: `<base>.annotations.json` and its own files (`<base>.coverage.lcov`). */
export const ANNOTATIONS_SUFFIX = '.annotations.json';
const SIDE_SUFFIXES = [ANNOTATIONS_SUFFIX, `.${SHARD_JSON}`];

/** A walk below DIR is bounded: a `reports:` pointing at a whole checkout must not read it all. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 8;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface CollectedReport {
  file: string;
  report: BaseReport;
  annotations: Annotation[];
  /** The test stage's shard export, when it saved one. */
  shard?: ShardFiles;
}

async function walk(dir: string, depth: number, out: string[]): Promise<void> {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await walk(full, depth + 1, out);
    else if (e.isFile() && e.name.endsWith('.json') && !SIDE_SUFFIXES.some((s) => e.name.endsWith(s))) out.push(full);
  }
}

const looksLikeReport = (doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && 'schemaVersion' in doc && 'stage' in doc && 'status' in doc;

async function readAnnotations(file: string, input: string): Promise<Annotation[]> {
  if (!existsSync(file)) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message}`, { input, file });
  }
  if (!Array.isArray(doc)) throw new UserError(`${file} must hold a list of annotations`, { input, file });
  return doc.filter(
    (a): a is Annotation =>
      typeof a === 'object' &&
      a !== null &&
      typeof (a as Annotation).message === 'string' &&
      typeof (a as Annotation).level === 'string',
  );
}

/**
 * Every stage report below `dir` (any depth: one folder per downloaded artifact, or the CLI's
 * `--report-dir` folders), with what each saved beside it. JSON files that are not shipkit reports
 * (package.json…) are skipped; a shipkit report that breaks its schema is the user's input gone
 * wrong and names the file. The report action's own reports are never read back.
 */
export async function collectReports(dir: string, input = 'reports'): Promise<CollectedReport[]> {
  if (!existsSync(dir)) throw new UserError(`the reports directory ${dir} does not exist`, { input });
  const files: string[] = [];
  await walk(dir, 0, files);
  const out: CollectedReport[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue;
    }
    if (!looksLikeReport(doc)) continue;
    const problems = schemaViolations(BaseReportSchema, doc, 3);
    if (problems.length > 0)
      throw new UserError(`${file} is a shipkit report that does not match the report schema: ${problems.join('; ')}`, {
        input,
        file,
      });
    const report = doc as BaseReport;
    if (report.stage === 'report') continue;
    // The same report reached twice (an artifact and a copy of it): counted once.
    const identity = [report.stage, report.run.job, report.run.shard, report.run.runAttempt, report.startedAt].join(
      '|',
    );
    if (seen.has(identity)) continue;
    seen.add(identity);
    const base = file.slice(0, -'.json'.length);
    const entry: CollectedReport = {
      file,
      report,
      annotations: await readAnnotations(`${base}${ANNOTATIONS_SUFFIX}`, input),
    };
    const shardJson = `${base}.${SHARD_JSON}`;
    if (report.stage === 'test' && existsSync(shardJson)) {
      const lcov = `${base}.${SHARD_LCOV}`;
      entry.shard = existsSync(lcov) ? { json: shardJson, lcov } : { json: shardJson };
    }
    out.push(entry);
  }
  return out;
}
