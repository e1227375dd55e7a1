import { closeSync, open, readSync } from 'node:fs';
import { promisify } from 'node:util';

import { UserError } from '../../../core/errors.js';
import { sameBytes, utf8 } from '../bytes.js';
import { HitTable } from '../hit-table.js';
import type { LineHits } from '../line-hits.js';
import { LineBatch } from '../line-hits.js';
import { BlockStore } from './go-blocks.js';
import type { CoverageSet, FileCoverage } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, markMeasured } from './coverage-set.js';
import type { ReportFile } from './report-file.js';

const openFd = promisify(open);
const CHUNK = 1 << 20;
const NL = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const DOT = 0x2e;
const COMMA = 0x2c;
const SPACE = 0x20;
/** The byte after each number of a block line: '.', ',', '.', ' ', ' ', and the newline that ends it. */
const SEPS = Uint8Array.of(0x2e, 0x2c, 0x2e, 0x20, 0x20, NL);
/** Longest number the fast path reads: 15 digits are always a safe integer; longer goes the careful way. */
const FAST_DIGITS = 15;

/**
 * Reads a Go profile's lines and merges their blocks. Two ways to read a line, which must agree (the
 * tests read profiles both ways, mutated ones included):
 * - `line`, the careful way: any line, every error explained;
 * - `sameFileLines`, the fast way for the lines after a block line of the same file (nearly every line
 *   of a profile): the path is recognised by its bytes (no string is decoded), the numbers read up to
 *   the newline, and the block is usually the one after the block before (each test binary of a
 *   `-coverpkg` run repeats the blocks in the same order), or else a new one after every block of its
 *   file (the first copy). Anything else it hands to `merge`, or leaves to `line`.
 */
class GoProfileReader {
  /**
   * Sized from the file so a big profile's arrays seldom grow (growing copies them, and code compiled
   * before the first growth is thrown away): a block line is 40 to 100 bytes, and `-coverpkg` runs
   * repeat each block once per test binary. Capacity never written to costs no memory pages.
   */
  readonly blocks: BlockStore;
  /** File paths in the order they first appear, and their numbers. */
  readonly paths: string[] = [];
  private readonly fileIds = new Map<string, number>();
  lineNo = 0;
  private mode: string | undefined;
  private setMode = false;
  private lastPath = '';
  /** The number of lastPath's file; -1 before the first block line. */
  private lastFile = -1;
  /** The block the line before merged into, or -1. */
  private lastIndex = -1;
  /** lastPath's bytes, for the fast path (0 long: no block line read yet, or a path too long to keep). */
  private pathBytes = Buffer.alloc(256);
  /**
   * pathBytes eight at a time, as DataView.getFloat64(k, true) reads them, and its last eight bytes so
   * (overlapping the word before). Compared as numbers, two such words are equal exactly when their
   * bytes are, provided the kept one is neither 0 (0 and -0 are equal numbers with other bytes) nor
   * NaN (never equal): `pathWordsExact` says whether they all are (a path of text always is).
   */
  private pathWords = new Float64Array(32);
  private pathTail = 0;
  private pathWordsExact = false;
  private pathLength = 0;
  /** The six numbers of the block line being read (reused: no array per line). */
  private readonly nums = new Float64Array(6);

  constructor(private readonly report: ReportFile) {
    this.blocks = new BlockStore(Math.min(1 << 20, Math.max(1024, Math.ceil(report.size / 160))));
  }

  fail(message: string): never {
    throw new UserError(message, { file: this.report.display, line: this.lineNo });
  }

