import { closeSync, open, readSync } from 'node:fs';
import { promisify } from 'node:util';

import { UserError } from '../../../core/errors.js';
import type { CoverageSet, FileCoverage } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { latin1, sameBytes, utf8 } from '../bytes.js';
import { LineBatch } from '../line-hits.js';
import { fileIn, markMeasured, positionKeys } from './coverage-set.js';
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
 * hundreds of MB), so it works on bytes, in four phases:
 *
 * 1. `parseLcov` reads the file in 1 MiB chunks into a reused buffer (readChunks);
 * 2. `scan` splits a chunk into lines and decodes `DA:<line>,<hits>` — nearly every line — in place,
 *    with no string, no regex and no call per line;
 * 3. `fastRecord` decides the other frequent records (BRDA, FN, FNDA, counters) on bytes;
 * 4. `slowRecord` takes whatever is left (SF, lcov 2's FNL/FNA, odd spellings) as a string.
 *
 * Items are keyed by position, as lcov counts them: a function is the k-th FN on its line (two
 * functions of one name are two, as FNF says), an arm the k-th BRDA on its line. Records of the same
 * file merge by summing hits, as `lcov --add-tracefile` does.
 */
export async function parseLcov(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  const parser = new LcovParser(report, set);
  const fd = await openFd(report.abs, 'r');
  try {
    parser.readChunks(fd);
  } finally {
    closeSync(fd);
  }
  return parser.finish();
}

/**
 * Ordinals of items per line within one record: typed slots indexed by line, reset by the list of
 * lines touched (a record touches a few dozen lines; clearing a whole table per record would not pay).
 */
class RecordOrdinals {
  private counts = new Uint16Array(1024);
  private touched: number[] = [];
  private readonly spill = new Map<number, number>();

  take(line: number): number {
    if (line >>> 0 === line && line < 1 << 22) {
      if (line >= this.counts.length) {
        const bigger = new Uint16Array(Math.max(this.counts.length * 2, 2 ** Math.ceil(Math.log2(line + 1))));
        bigger.set(this.counts);
        this.counts = bigger;
      }
      const k = this.counts[line];
      if (k < 0xffff) {
        if (k === 0) this.touched.push(line);
        this.counts[line] = k + 1;
        return k;
      }
    }
    const k = this.spill.get(line) ?? 0;
    this.spill.set(line, k + 1);
    return k;
  }

  reset(): void {
    for (const line of this.touched) this.counts[line] = 0;
    this.touched = [];
    this.spill.clear();
  }
}

class LcovParser {
  private buf = Buffer.allocUnsafe(CHUNK * 2);
  private filled = 0;
  private lineNo = 0;
  private current: FileCoverage | undefined;
  private records = 0;
  private sawFunctions = false;
  private sawBranches = false;
  /** Each record's DA lines collect here and reach the file's table in one piece at end_of_record. */
  private readonly batch = new LineBatch();
  private readonly key = positionKeys();
  private readonly branchOrdinals = new RecordOrdinals();
  private readonly functionOrdinals = new RecordOrdinals();
  /** The file's branch table was empty when this record began: every arm of the record is new (no lookup). */
  private branchesNew = false;
  /** Likewise for functions. */
  private functionsNew = false;
  /** The record's FN names in order and where each is in the file's table, and how many FNDA lines came. */
  private fnNames: string[] = [];
  private fnAt: number[] = [];
  private fndaSeen = 0;
  /** FNDA lines not in FN order: name → the FN entries of that name, and how many FNDA took one. */
  private fnByName: Map<string, { at: number[]; used: number }> | undefined;
  /** lcov 2 `FNL:index,start[,end]` → where the function is in the table, so `FNA:index,hits,name` can find it. */
  private fnlAt = new Map<string, number>();
  /** Reused by `uint`: the value of the integer it read. */
  private num = 0;

  constructor(
    private readonly report: ReportFile,
    private readonly set: CoverageSet,
  ) {}

  /** Phase 1: fill the buffer from the file and hand each chunk's complete lines to `scan`. */
  readChunks(fd: number): void {
    for (;;) {
      if (this.filled + SLACK >= this.buf.length) {
        const bigger = Buffer.allocUnsafe(this.buf.length * 2);
        this.buf.copy(bigger, 0, 0, this.filled);
        this.buf = bigger;
      }
      // SLACK bytes stay unread at the end: `scan` may look a few bytes past `filled` (it checks them
      // against `filled` after), and a read past the Buffer's end would make V8 deoptimize it.
      const bytesRead = readSync(fd, this.buf, this.filled, this.buf.length - this.filled - SLACK, null);
      const eof = bytesRead === 0;
      this.filled += bytesRead;
      const start = this.scan(eof);
      if (eof) break;
      this.buf.copy(this.buf, 0, start, this.filled);
      this.filled -= start;
    }
    this.batch.flush();
  }

  finish(): ParseResult {
    if (this.records > 0) markMeasured(this.set, 'lines');
    if (this.sawFunctions) markMeasured(this.set, 'functions');
    if (this.sawBranches) markMeasured(this.set, 'branches');
    return { files: this.records };
  }

  /**
   * Phase 2: parses the complete lines in buf[0, filled) (and, at EOF, the last unterminated one);
   * returns where the unparsed rest starts. `DA:<line>,<hits>\n` is decoded and its newline found in
   * one pass; anything else finds its newline and goes to `fastRecord`, then `slowRecord`.
   */
  private scan(eof: boolean): number {
    const b = this.buf;
    const n = this.filled;
    const batch = this.batch;
    // What the hot path touches lives in locals; written back before another phase runs.
    let inFile = this.current !== undefined;
    let ln = this.lineNo;
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
      this.lineNo = ln;
      if (end > start && !this.fastRecord(start, end)) this.slowRecord(utf8(b, start, end));
      inFile = this.current !== undefined;
      start = nl + 1;
    }
    this.lineNo = ln;
    return start < n ? start : n;
  }

  /** Phase 3: the frequent records other than a plain DA, decided on bytes; false sends the line to `slowRecord`. */
  private fastRecord(start: number, end: number): boolean {
    const b = this.buf;
    const c0 = b[start];
    const c1 = b[start + 1];
    if (c0 === 0x44 && c1 === 0x41 && b[start + 2] === 0x3a) return this.fastDa(start, end); // DA:
    if (c0 === 0x42 && c1 === 0x52) {
      const c2 = b[start + 2];
      if (c2 === 0x44 && b[start + 3] === 0x41 && b[start + 4] === 0x3a) return this.fastBrda(start, end); // BRDA:
      if ((c2 === 0x46 || c2 === 0x48) && b[start + 3] === 0x3a) return (this.sawBranches = true); // BRF: BRH:
      return false;
    }
    if (c0 === 0x4c && (c1 === 0x46 || c1 === 0x48) && b[start + 2] === 0x3a) return true; // LF: LH:
    if (c0 === 0x46 && c1 === 0x4e) {
      const c2 = b[start + 2];
      if ((c2 === 0x46 || c2 === 0x48) && b[start + 3] === 0x3a) return (this.sawFunctions = true); // FNF: FNH:
      if (c2 === 0x3a) return this.fastFn(start + 3, end); // FN:
      if (c2 === 0x44 && b[start + 3] === 0x41 && b[start + 4] === 0x3a) return this.fastFnda(start + 5, end); // FNDA:
      return false;
    }
    if (c0 === 0x54 && c1 === 0x4e && b[start + 2] === 0x3a) return true; // TN:
    if (c0 === 0x65 && end - start === 13 && latin1(b, start, end) === 'end_of_record') {
      this.endRecord();
      return true;
    }
    return false;
  }

  /** Phase 4: every record as a string (SF, end_of_record, lcov 2's FNL/FNA and FN with an end line, odd numbers). */
  private slowRecord(text: string): void {
    const colon = text.indexOf(':');
    const tag = colon < 0 ? text.trim() : text.slice(0, colon);
    const rest = colon < 0 ? '' : text.slice(colon + 1);
    switch (tag) {
      case 'SF': {
        const path = rest.trim();
        if (!path) this.fail('SF: line without a path');
        this.beginFile(path);
        return;
      }
      case 'end_of_record':
        this.endRecord();
        return;
      case 'DA': {
        const [line = '', hits = ''] = rest.split(',');
        this.need();
        this.batch.add(this.int(line, 'line number'), Math.max(0, this.int(hits, 'hit count')));
        return;
      }
      case 'FN': {
        if (rest.indexOf(',') < 0) this.fail('FN: line must be FN:<line>,<name>');
        // lcov 2 writes FN:<start>,<end>,<name>; names never start with a digit-only field.
        const parts = rest.split(',');
        const hasEnd = parts.length >= 3 && /^\d+$/.test(parts[1] ?? '');
        this.addFunction(parts.slice(hasEnd ? 2 : 1).join(','), this.int(parts[0] ?? '', 'function line'));
        return;
      }
      case 'FNDA': {
        const comma = rest.indexOf(',');
        if (comma < 0) this.fail('FNDA: line must be FNDA:<hits>,<name>');
        this.need();
        this.addFunctionHits(rest.slice(comma + 1), Math.max(0, this.int(rest.slice(0, comma), 'hit count')));
        return;
      }
      case 'FNL': {
        // lcov 2: one function per index; its FNA lines (one per alias) add their hits to it.
        const [index = '', start = ''] = rest.split(',');
        this.fnlAt.set(index, this.addFunction(`#${index}`, this.int(start, 'function line')));
        return;
      }
      case 'FNA': {
        const parts = rest.split(',');
        if (parts.length < 3) this.fail('FNA: line must be FNA:<index>,<hits>,<name>');
        const at = this.fnlAt.get(parts[0] ?? '') ?? this.fail(`FNA: refers to unknown function index ${parts[0]}`);
        this.need().functions.addAt(at, Math.max(0, this.int(parts[1] ?? '', 'hit count')));
        return;
      }
      case 'BRDA': {
        const parts = rest.split(',');
        if (parts.length < 4) this.fail('BRDA: line must be BRDA:<line>,<block>,<branch>,<taken>');
        const line = this.int(parts[0] ?? '', 'branch line');
        const taken = parts[parts.length - 1] ?? '-';
        // The branch id may itself contain commas (lcov 2 expression text): only line and taken matter here.
        this.addBranch(line, taken === '-' ? 0 : Math.max(0, this.int(taken, 'branch count')));
        return;
      }
      case 'FNF':
      case 'FNH':
        this.sawFunctions = true;
        return;
      case 'BRF':
      case 'BRH':
        this.sawBranches = true;
        return;
      default:
        // TN, VER, LF, LH, and tags of newer lcov versions (MCDC…): lcov itself skips what it does not use.
        return;
    }
  }

  // --- Records ---

  private beginFile(path: string): void {
    const file = fileIn(this.set, path);
    this.current = file;
    this.batch.begin(file.lines);
    this.branchesNew = file.branches.size === 0;
    this.functionsNew = file.functions.size === 0;
    this.branchOrdinals.reset();
    this.functionOrdinals.reset();
    this.fnlAt = new Map();
    this.fnNames = [];
    this.fnAt = [];
    this.fnByName = undefined;
    this.fndaSeen = 0;
    this.records++;
  }

  private endRecord(): void {
    this.batch.flush();
    this.current = undefined;
  }

  /** A function declared at `line` (the k-th on it); returns where it is in the file's table. */
  private addFunction(name: string, line: number): number {
    const file = this.need();
    this.sawFunctions = true;
    const key = this.key(line, this.functionOrdinals.take(line));
    let at: number;
    if (this.functionsNew) {
      at = file.functions.size;
      file.functions.appendNew(key, line, 0);
    } else {
      at = file.functions.add(key, line, 0);
    }
    this.fnNames.push(name);
    this.fnAt.push(at);
    return at;
  }

  /**
   * FNDA names a function, not its position. lcov writes a record's FNDA lines in the order of its FN
   * lines, so the k-th FNDA goes to the k-th FN when the names agree; otherwise to the next FN of that
   * name not yet given hits (two functions of one name take their FNDA lines in turn). An FNDA with no
   * FN at all is a function of its own, at line 0.
   */
  private addFunctionHits(name: string, hits: number): void {
    const file = this.need();
    this.sawFunctions = true;
    const k = this.fndaSeen++;
    if (k < this.fnNames.length && this.fnNames[k] === name) {
      file.functions.addAt(this.fnAt[k], hits);
      return;
    }
    const byName = (this.fnByName ??= this.indexFunctions());
    const entry = byName.get(name);
    if (entry && entry.at.length > 0) {
      file.functions.addAt(entry.at[Math.min(entry.used, entry.at.length - 1)], hits);
      entry.used++;
      return;
    }
    file.functions.add(`fn:${name}`, 0, hits);
  }

  private indexFunctions(): Map<string, { at: number[]; used: number }> {
    const out = new Map<string, { at: number[]; used: number }>();
    this.fnNames.forEach((name, i) => {
      const entry = out.get(name);
      if (entry) entry.at.push(this.fnAt[i]);
      else out.set(name, { at: [this.fnAt[i]], used: 0 });
    });
    // FNDA lines already matched in order have used their FN entries.
    for (let i = 0; i < Math.min(this.fndaSeen - 1, this.fnNames.length); i++) {
      const entry = out.get(this.fnNames[i]);
      if (entry) entry.used++;
    }
    return out;
  }

  private addBranch(line: number, hits: number): void {
    const file = this.need();
    this.sawBranches = true;
    const key = this.key(line, this.branchOrdinals.take(line));
    if (this.branchesNew) file.branches.appendNew(key, line, hits);
    else file.branches.add(key, line, hits);
  }

  // --- Byte paths of phase 3 ---

  /** `DA:<line>,<hits>[,<checksum>]`; false when the fast path does not apply. */
  private fastDa(start: number, end: number): boolean {
    if (!this.current) return false;
    let i = this.uint(start + 3, end);
    if (i < 0 || i - start - 3 > 9 || i >= end || this.buf[i] !== COMMA) return false;
    const line = this.num;
    i = this.uint(i + 1, end);
    if (i < 0 || (i < end && this.buf[i] !== COMMA)) return false;
    this.batch.add(line, this.num);
    return true;
  }

  /** `BRDA:<line>,<block>,<branch>,<taken>` with plain numbers; anything else goes the string way. */
  private fastBrda(start: number, end: number): boolean {
    if (!this.current) return false;
    const b = this.buf;
    let i = this.uint(start + 5, end);
    if (i < 0 || b[i] !== COMMA) return false;
    const line = this.num;
    i = this.uint(i + 1, end);
    if (i < 0 || b[i] !== COMMA) return false;
    i = this.uint(i + 1, end);
    if (i < 0 || b[i] !== COMMA) return false;
    let hits: number;
    if (b[i + 1] === 0x2d && i + 2 === end) hits = 0;
    else if (this.uint(i + 1, end) === end) hits = this.num;
    else return false;
    this.addBranch(line, hits);
    return true;
  }

  /** `FN:<line>,<name>` (lcov 1); lcov 2's `FN:<start>,<end>,<name>` goes the string way. */
  private fastFn(pos: number, end: number): boolean {
    if (!this.current) return false;
    const i = this.uint(pos, end);
    if (i < 0 || this.buf[i] !== COMMA || i + 1 >= end) return false;
    const c = this.buf[i + 1];
    if (c >= ZERO && c <= NINE) return false;
    this.addFunction(utf8(this.buf, i + 1, end), this.num);
    return true;
  }

  /** `FNDA:<hits>,<name>`: the k-th FNDA is checked against the k-th FN's name in place, with no string made. */
  private fastFnda(pos: number, end: number): boolean {
    const file = this.current;
    if (!file) return false;
    const i = this.uint(pos, end);
    if (i < 0 || this.buf[i] !== COMMA || i + 1 >= end) return false;
    const k = this.fndaSeen;
    if (k < this.fnNames.length && sameBytes(this.fnNames[k], this.buf, i + 1, end)) {
      this.fndaSeen++;
      this.sawFunctions = true;
      file.functions.addAt(this.fnAt[k], this.num);
      return true;
    }
    this.addFunctionHits(utf8(this.buf, i + 1, end), this.num);
    return true;
  }

  /** Reads the unsigned integer at `pos` into `num`; returns the index after it, or -1 if there is none. */
  private uint(pos: number, end: number): number {
    const b = this.buf;
    let value = 0;
    let i = pos;
    for (; i < end; i++) {
      const c = b[i];
      if (c < ZERO || c > NINE) break;
      value = value * 10 + (c - ZERO);
    }
    if (i === pos || i - pos > 15) return -1;
    this.num = value;
    return i;
  }

  // --- Errors ---

  private fail(message: string): never {
    throw new UserError(message, { file: this.report.display, line: this.lineNo });
  }

  private need(): FileCoverage {
    return this.current ?? this.fail('record outside a file section (no SF: line before it)');
  }

  private int(text: string, what: string): number {
    const value = Number(text);
    return Number.isFinite(value) && text.trim() !== ''
      ? value
      : this.fail(`${what} "${text.slice(0, 40)}" is not a number`);
  }
}
