import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import type { StageOutcome } from '../../core/outcome.js';
import { runAudit } from './audits.js';
import { BASELINE_KIND, baselineOf, markNew, parseBaseline } from './baseline.js';
import { scanEvent } from './event.js';
import { evaluateGates, type GateOptions } from './gates.js';
import { applyIgnores, loadIgnoreRules, today } from './ignore-rules.js';
import { FORMATS } from './ingest/detect.js';
import { readFindingsFile } from './ingest/index.js';
import { readTrivyReport } from './ingest/trivy.js';
import { locateFindings } from './locate.js';
import { mergeFindings } from './merge.js';
import type { RawFinding } from './model.js';
import type { ScanOptions } from './options.js';
import type { TrivyScanRequest, TrivySettings } from './trivy/run.js';
import { buildScanOutcome, type ScanResult, type SourceInfo } from './outcome.js';
import type { ScanReport } from './report-schema.js';
import { buildSarif, droppedTotal, LIMITS } from './sarif-out.js';
import { uploadSarif } from './upload.js';
import { keepYoungGenerationSmall } from '../../core/young-generation.js';

export type TrivyRunner = (
  req: TrivyScanRequest,
  settings: TrivySettings,
  ctx: StageContext,
) => Promise<{ jsonFile: string; trivyVersion: string }>;

export interface ScanDeps {
  /** Runs Trivy; the stage loads the real one only when Trivy is asked for. */
  trivy?: TrivyRunner;
  now?: () => Date;
}

/** Loaded on first use: a run that only reads reports or runs audits does not load Trivy's code. */
async function defaultTrivy(): Promise<TrivyRunner> {
  return (await import('./trivy/run.js')).runTrivy;
}

/** Paths in findings from a tool that ran in a subdirectory, made relative to the working directory. */
function rebase(findings: RawFinding[], rel: string): void {
  if (rel === '' || rel === '.') return;
  for (const f of findings) {
    if (f.file) f.file = `${rel}/${f.file}`;
    if (f.file !== null || (f.target !== '' && !/\s\(/.test(f.target)))
      f.target = f.target ? `${rel}/${f.target}` : rel;
  }
}

/**
 * An image archive or layout in the checkout is named by Trivy with the absolute path it was given
 * (`/home/runner/work/app/app/build/app.tar (alpine 3.19.1)`): named as the user wrote it instead, so
 * the report, the annotations and the baseline are the same on every runner.
 */
function relativeImageTargets(findings: RawFinding[], image: string, cwd: string): void {
  const full = path.resolve(cwd, image);
  const rel = path.relative(cwd, full).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || !existsSync(full)) return;
  for (const f of findings) {
    if (f.target === full || f.target.startsWith(`${full} (`)) f.target = rel + f.target.slice(full.length);
  }
}

