import type { CoverageSet, FileCoverage } from '../model.js';

/**
 * An lcov tracefile of a coverage set: lines (DA), functions (FN/FNDA, named by their position key,
 * which is what identifies a function across shards of one code base) and branch arms (BRDA, the
 * k-th arm of a line as arm k of block 0). Reading it back with the test stage's lcov parser gives
 * the same items under the same keys; `lcov -a` over several of them gives the same totals as the
 * merge (items are matched by position there too).
 */
export function writeLcov(set: CoverageSet): string {
  const parts: string[] = [];
  const paths = [...set.files.keys()].sort();
  for (const path of paths) {
    const file = set.files.get(path);
    if (file) parts.push(record(path, file));
  }
  return parts.join('');
}

function record(path: string, file: FileCoverage): string {
  const out: string[] = ['TN:', `SF:${path}`];
  let fnHit = 0;
  const fnda: string[] = [];
  for (const [key, hit] of file.functions) {
    const name = functionName(key);
    out.push(`FN:${Math.max(0, hit.line)},${name}`);
    fnda.push(`FNDA:${hit.hits},${name}`);
    if (hit.hits > 0) fnHit++;
  }
  if (file.functions.size > 0) out.push(...fnda, `FNF:${file.functions.size}`, `FNH:${fnHit}`);
  if (file.branches.size > 0) {
    // Arms of a line keep their order: the k-th arm read back is the k-th arm written.
    const arms = [...file.branches].map(([, hit], order) => ({ ...hit, order }));
    arms.sort((a, b) => a.line - b.line || a.order - b.order);
    let line = Number.NaN;
    let k = 0;
    let hit = 0;
    for (const arm of arms) {
      k = arm.line === line ? k + 1 : 0;
      line = arm.line;
      out.push(`BRDA:${arm.line},0,${k},${arm.hits}`);
      if (arm.hits > 0) hit++;
    }
    out.push(`BRF:${arms.length}`, `BRH:${hit}`);
  }
  let lh = 0;
  for (const [line, hits] of file.lines) {
    out.push(`DA:${line},${hits}`);
    if (hits > 0) lh++;
  }
  out.push(`LF:${file.lines.size}`, `LH:${lh}`, 'end_of_record', '');
  return out.join('\n');
}

/** A function's key as an lcov name: no comma (FN's separator) and never a bare number (lcov 2's end line). */
function functionName(key: string): string {
  return `f@${key.replace(/[,\n\r]/g, '_')}`;
}
