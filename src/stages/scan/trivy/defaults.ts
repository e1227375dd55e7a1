/**
 * Defaults of the Trivy settings. scan/action.yml holds the same values as input defaults (a test
 * keeps them equal); .ci/setup/scan.sh builds the same Trivy version for the tests.
 */

/** The Trivy release shipkit runs unless `trivy-version` says otherwise. */
export const TRIVY_VERSION = '0.74.0';

/** Where Trivy's release tarballs and checksums files are published (`trivy-download-url`). */
export const TRIVY_RELEASES_URL = 'https://github.com/aquasecurity/trivy/releases/download';

/**
 * Trivy's own default order (pkg/db in v0.74.0): Google's mirror first, then GitHub's registry,
 * whose anonymous pulls are the ones rate-limited with TOOMANYREQUESTS.
 */
export const DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];

/**
 * How long a rate-limited registry is waited for: attempts per repository, and the longest single
 * wait. A registry asking for more than `maxWaitSeconds` is not waited for: the next one is tried.
 */
export const RATE_LIMIT = { attempts: 3, maxWaitSeconds: 60 };

/** The tag Trivy v0.74.0 pulls when a repository names none: its database schema version. */
export const DB_SCHEMA_TAG = '2';
