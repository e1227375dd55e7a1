import type { StageContext } from './context.js';
import type { InputReader } from './inputs.js';
import type { StageOutcome } from './outcome.js';

/**
 * One stage of the pipeline. The action entry, the CLI and the root report action all drive a stage
 * through this shape and nothing else: read typed options once, run, get an outcome back. Everything
 * a stage tells the world (report, outputs, comment section, summary, annotations, terminal text) is
 * in the outcome; publishing it is the host's job.
 */
export interface Stage<Options = unknown> {
  readonly name: string;
  /**
   * JSON Schema of the whole report this stage writes (the common fields included). The host
   * validates every report against it before writing: a report that fails is a shipkit bug.
   */
  readonly reportSchema: object;
  /** Typed options from action inputs or CLI flags; a bad value throws a UserError naming the input. */
  readOptions(inputs: InputReader, ctx: StageContext): Options;
  run(options: Options, ctx: StageContext): Promise<StageOutcome>;
  /**
   * Outputs to set when the run ends in an error before an outcome exists, so that a workflow
   * reading them fails closed (approve: `approved=false`, `decision=error`).
   */
  readonly failureOutputs?: Readonly<Record<string, string>>;
}
