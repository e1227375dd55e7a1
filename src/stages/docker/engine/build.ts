import { readFile } from 'node:fs/promises';
import type { Logger } from '../../../core/logger.js';
import type { BuildCommand, BuildFiles } from './build-command.js';
import { lastWords, logLines, runCommand } from './command.js';

export interface BuildRun {
  ok: boolean;
  /** The image ID (`sha256:…`, the config's digest) the builder wrote; undefined when it failed. */
  imageId?: string;
  /** buildx's metadata file: `containerimage.digest`, `containerimage.config.digest`, attestations… */
  metadata?: Record<string, unknown>;
  /** One line: why the build failed (the builder's last error). */
  error?: string;
  /** The end of the builder's output, for the report's reader. */
  tail: string;
  durationMs: number;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/**
 * Runs one build command, its output folded into the log line by line. A failing build is a result, not
 * an exception: the Dockerfile's RUN failing is the user's code failing, reported as the build gate.
 */
export async function runBuild(
  command: BuildCommand,
  files: BuildFiles,
  ctx: { cwd: string; env: NodeJS.ProcessEnv; logger: Logger; signal?: AbortSignal },
): Promise<BuildRun> {
  const started = Date.now();
  const result = await runCommand(command.program, command.args, {
    cwd: ctx.cwd,
    env: { ...ctx.env, ...command.env },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onLine: logLines(ctx.logger),
  });
  const durationMs = Date.now() - started;
  if (result.code !== 0) return { ok: false, error: lastWords(result), tail: result.tail, durationMs };
  const imageId = await readOptional(files.iidFile);
  const metadataText = await readOptional(files.metadataFile);
  let metadata: Record<string, unknown> | undefined;
  if (metadataText) {
    try {
      metadata = JSON.parse(metadataText) as Record<string, unknown>;
    } catch {
      metadata = undefined;
    }
  }
  return {
    ok: true,
    ...(imageId ? { imageId } : {}),
    ...(metadata ? { metadata } : {}),
    tail: result.tail,
    durationMs,
  };
}

/** buildx's `containerimage.digest`: the manifest (or index) digest of what it exported or pushed. */
export function metadataDigest(metadata: Record<string, unknown> | undefined): string | undefined {
  const d = metadata?.['containerimage.digest'];
  return typeof d === 'string' && /^sha256:[a-f0-9]{64}$/.test(d) ? d : undefined;
}
