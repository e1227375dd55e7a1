import { utf8, utf8Write } from '../bytes.js';
import { SpillFile } from './spill-file.js';

/** Bytes a chunk holds; a text longer than this gets a chunk of its own size. */
const CHUNK = 256 * 1024;

export interface ByteStoreOptions {
  /** Where the spill file is made (the system's temporary directory by default). */
  spillDir?: string;
}

/**
 * Texts as UTF-8, one after another, in chunks of 256 KiB that are never copied or grown: a 57 MB
 * JUnit report's 200 000 names and 20 000 stack traces fill 29 MiB of them, where one buffer doubling
 * its way up held up to twice that (and, while growing, the old and the new copy at once). A text is
 * addressed by offsets in one run of positions (a chunk's first byte follows the last byte used in
 * the chunk before), so a text starts where the one before ended; no text spans two chunks.
 *
 * Only the chunk being filled stays in memory: each full chunk is written to a spill file at its own position and dropped, and its buffer filled again. A
 * report whose texts fit in one chunk never touches the disk; on that report, the names and texts
 * take 1 MiB of memory instead of 29. Reading a spilled text reads its whole chunk into a one-chunk
 * cache, so reading in order (the report's failures, a shard's export) reads each chunk once.
 */
export class ByteStore {
  /** undefined: spilled. */
  private readonly chunks: (Buffer | undefined)[] = [];
  /** Position of each chunk's first byte. */
  private readonly bases: number[] = [];
  private current: Buffer = Buffer.alloc(0);
  /** Position of current[0], and the bytes used in it. */
  private base = 0;
  private used = 0;
  private readonly spillDir: string | undefined;
  /** null: spilling failed once (no room, no temporary directory); everything stays in memory. */
  private spill: SpillFile | null | undefined;
  private cache: Buffer = Buffer.alloc(0);
  private cacheIndex = -1;

  constructor(options: ByteStoreOptions = {}) {
    this.spillDir = options.spillDir;
  }

  /** Where the next text starts. */
  get end(): number {
    return this.base + this.used;
  }

  /** Bytes of the chunks in memory (the rest are in the spill file). */
  get bytesInMemory(): number {
    let bytes = 0;
    for (const chunk of this.chunks) bytes += chunk?.length ?? 0;
    return bytes;
  }

  /** Appends `text`; returns where it ends (it starts at the `end` before). */
  append(text: string): number {
    const room = text.length * 3;
    if (this.used + room > this.current.length) this.next(room);
    this.used += utf8Write(this.current, text, this.used);
    return this.base + this.used;
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

  /** Starts a new chunk with room for at least `room` bytes; the full one before is kept or spilled. */
  private next(room: number): void {
    const spilled = this.chunks.length > 0 && this.retireCurrent();
    this.base += this.used;
    this.used = 0;
    // A spilled chunk's buffer becomes the next chunk: dropped, it would hold its memory until the
    // garbage collector's next full collection, which a parse may never reach. (A text's own bigger
    // chunk is not reused: it would stay as big for every chunk after it.)
    // Unused memory is not touched: only the bytes written count towards the process's memory.
    if (!spilled || this.current.length !== CHUNK || room > CHUNK)
      this.current = Buffer.allocUnsafe(Math.max(CHUNK, room));
    this.chunks.push(this.current);
    this.bases.push(this.base);
  }

  /**
   * Writes the full current chunk to the spill file and drops it from the chunks; returns whether it
   * did (its buffer is then free). After a failure to spill, every chunk stays in memory.
   */
  private retireCurrent(): boolean {
    if (this.spill === null) return false;
    try {
      this.spill ??= new SpillFile(this.spillDir);
      this.spill.write(this.current, this.used, this.base);
      this.chunks[this.chunks.length - 1] = undefined;
      return true;
    } catch {
      // No data is lost for want of disk: this chunk and every later one stay in memory.
      this.spill?.close();
      this.spill = null;
      return false;
    }
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
    return utf8(this.chunks[lo] ?? this.spilled(lo), start - base, end - base);
  }

  /** Spilled chunk `k`, read back into the cache (a spilled chunk is never the last: the next one bounds it). */
  private spilled(k: number): Buffer {
    if (this.cacheIndex !== k) {
      const length = this.bases[k + 1] - this.bases[k];
      if (this.cache.length < length) this.cache = Buffer.allocUnsafe(Math.max(CHUNK, length));
      this.cacheIndex = -1;
      this.spill!.read(this.cache, length, this.bases[k]);
      this.cacheIndex = k;
    }
    return this.cache;
  }
}
