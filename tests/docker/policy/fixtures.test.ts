// The Node and Go services in tests/fixtures/docker (real, buildable multi-stage Dockerfiles; see its
// README) pass the strictest policy; the same files with one good practice removed do not.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { checkDockerfileAt } from '../../../src/stages/docker/policy/check.js';
import { tempDir } from '../../test-stage/support/git-repo.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/docker');
const STRICT = { level: 'strict', orchestratorProbes: false } as const;

function at(dir: string, file = 'Dockerfile') {
  return { path: path.join(dir, file), file: `${path.basename(dir)}/${file}`, contextDir: dir };
}

/** A writable copy of a fixture service. */
function copyOf(service: string): string {
  const dir = path.join(tempDir('docker-fixture'), service);
  cpSync(path.join(FIXTURES, service), dir, { recursive: true });
  return dir;
}

describe('fixture services', () => {
  it.each(['node-service', 'go-service'])('%s passes strict with no finding', async (service) => {
    const r = await checkDockerfileAt(at(path.join(FIXTURES, service)), STRICT);
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('go-service without its .dockerignore: COPY . . is warned at its line', async () => {
    const dir = copyOf('go-service');
    rmSync(path.join(dir, '.dockerignore'));
    const r = await checkDockerfileAt(at(dir), STRICT);
    const line = readFileSync(path.join(dir, 'Dockerfile'), 'utf8').split('\n').indexOf('COPY . .') + 1;
    expect(r.findings.map((f) => [f.rule, f.line, f.severity, f.file])).toEqual([
      ['dockerignore', line, 'warning', 'go-service/Dockerfile'],
    ]);
    // BuildKit's per-Dockerfile ignore file (<Dockerfile>.dockerignore beside it) counts too.
    writeFileSync(path.join(dir, 'Dockerfile.dockerignore'), '.git\n');
    expect((await checkDockerfileAt(at(dir), STRICT)).findings).toEqual([]);
  });

  it('node-service with the build done in the final stage and no USER: three findings at the right lines', async () => {
    const dir = copyOf('node-service');
    const file = path.join(dir, 'Dockerfile');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text
        .replace('COPY --from=build --chown=node:node /app /app', 'COPY . /app\nRUN npm ci --omit=dev')
        .replace('USER node\n', ''),
    );
    const r = await checkDockerfileAt(at(dir), STRICT);
    const lines = readFileSync(file, 'utf8').split('\n');
    const final = lines.findIndex((l) => l.startsWith('FROM') && l.includes('AS runtime')) + 1;
    const npm = lines.lastIndexOf('RUN npm ci --omit=dev') + 1;
    expect(r.findings.map((f) => `${f.rule}@${f.line}`)).toEqual([
      `multi-stage@${final}`,
      `non-root-user@${final}`,
      `package-cache@${npm}`,
    ]);
  });

  it('a missing Dockerfile is a UserError naming the input and the file', async () => {
    const dir = tempDir('no-dockerfile');
    const error = await checkDockerfileAt(at(dir), STRICT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toEqual({ input: 'file', file: `${path.basename(dir)}/Dockerfile` });
    expect((error as UserError).message).toBe('the Dockerfile does not exist');
  });
});
