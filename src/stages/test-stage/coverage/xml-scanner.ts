/**
 * A streaming XML scanner over UTF-8 bytes, for the report formats (cobertura, clover, JaCoCo, JUnit,
 * TRX, NUnit). It replaced saxes, which walks a document a character at a time over decoded strings
 * and makes a string per name and attribute: with the same handlers and model, the saxes engine took
 * 1.5–2× this scanner's CPU time, its garbage put a 57 MB JUnit report's peak memory over the 2×-the-file
 * target (2.05×), and on smaller reports it stayed under 5× xml2js (4.1–4.4×; see the bench).
 * This one finds delimiters in bytes, makes strings only for the values a handler asks for (and one
 * copy of repeated names and values), and holds no more than a read and one token.
 *
 * It checks well-formedness as saxes did (tests/…/xml-scanner.test.ts compares the two on every
 * fixture and thousands of mutated ones): one root, balanced and matching tags, quoted attribute
 * values without `<`, no duplicate attributes, no text outside the root, no `]]>` in text, comments
 * without `--`, no control characters in text or values, a well-formed XML declaration at the start,
 * and only the five predefined entities and character references. A DOCTYPE is skipped whole:
 * nothing in it is fetched or defined, so a reference to an entity it declares is an "undefined
 * entity" error (no billion laughs, no external entity). Attribute values are normalized and line
 * ends in text become `\n`, as XML requires. Names may hold any non-ASCII character (saxes checked
 * them against XML's name classes; nothing here depends on that).
 */

import { latin1, sameBytes, utf8 } from '../bytes.js';

/** What a format's handler is told while an XML report streams by. */
export interface XmlContext {
  /** 1-based line of the tag being handled. */
  line(): number;
  /** Throws a UserError naming the report and the line of the tag being handled. */
  fail(message: string): never;
}

export interface XmlHandler {
  /** `attrs` is valid only during the call: keep the strings it gives, not it. */
  open(name: string, attrs: Attributes, ctx: XmlContext): void;
  close?(name: string, ctx: XmlContext): void;
  /** Text and CDATA inside the root element; only called when the handler defines it. */
  text?(text: string): void;
  /**
   * Whether `text` would do anything with the next text now (false: the scanner skips making the
   * string, as for the whitespace between elements). Absent: every text is handed on.
   */
  wantsText?(): boolean;
}

/** Malformed XML, at a byte offset of the document. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const RBRACKET = 0x5d;
const LBRACKET = 0x5b;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;

/** Bytes that may be part of a name: ASCII letters, digits, `_ : - .`, and anything non-ASCII. */
const NAME = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  NAME[c] = /[A-Za-z0-9_:.-]/.test(ch) || c >= 0x80 ? 1 : 0;
}
/** Bytes a text run passes over without a second look (not `<`, `&`, `]`, CR, control or non-ASCII). */
const TEXT_PLAIN = new Uint8Array(256).map((_, c) =>
  (c >= 0x20 && c < 0x80 && c !== 0x3c && c !== 0x26 && c !== 0x5d) || c === 0x0a || c === 0x09 ? 1 : 0,
);
/** The same for attribute values (not a quote, `<`, `&`, control or non-ASCII). */
const VALUE_PLAIN = new Uint8Array(256).map((_, c) =>
  c >= 0x20 && c < 0x80 && c !== 0x3c && c !== 0x26 && c !== 0x22 && c !== 0x27 ? 1 : 0,
);
/** Bytes `decode` stops at in text (`&`, CR) and in attribute values (also LF and tab, which become spaces). */
const TEXT_SPECIAL = new Uint8Array(256).map((_, c) => (c === 0x26 || c === 0x0d ? 1 : 0));
const VALUE_SPECIAL = new Uint8Array(256).map((_, c) => (c === 0x26 || c === 0x0d || c === 0x0a || c === 0x09 ? 1 : 0));
/** Bytes that may start a name (not a digit, `-` or `.`). */
const NAME_START = NAME.map((v, c) => (v && !(c >= 0x30 && c <= 0x39) && c !== DASH && c !== 0x2e ? 1 : 0));

