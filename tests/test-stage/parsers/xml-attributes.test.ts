// The scanner's Attributes: values read lazily from the bytes of the tag being handled. `get` decodes,
// `getShared` reuses one string per repeated value, `digits` and `decimal` read numbers without a
// string, and `toRecord` gives them all. Each must agree with what a plain string reading would give.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

import type { Attributes } from '../../../src/stages/test-stage/coverage/xml-scanner.js';
import { XmlScanner } from '../../../src/stages/test-stage/coverage/xml-scanner.js';

function scan(xml: string, onOpen: (name: string, attrs: Attributes) => void): void {
  const scanner = new XmlScanner(
    { open: onOpen },
    {
      line: () => 0,
      fail: (m) => {
        throw new Error(m);
      },
    },
  );
  const bytes = Buffer.from(xml);
  const buf = Buffer.alloc(bytes.length + 1);
  bytes.copy(buf);
  buf[bytes.length] = 0; // the scanner's end mark
  scanner.scan(buf, bytes.length, true);
}

/** What `read` returns for the attributes of each `<e>` element of `xml`, in order. */
function readEach<T>(xml: string, read: (attrs: Attributes) => T): T[] {
  const out: T[] = [];
  scan(xml, (name, attrs) => {
    if (name === 'e') out.push(read(attrs));
  });
  return out;
}

/** What `read` returns for the attributes of the single element `<e …/>`. */
function readOne<T>(attributes: string, read: (attrs: Attributes) => T): T {
  const out = readEach(`<root><e ${attributes}/></root>`, read);
  expect(out).toHaveLength(1);
  return out[0];
}

/** An attribute value as XML source: `"` and `<` and `&` escaped, so the value reads back as `value`. */
const quote = (value: string): string =>
  `"${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`;

describe('Attributes.get', () => {
  it('returns values, and undefined for absent attributes', () => {
    const got = readOne(`a="1" b='two' c="" d = "spaced"`, (attrs) => [
      attrs.get('a'),
      attrs.get('b'),
      attrs.get('c'),
      attrs.get('d'),
      attrs.get('missing'),
      attrs.get('A'),
      attrs.get(''),
    ]);
    expect(got).toEqual(['1', 'two', '', 'spaced', undefined, undefined, undefined]);
  });

  it('decodes entities and character references', () => {
    const got = readOne(`v="&amp;&lt;&#65;" w="x &gt; &quot;y&quot; &apos;z&apos; &#x4E2D;&#128512;"`, (attrs) => [
      attrs.get('v'),
      attrs.get('w'),
    ]);
    expect(got).toEqual(['&<A', 'x > "y" \'z\' 中😀']);
  });

  it('normalizes tab, newline and CR LF in a value to one space each', () => {
    const got = readOne(`v="a\tb\nc\r\nd\re" w="&#9;kept&#10;"`, (attrs) => [attrs.get('v'), attrs.get('w')]);
    // Character references are not normalized: they stay the characters they name.
    expect(got).toEqual(['a b c d e', '\tkept\n']);
  });

  it('round-trips non-ASCII values', () => {
    const got = readOne(`v="é名" w="名前 ✓ é 🧪" x="é&amp;名"`, (attrs) => [
      attrs.get('v'),
      attrs.get('w'),
      attrs.get('x'),
    ]);
    expect(got).toEqual(['é名', '名前 ✓ é 🧪', 'é&名']);
  });

  it('reads each element its own values', () => {
    const got = readEach(`<root><e a="1"/><e a="2" b="x"/><e/><e b="é"/></root>`, (attrs) => [
      attrs.get('a'),
      attrs.get('b'),
    ]);
    expect(got).toEqual([
      ['1', undefined],
      ['2', 'x'],
      [undefined, undefined],
      [undefined, 'é'],
    ]);
  });

  it('handles many attributes on one element', () => {
    const names = Array.from({ length: 100 }, (_, i) => `a${i}`);
    const got = readOne(names.map((name, i) => `${name}="v${i}"`).join(' '), (attrs) =>
      names.map((name) => attrs.get(name)),
    );
    expect(got).toEqual(names.map((_, i) => `v${i}`));
  });
});