  /**
   * Reads the plain block lines of lastPath's file from b[pos…], as many as follow one another, each
   * ending in '\n' before `filled`: returns where the first line it did not read starts (`pos` if none).
   * A line it does not read (another file, anything unusual) is left, unconsumed, for `line`. One loop
   * over the lines (not a call per line) keeps the reader's state in locals.
   * b[filled] must not be a digit (the caller puts a 0 there), so no number runs past the data.
   */
  sameFileLines(b: Buffer, view: DataView, pos: number, filled: number): number {
    const length = this.pathLength;
    if (length === 0) return pos;
    // The path, eight bytes at a time (it is compared on nearly every line), as numbers (see
    // pathWords); a path shorter than 8, or whose words are not exact, goes byte by byte.
    const words = this.pathWords;
    const byWords = this.pathWordsExact;
    const wordEnd = length - 8;
    const tail = this.pathTail;
    const pathBytes = this.pathBytes;
    const blocks = this.blocks;
    const file = this.lastFile;
    const setMode = this.setMode;
    let lineNo = this.lineNo;
    let last = this.lastIndex;
    lines: for (;;) {
      if (pos + length >= filled) break;
      if (byWords) {
        for (let k = 0; k < wordEnd; k += 8) if (view.getFloat64(pos + k, true) !== words[k >> 3]) break lines;
        if (view.getFloat64(pos + wordEnd, true) !== tail) break;
      } else {
        for (let k = 0; k < length; k++) if (b[pos + k] !== pathBytes[k]) break lines;
      }
      let i = pos + length;
      if (b[i] !== COLON) break;
      // The six numbers, each 1 to FAST_DIGITS digits, and the bytes after them.
      let from = ++i;
      let c = b[i];
      let sl = 0;
      for (; c >= 0x30 && c <= 0x39; c = b[++i]) sl = sl * 10 + (c - 0x30);
      if (c !== DOT || i === from || i - from > FAST_DIGITS) break;
      from = ++i;
      c = b[i];
      let sc = 0;
      for (; c >= 0x30 && c <= 0x39; c = b[++i]) sc = sc * 10 + (c - 0x30);
      if (c !== COMMA || i === from || i - from > FAST_DIGITS) break;
      from = ++i;
      c = b[i];
      let el = 0;
      for (; c >= 0x30 && c <= 0x39; c = b[++i]) el = el * 10 + (c - 0x30);
      if (c !== DOT || i === from || i - from > FAST_DIGITS) break;
      from = ++i;
      c = b[i];
      let ec = 0;
      for (; c >= 0x30 && c <= 0x39; c = b[++i]) ec = ec * 10 + (c - 0x30);
      if (c !== SPACE || i === from || i - from > FAST_DIGITS) break;
      from = ++i;
      c = b[i];
      let stmts = 0;
      for (; c >= 0x30 && c <= 0x39; c = b[++i]) stmts = stmts * 10 + (c - 0x30);
      if (c !== SPACE || i === from || i - from > FAST_DIGITS) break;
      from = ++i;
      c = b[i];
      let cnt = 0;
      for (; c >= 0x30 && c <= 0x39; c = b[++i]) cnt = cnt * 10 + (c - 0x30);
      if (i === from || i - from > FAST_DIGITS) break;
      // A profile written on Windows ends its lines in "\r\n".
      if (c === CR && b[i + 1] === NL) c = b[++i];
      if (c !== NL) break;
      i++;
      // i - 1 is the newline, inside the data (the mark at `filled` is not one).
      lineNo++;
      // The block after the one before, as each test binary's copy lists them: merged here (it passed
      // merge's checks when it was added, and its NumStmt agrees). Anything else goes through merge.
      let index = last + 1;
      if (!blocks.isAt(index, file, sl, sc, el, ec, stmts)) {
        if (el >= sl && blocks.startsAfterAll(file, sl, sc)) {
          // A new block after every block of its file (the first copy of a profile is all these):
          // what merge does with it, without the lookup.
          index = blocks.append(file, sl, sc, el, ec, stmts);
        } else {
          this.lineNo = lineNo;
          this.lastIndex = last;
          this.merge(sl, sc, el, ec, stmts, cnt);
          last = this.lastIndex;
          pos = i;
          continue;
        }
      }
      const hits = blocks.hits;
      hits[index] = setMode ? hits[index] || (cnt > 0 ? 1 : 0) : hits[index] + cnt;
      last = index;
      pos = i;
    }
    this.lineNo = lineNo;
    this.lastIndex = last;
    return pos;
  }

  /** One line at b[start, end) (without its newline), read the careful way. */
  line(b: Buffer, start: number, end: number): void {
    this.lineNo++;
    if (end > start && b[end - 1] === CR) end--;
    while (end > start && (b[end - 1] === 0x20 || b[end - 1] === 0x09)) end--;
    if (end === start) return;
    if (b[start] === 0x6d && end - start > 6 && utf8(b, start, start + 6) === 'mode: ') {
      const next = utf8(b, start + 6, end);
      if (!['set', 'count', 'atomic'].includes(next)) this.fail(`unknown coverage mode "${next.slice(0, 40)}"`);
      // Concatenated profiles repeat the mode line; mixing modes would make the merge meaningless.
      if (this.mode !== undefined && this.mode !== next)
        this.fail(`mode "${next}" differs from "${this.mode}" earlier in the file`);
      this.mode = next;
      this.setMode = next === 'set';
      return;
    }
    if (this.mode === undefined) this.fail('a Go coverage profile starts with "mode: set|count|atomic"');
    if (!this.block(b, start, end)) this.fail('line does not match "file:line.col,line.col statements count"');
  }

