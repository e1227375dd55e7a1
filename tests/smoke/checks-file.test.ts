import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseChecks } from '../../src/stages/smoke/checks-file.js';
import { checksFileSchema } from '../../src/stages/smoke/checks-schema.js';

const base = new URL('https://app.example.test/prefix');

function refusal(text: string, file: string | null = 'smoke/checks.yml'): UserError {
  try {
    parseChecks({ text, ...(file !== null ? { file } : {}) }, base);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('check file', () => {
  it('parses every field into a check', () => {
    const [home, login] = parseChecks(
      {
        text: `checks:
  - name: home
    path: /
    expect:
      status: [200, 3xx]
      body-contains: Welcome
      body-matches: '<title>.*</title>'
      headers:
        content-type: /^text\\/html/i
        x-app: shop
      max-latency: 250ms
  - name: login
    method: POST
    url: https://auth.example.test/login
    headers: { x-trace: 1 }
    json: { user: smoke }
    follow-redirects: false
    timeout: 2s
    expect:
      status: 201
      json:
        $.token: { exists: true }
        user.name: smoke
        items[0]: 1
`,
      },
      base,
    );
    expect(home.url.href).toBe('https://app.example.test/prefix/');
    expect(home.method).toBe('GET');
    expect(home.expect.status).toEqual({ codes: [200], classes: [3], text: '200, 3xx' });
    expect(home.expect.bodyContains).toEqual(['Welcome']);
    expect(home.expect.headers[0].matcher).toMatchObject({ kind: 'regex' });
    expect(home.expect.headers[1].matcher).toEqual({ kind: 'exact', value: 'shop' });
    expect(home.expect.maxLatencyMs).toBe(250);
    expect(home.line).toBe(2);
    expect(login).toMatchObject({
      method: 'POST',
      body: '{"user":"smoke"}',
      headers: { 'x-trace': '1', 'content-type': 'application/json' },
      followRedirects: false,
      timeoutMs: 2000,
    });
    expect(login.expect.json.map((j) => [j.path, j.kind, j.segments])).toEqual([
      ['$.token', 'exists', ['token']],
      ['user.name', 'equals', ['user', 'name']],
      ['items[0]', 'equals', ['items', 0]],
    ]);
  });

  it('refuses an unknown field with its line and its path', () => {
    const e = refusal('checks:\n  - name: a\n    path: /\n    expect:\n      stauts: 200\n');
    expect(e.location).toMatchObject({ file: 'smoke/checks.yml', line: 5, input: 'checks' });
    // The field path names a part of the file, not the input: the input is said too.
    expect(e.describe()).toBe("smoke/checks.yml:5: checks[0].expect.stauts: is not a known field (input 'checks')");
  });

  it('refuses a bad status naming the allowed forms', () => {
    const e = refusal('checks:\n  - name: a\n    path: /\n  - name: b\n    path: /b\n    expect: { status: 2x }\n');
    expect(e.location.line).toBe(6);
    expect(e.message).toBe(
      'checks[1].expect.status: must be a status code, a class such as 2xx, or a list of them (default 2xx)',
    );
  });

  it('refuses wrong types, missing fields, duplicates, bad regexes and bad YAML with the line', () => {
    expect(refusal('checks:\n  - name: a\n    path: /\n    method: FETCH\n').describe()).toBe(
      "smoke/checks.yml:4: checks[0].method: must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS (input 'checks')",
    );
    expect(refusal('checks:\n  - path: /\n').describe()).toBe(
      "smoke/checks.yml:2: checks[0]: 'name' is required (input 'checks')",
    );
    expect(refusal('checks:\n  - name: a\n').describe()).toBe(
      "smoke/checks.yml:2: checks[0]: needs exactly one of 'path' or 'url' (input 'checks')",
    );
    expect(refusal('checks:\n  - name: a\n    path: /\n  - name: a\n    path: /b\n').describe()).toBe(
      "smoke/checks.yml:4: checks[1].name: 'a' is already the name of checks[0] (input 'checks')",
    );
    expect(
      refusal("checks:\n  - name: a\n    path: /\n    expect:\n      body-matches: '(unclosed'\n").describe(),
    ).toMatch(/^smoke\/checks.yml:5: checks\[0\]\.expect\.body-matches: is not a valid regular expression/);
    expect(refusal('checks:\n  - name: a\n    path: /\n    expect:\n      max-latency: soon\n').location.line).toBe(5);
    expect(refusal('checks:\n  - name: a\n   path: [\n').describe()).toMatch(/^smoke\/checks.yml:\d: not valid YAML/);
  });

  it('names the line inside the input for inline YAML', () => {
    const e = refusal('checks:\n  - name: a\n    path: health\n', null);
    expect(e.message).toMatch(/^line 3: checks\[0\]\.path: must match pattern/);
    expect(e.location).toEqual({ input: 'checks', line: 3 });
  });

  it('is published as smoke/checks.schema.json, identical to what the loader validates with', () => {
    const published = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../smoke/checks.schema.json'), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(checksFileSchema)));
  });
});
