import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../../core/logger.js';
import { mayUseHttp, parseReference } from '../registry/reference.js';
import { lastWords, logLines, runCommand } from './command.js';
import type { Engine } from './detect.js';

export interface EngineContext {
  cwd: string;
  /** The builder's environment: the user's, plus DOCKER_CONFIG / REGISTRY_AUTH_FILE of the login. */
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal?: AbortSignal;
  insecureRegistries: readonly string[];
}

const opts = (ctx: EngineContext) => ({ cwd: ctx.cwd, env: ctx.env, ...(ctx.signal ? { signal: ctx.signal } : {}) });

/** Podman verifies TLS unless told; Docker reaches loopback registries over HTTP on its own. Same reach for both. */
const tlsArgs = (engine: Engine, ref: string, ctx: EngineContext): string[] =>
  engine.program === 'podman' && mayUseHttp(parseReference(ref).registry, ctx.insecureRegistries)
    ? ['--tls-verify=false']
    : [];

/**
 * Writes the image to a `docker save` archive, the input Trivy's `image --input` reads without a daemon.
 * Throws with the engine's last words when it fails (the image was just built: that is not the user's doing).
 */
export async function saveImage(engine: Engine, image: string, file: string, ctx: EngineContext): Promise<void> {
  const args =
    engine.program === 'podman'
      ? ['save', '--format', 'docker-archive', '-o', file, image]
      : ['save', '-o', file, image];
  const r = await runCommand(engine.program, args, opts(ctx));
  if (r.code !== 0) throw new Error(`${engine.program} save ${image} failed: ${lastWords(r)}`);
}

/** The local manifest digest an engine knows for `image` (Podman records one before any push), else undefined. */
export async function localRepoDigest(engine: Engine, image: string, ctx: EngineContext): Promise<string | undefined> {
  const r = await runCommand(
    engine.program,
    ['image', 'inspect', '--format', '{{json .RepoDigests}}', image],
    opts(ctx),
  );
  if (r.code !== 0) return undefined;
  try {
    const digests = JSON.parse(r.stdout) as string[] | null;
    return digests?.map((d) => /@(sha256:[a-f0-9]{64})$/.exec(d)?.[1]).find(Boolean);
  } catch {
    return undefined;
  }
}

export interface PushResult {
  tag: string;
  ok: boolean;
  attempts: number;
  /** The digest the pusher reported (`docker push` prints it; `podman push --digestfile` writes it). */
  digest?: string;
  error?: string;
}

/** A refusal another attempt cannot fix: the registry said no to these credentials or this name. */
const PERMANENT =
  /denied|unauthorized|authentication required|forbidden|name unknown|invalid reference|not found: manifest|no such image/i;

/**
 * Pushes one tag, retrying network and server failures with a growing pause (2 s, 4 s, 8 s… at most 30 s)
 * up to `retries` more times; a refusal (denied, unauthorized) is not retried.
 */
export async function pushTag(
  engine: Engine,
  tag: string,
  retries: number,
  ctx: EngineContext & { tempDir: string },
): Promise<PushResult> {
  const digestFile = path.join(ctx.tempDir, `digest-${Buffer.from(tag).toString('hex').slice(0, 64)}`);
  const args =
    engine.program === 'podman'
      ? ['push', ...tlsArgs(engine, tag, ctx), '--digestfile', digestFile, tag]
      : ['push', tag];
  let error = '';
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const r = await runCommand(engine.program, args, { ...opts(ctx), onLine: logLines(ctx.logger, 'debug') });
    if (r.code === 0) {
      const printed = /digest: (sha256:[a-f0-9]{64})/.exec(r.tail)?.[1];
      const written = engine.program === 'podman' ? await readFile(digestFile, 'utf8').catch(() => '') : '';
      const digest = /^sha256:[a-f0-9]{64}$/.test(written.trim()) ? written.trim() : printed;
      return { tag, ok: true, attempts: attempt, ...(digest ? { digest } : {}) };
    }
    error = lastWords(r);
    if (ctx.signal?.aborted || PERMANENT.test(error) || attempt > retries)
      return { tag, ok: false, attempts: attempt, error };
    const pause = Math.min(30_000, 2000 * 2 ** (attempt - 1));
    ctx.logger.progress(`push ${tag}: attempt ${attempt} failed (${error}); trying again in ${pause / 1000} s`);
    await sleep(pause, undefined, ctx.signal ? { signal: ctx.signal } : {}).catch(() => undefined);
  }
  return { tag, ok: false, attempts: retries + 1, error };
}

/** Removes images this run tagged, when the user did not ask to keep them (`load: false`). Failures are only logged. */
export async function removeImages(engine: Engine, refs: readonly string[], ctx: EngineContext): Promise<void> {
  if (refs.length === 0) return;
  const r = await runCommand(engine.program, ['image', 'rm', ...refs], opts(ctx));
  if (r.code !== 0) ctx.logger.debug(`${engine.program} image rm: ${lastWords(r)}`);
}
