import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import { urlCredentialForms } from '../../core/redact.js';
import type { InputReader } from '../../core/inputs.js';
import { parseChecks } from './checks-file.js';
import { DEFAULT_STATUS, type SmokeCheck } from './model.js';
import { parseThresholds, type Threshold } from './thresholds.js';

/**
 * Everything the smoke stage is told, read once from action inputs or CLI flags of the same names,
 * with the files they name already read and validated: a typo is a usage error before the first
 * request, never a failed deploy.
 */
export interface SmokeOptions {
  url?: URL;
  checks: SmokeCheck[];
  /** The check file as the user named it; undefined for inline YAML or the default check. */
  checksFile?: string;
  /** Resolved against `url` when it is a path. */
  waitFor?: URL;
  timeoutMs: number;
  retries?: number;
  backoffMs: number;
  concurrency: number;
  samples: number;
  thresholds: Threshold[];
  headers: Record<string, string>;
  securityHeaders: boolean;
  tlsMinDays?: number;
  onFailure?: string;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  /** Extra CA certificates to trust (PEM text of the `ca` file). */
  ca?: string[];
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
};

export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = SIZE_UNITS[m[2].toLowerCase()];
  return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit);
}

/** Header names whose values in a check file are credentials, masked like the `headers` input's. */
const CREDENTIAL_HEADER = /authorization|cookie|token|secret|api[-_]?key|password|session/i;

/** `Name: value` per line. Every value is registered as a secret: tokens often travel in headers. */
function readHeaders(inputs: InputReader): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of inputs.lines('headers')) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      // The value is not repeated: it may be a secret.
      throw new UserError(
        `${inputs.source.label('headers')}: each line must be 'Name: value' (a line starts with '${line.slice(0, Math.min(colon > 0 ? colon : 12, 12))}')`,
        { input: 'headers' },
      );
    }
    const value = line.slice(colon + 1).trim();
    if (value !== '') inputs.source.mask(value);
    out[name.toLowerCase()] = value;
  }
  return out;
}

function readUrl(inputs: InputReader): URL | undefined {
  const raw = inputs.string('url');
  if (raw === undefined) return undefined;
  if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw)) {
    throw new UserError(`${inputs.source.label('url')} must be an http(s) URL, got '${raw}'`, { input: 'url' });
  }
  const url = new URL(raw);
  // Credentials in the URL (https://user:password@host, or https://token@host) are a secret like a
  // `headers` value: as the URL parser re-encodes them and as written.
  for (const form of urlCredentialForms(url.password || url.username)) inputs.source.mask(form);
  return url;
}

function readMaxBody(inputs: InputReader): number {
  const text = inputs.string('max-body') ?? '10MB';
  const bytes = parseSize(text);
  if (bytes === undefined || bytes < 1) {
    throw new UserError(`${inputs.source.label('max-body')} must be a size such as 10MB or 512KB, got '${text}'`, {
      input: 'max-body',
    });
  }
  return bytes;
}

/** With no check file, the base URL itself must answer 2xx. */
function defaultCheck(url: URL): SmokeCheck {
  return {
    name: 'url',
    method: 'GET',
    url,
    headers: {},
    followRedirects: true,
    expect: { status: DEFAULT_STATUS, bodyContains: [], json: [], headers: [] },
  };
}

/** `checks` is inline YAML when it spans lines or starts like a check file; otherwise a file path. */
export function loadChecks(
  raw: string | undefined,
  url: URL | undefined,
  cwd: string,
): { checks: SmokeCheck[]; file?: string } {
  if (raw === undefined) return { checks: [defaultCheck(url!)] };
  if (/\n/.test(raw.trim()) || /^\s*checks\s*:/.test(raw)) return { checks: parseChecks({ text: raw }, url) };
  const file = raw.trim();
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) throw new UserError(`checks file '${file}' not found (looked in ${cwd})`, { input: 'checks' });
  return { checks: parseChecks({ text: readFileSync(full, 'utf8'), file }, url), file };
}

