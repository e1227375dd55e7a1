import {
  Copy,
  DockerfileParser,
  Run,
  type Dockerfile,
  type From,
  type Instruction,
  type Variable,
} from 'dockerfile-ast';
import { UserError } from '../../../core/errors.js';

/** One build stage: its FROM, what the FROM resolves to, and its instructions. */
export interface BuildStage {
  index: number;
  /** The `AS name`, lowercased (Docker compares stage names case-insensitively). */
  name?: string;
  from: From;
  /** 1-based line of the FROM. */
  line: number;
  /** The image as written (`${BASE}`, `node:20`). */
  written: string;
  /** The image with global ARGs substituted; undefined when a variable has no value. */
  image?: string;
  /** Variables in the FROM that have no value. */
  unresolved: string[];
  /** The earlier stage this one starts from (`FROM build`), when it does. */
  parent?: BuildStage;
  /** The stage's instructions after its FROM. */
  instructions: Instruction[];
}

export interface DockerfileModel {
  /** The path as the user names it (repository-relative when possible). */
  file: string;
  dockerfile: Dockerfile;
  /** The text's lines (0-based, as the parser's ranges count them). */
  lines: string[];
  stages: BuildStage[];
  /** The stage the build produces: the `target` stage when one is set, else the last one. */
  built: BuildStage;
  /** Whether `built` was named by a target (messages then call it the target stage, not the final one). */
  targeted: boolean;
}

/** 1-based line of an instruction or comment, for findings and annotations. */
export const lineOf = (node: { getRange(): { start: { line: number } } }): number => node.getRange().start.line + 1;

/** The build's `target` stage, and the input it came from (`target`, or `builds` for one entry of several). */
export interface TargetStage {
  name: string;
  input: string;
}

/**
 * Parses with dockerfile-ast (the parser behind the Dockerfile language server) and groups instructions
 * by stage. Base images are resolved with the ARGs declared before the first FROM — the only variables
 * Docker allows in FROM — from their defaults, overridden by `buildArgs` (what `--build-arg` will pass).
 * A `target` that names no stage is the user's mistake, found here as `docker build` would find it.
 */
export function parseDockerfile(
  text: string,
  file: string,
  buildArgs: Readonly<Record<string, string>> = {},
  target?: TargetStage,
): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const lines = text.split(/\r?\n/);
  const froms = dockerfile.getFROMs();
  if (froms.length === 0) {
    throw new UserError('the Dockerfile has no FROM instruction', { input: 'file', file, line: 1 });
  }
  const globals = new Map<string, string | undefined>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (!property) continue;
    const name = property.getName();
    globals.set(name, buildArgs[name] ?? property.getValue() ?? undefined);
  }

  const stages: BuildStage[] = [];
  const instructions = dockerfile.getInstructions();
  for (const [index, from] of froms.entries()) {
    const written = from.getImage() ?? '';
    const { value, unresolved } = substitute(lines, from, written, (name) => globals.get(name));
    const name = from.getBuildStage()?.toLowerCase();
    const startLine = from.getRange().start.line;
    const next = froms[index + 1]?.getRange().start.line ?? Number.POSITIVE_INFINITY;
    const image = unresolved.length === 0 ? value : undefined;
    const parent =
      image === undefined ? undefined : stages.find((s) => s.name !== undefined && s.name === image.toLowerCase());
    stages.push({
      index,
      name,
      from,
      line: startLine + 1,
      written,
      image,
      unresolved,
      parent,
      instructions: instructions.filter((i) => {
        const l = i.getRange().start.line;
        return l > startLine && l < next;
      }),
    });
  }
  return { file, dockerfile, lines, stages, built: builtStage(stages, file, target), targeted: target !== undefined };
}

function builtStage(stages: readonly BuildStage[], file: string, target: TargetStage | undefined): BuildStage {
  const last = stages.at(-1) as BuildStage; // parseDockerfile has thrown when there is no FROM
  if (!target) return last;
  // Docker compares stage names without case, as it stores them lowercased.
  const found = stages.find((s) => s.name === target.name.toLowerCase());
  if (found) return found;
  const names = stages.flatMap((s) => (s.name ? [s.name] : []));
  throw new UserError(
    `target stage '${target.name}' could not be found (the Dockerfile's named stages: ${names.join(', ') || 'none'})`,
    { input: target.input, file },
  );
}

/**
 * COPY's `--from` value. Not `Copy.getFromFlag()`: that returns the flag only when it is the sole one, so
 * `COPY --from=build --chown=app …` would read as a copy from the context.
 */
