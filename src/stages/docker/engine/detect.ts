import { ServiceError } from '../../../core/errors.js';
import type { Logger } from '../../../core/logger.js';
import type { BuilderChoice } from '../options.js';
import { lastWords, runCommand, type CommandResult } from './command.js';

export type EngineKind = 'buildx' | 'docker' | 'podman';

/** The builder a run uses, found once. */
export interface Engine {
  kind: EngineKind;
  /** The program run: `docker` (buildx and the classic builder) or `podman`. */
  program: 'docker' | 'podman';
  /** The builder's version, as it reports it (`v0.38.2`, `28.2.2`, `4.3.1`). */
  version: string;
  /** buildx only: the builder instance's driver (`docker`, `docker-container`, `remote`…). */
  driver?: string;
}

export interface DetectContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal?: AbortSignal;
}

type Probe = (ctx: DetectContext) => Promise<Engine | string>;

const run = (ctx: DetectContext, file: string, args: string[]): Promise<CommandResult> =>
  runCommand(file, args, { cwd: ctx.cwd, env: ctx.env, ...(ctx.signal ? { signal: ctx.signal } : {}) });

const why = (r: CommandResult): string => (r.spawnError?.code === 'ENOENT' ? 'not installed' : lastWords(r));

/**
 * buildx counts when its builder answers: `docker buildx inspect --bootstrap` starts it if it must (the
 * docker-container driver pulls moby/buildkit then) and fails when it cannot, e.g. on a Podman socket,
 * which serves no BuildKit.
 */
const probeBuildx: Probe = async (ctx) => {
  const version = await run(ctx, 'docker', ['buildx', 'version']);
  if (version.code !== 0) return `docker buildx: ${why(version)}`;
  const inspect = await run(ctx, 'docker', ['buildx', 'inspect', '--bootstrap']);
  if (inspect.code !== 0) return `docker buildx: its builder does not start (${lastWords(inspect)})`;
  const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1];
  return {
    kind: 'buildx',
    program: 'docker',
    version: /\s(v?\d+\.\d+\.\d+\S*)/.exec(version.stdout)?.[1] ?? version.stdout.trim(),
    ...(driver ? { driver } : {}),
  };
};

const probeDocker: Probe = async (ctx) => {
  const r = await run(ctx, 'docker', ['version', '--format', '{{.Server.Version}}']);
  if (r.code !== 0)
    return `docker: ${r.spawnError?.code === 'ENOENT' ? 'not installed' : `no daemon answers (${lastWords(r)})`}`;
  return { kind: 'docker', program: 'docker', version: r.stdout.trim() };
};

const probePodman: Probe = async (ctx) => {
  const r = await run(ctx, 'podman', ['version', '--format', '{{.Client.Version}}']);
  if (r.code !== 0) return `podman: ${why(r)}`;
  return { kind: 'podman', program: 'podman', version: r.stdout.trim() };
};

const PROBES: Record<EngineKind, Probe> = { buildx: probeBuildx, docker: probeDocker, podman: probePodman };

/**
 * The builder to use: the one asked for, or (auto) `docker buildx` when its builder runs, else the Docker
 * daemon's classic builder, else `podman build`. Each one passed over is logged with the reason, so a
 * build that lands on the fallback says why.
 */
export async function detectEngine(choice: BuilderChoice, ctx: DetectContext): Promise<Engine> {
  const order: EngineKind[] = choice === 'auto' ? ['buildx', 'docker', 'podman'] : [choice];
  const reasons: string[] = [];
  for (const kind of order) {
    const found = await PROBES[kind](ctx);
    if (typeof found !== 'string') {
      if (reasons.length > 0) ctx.logger.info(`Not using ${reasons.join('; ')}`);
      return found;
    }
    reasons.push(found);
  }
  throw new ServiceError(
    `no image builder is available: ${reasons.join('; ')}`,
    choice === 'auto'
      ? 'Install Docker (with buildx) or Podman, or point DOCKER_HOST at a running daemon'
      : `Install ${choice === 'podman' ? 'Podman' : choice === 'buildx' ? 'docker buildx (docker/setup-buildx-action)' : 'Docker'} or choose another builder`,
    'builder',
  );
}
