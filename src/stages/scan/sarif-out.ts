import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { findingKeys } from './baseline.js';
import { severityRank, SEVERITIES, type Finding, type Severity } from './model.js';
import { SECURITY_SEVERITY } from './severity.js';
import { VERSION } from '../../core/version.js';

/**
 * SARIF for GitHub code scanning: one run per tool, each with its own category
 * (`automationDetails.id` = `shipkit-scan/<tool>/`), so that Trivy's and npm's alerts are kept and
 * closed separately. Within GitHub's upload limits: at most 25 000 results per run, 20 runs per file
 * and 10 MB gzipped. When a limit is hit, the lowest severities are cut first, and the report, the
 * summary and the SARIF run (`properties.shipkit.dropped`) say how many.
 */

export const LIMITS = { resultsPerRun: 25_000, runsPerFile: 20, gzippedBytes: 10 * 1024 * 1024 };

export interface SarifOutput {
  /** The SARIF document. */
  log: SarifLog;
  runs: number;
  results: number;
  /** Results left out to stay within the limits, by reason. */
  dropped: { perRun: number; runs: number; size: number };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Record<string, unknown>[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  unknown: 'note',
};

/** The run a merged finding goes in: its first tool in a fixed order, so it is uploaded once. */
function runTool(f: Finding): string {
  return f.tools[0] ?? 'shipkit';
}

function message(f: Finding): string {
  if (f.kind === 'secret')
    return `Secret (${f.id}): ${f.title}${f.snippet ? `\nLine: ${f.snippet}` : ''}\nThe value is not repeated here.`;
  if (f.package !== null)
    return [
      `Package: ${f.package}`,
      `Installed Version: ${f.installed ?? 'unknown'}`,
      `Vulnerability ${f.id}${f.aliases.length > 0 ? ` (${f.aliases.join(', ')})` : ''}`,
      `Severity: ${f.severity.toUpperCase()}`,
      `Fixed Version: ${f.fixed ?? 'none yet'}`,
      `Found by: ${f.tools.join(', ')}`,
      f.title,
    ].join('\n');
  return `${f.title}\nFound by: ${f.tools.join(', ')}`;
}

function fingerprint(f: Finding): string {
  return createHash('sha256').update(findingKeys(f)[0]).digest('hex').slice(0, 32);
}

function buildRun(tool: string, findings: readonly Finding[], dropped: number): Record<string, unknown> {
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  const results = findings.map((f) => {
    let index = ruleIndex.get(f.id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(f.id, index);
      const securitySeverity = SECURITY_SEVERITY[f.severity];
      rules.push({
        id: f.id,
        name: f.id,
        shortDescription: { text: f.title.slice(0, 1000) || f.id },
        ...(f.url ? { helpUri: f.url } : {}),
        help: { text: f.url ? `${f.title}\n${f.url}` : f.title },
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: {
          tags: ['security', f.kind === 'vuln' ? 'vulnerability' : f.kind === 'secret' ? 'secret' : 'misconfiguration'],
          ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
        },
      });
    }
    const uri = f.file ?? f.target;
    return {
      ruleId: f.id,
      ruleIndex: index,
      level: LEVEL[f.severity],
      message: { text: message(f) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri === '' ? 'unknown' : uri, uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line ?? 1 },
          },
        },
      ],
      partialFingerprints: { 'shipkitFinding/v1': fingerprint(f) },
      properties: { tools: f.tools, ...(f.aliases.length > 0 ? { aliases: f.aliases } : {}) },
    };
  });
  return {
    tool: {
      driver: {
        name: tool === 'shipkit' ? 'shipkit' : `shipkit (${tool})`,
        informationUri: 'https://github.com/shipkit/shipkit',
        semanticVersion: VERSION,
        rules,
      },
    },
    automationDetails: { id: `shipkit-scan/${tool}/` },
    results,
    columnKind: 'utf16CodeUnits',
    ...(dropped > 0
      ? { properties: { shipkit: { dropped, note: 'lowest severities left out to stay within GitHub’s limits' } } }
      : {}),
  };
}

/** Keeps the `keep` worst findings (worst severity first, the order findings are already in). */
function worstFirst(findings: readonly Finding[], keep: number): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)).slice(0, Math.max(0, keep));
}

export function gzippedSize(log: SarifLog): number {
  return gzipSync(JSON.stringify(log)).length;
}

export function buildSarif(all: readonly Finding[], limits = LIMITS): SarifOutput {
  const counted = all.filter((f) => !f.ignored);
  const dropped = { perRun: 0, runs: 0, size: 0 };
  // Runs per tool; beyond the run limit, the last run takes every remaining tool's findings.
  const byTool = new Map<string, Finding[]>();
  for (const f of counted) {
    const tool = runTool(f);
    const list = byTool.get(tool);
    if (list) list.push(f);
    else byTool.set(tool, [f]);
  }
  let groups = [...byTool.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (groups.length > limits.runsPerFile) {
    const kept = groups.slice(0, limits.runsPerFile - 1);
    const rest = groups.slice(limits.runsPerFile - 1).flatMap(([, fs]) => fs);
    groups = [...kept, ['shipkit', rest]];
    dropped.runs = 0; // findings are moved, not dropped
  }
  let perRun = groups.map(([tool, fs]) => {
    const kept = fs.length > limits.resultsPerRun ? worstFirst(fs, limits.resultsPerRun) : [...fs];
    return { tool, findings: kept, dropped: fs.length - kept.length };
  });
  dropped.perRun = perRun.reduce((n, r) => n + r.dropped, 0);
  const make = (): SarifLog => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: perRun.map((r) => buildRun(r.tool, r.findings, r.dropped)),
  });
  let log = make();
  // Over 10 MB gzipped: drop the lowest severity band first, then the next, a share at a time (bounded).
  for (let attempt = 0; attempt < 12; attempt++) {
    const size = gzippedSize(log);
    if (size <= limits.gzippedBytes) break;
    const total = perRun.reduce((n, r) => n + r.findings.length, 0);
    if (total === 0) break;
    // Remove about the share that is over, plus 5 %, from the lowest severity present.
    let toDrop = Math.max(1, Math.ceil(total * ((size - limits.gzippedBytes) / size + 0.05)));
    for (const sev of [...SEVERITIES].reverse()) {
      if (toDrop === 0) break;
      perRun = perRun.map((r) => {
        if (toDrop === 0) return r;
        const victims = r.findings.filter((f) => f.severity === sev).slice(-toDrop);
        if (victims.length === 0) return r;
        toDrop -= victims.length;
        const gone = new Set(victims);
        dropped.size += victims.length;
        return { ...r, findings: r.findings.filter((f) => !gone.has(f)), dropped: r.dropped + victims.length };
      });
    }
    log = make();
  }
  return {
    log,
    runs: log.runs.length,
    results: perRun.reduce((n, r) => n + r.findings.length, 0),
    dropped,
  };
}

export function droppedTotal(out: SarifOutput): number {
  return out.dropped.perRun + out.dropped.runs + out.dropped.size;
}
