import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dbWriterPath, FIXTURES, orasPath } from './tools.js';

const run = promisify(execFile);

/** Media types Trivy expects of its database artifact (pkg/db in Trivy, and `oras push` in trivy-db's CI). */
export const DB_LAYER_TYPE = 'application/vnd.aquasec.trivy.db.layer.v1.tar+gzip';
export const DB_CONFIG_TYPE = 'application/vnd.aquasec.trivy.config.v1+json';

/**
 * Writes the test database (trivy.db + metadata.json) with trivy-db's own build, from the advisories
 * in tests/fixtures/trivy-db/advisories, and packs it as Trivy publishes it: db.tar.gz.
 * Returns the directory holding trivy.db, metadata.json and db.tar.gz.
 */
export async function buildTestDb(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-trivy-db-'));
  await run(await dbWriterPath(), ['-advisories', path.join(FIXTURES, 'advisories'), '-out', dir], {
    timeout: 120_000,
  });
  await run('tar', ['-czf', 'db.tar.gz', 'trivy.db', 'metadata.json'], { cwd: dir, timeout: 60_000 });
  return dir;
}

/** Pushes db.tar.gz from `dbDir` to `<registry>/<repository>:2` as an OCI artifact with oras. */
export async function pushTestDb(dbDir: string, registry: string, repository: string): Promise<string> {
  if (!orasPath) throw new Error('oras is not installed (.ci/setup/scan.sh builds it)');
  await writeFile(path.join(dbDir, 'config.json'), '{}');
  const ref = `${registry}/${repository}:2`;
  await run(
    orasPath,
    ['push', '--plain-http', '--config', `config.json:${DB_CONFIG_TYPE}`, ref, `db.tar.gz:${DB_LAYER_TYPE}`],
    { cwd: dbDir, timeout: 60_000 },
  );
  return ref;
}

/** A Trivy cache directory that already holds the test database, as `--skip-db-update` needs it. */
export async function cacheDirWithDb(dbDir: string): Promise<string> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-trivy-cache-'));
  await mkdir(path.join(cacheDir, 'db'));
  await cp(path.join(dbDir, 'trivy.db'), path.join(cacheDir, 'db', 'trivy.db'));
  await cp(path.join(dbDir, 'metadata.json'), path.join(cacheDir, 'db', 'metadata.json'));
  return cacheDir;
}