export const copyFrom = (copy: Copy): string | undefined =>
  copy
    .getFlags()
    .find((f) => f.getName() === 'from')
    ?.getValue() ?? undefined;

/**
 * The stage a `--from` of an instruction in `stage` names: an earlier stage by name (without case) or by
 * index (`--from=0`). Anything else (`busybox:1.36`, a later stage, which Docker refuses) is not a stage.
 */
export function earlierStage(
  model: DockerfileModel,
  stage: BuildStage,
  from: string | null | undefined,
): BuildStage | undefined {
  if (!from) return undefined;
  const earlier = model.stages.slice(0, stage.index);
  if (/^\d+$/.test(from)) return earlier[Number(from)];
  return earlier.find((s) => s.name === from.toLowerCase());
}

/** The stages an instruction reads from: `COPY --from=<stage|index>`, `RUN --mount=…,from=<stage>`. */
function stageSources(model: DockerfileModel, stage: BuildStage, instruction: Instruction): BuildStage[] {
  if (instruction instanceof Copy) {
    const source = earlierStage(model, stage, copyFrom(instruction));
    return source ? [source] : [];
  }
  if (instruction instanceof Run) {
    return instruction
      .getFlags()
      .filter((f) => f.getName() === 'mount')
      .flatMap((f) => {
        const from = f.getOption('from')?.getValue();
        // BuildKit looks a mount's from= up by stage name only: a number there is an image reference.
        const source = from && !/^\d+$/.test(from) ? earlierStage(model, stage, from) : undefined;
        return source ? [source] : [];
      });
  }
  return [];
}

/**
 * The stages `docker build` runs: the target (else the last stage) and every stage it needs — the stage
 * its FROM names, the stages its COPY --from and RUN --mount from= read — and theirs, in file order.
 * BuildKit (and Podman, which skips unused stages) never build the others: a stage after the target, or
 * one nothing built reads from.
 */
export function builtStages(model: DockerfileModel): BuildStage[] {
  const needed = new Set<BuildStage>([model.built]);
  // A Set's iteration visits what is added during it, once each: every stage needed is expanded.
  for (const stage of needed) {
    if (stage.parent) needed.add(stage.parent);
    for (const instruction of stage.instructions) {
      for (const source of stageSources(model, stage, instruction)) needed.add(source);
    }
  }
  return model.stages.filter((s) => needed.has(s));
}

/**
 * The stage that ships — the target, else the last — and the stages it starts from (`FROM build AS final`
 * → build, final), root first. Stages after the target (a `test` stage) are not in the image.
 */
export function finalChain(model: DockerfileModel): BuildStage[] {
  const chain: BuildStage[] = [];
  for (let s: BuildStage | undefined = model.built; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  return chain;
}

/**
 * `text` (an instruction's argument) with its variables replaced, using the parser's own reading of each
 * `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}`.
 */
export function substitute(
  lines: readonly string[],
  instruction: Instruction,
  text: string,
  lookup: (name: string) => string | null | undefined,
): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  let value = text;
  // Right to left, so earlier offsets stay valid while later variables are replaced.
  const variables = instruction
    .getVariables()
    .filter((v) => text.includes(variableText(lines, v)))
    .sort((a, b) => b.getRange().start.character - a.getRange().start.character);
  for (const v of variables) {
    const raw = variableText(lines, v);
    const at = value.lastIndexOf(raw);
    if (at < 0) continue;
    const current = lookup(v.getName());
    const set = current !== undefined && current !== null && current !== '';
    let replacement: string | undefined;
    switch (v.getModifier()) {
      case '-':
        replacement = set ? current : (v.getSubstitutionParameter() ?? '');
        break;
      case '+':
        replacement = set ? (v.getSubstitutionParameter() ?? '') : '';
        break;
      case null:
        replacement = set ? current : undefined;
        break;
      default:
        replacement = undefined;
    }
    if (replacement === undefined) {
      unresolved.push(v.getName());
      continue;
    }
    value = value.slice(0, at) + replacement + value.slice(at + raw.length);
  }
  return { value, unresolved };
}

/** The characters of `${VAR…}` or `$VAR` as written, from the variable's range in the document. */
function variableText(lines: readonly string[], v: Variable): string {
  const { start, end } = v.getRange();
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  const parts = [(lines[start.line] ?? '').slice(start.character)];
  for (let l = start.line + 1; l < end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[end.line] ?? '').slice(0, end.character));
  return parts.join('\n');
}
