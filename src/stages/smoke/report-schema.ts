/** JSON Schema of the smoke stage's own report keys (the base keys are in src/core/report/schema.ts). */
const latency = {
  type: 'object',
  required: ['p50', 'p95', 'max'],
  additionalProperties: false,
  properties: {
    p50: { type: ['number', 'null'] },
    p95: { type: ['number', 'null'] },
    max: { type: ['number', 'null'] },
  },
};

export const smokeReportSchema = {
  $id: 'https://shipkit.dev/schemas/report-smoke-v1.json',
  type: 'object',
  required: ['url', 'checks', 'thresholds', 'tls', 'p95'],
  properties: {
    stage: { const: 'smoke' },
    url: { type: ['string', 'null'] },
    p95: { type: ['number', 'null'], description: 'p95 latency over every sample, in ms' },
    checks: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'name',
          'method',
          'url',
          'passed',
          'status',
          'latency',
          'reason',
          'samples',
          'failedSamples',
          'securityIssues',
        ],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          method: { type: 'string' },
          url: { type: 'string' },
          passed: { type: 'boolean' },
          status: { type: ['integer', 'null'] },
          latency,
          reason: { type: 'string' },
          samples: { type: 'integer', minimum: 0 },
          failedSamples: { type: 'integer', minimum: 0 },
          securityIssues: { type: 'array', items: { type: 'string' } },
          line: { type: 'integer', minimum: 1 },
        },
      },
    },
    thresholds: {
      type: 'array',
      items: {
        type: 'object',
        required: ['metric', 'expression', 'passed', 'actual', 'unit'],
        additionalProperties: false,
        properties: {
          metric: { type: 'string' },
          expression: { type: 'string' },
          passed: { type: 'boolean' },
          actual: { type: ['number', 'null'] },
          unit: { type: 'string' },
          detail: { type: 'string' },
        },
      },
    },
    wait: {
      type: 'object',
      required: ['url', 'healthy', 'attempts', 'durationMs', 'lastResult'],
      additionalProperties: false,
      properties: {
        url: { type: 'string' },
        healthy: { type: 'boolean' },
        attempts: { type: 'integer', minimum: 0 },
        durationMs: { type: 'number', minimum: 0 },
        lastResult: { type: 'string' },
      },
    },
    tls: {
      type: 'array',
      items: {
        type: 'object',
        required: ['host', 'daysLeft', 'chainValid'],
        additionalProperties: false,
        properties: {
          host: { type: 'string' },
          daysLeft: { type: ['number', 'null'] },
          validTo: { type: 'string' },
          subject: { type: 'string' },
          issuer: { type: 'string' },
          chainValid: { type: 'boolean' },
          error: { type: 'string' },
        },
      },
    },
    onFailure: {
      type: 'object',
      required: ['command', 'exitCode', 'output', 'truncated', 'durationMs'],
      additionalProperties: false,
      properties: {
        command: { type: 'string' },
        exitCode: { type: ['integer', 'null'] },
        signal: { type: 'string' },
        output: { type: 'string' },
        truncated: { type: 'boolean' },
        durationMs: { type: 'number', minimum: 0 },
      },
    },
  },
} as const;
