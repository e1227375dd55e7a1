import { open } from 'node:fs/promises';

/** Every format the scan stage reads, and what it calls them in messages. */
export const FORMATS = {
  trivy: 'Trivy JSON',
  sarif: 'SARIF',
  'npm-audit': 'npm audit JSON (npm 7 or later)',
  'npm-audit-v6': 'npm 6 audit JSON',
  'pnpm-audit': 'pnpm audit JSON',
  'yarn-audit': 'yarn (berry) npm audit JSON',
  'yarn-classic-audit': 'yarn 1 audit JSON',
  'osv-scanner': 'osv-scanner JSON',
} as const;
export type FindingsFormat = keyof typeof FORMATS;

/** Formats the stage reads. The others are recognised so that an error can name them. */
export const READABLE: readonly FindingsFormat[] = [
  'trivy',
  'sarif',
  'npm-audit',
  'npm-audit-v6',
  'pnpm-audit',
  'yarn-audit',
  'osv-scanner',
];

/** What a file looks like, from its first bytes: a findings format, or the name of some other format. */
export type Sniffed = { format: FindingsFormat } | { other: string };

const HEAD_BYTES = 64 * 1024;

export async function readHead(file: string, bytes = HEAD_BYTES): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

const key = (name: string) => new RegExp(`"${name.replace(/[$]/g, '\\$&')}"\\s*:`);

/**
 * Recognises a report by the keys its tool writes first. Reports are recognised, not trusted: each
 * parser still checks what it reads.
 */
export function sniff(head: string): Sniffed {
  const text = head.trimStart();
  if (text === '') return { other: 'an empty file' };
  if (text.startsWith('<')) {
    if (/<testsuites?[\s>]/.test(text)) return { other: 'JUnit XML' };
    if (/<coverage[\s>]/.test(text)) return { other: 'Cobertura XML' };
    if (/<report[\s>]/.test(text)) return { other: 'JaCoCo XML' };
    return { other: 'XML' };
  }
  if (/^(TN|SF):/m.test(text.slice(0, 200))) return { other: 'lcov' };
  if (/^mode: (set|count|atomic)/.test(text)) return { other: 'a Go coverage profile' };
  if (text.startsWith('{"value":') && /"children"\s*:\s*\{\s*"ID"/.test(text)) return { format: 'yarn-audit' };
  if (text.startsWith('{"type":') && /"type"\s*:\s*"audit(Advisory|Summary)"/.test(text))
    return { format: 'yarn-classic-audit' };
  if (!text.startsWith('{') && !text.startsWith('[')) return { other: 'text that is not JSON' };
  if (key('SchemaVersion').test(text) && (key('Results').test(text) || key('ArtifactName').test(text)))
    return { format: 'trivy' };
  if (key('runs').test(text) && (/sarif/i.test(text.slice(0, 2000)) || /"version"\s*:\s*"2\.1\.0"/.test(text)))
    return { format: 'sarif' };
  if (key('auditReportVersion').test(text)) return { format: 'npm-audit' };
  if (key('advisories').test(text) && key('actions').test(text)) {
    // npm 6 and pnpm share this layout; pnpm writes no `runId` and paths like `.>minimist`.
    return /"runId"\s*:/.test(text) ? { format: 'npm-audit-v6' } : { format: 'pnpm-audit' };
  }
  if (key('results').test(text) && (key('packages').test(text) || key('source').test(text)))
    return { format: 'osv-scanner' };
  if (key('bomFormat').test(text)) return { other: 'a CycloneDX SBOM' };
  if (key('spdxVersion').test(text)) return { other: 'an SPDX SBOM' };
  if (key('dependencies').test(text) && key('vulns').test(text)) return { other: 'pip-audit JSON' };
  if (key('config').test(text) && /"protocol_version"|"scanner_name"\s*:\s*"govulncheck"/.test(text))
    return { other: 'govulncheck JSON' };
  if (key('coverage').test(text) || key('numTotalTests').test(text)) return { other: 'a test or coverage report' };
  return { other: 'JSON of an unknown layout' };
}

export function describeSniffed(s: Sniffed): string {
  return 'format' in s ? FORMATS[s.format] : s.other;
}
