import { Type, type Static } from '@sinclair/typebox';
import { Nullable, stageReportSchema } from '../../core/report/schema.js';

/**
 * The test stage's report, written once: the JSON Schema (validated before every write, committed under
 * schemas/) and the TypeScript type (`TestReport` below) both come from this declaration.
 */

const Count = Type.Integer({ minimum: 0 });
const Pct = Type.Number({ minimum: 0, maximum: 100 });

export const MetricValueSchema = Type.Object(
  { covered: Count, total: Count, pct: Pct },
  { additionalProperties: false },
);
const Metric = Nullable(MetricValueSchema);
const metrics = { lines: Metric, branches: Metric, functions: Metric, statements: Metric };

const MetricName = Type.Union([
  Type.Literal('lines'),
  Type.Literal('branches'),
  Type.Literal('functions'),
  Type.Literal('statements'),
]);

const Range = Type.Object(
  { start: Type.Integer({ minimum: 1 }), end: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const Delta = Nullable(Type.Number());

const DiffFile = Type.Object(
  { path: Type.String(), covered: Count, total: Count, pct: Pct, uncovered: Type.Array(Range) },
  { additionalProperties: false },
);

const Coverage = Type.Object(
  {
    totals: Type.Object(metrics, { additionalProperties: false }),
    headline: Nullable(
      Type.Object(
        {
          metric: MetricName,
          pct: Pct,
          why: Type.String({
            description:
              'Why this metric leads: `statements` for Go profiles (what `go test -cover` prints), else `lines`. `min-lines` and `max-drop` gate on it.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    files: Type.Array(Type.Object({ path: Type.String(), ...metrics }, { additionalProperties: false })),
    diff: Nullable(
      Type.Object(
        { covered: Count, total: Count, pct: Pct, files: Type.Array(DiffFile) },
        { additionalProperties: false },
      ),
    ),
    diffStatus: Type.String({ description: 'How the changed lines were found, or why they were not.' }),
    baseline: Nullable(
      Type.Object(
        {
          branch: Type.String(),
          sha: Type.String(),
          createdAt: Type.String(),
          deltas: Nullable(
            Type.Object(
              { lines: Delta, branches: Delta, functions: Delta, statements: Delta },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    baselineStatus: Type.Union([Type.Literal('found'), Type.Literal('none-yet'), Type.Literal('not-applicable')], {
      description: '`none-yet`: the base branch has no saved baseline (a push to it records one).',
    }),
    baselineSaved: Nullable(
      Type.Object({ branch: Type.String(), sha: Type.String() }, { additionalProperties: false }),
    ),
    sources: Type.Array(Type.Object({ file: Type.String(), format: Type.String() }, { additionalProperties: false })),
    unmatchedPaths: Type.Array(
      Type.Object(
        {
          reported: Type.String(),
          guess: Type.String(),
          reason: Type.Union([Type.Literal('not-found'), Type.Literal('ambiguous')]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const CaseStatus = Type.Union([Type.Literal('failed'), Type.Literal('error')]);

const Failure = Type.Object(
  {
    name: Type.String(),
    suite: Type.Array(Type.String()),
    status: CaseStatus,
    classname: Type.Optional(Type.String()),
    file: Type.Optional(Type.String()),
    line: Type.Optional(Type.Integer()),
    message: Type.Optional(Type.String()),
    details: Type.Optional(Type.String()),
    durationMs: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);

const Flaky = Type.Object(
  {
    name: Type.String(),
    suite: Type.Array(Type.String()),
    classname: Type.Optional(Type.String()),
    file: Type.Optional(Type.String()),
    reruns: Type.Integer({ minimum: 1, description: 'Failed attempts before the one that passed.' }),
  },
  { additionalProperties: false },
);

const Tests = Type.Object(
  {
    total: Count,
    passed: Count,
    failed: Count,
    errors: Count,
    skipped: Count,
    flaky: Type.Integer({ minimum: 0, description: 'Cases that passed only on a rerun (counted in `passed`).' }),
    sources: Type.Array(Type.String()),
    failures: Type.Array(Failure),
    failuresOmitted: Type.Integer({
      minimum: 0,
      description: 'Failures beyond the first 5 000, counted but not listed.',
    }),
    flakyCases: Type.Array(Flaky),
  },
  { additionalProperties: false },
);

const Command = Type.Object(
  {
    kind: Type.Union([Type.Literal('lint'), Type.Literal('test')]),
    command: Type.String(),
    exitCode: Nullable(Type.Integer()),
    signal: Type.Optional(Type.String()),
    durationMs: Type.Number({ minimum: 0 }),
    pipesLeftOpen: Type.Optional(
      Type.Boolean({
        description:
          'A background process the command started still held its output open when it exited; shipkit stopped reading.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TestReport = stageReportSchema('test', {
  coverage: Coverage,
  tests: Nullable(Tests),
  commands: Type.Array(Command),
});
export type TestReport = Static<typeof TestReport>;

/** The test stage's own top-level keys (what the run builds; the common fields come from the core). */
export type TestReportData = Pick<TestReport, 'coverage' | 'tests' | 'commands'>;
