import { closeSync, open, readSync } from 'node:fs';
import { promisify } from 'node:util';

import { UserError } from '../../../core/errors.js';
import { sameBytes, utf8 } from '../bytes.js';
import type { CoverageSet } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, markMeasured } from './coverage-set.js';
import type { ReportFile } from './report-file.js';

const openFd = promisify(open);
const CHUNK = 1 << 20;
const NL = 0x0a;
const CR = 0x0d;

/**
 * The blocks of one source file, merged as they come: a `./...` run with `-coverpkg` repeats every
 * block once per test binary, so a big profile is mostly repeats. A block is found again by its
 * position packed into one number (no string per line of the profile); its fields live in plain
 * number arrays (unboxed), not an object per block.
 */
class FileBlocks {
  readonly at = new Map<number, number>();
  /** Blocks not found by their start (huge numbers, or a second block starting at the same place): by their text. */
  readonly odd = new Map<string, number>();
  readonly startLine: number[] = [];
  readonly startCol: number[] = [];
  readonly endLine: number[] = [];
  readonly endCol: number[] = [];
  readonly numStmt: number[] = [];
  readonly count: number[] = [];

  add(sl: number, sc: number, el: number, ec: number, stmts: number): number {
    const index = this.startLine.push(sl) - 1;
    this.startCol.push(sc);
    this.endLine.push(el);
    this.endCol.push(ec);
    this.numStmt.push(stmts);
    this.count.push(0);
    return index;
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
  const files = new Map<string, FileBlocks>();
  let mode: string | undefined;
  let lineNo = 0;
  const fail = (message: string): never => {
    throw new UserError(message, { file: report.display, line: lineNo });
  };
  let lastPath = '';
  let lastBlocks: FileBlocks | undefined;
  let setMode = false;

  /** The six numbers of the block line being read (reused: no array per line). */
  const nums = new Float64Array(6);
  /** The byte after each number: '.', ',', '.', ' ', ' ' (the last one ends the line). */
  const SEPS = [0x2e, 0x2c, 0x2e, 0x20, 0x20];

  /** One `file:sl.sc,el.ec stmts count` line at b[start, end); false if it is not one (the caller then explains). */
  const block = (b: Buffer, start: number, end: number): boolean => {
    // The path may contain ':' (Windows drives): the position follows the last one.
    let colon = end - 1;
    while (colon > start && b[colon] !== 0x3a) colon--;
    if (colon <= start) return false;
    let i = colon + 1;
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
    const sl = nums[0];
    const sc = nums[1];
    const el = nums[2];
    const ec = nums[3];
    const stmts = nums[4];
    const cnt = nums[5];
    if (el < sl) fail('block ends before it starts');
    if (!Number.isSafeInteger(cnt) || !Number.isSafeInteger(stmts)) fail('count out of range');
    let blocks = lastBlocks;
    if (!blocks || !sameBytes(lastPath, b, start, colon)) {
      lastPath = utf8(b, start, colon);
      blocks = files.get(lastPath);
      if (!blocks) files.set(lastPath, (blocks = new FileBlocks()));
      lastBlocks = blocks;
    }
    // Found again by where it starts (a small integer key: V8 hashes those fastest), checked by where
    // it ends; a block starting where another does but ending elsewhere goes by its full text.
    let index: number | undefined;
    if (sl < 1 << 20 && sc < 1 << 10) {
      index = blocks.at.get(sl * 1024 + sc);
      if (index === undefined) blocks.at.set(sl * 1024 + sc, (index = blocks.add(sl, sc, el, ec, stmts)));
      else if (blocks.endLine[index] !== el || blocks.endCol[index] !== ec) index = undefined;
    }
    if (index === undefined) {
      const key = `${sl}.${sc},${el}.${ec}`;
      index = blocks.odd.get(key);
      if (index === undefined) blocks.odd.set(key, (index = blocks.add(sl, sc, el, ec, stmts)));
    }
    if (blocks.numStmt[index] !== stmts)
      fail(`inconsistent NumStmt for ${lastPath}:${sl}.${sc},${el}.${ec}: ${blocks.numStmt[index]} then ${stmts}`);
    blocks.count[index] = setMode ? blocks.count[index] | (cnt > 0 ? 1 : 0) : blocks.count[index] + cnt;
    return true;
  };

  const onLine = (b: Buffer, start: number, end: number): void => {
    lineNo++;
    if (end > start && b[end - 1] === CR) end--;
    while (end > start && (b[end - 1] === 0x20 || b[end - 1] === 0x09)) end--;
    if (end === start) return;
    if (b[start] === 0x6d && end - start > 6 && utf8(b, start, start + 6) === 'mode: ') {
      const next = utf8(b, start + 6, end);
      if (!['set', 'count', 'atomic'].includes(next)) fail(`unknown coverage mode "${next.slice(0, 40)}"`);
      // Concatenated profiles repeat the mode line; mixing modes would make the merge meaningless.
      if (mode !== undefined && mode !== next) fail(`mode "${next}" differs from "${mode}" earlier in the file`);
      mode = next;
      setMode = mode === 'set';
      return;
    }
    if (mode === undefined) fail('a Go coverage profile starts with "mode: set|count|atomic"');
    if (!block(b, start, end)) fail('line does not match "file:line.col,line.col statements count"');
  };

  const fd = await openFd(report.abs, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const bytesRead = readSync(fd, buf, filled, buf.length - filled, null);
      filled += bytesRead;
      let start = 0;
      for (let nl = buf.indexOf(NL, 0); nl >= 0 && nl < filled; nl = buf.indexOf(NL, start)) {
        onLine(buf, start, nl);
        start = nl + 1;
      }
      if (bytesRead === 0) {
        if (start < filled) onLine(buf, start, filled);
        break;
      }
      buf.copy(buf, 0, start, filled);
      filled -= start;
    }
  } finally {
    closeSync(fd);
  }
  addToSet(report, set, files);
  if (files.size > 0) markMeasured(set, 'statements', 'lines');
  return { files: files.size };
}

