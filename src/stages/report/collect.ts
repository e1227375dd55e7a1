import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { directoryProblem } from '../../core/directory.js';
import { UserError } from '../../core/errors.js';
import type { Annotation } from '../../core/outcome.js';
import { BaseReportSchema, schemaViolations, type BaseReport } from '../../core/report/schema.js';
import { STAGES } from '../registry.js';
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

/**
 * Symlinks are followed (a `reports:` folder assembled from links to the downloaded artifacts must not
 * come out empty); `visited` holds the real paths of the folders walked, so a link back up is walked once.
 */
async function walk(dir: string, depth: number, out: string[], visited: Set<string>, input: string): Promise<void> {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
  const real = await realpath(dir);
  if (visited.has(real)) return;
  visited.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    const full = path.join(dir, e.name);
    let isDirectory = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const target = await stat(full).catch(() => undefined);
      // A dangling link named as a stage saves its report is a report lost: said, not skipped.
      if (!target && savedAsReport(full))
        throw new UserError(`${full} is a shipkit report that is a broken symbolic link`, { input, file: full });
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory && !SKIPPED_DIRS.has(e.name)) await walk(full, depth + 1, out, visited, input);
    else if (isFile && e.name.endsWith('.json') && !SIDE_SUFFIXES.some((s) => e.name.endsWith(s))) out.push(full);
  }
}

/** The stages whose reports are read back: every one but this action's own. */
const SAVING_STAGES = STAGES.map((s) => s.name).filter((name) => name !== 'report');

/**
 * Whether `file` is where a stage saved its report, told without reading it: named
 * `<stage>[-<shard>].json` (core/report/saved-files.ts) and either beside the annotations file saved
 * with every report, or in the stage's artifact folder (`shipkit-<stage>-…`), where a partial upload may
 * have left it alone. A checkout's own `test.json` or `test-results.json` is neither.
 */
function savedAsReport(file: string): boolean {
  const name = path.basename(file);
  if (SIDE_SUFFIXES.some((s) => name.endsWith(s))) return false;
  const stage = SAVING_STAGES.find(
    (s) => name === `${s}.json` || (name.startsWith(`${s}-`) && name.endsWith('.json') && /^[\w.-]+$/.test(name)),
  );
  if (!stage) return false;
  const base = file.slice(0, -'.json'.length);
  if (existsSync(`${base}${ANNOTATIONS_SUFFIX}`)) return true;
  return path.basename(path.dirname(file)).startsWith(`shipkit-${stage}-`);
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
 * `--report-dir` folders, symlinks followed), with what each saved beside it. JSON files that are not
 * shipkit reports (package.json…) are skipped; a shipkit report that breaks its schema, or a file saved
 * as one that is not JSON at all (truncated), is the user's input gone wrong and names the file. The
 * report action's own reports are never read back.
 */
export async function collectReports(dir: string, input = 'reports'): Promise<CollectedReport[]> {
  const problem = directoryProblem(dir);
  if (problem === 'missing') throw new UserError(`the reports directory ${dir} does not exist`, { input });
  if (problem)
    throw new UserError(`${dir} is not a directory: reports names the directory the stages saved their reports to`, {
      input,
    });
  const files: string[] = [];
  await walk(dir, 0, files, new Set(), input);
  const out: CollectedReport[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      // A report cut short (a failed upload, a full disk) is a shard or stage gone missing: the
      // verdict must not pass without it. Other JSON that cannot be parsed is none of ours.
      if (!savedAsReport(file)) continue;
      throw new UserError(`${file} is a shipkit report that is not valid JSON: ${(error as Error).message}`, {
        input,
        file,
      });
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
    // Where the shard's lcov is saved; readShards requires it when the shard says it measured coverage.
    if (report.stage === 'test' && existsSync(shardJson))
      entry.shard = { json: shardJson, lcov: `${base}.${SHARD_LCOV}` };
    out.push(entry);
  }
  return out;
}
