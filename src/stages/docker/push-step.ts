import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StageContext } from '../../core/context.js';
import { errorMessage } from '../../core/errors.js';
import type { BuiltImage } from './build-step.js';
import { buildCommand } from './engine/build-command.js';
import { metadataDigest, runBuild } from './engine/build.js';
import type { Engine } from './engine/detect.js';
import { pushTag, type EngineContext, type PushResult } from './engine/images.js';
import type { DockerOptions } from './options.js';
import { RegistryClient } from './registry/client.js';
import type { Credentials } from './registry/credentials.js';
import { parseReference } from './registry/reference.js';
import { inspectRemote, type RemoteImage } from './registry/remote-image.js';

export interface PushedImage {
  tags: PushResult[];
  ok: boolean;
  digest?: string;
  digestSource?: 'registry' | 'pusher' | 'builder';
  remote?: RemoteImage;
  /** Every platform in the registry has the scanned layers; null when it could not be compared. */
  verified: boolean | null;
  /** Why the registry could not be read back, or what did not match. */
  problems: string[];
  /** buildx: the push build's metadata file (the pushed digest, the provenance). */
  metadata?: Record<string, unknown>;
}

/**
 * buildx pushes by building again from BuildKit's cache with `--push`, so the attestations (SBOM,
 * provenance) go with the image; retried as a whole on a failure another attempt may fix.
 */
async function buildxPush(
  engine: Engine,
  built: BuiltImage,
  options: DockerOptions,
  ctx: StageContext,
  engineCtx: EngineContext & { tempDir: string },
): Promise<{ results: PushResult[]; digest?: string; metadata?: Record<string, unknown> }> {
  const files = {
    ...built.files,
    metadataFile: path.join(engineCtx.tempDir, `${path.basename(built.files.metadataFile)}.push`),
  };
  const command = buildCommand(
    engine,
    built.spec,
    options,
    { tags: built.meta.tags, labels: built.meta.labels },
    { context: path.resolve(ctx.cwd, built.spec.context), file: path.resolve(ctx.cwd, built.spec.file) },
    files,
    'push',
  );
  let error = '';
  for (let attempt = 1; attempt <= options.pushRetries + 1; attempt++) {
    const run = await ctx.logger.group(`Push ${built.spec.name} (buildx, attempt ${attempt})`, () =>
      runBuild(command, files, engineCtx),
    );
    if (run.ok) {
      const digest = metadataDigest(run.metadata);
      return {
        results: built.meta.tags.map((tag) => ({ tag, ok: true, attempts: attempt, ...(digest ? { digest } : {}) })),
        ...(digest ? { digest } : {}),
        ...(run.metadata ? { metadata: run.metadata } : {}),
      };
    }
    error = run.error ?? 'the push build failed';
    if (ctx.signal.aborted || /denied|unauthorized|forbidden/i.test(error) || attempt > options.pushRetries) break;
    await sleep(Math.min(30_000, 2000 * 2 ** (attempt - 1)), undefined, { signal: ctx.signal }).catch(() => undefined);
  }
  return { results: built.meta.tags.map((tag) => ({ tag, ok: false, attempts: options.pushRetries + 1, error })) };
}

/**
 * Pushes every tag of one built image, then reads the image back from the registry: the digest output
 * is what the registry serves (its Docker-Content-Digest, else the sha256 of the manifest bytes), each
 * platform's compressed size is measured there, and its layers are compared with the ones scanned.
 */
export async function pushBuilt(
  engine: Engine,
  built: BuiltImage,
  options: DockerOptions,
  ctx: StageContext,
  engineCtx: EngineContext & { tempDir: string },
  credentialsFor: (registry: string) => Promise<Credentials | undefined>,
): Promise<PushedImage> {
  let results: PushResult[];
  let builderDigest: string | undefined;
  let metadata: Record<string, unknown> | undefined;
  if (engine.kind === 'buildx') {
    const pushed = await buildxPush(engine, built, options, ctx, engineCtx);
    results = pushed.results;
    builderDigest = pushed.digest;
    metadata = pushed.metadata;
  } else {
    results = [];
    for (const tag of built.meta.tags) {
      const r = await ctx.logger.group(`Push ${tag}`, () => pushTag(engine, tag, options.pushRetries, engineCtx));
      results.push(r);
      if (r.ok) ctx.logger.info(`Pushed ${tag}${r.digest ? ` (${r.digest})` : ''} after ${r.attempts} attempt(s)`);
      else ctx.logger.error(`Push of ${tag} failed after ${r.attempts} attempt(s): ${r.error ?? ''}`);
    }
  }
  const out: PushedImage = {
    tags: results,
    ok: results.length > 0 && results.every((r) => r.ok),
    verified: null,
    problems: [],
    ...(metadata ? { metadata } : {}),
  };
  if (!out.ok) return out;

  const pusherDigest = builderDigest ?? results.find((r) => r.digest)?.digest;
  const first = parseReference(built.meta.tags[0] ?? '');
  try {
    const client = new RegistryClient(first, {
      credentials: await credentialsFor(first.registry),
      insecureRegistries: options.insecureRegistries,
      signal: ctx.signal,
    });
    const remote = await inspectRemote(client, first.tag ?? 'latest');
    out.remote = remote;
    out.digest = remote.digest;
    out.digestSource = 'registry';
    if (pusherDigest && pusherDigest !== remote.digest)
      out.problems.push(
        `the push reported ${pusherDigest} but the registry serves ${remote.digest} for ${built.meta.tags[0]}`,
      );
    out.verified = sameLayers(built, remote, out.problems);
  } catch (error) {
    out.problems.push(`could not read ${built.meta.tags[0]} back from the registry: ${errorMessage(error)}`);
    if (pusherDigest) {
      out.digest = pusherDigest;
      out.digestSource = builderDigest ? 'builder' : 'pusher';
    }
  }
  return out;
}

/** Each scanned platform is in the registry with the same layers (diff ids), whatever their compression. */
function sameLayers(built: BuiltImage, remote: RemoteImage, problems: string[]): boolean | null {
  if (built.platforms.length === 0) return null;
  let same = true;
  for (const scanned of built.platforms) {
    const pushed = remote.platforms.find((p) => p.platform === scanned.platform);
    if (!pushed) {
      problems.push(`${built.spec.name}: ${scanned.platform} was scanned but is not in the pushed image`);
      same = false;
    } else if (pushed.diffIds.join() !== scanned.diffIds.join()) {
      problems.push(`${built.spec.name}: the pushed ${scanned.platform} image has other layers than the scanned one`);
      same = false;
    }
  }
  return same;
}
