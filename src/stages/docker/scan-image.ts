import type { StageContext } from '../../core/context.js';
import type { Gate } from '../../core/report/types.js';
import { evaluateGates } from '../scan/gates.js';
import { applyIgnores, loadIgnoreRules, today, type IgnoreRule } from '../scan/ignore-rules.js';
import { readTrivyReport } from '../scan/ingest/trivy.js';
import { mergeFindings } from '../scan/merge.js';
import { compareFindings, countBySeverity, type Counts, type Finding } from '../scan/model.js';
import type { TrivyRunner } from '../scan/run.js';
import type { ScanSettings } from './options.js';

export interface ImageScan {
  /** The build's name: what the findings' targets say instead of a temporary archive's path. */
  image: string;
  findings: Finding[];
  trivyVersion: string;
}

export interface ScanVerdict {
  findings: Finding[];
  counts: Counts;
  ignoredCount: number;
  perImage: { build: string; counts: Counts }[];
  gates: Gate[];
  warnings: string[];
}

/** Loaded on first use, as the scan stage does: a dry run never loads Trivy's code. */
export async function defaultTrivyRunner(): Promise<TrivyRunner> {
  return (await import('../scan/trivy/run.js')).runTrivy;
}

/** The ignore files are the scan stage's (`.shipkit/scan-ignore.yml`, `.trivyignore`, `.trivyignore.yaml`). */
export function scanIgnores(cwd: string, settings: ScanSettings): Promise<IgnoreRule[]> {
  return loadIgnoreRules(cwd, { ignoreFile: settings.ignoreFile, explicit: settings.ignoreFileExplicit });
}

/**
 * Scans a built image's archive with the scan stage's engine: Trivy `image --input` (vulnerabilities and
 * secrets in the layers), its JSON read into the one findings model and merged. Nothing is pushed before
 * every image has been scanned and judged (judgeScans).
 */
export async function scanImageArchive(
  archive: string,
  image: string,
  settings: ScanSettings,
  ctx: StageContext,
  trivy: TrivyRunner,
): Promise<ImageScan> {
  const ran = await trivy(
    { command: 'image', target: archive, scanners: ['vuln', 'secret'], cwd: ctx.cwd },
    {
      version: settings.trivyVersion,
      ...(settings.trivyPath ? { path: settings.trivyPath } : {}),
      dbRepositories: settings.dbRepositories,
      skipDbUpdate: settings.skipDbUpdate,
    },
    ctx,
  );
  const report = await readTrivyReport(ran.jsonFile, { file: 'trivy output', input: 'scan' });
  for (const f of report.findings) {
    // Trivy names the archive it read; the reader knows the image by its build's name. Paths inside an
    // image are not files of the repository, so nothing is annotated on them.
    f.target = f.target.split(archive).join(image);
    f.file = null;
  }
  return { image, findings: mergeFindings(report.findings), trivyVersion: ran.trivyVersion };
}

/** Every image's findings together: the team's ignores applied once, and one `fail-on` gate over all. */
export function judgeScans(
  scans: readonly ImageScan[],
  settings: ScanSettings,
  rules: readonly IgnoreRule[],
  now: Date,
): ScanVerdict {
  const findings = scans.flatMap((s) => s.findings);
  const ignores = applyIgnores(findings, rules, today(now));
  findings.sort(compareFindings);
  return {
    findings,
    counts: countBySeverity(findings),
    ignoredCount: findings.filter((f) => f.ignored).length,
    perImage: scans.map((s) => ({ build: s.image, counts: countBySeverity(s.findings) })),
    gates: evaluateGates(findings, { failOn: settings.failOn, fixableOnly: false, newOnly: false }, ignores),
    warnings: ignores.unused.map((r) => `ignore ${r.label} (${r.source}) matched no finding`),
  };
}
