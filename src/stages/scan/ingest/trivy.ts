import { aliasesFromReferences, normalizeId } from '../ids.js';
import type { RawFinding } from '../model.js';
import { redactSnippet } from '../redact.js';
import { severityFromWord } from '../severity.js';
import { streamJsonFile, type PathItem } from './json-stream.js';
import { isObject, layoutError, num, str, syntaxError, type Source } from './read-json.js';
import { Strings } from './strings.js';

/**
 * Trivy's JSON report (SchemaVersion 2): `Results[]`, each with a `Target`, a `Class` (os-pkgs,
 * lang-pkgs, config, secret…), a `Type` (npm, pip, alpine, dockerfile…) and its `Vulnerabilities`,
 * `Misconfigurations` and `Secrets`. Read as a stream: `Packages` and `Metadata` (most of an image
 * report) are skipped unparsed, and each finding is parsed on its own.
 */

interface PendingResult {
  target?: string;
  class?: string;
  type?: string;
  items: { kind: 'vuln' | 'misconfig' | 'secret'; value: Record<string, unknown>; line: number }[];
}

export interface TrivyReport {
  findings: RawFinding[];
  artifactName?: string;
  artifactType?: string;
  trivyVersion?: string;
}

const FINDING_ARRAYS: Record<string, 'vuln' | 'misconfig' | 'secret'> = {
  Vulnerabilities: 'vuln',
  Misconfigurations: 'misconfig',
  Secrets: 'secret',
};

/** The fields each kind of finding is read from; everything else in it is skipped unparsed. */
const FIELDS: Record<'vuln' | 'misconfig' | 'secret', ReadonlySet<string>> = {
  vuln: new Set([
    'VulnerabilityID',
    'PkgName',
    'InstalledVersion',
    'FixedVersion',
    'Severity',
    'Title',
    'PrimaryURL',
    'References',
    'VendorIDs',
  ]),
  misconfig: new Set(['ID', 'AVDID', 'Title', 'Message', 'Severity', 'Status', 'PrimaryURL', 'CauseMetadata']),
  secret: new Set(['RuleID', 'Title', 'Severity', 'StartLine', 'Match']),
};