describe('Attributes.digits', () => {
  it('equals Number(value) for plain digit strings', () => {
    for (const value of ['0', '7', '42', '007', '123456789012345', '999999999999999']) {
      expect(
        readOne(`v="${value}"`, (attrs) => attrs.digits('v')),
        value,
      ).toBe(Number(value));
    }
  });

  it('is -1 for absent, empty and anything but 1–15 plain digits', () => {
    const values = ['', '-1', '+1', '1.5', ' 1', '1 ', '1e3', '0x10', '1234567890123456', '١٢', '1_000', 'abc', '7a'];
    for (const value of values) {
      expect(
        readOne(`v=${quote(value)}`, (attrs) => attrs.digits('v')),
        JSON.stringify(value),
      ).toBe(-1);
    }
    expect(readOne(`v="&#49;"`, (attrs) => attrs.digits('v'))).toBe(-1);
    expect(readOne(`v="1&#48;"`, (attrs) => attrs.digits('v'))).toBe(-1);
    expect(readOne(`v="1"`, (attrs) => attrs.digits('absent'))).toBe(-1);
  });
});

describe('Attributes.decimal', () => {
  it('equals Number(value) exactly for plain decimals', () => {
    const values = [
      '0',
      '12',
      '0.042',
      '12.345',
      '3.',
      '.5',
      '000.100',
      '0.1',
      '0.3',
      '123456789012345',
      '1.23456789012345',
    ];
    for (const value of values) {
      const got = readOne(`v="${value}"`, (attrs) => attrs.decimal('v'));
      expect(Object.is(got, Number(value)), `${value}: ${got} vs ${Number(value)}`).toBe(true);
    }
  });

  it('is NaN for absent values and anything but digits with at most one dot', () => {
    const values = [
      '',
      '.',
      '1.2.3',
      '-1',
      '+1',
      '1e3',
      '1,5',
      ' 1',
      '1 ',
      '0x10',
      'NaN',
      'Infinity',
      '1234567890123456',
    ];
    for (const value of values) {
      expect(
        readOne(`v=${quote(value)}`, (attrs) => attrs.decimal('v')),
        JSON.stringify(value),
      ).toBeNaN();
    }
    expect(readOne(`v="1"`, (attrs) => attrs.decimal('absent'))).toBeNaN();
  });

  it('equals Number(s) for random digit strings with an optional dot (property)', () => {
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const decimalString = fc
      .tuple(fc.array(digit, { minLength: 0, maxLength: 15 }), fc.option(fc.nat(15), { nil: undefined }))
      .map(([digits, dotAt]) => {
        if (dotAt === undefined) return digits.join('');
        const at = Math.min(dotAt, digits.length);
        return `${digits.slice(0, at).join('')}.${digits.slice(at).join('')}`;
      });
    fc.assert(
      fc.property(decimalString, (s) => {
        const got = readOne(`v="${s}"`, (attrs) => attrs.decimal('v'));
        if (/[0-9]/.test(s)) return Object.is(got, Number(s));
        return Number.isNaN(got);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Number(s) on many values in one document', () => {
    const samples = fc.sample(
      fc
        .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 15 }), fc.nat())
        .map(([length, dot, seed]) => {
          let digits = '';
          let x = seed;
          for (let k = 0; k < length; k++) {
            digits += String(x % 10);
            x = Math.floor(x / 10) + k * 7;
          }
          return dot >= length ? digits : `${digits.slice(0, dot)}.${digits.slice(dot)}`;
        }),
      { numRuns: 3000, seed: 42 },
    );
    const xml = `<root>${samples.map((s) => `<e v="${s}"/>`).join('')}</root>`;
    const got = readEach(xml, (attrs) => attrs.decimal('v'));
    const wrong = samples.filter((s, i) => !Object.is(got[i], Number(s)));
    expect(wrong).toEqual([]);
  });
});

