import type { StageContext } from '../core/context.js';
import type { InputReader } from '../core/inputs.js';
import type { StageOutcome } from '../core/outcome.js';

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** May be given more than once; the values reach the stage joined by newlines, like a multi-line input. */
  multiple?: boolean;
  short?: string;
  /** Shown in `shipkit <command> --help`, e.g. `FILE…  coverage report(s)`. */
  description: string;
}

/**
 * A `shipkit <stage>` subcommand. Flags carry the same names as the action's inputs, so one
 * options reader (taking an InputReader) serves both.
 */
export interface CliCommand {
  name: string;
  summary: string;
  flags: Record<string, FlagSpec>;
  /** A property, not a method: action entries pass it on unbound (`runAction('x', xCommand.run)`). */
  run: (inputs: InputReader, ctx: StageContext) => Promise<StageOutcome>;
}

/**
 * How the CLI knows a command before loading it: `shipkit --help` and `shipkit --version` must not
 * pay for loading every stage (PGlite alone is megabytes), so each stage is imported on first use.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CliCommand>;
}
