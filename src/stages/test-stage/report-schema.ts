/** JSON Schema of the test stage's own report keys: `coverage`, `tests`, `commands`. */

const metric = {
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      required: ['covered', 'total', 'pct'],
      additionalProperties: false,
      properties: {
        covered: { type: 'integer', minimum: 0 },
        total: { type: 'integer', minimum: 0 },
        pct: { type: 'number', minimum: 0, maximum: 100 },
      },
    },
  ],
} as const;

const metrics = {
  lines: metric,
  branches: metric,
  functions: metric,
  statements: metric,
} as const;

const range = {
  type: 'object',
  required: ['start', 'end'],
  additionalProperties: false,
  properties: { start: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
} as const;

const delta = { type: ['number', 'null'] } as const;

export const testReportSchema = {
  $id: 'https://shipkit.dev/schemas/report-test-v1.json',
  type: 'object',
  required: ['coverage', 'tests', 'commands'],
  properties: {
    stage: { const: 'test' },
    coverage: {
      type: 'object',
      required: ['totals', 'files', 'diff', 'baseline', 'sources', 'unmatchedPaths'],
      additionalProperties: false,
      properties: {
        totals: {
          type: 'object',
          required: ['lines', 'branches', 'functions', 'statements'],
          additionalProperties: false,
          properties: metrics,
        },
        files: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'lines', 'branches', 'functions', 'statements'],
            additionalProperties: false,
            properties: { path: { type: 'string' }, ...metrics },
          },
        },
        diff: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              required: ['covered', 'total', 'pct', 'files'],
              additionalProperties: false,
              properties: {
                covered: { type: 'integer', minimum: 0 },
                total: { type: 'integer', minimum: 0 },
                pct: { type: 'number', minimum: 0, maximum: 100 },
                files: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['path', 'covered', 'total', 'pct', 'uncovered'],
                    additionalProperties: false,
                    properties: {
                      path: { type: 'string' },
                      covered: { type: 'integer', minimum: 0 },
                      total: { type: 'integer', minimum: 0 },
                      pct: { type: 'number', minimum: 0, maximum: 100 },
                      uncovered: { type: 'array', items: range },
                    },
                  },
                },
              },
            },
          ],
        },
        /** How the changed lines were found, or why they were not. */
        diffStatus: { type: 'string' },
        baseline: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              required: ['branch', 'sha', 'createdAt', 'deltas'],
              additionalProperties: false,
              properties: {
                branch: { type: 'string' },
                sha: { type: 'string' },
                createdAt: { type: 'string' },
                deltas: {
                  oneOf: [
                    { type: 'null' },
                    {
                      type: 'object',
                      properties: { lines: delta, branches: delta, functions: delta, statements: delta },
                    },
                  ],
                },
              },
            },
          ],
        },
        baselineSaved: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              required: ['branch', 'sha'],
              properties: { branch: { type: 'string' }, sha: { type: 'string' } },
            },
          ],
        },
        sources: {
          type: 'array',
          items: {
            type: 'object',
            required: ['file', 'format'],
            properties: { file: { type: 'string' }, format: { type: 'string' } },
          },
        },
        unmatchedPaths: {
          type: 'array',
          items: {
            type: 'object',
            required: ['reported', 'guess', 'reason'],
            properties: {
              reported: { type: 'string' },
              guess: { type: 'string' },
              reason: { enum: ['not-found', 'ambiguous'] },
            },
          },
        },
      },
    },
    tests: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['total', 'passed', 'failed', 'errors', 'skipped', 'failures'],
          properties: {
            total: { type: 'integer', minimum: 0 },
            passed: { type: 'integer', minimum: 0 },
            failed: { type: 'integer', minimum: 0 },
            errors: { type: 'integer', minimum: 0 },
            skipped: { type: 'integer', minimum: 0 },
            flaky: { type: 'integer', minimum: 0 },
            sources: { type: 'array', items: { type: 'string' } },
            /** Failures beyond the first 5 000, counted but not listed. */
            failuresOmitted: { type: 'integer', minimum: 0 },
            failures: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'suite', 'status'],
                additionalProperties: false,
                properties: {
                  name: { type: 'string' },
                  suite: { type: 'array', items: { type: 'string' } },
                  status: { enum: ['failed', 'error'] },
                  classname: { type: 'string' },
                  file: { type: 'string' },
                  line: { type: 'integer' },
                  message: { type: 'string' },
                  details: { type: 'string' },
                  durationMs: { type: 'number' },
                },
              },
            },
          },
        },
      ],
    },
    commands: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'command', 'exitCode', 'durationMs'],
        additionalProperties: false,
        properties: {
          kind: { enum: ['lint', 'test'] },
          command: { type: 'string' },
          exitCode: { type: ['integer', 'null'] },
          signal: { type: 'string' },
          durationMs: { type: 'number', minimum: 0 },
        },
      },
    },
  },
} as const;
