import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

import { UserError } from '../../../core/errors.js';
import type { CoverageSet } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, markMeasured } from './coverage-set.js';
import type { ReportFile } from './report-file.js';

/** The block line of a profile, as golang.org/x/tools/cover parses it. */
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

interface Block {
  startLine: number;
  endLine: number;
  numStmt: number;
  count: number;
}

/**
 * Go coverprofile (`go test -coverprofile`), modes set/count/atomic. Blocks repeated at the same
 * position (one per test binary in `./...` runs) merge exactly as `go tool cover` merges them:
 * OR-ed in set mode, summed otherwise. Statements are Go's metric (each block holds NumStmt of
 * them: `go tool cover -func`'s total is covered statements / statements). Lines are derived: a line
 * counts the most-executed block on it, so diff coverage can use Go profiles too.
 */
export async function parseGo(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  const stream = createReadStream(report.abs, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const files = new Map<string, Map<string, Block>>();
  let mode: string | undefined;
  let lineNo = 0;
  const fail = (message: string): never => {
    throw new UserError(message, { file: report.display, line: lineNo });
  };
  try {
    for await (const raw of lines) {
      lineNo++;
      const text = raw.trimEnd();
      if (!text) continue;
      if (text.startsWith('mode: ')) {
        const next = text.slice(6);
        if (!['set', 'count', 'atomic'].includes(next)) fail(`unknown coverage mode "${next.slice(0, 40)}"`);
        // Concatenated profiles repeat the mode line; mixing modes would make the merge meaningless.
        if (mode !== undefined && mode !== next) fail(`mode "${next}" differs from "${mode}" earlier in the file`);
        mode = next;
        continue;
      }
      if (mode === undefined) fail('a Go coverage profile starts with "mode: set|count|atomic"');
      const m = BLOCK.exec(text) ?? fail(`line does not match "file:line.col,line.col statements count"`);
      const [, path = '', sl = '', sc = '', el = '', ec = '', stmts = '', cnt = ''] = m;
      const key = `${sl}.${sc},${el}.${ec}`;
      const block: Block = { startLine: Number(sl), endLine: Number(el), numStmt: Number(stmts), count: Number(cnt) };
      if (block.endLine < block.startLine) fail('block ends before it starts');
      if (!Number.isSafeInteger(block.count) || !Number.isSafeInteger(block.numStmt)) fail('count out of range');
      let blocks = files.get(path);
      if (!blocks) files.set(path, (blocks = new Map<string, Block>()));
      const seen = blocks.get(key);
      if (!seen) blocks.set(key, block);
      else if (seen.numStmt !== block.numStmt)
        fail(`inconsistent NumStmt for ${path}:${key}: ${seen.numStmt} then ${block.numStmt}`);
      else seen.count = mode === 'set' ? seen.count | block.count : seen.count + block.count;
    }
  } finally {
    stream.destroy();
  }
  // Deriving lines walks every block's span: a corrupt profile (huge spans, huge NumStmt) must not
  // turn a small file into billions of steps. A real block line (~50 bytes) spans a handful of lines;
  // 20 steps per byte of profile is far above that.
  let budget = 1_000_000 + 20 * report.size;
  for (const [path, blocks] of files) {
    const file = fileIn(set, path);
    const lineHits = new Map<number, number>();
    for (const [key, block] of blocks) {
      budget -= block.numStmt + (block.endLine - block.startLine + 1);
      if (budget < 0) {
        throw new UserError(`implausible coverage blocks (spans or statement counts far too large)`, {
          file: report.display,
        });
      }
      for (let k = 0; k < block.numStmt; k++) file.statements.add(`${key}#${k}`, block.startLine, block.count);
      if (block.numStmt === 0) continue;
      const last = block.endLine;
      for (let line = block.startLine; line <= last; line++) {
        lineHits.set(line, Math.max(lineHits.get(line) ?? 0, block.count));
      }
    }
    for (const [line, hits] of lineHits) file.lines.add(line, hits);
  }
  if (files.size > 0) markMeasured(set, 'statements', 'lines');
  return { files: files.size };
}
