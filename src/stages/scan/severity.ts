import type { Severity } from './model.js';

/**
 * How each tool's severity becomes one of critical, high, medium, low, unknown.
 *
 * - A word the advisory itself gives wins: Trivy's `Severity` (the vendor it names in `SeveritySource`),
 *   GitHub's advisory severity in npm/pnpm/yarn audits, OSV's `database_specific.severity`. GitHub's
 *   `moderate` is `medium`; npm's `info` is `low`.
 * - Otherwise a CVSS v3 base score, in the bands NVD and GitHub use (CVSS v3.x specification, §5):
 *   9.0–10.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; 0.0 ("none") is low.
 * - SARIF: `security-severity` (the result's, else its rule's) in the same bands, as GitHub code
 *   scanning reads it; else the result's `level`: error → high, warning → medium, note → low.
 * - When tools disagree on one advisory, the merged finding takes the worst: a gate fails closed.
 */
export function severityFromWord(word: unknown): Severity | undefined {
  if (typeof word !== 'string') return undefined;
  switch (word.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'important':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
    case 'info':
    case 'negligible':
    case 'minor':
      return 'low';
    case 'unknown':
    case '':
      return 'unknown';
    default:
      return undefined;
  }
}

/** CVSS v3 base score bands (NVD, GitHub). Undefined for anything that is not a score from 0 to 10. */
export function severityFromScore(score: unknown): Severity | undefined {
  const n = typeof score === 'string' && score.trim() !== '' ? Number(score) : score;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 10) return undefined;
  if (n >= 9) return 'critical';
  if (n >= 7) return 'high';
  if (n >= 4) return 'medium';
  return 'low';
}

/** SARIF `level` when no security-severity is given. */
export function severityFromSarifLevel(level: unknown): Severity {
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
    case undefined:
      // SARIF §3.27.10: an absent level means `warning`.
      return 'medium';
    case 'note':
      return 'low';
    default:
      return 'unknown';
  }
}

/** The `security-severity` GitHub reads: the CVSS band's upper score, so a finding ranks the same after upload. */
export const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  unknown: undefined,
};
