// Byte helpers shared by the parsers that work on Buffers (lcov, the XML scanner, the case list).

/**
 * Buffer's own coders, without `toString`'s / `write`'s argument checks and encoding lookup: for the
 * short values of a report, that wrapper cost as much as the decoding itself.
 */
interface Coders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
  utf8Write(text: string, offset: number): number;
}

export const latin1 = (b: Buffer, start: number, end: number): string =>
  (b as unknown as Coders).latin1Slice(start, end);
export const utf8 = (b: Buffer, start: number, end: number): string => (b as unknown as Coders).utf8Slice(start, end);
/** Writes `text` as UTF-8 at `offset` (the caller made room); returns the bytes written. */
export const utf8Write = (b: Buffer, text: string, offset: number): number =>
  (b as unknown as Coders).utf8Write(text, offset);

/** Whether `text` is exactly the bytes b[start, end), all ASCII (a non-ASCII byte never matches: its string differs). */
export function sameBytes(text: string, b: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== b[start + k] || b[start + k] >= 0x80) return false;
  return true;
}
