/**
 * The one findings model every scanner's output is turned into. A finding is one vulnerability id in one
 * package at one installed version in one target (a lockfile, an image), or one secret / misconfiguration
 * at a file and line. The same advisory reported by several tools is one finding listing every tool.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The severities a gate can be set to (`fail-on`): `unknown` is never a threshold. */
export const GATE_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type GateSeverity = (typeof GATE_SEVERITIES)[number];

export const KINDS = ['vuln', 'secret', 'misconfig'] as const;
export type Kind = (typeof KINDS)[number];

/** Lower is worse: critical 0 … unknown 4. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at `threshold` or worse. `unknown` meets no threshold (it is listed, and counted apart). */
export function atLeast(s: Severity, threshold: GateSeverity): boolean {
  return s !== 'unknown' && severityRank(s) <= severityRank(threshold);
}

export function worst(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b;
}

/** Why a finding does not count, and where that was decided. */
export interface Ignored {
  reason: string;
  /** `.shipkit/scan-ignore.yml:12`, `.trivyignore:3`… */
  source: string;
  expires: string | null;
}

export interface Finding {
  /** The primary id: a CVE when the advisory has one, else a GHSA, else the tool's own id (PYSEC-…, GO-…, a rule id). */
  id: string;
  /** Every other id of the same advisory (GHSA, CVE, OSV ids), sorted. */
  aliases: string[];
  severity: Severity;
  kind: Kind;
  /** One line: the advisory's or rule's title. */
  title: string;
  package: string | null;
  installed: string | null;
  fixed: string | null;
  /** What was scanned: the lockfile or manifest, the image, or the file for secrets and misconfigurations. */
  target: string;
  /** Repository-relative file to annotate, when known. */
  file: string | null;
  line: number | null;
  /** Every tool that reported it: `trivy`, `npm-audit`, `osv-scanner`, a SARIF tool's driver name… */
  tools: string[];
  /** Where to read more (the advisory, the rule's help). */
  url: string | null;
  /** Secrets only: the line with the secret masked. The secret itself is never kept. */
  snippet?: string;
  ignored?: Ignored;
  /** Set when a baseline was compared: true when the base branch does not have this finding. */
  new?: boolean;
}

/** A finding as a parser reports it, before merging: one tool, and ids not yet split into primary and aliases. */
export interface RawFinding {
  ids: string[];
  severity: Severity;
  kind: Kind;
  title: string;
  package: string | null;
  installed: string | null;
  fixed: string | null;
  target: string;
  file: string | null;
  line: number | null;
  tool: string;
  url: string | null;
  /** The ecosystem of a package finding (npm, pip, gomod, alpine…): findings from different ecosystems never merge. */
  ecosystem?: string;
  snippet?: string;
}

/** The counts the gates and the report use: findings that are not ignored, by severity. */
export type Counts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): Counts {
  const counts: Counts = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  for (const f of findings) if (!f.ignored) counts[f.severity]++;
  return counts;
}

/** Worst first, then by id, package and target: the order of every list the stage shows. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    a.id.localeCompare(b.id) ||
    (a.package ?? '').localeCompare(b.package ?? '') ||
    a.target.localeCompare(b.target) ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}
