import { closeSync, open, readSync } from 'node:fs';
import { promisify } from 'node:util';

import { UserError } from '../../../core/errors.js';
import { sameBytes, utf8 } from '../bytes.js';
import { HitTable } from '../hit-table.js';
import { LineBatch } from '../line-hits.js';
import { BlockStore } from './go-blocks.js';
import type { CoverageSet } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, markMeasured } from './coverage-set.js';
import type { ReportFile } from './report-file.js';

const openFd = promisify(open);
const CHUNK = 1 << 20;
const NL = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
/** The byte after each number of a block line: '.', ',', '.', ' ', ' ', and the newline that ends it. */
const SEPS = Uint8Array.of(0x2e, 0x2c, 0x2e, 0x20, 0x20, NL);
/** Longest number the fast path reads: 15 digits are always a safe integer; longer goes the careful way. */
const FAST_DIGITS = 15;

/**
 * Reads a Go profile's lines and merges their blocks. Two ways to read a line, which must agree (the
 * tests read profiles both ways, mutated ones included):
 * - `line`, the careful way: any line, every error explained;
 * - `sameFileLine`, the fast way for the line after a block line of the same file (nearly every line
 *   of a profile): the path is recognised by its bytes (no string is decoded), the numbers read up to
 *   the newline, and the block is usually the one after the block before (each test binary of a
 *   `-coverpkg` run repeats the blocks in the same order). Anything else it hands to `line`.
 */
class GoProfileReader {
  readonly blocks = new BlockStore();
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
  private pathView = new DataView(this.pathBytes.buffer, this.pathBytes.byteOffset, this.pathBytes.byteLength);
  private pathLength = 0;
  /** The six numbers of the block line being read (reused: no array per line). */
  private readonly nums = new Float64Array(6);

  constructor(private readonly report: ReportFile) {}

  fail(message: string): never {
    throw new UserError(message, { file: this.report.display, line: this.lineNo });
  }

  /**
   * The line at b[pos…] if it is a plain block line of the file of the line before, ending in '\n'
   * before `filled`: returns where the next line starts. -1 otherwise (nothing consumed or changed).
   * b[filled] must not be a digit (the caller puts a 0 there), so no number runs past the data.
   */
  sameFileLine(b: Buffer, view: DataView, pos: number, filled: number): number {
    const length = this.pathLength;
    if (length === 0 || pos + length >= filled) return -1;
    // The path, four bytes at a time (it is compared on nearly every line).
    const path = this.pathView;
    let k = 0;
    for (; k + 4 <= length; k += 4) if (view.getUint32(pos + k) !== path.getUint32(k)) return -1;
    for (; k < length; k++) if (b[pos + k] !== this.pathBytes[k]) return -1;
    let i = pos + length;
    if (b[i] !== COLON) return -1;
    i++;
    const nums = this.nums;
    for (let f = 0; f < 6; f++) {
      const from = i;
      let c = b[i];
      let v = 0;
      while (c >= 0x30 && c <= 0x39) {
        v = v * 10 + (c - 0x30);
        c = b[++i];
      }
      if (i === from || i - from > FAST_DIGITS) return -1;
      // A profile written on Windows ends its lines in "\r\n".
      if (c === CR && f === 5 && b[i + 1] === NL) c = b[++i];
      if (c !== SEPS[f]) return -1;
      nums[f] = v;
      i++;
    }
    // i - 1 is the newline, inside the data (the mark at `filled` is not one).
    this.lineNo++;
    this.merge(nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]);
    return i;
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

