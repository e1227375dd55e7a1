import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../engine/command.js';
import { apiHost } from './reference.js';

export interface Credentials {
  username: string;
  password: string;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** The Docker CLI's config directory: DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
}

/** The keys a registry's entry may have in `auths`: Docker Hub's historic URL, with or without a scheme. */
function keysFor(registry: string): string[] {
  if (registry === 'docker.io')
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/`, `http://${registry}/`];
}

/**
 * The credentials the Docker CLI would use for `registry`, read from its config: an `auths` entry
 * (`auth` is base64 `user:password`), or a credential helper (`credHelpers`, `credsStore`) asked the way
 * the CLI asks it (`docker-credential-<name> get`, the server on standard input). Undefined when none.
 */
export async function dockerConfigCredentials(
  registry: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  let config: DockerConfig;
  try {
    config = JSON.parse(await readFile(path.join(dockerConfigDir(env), 'config.json'), 'utf8')) as DockerConfig;
  } catch {
    return undefined;
  }
  const keys = keysFor(registry);
  const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean) ?? config.credsStore;
  if (helper) {
    const fromHelper = await askHelper(helper, keys[0] ?? registry, env);
    if (fromHelper) return fromHelper;
  }
  for (const key of keys) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    if (entry.auth) {
      const text = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = text.indexOf(':');
      if (colon > 0) return { username: text.slice(0, colon), password: text.slice(colon + 1) };
    }
    if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  }
  return undefined;
}

async function askHelper(name: string, server: string, env: NodeJS.ProcessEnv): Promise<Credentials | undefined> {
  const result = await runCommand(`docker-credential-${name}`, ['get'], { cwd: os.tmpdir(), env, stdin: server });
  if (result.code !== 0) return undefined;
  try {
    const parsed = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
    return parsed.Username && parsed.Secret ? { username: parsed.Username, password: parsed.Secret } : undefined;
  } catch {
    return undefined;
  }
}

/** The same registry under the names users write it (`docker.io` and its API host are one). */
export const sameRegistry = (a: string, b: string): boolean => apiHost(a) === apiHost(b);