  /** One `file:sl.sc,el.ec stmts count` line at b[start, end); false if it is not one (the caller then explains). */
  private block(b: Buffer, start: number, end: number): boolean {
    // The path may contain ':' (Windows drives): the position follows the last one.
    let colon = end - 1;
    while (colon > start && b[colon] !== COLON) colon--;
    if (colon <= start) return false;
    let i = colon + 1;
    const nums = this.nums;
    for (let f = 0; f < 6; f++) {
      let v = 0;
      const from = i;
      let c = b[i];
      while (c >= 0x30 && c <= 0x39 && i - from < 16) {
        v = v * 10 + (c - 0x30);
        c = b[++i];
      }
      if (i === from) return false;
      nums[f] = v;
      if (f < 5) {
        if (c !== SEPS[f]) return false;
        i++;
      } else if (i !== end) return false;
    }
    if (this.lastFile < 0 || !sameBytes(this.lastPath, b, start, colon)) {
      this.lastPath = utf8(b, start, colon);
      let file = this.fileIds.get(this.lastPath);
      if (file === undefined) {
        file = this.paths.push(this.lastPath) - 1;
        this.fileIds.set(this.lastPath, file);
      }
      this.lastFile = file;
      // A file met again (the next test binary's copy) starts where its blocks did the first time.
      this.lastIndex = (this.blocks.firstOf[file] ?? 0) - 1;
      this.keepPath(b, start, colon);
    }
    this.merge(nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]);
    return true;
  }

  /** Keeps the bytes of the path just read, for `sameFileLines`. */
  private keepPath(b: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length > this.pathBytes.length) {
      if (length > 64 * 1024) {
        this.pathLength = 0;
        return;
      }
      this.pathBytes = Buffer.alloc(length + 256);
      this.pathWords = new Float64Array(this.pathBytes.length >> 3);
    }
    b.copy(this.pathBytes, 0, start, end);
    const view = new DataView(this.pathBytes.buffer, this.pathBytes.byteOffset, this.pathBytes.byteLength);
    let exact = length >= 8;
    for (let k = 0; k + 8 <= length; k += 8) {
      const word = view.getFloat64(k, true);
      this.pathWords[k >> 3] = word;
      if (word === 0 || word !== word) exact = false;
    }
    const tail = length >= 8 ? view.getFloat64(length - 8, true) : 0;
    if (tail === 0 || tail !== tail) exact = false;
    this.pathTail = tail;
    this.pathWordsExact = exact;
    this.pathLength = length;
  }

  /** Merges one block line into its file's block: summed in count and atomic mode, OR-ed in set mode. */
  private merge(sl: number, sc: number, el: number, ec: number, stmts: number, cnt: number): void {
    if (el < sl) this.fail('block ends before it starts');
    if (!Number.isSafeInteger(cnt) || !Number.isSafeInteger(stmts)) this.fail('count out of range');
    const blocks = this.blocks;
    const file = this.lastFile;
    // The block after the one before, as each test binary's copy of the profile lists them; else the
    // table finds it. A block's four numbers identify it in its file, so both ways find the same one
    // (a block of other NumStmt is not taken as the next one: the table finds it, and it is refused).
    let index = this.lastIndex + 1;
    if (!blocks.isAt(index, file, sl, sc, el, ec, stmts)) index = blocks.find(file, sl, sc, el, ec, stmts);
    if (blocks.numStmt[index] !== stmts)
      this.fail(
        `inconsistent NumStmt for ${this.lastPath}:${sl}.${sc},${el}.${ec}: ${blocks.numStmt[index]} then ${stmts}`,
      );
    blocks.hits[index] = this.setMode ? blocks.hits[index] || (cnt > 0 ? 1 : 0) : blocks.hits[index] + cnt;
    this.lastIndex = index;
  }
}

/**
 * Go coverprofile (`go test -coverprofile`), modes set/count/atomic, read on bytes in 1 MiB chunks.
 * Blocks repeated at the same position merge exactly as `go tool cover` merges them: OR-ed in set
 * mode, summed otherwise. Statements are Go's metric (each block holds NumStmt of them; `go tool
 * cover -func`'s total is covered statements / statements) and the headline for Go. Lines are
 * derived (a line counts the most-executed block on it) so diff coverage works on Go profiles too.
 */
export async function parseGo(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  return readGoProfile(report, set, true);
}

/**
 * parseGo, with or without the fast path (`fast`: false reads every line the careful way). Exported
 * for the tests that hold the two ways equal.
 */