describe('Attributes.getShared', () => {
  it('returns the same values as get, decoded', () => {
    const attributes = `a="plain" b="é名" c="&amp;x" d="" e="t\tab" f="${'long'.repeat(50)}"`;
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'absent'];
    const got = readOne(attributes, (attrs) => names.map((name) => [attrs.get(name), attrs.getShared(name)]));
    for (const [viaGet, viaShared] of got) expect(viaShared).toBe(viaGet);
    expect(got.map(([viaGet]) => viaGet)).toEqual(['plain', 'é名', '&x', '', 't ab', 'long'.repeat(50), undefined]);
  });

  it('gives one string instance for a value repeated across many elements', () => {
    const n = 500;
    const xml = `<root>${Array.from({ length: n }, (_, i) => `<e file="src/shared/file.ts" i="${i}" other="o${i % 3}"/>`).join('')}</root>`;
    const shared = readEach(xml, (attrs) => attrs.getShared('file'));
    expect(shared).toHaveLength(n);
    expect(shared[0]).toBe('src/shared/file.ts');
    for (const value of shared) expect(value).toBe(shared[0]);
    // And `get` agrees on every element.
    expect(readEach(xml, (attrs) => attrs.get('file'))).toEqual(shared);
  });

  it('makes no new string for a repeated value after the first element', () => {
    // `toBe` cannot tell two equal strings apart, so count the decodes instead: after the first
    // element, `getShared` must hand back the string it already has without decoding the bytes again.
    const proto = Buffer.prototype as unknown as Record<'latin1Slice' | 'utf8Slice', (...args: number[]) => string>;
    const latin1 = vi.spyOn(proto, 'latin1Slice');
    const utf8 = vi.spyOn(proto, 'utf8Slice');
    try {
      const decodes: number[] = [];
      const xml = `<root>${'<e file="src/shared/file.ts" other="x"/>'.repeat(200)}</root>`;
      readEach(xml, (attrs) => {
        const before = latin1.mock.calls.length + utf8.mock.calls.length;
        attrs.getShared('file');
        decodes.push(latin1.mock.calls.length + utf8.mock.calls.length - before);
      });
      expect(decodes).toHaveLength(200);
      expect(decodes[0]).toBeGreaterThan(0); // the spies see the decoding
      expect(decodes.slice(1).every((count) => count === 0)).toBe(true);
    } finally {
      latin1.mockRestore();
      utf8.mockRestore();
    }
  });

  it('keeps values straight when several repeated values interleave', () => {
    const values = ['alpha', 'beta', 'gamma', 'delta', 'alpha.beta', ''];
    const order = Array.from({ length: 600 }, (_, i) => values[(i * 7 + (i >> 3)) % values.length]);
    const xml = `<root>${order.map((value) => `<e v="${value}"/>`).join('')}</root>`;
    const got = readEach(xml, (attrs) => attrs.getShared('v'));
    expect(got).toEqual(order);
  });

  it('returns non-ASCII and entity-encoded values correctly, each time', () => {
    const xml = `<root>${'<e v="é名" w="a&amp;b"/>'.repeat(20)}<e v="名前 ✓" w="c"/></root>`;
    const got = readEach(xml, (attrs) => [attrs.getShared('v'), attrs.getShared('w')]);
    expect(got).toEqual([...Array.from({ length: 20 }, () => ['é名', 'a&b']), ['名前 ✓', 'c']]);
  });

  it('does not confuse distinct values that share a length', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `v${String(i).padStart(5, '0')}`);
    const xml = `<root>${values.map((value) => `<e v="${value}"/><e v="${value}"/>`).join('')}</root>`;
    const got = readEach(xml, (attrs) => attrs.getShared('v'));
    expect(got).toEqual(values.flatMap((value) => [value, value]));
  });
});

describe('Attributes.toRecord', () => {
  it('gives every attribute, decoded', () => {
    const record = readOne(`a="1" b="é名" c="&lt;x&gt;" d="" e="a\tb"`, (attrs) => attrs.toRecord());
    expect({ ...record }).toEqual({ a: '1', b: 'é名', c: '<x>', d: '', e: 'a b' });
    expect(Object.getPrototypeOf(record)).toBeNull();
  });

  it('is empty for an element without attributes', () => {
    const record = readOne('', (attrs) => attrs.toRecord());
    expect(Object.keys(record)).toEqual([]);
    expect(Object.getPrototypeOf(record)).toBeNull();
  });

  it('keeps __proto__ and constructor as own properties, and pollutes nothing', () => {
    const record = readOne(
      `__proto__="polluted" constructor="c" toString="t" hasOwnProperty="h" polluted="own"`,
      (attrs) => [attrs.toRecord(), attrs.get('__proto__')],
    );
    const [values, viaGet] = record as [Record<string, string>, string | undefined];
    expect(viaGet).toBe('polluted');
    expect(Object.getPrototypeOf(values)).toBeNull();
    expect(Object.hasOwn(values, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toBe('polluted');
    expect(Object.hasOwn(values, 'constructor')).toBe(true);
    expect(values.constructor).toBe('c');
    expect(Object.getOwnPropertyDescriptor(values, 'toString')?.value).toBe('t');
    expect(Object.getOwnPropertyDescriptor(values, 'hasOwnProperty')?.value).toBe('h');
    expect(values.polluted).toBe('own');
    expect(Object.keys(values).sort()).toEqual(
      ['__proto__', 'constructor', 'hasOwnProperty', 'polluted', 'toString'].sort(),
    );
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
    expect(typeof ({} as any).constructor).toBe('function');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('gives each element its own record', () => {
    const records = readEach(`<root><e a="1" b="2"/><e c="3"/></root>`, (attrs) => ({ ...attrs.toRecord() }));
    expect(records).toEqual([{ a: '1', b: '2' }, { c: '3' }]);
  });
});
