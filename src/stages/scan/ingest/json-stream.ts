import { open } from 'node:fs/promises';

/**
 * Reads a large JSON document in chunks and hands over only the values a parser asks for, each parsed
 * by JSON.parse on its own bytes. A 50 MB Trivy report is mostly `Packages` and `Vulnerabilities`
 * arrays: parsing it whole holds the whole tree at once (jq, which does, peaks at about 3× the file in
 * bench/scan.bench.ts), while here one finding's fields exist at a time and skipped parts are never built.
 *
 * Why not a streaming JSON library: a token-per-event tokenizer (stream-json, @streamparser/json)
 * builds every value, wanted or not, from tokens in JavaScript; here the skipped parts are only
 * scanned for their end and the wanted ones are built by V8's native JSON.parse. No such library was
 * measured against this: bench/scan.bench.ts measures this reader against jq (the target is 2×).
 *
 * What is checked: the structure around the wanted values strictly (keys, colons, commas, brackets),
 * each wanted value by JSON.parse, and skipped values for balanced brackets and closed strings. A
 * syntax error throws JsonSyntaxError with its 1-based line.
 */

export type PathItem = string | number;
/**
 * `capture`: the value, parsed. `text`: its JSON text unparsed (checked only for balanced brackets and
 * closed strings), for a value that is only searched, such as a long list of reference URLs.
 */
export type Decision = 'capture' | 'text' | 'descend' | 'skip';

export interface JsonStreamHandlers {
  /** What to do with the value at `path` (called for each value of a container that was descended into). */
  want(path: readonly PathItem[]): Decision;
  /** A captured value, parsed, and the line it starts on. */
  value(path: readonly PathItem[], value: unknown, line: number): void;
  /** A container that was descended into has closed. */
  close?(path: readonly PathItem[]): void;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const CHUNK = 256 * 1024;

// Struct states.
const S_VALUE = 0; // a value is expected (top level, or after ':')
const S_VALUE_OR_END = 1; // after '['
const S_KEY_OR_END = 2; // after '{'
const S_KEY = 3; // after ',' in an object
const S_COLON = 4;
const S_COMMA_OR_END = 5;
const S_DONE = 6;

// Modes.
const M_STRUCT = 0;
const M_KEY = 1;
const M_RAW = 2;

const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Bytes a number or a literal (true, false, null) is made of. */
const isScalarByte = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  c === 0x2d ||
  c === 0x2b ||
  c === 0x2e;

export class JsonSplitter {
  private line = 1;
  private mode = M_STRUCT;
  private state = S_VALUE;
  /** 0 = object, 1 = array, per open descended container. */
  private readonly kinds: number[] = [];
  private readonly path: PathItem[] = [];

  // Key being read.
  private keyParts: Buffer[] = [];
  private keyEscaped = false;
  private keyEscape = false;

  // Raw value being skipped or captured.
  private capture = false;
  private asText = false;
  private rawDepth = 0;
  private rawInString = false;
  private rawEscape = false;
  private rawScalar = false;
  private readonly rawBrackets = new Uint8Array(4096);
  private rawLine = 0;
  private rawParts: Buffer[] = [];

