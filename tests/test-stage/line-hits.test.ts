import { describe, expect, it } from 'vitest';
import { HitTable } from '../../src/stages/test-stage/hit-table.js';
import { LineBatch, LineHits } from '../../src/stages/test-stage/line-hits.js';

/** Checks every observable of `table` against a plain line → hits model. */
function expectTable(table: LineHits, model: Map<number, number>): void {
  const sorted = [...model].sort((a, b) => a[0] - b[0]);
  expect(table.size).toBe(model.size);
  expect([...table]).toEqual(sorted);
  expect(table.covered()).toBe(sorted.filter(([, hits]) => hits > 0).length);
  // One assertion per table (not per line) keeps the big tables fast.
  expect(sorted.map(([line]) => table.get(line))).toEqual(sorted.map(([, hits]) => hits));
  expect(sorted.every(([line]) => table.has(line))).toBe(true);
}

/** Deterministic content of table `t` in the many-tables test: some lines missing, some with 0 hits. */
function sectionLines(t: number): [number, number][] {
  const out: [number, number][] = [];
  for (let line = 0; line < 500; line++) {
    if ((line + t) % 10 === 0) continue;
    out.push([line, (t * 31 + line * 7) % 17]);
  }
  return out;
}

describe('LineHits', () => {
  it('starts empty', () => {
    const table = new LineHits();
    expect(table.size).toBe(0);
    expect(table.covered()).toBe(0);
    expect(table.get(1)).toBeUndefined();
    expect(table.has(1)).toBe(false);
    expect([...table]).toEqual([]);
  });

  it('add, get, has, size and covered', () => {
    const table = new LineHits();
    table.add(1, 3);
    table.add(2, 0);
    table.add(10, 1);
    expect(table.size).toBe(3);
    expect(table.covered()).toBe(2);
    expect(table.get(1)).toBe(3);
    expect(table.get(2)).toBe(0);
    expect(table.get(10)).toBe(1);
    expect(table.get(3)).toBeUndefined();
    expect(table.has(1)).toBe(true);
    expect(table.has(3)).toBe(false);
    expect(table.has(11)).toBe(false);
    expect(table.get(1_000_000)).toBeUndefined();
  });

  it('sums the hits of repeated adds of one line, counting the line once', () => {
    const table = new LineHits();
    table.add(5, 2);
    table.add(5, 3);
    table.add(5, 0);
    table.add(5, 4);
    expect(table.size).toBe(1);
    expect(table.get(5)).toBe(9);
    expect(table.covered()).toBe(1);
  });

  it('keeps a line with 0 hits executable but not covered', () => {
    const table = new LineHits();
    table.add(7, 0);
    expect(table.has(7)).toBe(true);
    expect(table.get(7)).toBe(0);
    expect(table.size).toBe(1);
    expect(table.covered()).toBe(0);
    table.add(7, 0);
    expect(table.size).toBe(1);
    expect(table.covered()).toBe(0);
    table.add(7, 1);
    expect(table.covered()).toBe(1);
  });

  it('iterates, keys(), values() and entries() in ascending line order when added out of order', () => {
    const table = new LineHits();
    table.add(30, 3);
    table.add(4, 0);
    table.add(17, 1);
    table.add(1, 9);
    table.add(12, 2);
    expect([...table]).toEqual([
      [1, 9],
      [4, 0],
      [12, 2],
      [17, 1],
      [30, 3],
    ]);
    expect([...table.keys()]).toEqual([1, 4, 12, 17, 30]);
    expect([...table.values()]).toEqual([9, 0, 2, 1, 3]);
    expect([...table.entries()]).toEqual([...table]);
  });

  it('LineHits.from builds a table, summing repeated lines', () => {
    const table = LineHits.from([
      [3, 1],
      [1, 0],
      [3, 4],
      [2, 2],
    ]);
    expectTable(
      table,
      new Map([
        [1, 0],
        [2, 2],
        [3, 5],
      ]),
    );
    expectTable(LineHits.from(new Map()), new Map());
  });

  describe('counts', () => {
    it('keeps a count above 2^32 - 2 exactly', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(2, 5_000_000_000);
      table.add(3, 0);
      expectTable(
        table,
        new Map([
          [1, 1],
          [2, 5_000_000_000],
          [3, 0],
        ]),
      );
    });

    it('keeps counts exactly at and around 2^32 boundaries', () => {
      const table = new LineHits();
      table.add(1, 2 ** 32 - 2); // stored as 2^32 - 1: the largest value a Uint32Array holds
      table.add(2, 2 ** 32 - 1); // stored as 2^32: would wrap to 0
      table.add(3, 2 ** 32); // would wrap to 1
      expect(table.get(1)).toBe(2 ** 32 - 2);
      expect(table.get(2)).toBe(2 ** 32 - 1);
      expect(table.get(3)).toBe(2 ** 32);
      expect(table.size).toBe(3);
      expect(table.covered()).toBe(3);
    });

    it('keeps a sum that passes 2^32 exactly', () => {
      const table = new LineHits();
      table.add(4, 3_000_000_000);
      table.add(4, 3_000_000_000);
      expect(table.get(4)).toBe(6_000_000_000);
      expect(table.size).toBe(1);
    });

    it('keeps fractional counts exactly', () => {
      const table = new LineHits();
      table.add(1, 2);
      table.add(2, 0.5);
      table.add(3, 0);
      expectTable(
        table,
        new Map([
          [1, 2],
          [2, 0.5],
          [3, 0],
        ]),
      );
      table.add(2, 0.25);
      expect(table.get(2)).toBe(0.75);
    });

    it('keeps existing lines after widening, and keeps growing wide', () => {
      const table = new LineHits();
      for (let line = 1; line <= 40; line++) table.add(line, line);
      table.add(20, 5_000_000_000);
      // Growing the (now 8-byte) dense part must not narrow it again.
      table.add(500, 7_000_000_000);
      table.add(501, 0.5);
      const model = new Map<number, number>();
      for (let line = 1; line <= 40; line++) model.set(line, line);
      model.set(20, 5_000_000_020);
      model.set(500, 7_000_000_000);
      model.set(501, 0.5);
      expectTable(table, model);
    });

    it('counts negative and NaN hits as 0 but makes the line executable', () => {
      const table = new LineHits();
      table.add(1, -5);
      table.add(2, Number.NaN);
      table.add(3, 2);
      table.add(3, -1);
      table.add(3, Number.NaN);
      expectTable(
        table,
        new Map([
          [1, 0],
          [2, 0],
          [3, 2],
        ]),
      );
    });

    it('counts negative and NaN hits as 0 on sparse lines too', () => {
      const table = new LineHits();
      table.add(50_000_000, -4);
      table.add(-3, Number.NaN);
      table.add(2.5, -1);
      expectTable(
        table,
        new Map([
          [50_000_000, 0],
          [-3, 0],
          [2.5, 0],
        ]),
      );
    });
  });

  describe('unusual line numbers', () => {
    it('keeps a huge line on a small table, sparse, iterating last', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(2, 0);
      table.add(3, 4);
      table.add(50_000_000, 7);
      expectTable(
        table,
        new Map([
          [1, 1],
          [2, 0],
          [3, 4],
          [50_000_000, 7],
        ]),
      );
      expect([...table.keys()]).toEqual([1, 2, 3, 50_000_000]);
      // Repeated adds of the sparse line sum and count it once.
      table.add(50_000_000, 3);
      expect(table.get(50_000_000)).toBe(10);
      expect(table.size).toBe(4);
      // Lines after it still go where they belong.
      table.add(4, 1);
      expect([...table.keys()]).toEqual([1, 2, 3, 4, 50_000_000]);
    });

    it('does not allocate a dense array up to a huge line', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(3_000_000_000, 1);
      table.add(4_000_000_000, 2);
      // A dense array up to line 4e9 could not even be allocated: the lines must have gone sparse.
      expect(table.size).toBe(3);
      expect(table.get(3_000_000_000)).toBe(1);
      expect(table.get(4_000_000_000)).toBe(2);
      // The iteration walks only the dense part, not up to line 4e9 (this would time out otherwise).
      expect([...table.keys()]).toEqual([1, 3_000_000_000, 4_000_000_000]);
    });

    it('keeps line numbers past 2^32 and unsafe-looking ones', () => {
      const table = new LineHits();
      table.add(2 ** 32, 1); // 2^32 >>> 0 is 0: must not land on line 0
      table.add(2 ** 32 + 5, 2);
      table.add(0, 3);
      table.add(5, 4);
      expectTable(
        table,
        new Map([
          [0, 3],
          [5, 4],
          [2 ** 32, 1],
          [2 ** 32 + 5, 2],
        ]),
      );
    });

    it('keeps line 0, negative and fractional lines in numeric order', () => {
      const table = new LineHits();
      table.add(3, 3);
      table.add(2.5, 25);
      table.add(1, 1);
      table.add(-3, 0);
      table.add(2, 2);
      table.add(0, 5);
      table.add(-10, 1);
      expectTable(
        table,
        new Map([
          [-10, 1],
          [-3, 0],
          [0, 5],
          [1, 1],
          [2, 2],
          [2.5, 25],
          [3, 3],
        ]),
      );
      expect([...table.keys()]).toEqual([-10, -3, 0, 1, 2, 2.5, 3]);
      expect(table.covered()).toBe(6);
      table.add(2.5, 1);
      table.add(-3, 2);
      expect(table.get(2.5)).toBe(26);
      expect(table.get(-3)).toBe(2);
      expect(table.size).toBe(7);
    });

    it('orders a fractional line past the end of the dense part after the dense lines', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(70.5, 2);
      table.add(2, 1);
      expect([...table.keys()]).toEqual([1, 2, 70.5]);
    });

    it('counts a sparse line once after the dense part grows past it', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(100_000, 3); // far past a 1-line table: sparse
      expect(table.get(100_000)).toBe(3);
      const model = new Map<number, number>([
        [1, 1],
        [100_000, 3],
      ]);
      // Enough lines that the dense part may grow to reach line 100 001, and with it line 100 000.
      for (let line = 2; line <= 13_000; line++) {
        table.add(line, line % 3);
        model.set(line, line % 3);
      }
      table.add(100_001, 1);
      model.set(100_001, 1);
      expectTable(table, model);
      // Still one line after it moved: more hits sum into it, it is not added a second time.
      table.add(100_000, 2);
      model.set(100_000, 5);
      expectTable(table, model);
    });

    it('counts a sparse line once when growing the dense part within the always-dense range', () => {
      const table = new LineHits();
      // Line 70 000 on an empty table is sparse; line 1 000 grows the dense part only to 1 024.
      table.add(70_000, 4);
      table.add(1_000, 1);
      const model = new Map<number, number>([
        [70_000, 4],
        [1_000, 1],
      ]);
      for (let line = 0; line < 10_000; line++) {
        table.add(line, 1);
        model.set(line, (model.get(line) ?? 0) + 1);
      }
      table.add(80_000, 0);
      model.set(80_000, 0);
      expectTable(table, model);
    });

    it('keeps a sparse huge count exactly when the dense part grows past it', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(100_000, 5_000_000_000);
      const model = new Map<number, number>([
        [1, 1],
        [100_000, 5_000_000_000],
      ]);
      for (let line = 2; line <= 13_000; line++) {
        table.add(line, 1);
        model.set(line, 1);
      }
      table.add(100_001, 2);
      model.set(100_001, 2);
      expectTable(table, model);
    });

    it('keeps a lone sparse fractional count exactly when the dense part grows past it', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(100_000, 0.5);
      const model = new Map<number, number>([
        [1, 1],
        [100_000, 0.5],
      ]);
      for (let line = 2; line <= 13_000; line++) {
        table.add(line, 1);
        model.set(line, 1);
      }
      table.add(100_001, 2);
      model.set(100_001, 2);
      expectTable(table, model);
    });

    it('keeps a sparse fractional count exactly when the dense part grows past it, beside a farther sparse line', () => {
      const table = new LineHits();
      table.add(1, 1);
      table.add(100_000, 0.5);
      table.add(60_000_000, 1); // a second sparse line the growth does not reach
      const model = new Map<number, number>([
        [1, 1],
        [100_000, 0.5],
        [60_000_000, 1],
      ]);
      for (let line = 2; line <= 13_000; line++) {
        table.add(line, 1);
        model.set(line, 1);
      }
      table.add(100_001, 2);
      model.set(100_001, 2);
      expectTable(table, model);
    });
  });

  describe('addAll', () => {
    it('merges two tables by summing', () => {
      const a = LineHits.from([
        [1, 1],
        [2, 0],
        [5, 3],
        [-1, 1],
      ]);
      const b = LineHits.from([
        [2, 4],
        [3, 0],
        [5, 1],
        [50_000_000, 2],
        [2.5, 1],
      ]);
      a.addAll(b);
      expectTable(
        a,
        new Map([
          [-1, 1],
          [1, 1],
          [2, 4],
          [2.5, 1],
          [3, 0],
          [5, 4],
          [50_000_000, 2],
        ]),
      );
      // The source is unchanged.
      expectTable(
        b,
        new Map([
          [2, 4],
          [3, 0],
          [5, 1],
          [50_000_000, 2],
          [2.5, 1],
        ]),
      );
    });

    it('merges wide counts and into an empty table', () => {
      const a = new LineHits();
      const b = LineHits.from([
        [1, 5_000_000_000],
        [2, 0.5],
      ]);
      a.addAll(b);
      a.addAll(b);
      expectTable(
        a,
        new Map([
          [1, 10_000_000_000],
          [2, 1],
        ]),
      );
    });
  });
});

