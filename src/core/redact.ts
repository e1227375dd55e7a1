/**
 * The one place secrets are taken out of what shipkit writes. Every value registered here (the token,
 * `headers` values, database passwords, webhook URLs — anything an input marks secret) is replaced in
 * every channel before it leaves: PR comment, job summary, annotations, outputs, report JSON, log and
 * CLI text. The runner masks its log on its own (core.setSecret); the other channels are files and API
 * calls that it never sees, so they pass through here.
 */
import { escapeCell, escapeText } from './markdown.js';
import { CUT_MARK, escapeRegExp } from './text.js';

export const REDACTED = '***';

/** Shorter values would mangle ordinary text ("a", "1"); the runner does not mask them usefully either. */
const MIN_SECRET_LENGTH = 3;

/**
 * What shipkit writes where it cuts a long text (`cut` in ./text.ts), and `...`, which smoke's
 * expectations and many tools write. A secret cut there leaves its first characters behind, which
 * `redact` takes out too: from this many on (fewer would also hide ordinary words before an ellipsis).
 */
const CUT_MARKS = new RegExp(`${escapeRegExp(CUT_MARK)}|\\.\\.\\.`, 'g');
const MIN_CUT_PREFIX = 4;

export class Redactor {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /**
   * Registers a secret, and the forms it takes when written into a URL, a JSON string, or markdown
   * (escaped as inline text or as a table cell: `pw-s_1` is written `pw\-s\_1` there).
   */
  add(value: string | undefined): void {
    if (value === undefined) return;
    const forms = new Set<string>();
    for (const part of [value, ...value.split(/\r?\n/)]) {
      const v = part.trim();
      if (v.length < MIN_SECRET_LENGTH) continue;
      forms.add(v);
      forms.add(encodeURIComponent(v));
      forms.add(JSON.stringify(v).slice(1, -1));
      forms.add(escapeText(v));
      forms.add(escapeCell(v));
    }
    let added = false;
    for (const f of forms) {
      if (f.length >= MIN_SECRET_LENGTH && !this.values.has(f)) {
        this.values.add(f);
        added = true;
      }
    }
    if (added) this.pattern = undefined;
  }

  get size(): number {
    return this.values.size;
  }

  /**
   * `text` with every registered secret replaced by `***`, and the start of one that a cut left
   * just before a cut marker (`…`, `...`).
   */
  redact(text: string): string {
    if (this.values.size === 0 || text === '') return text;
    if (!this.pattern) {
      // Longest first, so a secret that contains another is replaced whole.
      const sorted = [...this.values].sort((a, b) => b.length - a.length);
      this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
    }
    return this.redactCutStarts(text.replace(this.pattern, REDACTED));
  }

  /** Before each cut mark: the longest run of text that a secret starts with (MIN_CUT_PREFIX or more). */
  private redactCutStarts(text: string): string {
    let out = '';
    let from = 0;
    // Only the marks are visited: a report's strings are walked here once a token is registered.
    for (const mark of text.matchAll(CUT_MARKS)) {
      const at = mark.index;
      let longest = 0;
      for (const secret of this.values) {
        for (let k = Math.min(secret.length - 1, at - from); k >= MIN_CUT_PREFIX && k > longest; k--) {
          if (text.startsWith(secret.slice(0, k), at - k)) {
            longest = k;
            break;
          }
        }
      }
      if (longest > 0) {
        out += `${text.slice(from, at - longest)}${REDACTED}`;
        from = at;
      }
    }
    return out + text.slice(from);
  }

  /** A copy of `value` with every string in it (keys too) redacted. */
  redactDeep<T>(value: T): T {
    if (this.values.size === 0) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.redact(k)] = this.walk(v);
      return out;
    }
    return value;
  }
}

/**
 * A credential taken from a URL (its password, or a token written as its user), as the URL writes it
 * and decoded, so that each is masked on its own; a stray `%` that is no escape stays as written.
 */
export function urlCredentialForms(credential: string): string[] {
  if (!credential) return [];
  try {
    return [...new Set([credential, decodeURIComponent(credential)])];
  } catch {
    return [credential];
  }
}
