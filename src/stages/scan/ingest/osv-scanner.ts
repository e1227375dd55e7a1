import path from 'node:path';
import semver from 'semver';
import { normalizeId } from '../ids.js';
import type { RawFinding, Severity } from '../model.js';
import { worst } from '../model.js';
import { severityFromScore, severityFromWord } from '../severity.js';
import { isObject, layoutError, str, type Source } from './read-json.js';

/**
 * osv-scanner's `--format json`: `results[]` per scanned lockfile (`source.path`), each package with
 * the OSV records that affect it and `groups` — osv-scanner's own merge of records that are aliases
 * of one another (a PYSEC and a GHSA of one CVE), with `max_severity`, the highest CVSS base score
 * among them. A group is one finding.
 */

function versionKey(v: string): semver.SemVer | null {
  return semver.coerce(v, { loose: true });
}

/** The lowest `fixed` event above the installed version, among the records' ranges for this package. */
function fixedVersion(records: Record<string, unknown>[], pkg: string, installed: string | null): string | null {
  const fixes: string[] = [];
  for (const r of records) {
    for (const a of Array.isArray(r.affected) ? r.affected.filter(isObject) : []) {
      const name = isObject(a.package) ? str(a.package.name) : undefined;
      if (name && name.toLowerCase() !== pkg.toLowerCase()) continue;
      for (const range of Array.isArray(a.ranges) ? a.ranges.filter(isObject) : []) {
        for (const e of Array.isArray(range.events) ? range.events.filter(isObject) : []) {
          const fixed = str(e.fixed);
          if (fixed) fixes.push(fixed);
        }
      }
    }
  }
  if (fixes.length === 0) return null;
  const have = installed ? versionKey(installed) : null;
  const above = fixes
    .map((f) => ({ f, k: versionKey(f) }))
    .filter((x) => x.k !== null && (have === null || semver.gt(x.k, have)))
    .sort((a, b) => semver.compare(a.k!, b.k!));
  return above[0]?.f ?? fixes[0];
}

export function parseOsvScanner(doc: unknown, source: Source, options: { root: string }): RawFinding[] {
  if (!isObject(doc) || !Array.isArray(doc.results))
    throw layoutError(source, 'osv-scanner JSON', 'no `results` array');
  const out: RawFinding[] = [];
  for (const result of doc.results.filter(isObject)) {
    const src = isObject(result.source) ? str(result.source.path) : undefined;
    const target = src ? path.relative(options.root, path.resolve(options.root, src)).split(path.sep).join('/') : '';
    for (const p of Array.isArray(result.packages) ? result.packages.filter(isObject) : []) {
      const info = isObject(p.package) ? p.package : {};
      const name = str(info.name);
      if (!name) continue;
      const installed = str(info.version) ?? null;
      const ecosystem = (str(info.ecosystem) ?? '').toLowerCase();
      const records = Array.isArray(p.vulnerabilities) ? p.vulnerabilities.filter(isObject) : [];
      const byId = new Map<string, Record<string, unknown>>(records.map((r) => [str(r.id) ?? '', r] as const));
      const groups = Array.isArray(p.groups) ? p.groups.filter(isObject) : [];
      // Without groups (older versions), each record is its own group.
      const effective = groups.length > 0 ? groups : records.map((r) => ({ ids: [r.id], aliases: r.aliases }));
      for (const g of effective) {
        const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
        const ids = [...list(g.ids), ...list(g.aliases)].flatMap((i) =>
          typeof i === 'string' ? (normalizeId(i) ?? []) : [],
        );
        if (ids.length === 0) continue;
        const members = [...new Set(ids.map((i) => byId.get(i)))].filter(
          (r): r is Record<string, unknown> => r !== undefined,
        );
        // The advisory's own word (GitHub's severity in database_specific) wins; else the highest CVSS score.
        let word: Severity | undefined;
        for (const r of members) {
          const w = isObject(r.database_specific) ? severityFromWord(r.database_specific.severity) : undefined;
          if (w && w !== 'unknown') word = word ? worst(word, w) : w;
        }
        const severity = word ?? severityFromScore((g as Record<string, unknown>).max_severity);
        const first = members[0];
        out.push({
          ids,
          severity: severity ?? 'unknown',
          kind: 'vuln',
          title: (first && (str(first.summary) ?? str(first.details)?.split('\n')[0])) ?? ids[0],
          package: name,
          installed,
          fixed: fixedVersion(members, name, installed),
          target,
          file: target || null,
          line: null,
          tool: 'osv-scanner',
          url: `https://osv.dev/vulnerability/${ids[0]}`,
          ecosystem,
        });
      }
    }
  }
  return out;
}
