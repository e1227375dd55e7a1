// The Go profile reader's fast path (a line of the same file as the line before: path compared as
// bytes, the block predicted from the one before) must read every profile exactly as the careful
// line-by-line way does: on real `go test` profiles, on profiles repeated per test binary as
// `-coverpkg=./...` writes them, and on thousands of mutated ones (the same result, or the same error
// at the same line).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { UserError } from '../../../src/core/errors.js';
import { emptySet } from '../../../src/stages/test-stage/coverage/coverage-set.js';
import { readGoProfile } from '../../../src/stages/test-stage/coverage/go.js';
import { readCoverage, totals } from '../../../src/stages/test-stage/coverage/index.js';
import { openReport } from '../../../src/stages/test-stage/coverage/report-file.js';
import type { CoverageSet } from '../../../src/stages/test-stage/model.js';
import { repoRoot } from './generated.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-go-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Real `go test -coverprofile` output of the sample module (tests/fixtures/generate.sh writes it). */
const REAL = ['count.out', 'set.out'].map((f) => readFileSync(path.join(repoRoot, 'tests/fixtures/generated/go', f)));

/** Everything the reader leaves in the set: per file its lines and its statements with key, line, hits and weight. */
function dump(set: CoverageSet): unknown {
  return {
    measured: set.measured,
    files: [...set.files].map(([p, f]) => ({
      path: p,
      lines: [...f.lines],
      statements: [...f.statements].map(([key, hit], i) => [
        key,
        hit.line,
        hit.hits,
        (f.statements as unknown as { weights?: number[] }).weights?.[i] ?? 1,
      ]),
    })),
  };
}

