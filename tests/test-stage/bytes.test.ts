import { describe, expect, it } from 'vitest';
import { decoders, documentedDecoders, hasInternalCoders, type Decoders } from '../../src/stages/test-stage/bytes.js';

const samples = ['', 'plain ascii', 'café', 'naïve € ✓', '日本語のテスト', 'emoji 🎉 and \u0000 nul', 'x'.repeat(5000)];

function roundTrip(d: Decoders, text: string): { utf8: string; latin1: string; written: number } {
  const b = Buffer.alloc(text.length * 3 + 8);
  const written = d.utf8Write(b, text, 4);
  return { utf8: d.utf8(b, 4, 4 + written), latin1: d.latin1(b, 4, 4 + written), written };
}

describe('byte coders: Buffer internals behind a check, with the documented API as fallback', () => {
  it('this Node has the internal coders and uses them (the fast path is what runs)', () => {
    expect(hasInternalCoders()).toBe(true);
    expect(decoders.kind).toBe('internal');
  });

  it('without them (a prototype lacking latin1Slice/utf8Slice/utf8Write) the documented API is chosen', () => {
    expect(hasInternalCoders({})).toBe(false);
    expect(hasInternalCoders({ latin1Slice: () => '', utf8Slice: () => '', utf8Write: () => 0 })).toBe(false);
    expect(documentedDecoders.kind).toBe('documented');
  });

  for (const text of samples) {
    it(`both paths decode and write ${JSON.stringify(text.slice(0, 20))} the same`, () => {
      const fast = roundTrip(decoders, text);
      const slow = roundTrip(documentedDecoders, text);
      expect(fast).toEqual(slow);
      expect(slow.utf8).toBe(text);
      expect(slow.written).toBe(Buffer.byteLength(text));
    });
  }
});
