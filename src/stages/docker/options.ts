import path from 'node:path';
import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import { GATE_SEVERITIES, type GateSeverity } from '../scan/model.js';
import { parseBuilds, type BuildEntry } from './builds-input.js';
import { BUILD_ARG_NAME, parseKeyValues, SECRET_ID } from './key-values.js';
import type { MetaConfig } from './meta/compute.js';
import { parseImages } from './meta/images.js';
import { readInputList } from './meta/input-list.js';
import { readMetaOptions } from './meta/options.js';
import { parseTagRules } from './meta/tag-rules.js';
import type { PolicyOptions } from './policy/check.js';
import { readPolicyOptions } from './policy/options.js';

export const BUILDERS = ['auto', 'buildx', 'docker', 'podman'] as const;
export type BuilderChoice = (typeof BUILDERS)[number];

/** Defaults, equal to docker/action.yml's (a test holds them equal). */
export const DEFAULTS = {
  context: '.',
  builder: 'auto',
  'fail-on': 'high',
  'ignore-file': '.shipkit/scan-ignore.yml',
  'trivy-version': '0.74.0',
  'db-repository': 'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2',
  'push-retries': '3',
} as const;

/** One image to build: its context, Dockerfile, names and tag rules. */
export interface BuildSpec {
  /** How the report and the log name it: the entry's `name`, else its first image's last part, else its context. */
  name: string;
  /** The build context, relative to the working directory as the user wrote it. */
  context: string;
  /** The Dockerfile, relative to the working directory. */
  file: string;
  meta: MetaConfig;
  target?: string;
  /** `build-args` of the step, then the entry's own (which win). */
  buildArgs: Record<string, string>;
  platforms: string[];
}

export interface RegistryLogin {
  /** As `docker login` takes it: `ghcr.io`, `127.0.0.1:5000`; `docker.io` for Docker Hub. */
  server: string;
  username: string;
  password: string;
}

export interface ScanSettings {
  enabled: boolean;
  failOn: GateSeverity;
  ignoreFile: string;
  ignoreFileExplicit: boolean;
  trivyVersion: string;
  trivyPath?: string;
  dbRepositories: string[];
  skipDbUpdate: boolean;
}

export interface DockerOptions {
  builds: BuildSpec[];
  /** `dry-run`: tags, labels and policy, nothing built; `lint-only`: the policy alone. */
  mode: 'build' | 'dry-run' | 'lint-only';
  push: boolean;
  load: boolean;
  builder: BuilderChoice;
  secrets: { id: string; value: string }[];
  cacheFrom: string[];
  cacheTo: string[];
  sbom: boolean;
  /** `false`, `true`, `mode=min`, `mode=max`…; undefined: the builder's default. */
  provenance?: string;
  policy: Pick<PolicyOptions, 'level' | 'orchestratorProbes'>;
  login?: RegistryLogin;
  scan: ScanSettings;
  /** Attempts after the first for each tag's push. */
  pushRetries: number;
  /** Registries reached over plain HTTP (as dockerd's `insecure-registries`); loopback ones always may. */
  insecureRegistries: string[];
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;

function readPlatforms(values: readonly string[], label: string): string[] {
  for (const p of values)
    if (!PLATFORM.test(p))
      throw new UserError(`${label}: '${p}' is not a platform such as linux/amd64 or linux/arm64/v8`, {
        input: 'platforms',
      });
  return [...new Set(values)];
}

function buildArgs(lines: readonly string[], label: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { key, value } of parseKeyValues(lines, {
    input: 'build-args',
    label,
    what: 'NAME',
    name: BUILD_ARG_NAME,
  }))
    out[key] = value;
  return out;
}

/** The name of a build: what a reader recognises in the report (`api`, `web`). */
function buildName(entry: { name?: string; context: string }, meta: MetaConfig, cwd: string): string {
  if (entry.name) return entry.name;
  const image = meta.images.find((i) => i.enable)?.name;
  if (image) return image.split('/').at(-1) ?? image;
  return path.basename(path.resolve(cwd, entry.context)) || entry.context;
}

