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
  /** Positions that do not pack into 52 bits (huge line or column numbers): keyed by their text. */
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

  /** One `file:sl.sc,el.ec stmts count` line at b[start, end); false if it is not one (the caller then explains). */
  const block = (b: Buffer, start: number, end: number): boolean => {
    // The path may contain ':' (Windows drives): the position follows the last one.
    let colon = end - 1;
    while (colon > start && b[colon] !== 0x3a) colon--;
    if (colon <= start) return false;
    let i = colon + 1;
    const nums = [0, 0, 0, 0, 0, 0];
    const seps = [0x2e, 0x2c, 0x2e, 0x20, 0x20, -1];
    for (let f = 0; f < 6; f++) {
      let v = 0;
      const from = i;
      while (i < end && b[i] >= 0x30 && b[i] <= 0x39 && i - from < 16) v = v * 10 + (b[i++] - 0x30);
      if (i === from) return false;
      nums[f] = v;
      if (f < 5) {
        if (b[i] !== seps[f]) return false;
        i++;
      } else if (i !== end) return false;
    }
    const [sl, sc, el, ec, stmts, cnt] = nums as [number, number, number, number, number, number];
    if (el < sl) fail('block ends before it starts');
    if (!Number.isSafeInteger(cnt) || !Number.isSafeInteger(stmts)) fail('count out of range');
    let blocks = lastBlocks;
    if (!blocks || !sameBytes(lastPath, b, start, colon)) {
      lastPath = utf8(b, start, colon);
      blocks = files.get(lastPath);
      if (!blocks) files.set(lastPath, (blocks = new FileBlocks()));
      lastBlocks = blocks;
    }
    const span = el - sl;
    let index: number | undefined;
    if (sl < 1 << 20 && sc < 1 << 11 && span < 1 << 10 && ec < 1 << 11) {
      const key = ((sl * 2048 + sc) * 1024 + span) * 2048 + ec;
      index = blocks.at.get(key);
      if (index === undefined) blocks.at.set(key, (index = blocks.add(sl, sc, el, ec, stmts)));
    } else {
      const key = `${sl}.${sc},${el}.${ec}`;
      index = blocks.odd.get(key);
      if (index === undefined) blocks.odd.set(key, (index = blocks.add(sl, sc, el, ec, stmts)));
    }
    if (blocks.numStmt[index] !== stmts)
      fail(`inconsistent NumStmt for ${lastPath}:${sl}.${sc},${el}.${ec}: ${blocks.numStmt[index]} then ${stmts}`);
    blocks.count[index] = mode === 'set' ? blocks.count[index] | (cnt > 0 ? 1 : 0) : blocks.count[index] + cnt;
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
    const lineHits = new Map<number, number>();
    for (let i = 0; i < blocks.startLine.length; i++) {
      const sl = blocks.startLine[i];
      const el = blocks.endLine[i];
      const stmts = blocks.numStmt[i];
      const hits = blocks.count[i];
      budget -= el - sl + 1;
      if (budget < 0) {
        throw new UserError('implausible coverage blocks (spans far too large)', { file: report.display });
      }
      if (stmts === 0) continue;
      file.statements.addWeighted(`${sl}.${blocks.startCol[i]},${el}.${blocks.endCol[i]}`, sl, hits, stmts);
      for (let line = sl; line <= el; line++) {
        const before = lineHits.get(line);
        if (before === undefined || before < hits) lineHits.set(line, hits);
      }
    }
    for (const [line, hits] of [...lineHits].sort((a, b) => a[0] - b[0])) file.lines.add(line, hits);
  }
}
