const FIRST_CAPACITY = 64;
/**
 * The dense part grows to hold a line only while it stays this many slots per known line (or is
 * small): a report naming line 5 000 000 of a short file must not allocate 5 million slots.
 */
const SLOTS_PER_LINE = 8;
const ALWAYS_DENSE = 1 << 16;

/**
 * The line → hits table of one file: the model's largest part (a 200 MB lcov report holds 17 million
 * lines). A Map spends ~40 bytes and a GC-traced entry per line; this keeps `hits + 1` in a typed array
 * indexed by line number (0 = not an executable line): 4 bytes a line, 8 once a count passes 2^32 - 2,
 * and nothing for the GC to walk. The array is a window [base, base + length) of `data`, which a
 * parser may share between many files (see Slab). Lines it cannot index densely (far past the others,
 * negative or fractional numbers from a broken report) go to a small Map, so no line is ever lost.
 * Iteration is in ascending line order.
 */
export class LineHits implements Iterable<[number, number]> {
  private data: Uint32Array | Float64Array = new Uint32Array(0);
  private base = 0;
  private length = 0;
  private sparse: Map<number, number> | undefined;
  private count = 0;

  static from(entries: Iterable<readonly [number, number]>): LineHits {
    const out = new LineHits();
    for (const [line, hits] of entries) out.add(line, hits);
    return out;
  }

  /** Number of executable lines. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds `hits` to the line (hits from two reports of one file sum), making it executable if it was
   * not. A negative or NaN count (a broken report) counts as 0.
   */
  add(line: number, hits: number): void {
    if (line >>> 0 === line && line < this.length) {
      const data = this.data;
      const at = this.base + line;
      const count = hits > 0 ? hits : 0;
      const before = data[at];
      const value = before === 0 ? count + 1 : before + count;
      if (before === 0) this.count++;
      data[at] = value;
      // A Uint32Array wraps counts past 2^32 and truncates fractions: such a value needs 8 bytes.
      if (data[at] !== value) {
        this.resize(this.length, true);
        this.data[line] = value;
      }
      return;
    }
    this.addOutside(line, hits > 0 ? hits : 0);
  }

  get(line: number): number | undefined {
    if (line >>> 0 === line && line < this.length) {
      const value = this.data[this.base + line];
      return value === 0 ? undefined : value - 1;
    }
    return this.sparse?.get(line);
  }

  has(line: number): boolean {
    return this.get(line) !== undefined;
  }

  /** Executable lines that ran at least once. */
  covered(): number {
    let covered = 0;
    const { data, base } = this;
    const end = base + this.length;
    for (let at = base; at < end; at++) if (data[at] > 1) covered++;
    if (this.sparse) for (const hits of this.sparse.values()) if (hits > 0) covered++;
    return covered;
  }

  /**
   * Adds a batch of lines kept in the same encoding (`counts[line]` = hits + 1, 0 = none) for lines
   * 0..`last`, `count` of them. Into an empty table this is one copy into a slab: no allocation.
   */
  addCounts(counts: Uint32Array, last: number, count: number, slab: Slab): void {
    if (this.count !== 0 || this.length !== 0) {
      for (let line = 0; line <= last; line++) if (counts[line] !== 0) this.add(line, counts[line] - 1);
      return;
    }
    const length = last + 1;
    const { data, base } = slab.take(length);
    data.set(counts.subarray(0, length), base);
    this.data = data;
    this.base = base;
    this.length = length;
    this.count = count;
  }

  /** Adds every line of `other` into this one. */
  addAll(other: LineHits): void {
    for (const [line, hits] of other) this.add(line, hits);
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    const { data, base, length } = this;
    let i = 0;
    // Sparse lines below 0 (a broken report) come first, those past the dense part last.
    const sparse = this.sparse ? [...this.sparse].sort((a, b) => a[0] - b[0]) : [];
    while (i < sparse.length && sparse[i][0] < 0) yield sparse[i++];
    for (let line = 0; line < length; line++) {
      // A fractional line from a broken report sits between two dense ones.
      while (i < sparse.length && sparse[i][0] < line) yield sparse[i++];
      const value = data[base + line];
      if (value !== 0) yield [line, value - 1];
    }
    while (i < sparse.length) yield sparse[i++];
  }

  entries(): IterableIterator<[number, number]> {
    return this[Symbol.iterator]();
  }

  *keys(): IterableIterator<number> {
    for (const [line] of this) yield line;
  }

  *values(): IterableIterator<number> {
    for (const [, hits] of this) yield hits;
  }

