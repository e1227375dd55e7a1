// ByteStore keeps texts in 1 MiB chunks that never move: what is appended reads back exactly, across
// chunk boundaries, for texts longer than a chunk, after a truncation, and in any script.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import type { TestCase } from '../../src/stages/test-stage/model.js';
import { ByteStore } from '../../src/stages/test-stage/results/byte-store.js';
import { CaseList } from '../../src/stages/test-stage/results/case-list.js';

const MiB = 1 << 20;

function fill(texts: string[], store = new ByteStore()): { store: ByteStore; at: [number, number][] } {
  const at: [number, number][] = [];
  for (const t of texts) {
    const start = store.end;
    at.push([start, store.append(t)]);
  }
  return { store, at };
}

describe('ByteStore', () => {
  it('reads back texts filling several chunks, in any script, and texts longer than a chunk', () => {
    const texts: string[] = [];
    for (let i = 0; texts.length < 60_000; i++) texts.push(i % 7 === 0 ? `été ✓ 𝌆 ${i}` : `test_case_number_${i}`);
    texts.push('x'.repeat(3 * MiB), '', 'after the big one', 'ü'.repeat(MiB), 'end');
    const { store, at } = fill(texts);
    expect(store.end).toBeGreaterThan(5 * MiB);
    texts.forEach((t, i) => expect(store.read(at[i][0], at[i][1])).toBe(t));
    // Positions run on: each text starts where the one before ended.
    for (let i = 1; i < at.length; i++) expect(at[i][0]).toBe(at[i - 1][1]);
  });

  it('forgets what follows a truncation, also when the last text opened a chunk', () => {
    const store = new ByteStore();
    const first = store.append('a'.repeat(MiB - 10));
    // Too long for what is left of the chunk: it opens another.
    const second = store.append('b'.repeat(100));
    store.truncate(first);
    expect(store.end).toBe(first);
    const again = store.append('c'.repeat(5_000));
    expect(store.read(0, first)).toBe('a'.repeat(MiB - 10));
    expect(store.read(first, again)).toBe('c'.repeat(5_000));
    expect(second).toBe(first + 100);
  });

  it('appendBytes stores bytes as append stores their text, across chunk boundaries and for bytes longer than a chunk', () => {
    const store = new ByteStore();
    const texts: string[] = [];
    const at: [number, number][] = [];
    for (let i = 0; texts.length < 40_000; i++) {
      const t = i % 5 === 0 ? `été ✓ 𝌆 ${i}` : i % 11 === 0 ? 'x'.repeat(100 + (i % 300)) : `test_case_number_${i}`;
      const start = store.end;
      if (i % 2 === 0) {
        at.push([start, store.append(t)]);
      } else {
        const bytes = Buffer.from(t);
        // A scratch buffer longer than the bytes: only [0, length) is taken.
        const scratch = new Uint8Array(bytes.length + 8).fill(0x41);
        scratch.set(bytes);
        at.push([start, store.appendBytes(scratch, bytes.length)]);
      }
      texts.push(t);
    }
    const big = Buffer.from('ü'.repeat(MiB));
    texts.push('ü'.repeat(MiB), 'end');
    at.push([store.end, store.appendBytes(big, big.length)]);
    at.push([store.end, store.appendBytes(Buffer.from('end'), 3)]);
    expect(store.end).toBeGreaterThan(3 * MiB);
    texts.forEach((t, i) => expect(store.read(at[i][0], at[i][1])).toBe(t));
    for (let i = 1; i < at.length; i++) expect(at[i][0]).toBe(at[i - 1][1]);
  });
});

