import { createHash } from 'node:crypto';
import { FormatRegistry, Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Hash, Value } from '@sinclair/typebox/value';
import { REPORT_CHECKS } from '../../generated/report-checks.js';
import { REPORT_SCHEMA_VERSION } from './types.js';

/**
 * Every report's schema is written once, here and in each stage's `report-schema.ts`, with TypeBox:
 * the JSON Schema (committed under schemas/, validated before every write) and the TypeScript type
 * (`Static<typeof …>`) come from the same declaration, so code and schema cannot drift apart.
 */

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('date-time'))
  FormatRegistry.Set('date-time', (v) => DATE_TIME.test(v) && !isNaN(Date.parse(v)));

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const GateValueSchema = Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]);

export const GateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Stable identifier, e.g. `min-lines`, `p(95)<200`, `approvals`.' }),
    passed: Type.Boolean(),
    required: Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()], {
      description: 'What the gate demands (the configured value).',
    }),
    actual: Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()], {
      description: 'What this run measured; null when it could not be measured (the gate then fails closed).',
    }),
    unit: Type.Optional(Type.String({ description: '`%`, `ms`, `count`…, for display.' })),
    detail: Type.Optional(Type.String({ description: 'Why it failed, or what it measured, in one line.' })),
  },
  { additionalProperties: false },
);

export const RunInfoSchema = Type.Object(
  {
    repository: Type.Optional(Type.String()),
    runId: Type.Optional(Type.String()),
    runAttempt: Type.Optional(Type.String()),
    job: Type.Optional(Type.String()),
    sha: Type.Optional(Type.String()),
    ref: Type.Optional(Type.String()),
    url: Type.Optional(Type.String({ description: 'Link to the run on GitHub.' })),
    shard: Type.Optional(Type.String({ description: 'Matrix shard label (SHIPKIT_SHARD), for merging sharded jobs.' })),
  },
  { additionalProperties: false },
);

export const StatusSchema = Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('warn')]);

/** Set when the run ended in an error instead of an outcome: the report still says what happened. */
export const RunErrorSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('usage'), Type.Literal('service'), Type.Literal('internal')], {
      description:
        "`usage`: the user's input or file (exit 2); `service`: a server unreachable or refusing; `internal`: a shipkit bug.",
    }),
    message: Type.String(),
    input: Type.Optional(Type.String()),
    file: Type.Optional(Type.String()),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    hint: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

function commonProperties<S extends TSchema>(stage: S) {
  return {
    schemaVersion: Type.Literal(REPORT_SCHEMA_VERSION, {
      description: "Bumped only if a field's meaning changes; new fields may be added at any time.",
    }),
    stage,
    status: StatusSchema,
    summary: Type.String({ description: 'One line for people.' }),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.String({ format: 'date-time' }),
    durationMs: Type.Number({ minimum: 0 }),
    run: RunInfoSchema,
    gates: Type.Array(GateSchema),
    warnings: Type.Array(Type.String()),
    error: Type.Optional(RunErrorSchema),
  };
}

/**
 * The fields every report has, whichever stage wrote it: what a reader of any report (the root report
 * action, approve's summary of earlier stages) may rely on. Unknown keys are the stages' own.
 */
export const BaseReportSchema = Type.Object(commonProperties(Type.String({ pattern: '^[a-z][a-z0-9-]*$' })), {
  $id: 'https://shipkit.dev/schemas/report.schema.json',
  title: 'shipkit stage report (common fields)',
  additionalProperties: true,
});
export type BaseReport = Static<typeof BaseReportSchema>;

/** One stage's report: the common fields plus the stage's own top-level keys, nothing else. */
export function stageReportSchema<S extends string, P extends TProperties>(stage: S, own: P) {
  return Type.Object(
    { ...commonProperties(Type.Literal(stage)), ...own },
    {
      $id: `https://shipkit.dev/schemas/${stage}-report.schema.json`,
      title: `shipkit ${stage} stage report`,
      additionalProperties: false,
    },
  );
}

export { Nullable };

/** The first few schema violations of `value`, one line each; empty when it matches. */
export function schemaViolations(schema: TSchema, value: unknown, max = 5): string[] {
  const out: string[] = [];
  for (const e of Value.Errors(schema, value)) {
    out.push(`${e.path || '/'}: ${e.message}`);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Identifies a schema as TypeCompiler sees it: its JSON and its TypeBox symbols (Kind…), which pick
 * the code generated for each node.
 */
export function schemaFingerprint(schema: TSchema): string {
  const text = JSON.stringify(schema, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const symbols = Object.getOwnPropertySymbols(value).map((s): [string, unknown] => [
      String(s),
      (value as Record<symbol, unknown>)[s],
    ]);
    return { ...value, ...Object.fromEntries(symbols) };
  });
  return createHash('sha256').update(text).digest('base64url');
}

type Check = (value: unknown) => boolean;

// What TypeCompiler.Compile passes its check: the generated code never calls `kind` (scripts/docs.ts
// refuses custom kinds), and an unknown format fails.
const noCustomKind = (): boolean => false;
const registeredFormat = (format: string, value: string): boolean => FormatRegistry.Get(format)?.(value) ?? false;

/**
 * The check scripts/docs.ts compiled ahead of time from this very schema, or undefined: compiling one
 * at run time costs each process ~7 ms and ~4.5 MB. A schema that differs from the one the check
 * was compiled from (edited since `npm run docs`, or a test's own) has a different fingerprint.
 */
export function precompiledCheck(schema: TSchema): Check | undefined {
  const entry = typeof schema.$id === 'string' ? REPORT_CHECKS[schema.$id] : undefined;
  if (!entry || entry.fingerprint !== schemaFingerprint(schema)) return undefined;
  return entry.factory(noCustomKind, registeredFormat, Hash);
}

const checks = new WeakMap<TSchema, Check>();

function compiledCheck(schema: TSchema): Check {
  const compiled = TypeCompiler.Compile(schema);
  return (value) => compiled.Check(value);
}

function checkOf(schema: TSchema): Check {
  let check = checks.get(schema);
  if (!check) checks.set(schema, (check = precompiledCheck(schema) ?? compiledCheck(schema)));
  return check;
}

/**
 * Throws when `report` does not match `schema`. A report that fails here is a shipkit bug, not a user
 * mistake, so this throws a plain Error (shown with its stack).
 */
export function assertReportMatches(schema: TSchema, report: unknown): void {
  // The compiled check says yes or no several times faster than walking the errors (a test report of
  // 20 000 files: 45 ms against 380 ms); the violations are listed only for a report that fails it.
  if (checkOf(schema)(report)) return;
  const problems = schemaViolations(schema, report);
  if (problems.length > 0)
    throw new Error(
      `the ${String((report as { stage?: unknown })?.stage)} report does not match its schema: ${problems.join('; ')}`,
    );
}