describe('LineBatch', () => {
  it('moves lines into an empty target on flush', () => {
    const batch = new LineBatch();
    const target = new LineHits();
    batch.begin(target);
    batch.add(3, 2);
    batch.add(1, 0);
    batch.add(7, 5);
    batch.add(3, 1);
    batch.flush();
    expectTable(
      target,
      new Map([
        [1, 0],
        [3, 3],
        [7, 5],
      ]),
    );
    expect([...target.keys()]).toEqual([1, 3, 7]);
  });

  it('keeps lines in the batch until flush', () => {
    const batch = new LineBatch();
    const target = new LineHits();
    batch.begin(target);
    batch.add(1, 1);
    expect(target.size).toBe(0);
    batch.flush();
    expect(target.size).toBe(1);
    // A second flush adds nothing more.
    batch.flush();
    expectTable(target, new Map([[1, 1]]));
  });

  it('sums with the lines a target already has', () => {
    const batch = new LineBatch();
    const target = LineHits.from([
      [1, 1],
      [2, 0],
      [50_000_000, 1],
    ]);
    batch.begin(target);
    batch.add(2, 3);
    batch.add(4, 0);
    batch.add(1, 2);
    batch.flush();
    expectTable(
      target,
      new Map([
        [1, 3],
        [2, 3],
        [4, 0],
        [50_000_000, 1],
      ]),
    );
  });

  it('sums two sections of one file', () => {
    const batch = new LineBatch();
    const target = new LineHits();
    batch.begin(target);
    batch.add(1, 1);
    batch.add(2, 0);
    batch.flush();
    batch.begin(target);
    batch.add(2, 2);
    batch.add(3, 0);
    batch.flush();
    expectTable(
      target,
      new Map([
        [1, 1],
        [2, 2],
        [3, 0],
      ]),
    );
  });

  it('keeps targets separate when reused (begin flushes the previous target)', () => {
    const batch = new LineBatch();
    const a = new LineHits();
    const b = new LineHits();
    const c = new LineHits();
    batch.begin(a);
    batch.add(1, 1);
    batch.add(5, 0);
    batch.add(9, 3);
    batch.begin(b);
    // begin(b) flushed a.
    expectTable(
      a,
      new Map([
        [1, 1],
        [5, 0],
        [9, 3],
      ]),
    );
    batch.add(2, 4);
    batch.add(5, 6);
    batch.begin(c);
    batch.add(1, 0);
    batch.flush();
    expectTable(
      a,
      new Map([
        [1, 1],
        [5, 0],
        [9, 3],
      ]),
    );
    expectTable(
      b,
      new Map([
        [2, 4],
        [5, 6],
      ]),
    );
    expectTable(c, new Map([[1, 0]]));
  });

  it('does not carry a long section into a shorter next one', () => {
    const batch = new LineBatch();
    const long = new LineHits();
    const short = new LineHits();
    batch.begin(long);
    for (let line = 1; line <= 3_000; line++) batch.add(line, 1);
    batch.begin(short);
    batch.add(2, 5);
    batch.flush();
    expect(long.size).toBe(3_000);
    expect(long.covered()).toBe(3_000);
    expectTable(short, new Map([[2, 5]]));
  });

  it('gets lines beyond its scratch and huge counts to the target', () => {
    const batch = new LineBatch();
    const target = new LineHits();
    batch.begin(target);
    batch.add(1, 1);
    batch.add(2_000_000, 3);
    batch.add(3, 5_000_000_000);
    batch.add(4, 0.5);
    batch.add(5, 2);
    batch.add(5, 4_294_967_295); // the sum passes what the scratch holds
    batch.flush();
    expectTable(
      target,
      new Map([
        [1, 1],
        [3, 5_000_000_000],
        [4, 0.5],
        [5, 4_294_967_297],
        [2_000_000, 3],
      ]),
    );
    expect([...target.keys()]).toEqual([1, 3, 4, 5, 2_000_000]);
  });

  it('sums a huge count with the batched hits of the same line', () => {
    const batch = new LineBatch();
    const target = new LineHits();
    batch.begin(target);
    batch.add(2, 3);
    batch.add(2, 5_000_000_000);
    batch.add(2, 1);
    batch.flush();
    expectTable(target, new Map([[2, 5_000_000_004]]));
  });

  it('grows its scratch for lines up to its limit', () => {
    const batch = new LineBatch();
    const a = new LineHits();
    const b = new LineHits();
    batch.begin(a);
    batch.add(1, 1);
    batch.add(500_000, 2);
    batch.add(1_000_000, 0);
    batch.begin(b);
    batch.add(600_000, 1);
    batch.add(2, 2);
    batch.flush();
    expectTable(
      a,
      new Map([
        [1, 1],
        [500_000, 2],
        [1_000_000, 0],
      ]),
    );
    expectTable(
      b,
      new Map([
        [2, 2],
        [600_000, 1],
      ]),
    );
  });

  it('passes negative, fractional and NaN input through to the target', () => {
    const batch = new LineBatch();
    const target = new LineHits();
    batch.begin(target);
    batch.add(1, 2);
    batch.add(-3, 1);
    batch.add(2.5, 4);
    batch.add(2, -7);
    batch.add(6, Number.NaN);
    batch.flush();
    expectTable(
      target,
      new Map([
        [-3, 1],
        [1, 2],
        [2, 0],
        [2.5, 4],
        [6, 0],
      ]),
    );
    expect([...target.keys()]).toEqual([-3, 1, 2, 2.5, 6]);
  });

  it('flush without begin, or with nothing collected, changes nothing', () => {
    const batch = new LineBatch();
    batch.flush();
    const target = LineHits.from([[1, 1]]);
    batch.begin(target);
    batch.flush();
    expectTable(target, new Map([[1, 1]]));
  });

  describe('many tables through one batch (shared slab)', () => {
    const TABLES = 3_000;

    function fill(): { batch: LineBatch; tables: LineHits[]; models: Map<number, number>[] } {
      const batch = new LineBatch();
      const tables: LineHits[] = [];
      const models: Map<number, number>[] = [];
      for (let t = 0; t < TABLES; t++) {
        const table = new LineHits();
        const model = new Map<number, number>();
        batch.begin(table);
        // Out of order, so the batch (not the order of adds) decides the layout.
        const lines = sectionLines(t).reverse();
        for (const [line, hits] of lines) {
          batch.add(line, hits);
          model.set(line, hits);
        }
        tables.push(table);
        models.push(model);
      }
      batch.flush();
      return { batch, tables, models };
    }

    it('each table reads back exactly', () => {
      const { tables, models } = fill();
      for (let t = 0; t < TABLES; t++) {
        const table = tables[t];
        const model = models[t];
        expect(table.size).toBe(model.size);
        // Flattened to one string: a per-table deep comparison of 450 tuples is slow over 3 000 tables.
        expect([...table].flat().join()).toBe(
          [...model]
            .sort((a, b) => a[0] - b[0])
            .flat()
            .join(),
        );
        expect(table.covered()).toBe([...model.values()].filter((hits) => hits > 0).length);
        // A missing line must read as missing, not as a neighbour's data.
        const missing = (10 - (t % 10)) % 10;
        expect(table.has(missing)).toBe(false);
        expect(table.get(500)).toBeUndefined();
      }
    });

    it('writes within a table stay in that table', () => {
      const { tables, models } = fill();
      const t = 1_234;
      // The last line of the window, the first, and a line missing from the table.
      tables[t].add(499, 100);
      tables[t].add(0, 100);
      const missing = (10 - (t % 10)) % 10;
      tables[t].add(missing, 7);
      models[t].set(499, (models[t].get(499) ?? 0) + 100);
      models[t].set(0, (models[t].get(0) ?? 0) + 100);
      models[t].set(missing, 7);
      for (const n of [t - 2, t - 1, t, t + 1, t + 2]) expectTable(tables[n], models[n]);
    });

    it('a table that gets a line beyond its length moves out without disturbing its neighbours', () => {
      const { tables, models } = fill();
      const t = 1_500;
      tables[t].add(500, 9); // just past the window: must not land on the next table's line 0
      tables[t].add(700, 1);
      models[t].set(500, 9);
      models[t].set(700, 1);
      for (const n of [t - 2, t - 1, t, t + 1, t + 2]) expectTable(tables[n], models[n]);
      // Once moved, writes to its old lines go to its own array, not to the slab.
      tables[t].add(3, 11);
      tables[t].add(499, 11);
      models[t].set(3, (models[t].get(3) ?? 0) + 11);
      models[t].set(499, (models[t].get(499) ?? 0) + 11);
      for (const n of [t - 2, t - 1, t, t + 1, t + 2]) expectTable(tables[n], models[n]);
      // And its neighbours' writes do not reach it.
      tables[t + 1].add(0, 1_000);
      tables[t - 1].add(499, 1_000);
      models[t + 1].set(0, (models[t + 1].get(0) ?? 0) + 1_000);
      models[t - 1].set(499, (models[t - 1].get(499) ?? 0) + 1_000);
      for (const n of [t - 2, t - 1, t, t + 1, t + 2]) expectTable(tables[n], models[n]);
    });

    it('a table that widens for a huge count moves out without disturbing its neighbours', () => {
      const { tables, models } = fill();
      const t = 2_000;
      tables[t].add(3, 5_000_000_000);
      tables[t].add(4, 0.5);
      models[t].set(3, (models[t].get(3) ?? 0) + 5_000_000_000);
      models[t].set(4, (models[t].get(4) ?? 0) + 0.5);
      for (const n of [t - 2, t - 1, t, t + 1, t + 2]) expectTable(tables[n], models[n]);
      tables[t].add(5, 1);
      models[t].set(5, (models[t].get(5) ?? 0) + 1);
      for (const n of [t - 2, t - 1, t, t + 1, t + 2]) expectTable(tables[n], models[n]);
    });

    it('every table is still exact after several of them changed', () => {
      const { tables, models } = fill();
      for (let t = 0; t < TABLES; t += 97) {
        tables[t].add(600 + t, 1);
        models[t].set(600 + t, 1);
      }
      for (let t = 50; t < TABLES; t += 101) {
        tables[t].add(499, 2);
        models[t].set(499, (models[t].get(499) ?? 0) + 2);
      }
      for (let t = 0; t < TABLES; t++) {
        expect(tables[t].size).toBe(models[t].size);
        expect([...tables[t]].flat().join()).toBe(
          [...models[t]]
            .sort((a, b) => a[0] - b[0])
            .flat()
            .join(),
        );
      }
    });
  });

  it('keeps big sections (own arrays) and small ones (slab) apart', () => {
    const batch = new LineBatch();
    const tables: LineHits[] = [];
    const models: Map<number, number>[] = [];
    for (let t = 0; t < 40; t++) {
      const table = new LineHits();
      const model = new Map<number, number>();
      batch.begin(table);
      const lines = t % 3 === 0 ? 40_000 : 300;
      for (let line = 1; line <= lines; line += 1 + (t % 2)) {
        batch.add(line, (line + t) % 4);
        model.set(line, (line + t) % 4);
      }
      tables.push(table);
      models.push(model);
    }
    batch.flush();
    for (let t = 0; t < 40; t++) expectTable(tables[t], models[t]);
  });
});

