import { Copy, Healthcheck, User } from 'dockerfile-ast';
import {
  copyFrom,
  earlierStage,
  finalChain,
  lineOf,
  substitute,
  type BuildStage,
  type DockerfileModel,
} from './dockerfile-model.js';
import type { RawFinding } from './finding.js';

/**
 * The rules about the image that ships — the target stage (the last one when no target is set), with what it
 * inherits from the stages it starts from (`FROM build AS final` keeps build's USER and HEALTHCHECK, as Docker
 * does).
 */
export function finalStageFindings(model: DockerfileModel, opts: { orchestratorProbes: boolean }): RawFinding[] {
  const chain = finalChain(model);
  const final = chain.at(-1);
  if (!final) return [];
  const kind = model.targeted ? 'the target stage' : 'the final stage';
  const where = final.name ? `${kind} '${final.name}'` : kind;
  const findings: RawFinding[] = [];

  const copiesFromStage = chain.some((stage) =>
    stage.instructions.some((i) => i instanceof Copy && earlierStage(model, stage, copyFrom(i)) !== undefined),
  );
  if (model.stages.length < 2) {
    findings.push({
      rule: 'multi-stage',
      line: final.line,
      message: 'the Dockerfile has one stage: build in a first stage and COPY --from it into a small final stage',
    });
  } else if (!copiesFromStage) {
    findings.push({
      rule: 'multi-stage',
      line: final.line,
      message: `${where} copies nothing from a build stage (COPY --from=<stage>): whatever built the app ships with it`,
    });
  }

  findings.push(...userFindings(model, chain, final, where));

  if (!opts.orchestratorProbes) {
    const last = chain.flatMap((s) => s.instructions.filter((i) => i instanceof Healthcheck)).at(-1);
    const disabled = last?.getArguments()[0]?.getValue().toUpperCase() === 'NONE';
    if (!last || disabled) {
      findings.push({
        rule: 'healthcheck',
        line: last && disabled ? lineOf(last) : final.line,
        message: `${where} has ${disabled ? 'HEALTHCHECK NONE' : 'no HEALTHCHECK'}: add one, or set orchestrator-probes: true when the platform probes the container`,
      });
    }
  }
  return findings;
}

function userFindings(model: DockerfileModel, chain: BuildStage[], final: BuildStage, where: string): RawFinding[] {
  const last = chain.flatMap((s) => s.instructions.filter((i) => i instanceof User)).at(-1);
  if (!last) {
    return [
      {
        rule: 'non-root-user',
        line: final.line,
        message: `${where} sets no USER, so it runs as the base image's user (root unless the base says otherwise): add USER with a non-root user`,
      },
    ];
  }
  const written = last.getArgumentsContent() ?? '';
  const { value, unresolved } = substitute(model.lines, last, written, (name) =>
    model.dockerfile.resolveVariable(name, last.getRange().start.line),
  );
  if (unresolved.length > 0) {
    return [
      {
        rule: 'non-root-user',
        line: lineOf(last),
        message: `USER ${written} cannot be resolved here (${unresolved.join(', ')} has no value), so it may be root: give the ARG a default`,
      },
    ];
  }
  const user = value.trim().split(':')[0] ?? '';
  if (user === 'root' || /^0+$/.test(user)) {
    return [
      {
        rule: 'non-root-user',
        line: lineOf(last),
        message: `${where} runs as root (USER ${written}): switch to a non-root user`,
      },
    ];
  }
  return [];
}
