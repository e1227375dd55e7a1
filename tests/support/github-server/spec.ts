import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * GitHub's own OpenAPI description (from @octokit/openapi), loaded once per process. Only the path
 * templates are indexed up front; an operation's parameters and schemas are resolved the first time
 * a request reaches it, so start-up costs one JSON.parse of the (non-dereferenced, 13 MB) file.
 */

export type JsonSchema = Record<string, unknown>;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface OperationSpec {
  method: string;
  template: string;
  operationId: string;
  documentationUrl: string;
  parameters: ParameterSpec[];
  /** The application/json request body schema, if the operation takes one. */
  requestBody?: { required: boolean; schema: JsonSchema };
  /** status → application/json schema (undefined: documented without a body, e.g. 204 or 304). */
  responses: Map<string, JsonSchema | undefined>;
}

interface RawSpec {
  paths: Record<string, Record<string, RawOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, ParameterSpec>;
    responses: Record<string, RawResponse>;
  };
}
interface RawOperation {
  operationId: string;
  externalDocs?: { url?: string };
  parameters?: (ParameterSpec | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, RawResponse | { $ref: string }>;
}
interface RawResponse {
  content?: Record<string, { schema?: JsonSchema }>;
}

interface Template {
  template: string;
  /** A literal segment, or null for a `{param}` segment. */
  segments: (string | null)[];
  names: (string | null)[];
  methods: Set<string>;
}

export type RouteLookup =
  | { kind: 'operation'; operation: OperationSpec; params: Record<string, string> }
  | { kind: 'wrong-method'; template: string }
  | { kind: 'unknown-path' };

const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options']);

export class ApiDescription {
  readonly schemas: Record<string, JsonSchema>;
  private readonly raw: RawSpec;
  private readonly bySegmentCount = new Map<number, Template[]>();
  private readonly operations = new Map<string, OperationSpec>();

  constructor(raw: RawSpec) {
    this.raw = raw;
    this.schemas = raw.components.schemas;
    for (const [template, item] of Object.entries(raw.paths)) {
      const parts = template.split('/').slice(1);
      const entry: Template = {
        template,
        segments: parts.map((p) => (/^\{[^}]+\}$/.test(p) ? null : p)),
        names: parts.map((p) => (/^\{[^}]+\}$/.test(p) ? p.slice(1, -1) : null)),
        methods: new Set(Object.keys(item).filter((m) => HTTP_METHODS.has(m))),
      };
      const list = this.bySegmentCount.get(parts.length) ?? [];
      list.push(entry);
      this.bySegmentCount.set(parts.length, list);
    }
    // Literal segments win over parameters, left to right (`issues/comments` before `issues/{n}`).
    for (const list of this.bySegmentCount.values()) list.sort(bySpecificity);
  }

  get pathCount(): number {
    return Object.keys(this.raw.paths).length;
  }

  lookup(method: string, pathname: string): RouteLookup {
    const parts = pathname.split('/').slice(1).map(safeDecode);
    const candidates = this.bySegmentCount.get(parts.length) ?? [];
    let sameShape: Template | undefined;
    for (const t of candidates) {
      if (!t.segments.every((s, i) => s === null || s === parts[i])) continue;
      if (t.segments.some((s, i) => s === null && parts[i] === '')) continue;
      if (t.methods.has(method.toLowerCase())) {
        const params: Record<string, string> = {};
        t.names.forEach((n, i) => {
          if (n) params[n] = parts[i] ?? '';
        });
        return { kind: 'operation', operation: this.operation(t.template, method.toLowerCase()), params };
      }
      sameShape ??= t;
    }
    // A few parameters may hold slashes (`compare/main...feature/x`): let a trailing parameter absorb the rest.
    for (let count = parts.length - 1; count > 0; count--) {
      for (const t of this.bySegmentCount.get(count) ?? []) {
        if (t.segments[count - 1] !== null || !t.methods.has(method.toLowerCase())) continue;
        if (!['basehead', 'ref', 'path', 'name'].includes(t.names[count - 1] ?? '')) continue;
        if (!t.segments.slice(0, -1).every((s, i) => s === null || s === parts[i])) continue;
        const params: Record<string, string> = {};
        t.names.forEach((n, i) => {
          if (n) params[n] = i === count - 1 ? parts.slice(i).join('/') : (parts[i] ?? '');
        });
        return { kind: 'operation', operation: this.operation(t.template, method.toLowerCase()), params };
      }
    }
    return sameShape ? { kind: 'wrong-method', template: sameShape.template } : { kind: 'unknown-path' };
  }

  /** The operation at `template` + `method`, its references resolved (memoised). */
  operation(template: string, method: string): OperationSpec {
    const key = `${method} ${template}`;
    const known = this.operations.get(key);
    if (known) return known;
    const raw = this.raw.paths[template]?.[method];
    if (!raw) throw new Error(`no operation ${key} in GitHub's API description`);
    const parameters = (raw.parameters ?? []).map((p) => this.resolveParameter(p));
    const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
    const responses = new Map<string, JsonSchema | undefined>();
    for (const [status, response] of Object.entries(raw.responses ?? {})) {
      const resolved = this.resolveResponse(response);
      responses.set(status, resolved.content?.['application/json']?.schema);
    }
    const operation: OperationSpec = {
      method: method.toUpperCase(),
      template,
      operationId: raw.operationId,
      documentationUrl: raw.externalDocs?.url ?? 'https://docs.github.com/rest',
      parameters,
      requestBody: bodySchema ? { required: raw.requestBody?.required ?? false, schema: bodySchema } : undefined,
      responses,
    };
    this.operations.set(key, operation);
    return operation;
  }

  private resolveParameter(p: ParameterSpec | { $ref: string }): ParameterSpec {
    if (!('$ref' in p)) return p;
    const found = this.raw.components.parameters[p.$ref.replace('#/components/parameters/', '')];
    if (!found) throw new Error(`unresolvable parameter ${p.$ref}`);
    return found;
  }

  private resolveResponse(r: RawResponse | { $ref: string }): RawResponse {
    if (!('$ref' in r)) return r;
    const found = this.raw.components.responses[r.$ref.replace('#/components/responses/', '')];
    if (!found) throw new Error(`unresolvable response ${r.$ref}`);
    return found;
  }
}

function bySpecificity(a: Template, b: Template): number {
  for (let i = 0; i < a.segments.length; i++) {
    const al = a.segments[i] !== null;
    const bl = b.segments[i] !== null;
    if (al !== bl) return al ? -1 : 1;
  }
  return 0;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

let loaded: { description: ApiDescription; loadMs: number } | undefined;

/** The parsed description, shared by every server in this process. */
export function apiDescription(): ApiDescription {
  return loadedDescription().description;
}

/** How long the one-time load took (ms), for start-up measurements. */
export function apiDescriptionLoadMs(): number {
  return loadedDescription().loadMs;
}

function loadedDescription(): { description: ApiDescription; loadMs: number } {
  if (!loaded) {
    const started = performance.now();
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSpec;
    loaded = { description: new ApiDescription(raw), loadMs: performance.now() - started };
  }
  return loaded;
}
