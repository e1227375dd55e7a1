import type { StageOutcome } from '../outcome.js';
import { reportFilePieces } from './pretty-json.js';

/** The name every file of a stage run starts with: `test`, or `test-2_4` for the shard `2/4`. */
export function savedBaseName(outcome: Pick<StageOutcome, 'report'>): string {
  const { report } = outcome;
  const shard = report.run.shard ? `-${report.run.shard.replace(/[^\w.-]+/g, '_')}` : '';
  return `${report.stage}${shard}`;
}

/**
 * What a stage run saves for the root report action, as files of one folder: the report
 * (`<base>.json`), its annotations (`<base>.annotations.json`: the report action's check run carries
 * them all, beyond the 10 a step shows) and the stage's own files (`<base>.coverage.lcov`…). An
 * action uploads them as an artifact; the CLI writes them into `--report-dir`.
 */
export function savedFiles(
  outcome: Pick<StageOutcome, 'report' | 'annotations' | 'artifacts'>,
  redact: (text: string) => string,
): { name: string; data: Iterable<string> }[] {
  const base = savedBaseName(outcome);
  return [
    // Pieces, not one string (see prettyJsonPieces); fs's writeFile takes either.
    { name: `${base}.json`, data: reportFilePieces(outcome.report) },
    { name: `${base}.annotations.json`, data: [`${JSON.stringify(outcome.annotations)}\n`] },
    // The stage's own files are made here, on demand, and were never redacted with the outcome.
    ...(outcome.artifacts ?? []).map((f) => ({ name: `${base}.${f.name}`, data: [redact(f.data())] })),
  ];
}
