import type { PolicyRuleId, Severity } from './rules.js';

/** What a rule reports, before the policy level sets its severity and ignore comments are applied. */
export interface RawFinding {
  rule: PolicyRuleId;
  /** 1-based line the finding is about (an ignore comment goes on the line before it). */
  line: number;
  /** Never holds a value that may be secret: names and positions only. */
  message: string;
}

export interface PolicyFinding extends RawFinding {
  file: string;
  severity: Severity;
  /** Skipped by a `# shipkit-ignore: <rule> <reason>` comment; it then does not fail the policy. */
  ignored: boolean;
  /** The reason the ignore comment gives. */
  reason?: string;
}