/** `<?xml version="1.x" encoding="…" standalone="yes|no"?>`, the optional parts in that order. */
const XML_DECLARATION =
  /^xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/;

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The scan stopped at the end of the bytes it has; call again from there with more. */
const INCOMPLETE = -1;

/**
 * Text longer than this without a `<` is handed on in pieces, so one huge text (a 100 MB system-out)
 * never has to fit in the buffer.
 */
const TEXT_PIECE = 256 * 1024;

export class XmlScanner {
  private readonly stack: string[] = [];
  private rootSeen = false;
  /** Where the document starts: 3 after a UTF-8 byte order mark (the XML declaration may only stand there). */
  private documentStart = 0;
  private doctypeSeen = false;
  /** Absolute offset of buf[0] in the document. */
  private base = 0;
  /** Absolute offset of the tag being handled (handlers' errors point at it). */
  tagOffset = 0;
  private buf: Buffer = Buffer.alloc(0);
  /** Strings for short repeated byte runs (element and attribute names, small numbers, `true`). */
  private readonly names = new Map<number, string>();
  private readonly onText: ((text: string) => void) | undefined;
  private readonly wantsText: (() => boolean) | undefined;
  private readonly attrs = new Attributes();
  /** Repeated attribute values (up to 128 bytes) → one string each; see `cached` for the scheme. */
  private readonly values = new Map<number, string>();
  private readonly sharedString = (b: Buffer, start: number, end: number): string => {
    if (end - start > 128) return latin1(b, start, end);
    // Consecutive elements mostly repeat the values of the one before: those two are checked first.
    if (sameBytes(this.recent[0], b, start, end)) return this.recent[0];
    if (sameBytes(this.recent[1], b, start, end)) return this.recent[1];
    const value = this.cached(this.values, start, end);
    this.recent[1] = this.recent[0];
    this.recent[0] = value;
    return value;
  };
  private readonly recent: [string, string] = ['', ''];
  private readonly recentElements: [string, string] = ['', ''];

  constructor(
    private readonly handler: XmlHandler,
    private readonly ctx: XmlContext,
  ) {
    this.onText = handler.text?.bind(handler);
    this.wantsText = handler.wantsText?.bind(handler);
  }

