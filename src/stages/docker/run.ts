import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { directoryProblem } from '../../core/directory.js';
import { UserError } from '../../core/errors.js';
import type { StageOutcome } from '../../core/outcome.js';
import type { Gate } from '../../core/report/types.js';
import { userCommandEnv } from '../../core/user-command-env.js';
import type { TrivyRunner } from '../scan/run.js';
import { buildForScan, type BuiltImage } from './build-step.js';
import { detectEngine, type Engine } from './engine/detect.js';
import { removeImages, type EngineContext } from './engine/images.js';
import { registryLogin, type LoginSession } from './engine/login.js';
import { readGitContext } from './git-context.js';
import { computeMeta, type DockerMeta } from './meta/compute.js';
import type { BuildSpec, DockerOptions } from './options.js';
import { buildDockerOutcome, type DockerRun } from './outcome.js';
import { checkDockerfileAt, type PolicyResult } from './policy/check.js';
import { pushBuilt, type PushedImage } from './push-step.js';
import { pathNamer, repositoryRoot } from './repo-paths.js';
import { dockerConfigCredentials, sameRegistry, type Credentials } from './registry/credentials.js';
import { defaultTrivyRunner, judgeScans, scanIgnores, scanImageArchive, type ImageScan } from './scan-image.js';

export interface DockerDeps {
  /** Runs Trivy; the real one is loaded only when a scan runs. */
  trivy?: TrivyRunner;
  now?: () => Date;
}

function checkContext(spec: BuildSpec, cwd: string, multi: boolean): void {
  const dir = path.resolve(cwd, spec.context);
  if (directoryProblem(dir))
    throw new UserError(`the build context '${spec.context}' is not a directory (looked in ${cwd})`, {
      input: multi ? 'builds' : 'context',
    });
}

async function checkPolicies(
  options: DockerOptions,
  ctx: StageContext,
  shown: (p: string) => string,
): Promise<PolicyResult[]> {
  const multi = options.builds.length > 1;
  const out: PolicyResult[] = [];
  for (const spec of options.builds) {
    checkContext(spec, ctx.cwd, multi);
    out.push(
      await checkDockerfileAt(
        {
          path: path.resolve(ctx.cwd, spec.file),
          file: shown(spec.file),
          contextDir: path.resolve(ctx.cwd, spec.context),
          input: multi ? 'builds' : 'file',
        },
        {
          ...options.policy,
          buildArgs: spec.buildArgs,
          ...(spec.target ? { target: spec.target, targetInput: multi ? 'builds' : 'target' } : {}),
        },
      ),
    );
  }
  return out;
}

function policyGate(results: readonly PolicyResult[], options: DockerOptions): Gate | undefined {
  if (options.policy.level === 'off') return undefined;
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const warnings = results.reduce((n, r) => n + r.warnings, 0);
  const first = results.flatMap((r) => r.findings).find((f) => !f.ignored && f.severity === 'error');
  return {
    name: 'policy',
    passed: errors === 0,
    required: 0,
    actual: errors,
    unit: ' errors',
    detail:
      errors === 0
        ? `Dockerfile policy (${options.policy.level}): no error${warnings > 0 ? `, ${warnings} warning(s)` : ''}`
        : `${errors} Dockerfile policy (${options.policy.level}) error(s)${first ? `, first: ${first.file}:${first.line} ${first.rule}` : ''}`,
  };
}

interface Session {
  engine: Engine;
  engineCtx: EngineContext & { tempDir: string };
  login?: LoginSession;
}

