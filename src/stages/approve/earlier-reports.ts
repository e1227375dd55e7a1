import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { errorMessage } from '../../core/errors.js';
import { assertReportMatches, BaseReportSchema, type BaseReport } from '../../core/report/schema.js';

export interface EarlierStage {
  file: string;
  stage: string;
  status: string;
  summary: string;
  failedGates: string[];
}

const MAX_FILES = 50;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The reports earlier shipkit stages wrote in this job, so approvers see test, scan and smoke
 * results next to the request. Files that are not stage reports are skipped with a warning.
 */
export async function readEarlierReports(
  pattern: string,
  cwd: string,
  warn: (message: string) => void,
): Promise<EarlierStage[]> {
  const absolute = path.resolve(cwd, pattern).split(path.sep).join('/');
  const { base, isGlob } = picomatch.scan(absolute);
  const isMatch = picomatch(absolute, { dot: true });
  let candidates: string[];
  try {
    if (!isGlob) {
      const info = await stat(absolute);
      candidates = info.isDirectory()
        ? (await readdir(absolute)).filter((f) => f.endsWith('.json')).map((f) => path.join(absolute, f))
        : [absolute];
    } else {
      const entries = await readdir(base, { recursive: true });
      candidates = entries.map((f) => path.join(base, f).split(path.sep).join('/')).filter((f) => isMatch(f));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    warn(`cannot read the earlier stage reports at ${pattern}: ${errorMessage(error)}`);
    return [];
  }
  const stages: EarlierStage[] = [];
  for (const file of candidates.sort().slice(0, MAX_FILES)) {
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > MAX_BYTES) continue;
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      assertReportMatches(BaseReportSchema, parsed);
      const report = parsed as BaseReport;
      if (report.stage === 'approve') continue;
      stages.push({
        file,
        stage: report.stage,
        status: report.status,
        summary: report.summary,
        failedGates: report.gates.filter((g) => !g.passed).map((g) => g.name),
      });
    } catch (error) {
      warn(`${file} is not a shipkit stage report, left out of the request: ${errorMessage(error)}`);
    }
  }
  return stages;
}
