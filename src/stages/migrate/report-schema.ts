import { DESTRUCTIVE_KINDS } from './sql/analyze.js';

const file = { type: 'string', minLength: 1 } as const;
const version = { type: 'string', pattern: '^\\d+(\\.\\d+)*$' } as const;

/** JSON Schema of the migrate stage's own report key, `migrations` (docs/report.md). */
export const migrateReportSchema = {
  $id: 'https://shipkit.dev/schemas/report-migrate-v1.json',
  type: 'object',
  required: ['migrations'],
  properties: {
    migrations: {
      type: 'object',
      required: [
        'database',
        'dir',
        'tool',
        'dryRun',
        'transaction',
        'rollback',
        'applied',
        'pending',
        'history',
        'destructive',
        'gaps',
        'rolledBack',
      ],
      additionalProperties: false,
      properties: {
        database: {
          type: 'object',
          required: ['kind', 'url'],
          additionalProperties: false,
          properties: { kind: { enum: ['postgres', 'mysql', 'sqlite', 'pglite'] }, url: { type: 'string' } },
        },
        dir: { type: 'string' },
        tool: { type: 'string' },
        dryRun: { type: 'boolean' },
        transaction: { enum: ['all', 'per-file'] },
        rollback: { enum: ['transaction', 'backup', 'down', 'none'] },
        applied: {
          type: 'array',
          items: {
            type: 'object',
            required: ['version', 'name', 'file', 'durationMs'],
            additionalProperties: false,
            properties: { version, name: { type: 'string' }, file, durationMs: { type: 'number', minimum: 0 } },
          },
        },
        pending: {
          type: 'array',
          items: {
            type: 'object',
            required: ['version', 'name', 'file', 'noTransaction', 'checksum'],
            additionalProperties: false,
            properties: {
              version,
              name: { type: 'string' },
              file,
              noTransaction: { type: 'boolean' },
              checksum: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            },
          },
        },
        history: {
          type: 'array',
          items: {
            type: 'object',
            required: ['version', 'name', 'checksum', 'appliedAt', 'durationMs', 'appliedBy', 'kind'],
            additionalProperties: false,
            properties: {
              version,
              name: { type: 'string' },
              checksum: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              appliedAt: { type: 'string' },
              durationMs: { type: 'number', minimum: 0 },
              appliedBy: { type: 'string' },
              kind: { enum: ['applied', 'baseline'] },
            },
          },
        },
        destructive: {
          type: 'array',
          items: {
            type: 'object',
            required: ['file', 'line', 'kind', 'target', 'detail'],
            additionalProperties: false,
            properties: {
              file,
              line: { type: 'integer', minimum: 1 },
              kind: { enum: [...DESTRUCTIVE_KINDS] },
              target: { type: 'string' },
              detail: { type: 'string' },
            },
          },
        },
        gaps: { type: 'array', items: version },
        rolledBack: { type: 'array', items: version },
        failure: {
          type: 'object',
          required: ['version', 'file', 'message'],
          additionalProperties: false,
          properties: {
            version: { type: 'string' },
            file: { type: 'string' },
            line: { type: 'integer' },
            message: { type: 'string' },
          },
        },
        restored: { type: 'string' },
        backupPath: { type: 'string' },
        lock: {
          type: 'object',
          required: ['waitedMs', 'acquired'],
          additionalProperties: false,
          properties: {
            waitedMs: { type: 'number', minimum: 0 },
            acquired: { type: 'boolean' },
            holder: { type: 'string' },
          },
        },
        toolRun: {
          type: 'object',
          required: ['name', 'applyCommand', 'exitCode', 'output'],
          additionalProperties: false,
          properties: {
            name: { type: 'string' },
            applyCommand: { type: 'string' },
            statusCommand: { type: 'string' },
            statusBefore: { type: 'string' },
            statusAfter: { type: 'string' },
            exitCode: { type: 'integer' },
            output: { type: 'string' },
          },
        },
      },
    },
  },
} as const;
