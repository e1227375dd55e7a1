import { Type, type Static } from '@sinclair/typebox';
import { Nullable, stageReportSchema } from '../../core/report/schema.js';

/**
 * The smoke stage's report, written once: the JSON Schema (validated before every write) and the
 * TypeScript types below both come from these declarations.
 */

const Ms = Nullable(Type.Number({ minimum: 0 }));
const Count = Type.Integer({ minimum: 0 });

export const LatencySchema = Type.Object(
  { p50: Ms, p95: Ms, max: Ms },
  { additionalProperties: false, description: 'Milliseconds, to a tenth; null when no sample answered.' },
);

export const CheckReportSchema = Type.Object(
  {
    name: Type.String(),
    method: Type.String(),
    url: Type.String(),
    passed: Type.Boolean(),
    status: Nullable(
      Type.Integer({
        description:
          'Final status (after redirects) of the first failing sample, else of the last; null when none answered.',
      }),
    ),
    latency: LatencySchema,
    reason: Type.String({ description: 'What every sample met, or what the failing one missed.' }),
    samples: Count,
    failedSamples: Count,
    securityIssues: Type.Array(Type.String()),
    line: Type.Optional(Type.Integer({ minimum: 1, description: "The check's line in its check file." })),
  },
  { additionalProperties: false },
);

export const ThresholdResultSchema = Type.Object(
  {
    metric: Type.String({ description: 'As written, e.g. `http_req_duration{check:login}`.' }),
    expression: Type.String({ description: 'e.g. `p(95)<200`.' }),
    passed: Type.Boolean(),
    actual: Nullable(
      Type.Number({
        description: 'What was measured; null when there was nothing to measure (the threshold then fails closed).',
      }),
    ),
    unit: Type.String(),
    detail: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const WaitResultSchema = Type.Object(
  {
    url: Type.String(),
    healthy: Type.Boolean(),
    attempts: Count,
    durationMs: Type.Number({ minimum: 0 }),
    lastResult: Type.String({ description: 'What the last attempt saw: a status, or why no response came.' }),
  },
  { additionalProperties: false },
);

export const TlsResultSchema = Type.Object(
  {
    host: Type.String(),
    daysLeft: Nullable(
      Type.Number({
        description:
          'Days (to a tenth) until the leaf certificate expires, negative once expired; null when not measured.',
      }),
    ),
    validTo: Type.Optional(Type.String()),
    subject: Type.Optional(Type.String()),
    issuer: Type.Optional(Type.String()),
    chainValid: Type.Boolean(),
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const OnFailureResultSchema = Type.Object(
  {
    command: Type.String(),
    exitCode: Nullable(Type.Integer()),
    signal: Type.Optional(Type.String({ description: 'Set when the command was killed.' })),
    output: Type.String({ description: 'Combined stdout and stderr, the last 64 KiB.' }),
    truncated: Type.Boolean(),
    durationMs: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const SmokeReport = stageReportSchema('smoke', {
  url: Nullable(Type.String()),
  p50: Nullable(Type.Number({ minimum: 0, description: 'Median latency over every sample, in ms.' })),
  p95: Nullable(Type.Number({ minimum: 0, description: 'p95 latency over every sample, in ms.' })),
  checks: Type.Array(CheckReportSchema),
  thresholds: Type.Array(ThresholdResultSchema),
  wait: Type.Optional(WaitResultSchema),
  tls: Type.Array(TlsResultSchema),
  onFailure: Type.Optional(OnFailureResultSchema),
});

export type SmokeReport = Static<typeof SmokeReport>;
export type CheckReport = Static<typeof CheckReportSchema>;
export type LatencyStats = Static<typeof LatencySchema>;
export type ThresholdResult = Static<typeof ThresholdResultSchema>;
export type WaitResult = Static<typeof WaitResultSchema>;
export type TlsResult = Static<typeof TlsResultSchema>;
export type OnFailureResult = Static<typeof OnFailureResultSchema>;
