// Byte helpers shared by the parsers that work on Buffers (lcov, the XML scanner, the case list).

/**
 * Buffer's own coders (`latin1Slice`, `utf8Slice`, `utf8Write`), without `toString`'s and `write`'s
 * argument checks and encoding lookup: for the short values of a report, that wrapper cost as much as
 * the decoding itself. Node does not document them, so they are used only when this Node has them and
 * they decode a probe correctly; otherwise the documented `toString(encoding, start, end)` and
 * `write(text, offset, 'utf8')` do the same work (slower on short values, same results).
 */
interface Coders {
  latin1Slice?(start: number, end: number): string;
  utf8Slice?(start: number, end: number): string;
  utf8Write?(text: string, offset: number): number;
}

export type Decoders = {
  latin1: (b: Buffer, start: number, end: number) => string;
  utf8: (b: Buffer, start: number, end: number) => string;
  /** Writes `text` as UTF-8 at `offset` (the caller made room); returns the bytes written. */
  utf8Write: (b: Buffer, text: string, offset: number) => number;
  /** Which implementation this is: Buffer's internal coders or the documented API. */
  kind: 'internal' | 'documented';
};

export const documentedDecoders: Decoders = {
  latin1: (b, start, end) => b.toString('latin1', start, end),
  utf8: (b, start, end) => b.toString('utf8', start, end),
  utf8Write: (b, text, offset) => b.write(text, offset, 'utf8'),
  kind: 'documented',
};

const internalDecoders: Decoders = {
  latin1: (b, start, end) => (b as unknown as Required<Coders>).latin1Slice(start, end),
  utf8: (b, start, end) => (b as unknown as Required<Coders>).utf8Slice(start, end),
  utf8Write: (b, text, offset) => (b as unknown as Required<Coders>).utf8Write(text, offset),
  kind: 'internal',
};

/** Whether `proto` (Buffer.prototype, or a stand-in in tests) has working internal coders. */
export function hasInternalCoders(proto: object = Buffer.prototype as object): boolean {
  const c = proto as Coders;
  if (typeof c.latin1Slice !== 'function' || typeof c.utf8Slice !== 'function' || typeof c.utf8Write !== 'function')
    return false;
  try {
    const probe = Buffer.from('aé€x', 'utf8');
    const out = Buffer.alloc(8);
    return (
      c.utf8Slice.call(probe, 1, 6) === 'é€' &&
      c.latin1Slice.call(probe, 0, 1) === 'a' &&
      c.utf8Write.call(out, 'é€', 0) === 5 &&
      out.toString('utf8', 0, 5) === 'é€'
    );
  } catch {
    return false;
  }
}

/** The coders this process uses, chosen once at load. */
export const decoders: Decoders = hasInternalCoders() ? internalDecoders : documentedDecoders;

export const latin1 = decoders.latin1;
export const utf8 = decoders.utf8;
export const utf8Write = decoders.utf8Write;

/** Whether `text` is exactly the bytes b[start, end), all ASCII (a non-ASCII byte never matches: its string differs). */
export function sameBytes(text: string, b: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== b[start + k] || b[start + k] >= 0x80) return false;
  return true;
}
