import path from 'node:path';
import type { StageContext } from '../../core/context.js';
import { buildCommand, type BuildFiles } from './engine/build-command.js';
import { metadataDigest, runBuild, type BuildRun } from './engine/build.js';
import type { Engine } from './engine/detect.js';
import { localRepoDigest, saveImage, type EngineContext } from './engine/images.js';
import { platformLayouts, readImageArchive, type ArchivedImage } from './image-archive.js';
import type { DockerMeta } from './meta/compute.js';
import type { BuildSpec, DockerOptions } from './options.js';

/** One build's result, before any push. */
export interface BuiltImage {
  spec: BuildSpec;
  meta: DockerMeta;
  run: BuildRun;
  /** The archive the scan reads (a `docker save` or an OCI layout); undefined when the build failed. */
  archive?: string;
  /** What Trivy scans: the archive, or one OCI layout per platform of a multi-platform build. */
  scanTargets: { platform?: string; path: string }[];
  /** Per platform, what the archive holds: the layers that were scanned. */
  platforms: ArchivedImage[];
  /** The digest without a push, and where it came from. */
  localDigest?: { digest: string; source: 'builder' | 'local' | 'image-id' };
  files: BuildFiles;
}

export function buildFiles(tempDir: string, index: number): BuildFiles {
  return {
    iidFile: path.join(tempDir, `build-${index}.iid`),
    metadataFile: path.join(tempDir, `build-${index}.metadata.json`),
    ociLayout: path.join(tempDir, `build-${index}.oci`),
  };
}

/**
 * Builds one image where it can be scanned and saves it to an archive: `--load` into the engine and
 * `docker save` (or `podman save`) for one platform; buildx's OCI archive for several. The archive is
 * read for each platform's config and layers, so the push can be checked against exactly what was scanned.
 */
export async function buildForScan(
  engine: Engine,
  spec: BuildSpec,
  meta: DockerMeta,
  options: DockerOptions,
  index: number,
  ctx: StageContext,
  engineCtx: EngineContext & { tempDir: string },
  exportCache: boolean,
): Promise<BuiltImage> {
  const files = buildFiles(engineCtx.tempDir, index);
  const command = buildCommand(
    engine,
    spec,
    options,
    { tags: meta.tags, labels: meta.labels },
    { context: path.resolve(ctx.cwd, spec.context), file: path.resolve(ctx.cwd, spec.file) },
    files,
    'scan',
    exportCache,
  );
  ctx.logger.debug(`${command.program} ${command.args.join(' ')}`);
  const run = await ctx.logger.group(`Build ${spec.name} (${engine.kind})`, () => runBuild(command, files, engineCtx));
  const built: BuiltImage = { spec, meta, run, platforms: [], scanTargets: [], files };
  if (!run.ok) return built;

  const oci = engine.kind === 'buildx' && spec.platforms.length > 1;
  let archive = files.ociLayout;
  if (!oci) {
    archive = path.join(engineCtx.tempDir, `build-${index}.docker.tar`);
    await saveImage(engine, run.imageId ?? meta.tags[0] ?? '', archive, engineCtx);
  }
  built.archive = archive;
  built.platforms = (await readImageArchive(archive)).images;
  built.scanTargets = oci ? await platformLayouts(archive, built.platforms) : [{ path: archive }];

  const fromBuilder = metadataDigest(run.metadata);
  const local = !fromBuilder && meta.tags[0] ? await localRepoDigest(engine, meta.tags[0], engineCtx) : undefined;
  if (fromBuilder) built.localDigest = { digest: fromBuilder, source: 'builder' };
  else if (local) built.localDigest = { digest: local, source: 'local' };
  else if (run.imageId) built.localDigest = { digest: run.imageId, source: 'image-id' };
  return built;
}
