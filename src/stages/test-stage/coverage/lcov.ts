import { closeSync, open, readSync } from 'node:fs';
import { promisify } from 'node:util';

import { UserError } from '../../../core/errors.js';
import type { CoverageSet, FileCoverage } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { sameBytes } from '../bytes.js';
import { LineBatch } from '../line-hits.js';
import { branchKeys, fileIn, markMeasured } from './coverage-set.js';
import type { ReportFile } from './report-file.js';

const CHUNK = 1 << 20;
/** A plain descriptor, opened without blocking; reads are synchronous (see streamXml). */
const openFd = promisify(open);
/** More than the furthest `scan` reads past a line's start before it knows whether the line is complete. */
const SLACK = 64;
const NL = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * lcov tracefile parser. It is the one format that gets huge (a monorepo's merged lcov runs to
 * hundreds of MB), so it works on bytes: reads fill a reused 2 MiB buffer, DA records (nearly every line) are decoded
 * without making strings, the rare records (SF, FN, BRDA…) go through a string path. Same-file
 * records merge by summing hits, as `lcov --add-tracefile` and `lcov --summary` do.
 */
export async function parseLcov(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  const fd = await openFd(report.abs, 'r');
  let buf = Buffer.allocUnsafe(CHUNK * 2);
  let filled = 0;
  let lineNo = 0;
  let current: FileCoverage | undefined;
  let records = 0;
  let sawFunctions = false;
  let sawBranches = false;
  /** lcov 2 `FNL:index,start[,end]` → start line, so `FNA:index,hits,name` can find it. */
  let fnlLines = new Map<string, number>();
  const branchKey = branchKeys();
  // Each record's DA lines collect here and reach the file's table in one piece at end_of_record.
  const batch = new LineBatch();
  /**
   * While a file's branch table was empty when its record began and its BRDA lines come in ascending
   * (line, block, branch) order, as lcov writes them, each arm is new: it is appended without a lookup.
   */
  let branchesNew = false;
  let lastBranch = -1;

  const fail = (message: string): never => {
    throw new UserError(message, { file: report.display, line: lineNo });
  };
  const need = (): FileCoverage => current ?? fail('record outside a file section (no SF: line before it)');
  const int = (text: string, what: string): number => {
    const value = Number(text);
    return Number.isFinite(value) && text.trim() !== ''
      ? value
      : fail(`${what} "${text.slice(0, 40)}" is not a number`);
  };
  /**
   * Functions are keyed by name alone: FNDA names a function without its line, and lcov counts
   * functions by name. A function met first in FNDA gets its line when its FN comes.
   */
  const addFunction = (file: FileCoverage, name: string, line: number, hits: number): number =>
    file.functions.add(name, line, hits);
  /** The current record's FN names in order, where each is in the file's table, and how many FNDA lines came. */
  let fnNames: string[] = [];
  let fnAt: number[] = [];
  let fndaSeen = 0;

  const slowLine = (text: string): void => {
    const colon = text.indexOf(':');
    const tag = colon < 0 ? text.trim() : text.slice(0, colon);
    const rest = colon < 0 ? '' : text.slice(colon + 1);
    switch (tag) {
      case 'SF': {
        const path = rest.trim();
        if (!path) fail('SF: line without a path');
        current = fileIn(set, path);
        batch.begin(current.lines);
        branchesNew = current.branches.size === 0;
        lastBranch = -1;
        fnlLines = new Map();
        fnNames = [];
        fnAt = [];
        fndaSeen = 0;
        records++;
        return;
      }
      case 'end_of_record':
        batch.flush();
        current = undefined;
        return;
      case 'DA': {
        const [line = '', hits = ''] = rest.split(',');
        need();
        batch.add(int(line, 'line number'), Math.max(0, int(hits, 'hit count')));
        return;
      }
      case 'FN': {
        const comma = rest.indexOf(',');
        if (comma < 0) fail('FN: line must be FN:<line>,<name>');
        // lcov 2 writes FN:<start>,<end>,<name>; names never start with a digit-only field.
        const parts = rest.split(',');
        const hasEnd = parts.length >= 3 && /^\d+$/.test(parts[1] ?? '');
        const name = parts.slice(hasEnd ? 2 : 1).join(',');
        sawFunctions = true;
        addFunction(need(), name, int(parts[0] ?? '', 'function line'), 0);
        return;
      }
      case 'FNDA': {
        const comma = rest.indexOf(',');
        if (comma < 0) fail('FNDA: line must be FNDA:<hits>,<name>');
        sawFunctions = true;
        addFunction(need(), rest.slice(comma + 1), 0, Math.max(0, int(rest.slice(0, comma), 'hit count')));
        return;
      }
      case 'FNL': {
        const [index = '', start = ''] = rest.split(',');
        need();
        fnlLines.set(index, int(start, 'function line'));
        sawFunctions = true;
        return;
      }
      case 'FNA': {
        const parts = rest.split(',');
        if (parts.length < 3) fail('FNA: line must be FNA:<index>,<hits>,<name>');
        const line = fnlLines.get(parts[0] ?? '') ?? fail(`FNA: refers to unknown function index ${parts[0]}`);
        addFunction(need(), parts.slice(2).join(','), line, Math.max(0, int(parts[1] ?? '', 'hit count')));
        return;
      }
      case 'BRDA': {
        const parts = rest.split(',');
        if (parts.length < 4) fail('BRDA: line must be BRDA:<line>,<block>,<branch>,<taken>');
        const file = need();
        const line = int(parts[0] ?? '', 'branch line');
        const taken = parts[parts.length - 1] ?? '-';
        const hits = taken === '-' ? 0 : Math.max(0, int(taken, 'branch count'));
        // The branch id may itself contain commas (lcov 2 expression text); only line, block and taken are fixed.
        branchesNew = false;
        file.branches.add(`${line}:${parts.slice(1, -1).join(',')}`, line, hits);
        sawBranches = true;
        return;
      }
      case 'FNF':
      case 'FNH':
        sawFunctions = true;
        return;
      case 'BRF':
      case 'BRH':
        sawBranches = true;
        return;
      default:
        // TN, VER, LF, LH, and tags of newer lcov versions (MCDC…): lcov itself skips what it does not use.
        return;
    }
  };

  /** Decodes `DA:<line>,<hits>[,<checksum>]` from bytes; returns false when the fast path does not apply. */
  const fastDa = (start: number, end: number): boolean => {
    if (!current) return false;
    let i = start + 3;
    let line = 0;
    let digits = 0;
    for (; i < end; i++) {
      const c = buf[i];
      if (c < ZERO || c > NINE) break;
      line = line * 10 + (c - ZERO);
      digits++;
    }
    if (digits === 0 || digits > 9 || i >= end || buf[i] !== COMMA) return false;
    i++;
    let hits = 0;
    digits = 0;
    for (; i < end; i++) {
      const c = buf[i];
      if (c < ZERO || c > NINE) break;
      hits = hits * 10 + (c - ZERO);
      digits++;
    }
    if (digits === 0 || digits > 15 || (i < end && buf[i] !== COMMA)) return false;
    batch.add(line, hits);
    return true;
  };

  /** Reads the unsigned integer at `pos` into `num`; returns the index after it, or -1 if there is none. */
  let num = 0;
  const uint = (pos: number, end: number): number => {
    let value = 0;
    let i = pos;
    for (; i < end; i++) {
      const c = buf[i];
      if (c < ZERO || c > NINE) break;
      value = value * 10 + (c - ZERO);
    }
    if (i === pos || i - pos > 15) return -1;
    num = value;
    return i;
  };

  /** `BRDA:<line>,<block>,<branch>,<taken>` with plain numbers; anything else goes the string way. */
  const fastBrda = (start: number, end: number): boolean => {
    const file = current;
    if (!file) return false;
    let i = uint(start + 5, end);
    if (i < 0 || buf[i] !== COMMA) return false;
    const line = num;
    i = uint(i + 1, end);
    if (i < 0 || buf[i] !== COMMA) return false;
    const block = num;
    i = uint(i + 1, end);
    if (i < 0 || buf[i] !== COMMA) return false;
    const branch = num;
    let hits = 0;
    if (buf[i + 1] === 0x2d && i + 2 === end) hits = 0;
    else if (uint(i + 1, end) === end) hits = num;
    else return false;
    const order =
      line < 2 ** 21 && block < 2 ** 16 && branch < 2 ** 16 ? (line * 2 ** 16 + block) * 2 ** 16 + branch : -1;
    if (branchesNew && order > lastBranch) {
      lastBranch = order;
      file.branches.appendNew(branchKey(line, block, branch), line, hits);
    } else {
      branchesNew = false;
      file.branches.add(branchKey(line, block, branch), line, hits);
    }
    sawBranches = true;
    return true;
  };

  /** `FN:<line>,<name>` (lcov 1) and `FNDA:<hits>,<name>`; lcov 2's `FN:<start>,<end>,<name>` goes the string way. */
  const fastFn = (pos: number, end: number, isData: boolean): boolean => {
    const file = current;
    if (!file) return false;
    const i = uint(pos, end);
    if (i < 0 || buf[i] !== COMMA || i + 1 >= end) return false;
    const value = num;
    const c = buf[i + 1];
    if (!isData && c >= ZERO && c <= NINE) return false;
    sawFunctions = true;
    if (isData) {
      // lcov writes a record's FNDA lines in the order of its FN lines: the k-th FNDA is checked
      // against the k-th FN's name in place, with no string made and no lookup.
      const k = fndaSeen++;
      if (k < fnNames.length && sameBytes(fnNames[k], buf, i + 1, end)) file.functions.addAt(fnAt[k], value);
      else addFunction(file, buf.toString('utf8', i + 1, end), 0, value);
      return true;
    }
    const name = buf.toString('utf8', i + 1, end);
    fnNames.push(name);
    fnAt.push(addFunction(file, name, value, 0));
    return true;
  };

  /** The records of nearly every line, decided on bytes; false sends the line to `slowLine`. */
  const fastLine = (start: number, end: number): boolean => {
    const c0 = buf[start];
    const c1 = buf[start + 1];
    if (c0 === 0x44 && c1 === 0x41 && buf[start + 2] === 0x3a) return fastDa(start, end); // DA:
    if (c0 === 0x42 && c1 === 0x52) {
      const c2 = buf[start + 2];
      if (c2 === 0x44 && buf[start + 3] === 0x41 && buf[start + 4] === 0x3a) return fastBrda(start, end); // BRDA:
      if ((c2 === 0x46 || c2 === 0x48) && buf[start + 3] === 0x3a) return (sawBranches = true); // BRF: BRH:
      return false;
    }
    if (c0 === 0x4c && (c1 === 0x46 || c1 === 0x48) && buf[start + 2] === 0x3a) return true; // LF: LH:
    if (c0 === 0x46 && c1 === 0x4e) {
      const c2 = buf[start + 2];
      if ((c2 === 0x46 || c2 === 0x48) && buf[start + 3] === 0x3a) return (sawFunctions = true); // FNF: FNH:
      if (c2 === 0x3a) return fastFn(start + 3, end, false); // FN:
      if (c2 === 0x44 && buf[start + 3] === 0x41 && buf[start + 4] === 0x3a) return fastFn(start + 5, end, true); // FNDA:
      return false;
    }
    if (c0 === 0x54 && c1 === 0x4e && buf[start + 2] === 0x3a) return true; // TN:
    if (c0 === 0x65 && end - start === 13 && buf.toString('latin1', start, end) === 'end_of_record') {
      batch.flush();
      current = undefined;
      return true;
    }
    return false;
  };

  /**
   * Parses the complete lines in buf[0, filled) (and, at EOF, the last unterminated one); returns
   * where the unparsed rest starts. `DA:<line>,<hits>\n`, nearly every line of a tracefile, is decoded
   * and its newline found in one pass over the bytes, with no string, no regex and no call per line;
   * anything else (or a DA with a checksum, a sign, a huge number) finds its newline and goes the
   * general way.
   */
  const scan = (eof: boolean): number => {
    const b = buf;
    const n = filled;
    // The state the hot path touches lives in locals (closure variables cost a context access
    // each); it is written back before the general path runs and re-read after it.
    let inFile = current !== undefined;
    let ln = lineNo;
    let start = 0;
    while (start < n) {
      ln++;
      if (inFile && b[start] === 0x44 && b[start + 1] === 0x41 && b[start + 2] === 0x3a) {
        let i = start + 3;
        let line = 0;
        let c = b[i];
        while (c >= ZERO && c <= NINE && i - start < 12) {
          line = line * 10 + (c - ZERO);
          c = b[++i];
        }
        if (c === COMMA && i > start + 3) {
          const hitsAt = ++i;
          let hits = 0;
          c = b[i];
          while (c >= ZERO && c <= NINE && i - hitsAt < 15) {
            hits = hits * 10 + (c - ZERO);
            c = b[++i];
          }
          if (i > hitsAt && (c === NL ? i < n : c === CR && i + 1 < n && b[i + 1] === NL)) {
            batch.add(line, hits);
            start = c === NL ? i + 1 : i + 2;
            continue;
          }
        }
      }
      let nl = start;
      while (nl < n && b[nl] !== NL) nl++;
      if (nl >= n) {
        if (!eof) {
          ln--;
          break;
        }
        nl = n;
      }
      let end = nl;
      if (end > start && b[end - 1] === CR) end--;
      lineNo = ln;
      if (end > start && !fastLine(start, end)) slowLine(b.toString('utf8', start, end));
      inFile = current !== undefined;
      start = nl + 1;
    }
    lineNo = ln;
    return start < n ? start : n;
  };

  try {
    for (;;) {
      if (filled + SLACK >= buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      // SLACK bytes stay unread at the end: `scan` may look a few bytes past `filled` (it checks them
      // against `filled` after), and a read past the Buffer's end would make V8 deoptimize it.
      const bytesRead = readSync(fd, buf, filled, buf.length - filled - SLACK, null);
      const eof = bytesRead === 0;
      filled += bytesRead;
      const start = scan(eof);
      if (eof) break;
      buf.copy(buf, 0, start, filled);
      filled -= start;
    }
    batch.flush();
  } finally {
    closeSync(fd);
  }
  if (records > 0) markMeasured(set, 'lines');
  if (sawFunctions) markMeasured(set, 'functions');
  if (sawBranches) markMeasured(set, 'branches');
  return { files: records };
}
