import semver from 'semver';
import { idFromUrl, normalizeId } from '../ids.js';
import type { RawFinding } from '../model.js';
import { packageOfNode } from '../lockfiles.js';
import { severityFromScore, severityFromWord } from '../severity.js';
import { isObject, layoutError, num, str, type Source } from './read-json.js';

/**
 * npm 7+ `npm audit --json` (auditReportVersion 2): `vulnerabilities` keyed by package, each with
 * `via` — advisories (objects: source id, GHSA url, severity, cvss, vulnerable `range`) or names of
 * the vulnerable packages it depends on (strings: those are reported under their own key) — and the
 * `nodes` (node_modules paths) it is installed at. The report states no installed version, so
 * versions come from the lockfile, each node checked against each advisory's range.
 */

/**
 * The first version that leaves a vulnerable range, when the range says so: `<4.17.21` → 4.17.21,
 * `>=1.0.0 <1.2.6` → 1.2.6. Undefined for `<=x` (no fixed release is named) or when the installed
 * version is in no part of the range.
 */
export function fixedFromRange(range: string, installed: string | null): string | undefined {
  for (const part of range.split('||')) {
    const p = part.trim();
    if (installed && semver.valid(installed) && !semver.satisfies(installed, p, { includePrerelease: true })) continue;
    const m = /<\s*(v?\d[^\s]*)\s*$/.exec(p);
    if (m && !/<=/.test(p)) return m[1].replace(/^v/, '');
  }
  return undefined;
}

export interface NpmAuditOptions {
  /** Installed versions by node path, from package-lock.json; empty when there is none. */
  versions: Map<string, string>;
  /** The lockfile the findings are in (`package-lock.json`, or `app/package-lock.json` in a subdirectory). */
  target: string;
}

export function parseNpmAudit(doc: unknown, source: Source, options: NpmAuditOptions): RawFinding[] {
  if (!isObject(doc)) throw layoutError(source, 'npm audit JSON', 'the document is not an object');
  if (isObject(doc.error)) {
    // npm writes its own failures as JSON too (ENOLOCK, an unreachable registry).
    const e = doc.error;
    throw layoutError(source, 'npm audit JSON', `npm failed: ${str(e.code) ?? ''} ${str(e.summary) ?? ''}`.trim());
  }
  if (doc.auditReportVersion !== 2 || !isObject(doc.vulnerabilities))
    throw layoutError(
      source,
      'npm audit JSON',
      'no `auditReportVersion: 2` with `vulnerabilities` (npm 7 or later writes them)',
    );
  const out: RawFinding[] = [];
  for (const [name, entry] of Object.entries(doc.vulnerabilities)) {
    if (!isObject(entry) || !Array.isArray(entry.via)) continue;
    const nodes = Array.isArray(entry.nodes) ? entry.nodes.filter((n): n is string => typeof n === 'string') : [];
    const installedVersions = [
      ...new Set(nodes.filter((n) => packageOfNode(n) === name).flatMap((n) => options.versions.get(n) ?? [])),
    ];
    for (const via of entry.via) {
      if (!isObject(via)) continue; // a package name: its own entry reports it
      const url = str(via.url);
      const ids = [
        url ? idFromUrl(url) : undefined,
        typeof via.source === 'number' ? `NPM-${via.source}` : undefined,
      ].filter((i): i is string => i !== undefined);
      if (ids.length === 0) continue;
      const cvss = isObject(via.cvss) ? num(via.cvss.score) : undefined;
      const severity = severityFromWord(via.severity) ?? severityFromScore(cvss) ?? 'unknown';
      const range = str(via.range) ?? '';
      // One finding per installed version the advisory's range covers; unknown versions (no lockfile) once.
      const versions = installedVersions.filter(
        (v) => range === '' || !semver.valid(v) || semver.satisfies(v, range, { includePrerelease: true }),
      );
      for (const installed of versions.length > 0 ? versions : [null]) {
        out.push({
          ids,
          severity,
          kind: 'vuln',
          title: str(via.title) ?? ids[0],
          package: str(via.name) ?? name,
          installed,
          fixed: fixedFromRange(range, installed) ?? null,
          target: options.target,
          file: options.target,
          line: null,
          tool: 'npm-audit',
          url: url ?? null,
          ecosystem: 'npm',
        });
      }
    }
  }
  return out;
}

