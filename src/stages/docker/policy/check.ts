import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../core/errors.js';
import { baseImageFindings } from './base-images.js';
import { parseDockerfile } from './dockerfile-model.js';
import { finalStageFindings } from './final-stage.js';
import type { PolicyFinding } from './finding.js';
import { applyIgnores } from './ignores.js';
import { packageCacheFindings } from './package-cache.js';
import type { PolicyLevel } from './rules.js';
import { secretFindings } from './secrets.js';
import { sourceFindings } from './sources.js';

export interface PolicyOptions {
  level: PolicyLevel;
  /** The platform probes the container (Kubernetes probes, ECS health checks): HEALTHCHECK is not needed. */
  orchestratorProbes: boolean;
  /** Build args the build will pass: they override ARG defaults when a FROM is resolved. */
  buildArgs?: Readonly<Record<string, string>>;
  /** The stage the build stops at (`--target`): the rules about the shipped image judge it, not the last stage. */
  target?: string;
  /** The input `target` came from, named when it matches no stage: `target` unless told (`builds`). */
  targetInput?: string;
}

export interface PolicyResult {
  level: PolicyLevel;
  file: string;
  /** Every finding, ignored ones included, by line. */
  findings: PolicyFinding[];
  errors: number;
  warnings: number;
  ignored: number;
  /** No error that is not ignored (warnings do not fail the policy). */
  passed: boolean;
}

/** Checks one Dockerfile's text. `hasDockerignore`: whether the build context has a .dockerignore for it. */
export function checkDockerfile(
  text: string,
  file: string,
  options: PolicyOptions,
  context: { hasDockerignore: boolean },
): PolicyResult {
  if (options.level === 'off') {
    return { level: 'off', file, findings: [], errors: 0, warnings: 0, ignored: 0, passed: true };
  }
  const target = options.target ? { name: options.target, input: options.targetInput ?? 'target' } : undefined;
  const model = parseDockerfile(text, file, options.buildArgs, target);
  const raw = [
    ...baseImageFindings(model),
    ...finalStageFindings(model, { orchestratorProbes: options.orchestratorProbes }),
    ...secretFindings(model),
    ...sourceFindings(model, context),
    ...packageCacheFindings(model),
  ];
  const findings = applyIgnores(raw, model, options.level).sort(
    (a, b) => a.line - b.line || a.rule.localeCompare(b.rule),
  );
  const live = findings.filter((f) => !f.ignored);
  const errors = live.filter((f) => f.severity === 'error').length;
  return {
    level: options.level,
    file,
    findings,
    errors,
    warnings: live.length - errors,
    ignored: findings.length - live.length,
    passed: errors === 0,
  };
}

/**
 * Reads and checks a Dockerfile. `file` is how the user names it (shown in findings); `contextDir` is the
 * build context, where BuildKit looks for `.dockerignore` (or `<Dockerfile name>.dockerignore` beside the
 * Dockerfile, which BuildKit prefers).
 */
export async function checkDockerfileAt(
  opts: { path: string; file: string; contextDir: string; input?: string },
  options: PolicyOptions,
): Promise<PolicyResult> {
  let text: string;
  try {
    text = await readFile(opts.path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UserError(
      code === 'ENOENT' ? 'the Dockerfile does not exist' : `cannot read the Dockerfile (${code ?? 'error'})`,
      {
        input: opts.input ?? 'file',
        file: opts.file,
      },
    );
  }
  const hasDockerignore =
    existsSync(path.join(opts.contextDir, '.dockerignore')) || existsSync(`${opts.path}.dockerignore`);
  return checkDockerfile(text, opts.file, options, { hasDockerignore });
}