function readLogin(inputs: InputReader, env: NodeJS.ProcessEnv): RegistryLogin | undefined {
  const server = inputs.string('registry');
  const username = inputs.string('username');
  const password = inputs.secret('password');
  if (server === 'ghcr.io' && password === undefined) {
    // GHCR takes the job's token, as the user `github.actor` (GitHub's documented way to push from a workflow).
    const token = inputs.secret('github-token') ?? env.GITHUB_TOKEN;
    const actor = username ?? env.GITHUB_ACTOR;
    if (token && actor) {
      inputs.source.mask(token);
      return { server, username: actor, password: token };
    }
    throw new UserError(
      `${inputs.source.label('registry')} is ghcr.io but there is no token: give ${inputs.source.label('password')}, or the job's github-token with packages: write`,
      { input: 'password' },
    );
  }
  if (username === undefined && password === undefined) {
    if (server !== undefined)
      throw new UserError(
        `${inputs.source.label('registry')} is set but ${inputs.source.label('username')} and ${inputs.source.label('password')} are empty`,
        { input: 'username' },
      );
    return undefined;
  }
  if (username === undefined || password === undefined)
    throw new UserError(
      `${inputs.source.label(username === undefined ? 'username' : 'password')} is required with ${inputs.source.label(username === undefined ? 'password' : 'username')}`,
      { input: username === undefined ? 'username' : 'password' },
    );
  return { server: server ?? 'docker.io', username, password };
}

function readScan(inputs: InputReader): ScanSettings {
  const version = inputs.string('trivy-version') ?? DEFAULTS['trivy-version'];
  if (!/^v?\d+\.\d+\.\d+$/.test(version))
    throw new UserError(`${inputs.source.label('trivy-version')} must be a version such as 0.74.0, got '${version}'`, {
      input: 'trivy-version',
    });
  const ignoreFile = inputs.string('ignore-file');
  const trivyPath = inputs.string('trivy-path');
  const repos = inputs.list('db-repository');
  return {
    enabled: inputs.bool('scan', true),
    failOn: inputs.oneOf('fail-on', GATE_SEVERITIES, DEFAULTS['fail-on']),
    ignoreFile: ignoreFile ?? DEFAULTS['ignore-file'],
    ignoreFileExplicit: ignoreFile !== undefined && ignoreFile !== DEFAULTS['ignore-file'],
    trivyVersion: version.replace(/^v/, ''),
    ...(trivyPath !== undefined ? { trivyPath } : {}),
    dbRepositories: repos.length > 0 ? repos : DEFAULTS['db-repository'].split(','),
    skipDbUpdate: inputs.bool('skip-db-update', false),
  };
}

function entryBuild(
  entry: BuildEntry,
  top: { context: string; meta: MetaConfig; args: Record<string, string>; platforms: string[]; cwd: string },
  label: string,
  index: number,
): BuildSpec {
  const where = `${label} (build ${index + 1}, line ${entry.line})`;
  const ref = (field: string) => ({ name: 'builds', label: `${where} ${field}` });
  const context = entry.context ?? top.context;
  const meta: MetaConfig = {
    ...top.meta,
    images: parseImages(readInputList(entry.images, ref('images')), ref('images')),
    tags: entry.tags !== undefined ? parseTagRules(readInputList(entry.tags, ref('tags')), ref('tags')) : top.meta.tags,
    inputs: {
      ...top.meta.inputs,
      tags: entry.tags !== undefined ? ref('tags') : (top.meta.inputs?.tags ?? ref('tags')),
    },
  };
  return {
    name: buildName({ ...(entry.name ? { name: entry.name } : {}), context }, meta, top.cwd),
    context,
    file: entry.file ?? path.join(context, 'Dockerfile'),
    meta,
    ...(entry.target ? { target: entry.target } : {}),
    buildArgs: { ...top.args, ...buildArgs(entry.buildArgs, `${where} build-args`) },
    platforms: entry.platforms.length > 0 ? readPlatforms(entry.platforms, `${where} platforms`) : top.platforms,
  };
}