  /** Keeps the bytes of the path just read, for `sameFileLine`. */
  private keepPath(b: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length > this.pathBytes.length) {
      if (length > 64 * 1024) {
        this.pathLength = 0;
        return;
      }
      this.pathBytes = Buffer.alloc(length + 256);
      this.pathView = new DataView(this.pathBytes.buffer, this.pathBytes.byteOffset, this.pathBytes.byteLength);
    }
    b.copy(this.pathBytes, 0, start, end);
    this.pathLength = length;
  }

  /** Merges one block line into its file's block: summed in count and atomic mode, OR-ed in set mode. */
  private merge(sl: number, sc: number, el: number, ec: number, stmts: number, cnt: number): void {
    if (el < sl) this.fail('block ends before it starts');
    if (!Number.isSafeInteger(cnt) || !Number.isSafeInteger(stmts)) this.fail('count out of range');
    const blocks = this.blocks;
    const file = this.lastFile;
    // The block after the one before, as each test binary's copy of the profile lists them; else the
    // table finds it. A block's four numbers identify it in its file, so both ways find the same one.
    let index = this.lastIndex + 1;
    if (
      index >= blocks.count ||
      blocks.fileOf[index] !== file ||
      blocks.startLine[index] !== sl ||
      blocks.startCol[index] !== sc ||
      blocks.endLine[index] !== el ||
      blocks.endCol[index] !== ec
    )
      index = blocks.find(file, sl, sc, el, ec, stmts);
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
        if (fast) {
          const next = reader.sameFileLine(buf, view, start, filled);
          if (next >= 0) {
            start = next;
            continue;
          }
        }
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
  const { startLine, startCol, endLine, endCol, numStmt, hits } = blocks;
  // The blocks of each file, in the order they first appeared (a counting sort by file).
  const starts = new Int32Array(paths.length + 1);
  for (let i = 0; i < blocks.count; i++) starts[blocks.fileOf[i] + 1]++;
  for (let f = 0; f < paths.length; f++) starts[f + 1] += starts[f];
  const order = new Int32Array(blocks.count);
  const next = starts.slice(0, paths.length);
  for (let i = 0; i < blocks.count; i++) order[next[blocks.fileOf[i]]++] = i;

  let budget = 1_000_000 + 20 * report.size;
  const batch = new LineBatch();
  /** Per line of the file at hand, the most-executed block on it (+1; 0 = no statement there), reused from file to file. */
  let lineHits = new Float64Array(1024);
  for (const [f, path] of paths.entries()) {
    const file = fileIn(set, path);
    const first = starts[f];
    const end = starts[f + 1];
    let last = 0;
    for (let o = first; o < end; o++) {
      const i = order[o];
      budget -= endLine[i] - startLine[i] + 1;
      if (budget < 0) {
        throw new UserError('implausible coverage blocks (spans far too large)', { file: report.display });
      }
      if (endLine[i] > last) last = endLine[i];
    }
    const dense = last < 1 << 24;
    if (dense && last >= lineHits.length) lineHits = new Float64Array(2 ** Math.ceil(Math.log2(last + 1)));
    const sparse = dense ? undefined : new Map<number, number>();
    // The file's statements by column; their keys (`sl.sc,el.ec`) are made only if something asks for
    // them (a merge, the shard export), from the three numbers kept for it here.
    const lines: number[] = [];
    const counts: number[] = [];
    const weights: number[] = [];
    let weighted = false;
    const parts = new Float64Array(3 * (end - first));
    for (let o = first; o < end; o++) {
      const i = order[o];
      const stmts = numStmt[i];
      if (stmts === 0) continue;
      const sl = startLine[i];
      const el = endLine[i];
      const count = hits[i];
      const k = 3 * lines.length;
      parts[k] = startCol[i];
      parts[k + 1] = el;
      parts[k + 2] = endCol[i];
      lines.push(sl);
      counts.push(count);
      weights.push(stmts);
      if (stmts !== 1) weighted = true;
      for (let line = sl; line <= el; line++) {
        if (!sparse) {
          if (lineHits[line] < count + 1) lineHits[line] = count + 1;
        } else if ((sparse.get(line) ?? -1) < count) sparse.set(line, count);
      }
    }
    const keyOf = (at: number): string => `${lines[at]}.${parts[3 * at]},${parts[3 * at + 1]}.${parts[3 * at + 2]}`;
    if (file.statements.size === 0) {
      // A profile's blocks are unique per file (merged above): the table takes them as they are.
      file.statements = HitTable.withKeysOnDemand(lines, counts, weighted ? weights : undefined, keyOf);
    } else {
      for (let at = 0; at < lines.length; at++)
        file.statements.addWeighted(keyOf(at), lines[at], counts[at], weights[at]);
    }
    if (!sparse) {
      // Collected for the file at once: its table is made at its final size (see LineBatch).
      batch.begin(file.lines);
      for (let line = 0; line <= last; line++) {
        if (lineHits[line] > 0) {
          batch.add(line, lineHits[line] - 1);
          lineHits[line] = 0;
        }
      }
      batch.flush();
    } else {
      for (const [line, count] of [...sparse].sort((a, b) => a[0] - b[0])) file.lines.add(line, count);
    }
  }
}
