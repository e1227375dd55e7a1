import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../../../core/errors.js';
import type { RegistryLogin } from '../options.js';
import { dockerConfigDir } from '../registry/credentials.js';
import { mayUseHttp } from '../registry/reference.js';
import { lastWords, runCommand } from './command.js';
import type { Engine } from './detect.js';

export interface LoginSession {
  /** Added to every later command of the builder: where the login's credentials are. */
  env: Record<string, string>;
  /** Deletes the credentials written for this run. */
  dispose(): Promise<void>;
}

/** Where the CLI keeps more than credentials: plugins (buildx), builder instances, contexts. They stay reachable. */
const SHARED_DIRS = ['cli-plugins', 'buildx', 'contexts'];

/**
 * A Docker config directory for this run only, seeded from the user's (so buildx and its builder instance,
 * contexts and other registries' logins keep working) but without a credential store: the password goes
 * into this directory's config.json and is deleted with it, never into the user's keychain or config.
 */
async function temporaryDockerConfig(env: NodeJS.ProcessEnv, server: string): Promise<string> {
  const dir = await mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), 'shipkit-docker-config-'));
  await chmod(dir, 0o700);
  const source = dockerConfigDir(env);
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(await readFile(path.join(source, 'config.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    config = {};
  }
  delete config.credsStore;
  const helpers = config.credHelpers as Record<string, string> | undefined;
  if (helpers) delete helpers[server];
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  for (const name of SHARED_DIRS) {
    const from = path.join(source, name);
    if (existsSync(from)) await symlink(from, path.join(dir, name));
  }
  return dir;
}

/**
 * `docker login` / `podman login` with `--password-stdin`: the password is written to the login's standard
 * input, never put on its command line. A refused login is a ServiceError naming the input to check.
 */
export async function registryLogin(
  engine: Engine,
  login: RegistryLogin,
  ctx: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal; insecureRegistries: readonly string[] },
): Promise<LoginSession> {
  let env: Record<string, string>;
  let dir: string;
  let args: string[];
  if (engine.program === 'podman') {
    dir = await mkdtemp(path.join(ctx.env.RUNNER_TEMP || os.tmpdir(), 'shipkit-podman-auth-'));
    await chmod(dir, 0o700);
    const authFile = path.join(dir, 'auth.json');
    env = { REGISTRY_AUTH_FILE: authFile };
    const tls = mayUseHttp(login.server, ctx.insecureRegistries) ? ['--tls-verify=false'] : [];
    args = ['login', ...tls, '--authfile', authFile, '--username', login.username, '--password-stdin', login.server];
  } else {
    dir = await temporaryDockerConfig(ctx.env, login.server);
    env = { DOCKER_CONFIG: dir };
    args = ['login', '--username', login.username, '--password-stdin', login.server];
  }
  const dispose = () => rm(dir, { recursive: true, force: true });
  const r = await runCommand(engine.program, args, {
    cwd: ctx.cwd,
    env: { ...ctx.env, ...env },
    stdin: login.password,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (r.code !== 0) {
    await dispose();
    throw new ServiceError(
      `${engine.program} login to ${login.server} as ${login.username} failed: ${lastWords(r)}`,
      login.server === 'ghcr.io'
        ? 'Check the token: a workflow pushing to GHCR needs permissions: packages: write'
        : 'Check the registry address, the username and the password or token',
      'password',
    );
  }
  return { env, dispose };
}
