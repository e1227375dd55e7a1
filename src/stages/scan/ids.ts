/**
 * Advisory ids as every tool spells them, made comparable: `CVE-2021-44906`, `GHSA-xvch-5gv4-984h`,
 * OSV database ids (`PYSEC-2021-66`, `GO-2022-0969`, `RUSTSEC-2020-0071`, `GMS-…`, `SNYK-…`), and the
 * ids hidden in advisory URLs (github.com/advisories/GHSA-…, nvd.nist.gov/vuln/detail/CVE-…,
 * osv.dev/vulnerability/…, npmjs.com/advisories/1523 → `NPM-1523`).
 */

const CVE = /^CVE-\d{4}-\d{4,}$/i;
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;
/** OSV's database prefixes and other tools' ids: letters, digits, dashes, dots, underscores and colons. */
const OTHER = /^[A-Za-z][A-Za-z0-9]*([-_:.][A-Za-z0-9]+)+$/;

/** One id in its canonical spelling (CVE and GHSA upper-cased prefixes, GHSA body lower-case), or undefined. */
export function normalizeId(raw: string): string | undefined {
  const id = raw.trim();
  if (id === '') return undefined;
  if (CVE.test(id)) return id.toUpperCase();
  if (GHSA.test(id)) return `GHSA${id.slice(4).toLowerCase()}`;
  if (OTHER.test(id) && id.length <= 100) return id;
  return undefined;
}

const URL_IDS: readonly RegExp[] = [
  /github\.com\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i,
  /github\.com\/[^/]+\/[^/]+\/security\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i,
  /nvd\.nist\.gov\/vuln\/detail\/(CVE-\d{4}-\d{4,})/i,
  /cve\.org\/CVERecord\?id=(CVE-\d{4}-\d{4,})/i,
  /cve\.mitre\.org\/cgi-bin\/cvename\.cgi\?name=(CVE-\d{4}-\d{4,})/i,
  /osv\.dev\/vulnerability\/([A-Za-z][A-Za-z0-9._:-]+)/i,
  /pkg\.go\.dev\/vuln\/(GO-\d{4}-\d+)/i,
  /avd\.aquasec\.com\/nvd\/(cve-\d{4}-\d{4,})/i,
];

/** The advisory id a URL names (GitHub, NVD, OSV, Go, npm), or undefined. */
export function idFromUrl(url: string): string | undefined {
  for (const re of URL_IDS) {
    const m = re.exec(url);
    if (m?.[1]) return normalizeId(m[1]);
  }
  const npm = /npmjs\.com\/advisories\/(\d+)/i.exec(url);
  if (npm?.[1]) return `NPM-${npm[1]}`;
  return undefined;
}

/**
 * GitHub advisory pages among an advisory's references name the same vulnerability (GitHub reviews
 * one advisory per CVE and ecosystem): they become aliases. Other references (a commit, an issue, a
 * CVE mentioned as related) are not taken: an alias joins findings, so a wrong one would hide one.
 */
export function aliasesFromReferences(references: unknown): string[] {
  // An array of URLs, or that array's JSON text unparsed (the Trivy reader passes the text).
  const urls =
    typeof references === 'string'
      ? (references.replace(/\\\//g, '/').match(/https?:\/\/[^"\s]+/g) ?? [])
      : Array.isArray(references)
        ? references.filter((r): r is string => typeof r === 'string')
        : [];
  const out: string[] = [];
  for (const r of urls) {
    const m = URL_IDS[0].exec(r) ?? URL_IDS[1].exec(r);
    if (m?.[1]) {
      const id = normalizeId(m[1]);
      if (id && !out.includes(id)) out.push(id);
    }
  }
  return out;
}

/** Primary first: a CVE, else a GHSA, else the first id given; the rest sorted and without duplicates. */
export function splitIds(ids: readonly string[]): { id: string; aliases: string[] } {
  const unique = sortIds(ids);
  const primary = unique.find((i) => i.startsWith('CVE-')) ?? unique.find((i) => i.startsWith('GHSA-')) ?? unique[0];
  return { id: primary ?? 'unknown', aliases: unique.filter((i) => i !== primary).sort() };
}

/**
 * One collator for every comparison: `localeCompare` with a locale and options builds an ICU collator
 * on each call (tens of thousands for a large report, each malloc'ed and freed).
 */
const numericOrder = new Intl.Collator('en', { numeric: true });

/** Several CVEs for one advisory (rare, but GitHub has them): the lowest is primary, so the choice is stable. */
export function sortIds(ids: readonly string[]): string[] {
  if (ids.length === 1) return [ids[0]];
  return [...new Set(ids)].sort(numericOrder.compare);
}
