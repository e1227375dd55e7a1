// ByteStore keeps texts in 1 MiB chunks that never move: what is appended reads back exactly, across
// chunk boundaries, for texts longer than a chunk, after a truncation, and in any script.
import { describe, expect, it } from 'vitest';

import type { TestCase } from '../../src/stages/test-stage/model.js';
import { ByteStore } from '../../src/stages/test-stage/results/byte-store.js';
import { CaseList } from '../../src/stages/test-stage/results/case-list.js';

const MiB = 1 << 20;

function fill(texts: string[]): { store: ByteStore; at: [number, number][] } {
  const store = new ByteStore();
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
});
