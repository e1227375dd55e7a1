import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRIVY_VERSION } from '../../../../src/stages/scan/trivy/defaults.js';
import { execTool } from '../../../support/run-tool.js';

/**
 * The real tools the Trivy tests run, as .ci/setup/scan.sh installs them: Trivy and oras built from
 * the Go module proxy under $SHIPKIT_CACHE (/var/cache/shipkit), Debian's docker-registry, and the
 * program that writes the test vulnerability database (built on first use, cached by its sources).
 */
export const CACHE = process.env.SHIPKIT_CACHE ?? '/var/cache/shipkit';
export const ORAS_VERSION = '1.3.6';
export const FIXTURES = path.resolve(fileURLToPath(import.meta.url), '../../../../fixtures/trivy-db');
export const TARGETS = path.join(FIXTURES, 'targets');

function versionLine(file: string, arg: string): string {
  try {
    return execFileSync(file, [arg], { encoding: 'utf8', timeout: 30_000 });
  } catch {
    return '';
  }
}

/** The pinned Trivy, or undefined (with the reason in `missingTools`) when this machine has none. */
export const trivyPath: string | undefined = (() => {
  const file = path.join(CACHE, `trivy-v${TRIVY_VERSION}`, 'trivy');
  return existsSync(file) && versionLine(file, '--version').includes(`Version: ${TRIVY_VERSION}`) ? file : undefined;
})();

export const orasPath: string | undefined = (() => {
  const file = path.join(CACHE, `oras-v${ORAS_VERSION}`, 'oras');
  return existsSync(file) ? file : undefined;
})();

export const registryPath: string | undefined = ['/usr/bin/docker-registry', '/usr/local/bin/docker-registry'].find(
  (file) => existsSync(file),
);

/** Why the real-tool tests cannot run here; empty when they can. Run .ci/setup/scan.sh to install them. */
export const missingTools: string = [
  trivyPath ? '' : `Trivy ${TRIVY_VERSION} (${CACHE}/trivy-v${TRIVY_VERSION}/trivy)`,
  orasPath ? '' : `oras ${ORAS_VERSION}`,
  registryPath ? '' : 'docker-registry',
]
  .filter(Boolean)
  .join(', ');

let dbWriter: Promise<string> | undefined;
/** The database writer's binary, built by tests/fixtures/trivy-db/build.sh when missing. */
export function dbWriterPath(): Promise<string> {
  dbWriter ??= execTool('bash', [path.join(FIXTURES, 'build.sh')], {
    env: { ...process.env, SHIPKIT_CACHE: CACHE },
    timeout: 600_000,
  }).then((out) => out.trim());
  return dbWriter;
}
