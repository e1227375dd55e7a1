import type { Hit } from './model.js';

/**
 * Branch arms, functions or statements of one file, keyed so that the same item read twice (two
 * reports, two records or report paths of one file) sums its hits. A large report has millions of
 * these: an object per item would be millions of small objects for the GC to copy and trace, so the
 * table keeps keys, lines and hits in three plain arrays (numbers unboxed). The key → index Map that
 * merging needs is built only when something is added by key: a parser that knows its items are new
 * (`appendNew`) never pays for it.
 */
export class HitTable implements Iterable<[string, Hit]> {
  private readonly keyList: string[] = [];
  private readonly lines: number[] = [];
  private readonly hits: number[] = [];
  private index: Map<string, number> | undefined;

  static from(entries: Iterable<readonly [string, Hit]>): HitTable {
    const out = new HitTable();
    for (const [key, hit] of entries) out.add(key, hit.line, hit.hits);
    return out;
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
      this.lines.push(line);
      return this.hits.push(hits) - 1;
    }
    this.hits[at] += hits;
    if (this.lines[at] === 0) this.lines[at] = line;
    return at;
  }

  /** Adds `hits` to the item at `at` (as `add` returned it). */
  addAt(at: number, hits: number): void {
    this.hits[at] += hits;
  }

  /** Adds an item the caller knows is not in the table yet (a parser reading a new file's unique items). */
  appendNew(key: string, line: number, hits: number): void {
    this.index?.set(key, this.hits.length);
    this.keyList.push(key);
    this.lines.push(line);
    this.hits.push(hits);
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

  /** Items that ran at least once. */
  covered(): number {
    let covered = 0;
    for (const hits of this.hits) if (hits > 0) covered++;
    return covered;
  }

  addAll(other: HitTable): void {
    for (let at = 0; at < other.keyList.length; at++) this.add(other.keyList[at], other.lines[at], other.hits[at]);
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