/**
 * Moves the merged blocks into the set. Deriving lines walks every block's span: a corrupt profile
 * (huge spans) must not turn a small file into billions of steps, so the walk has a budget far above
 * what real blocks (a handful of lines each) need.
 */
function addToSet(report: ReportFile, set: CoverageSet, files: Map<string, FileBlocks>): void {
  let budget = 1_000_000 + 20 * report.size;
  for (const [path, blocks] of files) {
    const file = fileIn(set, path);
    const n = blocks.startLine.length;
    let last = 0;
    for (let i = 0; i < n; i++) {
      budget -= blocks.endLine[i] - blocks.startLine[i] + 1;
      if (budget < 0) {
        throw new UserError('implausible coverage blocks (spans far too large)', { file: report.display });
      }
      if (blocks.endLine[i] > last) last = blocks.endLine[i];
    }
    // Per line, the most-executed block on it (+1; 0 = no statement there): a typed array, not a Map.
    const lineHits = last < 1 << 24 ? new Float64Array(last + 1) : undefined;
    const sparse = lineHits ? undefined : new Map<number, number>();
    const fresh = file.statements.size === 0;
    for (let i = 0; i < n; i++) {
      const stmts = blocks.numStmt[i];
      if (stmts === 0) continue;
      const sl = blocks.startLine[i];
      const el = blocks.endLine[i];
      const hits = blocks.count[i];
      const key = `${sl}.${blocks.startCol[i]},${el}.${blocks.endCol[i]}`;
      // A profile's blocks are unique per file (merged above): appended without a lookup.
      if (fresh) file.statements.appendNewWeighted(key, sl, hits, stmts);
      else file.statements.addWeighted(key, sl, hits, stmts);
      for (let line = sl; line <= el; line++) {
        if (lineHits) {
          if (lineHits[line] < hits + 1) lineHits[line] = hits + 1;
        } else if ((sparse!.get(line) ?? -1) < hits) sparse!.set(line, hits);
      }
    }
    if (lineHits) {
      for (let line = 0; line <= last; line++) if (lineHits[line] > 0) file.lines.add(line, lineHits[line] - 1);
    } else {
      for (const [line, hits] of [...sparse!].sort((a, b) => a[0] - b[0])) file.lines.add(line, hits);
    }
  }
}
