// The XML scanner against saxes, the library it replaced: on every shared fixture, on hand-written
// edge cases, and on thousands of mutated fixtures, both must accept the same documents with the same
// elements, attributes and text, and reject the same documents. And the scanner must give the same
// result however the bytes are split into reads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';

import { XmlScanner, XmlSyntaxError } from '../../../src/stages/test-stage/coverage/xml-scanner.js';
import { hasSharedFixtures, SHARED_FIXTURES, SHARED_SKIP_REASON } from '../../support/shared-fixtures.js';

type Event = [string, ...unknown[]];
interface Outcome {
  events: Event[];
  error?: string;
}

/** Consecutive text events merged, and text outside the root dropped (saxes reports whitespace there). */
function normalize(events: Event[]): Event[] {
  const out: Event[] = [];
  let depth = 0;
  for (const event of events) {
    if (event[0] === 'open') depth++;
    if (event[0] === 'close') depth--;
    if (event[0] === 'text') {
      if (depth === 0 || event[1] === '') continue;
      const last = out.at(-1);
      if (last?.[0] === 'text') last[1] = `${last[1] as string}${event[1] as string}`;
      else out.push([...event]);
      continue;
    }
    out.push(event);
  }
  return out;
}

function viaSaxes(xml: Buffer): Outcome {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', (tag) => events.push(['open', tag.name, { ...tag.attributes }]));
  parser.on('closetag', (tag) => events.push(['close', tag.name]));
  parser.on('text', (text) => events.push(['text', text]));
  parser.on('cdata', (text) => events.push(['text', text]));
  parser.on('error', (error) => {
    throw error;
  });
  try {
    parser.write(xml.toString('utf8'));
    parser.close();
    return { events: normalize(events) };
  } catch (error) {
    return { events: [], error: (error as Error).message };
  }
}

/** The scanner fed `chunk` bytes at a time, the way streamXml feeds it. */
function viaScanner(xml: Buffer, chunk = 1 << 16): Outcome {
  const events: Event[] = [];
  const scanner = new XmlScanner(
    {
      open: (name, attrs) => events.push(['open', name, { ...attrs.toRecord() }]),
      close: (name) => events.push(['close', name]),
      text: (text) => events.push(['text', text]),
    },
    {
      line: () => 0,
      fail: (message) => {
        throw new Error(message);
      },
    },
  );
  let buf = Buffer.alloc(chunk * 2 + 1);
  let filled = 0;
  let offset = 0;
  try {
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
    return { events: normalize(events) };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return { events: [], error: error.message };
  }
}

function agree(xml: Buffer | string, chunk?: number): { ours: Outcome; saxes: Outcome } {
  const bytes = typeof xml === 'string' ? Buffer.from(xml) : xml;
  const ours = viaScanner(bytes, chunk);
  const saxes = viaSaxes(bytes);
  return { ours, saxes };
}

function expectAgree(xml: Buffer | string, chunk?: number): void {
  const { ours, saxes } = agree(xml, chunk);
  const label = (typeof xml === 'string' ? xml : xml.toString('utf8')).slice(0, 300);
  expect(Boolean(ours.error), `${label}\nours: ${ours.error}\nsaxes: ${saxes.error}`).toBe(Boolean(saxes.error));
  if (!saxes.error) expect(ours.events, label).toEqual(saxes.events);
}

const walkXml = (d: string): string[] =>
  readdirSync(d).flatMap((name) => {
    const full = path.join(d, name);
    return statSync(full).isDirectory() ? walkXml(full) : full.endsWith('.xml') ? [full] : [];
  });

const fixtures = hasSharedFixtures
  ? [...walkXml(path.join(SHARED_FIXTURES, 'coverage')), ...walkXml(path.join(SHARED_FIXTURES, 'junit'))].filter(
      (f) => statSync(f).size < 400_000,
    )
  : [];

/** The reports the real tools wrote for this repository's tests: mutation seeds with or without ../shared. */
const generatedXml = walkXml(path.join(import.meta.dirname, '../../fixtures/generated'));

