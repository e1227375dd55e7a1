// Written by hand: the types of report-checks.js beside it, which scripts/docs.ts generates.

/** A report schema's check, compiled ahead of time by scripts/docs.ts. */
export interface PrecompiledReportCheck {
  /** schemaFingerprint() of the schema the check was compiled from. */
  readonly fingerprint: string;
  /** Makes the check from the functions TypeCompiler.Compile passes its generated code. */
  readonly factory: (
    kind: (kind: string, instance: number, value: unknown) => boolean,
    format: (format: string, value: string) => boolean,
    hash: (value: unknown) => bigint,
  ) => (value: unknown) => boolean;
}

/** Keyed by the schema's $id. */
export declare const REPORT_CHECKS: Readonly<Record<string, PrecompiledReportCheck | undefined>>;