/** Targets of lockfiles and files are paths in the scanned tree; image targets (`alpine:3.19 (alpine 3.19.1)`) are not. */
function fileOf(target: string, artifactType: string | undefined, cls: string | undefined): string | null {
  if (artifactType === 'container_image' || artifactType === 'vm' || cls === 'os-pkgs') return null;
  if (target === '' || /\s\(/.test(target)) return null;
  return target;
}

/**
 * The GitHub advisories Trivy names in `VendorIDs` (its database takes npm, pip, Go… advisories from
 * GitHub's, so a CVE there comes with its GHSA): aliases that join npm's, pnpm's and yarn's findings,
 * which name only the GHSA. Other vendor ids are not taken: a Debian DSA or an Ubuntu USN covers
 * several CVEs of a package, and as an alias it would merge them into one finding.
 */
function ghsaIds(vendorIds: unknown): string[] {
  if (!Array.isArray(vendorIds)) return [];
  const out: string[] = [];
  for (const v of vendorIds) {
    const id = typeof v === 'string' && /^GHSA-/i.test(v) ? normalizeId(v) : undefined;
    if (id?.startsWith('GHSA-') && !out.includes(id)) out.push(id);
  }
  return out;
}

function vulnerability(
  v: Record<string, unknown>,
  r: PendingResult,
  artifactType: string | undefined,
  strings: Strings,
): RawFinding | undefined {
  const id = str(v.VulnerabilityID);
  if (!id) return undefined;
  const ids = [normalizeId(id) ?? id, ...aliasesFromReferences(v.References), ...ghsaIds(v.VendorIDs)].map((x) =>
    strings.get(x)!,
  );
  const target = strings.get(r.target) ?? '';
  return {
    ids,
    severity: severityFromWord(v.Severity) ?? 'unknown',
    kind: 'vuln',
    title: strings.get(str(v.Title)) ?? ids[0],
    package: strings.get(str(v.PkgName)) ?? null,
    installed: strings.get(str(v.InstalledVersion)) ?? null,
    fixed: strings.get(str(v.FixedVersion)) ?? null,
    target,
    file: fileOf(target, artifactType, r.class),
    line: null,
    tool: 'trivy',
    url: strings.get(str(v.PrimaryURL)) ?? null,
    ...(r.type ? { ecosystem: r.type } : {}),
  };
}

function misconfiguration(m: Record<string, unknown>, r: PendingResult): RawFinding | undefined {
  // `--include-non-failures` adds PASS entries: only failures are findings.
  if (str(m.Status) && m.Status !== 'FAIL') return undefined;
  const id = str(m.ID) ?? str(m.AVDID);
  if (!id) return undefined;
  const cause = isObject(m.CauseMetadata) ? m.CauseMetadata : {};
  const target = r.target ?? '';
  const message = str(m.Message);
  return {
    ids: [id, ...(str(m.AVDID) && m.AVDID !== id ? [m.AVDID as string] : [])],
    severity: severityFromWord(m.Severity) ?? 'unknown',
    kind: 'misconfig',
    title: `${str(m.Title) ?? id}${message ? `: ${message}` : ''}`,
    package: null,
    installed: null,
    fixed: null,
    target,
    file: target || null,
    line: num(cause.StartLine) ?? null,
    tool: 'trivy',
    url: str(m.PrimaryURL) ?? null,
  };
}

function secret(s: Record<string, unknown>, r: PendingResult): RawFinding | undefined {
  const rule = str(s.RuleID);
  if (!rule) return undefined;
  const target = r.target ?? '';
  const line = num(s.StartLine) ?? null;
  // Only the match line, never the context lines around it (they may hold other secrets), and masked again.
  const match = str(s.Match) ?? '';
  return {
    ids: [rule],
    severity: severityFromWord(s.Severity) ?? 'unknown',
    kind: 'secret',
    title: str(s.Title) ?? rule,
    package: null,
    installed: null,
    fixed: null,
    target,
    file: target || null,
    line,
    tool: 'trivy',
    url: null,
    snippet: redactSnippet(match),
  };
}

export async function readTrivyReport(path: string, source: Source): Promise<TrivyReport> {
  const report: TrivyReport = { findings: [] };
  const strings = new Strings();
  let schemaVersion: unknown;
  const pending = new Map<number, PendingResult>();
  const resultOf = (i: number): PendingResult => {
    let r = pending.get(i);
    if (!r) {
      r = { items: [] };
      pending.set(i, r);
    }
    return r;
  };
  const convert = (item: PendingResult['items'][number], r: PendingResult): void => {
    const f =
      item.kind === 'vuln'
        ? vulnerability(item.value, r, report.artifactType, strings)
        : item.kind === 'misconfig'
          ? misconfiguration(item.value, r)
          : secret(item.value, r);
    if (f) report.findings.push(f);
  };
  const finish = (i: number): void => {
    const r = pending.get(i);
    pending.delete(i);
    if (!r) return;
    for (const item of r.items) convert(item, r);
  };

  let current: { array: string; index: number; fields: Record<string, unknown>; line: number } | undefined;
  try {
    await streamJsonFile(path, {
      want(p: readonly PathItem[]) {
        const d = p.length;
        if (d === 0) return 'descend';
        const k0 = p[0];
        if (d === 1)
          return k0 === 'Results'
            ? 'descend'
            : k0 === 'SchemaVersion' || k0 === 'ArtifactName' || k0 === 'ArtifactType' || k0 === 'Trivy'
              ? 'capture'
              : 'skip';
        if (k0 !== 'Results') return 'skip';
        if (d === 2) return typeof p[1] === 'number' ? 'descend' : 'skip';
        const k2 = p[2] as string;
        if (d === 3) {
          if (k2 === 'Target' || k2 === 'Class' || k2 === 'Type') return 'capture';
          return k2 in FINDING_ARRAYS ? 'descend' : 'skip';
        }
        if (!(k2 in FINDING_ARRAYS)) return 'skip';
        if (d === 4) return 'descend';
        // Only the fields a finding is made of: descriptions, CVSS tables, vendor severities and a
        // secret's context lines (`Code`) are skipped unparsed — never built, never kept.
        return d === 5 && FIELDS[FINDING_ARRAYS[k2]].has(p[4] as string) ? 'capture' : 'skip';
      },
      value(p, value, line) {
        if (p.length === 1) {
          if (p[0] === 'SchemaVersion') schemaVersion = value;
          else if (p[0] === 'ArtifactName' && typeof value === 'string') report.artifactName = value;
          else if (p[0] === 'ArtifactType' && typeof value === 'string') report.artifactType = value;
          else if (p[0] === 'Trivy' && isObject(value) && typeof value.Version === 'string')
            report.trivyVersion = value.Version;
          return;
        }
        const r = resultOf(p[1] as number);
        if (p.length === 3) {
          const text = typeof value === 'string' ? value : undefined;
          if (p[2] === 'Target') r.target = text;
          else if (p[2] === 'Class') r.class = text;
          else r.type = text;
          return;
        }
        // A field of the finding being read (path Results[i].<array>[j].<field>).
        if (current === undefined || current.index !== p[3] || current.array !== p[2]) {
          current = { array: p[2] as string, index: p[3] as number, fields: {}, line };
        }
        current.fields[p[4] as string] = value;
      },
      close(p) {
        if (p.length === 4 && p[0] === 'Results' && current !== undefined && current.index === p[3]) {
          finishItem(p[1] as number, current);
          current = undefined;
        }
        if (p.length === 2 && p[0] === 'Results') finish(p[1] as number);
      },
    });
  } catch (error) {
    throw syntaxError(error, source);
  }
  if (schemaVersion !== 2)
    throw layoutError(
      source,
      'Trivy JSON',
      schemaVersion === undefined
        ? 'no SchemaVersion (Trivy writes SchemaVersion 2 since v0.20)'
        : `SchemaVersion ${JSON.stringify(schemaVersion)}: shipkit reads SchemaVersion 2`,
    );
  return report;

  function finishItem(
    resultIndex: number,
    item: { array: string; fields: Record<string, unknown>; line: number },
  ): void {
    const r = resultOf(resultIndex);
    const entry = { kind: FINDING_ARRAYS[item.array], value: item.fields, line: item.line };
    // Trivy writes Target, Class and Type before the findings: then each is converted at once and
    // no parsed finding is kept. Only a reordered report waits for the end of its result.
    if (r.target !== undefined) convert(entry, r);
    else r.items.push(entry);
  }
}
