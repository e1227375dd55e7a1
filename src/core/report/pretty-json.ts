/** Characters gathered before a piece is handed out (a batch of array items aims at this size too). */
const PIECE = 64 * 1024;
/** Objects this deep are written member by member; deeper ones by JSON.stringify whole. */
const WALK_DEPTH = 4;
/** Items of an array stringified together at first; later batches aim at a piece's size. */
const FIRST_BATCH = 16;

/**
 * `JSON.stringify(value, null, 2)`, character for character, in pieces of 64 to ~128 K characters.
 * A report can hold 5 000 failures or 100 000 findings: written as one string, the string, its copy
 * with a newline added and the encoded bytes were each as big as the report at once (6 MB of a
 * 57 MB JUnit run's peak memory). Here the objects near the top are written member by member and
 * arrays a batch of items at a time, so only about a piece is held at once.
 *
 * Everything is JSON.stringify's own output, so toJSON, undefined members and the rest are its own
 * doing. A batch of items is stringified as an array wrapped in as many arrays as it is deep, so
 * JSON.stringify indents it to its place itself; the few values below WALK_DEPTH that are not
 * arrays get the indent after each newline (JSON.stringify escapes every newline inside a string,
 * so each one it writes starts a line of its structure). On a 2 MB test report, in a fresh process:
 * 8–13 ms against one JSON.stringify's 7–10 ms (a generator step per member had taken 40–75 ms).
 */
export function* prettyJsonPieces(value: unknown): Generator<string> {
  if (leftOut(value)) return;
  const out = { piece: '' };
  yield* write(value, '', out);
  if (out.piece !== '') yield out.piece;
}

/** The report as its file holds it: pretty-printed, with a final newline. */
export function* reportFilePieces(report: unknown): Generator<string> {
  yield* prettyJsonPieces(report);
  yield '\n';
}

interface Out {
  piece: string;
}

/** Writes `v` at `indent`: two spaces a level, so its depth is half the indent's length. */
function* write(v: unknown, indent: string, out: Out): Generator<string> {
  if (Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
    yield* writeArray(v, indent, out);
  } else if (indent.length / 2 < WALK_DEPTH && isPlainObject(v)) {
    yield* writeObject(v, indent, out);
  } else {
    // Never undefined here: the callers leave out what JSON.stringify leaves out.
    out.piece += indented(JSON.stringify(v, null, 2), indent);
  }
  if (out.piece.length >= PIECE) yield take(out);
}

function* writeObject(v: object, indent: string, out: Out): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const key of Object.keys(v)) {
    const member: unknown = (v as Record<string, unknown>)[key];
    if (leftOut(member)) continue;
    out.piece += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* write(member, inner, out);
  }
  out.piece += first ? '{}' : `\n${indent}}`;
}

function* writeArray(v: unknown[], indent: string, out: Out): Generator<string> {
  if (v.length === 0) {
    out.piece += '[]';
    return;
  }
  out.piece += '[';
  // The items are stringified inside as many arrays as this one is deep, so JSON.stringify indents
  // them to their place itself (a replace of every newline after it cost as much again); the
  // wrapping arrays' brackets are cut off.
  const depth = indent.length / 2;
  // Each wrapping level opens with "<its indent>[\n" and closes with "\n<its indent>]".
  let cut = 0;
  for (let level = 0; level <= depth; level++) cut += 2 * level + 2;
  let batch = FIRST_BATCH;
  for (let start = 0, end = 0; start < v.length; start = end) {
    end = Math.min(v.length, start + batch);
    let wrapped: unknown = v.slice(start, end);
    for (let level = 0; level < depth; level++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    out.piece += `${start === 0 ? '' : ','}\n${text.slice(cut, text.length - cut)}`;
    if (out.piece.length >= PIECE) yield take(out);
    // Next time about a piece's worth of items, going by this batch's size.
    batch = Math.max(1, Math.floor((PIECE * (end - start)) / text.length));
  }
  out.piece += `\n${indent}]`;
}

function take(out: Out): string {
  const piece = out.piece;
  out.piece = '';
  return piece;
}

function indented(text: string, indent: string): string {
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** An object JSON.stringify writes by its own keys: no toJSON, not a boxed primitive. */
function isPlainObject(v: unknown): v is object {
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof Number || v instanceof String || v instanceof Boolean) return false;
  return typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function leftOut(v: unknown): boolean {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return true;
  // A toJSON that returns one of those: the member is left out too.
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return JSON.stringify(v) === undefined;
  return false;
}
