import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';

/** Everything the smoke stage is told, read once from action inputs or CLI flags of the same names. */
export interface SmokeOptions {
  url?: URL;
  /** Raw `checks`: a file path or inline YAML. */
  checks?: string;
  waitFor?: string;
  timeoutMs: number;
  retries?: number;
  backoffMs: number;
  concurrency: number;
  samples: number;
  thresholds?: string;
  headers: Record<string, string>;
  securityHeaders: boolean;
  tlsMinDays?: number;
  onFailure?: string;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  /** Path of a PEM file with extra CA certificates to trust. */
  ca?: string;
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
        {
          input: 'headers',
        },
      );
    }
    const value = line.slice(colon + 1).trim();
    if (value !== '') inputs.source.mask(value);
    out[name.toLowerCase()] = value;
  }
  return out;
}

export function readSmokeOptions(inputs: InputReader): SmokeOptions {
  const rawUrl = inputs.string('url');
  let url: URL | undefined;
  if (rawUrl !== undefined) {
    if (!/^https?:\/\//i.test(rawUrl) || !URL.canParse(rawUrl)) {
      throw new UserError(`${inputs.source.label('url')} must be an http(s) URL, got '${rawUrl}'`, { input: 'url' });
    }
    url = new URL(rawUrl);
  }
  const maxBodyText = inputs.string('max-body');
  const maxBodyBytes = maxBodyText === undefined ? 10 * 1024 ** 2 : parseSize(maxBodyText);
  if (maxBodyBytes === undefined || maxBodyBytes < 1) {
    throw new UserError(
      `${inputs.source.label('max-body')} must be a size such as 10MB or 512KB, got '${maxBodyText}'`,
      {
        input: 'max-body',
      },
    );
  }
  const checks = inputs.text('checks');
  const waitFor = inputs.string('wait-for');
  const retries = inputs.number('retries', { min: 0, integer: true });
  const thresholds = inputs.text('thresholds');
  const tlsMinDays = inputs.number('tls-min-days', { min: 0, integer: true });
  const onFailure = inputs.text('on-failure')?.trim();
  const ca = inputs.string('ca');
  const options: SmokeOptions = {
    ...(url ? { url } : {}),
    ...(checks !== undefined ? { checks } : {}),
    ...(waitFor !== undefined ? { waitFor } : {}),
    timeoutMs: inputs.duration('timeout') ?? 300_000,
    ...(retries !== undefined ? { retries } : {}),
    backoffMs: inputs.duration('backoff', 'ms') ?? 1000,
    concurrency: inputs.number('concurrency', { min: 1, max: 256, integer: true }) ?? 10,
    samples: inputs.number('samples', { min: 1, max: 10_000, integer: true }) ?? 1,
    ...(thresholds !== undefined ? { thresholds } : {}),
    headers: readHeaders(inputs),
    securityHeaders: inputs.bool('security-headers', false),
    ...(tlsMinDays !== undefined ? { tlsMinDays } : {}),
    ...(onFailure ? { onFailure } : {}),
    requestTimeoutMs: inputs.duration('request-timeout') ?? 10_000,
    maxBodyBytes,
    ...(ca !== undefined ? { ca } : {}),
  };
  if (!options.url && options.checks === undefined) {
    throw new UserError(`${inputs.source.label('url')} or ${inputs.source.label('checks')} is required`, {
      input: 'url',
    });
  }
  if (options.waitFor !== undefined && !options.url && !/^https?:\/\//.test(options.waitFor)) {
    throw new UserError(`${inputs.source.label('wait-for')} is a path, so ${inputs.source.label('url')} is required`, {
      input: 'wait-for',
    });
  }
  return options;
}