describe('XmlScanner agrees with saxes', () => {
  it.skipIf(!hasSharedFixtures)(
    `on every shared XML fixture${hasSharedFixtures ? '' : ` (${SHARED_SKIP_REASON})`}`,
    () => {
      expect(fixtures.length).toBeGreaterThan(50);
      for (const file of fixtures) expectAgree(readFileSync(file));
    },
  );

  it.each([
    '<a x="1\t2\n3\r\n4"/>',
    '<a>x\r\ny\rz</a>',
    '<a><!-- a -- b --></a>',
    '<a>x]]>y</a>',
    '<a> <b/> </a>',
    ' <a/> ',
    'x<a/>',
    '<a/>x',
    '<a x="1" x="2"/>',
    '<a x="<"/>',
    '<a x="&amp;&lt;&#65;&#x42;&gt;&quot;&apos;"/>',
    '<a x="1"y="2"/>',
    '<a>&#0;</a>',
    '<a>\u0001</a>',
    '<a x="\u0001"/>',
    '<a/><b/>',
    '<?xml version="1.0"?><a/>',
    ' <?xml version="1.0"?><a/>',
    '<a><?pi x?></a>',
    '<a>&foo;</a>',
    '<a><![CDATA[x]]y<b>&amp;]]></a>',
    '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    '<!DOCTYPE a SYSTEM "http://127.0.0.1:1/x.dtd"><a/>',
    '<a></b>',
    '<a b/>',
    '<a b=c/>',
    "<a b='q\"'/>",
    '<1a/>',
    '<a\n x = "1" />',
    '<a x="&#55296;"/>',
    '\ufeff<a/>',
    '<a></a >',
    '<a:b c:d="1"></a:b>',
    '<a>&amp</a>',
    '<a>',
    '',
    '<a><!--x--></a><!--y-->',
    '<a>x&#10;y&#x1F600;</a>',
    '<a>ünïcødé 名前 <b c="ß€"/></a>',
    '<a __proto__="x" constructor="y"/>',
    '</a>',
    '<a><b></a></b>',
  ])('%j', (xml) => expectAgree(xml));

  it('whatever the read size: every split of a document gives the same result', () => {
    const xml = Buffer.from(
      '<?xml version="1.0"?>\r\n<!DOCTYPE r SYSTEM "x.dtd">\n<r a="1 &amp; 2">t&#233;xt ü<![CDATA[c]]d]]><!-- c -->\r\n<s b=\'x\'/>é&lt;</r>\n',
    );
    const whole = viaScanner(xml);
    expect(whole.error).toBeUndefined();
    for (let chunk = 1; chunk <= xml.length; chunk++) expect(viaScanner(xml, chunk)).toEqual(whole);
    expectAgree(xml);
  });

  it('a text longer than one piece (256 KiB) is handed on in pieces that cut no entity, character or line end', () => {
    const unit = 'a&amp;b é\r\n]]&gt;&#x1F600;名 ';
    const long = unit.repeat(Math.ceil((700 * 1024) / Buffer.byteLength(unit)));
    for (const chunk of [4096, 65_536, 100_003]) expectAgree(`<r><failure>${long}</failure></r>`, chunk);
  });

  it('on mutated fixtures (insertions, deletions, duplications), read in small and large pieces', () => {
    const sources = [...fixtures, ...generatedXml].map((f) => readFileSync(f)).filter((b) => b.length < 60_000);
    const alphabet = '<>&;/="\'!?-[]# \n\r\tax1é'.split('');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            kind: fc.constantFrom('insert', 'delete', 'duplicate'),
            text: fc.constantFrom(...alphabet),
            length: fc.integer({ min: 1, max: 40 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.constantFrom(7, 4096, 1 << 16),
        (index, mutations, chunk) => {
          let doc = sources[index].toString('utf8');
          for (const m of mutations) {
            const at = Math.floor(m.at * doc.length);
            if (m.kind === 'insert') doc = doc.slice(0, at) + m.text + doc.slice(at);
            else if (m.kind === 'delete') doc = doc.slice(0, at) + doc.slice(at + m.length);
            else doc = doc.slice(0, at) + doc.slice(at, at + m.length) + doc.slice(at);
          }
          expectAgree(doc, chunk);
        },
      ),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
