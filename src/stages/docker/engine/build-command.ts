import { UserError } from '../../../core/errors.js';
import type { BuildSpec, DockerOptions } from '../options.js';
import type { Engine } from './detect.js';

export interface BuildFiles {
  /** Where the builder writes the image ID (`--iidfile`). */
  iidFile: string;
  /** buildx: where it writes its metadata (`--metadata-file`): the digest, the attestations. */
  metadataFile: string;
  /** buildx, several platforms: the OCI layout directory the scan reads. */
  ociLayout: string;
}

export interface BuildCommand {
  program: 'docker' | 'podman';
  args: string[];
  /** Variables added to the builder's environment: build secrets travel here, never in an argument. */
  env: Record<string, string>;
}

/** The variable a secret's value is passed in: the builder reads it (`--secret id=…,env=…`); nothing prints it. */
export const secretEnvName = (index: number): string => `SHIPKIT_BUILD_SECRET_${index}`;

/**
 * What this build does with the image:
 * - `scan`: build it where it can be scanned (the local engine, or an OCI archive for several platforms);
 * - `push`: buildx only, after the scan passed: the same build again from BuildKit's cache, pushed with its
 *   attestations (the classic store cannot hold SBOM or provenance, so `docker push` would drop them).
 */
export type BuildPurpose = 'scan' | 'push';

type BuildSettings = Pick<DockerOptions, 'secrets' | 'cacheFrom' | 'cacheTo' | 'sbom' | 'provenance'>;

/** What the classic builder (`DOCKER_BUILDKIT=0 docker build`) cannot do, as the inputs that ask for it. */
export function unsupported(engine: Engine, spec: BuildSpec, o: BuildSettings): string[] {
  const out: string[] = [];
  if (engine.kind === 'buildx') return out;
  if (engine.kind === 'docker' && o.secrets.length > 0) out.push('secrets (build secrets need BuildKit)');
  if (spec.platforms.length > 1) out.push('platforms (several platforms need docker buildx)');
  if (engine.kind === 'docker' && o.cacheTo.length > 0) out.push('cache-to (exporting a cache needs BuildKit)');
  if (o.sbom) out.push('sbom (SBOM attestations need docker buildx)');
  if (o.provenance !== undefined && o.provenance !== 'false')
    out.push('provenance (provenance attestations need docker buildx)');
  if (o.cacheFrom.some((c) => /(^|,)type=/.test(c) && !/(^|,)type=registry(,|$)/.test(c)))
    out.push('cache-from (only images or type=registry without BuildKit)');
  return out;
}

/** `type=registry,ref=repo:tag` → `repo:tag`: the classic builder and Podman take image references. */
const cacheRef = (c: string): string => /(?:^|,)ref=([^,]+)/.exec(c)?.[1] ?? c;

/**
 * The build command line. Tags and labels come from the metadata; every path is absolute. Secrets are
 * named by id and read by the builder from its environment (`--secret id=ID,env=VAR`), so their values
 * never appear in an argument list that `ps` or a log could show.
 */
export function buildCommand(
  engine: Engine,
  spec: BuildSpec,
  settings: BuildSettings,
  image: { tags: readonly string[]; labels: Readonly<Record<string, string>> },
  paths: { context: string; file: string },
  files: BuildFiles,
  purpose: BuildPurpose,
  /** Export `cache-to` in this build: the last build of the run does (the push build when there is one). */
  exportCache = true,
): BuildCommand {
  const problems = unsupported(engine, spec, settings);
  if (problems.length > 0) {
    throw new UserError(
      `the ${engine.kind === 'docker' ? 'classic docker builder' : 'podman builder'} cannot do what ${problems.join(', ')} ask for: install docker buildx (docker/setup-buildx-action) or leave those inputs empty`,
      { input: problems[0].split(' ')[0] },
    );
  }
  const args: string[] = engine.kind === 'buildx' ? ['buildx', 'build'] : ['build'];
  const env: Record<string, string> = {};
  args.push('--file', paths.file);
  if (spec.target) args.push('--target', spec.target);
  for (const tag of image.tags) args.push('--tag', tag);
  for (const [key, value] of Object.entries(image.labels)) args.push('--label', `${key}=${value}`);
  for (const [key, value] of Object.entries(spec.buildArgs)) args.push('--build-arg', `${key}=${value}`);
  settings.secrets.forEach((secret, i) => {
    args.push('--secret', `id=${secret.id},env=${secretEnvName(i)}`);
    env[secretEnvName(i)] = secret.value;
  });
  if (spec.platforms.length > 0) args.push('--platform', spec.platforms.join(','));

  if (engine.kind === 'buildx') {
    for (const c of settings.cacheFrom) args.push('--cache-from', c);
    // The cache is exported once, by the run's last build.
    if (exportCache) for (const c of settings.cacheTo) args.push('--cache-to', c);
    args.push('--metadata-file', files.metadataFile, '--iidfile', files.iidFile, '--progress', 'plain');
    if (purpose === 'push') {
      if (settings.sbom) args.push('--sbom', 'true');
      if (settings.provenance !== undefined) args.push('--provenance', settings.provenance);
      args.push('--push');
    } else {
      // Attestations belong to the pushed image; the image that is scanned carries none.
      args.push('--provenance', 'false');
      if (spec.platforms.length > 1) args.push('--output', `type=oci,dest=${files.ociLayout},tar=false`);
      else args.push('--load');
    }
  } else {
    for (const c of settings.cacheFrom) args.push('--cache-from', cacheRef(c));
    if (engine.kind === 'podman') for (const c of settings.cacheTo) args.push('--cache-to', cacheRef(c));
    args.push('--iidfile', files.iidFile);
    // Podman writes OCI images unless told: that format has no HEALTHCHECK, which the policy asks for.
    if (engine.kind === 'podman') args.push('--format', 'docker', '--layers');
  }
  args.push(paths.context);
  return { program: engine.program, args, env };
}
