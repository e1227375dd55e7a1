import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { REPORT_SCHEMA_VERSION, STAGES, type StageReport } from './types.js';

/** JSON Schema of the fields every stage report has; stages may add a schema for their own keys. */
export const baseReportSchema = {
  $id: 'https://shipkit.dev/schemas/report-v1.json',
  type: 'object',
  required: [
    'schemaVersion',
    'stage',
    'status',
    'summary',
    'startedAt',
    'finishedAt',
    'durationMs',
    'run',
    'gates',
    'warnings',
  ],
  properties: {
    schemaVersion: { const: REPORT_SCHEMA_VERSION },
    stage: { enum: [...STAGES] },
    status: { enum: ['pass', 'fail', 'warn'] },
    summary: { type: 'string' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    durationMs: { type: 'number', minimum: 0 },
    run: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repository: { type: 'string' },
        runId: { type: 'string' },
        runAttempt: { type: 'string' },
        job: { type: 'string' },
        sha: { type: 'string' },
        ref: { type: 'string' },
        url: { type: 'string' },
        shard: { type: 'string' },
      },
    },
    gates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'passed', 'required', 'actual'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          passed: { type: 'boolean' },
          required: { type: ['number', 'string', 'boolean', 'null'] },
          actual: { type: ['number', 'string', 'boolean', 'null'] },
          unit: { type: 'string' },
          detail: { type: 'string' },
        },
      },
    },
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<object, ValidateFunction>();

function compiled(schema: object): ValidateFunction {
  let fn = validators.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    validators.set(schema, fn);
  }
  return fn;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}

/**
 * Throws when `report` does not match the base schema (and the stage's schema, if given).
 * A report that fails here is a shipkit bug, not a user mistake, so this throws a plain Error.
 */
export function assertValidReport(report: unknown, stageSchema?: object): asserts report is StageReport {
  const base = compiled(baseReportSchema);
  if (!base(report)) throw new Error(`stage report does not match its schema: ${describe(base.errors)}`);
  if (stageSchema) {
    const own = compiled(stageSchema);
    if (!own(report)) throw new Error(`stage report does not match its stage schema: ${describe(own.errors)}`);
  }
}
