import type { ActionMetadata, InputMetadata } from '../core/stage.js';

/**
 * Inputs that mean nothing on a terminal: the token (GITHUB_TOKEN is read instead), `--root` replaces
 * working-directory, no PR comment, and `--report-dir` is what an artifact is in a workflow.
 */
export const NOT_IN_CLI: ReadonlySet<string> = new Set(['github-token', 'working-directory', 'comment', 'artifact']);

export interface Flag {
  name: string;
  description: string;
  /** `--name` alone means true; `--no-name` and `--name=false` mean false. */
  boolean: boolean;
  /** action.yml's default, applied as the runner applies it (expressions such as `${{ … }}` are not). */
  default?: string;
  required: boolean;
}

const isExpression = (value: string): boolean => value.includes('${{');

function flagOf(input: InputMetadata): Flag {
  const fallback = input.default !== undefined && !isExpression(input.default) ? input.default : undefined;
  return {
    name: input.name,
    description: input.description,
    boolean: fallback === 'true' || fallback === 'false',
    ...(fallback !== undefined && fallback !== '' ? { default: fallback } : {}),
    required: input.required,
  };
}

/** A stage's CLI flags: every input of its action.yml but the ones that do not apply on a terminal. */
export function flagsOf(metadata: ActionMetadata): Flag[] {
  return metadata.inputs.filter((i) => !NOT_IN_CLI.has(i.name)).map(flagOf);
}

/** Flags every command takes. */
export const GLOBAL_FLAGS: readonly Flag[] = [
  {
    name: 'json',
    description: 'Print the stage report as JSON on stdout (progress goes to stderr).',
    boolean: true,
    required: false,
  },
  {
    name: 'root',
    description: 'The directory to work in, as the action input working-directory (default: the current directory).',
    boolean: false,
    required: false,
  },
  {
    name: 'report-dir',
    description:
      "Also write the stage report there, with what an action saves as its artifact for the root report action (annotations; the test stage's coverage and cases).",
    boolean: false,
    required: false,
  },
  { name: 'help', description: 'Show this help.', boolean: true, required: false },
];
