import type { StageReport } from './report/types.js';

/** A part of the job summary. When the summary would pass GitHub's 1 MiB limit, parts are trimmed by priority. */
export interface SummarySection {
  /** Markdown, complete in itself (its own heading, table…). */
  markdown: string;
  /** 0 = never dropped (totals, gates); higher numbers are dropped first (per-file tables, logs). */
  priority: number;
  /** Shown in the "trimmed" note when this section is dropped. */
  label?: string;
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  /** Repository-relative path. */
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/**
 * What a stage run produces. Domain code builds it; the action entry publishes it (outputs, job
 * summary, sticky comment section, annotations, report file) and the CLI prints it.
 */
export interface StageOutcome {
  report: StageReport;
  /** Action outputs other than `report` (which the publisher sets to the report file's path). */
  outputs: Record<string, string | number | boolean | null>;
  summary: SummarySection[];
  /** Compact markdown for this stage's section of the sticky PR comment (it is trimmed to fit if needed). */
  comment: string;
  annotations: Annotation[];
  /** Human-readable result for the terminal (the CLI's default output). */
  text: string;
}
