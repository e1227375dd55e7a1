import type { Annotation, StageOutcome } from '../../core/outcome.js';
import { statusOf } from '../../core/report/build.js';
import { REPORT_SCHEMA_VERSION, type Gate, type RunInfo } from '../../core/report/types.js';
import type { Finding } from '../scan/model.js';
import type { BuiltImage } from './build-step.js';
import type { Engine } from './engine/detect.js';
import { dockerComment, dockerSummary, dockerText } from './markdown.js';
import type { DockerMeta } from './meta/compute.js';
import { metaOutputs } from './meta/outputs.js';
import type { DockerOptions } from './options.js';
import { policyAnnotations } from './policy/annotations.js';
import type { PolicyResult } from './policy/check.js';
import type { PushedImage } from './push-step.js';
import type {
  BuildReport,
  DockerReport,
  ImageReport,
  PlatformReport,
  PolicyFindingReport,
  PushReport,
  ScanReportPart,
} from './report-schema.js';
import type { ImageScan, ScanVerdict } from './scan-image.js';

/** Everything one run found, in the order it found it; the outcome is built from it once. */
export interface DockerRun {
  options: DockerOptions;
  policy: PolicyResult[];
  /** Per build, in order; empty in a lint-only run. */
  metas: DockerMeta[];
  gates: Gate[];
  warnings: string[];
  engine?: Engine;
  built?: BuiltImage[];
  scans?: ImageScan[];
  scan?: ScanVerdict;
  pushed?: Map<BuiltImage, PushedImage>;
  /** The gates that kept the push from happening. */
  blockedBy?: string[];
  cwd: string;
  /** Each build's Dockerfile named from the repository root (where annotations resolve); `spec.file` when absent. */
  files?: string[];
  startedAt: Date;
  finishedAt: Date;
}

const EMPTY_COUNTS = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
const LOG_TAIL_LINES = 40;

function policyReport(results: readonly PolicyResult[]): PolicyFindingReport[] {
  return results.flatMap((r) =>
    r.findings.map((f) => ({
      rule: f.rule,
      file: f.file,
      line: f.line,
      message: f.message,
      severity: f.severity,
      ignored: f.ignored,
      ...(f.reason !== undefined ? { reason: f.reason } : {}),
    })),
  );
}

function buildsReport(r: DockerRun): BuildReport[] {
  return r.options.builds.map((spec, i) => {
    const meta = r.metas[i];
    const b = r.built?.[i];
    const failed = b !== undefined && !b.run.ok;
    return {
      name: spec.name,
      context: spec.context,
      file: r.files?.[i] ?? spec.file,
      target: spec.target ?? null,
      platforms: spec.platforms,
      version: meta?.version ?? '',
      tags: meta?.tags ?? [],
      labels: meta?.labels ?? {},
      status: b === undefined ? 'not-built' : failed ? 'failed' : 'built',
      ...(failed ? { error: b.run.error ?? 'the build failed' } : {}),
      ...(failed ? { log: b.run.tail.split(/\r?\n/).slice(-LOG_TAIL_LINES).join('\n') } : {}),
      durationMs: b?.run.durationMs ?? null,
    };
  });
}

function platformsOf(b: BuiltImage, p: PushedImage | undefined): PlatformReport[] {
  return b.platforms.map((scanned) => {
    const remote = p?.remote?.platforms.find((x) => x.platform === scanned.platform);
    return {
      platform: scanned.platform,
      digest: remote?.digest ?? scanned.manifestDigest ?? null,
      configDigest: remote?.configDigest ?? scanned.configDigest,
      size: scanned.size,
      compressedSize: remote?.compressedSize ?? scanned.compressedSize,
    };
  });
}