  /**
   * Scans buf[0, n): every complete construct is handed on. Returns how many bytes were consumed;
   * the caller keeps the rest, appends more and calls again. `buf[n]` must be 0 (it marks the end,
   * so the byte loops need no separate bound check). At `eof` everything must be complete.
   */
  scan(buf: Buffer, n: number, eof: boolean): number {
    this.buf = buf;
    let pos = 0;
    if (this.base === 0 && n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
      pos = this.documentStart = 3;
    while (pos < n) {
      let next: number;
      if (buf[pos] === LT) next = this.markup(pos, n, eof);
      else next = this.text(pos, n, eof);
      if (next === INCOMPLETE) break;
      pos = next;
    }
    if (eof) this.finish(n);
    this.base += pos;
    return pos;
  }

  private fail(message: string, at: number): never {
    throw new XmlSyntaxError(message, this.base + at);
  }

  private finish(n: number): void {
    if (this.stack.length > 0) this.fail(`unclosed tag: ${this.stack[this.stack.length - 1]}`, n);
    if (!this.rootSeen) this.fail('document must contain a root element', n);
  }

  // ---- character data -------------------------------------------------------------------------

  /** Character data from `pos` up to the next `<`. */
  private text(pos: number, n: number, eof: boolean): number {
    const b = this.buf;
    let i = pos;
    let plain = true;
    let c = b[i];
    // One pass finds the `<`, checks every byte, and notes whether the text needs decoding; the
    // table lets ordinary bytes through with one lookup each.
    for (;;) {
      while (TEXT_PLAIN[c]) c = b[++i];
      if (c === LT) break;
      if (c < SPACE) {
        if (c === CR) plain = false;
        else if (c !== LF && c !== TAB) {
          if (i >= n) break;
          this.fail('disallowed character', i);
        }
      } else if (c === AMP) {
        plain = false;
      } else if (c === RBRACKET) {
        if (b[i + 1] === RBRACKET && b[i + 2] === GT) this.fail('the string "]]>" is disallowed in char data', i);
      } else if (c >= 0x80) {
        plain = false;
      }
      c = b[++i];
    }
    let end = i;
    if (end >= n) {
      if (!eof) {
        if (end - pos < TEXT_PIECE) return INCOMPLETE;
        end = this.safeCut(pos, n);
      } else {
        end = n;
      }
    }
    const inRoot = this.stack.length > 0;
    if (!inRoot) {
      for (let k = pos; k < end; k++) if (!isSpace(b[k])) this.fail('text data outside of root node', k);
      return end;
    }
    if (this.onText && end > pos && (this.wantsText === undefined || this.wantsText()))
      this.onText(plain ? latin1(b, pos, end) : this.decode(pos, end, false));
    else if (!plain) this.decode(pos, end, false); // still checks its entities
    return end;
  }

  /** Where a long text may be cut: not inside an entity, a UTF-8 sequence, `\r\n` or `]]>`. */
  private safeCut(pos: number, n: number): number {
    const b = this.buf;
    let end = n - 16;
    while (end > pos && (b[end] & 0xc0) === 0x80) end--;
    // An entity is at most 12 bytes: an `&` that close before the cut without its `;` moves the cut to it.
    for (let k = end - 1; k >= pos && k >= end - 12; k--) {
      if (b[k] === 0x3b) break;
      if (b[k] === AMP) {
        end = k;
        break;
      }
    }
    while (end > pos && (b[end - 1] === CR || b[end - 1] === RBRACKET)) end--;
    return end;
  }

  /**
   * Text or an attribute value that has entities, `\r`, or non-ASCII bytes: entities resolved, line
   * ends normalized (and, in attribute values, whitespace turned into spaces).
   */
  private decode(start: number, end: number, attribute: boolean): string {
    const b = this.buf;
    const special = attribute ? VALUE_SPECIAL : TEXT_SPECIAL;
    let out = '';
    let from = start;
    let i = start;
    for (;;) {
      while (i < end && special[b[i]] === 0) i++;
      if (i >= end) break;
      const c = b[i];
      if (i > from) out += utf8(b, from, i);
      if (c === AMP) {
        let semi = i + 1;
        while (semi < end && semi - i <= 12 && b[semi] !== 0x3b) semi++;
        if (semi >= end || b[semi] !== 0x3b) this.fail('malformed entity', i);
        out += this.entity(latin1(b, i + 1, semi), i);
        i = semi + 1;
      } else {
        out += attribute ? ' ' : '\n';
        i += c === CR && b[i + 1] === LF && i + 1 < end ? 2 : 1;
      }
      from = i;
    }
    if (end > from) out += utf8(b, from, end);
    return out;
  }

  private entity(name: string, at: number): string {
    const predefined = PREDEFINED[name];
    if (predefined !== undefined && Object.hasOwn(PREDEFINED, name)) return predefined;
    if (name.startsWith('#')) {
      const hex = name[1] === 'x';
      const digits = name.slice(hex ? 2 : 1);
      const code = (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      const valid =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!valid) this.fail('malformed character entity', at);
      return String.fromCodePoint(code);
    }
    return this.fail('undefined entity', at);
  }

  // ---- markup ---------------------------------------------------------------------------------

  private markup(pos: number, n: number, eof: boolean): number {
    const b = this.buf;
    const c = b[pos + 1];
    let next: number;
    if (c === SLASH) next = this.endTag(pos, n);
    else if (c === BANG) next = this.bang(pos, n);
    else if (c === QUESTION) next = this.instruction(pos, n);
    else next = this.startTag(pos, n);
    if (next === INCOMPLETE && eof)
      this.fail(this.stack.length ? `unclosed tag: ${this.stack.at(-1)}` : 'unexpected end of document', n);
    return next;
  }

  /** `<name attr="value" …>` or `<name …/>`. */
  private startTag(pos: number, n: number): number {
    const b = this.buf;
    if (this.rootSeen && this.stack.length === 0) this.fail('documents may contain only one root', pos);
    let i = pos + 1;
    if (!NAME_START[b[i]]) return i >= n ? INCOMPLETE : this.fail('disallowed character in tag name', i);
    while (NAME[b[i]]) i++;
    if (i >= n) return INCOMPLETE;
    const nameEnd = i;
    const attrs = this.attrs;
    attrs.reset(b, this.sharedString);
    for (;;) {
      const gap = i;
      let c = b[i];
      while (isSpace(c)) c = b[++i];
      if (c === GT) {
        this.open(this.elementName(pos + 1, nameEnd), pos);
        return i + 1;
      }
      if (c === SLASH) {
        if (b[i + 1] !== GT)
          return i + 1 >= n ? INCOMPLETE : this.fail('forward-slash in opening tag not followed by >', i);
        const name = this.elementName(pos + 1, nameEnd);
        this.open(name, pos);
        this.close(name, pos);
        return i + 2;
      }
      if (i >= n) return INCOMPLETE;
      if (i === gap) this.fail('no whitespace between attributes', i);
      const attrStart = i;
      if (!NAME_START[c]) this.fail('disallowed character in attribute name', i);
      while (NAME[b[i]]) i++;
      const attrEnd = i;
      c = b[i];
      while (isSpace(c)) c = b[++i];
      if (c !== EQ) return i >= n ? INCOMPLETE : this.fail('attribute without value', i);
      c = b[++i];
      while (isSpace(c)) c = b[++i];
      if (c !== DQUOTE && c !== SQUOTE) return i >= n ? INCOMPLETE : this.fail('unquoted attribute value', i);
      const valueStart = ++i;
      let plain = true;
      let ascii = true;
      let v = b[i];
      for (;;) {
        while (VALUE_PLAIN[v]) v = b[++i];
        if (v === c) break;
        if (v < SPACE) {
          if (i >= n) return INCOMPLETE;
          if (v !== LF && v !== TAB && v !== CR) this.fail('disallowed character', i);
          plain = false;
        } else if (v === LT) {
          this.fail('disallowed character', i);
        } else if (v === AMP) {
          plain = false;
        } else if (v >= 0x80) {
          ascii = false;
        }
        v = b[++i];
      }
      if (attrs.has(attrStart, attrEnd)) this.fail(`duplicate attribute: ${b.toString('utf8', attrStart, attrEnd)}`, i);
      // Entities are resolved (and so checked) now, whether or not the handler asks for the value.
      attrs.push(attrStart, attrEnd, valueStart, i, plain ? (ascii ? ASCII : UTF8) : this.decode(valueStart, i, true));
      i++;
    }
  }

  /** `</name>`. */
  private endTag(pos: number, n: number): number {
    const b = this.buf;
    let i = pos + 2;
    while (NAME[b[i]]) i++;
    const nameEnd = i;
    let c = b[i];
    while (isSpace(c)) c = b[++i];
    if (c !== GT) return i >= n ? INCOMPLETE : this.fail('disallowed character in closing tag', i);
    const open = this.stack[this.stack.length - 1];
    // Nearly always the element open: its string is taken when the bytes match it.
    const name = open !== undefined && sameBytes(open, b, pos + 2, nameEnd) ? open : this.name(pos + 2, nameEnd);
    if (open !== name) this.fail(open === undefined ? `unmatched closing tag: ${name}` : 'unexpected close tag', pos);
    this.close(name, pos);
    return i + 1;
  }

  /** Comments, CDATA sections and the DOCTYPE. */
  private bang(pos: number, n: number): number {
    const b = this.buf;
    if (b[pos + 2] === DASH && b[pos + 3] === DASH) {
      for (let i = pos + 4; i + 1 < n; i++) {
        if (b[i] === DASH && b[i + 1] === DASH) {
          if (i + 2 >= n) return INCOMPLETE;
          if (b[i + 2] !== GT) this.fail('malformed comment', i);
          return i + 3;
        }
      }
      return INCOMPLETE;
    }
    if (n - pos < 9) return INCOMPLETE;
    const keyword = b.toString('latin1', pos + 2, pos + 9);
    if (keyword === '[CDATA[') {
      if (this.stack.length === 0) this.fail('CDATA outside of root node', pos);
      for (let i = pos + 9; i + 2 < n; i++) {
        if (b[i] === RBRACKET && b[i + 1] === RBRACKET && b[i + 2] === GT) {
          for (let k = pos + 9; k < i; k++) {
            const c = b[k];
            if (c < SPACE && c !== LF && c !== TAB && c !== CR) this.fail('disallowed character', k);
          }
          if (this.onText && i > pos + 9) this.onText(this.cdata(pos + 9, i));
          return i + 3;
        }
      }
      return INCOMPLETE;
    }
    if (keyword === 'DOCTYPE') return this.doctype(pos, n);
    return this.fail('unexpected markup declaration', pos);
  }

  private cdata(start: number, end: number): string {
    const text = this.buf.toString('utf8', start, end);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }

  /** Skipped whole, internal subset included: nothing in it is fetched or defined. */
  private doctype(pos: number, n: number): number {
    if (this.doctypeSeen || this.rootSeen) this.fail('the DOCTYPE must come once, before the root', pos);
    const b = this.buf;
    let depth = 0;
    for (let i = pos + 9; i < n; i++) {
      const c = b[i];
      if (c === DQUOTE || c === SQUOTE) {
        const close = b.indexOf(c, i + 1);
        if (close < 0 || close >= n) return INCOMPLETE;
        i = close;
      } else if (c === LT && b[i + 1] === BANG && b[i + 2] === DASH && b[i + 3] === DASH) {
        const close = b.indexOf('-->', i + 4);
        if (close < 0 || close >= n) return INCOMPLETE;
        i = close + 2;
      } else if (c === LBRACKET) {
        depth++;
      } else if (c === RBRACKET) {
        depth--;
      } else if (c === GT && depth <= 0) {
        this.doctypeSeen = true;
        return i + 1;
      }
    }
    return INCOMPLETE;
  }

  /** `<?target …?>`; the XML declaration only at the very start. */
  private instruction(pos: number, n: number): number {
    const b = this.buf;
    let i = pos + 2;
    if (!NAME_START[b[i]])
      return i >= n ? INCOMPLETE : this.fail('disallowed character in processing instruction name', i);
    while (NAME[b[i]]) i++;
    if (i >= n) return INCOMPLETE;
    const target = latin1(b, pos + 2, i);
    // The target ends at whitespace or `?` (saxes also takes `<?x?…?>` whole; so does this).
    if (!isSpace(b[i]) && b[i] !== QUESTION) this.fail('disallowed character in processing instruction name', i);
    for (; i + 1 < n; i++) {
      if (b[i] === QUESTION && b[i + 1] === GT) {
        if (target.toLowerCase() === 'xml') {
          const start = this.base + pos;
          if (target !== 'xml' || start !== this.documentStart)
            this.fail('an XML declaration must be at the start of the document', pos);
          if (!XML_DECLARATION.test(latin1(b, pos + 2, i))) this.fail('malformed XML declaration', pos);
        }
        return i + 2;
      }
    }
    return INCOMPLETE;
  }

  // ---- events ---------------------------------------------------------------------------------

  private open(name: string, pos: number): void {
    this.rootSeen = true;
    this.stack.push(name);
    this.tagOffset = this.base + pos;
    this.handler.open(name, this.attrs, this.ctx);
  }

  private close(name: string, pos: number): void {
    this.stack.pop();
    this.tagOffset = this.base + pos;
    this.handler.close?.(name, this.ctx);
  }

  /**
   * The string for buf[start, end), one copy per distinct short run: element and attribute names and
   * small values repeat on nearly every element, and a fresh string each time is garbage to collect.
   * Longer or non-ASCII runs are decoded each time.
   */
  private name(start: number, end: number): string {
    return end - start > 24 ? utf8(this.buf, start, end) : this.cached(this.names, start, end);
  }

  /** An element's name: the two names opened last are compared first (a report repeats a few elements). */
  private elementName(start: number, end: number): string {
    const recent = this.recentElements;
    if (sameBytes(recent[0], this.buf, start, end)) return recent[0];
    if (sameBytes(recent[1], this.buf, start, end)) {
      const name = recent[1];
      recent[1] = recent[0];
      recent[0] = name;
      return name;
    }
    const name = this.name(start, end);
    recent[1] = recent[0];
    recent[0] = name;
    return name;
  }

  private cached(cache: Map<number, string>, start: number, end: number): string {
    const b = this.buf;
    const length = end - start;
    let hash = length;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + b[i]) | 0;
    const known = cache.get(hash);
    if (known !== undefined && sameBytes(known, b, start, end)) return known;
    const text = utf8(b, start, end);
    // Only pure-ASCII runs are kept: their bytes and char codes compare one to one.
    if (text.length === length && cache.size < 4096) cache.set(hash, text);
    return text;
  }
}

