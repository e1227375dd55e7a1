import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/core/redact.js';

describe('Redactor', () => {
  it('replaces every registered secret in text, in URL-encoded and JSON-escaped forms too', () => {
    const r = new Redactor();
    r.add('ghs_abc/def+ghi');
    r.add('pa"ss\\word');
    expect(r.redact('token ghs_abc/def+ghi here')).toBe('token *** here');
    expect(r.redact(`url ?t=${encodeURIComponent('ghs_abc/def+ghi')}`)).toBe('url ?t=***');
    expect(r.redact(JSON.stringify({ p: 'pa"ss\\word' }))).toBe('{"p":"***"}');
  });

  it('replaces the longest secret first, and each line of a multi-line secret', () => {
    const r = new Redactor();
    r.add('secret');
    r.add('secret-and-more');
    r.add('-----BEGIN KEY-----\nline-one-of-key\nline-two-of-key\n-----END KEY-----');
    expect(r.redact('x secret-and-more y')).toBe('x *** y');
    expect(r.redact('leak: line-two-of-key')).toBe('leak: ***');
  });

  it('ignores values too short to mask without mangling text', () => {
    const r = new Redactor();
    r.add('a');
    r.add('  ');
    r.add(undefined);
    expect(r.size).toBe(0);
    expect(r.redact('a banana')).toBe('a banana');
  });

  it('redacts every string of a report, keys included, without touching numbers', () => {
    const r = new Redactor();
    r.add('Bearer-xyz-123');
    const report = {
      summary: 'failed with Bearer-xyz-123',
      gates: [{ name: 'g', detail: 'header Bearer-xyz-123 reflected', actual: 3 }],
      headers: { 'Bearer-xyz-123': true },
      when: null,
    };
    expect(r.redactDeep(report)).toEqual({
      summary: 'failed with ***',
      gates: [{ name: 'g', detail: 'header *** reflected', actual: 3 }],
      headers: { '***': true },
      when: null,
    });
  });
});