/**
 * The `advisories` layout: `pnpm audit --json` (and npm 6's `npm audit --json`): each advisory with
 * its CVEs, GHSA id, `patched_versions` and the installed versions it was found at.
 */
export function parseAdvisoriesAudit(
  doc: unknown,
  source: Source,
  options: { target: string; tool: string; format: string },
): RawFinding[] {
  if (!isObject(doc) || !isObject(doc.advisories)) throw layoutError(source, options.format, 'no `advisories` object');
  const out: RawFinding[] = [];
  for (const advisory of Object.values(doc.advisories)) {
    if (!isObject(advisory)) continue;
    const url = str(advisory.url);
    const ids = [
      ...(Array.isArray(advisory.cves)
        ? advisory.cves.flatMap((c) => (typeof c === 'string' ? (normalizeId(c) ?? []) : []))
        : []),
      ...(str(advisory.github_advisory_id) ? [normalizeId(advisory.github_advisory_id as string) ?? []].flat() : []),
      ...(url ? [idFromUrl(url) ?? []].flat() : []),
      ...(typeof advisory.id === 'number' ? [`NPM-${advisory.id}`] : []),
    ];
    if (ids.length === 0) continue;
    const cvss = isObject(advisory.cvss) ? num(advisory.cvss.score) : undefined;
    const patched = str(advisory.patched_versions);
    const fixed =
      patched && /^>=\s*\S+$/.test(patched)
        ? patched.replace(/^>=\s*/, '')
        : patched === '<0.0.0'
          ? undefined
          : patched;
    const findings = Array.isArray(advisory.findings) ? advisory.findings.filter(isObject) : [];
    const versions = [...new Set(findings.flatMap((f) => str(f.version) ?? []))];
    for (const installed of versions.length > 0 ? versions : [null]) {
      out.push({
        ids,
        severity: severityFromWord(advisory.severity) ?? severityFromScore(cvss) ?? 'unknown',
        kind: 'vuln',
        title: str(advisory.title) ?? ids[0],
        package: str(advisory.module_name) ?? null,
        installed,
        fixed: fixed ?? null,
        target: options.target,
        file: options.target,
        line: null,
        tool: options.tool,
        url: url ?? null,
        ecosystem: 'npm',
      });
    }
  }
  return out;
}

/**
 * yarn berry's `yarn npm audit --json`: one JSON object per line,
 * `{"value": package, "children": {ID, Issue, URL, Severity, "Vulnerable Versions", "Tree Versions"}}`.
 */
export function parseYarnBerryAudit(text: string, source: Source, options: { target: string }): RawFinding[] {
  const out: RawFinding[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (error) {
      throw layoutError(
        source,
        'yarn npm audit JSON',
        `line is not JSON (${(error as Error).message.replace(/, ".*" is not valid JSON$/s, '')})`,
        i + 1,
      );
    }
    if (!isObject(doc) || !isObject(doc.children) || typeof doc.value !== 'string')
      throw layoutError(source, 'yarn npm audit JSON', 'each line must be {"value": package, "children": {…}}', i + 1);
    const c = doc.children;
    const url = str(c.URL);
    const ids = [url ? idFromUrl(url) : undefined, typeof c.ID === 'number' ? `NPM-${c.ID}` : str(c.ID)].filter(
      (x): x is string => x !== undefined,
    );
    if (ids.length === 0) continue;
    const range = str(c['Vulnerable Versions']) ?? '';
    const tree = Array.isArray(c['Tree Versions'])
      ? c['Tree Versions'].filter((v): v is string => typeof v === 'string')
      : [];
    for (const installed of tree.length > 0 ? tree : [null]) {
      out.push({
        ids,
        severity: severityFromWord(c.Severity) ?? 'unknown',
        kind: 'vuln',
        title: str(c.Issue) ?? ids[0],
        package: doc.value,
        installed,
        fixed: fixedFromRange(range, installed) ?? null,
        target: options.target,
        file: options.target,
        line: null,
        tool: 'yarn-audit',
        url: url ?? null,
        ecosystem: 'npm',
      });
    }
  }
  return out;
}