function imagesReport(r: DockerRun): ImageReport[] {
  return (r.built ?? [])
    .filter((b) => b.run.ok)
    .map((b) => {
      const p = r.pushed?.get(b);
      const pushed = p?.ok === true;
      const digest = pushed ? (p.digest ?? null) : (b.localDigest?.digest ?? null);
      const source = pushed ? (p.digestSource ?? null) : (b.localDigest?.source ?? null);
      const platforms = platformsOf(b, p);
      const name = b.meta.tags[0]?.replace(/:[^:/]+$/, '');
      const sizes = platforms.map((x) => x.size).filter((s): s is number => s !== null);
      return {
        build: b.spec.name,
        ref: pushed && name && digest ? `${name}@${digest}` : (b.meta.tags[0] ?? b.run.imageId ?? b.spec.name),
        tags: b.meta.tags,
        digest,
        digestSource: source,
        imageId: b.run.imageId ?? null,
        pushed,
        verified: pushed ? p.verified : null,
        platform: platforms.map((x) => x.platform).join(','),
        size: sizes.length > 0 ? Math.max(...sizes) : null,
        platforms,
      };
    });
}

function scanFinding(f: Finding): ScanReportPart['findings'][number] {
  return {
    id: f.id,
    aliases: f.aliases,
    severity: f.severity,
    kind: f.kind,
    title: f.title,
    package: f.package,
    installed: f.installed,
    fixed: f.fixed,
    target: f.target,
    file: f.file,
    line: f.line,
    tools: f.tools,
    url: f.url,
    ...(f.snippet !== undefined ? { snippet: f.snippet } : {}),
    ...(f.ignored ? { ignored: f.ignored } : {}),
  };
}

function scanReport(r: DockerRun): ScanReportPart {
  const v = r.scan;
  if (!v) {
    return {
      status: 'not-run',
      failOn: r.options.scan.failOn,
      counts: EMPTY_COUNTS,
      ignoredCount: 0,
      trivyVersion: null,
      images: [],
      findings: [],
    };
  }
  return {
    status: v.gates.every((g) => g.passed) ? 'passed' : 'failed',
    failOn: r.options.scan.failOn,
    counts: v.counts,
    ignoredCount: v.ignoredCount,
    trivyVersion: r.scans?.[0]?.trivyVersion ?? null,
    images: v.perImage,
    findings: v.findings.map(scanFinding),
  };
}

function pushReport(r: DockerRun): PushReport {
  if (!r.options.push || r.options.mode !== 'build') return { status: 'not-requested', blockedBy: [], tags: [] };
  const results = [...(r.pushed?.values() ?? [])];
  if (results.length === 0) return { status: 'blocked', blockedBy: r.blockedBy ?? [], tags: [] };
  const tags = results
    .flatMap((p) => p.tags)
    .map((t) => ({
      tag: t.tag,
      ok: t.ok,
      attempts: t.attempts,
      ...(t.digest ? { digest: t.digest } : {}),
      ...(t.error ? { error: t.error } : {}),
    }));
  const ok = results.every((p) => p.ok && p.verified !== false);
  return { status: ok ? 'pushed' : 'failed', blockedBy: [], tags };
}