describe('HitTable', () => {
  it('starts empty', () => {
    const table = new HitTable();
    expect(table.size).toBe(0);
    expect(table.covered()).toBe(0);
    expect(table.get('f')).toBeUndefined();
    expect(table.has('f')).toBe(false);
    expect([...table]).toEqual([]);
    expect([...table.keys()]).toEqual([]);
  });

  it('add sums the hits of one key', () => {
    const table = new HitTable();
    table.add('f', 3, 1);
    table.add('f', 3, 2);
    table.add('g', 8, 0);
    table.add('f', 3, 4);
    expect(table.size).toBe(2);
    expect(table.get('f')).toEqual({ line: 3, hits: 7 });
    expect(table.get('g')).toEqual({ line: 8, hits: 0 });
  });

  it('keeps the first non-zero line', () => {
    const table = new HitTable();
    table.add('f', 0, 3);
    table.add('f', 12, 0);
    expect(table.get('f')).toEqual({ line: 12, hits: 3 });
    // A later, different line does not replace it.
    table.add('f', 20, 1);
    expect(table.get('f')).toEqual({ line: 12, hits: 4 });
    table.add('g', 5, 0);
    table.add('g', 9, 0);
    expect(table.get('g')).toEqual({ line: 5, hits: 0 });
    expect(table.size).toBe(2);
  });

  it('merges an add into an item appended before the index existed', () => {
    const table = new HitTable();
    table.appendNew('a', 1, 1);
    table.appendNew('b', 2, 0);
    table.add('b', 2, 5);
    table.add('a', 0, 1);
    expect(table.size).toBe(2);
    expect(table.get('a')).toEqual({ line: 1, hits: 2 });
    expect(table.get('b')).toEqual({ line: 2, hits: 5 });
    expect([...table.keys()]).toEqual(['a', 'b']);
  });

  it('merges an add into an item appended after the index was built', () => {
    const table = new HitTable();
    table.add('a', 1, 1); // builds the index
    table.appendNew('b', 2, 0);
    expect(table.has('b')).toBe(true);
    table.add('b', 2, 3);
    table.appendNew('c', 0, 1);
    table.add('c', 7, 1);
    expect(table.size).toBe(3);
    expect(table.get('b')).toEqual({ line: 2, hits: 3 });
    expect(table.get('c')).toEqual({ line: 7, hits: 2 });
    expect([...table]).toEqual([
      ['a', { line: 1, hits: 1 }],
      ['b', { line: 2, hits: 3 }],
      ['c', { line: 7, hits: 2 }],
    ]);
  });

  it('get and has see appended items (lazy index)', () => {
    const table = new HitTable();
    table.appendNew('x', 4, 2);
    expect(table.has('x')).toBe(true);
    expect(table.get('x')).toEqual({ line: 4, hits: 2 });
    expect(table.has('y')).toBe(false);
    // The index built by has/get keeps up with later appends.
    table.appendNew('y', 5, 0);
    expect(table.has('y')).toBe(true);
    expect(table.get('y')).toEqual({ line: 5, hits: 0 });
  });

  it('size, covered, keys and iteration follow insertion order', () => {
    const table = new HitTable();
    table.add('zeta', 30, 0);
    table.appendNew('alpha', 10, 2);
    table.add('mid', 20, 1);
    table.add('zeta', 30, 0);
    table.add('alpha', 10, 1);
    expect(table.size).toBe(3);
    expect(table.covered()).toBe(2);
    expect([...table.keys()]).toEqual(['zeta', 'alpha', 'mid']);
    expect([...table]).toEqual([
      ['zeta', { line: 30, hits: 0 }],
      ['alpha', { line: 10, hits: 3 }],
      ['mid', { line: 20, hits: 1 }],
    ]);
    table.add('zeta', 30, 1);
    expect(table.covered()).toBe(3);
  });

  it('with keys on demand: counts without making a key, then behaves as a table built entry by entry', () => {
    let made = 0;
    const keyOf = (at: number): string => {
      made++;
      return `k${at}`;
    };
    const lazy = HitTable.withKeysOnDemand([3, 4, 9], [0, 2, 5], [2, 1, 3], keyOf);
    expect([lazy.size, lazy.covered(), lazy.total()]).toEqual([3, 4, 6]);
    expect(made).toBe(0);
    const eager = new HitTable();
    eager.appendNewWeighted('k0', 3, 0, 2);
    eager.appendNewWeighted('k1', 4, 2, 1);
    eager.appendNewWeighted('k2', 9, 5, 3);
    expect([...lazy]).toEqual([...eager]);
    expect(made).toBe(3);
    expect(lazy.get('k1')).toEqual({ line: 4, hits: 2 });
    lazy.addWeighted('k0', 3, 1, 2);
    lazy.addWeighted('k3', 12, 0, 4);
    eager.addWeighted('k0', 3, 1, 2);
    eager.addWeighted('k3', 12, 0, 4);
    expect([...lazy]).toEqual([...eager]);
    expect([lazy.covered(), lazy.total()]).toEqual([eager.covered(), eager.total()]);
    expect(made).toBe(3);
    // Merged into another table, its keys are those keyOf made.
    const into = new HitTable();
    into.addAll(HitTable.withKeysOnDemand([1], [1], undefined, () => 'only'));
    expect([...into]).toEqual([['only', { line: 1, hits: 1 }]]);
    expect([into.covered(), into.total()]).toEqual([1, 1]);
  });

  it("with typed columns (views of a parser's storage): behaves as with arrays, and never writes to them", () => {
    const keyOf = (at: number): string => `k${at}`;
    // Line 0 is filled by the first add naming a line; hits and lines pass what a Uint32Array holds.
    const lines = Uint32Array.of(0, 4, 9);
    const hits = Float64Array.of(0, 2, 5);
    const weights = Uint32Array.of(2, 1, 3);
    const typed = HitTable.withKeysOnDemand(lines, hits, weights, keyOf);
    const plain = HitTable.withKeysOnDemand([0, 4, 9], [0, 2, 5], [2, 1, 3], keyOf);
    expect([typed.size, typed.covered(), typed.total()]).toEqual([3, 4, 6]);
    expect([...typed]).toEqual([...plain]);
    for (const t of [typed, plain]) {
      t.add('k0', 2.5, 1.5);
      t.addAt(1, 2 ** 40);
      t.addWeighted('k2', 9, 0.25, 3);
      t.addWeighted('k3', -1, 7, 2 ** 33);
      t.appendNewWeighted('k4', 12, 0, 4);
      t.appendNew('k5', 13, 1);
    }
    expect([...typed]).toEqual([...plain]);
    expect(typed.get('k0')).toEqual({ line: 2.5, hits: 1.5 });
    expect(typed.get('k1')).toEqual({ line: 4, hits: 2 + 2 ** 40 });
    expect([typed.covered(), typed.total()]).toEqual([plain.covered(), plain.total()]);
    expect([...lines, ...hits, ...weights]).toEqual([0, 4, 9, 0, 2, 5, 2, 1, 3]);
    // Without weights too.
    const unweighted = HitTable.withKeysOnDemand(Float64Array.of(1, 2), Float64Array.of(0, 3), undefined, keyOf);
    expect([unweighted.covered(), unweighted.total()]).toEqual([1, 2]);
    unweighted.addWeighted('k9', 5, 1, 3);
    expect([unweighted.covered(), unweighted.total()]).toEqual([4, 5]);
  });

  it('iteration yields copies: changing one does not change the table', () => {
    const table = new HitTable();
    table.add('f', 1, 1);
    for (const [, hit] of table) hit.hits = 99;
    const got = table.get('f');
    if (got) got.line = 42;
    expect(table.get('f')).toEqual({ line: 1, hits: 1 });
  });

  it('addAll merges by key, summing hits and filling a missing line', () => {
    const a = new HitTable();
    a.add('f', 1, 1);
    a.add('g', 0, 2);
    const b = new HitTable();
    b.appendNew('g', 7, 3);
    b.appendNew('h', 9, 0);
    b.appendNew('f', 5, 4);
    a.addAll(b);
    expect(a.size).toBe(3);
    expect([...a]).toEqual([
      ['f', { line: 1, hits: 5 }],
      ['g', { line: 7, hits: 5 }],
      ['h', { line: 9, hits: 0 }],
    ]);
    expect(a.covered()).toBe(2);
    // The source is unchanged.
    expect([...b]).toEqual([
      ['g', { line: 7, hits: 3 }],
      ['h', { line: 9, hits: 0 }],
      ['f', { line: 5, hits: 4 }],
    ]);
  });

  it('addAll into an empty table copies, and into a table of appended items merges', () => {
    const source = HitTable.from([
      ['a', { line: 1, hits: 1 }],
      ['b', { line: 2, hits: 0 }],
    ]);
    const empty = new HitTable();
    empty.addAll(source);
    expect([...empty]).toEqual([...source]);
    const appended = new HitTable();
    appended.appendNew('b', 2, 1);
    appended.addAll(source);
    expect(appended.size).toBe(2);
    expect([...appended]).toEqual([
      ['b', { line: 2, hits: 1 }],
      ['a', { line: 1, hits: 1 }],
    ]);
  });

  it('HitTable.from builds a table, merging repeated keys', () => {
    const table = HitTable.from([
      ['f', { line: 0, hits: 2 }],
      ['g', { line: 4, hits: 0 }],
      ['f', { line: 8, hits: 1 }],
    ]);
    expect(table.size).toBe(2);
    expect([...table]).toEqual([
      ['f', { line: 8, hits: 3 }],
      ['g', { line: 4, hits: 0 }],
    ]);
    expect(table.covered()).toBe(1);
    expect(HitTable.from(new Map()).size).toBe(0);
  });
});
