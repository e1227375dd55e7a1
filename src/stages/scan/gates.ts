import type { Gate } from '../../core/report/types.js';
import type { IgnoreResult } from './ignore-rules.js';
import { atLeast, type Finding, type GateSeverity } from './model.js';

export interface GateOptions {
  failOn: GateSeverity;
  fixableOnly: boolean;
  /** True when new-only was asked for and a baseline was found: only `new` findings block. */
  newOnly: boolean;
}

/** A finding that fails the `fail-on` gate: counted (not ignored), at the threshold, and as narrowed by fixable-only and new-only. */
export function blocks(f: Finding, o: GateOptions): boolean {
  if (f.ignored) return false;
  if (!atLeast(f.severity, o.failOn)) return false;
  if (o.fixableOnly && f.fixed === null) return false;
  if (o.newOnly && f.new === false) return false;
  return true;
}

export function evaluateGates(findings: readonly Finding[], o: GateOptions, ignores: IgnoreResult): Gate[] {
  const blocking = findings.filter((f) => blocks(f, o));
  const scope = [o.fixableOnly ? 'fixable' : '', o.newOnly ? 'new' : ''].filter(Boolean).join(', ');
  const gates: Gate[] = [
    {
      name: 'fail-on',
      passed: blocking.length === 0,
      required: o.failOn,
      actual: blocking.length,
      detail:
        blocking.length === 0
          ? `no ${scope ? `${scope} ` : ''}finding at ${o.failOn} or above`
          : `${blocking.length} ${scope ? `${scope} ` : ''}finding(s) at ${o.failOn} or above: ${blocking
              .slice(0, 5)
              .map(
                (f) =>
                  `${f.id}${f.package ? ` (${f.package}${f.installed ? ` ${f.installed}` : ''})` : f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`,
              )
              .join(', ')}${blocking.length > 5 ? ', …' : ''}`,
    },
  ];
  if (ignores.expired.length > 0) {
    gates.push({
      name: 'ignore-expiry',
      passed: false,
      required: 0,
      actual: ignores.expired.length,
      unit: ' expired ignores',
      detail: ignores.expired
        .map(
          ({ rule, matched }) =>
            `${rule.label} expired on ${rule.expires} (${rule.source}${matched > 0 ? `, ${matched} finding(s) count again` : ''})`,
        )
        .join('; '),
    });
  }
  return gates;
}
