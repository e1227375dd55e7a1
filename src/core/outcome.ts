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
 * A stage's part of the one PR comment. The core renders every stage alike: a row in the overview
 * table (stage, status, headline), a heading with the same form for every stage, `body` open under
 * it and `details` folded. A stage never writes its own heading or status mark.
 */
export interface CommentSection {
  /** One line: what a reviewer needs first (`lines 78.4 % (min 80 %), 412 tests, 1 failed`). Plain text. */
  headline: string;
  /** Markdown shown open: only what must be seen (failed gates, failed tests, blocked statements). */
  body?: string;
  /** Markdown folded in a `<details>` (per-file tables, plans, logs). */
  details?: string;
  /** The `<summary>` of the fold; `Details` when absent. Plain text. */
  detailsLabel?: string;
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
  /** This stage's section of the sticky PR comment (trimmed to fit if needed); absent: no section. */
  comment?: CommentSection;
  annotations: Annotation[];
  /** Human-readable result for the terminal (the CLI's default output). */
  text: string;
  /**
   * Files the stage saves for the root report action to merge (the test stage's coverage and cases),
   * beside its report: uploaded as the run's artifact in a matrix job or with `artifact: true`, written
   * into `--report-dir` by the CLI. Names are plain file names (`coverage.lcov`). The text is made on
   * demand (a 200 MB coverage set written out as lcov is not paid for by runs that save nothing), so
   * it is not in what executeStage redacts: the host redacts it when it writes the file.
   */
  artifacts?: { name: string; data: () => string }[];
}
