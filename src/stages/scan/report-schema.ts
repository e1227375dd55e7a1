import { Type, type Static } from '@sinclair/typebox';
import { Nullable, stageReportSchema } from '../../core/report/schema.js';

const Severity = Type.Union(
  [
    Type.Literal('critical'),
    Type.Literal('high'),
    Type.Literal('medium'),
    Type.Literal('low'),
    Type.Literal('unknown'),
  ],
  { description: 'From the advisory; CVSS v3 bands when only a score is given (scan/README.md).' },
);

export const FindingSchema = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      description: 'A CVE when the advisory has one, else a GHSA, else the tool’s id or rule.',
    }),
    aliases: Type.Array(Type.String(), { description: 'Other ids of the same advisory (GHSA, CVE, OSV ids).' }),
    severity: Severity,
    kind: Type.Union([Type.Literal('vuln'), Type.Literal('secret'), Type.Literal('misconfig')]),
    title: Type.String(),
    package: Nullable(Type.String()),
    installed: Nullable(Type.String()),
    fixed: Nullable(
      Type.String({ description: 'The first version without the vulnerability; null when none is known.' }),
    ),
    target: Type.String({ description: 'The lockfile, image or file the finding is in.' }),
    file: Nullable(Type.String({ description: 'Repository-relative file the finding is annotated on.' })),
    line: Nullable(Type.Integer({ minimum: 1 })),
    tools: Type.Array(Type.String(), { minItems: 1, description: 'Every tool that reported it.' }),
    url: Nullable(Type.String()),
    snippet: Type.Optional(Type.String({ description: 'Secrets: the line with the secret masked. Never the secret.' })),
    ignored: Type.Optional(
      Type.Object(
        {
          reason: Type.String(),
          source: Type.String({ description: '`file:line` of the ignore entry.' }),
          expires: Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
        },
        { additionalProperties: false },
      ),
    ),
    new: Type.Optional(
      Type.Boolean({ description: 'Set when a baseline was compared: the base branch does not have it.' }),
    ),
  },
  { additionalProperties: false },
);

const Counts = Type.Object(
  {
    critical: Type.Integer({ minimum: 0 }),
    high: Type.Integer({ minimum: 0 }),
    medium: Type.Integer({ minimum: 0 }),
    low: Type.Integer({ minimum: 0 }),
    unknown: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false, description: 'Findings that are not ignored, by severity.' },
);

const Source = Type.Object(
  {
    tool: Type.String(),
    kind: Type.Union([Type.Literal('trivy'), Type.Literal('audit'), Type.Literal('report')]),
    file: Nullable(Type.String({ description: 'The report read (as the user named it); null for a tool’s output.' })),
    format: Type.String(),
    findings: Type.Integer({ minimum: 0, description: 'Findings read from it, before merging.' }),
    version: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ScanReport = stageReportSchema('scan', {
  findings: Type.Array(FindingSchema),
  counts: Counts,
  ignoredCount: Type.Integer({ minimum: 0 }),
  sources: Type.Array(Source, { description: 'Every tool run and report read.' }),
  baseline: Type.Object(
    {
      status: Type.Union([Type.Literal('compared'), Type.Literal('missing'), Type.Literal('not-requested')]),
      branch: Nullable(Type.String()),
      sha: Nullable(Type.String()),
      newCount: Nullable(Type.Integer({ minimum: 0 })),
      saved: Type.Boolean({ description: 'This run saved the findings as the baseline of its branch.' }),
    },
    { additionalProperties: false },
  ),
  sarif: Nullable(
    Type.Object(
      {
        file: Type.String(),
        runs: Type.Integer({ minimum: 0 }),
        results: Type.Integer({ minimum: 0 }),
        dropped: Type.Integer({ minimum: 0, description: 'Results left out to stay within GitHub’s limits.' }),
        uploaded: Type.Boolean(),
        sarifId: Nullable(Type.String({ description: 'The id GitHub gave the upload.' })),
      },
      { additionalProperties: false },
    ),
  ),
});
export type ScanReport = Static<typeof ScanReport>;
export type FindingReport = Static<typeof FindingSchema>;