export async function runScan(options: ScanOptions, ctx: StageContext, deps: ScanDeps = {}): Promise<StageOutcome> {
  // Before anything is read: findings that survive would otherwise grow V8's young generation tenfold.
  keepYoungGenerationSmall();
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const targetDir = path.resolve(ctx.cwd, options.target);
  if (!existsSync(targetDir) || !statSync(targetDir).isDirectory())
    throw new UserError(`target directory '${options.target}' not found (looked in ${ctx.cwd})`, { input: 'target' });
  const rel = path.relative(ctx.cwd, targetDir).split(path.sep).join('/');
  // Everything the user wrote is checked before any tool runs: a typo in an ignore is not a scan result.
  const rules = await loadIgnoreRules(ctx.cwd, {
    ignoreFile: options.ignoreFile,
    explicit: options.ignoreFileExplicit,
  });
  for (const r of options.reports)
    if (!existsSync(path.resolve(ctx.cwd, r)))
      throw new UserError(`report '${r}' not found (looked in ${ctx.cwd})`, { input: 'reports' });

  const raw: RawFinding[] = [];
  const sources: SourceInfo[] = [];
  const warnings: string[] = [];

  if (options.scanners.length > 0) {
    const runner = deps.trivy ?? (await defaultTrivy());
    const command: TrivyScanRequest['command'] = options.image
      ? 'image'
      : options.scanners.length === 1 && options.scanners[0] === 'misconfig'
        ? 'config'
        : 'fs';
    const req: TrivyScanRequest = {
      command,
      target: options.image ?? targetDir,
      scanners: options.image ? options.scanners.filter((s) => s !== 'misconfig') : options.scanners,
      cwd: ctx.cwd,
    };
    const ran = await ctx.logger.group(`trivy ${command} ${options.image ?? options.target}`, () =>
      runner(
        req,
        {
          version: options.trivyVersion,
          ...(options.trivyPath ? { path: options.trivyPath } : {}),
          dbRepositories: options.dbRepositories,
          skipDbUpdate: options.skipDbUpdate,
          ...(options.trivyDownloadUrl ? { downloadBaseUrl: options.trivyDownloadUrl } : {}),
          ...(options.insecure ? { insecure: true } : {}),
          // The day's database from the Actions cache, in an action; the CLI's cache directory persists.
          ...(ctx.host.cache ? { dbCache: ctx.host.cache } : {}),
        },
        ctx,
      ),
    );
    const report = await readTrivyReport(ran.jsonFile, { file: 'trivy output', input: 'scanners' });
    if (options.image) relativeImageTargets(report.findings, options.image, ctx.cwd);
    else rebase(report.findings, rel);
    raw.push(...report.findings);
    sources.push({
      tool: 'trivy',
      kind: 'trivy',
      file: null,
      format: FORMATS.trivy,
      findings: report.findings.length,
      version: ran.trivyVersion,
    });
  }

  for (const tool of options.audits) {
    const result = await runAudit(tool, ctx, targetDir);
    raw.push(...result.findings);
    sources.push({
      tool: result.tools[0] ?? tool,
      kind: 'audit',
      file: null,
      format: FORMATS[result.format],
      findings: result.findings.length,
    });
  }

  for (const file of options.reports) {
    const result = await readFindingsFile(path.resolve(ctx.cwd, file), { file, input: 'reports' }, { root: ctx.cwd });
    raw.push(...result.findings);
    sources.push({
      tool: result.tools.join(', ') || result.format,
      kind: 'report',
      file,
      format: FORMATS[result.format],
      findings: result.findings.length,
    });
  }

  const findings = mergeFindings(raw);
  // The tools' own findings are not needed once merged: let them go before the report is built.
  raw.length = 0;
  locateFindings(findings, ctx.cwd, { ...(options.image ? { image: options.image } : {}), targetDir });
  const ignoreResult = applyIgnores(findings, rules, today(startedAt));
  for (const rule of ignoreResult.unused) warnings.push(`ignore ${rule.label} (${rule.source}) matched no finding`);

  // Baseline: compared on pull requests, saved on pushes to the default branch.
  const event = scanEvent(ctx);
  let baseline: ScanReport['baseline'] = {
    status: 'not-requested',
    branch: null,
    sha: null,
    newCount: null,
    saved: false,
  };
  if (event.baseBranch) {
    let text: string | undefined;
    try {
      text = await ctx.host.baselines.restore(BASELINE_KIND, event.baseBranch);
    } catch (error) {
      warnings.push(
        `the findings baseline of '${event.baseBranch}' could not be restored: ${(error as Error).message}`,
      );
    }
    const found = text !== undefined ? parseBaseline(text) : undefined;
    if (found) {
      markNew(findings, found);
      baseline = {
        status: 'compared',
        branch: event.baseBranch,
        sha: found.sha,
        newCount: findings.filter((f) => !f.ignored && f.new === true).length,
        saved: false,
      };
    } else {
      baseline = { status: 'missing', branch: event.baseBranch, sha: null, newCount: null, saved: false };
      // Fail closed, as code scanning does without an analysis of the base: every finding is new.
      if (options.newOnly)
        warnings.push(
          `new-only: no findings baseline of '${event.baseBranch}' yet, so every finding is treated as new; run the scan on pushes to '${event.baseBranch}' to save one`,
        );
    }
  } else if (options.newOnly) {
    warnings.push('new-only applies to pull requests: this run is not one, so every finding counts');
  }

  const gateOptions: GateOptions = {
    failOn: options.failOn,
    fixableOnly: options.fixableOnly,
    newOnly: options.newOnly && baseline.status === 'compared',
  };
  const gates = evaluateGates(findings, gateOptions, ignoreResult);

  let sarif: ScanReport['sarif'] = null;
  if (options.sarif || options.uploadSarif) {
    const out = buildSarif(findings, LIMITS);
    const file = options.sarif ?? path.join('.shipkit', 'scan.sarif');
    const full = path.resolve(ctx.cwd, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, JSON.stringify(out.log));
    const dropped = droppedTotal(out);
    if (dropped > 0)
      warnings.push(
        `SARIF: ${dropped} lowest-severity result(s) left out to stay within GitHub's limits (25 000 results per run, 20 runs, 10 MB gzipped); the report has every finding`,
      );
    let sarifId: string | null = null;
    if (options.uploadSarif) sarifId = (await uploadSarif(out.log, ctx)).id;
    sarif = { file, runs: out.runs, results: out.results, dropped, uploaded: options.uploadSarif, sarifId };
  }

  if (event.defaultBranchPush) {
    const { branch, sha } = event.defaultBranchPush;
    try {
      await ctx.host.baselines.save(
        BASELINE_KIND,
        branch,
        sha,
        JSON.stringify(baselineOf(findings, branch, sha, startedAt)),
      );
      baseline = { ...baseline, branch, sha, saved: true };
      ctx.logger.info(`Saved the findings baseline of '${branch}' at ${sha.slice(0, 7)}`);
    } catch (error) {
      warnings.push(`the findings baseline of '${branch}' could not be saved: ${(error as Error).message}`);
    }
  }

  const result: ScanResult = {
    findings,
    gates,
    gateOptions,
    sources,
    warnings,
    baseline,
    sarif,
    startedAt,
    finishedAt: now(),
  };
  return buildScanOutcome(result, ctx);
}
