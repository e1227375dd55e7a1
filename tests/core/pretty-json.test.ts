// prettyJsonPieces writes a report in pieces: joined, they must be JSON.stringify(value, null, 2)
// exactly, for any value a report could hold and the odd ones JSON.stringify treats specially.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { prettyJsonPieces, reportFilePieces } from '../../src/core/report/pretty-json.js';

const joined = (value: unknown): string | undefined => {
  const pieces = [...prettyJsonPieces(value)];
  return pieces.length === 0 ? undefined : pieces.join('');
};

describe('prettyJsonPieces', () => {
  it('equals JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('equals JSON.stringify for values it leaves out, converts or calls', () => {
    const date = new Date(Date.UTC(2026, 10, 29, 5, 0, 0));
    const odd: unknown[] = [
      undefined,
      null,
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      [undefined, () => 1, Symbol('s'), 2],
      { nested: { deeper: { deepest: { bottom: [1, { x: undefined, y: [[], {}] }] } } } },
      { when: date, list: [date], custom: { toJSON: () => ({ made: 'by toJSON', n: [1, 2] }) } },
      { gone: { toJSON: () => undefined }, kept: 1 },
      [{ toJSON: () => undefined }],
      { n: NaN, inf: -Infinity, zero: -0, big: 1e21, tiny: 5e-324 },
      { boxed: [new String('s'), new Number(3), new Boolean(false)] },
      { map: new Map([[1, 2]]), set: new Set([1]) },
      { 'key with "quotes"\n': 'line\nbreak\ttab \u2028 \ud800', '': [] },
      Object.assign(Object.create(null) as object, { noProto: true }),
      'a string\nwith a newline',
      42,
      [],
      {},
    ];
    for (const value of odd) expect(joined(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('hands out pieces of bounded size for a big array, and the file form ends with a newline', () => {
    const report = {
      stage: 'test',
      tests: { failures: Array.from({ length: 5_000 }, (_, i) => ({ name: `case ${i}`, suite: ['s'], line: i })) },
    };
    const pieces = [...reportFilePieces(report)];
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(5);
    // A piece is handed out once it reaches 64 K characters; a batch of items adds about that much.
    for (const piece of pieces) expect(piece.length).toBeLessThan(2 * 64 * 1024 + 1000);
  });
});