/**
 * Everything the docker stage is told, read once from action inputs or CLI flags of the same names. Paths
 * stay as the user wrote them (relative to the working directory); files are read when the stage runs.
 */
export function readDockerOptions(inputs: InputReader, env: NodeJS.ProcessEnv, cwd: string): DockerOptions {
  const label = (name: string) => inputs.source.label(name);
  const meta = readMetaOptions(inputs, env);
  const context = inputs.string('context') ?? DEFAULTS.context;
  const file = inputs.string('file');
  const target = inputs.string('target');
  const platforms = readPlatforms(inputs.list('platforms'), label('platforms'));
  const args = buildArgs(inputs.lines('build-args'), label('build-args'));
  const secrets = parseKeyValues(inputs.lines('secrets'), {
    input: 'secrets',
    label: label('secrets'),
    what: 'id',
    name: SECRET_ID,
  }).map(({ key, value }) => {
    inputs.source.mask(value);
    return { id: key, value };
  });

  const entries = parseBuilds(inputs.text('builds'), label('builds'));
  if (entries.length > 0 && (file !== undefined || target !== undefined || meta.images.length > 0))
    throw new UserError(
      `${label('builds')} lists the builds: set context, file, target and images in each entry, not as ${label('file')}, ${label('target')} or ${label('images')}`,
      { input: 'builds' },
    );
  const builds: BuildSpec[] =
    entries.length > 0
      ? entries.map((e, i) => entryBuild(e, { context, meta, args, platforms, cwd }, label('builds'), i))
      : [
          {
            name: buildName({ context }, meta, cwd),
            context,
            file: file ?? path.join(context, 'Dockerfile'),
            meta,
            ...(target ? { target } : {}),
            buildArgs: args,
            platforms,
          },
        ];
  const names = builds.map((b) => b.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    throw new UserError(`${label('builds')}: two builds are named '${twice}': give each a distinct name`, {
      input: 'builds',
    });

  const dryRun = inputs.bool('dry-run', false);
  const lintOnly = inputs.bool('lint-only', false);
  if (dryRun && lintOnly)
    throw new UserError(`${label('dry-run')} and ${label('lint-only')} exclude each other: choose one`, {
      input: 'lint-only',
    });
  const push = inputs.bool('push', false);
  const mode = lintOnly ? 'lint-only' : dryRun ? 'dry-run' : 'build';
  if (push && mode === 'build') {
    const bare = builds.find((b) => !b.meta.images.some((i) => i.enable));
    if (bare)
      throw new UserError(
        `${label('push')} is true but build '${bare.name}' names no image to push: set ${label(entries.length > 0 ? 'builds' : 'images')}`,
        { input: entries.length > 0 ? 'builds' : 'images' },
      );
  }
  const provenance = inputs.string('provenance');
  const retries = inputs.number('push-retries', { min: 0, max: 10, integer: true });
  return {
    builds,
    mode,
    push,
    load: inputs.bool('load', false),
    builder: inputs.oneOf('builder', BUILDERS, DEFAULTS.builder),
    secrets,
    cacheFrom: inputs.lines('cache-from'),
    cacheTo: inputs.lines('cache-to'),
    sbom: inputs.bool('sbom', false),
    ...(provenance !== undefined ? { provenance } : {}),
    policy: readPolicyOptions(inputs),
    // Credentials are only used to push, but always masked: a dry run must not print them either.
    ...(mode === 'build' ? withLogin(readLogin(inputs, env)) : maskOnly(inputs)),
    scan: readScan(inputs),
    pushRetries: retries ?? Number(DEFAULTS['push-retries']),
    insecureRegistries: inputs.list('insecure-registries'),
  };
}

const withLogin = (login: RegistryLogin | undefined): { login?: RegistryLogin } => (login ? { login } : {});

function maskOnly(inputs: InputReader): Record<string, never> {
  inputs.secret('password');
  return {};
}
