import { UserError } from '../../core/errors.js';

export type Answer = 'approve' | 'deny';

export const DEFAULT_APPROVE_WORDS = ['approve', 'approved', 'lgtm', 'yes'] as const;
export const DEFAULT_DENY_WORDS = ['deny', 'denied', 'no'] as const;

/**
 * A comment or a configured word, reduced to what is compared: trimmed, inner whitespace collapsed,
 * lower-cased, trailing punctuation dropped ("LGTM!" = "lgtm", "yes." = "yes"). Words are compared
 * as plain strings, never compiled into a regular expression, so `approve.*` only matches itself.
 */
export function normalizeAnswer(text: string): string {
  return text
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(/[\p{P}\s]+$/u, '')
    .toLocaleLowerCase('en-US');
}

export interface AnswerWords {
  approve: readonly string[];
  deny: readonly string[];
}

/** Classifies a comment body: an answer only when the WHOLE text is one of the words. */
export class AnswerMatcher {
  private readonly approve: Set<string>;
  private readonly deny: Set<string>;

  constructor(words: AnswerWords) {
    this.approve = toSet(words.approve, 'approve-words');
    this.deny = toSet(words.deny, 'deny-words');
    const both = [...this.approve].filter((w) => this.deny.has(w));
    if (both.length > 0) {
      throw new UserError(
        `'${both.join("', '")}' is both an approve word and a deny word: an answer must mean one thing`,
        { input: 'deny-words' },
      );
    }
  }

  match(body: string | null | undefined): Answer | undefined {
    if (!body) return undefined;
    const text = normalizeAnswer(body);
    if (this.deny.has(text)) return 'deny';
    if (this.approve.has(text)) return 'approve';
    return undefined;
  }
}

function toSet(words: readonly string[], input: string): Set<string> {
  const set = new Set<string>();
  for (const word of words) {
    const n = normalizeAnswer(word);
    if (n === '')
      throw new UserError(`input '${input}' contains '${word}', which is empty once punctuation is dropped`, { input });
    set.add(n);
  }
  if (set.size === 0) throw new UserError(`input '${input}' must list at least one word`, { input });
  return set;
}
