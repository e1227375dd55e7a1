import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import { GATE_SEVERITIES, type GateSeverity } from './model.js';
import { DB_REPOSITORIES, TRIVY_VERSION } from './trivy/defaults.js';

/** Trivy's scanners this stage runs. */
export const SCANNERS = ['vuln', 'secret', 'misconfig'] as const;
export type Scanner = (typeof SCANNERS)[number];

/** The package managers' audits the stage can run itself. */
export const AUDITS = ['npm', 'pnpm', 'yarn', 'osv-scanner'] as const;
export type AuditTool = (typeof AUDITS)[number];

/** Defaults, equal to scan/action.yml's (a test holds them equal). */
export const DEFAULTS = {
  target: '.',
  scanners: 'vuln,secret,misconfig',
  'fail-on': 'high',
  'ignore-file': '.shipkit/scan-ignore.yml',
  'trivy-version': TRIVY_VERSION,
  'db-repository': DB_REPOSITORIES.join(','),
} as const;

/** Everything the scan stage is told, read once from action inputs or CLI flags of the same names. */
export interface ScanOptions {
  /** Directory scanned by Trivy `fs`/`config` and the audits, relative to the working directory. */
  target: string;
  /** An image to scan with Trivy `image`: a name, a tarball, an OCI layout directory or a registry reference. */
  image?: string;
  /** Trivy's scanners; empty: Trivy does not run. */
  scanners: Scanner[];
  audits: AuditTool[];
  /** Reports that already exist (Trivy JSON, SARIF, audit JSON), relative to the working directory. */
  reports: string[];
  failOn: GateSeverity;
  fixableOnly: boolean;
  newOnly: boolean;
  ignoreFile: string;
  /** The user named ignore-file: then it must exist. */
  ignoreFileExplicit: boolean;
  /** Where to write SARIF, if anywhere. */
  sarif?: string;
  uploadSarif: boolean;
  trivyVersion: string;
  trivyPath?: string;
  dbRepositories: string[];
  skipDbUpdate: boolean;
  /** Base URL of Trivy's release downloads (a mirror); default GitHub's releases. */
  trivyDownloadUrl?: string;
  /** Plain HTTP and unverified TLS for registries (a local mirror). */
  insecure: boolean;
}

function readEnum<T extends string>(
  inputs: InputReader,
  name: string,
  allowed: readonly T[],
  fallback: string,
  none = false,
): T[] {
  const raw = inputs.list(name);
  const values = raw.length > 0 ? raw : fallback.split(',').filter(Boolean);
  if (none && values.length === 1 && values[0] === 'none') return [];
  const out: T[] = [];
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v))
      throw new UserError(
        `${inputs.source.label(name)} must be a list of ${allowed.join(', ')}${none ? ' (or none)' : ''}, got '${v}'`,
        { input: name },
      );
    if (!out.includes(v as T)) out.push(v as T);
  }
  return out;
}

export function readScanOptions(inputs: InputReader): ScanOptions {
  const image = inputs.string('image');
  const sarif = inputs.string('sarif');
  const trivyPath = inputs.string('trivy-path');
  const ignoreFile = inputs.string('ignore-file');
  const version = inputs.string('trivy-version') ?? DEFAULTS['trivy-version'];
  if (!/^v?\d+\.\d+\.\d+$/.test(version))
    throw new UserError(`${inputs.source.label('trivy-version')} must be a version such as 0.74.0, got '${version}'`, {
      input: 'trivy-version',
    });
  const uploadSarif = inputs.bool('upload-sarif', false);
  const downloadUrl = inputs.string('trivy-download-url');
  const options: ScanOptions = {
    target: inputs.string('target') ?? DEFAULTS.target,
    ...(image !== undefined ? { image } : {}),
    scanners: readEnum(inputs, 'scanners', SCANNERS, DEFAULTS.scanners, true),
    audits: readEnum(inputs, 'audit', AUDITS, ''),
    reports: inputs.list('reports'),
    failOn: inputs.oneOf('fail-on', GATE_SEVERITIES, DEFAULTS['fail-on']),
    fixableOnly: inputs.bool('fixable-only', false),
    newOnly: inputs.bool('new-only', false),
    ignoreFile: ignoreFile ?? DEFAULTS['ignore-file'],
    ignoreFileExplicit: ignoreFile !== undefined && ignoreFile !== DEFAULTS['ignore-file'],
    ...(sarif !== undefined ? { sarif } : {}),
    uploadSarif,
    trivyVersion: version.replace(/^v/, ''),
    ...(trivyPath !== undefined ? { trivyPath } : {}),
    dbRepositories:
      inputs.list('db-repository').length > 0 ? inputs.list('db-repository') : DEFAULTS['db-repository'].split(','),
    skipDbUpdate: inputs.bool('skip-db-update', false),
    ...(downloadUrl !== undefined ? { trivyDownloadUrl: downloadUrl } : {}),
    insecure: inputs.bool('insecure', false),
  };
  if (options.scanners.length === 0 && options.audits.length === 0 && options.reports.length === 0 && !options.image)
    throw new UserError(
      `nothing to scan: ${inputs.source.label('scanners')} is none and no ${inputs.source.label('audit')}, ${inputs.source.label('reports')} or ${inputs.source.label('image')} is given`,
      { input: 'scanners' },
    );
  if (options.image && options.scanners.length === 0)
    throw new UserError(
      `${inputs.source.label('image')} is set, so ${inputs.source.label('scanners')} cannot be none`,
      {
        input: 'scanners',
      },
    );
  return options;
}
