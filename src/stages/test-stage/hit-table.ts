import type { Hit } from './model.js';

/**
 * A column of numbers: a plain array, or a typed array a parser already holds them in (a view of its
 * own storage, not a copy). A table turns its typed columns into arrays before it first changes (a
 * typed array may not hold what is written, and the parser's storage is not the table's to change).
 */
type Column = number[] | Float64Array | Uint32Array;

/**
 * Branch arms, functions or statements of one file, keyed so that the same item read twice (two
 * reports, two records or report paths of one file) sums its hits. A large report has millions of
 * these: an object per item would be millions of small objects for the GC to copy and trace, so the
 * table keeps keys, lines and hits in three plain arrays (numbers unboxed). The key → index Map that
 * merging needs is built only when something is added by key: a parser that knows its items are new
 * (`appendNew`) never pays for it.
 */
export class HitTable implements Iterable<[string, Hit]> {
  private keyStrings: string[] | undefined = [];
  /** Makes entry i's key, for a table whose keys are made when first needed (see withKeysOnDemand). */
  private keyOf: ((at: number) => string) | undefined;
  private lines: Column = [];
  private hits: Column = [];
  /** How many items each entry stands for (a Go block is NumStmt statements); absent: one each. */
  private weights: Column | undefined;
  private index: Map<string, number> | undefined;

  static from(entries: Iterable<readonly [string, Hit]>): HitTable {
    const out = new HitTable();
    for (const [key, hit] of entries) out.add(key, hit.line, hit.hits);
    return out;
  }

  /**
   * A table of new, distinct entries given by column, whose keys are made by `keyOf(i)` only when
   * something needs them (a lookup, a merge, iteration). Counting (covered, total) never does: a Go
   * profile's 240 000 block keys are then never made in a run that only reports totals. The table
   * owns the columns from then on (it may write to them).
   */
  static withKeysOnDemand(
    lines: Column,
    hits: Column,
    weights: Column | undefined,
    keyOf: (at: number) => string,
  ): HitTable {
    const out = new HitTable();
    out.lines = lines;
    out.hits = hits;
    out.weights = weights;
    out.keyStrings = undefined;
    out.keyOf = keyOf;
    return out;
  }

  /** Every entry's key, made now if the table was given a way to make them. */
  private get keyList(): string[] {
    if (!this.keyStrings) {
      const keyOf = this.keyOf!;
      const keys = new Array<string>(this.hits.length);
      for (let at = 0; at < keys.length; at++) keys[at] = keyOf(at);
      this.keyStrings = keys;
      this.keyOf = undefined;
    }
    return this.keyStrings;
  }

  get size(): number {
    return this.hits.length;
  }

  /**
   * Adds `hits` to the item and returns where it is. Its line is the first one given other than 0 (lcov's FNDA names a
   * function before or after the FN line that gives its line).
   */
  add(key: string, line: number, hits: number): number {
    const index = this.index ?? this.buildIndex();
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, this.hits.length);
      this.keyList.push(key);
      this.growable();
      (this.lines as number[]).push(line);
      (this.weights as number[] | undefined)?.push(1);
      return (this.hits as number[]).push(hits) - 1;
    }
    this.growable();
    this.hits[at] += hits;
    if (this.lines[at] === 0) this.lines[at] = line;
    return at;
  }

  /** Adds `hits` to the item at `at` (as `add` returned it). */
  addAt(at: number, hits: number): void {
    this.growable();
    this.hits[at] += hits;
  }

  /** Adds an item the caller knows is not in the table yet (a parser reading a new file's unique items). */
  appendNew(key: string, line: number, hits: number): void {
    this.index?.set(key, this.hits.length);
    this.keyList.push(key);
    this.growable();
    (this.lines as number[]).push(line);
    (this.hits as number[]).push(hits);
    (this.weights as number[] | undefined)?.push(1);
  }

  /**
   * Makes the columns arrays that can grow and change (typed columns become arrays the first time):
   * called before any change, so the `as number[]` after it hold.
   */
  private growable(): void {
    if (!Array.isArray(this.lines)) this.lines = Array.from(this.lines);
    if (!Array.isArray(this.hits)) this.hits = Array.from(this.hits);
    if (this.weights && !Array.isArray(this.weights)) this.weights = Array.from(this.weights);
  }

  get(key: string): Hit | undefined {
    const at = (this.index ?? this.buildIndex()).get(key);
    return at === undefined ? undefined : { line: this.lines[at], hits: this.hits[at] };
  }

  has(key: string): boolean {
    return (this.index ?? this.buildIndex()).has(key);
  }

  keys(): IterableIterator<string> {
    return this.keyList.values();
  }

  /**
   * Adds an entry that stands for `weight` items (all run or not together), or adds `hits` to it. A Go
   * block of NumStmt statements is one entry, not NumStmt of them.
   */
  addWeighted(key: string, line: number, hits: number, weight: number): void {
    const before = this.hits.length;
    const at = this.add(key, line, hits);
    if (at < before) return;
    // add made the columns arrays.
    if (this.weights) this.weights[at] = weight;
    else this.weights = [...new Array<number>(before).fill(1), weight];
  }

  /** Like appendNew, for an entry standing for `weight` items. */
  appendNewWeighted(key: string, line: number, hits: number, weight: number): void {
    const at = this.hits.length;
    this.appendNew(key, line, hits);
    // appendNew made the columns arrays.
    if (this.weights) this.weights[at] = weight;
    else if (weight !== 1) this.weights = [...new Array<number>(at).fill(1), weight];
  }

  /** Items that ran at least once. */
  covered(): number {
    let covered = 0;
    const { hits, weights } = this;
    if (weights) {
      for (let at = 0; at < hits.length; at++) if (hits[at] > 0) covered += weights[at];
    } else {
      for (let at = 0; at < hits.length; at++) if (hits[at] > 0) covered++;
    }
    return covered;
  }

  /** All items (the sum of the entries' weights). */
  total(): number {
    const weights = this.weights;
    if (!weights) return this.hits.length;
    let total = 0;
    for (let at = 0; at < weights.length; at++) total += weights[at];
    return total;
  }

  addAll(other: HitTable): void {
    for (let at = 0; at < other.keyList.length; at++) {
      if (other.weights) this.addWeighted(other.keyList[at], other.lines[at], other.hits[at], other.weights[at]);
      else this.add(other.keyList[at], other.lines[at], other.hits[at]);
    }
  }

  /** In the order items were first added. */
  *[Symbol.iterator](): IterableIterator<[string, Hit]> {
    for (let at = 0; at < this.keyList.length; at++)
      yield [this.keyList[at], { line: this.lines[at], hits: this.hits[at] }];
  }

  private buildIndex(): Map<string, number> {
    const index = new Map<string, number>();
    for (let at = 0; at < this.keyList.length; at++) index.set(this.keyList[at], at);
    this.index = index;
    return index;
  }
}
