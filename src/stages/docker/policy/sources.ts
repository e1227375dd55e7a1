import { Add, Copy, type JSONInstruction } from 'dockerfile-ast';
import { copyFrom, lineOf, type DockerfileModel } from './dockerfile-model.js';
import type { RawFinding } from './finding.js';

/** The sources of a COPY or ADD (every argument but the destination), JSON form or not. */
function sources(instruction: JSONInstruction): string[] {
  const json = instruction.getJSONStrings();
  const args =
    json.length > 0 ? json.map((a) => a.getJSONValue()) : instruction.getArguments().map((a) => a.getValue());
  return args.slice(0, -1);
}

const isUrl = (source: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@[^:]+:/.test(source);
const isWholeContext = (source: string) => source === '.' || source === './';

/**
 * ADD of a URL fetches whatever the server returns at build time, unpinned and unchecked (and keeps it in a
 * layer); COPY of the whole context without a .dockerignore ships .git, .env files and local builds.
 */
export function sourceFindings(model: DockerfileModel, opts: { hasDockerignore: boolean }): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const instruction of model.dockerfile.getInstructions()) {
    if (instruction instanceof Add) {
      for (const url of sources(instruction).filter(isUrl)) {
        findings.push({
          rule: 'no-add-url',
          line: lineOf(instruction),
          message: `ADD ${url} downloads whatever the server returns at build time: fetch it in a RUN and verify its checksum, or COPY it from a stage`,
        });
      }
    }
    const copiesContext =
      (instruction instanceof Copy && copyFrom(instruction) === undefined) || instruction instanceof Add
        ? sources(instruction).some(isWholeContext)
        : false;
    if (copiesContext && !opts.hasDockerignore) {
      findings.push({
        rule: 'dockerignore',
        line: lineOf(instruction),
        message: `${instruction.getKeyword()} . copies the whole build context and there is no .dockerignore: add one (at least .git, .env*, node_modules, build output)`,
      });
    }
  }
  return findings;
}
