// semver's single functions, not its index: the index loads Range and costs the process megabytes.
import semverCompare from 'semver/functions/compare.js';
import semverValid from 'semver/functions/valid.js';

/**
 * The fixed version of a finding several tools reported. Tools say it differently: npm gives the
 * upper bound of the range the installed version is in (`1.2.6`), Trivy every fixed version of the
 * advisory (`1.2.6, 0.2.4`), and databases of different days can disagree (GitHub's advisory for
 * lodash's CVE-2020-8203 said 4.17.19, later 4.17.20). What a reader needs is the version to upgrade
 * to: from each tool, the lowest of its versions above the installed one (the fix on the installed
 * line), and across tools the highest of those, the one every tool agrees is fixed. A single
 * answer is kept as the tool wrote it.
 */
export function reconcileFixed(
  values: readonly (string | null)[],
  installed: string | null,
  ecosystem: string,
): string | null {
  const given = [...new Set(values.filter((v): v is string => v !== null && v.trim() !== ''))];
  if (given.length === 0) return null;
  // One answer (one tool, or tools that agree) is shown as the tool wrote it.
  if (given.length === 1) return given[0];
  const compare = (a: string, b: string) => compareVersions(a, b, ecosystem);
  const picks = given.map((v) => fixOnInstalledLine(v, installed, compare));
  return picks.reduce((a, b) => (compare(b, a) > 0 ? b : a));
}

/** Of a tool's fixed versions (`1.2.6, 0.2.4`), the lowest above `installed`; the value itself when it is one. */
function fixOnInstalledLine(
  value: string,
  installed: string | null,
  compare: (a: string, b: string) => number,
): string {
  const list = value
    .split(/,\s*/)
    .map((v) => v.trim())
    .filter(Boolean);
  if (list.length <= 1) return value.trim();
  const above = installed === null ? list : list.filter((v) => compare(v, installed) > 0);
  const candidates = above.length > 0 ? above : list;
  return candidates.reduce((a, b) => (compare(b, a) < 0 ? b : a));
}

/** Ecosystems whose versions are semver: a `-suffix` there is a pre-release, before the release. */
const SEMVER = new Set(['npm', 'go', 'cargo', 'composer']);

/**
 * Orders versions of one package. In a semver ecosystem (npm, Go, Cargo, Composer) as semver; else,
 * and for what is not semver, by their parts, numbers as numbers and a longer version after its
 * prefix: Alpine's `3.1.4-r10` after `3.1.4-r5`, Debian's `1.1.1d-0+deb10u10` after `…u4`.
 */
export function compareVersions(a: string, b: string, ecosystem = ''): number {
  if (SEMVER.has(ecosystem)) {
    const sa = semverValid(a.replace(/^v(?=\d)/, ''));
    const sb = semverValid(b.replace(/^v(?=\d)/, ''));
    if (sa && sb) return semverCompare(sa, sb);
  }
  const pa = a.match(/\d+|[^\d.+~:-]+/g) ?? [];
  const pb = b.match(/\d+|[^\d.+~:-]+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (nx !== ny) return nx ? 1 : -1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
