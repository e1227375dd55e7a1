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
  /**
   * The server this stage mostly talks to, for a network error's one line: `cannot reach the
   * database at 10.0.0.5:5432 (input 'database-url')` rather than "a server".
   */
  readonly service?: { readonly name: string; readonly input?: string };
}

/** An input as `action.yml` declares it: the one source of the CLI's flags, defaults and help. */
export interface InputMetadata {
  name: string;
  description: string;
  required: boolean;
  /** The default as written in action.yml (may be an expression such as `${{ github.token }}`). */
  default?: string;
}

export interface OutputMetadata {
  name: string;
  description: string;
}

/** What an action's `action.yml` declares (src/generated/action-metadata.ts holds every stage's). */
export interface ActionMetadata {
  name: string;
  description: string;
  inputs: InputMetadata[];
  outputs: OutputMetadata[];
}

/**
 * A stage as the registry lists it: known without loading its code, so `shipkit --help` and the
 * first line of an action step do not pay for parsers and drivers they will not use.
 */
export interface StageEntry {
  /** The CLI command, the report's `stage`, the action's bundle name (`dist/<name>/`). */
  name: string;
  /** How the PR comment and summaries name it (`Test`, `Migrate`). */
  title: string;
  /** Where its action.yml is, from the repository root (`test`, or `.` for the root action). */
  actionDir: string;
  load(): Promise<Stage<unknown>>;
}
