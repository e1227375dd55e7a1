import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  AnswerMatcher,
  DEFAULT_APPROVE_WORDS,
  DEFAULT_DENY_WORDS,
  normalizeAnswer,
} from '../../src/stages/approve/words.js';

const matcher = new AnswerMatcher({ approve: DEFAULT_APPROVE_WORDS, deny: DEFAULT_DENY_WORDS });

describe('answer words', () => {
  it.each([
    ['approve', 'approve'],
    ['  Approved \n', 'approve'],
    ['LGTM!', 'approve'],
    ['yes.', 'approve'],
    ['Yes!!!', 'approve'],
    ['deny', 'deny'],
    ['Denied.', 'deny'],
    ['NO', 'deny'],
    ['no?!', 'deny'],
  ])('%j is %s', (body, answer) => {
    expect(matcher.match(body)).toBe(answer);
  });

  it.each(['approve later', 'I approve', 'lgtm but check the logs', 'yes no', 'nope', '', '!!', 'approve\nthis'])(
    '%j is not an answer: the whole text must be the word',
    (body) => {
      expect(matcher.match(body)).toBeUndefined();
    },
  );

  it('treats configured words as plain text, never as a regular expression', () => {
    const custom = new AnswerMatcher({ approve: ['ship.*', 'go (now)'], deny: ['[stop]'] });
    expect(custom.match('ship.*')).toBe('approve');
    expect(custom.match('shipit')).toBeUndefined();
    expect(custom.match('ship it')).toBeUndefined();
    expect(custom.match('Go  (now)!')).toBe('approve');
    expect(custom.match('[stop]')).toBe('deny');
    expect(custom.match('s')).toBeUndefined();
  });

  it('refuses a word that is both an approve and a deny word', () => {
    expect(() => new AnswerMatcher({ approve: ['yes', 'ok'], deny: ['OK!'] })).toThrow(UserError);
  });

  it('refuses a word that is only punctuation', () => {
    expect(() => new AnswerMatcher({ approve: ['+1', '!!'], deny: ['no'] })).toThrow(/approve-words/);
  });

  it('normalizes whitespace and trailing punctuation only', () => {
    expect(normalizeAnswer('  Ship   It!! ')).toBe('ship it');
    expect(normalizeAnswer('¿yes')).toBe('¿yes');
  });
});