  private addOutside(line: number, hits: number): void {
    if (line >>> 0 === line && (line < ALWAYS_DENSE || line < (this.count + 1) * SLOTS_PER_LINE)) {
      let length = Math.max(FIRST_CAPACITY, this.length * 2);
      while (length <= line) length *= 2;
      this.resize(length, this.data instanceof Float64Array);
      this.add(line, hits);
      return;
    }
    const sparse = (this.sparse ??= new Map<number, number>());
    const before = sparse.get(line);
    if (before === undefined) this.count++;
    sparse.set(line, (before ?? 0) + hits);
  }

  /** Moves the table into an array of its own, `length` long, 8 bytes a line if `wide`. */
  private resize(length: number, wide: boolean): void {
    const own = wide ? new Float64Array(length) : new Uint32Array(length);
    own.set(this.data.subarray(this.base, this.base + this.length));
    this.data = own;
    this.base = 0;
    this.length = length;
    // Sparse lines the dense part now reaches move into it (taken out first: adding one may resize again).
    if (!this.sparse) return;
    const moving = [...this.sparse].filter(([line]) => line >>> 0 === line && line < length);
    for (const [line] of moving) this.sparse.delete(line);
    if (this.sparse.size === 0) this.sparse = undefined;
    for (const [line, hits] of moving) {
      this.count--;
      this.add(line, hits);
    }
  }
}

/**
 * Hands out windows of shared 1 MiB Uint32Arrays. An ArrayBuffer (or even a view) per file costs
 * about a microsecond (zeroed memory, external-memory bookkeeping, GC pressure): on a 200 MB lcov
 * report, a tenth of the parse. A slab lives as long as any table using it, which is as long as the set.
 */
class Slab {
  private data = new Uint32Array(0);
  private used = 0;

  take(length: number): { data: Uint32Array; base: number } {
    // Big tables get their own array: a slab's unused tail stays under an eighth of it.
    if (length > SLAB_WORDS / 8) return { data: new Uint32Array(length), base: 0 };
    if (this.used + length > this.data.length) {
      this.data = new Uint32Array(SLAB_WORDS);
      this.used = 0;
    }
    const base = this.used;
    this.used += length;
    return { data: this.data, base };
  }
}
const SLAB_WORDS = 1 << 18;

/** The most lines a batch holds (4 MiB of scratch); lines past it go straight to the file's table. */
const BATCH_LIMIT = 1 << 20;

/**
 * Collects the lines of one report section (an lcov record, a cobertura class) in a scratch array
 * reused from section to section, then hands them to the file's table at once: the table is copied
 * once, at its final size, into a shared slab, instead of doubling its way up in arrays of its own
 * (allocations and copies that were the largest cost left in parsing a big lcov report).
 */
export class LineBatch {
  private scratch = new Uint32Array(1024);
  private last = -1;
  private count = 0;
  private target: LineHits | undefined;
  private readonly slab = new Slab();

  /** Starts collecting for `target` (flushing what was collected for the previous one). */
  begin(target: LineHits): void {
    this.flush();
    this.target = target;
  }

  add(line: number, hits: number): void {
    const scratch = this.scratch;
    if (line >>> 0 === line && line < scratch.length && hits >= 0) {
      const before = scratch[line];
      const value = before === 0 ? hits + 1 : before + hits;
      // Whole and below 2^32 (what the scratch holds exactly); a huge or fractional count goes the slow way.
      if (value >>> 0 === value) {
        scratch[line] = value;
        if (before === 0) this.count++;
        if (line > this.last) this.last = line;
        return;
      }
    } else if (line >>> 0 === line && line < BATCH_LIMIT && hits >= 0) {
      const bigger = new Uint32Array(Math.max(scratch.length * 2, 2 ** Math.ceil(Math.log2(line + 1))));
      bigger.set(scratch);
      this.scratch = bigger;
      this.add(line, hits);
      return;
    }
    this.target?.add(line, hits);
  }

  /**
   * Gives `target` lines a caller collected in the table's own encoding (`counts[line]` = hits + 1,
   * 0 = none, for lines 0..`last`, `count` of them) as flush gives the batch's: into an empty table,
   * one copy into the shared slab. The caller keeps `counts`.
   */
  addCounts(target: LineHits, counts: Uint32Array, last: number, count: number): void {
    this.flush();
    if (last >= 0) target.addCounts(counts, last, count, this.slab);
  }

  /** Moves the collected lines into the target's table. */
  flush(): void {
    if (this.target && this.last >= 0) {
      this.target.addCounts(this.scratch, this.last, this.count, this.slab);
      this.scratch.fill(0, 0, this.last + 1);
    }
    this.last = -1;
    this.count = 0;
    this.target = undefined;
  }
}
