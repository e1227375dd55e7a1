import { Type, type Static } from '@sinclair/typebox';
import { stageReportSchema } from '../../core/report/schema.js';
import { DESTRUCTIVE_KINDS } from './sql/findings.js';

/**
 * The migrate stage's report, written once: the JSON Schema (validated before every write) and
 * the TypeScript types below both come from these declarations.
 */

const File = Type.String({ minLength: 1, description: 'Path from the working directory, as the user names it.' });
const Version = Type.String({ pattern: '^\\d+(\\.\\d+)*$', description: 'Canonical version: `3`, `1.2`.' });
const Checksum = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'sha256 of the up file (line endings normalised).',
});
const Ms = Type.Number({ minimum: 0 });

export const DatabaseKindSchema = Type.Union([
  Type.Literal('postgres'),
  Type.Literal('mysql'),
  Type.Literal('sqlite'),
  Type.Literal('pglite'),
]);

export const AppliedSchema = Type.Object(
  { version: Version, name: Type.String(), file: File, durationMs: Ms },
  { additionalProperties: false },
);

export const PendingSchema = Type.Object(
  { version: Version, name: Type.String(), file: File, noTransaction: Type.Boolean(), checksum: Checksum },
  { additionalProperties: false },
);

export const HistoryEntrySchema = Type.Object(
  {
    version: Version,
    name: Type.String(),
    checksum: Checksum,
    appliedAt: Type.String(),
    durationMs: Ms,
    appliedBy: Type.String({ description: 'The run URL, or `user@host pid N` from a terminal.' }),
    kind: Type.Union([Type.Literal('applied'), Type.Literal('baseline')]),
  },
  { additionalProperties: false },
);

export const DestructiveSchema = Type.Object(
  {
    file: File,
    line: Type.Integer({ minimum: 1 }),
    kind: Type.Union(DESTRUCTIVE_KINDS.map((k) => Type.Literal(k))),
    target: Type.String({ description: 'What is affected: `users`, `users.email`; empty when unknown.' }),
    detail: Type.String(),
  },
  { additionalProperties: false },
);

export const FailureSchema = Type.Object(
  {
    version: Type.String(),
    file: Type.String(),
    line: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Line of the failing statement (or of the error in it); absent when COMMIT failed.',
      }),
    ),
    message: Type.String(),
    partial: Type.Boolean({
      description:
        'Statements of this file before the failing one ran outside a transaction, so they stayed unless undone.',
    }),
  },
  { additionalProperties: false },
);

export const InterruptedSchema = Type.Object(
  {
    version: Type.String(),
    file: Type.String(),
    startedAt: Type.String(),
    startedBy: Type.String(),
    objects: Type.Array(
      Type.Object(
        {
          kind: Type.Union([
            Type.Literal('table'),
            Type.Literal('view'),
            Type.Literal('index'),
            Type.Literal('sequence'),
            Type.Literal('column'),
          ]),
          name: Type.String(),
          change: Type.Union([Type.Literal('create'), Type.Literal('drop')]),
          exists: Type.Boolean(),
          invalid: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { description: 'What the file creates or drops, and whether each exists now.' },
    ),
    advice: Type.String(),
  },
  {
    additionalProperties: false,
    description: 'A file an earlier run started and did not finish (killed, or failed part-way outside a transaction).',
  },
);

export const LockSchema = Type.Object(
  { waitedMs: Ms, acquired: Type.Boolean(), holder: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const ToolRunSchema = Type.Object(
  {
    name: Type.String(),
    applyCommand: Type.String(),
    statusCommand: Type.Optional(Type.String()),
    statusBefore: Type.Optional(Type.String()),
    statusAfter: Type.Optional(Type.String()),
    exitCode: Type.Integer(),
    output: Type.String({ description: "The end of the apply command's output." }),
  },
  { additionalProperties: false },
);

export const MigrationsSchema = Type.Object(
  {
    database: Type.Object(
      { kind: DatabaseKindSchema, url: Type.String({ description: 'The URL with its password replaced by `***`.' }) },
      { additionalProperties: false },
    ),
    dir: Type.String(),
    tool: Type.String(),
    dryRun: Type.Boolean(),
    transaction: Type.Union([Type.Literal('all'), Type.Literal('per-file')]),
    rollback: Type.Union([
      Type.Literal('transaction'),
      Type.Literal('backup'),
      Type.Literal('down'),
      Type.Literal('none'),
    ]),
    applied: Type.Array(AppliedSchema, { description: 'Applied by this run and kept.' }),
    pending: Type.Array(PendingSchema, {
      description: 'Still pending after this run (all pending ones in a dry run).',
    }),
    history: Type.Array(HistoryEntrySchema),
    destructive: Type.Array(DestructiveSchema),
    gaps: Type.Array(Version),
    rolledBack: Type.Array(Version),
    interrupted: Type.Array(InterruptedSchema),
    failure: Type.Optional(FailureSchema),
    restored: Type.Optional(Type.String({ description: 'What the rollback strategy undid, in one line.' })),
    backupPath: Type.Optional(Type.String()),
    lock: Type.Optional(LockSchema),
    toolRun: Type.Optional(ToolRunSchema),
  },
  { additionalProperties: false },
);

export const MigrateReport = stageReportSchema('migrate', { migrations: MigrationsSchema });
export type MigrateReport = Static<typeof MigrateReport>;
export type Migrations = Static<typeof MigrationsSchema>;
export type InterruptedReport = Static<typeof InterruptedSchema>;