const ASCII = 0;
const UTF8 = 1;

/**
 * The attributes of the tag being handled, as byte ranges of the scanner's buffer: a value becomes a
 * string only when a handler asks for it, and `digits` reads a plain number with no string at all
 * (cobertura's `<line number="12" hits="3"/>`, nearly every element of a big report).
 */
export class Attributes {
  private buf: Buffer = Buffer.alloc(0);
  private count = 0;
  /** Per attribute: name start, name end, value start, value end. */
  private ranges = new Int32Array(64);
  /** Per attribute: ASCII or UTF8 (decode the range as is), or the value already decoded. */
  private values: (number | string)[] = [];
  private shared: (b: Buffer, start: number, end: number) => string = latin1;

  /** The attributes as an object (tests, and callers that want them all). */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (let k = 0; k < this.count; k++) {
      const r = k * 4;
      out[this.buf.toString('utf8', this.ranges[r], this.ranges[r + 1])] = this.valueAt(k);
    }
    return out;
  }

  get(name: string): string | undefined {
    const k = this.find(name);
    return k < 0 ? undefined : this.valueAt(k);
  }

  /**
   * The value, as one shared string per distinct value: for values that repeat on thousands of
   * elements (a test's class name and file), so each is made once, not once per element.
   */
  getShared(name: string): string | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const value = this.values[k];
    if (value !== ASCII) return this.valueAt(k);
    const r = k * 4;
    return this.shared(this.buf, this.ranges[r + 2], this.ranges[r + 3]);
  }

  /**
   * Copies the value's bytes, UTF-8 as the document has them, into `target` from 0 and returns their
   * length, when they are the value as is (no entity, no whitespace to normalize: decoding them as
   * UTF-8 gives what `get` gives) and fit. -1 otherwise (absent, decoded, or too long): use `get`.
   */
  copyPlain(name: string, target: Uint8Array): number {
    const k = this.find(name);
    if (k < 0 || typeof this.values[k] === 'string') return -1;
    const start = this.ranges[k * 4 + 2];
    const length = this.ranges[k * 4 + 3] - start;
    if (length > target.length) return -1;
    const b = this.buf;
    for (let j = 0; j < length; j++) target[j] = b[start + j];
    return length;
  }

  /**
   * A plain decimal (`12`, `0.042`: digits with at most one `.`, 15 digits at most) read from the
   * bytes, exactly as Number() reads it (an integer over a power of ten rounds once, correctly); NaN
   * for anything else, which the caller then reads with `get`.
   */
  decimal(name: string): number {
    const k = this.find(name);
    if (k < 0 || this.values[k] !== ASCII) return NaN;
    const b = this.buf;
    const start = this.ranges[k * 4 + 2];
    const end = this.ranges[k * 4 + 3];
    let value = 0;
    let digits = 0;
    let scale = 1;
    let dot = false;
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c === 0x2e && !dot) {
        dot = true;
        continue;
      }
      if (c < 0x30 || c > 0x39) return NaN;
      value = value * 10 + (c - 0x30);
      if (dot) scale *= 10;
      digits++;
    }
    return digits === 0 || digits > 15 ? NaN : value / scale;
  }

  /** The value if it is 1–15 ASCII digits, else -1 (absent, empty, or anything else: read it with `get`). */
  digits(name: string): number {
    const k = this.find(name);
    if (k < 0 || typeof this.values[k] === 'string') return -1;
    const b = this.buf;
    const start = this.ranges[k * 4 + 2];
    const end = this.ranges[k * 4 + 3];
    if (end === start || end - start > 15) return -1;
    let value = 0;
    for (let i = start; i < end; i++) {
      const c = b[i] - 0x30;
      if (c < 0 || c > 9) return -1;
      value = value * 10 + c;
    }
    return value;
  }

  /** @internal the scanner starts a tag; `shared` gives one string per distinct short ASCII run. */
  reset(buf: Buffer, shared: (b: Buffer, start: number, end: number) => string): void {
    this.shared = shared;
    this.buf = buf;
    this.count = 0;
  }

  /** @internal whether the tag already has an attribute named buf[start, end). */
  has(start: number, end: number): boolean {
    const b = this.buf;
    const length = end - start;
    for (let k = 0; k < this.count; k++) {
      const r = k * 4;
      const other = this.ranges[r];
      if (this.ranges[r + 1] - other !== length) continue;
      let same = true;
      for (let j = 0; j < length; j++) {
        if (b[start + j] !== b[other + j]) {
          same = false;
          break;
        }
      }
      if (same) return true;
    }
    return false;
  }

  /** @internal the scanner adds an attribute. */
  push(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, value: number | string): void {
    const r = this.count * 4;
    if (r + 4 > this.ranges.length) {
      const bigger = new Int32Array(this.ranges.length * 2);
      bigger.set(this.ranges);
      this.ranges = bigger;
    }
    this.ranges[r] = nameStart;
    this.ranges[r + 1] = nameEnd;
    this.ranges[r + 2] = valueStart;
    this.ranges[r + 3] = valueEnd;
    this.values[this.count++] = value;
  }

  private find(name: string): number {
    const b = this.buf;
    const length = name.length;
    for (let k = 0; k < this.count; k++) {
      const r = k * 4;
      const start = this.ranges[r];
      if (this.ranges[r + 1] - start !== length) continue;
      let same = true;
      for (let j = 0; j < length; j++) {
        if (b[start + j] !== name.charCodeAt(j)) {
          same = false;
          break;
        }
      }
      if (same) return k;
    }
    return -1;
  }

  private valueAt(k: number): string {
    const value = this.values[k];
    if (typeof value === 'string') return value;
    const r = k * 4;
    return (value === ASCII ? latin1 : utf8)(this.buf, this.ranges[r + 2], this.ranges[r + 3]);
  }
}