describe('ByteStore spilling its full chunks to a file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function spillDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-spill-test-'));
    dirs.push(dir);
    return dir;
  }
  /** Texts over ~8 MiB: short ones, multi-byte ones, and texts longer than a chunk. */
  function manyTexts(): string[] {
    const texts: string[] = [];
    for (let i = 0; texts.length < 150_000; i++)
      texts.push(
        i % 7 === 0
          ? `été ✓ 𝌆 ${i}`
          : i % 13 === 0
            ? `trace ${i}\n${'  at frame\n'.repeat(i % 50)}`
            : `case_number_${i}_checks_that_it_works`,
      );
    texts.splice(50_000, 0, 'x'.repeat(2 * MiB + 3), 'ü'.repeat(MiB));
    return texts;
  }

  it('reads back every text, in order and out of order, with every full chunk in a spill file that has no name', () => {
    const dir = spillDir();
    const texts = manyTexts();
    const { store, at } = fill(texts, new ByteStore({ spillDir: dir }));
    expect(store.end).toBeGreaterThan(10 * MiB);
    // Only the chunk being filled is left in memory.
    expect(store.bytesInMemory).toBeLessThanOrEqual(2 * MiB);
    // The file is made and removed at once: nothing is left in the directory, even while in use.
    expect(readdirSync(dir)).toEqual([]);
    texts.forEach((t, i) => expect(store.read(at[i][0], at[i][1])).toBe(t));
    // Backwards and jumping between chunks: each read reloads the chunk it needs.
    for (let i = texts.length - 1; i >= 0; i -= 997) expect(store.read(at[i][0], at[i][1])).toBe(texts[i]);
    for (let k = 0; k < 2_000; k++) {
      const i = (k * 7919) % texts.length;
      expect(store.read(at[i][0], at[i][1])).toBe(texts[i]);
    }
    for (let i = 1; i < at.length; i++) expect(at[i][0]).toBe(at[i - 1][1]);
  });

  it('spills appendBytes and truncations as append', () => {
    const store = new ByteStore({ spillDir: spillDir() });
    const texts: string[] = [];
    const at: [number, number][] = [];
    for (let i = 0; texts.length < 60_000; i++) {
      const t = `name ${i} ${'n'.repeat(i % 120)} ✓`;
      const start = store.end;
      const bytes = Buffer.from(t);
      at.push([start, i % 2 ? store.append(t) : store.appendBytes(bytes, bytes.length)]);
      texts.push(t);
      if (i % 1000 === 999) {
        // A rerun written over the last text.
        store.truncate(start);
        texts[texts.length - 1] = `rerun ${i}`;
        at[at.length - 1] = [start, store.append(`rerun ${i}`)];
      }
    }
    expect(store.end).toBeGreaterThan(4 * MiB);
    // Only the chunk being filled (256 KiB).
    expect(store.bytesInMemory).toBe(MiB / 4);
    texts.forEach((t, i) => expect(store.read(at[i][0], at[i][1])).toBe(t));
  });

  it('keeps everything in memory, losing nothing, when no spill file can be made', () => {
    const missing = path.join(spillDir(), 'no', 'such', 'dir');
    const texts = manyTexts();
    const { store, at } = fill(texts, new ByteStore({ spillDir: missing }));
    expect(store.bytesInMemory).toBeGreaterThanOrEqual(store.end);
    texts.forEach((t, i) => expect(store.read(at[i][0], at[i][1])).toBe(t));
  });
});

describe('CaseList with names and texts over several chunks', () => {
  it('reads every case back, a replaced last case included', () => {
    const list = new CaseList();
    const expected: TestCase[] = [];
    for (let i = 0; i < 30_000; i++) {
      const c: TestCase = {
        suite: ['s'],
        name: `case ${i} ${'n'.repeat(i % 90)}`,
        status: i % 5 ? 'passed' : 'failed',
      };
      if (i % 5 === 0) c.details = `trace ${i}\n${'  at frame\n'.repeat(i % 40)}`;
      list.push(c);
      expected.push(c);
      if (i % 997 === 0) {
        const rerun: TestCase = { ...c, name: `${c.name} (rerun)`, status: 'passed', flaky: true, reruns: 1 };
        delete rerun.details;
        list.replaceLast(rerun);
        expected[expected.length - 1] = rerun;
      }
    }
    expect(list.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i += 1) expect(list.at(i)).toStrictEqual(expected[i]);
  });

  it('reads every case back over several pages of columns, with names and texts spilled', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-spill-test-'));
    try {
      const list = new CaseList({ spillDir: dir });
      const expected: TestCase[] = [];
      // Past two pages of columns (2^14 cases each), with a rerun replacing a page's first case.
      for (let i = 0; i < 40_000; i++) {
        const c: TestCase = {
          suite: [`s${i % 3}`],
          name: `case ${i} ${'n'.repeat(i % 70)}`,
          status: i % 4 ? 'passed' : 'error',
        };
        if (i % 4 === 0) {
          c.message = `boom ${i}`;
          c.details = `trace ${i}\n${'  at frame\n'.repeat(i % 30)}`;
        }
        if (i % 9 === 0) c.durationMs = i / 8;
        list.push(c);
        expected.push(c);
        if (i === 16_384 || i === 32_768) {
          const rerun: TestCase = { suite: c.suite, name: `${c.name} again`, status: 'passed', flaky: true, reruns: 1 };
          list.replaceLast(rerun);
          expected[i] = rerun;
        }
      }
      expect(list.length).toBe(expected.length);
      expected.forEach((c, i) => expect(list.at(i)).toStrictEqual(c));
      const failed = expected.filter((c) => c.status === 'error');
      expect(list.failures()).toStrictEqual(failed);
      // The first `withDetails` failures keep their details; the rest come without.
      const firstTen = list.failures(20, 10);
      expect(firstTen.slice(0, 10)).toStrictEqual(failed.slice(0, 10));
      expect(firstTen.slice(10)).toStrictEqual(failed.slice(10, 20).map(({ details: _details, ...c }) => c));
      expect(list.totals()).toMatchObject({ total: 40_000, errors: failed.length, flaky: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
