import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ApiDescription, JsonSchema } from './spec.js';

/**
 * OpenAPI 3.0 schemas → JSON Schema for ajv, compiled lazily per (operation, status) and cached.
 *
 * Conversions, and why:
 * - `nullable: true` (not JSON Schema) becomes `anyOf: [schema, {type: 'null'}]`.
 * - `oneOf` becomes `anyOf`: in GitHub's description the alternatives overlap (e.g. two nullable
 *   branches both accept null), so a correct response can match two branches and fail `oneOf`.
 * - `$ref: '#/components/schemas/X'` points at X added to ajv under its own id; only the schemas a
 *   response actually reaches are converted.
 * Formats GitHub uses (date-time, uri, email, …) are checked; unknown keywords (`discriminator`,
 * `readOnly`, `x-*`) are ignored because ajv runs with strict mode off.
 */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly api: ApiDescription) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    this.ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    this.ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    // GitHub itself sends "" for unset URLs documented as format uri (deployment statuses' target_url,
    // log_url, environment_url), so "" is accepted; anything else must be an absolute URI.
    this.ajv.addFormat('uri', /^(?:[a-z][a-z0-9+.-]*:[^\s]*)?$/i);
    this.ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
    this.ajv.addFormat('uri-template', true);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  }

  /** Validate `value` against `schema` (an OpenAPI schema); `key` caches the compiled form. */
  validate(key: string, schema: JsonSchema, value: unknown): string[] {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(this.toJsonSchema(schema));
      this.cache.set(key, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).map(describeError);
  }

  /** Errors as raw ajv objects, for turning request-body failures into GitHub's 422 `errors`. */
  validateDetailed(key: string, schema: JsonSchema, value: unknown): ErrorObject[] {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(this.toJsonSchema(schema));
      this.cache.set(key, fn);
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  }

  private readonly added = new Set<string>();

  /**
   * Each component schema is added to ajv once under its own id, so `issue` or `simple-user` is
   * compiled once per process however many operations reach it.
   */
  private toJsonSchema(root: JsonSchema): JsonSchema {
    const pending: string[] = [];
    const converted = convertSchema(root, pending);
    while (pending.length > 0) {
      const name = pending.shift()!;
      if (this.added.has(name)) continue;
      this.added.add(name);
      const schema = this.api.schemas[name];
      if (!schema) throw new Error(`GitHub's API description has no schema ${name}`);
      this.ajv.addSchema({ ...convertSchema(schema, pending), $id: `${COMPONENT_ID}${name}` });
    }
    return converted;
  }
}

const COMPONENT_ID = 'https://github-server.test/components/';

function convertSchema(node: unknown, refs: string[]): JsonSchema {
  const convert = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(convert);
    if (typeof n !== 'object' || n === null) return n;
    const source = n as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) {
      if (key === 'nullable' || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        refs.push(name);
        out.$ref = `${COMPONENT_ID}${name}`;
      } else if (key === 'oneOf') {
        out.anyOf = convert(value);
      } else if (key === 'properties' || key === 'patternProperties') {
        out[key] = Object.fromEntries(
          Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(v)]),
        );
      } else if (key === 'description' || key === 'title' || key === 'default' || key === 'enum' || key === 'const') {
        out[key] = value;
      } else {
        out[key] = convert(value);
      }
    }
    if (source.nullable === true) return { anyOf: [out, { type: 'null' }] };
    return out;
  };
  return convert(node) as JsonSchema;
}

function describeError(e: ErrorObject): string {
  return `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`;
}