let written = 0;
async function read(bytes: Buffer | string, fast: boolean): Promise<unknown> {
  const name = `p${written++}.out`;
  writeFileSync(path.join(dir, name), bytes);
  try {
    const set = emptySet();
    const result = await readGoProfile(await openReport(name, dir), set, fast);
    return { result, set: dump(set) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { error: error.message, line: error.location.line };
  }
}

async function bothWays(bytes: Buffer | string): Promise<unknown> {
  const careful = await read(bytes, false);
  expect(await read(bytes, true)).toEqual(careful);
  return careful;
}

/** The profile's block lines, repeated `binaries` times after one mode line (each test binary of a -coverpkg run). */
function perBinary(profile: Buffer, binaries: number): string {
  const text = profile.toString('utf8');
  const blocks = text.slice(text.indexOf('\n') + 1);
  return text.slice(0, text.indexOf('\n') + 1) + blocks.repeat(binaries);
}

describe('Go profiles: the fast path reads as the careful one', () => {
  it('on real profiles, repeated per test binary, and with Windows line ends', async () => {
    for (const profile of REAL) {
      await bothWays(profile);
      const repeated = (await bothWays(perBinary(profile, 4))) as { set: { files: unknown[] } };
      expect(repeated.set.files.length).toBeGreaterThan(0);
      await bothWays(profile.toString('utf8').replace(/\n/g, '\r\n'));
      // A profile concatenated with itself repeats the mode line too.
      await bothWays(Buffer.concat([profile, profile]));
    }
  });

  it('merges repeats by position whatever their order, and tells blocks apart by where they end', async () => {
    const profile = [
      'mode: count',
      'a.go:1.10,3.2 2 1',
      'a.go:4.2,6.3 1 0',
      // Same start, other end: another block.
      'a.go:4.2,7.3 1 5',
      'b.go:2.1,2.9 3 0',
      // The next binary lists them in another order, and once with a huge start.
      'b.go:2.1,2.9 3 4',
      'a.go:4.2,6.3 1 2',
      'a.go:1.10,3.2 2 1',
      'a.go:4.2,7.3 1 0',
      'a.go:9999999999.1,9999999999.5 1 1',
      'a.go:9999999999.1,9999999999.5 1 1',
    ].join('\n');
    const out = (await bothWays(`${profile}\n`)) as { set: { files: { path: string; statements: unknown[] }[] } };
    expect(out.set.files.map((f) => [f.path, f.statements])).toEqual([
      [
        'a.go',
        [
          ['1.10,3.2', 1, 2, 2],
          ['4.2,6.3', 4, 2, 1],
          ['4.2,7.3', 4, 5, 1],
          ['9999999999.1,9999999999.5', 9999999999, 2, 1],
        ],
      ],
      ['b.go', [['2.1,2.9', 2, 4, 3]]],
    ]);
    // go tool cover -func counts statements: a.go 2 + 1 + 1 + 1 covered of 5, b.go 3 of 3.
    writeFileSync(path.join(dir, 'order.out'), `${profile}\n`);
    expect(totals(await readCoverage(['order.out'], { cwd: dir, format: 'go' })).statements).toMatchObject({
      covered: 8,
      total: 8,
    });
  });

  it('merges every block exactly as a plain map of block texts does, whatever order the copies list them in', async () => {
    const block = fc.record({
      file: fc.nat({ max: 4 }),
      sl: fc.nat({ max: 40 }),
      sc: fc.nat({ max: 3 }),
      lines: fc.nat({ max: 3 }),
      ec: fc.nat({ max: 2 }),
      stmts: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(block, {
          selector: (b) => `${b.file}:${b.sl}.${b.sc},${b.sl + b.lines}.${b.ec}`,
          maxLength: 60,
        }),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 })), { maxLength: 80 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (blocks, copies, setMode) => {
          fc.pre(blocks.length > 0);
          // A block's NumStmt is the same wherever it appears (the profile is refused otherwise).
          const lines = [`mode: ${setMode ? 'set' : 'count'}`];
          const expected = new Map<string, Map<string, { line: number; hits: number; weight: number }>>();
          for (const picks of copies) {
            for (const [pick, count] of picks) {
              const b = blocks[pick % blocks.length];
              const path = `m/f${b.file}.go`;
              const key = `${b.sl}.${b.sc},${b.sl + b.lines}.${b.ec}`;
              lines.push(`${path}:${key} ${b.stmts} ${count}`);
              const file = expected.get(path) ?? new Map();
              expected.set(path, file);
              const before = file.get(key);
              const hits = setMode ? Math.max(before?.hits ?? 0, count > 0 ? 1 : 0) : (before?.hits ?? 0) + count;
              file.set(key, { line: b.sl, hits, weight: b.stmts });
            }
          }
          const out = (await bothWays(`${lines.join('\n')}\n`)) as {
            set: { files: { path: string; statements: [string, number, number, number][] }[] };
          };
          expect(out.set.files.map((f) => f.path)).toEqual([...expected.keys()]);
          for (const f of out.set.files) {
            const want = [...expected.get(f.path)!]
              .filter(([, v]) => v.weight > 0)
              .map(([key, v]) => [key, v.line, v.hits, v.weight]);
            expect(f.statements).toEqual(want);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('derives statements and lines as a plain model does, with numbers past 32 bits and blocks in any order', async () => {
    // Lines past 2^24 (kept sparsely), numbers past 2^32 (stored 8 bytes wide), counts past 2^32
    // (lines kept 8 bytes wide), blocks without statements, files listed once or interleaved.
    const big = fc.constantFrom(2 ** 32 - 2, 2 ** 32 - 1, 2 ** 32, 2 ** 24, 9_999_999_999, 123_456_789_012_345);
    const block = fc.record({
      file: fc.nat({ max: 3 }),
      sl: fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 60 }) }, { weight: 1, arbitrary: big }),
      sc: fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: big }),
      lines: fc.nat({ max: 3 }),
      ec: fc.nat({ max: 2 }),
      stmts: fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: big }),
    });
    const count = fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 9 }) }, { weight: 1, arbitrary: big });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(block, { selector: (b) => `${b.file}:${b.sl}.${b.sc}`, minLength: 1, maxLength: 40 }),
        fc.array(fc.array(fc.tuple(fc.nat(), count), { maxLength: 60 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        async (blocks, copies, setMode, fileByFile) => {
          // fileByFile: each copy lists the blocks file by file, in source order (as `go test` writes them).
          const lines = [`mode: ${setMode ? 'set' : 'count'}`];
          const merged = new Map<string, { file: string; sl: number; el: number; stmts: number; hits: number }>();
          for (const picks of copies) {
            const listed = picks.map(([pick, n]) => [blocks[pick % blocks.length], n] as const);
            if (fileByFile) listed.sort(([a], [b]) => a.file - b.file || a.sl - b.sl || a.sc - b.sc);
            for (const [b, n] of listed) {
              const file = `m/pkg/f${b.file}.go`;
              const key = `${file}:${b.sl}.${b.sc},${b.sl + b.lines}.${b.ec}`;
              lines.push(`${key} ${b.stmts} ${n}`);
              const before = merged.get(key);
              const hits = setMode ? Math.max(before?.hits ?? 0, n > 0 ? 1 : 0) : (before?.hits ?? 0) + n;
              merged.set(key, { file, sl: b.sl, el: b.sl + b.lines, stmts: b.stmts, hits });
            }
          }
          fc.pre(merged.size > 0);
          const out = (await bothWays(`${lines.join('\n')}\n`)) as {
            set: {
              files: { path: string; lines: [number, number][]; statements: [string, number, number, number][] }[];
            };
          };
          for (const f of out.set.files) {
            const mine = [...merged].filter(([, v]) => v.file === f.path && v.stmts > 0);
            expect(f.statements).toEqual(
              mine.map(([key, v]) => [key.slice(key.indexOf(':') + 1), v.sl, v.hits, v.stmts]),
            );
            // A line counts the most-executed block on it.
            const want = new Map<number, number>();
            for (const [, v] of mine)
              for (let line = v.sl; line <= v.el; line++) want.set(line, Math.max(want.get(line) ?? 0, v.hits));
            expect(f.lines).toEqual([...want].sort((a, b) => a[0] - b[0]));
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('tells paths apart whose bytes differ where a word of them reads as 0 or NaN', async () => {
    // The fast path compares a path eight bytes at a time as numbers: 0 and -0 are equal numbers with
    // other bytes, and NaN equals nothing. Such paths go byte by byte.
    // Each path's first eight bytes read as 0, -0 or NaN; its last eight are the same in all of them.
    const rest = Buffer.from('abcdefgh');
    const zero = Buffer.concat([Buffer.alloc(8), rest]);
    const minusZero = Buffer.concat([Buffer.alloc(7), Buffer.from([0x80]), rest]);
    const nan = Buffer.concat([Buffer.from('abcdef'), Buffer.from([0xf8, 0x7f]), rest]);
    const lines = (path: Buffer, from: number): Buffer[] =>
      [0, 1, 2].map((k) => Buffer.concat([path, Buffer.from(`:${from + k}.1,${from + k}.9 1 ${k}\n`)]));
    const profile = Buffer.concat([
      Buffer.from('mode: count\n'),
      ...lines(zero, 1),
      ...lines(minusZero, 1),
      ...lines(zero, 10),
      ...lines(nan, 1),
      ...lines(nan, 1),
      ...lines(minusZero, 10),
    ]);
    const out = (await bothWays(profile)) as { set: { files: { path: string; statements: unknown[] }[] } };
    expect(out.set.files.map((f) => f.statements.length)).toEqual([6, 6, 3]);
  });

  it("reading a profile twice adds its hits (its tables are views of the reader's storage until merged)", async () => {
    const profile = perBinary(REAL[0], 2);
    writeFileSync(path.join(dir, 'twice.out'), profile);
    const once = dump(await readCoverage(['twice.out'], { cwd: dir, format: 'go' })) as {
      files: { path: string; lines: [number, number][]; statements: [string, number, number, number][] }[];
    };
    const twice = dump(await readCoverage(['twice.out', 'twice.out'], { cwd: dir, format: 'go' }));
    expect(twice).toEqual({
      ...once,
      files: once.files.map((f) => ({
        path: f.path,
        lines: f.lines.map(([line, hits]) => [line, 2 * hits]),
        statements: f.statements.map(([key, line, hits, weight]) => [key, line, 2 * hits, weight]),
      })),
    });
  });

  it('reads a last line without a newline in a profile of several reads (nothing past the data is read)', async () => {
    // Over a megabyte of block lines, then a short last line without a newline: the byte after it in
    // the read buffer is left from an earlier read, where (with lines of this shape) it is a digit.
    // A reader that looked at it took the digit for part of the count and refused the line.
    const lines = ['mode: count'];
    for (let i = 1; i <= 40_000; i++)
      lines.push(`a.go:${String(i).padStart(10, '0')}.1,${String(i).padStart(10, '0')}.2 1 1`);
    lines.push('a.go:1.1,1.2 1 1');
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(1 << 20);
    const withNewline = (await bothWays(`${text}\n`)) as { error?: string };
    expect(withNewline.error).toBeUndefined();
    expect(await bothWays(text)).toEqual(withNewline);
  });

  it('on mutated profiles: the same result or the same error at the same line', async () => {
    const seeds = [...REAL, Buffer.from(perBinary(REAL[0], 3))];
    const piece = fc.constantFrom(
      '\n',
      '\r\n',
      ':',
      '.',
      ',',
      ' ',
      '\t',
      '0',
      '9',
      '1234567890123456',
      '99999999999999999',
      'mode: set\n',
      'mode: count\n',
      'a.go:1.1,2.2 1 1\n',
      'é',
    );
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
      fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), from: fc.nat(), length: fc.nat({ max: 300 }) }),
    );
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        async (i, edits) => {
          let b = Buffer.from(seeds[i]);
          for (const e of edits) {
            const at = b.length === 0 ? 0 : e.at % b.length;
            if (e.kind === 'flip') b[at] = e.byte;
            else if (e.kind === 'cut') b = b.subarray(0, at);
            else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(e.text), b.subarray(at)]);
            else {
              const from = b.length === 0 ? 0 : e.from % b.length;
              b = Buffer.concat([b.subarray(0, at), b.subarray(from, from + e.length), b.subarray(at)]);
            }
          }
          const out = (await bothWays(b)) as { error?: string };
          if (out.error !== undefined) errors++;
        },
      ),
      { numRuns: 1500, seed: 20261128, endOnFailure: true },
    );
    // Both kinds of outcome were exercised.
    expect(errors).toBeGreaterThan(100);
    expect(errors).toBeLessThan(1500);
  }, 120_000);
});
