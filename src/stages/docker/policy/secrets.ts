import { Arg, Env } from 'dockerfile-ast';
import { lineOf, type DockerfileModel } from './dockerfile-model.js';
import type { RawFinding } from './finding.js';

/**
 * BuildKit's SecretsUsedInArgOrEnv check: a name whose first or last `_`-separated word (or the whole
 * name) is one of these, unless it also says `public`.
 */
const SECRET_NAME = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const PUBLIC_NAME = /(?:_|^)public(?:_|$)/i;

/** Values that are secrets whatever they are called: well-known token formats. */
const SECRET_VALUES: readonly { what: string; pattern: RegExp }[] = [
  { what: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'a Stripe live key', pattern: /\b(?:sk|rk)_live_[0-9a-zA-Z]{24,}\b/ },
  { what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { what: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  // scheme://user:password@host, unless the password is a variable ($DB_PASSWORD) filled in at run time.
  { what: 'a URL with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:(?!\$)[^\s@/]+@/i },
];

export const looksSecretName = (name: string): boolean => SECRET_NAME.test(name) && !PUBLIC_NAME.test(name);

export function secretValueKind(value: string): string | undefined {
  return SECRET_VALUES.find((s) => s.pattern.test(value))?.what;
}

/**
 * ENV and ARG values stay in the image's config and history, where anyone who can pull it reads them.
 * Messages name the variable, never its value.
 */
export function secretFindings(model: DockerfileModel): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const instruction of model.dockerfile.getInstructions()) {
    if (!(instruction instanceof Env) && !(instruction instanceof Arg)) continue;
    const keyword = instruction.getKeyword();
    for (const property of instruction.getProperties()) {
      const name = property.getName();
      const kind = secretValueKind(property.getValue() ?? '');
      if (kind) {
        findings.push({
          rule: 'no-secrets',
          line: lineOf(instruction),
          message: `${keyword} ${name} holds what looks like ${kind}: it stays in the image; pass it as a build secret (RUN --mount=type=secret) and rotate it`,
        });
      } else if (looksSecretName(name)) {
        findings.push({
          rule: 'no-secrets',
          line: lineOf(instruction),
          message: `${keyword} ${name} looks like a secret: ${keyword} values stay in the image; pass it as a build secret (RUN --mount=type=secret)`,
        });
      }
    }
  }
  return findings;
}
