import { describe, expect, it } from 'vitest';
import { escapeCell, escapeText } from '../../src/core/markdown.js';
import { Redactor } from '../../src/core/redact.js';
import { cut } from '../../src/core/text.js';

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

  it('replaces a secret written as markdown: escaped as inline text or as a table cell', () => {
    const r = new Redactor();
    r.add('pw-SECRET_99');
    r.add('hdr|SECRET<x>');
    const escaped = escapeText('invalid input: "pw-SECRET_99"');
    expect(escaped).toContain('pw\\-SECRET\\_99');
    expect(r.redact(escaped)).toBe('invalid input: "***"');
    expect(r.redact(escapeCell('header is hdr|SECRET<x>'))).toBe('header is ***');
    expect(r.redact(escapeText('header is hdr|SECRET<x>'))).toBe('header is ***');
  });

  it('takes out the start of a secret that a cut left before its mark (…, ...), escaped or not', () => {
    const r = new Redactor();
    const token = 'ghsSECRETTOKENabcdefghijklmnop0123456789';
    r.add(token);
    r.add('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.sig');
    r.add('pw-SECRET_99');
    const message = `${'x'.repeat(285)} ${token}`;
    expect(r.redact(cut(message, 300))).toBe(`${'x'.repeat(285)} ***…`);
    expect(r.redact('header x-echo-auth is "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzd...')).toBe(
      'header x-echo-auth is "***...',
    );
    expect(r.redact(escapeText(cut('error: pw-SECRET_99', 15)))).toBe('error: ***…');
    // Text before a mark that no secret starts with stays; so does a secret's start with no mark after it.
    expect(r.redact('Loading… done... ghsSEC')).toBe('Loading… done... ghsSEC');
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
