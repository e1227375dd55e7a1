// The JUnit handler hands a case's name to the CaseList as the report's own bytes when the name needs
// no decoding (`Attributes.copyPlain` → `CaseList.pushNamed`), and the scanner skips making strings
// for text no handler wants (`wantsText`). Both are shortcuts: every case must read back exactly as
// through the string path (`attrs.get('name')` → `CaseList.push`), and names as saxes reads them,
// whatever the names hold (entities, character references, multi-byte UTF-8, tabs and line ends that
// attribute normalization turns into spaces, bytes that are not UTF-8) and however the bytes are split
// into reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';

import type { Attributes } from '../../../src/stages/test-stage/coverage/xml-scanner.js';
import { XmlScanner } from '../../../src/stages/test-stage/coverage/xml-scanner.js';
import type { CaseSink, TestCase } from '../../../src/stages/test-stage/model.js';
import { CaseList } from '../../../src/stages/test-stage/results/case-list.js';
import { readTestResults } from '../../../src/stages/test-stage/results/index.js';
import { junitHandler } from '../../../src/stages/test-stage/results/junit.js';

/** Feeds `xml` to a scanner `chunk` bytes at a time (as streamXml does), the JUnit handler writing to `sink`. */
function scanJunit(xml: Buffer, sink: CaseSink, chunk: number): void {
  const scanner = new XmlScanner(junitHandler(sink), {
    line: () => 0,
    fail: (message) => {
      throw new Error(message);
    },
  });
  let buf = Buffer.alloc(chunk * 2 + 1);
  let filled = 0;
  let offset = 0;
  for (;;) {
    if (filled + chunk + 1 > buf.length) {
      const bigger = Buffer.alloc(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    }
    const read = xml.copy(buf, filled, offset, Math.min(offset + chunk, xml.length));
    offset += read;
    filled += read;
    buf[filled] = 0;
    const eof = read === 0;
    const used = scanner.scan(buf, filled, eof);
    if (eof) break;
    buf.copy(buf, 0, used, filled);
    filled -= used;
  }
}

/** The cases through the byte path (a CaseList, which has `pushNamed`). */
function viaBytes(xml: Buffer, chunk: number): TestCase[] {
  const list = new CaseList();
  scanJunit(xml, list, chunk);
  return list.toArray();
}

/** The cases through the string path: a sink without `pushNamed`, so every name is `attrs.get('name')`. */
function viaStrings(xml: Buffer, chunk: number): TestCase[] {
  const list = new CaseList();
  const sink: CaseSink = { push: (c) => list.push(c), replaceLast: (c) => list.replaceLast(c) };
  scanJunit(xml, sink, chunk);
  return list.toArray();
}

/** The `name` of every `<testcase>`, as saxes reads it. */
function saxesNames(xml: Buffer): string[] {
  const names: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    if (tag.name === 'testcase') names.push(tag.attributes.name ?? '');
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml.toString('utf8')).close();
  return names;
}

/** Names as XML source: each is put into `name="…"` as is (entities and all). */
const NAMES = [
  'plain_name',
  'a &amp; b',
  'caf&#233; &#x2713;',
  '&lt;tag&gt; &quot;quoted&quot; &apos;single&apos;',
  'café ✓ 日本語 𝌆',
  'tab\there',
  'line\nend',
  'crlf\r\nend',
  'cr\rend',
  '  padded  ',
  '',
  'x'.repeat(1023),
  'y'.repeat(1024),
  'z'.repeat(1025),
  'é'.repeat(600),
  'mixed é &amp; \t tail',
];

function report(names: readonly string[], opts: { pytest?: boolean; failures?: boolean } = {}): Buffer {
  const cases = names.map((name, i) => {
    const failure = opts.failures && i % 3 === 0;
    const body = failure
      ? `>\n      <failure message="boom &amp; bust ${i}">trace ${i} &amp; more\r\n  at x.py:${i}</failure>\n    </testcase>`
      : '/>';
    const classname = opts.pytest ? 'tests.test_x' : `pkg.Class${i % 4}`;
    return `    <testcase classname="${classname}" name="${name}" time="0.${i % 10}"${body}`;
  });
  const root = opts.pytest ? 'pytest tests' : 'r';
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${root}">\n  <testsuite name="s">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`,
  );
}

