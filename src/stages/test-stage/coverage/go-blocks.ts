// The blocks of a Go coverage profile as the reader merges them (see go.ts).

/** Grows a typed array to `length`, keeping its contents. */
function grown<T extends Float64Array | Int32Array | Uint32Array>(from: T, length: number): T {
  const to = new (from.constructor as new (n: number) => T)(length);
  to.set(from);
  return to;
}

/** A column of block numbers: 4 bytes a block while every number fits, 8 once one does not. */
export type BlockColumn = Uint32Array | Float64Array;

/** A copy of `from` at 8 bytes a number. */
function widened(from: BlockColumn): Float64Array {
  return from instanceof Float64Array ? from : Float64Array.from(from);
}

/** The largest number a narrow column holds. */
const NARROW_MAX = 0xffffffff;

/**
 * Every block of the profile, merged as they come: a `./...` run with `-coverpkg` repeats every block
 * once per test binary, so a big profile is mostly repeats. Blocks are stored by column in typed
 * arrays (nothing per block for the garbage collector to copy or trace). A block's four numbers
 * identify it in its file. Finding one again:
 * - a block starting after every block of its file so far is new: appended without a lookup (a
 *   profile lists each file's blocks in source order, so the first copy of a profile is all appends);
 * - the reader first tries the block after the one before (see GoProfileReader.merge);
 * - otherwise an open-addressing table keyed by file and start finds it; it is built on first need
 *   (a profile whose copies all repeat in the same order never needs it). A block starting where
 *   another of its file does but ending elsewhere goes by its full text.
 */
export class BlockStore {
  count = 0;
  fileOf: Int32Array;
  /**
   * The four numbers and NumStmt: Uint32Arrays (what Go writes fits: it counts lines, columns and
   * statements in 32 bits), made Float64Arrays when a profile brings a larger number. Every page of
   * memory written costs (a big profile's blocks are megabytes), so the common case takes 4 bytes.
   */
  startLine: BlockColumn;
  startCol: BlockColumn;
  endLine: BlockColumn;
  endCol: BlockColumn;
  numStmt: BlockColumn;
  /** Merged hits: counts add up past 32 bits. */
  hits: Float64Array;
  /** Per file: its first block, and the greatest start among its blocks (line, column). */
  readonly firstOf: number[] = [];
  private readonly lastLine: number[] = [];
  private readonly lastCol: number[] = [];
  /**
   * Block index + 1 per slot (0: empty), for the first block of each (file, start); a power of two, at
   * most half full. Absent until a lookup needs it.
   */
  private slots: Int32Array | undefined;
  private readonly odd = new Map<string, number>();

  /** `capacity`: the blocks it holds before its arrays grow (they double as needed). */
  constructor(capacity = 1024) {
    this.fileOf = new Int32Array(capacity);
    this.startLine = new Uint32Array(capacity);
    this.startCol = new Uint32Array(capacity);
    this.endLine = new Uint32Array(capacity);
    this.endCol = new Uint32Array(capacity);
    this.numStmt = new Uint32Array(capacity);
    this.hits = new Float64Array(capacity);
  }

  /** The block of `file` at these four numbers, added (with no hits) if new. */
  find(file: number, sl: number, sc: number, el: number, ec: number, stmts: number): number {
    if (this.startsAfterAll(file, sl, sc)) return this.add(file, sl, sc, el, ec, stmts);
    const slots = this.slots ?? this.index();
    const mask = slots.length - 1;
    let slot = hash(file, sl, sc) & mask;
    for (;;) {
      const at = slots[slot] - 1;
      if (at < 0) break;
      if (this.fileOf[at] === file && this.startLine[at] === sl && this.startCol[at] === sc) {
        if (this.endLine[at] === el && this.endCol[at] === ec) return at;
        const key = oddKey(file, sl, sc, el, ec);
        let index = this.odd.get(key);
        if (index === undefined) {
          index = this.add(file, sl, sc, el, ec, stmts, false);
          this.odd.set(key, index);
        }
        return index;
      }
      slot = (slot + 1) & mask;
    }
    return this.add(file, sl, sc, el, ec, stmts);
  }

  /** Appends a block that starts after every block of its file so far (see startsAfterAll): it is new. */
  append(file: number, sl: number, sc: number, el: number, ec: number, stmts: number): number {
    return this.add(file, sl, sc, el, ec, stmts);
  }

  /** Whether a block at this start comes after every block of its file so far (then it is new). */
  startsAfterAll(file: number, sl: number, sc: number): boolean {
    const lastLine = this.lastLine[file] ?? -1;
    return sl > lastLine || (sl === lastLine && sc > this.lastCol[file]);
  }