async function openSession(options: DockerOptions, ctx: StageContext): Promise<Session> {
  const tempDir = await mkdtemp(path.join(ctx.env.RUNNER_TEMP || os.tmpdir(), 'shipkit-docker-'));
  const baseEnv = userCommandEnv(ctx.env);
  const engine = await ctx.logger.group('Find the image builder', () =>
    detectEngine(options.builder, { cwd: ctx.cwd, env: baseEnv, logger: ctx.logger, signal: ctx.signal }),
  );
  ctx.logger.info(`Building with ${engine.kind} ${engine.version}${engine.driver ? ` (driver ${engine.driver})` : ''}`);
  // The classic builder is asked for by name: with a buildx plugin that cannot run, `docker build` would call it.
  const env = { ...baseEnv, ...(engine.kind === 'docker' ? { DOCKER_BUILDKIT: '0' } : {}) };
  const engineCtx = {
    cwd: ctx.cwd,
    env,
    logger: ctx.logger,
    signal: ctx.signal,
    insecureRegistries: options.insecureRegistries,
    tempDir,
  };
  if (!options.login) return { engine, engineCtx };
  try {
    const login = await registryLogin(engine, options.login, engineCtx);
    ctx.logger.info(`Logged in to ${options.login.server} as ${options.login.username}`);
    return { engine, engineCtx: { ...engineCtx, env: { ...env, ...login.env } }, login };
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

async function scanAll(
  built: readonly BuiltImage[],
  options: DockerOptions,
  ctx: StageContext,
  deps: DockerDeps,
): Promise<ImageScan[]> {
  const trivy = deps.trivy ?? (await defaultTrivyRunner());
  const scans: ImageScan[] = [];
  for (const b of built) {
    for (const target of b.scanTargets) {
      const image = `${b.meta.tags[0] ?? b.spec.name}${target.platform ? ` (${target.platform})` : ''}`;
      scans.push(
        await ctx.logger.group(
          `Scan ${b.spec.name}${target.platform ? ` ${target.platform}` : ''} before any push`,
          () => scanImageArchive(target.path, image, options.scan, ctx, trivy),
        ),
      );
    }
  }
  return scans;
}

/**
 * The docker stage: check each Dockerfile against the policy, compute tags and labels from the git
 * context, build, scan every image before anything is pushed, push only when every gate passed, and
 * read each pushed image back from its registry for the digest. `lint-only` stops after the policy,
 * `dry-run` after the tags.
 */
export async function runDocker(
  options: DockerOptions,
  ctx: StageContext,
  deps: DockerDeps = {},
): Promise<StageOutcome> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  // Findings and annotations name files from the repository root, where GitHub resolves them.
  const shown = await pathNamer(ctx.cwd, await repositoryRoot(ctx.cwd, ctx.env));
  const policy = await checkPolicies(options, ctx, shown);
  const gates: Gate[] = [];
  const pg = policyGate(policy, options);
  if (pg) gates.push(pg);
  const base: DockerRun = {
    options,
    policy,
    metas: [],
    gates,
    warnings: [],
    startedAt,
    finishedAt: startedAt,
    cwd: ctx.cwd,
    files: options.builds.map((b) => shown(b.file)),
  };
  if (options.mode === 'lint-only') return buildDockerOutcome({ ...base, finishedAt: now() }, ctx.run);

  const git = await readGitContext(ctx.env, ctx.cwd);
  const metas: DockerMeta[] = options.builds.map((b) => computeMeta(b.meta, git, startedAt));
  // With several builds, a warning says which build's tags it is about.
  const multi = options.builds.length > 1;
  const warnings = metas.flatMap((m, i) => m.warnings.map((w) => (multi ? `${options.builds[i]?.name}: ${w}` : w)));
  if (options.mode === 'dry-run') return buildDockerOutcome({ ...base, metas, warnings, finishedAt: now() }, ctx.run);

  // Everything the user wrote is read before a builder starts: a typo in an ignore file is not a build result.
  const ignoreRules = options.scan.enabled ? await scanIgnores(ctx.cwd, options.scan) : [];
  const session = await openSession(options, ctx);
  const { engine, engineCtx } = session;
  const built: BuiltImage[] = [];
  const pushed = new Map<BuiltImage, PushedImage>();
  try {
    const willPush = options.push;
    for (const [i, spec] of options.builds.entries()) {
      const b = await buildForScan(
        engine,
        spec,
        metas[i],
        options,
        i,
        ctx,
        engineCtx,
        !(willPush && engine.kind === 'buildx'),
      );
      built.push(b);
      if (!b.run.ok) ctx.logger.error(`Build ${spec.name} failed: ${b.run.error ?? ''}`);
    }
    const failedBuilds = built.filter((b) => !b.run.ok);
    gates.push({
      name: 'build',
      passed: failedBuilds.length === 0,
      required: options.builds.length,
      actual: built.length - failedBuilds.length,
      unit: ' built',
      detail:
        failedBuilds.length === 0
          ? `${built.length} image(s) built with ${engine.kind}`
          : failedBuilds.map((b) => `${b.spec.name}: ${b.run.error ?? 'failed'}`).join('; '),
    });

    let scans: ImageScan[] = [];
    let verdict: DockerRun['scan'];
    if (options.scan.enabled && built.some((b) => b.archive)) {
      scans = await scanAll(built, options, ctx, deps);
      verdict = judgeScans(scans, options.scan, ignoreRules, startedAt);
      gates.push(...verdict.gates);
      warnings.push(...verdict.warnings);
    }

    // A push with no tag to push to (no tag rule applied to this event) fails closed, before anything is pushed.
    const untagged = built.filter((b) => b.run.ok && b.meta.tags.length === 0);
    if (options.push && untagged.length > 0)
      gates.push({
        name: 'tags',
        passed: false,
        required: 1,
        actual: 0,
        unit: ' tags',
        detail: `push is true but ${untagged.map((b) => b.spec.name).join(', ')} got no tag: no tag rule applied to ${git.eventName || 'this event'} on ${git.ref || 'this ref'}`,
      });
    if (built.some((b) => b.spec.platforms.length > 1) && options.load && engine.kind === 'buildx')
      warnings.push(
        'load: a multi-platform image cannot be loaded into the Docker image store; it was built into an OCI layout to be scanned',
      );

    const blockedBy = gates.filter((g) => !g.passed).map((g) => g.name);
    if (options.push && blockedBy.length === 0) {
      const credentialsFor = credentialLookup(options, engineCtx.env);
      for (const b of built) pushed.set(b, await pushBuilt(engine, b, options, ctx, engineCtx, credentialsFor));
      const results = [...pushed.values()];
      const failedTags = results.flatMap((p) => p.tags.filter((t) => !t.ok));
      const mismatch = results.filter((p) => p.verified === false);
      gates.push({
        name: 'push',
        passed: failedTags.length === 0 && mismatch.length === 0,
        required: results.reduce((n, p) => n + p.tags.length, 0),
        actual: results.reduce((n, p) => n + p.tags.filter((t) => t.ok).length, 0),
        unit: ' tags',
        detail:
          failedTags.length > 0
            ? `${failedTags.length} tag(s) not pushed: ${failedTags.map((t) => `${t.tag} (${t.error ?? 'failed'})`).join('; ')}`
            : mismatch.length > 0
              ? mismatch.flatMap((p) => p.problems).join('; ')
              : `every tag pushed; the registry serves the layers that were scanned`,
      });
      for (const p of results)
        warnings.push(...p.problems.filter((m) => !m.includes('other layers') && !m.includes('not in the pushed')));
    } else if (options.push) {
      ctx.logger.warning(`Not pushing: ${blockedBy.join(', ')} failed`);
    }

    return buildDockerOutcome(
      {
        ...base,
        metas,
        warnings,
        engine,
        built,
        scans,
        ...(verdict ? { scan: verdict } : {}),
        pushed,
        blockedBy,
        finishedAt: now(),
      },
      ctx.run,
    );
  } finally {
    // As build-push-action leaves nothing in the image store unless `load` is set, the images built to be
    // scanned and pushed are removed (buildx's OCI archive of several platforms was never loaded).
    if (!options.load) {
      const refs = built.flatMap((b) => (b.meta.tags.length > 0 ? b.meta.tags : b.run.imageId ? [b.run.imageId] : []));
      await removeImages(engine, refs, engineCtx);
    }
    await session.login?.dispose();
    await rm(engineCtx.tempDir, { recursive: true, force: true });
  }
}

/** Credentials for reading a pushed image back: the step's login for its registry, else the Docker config's. */
function credentialLookup(
  options: DockerOptions,
  env: NodeJS.ProcessEnv,
): (registry: string) => Promise<Credentials | undefined> {
  return async (registry) => {
    const login = options.login;
    if (login && sameRegistry(login.server, registry)) return { username: login.username, password: login.password };
    return dockerConfigCredentials(registry, env);
  };
}
