import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { parseSize, readSmokeOptions } from '../../src/stages/smoke/options.js';
import { readActionYml } from '../support/action-runner.js';
import { runSmokeWith } from './support/run.js';

const read = (values: Record<string, string>) =>
  readSmokeOptions(new InputReader(mapSource(values, 'input')), os.tmpdir());

describe('smoke options', () => {
  it('has defaults for everything but the target', () => {
    expect(read({ url: 'https://app.example.test' })).toMatchObject({
      timeoutMs: 300_000,
      backoffMs: 1000,
      concurrency: 10,
      samples: 1,
      securityHeaders: false,
      requestTimeoutMs: 10_000,
      maxBodyBytes: 10 * 1024 * 1024,
      headers: {},
    });
  });

  it("reads action.yml's defaults as it reads an empty input: the fallbacks equal them", () => {
    const declared = readActionYml('smoke').inputs ?? {};
    const defaults = Object.fromEntries(
      Object.entries(declared)
        .filter(([, spec]) => spec.default !== undefined && !String(spec.default).includes('${{'))
        .map(([name, spec]) => [name, String(spec.default)]),
    );
    expect(Object.keys(defaults)).toEqual(
      expect.arrayContaining(['timeout', 'backoff', 'concurrency', 'samples', 'request-timeout', 'max-body']),
    );
    const url = 'https://app.example.test';
    expect(read({ ...defaults, url })).toEqual(read({ url }));
  });

  it('reads headers one per line without ever repeating a value in an error', () => {
    expect(read({ url: 'http://a.test', headers: 'Authorization: Bearer x:y\nX-Env:  prod ' }).headers).toEqual({
      authorization: 'Bearer x:y',
      'x-env': 'prod',
    });
    expect(() => read({ url: 'http://a.test', headers: 'Bearer-only-token-value' })).toThrow(
      "input 'headers': each line must be 'Name: value' (a line starts with 'Bearer-only-')",
    );
  });

  it('names the input for bad values', () => {
    expect(() => read({ url: 'ftp://a.test' })).toThrow("input 'url' must be an http(s) URL, got 'ftp://a.test'");
    expect(() => read({})).toThrow("input 'url' or input 'checks' is required");
    expect(() => read({ url: 'http://a.test', 'max-body': 'lots' })).toThrow("input 'max-body' must be a size");
    expect(() => read({ url: 'http://a.test', timeout: 'soon' })).toThrow("input 'timeout' must be a duration");
    expect(() => read({ url: 'http://a.test', concurrency: '0' })).toThrow(
      "input 'concurrency' must be a whole number",
    );
    expect(() => read({ checks: 'c.yml', 'wait-for': '/health' })).toThrow(
      "input 'wait-for' is a path, so input 'url' is required",
    );
  });

  it('parses sizes', () => {
    expect(parseSize('10MB')).toBe(10 * 1024 * 1024);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize('2048')).toBe(2048);
    expect(parseSize('1.5 k')).toBe(1536);
    expect(parseSize('ten')).toBeUndefined();
  });

  it('refuses a threshold for a check that does not exist, before any request', async () => {
    await expect(
      runSmokeWith({
        url: 'http://127.0.0.1:9',
        checks: 'checks:\n  - name: home\n    path: /\n',
        thresholds: "http_req_duration{check:hmoe}: ['p(95)<200']",
      }),
    ).rejects.toThrow("input 'thresholds': http_req_duration{check:hmoe} names no check (checks: home)");
  });

  it('refuses a missing check file naming it', async () => {
    await expect(runSmokeWith({ url: 'http://127.0.0.1:9', checks: 'smoke/nope.yml' })).rejects.toThrow(
      "checks file 'smoke/nope.yml' not found",
    );
  });
});
