import { isDeepStrictEqual } from 'node:util';
import type { HttpResponse } from './http-client.js';
import { lookup } from './json-path.js';
import { statusMatches, type Expectations } from './model.js';

export function headerValue(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Every expectation a response misses, each in one line. A body larger than the bound fails the
 * body expectations rather than checking a prefix: what was not read cannot be vouched for.
 * `latencyMs` is the sample's, redirects included.
 */
export function unmetExpectations(
  expect: Expectations,
  response: HttpResponse,
  maxBodyBytes: number,
  latencyMs = response.latencyMs,
): string[] {
  const problems: string[] = [];
  if (!statusMatches(expect.status, response.status)) {
    problems.push(`status ${response.status}, expected ${expect.status.text}`);
  }
  const needsBody = expect.bodyContains.length > 0 || expect.bodyMatches !== undefined || expect.json.length > 0;
  if (needsBody && response.truncated) {
    problems.push(
      `body is larger than the ${formatBytes(maxBodyBytes)} bound (max-body): body expectations not checked`,
    );
  } else if (needsBody) {
    const text = response.body.toString('utf8');
    for (const needle of expect.bodyContains) {
      if (!text.includes(needle)) problems.push(`body does not contain ${short(needle)}`);
    }
    if (expect.bodyMatches && !expect.bodyMatches.test(text)) {
      problems.push(`body does not match ${String(expect.bodyMatches)}`);
    }
    if (expect.json.length > 0) {
      let parsed: unknown;
      let parsedOk = true;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        parsedOk = false;
        problems.push(`body is not JSON (${(error as Error).message})`);
      }
      for (const j of parsedOk ? expect.json : []) {
        const found = lookup(parsed, j.segments);
        if (j.kind === 'exists') {
          if (found.found !== j.exists) problems.push(`JSON ${j.path} ${j.exists ? 'is missing' : 'exists'}`);
        } else if (!found.found) {
          problems.push(`JSON ${j.path} is missing, expected ${short(j.value)}`);
        } else if (!isDeepStrictEqual(found.value, j.value)) {
          problems.push(`JSON ${j.path} is ${short(found.value)}, expected ${short(j.value)}`);
        }
      }
    }
  }
  for (const { name, matcher } of expect.headers) {
    const actual = headerValue(response, name);
    if (actual === undefined) problems.push(`header ${name} is missing`);
    else if (matcher.kind === 'exact' && actual !== matcher.value) {
      problems.push(`header ${name} is ${short(actual)}, expected ${short(matcher.value)}`);
    } else if (matcher.kind === 'regex' && !matcher.regex.test(actual)) {
      problems.push(`header ${name} is ${short(actual)}, does not match ${matcher.text}`);
    }
  }
  if (expect.maxLatencyMs !== undefined && latencyMs > expect.maxLatencyMs) {
    problems.push(`latency ${Math.round(latencyMs)} ms over max-latency ${expect.maxLatencyMs} ms`);
  }
  return problems;
}
