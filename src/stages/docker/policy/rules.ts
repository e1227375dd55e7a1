/** How strictly the Dockerfile policy is applied: `off` checks nothing. */
export const POLICY_LEVELS = ['strict', 'recommended', 'off'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

export type Severity = 'error' | 'warning';

interface RuleInfo {
  /** What the rule asks for, in one line (shown in reports and in `--help`-style listings). */
  summary: string;
  severity: Record<Exclude<PolicyLevel, 'off'>, Severity>;
  /** The nearest hadolint rule(s) or BuildKit check, for readers who know those. */
  compare: string;
}

/**
 * Every rule, its severity per policy level and the linter rule it is closest to. `recommended` makes
 * errors of what ships a risk (root, unpinned or secret-bearing images, remote ADD) and warnings of what
 * only costs size or operability; `strict` makes everything an error except a missing .dockerignore, which
 * stays a warning (whether `COPY . .` pulls in too much depends on the repository).
 */
export const POLICY_RULES = {
  'multi-stage': {
    summary: 'the final stage copies its artifacts from a build stage (COPY --from), so build tools do not ship',
    severity: { recommended: 'warning', strict: 'error' },
    compare: 'none in hadolint',
  },
  'non-root-user': {
    summary: 'the final stage sets a USER that is not root (root, 0, root:… and 0:… are root)',
    severity: { recommended: 'error', strict: 'error' },
    compare: 'hadolint DL3002 (which only flags an explicit root USER)',
  },
  healthcheck: {
    summary: 'the final stage has a HEALTHCHECK (unless orchestrator-probes says the platform probes it)',
    severity: { recommended: 'warning', strict: 'error' },
    compare: 'hadolint DL3057',
  },
  'pinned-base': {
    summary:
      'every base image the build pulls (the target stage, else the last, and the stages it needs) has a tag other than latest, or a digest (scratch and earlier stages are fine)',
    severity: { recommended: 'error', strict: 'error' },
    compare: 'hadolint DL3006 and DL3007',
  },
  'no-secrets': {
    summary: 'no ENV or ARG whose name or value looks like a secret (use a build secret: RUN --mount=type=secret)',
    severity: { recommended: 'error', strict: 'error' },
    compare: 'BuildKit check SecretsUsedInArgOrEnv (names); known token formats (values)',
  },
  'no-add-url': {
    summary: 'no ADD of a URL: download with a checked tool in a RUN, or COPY from a stage',
    severity: { recommended: 'warning', strict: 'error' },
    compare: 'none in hadolint (DL3020 allows URLs)',
  },
  'package-cache': {
    summary:
      "a stage that ships cleans the package manager's cache in the same RUN (apt lists, apk --no-cache, pip --no-cache-dir, npm/yarn cache clean, yum/dnf/zypper clean) or uses a cache mount",
    severity: { recommended: 'warning', strict: 'error' },
    compare: 'hadolint DL3009, DL3019, DL3042, DL3060, DL3032, DL3040, DL3036',
  },
  dockerignore: {
    summary: 'COPY . (the whole context) has a .dockerignore beside it',
    severity: { recommended: 'warning', strict: 'warning' },
    compare: 'none in hadolint',
  },
  'shipkit-ignore': {
    summary: 'a `# shipkit-ignore: <rule> <reason>` comment names a known rule and gives a reason',
    severity: { recommended: 'error', strict: 'error' },
    compare: 'hadolint inline ignores take no reason',
  },
} as const satisfies Record<string, RuleInfo>;

export type PolicyRuleId = keyof typeof POLICY_RULES;

export const isPolicyRule = (id: string): id is PolicyRuleId => Object.hasOwn(POLICY_RULES, id);

export function severityOf(rule: PolicyRuleId, level: Exclude<PolicyLevel, 'off'>): Severity {
  return POLICY_RULES[rule].severity[level];
}