describe('case names copied as bytes', () => {
  const CHUNKS = [1, 2, 3, 7, 64, 1000, 1 << 16];

  it('read back as through the string path, and as saxes reads them, at every read size', () => {
    const xml = report(NAMES, { failures: true });
    const expected = viaStrings(xml, 1 << 16);
    expect(expected.map((c) => c.name)).toEqual(saxesNames(xml));
    // Spot checks of what the names hold once read.
    expect(expected.map((c) => c.name).slice(1, 9)).toEqual([
      'a & b',
      'café ✓',
      `<tag> "quoted" 'single'`,
      'café ✓ 日本語 𝌆',
      'tab here',
      'line end',
      'crlf end',
      'cr end',
    ]);
    expect(expected.filter((c) => c.status === 'failed')).toHaveLength(Math.ceil(NAMES.length / 3));
    for (const chunk of CHUNKS) {
      expect(viaBytes(xml, chunk), `chunk ${chunk}`).toStrictEqual(expected);
      expect(viaStrings(xml, chunk), `chunk ${chunk}`).toStrictEqual(expected);
    }
  });

  it('bytes that are not UTF-8 read back as the string path decodes them', () => {
    const head = Buffer.from('<testsuites><testsuite name="s"><testcase name="');
    const tail = Buffer.from('"/><testcase name="after"/></testsuite></testsuites>');
    for (const bad of [[0xff], [0xe2, 0x82], [0xc3], [0xed, 0xa0, 0x80], [0xf0, 0x9d, 0x8c]]) {
      const xml = Buffer.concat([head, Buffer.from('a'), Buffer.from(bad), Buffer.from('b'), tail]);
      const expected = viaStrings(xml, 1 << 16);
      expect(expected[0].name).toContain('\ufffd');
      for (const chunk of CHUNKS) expect(viaBytes(xml, chunk)).toStrictEqual(expected);
    }
  });

  it("pytest's reruns (adjacent cases with the same name) are still compared by name", () => {
    const xml = report(['t1', 't1', 'caf&#233;', 'caf&#233;', 'café', 't2'], { pytest: true });
    const expected = viaStrings(xml, 1 << 16);
    expect(expected.map((c) => [c.name, c.reruns])).toEqual([
      ['t1', 1],
      ['café', 2],
      ['t2', undefined],
    ]);
    for (const chunk of CHUNKS) expect(viaBytes(xml, chunk)).toStrictEqual(expected);
  });

  it('many cases through readTestResults (reads of 256 KiB, tags across every read boundary) match the string path', async () => {
    const names: string[] = [];
    for (let i = 0; i < 12_000; i++) names.push(NAMES[i % NAMES.length].slice(0, 200) + ` #${i}`);
    const xml = report(names, { failures: true });
    expect(xml.length).toBeGreaterThan(3 * 256 * 1024);
    const dir = mkdtempSync(path.join(tmpdir(), 'junit-name-bytes-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'junit.xml'), xml);
    const results = await readTestResults(['junit.xml'], { cwd: dir });
    const expected = viaStrings(xml, 1 << 16);
    expect(expected.map((c) => c.name)).toEqual(saxesNames(xml));
    expect(results.cases.toArray()).toStrictEqual(expected);
  });
});

describe('Attributes.copyPlain', () => {
  function copyEach(xml: string, target: Uint8Array): (string | number)[] {
    const out: (string | number)[] = [];
    const scanner = new XmlScanner(
      {
        open: (name: string, attrs: Attributes) => {
          if (name !== 'e') return;
          const n = attrs.copyPlain('v', target);
          out.push(n < 0 ? n : Buffer.from(target.subarray(0, n)).toString('utf8'));
        },
      },
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
    scanner.scan(buf, bytes.length, true);
    return out;
  }

  it('copies values that need no decoding, and declines the rest', () => {
    const got = copyEach(
      `<r><e v="plain"/><e v=""/><e v="é✓"/><e v="a&amp;b"/><e v="&#65;"/><e v="a\tb"/><e v="a\nb"/><e v="a\rb"/><e/><e w="x"/><e v="12345678"/><e v="123456789"/></r>`,
      new Uint8Array(8),
    );
    expect(got).toEqual(['plain', '', 'é✓', -1, -1, -1, -1, -1, -1, -1, '12345678', -1]);
  });
});

describe('text no handler wants is skipped, text it wants is unchanged', () => {
  it('hands on exactly the texts wanted, whole', () => {
    const xml = '<r>\n  <a>one &amp; two\r\nthree</a>\n  <b>skip &lt;me&gt;</b><a><![CDATA[c\r\nd]]>tail</a>\n</r>';
    const texts: string[] = [];
    let inA = false;
    const scanner = new XmlScanner(
      {
        open: (name) => {
          inA = name === 'a';
        },
        close: () => {
          inA = false;
        },
        text: (text) => texts.push(text),
        wantsText: () => inA,
      },
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
    scanner.scan(buf, bytes.length, true);
    expect(texts).toEqual(['one & two\nthree', 'c\nd', 'tail']);
  });

  it('still rejects a bad entity in text it skips', () => {
    const scanner = new XmlScanner(
      { open: () => {}, text: () => {}, wantsText: () => false },
      {
        line: () => 0,
        fail: (m) => {
          throw new Error(m);
        },
      },
    );
    const bytes = Buffer.from('<r>a &bogus; b</r>');
    const buf = Buffer.alloc(bytes.length + 1);
    bytes.copy(buf);
    expect(() => scanner.scan(buf, bytes.length, true)).toThrow(/undefined entity/);
  });
});