export async function readGoProfile(report: ReportFile, set: CoverageSet, fast: boolean): Promise<ParseResult> {
  const reader = new GoProfileReader(report);
  const fd = await openFd(report.abs, 'r');
  try {
    // One byte past the data stays free for the fast path's end mark.
    let buf = Buffer.allocUnsafe(CHUNK + 1);
    let view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let filled = 0;
    for (;;) {
      if (filled + 1 >= buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
        view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      const bytesRead = readSync(fd, buf, filled, buf.length - 1 - filled, null);
      filled += bytesRead;
      buf[filled] = 0;
      let start = 0;
      for (;;) {
        if (fast) start = reader.sameFileLines(buf, view, start, filled);
        const nl = buf.indexOf(NL, start);
        if (nl < 0 || nl >= filled) break;
        reader.line(buf, start, nl);
        start = nl + 1;
      }
      if (bytesRead === 0) {
        if (start < filled) reader.line(buf, start, filled);
        break;
      }
      buf.copy(buf, 0, start, filled);
      filled -= start;
    }
  } finally {
    closeSync(fd);
  }
  addToSet(report, set, reader.paths, reader.blocks);
  if (reader.paths.length > 0) markMeasured(set, 'statements', 'lines');
  return { files: reader.paths.length };
}

/**
 * Moves the merged blocks into the set. Deriving lines walks every block's span: a corrupt profile
 * (huge spans) must not turn a small file into billions of steps, so the walk has a budget far above
 * what real blocks (a handful of lines each) need.
 */
function addToSet(report: ReportFile, set: CoverageSet, paths: readonly string[], blocks: BlockStore): void {
  const { count, fileOf, startLine, endLine, numStmt } = blocks;
  const files = paths.length;
  // In one pass: the budget, over all blocks at once (a file's walk only adds to it); each file's last
  // line; how many of its blocks hold statements; and whether the store already lists the blocks file
  // by file, all holding statements (as it does for a profile whose copies list the same blocks).
  let budget = 1_000_000 + 20 * report.size;
  const lastOf = new Float64Array(files);
  const starts = new Int32Array(files + 1);
  let grouped = true;
  /** Per file, 1 if a block of it holds other than one statement (its table then keeps weights). */
  const weighted = new Uint8Array(files);
  for (let i = 0; i < count; i++) {
    const file = fileOf[i];
    const el = endLine[i];
    budget -= el - startLine[i] + 1;
    if (el > lastOf[file]) lastOf[file] = el;
    const stmts = numStmt[i];
    if (stmts !== 0) starts[file + 1]++;
    else grouped = false;
    if (stmts > 1) weighted[file] = 1;
    if (i > 0 && file < fileOf[i - 1]) grouped = false;
  }
  if (budget < 0) throw new UserError('implausible coverage blocks (spans far too large)', { file: report.display });
  for (let f = 0; f < files; f++) starts[f + 1] += starts[f];
  // The blocks of each file that hold statements, in the order they first appeared: file f's are
  // order[starts[f], starts[f + 1]) (a counting sort by file); no order: the store's own.
  let order: Int32Array | undefined;
  if (!grouped) {
    order = new Int32Array(starts[files]);
    const next = starts.slice(0, files);
    for (let i = 0; i < count; i++) if (numStmt[i] !== 0) order[next[fileOf[i]]++] = i;
  }

  const lines = new FileLines();
  for (let f = 0; f < files; f++) {
    const file = fileIn(set, paths[f]);
    const first = starts[f];
    addStatements(file, blocks, order, first, starts[f + 1], weighted[f] === 1);
    lines.add(file.lines, blocks, order, first, starts[f + 1], lastOf[f]);
  }
}

/** Block `o` of the blocks listed by `order` (see addToSet): order[o], or o itself without one. */
function blockAt(order: Int32Array | undefined, o: number): number {
  return order ? order[o] : o;
}

/**
 * The file's statements: its blocks first..end of `order`, one entry each (NumStmt statements; the
 * table keeps no weights if `weighted` is false: every block holds one).
 */
function addStatements(
  file: FileCoverage,
  blocks: BlockStore,
  order: Int32Array | undefined,
  first: number,
  end: number,
  weighted: boolean,
): void {
  const { startLine, startCol, endLine, endCol, numStmt, hits } = blocks;
  // Keys (`sl.sc,el.ec`) are made only if something asks for them (a merge, the shard export).
  const keyOf = (at: number): string => {
    const i = blockAt(order, first + at);
    return `${startLine[i]}.${startCol[i]},${endLine[i]}.${endCol[i]}`;
  };
  if (file.statements.size === 0) {
    // A profile's blocks are unique per file (merged while reading): the table takes them as they
    // are. A file whose blocks are stored one after another (each copy of a profile lists a file's
    // blocks together) gets views of the store's columns, not copies.
    const from = blockAt(order, first);
    if (end > first && blockAt(order, end - 1) - from === end - 1 - first) {
      const to = from + (end - first);
      file.statements = HitTable.withKeysOnDemand(
        startLine.subarray(from, to),
        hits.subarray(from, to),
        weighted ? numStmt.subarray(from, to) : undefined,
        keyOf,
      );
      return;
    }
    const lines: number[] = [];
    const counts: number[] = [];
    const weights: number[] = [];
    for (let o = first; o < end; o++) {
      const i = blockAt(order, o);
      lines.push(startLine[i]);
      counts.push(hits[i]);
      weights.push(numStmt[i]);
    }
    file.statements = HitTable.withKeysOnDemand(lines, counts, weighted ? weights : undefined, keyOf);
  } else {
    for (let o = first; o < end; o++) {
      const i = blockAt(order, o);
      file.statements.addWeighted(keyOf(o - first), startLine[i], hits[i], numStmt[i]);
    }
  }
}

/** Derives the lines of each file from its blocks: a line counts the most-executed block on it. */
class FileLines {
  private readonly batch = new LineBatch();
  /**
   * Per line of the file at hand, the most-executed block on it + 1 (0 = no statement there), reused
   * from file to file: in the lines table's own encoding, handed to it at once.
   */
  private counts = new Uint32Array(1024);
  /** The same for a file with a block run 2^32 - 1 times or more (a count a Uint32Array cannot hold). */
  private wide = new Float64Array(0);

  add(
    target: LineHits,
    blocks: BlockStore,
    order: Int32Array | undefined,
    first: number,
    end: number,
    last: number,
  ): void {
    const { startLine, endLine, hits } = blocks;
    if (last >= 1 << 24) {
      this.addSparse(target, blocks, order, first, end);
      return;
    }
    if (last >= this.counts.length) this.counts = new Uint32Array(2 ** Math.ceil(Math.log2(last + 1)));
    const counts = this.counts;
    let top = -1;
    let lines = 0;
    for (let o = first; o < end; o++) {
      const i = blockAt(order, o);
      const value = hits[i] + 1;
      if (!(value <= 0xffffffff)) {
        counts.fill(0, 0, top + 1);
        this.addWide(target, blocks, order, first, end, last);
        return;
      }
      const el = endLine[i];
      if (el > top) top = el;
      for (let line = startLine[i]; line <= el; line++) {
        const before = counts[line];
        if (before < value) {
          if (before === 0) lines++;
          counts[line] = value;
        }
      }
    }
    this.batch.addCounts(target, counts, top, lines);
    counts.fill(0, 0, top + 1);
  }

  /** `add` for a file with counts too large for the Uint32Array: line by line. */
  private addWide(
    target: LineHits,
    blocks: BlockStore,
    order: Int32Array | undefined,
    first: number,
    end: number,
    last: number,
  ): void {
    const { startLine, endLine, hits } = blocks;
    if (last >= this.wide.length) this.wide = new Float64Array(2 ** Math.ceil(Math.log2(last + 1)));
    const wide = this.wide;
    for (let o = first; o < end; o++) {
      const i = blockAt(order, o);
      const value = hits[i] + 1;
      const el = endLine[i];
      for (let line = startLine[i]; line <= el; line++) if (wide[line] < value) wide[line] = value;
    }
    // Collected for the file at once: its table is made at its final size (see LineBatch).
    const batch = this.batch;
    batch.begin(target);
    for (let line = 0; line <= last; line++) {
      if (wide[line] > 0) {
        batch.add(line, wide[line] - 1);
        wide[line] = 0;
      }
    }
    batch.flush();
  }

  /** A file with a line too far out to index densely (a broken profile). */
  private addSparse(
    target: LineHits,
    blocks: BlockStore,
    order: Int32Array | undefined,
    first: number,
    end: number,
  ): void {
    const { startLine, endLine, hits } = blocks;
    const sparse = new Map<number, number>();
    for (let o = first; o < end; o++) {
      const i = blockAt(order, o);
      const count = hits[i];
      for (let line = startLine[i]; line <= endLine[i]; line++)
        if ((sparse.get(line) ?? -1) < count) sparse.set(line, count);
    }
    for (const [line, count] of [...sparse].sort((a, b) => a[0] - b[0])) target.add(line, count);
  }
}
