import { utf8, utf8Write } from '../bytes.js';

/** Bytes a chunk holds; a text longer than this gets a chunk of its own size. */
const CHUNK = 1 << 20;

/**
 * Texts as UTF-8, one after another, in chunks of 1 MiB that are never copied or grown: a 57 MB JUnit
 * report's 200 000 names and 20 000 stack traces fill 26 MiB of them, where one buffer doubling its
 * way up held up to twice that (and, while growing, the old and the new copy at once). A text is
 * addressed by offsets in one run of positions (a chunk's first byte follows the last byte used in
 * the chunk before), so a text starts where the one before ended; no text spans two chunks.
 */
export class ByteStore {
  private readonly chunks: Buffer[] = [];
  /** Position of each chunk's first byte. */
  private readonly bases: number[] = [];
  private current: Buffer = Buffer.alloc(0);
  /** Position of current[0], and the bytes used in it. */
  private base = 0;
  private used = 0;

  /** Where the next text starts. */
  get end(): number {
    return this.base + this.used;
  }

  /** Appends `text`; returns where it ends (it starts at the `end` before). */
  append(text: string): number {
    const room = text.length * 3;
    if (this.used + room > this.current.length) this.next(room);
    this.used += utf8Write(this.current, text, this.used);
    return this.base + this.used;
  }

  /** Starts a new chunk with room for at least `room` bytes. */
  private next(room: number): void {
    this.base += this.used;
    this.used = 0;
    // Unused memory is not touched: only the bytes written count towards the process's memory.
    this.current = Buffer.allocUnsafe(Math.max(CHUNK, room));
    this.chunks.push(this.current);
    this.bases.push(this.base);
  }

  /** Appends the bytes src[0, length) (UTF-8 text, as `append` would write it); returns where they end. */
  appendBytes(src: Uint8Array, length: number): number {
    if (this.used + length > this.current.length) this.next(length);
    const to = this.current;
    const at = this.used;
    if (length <= 64) for (let j = 0; j < length; j++) to[at + j] = src[j];
    else to.set(src.subarray(0, length), at);
    this.used += length;
    return this.base + this.used;
  }

  /** Forgets what was appended after `position` (an `end` read before, in the current chunk's run). */
  truncate(position: number): void {
    if (position >= this.base && position <= this.end) this.used = position - this.base;
  }

  /** The text between two positions `append` returned (or `end` gave). */
  read(start: number, end: number): string {
    if (end <= start) return '';
    // The last chunk starting at or before `start`: texts never span chunks.
    let lo = 0;
    let hi = this.bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.bases[mid] <= start) lo = mid;
      else hi = mid - 1;
    }
    const base = this.bases[lo];
    return utf8(this.chunks[lo], start - base, end - base);
  }
}
