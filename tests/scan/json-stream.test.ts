import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonSplitter,
  JsonSyntaxError,
  streamJsonFile,
  type PathItem,
} from '../../src/stages/scan/ingest/json-stream.js';

/** Feeds `text` in pieces cut at `cuts` and returns what was captured at depth ≤ 2 under `items`. */
function split(text: string, cuts: number[], want: (p: readonly PathItem[]) => 'capture' | 'descend' | 'skip') {
  const got: { path: PathItem[]; value: unknown; line: number }[] = [];
  const closed: PathItem[][] = [];
  const s = new JsonSplitter({
    want,
    value: (path, value, line) => got.push({ path: [...path], value, line }),
    close: (path) => closed.push([...path]),
  });
  const buf = Buffer.from(text, 'utf8');
  // Every piece goes through one buffer, overwritten as soon as write() returns, as streamJsonFile
  // reuses its read buffer: whatever the splitter keeps of a piece must be its own copy.
  const scratch = Buffer.alloc(buf.length);
  const feed = (piece: Buffer) => {
    piece.copy(scratch);
    s.write(scratch.subarray(0, piece.length));
    scratch.fill('{');
  };
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c <= at || c >= buf.length) continue;
    feed(buf.subarray(at, c));
    at = c;
  }
  feed(buf.subarray(at));
  s.end();
  return { got, closed };
}

const itemsOf = (p: readonly PathItem[]) =>
  p.length === 0 ? 'descend' : p[0] === 'items' ? (p.length === 1 ? 'descend' : 'capture') : 'skip';

describe('JsonSplitter', () => {
  it('captures each wanted value as JSON.parse reads it, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.array(fc.nat({ max: 2000 }), { maxLength: 12 }),
        fc.boolean(),
        (items, other, cuts, pretty) => {
          const doc = { before: other, items, after: other };
          const text = pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
          const { got } = split(text, cuts, itemsOf);
          // JSON.stringify(-0) is "0": compare what JSON.parse makes of the same text.
          expect(got.map((g) => g.value)).toEqual((JSON.parse(text) as { items: unknown[] }).items);
          expect(got.map((g) => g.path)).toEqual(items.map((_, i) => ['items', i]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the line each captured value starts on, and closes descended containers', () => {
    const text = '{\n  "a": 1,\n  "items": [\n    {"x": "\\"]}"},\n\n    [1, {"y": null}]\n  ]\n}\n';
    const { got, closed } = split(text, [3, 17, 30], itemsOf);
    expect(got.map((g) => [g.value, g.line])).toEqual([
      [{ x: '"]}' }, 4],
      [[1, { y: null }], 6],
    ]);
    expect(closed).toEqual([['items'], []]);
  });

  it('keys with escapes are decoded before the path is matched', () => {
    const text = '{"it\\u0065ms": [1, 2]}';
    expect(split(text, [5], itemsOf).got.map((g) => g.value)).toEqual([1, 2]);
  });

  it.each([
    ['{"items": [1, 2}', 1, "expected ',' or ']', found '}'"],
    ['{"items": [1,\n2,\n]}', 3, "unexpected ']'"],
    ['{"items": [\n{"a" 1}]}', 2, ''],
    ['{"skip": {"a": [1}, "items": []}', 1, "unexpected '}'"],
    ['{"items": []} x', 1, 'after the end of the document'],
    ['{"items": [1, 2]', 1, 'unexpected end of the document'],
    ["{'items': []}", 1, 'expected a key in double quotes'],
    ['{"items": [tru]}', 1, ''],
  ])('%j is a syntax error on line %i', (text, line, message) => {
    let error: unknown;
    try {
      split(text, [], itemsOf);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect((error as JsonSyntaxError).line).toBe(line);
    expect((error as JsonSyntaxError).message).toContain(message);
  });

  it('skips what is not wanted without building it, but still checks its brackets and strings', () => {
    const big = {
      skip: Array.from({ length: 50 }, (_, i) => ({ i, s: `a"b\\c ${'x'.repeat(i)}` })),
      items: [{ k: 1 }],
    };
    const captured: unknown[] = [];
    const s = new JsonSplitter({ want: itemsOf, value: (_p, v) => captured.push(v) });
    s.write(Buffer.from(JSON.stringify(big)));
    s.end();
    expect(captured).toEqual([{ k: 1 }]);
  });
});

describe('streamJsonFile', () => {
  it('reads a file of many chunks the same as JSON.parse, values and keys crossing chunk boundaries', async () => {
    // ~3 MB: a dozen 256 KiB chunks, values of every size, so that captures and keys straddle the cuts.
    const items = Array.from({ length: 3000 }, (_, i) => ({
      id: `CVE-2024-${i}`,
      ['k'.repeat(1 + (i % 50))]: 'é'.repeat(i % 300),
      text: `line "${i}" \\ ${'x'.repeat((i * 37) % 1500)}`,
      nested: { list: [i, i / 3, null, true, { s: '\u2028' }] },
    }));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'json-stream-')), 'big.json');
    writeFileSync(file, JSON.stringify({ skip: items.slice(0, 500), items }, null, 1));
    const got: unknown[] = [];
    await streamJsonFile(file, { want: itemsOf, value: (_p, v) => got.push(v) });
    expect(got).toEqual(items);
  });
});