function headlineOf(r: DockerRun, report: Omit<DockerReport, 'summary'>): string {
  const errors = report.policy.filter((f) => !f.ignored && f.severity === 'error').length;
  const warnings = report.policy.filter((f) => !f.ignored && f.severity === 'warning').length;
  const policy =
    r.options.policy.level === 'off'
      ? 'policy off'
      : errors + warnings === 0
        ? 'policy clean'
        : `policy: ${[errors > 0 && `${errors} error(s)`, warnings > 0 && `${warnings} warning(s)`].filter(Boolean).join(', ')}`;
  if (r.options.mode === 'lint-only') return `lint only · ${policy}`;
  const tags = report.tags.length;
  if (r.options.mode === 'dry-run') return `dry run · ${tags} tag(s) · ${policy}`;
  const built = report.builds.filter((b) => b.status === 'built').length;
  const failedBuilds = report.builds.filter((b) => b.status === 'failed').length;
  const scan =
    report.scan.status === 'not-run'
      ? 'not scanned'
      : `scan: ${
          Object.entries(report.scan.counts)
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${s}`)
            .join(', ') || 'no findings'
        }`;
  const push =
    report.push.status === 'pushed'
      ? `pushed ${report.push.tags.length} tag(s)`
      : report.push.status === 'blocked'
        ? `not pushed (${report.push.blockedBy.join(', ')} failed)`
        : report.push.status === 'failed'
          ? 'push failed'
          : 'not pushed';
  return [
    failedBuilds > 0 ? `${failedBuilds} of ${report.builds.length} build(s) failed` : `${built} image(s) built`,
    scan,
    policy,
    push,
  ].join(' · ');
}

/** metadata-action's and build-push-action's outputs, under the names workflows already read. */
function outputsOf(report: DockerReport, r: DockerRun): StageOutcome['outputs'] {
  const first = report.images[0];
  const firstMeta = r.metas[0];
  const built = r.built?.[0];
  const metadata =
    (built && r.pushed?.get(built)?.metadata) ??
    built?.run.metadata ??
    (first
      ? {
          'containerimage.digest': first.digest,
          'containerimage.config.digest': first.imageId,
          'image.name': first.tags.join(','),
        }
      : {});
  return {
    passed: report.status !== 'fail',
    ...(firstMeta
      ? metaOutputs(firstMeta)
      : { version: '', labels: '', json: JSON.stringify({ tags: [], labels: {} }) }),
    // Every build's tags, not only the first's: what a later step pulls or deploys.
    tags: report.tags.join('\n'),
    digest: first?.digest ?? '',
    'image-id': first?.imageId ?? '',
    imageid: first?.imageId ?? '',
    metadata: JSON.stringify(metadata),
    images: JSON.stringify(
      report.images.map((i) => ({ build: i.build, ref: i.ref, digest: i.digest, tags: i.tags, pushed: i.pushed })),
    ),
    pushed: report.push.status === 'pushed',
  };
}

function annotationsOf(r: DockerRun, report: DockerReport): Annotation[] {
  const out = r.policy.flatMap(policyAnnotations);
  for (const b of report.builds.filter((x) => x.status === 'failed'))
    out.push({
      level: 'error',
      title: `docker build ${b.name} failed`,
      message: b.error ?? 'the build failed',
      file: b.file,
    });
  // A warning only in the report is one nobody reads: a tag rule that could not apply, no tag at all.
  for (const message of r.warnings) out.push({ level: 'warning', title: 'docker', message });
  return out;
}

/** Report, outputs, summary, comment section, annotations and terminal text of one run, built once. */
export function buildDockerOutcome(r: DockerRun, run: RunInfo): StageOutcome {
  const builds = buildsReport(r);
  const partial: Omit<DockerReport, 'summary' | 'status'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stage: 'docker',
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    durationMs: Math.max(0, r.finishedAt.getTime() - r.startedAt.getTime()),
    run,
    gates: r.gates,
    warnings: r.warnings,
    mode: r.options.mode,
    builder: r.engine
      ? { kind: r.engine.kind, version: r.engine.version, ...(r.engine.driver ? { driver: r.engine.driver } : {}) }
      : null,
    version: r.metas[0]?.version ?? '',
    tags: builds.flatMap((b) => b.tags),
    labels: r.metas[0]?.labels ?? {},
    builds,
    images: imagesReport(r),
    policy: policyReport(r.policy),
    scan: scanReport(r),
    push: pushReport(r),
  };
  const status = statusOf(r.gates, r.warnings);
  const summary = headlineOf(r, { ...partial, status });
  const report: DockerReport = { ...partial, status, summary };
  return {
    report,
    outputs: outputsOf(report, r),
    summary: dockerSummary(report),
    comment: dockerComment(report),
    annotations: annotationsOf(r, report),
    text: dockerText(report),
  };
}
