/** Lines added or changed by a diff, per repository-relative file (new-side line numbers). */
export type ChangedLines = Map<string, Set<number>>;

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Added lines of one file's hunks (a PR files API `patch`, or the hunks of `git diff`). Counting
 * the old and new sides of each hunk tells content starting with `+++` from a file header.
 */
export function addedLines(patch: string, into: Set<number> = new Set()): Set<number> {
  const lines = patch.split('\n');
  let oldLeft = 0;
  let newLeft = 0;
  let next = 0;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0];
      if (c === '+') {
        into.add(next++);
        newLeft--;
      } else if (c === '-') {
        oldLeft--;
      } else if (c === ' ' || line === '') {
        next++;
        oldLeft--;
        newLeft--;
      }
      // `\ No newline at end of file` belongs to neither side.
      continue;
    }
    const m = HUNK.exec(line);
    if (m) {
      oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      next = Number(m[2]);
      newLeft = m[3] === undefined ? 1 : Number(m[3]);
    }
  }
  return into;
}

/** Git's quoting of unusual paths: `"a\tb\"c"` with C escapes (octal for bytes). */
export function unquoteGitPath(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"')) return p;
  const body = p.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch === '\\' && i + 1 < body.length) {
      const nx = body[i + 1] ?? '';
      if (/[0-7]/.test(nx)) {
        bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
        i += 3;
        continue;
      }
      bytes.push(simple[nx] ?? nx.charCodeAt(0));
      i++;
      continue;
    }
    bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Parses `git diff` output into the added lines of every file that still exists. */
export function parseGitDiff(text: string): ChangedLines {
  const out: ChangedLines = new Map();
  const chunks = text.split(/^diff --git /m).slice(1);
  for (const chunk of chunks) {
    const header = /^\+\+\+ (.+)$/m.exec(chunk);
    if (!header?.[1]) continue;
    const target = unquoteGitPath(header[1].replace(/\t$/, ''));
    if (target === '/dev/null') continue;
    const file = target.startsWith('b/') ? target.slice(2) : target;
    const hunksAt = chunk.search(/^@@ /m);
    if (hunksAt < 0) continue;
    const lines = addedLines(chunk.slice(hunksAt));
    if (lines.size > 0) out.set(file, lines);
  }
  return out;
}
