/** A status expectation: exact codes and whole classes (`2xx`). */
export interface StatusExpectation {
  codes: number[];
  /** Hundreds digit of each accepted class, e.g. 2 for `2xx`. */
  classes: number[];
  /** As the user wrote it, for messages. */
  text: string;
}

export type HeaderMatcher = { kind: 'exact'; value: string } | { kind: 'regex'; regex: RegExp; text: string };

export type JsonExpectation =
  | { path: string; segments: (string | number)[]; kind: 'exists'; exists: boolean }
  | { path: string; segments: (string | number)[]; kind: 'equals'; value: unknown };

export interface Expectations {
  status: StatusExpectation;
  bodyContains: string[];
  bodyMatches?: RegExp;
  json: JsonExpectation[];
  headers: { name: string; matcher: HeaderMatcher }[];
  /** Every sample must answer within this many milliseconds. */
  maxLatencyMs?: number;
}

export interface SmokeCheck {
  name: string;
  method: string;
  /** Absolute URL (a `path` is resolved against the base `url`). */
  url: URL;
  headers: Record<string, string>;
  body?: string;
  followRedirects: boolean;
  /** Per-request timeout for this check, overriding `request-timeout`. */
  timeoutMs?: number;
  expect: Expectations;
  /** 1-based line of the check in its file, for annotations. */
  line?: number;
}

export const DEFAULT_STATUS: StatusExpectation = { codes: [], classes: [2], text: '2xx' };

export function statusMatches(expect: StatusExpectation, status: number): boolean {
  return expect.codes.includes(status) || expect.classes.includes(Math.floor(status / 100));
}