/** `thresholds` is inline YAML, or (one line ending in .yml/.yaml) a file holding it. */
function loadThresholds(raw: string | undefined, cwd: string): Threshold[] {
  if (raw === undefined || !/^[^\n:]+\.ya?ml$/.test(raw.trim())) return parseThresholds(raw);
  const file = raw.trim();
  const full = path.resolve(cwd, file);
  if (!existsSync(full))
    throw new UserError(`thresholds file '${file}' not found (looked in ${cwd})`, { input: 'thresholds' });
  try {
    return parseThresholds(readFileSync(full, 'utf8'));
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError(error.message.replace("input 'thresholds'", file), { ...error.location, file });
    }
    throw error;
  }
}

function loadCa(file: string | undefined, cwd: string): string[] | undefined {
  if (file === undefined) return undefined;
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) throw new UserError(`CA file '${file}' not found (looked in ${cwd})`, { input: 'ca' });
  return [readFileSync(full, 'utf8')];
}

/**
 * The one options reader shared by the action and `shipkit smoke`; files are resolved from `cwd`.
 * Fallbacks equal action.yml's defaults (tests/smoke/options.test.ts holds them equal).
 */
export function readSmokeOptions(inputs: InputReader, cwd: string): SmokeOptions {
  const label = (name: string): string => inputs.source.label(name);
  const url = readUrl(inputs);
  const checksText = inputs.text('checks');
  const waitFor = inputs.string('wait-for');
  if (!url && checksText === undefined) {
    throw new UserError(`${label('url')} or ${label('checks')} is required`, { input: 'url' });
  }
  if (waitFor !== undefined && !url && !/^https?:\/\//.test(waitFor)) {
    throw new UserError(`${label('wait-for')} is a path, so ${label('url')} is required`, { input: 'wait-for' });
  }
  if (waitFor !== undefined && !URL.canParse(waitFor, url?.href)) {
    throw new UserError(`${label('wait-for')} must be a path or an http(s) URL, got '${waitFor}'`, {
      input: 'wait-for',
    });
  }
  const headers = readHeaders(inputs);
  const retries = inputs.number('retries', { min: 0, integer: true });
  const tlsMinDays = inputs.number('tls-min-days', { min: 0, integer: true });
  const onFailure = inputs.text('on-failure')?.trim();
  const options: Omit<SmokeOptions, 'checks' | 'thresholds'> = {
    ...(url ? { url } : {}),
    ...(waitFor !== undefined ? { waitFor: new URL(waitFor, url) } : {}),
    timeoutMs: inputs.duration('timeout') ?? 300_000,
    ...(retries !== undefined ? { retries } : {}),
    backoffMs: inputs.duration('backoff', 'ms') ?? 1000,
    concurrency: inputs.number('concurrency', { min: 1, max: 256, integer: true }) ?? 10,
    samples: inputs.number('samples', { min: 1, max: 10_000, integer: true }) ?? 1,
    headers,
    securityHeaders: inputs.bool('security-headers', false),
    ...(tlsMinDays !== undefined ? { tlsMinDays } : {}),
    ...(onFailure ? { onFailure } : {}),
    requestTimeoutMs: inputs.duration('request-timeout') ?? 10_000,
    maxBodyBytes: readMaxBody(inputs),
  };

  // The files last, once every plain value is known to be right.
  const loaded = loadChecks(checksText, url, cwd);
  for (const check of loaded.checks) {
    for (const [name, value] of Object.entries(check.headers)) {
      if (CREDENTIAL_HEADER.test(name) && value.trim() !== '') inputs.source.mask(value.trim());
    }
  }
  const thresholds = loadThresholds(inputs.text('thresholds'), cwd);
  const names = new Set(loaded.checks.map((c) => c.name));
  for (const t of thresholds) {
    if (t.check !== undefined && !names.has(t.check)) {
      throw new UserError(`input 'thresholds': ${t.metricKey} names no check (checks: ${[...names].join(', ')})`, {
        input: 'thresholds',
      });
    }
  }
  const ca = loadCa(inputs.string('ca'), cwd);
  return {
    ...options,
    checks: loaded.checks,
    ...(loaded.file !== undefined ? { checksFile: loaded.file } : {}),
    thresholds,
    ...(ca ? { ca } : {}),
  };
}
