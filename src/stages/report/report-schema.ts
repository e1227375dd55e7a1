import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StatusSchema, stageReportSchema } from '../../core/report/schema.js';
import { TestReport } from '../test-stage/report-schema.js';

/**
 * The root report action's report, written once (TypeBox): every stage's row, and the test stage's
 * shards merged (`coverage` and `tests` in the test report's own shape).
 */

const StageRow = Type.Object(
  {
    stage: Type.String(),
    title: Type.String(),
    status: StatusSchema,
    headline: Type.String({
      description: "The stage's one-line summary (for merged test shards: the merged headline).",
    }),
    shard: Nullable(Type.String()),
    job: Nullable(Type.String()),
    url: Nullable(Type.String()),
    merged: Type.Integer({
      minimum: 0,
      description: 'Shard reports merged into this row (0: a report shown as it is).',
    }),
  },
  { additionalProperties: false },
);

const CheckRun = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String(),
    conclusion: Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('neutral')]),
    annotations: Type.Integer({ minimum: 0, description: 'Annotations sent (50 per request).' }),
    annotationsWithoutFile: Type.Integer({
      minimum: 0,
      description: 'Annotations with no file, which the Checks API cannot place (they are in the summary).',
    }),
  },
  { additionalProperties: false },
);

export const ReportReport = stageReportSchema('report', {
  stages: Type.Array(StageRow),
  coverage: Nullable(TestReport.properties.coverage),
  tests: TestReport.properties.tests,
  shards: Type.Array(Nullable(Type.String()), { description: 'Labels (SHIPKIT_SHARD) of the test shards merged.' }),
  checkRun: Nullable(CheckRun),
  notification: Type.Union([
    Type.Literal('sent'),
    Type.Literal('skipped'),
    Type.Literal('failed'),
    Type.Literal('off'),
  ]),
  badge: Nullable(Type.String({ description: 'The coverage badge SVG written, if any.' })),
});
export type ReportReport = Static<typeof ReportReport>;
export type StageRow = Static<typeof StageRow>;
