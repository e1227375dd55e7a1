import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UserError } from '../../core/errors.js';
import { parseDuration } from '../../core/inputs.js';
import { checksFileSchema } from './checks-schema.js';
import { parseJsonPath } from './json-path.js';
import {
  DEFAULT_STATUS,
  type HeaderMatcher,
  type JsonExpectation,
  type SmokeCheck,
  type StatusExpectation,
} from './model.js';

/** Where the check text came from, so errors point at it: a file, or the `checks` input itself. */
export interface ChecksSource {
  text: string;
  /** Path as the user wrote it; undefined for inline YAML in the input. */
  file?: string;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validate = ajv.compile(checksFileSchema);

interface RawCheck {
  name: string;
  method?: string;
  path?: string;
  url?: string;
  headers?: Record<string, string | number | boolean>;
  body?: string;
  json?: unknown;
  'follow-redirects'?: boolean;
  timeout?: number | string;
  expect?: {
    status?: number | string | (number | string)[];
    'body-contains'?: string | string[];
    'body-matches'?: string;
    json?: Record<string, unknown>;
    headers?: Record<string, string>;
    'max-latency'?: number | string;
  };
}

type PathSegment = string | number;

/** Fails with the file, the 1-based line and the field (as a dotted path such as checks[2].expect.status). */
class Locator {
  constructor(
    private readonly source: ChecksSource,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  lineOf(path: PathSegment[], key?: string): number | undefined {
    const node = this.doc.getIn(path, true);
    let target: unknown = node;
    if (key !== undefined && isMap(node)) {
      target = node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key ?? node;
    }
    if (path.length === 0 && !isNode(target)) target = this.doc.contents;
    if (isNode(target) && (target as Node).range) return this.lines.linePos((target as Node).range![0]).line;
    return undefined;
  }

  fail(path: PathSegment[], message: string, key?: string): never {
    const field = fieldName(key === undefined ? path : [...path, key]);
    const line = this.lineOf(path, key);
    const where = this.source.file === undefined && line !== undefined ? `line ${line}: ` : '';
    throw new UserError(`${where}${field ? `${field}: ` : ''}${message}`, {
      input: 'checks',
      ...(this.source.file !== undefined ? { file: this.source.file } : {}),
      ...(line !== undefined ? { line } : {}),
    });
  }
}

export function fieldName(path: PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function segmentsOf(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** One readable message per schema error; union types say what they accept instead of listing branches. */
function describeError(error: ErrorObject): { message: string; key?: string } {
  const parent = error.parentSchema as { description?: string } | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return { message: 'is not a known field', key };
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      return { message: `'${key}' is required` };
    }
    case 'anyOf':
      return { message: `must be ${parent?.description ?? 'one of the allowed forms'}` };
    case 'enum':
      return { message: `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` };
    case 'pattern':
      return { message: `${error.message ?? 'is invalid'}${parent?.description ? ` (${parent.description})` : ''}` };
    default:
      return { message: error.message ?? 'is invalid' };
  }
}

/** The error to show: the deepest one, and at equal depth a union's summary over its branches' details. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject): number => segmentsOf(e.instancePath).length;
  const maxDepth = Math.max(...errors.map(depth));
  const deepest = errors.filter((e) => depth(e) === maxDepth);
  // ajv reports an outer union after its inner branches: the last one describes the whole field.
  return deepest.findLast((e) => e.keyword === 'anyOf') ?? deepest[0];
}

function parseStatus(value: NonNullable<NonNullable<RawCheck['expect']>['status']>): StatusExpectation {
  const items = Array.isArray(value) ? value : [value];
  const codes: number[] = [];
  const classes: number[] = [];
  for (const item of items) {
    const text = String(item);
    if (/^[1-5]xx$/.test(text)) classes.push(Number(text[0]));
    else codes.push(Number(text));
  }
  return { codes, classes, text: items.map(String).join(', ') };
}

function compileRegex(text: string, fail: (message: string) => never): RegExp {
  const slashed = /^\/(.*)\/([dgimsuy]*)$/s.exec(text);
  try {
    return slashed ? new RegExp(slashed[1], slashed[2].replace('g', '')) : new RegExp(text);
  } catch (error) {
    return fail(`is not a valid regular expression: ${(error as Error).message}`);
  }
}

function headerMatcher(text: string, fail: (message: string) => never): HeaderMatcher {
  if (/^\/.*\/[dgimsuy]*$/s.test(text) && text.length >= 2)
    return { kind: 'regex', regex: compileRegex(text, fail), text };
  return { kind: 'exact', value: text };
}

function durationMs(value: number | string, fail: (message: string) => never): number {
  if (typeof value === 'number') return value;
  return parseDuration(value, 'ms') ?? fail('must be a duration such as 250ms or 2s');
}

function isExistsObject(value: unknown): value is { exists: boolean } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { exists?: unknown }).exists === 'boolean'
  );
}

/** Parses and validates a check file. Every refusal names the line and the field. */
export function parseChecks(source: ChecksSource, baseUrl: URL | undefined): SmokeCheck[] {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const located = new Locator(source, doc, lines);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    throw new UserError(
      `${source.file === undefined ? `line ${line}: ` : ''}not valid YAML: ${yamlError.message.split('\n')[0]}`,
      { input: 'checks', ...(source.file !== undefined ? { file: source.file } : {}), line },
    );
  }
  const data: unknown = doc.toJS();
  if (!validate(data)) {
    const error = pickError(validate.errors ?? []);
    const { message, key } = describeError(error);
    located.fail(segmentsOf(error.instancePath), message, key);
  }
  const raw = (data as { checks: RawCheck[] }).checks;
  const seen = new Map<string, number>();
  return raw.map((check, index): SmokeCheck => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['checks', index, ...rest];
    const failAt =
      (path: PathSegment[], key?: string) =>
      (message: string): never =>
        located.fail(path, message, key);
    if (seen.has(check.name)) {
      located.fail(at('name'), `'${check.name}' is already the name of checks[${seen.get(check.name)}]`);
    }
    seen.set(check.name, index);
    if ((check.path === undefined) === (check.url === undefined)) {
      located.fail(at(), "needs exactly one of 'path' or 'url'");
    }
    if (check.body !== undefined && check.json !== undefined) located.fail(at(), "has both 'body' and 'json': use one");
    let url: URL;
    if (check.url !== undefined) {
      url = URL.canParse(check.url) ? new URL(check.url) : failAt(at('url'))('is not a valid URL');
    } else {
      const base = baseUrl ?? located.fail(at('path'), "is relative, so the 'url' input (base URL) is required");
      // Paths append to the base URL's own path (https://host/app + /health = https://host/app/health).
      url = new URL(check.path!.replace(/^\//, ''), base.href.endsWith('/') ? base : new URL(`${base.href}/`));
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(check.headers ?? {})) headers[name.toLowerCase()] = String(value);
    let body = check.body;
    if (check.json !== undefined) {
      body = JSON.stringify(check.json);
      headers['content-type'] ??= 'application/json';
    }
    const expect = check.expect ?? {};
    const contains = expect['body-contains'];
    const json: JsonExpectation[] = Object.entries(expect.json ?? {}).map(([path, value]) => {
      const segments =
        parseJsonPath(path) ?? failAt(at('expect', 'json'), path)('is not a JSON path such as $.data.items[0].id');
      return isExistsObject(value)
        ? { path, segments, kind: 'exists', exists: value.exists }
        : { path, segments, kind: 'equals', value };
    });
    return {
      name: check.name,
      method: check.method ?? (body !== undefined ? 'POST' : 'GET'),
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      followRedirects: check['follow-redirects'] ?? true,
      ...(check.timeout !== undefined ? { timeoutMs: durationMs(check.timeout, failAt(at('timeout'))) } : {}),
      expect: {
        status: expect.status !== undefined ? parseStatus(expect.status) : DEFAULT_STATUS,
        bodyContains: contains === undefined ? [] : Array.isArray(contains) ? contains : [contains],
        ...(expect['body-matches'] !== undefined
          ? { bodyMatches: compileRegex(expect['body-matches'], failAt(at('expect', 'body-matches'))) }
          : {}),
        json,
        headers: Object.entries(expect.headers ?? {}).map(([name, text]) => ({
          name: name.toLowerCase(),
          matcher: headerMatcher(text, failAt(at('expect', 'headers', name))),
        })),
        ...(expect['max-latency'] !== undefined
          ? { maxLatencyMs: durationMs(expect['max-latency'], failAt(at('expect', 'max-latency'))) }
          : {}),
      },
      ...(located.lineOf(at()) !== undefined ? { line: located.lineOf(at())! } : {}),
    };
  });
}
