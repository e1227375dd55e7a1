import { cut } from '../../core/text.js';

/**
 * A secret found is never printed: the stage keeps a secret finding's rule, file, line and this
 * snippet only. Scanners mask the match themselves (Trivy writes `****`), but their context lines
 * and other tools' snippets may still hold the value, and a line may hold a second secret the
 * scanner did not report. So every snippet is masked again here: the value after `=`/`:` on an
 * assignment, every known token shape, and every long run of token characters.
 */

const TOKEN_SHAPES: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{12,}\b/g, // AWS access key ids
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, // Slack
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}\b/g, // Stripe
  /\bAIza[0-9A-Za-z_-]{20,}\b/g, // Google API keys
  /\bglpat-[A-Za-z0-9_-]{16,}\b/g, // GitLab
  /\bnpm_[A-Za-z0-9]{30,}\b/g, // npm
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, // JWTs
];

/** Runs of 16+ characters that tokens are made of: no word in a config line is that long and that mixed. */
const LONG_RUN = /[A-Za-z0-9+/_=.-]{16,}/g;

/** `KEY=value`, `key: value`, `"key": "value"`: the value goes, the key stays (it tells what leaked). */
const ASSIGNMENT = /((?:^|[\s{,;(])["']?[A-Za-z_][A-Za-z0-9_.-]*["']?\s*(?:=|:)\s*)(["']?)([^\s"',;)}]+)\2/g;

const MASK = '****';
const MAX_SNIPPET = 160;

export function redactSnippet(text: string): string {
  let out = text.replace(/\r?\n|\r/g, ' ').trim();
  for (const re of TOKEN_SHAPES) out = out.replace(re, MASK);
  out = out.replace(ASSIGNMENT, (_m, head: string, quote: string, value: string) =>
    /^\*+$/.test(value) ? `${head}${quote}${value}${quote}` : `${head}${quote}${MASK}${quote}`,
  );
  out = out.replace(LONG_RUN, (run) => (/^\*+$/.test(run) || !/[0-9]/.test(run) ? run : MASK));
  // A snippet is for finding the line, not for reading the file: long lines are cut.
  return cut(out, MAX_SNIPPET);
}