  constructor(private readonly handlers: JsonStreamHandlers) {}

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.line);
  }

  /**
   * Feeds the next chunk. The bytes of a wanted value or a key that goes on past the chunk are copied
   * and kept until it ends, so the caller may fill `buf` again at once.
   */
  write(buf: Buffer): void {
    const n = buf.length;
    let i = 0;
    let rawStart = this.mode === M_RAW ? 0 : -1;
    let keyStart = this.mode === M_KEY ? 0 : -1;
    while (i < n) {
      if (this.mode === M_RAW) {
        const end = this.scanRaw(buf, i);
        if (end < 0) {
          if (this.capture) this.rawParts.push(Buffer.from(buf.subarray(rawStart)));
          return;
        }
        if (this.capture) {
          this.rawParts.push(buf.subarray(rawStart, end));
          this.emitCapture();
        }
        this.mode = M_STRUCT;
        this.afterValue();
        i = end;
        rawStart = -1;
        continue;
      }
      if (this.mode === M_KEY) {
        const end = this.scanKey(buf, i);
        if (end < 0) {
          this.keyParts.push(Buffer.from(buf.subarray(keyStart)));
          return;
        }
        this.keyParts.push(buf.subarray(keyStart, end - 1));
        const raw = Buffer.concat(this.keyParts);
        this.keyParts = [];
        const key = this.keyEscaped ? (JSON.parse(`"${raw.toString('utf8')}"`) as string) : raw.toString('utf8');
        this.path[this.path.length - 1] = key;
        this.mode = M_STRUCT;
        this.state = S_COLON;
        i = end;
        keyStart = -1;
        continue;
      }
      const c = buf[i];
      if (isWs(c)) {
        if (c === 0x0a) this.line++;
        i++;
        continue;
      }
      switch (this.state) {
        case S_VALUE:
        case S_VALUE_OR_END:
          if (c === 0x5d && this.state === S_VALUE_OR_END) {
            this.closeContainer(1);
            i++;
            break;
          }
          i = this.startValue(i, c);
          if (this.mode === M_RAW) rawStart = i;
          break;
        case S_KEY_OR_END:
        case S_KEY:
          if (c === 0x7d && this.state === S_KEY_OR_END) {
            this.closeContainer(0);
            i++;
            break;
          }
          if (c !== 0x22) this.fail(`expected a key in double quotes, found '${String.fromCharCode(c)}'`);
          this.mode = M_KEY;
          this.keyEscaped = false;
          this.keyEscape = false;
          i++;
          keyStart = i;
          break;
        case S_COLON:
          if (c !== 0x3a) this.fail(`expected ':' after a key, found '${String.fromCharCode(c)}'`);
          this.state = S_VALUE;
          i++;
          break;
        case S_COMMA_OR_END: {
          const kind = this.kinds[this.kinds.length - 1];
          if (c === 0x2c) {
            if (kind === 0) this.state = S_KEY;
            else {
              this.state = S_VALUE;
              this.path[this.path.length - 1] = (this.path[this.path.length - 1] as number) + 1;
            }
          } else if (c === 0x7d && kind === 0) this.closeContainer(0);
          else if (c === 0x5d && kind === 1) this.closeContainer(1);
          else this.fail(`expected ',' or '${kind === 0 ? '}' : ']'}', found '${String.fromCharCode(c)}'`);
          i++;
          break;
        }
        case S_DONE:
          this.fail(`unexpected '${String.fromCharCode(c)}' after the end of the document`);
      }
    }
  }

  /** The document must be complete. */
  end(): void {
    if (this.mode === M_RAW && this.rawScalar && this.rawDepth === 0) {
      // A document that is a bare number or literal ends at the end of the input.
      if (this.capture) this.emitCapture();
      this.mode = M_STRUCT;
      this.afterValue();
    }
    if (this.mode !== M_STRUCT || this.state !== S_DONE) this.fail('unexpected end of the document');
  }

  private startValue(i: number, c: number): number {
    const decision = this.handlers.want(this.path);
    if (decision === 'descend' && (c === 0x7b || c === 0x5b)) {
      this.kinds.push(c === 0x7b ? 0 : 1);
      this.path.push(c === 0x7b ? '' : 0);
      this.state = c === 0x7b ? S_KEY_OR_END : S_VALUE_OR_END;
      return i + 1;
    }
    if (c !== 0x7b && c !== 0x5b && c !== 0x22 && !isScalarByte(c)) this.fail(`unexpected '${String.fromCharCode(c)}'`);
    this.mode = M_RAW;
    this.capture = decision === 'capture' || decision === 'text';
    this.asText = decision === 'text';
    this.rawDepth = 0;
    this.rawInString = false;
    this.rawEscape = false;
    this.rawScalar = false;
    this.rawLine = this.line;
    this.rawParts = [];
    return i;
  }

  private afterValue(): void {
    this.state = this.kinds.length === 0 ? S_DONE : S_COMMA_OR_END;
  }

  private closeContainer(kind: number): void {
    if (this.kinds[this.kinds.length - 1] !== kind) this.fail('mismatched bracket');
    this.kinds.pop();
    this.path.pop();
    this.handlers.close?.(this.path);
    this.afterValue();
  }

  private emitCapture(): void {
    const text = (this.rawParts.length === 1 ? this.rawParts[0] : Buffer.concat(this.rawParts)).toString('utf8');
    this.rawParts = [];
    if (this.asText) {
      this.handlers.value(this.path, text, this.rawLine);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const m = /at position (\d+)/.exec((error as Error).message);
      const line = m ? this.rawLine + countNewlines(text, Number(m[1])) : this.rawLine;
      throw new JsonSyntaxError((error as Error).message.replace(/, ".*" is not valid JSON$/s, ''), line);
    }
    this.handlers.value(this.path, value, this.rawLine);
  }

  /** Reads a key string from `i` (after the opening quote). Returns the index after the closing quote, or -1. */
  private scanKey(buf: Buffer, i: number): number {
    const n = buf.length;
    for (; i < n; i++) {
      const c = buf[i];
      if (this.keyEscape) {
        this.keyEscape = false;
        continue;
      }
      if (c === 0x5c) {
        this.keyEscape = true;
        this.keyEscaped = true;
      } else if (c === 0x22) return i + 1;
      else if (c < 0x20) this.fail('a control character inside a key');
    }
    return -1;
  }

  /** Scans a skipped or captured value from `i`. Returns the index just after it, or -1 when it goes on. */
  private scanRaw(buf: Buffer, i: number): number {
    const n = buf.length;
    let nextBackslash = -2;
    while (i < n) {
      if (this.rawInString) {
        if (this.rawEscape) {
          this.rawEscape = false;
          i++;
          continue;
        }
        // Jump to the next quote or backslash natively: strings (descriptions, snippets) are most of the bytes.
        const q = buf.indexOf(0x22, i);
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = buf.indexOf(0x5c, i);
        if (nextBackslash !== -1 && (q === -1 || nextBackslash < q)) {
          i = nextBackslash + 1;
          this.rawEscape = true;
          continue;
        }
        if (q === -1) return -1;
        i = q + 1;
        this.rawInString = false;
        if (this.rawDepth === 0) return i;
        continue;
      }
      const c = buf[i];
      if (this.rawScalar) {
        if (isScalarByte(c)) {
          i++;
          continue;
        }
        this.rawScalar = false;
        if (this.rawDepth === 0) return i;
      }
      if (c === 0x22) {
        this.rawInString = true;
      } else if (c === 0x7b || c === 0x5b) {
        if (this.rawDepth >= this.rawBrackets.length) this.fail('nesting too deep');
        this.rawBrackets[this.rawDepth++] = c;
      } else if (c === 0x7d || c === 0x5d) {
        if (this.rawDepth === 0 || this.rawBrackets[this.rawDepth - 1] !== (c === 0x7d ? 0x7b : 0x5b))
          this.fail(`unexpected '${String.fromCharCode(c)}'`);
        this.rawDepth--;
        if (this.rawDepth === 0) return i + 1;
      } else if (c === 0x0a) {
        this.line++;
      } else if (isScalarByte(c)) {
        this.rawScalar = true;
      } else if (c !== 0x2c && c !== 0x3a && !isWs(c)) {
        this.fail(`unexpected '${String.fromCharCode(c)}'`);
      }
      i++;
    }
    return -1;
  }
}

function countNewlines(text: string, upTo: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Streams `file` through a splitter. */
export async function streamJsonFile(file: string, handlers: JsonStreamHandlers): Promise<void> {
  const splitter = new JsonSplitter(handlers);
  const handle = await open(file, 'r');
  try {
    // One buffer for the whole file: the splitter copies the little it keeps of a chunk (a value
    // cut by the chunk's end). A fresh buffer per chunk, or one kept alive by such a value, stays as
    // external memory until a full GC notices it, which on a 50 MB file was up to 20 MB of the peak.
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      splitter.write(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  splitter.end();
}
