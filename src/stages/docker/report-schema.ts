import { Type, type Static } from '@sinclair/typebox';
import { Nullable, stageReportSchema } from '../../core/report/schema.js';
import { FindingSchema } from '../scan/report-schema.js';

/**
 * The docker stage's report, written once: the JSON Schema (validated before every write) and the
 * TypeScript types below both come from these declarations.
 */

const Count = Type.Integer({ minimum: 0 });
const Digest = Type.String({ pattern: '^sha256:[a-f0-9]{64}$' });
const digest = (description: string) => Nullable(Type.String({ pattern: '^sha256:[a-f0-9]{64}$', description }));
const bytes = (description: string) => Nullable(Type.Integer({ minimum: 0, description }));

export const PlatformReportSchema = Type.Object(
  {
    platform: Type.String({ description: '`linux/amd64`, `linux/arm64/v8`.' }),
    digest: digest("This platform's manifest digest; null when the builder kept none."),
    configDigest: digest("The image config's digest (the image ID)."),
    size: bytes('Uncompressed bytes of the layers, as built; null when not measured.'),
    compressedSize: bytes(
      'Bytes a pull transfers (config and compressed layers), from the registry or an OCI archive.',
    ),
  },
  { additionalProperties: false },
);

export const ImageReportSchema = Type.Object(
  {
    build: Type.String({ description: 'The build it came from (`builds[].name`).' }),
    ref: Type.String({
      description: '`name@digest` when pushed; else the first tag, or the image ID of an untagged image.',
    }),
    tags: Type.Array(Type.String()),
    digest: digest('The digest output: see digestSource for where it comes from.'),
    digestSource: Type.Union(
      [
        Type.Literal('registry'),
        Type.Literal('pusher'),
        Type.Literal('builder'),
        Type.Literal('local'),
        Type.Literal('image-id'),
        Type.Null(),
      ],
      {
        description:
          "`registry`: the pushed manifest as the registry serves it; `pusher`: what the push printed (the registry could not be read back); `builder`: buildx's metadata file; `local`: the engine's local manifest digest; `image-id`: no manifest exists yet, so the config digest.",
      },
    ),
    imageId: Nullable(Digest),
    pushed: Type.Boolean(),
    verified: Nullable(
      Type.Boolean({
        description:
          'Pushed images: true when every pushed platform has the layers that were scanned (the same diff ids); null when not pushed or not scanned.',
      }),
    ),
    platform: Type.String({ description: 'Comma-separated platforms.' }),
    size: bytes('Uncompressed size when one platform; the largest platform otherwise.'),
    platforms: Type.Array(PlatformReportSchema),
  },
  { additionalProperties: false },
);

export const BuildReportSchema = Type.Object(
  {
    name: Type.String(),
    context: Type.String(),
    file: Type.String(),
    target: Nullable(Type.String()),
    platforms: Type.Array(Type.String()),
    version: Type.String({ description: "metadata-action's version: the highest-priority tag, '' when none." }),
    tags: Type.Array(Type.String()),
    labels: Type.Record(Type.String(), Type.String()),
    status: Type.Union([Type.Literal('built'), Type.Literal('failed'), Type.Literal('not-built')], {
      description: '`not-built`: a dry run or lint-only run, or a build skipped after an earlier step failed.',
    }),
    error: Type.Optional(Type.String({ description: "The builder's last error line." })),
    log: Type.Optional(Type.String({ description: "The end of a failed build's output." })),
    durationMs: Nullable(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const PolicyFindingReportSchema = Type.Object(
  {
    rule: Type.String(),
    file: Type.String(),
    line: Type.Integer({ minimum: 1 }),
    message: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    ignored: Type.Boolean(),
    reason: Type.Optional(Type.String({ description: 'The reason given by the shipkit-ignore comment.' })),
  },
  { additionalProperties: false },
);

const CountsSchema = Type.Object(
  { critical: Count, high: Count, medium: Count, low: Count, unknown: Count },
  { additionalProperties: false, description: 'Findings that are not ignored, by severity.' },
);

export const ScanReportPartSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('not-run')], {
      description: '`not-run`: scan is false, or nothing was built to scan.',
    }),
    failOn: Type.String(),
    counts: CountsSchema,
    ignoredCount: Count,
    trivyVersion: Nullable(Type.String()),
    images: Type.Array(Type.Object({ build: Type.String(), counts: CountsSchema }, { additionalProperties: false })),
    findings: Type.Array(FindingSchema),
  },
  { additionalProperties: false },
);

export const PushTagSchema = Type.Object(
  {
    tag: Type.String(),
    ok: Type.Boolean(),
    attempts: Count,
    digest: Type.Optional(Digest),
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const PushReportSchema = Type.Object(
  {
    status: Type.Union(
      [Type.Literal('pushed'), Type.Literal('blocked'), Type.Literal('failed'), Type.Literal('not-requested')],
      { description: '`blocked`: a gate failed before the push (policy, build or scan), so nothing was pushed.' },
    ),
    blockedBy: Type.Array(Type.String(), { description: 'The gates that blocked the push.' }),
    tags: Type.Array(PushTagSchema),
  },
  { additionalProperties: false },
);

export const DockerReport = stageReportSchema('docker', {
  mode: Type.Union([Type.Literal('build'), Type.Literal('dry-run'), Type.Literal('lint-only')]),
  builder: Nullable(
    Type.Object(
      {
        kind: Type.Union([Type.Literal('buildx'), Type.Literal('docker'), Type.Literal('podman')]),
        version: Type.String(),
        driver: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
  ),
  version: Type.String({ description: "The first build's version (metadata-action's `version` output)." }),
  tags: Type.Array(Type.String(), { description: 'Every tag of every build, in order.' }),
  labels: Type.Record(Type.String(), Type.String(), { description: "The first build's labels." }),
  builds: Type.Array(BuildReportSchema),
  images: Type.Array(ImageReportSchema),
  policy: Type.Array(PolicyFindingReportSchema),
  scan: ScanReportPartSchema,
  push: PushReportSchema,
});

export type DockerReport = Static<typeof DockerReport>;
export type ImageReport = Static<typeof ImageReportSchema>;
export type PlatformReport = Static<typeof PlatformReportSchema>;
export type BuildReport = Static<typeof BuildReportSchema>;
export type PolicyFindingReport = Static<typeof PolicyFindingReportSchema>;
export type ScanReportPart = Static<typeof ScanReportPartSchema>;
export type PushReport = Static<typeof PushReportSchema>;
export type PushTagReport = Static<typeof PushTagSchema>;
