/**
 * Cutting markdown to a length without breaking what follows it. A cut inside a fenced block turns
 * everything after it (the other stages' sections included) into code; a cut inside `<details>`
 * folds it away. So a cut is only made where no fence is open, every `<details>` still open there is
 * closed after the cut, and the note stands as its own paragraph.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DETAILS_OPEN = /<details\b/gi;
const DETAILS_CLOSE = /<\/details\s*>/gi;

interface CutPoint {
  /** Characters of the text kept. */
  end: number;
  /** `<details>` blocks open at that point. */
  depth: number;
  /** A blank line precedes the cut: a block boundary, preferred over a cut between lines of a block. */
  boundary: boolean;
}

/** Every place between lines where the text may be cut, in order. */
function cutPoints(markdown: string): CutPoint[] {
  const points: CutPoint[] = [];
  let fence: string | undefined;
  let depth = 0;
  let pos = 0;
  let previousBlank = false;
  for (const line of markdown.split('\n')) {
    const end = pos + line.length;
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      depth += (line.match(DETAILS_OPEN) ?? []).length - (line.match(DETAILS_CLOSE) ?? []).length;
      if (depth < 0) depth = 0;
    }
    const blank = line.trim() === '';
    if (fence === undefined) points.push({ end, depth, boundary: blank || previousBlank });
    previousBlank = blank;
    pos = end + 1;
  }
  return points;
}

const closing = (depth: number): string => '\n\n</details>'.repeat(depth);

/**
 * `markdown` if it fits in `max` characters; else the longest well-formed prefix that fits with the
 * closing tags and `note` (its own paragraph). `keep` characters at the start (a heading) are never
 * cut, even if that leaves the result over `max`.
 */
export function trimMarkdown(markdown: string, max: number, note: string, keep = 0): string {
  if (markdown.length <= max) return markdown;
  const points = cutPoints(markdown).filter((p) => p.end >= keep);
  const fits = (p: CutPoint): boolean =>
    markdown.slice(0, p.end).trimEnd().length + closing(p.depth).length + 2 + note.length <= max;
  const candidates = points.filter(fits);
  // A block boundary near the best line cut reads better than half a paragraph.
  const best = candidates[candidates.length - 1];
  const boundary = [...candidates].reverse().find((p) => p.boundary);
  const chosen = boundary && best && best.end - boundary.end < 2_000 ? boundary : (best ?? points[0]);
  if (!chosen) return `${markdown.slice(0, Math.max(keep, 0)).trimEnd()}\n\n${note}`;
  return `${markdown.slice(0, chosen.end).trimEnd()}${closing(chosen.depth)}\n\n${note}`;
}

/** What `trimMarkdown` kept of the original, with the closing tags and note taken off again. */
export function keptPart(trimmed: string, note: RegExp): string | undefined {
  const m = note.exec(trimmed);
  if (!m) return undefined;
  return trimmed
    .slice(0, m.index)
    .replace(/(?:\s*<\/details>)+\s*$/, '')
    .trimEnd();
}