  /**
   * Whether block `index` (at most `count`) is the block at these four numbers, of `stmts` statements
   * (a block of other statements is another one, or an error merge reports). Every comparison is
   * made whatever the ones before it give (no `&&`): the reader asks this of every line, and the
   * optimising compiler, which leaves out code never run before it compiles, would otherwise leave
   * out the later ones while a profile's first copy (all new blocks, the first one already differs)
   * is read, then throw its code away when the second copy (all repeats) starts.
   */
  isAt(index: number, file: number, sl: number, sc: number, el: number, ec: number, stmts: number): boolean {
    const same =
      (this.fileOf[index] === file ? 1 : 0) &
      (this.startLine[index] === sl ? 1 : 0) &
      (this.startCol[index] === sc ? 1 : 0) &
      (this.endLine[index] === el ? 1 : 0) &
      (this.endCol[index] === ec ? 1 : 0) &
      (this.numStmt[index] === stmts ? 1 : 0);
    return index < this.count && same === 1;
  }

  /**
   * Appends a block; `first`: no block of its file starts where it does (it goes into the table). The
   * arrays stay longer than `count` (isAt reads at `count`).
   */
  private add(file: number, sl: number, sc: number, el: number, ec: number, stmts: number, first = true): number {
    const index = this.count++;
    if (this.count === this.fileOf.length) {
      const length = this.count * 2;
      this.fileOf = grown(this.fileOf, length);
      this.startLine = grown(this.startLine, length);
      this.startCol = grown(this.startCol, length);
      this.endLine = grown(this.endLine, length);
      this.endCol = grown(this.endCol, length);
      this.numStmt = grown(this.numStmt, length);
      this.hits = grown(this.hits, length);
    }
    if (
      (sl > NARROW_MAX || sc > NARROW_MAX || el > NARROW_MAX || ec > NARROW_MAX || stmts > NARROW_MAX) &&
      !(this.startLine instanceof Float64Array)
    )
      this.widen();
    this.fileOf[index] = file;
    this.startLine[index] = sl;
    this.startCol[index] = sc;
    this.endLine[index] = el;
    this.endCol[index] = ec;
    this.numStmt[index] = stmts;
    this.hits[index] = 0;
    this.firstOf[file] ??= index;
    if (this.startsAfterAll(file, sl, sc)) {
      this.lastLine[file] = sl;
      this.lastCol[file] = sc;
    }
    if (first && this.slots) {
      this.put(this.slots, index);
      if (this.count * 2 > this.slots.length) this.slots = this.rehash(this.slots.length * 2);
    }
    return index;
  }

  /** Makes the number columns 8 bytes a number (a number past 32 bits came). */
  private widen(): void {
    this.startLine = widened(this.startLine);
    this.startCol = widened(this.startCol);
    this.endLine = widened(this.endLine);
    this.endCol = widened(this.endCol);
    this.numStmt = widened(this.numStmt);
  }

  /** The table over every block so far: the first block of each start in it, the others by their text. */
  private index(): Int32Array {
    const slots = new Int32Array(Math.max(4096, 2 ** Math.ceil(Math.log2(this.count * 2 + 1))));
    const mask = slots.length - 1;
    for (let at = 0; at < this.count; at++) {
      let slot = hash(this.fileOf[at], this.startLine[at], this.startCol[at]) & mask;
      let seen = false;
      for (let other = slots[slot] - 1; other >= 0; other = slots[slot] - 1) {
        if (
          this.fileOf[other] === this.fileOf[at] &&
          this.startLine[other] === this.startLine[at] &&
          this.startCol[other] === this.startCol[at]
        ) {
          seen = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (seen) {
        this.odd.set(
          oddKey(this.fileOf[at], this.startLine[at], this.startCol[at], this.endLine[at], this.endCol[at]),
          at,
        );
      } else slots[slot] = at + 1;
    }
    this.slots = slots;
    return slots;
  }

  private put(slots: Int32Array, at: number): void {
    const mask = slots.length - 1;
    let slot = hash(this.fileOf[at], this.startLine[at], this.startCol[at]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = at + 1;
  }

  /** The table at `length` slots, each block in it going back in. */
  private rehash(length: number): Int32Array {
    const slots = new Int32Array(length);
    for (const stored of this.slots!) if (stored !== 0) this.put(slots, stored - 1);
    return slots;
  }
}

/** A block that starts where another of its file does but ends elsewhere: found by its full text. */
function oddKey(file: number, sl: number, sc: number, el: number, ec: number): string {
  return `${file}:${sl}.${sc},${el}.${ec}`;
}

function hash(file: number, sl: number, sc: number): number {
  const h = Math.imul(file, 0x9e3779b1) ^ Math.imul(sl, 0x85ebca77) ^ Math.imul(sc + 0x165667b1, 0xc2b2ae3d);
  return (h ^ (h >>> 15)) >>> 0;
}
