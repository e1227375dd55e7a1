/** Where a cut text ends: the redactor (./redact.ts) looks for it to take out a secret's cut start. */
export const CUT_MARK = '…';

/**
 * `text` cut to at most `max` characters, ending in `…` when cut. Every cut of text that may hold
 * a secret (messages, output of tools, SQL) goes through here: the redactor runs on the finished
 * outcome, after the cut, and finds a secret's first characters by the mark that follows them.
 */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}${CUT_MARK}`;
}

/** `text` as a regular expression that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
